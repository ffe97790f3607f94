// Lambda questions that several labs ask: does this function exist, and is its runtime current.
import { GetFunctionCommand, type FunctionConfiguration } from '@aws-sdk/client-lambda';
import type { LabContext } from '../lab.ts';

/** The function's configuration, or undefined when there is no function of that name. */
export async function findFunction(ctx: LabContext, name: string): Promise<FunctionConfiguration | undefined> {
  try {
    const { Configuration } = await ctx.lambda.send(new GetFunctionCommand({ FunctionName: name }), { abortSignal: ctx.signal });
    return Configuration;
  } catch (error) {
    if ((error as { name?: string }).name === 'ResourceNotFoundException') return undefined;
    throw error;
  }
}

/** Node.js runtimes Lambda has not deprecated (nodejs22.x, nodejs24.x, ...). nodejs20.x was
 *  deprecated on Apr 30, 2026 (no more security patches; creating functions on it is blocked from
 *  Feb 1, 2027): https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html, as of 2026-12-07. */
export function isModernNode(runtime: string | undefined): boolean {
  const match = /^nodejs(\d+)\.x$/.exec(runtime ?? '');
  return match !== null && Number(match[1]) >= 22;
}
