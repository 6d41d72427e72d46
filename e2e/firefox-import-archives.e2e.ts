/**
 * The heavy readers in Tessera's Firefox build, whose background is an event page rather than a
 * service worker: sql.js must still find its WebAssembly at the extension's root, and zip.js and
 * kdbxweb (with Argon2 from hash-wasm) must run there. Skipped, with a note, when no Firefox is
 * found.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFirefox } from '../scripts/find-firefox';
import { FIXTURE_PASSWORD, kdbxDatabase } from '../tests/archive-fixtures';
import { fixturePath } from '../tests/shared-fixtures';
import { toBase64 } from '../utils/core/internal/bytes';
import { launchFirefox, type Firefox } from './firefox';
import { FIREFOX_BUILD } from './harness';

const executable = findFirefox();

const message = (type: string, payload?: unknown) =>
  `return await browser.runtime.sendMessage(${JSON.stringify({ type, payload })});`;

describe.skipIf(!executable)('importing archives and databases in Firefox', () => {
  let firefox: Firefox;
  let options: string;

  beforeAll(async () => {
    firefox = await launchFirefox(executable!, FIREFOX_BUILD);
    options = await firefox.openExtensionPage('options.html');
    await firefox.evaluate(options, message('vault.create', { passphrase: 'tessera firefox passphrase' }));
  }, 60_000);
  afterAll(() => firefox?.close());

  it.each([
    ['google_authenticator.sqlite', undefined, 6],
    ['authenticator_plus.zip', 'testtesttest', 7],
    ['tessera.kdbx', FIXTURE_PASSWORD, 10],
  ] as const)('previews %s', async (file, password, count) => {
    const bytes = file.endsWith('.kdbx')
      ? await kdbxDatabase('kdbx4-argon2id')
      : readFileSync(fixturePath(`aegis-importers/${file}`));
    const preview = await firefox.evaluate<{ ok: boolean; value: { accounts: unknown[] } }>(
      options,
      message('import.file', { data: toBase64(bytes), ...(password ? { password } : {}) }),
    );
    expect(preview).toMatchObject({ ok: true });
    expect(preview.value.accounts).toHaveLength(count);
  });
});
