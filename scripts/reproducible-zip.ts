/**
 * Zips that come out byte for byte the same from the same files, wherever and whenever they are
 * made (issue 18, "Reproducible"): entries in sorted order, every date the same fixed moment, no
 * extended timestamps (which would carry the real one), no data descriptors, fixed permissions.
 * WXT's own `wxt zip` stamps each entry with the time of the build and lists files in the order
 * the disk returns them, so two builds never match; this replaces it for releases.
 *
 * The DOS date in a zip header is local wall time: `new Date(2000, 0, 1)` is 2000-01-01 00:00 in
 * every time zone, so the bytes do not depend on the machine's zone either. Compression is
 * DEFLATE at level 9 through Node's own zlib (zip.js's CompressionStream): a Node.js release
 * that changed its zlib could give other bytes, so releases name the Node version they were made
 * with (`npm run build-for-amo` prints it) and reviewers use the same (Node 20, `engines`).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { configure, Uint8ArrayReader, Uint8ArrayWriter, ZipWriter } from '@zip.js/zip.js';

configure({ useWebWorkers: false });

export interface ZipEntry {
  /** Path inside the archive, with forward slashes. */
  name: string;
  bytes: Uint8Array;
}

/** Every entry's date: fixed, so that only the content decides the bytes. */
export const ZIP_DATE = new Date(2000, 0, 1);

export async function reproducibleZip(entries: readonly ZipEntry[]): Promise<Uint8Array> {
  const sorted = [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const names = new Set(sorted.map((entry) => entry.name));
  if (names.size !== sorted.length) throw new Error('reproducibleZip: two entries have the same name.');
  const writer = new ZipWriter(new Uint8ArrayWriter(), {
    level: 9,
    lastModDate: ZIP_DATE,
    extendedTimestamp: false,
    dataDescriptor: false,
    msDosCompatible: true,
    // 0644 regular file, as `zip` writes it on Unix, whatever the file's mode on this disk.
    externalFileAttributes: 0o100644 << 16,
    useWebWorkers: false,
  });
  // One at a time, in order: concurrent adds could finish in any order.
  for (const entry of sorted) await writer.add(entry.name, new Uint8ArrayReader(entry.bytes));
  return writer.close();
}

/** The files under `dir` (recursively), named relative to it, minus those `skip` refuses. */
export function folderEntries(dir: string, skip: (name: string) => boolean = () => false): ZipEntry[] {
  const entries: ZipEntry[] = [];
  const walk = (relative: string) => {
    for (const name of readdirSync(path.join(dir, relative)).sort()) {
      const child = relative ? `${relative}/${name}` : name;
      if (skip(child)) continue;
      if (statSync(path.join(dir, child)).isDirectory()) walk(child);
      else entries.push({ name: child, bytes: readFileSync(path.join(dir, child)) });
    }
  };
  walk('');
  return entries;
}
