/**
 * Tessera's settings and the choices the popup offers for them. Pure, so the popup can show the
 * choices without loading the worker's storage code; the worker stores them (settings-item.ts)
 * and refuses anything not listed here.
 */

import { MAX_CLOCK_OFFSET_MS } from '../clock/clock-offset';

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
  /**
   * Show bound accounts' site icons (Chrome: the browser's favicon cache, behind the optional
   * `favicon` permission asked when this is turned on; Firefox: icons captured on bind or fill).
   * Off: every account shows its monogram, and Firefox captures nothing.
   */
  showIcons: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  autoLockMinutes: 15,
  theme: 'system',
  hideCodes: false,
  clearClipboard: true,
  clockOffsetMs: 0,
  showIcons: false,
};

/** The auto-lock times the popup offers, in minutes (0: never); the service refuses anything else. */
export const AUTO_LOCK_CHOICES = [1, 5, 15, 30, 60, 240, 0] as const;

/**
 * Stored settings as they may be found (written by an older Tessera, or edited on disk, or by a
 * content script in Firefox, where storage.local is open to them): each field keeps its value
 * only when it is one the popup could have chosen, else takes the default. Without this, a
 * stored `"0"`, `null` or `1e9` for the auto-lock, or `0` for clipboard clearing, would turn a
 * protection off without the MAC that turning it off needs (settings-mac.ts).
 */
export function normalisedSettings(stored: unknown): Settings {
  const raw = (typeof stored === 'object' && stored !== null ? stored : {}) as Record<string, unknown>;
  const pick = <T>(value: unknown, ok: (value: unknown) => value is T, fallback: T): T =>
    ok(value) ? value : fallback;
  const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';
  return {
    autoLockMinutes: pick(
      raw.autoLockMinutes,
      (value): value is number => (AUTO_LOCK_CHOICES as readonly unknown[]).includes(value),
      DEFAULT_SETTINGS.autoLockMinutes,
    ),
    theme: pick(
      raw.theme,
      (value): value is Theme => (THEMES as readonly unknown[]).includes(value),
      DEFAULT_SETTINGS.theme,
    ),
    hideCodes: pick(raw.hideCodes, isBoolean, DEFAULT_SETTINGS.hideCodes),
    clearClipboard: pick(raw.clearClipboard, isBoolean, DEFAULT_SETTINGS.clearClipboard),
    showIcons: pick(raw.showIcons, isBoolean, DEFAULT_SETTINGS.showIcons),
    clockOffsetMs: pick(
      raw.clockOffsetMs,
      (value): value is number => Number.isInteger(value) && Math.abs(value as number) <= MAX_CLOCK_OFFSET_MS,
      DEFAULT_SETTINGS.clockOffsetMs,
    ),
  };
}
