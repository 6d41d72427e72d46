/**
 * The pending preview: what a scan or an import found, held in the worker until the user
 * confirms, and what the popup and the options page see of it (never a secret).
 */
import type { Account } from '../otp/account';
import type { ImportedAccount, ImportSkipped } from '../import/imported';
import type { BatchProgress } from '../scan/migration-batches';
import type { MigrationPart } from '../scan/otpauth-migration';

export interface Unusable {
  /** What the code holds, shortened, secrets masked. */
  text: string;
  reason: string;
}

/**
 * An `otpauth://` code scanned: its account, the stable key the preview names it by (made when it
 * entered), and where it was shown: the page's origin (most likely where the account is used),
 * or a picture file. Each account keeps its own: scans from several pages may be pending at once.
 */
export interface ScannedAccount {
  key: string;
  account: Account;
  origin?: string;
  picture?: boolean;
}

export interface PendingScan {
  /** Changes whenever what is pending changes: a confirm names the preview it was chosen from. */
  nonce: string;
  accounts: ScannedAccount[];
  parts: MigrationPart[];
  unusable: Unusable[];
  /** An export file read by the import (options page): its app, accounts (tags, keys), and what it could not use. */
  imported?: { format: string; accounts: (ImportedAccount & { key: string })[]; skipped: ImportSkipped[] };
}

/** One account of the preview: what the user needs to recognise it, never its secret. */
export interface ScanPreviewRow {
  /** Names this account in preview.confirm: made when it entered the preview, never a position. */
  key: string;
  type: Account['type'];
  issuer: string;
  label: string;
  algorithm: Account['algorithm'];
  digits: number;
  period?: number;
  counter?: number;
  /** Already in the vault (same secret and label): the user may skip or replace it. */
  duplicate: boolean;
  /** Groups it had in the app it was imported from. */
  tags?: string[];
  /** The origin of the page that showed this code itself (not an export's): the one it may remember. */
  origin?: string;
  /** Its code came from a picture file the user chose or pasted. */
  picture?: boolean;
}

export interface ScanPreview {
  /** Which preview this is: preview.confirm names it, and is refused once another scan changed it. */
  nonce: string;
  accounts: ScanPreviewRow[];
  unusable: Unusable[];
  /** Accounts inside exports that Tessera cannot use (e.g. MD5), with why. */
  skipped: { name: string; reason: string }[];
  /** Google Authenticator exports seen, and how many of their codes were scanned. */
  batches: BatchProgress[];
  /** The app an imported file came from. */
  format?: string;
}

export type ScanChoice = { key: string; action: 'add' | 'replace' };
