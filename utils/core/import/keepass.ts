/**
 * KeePass databases (KDBX 3.1 and 4), recognised by their signature here and read by
 * keepass-database.ts, which is imported on first use: kdbxweb and its XML parser then load only
 * when a KeePass file is imported, never when the worker starts (issue 19). The worker is one
 * classic script, so the bundler inlines that import as a function that evaluates those modules
 * when it first runs; the bytes are still in the script, their evaluation is not.
 * @see https://keepass.info/help/kb/kdbx_4.html
 */
import type { Importer } from './import-source';
import { FORMAT, KDB_SIGNATURE, SIGNATURE, startsWith } from './keepass-signature';

export const keePass: Importer = {
  format: FORMAT,
  matches: (source) => startsWith(source.bytes, SIGNATURE) || startsWith(source.bytes, KDB_SIGNATURE),
  async parse(source, password) {
    const { readKeePass } = await import('./keepass-database');
    return readKeePass(source.bytes, password);
  },
};
