import { defineBackground } from 'wxt/utils/define-background';

/**
 * The background service worker: the only place that will hold secrets. It wires services
 * together and has no logic of its own; the vault, scan and fill services register here as they
 * arrive (see INTERNALS.md).
 */
export default defineBackground({
  type: 'module',
  main() {},
});
