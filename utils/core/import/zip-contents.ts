/**
 * ZIP archives, named by what they hold (the names of their files are readable without a
 * password): Raivo's export (`raivo-otp-export.json`, password-protected), 1Password's `.1pux`
 * (`export.data`), Authenticator Plus's "Export as Text and HTML" (`Accounts.txt`, encrypted with
 * the master password) and WinAuth's zip export (one `.txt` of otpauth:// links, optionally with a
 * password). Any other archive is named by its files. ZipCrypto and WinZip AES are both read, by
 * zip.js. The only module that loads zip.js: zip-archive.ts imports it on first use, so a starting
 * worker does not evaluate zip.js (issue 19; the bundler inlines the import as a function run then).
 * @see https://support.1password.com/1pux-format/
 * @see https://github.com/winauth/winauth, WinAuth/WinAuthHelper.cs (ExportAuthenticators)
 * @see https://github.com/beemdevelopment/Aegis/blob/master/docs/faq.md ("Authenticator Plus")
 */
import {
  configure,
  ERR_ENCRYPTED,
  ERR_INVALID_PASSWORD,
  Uint8ArrayReader,
  ZipReader,
  type FileEntry,
} from '@zip.js/zip.js/lib/zip-core-native.js';
import { concatBytes } from '../internal/bytes';
import { ImportError } from './import-error';
import type { ParsedImport } from './imported';
import { MAX_IMPORT_BYTES, readImportSource, requirePassword, type ImportSource } from './import-source';
import { wrongPassword } from './import-crypto';
import { ONE_PASSWORD, ONE_PASSWORD_FILE, onePasswordAccounts } from './one-password';
import { otpauthList } from './otpauth-list';
import { RAIVO, RAIVO_FILE, raivoAccounts } from './raivo';

// Run in the helper's own Worker: decompress and decrypt in its thread, starting no more workers.
configure({ useWebWorkers: false });

/** One app's export inside an archive: which file holds it, and how that file is read. */
interface ArchivedExport {
  format: string;
  find(files: FileEntry[]): FileEntry | undefined;
  read(content: Uint8Array): Promise<ParsedImport>;
}

const baseName = (entry: FileEntry) => entry.filename.replace(/^.*\//, '').toLowerCase();
const named = (name: string) => (files: FileEntry[]) => files.find((entry) => baseName(entry) === name);
const decodeText = (bytes: Uint8Array) => new TextDecoder().decode(bytes).replace(/^\uFEFF/, '');

async function uriList(format: string, content: Uint8Array): Promise<ParsedImport> {
  const source = readImportSource(content);
  if (!otpauthList.matches(source))
    throw new ImportError('malformed', `This ${format} export is damaged: its text file holds no otpauth:// links.`);
  return { ...(await otpauthList.parse(source)), format };
}

const ARCHIVED: ArchivedExport[] = [
  { format: RAIVO, find: named(RAIVO_FILE), read: async (content) => raivoAccounts(decodeText(content)) },
  {
    format: ONE_PASSWORD,
    find: named(ONE_PASSWORD_FILE),
    read: async (content) => onePasswordAccounts(decodeText(content)),
  },
  {
    format: 'Authenticator Plus',
    find: named('accounts.txt'),
    read: (content) => uriList('Authenticator Plus', content),
  },
  // WinAuth writes one text file named after the archive.
  {
    format: 'WinAuth',
    find: (files) => (files.length === 1 && baseName(files[0]!).endsWith('.txt') ? files[0] : undefined),
    read: (content) => uriList('WinAuth', content),
  },
];

/** An entry's content, refusing to inflate more than an import may hold (a ZIP bomb). */
async function entryBytes(entry: FileEntry, format: string, password: string | undefined): Promise<Uint8Array> {
  const tooLarge = new ImportError(
    'malformed',
    `This ${format} export is over 10 MB unpacked: no authenticator export is that large.`,
  );
  if (entry.uncompressedSize > MAX_IMPORT_BYTES) throw tooLarge;
  const chunks: Uint8Array[] = [];
  let size = 0;
  const sink = new WritableStream<Uint8Array>({
    write(chunk) {
      size += chunk.length;
      // The sizes in the archive can lie: stop inflating once it is past what they said.
      if (size > MAX_IMPORT_BYTES) throw tooLarge;
      chunks.push(chunk);
    },
  });
  try {
    await entry.getData(sink, entry.encrypted ? { password } : {});
  } catch (error) {
    if (size > MAX_IMPORT_BYTES) throw tooLarge;
    const message = (error as Error).message;
    if (message === ERR_ENCRYPTED) requirePassword(undefined, format);
    // ZipCrypto checks one byte of the key, AES two: a wrong password can also get past the
    // check and fail later as bad data. Either way, for an encrypted file it is the password.
    if (entry.encrypted || message === ERR_INVALID_PASSWORD) throw wrongPassword(format);
    throw new ImportError('malformed', `This ${format} export is damaged (${message}).`);
  }
  return concatBytes(...chunks);
}

async function listFiles(bytes: Uint8Array): Promise<FileEntry[]> {
  try {
    const entries = await new ZipReader(new Uint8ArrayReader(bytes)).getEntries();
    return entries.filter((entry): entry is FileEntry => !entry.directory);
  } catch (error) {
    throw new ImportError('malformed', `This ZIP archive is damaged (${(error as Error).message}).`);
  }
}

/** The export a ZIP archive holds (zip-archive.ts has recognised the archive by its signature). */
export async function readZipArchive(source: ImportSource, password: string | undefined): Promise<ParsedImport> {
  const files = await listFiles(source.bytes);
  for (const archived of ARCHIVED) {
    const entry = archived.find(files);
    if (!entry) continue;
    if (entry.encrypted) requirePassword(password, archived.format);
    return archived.read(await entryBytes(entry, archived.format, password));
  }
  const names = files.slice(0, 5).map((entry) => entry.filename);
  const holds = names.length
    ? `it holds ${names.join(', ')}${files.length > names.length ? ', …' : ''}`
    : 'it is empty';
  throw new ImportError(
    'not-recognised',
    `This ZIP archive is not an export Tessera reads (${holds}). ` +
      'If it holds an export, unpack it and import that file.',
  );
}
