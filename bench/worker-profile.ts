/**
 * What the worker's top-level evaluation spends its time on, by package: builds the e2e worker
 * with a source map into .output/analysis-e2e/, opens the popup on a stopped worker `runs` times
 * with V8's sampling profiler in Chrome's trace, and gives each sample taken during background.js's
 * EvaluateScript to the source its position maps to. The profiler slows evaluation several times
 * over, so read the shares, not the milliseconds. `npx tsx bench/worker-profile.ts [runs]`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decode } from '@jridgewell/sourcemap-codec';
import { build } from 'wxt';
import { ensureChrome } from '../scripts/find-chrome';
import { stopServiceWorker, type Tessera } from '../e2e/harness';
import { launchWithAccounts } from './unlock.bench';

interface CallFrame {
  url?: string;
  functionName?: string;
  lineNumber?: number;
  columnNumber?: number;
}
interface ProfileData {
  cpuProfile?: { nodes?: { id: number; callFrame: CallFrame }[]; samples?: number[] };
  timeDeltas?: number[];
  lines?: number[];
  columns?: number[];
  startTime?: number;
  url?: string;
}
interface TraceEvent {
  name: string;
  ts: number;
  dur?: number;
  tid: number;
  id?: string;
  args?: { data?: ProfileData };
}
interface Sample {
  url: string;
  line: number;
  column: number;
  name: string;
}

const ROOT = path.resolve(import.meta.dirname, '..');
const DIR = path.join(ROOT, '.output/analysis-e2e/chrome-mv3-e2e');

/** The samples V8 took on the worker's thread while it evaluated background.js, once. */
async function profileOnce(tessera: Tessera): Promise<Sample[]> {
  const blank = await tessera.context.newPage();
  await blank.goto('about:blank');
  await stopServiceWorker(tessera, blank);
  const cdp = await tessera.context.newCDPSession(blank);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }: { value: object[] }) => void events.push(...(value as TraceEvent[])));
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: ['devtools.timeline', 'v8', 'disabled-by-default-v8.cpu_profiler'] },
  });
  const page = await tessera.context.newPage();
  await page.goto(tessera.popupUrl);
  await page.locator('.account .code').first().waitFor();
  await cdp.send('Tracing.end');
  await complete;
  await page.close();
  await cdp.detach();
  await blank.close();
  const evaluation = events.find((e) => e.name === 'EvaluateScript' && e.args?.data?.url?.endsWith('/background.js'));
  const profile = events.find((e) => e.name === 'Profile' && e.tid === evaluation?.tid);
  if (!evaluation || !profile) throw new Error('The trace has no profile of background.js');
  const nodes = new Map<number, CallFrame>();
  const samples: Sample[] = [];
  let time = profile.args!.data!.startTime ?? 0;
  const chunks = events.filter((e) => e.name === 'ProfileChunk' && e.id === profile.id).sort((a, b) => a.ts - b.ts);
  for (const chunk of chunks) {
    const data = chunk.args!.data!;
    for (const node of data.cpuProfile?.nodes ?? []) nodes.set(node.id, node.callFrame);
    (data.cpuProfile?.samples ?? []).forEach((id, i) => {
      time += data.timeDeltas?.[i] ?? 0;
      if (time < evaluation.ts || time > evaluation.ts + evaluation.dur!) return;
      const frame = nodes.get(id) ?? {};
      // Per-sample positions are 1-based; without them, the function's own (0-based) start.
      const line = data.lines?.[i] ? data.lines[i]! - 1 : (frame.lineNumber ?? -1);
      const column = data.columns?.[i] ? data.columns[i]! - 1 : (frame.columnNumber ?? -1);
      samples.push({ url: frame.url ?? '', line, column, name: frame.functionName ?? '' });
    });
  }
  return samples;
}

/** The npm package a source belongs to, or its path in the project. */
function packageOf(source: string): string {
  const modules = source.lastIndexOf('node_modules/');
  if (modules < 0) return source.replace(/^(\.\.\/)+/, '');
  const [scope, name] = source.slice(modules + 'node_modules/'.length).split('/');
  return scope!.startsWith('@') ? `${scope}/${name}` : scope!;
}

process.env.CHROME_PATH ??= ensureChrome();
const runs = Number(process.argv[2] ?? 5);
await build({
  root: ROOT,
  mode: 'e2e',
  outDir: path.join(ROOT, '.output/analysis-e2e'),
  vite: () => ({ build: { sourcemap: true } }),
});
const tessera = await launchWithAccounts(DIR);
const samples: Sample[] = [];
try {
  for (let i = 0; i < runs; i++) samples.push(...(await profileOnce(tessera)));
} finally {
  await tessera.close();
}
const map = JSON.parse(readFileSync(path.join(DIR, 'background.js.map'), 'utf8')) as {
  sources: string[];
  mappings: string;
};
const lines = decode(map.mappings);
const sourceAt = (line: number, column: number) => {
  let found: number[] | undefined;
  for (const segment of lines[line] ?? []) {
    if (segment[0] > column) break;
    found = segment;
  }
  return found && found.length > 1 ? packageOf(map.sources[found[1]!]!) : '(bundler glue)';
};
const counts = new Map<string, number>();
for (const sample of samples) {
  const owner = sample.url.endsWith('/background.js')
    ? sourceAt(sample.line, sample.column)
    : `(${sample.name || sample.url || 'native'})`;
  counts.set(owner, (counts.get(owner) ?? 0) + 1);
}
console.log(`${samples.length} samples of background.js's top-level evaluation over ${runs} cold starts\n`);
for (const [owner, count] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, 30))
  console.log(`${String(count).padStart(6)} ${((100 * count) / samples.length).toFixed(1).padStart(5)} %  ${owner}`);
