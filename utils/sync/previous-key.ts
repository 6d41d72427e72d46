/**
 * `t.p`: the data key before a passphrase change, encrypted under the new one (AES-256-GCM,
 * WebCrypto), so another device that unlocks with the new passphrase can open its local vault,
 * still under the old key, and re-key it without losing edits it had not synced yet (issue 17).
 * Whoever has the new key had the old one: this gives nobody anything new. The additional data
 * binds both key ids, so the item cannot be moved to another pair of keys.
 */
import { fromBase64, toBase64, utf8 } from '../core/internal/bytes';
import { randomBytes } from '../core/vault/vault-crypto';

type Key = Uint8Array<ArrayBuffer>;

const IV_BYTES = 12;

export interface PreviousKeyItem {
  /** The previous key's id, and the id of the key it is encrypted under. */
  o: string;
  k: string;
  /** base64 of IV | ciphertext | tag. */
  w: string;
}

const additionalData = (oldKeyId: string, newKeyId: string) => utf8(`TSRP|${oldKeyId}|${newKeyId}`);

async function aesKey(raw: Key): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
}

export async function encodePreviousKey(oldKey: Key, oldKeyId: string, newKey: Key, newKeyId: string): Promise<string> {
  const iv = randomBytes(IV_BYTES);
  const sealed = new Uint8Array(
    await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: additionalData(oldKeyId, newKeyId) },
      await aesKey(newKey),
      oldKey,
    ),
  );
  const bytes = new Uint8Array(iv.length + sealed.length);
  bytes.set(iv);
  bytes.set(sealed, iv.length);
  return JSON.stringify({ o: oldKeyId, k: newKeyId, w: toBase64(bytes) } satisfies PreviousKeyItem);
}

/** The old key when `value` takes `oldKeyId` to `newKeyId` and opens under `newKey`; else null. */
export async function decodePreviousKey(
  value: unknown,
  oldKeyId: string,
  newKey: Key,
  newKeyId: string,
): Promise<Key | null> {
  try {
    const item = JSON.parse(String(value)) as Partial<PreviousKeyItem>;
    if (item.o !== oldKeyId || item.k !== newKeyId || typeof item.w !== 'string') return null;
    const bytes = fromBase64(item.w);
    return new Uint8Array(
      await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: bytes.slice(0, IV_BYTES), additionalData: additionalData(oldKeyId, newKeyId) },
        await aesKey(newKey),
        bytes.slice(IV_BYTES),
      ),
    );
  } catch {
    return null;
  }
}
