/**
 * Fails when the project's own modules import each other in a circle, type-only imports
 * included: a circle means two files that cannot be understood, moved or tested apart. Run by
 * `npm run lint`. Prints each circle found as a chain of files.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const SOURCE = /\.(ts|tsx)$/;
const EXTENSIONS = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'];

/** The project's files that a relative import in `file` names (packages are not ours). */
export function importsOf(file: string, text: string, exists: (file: string) => boolean): string[] {
  const found: string[] = [];
  for (const { fileName } of ts.preProcessFile(text, true, true).importedFiles) {
    if (!fileName.startsWith('.')) continue;
    const base = path.posix.join(path.posix.dirname(file), fileName);
    const hit = EXTENSIONS.map((extension) => base + extension).find(exists);
    if (hit) found.push(hit);
  }
  return found;
}

/** Every circle in the graph, each once, as the files along it (the first repeated at the end). */
export function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): void => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
  return cycles;
}

function projectGraph(root: string): Map<string, string[]> {
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
  })
    .split('\n')
    .filter((file) => SOURCE.test(file) && existsSync(path.join(root, file)));
  const known = new Set(files);
  return new Map(
    files.map((file) => [
      file,
      importsOf(file, readFileSync(path.join(root, file), 'utf8'), (name) => known.has(name)),
    ]),
  );
}

if (process.argv[1] === import.meta.filename) {
  const root = path.resolve(import.meta.dirname, '..');
  const graph = projectGraph(root);
  const cycles = findCycles(graph);
  for (const cycle of cycles) console.error(`Import circle: ${cycle.join(' → ')}`);
  console.log(`${graph.size} modules, ${cycles.length} import circles.`);
  process.exit(cycles.length ? 1 : 0);
}
