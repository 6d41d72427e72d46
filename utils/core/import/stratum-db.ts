/**
 * Stratum's (Authenticator Pro's) own database (`authenticator`, `category` and
 * `authenticatorcategory` tables): the same fields as its JSON backup with lower-case names, so
 * the rows are handed to the backup's reader (stratum.ts).
 * @see https://github.com/stratumauth/app/blob/master/doc/BACKUP_FORMAT.md
 * @see https://github.com/beemdevelopment/Aegis, app/src/main/java/com/beemdevelopment/aegis/importers/AuthenticatorProImporter.java
 */
import { hasColumns, type AppDatabase, type Row } from './app-database';
import { stratum } from './stratum';

const FORMAT = 'Stratum';

export const stratumDb: AppDatabase = {
  format: FORMAT,
  matches: (tables) => hasColumns(tables, 'authenticator', ['type', 'issuer', 'username', 'secret']),
  async read(rows) {
    const optional = (table: string): Row[] => {
      try {
        return rows(table);
      } catch {
        return [];
      }
    };
    const json = {
      Authenticators: rows('authenticator').map((row) => ({
        Type: row.type,
        Issuer: row.issuer,
        Username: row.username,
        Secret: row.secret,
        Algorithm: row.algorithm,
        Digits: row.digits,
        Period: row.period,
        Counter: row.counter,
      })),
      Categories: optional('category').map((row) => ({ Id: row.id, Name: row.name })),
      AuthenticatorCategories: optional('authenticatorcategory').map((row) => ({
        CategoryId: row.categoryid,
        AuthenticatorSecret: row.authenticatorsecret,
      })),
    };
    return { ...(await stratum.parse({ bytes: new Uint8Array(), json })), format: FORMAT };
  },
};
