import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alsoFails, loadLab, loadLabs } from './labs.ts';

/** A project tree in a temp folder: path -> content. */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'infralabs-lint-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

const t = (s: string) => `{ ko: '${s} (ko)', en: '${s}' }`;
const check = (id: string, points = 1) => `{ id: '${id}', title: ${t(id)}, points: ${points}, run: async () => ({ status: 'pass', message: ${t('ok')} }) }`;
const labSource = (id: string, checks: string[]) =>
  `export default { id: '${id}', title: ${t('T')}, summary: ${t('S')}, lessons: [], services: ['ec2'], steps: [{ id: 'one', title: ${t('one')}, checks: [${checks.join(', ')}] }] };\n`;
const labFiles = (id: string, checks: string[], fixtures = checks.map((c) => c)) => ({
  [`labs/${id}/lab.ts`]: labSource(id, checks.map((c) => check(c))),
  [`labs/${id}/setup.ts`]: 'export default async () => {};\n',
  [`labs/${id}/starter.ts`]: '\n',
  [`labs/${id}/solution.ts`]: '\n',
  ...Object.fromEntries(fixtures.map((f) => [`labs/${id}/fixtures/${f}.ts`, '\n'])),
  [`content/ko/labs/${id}.mdx`]: '---\ntitle: x\n---\n',
  [`content/en/labs/${id}.mdx`]: '---\ntitle: x\n---\n',
});

describe('loadLabs', () => {
  it('loads a complete lab with its fixtures and variants and reports nothing', async () => {
    const root = tree({
      ...labFiles('good', ['a-check', 'b-check'], ['a-check', 'b-check.other-way']),
      'labs/good/fixtures/a-check.ts': '// also fails: b-check (no key, no instance)\n',
      'labs/good/variants/cli-style.ts': '\n',
    });
    const { labs, problems } = await loadLabs(root);
    expect(problems).toEqual([]);
    expect(labs).toHaveLength(1);
    const [good] = labs;
    expect(good!.lab.id).toBe('good');
    expect(good!.fixtures.map((f) => [f.check, f.alsoFails])).toEqual([['a-check', ['b-check']], ['b-check', []]]);
    expect(good!.variants.map((v) => v.split('/').pop())).toEqual(['cli-style.ts']);
  });

  it('reports each broken lab with its path and the fix, and still loads the others', async () => {
    const root = tree({
      ...labFiles('good', ['a-check']),
      ...labFiles('dup', ['same', 'same']),
      'labs/nofix/lab.ts': labSource('nofix', [check('lonely')]),
      'labs/nofix/setup.ts': '\n',
      'labs/nofix/starter.ts': '\n',
      'labs/nofix/fixtures/typo.ts': '// also fails: ghost\n',
      'labs/empty/README.md': 'nothing yet\n',
      'labs/badschema/lab.ts': labSource('badschema', [check('Zero_Points', 0)]),
      'labs/renamed/lab.ts': labSource('other-name', [check('x')]),
      'labs/syntax/lab.ts': 'export default {\n',
      'content/en/labs/ghost-lab.mdx': '---\ntitle: x\n---\n',
    });
    const { labs, problems } = await loadLabs(root);
    expect(labs.map((l) => l.id).sort()).toEqual(['dup', 'good', 'nofix', 'renamed']);
    const at = (path: string) => problems.filter((p) => p.path === path).map((p) => p.message);
    expect(at('labs/dup/lab.ts')).toEqual(['check id "same" is used twice: check ids are unique within a lab (they name the fixtures).']);
    expect(at('labs/nofix/solution.ts')).toEqual([expect.stringMatching(/^missing: add it: the reference solution/)]);
    expect(at('labs/nofix/fixtures/lonely.ts')).toEqual(['missing: check "lonely" has no fixture; add a learner script that fails exactly this check.']);
    expect(at('labs/nofix/fixtures/typo.ts')).toEqual([
      'names no check of the lab ("typo"): rename it to fixtures/<check-id>.ts, one of lonely.',
      '"// also fails: ghost" names no check of the lab: use check ids (lonely).',
    ]);
    expect(at('labs/empty/lab.ts')).toEqual([expect.stringMatching(/^missing: add lab.ts with `export default defineLab/)]);
    expect(at('labs/badschema/lab.ts')).toEqual([
      'steps.0.checks.0.id: must be kebab-case, e.g. "key-pair-exists".',
      'steps.0.checks.0.points: must be more than 0.',
    ]);
    expect(at('labs/renamed/lab.ts')).toEqual(['id is "other-name" but the folder is labs/renamed: make them the same.']);
    expect(at('labs/syntax/lab.ts')).toEqual([expect.stringMatching(/^does not load \(.+\): fix the error and lint again\.$/)]);
    expect(at('content/en/labs/ghost-lab.mdx')).toEqual([expect.stringMatching(/^guide without a lab: there is no labs\/ghost-lab\//)]);
    expect(at('content/ko/labs/nofix.mdx')).toEqual(['missing: lab "nofix" has no Korean guide; write one.']);
  });

  it('refuses an unknown lab id with the list of labs', async () => {
    const root = tree(labFiles('good', ['a-check']));
    await expect(loadLab('nope', root)).rejects.toThrow('labs/nope: No lab "nope": choose one of good (see `infralabs labs`).');
    expect((await loadLab('good', root)).lab.id).toBe('good');
  });
});

describe('alsoFails', () => {
  it('reads the check ids of the first line only', () => {
    expect(alsoFails('// also fails: a-b, c (reason here)\nx')).toEqual(['a-b', 'c']);
    expect(alsoFails('// also fails:web-1\n')).toEqual(['web-1']);
    expect(alsoFails('import x;\n// also fails: a\n')).toEqual([]);
  });
});
