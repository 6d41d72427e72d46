/**
 * Finds the QR codes a tab shows, cheapest way first, stopping at the first that finds any:
 * (1) the pictures in every frame's DOM, read by the injected qr-scan content script, plus the
 * cross-origin ones it could not read, fetched here; (2) a screenshot of the visible tab at
 * device pixel ratio, read whole or at half size, then in tiles. (3), a region the user drags, is
 * the popup's to offer when both find nothing.
 */
import { browser, type Browser } from 'wxt/browser';
import { looksLikePdf, restrictedReason } from '../core/scan/restricted-page';
import { fetchPicture, skippedNotes, type PictureSkip } from './fetch-picture';
import type { HelperClient } from '../helper/helper-client';
import type { PageScan } from './page/scan-page';
import { qrCodesIn } from './qr-codes-in';

/**
 * `notes`: pictures from other sites skipped for their size or time (fetch-picture.ts), one line each.
 * `origin`: the top frame's origin as the page scan read it (absent when the page could not be
 * scripted), which originAfterScan (scanned-origin.ts) checks against the tab's.
 */
export type TabScan =
  | { status: 'found'; texts: string[]; source: 'page' | 'screenshot'; notes?: string[]; origin?: string }
  | { status: 'none'; reason?: string; notes?: string[] }
  | { status: 'restricted'; reason: string };

/** Chrome's limit is two screenshots a second; waiting this long always makes room for one more. */
const CAPTURE_INTERVAL_MS = 550;

/** At most this many cross-origin pictures are fetched: enough for an enrolment page. */
const MAX_REMOTE = 8;

/** How to scan a code the browser will not let Tessera see. */
const SAVE_AS_PICTURE = 'Save the QR code as a picture and scan the file.';

/** `helper` reads the pictures (qr-codes-in.ts): jsQR never loads in the service worker. */
export async function scanTab(tab: Browser.tabs.Tab, helper: HelperClient): Promise<TabScan> {
  const restricted = restrictedReason(tab.url);
  if (restricted) return { status: 'restricted', reason: restricted };
  const page = await scanFrames(tab.id!);
  // The page's own codes first, with its origin; then those only other origins' frames showed.
  const read = page?.origin !== undefined ? { origin: page.origin } : {};
  const unbound = { origin: 'null' };
  if (page?.own.texts.length) return { status: 'found', texts: page.own.texts, source: 'page', ...read };
  if (page?.foreign.texts.length) return { status: 'found', texts: page.foreign.texts, source: 'page', ...unbound };
  const remote = await readRemote(page?.own.remote ?? [], helper);
  const foreignRemote = remote.texts.length ? undefined : await readRemote(page?.foreign.remote ?? [], helper);
  const notes = skippedNotes([...remote.skipped, ...(foreignRemote?.skipped ?? [])]);
  const noted = notes.length ? { notes } : {};
  if (remote.texts.length) return { status: 'found', texts: remote.texts, source: 'page', ...noted, ...read };
  if (foreignRemote?.texts.length)
    return { status: 'found', texts: foreignRemote.texts, source: 'page', ...noted, ...unbound };
  // Only now: taken while the page was read, the screenshot slowed the common case (measured).
  const dataUrl = await captureTab(tab.windowId);
  const shot = dataUrl === undefined ? undefined : await qrCodesIn(helper, dataUrl, { tiles: true, invert: false });
  if (shot?.length) return { status: 'found', texts: shot, source: 'screenshot', ...noted, ...read };
  if (!page && !shot) {
    return {
      status: 'restricted',
      reason: looksLikePdf(tab.url)
        ? "This is the browser's PDF viewer, which extensions cannot read. " + SAVE_AS_PICTURE
        : 'The browser does not let extensions read this page (its own pages, extension stores, the PDF viewer). ' +
          SAVE_AS_PICTURE,
    };
  }
  return { status: 'none', ...noted };
}

/** What the frames found: the top frame's and its own origin's, and what other origins' frames showed. */
interface FramesScan {
  own: { texts: string[]; remote: string[] };
  foreign: { texts: string[]; remote: string[] };
  origin?: string;
}

/**
 * Every frame's answer, split by whose it is; undefined when the page cannot be scripted at all.
 * A code shown inside a frame from another origin is that origin's, not the page's (evil.example
 * framing a real site's QR setup page), so it is kept apart: found there, the scan reports the
 * origin "null", which no tab has, and originAfterScan gives those codes none.
 */
async function scanFrames(tabId: number): Promise<FramesScan | undefined> {
  let results: { result?: unknown; frameId?: number }[];
  try {
    results = await browser.scripting.executeScript({
      target: { tabId, allFrames: true },
      files: ['/content-scripts/qr-scan.js'],
    });
  } catch {
    return undefined;
  }
  const top = (results.find((frame) => frame.frameId === 0)?.result as Partial<PageScan> | undefined)?.origin;
  const own = { texts: new Set<string>(), remote: new Set<string>() };
  const foreign = { texts: new Set<string>(), remote: new Set<string>() };
  for (const { result } of results) {
    const scan = result as Partial<PageScan> | undefined;
    const into = scan?.origin === top ? own : foreign;
    for (const text of scan?.texts ?? []) if (typeof text === 'string') into.texts.add(text);
    for (const url of scan?.remote ?? []) if (typeof url === 'string' && /^https?:/.test(url)) into.remote.add(url);
  }
  const list = (found: typeof own) => ({ texts: [...found.texts], remote: [...found.remote] });
  return { own: list(own), foreign: list(foreign), ...(typeof top === 'string' ? { origin: top } : {}) };
}

/**
 * Pictures from other origins, fetched within fetch-picture.ts's bounds (no cookies, 5 MB, 5 s,
 * 16 megapixels); ones beyond a bound are counted, ones that fail are simply not read.
 */
async function readRemote(urls: string[], helper: HelperClient): Promise<{ texts: string[]; skipped: PictureSkip[] }> {
  const skipped: PictureSkip[] = [];
  const texts = await Promise.all(
    urls.slice(0, MAX_REMOTE).map(async (url) => {
      const picture = await fetchPicture(url);
      if (picture.status === 'skipped') skipped.push(picture.why);
      if (picture.status !== 'read') return [];
      try {
        return await qrCodesIn(helper, picture.blob);
      } catch {
        return [];
      }
    }),
  );
  return { texts: [...new Set(texts.flat())], skipped };
}

/**
 * The visible part of the tab as a JPEG data: URL, at device pixel ratio; undefined when the
 * browser refuses. JPEG at quality 92: about 20 ms faster to take than PNG here (measured), and
 * the screenshot and region tests still read every code through it.
 */
export async function captureTab(windowId: number | undefined): Promise<string | undefined> {
  const capture = () =>
    browser.tabs.captureVisibleTab(windowId ?? browser.windows.WINDOW_ID_CURRENT, { format: 'jpeg', quality: 92 });
  try {
    return await capture().catch(async (error: unknown) => {
      // Chrome allows two captures a second (MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND): a quick
      // "Scan again" waits its turn instead of reporting nothing found.
      if (!/MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND/.test(String(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, CAPTURE_INTERVAL_MS));
      return capture();
    });
  } catch {
    return undefined;
  }
}
