/**
 * The checks every translation passes (tests/locales.test.ts), as one pure function so the test
 * can prove each rule fires on a made-up catalogue. Chrome's rules for messages.json:
 * https://developer.chrome.com/docs/extensions/reference/api/i18n#concepts (names are ASCII
 * letters, digits and "_", not starting with "@@"; each entry has a "message"; `$1`…`$9` and
 * named `$name$` placeholders; "$$" is a literal dollar).
 */

export interface Entry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
export type Catalogue = Record<string, unknown>;

/** A key whose English text may stay as it is in `locales` (every locale when absent), and why. */
export interface Allowed {
  key: string;
  locales?: string[];
  why: string;
}

/** Words of 7 letters or more from the English text that may stay in a translation, and why. */
export interface AllowedWord {
  words: string[];
  locales?: string[];
  why: string;
}

export interface LocaleRules {
  allowed: readonly Allowed[];
  allowedWords: readonly AllowedWord[];
}

const PLURAL_FORMS = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
const KEY = /^[A-Za-z0-9_]+$/;
/** Chrome Web Store: the manifest description (here `extDescription`) is at most 132 characters. */
export const DESCRIPTION_LIMIT = 132;
/** English words this long or longer are looked for in translations. */
const LONG_WORD = /\p{L}{7,}/gu;

/**
 * Words that address the reader informally, by locale, as whole words in any case: Tessera
 * addresses its German users formally ("Sie", "Ihr"), as German software conventionally does.
 * Only pronouns, possessives and second-person verb forms with no other reading are listed, so
 * "Sie", "Ihr", "Dienst", "direkt", "Deinstallation" or "teuer" never match; informal
 * imperatives ("Lege …") are left to review.
 */
export const INFORMAL: Readonly<Record<string, RegExp>> = {
  de: /(?<!\p{L})(du|dich|dir|dein(?:e[mnrs]?)?|euch|euer|eur(?:e[mnrs]?)?|bist|kannst|musst|willst|möchtest)(?!\p{L})/iu,
};

/** "pt_BR" → "pt-BR": the BCP 47 tag of a Chrome locale folder. */
export const folderTag = (folder: string): string => folder.replace('_', '-');

/** The plural categories of a BCP 47 tag (CLDR, through Intl.PluralRules), sorted. */
export function pluralCategories(tag: string): string[] {
  return [...new Intl.PluralRules(tag).resolvedOptions().pluralCategories].sort();
}

/** Counted messages: base name → the English forms' keys (keys `X_one`… where `X_other` exists). */
export function pluralBases(en: Catalogue): Map<string, string[]> {
  const bases = new Map<string, string[]>();
  for (const key of Object.keys(en)) {
    const match = /^(.+)_(zero|one|two|few|many|other)$/.exec(key);
    if (match && `${match[1]}_other` in en) bases.set(match[1]!, [...(bases.get(match[1]!) ?? []), key]);
  }
  return bases;
}

/** `$1`…`$9` and `$name$` placeholders in a message, "$$" (a literal dollar) left out, sorted. */
export function placeholders(message: string): string[] {
  const text = message.replaceAll('$$', '');
  const found = new Set([...text.matchAll(/\$(\d)|\$([A-Za-z0-9_@]+)\$/g)].map((m) => (m[1] ?? m[2]!).toLowerCase()));
  return [...found].sort();
}

function isEntry(value: unknown): value is Entry {
  return typeof value === 'object' && value !== null && typeof (value as Entry).message === 'string';
}

const applies = (rule: { locales?: string[] }, folder: string) => !rule.locales || rule.locales.includes(folder);

/**
 * Every problem of the catalogue of locale `folder` against English, one line each, naming the
 * key; none means it passes. English itself is checked against itself (form, keys, plurals).
 */
export function checkLocale(folder: string, messages: Catalogue, en: Catalogue, rules: LocaleRules): string[] {
  const problems: string[] = [];
  const say = (key: string, problem: string) => problems.push(`${folder}: ${key}: ${problem}`);
  const bases = pluralBases(en);
  const pluralKeys = new Set([...bases.values()].flat());

  for (const [key, value] of Object.entries(messages)) {
    if (!KEY.test(key) || key.startsWith('@@')) say(key, 'not a valid message name');
    if (!isEntry(value)) say(key, 'has no "message" string');
    else if (value.placeholders)
      for (const name of Object.keys(value.placeholders))
        if (typeof value.placeholders[name]?.content !== 'string') say(key, `placeholder ${name} has no "content"`);
  }

  // Which keys: every plain English key, and each counted one in exactly this locale's forms.
  let tag = folderTag(folder);
  const code = messages.localeCode;
  if (!isEntry(code)) say('localeCode', 'missing');
  else if (code.message !== tag) say('localeCode', `is "${code.message}", the folder says "${tag}"`);
  let categories: string[];
  try {
    categories = pluralCategories(tag);
  } catch {
    say('localeCode', `"${tag}" is not a language tag`);
    categories = ['other'];
    tag = 'en';
  }
  const expected = new Set(Object.keys(en).filter((key) => !pluralKeys.has(key)));
  for (const base of bases.keys()) for (const form of categories) expected.add(`${base}_${form}`);
  for (const key of expected) if (!(key in messages)) say(key, 'missing');
  for (const key of Object.keys(messages)) {
    if (expected.has(key)) continue;
    const base = /^(.+)_(\w+)$/.exec(key);
    if (base && bases.has(base[1]!) && PLURAL_FORMS.includes(base[2] as never))
      say(key, `plural form "${base[2]}" is not one of ${tag}'s (${categories.join(', ')})`);
    else say(key, bases.has(key) ? 'a counted message needs its plural forms, not a plain key' : 'not in English');
  }

  // Each message against its English: the same placeholders, no English left.
  for (const [key, value] of Object.entries(messages)) {
    if (!isEntry(value) || key === 'localeCode') continue;
    const base = /^(.+)_(zero|one|two|few|many|other)$/.exec(key)?.[1];
    const sources = (base && bases.get(base)) || [key];
    const english = sources.map((source) => en[source]).filter(isEntry);
    if (!english.length) continue;
    const reference = en[base ? `${base}_other` : key];
    if (!isEntry(reference)) continue;
    const want = placeholders(reference.message).join(' ');
    const have = placeholders(value.message).join(' ');
    if (have !== want) say(key, `placeholders [${have}] differ from English [${want}]`);
    if (folder === 'en') continue;
    const informal = INFORMAL[folder]?.exec(value.message);
    if (informal) say(key, `addresses the reader informally ("${informal[0]}")`);
    const allowed = rules.allowed.some((rule) => rule.key === (base ?? key) && applies(rule, folder));
    if (allowed) continue;
    if (english.some((entry) => entry.message === value.message)) {
      say(key, 'is the English text');
      continue;
    }
    const words = new Set(english.flatMap((entry) => entry.message.match(LONG_WORD) ?? []));
    for (const word of words) {
      const spared = rules.allowedWords.some(
        (rule) => rule.words.some((allowed) => allowed.toLowerCase() === word.toLowerCase()) && applies(rule, folder),
      );
      if (!spared && new RegExp(`(?<!\\p{L})${word}(?!\\p{L})`, 'iu').test(value.message))
        say(key, `keeps the English word "${word}"`);
    }
  }

  const description = messages.extDescription;
  if (isEntry(description) && [...description.message].length > DESCRIPTION_LIMIT)
    say('extDescription', `is ${[...description.message].length} characters, over the store's ${DESCRIPTION_LIMIT}`);
  return problems;
}

/**
 * How much text a catalogue holds: the characters of each English key's translation (a counted
 * message by its "other" form, `localeCode` left out). The locale with the most is the one whose
 * layout is tested (issue 16).
 */
export function textLength(messages: Catalogue, en: Catalogue): number {
  let length = 0;
  for (const key of Object.keys(en)) {
    if (key === 'localeCode' || /_(zero|one|two|few|many)$/.test(key)) continue;
    const entry = messages[key];
    if (isEntry(entry)) length += [...entry.message].length;
  }
  return length;
}
