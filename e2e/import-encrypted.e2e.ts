/**
 * The encrypted exports added for issue 14, read by the real service worker in Chromium: Ente's
 * secretstream through libsodium itself, Argon2id through hash-wasm, AES and HMAC through
 * WebCrypto. The files are built as the apps build them (tests/import-fixtures.ts).
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Page } from 'playwright-core';
import { bitwardenEncryptedExport, enteEncryptedExport, protonEncryptedExport } from '../tests/import-fixtures';
import { launchWithVault, type Tessera } from './harness';

let tessera: Tessera;
let options: Page;

beforeAll(async () => {
  ({ tessera } = await launchWithVault());
  options = await tessera.context.newPage();
  await options.goto(`chrome-extension://${tessera.extensionId}/options.html`);
  await options.getByRole('heading', { name: 'Import accounts', exact: true }).waitFor();
});
afterAll(() => tessera?.close());

const FILES: [name: string, build: () => Promise<Uint8Array>, format: string, found: number][] = [
  ['ente.json', () => enteEncryptedExport('secret words'), 'Ente Auth', 7],
  ['proton.json', () => protonEncryptedExport('secret words'), 'Proton Authenticator', 3],
  [
    'bitwarden.json',
    () => bitwardenEncryptedExport('secret words', { kdfType: 1, kdfIterations: 3, kdfMemory: 64, kdfParallelism: 4 }),
    'Bitwarden',
    4,
  ],
];

describe('encrypted exports in the options page', () => {
  it.each(FILES)(
    '%s: asks for the password, refuses a wrong one, previews the accounts',
    async (name, build, format, found) => {
      await options.reload();
      await options
        .getByLabel('Export file')
        .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(await build()) });
      await options.getByRole('button', { name: 'Read the export' }).click();
      await options.getByText(`This ${format} export is encrypted: enter its password.`).waitFor();
      const password = options.getByLabel('Password of the export');
      await password.fill('other words');
      await options.getByRole('button', { name: 'Read the export' }).click();
      await options.getByText(`Wrong password for this ${format} export`, { exact: false }).waitFor();
      await password.fill('secret words');
      await options.getByRole('button', { name: 'Read the export' }).click();
      await options.getByRole('heading', { name: `Found ${found} account${found === 1 ? '' : 's'}` }).waitFor();
      await options.getByText(`From ${format}`).waitFor();
    },
  );
});
