import type { AccountView } from '../core/accounts/account-view';

/**
 * Which screen the unlocked popup shows. `scan` with `start` (when it was asked): scan the page at
 * once; without: show a scan that is already there.
 */
export type PopupView =
  | { name: 'list' }
  | { name: 'add' }
  | { name: 'scan'; start?: number }
  | { name: 'edit'; account: AccountView }
  | { name: 'settings' };
