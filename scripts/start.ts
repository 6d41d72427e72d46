/**
 * `npm start`: builds Tessera, starts the demo 2FA site on 127.0.0.1, and opens Chromium/Chrome
 * with Tessera loaded and the demo site open, in a profile of its own (.tessera-profile/).
 * Where there is no display it says so and prints what to load by hand. Ctrl+C stops it all.
 * It builds into .output/ as `npm run build` does; TESSERA_OUT_DIR names another folder (the
 * e2e test of this script builds into a temporary one, so it never touches the release build
 * that the other e2e tests check).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { build } from 'wxt';
import { clockSkewFromEnv, startDemoServer } from '../demo/server';
import { ALLOW_LOAD_EXTENSION, findChrome, NO_CHROME_MESSAGE } from './find-chrome';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT_DIR = path.resolve(ROOT, process.env.TESSERA_OUT_DIR || '.output');
const EXTENSION = path.join(OUT_DIR, 'chrome-mv3');
const PROFILE = path.join(ROOT, '.tessera-profile');

// `wxt build` with WXT's outDir set (its command line has no option for it).
try {
  await build({ root: ROOT, outDir: OUT_DIR });
} catch (error) {
  console.error(error);
  process.exit(1);
}

const port = Number(process.env.PORT ?? 8787);
const clockSkewMs = clockSkewFromEnv();
const demo = await startDemoServer({ port, clockSkewMs }).catch(async (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EADDRINUSE') throw error;
  console.log(`Port ${port} is busy; using a free one.`);
  return startDemoServer({ clockSkewMs });
});
console.log(`\nDemo 2FA site: ${demo.url}/`);
console.log(`Tessera build: ${EXTENSION}`);

const loadByHand =
  'To load Tessera by hand: open chrome://extensions, turn on Developer mode, ' +
  `click "Load unpacked" and choose ${EXTENSION}`;
const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const chrome = hasDisplay ? findChromeOrSay() : undefined;

if (!hasDisplay) {
  console.log('\nNo display found (DISPLAY and WAYLAND_DISPLAY are unset), so no browser was opened.');
  console.log(loadByHand);
} else if (chrome) {
  console.log(`Opening ${chrome} with Tessera loaded (profile: ${PROFILE})`);
  // Chromium refuses to start as root with its sandbox on (containers, CI boxes).
  const asRoot = process.getuid?.() === 0;
  if (asRoot) console.log('Running as root: starting the browser with --no-sandbox.');
  const browser = spawn(
    chrome,
    [
      `--user-data-dir=${PROFILE}`,
      `--disable-extensions-except=${EXTENSION}`,
      `--load-extension=${EXTENSION}`,
      ALLOW_LOAD_EXTENSION,
      '--no-first-run',
      '--no-default-browser-check',
      ...(asRoot ? ['--no-sandbox'] : []),
      `${demo.url}/`,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let errors = '';
  browser.stderr.on('data', (chunk: Buffer) => (errors = (errors + String(chunk)).slice(-2000)));
  browser.on('exit', (code) => {
    if (code) console.log(`The browser exited with code ${code}:\n${errors.trim()}`);
    console.log('The browser was closed; the demo site keeps running. Ctrl+C to stop.');
  });
}
console.log('\nPress Ctrl+C to stop.');

function findChromeOrSay(): string | undefined {
  const found = findChrome();
  if (!found) console.log(`\n${NO_CHROME_MESSAGE}\n${loadByHand}`);
  return found;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void demo.close().then(() => process.exit(0)));
}
