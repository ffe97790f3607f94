import { beforeEach, expect, test } from 'vitest';
import { courseItem, doneItems } from './course-progress.ts';
import { saveCheck } from './lab-progress.ts';
import { markLessonRead } from './lessons-read.ts';
import { installMemoryStorage } from './memory-storage.ts';

const store = installMemoryStorage();
beforeEach(() => store.clear());

test('a sidebar path names its lesson or lab; other paths name nothing', () => {
  expect(courseItem('/ko/lessons/ec2/')).toEqual({ kind: 'lesson', id: 'ec2' });
  expect(courseItem('/en/labs/ec2-launch/')).toEqual({ kind: 'lab', id: 'ec2-launch' });
  expect(courseItem('/en/lessons/elb-auto-scaling')).toEqual({ kind: 'lesson', id: 'elb-auto-scaling' });
  expect(courseItem('/en/')).toBeUndefined();
  expect(courseItem('/en/lessons/')).toBeUndefined();
});

test('a lesson is done once read; a lab only when its last check passed', () => {
  const items = ['/en/lessons/ec2/', '/en/lessons/s3/', '/en/labs/ec2-launch/', '/en/labs/ebs-attach/', '/en/labs/s3-backup/'].map((path) => courseItem(path)!);
  markLessonRead('ec2');
  const check = (passed: boolean) => ({ score: passed ? 3 : 2, maxScore: 3, passed, at: '2026-11-27T00:00:00.000Z', checks: [] });
  saveCheck('ec2-launch', check(true));
  saveCheck('ebs-attach', check(false));
  expect([...doneItems(items)].map((item) => item.id)).toEqual(['ec2', 'ec2-launch']);
});

test('unreadable progress counts as nothing done', () => {
  store.set('infralabs:lessons-read', '{not json');
  store.set('infralabs:check:ec2-launch', 'null');
  expect(doneItems([courseItem('/en/lessons/ec2/')!, courseItem('/en/labs/ec2-launch/')!]).size).toBe(0);
});
