/**
 * Reproducible releases (issue 18): the sources zip a store reviewer gets rebuilds, in another
 * folder with `npm run build-for-amo`, the very Firefox package this checkout built — byte for
 * byte. The reviewer runs `npm ci` first; here the unpacked sources borrow this checkout's
 * node_modules (the same lockfile), which is what makes the test fast enough for `npm test`.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Uint8ArrayReader, Uint8ArrayWriter, ZipReader } from '@zip.js/zip.js';
import { buildZip, isSource, packageVersion, releaseNames, ROOT, sourceEntries } from '../scripts/release-files';
import { reproducibleZip } from '../scripts/reproducible-zip';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
/** A shell as a reviewer has it: not Vitest's (which sets NODE_ENV=test, and Vite would build for tests). */
const env = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => name !== 'NODE_ENV' && !name.startsWith('VITEST')),
);
const elsewhere = mkdtempSync(path.join(tmpdir(), 'tessera-amo-rebuild-'));
afterAll(() => rmSync(elsewhere, { recursive: true, force: true }));

async function unzip(zip: Uint8Array, into: string): Promise<string[]> {
  const reader = new ZipReader(new Uint8ArrayReader(zip), { useWebWorkers: false });
  const names: string[] = [];
  for (const entry of await reader.getEntries()) {
    if (entry.directory) continue;
    mkdirSync(path.dirname(path.join(into, entry.filename)), { recursive: true });
    writeFileSync(path.join(into, entry.filename), await entry.getData(new Uint8ArrayWriter()));
    names.push(entry.filename);
  }
  await reader.close();
  return names;
}

describe('the release packages', () => {
  it('are the same bytes whatever order the files come in', async () => {
    const entries = sourceEntries().slice(0, 20);
    expect(sha256(await reproducibleZip(entries))).toBe(sha256(await reproducibleZip([...entries].reverse())));
  });

  it('leave tests, the demo site and benchmarks out of the sources zip, and keep what builds', () => {
    expect(
      ['e2e/vault.e2e.ts', 'tests/test-vault.ts', 'demo/main.ts', 'bench/run.ts', 'utils/core/otp/otp.test.ts'].filter(
        isSource,
      ),
    ).toEqual([]);
    for (const needed of [
      'package.json',
      'package-lock.json',
      'wxt.config.ts',
      'scripts/build-for-amo.ts',
      'utils/core/otp/otp.ts',
    ])
      expect(isSource(needed), needed).toBe(true);
  });

  it('rebuild from the sources zip, in another folder, to the same Firefox package', async () => {
    const sources = await reproducibleZip(sourceEntries());
    const names = await unzip(sources, elsewhere);
    expect(names).toContain('scripts/build-for-amo.ts');
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(elsewhere, 'node_modules'), 'dir');
    const prepare = spawnSync('npx', ['wxt', 'prepare'], { cwd: elsewhere, encoding: 'utf8', env });
    expect(prepare.status, prepare.stderr).toBe(0);
    const rebuild = spawnSync('npm', ['run', '--silent', 'build-for-amo'], { cwd: elsewhere, encoding: 'utf8', env });
    expect(rebuild.status, rebuild.stderr).toBe(0);
    const rebuilt = readFileSync(path.join(elsewhere, 'release', releaseNames(packageVersion()).firefox));
    const here = await buildZip(path.join(ROOT, '.output', 'firefox-mv3'));
    expect(sha256(rebuilt)).toBe(sha256(here));
    // What build-for-amo prints is the sum a reviewer compares with the uploaded package's.
    expect(rebuild.stdout).toContain(sha256(here));
  });
});
