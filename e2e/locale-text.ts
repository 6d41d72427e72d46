/**
 * What Tessera says in a locale, read from public/_locales/LANG/messages.json the way Chrome's
 * i18n does (a key missing there falls back to English), so browser tests can find controls by
 * their accessible names in any language. Plural keys (`X_one`, `X_other`...) are matched as one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const LOCALES = path.resolve(import.meta.dirname, '../public/_locales');

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const cache = new Map<string, Messages>();

function messages(locale: string): Messages {
  let found = cache.get(locale);
  if (!found) {
    found = JSON.parse(readFileSync(path.join(LOCALES, locale, 'messages.json'), 'utf8')) as Messages;
    cache.set(locale, found);
  }
  return found;
}

/** The message's text with named placeholders ($NAME$) turned into their $1-style content. */
function template(locale: string, key: string): string | undefined {
  const entry = messages(locale)[key] ?? (locale === 'en' ? undefined : messages('en')[key]);
  if (!entry) return undefined;
  return entry.message.replace(
    /\$([A-Za-z_][A-Za-z0-9_]*)\$/g,
    (whole, name: string) =>
      Object.entries(entry.placeholders ?? {}).find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1].content ??
      whole,
  );
}

/** The text of `key` in `locale`, with `$1`... filled from `substitutions`. */
export function text(locale: string, key: string, ...substitutions: (string | number)[]): string {
  const found = template(locale, key);
  if (found === undefined) throw new Error(`No message ${key} in ${locale} or en`);
  return found.replace(/\$(\d)/g, (_, n: string) => String(substitutions[Number(n) - 1] ?? '')).replace(/\$\$/g, '$');
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A pattern for `key` in `locale` whatever fills its placeholders, and whichever plural form
 * (`key`, `key_one`, `key_other`...) is used; anchored at both ends unless `prefix`.
 */
export function pattern(locale: string, key: string, { prefix = false } = {}): RegExp {
  const forms = ['', '_zero', '_one', '_two', '_few', '_many', '_other']
    .map((suffix) => template(locale, key + suffix))
    .filter((form): form is string => form !== undefined);
  if (!forms.length) throw new Error(`No message ${key} in ${locale} or en`);
  const alternatives = forms.map((form) => escape(form).replace(/\\\$\d/g, '.+?'));
  return new RegExp(`^(?:${alternatives.join('|')})${prefix ? '' : '$'}`);
}

/** Every locale Tessera ships, by folder name (pt_BR, zh_CN...). */
export function shippedLocales(): string[] {
  return readdirSync(LOCALES).sort();
}

/** The total length of a locale's messages, in characters. */
export function totalLength(locale: string): number {
  return Object.values(messages(locale)).reduce((sum, { message }) => sum + [...message].length, 0);
}

/**
 * The locales the screens are checked in: English, German (long words), and the other locale
 * whose messages are longest in total (the one most likely to overflow), once there is one.
 */
export function screenLocales(): string[] {
  const others = shippedLocales().filter((locale) => locale !== 'en' && locale !== 'de');
  const longest = others.sort((a, b) => totalLength(b) - totalLength(a))[0];
  return ['en', 'de', ...(longest ? [longest] : [])];
}

/** Chromium's --lang switch for a locale folder name (pt_BR → pt-BR). */
export const chromiumLang = (locale: string) => locale.replace('_', '-');
