import { beforeEach, describe, expect, it } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PASSPHRASE, testVault } from '../../tests/test-vault';
import { createMessageRouter, type Handlers, type Sender } from '../messaging/message-router';
import { previewHandlers } from '../preview/preview-handlers';
import { createBackgroundScan } from './background-scan';
import { scanHandlers } from './scan-handlers';
import { createPreviewService } from '../preview/preview-service';
import { regionRequestItem, scanRequestItem } from './scan-items';
import { lockEpoch } from '../vault/lock-epoch';
import { foundOutcome } from './found-outcome';

beforeEach(() => fakeBrowser.reset());

const GITHUB = 'otpauth://totp/GitHub:octocat?secret=GEZDGNBVGY3TQOJQ&issuer=GitHub';
const BANK = 'otpauth://hotp/Bank:me?secret=JBSWY3DPEHPK3PXP&counter=7';

const popup = (): Sender => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') });
const page = (tabId: number): Sender => ({
  id: fakeBrowser.runtime.id,
  url: 'https://example.com/',
  tab: { id: tabId } as Sender['tab'],
});

async function router() {
  const { vault, accounts } = testVault();
  await vault.create(PASSPHRASE);
  const previews = createPreviewService({ accounts });
  const handlers = { ...scanHandlers(previews), ...previewHandlers(previews) };
  return {
    route: createMessageRouter(handlers as unknown as Handlers),
    previews,
    vault,
    scanning: createBackgroundScan(previews),
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
    const tab = { id: 3, url: 'https://github.com/settings/two_factor_authentication' } as Browser.tabs.Tab;
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
