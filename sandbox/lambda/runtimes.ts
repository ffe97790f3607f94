// The Lambda runtimes the sandbox can run: Node.js ones, all on the gateway's own Node.
export const supportedRuntimes = ['nodejs18.x', 'nodejs20.x', 'nodejs22.x', 'nodejs24.x'] as const;

export function canRun(runtime: string | undefined): boolean {
  return (supportedRuntimes as readonly string[]).includes(runtime ?? '');
}

/** One line for a learner whose function the sandbox cannot run, with what to do instead. */
export function unsupportedRuntimeMessage(functionName: string, runtime: string | undefined, packageType: string): string {
  const what = packageType === 'Image' ? 'a container image' : `runtime ${runtime ?? '(none)'}`;
  return `The Infra Labs sandbox runs only Node.js functions (${supportedRuntimes.join(', ')}); ${functionName} uses ${what}. `
    + 'Change it with UpdateFunctionConfiguration (Runtime: nodejs22.x) and a zip of JavaScript code, or invoke it on AWS.';
}
