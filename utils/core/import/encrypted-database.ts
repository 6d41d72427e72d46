/**
 * An encrypted SQLite database (SQLCipher, as Authenticator Plus's `authplus.db`) has no marker:
 * all of it looks random, like an encrypted andOTP backup. What tells it apart is its size, a
 * whole number of pages (SQLite's pages are a power of two from 512 bytes; SQLCipher's default is
 * 1024 or 4096), and its first four bytes, a random salt rather than andOTP's iteration count. Such
 * a file is named, with how to export from the app; with a password, it is first tried as andOTP,
 * whose old layout has no iteration count and can, rarely, have such a size.
 * @see https://www.zetetic.net/sqlcipher/design/ (the database file is encrypted page by page)
 */
import { ImportError } from './import-error';
import { andOtpEncrypted } from './andotp';
import type { Importer } from './import-source';

const MIN_PAGE = 512;
/** The iteration counts andOTP writes in its current layout's first four bytes (andotp.ts). */
const ANDOTP_ROUNDS = [1_000, 10_000_000];

export const ENCRYPTED_DATABASE =
  "This looks like an app's encrypted database (SQLCipher), such as Authenticator Plus's authplus.db, which " +
  'Tessera cannot open. Export your accounts from the app instead: in Authenticator Plus, Settings → Backup & ' +
  'Restore → Export as Text and HTML gives a ZIP file that Tessera reads.';

export const encryptedDatabase: Importer = {
  format: 'Encrypted database',
  matches({ bytes, text }) {
    if (text !== undefined || bytes.length < 2 * MIN_PAGE || bytes.length % MIN_PAGE !== 0) return false;
    const first = new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0);
    return first < ANDOTP_ROUNDS[0]! || first > ANDOTP_ROUNDS[1]!;
  },
  async parse(source, password) {
    if (password) {
      try {
        return await andOtpEncrypted.parse(source, password);
      } catch (error) {
        if (!(error instanceof ImportError)) throw error;
      }
    }
    throw new ImportError('not-recognised', ENCRYPTED_DATABASE);
  },
};
