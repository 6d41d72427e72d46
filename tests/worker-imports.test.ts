/**
 * What the service worker's script holds (issue 19): every module reached from
 * entrypoints/background.ts by a value import (static, re-export or `import()`: the IIFE build
 * inlines those too) is read on each wake. The packages below run only in the helper's chunks
 * (utils/helper/*-tasks.ts); a type import is erased and does not count.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/** Packages only the helper may load, with the chunk that carries them. */
const HELPER_ONLY = {
  tldts: 'site',
  'hash-wasm': 'kdf',
  jsqr: 'scan',
  '@zip.js/zip.js': 'import',
  'fast-xml-parser': 'import',
  kdbxweb: 'import',
  'libsodium-wrappers': 'import',
  'sql.js': 'import',
};

const EXTENSIONS = ['', '.ts', '.tsx', '/index.ts'];

/** The value imports of a file: module names, relative or package. */
function valueImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const names: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const typeOnly =
        clause?.isTypeOnly === true ||
        (clause !== undefined &&
          !clause.name &&
          clause.namedBindings !== undefined &&
          ts.isNamedImports(clause.namedBindings) &&
          clause.namedBindings.elements.length > 0 &&
          clause.namedBindings.elements.every((element) => element.isTypeOnly));
      if (!typeOnly) names.push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!node.isTypeOnly) names.push(node.moduleSpecifier.text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      names.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return names;
}

/** Every project module the file reaches, and the packages each imports. */
function reach(entry: string): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    const packages: string[] = [];
    seen.set(file, packages);
    for (const name of valueImports(file)) {
      if (!name.startsWith('.')) {
        packages.push(name);
        continue;
      }
      const base = path.join(path.dirname(file), name);
      const hit = EXTENSIONS.map((extension) => base + extension).find((candidate) => existsSync(candidate));
      if (hit && !hit.endsWith('.d.ts')) queue.push(hit);
    }
  }
  return seen;
}

describe("the service worker's script", () => {
  it.each(Object.entries(HELPER_ONLY))('does not import %s (the helper chunk %s does)', (name, chunk) => {
    const isIt = (imported: string) => imported === name || imported.startsWith(`${name}/`);
    const worker = reach('entrypoints/background.ts');
    const importers = [...worker].filter(([, packages]) => packages.some(isIt));
    expect(importers.map(([file]) => file)).toEqual([]);
    const helper = reach(`entrypoints/helper-${chunk}.ts`);
    expect([...helper.values()].flat().filter(isIt)).not.toEqual([]);
  });
});
