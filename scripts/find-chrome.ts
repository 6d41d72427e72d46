/**
 * Finds a Chromium or Chrome to run Tessera in: `CHROME_PATH` first, then the usual names on
 * PATH, then the usual install locations. `ensureChrome` (for the test command) installs Debian's
 * `chromium` with apt-get when none is found and we are root, as CI is.
 */
import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];
const LOCATIONS = [
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function findChrome(): string | undefined {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (isExecutable(fromEnv)) return fromEnv;
    throw new Error(`CHROME_PATH is set to ${fromEnv}, which is not an executable file.`);
  }
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  for (const name of NAMES) {
    for (const dir of dirs) if (isExecutable(path.join(dir, name))) return path.join(dir, name);
  }
  return LOCATIONS.find(isExecutable);
}

export const NO_CHROME_MESSAGE =
  'No Chromium or Chrome was found. Install one (Debian/Ubuntu: sudo apt-get install chromium), ' +
  'or set CHROME_PATH to its executable, e.g. CHROME_PATH=/usr/bin/chromium.';

/** Google Chrome 137+ ignores --load-extension unless this feature is turned off; Chromium obeys it. */
export const ALLOW_LOAD_EXTENSION = '--disable-features=DisableLoadExtensionCommandLineSwitch';

export interface EnsureChromeOptions {
  log?: (line: string) => void;
  isRoot?: boolean;
  /** Installs a browser; defaults to Debian's chromium through apt-get. */
  install?: () => void;
}

export function ensureChrome({ log = console.log, isRoot = process.getuid?.() === 0, install = aptInstallChromium }: EnsureChromeOptions = {}): string {
  const found = findChrome();
  if (found) return found;
  if (!isRoot || process.platform !== 'linux') throw new Error(NO_CHROME_MESSAGE);
  log('No Chromium found: installing Debian chromium with apt-get (this takes a minute)...');
  install();
  const installed = findChrome();
  if (!installed) throw new Error(`Installing chromium did not put it on PATH. ${NO_CHROME_MESSAGE}`);
  return installed;
}

function aptInstallChromium(): void {
  if (!isExecutable('/usr/bin/apt-get')) throw new Error(`apt-get is not available to install chromium. ${NO_CHROME_MESSAGE}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env });
}
