/**
 * The background's helper (utils/core/helper/helper-protocol.ts): in Chrome through the offscreen
 * document, in Firefox from the background page. The browser is known when building, so each
 * build carries one of the two ways.
 */
import { createHelperClient, type HelperClient } from './helper-client';
import { openOffscreenChannel } from './offscreen-channel';
import { openWorkerChannel } from './worker-channel';

export function createBackgroundHelper(): HelperClient {
  return createHelperClient(import.meta.env.BROWSER === 'firefox' ? openWorkerChannel : openOffscreenChannel);
}
