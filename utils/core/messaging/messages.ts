/**
 * Every message the extension's pages and content scripts can send to the background, with its
 * payload and answer: one typed map, so both ends agree at compile time. Pure and types only: the
 * popup imports it without pulling in any worker code. INTERNALS.md lists the messages.
 */
import type { AccountView } from '../accounts/account-view';
import type { ClockWarning } from '../clock/clock-check';
import type { AutoBackupList, BackupStatus } from '../export/backup-status';
import type { ExportFormat, ExportResult } from '../export/export-result';
import type { FillOutcome, PendingFill } from '../fill/fill-outcome';
import type { Account } from '../otp/account';
import type { ScanChoice, ScanPreview } from '../preview/scan-preview';
import type { ScanOutcome } from '../scan/scan-outcome';
import type { SelectedRegion } from '../scan/selected-region';
import type { SyncStatus } from '../sync/sync-status';
import type { Settings } from '../vault/settings';
import type { VaultStatus } from '../vault/vault-status';

export interface Messages {
  'vault.status': { payload: void; result: VaultStatus };
  'vault.create': { payload: { passphrase: string }; result: VaultStatus };
  'vault.unlock': { payload: { passphrase: string }; result: VaultStatus };
  'vault.lock': { payload: void; result: VaultStatus };
  'vault.changePassphrase': { payload: { current: string; next: string }; result: null };
  'vault.reset': { payload: { confirmation: string }; result: VaultStatus };
  /** No local vault, a synced one (`vault.status`: `synced`): open it with its passphrase, make it this browser's. */
  'vault.join': { payload: { passphrase: string }; result: VaultStatus };
  /** Sync through the browser (issue 17): last synced, devices, bytes of the quota, pause and notices. */
  'sync.status': { payload: void; result: SyncStatus };
  /** Turn sync on; error `sync-other-vault` when the browser account syncs another vault. */
  'sync.enable': { payload: void; result: SyncStatus };
  /** Turn sync off (local accounts stay); `removeSynced`: also remove the synced copy, all devices' items. */
  'sync.disable': { payload: { removeSynced?: boolean } | void; result: SyncStatus };
  /** Sync at once, not waiting for the debounce. */
  'sync.now': { payload: void; result: SyncStatus };
  /** `clockOffsetMs`: a whole number of ms, at most a day either way (0: codes use the local clock). */
  'settings.update': { payload: Partial<Settings>; result: Settings };
  /**
   * The clock warning to show, after the checks under way (started by fills and scans) finish:
   * codes would be over 15 s off compared with the last site checked; null when they are not.
   */
  'clock.warning': { payload: void; result: ClockWarning | null };
  /** Make codes for the time the last check measured (settings.clockOffsetMs). */
  'clock.useCorrection': { payload: void; result: Settings };
  /** Stop warning about the last check. */
  'clock.dismiss': { payload: void; result: null };
  /** `bySite`: accounts for the active tab's site first (the background looks the tab up). */
  /**
   * The accounts with codes, those of the active tab's site first when `bySite` (the active tab of
   * `windowId`: the side panel's window). `passive`: a refresh nobody asked for (a code rolled
   * over, the panel's tab changed), which is no activity for auto-lock.
   */
  'accounts.list': {
    payload: { bySite?: boolean; first?: number; windowId?: number; passive?: boolean } | void;
    result: AccountView[];
  };
  'accounts.add': { payload: { account: Account } | { uri: string }; result: { id: string } };
  'accounts.update': { payload: { id: string; changes: Partial<Account>; pinned?: boolean }; result: null };
  'accounts.remove': { payload: { id: string }; result: { undo: string } };
  'accounts.undoRemove': { payload: { undo: string }; result: null };
  'accounts.move': { payload: { id: string; targetId: string }; result: null };
  'accounts.nextHotp': { payload: { id: string }; result: null };
  /** A code was copied: clear the clipboard 30 s later (the code itself never goes to the worker). */
  'clipboard.copied': { payload: void; result: null };
  /**
   * Fill account `id`'s current code into the tab (`tabId` as for scan.page; `frameId`: the frame
   * of a right-clicked field). A field in a frame from another site, or a site the account is not
   * bound to, gets a question as the answer; `confirmFrame` and `confirmOrigin` are the user's yes,
   * and `remember` binds the page's origin or, where offered, its whole site.
   */
  'fill.code': {
    payload: {
      id: string;
      tabId?: number;
      /** The side panel's window: the code goes to the tab active there at the click. */
      windowId?: number;
      frameId?: number;
      confirmFrame?: string;
      confirmOrigin?: string;
      remember?: 'origin' | 'site';
    };
    result: FillOutcome;
  };
  /**
   * A fill the keyboard command or the field menu left for the popup (taken once); asked while
   * locked, it is done now.
   */
  'fill.pending': { payload: void; result: PendingFill | null };
  /** Scan the active tab (or `tabId`, when the popup is opened in a tab of its own) for QR codes. */
  'scan.page': { payload: { tabId?: number } | void; result: ScanOutcome };
  /** Scan a picture the user chose or pasted, as a data: URL. */
  'scan.image': { payload: { dataUrl: string }; result: ScanOutcome };
  /** After unlocking: finish a scan asked for while locked, or show one that finished while the popup was closed. */
  'scan.resume': { payload: void; result: ScanOutcome | null };
  'preview.get': { payload: void; result: ScanPreview | null };
  /**
   * Add the chosen rows of the preview `nonce` (by key); `remember`: page origins to bind, each
   * to the rows whose codes it showed. Error `stale-preview`: the preview changed; get it again.
   */
  'preview.confirm': {
    payload: { nonce: string; choices: ScanChoice[]; remember?: string[] };
    result: { added: number; replaced: number };
  };
  'preview.discard': { payload: void; result: null };
  /**
   * Read another authenticator's export (`data`: the file, base64) into the pending preview,
   * confirmed with preview.confirm. Errors: `password-required`, `wrong-password`, `not-recognised`,
   * `malformed`, `empty` (ImportErrorCode), each with a message for the user.
   */
  'import.file': { payload: { data: string; password?: string }; result: ScanPreview };
  /** A backup file of the whole vault, under the vault's passphrase or `passphrase` (8+ characters). */
  /** Under `passphrase` of its own needs the vault's again (`vaultPassphrase`) unless unlocked < 60 s ago. */
  'backup.create': {
    payload: { passphrase?: string; vaultPassphrase?: string } | void;
    result: { fileName: string; text: string; accounts: number };
  };
  /** When the last backup was made, and whether to remind (never made, over 30 days old, accounts added since). */
  'backup.status': { payload: void; result: BackupStatus };
  /** Automatic backups on (the page holds the `downloads` permission; the first is made now) or off. */
  'backup.auto': { payload: { on: boolean }; result: AutoBackupList };
  /** A kept automatic backup into the pending preview, as import.file (`password`: the vault's then). */
  'backup.restore': { payload: { id: string; password?: string }; result: ScanPreview };
  /**
   * Every account out: an encrypted Aegis file (`password`, 8+ characters), a plain otpauth://
   * list, or Google Authenticator transfer codes.
   */
  'export.accounts': {
    payload: { format: ExportFormat; password?: string; vaultPassphrase?: string };
    result: ExportResult;
  };
  /**
   * One account's otpauth:// URI, for its QR code (with its secret: extension pages only). Like
   * exports, needs `vaultPassphrase` unless unlocked < 60 s ago (else `reauth-required`).
   */
  'export.accountUri': { payload: { id: string; vaultPassphrase?: string }; result: string };
  /** Let the user drag over the code on the page (`tabId` as for scan.page); the popup may close. */
  'scan.region': { payload: { tabId?: number } | void; result: null };
  /** From the region tool in the page: the rectangle dragged, or null for Esc. */
  'scan.regionSelected': { payload: { region: SelectedRegion | null }; result: null };
}

export type MessageType = keyof Messages;

export interface Request<K extends MessageType = MessageType> {
  type: K;
  payload: Messages[K]['payload'];
}

export interface ErrorReply {
  ok: false;
  error: { code: string; message: string; field?: string };
}

export type Reply<K extends MessageType = MessageType> = { ok: true; value: Messages[K]['result'] } | ErrorReply;
