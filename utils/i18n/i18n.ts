/**
 * Every string the user sees goes through browser.i18n (public/_locales/LANG/messages.json), so
 * Tessera speaks the browser's language. Keys are checked at compile time against the English file.
 */
import { browser } from 'wxt/browser';
import type en from '../../public/_locales/en/messages.json';

export type MessageKey = keyof typeof en;

/** The message for `key`, with `$1`-style placeholders filled; the key itself if none is found. */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  const getMessage = browser.i18n.getMessage as (name: string, substitutions?: string[]) => string;
  return getMessage(key, substitutions.map(String)) || key;
}
