/**
 * What a release is made of (issue 18): the store packages built from `.output/`, and the
 * sources zip a store reviewer rebuilds the Firefox package from with `npm run build-for-amo`.
 * Shared by scripts/release.ts, scripts/build-for-amo.ts and the test that proves the rebuild is
 * byte-identical (e2e/release.e2e.ts).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { folderEntries, reproducibleZip, type ZipEntry } from './reproducible-zip';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const RELEASE_DIR = path.join(ROOT, 'release');

export function packageVersion(root = ROOT): string {
  return (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
}

/** File names in `release/`: the Chrome zip is also the Edge package (same Manifest V3 build). */
export function releaseNames(version: string) {
  return {
    chrome: `tessera-${version}-chrome.zip`,
    firefox: `tessera-${version}-firefox.zip`,
    sources: `tessera-${version}-sources.zip`,
  };
}

/**
 * What the sources zip leaves out: tests, the demo site, benchmarks, pictures of screens and
 * anything built or installed. What stays is what `npm ci && npm run build-for-amo` needs.
 */
const NOT_SOURCES = [
  /^e2e\//,
  /^tests\//,
  /^bench\//,
  /^demo\//,
  /^docs\//,
  /^\.github\//,
  /^\.ci\//,
  /\.test\.tsx?$/,
  /^bench-results\//,
];

export function isSource(name: string): boolean {
  return !NOT_SOURCES.some((pattern) => pattern.test(name));
}

/** The tracked files of the checkout at `root`, as a reviewer gets them (git's own list, no ignored file). */
export function sourceEntries(root = ROOT): ZipEntry[] {
  const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' })
    .split('\0')
    .filter((name) => name && isSource(name));
  return tracked.map((name) => ({ name, bytes: readFileSync(path.join(root, name)) }));
}

/** A built extension folder (`.output/<target>`) as its store zip. */
export function buildZip(outputDir: string): Promise<Uint8Array> {
  return reproducibleZip(folderEntries(outputDir));
}
