import { fromBase64, toBase64 } from '../core/internal/bytes';
import { ServiceError } from '../core/internal/service-error';
import { sessionKeyItem } from './vault-items';

/** The unlocked data key, or `locked` when there is none in storage.session. */
export async function requireKey(): Promise<Uint8Array<ArrayBuffer>> {
  const key = await sessionKey();
  if (key === null) throw new ServiceError('locked', 'Tessera is locked.');
  return key;
}

/** The unlocked data key, or null when locked. */
export async function sessionKey(): Promise<Uint8Array<ArrayBuffer> | null> {
  const stored = await sessionKeyItem.getValue();
  return stored === null ? null : fromBase64(stored);
}

export async function isUnlocked(): Promise<boolean> {
  return (await sessionKeyItem.getValue()) !== null;
}

export async function keepKey(key: Uint8Array<ArrayBuffer>): Promise<void> {
  await sessionKeyItem.setValue(toBase64(key));
}

export async function dropKey(): Promise<void> {
  await sessionKeyItem.removeValue();
}
