/**
 * ZIP archives, recognised by their signature here and read by zip-contents.ts, which is imported
 * on first use: zip.js then loads only when an archive is imported, never when the worker starts
 * (issue 19). The worker is one classic script, so the bundler inlines that import as a function
 * that evaluates zip.js when it first runs; the bytes are still in the script, their evaluation
 * is not.
 * @see https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT (4.3.7, 4.3.16: the signatures)
 */
import type { Importer } from './import-source';

/** Local file header and the end record of an empty archive. */
const SIGNATURES = ['PK\x03\x04', 'PK\x05\x06'];

export const zipArchive: Importer = {
  format: 'ZIP archive',
  matches: (source) =>
    SIGNATURES.some((signature) => String.fromCharCode(...source.bytes.subarray(0, 4)) === signature),
  async parse(source, password) {
    const { readZipArchive } = await import('./zip-contents');
    return readZipArchive(source, password);
  },
};
