// Finds the prose in a memo: its blocks (paragraphs, headings, list items, table cells), each with
// its non-prose masked (masking.ts) and its citations (citations.ts). Block structure comes from
// markdown-it, inline parsing switched off: only where the blocks are is needed. After a keystroke
// inside a paragraph only that block is made again (reparseAfterEdit, BlockCache).
import MarkdownIt from 'markdown-it';
import { detached } from '../text/detach';
import { lineStarts } from '../text/lines';
import type { Citation } from './citations';
import { findFrontMatter, type FrontMatter, lineEnd } from './frontMatter';
import { type BlockOptions, makeBlock } from './masking';
import { generatedSections, referencesStart } from './generatedSections';

export interface ProseBlock {
  start: number;
  end: number;
  /** The block's text with non-prose masked by spaces; same length as the document slice. */
  text: string;
  citations: Citation[];
  /** How the block was made, so it can be made again the same way after an edit inside it. */
  options?: BlockOptions;
}

export interface ParsedProse {
  blocks: ProseBlock[];
  frontMatter?: FrontMatter;
}

const markdown = new MarkdownIt({ html: true });
// Only block structure: inline rules, typographic replacements and linkify are not needed.
markdown.core.ruler.disable(['inline', 'linkify', 'replacements', 'smartquotes', 'text_join'], true);

/**
 * Masked blocks from an earlier parse of the same document, by their raw text: after an edit only
 * the blocks whose text changed are masked again. Each parse keeps only what it used.
 */
export class BlockCache {
  private previous = new Map<string, ProseBlock>();
  private current = new Map<string, ProseBlock>();

  /** A block at `start`, from the cache (shifted there) or made now. */
  block(text: string, start: number, end: number, options: BlockOptions, remember = true): ProseBlock {
    const kind = `${options.listMarker ? 'l' : ''}${options.heading ?? ''}${options.plain ? 'p' : ''}`;
    const key = `${kind}\u0000${text.slice(start, end)}`;
    let relative = this.current.get(key) ?? this.previous.get(key);
    // Cached blocks outlive this version of the document: their text and keys must not refer to it.
    if (!relative) relative = { ...makeBlock(detached(text.slice(start, end)), 0, end - start, options), options };
    if (remember) this.current.set(key, relative);
    if (start === 0) return relative;
    return {
      start: relative.start + start,
      end: relative.end + start,
      text: relative.text,
      citations: relative.citations.map((c) => ({
        ...c,
        start: c.start + start,
        end: c.end + start,
        keys: c.keys.map((k) => ({ ...k, start: k.start + start, end: k.end + start })),
      })),
      options,
    };
  }

  /** Call after a parse: blocks not used by it are forgotten. */
  settle(): void {
    this.previous = this.current;
    this.current = new Map();
  }
}

const uncached = {
  block: (text: string, start: number, end: number, options: BlockOptions): ProseBlock => ({
    ...makeBlock(text, start, end, options),
    options,
  }),
  settle: (): void => {},
};

/**
 * The blocks of a document after an edit that cannot change its block structure, or undefined.
 * A keystroke inside a line of a paragraph (no line break typed or deleted, not in the first
 * columns where "#", ">", "-" or a fence would start a block, not in a table, and the line not left
 * blank) changes that block only: it is masked again and the blocks after it move. Otherwise the
 * caller parses the whole document again.
 */
export function reparseAfterEdit(
  previous: ParsedProse,
  oldText: string,
  text: string,
  cache: Pick<BlockCache, 'block' | 'settle'>,
): ParsedProse | undefined {
  let p = 0;
  const limit = Math.min(oldText.length, text.length);
  while (p < limit && oldText.charCodeAt(p) === text.charCodeAt(p)) p++;
  let q = 0;
  while (q < limit - p && oldText.charCodeAt(oldText.length - 1 - q) === text.charCodeAt(text.length - 1 - q)) q++;
  const removed = oldText.slice(p, oldText.length - q);
  const inserted = text.slice(p, text.length - q);
  if (/[\r\n]/.test(removed) || /[\r\n]/.test(inserted) || removed.length + inserted.length > 200) return undefined;
  const index = previous.blocks.findIndex((b) => b.start <= p && oldText.length - q <= b.end);
  if (index < 0) return undefined;
  const block = previous.blocks[index];
  if (!block.options || block.options.cell) return undefined;
  if (previous.frontMatter && p <= previous.frontMatter.end) return undefined;
  const lineStart = Math.max(text.lastIndexOf('\n', p - 1), text.lastIndexOf('\r', p - 1)) + 1;
  if (p - lineStart < 4) return undefined;
  let lineEnd = p;
  while (lineEnd < text.length && text[lineEnd] !== '\n' && text[lineEnd] !== '\r') lineEnd++;
  if (text.slice(lineStart, lineEnd).trim() === '') return undefined;
  const delta = inserted.length - removed.length;
  const blocks = previous.blocks.slice();
  // Not remembered: a long run of keystrokes must not fill the cache; the next full parse re-masks it.
  blocks[index] = cache.block(text, block.start, block.end + delta, block.options, false);
  for (let k = index + 1; k < blocks.length; k++) {
    const b = blocks[k];
    blocks[k] = {
      ...b,
      start: b.start + delta,
      end: b.end + delta,
      citations: b.citations.map((c) => ({
        ...c,
        start: c.start + delta,
        end: c.end + delta,
        keys: c.keys.map((key) => ({ ...key, start: key.start + delta, end: key.end + delta })),
      })),
    };
  }
  return { blocks, frontMatter: previous.frontMatter };
}

/** Splits a document into prose blocks. Plain text has no Markdown structure: blank lines separate paragraphs. */
export function parseProse(
  text: string,
  languageId = 'markdown',
  cache: Pick<BlockCache, 'block' | 'settle'> = uncached,
): ParsedProse {
  try {
    const parsed = parse(text, languageId, cache);
    // A generated reference list is not prose: its entries are not checked.
    if (!text.includes(referencesStart)) return parsed;
    const sections = generatedSections(text).filter((s) => s.end >= 0);
    if (sections.length === 0) return parsed;
    const generated = (b: ProseBlock): boolean => sections.some((s) => b.start >= s.start && b.end <= s.end);
    return { ...parsed, blocks: parsed.blocks.filter((b) => !generated(b)) };
  } finally {
    cache.settle();
  }
}

function parse(text: string, languageId: string, cache: Pick<BlockCache, 'block'>): ParsedProse {
  const starts = lineStarts(text);
  if (languageId !== 'markdown') return { blocks: plainBlocks(text, starts, cache) };
  const frontMatter = findFrontMatter(text, starts);
  const firstLine = frontMatter ? starts.findIndex((s) => s > frontMatter.end) : 0;
  if (firstLine < 0) return { blocks: [], frontMatter };
  // markdown-it sees the text after the front matter; its line numbers are shifted back below.
  const body = text.slice(starts[firstLine]);
  const tokens = markdown.parse(body, {});
  const blocks: ProseBlock[] = [];
  let listItemPending = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.type === 'list_item_open') listItemPending = true;
    if (!token.map) continue;
    const from = token.map[0] + firstLine;
    const to = token.map[1] + firstLine;
    if (token.type === 'paragraph_open' || token.type === 'heading_open') {
      const start = starts[from];
      const end = lineEnd(text, starts, to - 1);
      const heading = token.type === 'heading_open' ? (token.markup.startsWith('#') ? 'atx' : 'setext') : undefined;
      blocks.push(cache.block(text, start, end, { listMarker: listItemPending, heading }));
      listItemPending = false;
    } else if (token.type === 'table_open') {
      for (let line = from; line < to; line++) {
        blocks.push(...tableCells(text, starts[line], lineEnd(text, starts, line), cache));
      }
      while (i + 1 < tokens.length && tokens[i].type !== 'table_close') i++;
    }
  }
  return { blocks, frontMatter };
}

function plainBlocks(text: string, starts: number[], cache: Pick<BlockCache, 'block'>): ProseBlock[] {
  const blocks: ProseBlock[] = [];
  let blockStart = -1;
  for (let line = 0; line <= starts.length; line++) {
    const blank = line === starts.length || text.slice(starts[line], lineEnd(text, starts, line)).trim() === '';
    if (!blank && blockStart < 0) blockStart = line;
    if (blank && blockStart >= 0) {
      blocks.push(cache.block(text, starts[blockStart], lineEnd(text, starts, line - 1), { plain: true }));
      blockStart = -1;
    }
  }
  return blocks;
}

function tableCells(text: string, start: number, end: number, cache: Pick<BlockCache, 'block'>): ProseBlock[] {
  const row = text.slice(start, end);
  if (/^[\s|:-]*$/.test(row) && row.includes('-')) return []; // the delimiter row: only | : - and spaces
  const cells: ProseBlock[] = [];
  let cellStart = 0;
  for (let i = 0; i <= row.length; i++) {
    if (i === row.length || (row[i] === '|' && row[i - 1] !== '\\')) {
      if (i > cellStart && row.slice(cellStart, i).trim()) {
        cells.push(cache.block(text, start + cellStart, start + i, { cell: true }));
      }
      cellStart = i + 1;
    }
  }
  return cells;
}
