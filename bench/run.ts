/**
 * `npm run bench`: performance figures, measured rather than guessed, written to
 * bench-results/bench.json and printed as a table. Budgets live here, not in timed tests.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ensureChrome } from '../scripts/find-chrome';
import type { Figure } from './measure';
import { benchColdOpen } from './cold-open.bench';
import { benchPopup } from './popup.bench';
import { benchScan } from './scan.bench';
import { benchFill } from './fill.bench';
import { benchIcons } from './icons.bench';
import { benchSync } from './sync.bench';
import { benchWorkerFloor } from './worker-floor.bench';
import { ACCOUNTS, benchUnlockChromium, benchUnlockNode, launchWithAccounts } from './unlock.bench';

process.env.CHROME_PATH ??= ensureChrome();
const figures: Figure[] = [...(await benchUnlockNode()), ...(await benchSync())];
const tessera = await launchWithAccounts();
try {
  figures.push(
    ...(await benchUnlockChromium(tessera)),
    ...(await benchPopup(tessera, ACCOUNTS)),
    ...(await benchColdOpen(tessera, ACCOUNTS)),
    ...(await benchWorkerFloor(tessera)),
    ...(await benchScan(tessera)),
    ...(await benchFill(tessera)),
  );
} finally {
  await tessera.close();
}
figures.push(...(await benchIcons(ACCOUNTS)));

const out = path.resolve(import.meta.dirname, '../bench-results');
mkdirSync(out, { recursive: true });
writeFileSync(
  path.join(out, 'bench.json'),
  `${JSON.stringify({ date: new Date().toISOString(), node: process.version, figures }, null, 2)}\n`,
);

const width = Math.max(...figures.map((figure) => figure.name.length));
console.log(`\n${'benchmark'.padEnd(width)}  median      min      max  runs`);
for (const { name, median, min, max, runs, unit } of figures) {
  console.log(
    `${name.padEnd(width)}  ${`${median} ${unit}`.padStart(11)} ${`${min}`.padStart(8)} ${`${max}`.padStart(8)}  ${runs}`,
  );
}
console.log(`\nWritten to ${path.join(out, 'bench.json')}`);
