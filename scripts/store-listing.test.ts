import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import config from '../wxt.config';
import { PERMISSION_USES, type Manifest } from './store-checks';
import {
  listingProblems,
  listingTexts,
  permissionJustifications,
  shippedLocales,
  singlePurpose,
  STORE_DIR,
} from './store-listing';

/** The manifest wxt.config.ts declares for `browser`'s release build (not the e2e build). */
async function declared(browser: string): Promise<string[]> {
  const manifest = config.manifest as (env: object) => Manifest | Promise<Manifest>;
  const built = await manifest({ browser, mode: 'production', manifestVersion: 3, command: 'build' });
  return [
    ...(built.permissions ?? []),
    ...(built.optional_permissions ?? []),
    ...(built.host_permissions ?? []),
    ...(built.optional_host_permissions ?? []),
  ];
}

describe('the store listing', () => {
  it('has a description for exactly the shipped languages', () => {
    const folders = readdirSync(STORE_DIR, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect(folders).toEqual(shippedLocales());
    expect(shippedLocales()).toHaveLength(12);
  });

  it.each(shippedLocales())('in %s: name, summary of at most 132 characters, description in bounds', (locale) => {
    const texts = listingTexts(locale);
    expect(listingProblems(texts)).toEqual([]);
    expect(texts.name).toBe('Tessera');
  });

  it.each<[string, object, RegExp]>([
    ['a summary of 133 characters', { summary: 'x'.repeat(133) }, /en: summary of 133 characters/],
    ['no summary', { summary: '' }, /en: no summary/],
    ['a short description', { description: 'Codes. '.repeat(40) }, /en: description of 40 words/],
    ['a long description', { description: 'Codes '.repeat(301) }, /en: description of 301 words/],
    ['markup', { description: `${'word '.repeat(200)}<b>bold</b>` }, /no markup/],
  ])('refuses %s', (_, change, problem) => {
    expect(listingProblems({ ...listingTexts('en'), ...change }).join('\n')).toMatch(problem);
  });

  it('counts Japanese and Chinese descriptions in characters', () => {
    expect(listingProblems({ ...listingTexts('ja'), description: 'コード'.repeat(100) })).toEqual([
      'ja: description of 300 characters (400 to 1500)',
    ]);
  });

  it('speaks to German readers formally (Sie, never du)', () => {
    const { description } = listingTexts('de');
    expect(description).toMatch(/\bSie\b/);
    expect(description).not.toMatch(/\b(du|dich|dir|dein\w*)\b/i);
  });

  it('states a single purpose for the Chrome Web Store', () => {
    expect(singlePurpose().length).toBeGreaterThan(50);
    expect(singlePurpose().length).toBeLessThanOrEqual(1000);
  });
});

describe('the permission justifications (store/permissions.txt)', () => {
  const justified = permissionJustifications();

  it.each(['chrome', 'firefox'])(
    'justify every permission the %s manifest declares, optional ones too',
    async (browser) => {
      const missing = (await declared(browser)).filter((permission) => !justified.has(permission));
      expect(missing).toEqual([]);
    },
  );

  it('justify only permissions the store checks know how Tessera uses', () => {
    // scripts/store-checks.ts fails a package asking for a permission that is not in PERMISSION_USES.
    expect([...justified.keys()].filter((permission) => !(permission in PERMISSION_USES))).toEqual([]);
    expect(Object.keys(PERMISSION_USES).filter((permission) => !justified.has(permission))).toEqual([]);
  });

  it('is one line per permission, each a sentence', () => {
    for (const [permission, why] of justified) expect(why, permission).toMatch(/^[A-Z].{20,300}\.$/);
    expect(() => permissionJustifications('activeTab - reads the tab')).toThrow(/not "permission: why"/);
    expect(() => permissionJustifications('alarms: one.\nalarms: two.')).toThrow(/alarms twice/);
  });
});
