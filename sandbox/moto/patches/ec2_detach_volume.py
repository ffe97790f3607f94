"""DetachVolume with only a VolumeId, as AWS allows (see sandbox/FIDELITY.md).

AWS finds the instance from the volume's attachment; moto looked up an instance with the id None
and crashed (HTTP 500). A volume that is not attached is AWS's IncorrectState error.
https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DetachVolume.html"""
from patches._when_imported import when_imported
from patches._targets import expect


def _patch(module):
    from moto.ec2.exceptions import EC2ClientError

    original = module.EBSBackend.detach_volume

    def detach_volume(self, volume_id, instance_id, device_path):
        if not instance_id:
            volume = self.get_volume(volume_id)
            if volume.attachment is None:
                raise EC2ClientError("IncorrectState", f"Volume '{volume_id}' is in the 'available' state.")
            instance_id = volume.attachment.instance.id
        return original(self, volume_id, instance_id, device_path)

    module.EBSBackend.detach_volume = detach_volume


expect("moto.ec2.models.elastic_block_store", "EBSBackend.detach_volume")
when_imported("moto.ec2.models.elastic_block_store", _patch)
