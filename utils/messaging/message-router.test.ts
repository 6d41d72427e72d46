import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createMessageRouter, senderKind, type Handlers, type Sender } from './message-router';
import { ServiceError } from '../core/internal/service-error';

beforeEach(() => fakeBrowser.reset());

const origin = () => browser.runtime.getURL('/').slice(0, -1);
const popup = (): Sender => ({ id: browser.runtime.id, url: `${origin()}/popup.html` });
const popupInTab = (): Sender => ({
  id: browser.runtime.id,
  url: `${origin()}/popup.html`,
  tab: { id: 3 } as Sender['tab'],
});
const contentScript = (): Sender => ({
  id: browser.runtime.id,
  url: 'https://github.com/login',
  tab: { id: 7 } as Sender['tab'],
  frameId: 0,
});
const otherExtension = (): Sender => ({ id: 'someone-else', url: 'chrome-extension://someone-else/page.html' });
const pageClaimingOurUrl = (): Sender => ({
  id: browser.runtime.id,
  tab: { id: 7 } as Sender['tab'],
  url: 'https://evil.example/popup.html',
});

function router(extra: Partial<Handlers> = {}) {
  const handlers = {
    'vault.status': { from: 'extension', handle: async () => ({ state: 'locked' }) },
    'accounts.list': { from: 'extension-or-content-script', handle: async () => [] },
    'vault.lock': {
      from: 'extension',
      handle: async () => {
        throw new ServiceError('locked', 'Tessera is locked.');
      },
    },
    ...extra,
  } as unknown as Handlers;
  const onActivity = vi.fn(async () => {});
  return { route: createMessageRouter(handlers, { onActivity }), onActivity };
}

describe('senderKind', () => {
  it.each([
    ['the popup', popup, 'extension'],
    ['the popup opened in a tab', popupInTab, 'extension'],
    ['a content script', contentScript, 'content-script'],
    ['another extension', otherExtension, 'unknown'],
    ['a page whose path looks like ours', pageClaimingOurUrl, 'content-script'],
    ['a sender with no url and no tab', () => ({ id: browser.runtime.id }), 'unknown'],
    [
      'a look-alike extension origin',
      () => ({ id: browser.runtime.id, url: `${origin()}.evil/popup.html`, tab: { id: 1 } as Sender['tab'] }),
      'content-script',
    ],
  ])('%s is %s', (_, sender, kind) => {
    expect(senderKind(sender())).toBe(kind);
  });
});

describe('the message router', () => {
  it('answers extension pages and counts their messages as activity', async () => {
    const { route, onActivity } = router();
    expect(await route({ type: 'vault.status' }, popup())).toEqual({ ok: true, value: { state: 'locked' } });
    expect(onActivity).toHaveBeenCalledOnce();
  });

  it.each([
    [{ bySite: true }, 1],
    [{ bySite: true, passive: false }, 1],
    // A refresh nobody asked for (a rollover, the side panel's tab changed) must not hold off auto-lock.
    [{ bySite: true, passive: true }, 0],
    [{ passive: 'true' }, 1],
  ])('counts accounts.list %j from a page as activity %i time(s)', async (payload, times) => {
    const { route, onActivity } = router();
    expect((await route({ type: 'accounts.list', payload }, popup())).ok).toBe(true);
    expect(onActivity).toHaveBeenCalledTimes(times);
  });

  it('takes `passive` from accounts.list only: any other message is activity', async () => {
    const { route, onActivity } = router();
    await route({ type: 'vault.status', payload: { passive: true } }, popup());
    expect(onActivity).toHaveBeenCalledOnce();
  });

  it('answers without waiting for the activity to be recorded', async () => {
    const handlers = {
      'vault.status': { from: 'extension', handle: async () => ({ state: 'locked' }) },
    } as unknown as Handlers;
    const route = createMessageRouter(handlers, { onActivity: () => new Promise<void>(() => {}) });
    expect(await route({ type: 'vault.status' }, popup())).toEqual({ ok: true, value: { state: 'locked' } });
  });

  it('refuses extension-only messages from content scripts and anything from elsewhere', async () => {
    const { route } = router();
    expect(await route({ type: 'vault.status' }, contentScript())).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'vault.status cannot be sent from here.' },
    });
    expect((await route({ type: 'accounts.list' }, otherExtension())).ok).toBe(false);
    expect((await route({ type: 'vault.status' }, pageClaimingOurUrl())).ok).toBe(false);
  });

  it('lets content scripts send what is open to them', async () => {
    const { route, onActivity } = router();
    expect(await route({ type: 'accounts.list' }, contentScript())).toEqual({ ok: true, value: [] });
    expect(onActivity).not.toHaveBeenCalled();
  });

  it('turns thrown errors into typed replies', async () => {
    const { route } = router();
    expect(await route({ type: 'vault.lock' }, popup())).toEqual({
      ok: false,
      error: { code: 'locked', message: 'Tessera is locked.' },
    });
  });

  it.each([
    [undefined],
    [null],
    ['vault.status'],
    [{ type: 'toString' }],
    [{ type: '__proto__' }],
    [{ type: 'no.such' }],
  ])('refuses the malformed message %j', async (message) => {
    const { route } = router();
    expect(await route(message, popup())).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});
