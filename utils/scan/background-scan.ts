/**
 * Scans started without the popup: the keyboard command and the picture's context menu. The
 * result waits in the pending preview, and the badge tells the user to open the popup.
 */
import type { Browser } from 'wxt/browser';
import type { ClockService } from '../clock/clock-service';
import { announce } from '../background/announce';
import { t } from '../i18n/i18n';
import type { HelperClient } from '../helper/helper-client';
import type { PreviewService } from '../preview/preview-service';
import { isUnlocked } from '../vault/session-key';
import { lockEpoch } from '../vault/lock-epoch';
import { foundOutcome } from './found-outcome';
import { checkedPicture, fetchPicture } from './fetch-picture';
import { dataUrlBlob } from './image-pixels';
import { qrCodesIn } from './qr-codes-in';
import { scanRequestItem } from './scan-items';
import { originAfterScan } from './scanned-origin';
import { scanTab } from './tab-scanner';

/** `helper` decodes pictures (utils/helper/scan-tasks.ts), so jsQR never loads in the service worker. */
export function createBackgroundScan(
  previews: PreviewService,
  helper: HelperClient,
  clock?: Pick<ClockService, 'check'>,
) {
  /**
   * Scans a tab for the keyboard command or the image menu. Locked: remembers the request and
   * opens the popup, which continues the scan once unlocked (scan.resume).
   */
  async function scanFromBackground(tab: Browser.tabs.Tab): Promise<void> {
    if (!tab.id) return;
    const since = lockEpoch();
    if (!(await isUnlocked())) {
      await scanRequestItem.setValue({ tabId: tab.id });
      return announce();
    }
    const scanned = await scanTab(tab, helper);
    if (scanned.status !== 'restricted') void clock?.check(tab);
    const found = await foundOutcome(previews, scanned, tab, undefined, since);
    if (found.status !== 'found') {
      const notes = found.status === 'none' ? (found.notes ?? []) : [];
      await previews.noteNothingFound([found.reason ?? t('scanNothing'), ...notes].join(' '), since);
    }
    await announce();
  }

  /** The image menu: the picture itself first (data:, or fetched), else the whole tab. */
  async function scanImageFromMenu(srcUrl: string | undefined, tab: Browser.tabs.Tab): Promise<void> {
    let texts: string[] = [];
    const since = lockEpoch();
    if (srcUrl && tab.id && (await isUnlocked())) {
      try {
        // The page's own data: URL, or a picture fetched within bounds (fetch-picture.ts).
        const picture = srcUrl.startsWith('data:')
          ? await dataUrlBlob(srcUrl)
              .arrayBuffer()
              .then((bytes) => checkedPicture(new Uint8Array(bytes), ''))
          : await fetchPicture(srcUrl);
        if (picture.status === 'read') texts = await qrCodesIn(helper, picture.blob, { tiles: true });
      } catch {
        // Another origin without access: the tab scan below reads it from the page or the screen.
      }
    }
    if (!texts.length) return scanFromBackground(tab);
    // The tab as it was clicked: a page that navigated while its picture was read gets no origin.
    await previews.addTexts(texts, { origin: await originAfterScan(tab) }, since);
    await announce();
  }

  return { scanFromBackground, scanImageFromMenu };
}

export type BackgroundScan = ReturnType<typeof createBackgroundScan>;
