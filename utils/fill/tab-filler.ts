/**
 * Fills a code into a tab in two steps: `findCodeField` injects the fill agent into the frames
 * and asks each how well it can take a code of that length (without the code); `fillFrame` then
 * sends the code to the one frame chosen. With `frameId` (the field menu), only that frame's
 * focused field is asked about; the top frame still tells its origin, so a field in a frame from
 * another origin is known as such.
 *
 * Between the two steps the tab may navigate. The code goes only to the document that was asked:
 * Chrome's injection results name each frame's document (`InjectionResult.documentId`, Chrome 106)
 * and `tabs.sendMessage` can address one (`options.documentId`), so a frame that shows another
 * document no longer receives it. Firefox has neither: there the fill message names the origin
 * checked and the agent refuses if its own differs. Right before sending, the tab's address as
 * the browser reports it (`tabs.get`) must still have the origin checked.
 */
import { browser } from 'wxt/browser';
import { originOf } from '../core/fill/binding-covers';
import type { FillFailure } from '../core/fill/fill-outcome';
import type { Detected, FillResult } from './page/otp-fill-agent';

/** The frame to fill, its origin, and the page's (they differ for a frame from another site). */
export interface FieldFound {
  frameId: number;
  /** The frame's document (Chrome only). */
  documentId?: string;
  origin: string;
  pageOrigin: string;
}

interface Injected {
  frameId: number;
  documentId?: string;
}

/** `tabs.sendMessage` options for one frame, and its document where the browser names it. */
function address({ frameId, documentId }: Injected) {
  return documentId === undefined ? { frameId } : { frameId, documentId };
}

/**
 * `expectDocument`: the document the fill was asked on (a fill asked for while locked): the
 * frame asked about (`frameId`, else the top frame) must still show it, where the browser says.
 */
export async function findCodeField(
  tabId: number,
  length: number,
  frameId?: number,
  expectDocument?: string,
): Promise<FieldFound | { reason: FillFailure }> {
  let frames: Injected[];
  const target = frameId === undefined ? { tabId, allFrames: true } : { tabId, frameIds: [...new Set([0, frameId])] };
  try {
    frames = await browser.scripting.executeScript({ target, files: ['/content-scripts/otp-fill.js'] });
  } catch {
    return { reason: 'restricted' };
  }
  const asked = frames.find((frame) => frame.frameId === (frameId ?? 0));
  if (expectDocument !== undefined && asked?.documentId !== undefined && asked.documentId !== expectDocument)
    return { reason: 'navigated' };
  const detected = await Promise.all(
    frames.map(async (frame) => {
      const focused = frame.frameId === frameId;
      try {
        return {
          ...address(frame),
          focused,
          ...((await browser.tabs.sendMessage(
            tabId,
            { type: 'tessera.detect', length, focused },
            address(frame),
          )) as Detected),
        };
      } catch {
        return undefined;
      }
    }),
  );
  const top = detected.find((frame) => frame?.frameId === 0);
  // A frame without an origin of its own (about:blank, srcdoc, data:, sandboxed: "null") cannot be
  // told apart from any other such frame, so a yes for one would be a yes for all: never filled.
  // A frame without an origin of its own (about:blank, srcdoc, data:, sandboxed: "null") cannot be
  // told apart from any other such frame, so a yes for one would be a yes for all: never filled.
  const candidates = detected.filter(
    (frame) => frame && frame.found !== 'none' && frame.origin !== 'null' && (frameId === undefined || frame.focused),
  );
  const [best] = candidates.sort((a, b) => b!.score - a!.score);
  if (!best || !top) return { reason: 'no-field' };
  return { ...address(best), origin: best.origin, pageOrigin: top.origin };
}

export async function fillFrame(
  tabId: number,
  field: FieldFound,
  code: string,
  focused: boolean,
): Promise<{ filled: true; how: 'single' | 'split' } | { filled: false; reason: FillFailure }> {
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  if (originOf(tab?.url) !== field.pageOrigin) return { filled: false, reason: 'navigated' };
  let result: FillResult;
  try {
    result = (await browser.tabs.sendMessage(
      tabId,
      { type: 'tessera.fill', code, focused, origin: field.origin },
      address(field),
    )) as FillResult;
  } catch {
    // The document asked is gone (Chrome refuses a documentId no longer in the frame).
    return { filled: false, reason: 'navigated' };
  }
  if (result?.filled) return { filled: true, how: result.how! };
  return { filled: false, reason: result?.reason === 'navigated' ? 'navigated' : 'not-filled' };
}
