/**
 * Where the vault lives. Only the background reads or writes these (STYLE.md §7: one item per
 * key, nothing else calls browser.storage).
 */
import { storage } from 'wxt/utils/storage';
import type { PendingScan } from './scan-service';
import type { PendingFill } from './fill-handlers';

/** The encrypted vault, current generation: base64 of the bytes in utils/core/vault-format.ts. */
export const vaultItem = storage.defineItem<string>('local:vault');

/** The generation before the last write, kept so a damaged write never loses the vault. */
export const previousVaultItem = storage.defineItem<string>('local:vaultPrevious');

/**
 * The unlocked data key (base64). Session storage survives the service worker stopping but not a
 * browser restart, and is readable only by the extension's own pages and worker (see
 * restrictSessionStorage).
 */
export const sessionKeyItem = storage.defineItem<string>('session:vaultKey');

/** When the user last used Tessera (ms since the epoch), for auto-lock. */
export const lastActivityItem = storage.defineItem<number>('session:lastActivity');

/**
 * What the last scans found and the user has not yet added or dismissed (with secrets). Session
 * storage, like the data key: it outlives the popup closing (the region tool closes it) and the
 * worker stopping, never the browser session.
 */
export const pendingScanItem = storage.defineItem<PendingScan>('session:pendingScan');

/** A scan asked for (keyboard command, image menu) while locked: the popup finishes it after unlocking. */
export const scanRequestItem = storage.defineItem<{ tabId: number }>('session:scanRequest');

/** The tab (and its window) where the user was asked to drag over a QR code; only it may answer. */
export const regionRequestItem = storage.defineItem<{ tabId: number; windowId: number }>('session:regionRequest');

/** A fill asked for by the keyboard command or the field menu that needs the popup: a choice, a question, or why not. */
export const pendingFillItem = storage.defineItem<PendingFill>('session:pendingFill');
