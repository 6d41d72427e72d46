import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REWRITES, rewriteModule, type Rewrite } from './no-dynamic-code';

const ROOT = path.resolve(import.meta.dirname, '..');
const sample: Rewrite[] = [{ module: '/node_modules/pkg/dist/pkg.js', find: 'eval(x)', replace: 'x' }];

describe('rewriteModule', () => {
  it.each([
    ['/a/node_modules/pkg/dist/pkg.js', 'f(); eval(x); g();', 'f(); x; g();'],
    ['C:\\a\\node_modules\\pkg\\dist\\pkg.js', 'eval(x)', 'x'],
    ['/a/node_modules/other/dist/pkg.js', 'eval(x)', undefined],
  ])('%s', (id, code, expected) => {
    expect(rewriteModule(id, code, sample)).toBe(expected);
  });

  it.each([
    ['missing', 'f();'],
    ['twice', 'eval(x); eval(x);'],
  ])('fails the build when the text is %s (the dependency changed)', (_, code) => {
    expect(() => rewriteModule('/a/node_modules/pkg/dist/pkg.js', code, sample)).toThrow(/no-dynamic-code/);
  });

  it.each(REWRITES.map((rewrite) => [rewrite.module, rewrite] as const))(
    'finds its text exactly once in the installed %s',
    (module, rewrite) => {
      const file = path.join(ROOT, module);
      const rewritten = rewriteModule(file, readFileSync(file, 'utf8'));
      expect(rewritten).toContain(rewrite.replace);
      expect(rewritten).not.toContain(rewrite.find);
    },
  );
});
