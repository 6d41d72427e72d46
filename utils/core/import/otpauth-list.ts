/**
 * A text file of Key URIs, one per line: Tessera's and Aegis's plain exports, Ente Auth's plain
 * export (its extra `codeDisplay` parameter is ignored), WinAuth, and Google Authenticator
 * `otpauth-migration://` lines. A line Tessera cannot use (an account it cannot represent, a
 * damaged or foreign line) is listed with its number and why; the other lines are offered.
 * @see https://github.com/google/google-authenticator/wiki/Key-Uri-Format
 */
import type { Account } from '../otp/account';
import { ImportError } from './import-error';
import { isMigrationUri, parseMigrationUri } from '../scan/otpauth-migration';
import { parseOtpauthUri } from '../otp/otpauth-uri';
import { shorten } from '../scan/scanned-code';
import { collectAccounts, type ImportSkipped } from './imported';
import type { Importer, ImportSource } from './import-source';

const URI_LINE = /^(otpauth|otpauth-migration|steam):\/\//i;

/**
 * The file's lines with their numbers, leaving out blank lines and `#` comments (extract_otp_secrets
 * and other tools keep notes beside the links).
 */
function lines(source: ImportSource): { line: string; n: number }[] {
  return (source.text ?? '')
    .split(/\r?\n/)
    .map((line, i) => ({ line: line.trim(), n: i + 1 }))
    .filter(({ line }) => line !== '' && !line.startsWith('#'));
}

/** "Line 5 (otpauth://totp/…?secret=…)": where it is, and enough to recognise it, never the secret. */
function lineName(line: string, n: number): string {
  const hidden = line
    .replace(/secret=[^&]*/gi, 'secret=…')
    .replace(/data=[^&]*/gi, 'data=…')
    .replace(/^steam:\/\/.*/i, 'steam://…');
  return `Line ${n} (${shorten(hidden, 40)})`;
}

const lineOf = (item: ImportSkipped) => Number(/^Line (\d+)/.exec(item.name)?.[1] ?? 0);
const byLine = (a: ImportSkipped, b: ImportSkipped) => lineOf(a) - lineOf(b);

export const otpauthList: Importer = {
  format: 'otpauth:// list',
  // Recognised by its first line; a later line that is not a Key URI is listed as refused.
  matches: (source) => {
    const [first] = lines(source);
    return source.json === undefined && first !== undefined && URI_LINE.test(first.line);
  },
  async parse(source) {
    const skipped: ImportSkipped[] = [];
    const entries: { account?: Account; line: string; n: number }[] = [];
    for (const { line, n } of lines(source)) {
      if (!isMigrationUri(line)) {
        entries.push({ line, n });
        continue;
      }
      try {
        const part = parseMigrationUri(line);
        entries.push(...part.accounts.map((account) => ({ account, line, n })));
        skipped.push(...part.skipped.map((item) => ({ ...item, name: `Line ${n}: ${item.name}` })));
      } catch (error) {
        if (!(error instanceof ImportError)) throw error;
        skipped.push({ name: lineName(line, n), reason: error.message });
      }
    }
    if (entries.length === 0) {
      const why = skipped.map((item) => `${item.name} (${item.reason})`).join('; ');
      throw new ImportError('malformed', `This ${this.format} export is damaged: ${why}. Nothing was imported.`);
    }
    const parsed = collectAccounts(
      this.format,
      entries,
      (entry) => ({ account: entry.account ?? parseOtpauthUri(entry.line), tags: [] }),
      (entry) => lineName(entry.line, entry.n),
      { numbered: false },
    );
    return { ...parsed, skipped: [...skipped, ...parsed.skipped].sort(byLine) };
  },
};
