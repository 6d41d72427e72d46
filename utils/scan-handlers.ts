/** The message handlers for scanning: find the tab, scan it (or a picture), preview, confirm. */
import { browser, type Browser } from 'wxt/browser';
import { findQrCodes } from './core/qr-decode';
import { VaultError } from './core/vault-error';
import { dataUrlBlob, imagePixels } from './image-pixels';
import type { Handlers } from './message-router';
import { text } from './message-router';
import type { ScanOutcome } from './messages';
import type { ScanChoice, ScanService } from './scan-service';
import { requireKey } from './session-key';
import { scanTab, type TabScan } from './tab-scanner';

export type ScanMessageType = 'scan.page' | 'scan.image' | 'scan.preview' | 'scan.confirm' | 'scan.discard';

/** Pictures larger than this (as a data: URL) are refused before decoding: 20 MB is no QR code. */
const MAX_IMAGE_URL = 28_000_000;

async function targetTab(payload: unknown): Promise<Browser.tabs.Tab> {
  const tabId = (payload as { tabId?: unknown } | undefined)?.tabId;
  const [tab] = typeof tabId === 'number' ? [await browser.tabs.get(tabId)] : await browser.tabs.query({ active: true, lastFocusedWindow: true });
  if (!tab?.id) throw new VaultError('not-found', 'There is no page to scan.');
  return tab;
}

function choices(payload: unknown): ScanChoice[] {
  const list = (payload as { choices?: unknown } | undefined)?.choices;
  const valid = Array.isArray(list) && list.every((choice: Partial<ScanChoice>) => Number.isInteger(choice?.key) && (choice.action === 'add' || choice.action === 'replace'));
  if (!valid) throw new VaultError('invalid-input', 'choices must list keys with add or replace.');
  return list as ScanChoice[];
}

export function scanHandlers(scan: ScanService): Pick<Handlers, ScanMessageType> {
  /** Found texts go to the pending scan; the answer is its preview. */
  async function outcome(found: TabScan, source?: 'image'): Promise<ScanOutcome> {
    if (found.status !== 'found') return found;
    return { status: 'found', source: source ?? found.source, preview: await scan.addTexts(found.texts) };
  }

  return {
    'scan.page': {
      from: 'extension',
      handle: async (payload) => {
        await requireKey(); // locked: unlock first, nothing is read from the page
        return outcome(await scanTab(await targetTab(payload)));
      },
    },
    'scan.image': {
      from: 'extension',
      handle: async (payload) => {
        await requireKey();
        const dataUrl = text(payload, 'dataUrl');
        if (dataUrl.length > MAX_IMAGE_URL) throw new VaultError('invalid-input', 'That picture is too large to be a QR code (over 20 MB).');
        const texts = findQrCodes(await imagePixels(dataUrlBlob(dataUrl)), { tiles: true });
        return outcome(texts.length ? { status: 'found', texts, source: 'page' } : { status: 'none', reason: 'No QR code was found in that picture.' }, 'image');
      },
    },
    'scan.preview': { from: 'extension', handle: () => scan.preview() },
    'scan.confirm': { from: 'extension', handle: (payload) => scan.confirm(choices(payload)) },
    'scan.discard': { from: 'extension', handle: async () => (await scan.discard(), null) },
  };
}
