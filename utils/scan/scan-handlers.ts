/**
 * The popup's scans: the tab it was opened over (`scan.page`), a picture file or pasted picture
 * (`scan.image`), and after unlocking, a scan asked for while locked (`scan.resume`).
 */
import { browser, type Browser } from 'wxt/browser';
import type { ClockService } from '../clock/clock-service';
import { ServiceError } from '../core/internal/service-error';
import { imageSize } from '../core/scan/image-size';
import { clearAnnouncement } from '../background/announce';
import type { HelperClient } from '../helper/helper-client';
import type { HandlersOf } from '../messaging/message-router';
import { text } from '../messaging/message-router';
import type { PreviewService } from '../preview/preview-service';
import { requireKey } from '../vault/session-key';
import { lockEpoch } from '../vault/lock-epoch';
import { foundOutcome } from './found-outcome';
import { PICTURE_LIMITS } from './fetch-picture';
import { dataUrlBlob } from './image-pixels';
import { qrCodesIn } from './qr-codes-in';
import { regionHandlers } from './region-handlers';
import { scanRequestItem } from './scan-items';
import { tabToScan } from './tab-to-scan';
import { scanTab } from './tab-scanner';

/** Pictures larger than this (as a data: URL) are refused before decoding: 20 MB is no QR code. */
const MAX_IMAGE_URL = 28_000_000;

/** Scans a tab, then starts a clock check of its site beside the preview (the check never delays it). */
async function scanAndCheck(tab: Browser.tabs.Tab, helper: HelperClient, clock?: Pick<ClockService, 'check'>) {
  const scanned = await scanTab(tab, helper);
  if (scanned.status !== 'restricted') void clock?.check(tab);
  return scanned;
}

/** `helper` decodes pictures (utils/helper/scan-tasks.ts), so jsQR never loads in the service worker. */
export function scanHandlers(
  previews: PreviewService,
  helper: HelperClient,
  clock?: Pick<ClockService, 'check'>,
): HandlersOf<'scan'> {
  return {
    'scan.page': {
      from: 'extension',
      handle: async (payload) => {
        await requireKey(); // locked: unlock first, nothing is read from the page
        const since = lockEpoch();
        const tab = await tabToScan(payload);
        return foundOutcome(previews, await scanAndCheck(tab, helper, clock), tab, undefined, since);
      },
    },
    'scan.image': {
      from: 'extension',
      handle: async (payload) => {
        await requireKey();
        const since = lockEpoch();
        const dataUrl = text(payload, 'dataUrl');
        if (dataUrl.length > MAX_IMAGE_URL)
          throw new ServiceError('invalid-input', 'That picture is too large to be a QR code (over 20 MB).');
        const picture = dataUrlBlob(dataUrl);
        // The user's own file is read whole, but never decoded past fetched pictures' pixel limit.
        const size = imageSize(new Uint8Array(await picture.arrayBuffer()));
        if (size && size.width * size.height > PICTURE_LIMITS.pixels)
          throw new ServiceError(
            'invalid-input',
            `That picture is ${size.width} × ${size.height} pixels; Tessera reads pictures of up to 16 megapixels. ` +
              'Crop it around the QR code and try again.',
          );
        const texts = await qrCodesIn(helper, dataUrl, { tiles: true });
        const found = texts.length
          ? ({ status: 'found', texts, source: 'page' } as const)
          : ({ status: 'none', reason: 'No QR code was found in that picture.' } as const);
        return foundOutcome(previews, found, undefined, 'image', since);
      },
    },
    'scan.resume': {
      from: 'extension',
      handle: async () => {
        await requireKey();
        const since = lockEpoch();
        await clearAnnouncement();
        const request = await scanRequestItem.getValue();
        if (request) {
          await scanRequestItem.removeValue();
          const tab = await browser.tabs.get(request.tabId).catch(() => undefined);
          if (tab) return foundOutcome(previews, await scanAndCheck(tab, helper, clock), tab, undefined, since);
        }
        const preview = await previews.preview();
        return preview ? { status: 'found', source: 'page', preview } : null;
      },
    },
    ...regionHandlers(previews, helper),
  };
}
