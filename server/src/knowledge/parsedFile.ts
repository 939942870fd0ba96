// A knowledge file read into data, with the positions of its entries: JSON and plainly
// well-formed YAML by a fast path that scans for where entries start; anything else by the `yaml`
// parser, which gives exact positions and refuses alias bombs. Positions a fast-path file is asked
// for later (an error in it) come from parsing it again then.
import { CORE_SCHEMA, load as loadYamlFast } from 'js-yaml';
import { type Document, isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { lineStarts, positionOf } from '../engine/text/lines';
import { nestingBeyond } from '../engine/text/nesting';
import { type KnowledgeFileKind, listKeys, maxKnowledgeFileBytes, tooLargeMessage } from './fileKinds';
import { validators } from './schemas';
import type { FileLocation, KnowledgeError, KnowledgeFile, ParsedKnowledgeFile } from './types';

export interface ParsedFile {
  file: KnowledgeFile;
  kind: KnowledgeFileKind;
  doc?: Document;
  lines: LineCounter;
  data: unknown;
  /** For JSON arrays read without the YAML parser: where each top-level entry starts. */
  itemOffsets?: number[];
  /** With `itemOffsets`: the file's line starts (`lineStarts`), to turn an offset into a position. */
  itemLineStarts?: number[];
  /** For YAML lists read by the fast path: the line of each entry. */
  entryLines?: number[];
  /** Already validated against the schema. */
  valid?: boolean;
}

/**
 * A glossary or claims file read by js-yaml, when it is plainly well formed: no anchors or aliases,
 * every entry valid, and each entry's line found by a scan for the list's "- " items. Otherwise
 * undefined, and the caller uses the `yaml` parser.
 */
function parseYamlList(file: KnowledgeFile, kind: KnowledgeFileKind, text: string): ParsedFile | undefined {
  // Anchors or aliases go to the guarded parser. Most files have neither character at all, and
  // looking for one is much cheaper than the pattern.
  if ((text.includes('&') || text.includes('*')) && /(^|[\s[{,])[&*][^\s,\]}]/m.test(text)) return undefined;
  let data: unknown;
  try {
    data = loadYamlFast(text, { schema: CORE_SCHEMA, json: false });
  } catch {
    return undefined;
  }
  const listKey = listKeys[kind];
  const { shell, item } = validators[kind];
  if (!shell(data)) return undefined;
  const list = (data as Record<string, unknown[]>)[listKey];
  if (!list.every((entry) => item(entry))) return undefined;
  const entryLines = listEntryLines(text, listKey);
  if (entryLines.length !== list.length) return undefined;
  const lines = new LineCounter();
  return { file, kind, lines, data, entryLines, valid: true };
}

/** Lines (0-based) where the entries of the top-level list `key:` begin ("  - id: …"). */
function listEntryLines(text: string, key: string): number[] {
  const out: number[] = [];
  let inList = false;
  let indent = -1;
  // Line by line with indexOf rather than split: knowledge files can have a million lines in all.
  for (let start = 0, n = 0; start <= text.length; n++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const lineEnd = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    if (!inList) {
      if (text.startsWith(`${key}:`, start)) inList = true;
    } else {
      const first = text.charCodeAt(start);
      // The next top-level key ends the list.
      if (start < lineEnd && first !== 0x20 && first !== 0x09 && first !== 0x23) break;
      let i = start;
      while (i < lineEnd && text.charCodeAt(i) === 0x20) i++;
      if (i + 1 < lineEnd && text.charCodeAt(i) === 0x2d && text.charCodeAt(i + 1) === 0x20) {
        if (indent < 0) indent = i - start;
        if (i - start === indent) out.push(n);
      }
    }
    start = end + 1;
  }
  return out;
}

function isJsonButNotAList(text: string): boolean {
  try {
    return !Array.isArray(JSON.parse(text));
  } catch {
    return false;
  }
}

/** A top-level JSON array parsed quickly, or undefined if the text is not one (the caller falls back). */
function parseJsonArray(file: KnowledgeFile, text: string): ParsedFile | undefined {
  if (!/^\s*\[/.test(text)) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!Array.isArray(data)) return undefined;
  // A file with schema errors takes the slower path, whose errors point at the field at fault.
  const { shell, item } = validators.sources;
  if (!shell(data) || !data.every((entry) => item(entry))) return undefined;
  return {
    file,
    kind: 'sources',
    lines: new LineCounter(),
    data,
    itemOffsets: entryOffsets(text),
    itemLineStarts: lineStarts(text),
    valid: true,
  };
}

/**
 * Where each value at depth 1 of a JSON array starts, strings skipped. The text is valid JSON (it
 * was parsed), so only JSON's four whitespace characters separate values. Character codes and
 * indexOf rather than one-character strings: a 4 MB file is scanned in milliseconds.
 */
function entryOffsets(text: string): number[] {
  const offsets: number[] = [];
  let depth = 0;
  let expectValue = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const isWhitespace = c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
    if (depth === 1 && expectValue && !isWhitespace && c !== 0x5d) {
      offsets.push(i);
      expectValue = false;
    }
    if (c === 0x22) i = closingQuote(text, i);
    else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth === 1) expectValue = true;
    } else if (c === 0x5d || c === 0x7d) depth--;
    else if (c === 0x2c && depth === 1) expectValue = true;
  }
  return offsets;
}

/** The offset of the quote that closes the string opened at `open` (one not escaped by a backslash). */
function closingQuote(text: string, open: number): number {
  for (let i = text.indexOf('"', open + 1); i >= 0; i = text.indexOf('"', i + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(i - 1 - backslashes) === 0x5c) backslashes++;
    if (backslashes % 2 === 0) return i;
  }
  return text.length;
}

/** Deepest nesting of [ and { a knowledge file may have (real files need fewer than ten). */
const maxNesting = 100;

export function parseFile(
  file: KnowledgeFile,
  kind: KnowledgeFileKind,
  errors: KnowledgeError[],
): ParsedFile | undefined {
  if (file.text.length > maxKnowledgeFileBytes) {
    errors.push({
      kind: 'io',
      message: tooLargeMessage(file.text.length),
      file: file.path,
      line: 0,
      character: 0,
    });
    return undefined;
  }
  if (file.text.includes('\uFFFD') || file.text.includes('\u0000')) {
    errors.push({ kind: 'io', message: 'file is not valid UTF-8 text', file: file.path, line: 0, character: 0 });
    return undefined;
  }
  const lines = new LineCounter();
  const text = file.text.charCodeAt(0) === 0xfeff ? file.text.slice(1) : file.text;
  const deep = nestingBeyond(text, maxNesting);
  if (deep >= 0) {
    // Parsers recurse per level: refuse absurd nesting before it can exhaust the stack.
    const at = positionOf(lineStarts(text), deep);
    errors.push({
      kind: 'syntax',
      message: `brackets nested more than ${maxNesting} levels deep`,
      file: file.path,
      ...at,
    });
    return undefined;
  }
  // Knowledge can be large: well-formed files take a fast path (JSON.parse, or js-yaml, with entry
  // positions found by one scan); the `yaml` parser, which reports exact error positions and limits
  // aliases, is used for any file the fast path is not sure of.
  const fast = kind === 'sources' ? parseJsonArray(file, text) : parseYamlList(file, kind, text);
  if (fast) return fast;
  if (kind === 'sources' && isJsonButNotAList(text)) {
    // Some other tool's JSON (a folder set too wide finds many): said at once, without the slow
    // parser building a document of it (most of a second for a 1 MB file) to say the same.
    errors.push({ kind: 'schema', message: 'file: must be array', file: file.path, line: 0, character: 0 });
    return undefined;
  }
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const syntax = [...doc.errors];
  if (syntax.length > 0) {
    for (const e of syntax) {
      const pos = lines.linePos(e.pos[0]);
      errors.push({
        kind: 'syntax',
        message: firstLine(e.message),
        file: file.path,
        line: pos.line - 1,
        character: pos.col - 1,
      });
    }
    return undefined;
  }
  let data: unknown;
  try {
    // maxAliasCount stops "billion laughs" alias bombs before they expand.
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    errors.push({ kind: 'syntax', message: firstLine((e as Error).message), file: file.path, line: 0, character: 0 });
    return undefined;
  }
  return { file, kind, doc, lines, data };
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

/** The location of the node at a JSON path (`/claims/3/quantity`), or the nearest existing parent. */
export function locate(
  p: ParsedFile,
  path: (string | number)[],
  property?: string,
): Omit<KnowledgeError, 'kind' | 'message'> {
  if (!p.doc) {
    // Read by the fast path: an error in it (a duplicate, a dangling reference) is rare, so the
    // exact position comes from parsing the file again, now, with positions.
    p.lines = new LineCounter();
    p.doc = parseDocument(p.file.text.charCodeAt(0) === 0xfeff ? p.file.text.slice(1) : p.file.text, {
      lineCounter: p.lines,
      prettyErrors: false,
    });
  }
  let node: unknown = p.doc.contents;
  let target: Node | undefined = p.doc.contents ?? undefined;
  for (const segment of path) {
    let child: unknown;
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment),
      );
      child = pair?.value;
    } else if (isSeq(node)) {
      child = node.items[Number(segment)];
    }
    if (!child) break;
    node = child;
    target = child as Node;
  }
  if (property && isMap(node)) {
    const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === property);
    if (pair && isScalar(pair.key)) target = pair.key as Node;
  }
  const range = target?.range ?? [0, 0, 0];
  const start = p.lines.linePos(range[0]);
  const end = p.lines.linePos(range[1]);
  return {
    file: p.file.path,
    line: start.line - 1,
    character: start.col - 1,
    endLine: end.line - 1,
    endCharacter: end.col - 1,
  };
}

/** Where an entry starts: from the fast path's scan when the file took it, else from the parse. */
export function origin(p: ParsedFile, path: (string | number)[]): FileLocation {
  const index = path[path.length - 1];
  if (!p.doc && p.entryLines && typeof index === 'number') {
    return { file: p.file.path, line: p.entryLines[index] ?? 0, character: 0 };
  }
  if (!p.doc && p.itemOffsets && p.itemLineStarts && typeof index === 'number') {
    return { file: p.file.path, ...positionOf(p.itemLineStarts, p.itemOffsets[index] ?? 0) };
  }
  const at = locate(p, path);
  return { file: at.file, line: at.line, character: at.character };
}

/** The position of `path` in a file, parsed again for it (see assembleKnowledge). */
export function locateLater(
  f: ParsedKnowledgeFile,
  path: (string | number)[],
  textOf: (path: string) => string | undefined,
  reparsed: Map<string, ParsedFile>,
  fallback?: FileLocation,
): Omit<KnowledgeError, 'kind' | 'message'> {
  let p = reparsed.get(f.path);
  if (!p) {
    const text = textOf(f.path);
    if (text === undefined) return { file: f.path, line: fallback?.line ?? 0, character: fallback?.character ?? 0 };
    reparsed.set(
      f.path,
      (p = { file: { path: f.path, text }, kind: f.kind, lines: new LineCounter(), data: undefined }),
    );
  }
  return locate(p, path);
}
