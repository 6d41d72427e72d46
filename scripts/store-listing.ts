/**
 * The store listing's texts (issue 18), kept in `store/`: a description per shipped language
 * (`store/LANG/description.txt`), and, in English for the Chrome Web Store's dashboard, the
 * single-purpose statement and one justification per permission (`store/permissions.txt`,
 * `permission: why`). The listing's name and summary are the manifest's own `extName` and
 * `extDescription` (public/_locales): the Chrome Web Store shows the package's name and
 * description as the listing's title and summary, so one text serves both and cannot drift.
 * @see https://developer.chrome.com/docs/webstore/cws-dashboard-listing
 * @see https://developer.chrome.com/docs/webstore/cws-dashboard-privacy
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
export const STORE_DIR = path.join(ROOT, 'store');
const LOCALES_DIR = path.join(ROOT, 'public', '_locales');

/** The Chrome Web Store's limit on the summary (the manifest's description). */
export const SUMMARY_MAX = 132;
/**
 * A description says what Tessera does in ~150-250 words: bounds in words where words are spaced,
 * in characters for Japanese and Chinese (no spaces between words).
 */
export const DESCRIPTION_WORDS = { min: 150, max: 300 };
export const DESCRIPTION_CJK_CHARS = { min: 400, max: 1500 };
const CJK = new Set(['ja', 'zh_CN', 'zh_TW', 'ko']);

export interface ListingTexts {
  locale: string;
  name: string;
  summary: string;
  description: string;
}

/** Every locale Tessera ships (public/_locales), by folder name. */
export function shippedLocales(): string[] {
  return readdirSync(LOCALES_DIR).sort();
}

function message(locale: string, key: string): string {
  const messages = JSON.parse(readFileSync(path.join(LOCALES_DIR, locale, 'messages.json'), 'utf8')) as Record<
    string,
    { message: string } | undefined
  >;
  return messages[key]?.message ?? '';
}

/** The listing in `locale`; throws when its description file is missing. */
export function listingTexts(locale: string): ListingTexts {
  return {
    locale,
    name: message(locale, 'extName'),
    summary: message(locale, 'extDescription'),
    description: readFileSync(path.join(STORE_DIR, locale, 'description.txt'), 'utf8').trim(),
  };
}

/** What is wrong with one language's listing; empty when a store would take it. */
export function listingProblems({ locale, name, summary, description }: ListingTexts): string[] {
  const problems: string[] = [];
  if (!name) problems.push(`${locale}: no name`);
  if (!summary) problems.push(`${locale}: no summary`);
  else if ([...summary].length > SUMMARY_MAX)
    problems.push(`${locale}: summary of ${[...summary].length} characters (at most ${SUMMARY_MAX})`);
  if (CJK.has(locale)) {
    const { min, max } = DESCRIPTION_CJK_CHARS;
    const length = [...description.replace(/\s/g, '')].length;
    if (length < min || length > max)
      problems.push(`${locale}: description of ${length} characters (${min} to ${max})`);
  } else {
    const { min, max } = DESCRIPTION_WORDS;
    const words = description.split(/\s+/).filter((word) => /\p{L}/u.test(word)).length;
    if (words < min || words > max) problems.push(`${locale}: description of ${words} words (${min} to ${max})`);
  }
  if (/<[a-z][^>]*>/i.test(description)) problems.push(`${locale}: the description is plain text, no markup`);
  return problems;
}

/** `store/permissions.txt`: permission → one line of why, for the Chrome Web Store's privacy tab. */
export function permissionJustifications(text = readFileSync(path.join(STORE_DIR, 'permissions.txt'), 'utf8')) {
  const justifications = new Map<string, string>();
  for (const line of text.split('\n').filter((line) => line.trim())) {
    // "https://*/*: why": the name ends at the first colon followed by a space.
    const match = /^(\S+): (\S.*)$/.exec(line);
    if (!match) throw new Error(`store/permissions.txt: not "permission: why": ${line}`);
    if (justifications.has(match[1]!)) throw new Error(`store/permissions.txt: ${match[1]} twice`);
    justifications.set(match[1]!, match[2]!);
  }
  return justifications;
}

export const singlePurpose = () => readFileSync(path.join(STORE_DIR, 'single-purpose.txt'), 'utf8').trim();

/**
 * Writes the texts a maintainer pastes into the stores' dashboards into `dir`: `LANG/name.txt`,
 * `summary.txt`, `description.txt` per language, and the English `single-purpose.txt` and
 * `permissions.txt`. Throws listing every problem instead when any language's texts would be refused.
 */
export function writeListingTexts(dir: string): void {
  const listings = shippedLocales().map(listingTexts);
  const problems = listings.flatMap(listingProblems);
  if (problems.length) throw new Error(`The store listing would be refused:\n${problems.join('\n')}`);
  for (const { locale, name, summary, description } of listings) {
    mkdirSync(path.join(dir, locale), { recursive: true });
    writeFileSync(path.join(dir, locale, 'name.txt'), `${name}\n`);
    writeFileSync(path.join(dir, locale, 'summary.txt'), `${summary}\n`);
    writeFileSync(path.join(dir, locale, 'description.txt'), `${description}\n`);
  }
  writeFileSync(path.join(dir, 'single-purpose.txt'), `${singlePurpose()}\n`);
  writeFileSync(
    path.join(dir, 'permissions.txt'),
    `${[...permissionJustifications()].map(([name, why]) => `${name}: ${why}`).join('\n')}\n`,
  );
}
