/**
 * Injected by the background when the user asks to scan (activeTab + scripting), into every
 * frame of the tab; its answer is what `executeScript` returns. Nothing runs on page load.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { scanPage } from '../utils/scan/page/scan-page';

export default defineContentScript({
  registration: 'runtime',
  matches: [],
  main: () => scanPage(document),
});
