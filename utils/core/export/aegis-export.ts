/**
 * An encrypted Aegis vault that Aegis on Android imports: a random master key encrypts the
 * content (db version 3, tags as groups) with AES-256-GCM; one password slot wraps the master key
 * under scrypt(N=32768, r=8, p=1), as Aegis itself does.
 * @see https://github.com/beemdevelopment/Aegis/blob/master/docs/vault.md (Aegis's vault format)
 */
import type { Account } from '../otp/account';
import { toBase64, utf8 } from '../internal/bytes';
import { aesGcmEncrypt, scryptKey, toHex } from '../import/import-crypto';
import { randomBytes } from '../vault/vault-crypto';

const SCRYPT = { n: 32768, r: 8, p: 1 };
const TAG_BYTES = 16;

export interface ExportEntry {
  account: Account;
  tags?: readonly string[];
}

/** GCM output split as Aegis stores it: ciphertext and tag apart. */
async function seal(key: Uint8Array, plaintext: Uint8Array) {
  const nonce = randomBytes(12);
  const sealed = await aesGcmEncrypt(key, nonce, plaintext);
  return {
    nonce,
    ciphertext: sealed.subarray(0, sealed.length - TAG_BYTES),
    tag: sealed.subarray(sealed.length - TAG_BYTES),
  };
}

function aegisDb(entries: readonly ExportEntry[]) {
  const groups = new Map<string, string>();
  for (const tag of entries.flatMap((entry) => entry.tags ?? []))
    if (!groups.has(tag)) groups.set(tag, crypto.randomUUID());
  return {
    version: 3,
    entries: entries.map(({ account, tags = [] }) => ({
      type: account.type,
      uuid: crypto.randomUUID(),
      name: account.label,
      issuer: account.issuer,
      note: '',
      favorite: false,
      icon: null,
      info: {
        secret: account.secret,
        algo: account.algorithm,
        digits: account.digits,
        ...(account.type === 'hotp' ? { counter: account.counter } : { period: account.period }),
      },
      groups: tags.map((tag) => groups.get(tag)!),
    })),
    groups: [...groups].map(([name, uuid]) => ({ uuid, name })),
  };
}

export async function exportAegisEncrypted(entries: readonly ExportEntry[], password: string): Promise<string> {
  const master = randomBytes(32);
  const salt = randomBytes(32);
  const slotKey = await seal(await scryptKey(password, salt, SCRYPT.n, SCRYPT.r, SCRYPT.p), master);
  const db = await seal(master, utf8(JSON.stringify(aegisDb(entries))));
  const vault = {
    version: 1,
    header: {
      slots: [
        {
          type: 1,
          uuid: crypto.randomUUID(),
          key: toHex(slotKey.ciphertext),
          key_params: { nonce: toHex(slotKey.nonce), tag: toHex(slotKey.tag) },
          ...SCRYPT,
          salt: toHex(salt),
          repaired: true,
          is_backup: false,
        },
      ],
      params: { nonce: toHex(db.nonce), tag: toHex(db.tag) },
    },
    db: toBase64(db.ciphertext),
  };
  return `${JSON.stringify(vault, null, 4)}\n`;
}
