/**
 * The helper's dedicated Worker (utils/core/helper/helper-protocol.ts), started by Chrome's
 * offscreen document or Firefox's background page. It holds no state of its own: it loads each
 * task's chunk script on first use and answers the task.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { serveHelper, type HelperScope } from '../utils/helper/serve-helper';

export default defineUnlistedScript(() => serveHelper(globalThis as unknown as HelperScope));
