import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PASSPHRASE, sampleAccount, testVault } from '../../tests/test-vault';
import { createFillHandlers, PENDING_FILL_MS } from './fill-handlers';
import { type PendingFill } from '../core/fill/fill-outcome';
import type { FillService } from './fill-service';
import type { FillOutcome } from '../core/fill/fill-outcome';
import { createMessageRouter, type Handlers, type Sender } from '../messaging/message-router';
import { pendingFillItem } from './pending-fill-item';

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.restoreAllMocks());

const popup = (): Sender => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') });
const GITHUB = 'https://github.com/sessions/two-factor/app';

/**
 * The handlers over a real vault with GitHub (bound), two Example accounts (bound) and an unbound
 * Gitlab; the page side is faked.
 */
async function setup(outcome: FillOutcome = { filled: true, how: 'single', site: 'github.com' }) {
  const { vault, accounts, sites } = testVault();
  await vault.create(PASSPHRASE);
  const ids = {
    github: await accounts.add({ account: sampleAccount(1, { issuer: 'GitHub' }) }),
    work: await accounts.add({ account: sampleAccount(2, { issuer: 'Example' }) }),
    home: await accounts.add({ account: sampleAccount(3, { issuer: 'Example' }) }),
    gitlab: await accounts.add({ account: sampleAccount(4, { issuer: 'GitLab' }) }),
  };
  await accounts.bindSite(ids.github, 'github.com');
  await accounts.bindSite(ids.work, 'example.com');
  await accounts.bindSite(ids.home, 'example.com');
  const fill = vi.fn<FillService['fill']>(async () => outcome);
  const clock = { now: 1_700_000_000_000 };
  const filling = createFillHandlers({ fill }, accounts, sites, () => clock.now);
  const tabs = new Map<number, string>();
  vi.spyOn(fakeBrowser.tabs, 'get').mockImplementation(
    async (id) => ({ id, url: tabs.get(id) }) as Awaited<ReturnType<typeof fakeBrowser.tabs.get>>,
  );
  const tab = (id: number, url: string) => (
    tabs.set(id, url),
    { id, url, windowId: 1 } as Parameters<typeof filling.fillFromBackground>[0]
  );
  const route = createMessageRouter(filling.handlers as unknown as Handlers);
  return { vault, ids, fill, filling, tab, route, clock };
}

describe('the keyboard command and the field menu', () => {
  it('fill the one account bound to the page, in the frame right-clicked, and leave nothing behind', async () => {
    const { ids, fill, filling, tab } = await setup();
    await filling.fillFromBackground(tab(3, GITHUB), 7);
    expect(fill).toHaveBeenCalledWith(expect.objectContaining({ id: 3 }), { id: ids.github, frameId: 7 });
    expect(await pendingFillItem.getValue()).toBeNull();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });

  it.each<[string, string, (ids: Record<string, string>) => Partial<PendingFill>]>([
    [
      'several accounts bound: a choice of those',
      'https://login.example.com/otp',
      (ids) => ({ site: 'example.com', matches: [ids.work!, ids.home!] }),
    ],
    [
      'none bound or named like the page: a choice of all',
      'https://news.ycombinator.com/',
      () => ({ site: 'ycombinator.com', matches: [] }),
    ],
    [
      'a browser page: why not',
      'chrome://settings/',
      () => ({ matches: [], outcome: { filled: false, reason: 'restricted' } }),
    ],
  ])('%s, for the popup it opens', async (_, url, expected) => {
    const { ids, fill, filling, tab } = await setup();
    await filling.fillFromBackground(tab(4, url));
    expect(fill).not.toHaveBeenCalled();
    expect(await pendingFillItem.getValue()).toEqual({ tabId: 4, ...expected(ids) });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
  });

  it('pass a question on: an account only named like the page is filled there after the first-fill question', async () => {
    const question: FillOutcome = {
      filled: false,
      reason: 'confirm-site',
      origin: 'https://gitlab.com',
      site: 'gitlab.com',
      wholeSite: 'gitlab.com',
      bound: [],
    };
    const { ids, fill, filling, tab } = await setup(question);
    await filling.fillFromBackground(tab(5, 'https://gitlab.com/users/sign_in'));
    expect(fill).toHaveBeenCalledWith(expect.objectContaining({ id: 5 }), { id: ids.gitlab, frameId: undefined });
    expect(await pendingFillItem.getValue()).toEqual({
      tabId: 5,
      site: 'gitlab.com',
      matches: [ids.gitlab],
      accountId: ids.gitlab,
      outcome: question,
    });
  });

  it('wait for the unlock when pressed while locked, then fill', async () => {
    const { vault, ids, fill, filling, tab, route, clock } = await setup();
    await vault.lock();
    await filling.fillFromBackground(tab(6, GITHUB));
    expect(fill).not.toHaveBeenCalled();
    expect(await pendingFillItem.getValue()).toEqual({
      tabId: 6,
      matches: [],
      locked: true,
      at: clock.now,
      url: GITHUB,
    });
    clock.now += PENDING_FILL_MS;
    expect(await route({ type: 'fill.pending' }, popup())).toMatchObject({ ok: false, error: { code: 'locked' } });
    await vault.unlock(PASSPHRASE);
    expect(await route({ type: 'fill.pending' }, popup())).toEqual({
      ok: true,
      value: {
        tabId: 6,
        site: 'github.com',
        matches: [ids.github],
        accountId: ids.github,
        outcome: { filled: true, how: 'single', site: 'github.com' },
      },
    });
    expect(fill).toHaveBeenCalledOnce();
    expect(await route({ type: 'fill.pending' }, popup())).toEqual({ ok: true, value: null });
  });
});

describe('a fill asked for while locked', () => {
  it('expires after 2 minutes: the unlock then fills nothing', async () => {
    const { vault, fill, filling, tab, route, clock } = await setup();
    await vault.lock();
    await filling.fillFromBackground(tab(6, GITHUB));
    clock.now += PENDING_FILL_MS + 1;
    await vault.unlock(PASSPHRASE);
    expect(await route({ type: 'fill.pending' }, popup())).toEqual({ ok: true, value: null });
    expect(fill).not.toHaveBeenCalled();
  });

  it('fills nothing when the tab shows another page by the unlock', async () => {
    const { vault, fill, filling, tab, route } = await setup();
    await vault.lock();
    await filling.fillFromBackground(tab(6, GITHUB));
    tab(6, 'https://github.com.evil.example/sessions/two-factor');
    await vault.unlock(PASSPHRASE);
    expect(await route({ type: 'fill.pending' }, popup())).toEqual({ ok: true, value: null });
    expect(fill).not.toHaveBeenCalled();
  });

  it('fills only the document it was asked on, where the browser names documents (Chrome)', async () => {
    const { vault, ids, fill, filling, tab, route } = await setup();
    const inject = vi
      .spyOn(fakeBrowser.scripting, 'executeScript')
      .mockResolvedValue([{ frameId: 2, documentId: 'DOC-ASKED' }] as never);
    await vault.lock();
    await filling.fillFromBackground(tab(6, GITHUB), 2);
    expect(inject).toHaveBeenCalledWith(expect.objectContaining({ target: { tabId: 6, frameIds: [2] } }));
    expect(await pendingFillItem.getValue()).toMatchObject({ documentId: 'DOC-ASKED', frameId: 2 });
    await vault.unlock(PASSPHRASE);
    await route({ type: 'fill.pending' }, popup());
    expect(fill).toHaveBeenCalledWith(expect.objectContaining({ id: 6 }), {
      id: ids.github,
      frameId: 2,
      documentId: 'DOC-ASKED',
    });
  });
});

describe('fill.pending', () => {
  it('is taken once and clears the badge', async () => {
    const { filling, tab, route } = await setup();
    await filling.fillFromBackground(tab(4, 'https://login.example.com/'));
    expect(await route({ type: 'fill.pending' }, popup())).toMatchObject({
      ok: true,
      value: { tabId: 4, site: 'example.com' },
    });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    expect(await route({ type: 'fill.pending' }, popup())).toEqual({ ok: true, value: null });
  });

  it('is dropped on lock (it names accounts), unless it waits for the unlock', async () => {
    const { vault, filling, tab } = await setup();
    await filling.fillFromBackground(tab(4, 'https://login.example.com/'));
    await vault.lock();
    expect(await pendingFillItem.getValue()).toBeNull();
    await filling.fillFromBackground(tab(4, 'https://login.example.com/'));
    await vault.lock();
    expect(await pendingFillItem.getValue()).toMatchObject({ locked: true });
  });

  it('and fill.code are for extension pages only', async () => {
    const { route } = await setup();
    const page: Sender = { id: fakeBrowser.runtime.id, url: 'https://example.com/', tab: { id: 4 } as Sender['tab'] };
    for (const type of ['fill.pending', 'fill.code'])
      expect(await route({ type, payload: { id: 'x' } }, page)).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
  });
});

describe('fill.code', () => {
  it('passes the frame and the answers to the questions on, and nothing it does not know', async () => {
    const { ids, fill, tab, route } = await setup();
    tab(8, GITHUB);
    const payload = {
      id: ids.github,
      tabId: 8,
      frameId: 2,
      confirmFrame: 'https://auth.github.com',
      confirmOrigin: 'https://github.com',
      remember: 'site',
      extra: 'ignored',
    };
    expect(await route({ type: 'fill.code', payload }, popup())).toMatchObject({ ok: true, value: { filled: true } });
    expect(fill).toHaveBeenCalledWith(expect.objectContaining({ id: 8, url: GITHUB }), {
      id: ids.github,
      frameId: 2,
      confirmFrame: 'https://auth.github.com',
      confirmOrigin: 'https://github.com',
      remember: 'site',
    });
  });

  it.each([
    // The side panel names its window: the tab active there takes the code.
    [GITHUB, { filled: true }, true],
    // Its address hidden: no site the user allowed, and no toolbar click granted activeTab.
    [undefined, { filled: false, reason: 'no-access' }, false],
  ])('from the side panel, fills the active tab of its window (%s)', async (url, value, filled) => {
    const { ids, fill, route } = await setup();
    const query = vi
      .spyOn(fakeBrowser.tabs, 'query')
      .mockResolvedValue([{ id: 5, url, windowId: 4 }] as Awaited<ReturnType<typeof fakeBrowser.tabs.query>>);
    const reply = await route({ type: 'fill.code', payload: { id: ids.github, windowId: 4 } }, popup());
    expect(reply).toMatchObject({ ok: true, value });
    expect(query).toHaveBeenCalledWith({ active: true, windowId: 4 });
    expect(fill).toHaveBeenCalledTimes(filled ? 1 : 0);
  });

  it.each([
    [{ frameId: '2' }, 'frameId must be a number.'],
    [{ tabId: '8' }, 'tabId must be a number.'],
    [{ windowId: '1' }, 'windowId must be a number.'],
    [{ confirmFrame: 1 }, 'confirmFrame must be text.'],
    [{ confirmOrigin: true }, 'confirmOrigin must be text.'],
    [{ remember: true }, 'remember must be text.'],
    [{ remember: 'everywhere' }, 'remember must be "origin" or "site".'],
  ])('refuses %o instead of taking it as absent, and fills nothing', async (wrong, message) => {
    const { ids, fill, tab, route } = await setup();
    tab(8, GITHUB);
    expect(await route({ type: 'fill.code', payload: { id: ids.github, tabId: 8, ...wrong } }, popup())).toEqual({
      ok: false,
      error: { code: 'invalid-input', message },
    });
    expect(fill).not.toHaveBeenCalled();
  });
});
