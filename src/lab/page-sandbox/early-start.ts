// A lab page's first script: when the learner's sandbox is the one in the page, it starts now,
// while the workbench's own script (Monaco, the grader, the SDK's typings) is still loading; the
// workbench then finds it under way (startPageSandbox starts one per page). About half a second
// of a start on two cores. A join link waits for the workbench: the class decides the sandbox.
import { joinCodeInLink } from '../progress/class-session.ts';
import { sandboxMode } from '../progress/settings.ts';
import { startPageSandbox } from './page-sandbox.ts';

if (sandboxMode() === 'page' && !joinCodeInLink(location.hash)) {
  // The workbench reports a failure, this browser's lack of support included (it starts again,
  // and says why).
  startPageSandbox(() => {}).catch(() => {});
}
