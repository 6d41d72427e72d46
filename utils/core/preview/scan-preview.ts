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

export interface PendingScan {
  accounts: Account[];
  parts: MigrationPart[];
  unusable: Unusable[];
  /** The site of the page an `otpauth://` code was found on: most likely where the account is used. */
  site?: string;
  /** An export file read by the import (options page): its app, accounts with their tags, and what it could not use. */
  imported?: { format: string; accounts: ImportedAccount[]; skipped: ImportSkipped[] };
}

/** One account of the preview: what the user needs to recognise it, never its secret. */
export interface ScanPreviewRow {
  key: number;
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
}

export interface ScanPreview {
  accounts: ScanPreviewRow[];
  unusable: Unusable[];
  /** Accounts inside exports that Tessera cannot use (e.g. MD5), with why. */
  skipped: { name: string; reason: string }[];
  /** Google Authenticator exports seen, and how many of their codes were scanned. */
  batches: BatchProgress[];
  /** The site the `otpauth://` accounts were scanned on, offered to remember for them. */
  site?: string;
  /** The app an imported file came from. */
  format?: string;
}

export type ScanChoice = { key: number; action: 'add' | 'replace' };
