"""DescribeSnapshots honours OwnerIds, as AWS does (see sandbox/FIDELITY.md).

moto ignores OwnerIds, so `OwnerIds: ['self']` returned the snapshots moto makes behind each of
its ~1300 built-in AMIs (owned by Amazon): a new account seemed to own them, the lab page's
resources panel listed them all, and every ebs-attach grade spent its time serializing them.
https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeSnapshots.html"""
from patches._when_imported import when_imported
from patches._targets import expect

AMAZON_ALIASES = {"amazon"}


def _patch(module):
    from moto.ec2.utils import generic_filter

    def owned_by(snapshot, owners, account_id):
        for owner in owners:
            if owner == "self" and snapshot.owner_id == account_id:
                return True
            if owner in AMAZON_ALIASES and snapshot.owner_id != account_id:
                return True
            if owner == snapshot.owner_id:
                return True
        return False

    def describe_snapshots(self):
        owners = self._get_param("OwnerIds", [])
        filters = self._filters_from_querystring()
        snapshots = self.ec2_backend.describe_snapshots(snapshot_ids=self._get_param("SnapshotIds", []))
        if owners:
            snapshots = [s for s in snapshots if owned_by(s, owners, self.ec2_backend.account_id)]
        if filters:
            snapshots = generic_filter(filters, snapshots)
        return module.ActionResult({"Snapshots": snapshots})

    module.ElasticBlockStore.describe_snapshots = describe_snapshots


expect("moto.ec2.responses.elastic_block_store", "ElasticBlockStore.describe_snapshots", "ActionResult")
when_imported("moto.ec2.responses.elastic_block_store", _patch)
