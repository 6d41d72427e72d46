/**
 * The heavy readers in the built extension's worker: sql.js must find its WebAssembly beside the
 * worker, zip.js must run without Web Workers, and kdbxweb must run with Argon2 from hash-wasm.
 * Each file is picked on the options page and previewed with its accounts.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { FIXTURE_PASSWORD, kdbxDatabase } from '../tests/archive-fixtures';
import { fixturePath } from '../tests/shared-fixtures';
import { launchWithVault, type Tessera } from './harness';

let tessera: Tessera;

beforeAll(async () => {
  ({ tessera } = await launchWithVault());
});
afterAll(() => tessera?.close());

describe('importing archives and databases through the options page', () => {
  it.each([
    ['google_authenticator.sqlite', undefined, 6, 'Google Authenticator'],
    ['authenticator_plus.zip', 'testtesttest', 7, 'Authenticator Plus'],
    ['tessera.kdbx', FIXTURE_PASSWORD, 10, 'KeePass'],
  ] as const)('previews %s', async (file, password, count, format) => {
    const options = await tessera.context.newPage();
    await options.goto(`chrome-extension://${tessera.extensionId}/options.html`);
    await options.getByRole('heading', { name: 'Import accounts', exact: true }).waitFor();
    const input = options.getByLabel('Export file');
    if (file.endsWith('.kdbx'))
      await input.setInputFiles({
        name: file,
        mimeType: 'application/octet-stream',
        buffer: Buffer.from(await kdbxDatabase('kdbx4-argon2id')),
      });
    else await input.setInputFiles(fixturePath(`aegis-importers/${file}`));
    await options.getByRole('button', { name: 'Read the export' }).click();
    if (password) {
      await options.getByText(`This ${format} export is encrypted: enter its password.`).waitFor();
      await options.getByLabel('Password of the export').fill(password);
      await options.getByRole('button', { name: 'Read the export' }).click();
    }
    await options.getByRole('heading', { name: `Found ${count} accounts` }).waitFor();
    await options.getByText(`From ${format}`).waitFor();
    await options.close();
  });
});
