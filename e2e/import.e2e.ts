/**
 * Moving in and out through the options page, as a user does it: pick an encrypted 2FAS backup,
 * get asked for its password (a wrong one is refused), tick the accounts in the preview, add them,
 * and find them in the popup with codes computed here; download a backup and restore it; show
 * Google Authenticator transfer codes and read them back from the screen.
 */
import { readFile } from 'node:fs/promises';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Account } from '../utils/core/otp/account';
import type { AccountView } from '../utils/core/accounts/account-view';
import { expectedAegisEntries, fixturePath } from '../tests/shared-fixtures';
import { gatherMigrationParts } from '../utils/core/scan/migration-batches';
import { parseMigrationUri } from '../utils/core/scan/otpauth-migration';
import { parseOtpauthUri } from '../utils/core/otp/otpauth-uri';
import { findQrCodes } from '../utils/core/scan/qr-decode';
import { axeViolations } from './axe';
import { expectCode } from './expect-code';
import { ageUnlock, E2E_PASSPHRASE, launchWithVault, openPopup, sendFromPage, type Tessera } from './harness';

let tessera: Tessera;
let setup: Page;

beforeAll(async () => {
  ({ tessera, popup: setup } = await launchWithVault());
});
afterAll(() => tessera?.close());

describe('importing through the options page', () => {
  it('reads an encrypted 2FAS backup with its password and the popup shows its accounts', async () => {
    const options = await tessera.context.newPage();
    await options.goto(`chrome-extension://${tessera.extensionId}/options.html`);
    await options.getByRole('heading', { name: 'Import accounts', exact: true }).waitFor();
    await options
      .getByLabel('Export file')
      .setInputFiles(fixturePath('aegis-importers/2fas_authenticator_encrypted_v4.2fas'));
    await options.getByRole('button', { name: 'Read the export' }).click();
    await options.getByText('This 2FAS export is encrypted: enter its password.').waitFor();
    const password = options.getByLabel('Password of the export');
    await password.fill('not the password');
    await options.getByRole('button', { name: 'Read the export' }).click();
    await options.getByText('Wrong password for this 2FAS export', { exact: false }).waitFor();
    await password.fill('test');
    await options.getByRole('button', { name: 'Read the export' }).click();
    await options.getByRole('heading', { name: 'Found 5 accounts' }).waitFor();
    await options.getByText('From 2FAS').waitFor();
    expect(await axeViolations(options)).toEqual([]);
    // Leave one out: only the ticked ones are added.
    await options.getByRole('checkbox', { name: 'WWE: Mason' }).uncheck();
    await options.getByRole('button', { name: 'Add 4 accounts' }).click();
    await options.getByText('Imported 4 accounts.', { exact: false }).waitFor();

    const popup = await openPopup(tessera);
    const expected = expectedAegisEntries().filter((entry) =>
      ['Deno', 'Issuu', 'Air Canada', 'Boeing'].includes(entry.issuer),
    );
    for (const entry of expected) {
      const account = {
        type: entry.type,
        issuer: entry.issuer,
        label: entry.name,
        secret: entry.secret,
        algorithm: entry.algo,
        digits: entry.digits,
        period: entry.period,
        counter: entry.counter,
      } as Account;
      await expectCode(popup, account);
    }
    expect(await popup.getByRole('button', { name: /^Copy the code for WWE / }).count()).toBe(0);
    await Promise.all([options.close(), popup.close()]);
  });

  it('says what a file is when it is no export, and adds nothing', async () => {
    const options = await tessera.context.newPage();
    await options.goto(`chrome-extension://${tessera.extensionId}/options.html`);
    await options.getByLabel('Export file').setInputFiles(fixturePath('google-migration/qr_but_without_otp.png'));
    await options.getByRole('button', { name: 'Read the export' }).click();
    await options.getByText('This is a picture.', { exact: false }).waitFor();
    await options.getByLabel('Export file').setInputFiles([]);
    await options
      .getByLabel("Or paste the export's text")
      .fill('otpauth://totp/Pasted:me?secret=JBSWY3DPEHPK3PXP&issuer=Pasted');
    await options.getByRole('button', { name: 'Read the export' }).click();
    await options.getByRole('heading', { name: 'Found 1 account' }).waitFor();
    await options.getByRole('button', { name: 'Cancel' }).click();
    await options.getByRole('heading', { name: 'Import accounts', exact: true }).waitFor();
    expect(
      ((await sendFromPage(setup, 'accounts.list')).value as { issuer: string }[]).map((account) => account.issuer),
    ).not.toContain('Pasted');
    await options.close();
  });
  it('offers the good lines of a list with a bad one, names the bad one, and adds only on confirm', async () => {
    const options = await tessera.context.newPage();
    await options.goto(`chrome-extension://${tessera.extensionId}/options.html`);
    await options
      .getByLabel("Or paste the export's text")
      .fill(
        [
          'otpauth://totp/Partial:one?secret=JBSWY3DPEHPK3PXP&issuer=Partial',
          'otpauth://totp/Partial:broken?secret=not!base32&issuer=Partial',
          'otpauth://totp/Partial:two?secret=KRSXG5CTMVRXEZLU&issuer=Partial',
        ].join('\n'),
      );
    await options.getByRole('button', { name: 'Read the export' }).click();
    await options.getByRole('heading', { name: 'Found 2 accounts' }).waitFor();
    await options.getByText('Line 2 (otpauth://totp/Partial:broken', { exact: false }).waitFor();
    expect(
      ((await sendFromPage(setup, 'accounts.list')).value as { label: string }[]).map((account) => account.label),
    ).not.toContain('one');
    await options.getByRole('button', { name: 'Add 2 accounts' }).click();
    await options.getByText('Imported 2 accounts.', { exact: false }).waitFor();
    const added = ((await sendFromPage(setup, 'accounts.list')).value as AccountView[]).filter(
      (account) => account.issuer === 'Partial',
    );
    expect(added.map((account) => account.label).sort()).toEqual(['one', 'two']);
    // Leave the vault as the other tests expect it.
    for (const { id } of added) await sendFromPage(setup, 'accounts.remove', { id });
    await options.close();
  });
});

describe('backing up and exporting through the options page', () => {
  const open = async () => {
    const options = await tessera.context.newPage();
    await options.goto(`chrome-extension://${tessera.extensionId}/options.html`);
    await options.getByRole('heading', { name: 'Back up', exact: true }).waitFor();
    return options;
  };

  it('downloads a backup (axe clean) that restores, and the reminder goes', async () => {
    // The popup's Settings remind too, where people look.
    const popup = await openPopup(tessera);
    await popup.getByRole('button', { name: 'Settings' }).click();
    await popup.getByText('You have accounts and no backup', { exact: false }).waitFor();
    await popup.close();
    const options = await open();
    await options.getByText('You have accounts and no backup', { exact: false }).waitFor();
    expect(await axeViolations(options)).toEqual([]);
    await options.getByLabel('Backup passphrase (optional)').fill('a backup passphrase');
    // Under a passphrase of its own, over a minute after unlocking: the vault's passphrase first.
    await ageUnlock(tessera);
    await options.getByRole('button', { name: 'Download backup' }).click();
    await options.getByLabel('Vault passphrase').fill(E2E_PASSPHRASE);
    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: 'Download backup' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^tessera-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const file = await download.path();
    const backup = JSON.parse(await readFile(file, 'utf8')) as { format: string; accounts: number };
    expect(backup).toMatchObject({ format: 'tessera-backup', accounts: 4 });
    await options.getByText('Last backup:', { exact: false }).waitFor();
    expect(await options.getByText('You have accounts and no backup', { exact: false }).count()).toBe(0);

    // Restore: the import recognises it and asks for its passphrase; all 4 are duplicates now.
    await options.getByLabel('Export file').setInputFiles(file);
    await options.getByRole('button', { name: 'Read the export' }).click();
    await options.getByLabel('Password of the export').fill('a backup passphrase');
    await options.getByRole('button', { name: 'Read the export' }).click();
    await options.getByRole('heading', { name: 'Found 4 accounts' }).waitFor();
    await options.getByText('From Tessera backup').waitFor();
    expect(await options.getByRole('radio', { name: 'Skip' }).count()).toBe(4);
    await options.getByRole('button', { name: 'Cancel' }).click();
    await options.close();
  });

  it('shows Google Authenticator transfer codes that read back from the screen as the accounts', async () => {
    const options = await open();
    await options.getByRole('radio', { name: /^Google Authenticator transfer codes/ }).check();
    await ageUnlock(tessera);
    await options.getByRole('button', { name: 'Show the codes' }).click();
    await options.getByLabel('Vault passphrase').fill(E2E_PASSPHRASE);
    await options.getByRole('button', { name: 'Show the codes' }).click();
    const code = options.getByRole('img', { name: 'Transfer code 1 of 1' });
    await code.waitFor();
    // Boeing is a Steam account and Air Canada has 7 digits: Google takes neither, and the page says so.
    await options.getByText('Google Authenticator has no Steam codes', { exact: false }).waitFor();
    await options.getByText('Google Authenticator shows only 6 or 8 digits, not 7', { exact: false }).waitFor();
    expect(await axeViolations(options)).toEqual([]);
    const shot = PNG.sync.read(await code.screenshot());
    const [uri] = findQrCodes({ data: new Uint8ClampedArray(shot.data), width: shot.width, height: shot.height });
    const { accounts } = gatherMigrationParts([parseMigrationUri(uri!)]);
    expect(accounts.map((account) => account.issuer).sort()).toEqual(['Deno', 'Issuu']);
    await options.close();
  });

  it("shows one account's QR code in the popup, which reads back as that account", async () => {
    const popup = await openPopup(tessera);
    await popup.getByRole('button', { name: 'Edit Deno: Mason' }).click();
    await ageUnlock(tessera);
    await popup.getByRole('button', { name: 'Show QR code' }).click();
    await popup.getByText('Anyone who sees this code can copy the account.', { exact: false }).waitFor();
    // Over a minute after unlocking, the secret shows only after the passphrase, refused as at unlock.
    await popup.getByLabel('Vault passphrase').fill('not the passphrase');
    await popup.getByRole('button', { name: 'Show QR code' }).click();
    await expect.poll(() => popup.getByRole('alert').textContent()).toBe('That passphrase is not right.');
    await popup.screenshot({ path: 'test-results/qr-reauth.png' });
    await popup.getByLabel('Vault passphrase').fill(E2E_PASSPHRASE);
    await popup.getByRole('button', { name: 'Show QR code' }).click();
    const code = popup.getByRole('img', { name: 'QR code for Deno: Mason' });
    await code.waitFor();
    expect(await axeViolations(popup)).toEqual([]);
    const shot = PNG.sync.read(await code.screenshot());
    const [uri] = findQrCodes({ data: new Uint8ClampedArray(shot.data), width: shot.width, height: shot.height });
    expect(parseOtpauthUri(uri!)).toMatchObject({
      issuer: 'Deno',
      label: 'Mason',
      secret: '4SJHB4GSD43FZBAI7C2HLRJGPQ',
    });
    await popup.close();
  });
});
