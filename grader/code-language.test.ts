// Every starter and solution, rendered for each language, keeps its code and speaks that language
// only: no Korean on English pages, no untranslated comment on Korean pages.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { codeForLanguage } from './code-language.ts';

const labsDir = join(import.meta.dirname, '..', 'labs');
const files = readdirSync(labsDir).flatMap((lab) => ['starter.ts', 'solution.ts'].map((name) => join(lab, name))).filter((file) => {
  try {
    readFileSync(join(labsDir, file));
    return true;
  } catch {
    return false;
  }
});
const hangul = /[\uac00-\ud7a3]/;
const isComment = (line: string) => /^\s*\/\//.test(line);
/** A comment line with English words in it (URLs, API names and code alone do not count). */
const english = (line: string) => /\b(the|a|an|and|or|to|of|in|with|is|it|then|your|this|TODO)\b/.test(line.replace(/`[^`]*`|https?:\/\/\S+/g, ''));

test('the format: English pages drop the Korean lines, Korean pages the English comments they translate', () => {
  const source = [
    '// Step 1: make it.',
    '//    (more English)',
    '//ko 1단계: 만드세요.',
    "console.log('done');",
    "//ko> console.log('끝');",
    '  // untranslated note: kept',
    'const x = 1; // trailing',
  ].join('\n');
  expect(codeForLanguage(source, 'en')).toBe(["// Step 1: make it.", '//    (more English)', "console.log('done');", '  // untranslated note: kept', 'const x = 1; // trailing'].join('\n'));
  expect(codeForLanguage(source, 'ko')).toBe(['// 1단계: 만드세요.', "console.log('끝');", '  // untranslated note: kept', 'const x = 1; // trailing'].join('\n'));
});

describe.each(files)('%s', (file) => {
  const source = readFileSync(join(labsDir, file), 'utf8');
  const en = codeForLanguage(source, 'en');
  const ko = codeForLanguage(source, 'ko');

  test('in English: no Korean line left', () => {
    expect(en.split('\n').filter((line) => hangul.test(line))).toEqual([]);
  });

  test('in Korean: every comment is Korean and no English line of code replaced is left', () => {
    const untranslated = ko.split('\n').filter((line) => isComment(line) && !hangul.test(line) && english(line));
    expect(untranslated).toEqual([]);
    expect(ko.split('\n').filter((line) => !isComment(line) && /console\.log\(.TODO/.test(line))).toEqual([]);
  });

  test('both languages keep the same code', () => {
    const code = (text: string) => text.split('\n').filter((line) => !isComment(line) && !/console\.log\(.(TODO|할 일)/.test(line));
    expect(code(ko)).toEqual(code(en));
  });
});
