import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PASSPHRASE, testVault } from '../../tests/test-vault';
import { createMessageRouter, type Handlers, type Sender } from '../messaging/message-router';
import { previewHandlers } from '../preview/preview-handlers';
import { createBackgroundScan } from './background-scan';
import { scanHandlers } from './scan-handlers';
import { createPreviewService } from '../preview/preview-service';
import { regionRequestItem, scanRequestItem } from './scan-items';

beforeEach(() => fakeBrowser.reset());

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
    vault,
    scanning: createBackgroundScan(previews),
  };
}

describe('the scan handlers', () => {
  it.each([
    ['no choices', undefined],
    ['a choice without a key', { choices: [{ action: 'add' }] }],
    ['an unknown action', { choices: [{ key: 0, action: 'merge' }] }],
    ['a fractional key', { choices: [{ key: 0.5, action: 'add' }] }],
    ['rememberSite that is not a boolean', { choices: [], rememberSite: 'yes' }],
  ])('refuses a confirmation with %s', async (_, payload) => {
    const { route } = await router();
    expect(await route({ type: 'preview.confirm', payload }, popup())).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
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
