/**
 * Aegis vault exports: `{version: 1, header, db}`. Plain: `db` is the content. Encrypted: a
 * password slot's scrypt key opens the master key (AES-GCM), which opens `db` (AES-GCM, tag kept
 * in `header.params`). Content versions 1-3: version 2 has one group name per entry, version 3 a
 * list of group ids named in `groups`; groups become tags.
 * @see https://github.com/beemdevelopment/Aegis/blob/master/docs/vault.md (Aegis's vault format)
 */
import { concatBytes, fromBase64 } from '../internal/bytes';
import { ImportError } from './import-error';
import { collectAccounts, entryAccount, entryName, field } from './imported';
import { aesGcmDecrypt, decryptedJson, hexBytes, scryptKey, wrongPassword } from './import-crypto';
import { jsonObject, requirePassword, type Importer } from './import-source';
import { kdfSetting, tooCostly } from './kdf-limit';

const FORMAT = 'Aegis';

interface AegisEntry {
  type?: string;
  name?: string;
  issuer?: string;
  group?: string | null;
  groups?: string[];
  info?: { secret?: string; algo?: string; digits?: number; period?: number; counter?: number };
}

interface Slot {
  type: number;
  key: string;
  key_params: { nonce: string; tag: string };
  n: number;
  r: number;
  p: number;
  salt: string;
}

/**
 * Aegis derives every password slot's key with scrypt N = 2^15, r = 8, p = 1, 32 MiB (its
 * CryptoUtils.java, CRYPTO_SCRYPT_N/r/p; aegis_encrypted.json in ../shared has one such slot).
 * The limits (issue 15) keep a wide margin on each setting, and N x r x p, the work and memory
 * (128 N r bytes) one slot costs, at most 4x Aegis's; a wrong password tries every slot, hence
 * at most 8.
 */
export const AEGIS_LIMITS = { slots: 8, n: 2 ** 20, r: 32, p: 16, work: 4 * 2 ** 15 * 8 } as const;

/** A slot's scrypt settings, checked before deriving: Aegis's own, or a refusal naming the setting. */
export function aegisScrypt(slot: Partial<Slot>): { n: number; r: number; p: number } {
  const n = kdfSetting(FORMAT, 'scrypt N', slot.n, AEGIS_LIMITS.n, 2);
  // scrypt's N is a power of two (RFC 7914, section 2).
  if ((n & (n - 1)) !== 0)
    throw new ImportError('malformed', `This ${FORMAT} export is damaged: its scrypt N is ${n}, not a power of two.`);
  const r = kdfSetting(FORMAT, 'scrypt r', slot.r, AEGIS_LIMITS.r);
  const p = kdfSetting(FORMAT, 'scrypt p', slot.p, AEGIS_LIMITS.p);
  if (n * r * p > AEGIS_LIMITS.work) throw tooCostly(FORMAT, 'scrypt N x r x p', n * r * p, AEGIS_LIMITS.work);
  return { n, r, p };
}

async function decryptDb(vault: Record<string, unknown>, password: string): Promise<unknown> {
  const header = field<Record<string, unknown>>(vault, 'header', 'object', FORMAT);
  const params = field<{ nonce: string; tag: string }>(header, 'params', 'object', FORMAT);
  const slots = field<Slot[]>(header, 'slots', 'array', FORMAT).filter((slot) => slot?.type === 1);
  if (slots.length === 0)
    throw new ImportError(
      'not-recognised',
      'This Aegis export has no password slot (it can only be opened with a fingerprint on the phone).',
    );
  // Every slot is checked before the first is derived: a wrong password tries them all.
  if (slots.length > AEGIS_LIMITS.slots)
    throw tooCostly(FORMAT, 'number of password slots', slots.length, AEGIS_LIMITS.slots);
  const settings = slots.map(aegisScrypt);
  for (const [i, slot] of slots.entries()) {
    const { n, r, p } = settings[i]!;
    const key = await scryptKey(password, hexBytes(slot.salt, FORMAT), n, r, p);
    let master: Uint8Array;
    try {
      master = await aesGcmDecrypt(
        key,
        hexBytes(slot.key_params?.nonce, FORMAT),
        concatBytes(hexBytes(slot.key, FORMAT), hexBytes(slot.key_params?.tag, FORMAT)),
        FORMAT,
      );
    } catch {
      continue; // another slot may take this password
    }
    const data = fromBase64(
      field<string>(vault, 'db', 'string', FORMAT),
      () => new ImportError('malformed', 'This Aegis export is damaged: its data is not base64.'),
    );
    return decryptedJson(
      await aesGcmDecrypt(
        master,
        hexBytes(params.nonce, FORMAT),
        concatBytes(data, hexBytes(params.tag, FORMAT)),
        FORMAT,
      ),
      FORMAT,
    );
  }
  throw wrongPassword(FORMAT);
}

export const aegis: Importer = {
  format: FORMAT,
  matches: (source) => {
    const vault = jsonObject(source);
    return vault !== undefined && vault.version === 1 && typeof vault.header === 'object' && 'db' in vault;
  },
  async parse(source, password) {
    const vault = jsonObject(source)!;
    const db = typeof vault.db === 'string' ? await decryptDb(vault, requirePassword(password, FORMAT)) : vault.db;
    const version = field<number>(db, 'version', 'number', FORMAT);
    if (version < 1 || version > 3)
      throw new ImportError(
        'not-recognised',
        `This Aegis export's content is version ${version}; Tessera reads versions 1 to 3.`,
      );
    const entries = field<AegisEntry[]>(db, 'entries', 'array', FORMAT);
    const groups = new Map(
      (version >= 3 ? ((db as { groups?: { uuid: string; name: string }[] }).groups ?? []) : []).map((group) => [
        group.uuid,
        group.name,
      ]),
    );
    return collectAccounts(
      FORMAT,
      entries,
      (entry) => ({
        account: entryAccount({
          type: entry.type,
          issuer: entry.issuer,
          label: entry.name,
          secret: entry.info?.secret,
          algorithm: entry.info?.algo,
          digits: entry.info?.digits,
          period: entry.info?.period,
          counter: entry.info?.counter,
        }),
        tags:
          version === 2
            ? entry.group
              ? [entry.group]
              : []
            : (entry.groups ?? []).flatMap((id) => groups.get(id) ?? []),
      }),
      (entry) => entryName(entry.issuer, entry.name),
    );
  },
};
