/**
 * Reads another authenticator's export, whatever it is: the format is recognised from the
 * content, never the file name. The accounts it could read come back, with each refused entry
 * listed by place and why; or an ImportError says why none can: not recognised, damaged,
 * encrypted without a password, a wrong password, or nothing usable inside.
 */
import { ImportError } from './import-error';
import { aegis } from './aegis';
import { ANDROID_APPS, ANDROID_IMPORTERS } from './android-importers';
import { andOtp, andOtpEncrypted } from './andotp';
import { authenticatorCc } from './authenticator-cc';
import { bitwardenCsv, bitwardenJson } from './bitwarden';
import { bitwardenEncrypted } from './bitwarden-encrypted';
import { enteEncrypted } from './ente-encrypted';
import { freeOtpPlus } from './freeotp-plus';
import { keePass } from './keepass';
import type { ParsedImport } from './imported';
import { readImportSource, type Importer } from './import-source';
import { lastPassAuthenticator } from './lastpass-authenticator';
import { otpauthList } from './otpauth-list';
import { proton } from './proton';
import { protonEncrypted } from './proton-encrypted';
import { sqliteDatabase } from './sqlite-database';
import { stratum, stratumEncrypted } from './stratum';
import { tesseraBackup } from './tessera-backup';
import { twoFas } from './two-fas';
import { twoFAuth } from './two-fauth';
import { encryptedDatabase } from './encrypted-database';
import { extractOtpSecrets } from './extract-otp-secrets';
import { zipArchive } from './zip-archive';

/** In the order they are tried: the ones with markers first, the binary andOTP layout last. */
export const IMPORTERS: readonly Importer[] = [
  // Binary files named by their signatures.
  zipArchive,
  sqliteDatabase,
  keePass,
  tesseraBackup,
  aegis,
  twoFas,
  bitwardenEncrypted,
  bitwardenJson,
  freeOtpPlus,
  proton,
  protonEncrypted,
  enteEncrypted,
  lastPassAuthenticator,
  twoFAuth,
  stratum,
  ...ANDROID_IMPORTERS,
  extractOtpSecrets,
  andOtp,
  authenticatorCc,
  bitwardenCsv,
  otpauthList,
  stratumEncrypted,
  encryptedDatabase,
  andOtpEncrypted,
];

export const NOT_RECOGNISED =
  'Tessera does not recognise this file. It reads its own backups and exports of Aegis, 2FAS, 2FAuth, ' +
  'andOTP, Bitwarden, Ente Auth, FreeOTP+, LastPass Authenticator, Proton Authenticator, ' +
  'Stratum (Authenticator Pro), authenticator.cc, Google Authenticator, Raivo, WinAuth, ' +
  'Authenticator Plus, 1Password (1PUX), KeePass (KDBX), the databases of Google Authenticator, ' +
  `Microsoft Authenticator and Stratum, ${ANDROID_APPS}, extract_otp_secrets' JSON, and lists of otpauth:// links.`;

/** Files people pick by mistake, told apart by their first bytes, with what to do instead. */
const NOT_EXPORTS: [magic: string, why: string][] = [
  ['\x89PNG', 'This is a picture. To import a QR code, use "Scan QR code" and choose the picture there.'],
  ['\xFF\xD8\xFF', 'This is a picture. To import a QR code, use "Scan QR code" and choose the picture there.'],
  ['GIF8', 'This is a picture. To import a QR code, use "Scan QR code" and choose the picture there.'],
  ['%PDF', 'This is a PDF document, not an authenticator export.'],
];

function findImporter(bytes: Uint8Array): { importer: Importer; source: ReturnType<typeof readImportSource> } {
  const head = String.fromCharCode(...bytes.subarray(0, 16));
  const mistake = NOT_EXPORTS.find(([magic]) => head.startsWith(magic));
  if (mistake) throw new ImportError('not-recognised', mistake[1]);
  const source = readImportSource(bytes);
  const importer = IMPORTERS.find((candidate) => candidate.matches(source));
  if (!importer) throw new ImportError('not-recognised', NOT_RECOGNISED);
  return { importer, source };
}

export async function importFile(bytes: Uint8Array, password?: string): Promise<ParsedImport> {
  const { importer, source } = findImporter(bytes);
  try {
    return await importer.parse(source, password);
  } catch (error) {
    if (error instanceof ImportError) throw error;
    // A structure the parser did not expect (a number where text should be, ...): damaged.
    const why = error instanceof Error ? error.message : String(error);
    throw new ImportError('malformed', `This ${importer.format} export is damaged (${why}).`, error);
  }
}
