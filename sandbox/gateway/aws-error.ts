// An AWS error response in the wire shape each protocol's SDK parses: the learner's code then
// sees the same error name and message it would get from AWS.
import type { Protocol } from './operation.ts';
import type { GatewayResponse } from './types.ts';

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function awsError(protocol: Protocol, status: number, code: string, message: string): GatewayResponse {
  const requestId = crypto.randomUUID();
  const fault = status >= 500 ? 'Receiver' : 'Sender';
  const common = { 'x-amzn-requestid': requestId, 'x-amz-request-id': requestId };
  switch (protocol) {
    case 'ec2':
      return {
        status,
        headers: { ...common, 'content-type': 'text/xml;charset=UTF-8' },
        body: `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>${escapeXml(code)}</Code><Message>${escapeXml(message)}</Message></Error></Errors><RequestID>${requestId}</RequestID></Response>`,
      };
    case 'query':
      return {
        status,
        headers: { ...common, 'content-type': 'text/xml' },
        body: `<ErrorResponse><Error><Type>${fault}</Type><Code>${escapeXml(code)}</Code><Message>${escapeXml(message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
      };
    case 'rest-xml':
      return {
        status,
        headers: { ...common, 'content-type': 'application/xml' },
        body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${escapeXml(code)}</Code><Message>${escapeXml(message)}</Message><RequestId>${requestId}</RequestId></Error>`,
      };
    case 'rest-json':
      return {
        status,
        headers: { ...common, 'content-type': 'application/json', 'x-amzn-errortype': code },
        body: JSON.stringify({ Type: fault === 'Sender' ? 'User' : 'Service', message }),
      };
    case 'json':
      return {
        status,
        headers: { ...common, 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': code },
        body: JSON.stringify({ __type: code, message }),
      };
  }
}
