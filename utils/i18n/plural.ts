/**
 * Counted messages ("1 account", "2 accounts"). Chrome's i18n has no plurals, so a counted
 * message `X` is stored as `X_one`, `X_few`, `X_many`, `X_other`: exactly the categories
 * `Intl.PluralRules` lists for the locale (CLDR plural rules,
 * https://cldr.unicode.org/index/cldr-spec/plural-rules). The locale is the message `localeCode`,
 * not `i18n.getUILanguage()`, so it always matches the messages the browser picked.
 */
import { t, type MessageKey } from './i18n';

/** A counted message: `X` where `X_other` is a key. */
export type PluralKey = { [K in MessageKey]: K extends `${infer Base}_other` ? Base : never }[MessageKey];

/** The locale of the messages in use, as a BCP 47 tag; English if the tag is missing or invalid. */
export function messageLocale(): string {
  const code = t('localeCode');
  try {
    return Intl.getCanonicalLocales(code)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

/**
 * The form of `key` for the count `n`, with `subs` as `$1`, `$2`… (numbers written the locale's
 * way); without `subs`, `n` is `$1`. A locale lacking the form `n` needs falls back to `X_other`.
 */
export function plural(key: PluralKey, n: number, ...subs: (string | number)[]): string {
  const locale = messageLocale();
  const category = new Intl.PluralRules(locale).select(n);
  const numbers = new Intl.NumberFormat(locale);
  const filled = (subs.length ? subs : [n]).map((sub) => (typeof sub === 'number' ? numbers.format(sub) : sub));
  const form = `${key}_${category}` as MessageKey;
  const text = t(form, ...filled);
  return text === form ? t(`${key}_other` as MessageKey, ...filled) : text;
}
