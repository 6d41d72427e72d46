/**
 * SQLite databases (`SQLite format 3\0`): apps' own databases, copied off a phone. Google
 * Authenticator's, Microsoft Authenticator's and Stratum's are read (each by its reader, chosen by
 * the tables it has); any other is named by its tables. Read with sql.js (SQLite compiled to
 * WebAssembly), the only module that loads it, so it can later be loaded on demand; in the
 * extension its .wasm file sits beside the worker (wxt.config.ts copies it there).
 * @see https://www.sqlite.org/fileformat.html (the header string)
 */
import initSqlJs, { type Database, type SqlJsStatic } from 'sql.js';
import type { AppDatabase, Row, Tables } from './app-database';
import { googleAuthenticatorDb } from './google-authenticator-db';
import { ImportError } from './import-error';
import type { Importer } from './import-source';
import { microsoftAuthenticatorDb } from './microsoft-authenticator-db';
import { stratumDb } from './stratum-db';

const FORMAT = 'SQLite database';
const HEADER = 'SQLite format 3\0';
const APPS: readonly AppDatabase[] = [googleAuthenticatorDb, microsoftAuthenticatorDb, stratumDb];

let engine: Promise<SqlJsStatic> | undefined;

async function sqlite(): Promise<SqlJsStatic> {
  engine ??= initSqlJs();
  try {
    return await engine;
  } catch (error) {
    engine = undefined;
    throw new ImportError(
      'not-recognised',
      `Tessera could not start its database reader (${(error as Error).message}).`,
    );
  }
}

const damaged = (error: unknown) =>
  new ImportError('malformed', `This database is damaged or cut short (${(error as Error).message}).`);

function tablesOf(db: Database): Tables {
  const tables = new Map<string, Set<string>>();
  const [result] = db.exec(
    "SELECT m.name, p.name FROM sqlite_master AS m JOIN pragma_table_info(m.name) AS p WHERE m.type = 'table'",
  );
  for (const [table, column] of result?.values ?? []) {
    const name = String(table).toLowerCase();
    const columns = tables.get(name) ?? new Set<string>();
    columns.add(String(column).toLowerCase());
    tables.set(name, columns);
  }
  return tables;
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** No authenticator holds this many accounts; a bigger table is read no further. */
const MAX_ROWS = 10_000;

/**
 * Every row of a table, keyed by lower-case column name. Only stored columns are read: a
 * generated column runs an expression the file chose (`zeroblob(999999999)`), and sql.js's
 * memory never shrinks for the worker's lifetime.
 */
function rowsOf(db: Database, table: string): Row[] {
  const [info] = db.exec('SELECT name FROM pragma_table_xinfo(?) WHERE hidden = 0', [table]);
  const stored = (info?.values ?? []).map(([name]) => quoted(String(name)));
  if (stored.length === 0) return [];
  const [result] = db.exec(`SELECT ${stored.join(', ')} FROM ${quoted(table)} LIMIT ${MAX_ROWS}`);
  if (!result) return [];
  const columns = result.columns.map((column) => column.toLowerCase());
  return result.values.map((values) => Object.fromEntries(columns.map((column, i) => [column, values[i]])));
}

export const sqliteDatabase: Importer = {
  format: FORMAT,
  matches: (source) => String.fromCharCode(...source.bytes.subarray(0, HEADER.length)) === HEADER,
  async parse(source) {
    const SQL = await sqlite();
    let db: Database | undefined;
    // Always closed: an open database holds a file and a handle in sql.js's memory, and a
    // worker that leaked one per damaged file would run out of them.
    try {
      let tables: Tables;
      try {
        db = new SQL.Database(source.bytes);
        tables = tablesOf(db);
      } catch (error) {
        throw damaged(error);
      }
      const app = APPS.find((candidate) => candidate.matches(tables));
      if (!app) {
        const names = [...tables.keys()].filter((name) => !name.startsWith('sqlite_') && name !== 'android_metadata');
        throw new ImportError(
          'not-recognised',
          `This is an app's database (tables: ${names.slice(0, 6).join(', ') || 'none'}) that Tessera does not read. ` +
            'Export your accounts from the app instead, and import the export.',
        );
      }
      const open = db;
      return await app.read((table) => {
        try {
          return rowsOf(open, table);
        } catch (error) {
          throw damaged(error);
        }
      });
    } finally {
      db?.close();
    }
  },
};
