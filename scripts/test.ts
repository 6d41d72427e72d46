/**
 * `npm test`: everything, in the order a reviewer would check it, and one closing line that CI
 * reads: `N passed, N failed, N skipped`. Type-check, lint and the builds count as one check
 * each; every Vitest test counts on its own. A failing step does not stop the later ones, so one
 * run shows everything that is wrong. Installs Debian chromium (and firefox-esr, for the Firefox
 * test) first when none is found and we run as root (see scripts/find-browser.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ensureChrome } from './find-chrome';
import { ensureFirefox } from './find-firefox';

const ROOT = path.resolve(import.meta.dirname, '..');
const RESULTS = path.join(ROOT, 'test-results');
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures: string[] = [];

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): boolean {
  console.log(`\n▶ ${command} ${args.join(' ')}`);
  return spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env }).status === 0;
}

function check(name: string, ok: boolean): boolean {
  totals[ok ? 'passed' : 'failed']++;
  if (!ok) failures.push(name);
  return ok;
}

interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  numFailedTestSuites: number;
}

/** Runs one Vitest project and adds its counts; a run that crashed before reporting counts as one failure. */
function vitest(project: string, env?: NodeJS.ProcessEnv): void {
  const report = path.join(RESULTS, `${project}.json`);
  rmSync(report, { force: true });
  const ok = run(
    'npx',
    [
      'vitest',
      'run',
      '--project',
      project,
      ...ORDER,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
    ],
    env,
  );
  let json: VitestJson;
  try {
    json = JSON.parse(readFileSync(report, 'utf8')) as VitestJson;
  } catch {
    check(`${project} tests (no report)`, false);
    return;
  }
  totals.passed += json.numPassedTests;
  totals.failed += json.numFailedTests;
  totals.skipped += json.numPendingTests + json.numTodoTests;
  if (json.numFailedTests > 0) failures.push(`${project}: ${json.numFailedTests} tests`);
  // A file that failed to load has no tests to count, and a non-zero exit with nothing failed is still a failure.
  if (json.numFailedTestSuites > 0 && json.numFailedTests === 0)
    check(`${project}: ${json.numFailedTestSuites} files failed to load`, false);
  else if (!ok && json.numFailedTests === 0) check(`${project} run`, false);
}

/**
 * Test files run in a shuffled order, a new one each run, so a test that needs another file to
 * have run first fails here rather than hiding. The seed is printed; TESSERA_TEST_SEED=N repeats
 * an order.
 */
const SEED = Number(process.env.TESSERA_TEST_SEED) || 1 + Math.floor(Math.random() * 999_999);
const ORDER = ['--sequence.shuffle.files', `--sequence.seed=${SEED}`];

mkdirSync(RESULTS, { recursive: true });
console.log(`Test files in shuffled order, seed ${SEED} (TESSERA_TEST_SEED=${SEED} repeats it).`);
check('type-check', run('npx', ['tsc', '--noEmit']));
// Lint: ESLint (layers, 120 columns), Prettier's formatting, and no import circle.
check('lint', run('npm', ['run', '--silent', 'lint']));
vitest('unit');

const built =
  check('build chrome-mv3', run('npx', ['wxt', 'build'])) &&
  check('build chrome-mv3-e2e', run('npx', ['wxt', 'build', '--mode', 'e2e'])) &&
  check('build firefox-mv3', run('npx', ['wxt', 'build', '-b', 'firefox']));

let chrome: string | undefined;
try {
  chrome = ensureChrome();
} catch (error) {
  console.error(`\n${(error as Error).message}`);
  check('find a browser for the end-to-end tests', false);
}
// Firefox is optional: without it (and not root to install it) its test is skipped, and says why.
let firefox: string | undefined;
try {
  firefox = ensureFirefox();
} catch (error) {
  console.log(`\n${(error as Error).message}`);
}
if (built && chrome)
  vitest('e2e', { ...process.env, CHROME_PATH: chrome, ...(firefox ? { FIREFOX_PATH: firefox } : {}) });
else if (built) console.log('Skipping the end-to-end tests: no browser.');

if (failures.length > 0) console.log(`\nFailed: ${failures.join('; ')} (file order seed ${SEED})`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
