/**
 * Fills a code into a tab in two steps: `findCodeField` injects the fill agent into every frame
 * and asks each how well it can take a code of that length (without the code); `fillFrame` then
 * sends the code to the one frame chosen. A frame from another origin than the page is refused.
 */
import { browser } from 'wxt/browser';
import type { Detected, FillResult } from './page/otp-fill-agent';

export type FillFailure = 'no-field' | 'not-filled' | 'cross-origin' | 'restricted';

export async function findCodeField(tabId: number, length: number): Promise<{ frameId: number } | { reason: FillFailure }> {
  let frames: { frameId: number }[];
  try {
    frames = await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: ['/content-scripts/otp-fill.js'] });
  } catch {
    return { reason: 'restricted' };
  }
  const detected = await Promise.all(
    frames.map(async ({ frameId }) => {
      try {
        return { frameId, ...((await browser.tabs.sendMessage(tabId, { type: 'tessera.detect', length }, { frameId })) as Detected) };
      } catch {
        return undefined;
      }
    }),
  );
  const top = detected.find((frame) => frame?.frameId === 0);
  const [best] = detected.filter((frame) => frame && frame.found !== 'none').sort((a, b) => b!.score - a!.score);
  if (!best) return { reason: 'no-field' };
  if (top && best.origin !== top.origin) return { reason: 'cross-origin' };
  return { frameId: best.frameId };
}

export async function fillFrame(tabId: number, frameId: number, code: string): Promise<{ filled: true; how: 'single' | 'split' } | { filled: false; reason: FillFailure }> {
  const result = (await browser.tabs.sendMessage(tabId, { type: 'tessera.fill', code }, { frameId })) as FillResult;
  return result.filled ? { filled: true, how: result.how! } : { filled: false, reason: 'not-filled' };
}
