import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PASSPHRASE, testVault } from '../../tests/test-vault';
import { inProcessHelper } from '../../tests/in-process-helper';
import { createMessageRouter, type Handlers, type Sender } from '../messaging/message-router';
import { createPreviewService } from '../preview/preview-service';
import { createBackgroundScan } from './background-scan';
import { scanHandlers } from './scan-handlers';
import { scanTab, type TabScan } from './tab-scanner';

vi.mock('./tab-scanner', () => ({ scanTab: vi.fn() }));

beforeEach(() => {
  fakeBrowser.reset();
  vi.mocked(scanTab).mockReset();
});

const popup = (): Sender => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') });
const TAB = { id: 4, url: 'https://github.com/settings/two_factor_authentication/setup/intro', windowId: 1 };

async function setup(scanned: TabScan) {
  const { vault, accounts } = testVault();
  await vault.create(PASSPHRASE);
  const previews = createPreviewService({ accounts });
  const check = vi.fn(async () => undefined);
  vi.mocked(scanTab).mockResolvedValue(scanned);
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key) => key);
  vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValue(TAB as Awaited<ReturnType<typeof fakeBrowser.tabs.get>>);
  const route = createMessageRouter(scanHandlers(previews, inProcessHelper, { check }) as unknown as Handlers);
  return { route, check, scanning: createBackgroundScan(previews, inProcessHelper, { check }) };
}

describe('the clock check beside a scan', () => {
  it.each<[string, TabScan]>([
    ['that found a code', { status: 'found', texts: ['otpauth://totp/A?secret=JBSWY3DPEHPK3PXP'], source: 'page' }],
    ['that found nothing', { status: 'none' }],
  ])('starts after a scan of the page %s', async (_name, scanned) => {
    const { route, check, scanning } = await setup(scanned);
    expect(await route({ type: 'scan.page', payload: { tabId: 4 } }, popup())).toMatchObject({ ok: true });
    expect(check).toHaveBeenCalledWith(TAB);
    await scanning.scanFromBackground(TAB as Parameters<typeof scanning.scanFromBackground>[0]);
    expect(check).toHaveBeenCalledTimes(2);
  });

  it('does not start on a page Tessera may not read', async () => {
    const { route, check } = await setup({ status: 'restricted', reason: 'A browser page.' });
    await route({ type: 'scan.page', payload: { tabId: 4 } }, popup());
    expect(check).not.toHaveBeenCalled();
  });
});
