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

const MAX_SLOTS = 16;
const MAX_N = 2 ** 20;

async function decryptDb(vault: Record<string, unknown>, password: string): Promise<unknown> {
  const header = field<Record<string, unknown>>(vault, 'header', 'object', FORMAT);
  const params = field<{ nonce: string; tag: string }>(header, 'params', 'object', FORMAT);
  const slots = field<Slot[]>(header, 'slots', 'array', FORMAT).filter((slot) => slot?.type === 1);
  if (slots.length === 0)
    throw new ImportError(
      'not-recognised',
      'This Aegis export has no password slot (it can only be opened with a fingerprint on the phone).',
    );
  // Aegis writes one or two password slots with N = 2^15, r = 8, p = 1; a file asking for far
  // more would hold the worker for minutes.
  if (slots.length > MAX_SLOTS || slots.some((slot) => !(slot.n <= MAX_N && slot.r <= 32 && slot.p <= 16)))
    throw new ImportError('malformed', 'This Aegis export is damaged: its key settings are beyond any real vault.');
  for (const slot of slots) {
    const key = await scryptKey(password, hexBytes(slot.salt, FORMAT), slot.n, slot.r, slot.p);
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
