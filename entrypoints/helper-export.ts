/** The helper's export chunk (utils/helper/export-tasks.ts), loaded by the helper Worker on the first export. */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import exportChunk from '../utils/helper/export-tasks';
import { registerChunk } from '../utils/helper/define-chunk';

export default defineUnlistedScript(() => registerChunk(exportChunk));
