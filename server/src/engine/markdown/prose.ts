// Finds the prose in a memo. Block structure comes from markdown-it (inline parsing switched off:
// we only need where paragraphs, headings and table cells are); inside each block, everything that
// is not prose (code spans, URLs, link targets, HTML, citation brackets) is masked with spaces so
// that offsets in the masked text are offsets in the document.
import MarkdownIt from 'markdown-it';
import { detached } from '../text/detach';
import { lineStarts } from '../text/lines';

export interface CitationKey {
  key: string;
  /** Offsets of the key itself (without `@`), relative to the document. */
  start: number;
  end: number;
  /** As Pandoc reads a cite: `[see -@a, p. 3]` has prefix "see", suffix ", p. 3", author suppressed. */
  prefix?: string;
  suffix?: string;
  suppressAuthor?: boolean;
}

export interface Citation {
  /** The whole citation: `[see @a, p. 3; @b]` or an in-text `@a`. */
  start: number;
  end: number;
  bracketed: boolean;
  keys: CitationKey[];
}

export interface ProseBlock {
  start: number;
  end: number;
  /** The block's text with non-prose masked by spaces; same length as the document slice. */
  text: string;
  citations: Citation[];
  /** How the block was made, so it can be made again the same way after an edit inside it. */
  options?: BlockOptions;
}

export interface FrontMatter {
  start: number;
  end: number;
  /** The YAML between the fences, and its offset in the document. */
  yaml: string;
  yamlStart: number;
}

export interface ParsedProse {
  blocks: ProseBlock[];
  frontMatter?: FrontMatter;
}

const markdown = new MarkdownIt({ html: true });
// Only block structure: inline rules, typographic replacements and linkify are not needed.
markdown.core.ruler.disable(['inline', 'linkify', 'replacements', 'smartquotes', 'text_join'], true);

function lineEnd(text: string, starts: number[], line: number): number {
  let end = line + 1 < starts.length ? starts[line + 1] : text.length;
  while (end > starts[line] && (text.charCodeAt(end - 1) === 10 || text.charCodeAt(end - 1) === 13)) end--;
  return end;
}

/** The YAML front matter at the top of a document, found without parsing the rest of it. */
export function frontMatterOf(text: string): FrontMatter | undefined {
  if (!text.startsWith('---')) return undefined;
  const head = text.slice(0, 1_000_000);
  return findFrontMatter(head, lineStarts(head));
}

function findFrontMatter(text: string, starts: number[]): FrontMatter | undefined {
  if (!/^---[ \t]*(\r\n|\r|\n)/.test(text)) return undefined;
  for (let line = 1; line < starts.length; line++) {
    const content = text.slice(starts[line], lineEnd(text, starts, line));
    if (/^(---|\.\.\.)[ \t]*$/.test(content)) {
      const yamlStart = starts[1];
      return { start: 0, end: lineEnd(text, starts, line), yaml: text.slice(yamlStart, starts[line]), yamlStart };
    }
  }
  return undefined;
}

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

export const referencesStart = '<!-- policy-lens:references -->';
export const referencesEnd = '<!-- /policy-lens:references -->';

/** A section that Insert References wrote: from its start marker's line to its end marker's (-1: none). */
export interface GeneratedSection {
  start: number;
  end: number;
}

/**
 * Insert References' markers, counted only where they stand on a line of their own (up to three
 * spaces before) outside front matter, fenced and indented code, and multi-line HTML comments. Each
 * start marker is paired with the next end marker before any other start marker; a start marker
 * without one is returned with `end` -1, so that nothing after it is taken for generated text.
 */
export function generatedSections(text: string): GeneratedSection[] {
  const starts = lineStarts(text);
  const frontMatter = findFrontMatter(text, starts);
  const sections: GeneratedSection[] = [];
  let fence = '';
  let inComment = false;
  let previousBlank = true;
  let open: GeneratedSection | undefined;
  for (let line = 0; line < starts.length; line++) {
    const from = starts[line];
    if (frontMatter && from <= frontMatter.end) continue;
    const content = text.slice(from, lineEnd(text, starts, line));
    const trimmed = content.trim();
    const indent = content.length - content.trimStart().length;
    if (fence) {
      if (trimmed.startsWith(fence) && /^[`~]+$/.test(trimmed)) fence = '';
      previousBlank = false;
      continue;
    }
    if (inComment) {
      if (content.includes('-->')) inComment = false;
      previousBlank = false;
      continue;
    }
    const fenceOpen = /^ {0,3}(`{3,}|~{3,})/.exec(content);
    if (fenceOpen) {
      fence = fenceOpen[1];
      previousBlank = false;
      continue;
    }
    const isCode: boolean = indent >= 4 && previousBlank;
    previousBlank = trimmed === '' || (isCode && previousBlank);
    if (isCode) continue;
    if (indent <= 3 && trimmed === referencesStart) {
      if (open) sections.push(open);
      open = { start: from, end: -1 };
    } else if (indent <= 3 && trimmed === referencesEnd) {
      if (open) {
        open.end = from + content.length;
        sections.push(open);
        open = undefined;
      }
    } else if (trimmed.includes('<!--') && !trimmed.slice(trimmed.lastIndexOf('<!--')).includes('-->')) {
      inComment = true;
    }
  }
  if (open) sections.push(open);
  return sections;
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

export interface BlockOptions {
  /** A table cell: `|` typed into it changes the cells. */
  cell?: boolean;
  listMarker?: boolean;
  heading?: 'atx' | 'setext';
  plain?: boolean;
}

function makeBlock(text: string, start: number, end: number, options: BlockOptions): ProseBlock {
  const raw = text.slice(start, end);
  // Masked code units are marked here and replaced in one pass at the end: cheaper than editing
  // an array of characters, which showed up in cold-start profiles.
  const masked = new Uint8Array(raw.length);
  const mask = (from: number, to: number): void => {
    if (to > from) masked.fill(1, Math.max(0, from), Math.min(raw.length, to));
  };
  const citations: Citation[] = [];
  if (!options.plain) {
    maskLinePrefixes(raw, mask, options);
    maskInline(raw, mask, citations, start);
  } else {
    findCitations(raw, mask, citations, start, new Uint8Array(raw.length));
  }
  return { start, end, text: applyMask(raw, masked), citations };
}

/** `raw` with every marked code unit but line breaks replaced by a space (so the length is kept). */
function applyMask(raw: string, masked: Uint8Array): string {
  let out = '';
  let i = 0;
  while (i < raw.length) {
    let j = masked.indexOf(1, i);
    if (j < 0) j = raw.length;
    out += raw.slice(i, j);
    if (j === raw.length) break;
    let k = masked.indexOf(0, j);
    if (k < 0) k = raw.length;
    for (let at = j; at < k;) {
      let lineBreak = at;
      while (lineBreak < k && raw.charCodeAt(lineBreak) !== 10 && raw.charCodeAt(lineBreak) !== 13) lineBreak++;
      out += ' '.repeat(lineBreak - at);
      if (lineBreak < k) out += raw[lineBreak++];
      at = lineBreak;
    }
    i = k;
  }
  return out;
}

/** Blockquote markers, the list marker of an item's first paragraph, heading markers. */
function maskLinePrefixes(raw: string, mask: (from: number, to: number) => void, options: BlockOptions): void {
  let lineStart = 0;
  let first = true;
  while (lineStart <= raw.length) {
    let lineEndAt = raw.indexOf('\n', lineStart);
    if (lineEndAt < 0) lineEndAt = raw.length;
    const line = raw.slice(lineStart, lineEndAt);
    const prefix = /^[ \t]*(?:>[ \t]?)*/.exec(line)![0].length;
    let cut = prefix;
    if (first && options.listMarker) {
      const marker = /^(?:[-*+]|\d{1,9}[.)])(?:[ \t]+\[[ xX]\])?[ \t]+/.exec(line.slice(prefix));
      if (marker) cut += marker[0].length;
    }
    if (options.heading === 'atx') {
      const hashes = /^#{1,6}[ \t]*/.exec(line.slice(prefix));
      if (hashes) cut += hashes[0].length;
      // Closing hashes: spaces, a run of #, spaces, to the end of the line (scanned back, not matched).
      let k = line.length;
      while (k > 0 && (line[k - 1] === ' ' || line[k - 1] === '\t')) k--;
      const hashesEnd = k;
      while (k > 0 && line[k - 1] === '#') k--;
      if (k < hashesEnd && k > 0 && (line[k - 1] === ' ' || line[k - 1] === '\t')) {
        while (k > 0 && (line[k - 1] === ' ' || line[k - 1] === '\t')) k--;
        mask(lineStart + k, lineEndAt);
      }
    }
    if (options.heading === 'setext' && !first && /^[ \t]*(=+|-+)[ \t]*$/.test(line)) cut = line.length;
    mask(lineStart, lineStart + cut);
    first = false;
    lineStart = lineEndAt + 1;
  }
}

// A Pandoc citation key: starts with a letter, digit or _, then internal punctuation allowed.
const keyBody = /[\p{L}\p{N}_](?:[\p{L}\p{N}_]|[:.#$%&\-+?<>~/](?=[\p{L}\p{N}_]))*/uy;

function readKey(raw: string, at: number): string | undefined {
  keyBody.lastIndex = at;
  const m = keyBody.exec(raw);
  return m ? m[0] : undefined;
}

/**
 * Masks inline non-prose in one block and records citations. Hand-written scanning (no
 * backtracking regular expressions) keeps this linear in the block's length.
 */
function maskInline(
  raw: string,
  mask: (from: number, to: number) => void,
  citations: Citation[],
  offset: number,
): void {
  const taken = new Uint8Array(raw.length);
  const take = (from: number, to: number): void => {
    mask(from, to);
    taken.fill(1, from, to);
  };
  // 1. HTML comments and code spans (nothing inside them is anything else).
  let i = 0;
  while (i < raw.length) {
    if (raw.startsWith('<!--', i)) {
      const close = raw.indexOf('-->', i + 4);
      const end = close < 0 ? raw.length : close + 3;
      take(i, end);
      i = end;
    } else if (raw[i] === '`') {
      let run = 1;
      while (raw[i + run] === '`') run++;
      const fence = '`'.repeat(run);
      let search = i + run;
      let close = -1;
      while ((search = raw.indexOf(fence, search)) >= 0) {
        if (raw[search + run] !== '`' && raw[search - 1] !== '`') {
          close = search;
          break;
        }
        while (raw[search] === '`') search++;
      }
      if (close < 0) i += run;
      else {
        take(i, close + run);
        i = close + run;
      }
    } else if (raw[i] === '\\' && i + 1 < raw.length && /[!-/:-@[-`{-~]/.test(raw[i + 1])) {
      take(i, i + 1);
      i += 2;
    } else i++;
  }
  // 2. Autolinks, raw URLs and inline HTML tags.
  for (const pattern of [
    /<(?:https?|mailto|ftp):[^\s<>]*>/gi,
    /\b(?:https?:\/\/|www\.)[^\s<>]*[^\s<>.,;:!?'")\]]/gi,
    /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]{0,500})?\/?>/g,
  ]) {
    for (const m of raw.matchAll(pattern)) if (!taken[m.index!]) take(m.index!, m.index! + m[0].length);
  }
  // 3. Citations (recorded, then masked) before links, so `[@key]` is never read as link text.
  findCitations(raw, mask, citations, offset, taken);
  // 4. Images, link targets, reference links, footnote markers, emphasis markers.
  for (const m of raw.matchAll(/!\[[^\]\n]{0,500}\]\([^()\n]{0,2000}\)/g)) {
    if (!taken[m.index!]) take(m.index!, m.index! + m[0].length);
  }
  for (const m of raw.matchAll(/\]\([^()\n]{0,2000}\)|\]\[[^\]\n]{0,200}\]|\[\^[^\]\n]{1,100}\]/g)) {
    if (!taken[m.index!]) take(m.index!, m.index! + m[0].length);
  }
  for (let j = 0; j < raw.length; j++) {
    const c = raw[j];
    if (taken[j]) continue;
    if (c === '[' || c === ']' || c === '*' || c === '~' || (c === '_' && !/[\p{L}\p{N}]/u.test(raw[j - 1] ?? ''))) {
      mask(j, j + 1);
    }
  }
}

function findCitations(
  raw: string,
  mask: (from: number, to: number) => void,
  citations: Citation[],
  offset: number,
  taken: Uint8Array,
): void {
  // Bracketed: [ ... @key ... ] with no nested brackets; cites separated by ";" as Pandoc reads them.
  let i = 0;
  while ((i = raw.indexOf('[', i)) >= 0) {
    const close = raw.indexOf(']', i + 1);
    if (close < 0) break;
    const inner = raw.slice(i + 1, close);
    if (inner.includes('[') || taken[i]) {
      i++;
      continue;
    }
    const keys = bracketedCites(inner, offset + i + 1);
    const isLink = raw[close + 1] === '(' || raw[close + 1] === '[';
    if (keys.length > 0 && !isLink) {
      citations.push({ start: offset + i, end: offset + close + 1, bracketed: true, keys });
      mask(i, close + 1);
      taken.fill(1, i, close + 1);
      i = close + 1;
    } else i++;
  }
  // In-text: @key preceded by neither a word character nor an @ (so e-mail addresses are not
  // citations), with Pandoc's optional ` [suffix]` after it: `@kim2023 [p. 4]`.
  for (let j = 0; j < raw.length; j++) {
    if (raw[j] !== '@' || taken[j]) continue;
    const before = j === 0 ? ' ' : raw[j - 1];
    if (/[\p{L}\p{N}_@.\-+]/u.test(before)) continue;
    const braced = raw[j + 1] === '{';
    const key = braced ? braceKey(raw, j + 1) : readKey(raw, j + 1);
    if (!key) continue;
    const keyStart = j + 1 + (braced ? 1 : 0);
    let end = keyStart + key.length + (braced ? 1 : 0);
    const cite: CitationKey = { key, start: offset + keyStart, end: offset + keyStart + key.length };
    if (raw[end] === ' ' && raw[end + 1] === '[' && !taken[end + 1]) {
      const close = raw.indexOf(']', end + 2);
      const inner = close < 0 ? '' : raw.slice(end + 2, close);
      if (close >= 0 && !inner.includes('[') && !inner.includes('@')) {
        cite.suffix = inner.trim();
        end = close + 1;
      }
    }
    citations.push({ start: offset + j, end: offset + end, bracketed: false, keys: [cite] });
    mask(j, end);
    taken.fill(1, j, end);
  }
  citations.sort((a, b) => a.start - b.start);
}

/** The cites of a bracketed citation's text (`see @a, p. 3; -@b`); `at` is the document offset of `inner`. */
function bracketedCites(inner: string, at: number): CitationKey[] {
  const keys: CitationKey[] = [];
  let citeStart = 0;
  let pending: CitationKey | undefined;
  let suffixFrom = 0;
  const finish = (to: number): void => {
    if (!pending) return;
    const suffix = inner.slice(suffixFrom, to).trim();
    if (suffix) pending.suffix = suffix;
    keys.push(pending);
    pending = undefined;
  };
  for (let j = 0; j < inner.length; j++) {
    if (inner[j] === ';') {
      finish(j);
      citeStart = j + 1;
      continue;
    }
    const before = j === 0 ? ' ' : inner[j - 1];
    if (inner[j] !== '@' || !/[\s;-]/.test(before)) continue;
    const braced = inner[j + 1] === '{';
    const key = braced ? braceKey(inner, j + 1) : readKey(inner, j + 1);
    if (!key) continue;
    const keyStart = j + 1 + (braced ? 1 : 0);
    const suppressAuthor = before === '-';
    if (pending) {
      // A second key before any ";": the text between is the first one's suffix.
      finish(suppressAuthor ? j - 1 : j);
      citeStart = suppressAuthor ? j - 1 : j;
    }
    const prefix = inner.slice(citeStart, suppressAuthor ? j - 1 : j).trim();
    pending = { key, start: at + keyStart, end: at + keyStart + key.length };
    if (prefix) pending.prefix = prefix;
    if (suppressAuthor) pending.suppressAuthor = true;
    suffixFrom = keyStart + key.length + (braced ? 1 : 0);
    j = suffixFrom - 1;
  }
  finish(inner.length);
  return keys;
}

function braceKey(text: string, at: number): string | undefined {
  const close = text.indexOf('}', at);
  return close > at + 1 ? text.slice(at + 1, close) : undefined;
}
