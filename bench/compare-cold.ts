/**
 * Two builds' cold opens, interleaved (A, B, A, B, ...) so that whatever else the machine is doing
 * falls on both alike: `npx tsx bench/compare-cold.ts DIR_A DIR_B [runs]`, each DIR an e2e build
 * (`wxt build --mode e2e`, copied aside before changing the code). Prints each part of
 * bench/cold-open.bench.ts as medians, side by side, and the gzipped worker script of each.
 */
import path from 'node:path';
import { ensureChrome } from '../scripts/find-chrome';
import { COLD_OPEN_PARTS, coldOpen, figureOf, workerScriptSize, type ColdOpen } from './cold-open.bench';
import { launchWithAccounts } from './unlock.bench';

process.env.CHROME_PATH ??= ensureChrome();
const [dirA, dirB, runsText = '10'] = process.argv.slice(2);
if (!dirA || !dirB) throw new Error('usage: tsx bench/compare-cold.ts DIR_A DIR_B [runs]');
const builds = [path.resolve(dirA), path.resolve(dirB)];
const opens: ColdOpen[][] = [[], []];
const launched = [await launchWithAccounts(builds[0]), await launchWithAccounts(builds[1])];
try {
  for (let i = 0; i < Number(runsText); i++)
    for (const side of [0, 1]) opens[side]!.push(await coldOpen(launched[side]!, 3_000));
} finally {
  await Promise.all(launched.map((tessera) => tessera.close()));
}
const width = Math.max(...COLD_OPEN_PARTS.map(([name]) => name.length));
console.log(`\n${'part (median of each side)'.padEnd(width)}  ${'A'.padStart(9)}  ${'B'.padStart(9)}`);
for (const [name, pick, unit] of COLD_OPEN_PARTS) {
  const [a, b] = opens.map((side) => figureOf(name, side.map(pick), unit).median);
  console.log(`${name.padEnd(width)}  ${String(a).padStart(9)}  ${String(b).padStart(9)}  ${unit}`);
}
const [sizeA, sizeB] = builds.map((dir) => workerScriptSize(dir));
const kib = (bytes: number) => (bytes / 1024).toFixed(1);
console.log(
  `${'background.js gzipped'.padEnd(width)}  ${kib(sizeA!.gzip).padStart(9)}  ${kib(sizeB!.gzip).padStart(9)}  KiB`,
);
console.log(`A: ${builds[0]}\nB: ${builds[1]}`);
