import { defineBackground } from 'wxt/utils/define-background';
import { registerVault } from '../utils/register-vault';
import { registerScanMenu } from '../utils/scan-menu';

/**
 * The background service worker: the only place that holds secrets. It wires services together
 * and has no logic of its own (see INTERNALS.md).
 */
export default defineBackground({
  type: 'module',
  main() {
    const { scanning } = registerVault();
    registerScanMenu(scanning.scanImageFromMenu);
  },
});
