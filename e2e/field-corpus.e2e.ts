/**
 * Measures the one-time-code field detector on the field corpus (tests/field-corpus) in real
 * Chromium: each case's markup is set as the page, the page code (describe-fields) and the pure
 * scorer (otp-fields) run in it as the extension runs them, and the destination they choose is
 * compared with the inputs the case marks `data-corpus="otp"`. Issue 14 sets the target: recall
 * ≥ 0.97 and precision ≥ 0.98. Writes test-results/field-corpus.json with every outcome.
 *
 * Counted per field, a split group being one field: TP the chosen destination is exactly the
 * marked one; FN a marked destination not chosen exactly; FP a destination chosen that is not
 * marked (so a wrong pick on a positive page is one FN and one FP); TN a page with no mark where
 * nothing is chosen.
 *
 * The held-out corpus (tests/field-corpus/holdout, sources the detector was not tuned on) is scored
 * the same way and written under `holdout` in the report; it is printed, never asserted.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { findChrome, NO_CHROME_MESSAGE } from '../scripts/find-chrome';
import { HOLDOUT_DIR, readCorpus, type CorpusCase } from '../tests/field-corpus/read-corpus';
import { ROOT } from './harness';

const RECALL_TARGET = 0.97;
const PRECISION_TARGET = 0.98;
const REPORT = path.join(ROOT, 'test-results/field-corpus.json');

/** One described input, as the runner reports it. */
interface InputReport {
  index: number;
  what: string;
  marked: boolean;
  score: number;
  reasons: string[];
}

/** What the page answered for one case. */
interface PageAnswer {
  found: { kind: 'single'; index: number; score: number } | { kind: 'split'; indexes: number[] } | { kind: 'none' };
  marked: number[];
  /** Marked inputs that allInputs() did not return at all (their type, or outside any root). */
  markedNotDescribed: number;
  inputs: InputReport[];
}

type Outcome = 'TP' | 'FN' | 'FP' | 'FN+FP' | 'TN';

interface CaseReport {
  id: string;
  kind: CorpusCase['kind'];
  source: string;
  note: string;
  outcome: Outcome;
  expected: number[];
  chosen: number[];
  found: PageAnswer['found'];
  inputs: InputReport[];
}

/** The page half: bundled into an IIFE that defines `window.tesseraCorpus`. */
const ENTRY = `
import { allInputs, describeFields } from './utils/fill/page/describe-fields';
import { findOtpFields, scoreFields } from './utils/core/fill/otp-fields';
globalThis.tesseraCorpus = { allInputs, describeFields, findOtpFields, scoreFields };
`;

async function pageBundle(): Promise<string> {
  const result = await build({
    stdin: { contents: ENTRY, resolveDir: ROOT, loader: 'ts', sourcefile: 'field-corpus-entry.ts' },
    bundle: true,
    format: 'iife',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

/** Runs in the page, after the bundle: detect, then describe every input with its score and reasons. */
function detect(codeLength: number): PageAnswer {
  type Api = {
    allInputs(): HTMLInputElement[];
    describeFields(inputs: HTMLInputElement[]): unknown[];
    findOtpFields(fields: unknown[], codeLength: number): PageAnswer['found'];
    scoreFields(fields: unknown[], codeLength: number): { score: number; reasons: string[] }[];
  };
  const api = (globalThis as unknown as { tesseraCorpus: Api }).tesseraCorpus;
  const inputs = api.allInputs();
  const fields = api.describeFields(inputs);
  const found = api.findOtpFields(fields, codeLength);
  const scores = api.scoreFields(fields, codeLength);
  const marked = inputs.flatMap((input, index) => (input.dataset.corpus === 'otp' ? [index] : []));
  const allMarked = document.querySelectorAll('[data-corpus="otp"]').length;
  return {
    found,
    marked,
    markedNotDescribed: allMarked - marked.length,
    inputs: inputs.map((input, index) => {
      const { score, reasons } = scores[index]!;
      const what = [
        `<input type=${input.getAttribute('type') ?? '(none)'}`,
        input.id && `id=${input.id}`,
        input.name && `name=${input.name}`,
        input.getAttribute('autocomplete') && `autocomplete=${input.getAttribute('autocomplete')}`,
      ]
        .filter(Boolean)
        .join(' ');
      return { index, what: `${what}>`, marked: input.dataset.corpus === 'otp', score, reasons };
    }),
  };
}

function chosenOf(found: PageAnswer['found']): number[] {
  if (found.kind === 'single') return [found.index];
  if (found.kind === 'split') return [...found.indexes].sort((a, b) => a - b);
  return [];
}

function outcomeOf(expected: number[], chosen: number[], markedNotDescribed: number): Outcome {
  const hasMark = expected.length > 0 || markedNotDescribed > 0;
  const exact =
    markedNotDescribed === 0 && expected.length === chosen.length && expected.every((i, n) => chosen[n] === i);
  if (!hasMark) return chosen.length ? 'FP' : 'TN';
  if (exact) return 'TP';
  return chosen.length ? 'FN+FP' : 'FN';
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

let browser: Browser;
let page: Page;
let bundle: string;

beforeAll(async () => {
  const executablePath = findChrome();
  if (!executablePath) throw new Error(NO_CHROME_MESSAGE);
  [browser, bundle] = await Promise.all([
    chromium.launch({
      executablePath,
      headless: true,
      args: ['--disable-background-networking', '--disable-gpu', '--no-first-run'],
    }),
    pageBundle(),
  ]);
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  // The corpus is markup only: no request may leave the page.
  await page.route('**/*', (route) => route.abort());
});

afterAll(async () => {
  await browser?.close();
});

/** Sets each case as the page, runs the detector in it and scores the answer. */
async function runCases(cases: CorpusCase[]): Promise<CaseReport[]> {
  const reports: CaseReport[] = [];
  for (const corpusCase of cases) {
    await page.setContent(
      `<!doctype html><html><head><meta charset="utf-8"></head><body>${corpusCase.html}</body></html>`,
    );
    await page.evaluate(bundle);
    const answer = await page.evaluate(detect, corpusCase.codeLength);
    const chosen = chosenOf(answer.found);
    reports.push({
      id: corpusCase.id,
      kind: corpusCase.kind,
      source: corpusCase.source,
      note: corpusCase.note,
      outcome: outcomeOf(answer.marked, chosen, answer.markedNotDescribed),
      expected: answer.marked,
      chosen,
      found: answer.found,
      inputs: answer.inputs,
    });
  }
  return reports;
}

/** Totals, confusion matrix, precision and recall of one set of cases. */
function score(cases: CorpusCase[], reports: CaseReport[]) {
  const count = (outcome: 'TP' | 'FN' | 'FP' | 'TN') =>
    reports.filter((r) => r.outcome === outcome || (r.outcome === 'FN+FP' && outcome !== 'TP' && outcome !== 'TN'))
      .length;
  const matrix = { TP: count('TP'), FN: count('FN'), FP: count('FP'), TN: count('TN') };
  return {
    totals: {
      cases: cases.length,
      positives: cases.filter((c) => c.kind === 'positive').length,
      negatives: cases.filter((c) => c.kind === 'negative').length,
      fields: cases.reduce((sum, c) => sum + c.fields, 0),
      markedFields: cases.reduce((sum, c) => sum + c.marked, 0),
      sources: new Set(cases.map((c) => c.origin)).size,
    },
    matrix,
    precision: ratio(matrix.TP, matrix.TP + matrix.FP),
    recall: ratio(matrix.TP, matrix.TP + matrix.FN),
    misses: reports.filter((r) => r.outcome !== 'TP' && r.outcome !== 'TN'),
  };
}

function describeMiss(r: CaseReport): string {
  const lines = [`${r.outcome} ${r.id} (${r.kind}): expected [${r.expected}] chose [${r.chosen}]`];
  for (const input of r.inputs)
    if (input.marked || r.chosen.includes(input.index))
      lines.push(
        `    #${input.index}${input.marked ? ' marked' : ''} ${input.what} ${input.score}: ${input.reasons.join('; ')}`,
      );
  return lines.join('\n');
}

function summary(title: string, scored: ReturnType<typeof score>): string {
  const { totals, matrix, precision, recall } = scored;
  return [
    `${title}: ${totals.cases} cases (${totals.positives} positive, ${totals.negatives} negative), ` +
      `${totals.fields} fields, ${totals.markedFields} marked, ${totals.sources} sources`,
    `           chosen   not chosen`,
    `marked     TP ${String(matrix.TP).padEnd(5)} FN ${matrix.FN}`,
    `not marked FP ${String(matrix.FP).padEnd(5)} TN ${matrix.TN}`,
    `precision ${precision.toFixed(3)}  recall ${recall.toFixed(3)}  (report: ${path.relative(ROOT, REPORT)})`,
  ].join('\n');
}

/**
 * The held-out set (tests/field-corpus/holdout) is measured and reported apart, under `holdout` in
 * the report, and never fails the run: its figures are an estimate for the lead, not a gate, and
 * must not become a target to tune on.
 */
test('the field detector meets the issue 14 target on the field corpus', async () => {
  const cases = readCorpus();
  const reports = await runCases(cases);
  const main = score(cases, reports);
  const holdoutCases = readCorpus(HOLDOUT_DIR);
  const holdoutReports = await runCases(holdoutCases);
  const holdout = score(holdoutCases, holdoutReports);

  await mkdir(path.dirname(REPORT), { recursive: true });
  await writeFile(
    REPORT,
    JSON.stringify(
      {
        totals: main.totals,
        matrix: main.matrix,
        precision: main.precision,
        recall: main.recall,
        target: { recall: RECALL_TARGET, precision: PRECISION_TARGET },
        cases: reports,
        holdout: {
          totals: holdout.totals,
          matrix: holdout.matrix,
          precision: holdout.precision,
          recall: holdout.recall,
          misses: holdout.misses.map((r) => r.id),
          cases: holdoutReports,
        },
      },
      null,
      2,
    ),
  );

  console.log(summary('field corpus', main));
  console.log(
    [
      summary('held-out field corpus (reported only, never fails the run)', holdout),
      ...(holdout.misses.length ? ['held-out misses:', ...holdout.misses.map(describeMiss)] : []),
    ].join('\n'),
  );

  expect(
    { recall: main.recall >= RECALL_TARGET, precision: main.precision >= PRECISION_TARGET },
    `precision ${main.precision.toFixed(3)}, recall ${main.recall.toFixed(3)}; misses:\n${main.misses.map(describeMiss).join('\n')}`,
  ).toEqual({ recall: true, precision: true });
});
