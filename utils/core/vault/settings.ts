/**
 * Tessera's settings and the choices the popup offers for them. Pure, so the popup can show the
 * choices without loading the worker's storage code; the worker stores them (settings-item.ts)
 * and refuses anything not listed here.
 */

/** Settings reveal nothing about the user's accounts, so they are stored in plain text. */
export type Theme = 'system' | 'light' | 'dark';
export const THEMES: readonly Theme[] = ['system', 'light', 'dark'];

export interface Settings {
  /** Lock after this many idle minutes; 0 means never. */
  autoLockMinutes: number;
  theme: Theme;
  /** Blur codes until the pointer or focus is on them, for screen sharing. */
  hideCodes: boolean;
  /** Clear a copied code from the clipboard after 30 seconds if it is still there. */
  clearClipboard: boolean;
  /**
   * Codes are made for the local clock plus this many ms (server minus local, from a clock check
   * the user accepted; 0: none). See core/clock/clock-offset.ts.
   */
  clockOffsetMs: number;
}

export const DEFAULT_SETTINGS: Settings = {
  autoLockMinutes: 15,
  theme: 'system',
  hideCodes: false,
  clearClipboard: true,
  clockOffsetMs: 0,
};

/** The auto-lock times the popup offers, in minutes (0: never); the service refuses anything else. */
export const AUTO_LOCK_CHOICES = [1, 5, 15, 30, 60, 240, 0] as const;
