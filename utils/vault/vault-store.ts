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
  sealVault,
  unwrapDataKey,
  wrapDataKey,
  wrappedKeyOf,
  type WrappedKey,
} from '../core/vault/vault-crypto';
import { ServiceError } from '../core/internal/service-error';
import { DEFAULT_KDF, type KdfCost } from '../core/vault/vault-format';
import { storage } from 'wxt/utils/storage';
import { previousVaultItem, vaultItem } from './vault-items';

type Key = Uint8Array<ArrayBuffer>;

/** A generation that decrypted: its stored text and what it holds. */
interface Good {
  blob: string;
  contents: VaultContents;
  revision: number;
  /** True when the current generation was unreadable and this is the previous one. */
  restored: boolean;
}

/** Read-only all the way down: what `read` hands out is the cache itself, not a copy. */
export type Frozen<T> = { readonly [K in keyof T]: T[K] extends object ? Frozen<T[K]> : T[K] };

export interface VaultRead {
  contents: Frozen<VaultContents>;
  revision: number;
  restored: boolean;
}

export function createVaultStore({ kdfCost = DEFAULT_KDF }: { kdfCost?: KdfCost } = {}) {
  let cache: Good | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  /** Runs `task` after every earlier queued task, whether they succeeded or not. */
  function enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  }

  async function open(blob: string, key: Key, restored: boolean): Promise<Good> {
    const { header, plaintext } = await openVault(decodeStored(blob), key);
    return { blob, contents: decodeContents(plaintext), revision: header.revision, restored };
  }

  /**
   * The newest generation that decrypts. Writes (`fresh`) always compare the cache with storage
   * first: a revision check on top of the queue. Reads trust the cache, which only this worker's
   * own writes change; a change from anywhere else drops it (see the storage listener below).
   */
  async function readGood(key: Key, fresh = false): Promise<Good> {
    if (cache && !fresh) return cache;
    const current = await vaultItem.getValue();
    if (current === null) throw new ServiceError('no-vault', 'There is no vault yet.');
    if (cache && cache.blob === current) return cache;
    try {
      cache = await open(current, key, false);
    } catch (error) {
      const previous = await previousVaultItem.getValue();
      if (!(error instanceof ServiceError) || error.code !== 'vault-damaged' || previous === null) throw error;
      cache = await open(previous, key, true).catch(() => {
        throw new ServiceError('vault-damaged', "Tessera's vault is damaged and no earlier copy could be read.");
      });
    }
    return cache;
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
  ): Promise<void> {
    try {
      await storage.setItems([
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
    cache = { blob, contents, revision, restored: false };
  }

  vaultItem.watch((value) => {
    if (cache && value !== cache.blob) cache = undefined;
  });

  async function exists(): Promise<boolean> {
    // The cache is dropped whenever the stored vault changes, so while it is here the vault is too.
    return cache !== undefined || (await vaultItem.getValue()) !== null;
  }

  /** Derives the passphrase key and unwraps the data key; a damaged current header falls back to the previous one. */
  async function unlock(passphrase: string): Promise<Key> {
    const current = await vaultItem.getValue();
    if (current === null) throw new ServiceError('no-vault', 'There is no vault yet.');
    try {
      return await unwrapDataKey(decodeStored(current), passphrase);
    } catch (error) {
      const previous = await previousVaultItem.getValue();
      if (!(error instanceof ServiceError) || error.code !== 'vault-damaged' || previous === null) throw error;
      return unwrapDataKey(decodeStored(previous), passphrase);
    }
  }

  return {
    exists,
    unlock,

    /** Creates an empty vault and returns its data key. */
    create(passphrase: string): Promise<Key> {
      return enqueue(async () => {
        if (await exists()) throw new ServiceError('vault-exists', 'A vault already exists.');
        const key = newDataKey();
        const contents = emptyContents();
        const blob = await seal(contents, key, await wrapDataKey(key, passphrase, newKdfParams(kdfCost)), 1);
        await commit(blob, null, contents, 1);
        return key;
      });
    },

    /** Whether the previous generation is in use because the newest is unreadable. */
    async isRestored(key: Key): Promise<boolean> {
      return (await readGood(key)).restored;
    },

    /** The latest contents, shared with the cache rather than copied: callers only look. */
    async read(key: Key): Promise<VaultRead> {
      const { contents, revision, restored } = await readGood(key);
      return { contents, revision, restored };
    },

    /** Applies `change` to the latest contents, in turn with every other update. */
    update<T>(key: Key, change: (contents: VaultContents) => T): Promise<T> {
      return enqueue(async () => {
        const base = await readGood(key, true);
        const next = structuredClone(base.contents);
        const result = change(next);
        const blob = await seal(next, key, await wrappedKeyOf(decodeStored(base.blob)), base.revision + 1);
        await commit(blob, base.blob, next, base.revision + 1);
        return result;
      });
    },

    /**
     * Re-wraps the data key under a new passphrase. Both generations are rewritten, so no copy
     * wrapped under the old passphrase stays behind.
     */
    changePassphrase(key: Key, current: string, next: string): Promise<void> {
      return enqueue(async () => {
        const base = await readGood(key, true);
        if (!bytesEqual(await unlock(current), key))
          throw new ServiceError('wrong-passphrase', 'That passphrase is not right.');
        const wrapped = await wrapDataKey(key, next, newKdfParams(kdfCost));
        const previous = await seal(base.contents, key, wrapped, base.revision);
        await commit(
          await seal(base.contents, key, wrapped, base.revision + 1),
          previous,
          base.contents,
          base.revision + 1,
        );
      });
    },

    /**
     * The latest contents sealed for a backup file: under the vault's own wrapped key (its
     * passphrase opens it), or, given `passphrase`, under a fresh data key wrapped by that.
     */
    backup(key: Key, passphrase?: string): Promise<{ blob: Uint8Array<ArrayBuffer>; contents: VaultContents }> {
      return enqueue(async () => {
        const base = await readGood(key, true);
        if (passphrase === undefined)
          return {
            blob: await sealVault(
              encodeContents(base.contents),
              key,
              await wrappedKeyOf(decodeStored(base.blob)),
              base.revision,
            ),
            contents: base.contents,
          };
        const backupKey = newDataKey();
        const wrapped = await wrapDataKey(backupKey, passphrase, newKdfParams(kdfCost));
        return { blob: await sealVault(encodeContents(base.contents), backupKey, wrapped, 1), contents: base.contents };
      });
    },

    /** Deletes both generations. */
    reset(): Promise<void> {
      return enqueue(async () => {
        await storage.removeItems([vaultItem, previousVaultItem]);
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
