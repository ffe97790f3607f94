// AWS: Lambda timeout 1-900 s, memory 128-10240 MB, and only runtimes Lambda offers.
// https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html
// https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html
import type { AwsRule } from './rule.ts';

export const supportedRuntimes = [
  'nodejs16.x', 'nodejs18.x', 'nodejs20.x', 'nodejs22.x', 'nodejs24.x',
  'python3.8', 'python3.9', 'python3.10', 'python3.11', 'python3.12', 'python3.13', 'python3.14',
  'java8.al2', 'java11', 'java17', 'java21', 'java25', 'dotnet6', 'dotnet8', 'dotnet10',
  'ruby3.2', 'ruby3.3', 'ruby3.4', 'ruby4.0', 'provided.al2', 'provided.al2023',
];
// Lambda's runtime table as of 2026-12-07: a deprecated runtime stays usable until its "block
// function create" date, then until its "block function update" date for existing functions.
// nodejs16.x to nodejs20.x, python3.8 to 3.10, dotnet6, dotnet8 and ruby3.2 are deprecated but
// open until Feb 1, 2027 (create) and Mar 3, 2027 (update): the graders, not the sandbox, ask
// for a runtime that is not deprecated. Revisit these lists on those dates.
/** Runtimes AWS no longer lets anyone create a function with, but still lets existing ones be updated. */
const createBlockedRuntimes = ['nodejs14.x', 'python3.7', 'java8', 'ruby2.7', 'go1.x', 'provided'];
/** Runtimes AWS lets no one create or update a function with. */
const retiredRuntimes = [
  'nodejs', 'nodejs4.3', 'nodejs4.3-edge', 'nodejs6.10', 'nodejs8.10', 'nodejs10.x', 'nodejs12.x',
  'python2.7', 'python3.6', 'dotnetcore1.0', 'dotnetcore2.0', 'dotnetcore2.1', 'dotnetcore3.1', 'dotnet7', 'ruby2.5',
];

function rangeError(value: unknown, field: string, min: number, max: number): string | undefined {
  if (value === undefined || value === null) return undefined;
  const number = Number(value);
  if (number < min) return `1 validation error detected: Value '${String(value)}' at '${field}' failed to satisfy constraint: Member must have value greater than or equal to ${min}`;
  if (number > max) return `1 validation error detected: Value '${String(value)}' at '${field}' failed to satisfy constraint: Member must have value less than or equal to ${max}`;
  return undefined;
}

export const lambdaLimits: AwsRule = {
  watches: ['lambda:CreateFunction', 'lambda:UpdateFunctionConfiguration'],
  check(call) {
    const body = call.operation.json ?? {};
    const problem = rangeError(body['Timeout'], 'timeout', 1, 900) ?? rangeError(body['MemorySize'], 'memorySize', 128, 10240);
    if (problem) return call.refuse('ValidationException', problem);
    const runtime = body['Runtime'];
    if (typeof runtime !== 'string' || supportedRuntimes.includes(runtime)) return undefined;
    const creating = call.operation.name === 'CreateFunction';
    if (retiredRuntimes.includes(runtime) || createBlockedRuntimes.includes(runtime)) {
      if (!creating && createBlockedRuntimes.includes(runtime)) return undefined;
      return call.refuse('InvalidParameterValueException',
        `The runtime parameter of ${runtime} is no longer supported for creating or updating AWS Lambda functions. We recommend you use a supported runtime (for Node.js: nodejs22.x or nodejs24.x) while creating or upgrading functions.`);
    }
    return call.refuse('InvalidParameterValueException',
      `Value ${runtime} at 'runtime' failed to satisfy constraint: Member must satisfy enum value set: [${supportedRuntimes.join(', ')}] or be a valid ARN`);
  },
};
