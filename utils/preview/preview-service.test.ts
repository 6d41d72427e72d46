import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readFixture } from '../../tests/shared-fixtures';
import { PASSPHRASE, sampleAccount, testVault } from '../../tests/test-vault';
import { buildOtpauthUri } from '../core/otp/build-otpauth-uri';
import { createPreviewService } from './preview-service';
import { requireKey } from '../vault/session-key';
import { pendingScanItem } from './pending-scan-item';

beforeEach(() => fakeBrowser.reset());

async function scanner() {
  const parts = testVault();
  await parts.vault.create(PASSPHRASE);
  return { ...parts, scan: createPreviewService({ accounts: parts.accounts }) };
}

const GITHUB = 'otpauth://totp/GitHub:octocat?secret=GEZDGNBVGY3TQOJQ&issuer=GitHub';
const HOTP = 'otpauth://hotp/Bank:me?secret=JBSWY3DPEHPK3PXP&counter=7&digits=8';
const migration = () =>
  readFixture('google-migration/example_export.txt')
    .split('\n')
    .filter((line) => line.startsWith('otpauth-migration:'));

describe('the scan service', () => {
  it('previews what was found without secrets, and says why other codes cannot be used', async () => {
    const { scan } = await scanner();
    const preview = await scan.addTexts([GITHUB, HOTP, 'https://example.com/login', 'otpauth://totp/x?secret=1234']);
    expect(preview.accounts).toEqual([
      {
        key: 0,
        type: 'totp',
        issuer: 'GitHub',
        label: 'octocat',
        algorithm: 'SHA1',
        digits: 6,
        period: 30,
        duplicate: false,
      },
      { key: 1, type: 'hotp', issuer: 'Bank', label: 'me', algorithm: 'SHA1', digits: 8, counter: 7, duplicate: false },
    ]);
    expect(preview.unusable).toEqual([
      { text: 'https://example.com/login', reason: 'This QR code is not an authenticator code.' },
      { text: 'otpauth://totp/x?secret=…', reason: expect.stringContaining('secret') },
    ]);
    expect(JSON.stringify(preview)).not.toContain('GEZDGNBV');
  });

  it('adds the chosen accounts in one write and forgets the scan', async () => {
    const { scan, accounts, store } = await scanner();
    await scan.addTexts([GITHUB, HOTP]);
    const revision = async () => (await store.read(await requireKey())).revision;
    const before = await revision();
    expect(await scan.confirm([{ key: 1, action: 'add' }])).toEqual({ added: 1, replaced: 0 });
    expect(await revision()).toBe(before + 1);
    expect((await accounts.list()).map((view) => view.issuer)).toEqual(['Bank']);
    expect(await scan.preview()).toBeNull();
  });

  it("offers the page's site for the page's own codes, and binds it only when told", async () => {
    const { scan, accounts } = await scanner();
    const sitesOf = async (issuer: string) =>
      (
        await Promise.all(
          (await accounts.list()).filter((view) => view.issuer === issuer).map((view) => accounts.fillTarget(view.id)),
        )
      )[0]?.sites;
    expect((await scan.addTexts([GITHUB], 'github.com')).site).toBe('github.com');
    // An export's accounts were made elsewhere: the page it is shown on is not their site.
    const preview = await scan.addTexts(migration().slice(0, 1), 'exports.example');
    expect(preview.site).toBe('github.com');
    await scan.confirm(
      preview.accounts.map((row) => ({ key: row.key, action: 'add' as const })),
      true,
    );
    expect(await sitesOf('GitHub')).toEqual(['github.com']);
    const exported = (await accounts.list()).filter((view) => view.issuer !== 'GitHub');
    expect(exported.length).toBeGreaterThan(0);
    for (const view of exported) expect((await accounts.fillTarget(view.id)).sites).toEqual([]);

    // Not told: nothing bound. Replacing keeps the sites the account had.
    await scan.addTexts([HOTP], 'bank.example');
    await scan.confirm([{ key: 0, action: 'add' }], false);
    expect(await sitesOf('Bank')).toEqual([]);
    expect((await scan.addTexts([GITHUB], 'github.io')).accounts[0]!.duplicate).toBe(true);
    await scan.confirm([{ key: 0, action: 'replace' }], true);
    expect(await sitesOf('GitHub')).toEqual(['github.com', 'github.io']);
  });

  it('offers no site for a picture file or an export alone', async () => {
    const { scan } = await scanner();
    expect((await scan.addTexts([GITHUB])).site).toBeUndefined();
    await scan.discard();
    expect((await scan.addTexts(migration().slice(0, 1), 'exports.example')).site).toBeUndefined();
  });

  it('marks accounts already in the vault, refuses to add them twice, and replaces them in place', async () => {
    const { scan, accounts } = await scanner();
    const existing = sampleAccount(1, { issuer: 'GitHub', label: 'octocat', secret: 'GEZDGNBVGY3TQOJQ', digits: 8 });
    await accounts.add({ account: sampleAccount(0) });
    const id = await accounts.add({ account: existing });
    const preview = await scan.addTexts([GITHUB]);
    expect(preview.accounts[0]!.duplicate).toBe(true);
    await expect(scan.confirm([{ key: 0, action: 'add' }])).rejects.toMatchObject({ code: 'invalid-input' });
    await scan.confirm([{ key: 0, action: 'replace' }]);
    const list = await accounts.list();
    expect(list.map((view) => [view.id, view.digits])).toEqual([
      [expect.any(String), 6],
      [id, 6],
    ]);
  });

  it('gathers the parts of Google Authenticator exports across scans', async () => {
    const { scan } = await scanner();
    const [first, second, ...rest] = migration();
    expect((await scan.addTexts([first!])).accounts).toHaveLength(1);
    const preview = await scan.addTexts([second!, ...rest, first!]);
    expect(preview.batches).toHaveLength(5);
    expect(preview.batches.every((batch) => batch.complete)).toBe(true);
    // The same account in several exports is offered once.
    expect(preview.accounts.map((row) => `${row.issuer}|${row.label}|${row.type}`)).toEqual(
      ['raspberrypi|pi@raspberrypi', '|pi@raspberrypi', '|hotp demo', 'encoding|¿äÄéÉ? (demo)'].map(
        (name, i) => `${name}|${i === 2 ? 'hotp' : 'totp'}`,
      ),
    );
  });

  it('keeps nothing once the vault locks', async () => {
    const { scan, vault } = await scanner();
    await scan.addTexts([GITHUB]);
    await vault.lock();
    expect(await pendingScanItem.getValue()).toBeNull();
  });

  it('refuses a choice that no longer matches the scan', async () => {
    const { scan } = await scanner();
    await scan.addTexts([buildOtpauthUri(sampleAccount(3))]);
    await expect(scan.confirm([{ key: 5, action: 'add' }])).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(scan.confirm([{ key: 0, action: 'replace' }])).rejects.toMatchObject({ code: 'invalid-input' });
  });
});
