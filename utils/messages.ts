/**
 * Every message the popup (and, later, content scripts) can send to the background, with its
 * payload and answer: one typed map, so both ends agree at compile time. INTERNALS.md lists them.
 */
import type { Account } from './core/account';
import type { Settings } from './settings-item';
import type { AccountView } from './accounts-service';
import type { VaultStatus } from './vault-service';

export interface Messages {
  'vault.status': { payload: void; result: VaultStatus };
  'vault.create': { payload: { passphrase: string }; result: VaultStatus };
  'vault.unlock': { payload: { passphrase: string }; result: VaultStatus };
  'vault.lock': { payload: void; result: VaultStatus };
  'vault.changePassphrase': { payload: { current: string; next: string }; result: null };
  'vault.reset': { payload: { confirmation: string }; result: VaultStatus };
  'settings.update': { payload: Partial<Settings>; result: Settings };
  /** `bySite`: accounts for the active tab's site first (the background looks the tab up). */
  'accounts.list': { payload: { bySite?: boolean; first?: number } | void; result: AccountView[] };
  'accounts.add': { payload: { account: Account } | { uri: string }; result: { id: string } };
  'accounts.update': { payload: { id: string; changes: Partial<Account>; pinned?: boolean }; result: null };
  'accounts.remove': { payload: { id: string }; result: { undo: string } };
  'accounts.undoRemove': { payload: { undo: string }; result: null };
  'accounts.move': { payload: { id: string; targetId: string }; result: null };
  'accounts.nextHotp': { payload: { id: string }; result: null };
  'clipboard.copied': { payload: { code: string }; result: null };
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
