"""S3 event notifications to Lambda are delivered by the gateway, not by moto (see sandbox/FIDELITY.md).

moto invokes the function itself during the PutObject that caused the event, which needs Docker;
without it the attempt fails quietly after trying. The gateway runs Node.js handlers and delivers
the events asynchronously as AWS does (sandbox/gateway/rules/s3-event-notifications.ts), so moto's
own attempt is switched off. Queue, topic and EventBridge destinations are left to moto."""
from patches._when_imported import when_imported
from patches._targets import expect


def _patch(module):
    module._invoke_awslambda = lambda account_id, event_body, fn_arn, region_name: None


expect("moto.s3.notifications", "_invoke_awslambda")
when_imported("moto.s3.notifications", _patch)
