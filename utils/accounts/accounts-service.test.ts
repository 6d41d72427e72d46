import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { codeAtCounter } from '../core/otp/otp';
import { PASSPHRASE, sampleAccount, testVault } from '../../tests/test-vault';
import { UNDO_MS } from './accounts-service';
import { requireKey } from '../vault/session-key';
import { ONE_PIXEL_PNG as png } from '../../tests/icon-fixtures';
import { helperCalls, inProcessHelper } from '../../tests/in-process-helper';

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.useRealTimers());

async function unlockedWith(count: number, now?: () => number) {
  const parts = testVault(now ? { now } : {});
  await parts.vault.create(PASSPHRASE);
  const ids: string[] = [];
  for (let n = 0; n < count; n++) ids.push(await parts.accounts.add({ account: sampleAccount(n) }));
  return { ...parts, ids };
}

const issuers = async (accounts: { list(pageUrl?: string): Promise<{ issuer: string }[]> }, pageUrl?: string) =>
  (await accounts.list(pageUrl)).map((view) => view.issuer);

describe('the accounts service', () => {
  it('gives the current and the next code with when the current one started, never the secret', async () => {
    const { accounts } = await unlockedWith(1, () => 95_000);
    const [view] = await accounts.list();
    expect(view).toMatchObject({
      validFrom: 90_000,
      code: codeAtCounter(sampleAccount(0), 3),
      nextCode: codeAtCounter(sampleAccount(0), 4),
    });
    expect(view).not.toHaveProperty('secret');
  });

  it('makes TOTP codes for the corrected time once a clock correction is set, HOTP codes as before', async () => {
    const { accounts, vault, ids } = await unlockedWith(1, () => 95_000);
    const hotp = await accounts.add({ account: { ...sampleAccount(1), type: 'hotp', counter: 3 } as never });
    await vault.updateSettings({ clockOffsetMs: 60_000 });
    const [view, counter] = await accounts.list();
    // 155 s is step 5, which began at 150 s corrected: 90 s on this clock.
    expect(view).toMatchObject({ code: codeAtCounter(sampleAccount(0), 5), validFrom: 90_000 });
    expect(counter).toMatchObject({ code: codeAtCounter(sampleAccount(1), 3) });
    expect(await accounts.codeFor(ids[0]!)).toBe(codeAtCounter(sampleAccount(0), 5));
    expect(await accounts.codeFor(hotp)).toBe(codeAtCounter(sampleAccount(1), 3));
    await vault.updateSettings({ clockOffsetMs: 0 });
    expect(await accounts.codeFor(ids[0]!)).toBe(codeAtCounter(sampleAccount(0), 3));
  });

  it.each([0.5, 86_400_001, Number.NaN, '60000'])('refuses the clock correction %s', async (clockOffsetMs) => {
    const { vault } = await unlockedWith(0);
    await expect(vault.updateSettings({ clockOffsetMs: clockOffsetMs as number })).rejects.toMatchObject({
      code: 'invalid-input',
    });
  });

  it('lists pinned accounts first, then ones matching the tab, then in order', async () => {
    const { accounts, ids } = await unlockedWith(4);
    await accounts.edit(ids[2]!, { issuer: 'GitHub' });
    await accounts.edit(ids[3]!, {}, true);
    expect(await issuers(accounts, 'https://github.com/login')).toEqual(['Issuer 3', 'GitHub', 'Issuer 0', 'Issuer 1']);
    // An account bound to the page's site comes first too, whatever its issuer.
    await accounts.bindSite(ids[1]!, 'example.org');
    expect(await issuers(accounts, 'https://login.example.org/2fa')).toEqual([
      'Issuer 3',
      'Issuer 1',
      'Issuer 0',
      'GitHub',
    ]);
    expect(await issuers(accounts)).toEqual(['Issuer 3', 'Issuer 0', 'Issuer 1', 'GitHub']);
  });

  it('keeps the secret when an edit leaves it empty, and replaces it when given', async () => {
    const { accounts, store, ids } = await unlockedWith(1);
    const { requireKey } = await import('../vault/session-key');
    await accounts.edit(ids[0]!, { label: 'renamed', secret: '' });
    expect((await store.read(await requireKey())).contents.entries[0]!.account).toMatchObject({
      label: 'renamed',
      secret: 'JBSWY3DPEHPK3PXP',
    });
    await accounts.edit(ids[0]!, { secret: 'gezd gnbv' });
    expect((await store.read(await requireKey())).contents.entries[0]!.account.secret).toBe('GEZDGNBV');
  });

  it("moves an account into another one's place", async () => {
    const { accounts, ids } = await unlockedWith(4);
    await accounts.move(ids[3]!, ids[0]!);
    expect(await issuers(accounts)).toEqual(['Issuer 3', 'Issuer 0', 'Issuer 1', 'Issuer 2']);
    await accounts.move(ids[0]!, ids[2]!);
    expect(await issuers(accounts)).toEqual(['Issuer 3', 'Issuer 1', 'Issuer 2', 'Issuer 0']);
    await expect(accounts.move(ids[0]!, 'gone')).rejects.toMatchObject({ code: 'not-found' });
  });

  it('brings a deleted account back in place with undo, but not after the undo time', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    let time = 1_000_000;
    const { accounts, ids } = await unlockedWith(3, () => time);
    const { undo } = await accounts.remove(ids[1]!);
    expect(await issuers(accounts)).toEqual(['Issuer 0', 'Issuer 2']);
    await accounts.undoRemove(undo);
    expect(await issuers(accounts)).toEqual(['Issuer 0', 'Issuer 1', 'Issuer 2']);
    await expect(accounts.undoRemove(undo)).rejects.toMatchObject({ code: 'not-found' });
    const late = await accounts.remove(ids[0]!);
    time += UNDO_MS + 1;
    vi.advanceTimersByTime(UNDO_MS + 1);
    await expect(accounts.undoRemove(late.undo)).rejects.toMatchObject({
      code: 'not-found',
      message: 'It is too late to undo that.',
    });
  });

  it('advances an HOTP counter, and refuses to for a TOTP account', async () => {
    const { accounts } = await unlockedWith(0);
    const id = await accounts.add({ uri: 'otpauth://hotp/Bank:me?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&counter=4' });
    await accounts.nextHotp(id);
    expect((await accounts.list())[0]).toMatchObject({ counter: 5, code: '254676' });
    const totp = await accounts.add({ account: sampleAccount(1) });
    await expect(accounts.nextHotp(totp)).rejects.toMatchObject({ code: 'invalid-input' });
  });
});

describe('the first screen', () => {
  it('lists only the first accounts when asked, in the same order', async () => {
    const { accounts } = await unlockedWith(5);
    expect((await accounts.list(undefined, 2)).map((view) => view.issuer)).toEqual(['Issuer 0', 'Issuer 1']);
  });
});

describe('site icons (Firefox)', () => {
  it('keeps an icon for an origin the account is bound to, and shows it while the binding lasts', async () => {
    const { accounts, ids } = await unlockedWith(2);
    await accounts.bindSite(ids[0]!, 'https://github.com');
    await accounts.setIcon(ids[0]!, { origin: 'https://github.com', png });
    const [first, second] = await accounts.list();
    expect(first!.icon).toBe(png);
    expect(second).not.toHaveProperty('icon');
  });
  it('keeps none for an origin the account is not bound to', async () => {
    const { accounts, ids, store } = await unlockedWith(1);
    await accounts.bindSite(ids[0]!, 'https://github.com');
    await accounts.setIcon(ids[0]!, { origin: 'https://evil.example', png });
    expect((await accounts.list())[0]).not.toHaveProperty('icon');
    expect((await store.read(await requireKey())).contents.entries[0]!.icon).toBeUndefined();
  });
  it('refuses what is not a small PNG', async () => {
    const { accounts, ids } = await unlockedWith(1);
    await accounts.bindSite(ids[0]!, 'https://github.com');
    await expect(
      accounts.setIcon(ids[0]!, { origin: 'https://github.com', png: 'data:image/svg+xml,<svg/>' }),
    ).rejects.toMatchObject({ code: 'invalid-input' });
  });
});

describe('public-suffix lookups in the list (issue 19)', () => {
  beforeEach(() => void (helperCalls.length = 0));

  it('answers the popup without the helper when no binding or issuer could depend on one', async () => {
    const { accounts, ids } = await unlockedWith(3);
    await accounts.edit(ids[0]!, { issuer: 'GitHub' });
    await accounts.bindSite(ids[1]!, 'https://github.com');
    await accounts.bindSite(ids[2]!, 'example.com');
    expect(await issuers(accounts, 'https://github.com/login')).toEqual(['GitHub', 'Issuer 1', 'Issuer 2']);
    expect(await issuers(accounts, 'https://example.org/')).toEqual(['GitHub', 'Issuer 1', 'Issuer 2']);
    expect(helperCalls).toEqual([]);
  });

  it('asks once when a whole-site binding could be the page, and answers as the suffix list says', async () => {
    const { accounts, ids } = await unlockedWith(3);
    await accounts.bindSite(ids[2]!, 'amazonaws.com');
    await accounts.bindSite(ids[1]!, 'example.com');
    // A bucket of S3 is a site of its own (private suffix s3.amazonaws.com), not amazonaws.com.
    expect(await issuers(accounts, 'https://bucket.s3.amazonaws.com/')).toEqual(['Issuer 0', 'Issuer 1', 'Issuer 2']);
    expect(await issuers(accounts, 'https://login.example.com/')).toEqual(['Issuer 1', 'Issuer 0', 'Issuer 2']);
    expect(await issuers(accounts, 'https://login.example.com/')).toEqual(['Issuer 1', 'Issuer 0', 'Issuer 2']);
    expect(helperCalls.map(({ input }) => input)).toEqual([
      { hosts: ['bucket.s3.amazonaws.com'] },
      { hosts: ['login.example.com'] },
    ]);
  });

  it('still lists every code, unranked, when the helper cannot answer', async () => {
    const { accounts, ids } = await unlockedWith(3);
    await accounts.bindSite(ids[2]!, 'example.com');
    vi.spyOn(inProcessHelper, 'run').mockRejectedValue(new Error('The offscreen helper did not connect.'));
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await issuers(accounts, 'https://login.example.com/')).toEqual(['Issuer 0', 'Issuer 1', 'Issuer 2']);
    expect(logged).toHaveBeenCalled();
  });
});
