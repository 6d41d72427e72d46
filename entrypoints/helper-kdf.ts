/** The helper's Argon2id chunk (utils/helper/kdf-tasks.ts), loaded when a passphrase is checked. */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import kdf from '../utils/helper/kdf-tasks';
import { registerChunk } from '../utils/helper/define-chunk';

export default defineUnlistedScript(() => registerChunk(kdf));
