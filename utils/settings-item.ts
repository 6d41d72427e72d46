import { storage } from 'wxt/utils/storage';

/** Settings that reveal nothing about the user's accounts, so they are stored in plain text. */
export interface Settings {
  /** Lock after this many idle minutes; 0 means never. */
  autoLockMinutes: number;
}

export const DEFAULT_SETTINGS: Settings = { autoLockMinutes: 15 };

/** The choices the popup offers; the service refuses anything else. */
export const AUTO_LOCK_CHOICES = [1, 5, 15, 30, 60, 240, 0] as const;

export const settingsItem = storage.defineItem<Settings>('local:settings', { fallback: DEFAULT_SETTINGS, version: 1 });
