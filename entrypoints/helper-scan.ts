/** The helper's scan chunk (utils/helper/scan-tasks.ts), loaded by the helper Worker on the first QR decode. */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import scan from '../utils/helper/scan-tasks';
import { registerChunk } from '../utils/helper/define-chunk';

export default defineUnlistedScript(() => registerChunk(scan));
