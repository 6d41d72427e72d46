/**
 * Injected into every frame of the tab when the user asks to fill (never on page load); listens
 * for the background's detect and fill requests. Injecting twice keeps one listener.
 */
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { answer, type AgentRequest } from '../utils/fill/page/otp-fill-agent';

const INSTALLED = Symbol.for('tessera.otp-fill');

export default defineContentScript({
  registration: 'runtime',
  matches: [],
  main() {
    const scope = globalThis as { [INSTALLED]?: true };
    if (scope[INSTALLED]) return;
    scope[INSTALLED] = true;
    browser.runtime.onMessage.addListener((message, sender) => {
      const request = message as Partial<AgentRequest>;
      if (sender.id !== browser.runtime.id || (request.type !== 'tessera.detect' && request.type !== 'tessera.fill'))
        return undefined;
      return answer(request as AgentRequest);
    });
  },
});
