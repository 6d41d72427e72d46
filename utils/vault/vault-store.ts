/**
 * Reads and writes the encrypted vault: two generations (current and previous), every write
 * verified by decrypting it before it replaces the good copy, and all writes in one queue so
 * concurrent updates (two popups, a fill) are applied one after another to the latest contents.
 */
import { bytesEqual, fromBase64, toBase64 } from '../core/internal/bytes';
import { decodeContents, emptyContents, encodeContents, type VaultContents } from '../core/vault/vault-contents';
import {
  newDataKey,
  newKdfParams,
  openVault,
  passphraseWrapper,
  sealVault,
  unlockDataKey,
  wrappedKeyOf,
  type PassphraseWrapper,
  type WrappedKey,
} from '../core/vault/vault-crypto';
import { ServiceError } from '../core/internal/service-error';
import { DEFAULT_KDF, type KdfCost } from '../core/vault/vault-format';
import { removeItems, setItems } from '../background/stored-item';
import { SYNC_HEADER_BYTES } from '../core/sync/sync-header';
import { previousVaultItem, vaultItem } from './vault-items';
import { lockEpoch, sameEpoch } from './lock-epoch';
import { noteRevision, seenRevision, sessionKey, type BackupKey } from './session-key';

type Key = Uint8Array<ArrayBuffer>;

/** A data key just unwrapped (or made) with the passphrase, and the backups' own key wrapped under it. */
export interface Unlocked {
  key: Key;
  backup: BackupKey;
}

async function withBackupKey(key: Key, wrapper: PassphraseWrapper): Promise<Unlocked> {
  const backupKey = newDataKey();
  return { key, backup: { key: backupKey, wrapped: await wrapper.wrap(backupKey) } };
}

/** A generation that decrypted: its stored text and what it holds. */
interface Good {
  blob: string;
  contents: VaultContents;
  revision: number;
  /** True when the current generation was unreadable and this is the previous one. */
  restored: boolean;
  /** True when the stored generation is older than one this session saw: someone put an old copy back. */
  rolledBack: boolean;
  /** The data key it was opened with: a request still holding the key before a rotation must not use it. */
  key: Key;
}

/** Read-only all the way down: what `read` hands out is the cache itself, not a copy. */
export type Frozen<T> = { readonly [K in keyof T]: T[K] extends object ? Frozen<T[K]> : T[K] };

export interface VaultRead {
  contents: Frozen<VaultContents>;
  revision: number;
  restored: boolean;
  rolledBack: boolean;
}

/**
 * What sync (utils/sync/sync-service.ts) adds to every write of contents that carry `sync`
 * bookkeeping: `stamp` records what changed (core/sync's stampChanges) before the write is sealed,
 * and `written` schedules the debounced upload after it is stored. Set once at start-up.
 */
export interface SyncHooks {
  stamp(before: Frozen<VaultContents>, after: VaultContents): Promise<void>;
  written(): void;
}

export function createVaultStore({ kdfCost = DEFAULT_KDF }: { kdfCost?: KdfCost } = {}) {
  let cache: Good | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  let syncHooks: SyncHooks | undefined;

  /** Runs `task` after every earlier queued task, whether they succeeded or not. */
  function enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  }

  async function open(blob: string, key: Key, restored: boolean): Promise<Good> {
    const { header, plaintext } = await openVault(decodeStored(blob), key);
    const contents = decodeContents(plaintext);
    return { blob, contents, revision: header.revision, restored, rolledBack: false, key };
  }

  /**
   * A generation read from storage (not written by this worker) is checked against the highest
   * this session saw (session-key.ts): lower means an old copy was put back (issue 15, rollback).
   */
  async function checkRollback(good: Good, since: number): Promise<Good> {
    const seen = await seenRevision();
    if (!good.restored && seen !== undefined && good.revision < seen) return { ...good, rolledBack: true };
    await noteRevision(good.revision, since);
    return good;
  }

  /**
   * The newest generation that decrypts. Writes (`fresh`) always compare the cache with storage
   * first: a revision check on top of the queue. Reads trust the cache, which only this worker's
   * own writes change; a change from anywhere else drops it (see the storage listener below).
   */
  async function readGood(key: Key, fresh = false, attempt = 0): Promise<Good> {
    // Lock means gone: a read that began before a lock must not fill the cache after it.
    const since = lockEpoch();
    const cached = cache && bytesEqual(cache.key, key) ? cache : undefined;
    if (cached && !fresh) return cached;
    const current = await vaultItem.getValue();
    if (current === null) throw new ServiceError('no-vault', 'There is no vault yet.');
    if (cached && cached.blob === current) return cached;
    let good: Good;
    try {
      good = await open(current, key, false);
    } catch (error) {
      const previous = await previousVaultItem.getValue();
      if (!(error instanceof ServiceError) || error.code !== 'vault-damaged' || previous === null) throw error;
      good = await open(previous, key, true).catch(() => {
        throw new ServiceError('vault-damaged', "Tessera's vault is damaged and no earlier copy could be read.");
      });
    }
    // A write landed while this read decrypted: what it read is stale, not rolled back, and
    // must not replace the newer copy in the cache. Read again (a few times at most).
    if (attempt < 3 && (await vaultItem.getValue()) !== current) return readGood(key, fresh, attempt + 1);
    good = await checkRollback(good, since);
    if (await keepsKey(key, since)) cache = good;
    return good;
  }

  /**
   * Whether the decrypted copy may be kept: the session still holds `key` (a request that got its
   * key before a lock, queued behind it, must not refill the cache) and no lock came since `since`.
   */
  async function keepsKey(key: Key, since: number): Promise<boolean> {
    const held = await sessionKey();
    return held !== null && bytesEqual(held, key) && sameEpoch(since);
  }

  async function seal(contents: VaultContents, key: Key, wrapped: WrappedKey, revision: number): Promise<string> {
    const plaintext = encodeContents(contents);
    const blob = await sealVault(plaintext, key, wrapped, revision);
    // Verify before it can replace anything: the bytes we store must decrypt to what we meant.
    if (!bytesEqual((await openVault(blob, key)).plaintext, plaintext)) {
      throw new ServiceError('vault-damaged', 'A write could not be verified; nothing was changed.');
    }
    return toBase64(blob);
  }

  /** Stores a verified generation, keeping `previous`; reads it back before trusting it. */
  async function commit(
    blob: string,
    previous: string | null,
    contents: VaultContents,
    revision: number,
    key: Key,
  ): Promise<void> {
    const since = lockEpoch();
    try {
      await setItems([
        { item: vaultItem, value: blob },
        { item: previousVaultItem, value: previous },
      ]);
    } catch (error) {
      if (/quota/i.test(String(error)))
        throw new ServiceError('storage-full', "The browser's storage for Tessera is full; nothing was changed.");
      throw error;
    }
    if ((await vaultItem.getValue()) !== blob) {
      if (previous !== null) await vaultItem.setValue(previous);
      throw new ServiceError(
        'vault-damaged',
        'The browser did not store the vault as written; the previous copy was kept.',
      );
    }
    // The write itself stands (it is encrypted); the decrypted copy is kept only while still unlocked.
    await noteRevision(revision, since).catch(() => undefined);
    if (await keepsKey(key, since)) cache = { blob, contents, revision, restored: false, rolledBack: false, key };
  }

  vaultItem.watch((value) => {
    if (cache && value !== cache.blob) cache = undefined;
  });

  async function exists(): Promise<boolean> {
    // The cache is dropped whenever the stored vault changes, so while it is here the vault is too.
    return cache !== undefined || (await vaultItem.getValue()) !== null;
  }

  /** Derives the passphrase key and unwraps the data key; a damaged current header falls back to the previous one. */
  async function unlockWrapper(passphrase: string): Promise<{ dataKey: Key; wrapper: PassphraseWrapper }> {
    const current = await vaultItem.getValue();
    if (current === null) throw new ServiceError('no-vault', 'There is no vault yet.');
    try {
      return await unlockDataKey(decodeStored(current), passphrase);
    } catch (error) {
      const previous = await previousVaultItem.getValue();
      if (!(error instanceof ServiceError) || error.code !== 'vault-damaged' || previous === null) throw error;
      return unlockDataKey(decodeStored(previous), passphrase);
    }
  }

  /**
   * Derives the passphrase key and unwraps the data key; a damaged current header falls back to
   * the previous one. Also makes the key that backups under this passphrase get (their own).
   */
  async function unlock(passphrase: string): Promise<Unlocked> {
    const { dataKey, wrapper } = await unlockWrapper(passphrase);
    return withBackupKey(dataKey, wrapper);
  }

  /** The passphrase is the vault's: it unwraps `key`. */
  async function checkPassphrase(key: Key, passphrase: string): Promise<PassphraseWrapper> {
    const { dataKey, wrapper } = await unlockWrapper(passphrase);
    if (!bytesEqual(dataKey, key)) throw new ServiceError('wrong-passphrase', 'That passphrase is not right.');
    return wrapper;
  }

  /** Seals `contents` under `key` and `wrapped` as both generations (a new vault, or a re-key). */
  async function replaceAll(contents: VaultContents, key: Key, wrapped: WrappedKey, revision: number): Promise<void> {
    const previous = await seal(contents, key, wrapped, revision - 1);
    await commit(await seal(contents, key, wrapped, revision), previous, contents, revision, key);
  }

  return {
    exists,
    unlock,
    checkPassphrase,

    /** Sync's hooks into every write of contents (see SyncHooks). */
    setSyncHooks(hooks: SyncHooks): void {
      syncHooks = hooks;
    },

    /** The stored vault's key header (magic up to the wrapped key), which `t.h` carries; null without a vault. */
    async headerBytes(): Promise<Uint8Array<ArrayBuffer> | null> {
      const current = await vaultItem.getValue();
      return current === null ? null : decodeStored(current).slice(0, SYNC_HEADER_BYTES);
    },

    /**
     * Creates the local vault under a key and wrapping another device made (joining a synced
     * vault, issue 17): the same passphrase then opens both, and the header stays byte-equal.
     */
    adopt(key: Key, wrapped: WrappedKey, wrapper: PassphraseWrapper, contents: VaultContents): Promise<Unlocked> {
      return enqueue(async () => {
        if (await exists()) throw new ServiceError('vault-exists', 'A vault already exists.');
        await replaceAll(contents, key, wrapped, 1);
        return withBackupKey(key, wrapper);
      });
    },

    /**
     * Re-encrypts the vault from `oldKey` under `key` and `wrapped` (another device changed the
     * passphrase, which rotated the synced data key): both generations, as changePassphrase does.
     */
    rekey(oldKey: Key, key: Key, wrapped: WrappedKey, wrapper: PassphraseWrapper): Promise<Unlocked> {
      return enqueue(async () => {
        const base = await readGood(oldKey, true);
        const revision = Math.max(base.revision, (await seenRevision()) ?? 0) + 1;
        await replaceAll(structuredClone(base.contents), key, wrapped, revision);
        return withBackupKey(key, wrapper);
      });
    },

    /** Creates an empty vault and returns its data key. */
    create(passphrase: string): Promise<Unlocked> {
      return enqueue(async () => {
        if (await exists()) throw new ServiceError('vault-exists', 'A vault already exists.');
        const key = newDataKey();
        const contents = emptyContents();
        const wrapper = await passphraseWrapper(passphrase, newKdfParams(kdfCost));
        const blob = await seal(contents, key, await wrapper.wrap(key), 1);
        await commit(blob, null, contents, 1, key);
        return withBackupKey(key, wrapper);
      });
    },

    /** The latest contents, shared with the cache rather than copied: callers only look. */
    async read(key: Key): Promise<VaultRead> {
      const { contents, revision, restored, rolledBack } = await readGood(key);
      return { contents, revision, restored, rolledBack };
    },

    /**
     * Applies `change` to the latest contents, in turn with every other update. While sync is on
     * (`contents.sync`), the change is stamped for the other devices, unless `stamp` is false
     * (sync's own writes: a merge or its bookkeeping, which are no new edit).
     */
    update<T>(key: Key, change: (contents: VaultContents) => T, { stamp = true } = {}): Promise<T> {
      return enqueue(async () => {
        const base = await readGood(key, true);
        const next = structuredClone(base.contents);
        const result = change(next);
        if (stamp && next.sync && syncHooks) await syncHooks.stamp(base.contents, next);
        // After a rollback, continue above the generation this session saw, so the notice ends here.
        const revision = Math.max(base.revision, (await seenRevision()) ?? 0) + 1;
        const blob = await seal(next, key, await wrappedKeyOf(decodeStored(base.blob)), revision);
        await commit(blob, base.blob, next, revision, key);
        if (stamp && next.sync) syncHooks?.written();
        return result;
      });
    },

    /**
     * Rotates the data key: the contents are re-encrypted under a fresh one wrapped by the new
     * passphrase, so an old backup and the old passphrase (which give the old key) open nothing
     * written from now on. Both generations are rewritten, so no copy under the old key or
     * passphrase stays behind. Returns the new key, for the session.
     */
    changePassphrase(key: Key, current: string, next: string): Promise<Unlocked> {
      return enqueue(async () => {
        const base = await readGood(key, true);
        await checkPassphrase(key, current);
        const fresh = newDataKey();
        const wrapper = await passphraseWrapper(next, newKdfParams(kdfCost));
        const wrapped = await wrapper.wrap(fresh);
        const revision = Math.max(base.revision, (await seenRevision()) ?? 0) + 1;
        await replaceAll(structuredClone(base.contents), fresh, wrapped, revision);
        return withBackupKey(fresh, wrapper);
      });
    },

    /**
     * The latest contents sealed for a backup file, never under the vault's data key: under
     * `own` (the backups' key wrapped under the vault's passphrase at unlock, so that passphrase
     * opens it), or, given a string, under a fresh data key wrapped by that passphrase.
     */
    backup(key: Key, under: BackupKey | string): Promise<{ blob: Uint8Array<ArrayBuffer>; contents: VaultContents }> {
      return enqueue(async () => {
        const base = await readGood(key, true);
        const own =
          typeof under === 'string'
            ? await withBackupKey(key, await passphraseWrapper(under, newKdfParams(kdfCost)))
            : { backup: under };
        const blob = await sealVault(encodeContents(base.contents), own.backup.key, own.backup.wrapped, base.revision);
        return { blob, contents: base.contents };
      });
    },

    /** The backups' own key, wrapped under the vault's passphrase (when the session has none). */
    async backupKeyFor(key: Key, passphrase: string): Promise<BackupKey> {
      return (await withBackupKey(key, await checkPassphrase(key, passphrase))).backup;
    },

    /** Deletes both generations. */
    reset(): Promise<void> {
      return enqueue(async () => {
        await removeItems([vaultItem, previousVaultItem]);
        cache = undefined;
      });
    },

    /** Drops the decrypted contents held in memory (on lock). */
    forget(): void {
      cache = undefined;
    },
  };
}

export type VaultStore = ReturnType<typeof createVaultStore>;

function decodeStored(text: string): Uint8Array<ArrayBuffer> {
  return fromBase64(text, () => new ServiceError('vault-damaged', 'The stored vault is not readable.'));
}
