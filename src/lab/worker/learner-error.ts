// A learner's error as one line: the SDK's error name and message and the line in their code.
// Never a stack trace.
export const sourceName = 'lab.ts';
/** new AsyncFunction(...) puts the body two lines below the start of its generated source. */
const functionHeaderLines = 2;

export function describeLearnerError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const name = error.name && error.name !== 'Error' ? `${error.name}: ` : '';
  const match = new RegExp(`${sourceName.replace('.', '\\.')}:(\\d+):\\d+`).exec(error.stack ?? '');
  const line = match ? Number(match[1]) - functionHeaderLines : undefined;
  return `${name}${error.message}${line && line > 0 ? ` (${sourceName}:${line})` : ''}`;
}
