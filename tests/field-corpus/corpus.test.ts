/**
 * Checks the field corpus itself (not the detector, which e2e/field-corpus.e2e.ts measures):
 * every case says where it comes from and what it is, its marks agree with its kind, the corpus
 * is as large as issue 14 asks, and SOURCES.md lists every source a case cites.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { CORPUS_DIR, CorpusHeaderError, HOLDOUT_DIR, parseCase, readCorpus } from './read-corpus';

const cases = readCorpus();
const sources = readFileSync(path.join(CORPUS_DIR, 'SOURCES.md'), 'utf8');
const holdout = readCorpus(HOLDOUT_DIR);
const holdoutSources = readFileSync(path.join(HOLDOUT_DIR, 'SOURCES.md'), 'utf8');

describe('the field corpus', () => {
  test.each(cases.map((c) => [c.id, c] as const))('%s has a header and marks that fit its kind', (_, c) => {
    expect(c.source).toMatch(/\S/);
    expect(c.note, 'note').toMatch(/\S/);
    if (c.kind === 'positive') expect(c.marked, 'marked inputs on a positive page').toBeGreaterThan(0);
    else expect(c.marked, 'marked inputs on a negative page').toBe(0);
    // A split group has one box per character of the code.
    if (c.marked > 1) expect(c.marked).toBe(c.codeLength);
  });

  test('is as large as issue 14 asks: 200 fields, 100 positive fields, 30 sources', () => {
    const fields = cases.reduce((sum, c) => sum + c.fields, 0);
    const positives = cases.reduce((sum, c) => sum + c.marked, 0);
    const origins = new Set(cases.map((c) => c.origin));
    expect(fields).toBeGreaterThanOrEqual(200);
    expect(positives).toBeGreaterThanOrEqual(100);
    expect(origins.size).toBeGreaterThanOrEqual(30);
  });

  test('SOURCES.md lists every source the cases cite, and every case folder', () => {
    const missing = cases.flatMap((c) => {
      const slug = c.id.split('/')[0]!;
      return [
        ...(sources.includes(c.origin) ? [] : [`${c.id}: ${c.origin}`]),
        ...(sources.includes(`cases/${slug}/`) ? [] : [`${c.id}: cases/${slug}/`]),
      ];
    });
    expect(missing).toEqual([]);
  });

  test('case ids are unique and file names are lower-case kebab', () => {
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
    for (const c of cases) expect(c.id).toMatch(/^[a-z0-9-]+\/[a-z0-9-]+$/);
  });
});

/**
 * The held-out set (tests/field-corpus/holdout/SOURCES.md) is only worth anything while nobody tunes
 * on it: its sources must stay apart from the main corpus, which the detector was tuned on.
 */
describe('the held-out field corpus', () => {
  test.each(holdout.map((c) => [c.id, c] as const))('%s has a header and marks that fit its kind', (_, c) => {
    expect(c.note, 'note').toMatch(/\S/);
    if (c.kind === 'positive') expect(c.marked, 'marked inputs on a positive page').toBeGreaterThan(0);
    else expect(c.marked, 'marked inputs on a negative page').toBe(0);
    if (c.marked > 1) expect(c.marked).toBe(c.codeLength);
  });

  test('is large enough to measure: 120 fields, 50 positive fields, 20 sources', () => {
    expect(holdout.reduce((sum, c) => sum + c.fields, 0)).toBeGreaterThanOrEqual(120);
    expect(holdout.reduce((sum, c) => sum + c.marked, 0)).toBeGreaterThanOrEqual(50);
    expect(new Set(holdout.map((c) => c.origin)).size).toBeGreaterThanOrEqual(20);
  });

  test('shares no source with the main corpus', () => {
    const tuned = new Set(cases.map((c) => c.origin));
    expect(holdout.filter((c) => tuned.has(c.origin)).map((c) => c.id)).toEqual([]);
  });

  test('its SOURCES.md lists every source the cases cite, and every case folder', () => {
    const missing = holdout.flatMap((c) => {
      const slug = c.id.split('/')[0]!;
      return [
        ...(holdoutSources.includes(c.origin) ? [] : [`${c.id}: ${c.origin}`]),
        ...(holdoutSources.includes(`holdout/${slug}/`) ? [] : [`${c.id}: holdout/${slug}/`]),
      ];
    });
    expect(missing).toEqual([]);
  });

  test('case ids are unique and file names are lower-case kebab', () => {
    expect(new Set(holdout.map((c) => c.id)).size).toBe(holdout.length);
    for (const c of holdout) expect(c.id).toMatch(/^[a-z0-9-]+\/[a-z0-9-]+$/);
  });
});

describe('parseCase', () => {
  const good = (header: string) => `<!--\n${header}\n-->\n<input data-corpus="otp">`;
  const source = 'source: a/b c.html @ 0123abcd (https://github.com/a/b/blob/0123abcd/c.html)';

  test('reads a header, counts fields and marks', () => {
    const c = parseCase('a/b', 'a/b.html', `${good(`${source}\nkind: positive\nnote: n`)}<input type="hidden"><input>`);
    expect(c).toMatchObject({ origin: 'a/b', kind: 'positive', codeLength: 6, fields: 2, marked: 1 });
  });

  test('accepts a public page with the date it was seen', () => {
    const c = parseCase(
      'a/b',
      'a/b.html',
      good('source: https://example.com/2fa (2026-12-01)\nkind: negative\nnote: n'),
    );
    expect(c.origin).toBe('https://example.com/2fa');
  });

  test.each([
    ['no header', '<input>'],
    ['no source', good('kind: positive\nnote: n')],
    ['a source without a commit', good('source: a/b c.html (https://github.com/a/b)\nkind: positive')],
    ['a page without the date seen', good('source: https://example.com/2fa\nkind: positive')],
    ['an unknown kind', good(`${source}\nkind: maybe`)],
    ['a code length out of range', good(`${source}\nkind: positive\ncode-length: 2`)],
    ['a line that is not key: value', good(`${source}\nkind: positive\nfree text`)],
  ])('refuses %s', (_, html) => {
    expect(() => parseCase('a/b', 'a/b.html', html)).toThrow(CorpusHeaderError);
  });
});
