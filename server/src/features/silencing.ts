// Inline comments that silence findings, written as markdownlint users write theirs:
//   <!-- policy-lens-disable contradiction --> … <!-- policy-lens-enable contradiction -->
//   <!-- policy-lens-disable-next-line missing-citation -->   <!-- policy-lens-disable-line -->
//   <!-- policy-lens-disable-file -->   <!-- policy-lens-enable-file -->   capture / restore
// No names: every check. A comment counts where markdownlint's would: on one line (as `<!-- … -->`),
// here also only outside front matter, code blocks and code spans, so that a memo can show one.
import MarkdownIt from 'markdown-it';
import { frontMatterOf } from '../engine/markdown/frontMatter';
import { lineStarts } from '../engine/text/lines';
import { checks } from '../common/checks';

/**
 * The names a comment may give: the diagnostic codes, and `extracted-contradiction` for those that
 * rest only on claims read from reports. The settings' names (`citationMismatch`) work as aliases.
 */
export const silenceableChecks: readonly string[] = [...checks.map((c) => c.id), 'extracted-contradiction'];

const directivePrefix = 'policy-lens-';

const byFoldedName = new Map<string, string>(silenceableChecks.map((name) => [fold(name), name]));

/** `citationMismatch`, `Citation-Mismatch` and `citation_mismatch` all name `citation-mismatch`. */
function fold(name: string): string {
  return name.toLowerCase().replace(/[-_]/g, '');
}

const directive = /<!--\s*policy-lens-((?:dis|en)able(?:-file)?|disable-(?:next-)?line|capture|restore)(?=\s|-->)/g;

const markdown = new MarkdownIt({ html: true });
// Block structure is enough: where code blocks, paragraphs, list items and tables are.
markdown.core.ruler.disable(['inline', 'linkify', 'replacements', 'smartquotes', 'text_join'], true);
type Token = ReturnType<typeof markdown.parse>[number];

interface Structure {
  starts: number[];
  /** The list and list item tokens, with line maps made absolute; undefined for plain text. */
  tokens?: Token[];
  /** Lines of front matter and code blocks, where a comment is text, not a directive. */
  literal: Set<number>;
  /** The leaf block (paragraph, heading, table) each line is in, as [first line, line after it]. */
  leaves?: Map<number, [number, number]>;
  /** HTML blocks (passed through raw) by their first line: a comment they open stays open. */
  htmlBlocks?: { line: number; content: string }[];
}

/** The last document's structure: the quick fix asks for it once per finding under the cursor. */
let last: { text: string; languageId: string; structure: Structure } | undefined;

function structure(text: string, languageId: string): Structure {
  if (last && last.text === text && last.languageId === languageId) return last.structure;
  const made = parseStructure(text, languageId);
  last = { text, languageId, structure: made };
  return made;
}

function parseStructure(text: string, languageId: string): Structure {
  const starts = lineStarts(text);
  const literal = new Set<number>();
  if (languageId !== 'markdown') return { starts, literal };
  const frontMatter = frontMatterOf(text);
  let firstLine = 0;
  if (frontMatter) {
    while (firstLine < starts.length && starts[firstLine] <= frontMatter.end) literal.add(firstLine++);
  }
  const tokens = markdown.parse(text.slice(starts[firstLine] ?? text.length), {});
  const leaves = new Map<number, [number, number]>();
  const htmlBlocks: { line: number; content: string }[] = [];
  for (const token of tokens) {
    if (!token.map) continue;
    token.map = [token.map[0] + firstLine, token.map[1] + firstLine];
    if (token.type === 'html_block') htmlBlocks.push({ line: token.map[0], content: token.content });
    if (token.type === 'fence' || token.type === 'code_block') {
      for (let line = token.map[0]; line < token.map[1]; line++) literal.add(line);
    }
    if (token.type === 'paragraph_open' || token.type === 'heading_open' || token.type === 'table_open') {
      for (let line = token.map[0]; line < token.map[1]; line++) leaves.set(line, [token.map[0], token.map[1]]);
    }
  }
  // Only lists matter after this (where a comment line goes); the rest is not kept.
  const lists = tokens.filter((t) => t.type === 'list_item_open' || t.type.endsWith('_list_open'));
  return { starts, tokens: lists, literal, leaves, htmlBlocks };
}

function lineText(text: string, starts: readonly number[], line: number): string {
  const end = line + 1 < starts.length ? starts[line + 1] : text.length;
  return text.slice(starts[line], end).replace(/\r?\n$|\r$/, '');
}

/**
 * The code spans of a block's text (CommonMark: a backtick run closed by the next run as long), in
 * one pass: each run's next run of the same length is found from the right first.
 */
function codeSpans(text: string): [number, number][] {
  const runs = [...text.matchAll(/`+/g)].map((m) => [m.index, m[0].length] as const);
  const next = new Array<number>(runs.length);
  const seen = new Map<number, number>();
  for (let i = runs.length - 1; i >= 0; i--) {
    next[i] = seen.get(runs[i][1]) ?? -1;
    seen.set(runs[i][1], i);
  }
  const spans: [number, number][] = [];
  for (let i = 0; i < runs.length; i++) {
    if (next[i] < 0) continue;
    spans.push([runs[i][0], runs[next[i]][0]]);
    i = next[i];
  }
  return spans;
}

export interface Silencing {
  /** Whether a finding of check `name` that starts on `line` (0-based) is silenced. */
  silenced(line: number, name: string): boolean;
}

/** The silencing comments of a document; undefined when it has none. */
export function silencingOf(text: string, languageId: string): Silencing | undefined {
  // Most memos have none: the document is not parsed again for them.
  if (!text.includes(directivePrefix)) return undefined;
  const { starts, literal, leaves } = structure(text, languageId);
  // Each block's code spans, worked out once however many comments it holds.
  const spansOf = new Map<number, [number, number][]>();
  const inCodeSpan = (line: number, at: number): boolean => {
    const block = leaves?.get(line);
    if (!block) return false;
    const from = starts[block[0]];
    let spans = spansOf.get(block[0]);
    if (!spans) {
      spans = codeSpans(text.slice(from, block[1] < starts.length ? starts[block[1]] : text.length));
      spansOf.set(block[0], spans);
    }
    const offset = starts[line] + at - from;
    return spans.some(([open, close]) => open < offset && offset < close);
  };
  type Found = { action: string; names: string[] };
  const found = new Map<number, Found[]>();
  for (let line = 0; line < starts.length; line++) {
    if (literal.has(line)) continue;
    const content = lineText(text, starts, line);
    if (!content.includes(directivePrefix)) continue;
    directive.lastIndex = 0;
    for (let match = directive.exec(content); match; match = directive.exec(content)) {
      // A comment ends at its first "-->": the next one starts after it (each character is read once).
      const close = content.indexOf('-->', match.index + match[0].length);
      if (close < 0) break;
      directive.lastIndex = close + 3;
      if (inCodeSpan(line, match.index)) continue;
      const words = content
        .slice(match.index + match[0].length, close)
        .trim()
        .split(/\s+/)
        .filter(Boolean);
      // Unknown names silence nothing (as in markdownlint); no names at all: every check.
      const names = words.length === 0 ? [...silenceableChecks] : words.flatMap((w) => byFoldedName.get(fold(w)) ?? []);
      if (names.includes('contradiction') && !names.includes('extracted-contradiction')) {
        names.push('extracted-contradiction');
      }
      const list = found.get(line) ?? [];
      list.push({ action: match[1], names });
      found.set(line, list);
    }
  }
  if (found.size === 0) return undefined;
  const apply = (state: ReadonlySet<string>, { action, names }: Found): Set<string> => {
    const next = new Set(state);
    for (const name of names) {
      if (action.startsWith('enable')) next.delete(name);
      else next.add(name);
    }
    return next;
  };
  // As markdownlint does it: file-wide comments first, then ranges line by line, then single lines.
  let fileWide: ReadonlySet<string> = new Set<string>();
  for (const list of found.values()) {
    for (const f of list) if (f.action.endsWith('-file')) fileWide = apply(fileWide, f);
  }
  const perLine: ReadonlySet<string>[] = [];
  let state = fileWide;
  let captured = state;
  for (let line = 0; line < starts.length; line++) {
    for (const f of found.get(line) ?? []) {
      if (f.action === 'capture') captured = state;
      else if (f.action === 'restore') state = captured;
      else if (f.action === 'disable' || f.action === 'enable') state = apply(state, f);
    }
    perLine.push(state);
  }
  for (const [line, list] of found) {
    for (const f of list) {
      const target = f.action === 'disable-line' ? line : f.action === 'disable-next-line' ? line + 1 : -1;
      if (target >= 0 && target < perLine.length) perLine[target] = apply(perLine[target], f);
    }
  }
  return { silenced: (line, name) => perLine[line]?.has(name) ?? false };
}

/** A text insertion: `text` at `offset` of the document. */
export interface Insertion {
  offset: number;
  text: string;
}

/**
 * The edits that silence a finding of check `name` starting on `line`: a disable-next-line comment
 * on a line of its own above it, in the same list item or block quote. In a paragraph or table that
 * starts on an earlier line, a comment line would split the paragraph (an HTML comment interrupts
 * one) or end the table: there the block is put between disable and enable comments instead.
 */
export function silencingEdits(text: string, languageId: string, line: number, name: string): Insertion[] {
  const { starts, tokens, leaves, htmlBlocks } = structure(text, languageId);
  const eol = /\r\n|\r|\n/.exec(text)?.[0] ?? '\n';
  const [first, after] = (leaves ? leaves.get(line) : plainBlock(text, starts, line)) ?? [line, line + 1];
  const lineOf = (l: number): string => lineText(text, starts, l);
  const { above, within } = tokens ? containerPrefixes(lineOf, tokens, first) : { above: '', within: '' };
  // A byte order mark that the editor kept in the text stays first.
  const at = starts[first] + (first === 0 && text.startsWith('\uFEFF') ? 1 : 0);
  const comment = (action: string): string => `<!-- ${directivePrefix}${action} ${name} -->`;
  // An HTML comment left open above would end at ours and swallow the text between: no fix then.
  // (A "-->" in Markdown text is printed as text and closes nothing: the raw HTML says what is open.)
  if (text.lastIndexOf('<!--', at) > text.lastIndexOf('-->', at) || rawCommentOpen(htmlBlocks ?? [], first)) {
    return [];
  }
  if (first === line) return [{ offset: at, text: `${above}${comment('disable-next-line')}${eol}` }];
  const last = after - 1;
  const lastEnd = starts[last] + lineText(text, starts, last).length;
  return [
    { offset: at, text: `${above}${comment('disable')}${eol}` },
    { offset: lastEnd, text: `${eol}${within}${comment('enable')}` },
  ];
}

/** Whether the raw HTML blocks before `line` leave an HTML comment open. */
function rawCommentOpen(htmlBlocks: readonly { line: number; content: string }[], line: number): boolean {
  const html = htmlBlocks
    .filter((b) => b.line < line)
    .map((b) => b.content)
    .join('');
  return html.lastIndexOf('<!--') > html.lastIndexOf('-->');
}

function plainBlock(text: string, starts: readonly number[], line: number): [number, number] {
  const blank = (l: number): boolean => lineText(text, starts, l).trim() === '';
  let first = line;
  while (first > 0 && !blank(first - 1)) first--;
  let after = line + 1;
  while (after < starts.length && !blank(after)) after++;
  return [first, after];
}

/** The block-quote markers, list markers and spaces a line starts with, one segment each. */
function prefixSegments(text: string): string[] {
  const prefix = /^(?:[ \t]*>[ \t]?|[ \t]*(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)[ \t]*)*[ \t]*/.exec(text)![0];
  return prefix.match(/[ \t]*>[ \t]?|[ \t]*(?:[-+*]|\d{1,9}[.)])[ \t]*|[ \t]+/g) ?? [];
}

function isMarker(segment: string): boolean {
  return /^[ \t]*(?:[-+*]|\d{1,9}[.)])/.test(segment);
}

function blank(segment: string): string {
  return segment.replace(/[^\t]/g, ' ');
}

/**
 * What goes before a comment line above the block's first line (`above`) and after its last
 * (`within`), so that the comment stays in the block quotes and list items the block is in: `>`
 * markers are repeated and list markers become spaces. Above the first line of a list item that
 * follows another item, the comment is indented to that item's text, so that it belongs to it (at
 * a smaller indent it would end the list); above a list's first item it goes where the marker is.
 */
function containerPrefixes(
  lineOf: (line: number) => string,
  tokens: readonly Token[],
  first: number,
): { above: string; within: string } {
  const segments = prefixSegments(lineOf(first));
  const within = segments.map((s) => (isMarker(s) ? blank(s) : s)).join('');
  let above = '';
  for (const segment of segments) {
    if (!isMarker(segment)) {
      above += segment;
      continue;
    }
    // The outermost item opened on this line: is it its list's first?
    const item = tokens.find((t) => t.type === 'list_item_open' && t.map?.[0] === first);
    const at = item ? tokens.indexOf(item) : -1;
    const list =
      item &&
      tokens
        .slice(0, at)
        .reverse()
        .find((t) => (t.type === 'bullet_list_open' || t.type === 'ordered_list_open') && t.level === item.level - 1);
    if (!item || !list || list.map?.[0] === first) {
      above += /^[ \t]*/.exec(segment)![0];
      break;
    }
    // The item before it, whose text may be indented more or less than this one's ("  - a" then "- b").
    const sibling = tokens
      .slice(tokens.indexOf(list) + 1, at)
      .reverse()
      .find((t) => t.type === 'list_item_open' && t.level === item.level);
    const siblingLine = sibling?.map?.[0];
    let column = -1;
    if (sibling && siblingLine !== undefined) {
      const outer = tokens.filter(
        (t) => t.type === 'list_item_open' && t.map?.[0] === siblingLine && t.level < sibling.level,
      );
      let markers = 0;
      column = 0;
      for (const s of prefixSegments(lineOf(siblingLine))) {
        column += s.length;
        if (isMarker(s) && markers++ === outer.length) break;
      }
    }
    above = column > above.length ? above + ' '.repeat(column - above.length) : above + blank(segment);
    break;
  }
  return { above, within };
}
