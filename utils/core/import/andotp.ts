/**
 * andOTP backups. Plain: a JSON array of entries with padded base32 secrets.
 * Encrypted (`.json.aes`), two layouts without a marker: the current one
 * `iterations(u32 BE)‖salt(12)‖nonce(12)‖ciphertext‖tag` with PBKDF2-SHA1, and the old one
 * `nonce(12)‖ciphertext‖tag` keyed by SHA-256(password), whose labels read "Issuer - Issuer:name".
 * Both are AES-256-GCM; the current layout is tried first.
 * @see https://github.com/andOTP/andOTP (its backup code)
 */
import { ImportError } from './import-error';
import { collectAccounts, entryAccount, entryName, type ParsedImport } from './imported';
import { aesGcmDecrypt, decryptedJson, pbkdf2, sha256, wrongPassword } from './import-crypto';
import { requirePassword, type Importer, type ImportSource } from './import-source';

const FORMAT = 'andOTP';
const GCM_TAG = 16;
/**
 * andOTP writes a random count from 140,000 to 160,000 (its Constants.java,
 * PBKDF2_MIN/MAX_BACKUP_ITERATIONS; andotp_encrypted.bin in ../shared has 145,776). Counts from
 * 1,000 to 4x andOTP's most are tried as this layout; any other is not one andOTP wrote, so the
 * file is read as the old layout, which costs one SHA-256: a hostile count never runs PBKDF2.
 */
export const ANDOTP_ITERATIONS = { min: 1_000, max: 4 * 160_000 } as const;

interface AndOtpEntry {
  secret?: string;
  issuer?: string;
  label?: string;
  digits?: number;
  type?: string;
  algorithm?: string;
  period?: number;
  counter?: number;
  tags?: string[];
}

function isEntryList(json: unknown): json is AndOtpEntry[] {
  return (
    Array.isArray(json) &&
    json.length > 0 &&
    json.every((entry) => typeof entry === 'object' && entry !== null && 'secret' in entry && 'type' in entry)
  );
}

function entries(list: AndOtpEntry[]): ParsedImport {
  return collectAccounts(
    FORMAT,
    list,
    (entry) => {
      // The old layout has no issuer: its labels read "Issuer - Issuer:name".
      const old = entry.issuer === undefined ? /^(.+?) - (.*)$/.exec(entry.label ?? '') : null;
      return {
        account: entryAccount({
          ...entry,
          secret: entry.secret,
          issuer: old ? old[1] : entry.issuer,
          label: old ? old[2] : entry.label,
        }),
        tags: entry.tags ?? [],
      };
    },
    (entry) => entryName(entry.issuer, entry.label),
  );
}

async function decrypt(bytes: Uint8Array, password: string): Promise<unknown> {
  const rounds = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0);
  const current = rounds >= ANDOTP_ITERATIONS.min && rounds <= ANDOTP_ITERATIONS.max;
  if (current && bytes.length > 4 + 12 + 12 + GCM_TAG) {
    const key = await pbkdf2(password, bytes.subarray(4, 16), rounds, 'SHA-1');
    try {
      return decryptedJson(await aesGcmDecrypt(key, bytes.subarray(16, 28), bytes.subarray(28), FORMAT), FORMAT);
    } catch {
      // Perhaps the old layout, whose nonce happens to start like a count.
    }
  }
  try {
    return decryptedJson(
      await aesGcmDecrypt(
        await sha256(new TextEncoder().encode(password)),
        bytes.subarray(0, 12),
        bytes.subarray(12),
        FORMAT,
      ),
      FORMAT,
    );
  } catch (error) {
    // Neither layout opened: say why the current one was not tried, naming the limit.
    if (current || !(error instanceof ImportError)) throw error;
    throw new ImportError(
      'wrong-password',
      `${error.message} Read as a current andOTP backup, its PBKDF2 iteration count would be ` +
        `${rounds.toLocaleString('en-US')}, outside ${ANDOTP_ITERATIONS.min.toLocaleString('en-US')} to ` +
        `${ANDOTP_ITERATIONS.max.toLocaleString('en-US')}, so no key was derived for that layout.`,
    );
  }
}

export const andOtp: Importer = {
  format: FORMAT,
  matches: (source) => isEntryList(source.json),
  parse: async (source) => entries(source.json as AndOtpEntry[]),
};

/** Encrypted andOTP files have no marker: this is the last format tried for a file that is not text. */
export const andOtpEncrypted: Importer = {
  format: `${FORMAT} (encrypted)`,
  matches: (source: ImportSource) => source.text === undefined && source.bytes.length > 12 + GCM_TAG,
  async parse(source, password) {
    const json = await decrypt(source.bytes, requirePassword(password, FORMAT));
    if (!isEntryList(json)) {
      if (Array.isArray(json) && json.length === 0)
        throw new ImportError('empty', 'This andOTP export holds no accounts.');
      throw wrongPassword(FORMAT);
    }
    return { ...entries(json), format: FORMAT };
  },
};
