import { defineBackground } from 'wxt/utils/define-background';
import { installBenchMarks } from '../utils/background/bench-marks';
import { registerBackground } from '../utils/background/register-background';

/**
 * The background service worker: the only place that holds secrets. It wires services together
 * and has no logic of its own (see INTERNALS.md). A classic script, not `type: 'module'`: WXT
 * then builds it on its own, so it shares no chunk with the popup (one file to load there), and
 * a stopped worker starts sooner.
 */
export default defineBackground({
  main() {
    // `npm run bench` reads these marks to break a cold popup open down (e2e build only).
    if (import.meta.env.MODE === 'e2e') installBenchMarks();
    const listeners = registerBackground();
    // Tests cannot press a browser shortcut or open a context menu: the e2e build lets them call
    // the listeners. The release build has no such door (the manifest test looks for the name).
    if (import.meta.env.MODE === 'e2e') Object.assign(globalThis, { tesseraE2e: listeners });
  },
});
