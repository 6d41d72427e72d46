/**
 * The unlocked session in storage.session (INTERNALS.md, "The vault"): the data key, when the
 * passphrase was last typed (re-authentication, issue 15), the data key backups under the vault's
 * passphrase get (wrapped under that passphrase at unlock, so no second Argon2id run), and the
 * highest vault generation seen (rollback detection).
 */
import { fromBase64, toBase64 } from '../core/internal/bytes';
import { ServiceError } from '../core/internal/service-error';
import { decodeWrappedKey, encodeWrappedKey, type WrappedKey } from '../core/vault/vault-crypto';
import { checkEpoch, lockEpoch } from './lock-epoch';
import { sessionKeyItem, type SessionVault } from './vault-items';

type Key = Uint8Array<ArrayBuffer>;

/** A data key of the backups' own, and that key wrapped under the vault's passphrase. */
export interface BackupKey {
  key: Key;
  wrapped: WrappedKey;
}

/**
 * The record's read-modify-writes run one at a time: a revision or re-authentication noted
 * beside a passphrase change must not write the old key back over the new one.
 */
let writes: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(task: () => Promise<T>): Promise<T> {
  const run = writes.then(task, task);
  writes = run.catch(() => undefined);
  return run;
}

async function session(): Promise<SessionVault | null> {
  const stored = await sessionKeyItem.getValue();
  // A session from before this record (a plain base64 key) still unlocks; it has no backup key.
  return typeof stored === 'string' ? { key: stored, unlockedAt: 0 } : stored;
}

/** The unlocked data key, or `locked` when there is none in storage.session. */
export async function requireKey(): Promise<Key> {
  const key = await sessionKey();
  if (key === null) throw new ServiceError('locked', 'Tessera is locked.');
  return key;
}

/** The unlocked data key, or null when locked. */
export async function sessionKey(): Promise<Key | null> {
  const stored = await session();
  return stored === null ? null : fromBase64(stored.key);
}

export async function isUnlocked(): Promise<boolean> {
  return (await sessionKeyItem.getValue()) !== null;
}

/** Keeps the data key of a fresh unlock (or create, or passphrase change), noting when. */
export async function keepKey(
  key: Key,
  backup?: BackupKey,
  { unlockedAt = Date.now(), since }: { unlockedAt?: number; since?: number } = {},
): Promise<void> {
  return oneAtATime(async () => {
    const before = await session();
    if (since !== undefined) checkEpoch(since);
    await sessionKeyItem.setValue({
      key: toBase64(key),
      unlockedAt,
      ...(backup ? { backupKey: toBase64(backup.key), backupWrap: toBase64(encodeWrappedKey(backup.wrapped)) } : {}),
      ...(before?.revision !== undefined ? { revision: before.revision } : {}),
    });
  });
}

export async function dropKey(): Promise<void> {
  await sessionKeyItem.removeValue();
}

/** When the passphrase was last typed (unlock, create, change), or 0 when unknown. */
export async function unlockedAt(): Promise<number> {
  return (await session())?.unlockedAt ?? 0;
}

/** The passphrase was just typed again (re-authentication): note when. */
export function noteReauth(at: number, since: number): Promise<void> {
  return oneAtATime(async () => {
    const stored = await session();
    if (stored === null) return;
    checkEpoch(since);
    await sessionKeyItem.setValue({ ...stored, unlockedAt: at });
  });
}

/** The backup data key kept at unlock, or null (a session from before it was kept). */
export async function sessionBackupKey(): Promise<BackupKey | null> {
  const stored = await session();
  if (!stored?.backupKey || !stored.backupWrap) return null;
  return { key: fromBase64(stored.backupKey), wrapped: decodeWrappedKey(fromBase64(stored.backupWrap)) };
}

/** The highest vault generation this session has seen, or undefined. */
export async function seenRevision(): Promise<number | undefined> {
  return (await session())?.revision;
}

/**
 * Remembers `revision` as seen when it is higher than what was; nothing once the vault locked
 * since `since` (the record is gone then, and must stay gone).
 */
export function noteRevision(revision: number, since = lockEpoch()): Promise<void> {
  return oneAtATime(async () => {
    const stored = await session();
    if (stored === null || (stored.revision ?? 0) >= revision) return;
    checkEpoch(since);
    await sessionKeyItem.setValue({ ...stored, revision });
  });
}
