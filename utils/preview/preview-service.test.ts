import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readFixture } from '../../tests/shared-fixtures';
import { PASSPHRASE, sampleAccount, testVault } from '../../tests/test-vault';
import { buildOtpauthUri } from '../core/otp/build-otpauth-uri';
import { createPreviewService } from './preview-service';
import { requireKey } from '../vault/session-key';
import { pendingScanItem } from './pending-scan-item';
import type { ScanPreview } from '../core/preview/scan-preview';

beforeEach(() => fakeBrowser.reset());

/** Every row of `preview`, added. */
const addAll = (preview: ScanPreview) => preview.accounts.map((row) => ({ key: row.key, action: 'add' as const }));

async function scanner() {
  const parts = testVault();
  await parts.vault.create(PASSPHRASE);
  return { ...parts, scan: createPreviewService({ accounts: parts.accounts }) };
}

const GITHUB = 'otpauth://totp/GitHub:octocat?secret=GEZDGNBVGY3TQOJQ&issuer=GitHub';
const EVIL = 'otpauth://totp/Evil:me?secret=KRUGS4ZANFZSAYLOEBSXM2LM&issuer=Evil';
const ON_GITHUB = { origin: 'https://github.com' };
const ON_EVIL = { origin: 'https://evil.com' };
const PICTURE = { picture: true } as const;
const HOTP = 'otpauth://hotp/Bank:me?secret=JBSWY3DPEHPK3PXP&counter=7&digits=8';
const migration = () =>
  readFixture('google-migration/example_export.txt')
    .split('\n')
    .filter((line) => line.startsWith('otpauth-migration:'));

describe('the scan service', () => {
  it('previews what was found without secrets, and says why other codes cannot be used', async () => {
    const { scan } = await scanner();
    const preview = await scan.addTexts(
      [GITHUB, HOTP, 'https://example.com/login', 'otpauth://totp/x?secret=1234'],
      ON_GITHUB,
    );
    expect(preview.accounts).toEqual([
      {
        key: expect.any(String),
        type: 'totp',
        issuer: 'GitHub',
        label: 'octocat',
        algorithm: 'SHA1',
        digits: 6,
        period: 30,
        duplicate: false,
        origin: 'https://github.com',
      },
      {
        key: expect.any(String),
        type: 'hotp',
        issuer: 'Bank',
        label: 'me',
        algorithm: 'SHA1',
        digits: 8,
        counter: 7,
        duplicate: false,
        origin: 'https://github.com',
      },
    ]);
    expect(new Set(preview.accounts.map((row) => row.key)).size).toBe(2);
    expect(preview.nonce).toEqual(expect.any(String));
    expect(preview.unusable).toEqual([
      { text: 'https://example.com/login', reason: 'This QR code is not an authenticator code.' },
      { text: 'otpauth://totp/x?secret=…', reason: expect.stringContaining('secret') },
    ]);
    expect(JSON.stringify(preview)).not.toContain('GEZDGNBV');
  });

  it('adds the chosen accounts in one write and forgets the scan', async () => {
    const { scan, accounts, store } = await scanner();
    const preview = await scan.addTexts([GITHUB, HOTP], PICTURE);
    const revision = async () => (await store.read(await requireKey())).revision;
    const before = await revision();
    expect(await scan.confirm(preview.nonce, [{ key: preview.accounts[1]!.key, action: 'add' }])).toEqual({
      added: 1,
      replaced: 0,
    });
    expect(await revision()).toBe(before + 1);
    expect((await accounts.list()).map((view) => view.issuer)).toEqual(['Bank']);
    expect(await scan.preview()).toBeNull();
  });

  it("offers the page's origin for the page's own codes, and binds it only when told", async () => {
    const { scan, accounts } = await scanner();
    expect((await scan.addTexts([GITHUB], ON_GITHUB)).accounts[0]!.origin).toBe('https://github.com');
    // An export's accounts were made elsewhere: the page it is shown on is not their site.
    const preview = await scan.addTexts(migration().slice(0, 1), { origin: 'https://exports.example' });
    expect(preview.accounts.map((row) => row.origin)).toEqual(['https://github.com', undefined]);
    await scan.confirm(preview.nonce, addAll(preview), ['https://github.com', 'https://exports.example']);
    expect(await sitesOf(accounts, 'GitHub')).toEqual(['https://github.com']);
    const exported = (await accounts.list()).filter((view) => view.issuer !== 'GitHub');
    expect(exported.length).toBeGreaterThan(0);
    for (const view of exported) expect((await accounts.fillTarget(view.id)).sites).toEqual([]);

    // Not told: nothing bound. Replacing keeps the sites the account had.
    const bank = await scan.addTexts([HOTP], { origin: 'https://bank.example' });
    await scan.confirm(bank.nonce, addAll(bank), []);
    expect(await sitesOf(accounts, 'Bank')).toEqual([]);
    const again = await scan.addTexts([GITHUB], { origin: 'https://github.io' });
    expect(again.accounts[0]!.duplicate).toBe(true);
    await scan.confirm(again.nonce, [{ key: again.accounts[0]!.key, action: 'replace' }], ['https://github.io']);
    expect(await sitesOf(accounts, 'GitHub')).toEqual(['https://github.com', 'https://github.io']);
  });

  it("binds each scanned account to its own page, never to a later scan's (github.com, then evil.com)", async () => {
    const { scan, accounts } = await scanner();
    await scan.addTexts([GITHUB], ON_GITHUB);
    // The user leaves GitHub without confirming, and scans a code on evil.com.
    const preview = await scan.addTexts([EVIL], ON_EVIL);
    expect(preview.accounts.map((row) => [row.issuer, row.origin])).toEqual([
      ['GitHub', 'https://github.com'],
      ['Evil', 'https://evil.com'],
    ]);
    // Remembering evil.com binds it to the account evil.com showed, and to nothing else.
    await scan.confirm(preview.nonce, addAll(preview), ['https://evil.com']);
    expect(await sitesOf(accounts, 'GitHub')).toEqual([]);
    expect(await sitesOf(accounts, 'Evil')).toEqual(['https://evil.com']);
  });

  it('remembers each page only for the accounts it showed, when both are remembered', async () => {
    const { scan, accounts } = await scanner();
    await scan.addTexts([GITHUB], ON_GITHUB);
    const preview = await scan.addTexts([EVIL], ON_EVIL);
    await scan.confirm(preview.nonce, addAll(preview), ['https://evil.com', 'https://github.com']);
    expect(await sitesOf(accounts, 'GitHub')).toEqual(['https://github.com']);
    expect(await sitesOf(accounts, 'Evil')).toEqual(['https://evil.com']);
  });

  it('keeps the page an account was first scanned on when another page shows it again', async () => {
    const { scan } = await scanner();
    const first = await scan.addTexts([GITHUB], ON_GITHUB);
    const again = await scan.addTexts([GITHUB], ON_EVIL);
    expect(again.accounts).toEqual(first.accounts);
  });

  it('gives a picture file no page, even when it joins a scan from one', async () => {
    const { scan, accounts } = await scanner();
    await scan.addTexts([GITHUB], ON_GITHUB);
    const preview = await scan.addTexts([HOTP], PICTURE);
    expect(preview.accounts.map((row) => [row.issuer, row.origin, row.picture])).toEqual([
      ['GitHub', 'https://github.com', undefined],
      ['Bank', undefined, true],
    ]);
    await scan.confirm(preview.nonce, addAll(preview), ['https://github.com']);
    expect(await sitesOf(accounts, 'Bank')).toEqual([]);
    expect(await sitesOf(accounts, 'GitHub')).toEqual(['https://github.com']);
  });

  it('offers no page for a picture file, a page without a web address, or an export alone', async () => {
    const { scan } = await scanner();
    expect((await scan.addTexts([GITHUB], PICTURE)).accounts[0]).toMatchObject({ picture: true });
    expect((await scan.addTexts([GITHUB], PICTURE)).accounts[0]!.origin).toBeUndefined();
    await scan.discard();
    expect((await scan.addTexts([GITHUB], { origin: undefined })).accounts[0]).not.toHaveProperty('origin');
    await scan.discard();
    const exported = await scan.addTexts(migration().slice(0, 1), ON_GITHUB);
    expect(exported.accounts.every((row) => row.origin === undefined && !row.picture)).toBe(true);
  });

  it('refuses a confirm chosen from a preview that another scan changed, and adds nothing', async () => {
    const { scan, accounts } = await scanner();
    const seen = await scan.addTexts([GITHUB], ON_GITHUB);
    expect((await scan.preview())?.nonce).toBe(seen.nonce);
    // A scan lands (the shortcut, the region tool) while the user looks at the preview.
    await scan.addTexts([EVIL], ON_EVIL);
    await expect(scan.confirm(seen.nonce, addAll(seen), ['https://github.com'])).rejects.toMatchObject({
      code: 'stale-preview',
      message: expect.stringContaining('changed'),
    });
    expect(await accounts.list()).toEqual([]);
    // The preview is still there; the user's choice by key still names GitHub only.
    const now = (await scan.preview())!;
    expect(now.nonce).not.toBe(seen.nonce);
    expect(now.accounts).toHaveLength(2);
    await scan.confirm(now.nonce, addAll(seen), ['https://github.com']);
    expect((await accounts.list()).map((view) => view.issuer)).toEqual(['GitHub']);
  });

  it('names accounts by keys that stay theirs when rows before them arrive', async () => {
    const { scan, accounts } = await scanner();
    // An export's code is scanned first; a page's own code, scanned next, is listed before it.
    const exported = await scan.addTexts(migration().slice(0, 1), PICTURE);
    const chosen = exported.accounts[0]!;
    const both = await scan.addTexts([GITHUB], ON_GITHUB);
    const index = both.accounts.findIndex((row) => row.key === chosen.key);
    expect(index).toBeGreaterThan(0);
    expect(both.accounts[index]).toEqual(chosen);
    await scan.confirm(both.nonce, [{ key: chosen.key, action: 'add' }]);
    expect((await accounts.list()).map((view) => [view.issuer, view.label])).toEqual([[chosen.issuer, chosen.label]]);
  });

  it("refuses a scan's confirm once an import replaced the preview, and the import's once a scan changed it", async () => {
    const { scan, accounts } = await scanner();
    const scanned = await scan.addTexts([GITHUB], ON_GITHUB);
    const imported = await scan.addImport({
      format: 'Test',
      accounts: [{ account: sampleAccount(4), tags: ['work'] }],
      skipped: [],
    });
    await expect(scan.confirm(scanned.nonce, addAll(scanned))).rejects.toMatchObject({ code: 'stale-preview' });
    await scan.addTexts([EVIL], ON_EVIL);
    await expect(scan.confirm(imported.nonce, addAll(imported))).rejects.toMatchObject({ code: 'stale-preview' });
    expect(await accounts.list()).toEqual([]);
  });

  it('keeps a scan that lands while a confirm is writing', async () => {
    const { scan, accounts } = await scanner();
    const preview = await scan.addTexts([GITHUB], ON_GITHUB);
    await Promise.all([scan.confirm(preview.nonce, addAll(preview)), scan.addTexts([EVIL], ON_EVIL)]);
    expect((await accounts.list()).map((view) => view.issuer)).toEqual(['GitHub']);
    expect((await scan.preview())?.accounts.map((row) => row.issuer)).toEqual(['Evil']);
  });

  it('marks accounts already in the vault, refuses to add them twice, and replaces them in place', async () => {
    const { scan, accounts } = await scanner();
    const existing = sampleAccount(1, { issuer: 'GitHub', label: 'octocat', secret: 'GEZDGNBVGY3TQOJQ', digits: 8 });
    await accounts.add({ account: sampleAccount(0) });
    const id = await accounts.add({ account: existing });
    const preview = await scan.addTexts([GITHUB], PICTURE);
    const key = preview.accounts[0]!.key;
    expect(preview.accounts[0]!.duplicate).toBe(true);
    await expect(scan.confirm(preview.nonce, [{ key, action: 'add' }])).rejects.toMatchObject({
      code: 'invalid-input',
    });
    await scan.confirm(preview.nonce, [{ key, action: 'replace' }]);
    const list = await accounts.list();
    expect(list.map((view) => [view.id, view.digits])).toEqual([
      [expect.any(String), 6],
      [id, 6],
    ]);
  });

  it('gathers the parts of Google Authenticator exports across scans', async () => {
    const { scan } = await scanner();
    const [first, second, ...rest] = migration();
    expect((await scan.addTexts([first!], PICTURE)).accounts).toHaveLength(1);
    const preview = await scan.addTexts([second!, ...rest, first!], PICTURE);
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
    await scan.addTexts([GITHUB], ON_GITHUB);
    await vault.lock();
    expect(await pendingScanItem.getValue()).toBeNull();
  });

  it('refuses a choice that is not in the preview, or the same one twice', async () => {
    const { scan } = await scanner();
    const preview = await scan.addTexts([buildOtpauthUri(sampleAccount(3))], PICTURE);
    const key = preview.accounts[0]!.key;
    for (const choices of [
      [{ key: 'elsewhere', action: 'add' as const }],
      [{ key, action: 'replace' as const }],
      [
        { key, action: 'add' as const },
        { key, action: 'add' as const },
      ],
    ])
      await expect(scan.confirm(preview.nonce, choices)).rejects.toMatchObject({ code: 'invalid-input' });
    await scan.discard();
    await expect(scan.confirm(preview.nonce, [{ key, action: 'add' }])).rejects.toMatchObject({
      code: 'stale-preview',
    });
  });
});

/** The sites the account with this issuer is bound to. */
async function sitesOf(accounts: Awaited<ReturnType<typeof scanner>>['accounts'], issuer: string) {
  const view = (await accounts.list()).find((item) => item.issuer === issuer);
  return view && (await accounts.fillTarget(view.id)).sites;
}
