"""Two VPC behaviours of AWS that moto lacks (see sandbox/FIDELITY.md, "VPC").

A subnet created in a VPC of one's own is never a default subnet and gives no public IPv4 address
on launch until ModifySubnetAttribute turns MapPublicIpOnLaunch on. moto made the first subnet it
filed under an Availability Zone "default for the zone", with public addresses: every subnet
created with AvailabilityZoneId (filed under no zone name) or in an account whose default VPC was
deleted became a public default subnet.
https://docs.aws.amazon.com/vpc/latest/userguide/modify-subnets.html#subnet-public-ip

A new NAT gateway is `pending` before it is `available` (moto: `available` at once), so a script
has to wait for it (waitUntilNatGatewayAvailable). Here it is pending for its first seconds.
https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateway-working-with.html"""
from patches._when_imported import when_imported
from patches._targets import expect

NAT_PENDING_SECONDS = 3


def _patch_subnets(module):
    original = module.SubnetBackend.create_subnet

    def create_subnet(self, vpc_id, *args, **kwargs):
        subnet = original(self, vpc_id, *args, **kwargs)
        if not self.get_vpc(vpc_id).is_default:
            subnet.default_for_az = False
            subnet.map_public_ip_on_launch = False
        return subnet

    module.SubnetBackend.create_subnet = create_subnet


def _patch_nat_gateways(module):
    from moto.core.utils import utcnow

    cls = module.NatGateway
    if not callable(getattr(cls, "__init__", None)) or "state" in vars(cls):
        raise RuntimeError("moto.ec2.models.nat_gateways.NatGateway changed: check patches/ec2_vpc_network.py")

    def get_state(self):
        state = self.__dict__.get("_infralabs_state")
        created = self.__dict__.get("_created_at")
        if state == "available" and created is not None and (utcnow() - created).total_seconds() < NAT_PENDING_SECONDS:
            return "pending"
        return state

    def set_state(self, value):
        self.__dict__["_infralabs_state"] = value

    cls.state = property(get_state, set_state)


expect("moto.ec2.models.subnets", "SubnetBackend.create_subnet")
expect("moto.ec2.models.nat_gateways", "NatGateway.__init__")
when_imported("moto.ec2.models.subnets", _patch_subnets)
when_imported("moto.ec2.models.nat_gateways", _patch_nat_gateways)
