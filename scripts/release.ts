/**
 * `npm run release`: everything a maintainer uploads, built from this checkout and verified
 * (issue 18), in `release/`:
 * - `tessera-<version>-chrome.zip`: Chrome Web Store and Microsoft Edge Add-ons (one MV3 build);
 * - `tessera-<version>-firefox.zip`: addons.mozilla.org, desktop and Android;
 * - `tessera-<version>-sources.zip`: what AMO reviewers rebuild the Firefox zip from
 *   (`npm ci && npm run build-for-amo`, byte-identical: e2e/release.e2e.ts proves it);
 * - `SHA256SUMS`;
 * - `listing/`: the store texts, screenshots and promo tile (`npm run release:listing`, run here:
 *   it needs Chromium, found as the tests find it, or CHROME_PATH).
 * The version is package.json's; CHANGELOG.md must describe it. Both packages must pass the
 * stores' checks (scripts/store-checks.ts) and Mozilla's addons-linter, or nothing is written.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { changelogEntry } from './changelog';
import { describeMessages, lintFirefoxPackage } from './lint-firefox';
import { buildZip, packageVersion, releaseNames, RELEASE_DIR, ROOT, sourceEntries } from './release-files';
import { reproducibleZip } from './reproducible-zip';
import { storeProblems } from './store-checks';

function fail(message: string): never {
  console.error(`\nrelease: ${message}`);
  process.exit(1);
}

// The sources zip is what git tracks, read from disk: an edit not committed, or a file not
// tracked, would make packages its sources do not rebuild.
const dirty = spawnSync('git', ['status', '--porcelain'], { cwd: ROOT, encoding: 'utf8' });
if (dirty.status !== 0) fail('release needs a git checkout (the sources zip is what git tracks).');
if (dirty.stdout.trim()) fail(`commit or remove these first, the packages must come from a commit:\n${dirty.stdout}`);

const version = packageVersion();
try {
  changelogEntry(readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8'), version);
} catch (error) {
  fail((error as Error).message);
}

// NODE_ENV decides which build Vite makes: fixed, so the packages are the release build.
const env = { ...process.env, NODE_ENV: 'production' };
for (const args of [['build'], ['build', '-b', 'firefox']]) {
  if (spawnSync('npx', ['wxt', ...args], { cwd: ROOT, stdio: 'inherit', env }).status !== 0)
    fail(`wxt ${args.join(' ')} failed.`);
}

const chromeDir = path.join(ROOT, '.output', 'chrome-mv3');
const firefoxDir = path.join(ROOT, '.output', 'firefox-mv3');
const problems = [
  ...storeProblems(chromeDir).map((p) => `chrome: ${p}`),
  ...storeProblems(firefoxDir).map((p) => `firefox: ${p}`),
];
if (problems.length > 0) fail(`the stores would refuse the packages:\n${problems.join('\n')}`);

const names = releaseNames(version);
const packages: [string, Uint8Array][] = [
  [names.chrome, await buildZip(chromeDir)],
  [names.firefox, await buildZip(firefoxDir)],
  [names.sources, await reproducibleZip(sourceEntries())],
];
const lint = await lintFirefoxPackage(packages[1]![1]);
if (lint.errors.length + lint.warnings.length + lint.notices.length > 0)
  fail(`addons-linter:\n${describeMessages([...lint.errors, ...lint.warnings, ...lint.notices])}`);

rmSync(RELEASE_DIR, { recursive: true, force: true });
mkdirSync(RELEASE_DIR, { recursive: true });
const sums = packages.map(([name, bytes]) => {
  writeFileSync(path.join(RELEASE_DIR, name), bytes);
  return `${createHash('sha256').update(bytes).digest('hex')}  ${name}`;
});
writeFileSync(path.join(RELEASE_DIR, 'SHA256SUMS'), `${sums.join('\n')}\n`);
// The listing is photographed now, from this very build, never copied from an older run.
if (spawnSync('npm', ['run', '--silent', 'release:listing'], { cwd: ROOT, stdio: 'inherit', env }).status !== 0)
  fail('the store listing (npm run release:listing) failed: is Chromium installed, or CHROME_PATH set?');
const listing = path.join(ROOT, 'test-results', 'listing');
cpSync(listing, path.join(RELEASE_DIR, 'listing'), { recursive: true });

console.log(`\nTessera ${version} in ${path.relative(ROOT, RELEASE_DIR)}/ (Node.js ${process.version}):`);
console.log(sums.join('\n'));
for (const { code, file, why } of lint.explained) console.log(`addons-linter ${code} in ${file}, explained: ${why}`);
console.log(`Store listing: ${path.relative(ROOT, path.join(RELEASE_DIR, 'listing'))}/`);
