/**
 * Reads the field corpus: one HTML file per page in `cases/<source-slug>/`, each opening with a
 * comment header that says where the markup comes from and what the detector should do on it
 * (README: tests/field-corpus/SOURCES.md). Shared by the corpus check and the Chromium runner.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export const CORPUS_DIR = path.resolve(import.meta.dirname);
export const CASES_DIR = path.join(CORPUS_DIR, 'cases');
/**
 * The held-out set: same case format, from sources the detector was never tuned on (none of them
 * in `cases/`), measured and reported apart so its figures stay an honest estimate.
 */
export const HOLDOUT_DIR = path.join(CORPUS_DIR, 'holdout');

export interface CorpusCase {
  /** `<source-slug>/<name>` without `.html`. */
  id: string;
  file: string;
  /** The header's `source:` line. */
  source: string;
  /** The repository (`owner/repo`) or page address the source line starts with. */
  origin: string;
  kind: 'positive' | 'negative';
  codeLength: number;
  note: string;
  /** The page body, header included (a comment renders nothing). */
  html: string;
  /** How many `<input>`s a user could type in (hidden, buttons, checkboxes and radios left out). */
  fields: number;
  /** How many inputs carry `data-corpus="otp"`. */
  marked: number;
}

export class CorpusHeaderError extends Error {}

const HEADER = /^<!--\n([\s\S]*?)\n-->/;
const NOT_A_FIELD = new Set([
  'hidden',
  'submit',
  'button',
  'reset',
  'image',
  'checkbox',
  'radio',
  'file',
  'range',
  'color',
]);

function inputTags(html: string): string[] {
  return html.replace(HEADER, '').match(/<input\b[^>]*>/gi) ?? [];
}

function typeOf(tag: string): string {
  return (/\stype\s*=\s*["']?([\w-]+)/i.exec(tag)?.[1] ?? 'text').toLowerCase();
}

/** Parses one case file; a missing or malformed header is an error naming the file. */
export function parseCase(id: string, file: string, html: string): CorpusCase {
  const header = HEADER.exec(html);
  if (!header) throw new CorpusHeaderError(`${id}: no <!-- ... --> header on the first line`);
  const lines = new Map<string, string>();
  for (const line of header[1]!.split('\n')) {
    const match = /^([a-z-]+):\s*(.*)$/.exec(line.trim());
    if (!match) throw new CorpusHeaderError(`${id}: header line "${line}" is not "key: value"`);
    lines.set(match[1]!, match[2]!.trim());
  }
  const source = lines.get('source') ?? '';
  const kind = lines.get('kind');
  const codeLength = Number(lines.get('code-length') ?? 6);
  if (!source) throw new CorpusHeaderError(`${id}: no source`);
  if (kind !== 'positive' && kind !== 'negative') throw new CorpusHeaderError(`${id}: kind "${kind}"`);
  if (!Number.isInteger(codeLength) || codeLength < 4 || codeLength > 10)
    throw new CorpusHeaderError(`${id}: code-length "${lines.get('code-length')}"`);
  const commit = /^[\w.-]+\/[\w.-]+ \S+ @ [0-9a-f]{8,40} \(https:\/\/\S+\)/.test(source);
  const page = /^https?:\/\/\S+ \(\d{4}-\d{2}-\d{2}\)/.test(source);
  if (!commit && !page)
    throw new CorpusHeaderError(`${id}: source is neither "owner/repo path @ commit (URL)" nor "URL (date seen)"`);
  const tags = inputTags(html);
  return {
    id,
    file,
    source,
    origin: source.split(' ')[0]!,
    kind,
    codeLength,
    note: lines.get('note') ?? '',
    html,
    fields: tags.filter((tag) => !NOT_A_FIELD.has(typeOf(tag))).length,
    marked: tags.filter((tag) => /\sdata-corpus\s*=\s*["']?otp\b/i.test(tag)).length,
  };
}

/** Every case, in a stable order. */
export function readCorpus(dir = CASES_DIR): CorpusCase[] {
  const cases: CorpusCase[] = [];
  for (const slug of readdirSync(dir).sort())
    for (const name of statSync(path.join(dir, slug)).isDirectory() ? readdirSync(path.join(dir, slug)).sort() : []) {
      if (!name.endsWith('.html')) continue;
      const file = path.join(dir, slug, name);
      cases.push(parseCase(`${slug}/${name.slice(0, -5)}`, file, readFileSync(file, 'utf8')));
    }
  return cases;
}
