/**
 * Finds a browser for the end-to-end tests: its environment variable first (CHROME_PATH,
 * FIREFOX_PATH), then the usual names on PATH, then the usual install locations; `ensureBrowser`
 * installs the Debian package with apt-get when none is found and we are root, as CI is.
 */
import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

export interface BrowserKind {
  /** The variable that names the executable, e.g. CHROME_PATH. */
  envVar: string;
  names: readonly string[];
  locations: readonly string[];
  /** The Debian package apt-get installs. */
  debianPackage: string;
  /** What to tell a person when none is found. */
  missing: string;
}

export function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function findBrowser(kind: BrowserKind): string | undefined {
  const fromEnv = process.env[kind.envVar];
  if (fromEnv) {
    if (isExecutable(fromEnv)) return fromEnv;
    throw new Error(`${kind.envVar} is set to ${fromEnv}, which is not an executable file.`);
  }
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  for (const name of kind.names) {
    for (const dir of dirs) if (isExecutable(path.join(dir, name))) return path.join(dir, name);
  }
  return kind.locations.find(isExecutable);
}

export interface EnsureOptions {
  log?: (line: string) => void;
  isRoot?: boolean;
  /** Installs the browser; defaults to its Debian package through apt-get. */
  install?: () => void;
}

export function ensureBrowser(
  kind: BrowserKind,
  { log = console.log, isRoot = process.getuid?.() === 0, install = () => aptInstall(kind) }: EnsureOptions = {},
): string {
  const found = findBrowser(kind);
  if (found) return found;
  if (!isRoot || process.platform !== 'linux') throw new Error(kind.missing);
  log(`No browser found: installing Debian ${kind.debianPackage} with apt-get (this takes a minute)...`);
  install();
  const installed = findBrowser(kind);
  if (!installed) throw new Error(`Installing ${kind.debianPackage} did not put it on PATH. ${kind.missing}`);
  return installed;
}

function aptInstall(kind: BrowserKind): void {
  if (!isExecutable('/usr/bin/apt-get'))
    throw new Error(`apt-get is not available to install ${kind.debianPackage}. ${kind.missing}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', kind.debianPackage], {
    stdio: 'inherit',
    env,
  });
}
