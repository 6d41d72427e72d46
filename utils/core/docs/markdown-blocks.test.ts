import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inlines, markdownBlocks } from './markdown-blocks';

describe('inlines', () => {
  it.each([
    ['plain', [{ text: 'plain' }]],
    ['a **bold** word', [{ text: 'a ' }, { text: 'bold', strong: true }, { text: ' word' }]],
    ['`HEAD` request', [{ text: 'HEAD', code: true }, { text: ' request' }]],
    ['**a** and `b`', [{ text: 'a', strong: true }, { text: ' and ' }, { text: 'b', code: true }]],
    ['<img src=x onerror=alert(1)>', [{ text: '<img src=x onerror=alert(1)>' }]],
  ])('%s', (text, expected) => {
    expect(inlines(text)).toEqual(expected);
  });
});

describe('markdownBlocks', () => {
  it('reads headings, paragraphs over several lines, lists with continuations, and tables', () => {
    const markdown = [
      '# Title',
      '',
      'One paragraph',
      'on two lines.',
      '',
      '## Part',
      '- first item',
      '  continued',
      '- **second**',
      '',
      '| a | b |',
      '| --- | --- |',
      '| `x` | y |',
    ].join('\n');
    expect(markdownBlocks(markdown)).toEqual([
      { kind: 'heading', level: 1, text: [{ text: 'Title' }] },
      { kind: 'paragraph', text: [{ text: 'One paragraph on two lines.' }] },
      { kind: 'heading', level: 2, text: [{ text: 'Part' }] },
      { kind: 'list', items: [[{ text: 'first item continued' }], [{ text: 'second', strong: true }]] },
      {
        kind: 'table',
        head: [[{ text: 'a' }], [{ text: 'b' }]],
        rows: [[[{ text: 'x', code: true }], [{ text: 'y' }]]],
      },
    ]);
  });

  it('reads PRIVACY.md whole: every word of it ends up in a block', () => {
    const text = readFileSync(path.resolve(import.meta.dirname, '../../../PRIVACY.md'), 'utf8');
    const blocks = markdownBlocks(text);
    const words = (s: string) =>
      s
        .replace(/[*`|#-]/g, ' ')
        .split(/\s+/)
        .filter(Boolean);
    const flat = (parts: { text: string }[]) => parts.map((part) => part.text).join(' ');
    const read = blocks
      .map((block) =>
        block.kind === 'list'
          ? block.items.map(flat).join(' ')
          : block.kind === 'table'
            ? [...block.head, ...block.rows.flat()].map(flat).join(' ')
            : flat(block.text),
      )
      .join(' ');
    expect(words(read)).toEqual(words(text));
    expect(blocks.filter((block) => block.kind === 'heading').length).toBeGreaterThan(5);
    expect(blocks.some((block) => block.kind === 'table')).toBe(true);
  });
});
