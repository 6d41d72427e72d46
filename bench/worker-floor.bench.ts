/**
 * The floor of a cold open (issue 19): the same popup, opened cold against a worker that does
 * nothing but answer from memory (`vault.status` and the first `accounts.list`, recorded from the
 * real build). Whatever that stub still takes is Chrome starting a worker and the popup painting,
 * which no change to Tessera's worker can remove. Run interleaved with the real worker, so the
 * machine's noise falls on both alike.
 */
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { E2E_BUILD, openPopup, sendFromPage, type Tessera, launchTessera } from '../e2e/harness';
/** utils/popup/startup.ts's FIRST_SCREEN_ROWS (that module sends messages when imported). */
const FIRST_SCREEN_ROWS = 9;
import { BENCH_MARK } from '../utils/background/bench-marks';
import { coldOpen, figureOf, type ColdOpen } from './cold-open.bench';
import type { Figure } from './measure';

const STUB_BUILD = path.join(path.dirname(E2E_BUILD), 'chrome-mv3-worker-floor');

/** A worker script that answers every message from `replies` at once, marking the answer as bench-marks.ts does. */
function stubWorker(replies: Record<string, unknown>): string {
  return `const replies = ${JSON.stringify(replies)};
chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  const reply = replies[message && message.type] || { ok: true, value: null };
  performance.mark(${JSON.stringify(BENCH_MARK.answered)} + ' ' + message.type);
  sendResponse(reply);
  return false;
});
`;
}

/** Records the real worker's first answers, and writes the stub build beside the e2e build. */
async function buildStub(tessera: Tessera): Promise<void> {
  const page = await openPopup(tessera);
  const replies = {
    'vault.status': await sendFromPage(page, 'vault.status'),
    'accounts.list': await sendFromPage(page, 'accounts.list', { bySite: true, first: FIRST_SCREEN_ROWS }),
  };
  await page.close();
  rmSync(STUB_BUILD, { recursive: true, force: true });
  mkdirSync(STUB_BUILD, { recursive: true });
  cpSync(E2E_BUILD, STUB_BUILD, { recursive: true });
  writeFileSync(path.join(STUB_BUILD, 'background.js'), stubWorker(replies));
}

export async function benchWorkerFloor(tessera: Tessera, runs = 10): Promise<Figure[]> {
  await buildStub(tessera);
  const stub = await launchTessera({ extension: STUB_BUILD });
  const opens: { real: ColdOpen[]; stub: ColdOpen[] } = { real: [], stub: [] };
  try {
    for (let i = 0; i < runs; i++) {
      opens.real.push(await coldOpen(tessera, 3_000));
      opens.stub.push(await coldOpen(stub, 3_000));
    }
  } finally {
    await stub.close();
  }
  const firstLineToPaint = (open: ColdOpen) => open.total - open.popupFirstLine;
  return [
    figureOf(
      'cold open, interleaved with the floor below: first line -> codes painted',
      opens.real.map(firstLineToPaint),
    ),
    figureOf(
      '  worker wake -> accounts.list answered',
      opens.real.map((open) => open.wakeToAnswer),
    ),
    figureOf('floor (a worker answering from memory): first line -> codes painted', opens.stub.map(firstLineToPaint)),
    figureOf(
      '  worker wake -> accounts.list answered',
      opens.stub.map((open) => open.wakeToAnswer),
    ),
    figureOf(
      '  answer -> codes painted',
      opens.stub.map((open) => open.popupHasAnswer + open.painted),
    ),
  ];
}
