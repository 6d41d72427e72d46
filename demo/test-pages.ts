/** Serves the static end-to-end test pages in demo/test-pages/ under /test/, with a listing at /test/. */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import { escapeHtml, page } from './html';
import { send } from './respond';

const DIR = path.join(import.meta.dirname, 'test-pages');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export async function serveTestPage(res: ServerResponse, name: string): Promise<void> {
  if (name === '') {
    const files = (await readdir(DIR).catch(() => [] as string[])).filter((file) => file.endsWith('.html')).sort();
    const items = files.map((file) => `<li><a href="/test/${encodeURIComponent(file)}">${escapeHtml(file)}</a></li>`);
    return send(res, 200, page('Test pages', `<p>Pages the end-to-end tests drive.</p><ul>${items.join('')}</ul>`));
  }
  // Only plain file names from the folder itself: no sub-paths, no "..".
  const type = TYPES[path.extname(name)];
  if (!/^[\w.-]+$/.test(name) || name.startsWith('.') || !type)
    return send(res, 404, page('Not found', '<p>No such test page.</p>'));
  try {
    send(res, 200, await readFile(path.join(DIR, name)), type);
  } catch {
    send(res, 404, page('Not found', '<p>No such test page.</p>'));
  }
}
