/**
 * The small part of Markdown (CommonMark) PRIVACY.md is written in, read into blocks a page can
 * render as elements: `#`/`##` headings, paragraphs, `-` lists (with continuation lines) and
 * pipe tables; inside them `**bold**` and `` `code` ``. The options page shows the policy from
 * the same file the repository and the store listing link to, so the two never drift apart
 * (issue 18), and without turning text into HTML: no innerHTML anywhere (eslint.config.js).
 * @see https://spec.commonmark.org/0.31.2/
 * @see https://github.github.com/gfm/#tables-extension-
 */

export type Inline = { text: string; strong?: true; code?: true };

export type Block =
  | { kind: 'heading'; level: 1 | 2; text: Inline[] }
  | { kind: 'paragraph'; text: Inline[] }
  | { kind: 'list'; items: Inline[][] }
  | { kind: 'table'; head: Inline[][]; rows: Inline[][][] };

/** `**bold**` and `` `code` `` spans; anything else is text as written. */
export function inlines(text: string): Inline[] {
  const parts: Inline[] = [];
  const pattern = /\*\*(.+?)\*\*|`([^`]+)`/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) parts.push({ text: text.slice(last, match.index) });
    parts.push(match[1] !== undefined ? { text: match[1], strong: true } : { text: match[2]!, code: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

const cells = (line: string) =>
  line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((cell) => inlines(cell.trim()));

export function markdownBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    const heading = /^(#{1,2}) (.+)$/.exec(line);
    if (!line.trim()) i++;
    else if (heading) {
      blocks.push({ kind: 'heading', level: heading[1]!.length as 1 | 2, text: inlines(heading[2]!.trim()) });
      i++;
    } else if (line.startsWith('|')) {
      const table: string[] = [];
      while (i < lines.length && lines[i]!.startsWith('|')) table.push(lines[i++]!);
      // The second line is the delimiter row (| --- | --- |).
      blocks.push({ kind: 'table', head: cells(table[0]!), rows: table.slice(2).map(cells) });
    } else if (/^- /.test(line)) {
      const items: string[] = [];
      while (i < lines.length && (/^- /.test(lines[i]!) || /^ {2,}\S/.test(lines[i]!))) {
        if (/^- /.test(lines[i]!)) items.push(lines[i]!.slice(2).trim());
        else items[items.length - 1] += ` ${lines[i]!.trim()}`;
        i++;
      }
      blocks.push({ kind: 'list', items: items.map(inlines) });
    } else {
      const paragraph: string[] = [];
      while (i < lines.length && lines[i]!.trim() && !/^(#{1,2} |- |\|)/.test(lines[i]!))
        paragraph.push(lines[i++]!.trim());
      blocks.push({ kind: 'paragraph', text: inlines(paragraph.join(' ')) });
    }
  }
  return blocks;
}
