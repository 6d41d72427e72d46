/**
 * Fills a code into a tab in two steps: `findCodeField` injects the fill agent into the frames
 * and asks each how well it can take a code of that length (without the code); `fillFrame` then
 * sends the code to the one frame chosen. With `frameId` (the field menu), only that frame's
 * focused field is asked about; the top frame still tells its origin, so a field in a frame from
 * another origin is known as such.
 */
import { browser } from 'wxt/browser';
import type { FillFailure } from '../core/fill/fill-outcome';
import type { Detected, FillResult } from './page/otp-fill-agent';

/** The frame to fill, its origin, and the page's (they differ for a frame from another site). */
export interface FieldFound {
  frameId: number;
  origin: string;
  pageOrigin: string;
}

export async function findCodeField(
  tabId: number,
  length: number,
  frameId?: number,
): Promise<FieldFound | { reason: FillFailure }> {
  let frames: { frameId: number }[];
  const target = frameId === undefined ? { tabId, allFrames: true } : { tabId, frameIds: [...new Set([0, frameId])] };
  try {
    frames = await browser.scripting.executeScript({ target, files: ['/content-scripts/otp-fill.js'] });
  } catch {
    return { reason: 'restricted' };
  }
  const detected = await Promise.all(
    frames.map(async (frame) => {
      const focused = frame.frameId === frameId;
      try {
        return {
          frameId: frame.frameId,
          focused,
          ...((await browser.tabs.sendMessage(
            tabId,
            { type: 'tessera.detect', length, focused },
            { frameId: frame.frameId },
          )) as Detected),
        };
      } catch {
        return undefined;
      }
    }),
  );
  const top = detected.find((frame) => frame?.frameId === 0);
  const candidates = detected.filter(
    (frame) => frame && frame.found !== 'none' && (frameId === undefined || frame.focused),
  );
  const [best] = candidates.sort((a, b) => b!.score - a!.score);
  if (!best || !top) return { reason: 'no-field' };
  return { frameId: best.frameId, origin: best.origin, pageOrigin: top.origin };
}

export async function fillFrame(
  tabId: number,
  field: FieldFound,
  code: string,
  focused: boolean,
): Promise<{ filled: true; how: 'single' | 'split' } | { filled: false; reason: FillFailure }> {
  const result = (await browser.tabs.sendMessage(
    tabId,
    { type: 'tessera.fill', code, focused },
    { frameId: field.frameId },
  )) as FillResult;
  return result.filled ? { filled: true, how: result.how! } : { filled: false, reason: 'not-filled' };
}
