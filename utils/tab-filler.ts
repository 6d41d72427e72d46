/**
 * Fills a code into a tab: injects the fill agent into every frame, asks each how well it can
 * take a code of that length (without the code), and sends the code to the best frame only. A
 * frame from another origin than the page gets nothing without the user's say (issue 6 adds the
 * confirmation).
 */
import { browser } from 'wxt/browser';
import type { Detected, FillResult } from './page/otp-fill-agent';

export type FillOutcome = { filled: true; how: 'single' | 'split' } | { filled: false; reason: 'no-field' | 'not-filled' | 'cross-origin' | 'restricted' };

export async function fillTab(tabId: number, code: string): Promise<FillOutcome> {
  let frames: { frameId: number }[];
  try {
    frames = await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: ['/content-scripts/otp-fill.js'] });
  } catch {
    return { filled: false, reason: 'restricted' };
  }
  const detected = await Promise.all(
    frames.map(async ({ frameId }) => {
      try {
        const answer = (await browser.tabs.sendMessage(tabId, { type: 'tessera.detect', length: code.length }, { frameId })) as Detected;
        return { frameId, ...answer };
      } catch {
        return undefined;
      }
    }),
  );
  const top = detected.find((frame) => frame?.frameId === 0);
  const usable = detected.filter((frame) => frame && frame.found !== 'none').sort((a, b) => b!.score - a!.score);
  const best = usable[0];
  if (!best) return { filled: false, reason: 'no-field' };
  if (top && best.origin !== top.origin) return { filled: false, reason: 'cross-origin' };
  const result = (await browser.tabs.sendMessage(tabId, { type: 'tessera.fill', code }, { frameId: best.frameId })) as FillResult;
  return result.filled ? { filled: true, how: result.how! } : { filled: false, reason: 'not-filled' };
}
