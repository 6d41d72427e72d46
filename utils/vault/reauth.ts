/**
 * Re-authenticate before secrets leave (issue 15): a plain or Aegis or Google export, a backup,
 * and an account's QR code need the vault passphrase in the request (`vaultPassphrase`), or an
 * unlock (or passphrase typed) within the last REAUTH_MS. Someone at an unlocked browser for a
 * minute can see codes, but cannot carry the secrets away without the passphrase.
 */
import { ServiceError } from '../core/internal/service-error';
import { optionalField } from '../messaging/message-router';
import { noteReauth, requireKey, unlockedAt } from './session-key';
import type { VaultStore } from './vault-store';
import { lockEpoch } from './lock-epoch';

export const REAUTH_MS = 60_000;

/**
 * The data key, once the passphrase was proven fresh.
 * @throws {ServiceError} `reauth-required` without a fresh proof; `wrong-passphrase` as at unlock.
 */
export async function requireFreshAuth(
  store: Pick<VaultStore, 'checkPassphrase'>,
  payload: unknown,
  now: () => number = Date.now,
): Promise<Uint8Array<ArrayBuffer>> {
  const key = await requireKey();
  const since = lockEpoch();
  const passphrase = optionalField<string>(payload, 'vaultPassphrase', 'string');
  if (passphrase) {
    await store.checkPassphrase(key, passphrase);
    await noteReauth(now(), since);
    return key;
  }
  const at = await unlockedAt();
  if (now() - at <= REAUTH_MS && at <= now()) return key;
  throw new ServiceError('reauth-required', 'Type the vault passphrase to let secrets leave Tessera.');
}
