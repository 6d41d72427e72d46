/**
 * The scan's last resort: the user drags over the code on the page (`scan.region` puts the region
 * tool in the tab), and the tool answers with the rectangle (`scan.regionSelected`), which is cut
 * out of a screenshot and decoded here. Only the tab that was asked may answer, once.
 */
import { browser } from 'wxt/browser';
import { pageOrigin } from '../core/preview/page-origin';
import { ServiceError } from '../core/internal/service-error';
import { restrictedReason } from '../core/scan/restricted-page';
import type { SelectedRegion } from '../core/scan/selected-region';
import { announce } from '../background/announce';
import { t } from '../i18n/i18n';
import type { HelperClient } from '../helper/helper-client';
import type { Handlers } from '../messaging/message-router';
import type { PreviewService } from '../preview/preview-service';
import { requireKey } from '../vault/session-key';
import { lockEpoch } from '../vault/lock-epoch';
import { qrCodesIn } from './qr-codes-in';
import { regionRequestItem } from './scan-items';
import { tabToScan } from './tab-to-scan';
import { captureTab } from './tab-scanner';

function region(payload: unknown): SelectedRegion | null {
  const value = (payload as { region?: unknown } | undefined)?.region;
  if (value === null) return null;
  const { x, y, width, height, viewportWidth } = (value ?? {}) as Partial<SelectedRegion>;
  if (
    ![x, y, width, height, viewportWidth].every((n) => typeof n === 'number' && Number.isFinite(n) && n >= 0) ||
    !viewportWidth
  )
    throw new ServiceError('invalid-input', 'region must be a rectangle.');
  return value as SelectedRegion;
}

export function regionHandlers(
  previews: PreviewService,
  helper: HelperClient,
): Pick<Handlers, 'scan.region' | 'scan.regionSelected'> {
  return {
    'scan.region': {
      from: 'extension',
      handle: async (payload) => {
        await requireKey();
        const tab = await tabToScan(payload);
        const restricted = restrictedReason(tab.url);
        if (restricted) throw new ServiceError('forbidden', restricted);
        await regionRequestItem.setValue({ tabId: tab.id, windowId: tab.windowId });
        await browser.scripting.executeScript({
          target: { tabId: tab.id },
          files: ['/content-scripts/region-select.js'],
        });
        return null;
      },
    },
    'scan.regionSelected': {
      from: 'extension-or-content-script',
      handle: async (payload, sender) => {
        const request = await regionRequestItem.getValue();
        // Only the tab that was asked to select, once: a page cannot make Tessera take pictures.
        if (!request || sender.tab?.id !== request.tabId)
          throw new ServiceError('forbidden', 'No selection was asked for here.');
        await regionRequestItem.removeValue();
        const selected = region(payload);
        if (!selected) return null;
        await requireKey();
        const since = lockEpoch();
        const dataUrl = await captureTab(request.windowId);
        if (!dataUrl)
          throw new ServiceError('forbidden', 'The browser did not let Tessera take a picture of this page.');
        // The helper cuts the region out at the screenshot's scale (utils/core/scan/region-area.ts).
        const texts = await qrCodesIn(helper, dataUrl, { region: selected, tiles: true });
        if (texts.length)
          // The page that answered, as the browser reports its address (not a later one of the tab).
          await previews.addTexts(texts, { origin: pageOrigin(sender.url) }, since);
        else await previews.noteNothingFound(t('scanRegionNothing'), since);
        await announce();
        return null;
      },
    },
  };
}
