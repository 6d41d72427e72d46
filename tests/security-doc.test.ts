/**
 * SECURITY.md says which test proves each measure, as `file` › "test name". A measure whose test
 * is renamed or deleted would silently lose its proof, so every citation must name a test file of
 * the repository that declares a test of exactly that name, and every measure (a list item of
 * "Measures and their tests") must cite at least one.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');

interface Citation {
  file: string;
  name: string;
}

/** `file` › "name", where a quote inside the name is written \" (Markdown shows it as a quote). */
const CITATION = /`([\w./-]+\.(?:test|e2e)\.tsx?)` › "((?:\\"|[^"])+)"/g;

/** The citations in a Markdown text. */
export function citationsIn(text: string): Citation[] {
  return [...text.matchAll(CITATION)].map(([, file, name]) => ({ file: file!, name: name!.replace(/\\"/g, '"') }));
}

/** The titles a test file declares with it/test/describe, quotes unescaped. */
function declaredTests(source: string): Set<string> {
  const titles = new Set<string>();
  // it('name', ...), and it.each([...])('name', ...) whose table ends in "])(".
  const declarations = /(?:\b(?:it|test|describe)(?:\.\w+)*\(|\]\)\()\s*(['"`])((?:\\.|(?!\1).)*)\1/gs;
  for (const [, quote, body] of source.matchAll(declarations))
    titles.add(body!.replace(new RegExp(`\\\\${quote}`, 'g'), quote!).replace(/\\\\/g, '\\'));
  return titles;
}

/** What is wrong with one citation, or undefined. */
function problem({ file, name }: Citation): string | undefined {
  const full = path.join(ROOT, file);
  if (!existsSync(full)) return `${file} does not exist`;
  if (!declaredTests(readFileSync(full, 'utf8')).has(name)) return `${file} has no test "${name}"`;
  return undefined;
}

/** The list items of the measures section that cite no test. */
function uncited(text: string): string[] {
  const measures = text.split(/^## Measures and their tests$/m)[1]?.split(/^## /m)[0] ?? '';
  return measures
    .split(/^- /m)
    .slice(1)
    .filter((item) => citationsIn(item).length === 0)
    .map((item) => item.split('\n')[0]!);
}

describe('SECURITY.md', () => {
  const text = readFileSync(path.join(ROOT, 'SECURITY.md'), 'utf8');

  it('names, for each measure, tests that exist under those names', () => {
    const citations = citationsIn(text);
    expect(citations.length).toBeGreaterThan(10);
    expect(citations.map(problem).filter(Boolean)).toEqual([]);
    expect(uncited(text)).toEqual([]);
  });

  it('notices a renamed test, a missing file and a measure without a test', () => {
    const file = 'tests/security-doc.test.ts';
    expect(problem({ file, name: 'notices a renamed test, a missing file and a measure without a test' })).toBe(
      undefined,
    );
    expect(problem({ file, name: 'a test nobody wrote' })).toMatch(/has no test/);
    expect(problem({ file: 'tests/gone.test.ts', name: 'x' })).toMatch(/does not exist/);
    expect(uncited('## Measures and their tests\n\n- proven: `a.test.ts` › "b".\n- unproven.\n')).toEqual([
      'unproven.',
    ]);
  });
});
