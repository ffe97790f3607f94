// Loaded with --import before a learner script (after tsx): installs the resolve hook and turns
// an uncaught error into one line naming the learner's file and line, instead of a stack trace.
import { register } from 'node:module';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { services } from '../../services.ts';

register('./resolve-hook.mjs', import.meta.url, {
  // The hooks thread names the packages a script may import when it asks for another.
  data: { platformRoot: process.env.INFRALABS_PLATFORM_ROOT, packages: Object.values(services).map((service) => service.package) },
});

/** The first stack frame in the learner's own code (not Node, not a package, not this runner). */
function learnerFrame(stack) {
  for (const line of String(stack ?? '').split('\n')) {
    const match = /(?:\(|^at (?:async )?)((?:file:\/\/)?\/[^\s()]+):(\d+):\d+\)?$/.exec(line.trim());
    if (!match) continue;
    const file = match[1].startsWith('file://') ? fileURLToPath(match[1]) : match[1];
    if (file.includes('/node_modules/') || file.includes('/grader/run/child/')) continue;
    const near = relative(process.cwd(), file);
    return `${near && !near.startsWith('..') ? near : file}:${match[2]}`;
  }
  return undefined;
}

function reportAndExit(error) {
  const name = error?.name && error.name !== 'Error' ? `${error.name}: ` : '';
  const message = error instanceof Error ? error.message : String(error);
  const where = error instanceof Error ? learnerFrame(error.stack) : undefined;
  process.stderr.write(`Error: ${name}${message}${where ? ` (at ${where})` : ''}\n`);
  process.exit(1);
}

// Deep enough to reach the learner's frame below the SDK's middleware stack.
Error.stackTraceLimit = 50;

process.on('uncaughtException', reportAndExit);
process.on('unhandledRejection', reportAndExit);
