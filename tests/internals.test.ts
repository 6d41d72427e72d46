/**
 * INTERNALS.md stays short and true: its message table lists exactly the messages of
 * utils/core/messaging/messages.ts, each with the file that handles it; its storage table lists
 * exactly the storage items the code defines; every file (and function) its flows name exists;
 * and every "(INTERNALS.md, "Section")" cited in the code is a section of it.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const internals = read('INTERNALS.md');
const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
  cwd: ROOT,
  encoding: 'utf8',
})
  .split('\n')
  .filter(Boolean);
const sources = files.filter((file) => /\.(ts|tsx)$/.test(file) && !/\.test\.tsx?$/.test(file));

/** The rows of the first table under `## heading`, as cells without their backticks. */
function table(heading: string): string[][] {
  const section = internals.split(/^## /m).find((part) => part.startsWith(`${heading}\n`));
  if (!section) throw new Error(`INTERNALS.md has no section "${heading}"`);
  return section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) =>
      line
        .slice(1, -1)
        .split(' | ')
        .map((cell) => cell.trim().replace(/^`|`$/g, '')),
    );
}

/** The message names: the property names of the `Messages` interface. */
function messageTypes(): string[] {
  const file = 'utils/core/messaging/messages.ts';
  const source = ts.createSourceFile(file, read(file), ts.ScriptTarget.Latest);
  const names: string[] = [];
  source.forEachChild((node) => {
    if (ts.isInterfaceDeclaration(node) && node.name.text === 'Messages')
      for (const member of node.members)
        if (member.name && ts.isStringLiteral(member.name)) names.push(member.name.text);
  });
  return names;
}

describe('INTERNALS.md', () => {
  // 12 KB until issue 17 brought sync, whose storage layout and merge rules need their diagram;
  // 14 KB until issue 19 split the worker, and what loads when (and where) needs its table.
  it('is under 16 KB', () => {
    expect(Buffer.byteLength(internals)).toBeLessThanOrEqual(16 * 1024);
  });

  it('lists exactly the messages the code defines, each where it is handled', () => {
    const rows = table('Messages');
    expect(rows.map(([type]) => type).sort()).toEqual(messageTypes().sort());
    for (const [type, from, handledIn] of rows) {
      const code = read(handledIn!);
      const at = code.indexOf(`'${type}': {`);
      expect(at, `${type} in ${handledIn}`).toBeGreaterThanOrEqual(0);
      // The "from" column says who may send it, as the handler's `from` does.
      const rule = /from: '([\w-]+)'/.exec(code.slice(at))?.[1];
      expect(from === 'pages' ? 'extension' : 'extension-or-content-script', `${type}'s sender`).toBe(rule);
    }
  });

  it('lists exactly the storage keys the code defines, each where it is defined', () => {
    const defined = new Map<string, string>();
    for (const file of sources.filter((name) => name.startsWith('utils/')))
      for (const [, key] of read(file).matchAll(/defineItem<[^(]*>\(\s*'([^']+)'/g)) defined.set(key!, file);
    const rows = table('Storage keys');
    expect(rows.map(([key]) => key).sort()).toEqual([...defined.keys()].sort());
    for (const [key, , file] of rows) expect(file, key).toBe(defined.get(key!));
  });

  it('names only files and functions that exist', () => {
    const named = [...internals.matchAll(/`([\w./-]+\.(?:tsx|ts|html))(?![\w])(?::(\w+)(?:\/(\w+))?)?/g)];
    expect(named.length).toBeGreaterThan(40);
    for (const [, name, ...functions] of named) {
      const matches = files.filter((file) => file === name || file.endsWith(`/${name}`));
      expect(matches, name).not.toEqual([]);
      for (const fn of functions.filter(Boolean))
        expect(
          matches.some((file) => new RegExp(`\\b${fn}\\b`).test(read(file))),
          `${name}:${fn}`,
        ).toBe(true);
    }
  });

  it('has every section the code cites', () => {
    const headings = new Set([...internals.matchAll(/^## (.+)$/gm)].map(([, heading]) => heading));
    const cited = sources.flatMap((file) =>
      [...read(file).matchAll(/INTERNALS\.md,?\s*(?:\*\s*)?\(?"([^"]+)"/g)].map(([, section]) => ({ file, section })),
    );
    expect(cited.length).toBeGreaterThan(3);
    for (const { file, section } of cited) expect(headings.has(section!), `${file} cites "${section}"`).toBe(true);
  });
});
