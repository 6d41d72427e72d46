/**
 * The message handlers for scanning: scan a tab (or a picture), let the user drag over the code
 * as a last resort, resume a scan the popup did not see finish, preview, confirm.
 */
import { browser, type Browser } from 'wxt/browser';
import { targetTab } from '../background/active-tab';
import { announce, clearAnnouncement } from '../background/announce';
import { crop, findQrCodes } from '../core/scan/qr-decode';
import { restrictedReason } from '../core/scan/restricted-page';
import { siteOf } from '../core/fill/site-of';
import { ServiceError } from '../core/internal/service-error';
import { t } from '../i18n/i18n';
import { dataUrlBlob, imagePixels } from './image-pixels';
import type { Handlers } from '../messaging/message-router';
import { optionalField, text } from '../messaging/message-router';
import type { ScanOutcome } from '../core/scan/scan-outcome';
import type { SelectedRegion } from '../core/scan/selected-region';
import type { ScanService } from '../preview/preview-service';
import type { ScanChoice } from '../core/preview/scan-preview';
import { isUnlocked, requireKey } from '../vault/session-key';
import { captureTab, scanTab, type TabScan } from './tab-scanner';
import { regionRequestItem, scanRequestItem } from './scan-items';

export type ScanMessageType =
  | 'scan.page'
  | 'scan.image'
  | 'scan.region'
  | 'scan.regionSelected'
  | 'scan.resume'
  | 'preview.get'
  | 'preview.confirm'
  | 'preview.discard';

/** Pictures larger than this (as a data: URL) are refused before decoding: 20 MB is no QR code. */
const MAX_IMAGE_URL = 28_000_000;

async function tabToScan(payload: unknown): Promise<Browser.tabs.Tab> {
  const tab = await targetTab(optionalField<number>(payload, 'tabId', 'number'));
  if (!tab?.id) throw new ServiceError('not-found', 'There is no page to scan.');
  return tab;
}

function choices(payload: unknown): ScanChoice[] {
  const list = (payload as { choices?: unknown } | undefined)?.choices;
  const valid =
    Array.isArray(list) &&
    list.every(
      (choice: Partial<ScanChoice>) =>
        Number.isInteger(choice?.key) && (choice.action === 'add' || choice.action === 'replace'),
    );
  if (!valid) throw new ServiceError('invalid-input', 'choices must list keys with add or replace.');
  return list as ScanChoice[];
}

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

export function createScanHandlers(scan: ScanService) {
  /** Found texts go to the pending scan; the answer is its preview. */
  async function outcome(found: TabScan, tab: Browser.tabs.Tab | undefined, source?: 'image'): Promise<ScanOutcome> {
    if (found.status !== 'found') return found;
    return {
      status: 'found',
      source: source ?? found.source,
      preview: await scan.addTexts(found.texts, siteOf(tab?.url)),
    };
  }

  /**
   * Scans a tab for the keyboard command or the image menu. Locked: remembers the request and
   * opens the popup, which continues the scan once unlocked (scan.resume).
   */
  async function scanFromBackground(tab: Browser.tabs.Tab): Promise<void> {
    if (!tab.id) return;
    if (!(await isUnlocked())) {
      await scanRequestItem.setValue({ tabId: tab.id });
      return announce();
    }
    const found = await outcome(await scanTab(tab), tab);
    if (found.status !== 'found') await scan.noteNothingFound(found.reason ?? t('scanNothing'));
    await announce();
  }

  /** The image menu: the picture itself first (data:, or fetched), else the whole tab. */
  async function scanImageFromMenu(srcUrl: string | undefined, tab: Browser.tabs.Tab): Promise<void> {
    let texts: string[] = [];
    if (srcUrl && tab.id && (await isUnlocked())) {
      try {
        const blob = srcUrl.startsWith('data:')
          ? dataUrlBlob(srcUrl)
          : await (await fetch(srcUrl, { credentials: 'omit' })).blob();
        texts = findQrCodes(await imagePixels(blob), { tiles: true });
      } catch {
        // Another origin without access: the tab scan below reads it from the page or the screen.
      }
    }
    if (!texts.length) return scanFromBackground(tab);
    await scan.addTexts(texts, siteOf(tab.url));
    await announce();
  }

  const handlers: Pick<Handlers, ScanMessageType> = {
    'scan.page': {
      from: 'extension',
      handle: async (payload) => {
        await requireKey(); // locked: unlock first, nothing is read from the page
        const tab = await tabToScan(payload);
        return outcome(await scanTab(tab), tab);
      },
    },
    'scan.image': {
      from: 'extension',
      handle: async (payload) => {
        await requireKey();
        const dataUrl = text(payload, 'dataUrl');
        if (dataUrl.length > MAX_IMAGE_URL)
          throw new ServiceError('invalid-input', 'That picture is too large to be a QR code (over 20 MB).');
        const texts = findQrCodes(await imagePixels(dataUrlBlob(dataUrl)), { tiles: true });
        return outcome(
          texts.length
            ? { status: 'found', texts, source: 'page' }
            : { status: 'none', reason: 'No QR code was found in that picture.' },
          undefined,
          'image',
        );
      },
    },
    'scan.region': {
      from: 'extension',
      handle: async (payload) => {
        await requireKey();
        const tab = await tabToScan(payload);
        const restricted = restrictedReason(tab.url);
        if (restricted) throw new ServiceError('forbidden', restricted);
        await regionRequestItem.setValue({ tabId: tab.id!, windowId: tab.windowId });
        await browser.scripting.executeScript({
          target: { tabId: tab.id! },
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
        const dataUrl = await captureTab(request.windowId);
        if (!dataUrl)
          throw new ServiceError('forbidden', 'The browser did not let Tessera take a picture of this page.');
        const pixels = await imagePixels(dataUrlBlob(dataUrl));
        // The screenshot is at device pixel ratio (or scaled down if huge): its width says the scale.
        const scale = pixels.width / selected.viewportWidth;
        const left = Math.min(pixels.width - 1, Math.floor(selected.x * scale));
        const top = Math.min(pixels.height - 1, Math.floor(selected.y * scale));
        const area = crop(
          pixels,
          left,
          top,
          Math.max(1, Math.min(pixels.width - left, Math.ceil(selected.width * scale))),
          Math.max(1, Math.min(pixels.height - top, Math.ceil(selected.height * scale))),
        );
        const texts = findQrCodes(area, { tiles: true });
        if (texts.length)
          await scan.addTexts(texts, siteOf((await browser.tabs.get(request.tabId).catch(() => undefined))?.url));
        else await scan.noteNothingFound(t('scanRegionNothing'));
        await announce();
        return null;
      },
    },
    'scan.resume': {
      from: 'extension',
      handle: async () => {
        await requireKey();
        await clearAnnouncement();
        const request = await scanRequestItem.getValue();
        if (request) {
          await scanRequestItem.removeValue();
          const tab = await browser.tabs.get(request.tabId).catch(() => undefined);
          if (tab) return outcome(await scanTab(tab), tab);
        }
        const preview = await scan.preview();
        return preview ? { status: 'found', source: 'page', preview } : null;
      },
    },
    'preview.get': { from: 'extension', handle: () => scan.preview() },
    'preview.confirm': {
      from: 'extension',
      handle: (payload) =>
        scan.confirm(choices(payload), optionalField<boolean>(payload, 'rememberSite', 'boolean') === true),
    },
    'preview.discard': { from: 'extension', handle: async () => (await scan.discard(), null) },
  };
  return { handlers, scanFromBackground, scanImageFromMenu };
}

export type ScanHandlers = ReturnType<typeof createScanHandlers>;
