import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PASSPHRASE, testVault } from '../../tests/test-vault';
import { inProcessHelper } from '../../tests/in-process-helper';
import { createMessageRouter, type Handlers, type Sender } from '../messaging/message-router';
import { previewHandlers } from '../preview/preview-handlers';
import { createBackgroundScan } from './background-scan';
import { scanHandlers } from './scan-handlers';
import { createPreviewService } from '../preview/preview-service';
import { regionRequestItem, scanRequestItem } from './scan-items';
import { lockEpoch } from '../vault/lock-epoch';
import { foundOutcome } from './found-outcome';
import { imagePixels } from './image-pixels';
import { findQrCodes } from '../core/scan/qr-decode';

// The image menu's picture is decoded by the browser; here, these stand in for the decoding.
vi.mock('./image-pixels', async (actual) => ({ ...(await actual<object>()), imagePixels: vi.fn() }));
vi.mock('../core/scan/qr-decode', async (actual) => ({ ...(await actual<object>()), findQrCodes: vi.fn() }));

beforeEach(() => {
  fakeBrowser.reset();
  vi.mocked(findQrCodes).mockReset().mockReturnValue([]);
  vi.mocked(imagePixels)
    .mockReset()
    .mockResolvedValue({ data: new Uint8ClampedArray(4), width: 1, height: 1 });
});
afterEach(() => vi.restoreAllMocks());

const GITHUB = 'otpauth://totp/GitHub:octocat?secret=GEZDGNBVGY3TQOJQ&issuer=GitHub';
const BANK = 'otpauth://hotp/Bank:me?secret=JBSWY3DPEHPK3PXP&counter=7';

const popup = (): Sender => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') });
const page = (tabId: number): Sender => ({
  id: fakeBrowser.runtime.id,
  url: 'https://example.com/',
  tab: { id: tabId } as Sender['tab'],
});

/** A tab in the fake browser, typed as the handlers take it. */
const openTab = async (properties: { url: string }) =>
  (await fakeBrowser.tabs.create(properties)) as Browser.tabs.Tab & { id: number };

async function router() {
  const { vault, accounts } = testVault();
  await vault.create(PASSPHRASE);
  const previews = createPreviewService({ accounts });
  const handlers = { ...scanHandlers(previews, inProcessHelper), ...previewHandlers(previews) };
  return {
    route: createMessageRouter(handlers as unknown as Handlers),
    previews,
    vault,
    scanning: createBackgroundScan(previews, inProcessHelper),
  };
}

describe('the scan handlers', () => {
  it.each([
    ['no choices', { nonce: 'n' }],
    ['no nonce', { choices: [] }],
    ['a nonce that is not text', { nonce: 1, choices: [] }],
    ['a choice without a key', { nonce: 'n', choices: [{ action: 'add' }] }],
    ['an unknown action', { nonce: 'n', choices: [{ key: 'a', action: 'merge' }] }],
    ['a key by position', { nonce: 'n', choices: [{ key: 0, action: 'add' }] }],
    ['remember that is not a list', { nonce: 'n', choices: [], remember: 'https://github.com' }],
    ['remember listing anything but text', { nonce: 'n', choices: [], remember: [true] }],
  ])('refuses a confirmation with %s', async (_, payload) => {
    const { route } = await router();
    expect(await route({ type: 'preview.confirm', payload }, popup())).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
  });

  it('answers stale-preview to a confirm chosen from a preview another scan has changed', async () => {
    const { route, previews } = await router();
    const seen = await previews.addTexts([GITHUB], { origin: 'https://github.com' });
    await previews.addTexts([BANK], { origin: 'https://evil.com' });
    const choices = seen.accounts.map(({ key }) => ({ key, action: 'add' }));
    expect(await route({ type: 'preview.confirm', payload: { nonce: seen.nonce, choices } }, popup())).toEqual({
      ok: false,
      error: { code: 'stale-preview', message: expect.stringContaining('check the list again') },
    });
    const now = (await previews.preview())!;
    expect(
      await route({ type: 'preview.confirm', payload: { nonce: now.nonce, choices, remember: [] } }, popup()),
    ).toEqual({ ok: true, value: { added: 1, replaced: 0 } });
  });

  it('gives found codes the origin of the tab, and a picture file none', async () => {
    const { previews } = await router();
    const tab = await openTab({ url: 'https://github.com/settings/two_factor_authentication' });
    const found = { status: 'found' as const, texts: [GITHUB], source: 'page' as const };
    expect(await foundOutcome(previews, found, tab, undefined, lockEpoch())).toMatchObject({
      preview: { accounts: [{ issuer: 'GitHub', origin: 'https://github.com' }] },
    });
    await previews.discard();
    const picture = await foundOutcome(previews, found, undefined, 'image', lockEpoch());
    expect(picture).toMatchObject({ source: 'image', preview: { accounts: [{ issuer: 'GitHub', picture: true }] } });
    expect(JSON.stringify(picture)).not.toContain('origin');
  });

  it('refuses a tab named by anything but a number, instead of scanning the active tab', async () => {
    const { route } = await router();
    expect(await route({ type: 'scan.page', payload: { tabId: '5' } }, popup())).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: 'tabId must be a number.' },
    });
  });

  it('refuses pictures that cannot be one, and scanning while locked', async () => {
    const { route, vault } = await router();
    expect(await route({ type: 'scan.image', payload: { dataUrl: 'not a data url' } }, popup())).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(
      await route(
        { type: 'scan.image', payload: { dataUrl: `data:image/png;base64,${'A'.repeat(28_000_001)}` } },
        popup(),
      ),
    ).toMatchObject({ ok: false, error: { message: expect.stringContaining('too large') } });
    // A small file whose header says 5000 x 5000 is refused before anything decodes it.
    const header = new Uint8Array([
      137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 19, 136, 0, 0, 19, 136, 8, 2, 0, 0, 0,
    ]);
    const huge = `data:image/png;base64,${btoa(String.fromCharCode(...header, ...new Uint8Array(4)))}`;
    expect(await route({ type: 'scan.image', payload: { dataUrl: huge } }, popup())).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringContaining('5000 × 5000 pixels') },
    });
    await vault.lock();
    expect(
      await route({ type: 'scan.image', payload: { dataUrl: 'data:image/png;base64,AAAA' } }, popup()),
    ).toMatchObject({ ok: false, error: { code: 'locked' } });
  });

  it('takes a region only from the tab that was asked, once, and only rectangles', async () => {
    const { route } = await router();
    const region = { x: 1, y: 2, width: 30, height: 40, viewportWidth: 800 };
    expect(await route({ type: 'scan.regionSelected', payload: { region } }, page(5))).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    await regionRequestItem.setValue({ tabId: 5, windowId: 1 });
    expect(await route({ type: 'scan.regionSelected', payload: { region } }, page(6))).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(
      await route({ type: 'scan.regionSelected', payload: { region: { ...region, width: -1 } } }, page(5)),
    ).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    // The bad rectangle used the request up: asking is needed again.
    expect(await route({ type: 'scan.regionSelected', payload: { region: null } }, page(5))).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    await regionRequestItem.setValue({ tabId: 5, windowId: 1 });
    expect(await route({ type: 'scan.regionSelected', payload: { region: null } }, page(5))).toEqual({
      ok: true,
      value: null,
    });
    expect(await regionRequestItem.getValue()).toBeNull();
  });

  it('keeps content scripts away from everything else', async () => {
    const { route } = await router();
    for (const type of [
      'scan.page',
      'scan.image',
      'scan.region',
      'scan.resume',
      'preview.get',
      'preview.confirm',
      'preview.discard',
    ]) {
      expect(await route({ type }, page(5))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  it('remembers a shortcut or menu scan asked for while locked, for the popup to finish', async () => {
    const { scanning, vault } = await router();
    await vault.lock();
    await scanning.scanFromBackground({ id: 9, windowId: 1, url: 'https://example.com/2fa' } as Parameters<
      typeof scanning.scanFromBackground
    >[0]);
    expect(await scanRequestItem.getValue()).toEqual({ tabId: 9 });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
  });
});

/**
 * Issue 15: scanned codes belong to the page that showed them. A page may navigate itself while
 * the scan runs (evil.example, scanned, moves to a real site's QR setup page): the codes then
 * carry no origin, so they cannot be remembered for either site (like a picture file's), rather
 * than the one the tab had before the scan.
 */
describe('the origin scanned codes carry', () => {
  const EVIL = 'https://evil.example/start';
  const REAL = 'https://github.com/settings/two_factor_authentication';

  /** The page scan finds GITHUB in the top frame; `during` runs while it reads the page. */
  function pageShows(during: (tabId: number) => Promise<unknown> = async () => undefined, origin?: string) {
    return vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation((async ({
      target,
    }: {
      target: { tabId: number };
    }) => {
      await during(target.tabId);
      return [{ frameId: 0, result: { texts: [GITHUB], remote: [], ...(origin ? { origin } : {}) } }];
    }) as never);
  }
  const navigates = (url: string) => (tabId: number) => fakeBrowser.tabs.update(tabId, { url });
  const origins = (preview: { accounts: { origin?: string }[] } | null | undefined) =>
    preview?.accounts.map(({ origin }) => origin ?? null);

  it.each([
    ['stays on its page', EVIL, undefined, undefined, ['https://evil.example']],
    ['navigates to another site during the scan', EVIL, REAL, undefined, [null]],
    ['navigates within its own origin', REAL, 'https://github.com/other', undefined, ['https://github.com']],
    ['reports a top frame of another origin than the tab had', EVIL, undefined, 'https://github.com', [null]],
  ])('scan.page: a tab that %s', async (_, url, to, frameOrigin, expected) => {
    const { route } = await router();
    const tab = await openTab({ url });
    pageShows(to ? navigates(to) : undefined, frameOrigin);
    const answer = await route({ type: 'scan.page', payload: { tabId: tab.id } }, popup());
    expect(answer).toMatchObject({ ok: true, value: { status: 'found' } });
    expect(origins((answer as { value: { preview: Parameters<typeof origins>[0] } }).value.preview)).toEqual(expected);
  });

  it.each([
    [
      'only in a frame from another origin: none',
      [
        { frameId: 0, texts: [] },
        { frameId: 7, texts: [GITHUB], origin: 'https://github.com' },
      ],
      [null],
    ],
    [
      'in the page and a frame of its own origin: the page',
      [
        { frameId: 0, texts: [] },
        { frameId: 7, texts: [GITHUB], origin: 'https://evil.example' },
      ],
      ['https://evil.example'],
    ],
    [
      'in the page beside an ad frame from another origin with pictures: the page',
      [
        { frameId: 0, texts: [GITHUB] },
        { frameId: 7, texts: [], remote: ['https://ads.example/banner.png'], origin: 'https://ads.example' },
      ],
      ['https://evil.example'],
    ],
  ])('scan.page: a code shown %s', async (_, frames, expected) => {
    const { route } = await router();
    const tab = await openTab({ url: EVIL });
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue(
      (frames as { frameId: number; texts: string[]; remote?: string[]; origin?: string }[]).map(
        ({ frameId, texts, remote = [], origin = 'https://evil.example' }) => ({
          frameId,
          result: { texts, remote, origin },
        }),
      ) as never,
    );
    const answer = (await route({ type: 'scan.page', payload: { tabId: tab.id } }, popup())) as {
      value: { status: string; preview?: Parameters<typeof origins>[0] };
    };
    expect(origins(answer.value.preview)).toEqual(expected);
  });

  it('scan.resume: a tab that navigates to another site during the scan', async () => {
    const { route } = await router();
    const tab = await openTab({ url: EVIL });
    await scanRequestItem.setValue({ tabId: tab.id });
    pageShows(navigates(REAL));
    const answer = await route({ type: 'scan.resume' }, popup());
    expect(origins((answer as { value: { preview: Parameters<typeof origins>[0] } }).value.preview)).toEqual([null]);
  });

  it.each([
    ['stays on its page', undefined, ['https://evil.example']],
    ['navigates to another site during the scan', REAL, [null]],
  ])('the keyboard command: a tab that %s', async (_, to, expected) => {
    const { scanning, previews } = await router();
    const tab = await openTab({ url: EVIL });
    pageShows(to ? navigates(to) : undefined);
    await scanning.scanFromBackground(tab);
    expect(origins(await previews.preview())).toEqual(expected);
  });

  it.each([
    ['stays on its page', undefined, ['https://evil.example']],
    ['navigates to another site while the picture is read', REAL, [null]],
  ])('the image menu: a tab that %s', async (_, to, expected) => {
    const { scanning, previews } = await router();
    const tab = await openTab({ url: EVIL });
    vi.mocked(findQrCodes).mockReturnValue([GITHUB]);
    // A PNG header (PNG spec 11.2.2) of 37 x 23 pixels, so the picture passes its size check.
    const picture = Uint8Array.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 37, 0, 0, 0, 23, 8,
      6, 0, 0, 0, 0, 0, 0, 0,
    ]);
    vi.spyOn(globalThis, 'fetch').mockImplementation(async () => {
      if (to) await fakeBrowser.tabs.update(tab.id, { url: to });
      return new Response(picture, { headers: { 'content-type': 'image/png' } });
    });
    await scanning.scanImageFromMenu('https://cdn.example/qr.png', tab);
    expect(origins(await previews.preview())).toEqual(expected);
  });
});
