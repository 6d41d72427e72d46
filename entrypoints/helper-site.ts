/** The helper's public-suffix chunk (utils/helper/site-tasks.ts), loaded by its Worker at the first site lookup. */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import site from '../utils/helper/site-tasks';
import { registerChunk } from '../utils/helper/define-chunk';

export default defineUnlistedScript(() => registerChunk(site));
