/**
 * An app's own SQLite database, as rows: what sqlite-database.ts hands each app's reader, so the
 * readers stay free of the SQLite library.
 */
import type { ParsedImport } from './imported';

export type Row = Record<string, unknown>;

/** The tables of a database and their columns, by lower-case name. */
export type Tables = ReadonlyMap<string, ReadonlySet<string>>;

export interface AppDatabase {
  /** The app, as the user knows it. */
  format: string;
  /** Recognised by its tables and columns. */
  matches(tables: Tables): boolean;
  /** `rows(table)` gives every row of a table as an object keyed by column name. */
  read(rows: (table: string) => Row[]): Promise<ParsedImport>;
}

/** Whether `table` exists with all of `columns`. */
export function hasColumns(tables: Tables, table: string, columns: string[]): boolean {
  const found = tables.get(table);
  return found !== undefined && columns.every((column) => found.has(column));
}
