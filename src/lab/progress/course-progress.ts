// Where the learner stands in the course, for the marks in the sidebar: a lesson counts once it
// has been read to its end, a lab once its last check passed.
import { lastCheck } from './lab-progress.ts';
import { lessonsRead } from './lessons-read.ts';

export interface CourseItem {
  kind: 'lesson' | 'lab';
  id: string;
}

/** The lesson or lab a site path points at (`/ko/lessons/ec2/`, `/en/labs/ec2-launch/`), if any. */
export function courseItem(path: string): CourseItem | undefined {
  const match = /\/(lessons|labs)\/([\w-]+)\/?$/.exec(path);
  if (!match) return undefined;
  return { kind: match[1] === 'lessons' ? 'lesson' : 'lab', id: match[2]! };
}

/** Which of these items are done, read once from storage. */
export function doneItems(items: CourseItem[]): Set<CourseItem> {
  const read = lessonsRead();
  return new Set(items.filter((item) => (item.kind === 'lesson' ? Boolean(read[item.id]) : lastCheck(item.id)?.passed === true)));
}
