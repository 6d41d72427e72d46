/**
 * Where the vault lives. Only the background reads or writes these: one item per key, and nothing
 * else calls browser.storage (INTERNALS.md, "Storage keys", lists every item).
 */
import { defineItem } from '../background/stored-item';

/** The encrypted vault, current generation: base64 of the bytes in utils/core/vault/vault-format.ts. */
export const vaultItem = defineItem<string>('local:vault');

/** The generation before the last write, kept so a damaged write never loses the vault. */
export const previousVaultItem = defineItem<string>('local:vaultPrevious');

/** The unlocked session (utils/vault/session-key.ts); keys are base64. */
export interface SessionVault {
  key: string;
  /** When the passphrase was last typed (ms since the epoch). */
  unlockedAt: number;
  backupKey?: string;
  backupWrap?: string;
  /** The highest vault generation seen this session. */
  revision?: number;
}

/**
 * The unlocked data key and what goes with it. Session storage survives the service worker stopping but not a
 * browser restart, and is readable only by the extension's own pages and worker (see
 * restrictSessionStorage).
 */
export const sessionKeyItem = defineItem<SessionVault | string>('session:vaultKey');

/** When the user last used Tessera (ms since the epoch), for auto-lock. */
export const lastActivityItem = defineItem<number>('session:lastActivity');
