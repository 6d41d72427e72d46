/**
 * FreeOTP 2's backup (`externalBackup.xml`) is not XML but a Java-serialised HashMap (stream magic
 * 0xACED0005) of tokens and a `masterKey`. Without this, it would be taken for an encrypted andOTP
 * backup and the user asked for a password in vain. This names it; a reader of the format, placed
 * before it in IMPORTERS, takes precedence.
 * @see https://docs.oracle.com/javase/8/docs/platform/serialization/spec/protocol.html (the magic)
 * @see https://github.com/freeotp/freeotp-android, app/src/main/java/org/fedorahosted/freeotp/TokenPersistence.java
 */
import { ImportError } from './import-error';
import type { Importer } from './import-source';

const JAVA_SERIALISED = [0xac, 0xed, 0x00, 0x05];

export const freeOtpBackupDetector: Importer = {
  format: 'FreeOTP',
  matches: ({ bytes }) =>
    JAVA_SERIALISED.every((byte, i) => bytes[i] === byte) &&
    new TextDecoder('latin1').decode(bytes.subarray(0, 64 * 1024)).includes('masterKey'),
  parse: async () => {
    throw new ImportError(
      'not-recognised',
      'This is a FreeOTP 2 backup (externalBackup.xml), which this version of Tessera cannot read yet.',
    );
  },
};
