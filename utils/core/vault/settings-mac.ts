/**
 * The settings that weaken protection (auto-lock off, clipboard clearing off) are stored with an
 * HMAC-SHA-256 (WebCrypto) under a key derived from the vault's data key with HKDF-SHA-256
 * (RFC 5869; its own `info`, so the data key is never used for two jobs). Whoever can write
 * storage.local but has no data key cannot turn them off: a setting whose MAC does not verify is
 * ignored in favour of the safe default (issue 15, "Settings and rollback").
 */
import { fromBase64, toBase64, utf8 } from '../internal/bytes';
import { DEFAULT_SETTINGS, type Settings } from './settings';

const subtle = globalThis.crypto.subtle;
const INFO = utf8('tessera settings mac v1');

/** Whether `settings` turn off a protection: only these need the MAC. */
export function weakens(settings: Pick<Settings, 'autoLockMinutes' | 'clearClipboard'>): boolean {
  return settings.autoLockMinutes === 0 || settings.clearClipboard === false;
}

/** The protections back at their defaults, everything else as it was. */
export function safeSettings(settings: Settings): Settings {
  return {
    ...settings,
    autoLockMinutes: settings.autoLockMinutes === 0 ? DEFAULT_SETTINGS.autoLockMinutes : settings.autoLockMinutes,
    clearClipboard: settings.clearClipboard || DEFAULT_SETTINGS.clearClipboard,
  };
}

async function macKey(dataKey: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  const base = await subtle.importKey('raw', dataKey, 'HKDF', false, ['deriveKey']);
  return subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(32), info: INFO },
    base,
    { name: 'HMAC', hash: 'SHA-256', length: 256 },
    false,
    ['sign', 'verify'],
  );
}

/** What the MAC covers: the protected fields, in a fixed order. */
function covered(settings: Pick<Settings, 'autoLockMinutes' | 'clearClipboard'>): Uint8Array<ArrayBuffer> {
  return utf8(JSON.stringify([settings.autoLockMinutes, settings.clearClipboard]));
}

/** The MAC (base64) of the protected fields under the data key. */
export async function signSettings(settings: Settings, dataKey: Uint8Array<ArrayBuffer>): Promise<string> {
  return toBase64(new Uint8Array(await subtle.sign('HMAC', await macKey(dataKey), covered(settings))));
}

/** Whether `mac` is the MAC of the protected fields under the data key. */
export async function verifySettings(
  settings: Settings,
  mac: string | undefined,
  dataKey: Uint8Array<ArrayBuffer>,
): Promise<boolean> {
  if (typeof mac !== 'string') return false;
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = fromBase64(mac);
  } catch {
    return false;
  }
  return subtle.verify('HMAC', await macKey(dataKey), bytes, covered(settings)).catch(() => false);
}
