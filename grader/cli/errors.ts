/** A mistake in how the command was called: one line with the fix, exit code 2. */
export class UsageError extends Error {}
