/**
 * What the vault holds once decrypted, and how older contents are brought up to date. Contents
 * carry their own schema version, separate from the byte format, so a new field (sites, pins,
 * order) is a migration here, not a new encryption format.
 */
import type { Account } from '../otp/account';
import type { SiteIcon } from '../accounts/site-icon';
import type { SyncMeta } from '../sync/sync-types';
import { utf8 } from '../internal/bytes';
import { ServiceError } from '../internal/service-error';

export const CONTENTS_VERSION = 1;

export interface VaultEntry {
  id: string;
  account: Account;
  /** Milliseconds since the epoch. */
  addedAt: number;
  /** Pinned accounts are listed first. */
  pinned?: boolean;
  /**
   * Where the user filled this account's code and chose to remember it: exact origins, or bare
   * registrable domains meaning the whole site over https (utils/core/fill/binding-covers.ts).
   * Entries from before origins were bare domains, and keep that meaning: no migration.
   */
  sites?: string[];
  /** Groups, folders or tags the account had in the app it was imported from. */
  tags?: string[];
  /**
   * Firefox: the icon of the site it was bound to or filled on, checked again whenever read and
   * shown only while a binding covers its origin (core/accounts/site-icon.ts). Optional, as
   * `sites` is: contents without it need no migration.
   */
  icon?: SiteIcon;
}

export interface VaultContents {
  version: number;
  entries: VaultEntry[];
  /**
   * Sync's bookkeeping (stamps of every account's registers, deletions), present only while sync
   * is on (utils/core/sync/). Optional, so contents without it need no migration.
   */
  sync?: SyncMeta;
}

/** Upgrades contents of version N (the key) to version N + 1. */
export type ContentsMigrations = Record<number, (contents: Record<string, unknown>) => Record<string, unknown>>;

/** No migrations yet: version 1 is the first. The next schema change adds `1: (v1) => v2` here. */
export const CONTENTS_MIGRATIONS: ContentsMigrations = {};

export function emptyContents(): VaultContents {
  return { version: CONTENTS_VERSION, entries: [] };
}

export function encodeContents(contents: VaultContents): Uint8Array<ArrayBuffer> {
  return utf8(JSON.stringify(contents));
}

/**
 * Parses decrypted contents and runs any migrations up to `target`.
 * @throws {ServiceError} `unsupported-version` for contents newer than this Tessera knows.
 */
export function decodeContents(
  plaintext: Uint8Array<ArrayBuffer>,
  migrations: ContentsMigrations = CONTENTS_MIGRATIONS,
  target = CONTENTS_VERSION,
): VaultContents {
  let contents: Record<string, unknown>;
  try {
    contents = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plaintext)) as Record<string, unknown>;
  } catch {
    throw new ServiceError('vault-damaged', 'The vault decrypted but its contents are unreadable.');
  }
  let version = typeof contents.version === 'number' ? contents.version : NaN;
  if (version > target) {
    throw new ServiceError(
      'unsupported-version',
      `This vault holds data from a newer Tessera (contents version ${version}). Update Tessera to open it.`,
    );
  }
  while (version < target) {
    const migrate = migrations[version];
    if (!migrate) throw new ServiceError('vault-damaged', `No way to upgrade vault contents from version ${version}.`);
    contents = { ...migrate(contents), version: version + 1 };
    version += 1;
  }
  if (!Array.isArray(contents.entries))
    throw new ServiceError('vault-damaged', 'The vault contents have no account list.');
  return contents as unknown as VaultContents;
}
