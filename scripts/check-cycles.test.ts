import { describe, expect, it } from 'vitest';
import { findCycles, importsOf } from './check-cycles';

const graph = (edges: Record<string, string[]>) => new Map(Object.entries(edges));

describe('findCycles', () => {
  it.each([
    ['none in a tree', { a: ['b', 'c'], b: ['c'], c: [] }, []],
    ['a file importing itself', { a: ['a'] }, [['a', 'a']]],
    ['two files', { a: ['b'], b: ['a'] }, [['a', 'b', 'a']]],
    ['a longer circle off a tree', { a: ['b'], b: ['c'], c: ['d'], d: ['b'] }, [['b', 'c', 'd', 'b']]],
    [
      'two separate circles',
      { a: ['b'], b: ['a'], c: ['d'], d: ['c'] },
      [
        ['a', 'b', 'a'],
        ['c', 'd', 'c'],
      ],
    ],
  ])('%s', (_, edges, cycles) => {
    expect(findCycles(graph(edges))).toEqual(cycles);
  });
});

describe('importsOf', () => {
  const files = new Set(['utils/a.ts', 'utils/b/index.ts', 'utils/c.tsx', 'utils/core/d.ts']);
  const exists = (file: string) => files.has(file);

  it('resolves relative imports, type-only and re-exports included, and skips packages', () => {
    const text = [
      "import { x } from './c';",
      "import type { Y } from './b';",
      "export { z } from './core/d';",
      "import { h } from 'preact';",
      "const lazy = () => import('./a');",
    ].join('\n');
    expect(importsOf('utils/a.ts', text, exists).sort()).toEqual([
      'utils/a.ts',
      'utils/b/index.ts',
      'utils/c.tsx',
      'utils/core/d.ts',
    ]);
  });

  it('ignores imports of files it does not know', () => {
    expect(importsOf('utils/a.ts', "import { x } from './missing';", exists)).toEqual([]);
  });
});
