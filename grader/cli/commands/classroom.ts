import { resolve } from 'node:path';
import { initClassroom } from '../../classroom/init.ts';
import { z } from 'zod';
import type { Command } from '../command.ts';
import { UsageError } from '../errors.ts';

export const classroomCommand: Command = {
  name: 'classroom',
  usage: 'init <lab> <dir>',
  summary: 'write a GitHub Classroom template repository for a lab: starter, guides, package.json, README, grading workflow',
  positionals: 3,
  options: {
    site: { type: 'string', value: '<url>', description: "the class's Infra Labs site, where the guides' links point (default http://localhost:4321)", schema: z.string().regex(/^https?:\/\/[^\s/]+(\/\S*)?$/, 'must be the site\'s http(s) URL, e.g. https://labs.example.edu') },
  },
  async run({ args: [action, labId, dir], global, values }, io) {
    if (action !== 'init') throw new UsageError(`Unknown \`infralabs classroom ${action}\`: use \`infralabs classroom init <lab> <dir>\`.`);
    const files = await initClassroom(labId!, resolve(io.cwd, dir!), { root: io.root, lang: global.lang, site: values.site as string | undefined });
    io.out(`Wrote the ${labId} assignment to ${dir}: ${files.join(', ')}.\nPush it as a template repository, and set the Actions variable INFRALABS_PACKAGE to the platform's git URL.\n`);
    return 0;
  },
};
