/** The helper's import chunk (utils/helper/import-tasks.ts), loaded by the helper Worker on the first import. */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import importChunk from '../utils/helper/import-tasks';
import { registerChunk } from '../utils/helper/define-chunk';

export default defineUnlistedScript(() => registerChunk(importChunk));
