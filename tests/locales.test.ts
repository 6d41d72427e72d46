/**
 * Every language Tessera ships says everything English says, in its own words: the same keys
 * (counted messages in exactly the locale's plural forms), the same placeholders, valid Chrome
 * message files, no English left over except the names below, and German addressing the reader
 * formally, "Sie", never "du" (tests/locale-check.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../wxt.config';
import { checkLocale, textLength, type Catalogue, type LocaleRules } from './locale-check';

const LOCALES = path.resolve(import.meta.dirname, '../public/_locales');
const folders = readdirSync(LOCALES).sort();
const read = (folder: string): Catalogue =>
  JSON.parse(readFileSync(path.join(LOCALES, folder, 'messages.json'), 'utf8')) as Catalogue;
const en = read('en');

/** What may stay English, and why. Keep it short: each entry is a string nobody translates. */
const RULES: LocaleRules = {
  allowed: [
    { key: 'extName', why: 'the brand, Tessera' },
    { key: 'vaultActions', why: 'the brand, Tessera, names the header buttons' },
    { key: 'typeSteam', why: 'Steam Guard is the product name' },
    { key: 'scanKindSteam', why: 'Steam Guard is the product name' },
    { key: 'seconds', why: '"$1 s": the SI symbol' },
    { key: 'minutes', why: '"$1 min": the international symbol' },
    { key: 'hours', why: '"$1 h": the international symbol' },
    { key: 'passphrase', locales: ['de'], why: 'German uses the loanword Passphrase' },
    { key: 'fieldType', locales: ['fr', 'nl'], why: '"Type" is the French and Dutch word' },
    { key: 'accountsList', locales: ['nl'], why: '"Accounts" is the Dutch word' },
    { key: 'fieldIssuer', locales: ['fr'], why: '"Service" is the French word' },
    { key: 'privacyTitle', locales: ['it', 'nl'], why: '"Privacy" is the Italian and Dutch word' },
    { key: 'autoBackupItem', locales: ['it', 'nl'], why: 'placeholders and "account", the Italian and Dutch word' },
  ],
  allowedWords: [
    {
      words: ['Tessera', 'otpauth', 'Authenticator', 'Bitwarden', 'FreeOTP', 'Stratum', 'Android', 'Chrome', 'Firefox'],
      why: 'names: the brand, the URI scheme, products (Authenticator also as the app category)',
    },
    { words: ['phishing', 'megapixels'], why: 'the words these languages use' },
    { words: ['Downloads'], locales: ['nl', 'pt_BR'], why: 'the name of the folder there' },
    { words: ['backups'], locales: ['pt_BR'], why: 'Brazilian Portuguese uses the loanword' },
    { words: ['passphrase', 'optional'], locales: ['de'], why: 'German words too' },
    { words: ['browser', 'browsers'], locales: ['de', 'nl', 'it'], why: 'the word these languages use' },
    { words: ['account', 'accounts', 'computer', 'letters', 'exports'], locales: ['nl'], why: 'Dutch words too' },
    { words: ['account', 'password', 'computer', 'privacy'], locales: ['it'], why: 'Italian uses these loanwords' },
    {
      words: ['correction', 'extensions', 'exports', 'secrets', 'session', 'protection'],
      locales: ['fr'],
      why: 'French words too',
    },
  ],
};

describe('locales', () => {
  it('are among the twelve languages of issue 16, English and German included', () => {
    const twelve = ['de', 'en', 'es', 'fr', 'it', 'ja', 'nl', 'pl', 'pt_BR', 'ru', 'uk', 'zh_CN'];
    expect([...folders].sort()).toEqual(twelve);
    expect(folders).toEqual(expect.arrayContaining(['en', 'de']));
  });

  it.each(folders)('%s has every English key, its placeholders, and no English left', (folder) => {
    expect(checkLocale(folder, read(folder), en, RULES)).toEqual([]);
  });

  it('are what the manifest names: English by default, name and description translated', async () => {
    const manifest = config.manifest;
    const resolved =
      typeof manifest === 'function' ? await manifest({ browser: 'chrome', mode: 'production' } as never) : manifest;
    expect(resolved).toMatchObject({
      default_locale: 'en',
      name: '__MSG_extName__',
      description: '__MSG_extDescription__',
    });
    for (const [, key] of JSON.stringify(resolved).matchAll(/__MSG_(\w+)__/g)) expect(en).toHaveProperty(key!);
  });
});

describe('textLength', () => {
  it('counts characters of every message once, a counted one by its "other" form', () => {
    const english = {
      localeCode: { message: 'en' },
      a: { message: 'ab' },
      n_one: { message: 'x' },
      n_other: { message: 'xyz' },
    };
    expect(textLength(english, english)).toBe(5);
    expect(textLength({ a: { message: 'äöü' }, n_few: { message: '1234' }, n_other: { message: '12' } }, english)).toBe(
      5,
    );
  });
});

const mapMessages = (texts: Record<string, string>) =>
  Object.fromEntries(Object.entries(texts).map(([key, message]) => [key, { message }]));

describe('checkLocale', () => {
  const de = read('de');
  const broken = (change: (messages: Record<string, unknown>) => void, folder = 'de') => {
    const messages = structuredClone(de) as Record<string, unknown>;
    change(messages);
    return checkLocale(folder, messages, en, RULES);
  };

  it.each([
    ['a missing key', (m: Record<string, unknown>) => delete m.unlock, 'de: unlock: missing'],
    ['an extra key', (m: Record<string, unknown>) => (m.stray = { message: 'x' }), 'de: stray: not in English'],
    [
      'a bad key name',
      (m: Record<string, unknown>) => (m['bad-name'] = { message: 'x' }),
      'de: bad-name: not a valid message name',
    ],
    [
      'an entry without "message"',
      (m: Record<string, unknown>) => (m.unlock = { text: 'Entsperren' }),
      'de: unlock: has no "message" string',
    ],
    [
      'a lost placeholder',
      (m: Record<string, unknown>) => (m.copied = { message: 'Code kopiert' }),
      'de: copied: placeholders [] differ from English [1]',
    ],
    [
      'an added placeholder',
      (m: Record<string, unknown>) => (m.unlock = { message: 'Entsperren $2' }),
      'de: unlock: placeholders [2] differ from English []',
    ],
    [
      'a named placeholder',
      (m: Record<string, unknown>) => (m.unlock = { message: 'Entsperren $count$' }),
      'de: unlock: placeholders [count] differ from English []',
    ],
    [
      'a plain counted key',
      (m: Record<string, unknown>) => (m.scanFound = { message: '$1 Konten' }),
      'de: scanFound: a counted message needs its plural forms, not a plain key',
    ],
    [
      'a plural form the locale lacks',
      (m: Record<string, unknown>) => (m.scanFound_few = { message: '$1 Konten' }),
      'de: scanFound_few: plural form "few" is not one of de\'s (one, other)',
    ],
    ['a missing plural form', (m: Record<string, unknown>) => delete m.scanFound_one, 'de: scanFound_one: missing'],
    [
      'a wrong localeCode',
      (m: Record<string, unknown>) => (m.localeCode = { message: 'en' }),
      'de: localeCode: is "en", the folder says "de"',
    ],
    [
      'English text',
      (m: Record<string, unknown>) => (m.unlock = { message: 'Unlock' }),
      'de: unlock: is the English text',
    ],
    [
      'English text in a plural form',
      (m: Record<string, unknown>) => (m.scanAdd_one = { message: 'Add $1 account' }),
      'de: scanAdd_one: is the English text',
    ],
    [
      'a long English word',
      (m: Record<string, unknown>) => (m.eraseIntro = { message: 'Löscht alle accounts.' }),
      'de: eraseIntro: keeps the English word "accounts"',
    ],
    [
      'a long description',
      (m: Record<string, unknown>) => (m.extDescription = { message: 'x'.repeat(133) }),
      "de: extDescription: is 133 characters, over the store's 132",
    ],
  ])('reports %s', (_, change, problem) => {
    expect(broken(change)).toContain(problem);
  });

  it.each([
    ['backupNever', 'Du hast Konten, aber keine Sicherung.', 'Du'],
    ['backupOld', 'DEINE letzte Sicherung ist alt.', 'DEINE'],
    ['clockSlow', 'Die Uhr deines Computers geht um $1 nach ($2).', 'deines'],
    ['scanNothing', 'Kein QR-Code. Wähle ihn selbst aus, dann zeigen wir dir mehr.', 'dir'],
    ['qrWarning', 'Wer diesen Code sieht, kann euch ausspähen.', 'euch'],
    ['importDone_other', '$1 Konten importiert. Eure Konten sind im Popup.', 'Eure'],
    ['scanUnlockFirst', 'Entsperre Tessera, dann kannst du scannen.', 'kannst'],
  ])('reports the informal %s "%s" in German', (key, message, word) => {
    expect(broken((m) => (m[key] = { message }))).toContain(`de: ${key}: addresses the reader informally ("${word}")`);
  });

  it('lets German say "Sie" and "Ihr", and words that only contain "du", "dir" or "dein"', () => {
    const formal = {
      backupNever: 'Sie haben Konten, aber keine Sicherung. Legen Sie eine an, Ihr Tresor dankt es Ihnen.',
      backupOld: 'Ihre Produktdaten: Dienst, direkt, Deinstallation, Duplikat, Dirigent, teuer, Euro, Steuer.',
      qrWarning: 'Wer ihn sieht, kann sie kopieren: Dauer, Abenteuer, Bedürfnis, Sudoku, Ihnen.',
    };
    expect(broken((m) => Object.assign(m, mapMessages(formal)))).toEqual([]);
    // The rule is German's: the French "du" ("of the") addresses nobody.
    expect(
      checkLocale('fr', { ...structuredClone(read('fr')), unlock: { message: 'Déverrouiller du coffre' } }, en, RULES),
    ).toEqual([]);
  });

  it('reports plural forms against the locale of the folder', () => {
    expect(broken(() => {}, 'ru')).toEqual(
      expect.arrayContaining([
        'ru: localeCode: is "de", the folder says "ru"',
        'ru: scanFound_few: missing',
        'ru: scanFound_many: missing',
      ]),
    );
  });

  it('lets an allowed key stay English only where it is allowed', () => {
    expect(broken((m) => (m.fieldType = { message: 'Type' }))).toContain('de: fieldType: is the English text');
    expect(broken((m) => (m.fieldType = { message: 'Type' }), 'nl')).not.toContain(
      'nl: fieldType: is the English text',
    );
  });

  it('finds nothing wrong in a copy of German', () => {
    expect(broken(() => {})).toEqual([]);
  });
});
