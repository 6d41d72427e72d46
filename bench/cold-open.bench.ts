/**
 * Where a cold popup open goes (issue 19): the worker is stopped, as Chrome stops it after ~30 s
 * idle, then popup.html opens while Chrome records a trace. From the trace come the worker's start
 * (ServiceWorkerVersion::StartWorker, in the browser process), the load, compile and run of
 * background.js (EvaluateScript, v8.compile and v8.run on the worker's thread), and the User
 * Timing marks the e2e build leaves (utils/background/bench-marks.ts: each storage read, each
 * message received and answered; utils/popup/startup.ts and mark-start.ts in the popup); the
 * codes' paint comes from the Element Timing API, as in popup.bench.ts. Tracing slows Chrome a
 * little, so these parts add up to more than the untraced "worker stopped" figure: they say
 * where the time goes, that figure says how much there is.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { CDPSession } from 'playwright-core';
import { E2E_BUILD, PRODUCTION_BUILD, stopServiceWorker, type Tessera } from '../e2e/harness';
import { BENCH_MARK } from '../utils/background/bench-marks';
import type { Figure } from './measure';

/** Rows the 440 px list shows at once, and the popup's own size (as in popup.bench.ts). */
const VISIBLE_ROWS = 8;
const POPUP_VIEWPORT = { width: 360, height: 600 };

/** Only what the breakdown reads: fewer categories, less tracing overhead. */
const CATEGORIES = ['ServiceWorker', 'devtools.timeline', 'v8', 'blink.user_timing'];

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  args?: { data?: { url?: string; startTime?: number }; body_size?: number; meta_data_size?: number };
}

/** One cold open, in ms, each part from one point of the trace to the next. */
export interface ColdOpen {
  /** popup.html navigation start -> its script's first line (mark-start.ts). */
  popupFirstLine: number;
  /** -> Chrome asked to start the worker (the popup's first sendMessage). */
  workerAsked: number;
  /** -> background.js read and handed to V8 (thread start, script and code cache read). */
  scriptLoaded: number;
  /** background.js compile (from Chrome's code cache when it has one). */
  compile: number;
  /** background.js top-level run: every module the bundle holds, evaluated. */
  evaluate: number;
  /** -> Chrome counts the worker as started (listeners are in). */
  workerStarted: number;
  /** -> the worker answered accounts.list (routing, storage, decrypt, codes). */
  answered: number;
  /** of `answered` and what came before it since evaluation: time with a storage read under way. */
  storage: number;
  /** storage reads from script evaluation to the answer. */
  storageReads: number;
  /** -> the popup has the answer (tessera:first-answer). */
  popupHasAnswer: number;
  /** -> the visible codes painted. */
  painted: number;
  /** Chrome asked to start the worker -> accounts.list answered. */
  wakeToAnswer: number;
  /** popup.html navigation start -> codes painted. */
  total: number;
  /** The code cache Chrome read with the script (bytes). */
  codeCache: number;
}

/** Breaks one traced cold open down; `paintedAt` is the codes' renderTime in the popup's clock. */
export function coldOpenOf(events: TraceEvent[], scriptUrl: string, paintedAt: number): ColdOpen {
  const sorted = [...events].sort((a, b) => a.ts - b.ts);
  const find = (what: string, test: (event: TraceEvent) => boolean) => {
    const found = sorted.find(test);
    if (!found) throw new Error(`The trace has no ${what}`);
    return found;
  };
  const start = find('popup start mark', (e) => e.name === 'tessera:start');
  // The popup's clock (performance.now) starts at its time origin: the mark carries both.
  const origin = start.ts / 1000 - start.args!.data!.startTime!;
  const asked = find('worker start', (e) => e.name === 'ServiceWorkerVersion::StartWorker' && e.ph === 'b');
  const started = find('worker started', (e) => e.name === 'ServiceWorkerVersion::StartWorker' && e.ph === 'e');
  const evaluated = find(
    'background.js evaluation',
    (e) => e.name === 'EvaluateScript' && e.args?.data?.url === scriptUrl,
  );
  const compiled = sorted.find((e) => e.name === 'v8.compile' && e.tid === evaluated.tid && e.ts >= evaluated.ts);
  const loaded = sorted.find((e) => e.name === 'OnStarted' && e.args?.meta_data_size !== undefined);
  const answer = find('accounts.list answer', (e) => e.name === `${BENCH_MARK.answered} accounts.list`);
  const received = find('popup answer mark', (e) => e.name === 'tessera:first-answer');
  const ms = (us: number) => us / 1000;
  const evaluatedAt = ms(evaluated.ts);
  const evaluatedEnd = ms(evaluated.ts + evaluated.dur!);
  const compile = compiled ? ms(compiled.dur!) : 0;
  // Storage: the time from evaluation to the answer with at least one read under way.
  let open = 0;
  let since = 0;
  let storage = 0;
  let storageReads = 0;
  for (const event of sorted) {
    if (!event.name.startsWith(BENCH_MARK.storage) || event.ts < evaluated.ts || event.ts > answer.ts) continue;
    if (event.name.endsWith(' begin')) {
      storageReads++;
      if (open++ === 0) since = event.ts;
    } else if (open > 0 && --open === 0) storage += ms(event.ts - since);
  }
  if (open > 0) storage += ms(answer.ts - since);
  const round = (value: number) => Math.round(value * 10) / 10;
  const navigation = origin;
  return {
    popupFirstLine: round(ms(start.ts) - navigation),
    workerAsked: round(ms(asked.ts - start.ts)),
    scriptLoaded: round(evaluatedAt - ms(asked.ts)),
    compile: round(compile),
    evaluate: round(ms(evaluated.dur!) - compile),
    workerStarted: round(ms(started.ts) - evaluatedEnd),
    answered: round(ms(answer.ts - started.ts)),
    storage: round(storage),
    storageReads,
    popupHasAnswer: round(ms(received.ts - answer.ts)),
    painted: round(origin + paintedAt - ms(received.ts)),
    wakeToAnswer: round(ms(answer.ts - asked.ts)),
    total: round(paintedAt),
    codeCache: loaded?.args?.meta_data_size ?? 0,
  };
}

/** Records Chrome's trace, from a page's CDP session, while `run` runs. */
async function traced(cdp: CDPSession, run: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  const collect = ({ value }: { value: object[] }) => void events.push(...(value as TraceEvent[]));
  cdp.on('Tracing.dataCollected', collect);
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: CATEGORIES } });
  try {
    await run();
  } finally {
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', collect);
  }
  return events;
}

/** One cold open: the worker stopped, popup.html opened under a trace, broken down. */
export async function coldOpen(tessera: Tessera, settle: number): Promise<ColdOpen> {
  const blank = await tessera.context.newPage();
  await blank.goto('about:blank');
  await stopServiceWorker(tessera, blank);
  const cdp = await tessera.context.newCDPSession(blank);
  let paintedAt = NaN;
  const events = await traced(cdp, async () => {
    const page = await tessera.context.newPage();
    await page.setViewportSize(POPUP_VIEWPORT);
    await page.goto(tessera.popupUrl, { waitUntil: 'commit' });
    // Nothing of the bench runs in the page until it has settled (see popup.bench.ts).
    await new Promise((resolve) => setTimeout(resolve, settle));
    paintedAt = await page.evaluate(async (rows: number) => {
      const entries = await new Promise<PerformanceEntryList>((resolve) =>
        new PerformanceObserver((list) => resolve(list.getEntries())).observe({ type: 'element', buffered: true }),
      );
      const times = entries
        .filter((entry) => (entry as PerformanceEntry & { identifier: string }).identifier === 'code')
        .map((entry) => (entry as PerformanceEntry & { renderTime: number }).renderTime)
        .sort((a, b) => a - b);
      return times[rows - 1] ?? NaN;
    }, VISIBLE_ROWS);
    await page.close();
  });
  await cdp.detach();
  await blank.close();
  if (Number.isNaN(paintedAt)) throw new Error(`fewer than ${VISIBLE_ROWS} codes painted within ${settle} ms`);
  return coldOpenOf(events, `chrome-extension://${tessera.extensionId}/background.js`, paintedAt);
}

/** The classic worker script's size: all of it is read, compiled and run on every wake. */
export function workerScriptSize(dir = PRODUCTION_BUILD): { bytes: number; gzip: number } {
  const script = readFileSync(path.join(dir, 'background.js'));
  return { bytes: script.length, gzip: gzipSync(script).length };
}

/** The release build's helper chunks (`helper-<chunk>.js`), gzipped. */
export function helperChunkSizes(dir = PRODUCTION_BUILD): { chunk: string; gzip: number }[] {
  return readdirSync(dir)
    .filter((name) => /^helper-.+\.js$/.test(name))
    .sort()
    .map((name) => ({
      chunk: name.slice('helper-'.length, -'.js'.length),
      gzip: gzipSync(readFileSync(path.join(dir, name))).length,
    }));
}

/** Median, min and max of one part over every run. */
export function figureOf(name: string, values: number[], unit: Figure['unit'] = 'ms'): Figure {
  const sorted = [...values].sort((a, b) => a - b);
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    name,
    median: round(sorted[Math.floor(sorted.length / 2)]!),
    min: round(sorted[0]!),
    max: round(sorted.at(-1)!),
    runs: sorted.length,
    unit,
  };
}

/** Each part's name in the table, and how to read it from a cold open. */
export const COLD_OPEN_PARTS: [string, (open: ColdOpen) => number, Figure['unit']][] = [
  ['navigation start -> codes painted', (open) => open.total, 'ms'],
  ['  popup navigation start -> popup script first line', (open) => open.popupFirstLine, 'ms'],
  ['  popup script first line -> codes painted (target 80 ms)', (open) => open.total - open.popupFirstLine, 'ms'],
  ['  -> worker start asked (first sendMessage)', (open) => open.workerAsked, 'ms'],
  ['  -> background.js loaded (thread, script + code cache read)', (open) => open.scriptLoaded, 'ms'],
  ['  background.js compile', (open) => open.compile, 'ms'],
  ['  background.js top-level evaluation', (open) => open.evaluate, 'ms'],
  ['  evaluated -> worker counted started', (open) => open.workerStarted, 'ms'],
  ['  -> worker answered accounts.list', (open) => open.answered, 'ms'],
  ['     of which storage reads under way (since evaluation)', (open) => open.storage, 'ms'],
  ['     storage reads, evaluation -> answer', (open) => open.storageReads, 'count'],
  ['  -> popup has the answer', (open) => open.popupHasAnswer, 'ms'],
  ['  -> codes painted', (open) => open.painted, 'ms'],
  ['worker wake (start asked) -> accounts.list answered', (open) => open.wakeToAnswer, 'ms'],
  ['code cache Chrome reads with background.js', (open) => Math.round((open.codeCache / 1024) * 10) / 10, 'KiB'],
];

export async function benchColdOpen(tessera: Tessera, accounts: number, runs = 10): Promise<Figure[]> {
  const opens: ColdOpen[] = [];
  for (let i = 0; i < runs; i++) opens.push(await coldOpen(tessera, 3_000));
  const kib = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
  const release = workerScriptSize();
  const e2e = workerScriptSize(E2E_BUILD);
  const label = `cold open (worker stopped, traced), ${accounts} accounts: `;
  return [
    ...COLD_OPEN_PARTS.map(([name, pick, unit], i) =>
      figureOf(`${i === 0 ? label : ''}${name}`, opens.map(pick), unit),
    ),
    // A classic script loads no chunk of its own: this one file is all the worker evaluates.
    figureOf('worker script evaluated on wake, release build (background.js, no chunks)', [kib(release.bytes)], 'KiB'),
    figureOf('  gzipped (goal: 60 KiB)', [kib(release.gzip)], 'KiB'),
    figureOf('  e2e build, gzipped (the one benched)', [kib(e2e.gzip)], 'KiB'),
    // What left the wake path: each helper chunk loads when its first task runs (INTERNALS.md).
    ...helperChunkSizes().map(({ chunk, gzip }) =>
      figureOf(`helper chunk ${chunk}, gzipped (loaded on use)`, [kib(gzip)], 'KiB'),
    ),
  ];
}
