/**
 * A hostile export cannot freeze Tessera (issue 15, "Hostile input"): an Aegis file asking for
 * scrypt N = 2^30 (128 GiB, hours of work) is refused in the options page within moments, naming
 * the setting and its limit, while the worker goes on serving the popup's codes.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fixturePath } from '../tests/shared-fixtures';
import type { Account } from '../utils/core/otp/account';
import { expectCode } from './expect-code';
import { launchWithVault, openPopup, type Tessera } from './harness';

const ACCOUNT: Account = {
  type: 'totp',
  issuer: 'Example',
  label: 'alice@example.com',
  secret: 'JBSWY3DPEHPK3PXP',
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
};
const REFUSAL = 'scrypt N is 1,073,741,824, above the limit of 1,048,576';

let tessera: Tessera;
let setup: Page;

beforeAll(async () => {
  ({ tessera, popup: setup } = await launchWithVault({
    accounts: [`otpauth://totp/Example:alice@example.com?secret=${ACCOUNT.secret}&issuer=Example`],
  }));
});
afterAll(() => tessera?.close());

/**
 * aegis_encrypted.json with its password slot changed: by default scrypt N = 2^30 (a memory bomb);
 * p = 2^20 keeps Aegis's 32 MiB but asks for a million times its work (a time bomb).
 */
async function hostileAegis(
  change: { n?: number; p?: number } = { n: 2 ** 30 },
): Promise<{ file: string; base64: string }> {
  const vault = JSON.parse(await readFile(fixturePath('aegis-importers/aegis_encrypted.json'), 'utf8')) as {
    header: { slots: { type: number; n: number; p: number }[] };
  };
  for (const slot of vault.header.slots) if (slot.type === 1) Object.assign(slot, change);
  const text = JSON.stringify(vault);
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'tessera-hostile-')), 'aegis-hostile.json');
  await writeFile(file, text);
  return { file, base64: Buffer.from(text).toString('base64') };
}

describe('a hostile Aegis export', () => {
  it('is refused in the options page, naming the setting and its limit, and the popup keeps its codes', async () => {
    const { file } = await hostileAegis();
    const popup = await openPopup(tessera);
    await expectCode(popup, ACCOUNT);
    const options = await tessera.context.newPage();
    await options.goto(`chrome-extension://${tessera.extensionId}/options.html`);
    await options.getByLabel('Export file').setInputFiles(file);
    await options.getByRole('button', { name: 'Read the export' }).click();
    await options.getByText('This Aegis export is encrypted', { exact: false }).waitFor();
    await options.getByLabel('Password of the export').fill('test');
    const started = Date.now();
    await options.getByRole('button', { name: 'Read the export' }).click();
    // Right after: the popup is still served (a reload asks the worker for the list and codes).
    await popup.reload();
    await expectCode(popup, ACCOUNT);
    await options.getByText(REFUSAL, { exact: false }).waitFor({ timeout: 5_000 });
    const elapsed = Date.now() - started;
    console.log(`hostile Aegis refused in the options page within ${elapsed} ms (popup reload included)`);
    expect(elapsed).toBeLessThan(5_000);
    await Promise.all([options.close(), popup.close()]);
  });

  it('is refused at once by the worker, which answers accounts.list meanwhile', async () => {
    const { base64 } = await hostileAegis({ p: 2 ** 20 });
    // Both messages leave the page together; each answer's time is taken in the page.
    const timings = await setup.evaluate(async (data) => {
      type Runtime = { chrome: { runtime: { sendMessage(message: unknown): Promise<Record<string, unknown>> } } };
      const { runtime } = (globalThis as unknown as Runtime).chrome;
      const timed = async (message: unknown) => {
        const start = performance.now();
        const answer = await runtime.sendMessage(message);
        return { answer, ms: performance.now() - start };
      };
      const [imported, listed] = await Promise.all([
        timed({ type: 'import.file', payload: { data, password: 'test' } }),
        timed({ type: 'accounts.list' }),
      ]);
      return { imported, listed };
    }, base64);
    console.log(
      `import.file refused in ${timings.imported.ms.toFixed(1)} ms; accounts.list answered in ` +
        `${timings.listed.ms.toFixed(1)} ms`,
    );
    expect(timings.imported.answer).toMatchObject({
      ok: false,
      error: { code: 'malformed', message: expect.stringContaining('scrypt p is 1,048,576, above the limit of 16') },
    });
    expect(timings.listed.answer).toMatchObject({
      ok: true,
      value: [expect.objectContaining({ issuer: 'Example', label: 'alice@example.com' })],
    });
    // Round trips through the message channel, file transfer included (about 70 ms here; the
    // refusal itself takes under 1 ms, kdf-limit.test.ts): generous for a loaded machine, and
    // far below the minutes the derivation would take.
    expect(timings.imported.ms).toBeLessThan(1_000);
    expect(timings.listed.ms).toBeLessThan(1_000);
  });
});
