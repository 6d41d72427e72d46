/**
 * A text file of Key URIs, one per line: Tessera's and Aegis's plain exports, Ente Auth's plain
 * export (its extra `codeDisplay` parameter is ignored), WinAuth, and Google Authenticator
 * `otpauth-migration://` lines. An account Tessera cannot represent is skipped with why; a damaged
 * line means nothing is imported.
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

function lines(source: ImportSource): string[] {
  return (source.text ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

export const otpauthList: Importer = {
  format: 'otpauth:// list',
  // Recognised by its first line; a later line that is not a Key URI is reported as damaged.
  matches: (source) => {
    const [first] = lines(source);
    return source.json === undefined && first !== undefined && URI_LINE.test(first);
  },
  async parse(source) {
    const skipped: ImportSkipped[] = [];
    const entries: { account?: Account; line: string; n: number }[] = [];
    for (const [i, line] of lines(source).entries()) {
      if (!isMigrationUri(line)) {
        entries.push({ line, n: i + 1 });
        continue;
      }
      try {
        const part = parseMigrationUri(line);
        entries.push(...part.accounts.map((account) => ({ account, line, n: i + 1 })));
        skipped.push(...part.skipped);
      } catch (error) {
        if (!(error instanceof ImportError)) throw error;
        throw new ImportError(
          error.code === 'empty' ? 'empty' : 'malformed',
          `Line ${i + 1}: ${error.message} Nothing was imported.`,
        );
      }
    }
    const parsed = collectAccounts(
      this.format,
      entries,
      (entry) => ({ account: entry.account ?? parseOtpauthUri(entry.line), tags: [] }),
      (entry) => `Line ${entry.n} (${shorten(entry.line.replace(/secret=[^&]*/i, 'secret=…'), 40)})`,
    );
    return { ...parsed, skipped: [...skipped, ...parsed.skipped] };
  },
};
