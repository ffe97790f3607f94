// Lessons the learner has read to the end: slug -> ISO date of the first time.
import { announceProgress } from './progress-event.ts';
import { readJson, writeJson } from './storage.ts';

export type LessonsRead = Record<string, string>;

export const lessonsRead = (): LessonsRead => readJson<LessonsRead>('lessons-read') ?? {};

export function markLessonRead(slug: string, now = new Date()): void {
  const read = lessonsRead();
  if (read[slug]) return;
  read[slug] = now.toISOString();
  writeJson('lessons-read', read);
  announceProgress();
}
