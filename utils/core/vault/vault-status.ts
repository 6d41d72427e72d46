import type { Settings } from './settings';

/** Whether a vault exists and, if so, whether its data key is in session storage. */
export type VaultState = 'new' | 'locked' | 'unlocked';

/** What `vault.status` answers: everything the popup needs before it shows anything. */
export interface VaultStatus {
  state: VaultState;
  /** Set when the newest copy was unreadable and the previous one is in use. */
  restored: boolean;
  /** Set when the stored vault is older than one this session saw (an old copy was put back). */
  rolledBack?: boolean;
  /** Set when a stored setting that turns a protection off did not verify and its safe default applies. */
  settingsIgnored?: boolean;
  /** With `new`: no local vault, but the browser's sync holds one to join (issue 17). */
  synced?: boolean;
  settings: Settings;
}

/** The word `vault.reset` must be given, so that erasing everything is never one click. */
export const RESET_CONFIRMATION = 'DELETE';
