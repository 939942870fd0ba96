// Reads knowledge files (given as text: no file system here) into typed entries, validating each
// against its JSON Schema. Every problem becomes a KnowledgeError with file, line and column, and
// only the broken entries are dropped: the rest of the file, and every other file, still loads.
import type { ErrorObject, ValidateFunction } from 'ajv';
import { CORE_SCHEMA, load as loadYamlFast } from 'js-yaml';
import { lineStarts, positionOf } from '../engine/text/lines';
import { nestingBeyond } from '../engine/text/nesting';
import { Document, isMap, isPair, isScalar, isSeq, LineCounter, Node, parseDocument } from 'yaml';
import * as schemaValidators from 'policy-lens:schema-validators';
import { KnowledgePool } from './compact';
import { lexicon, phraseAt } from '../engine/lexicon';
import {
  Claim,
  ClaimValue,
  CslItem,
  FileLocation,
  KnowledgeError,
  KnowledgeFile,
  SetMember,
  Source,
  Term,
  TermKind,
} from './types';

export type KnowledgeFileKind = 'sources' | 'glossary' | 'claims' | 'places';

export interface LoadedKnowledge {
  sources: Source[];
  terms: Term[];
  claims: Claim[];
  errors: KnowledgeError[];
}

/** Files larger than this are refused with a message rather than parsed. */
export const maxKnowledgeFileBytes = 5 * 1024 * 1024;

interface Validators {
  /** The file's shape with its list entries left open. */
  shell: ValidateFunction;
  /** One list entry. */
  item: ValidateFunction;
}
/**
 * The knowledge/schema/*.schema.json validators, compiled at build time (no code is generated at
 * run time). Each list entry is validated on its own: the cost stays linear in the number of
 * entries, and a file with thousands of broken entries reports a bounded number of errors.
 */
const validators: Record<KnowledgeFileKind, Validators> = {
  sources: { shell: schemaValidators.sourcesShell, item: schemaValidators.sourcesItem },
  glossary: { shell: schemaValidators.glossaryShell, item: schemaValidators.glossaryItem },
  claims: { shell: schemaValidators.claimsShell, item: schemaValidators.claimsItem },
  places: { shell: schemaValidators.placesShell, item: schemaValidators.placesItem },
};

/** At most this many schema errors are reported per file; the rest are counted. */
const maxErrorsPerFile = 50;

/** Which kind of knowledge file a path names, or undefined for files we do not read. */
export function knowledgeFileKind(path: string): KnowledgeFileKind | undefined {
  const normalized = path.replace(/\\/g, '/');
  const name = normalized.slice(normalized.lastIndexOf('/') + 1);
  if (/\/claims\/[^/]+\.ya?ml$/i.test(normalized)) return 'claims';
  if (/^glossary[^/]*\.ya?ml$/i.test(name)) return 'glossary';
  if (/^places[^/]*\.ya?ml$/i.test(name)) return 'places';
  if (/\.json$/i.test(name) && !/\.schema\.json$/i.test(name) && !/^package(-lock)?\.json$/i.test(name))
    return 'sources';
  return undefined;
}

interface ParsedFile {
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

const listKeys: Record<KnowledgeFileKind, string> = {
  sources: '',
  glossary: 'terms',
  claims: 'claims',
  places: 'places',
};

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
  // Offsets of the entries: where each value at depth 1 starts, skipping strings.
  const itemOffsets: number[] = [];
  let depth = 0;
  let expectValue = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      if (depth === 1 && expectValue) {
        itemOffsets.push(i);
        expectValue = false;
      }
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (c === '[' || c === '{') {
      if (depth === 1 && expectValue) {
        itemOffsets.push(i);
        expectValue = false;
      }
      depth++;
      if (depth === 1) expectValue = true;
    } else if (c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 1) expectValue = true;
    else if (depth === 1 && expectValue && !/\s/.test(c)) {
      itemOffsets.push(i);
      expectValue = false;
    }
  }
  return {
    file,
    kind: 'sources',
    lines: new LineCounter(),
    data,
    itemOffsets,
    itemLineStarts: lineStarts(text),
    valid: true,
  };
}

/** One knowledge file, parsed and validated on its own, its valid entries in compact form. */
export interface ParsedKnowledgeFile {
  path: string;
  kind: KnowledgeFileKind;
  /** Problems the file has on its own: encoding, syntax, schema. */
  errors: KnowledgeError[];
  sources: Source[];
  terms: Term[];
  claims: Claim[];
  /** Per entry (sources, terms or claims, in order): its index in the file's list, to locate later errors. */
  indexes: number[];
  /** A claims file's `source:` key. */
  claimsSource?: string;
}

/**
 * Parses and validates one file and returns its valid entries, compact (see compact.ts). Problems
 * between files (duplicates, references) are found when files are assembled. A `pool` shared by
 * the files of one load stores strings and anchor groups they have in common once.
 */
export function parseKnowledgeFile(file: KnowledgeFile, pool = new KnowledgePool()): ParsedKnowledgeFile {
  const kind = knowledgeFileKind(file.path) ?? 'sources';
  const out: ParsedKnowledgeFile = {
    path: file.path,
    kind,
    errors: [],
    sources: [],
    terms: [],
    claims: [],
    indexes: [],
  };
  const p = parseFile(file, kind, out.errors);
  if (!p) return out;
  if (kind === 'sources') readSources(p, out);
  else if (kind === 'glossary') readGlossary(p, out, pool);
  else if (kind === 'places') readPlaces(p, out, pool);
  else readClaims(p, out, pool);
  return out;
}

/**
 * Loads knowledge files. `base` is knowledge already loaded and checked (the bundled snapshot): the
 * files are added to it, and duplicates and references are checked against it too.
 */
export function loadKnowledge(files: readonly KnowledgeFile[], base?: LoadedKnowledge): LoadedKnowledge {
  const pool = new KnowledgePool();
  const texts = new Map(files.map((f) => [f.path, f.text]));
  const parsed = files.filter((f) => knowledgeFileKind(f.path)).map((f) => parseKnowledgeFile(f, pool));
  return assembleKnowledge(parsed, base, (path) => texts.get(path));
}

/**
 * Puts parsed files together: sources first (glossary and claims refer to them), then glossary,
 * then claims; the first definition of a key or id wins, and later ones are reported, as are
 * references to sources or glossary entries that no file defines. `textOf` gives a file's text
 * again, for the exact position of such an error (they are rare, so positions are found only then).
 */
function assembleKnowledge(
  files: readonly ParsedKnowledgeFile[],
  base?: LoadedKnowledge,
  textOf: (path: string) => string | undefined = () => undefined,
): LoadedKnowledge {
  const steps = assembleInSlices(files, base, textOf, Infinity);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/**
 * assembleKnowledge in slices: it yields once a slice has taken `budgetMs`, between files (finding
 * the position of an error parses its file again, which for many files adds up).
 */
export function* assembleInSlices(
  files: readonly ParsedKnowledgeFile[],
  base: LoadedKnowledge | undefined,
  textOf: (path: string) => string | undefined,
  budgetMs: number,
): Generator<void, LoadedKnowledge, void> {
  let sliceStart = performance.now();
  const due = (): boolean => performance.now() - sliceStart > budgetMs;
  const result: LoadedKnowledge = base
    ? { sources: [...base.sources], terms: [...base.terms], claims: [...base.claims], errors: [...base.errors] }
    : { sources: [], terms: [], claims: [], errors: [] };
  const reparsed = new Map<string, ParsedFile>();
  const at: Locator = (f, path, fallback) => locateLater(f, path, textOf, reparsed, fallback);
  for (const f of files) result.errors.push(...f.errors);
  const sourceKeys = new Set(result.sources.map((s) => s.key));
  for (const f of files) {
    f.sources.forEach((source, j) => {
      if (sourceKeys.has(source.key)) {
        result.errors.push({
          kind: 'duplicate',
          message: `duplicate source key "${source.key}"`,
          ...at(f, [f.indexes[j], 'id'], source.origin),
        });
        return;
      }
      sourceKeys.add(source.key);
      result.sources.push(source);
    });
    if (due()) {
      yield;
      sliceStart = performance.now();
    }
  }
  const termIds = new Set(result.terms.map((t) => t.id));
  for (const f of files) {
    f.terms.forEach((term, j) => {
      if (termIds.has(term.id)) {
        result.errors.push({
          kind: 'duplicate',
          message: `duplicate glossary id "${term.id}"`,
          ...at(f, ['terms', f.indexes[j], 'id'], term.origin),
        });
        return;
      }
      termIds.add(term.id);
      result.terms.push(term);
    });
    if (due()) {
      yield;
      sliceStart = performance.now();
    }
  }
  const claimIds = new Set(result.claims.map((c) => c.id));
  for (const f of files) {
    if (f.claimsSource === undefined) continue;
    if (!sourceKeys.has(f.claimsSource)) {
      result.errors.push({
        kind: 'reference',
        message: `source "${f.claimsSource}" is not defined in any sources file`,
        ...at(f, ['source']),
      });
      continue;
    }
    f.claims.forEach((claim, j) => {
      if (claimIds.has(claim.id)) {
        result.errors.push({
          kind: 'duplicate',
          message: `duplicate claim id "${claim.id.slice(claim.source.length + 1)}" in source ${claim.source}`,
          ...at(f, ['claims', f.indexes[j], 'id'], claim.origin),
        });
        return;
      }
      claimIds.add(claim.id);
      result.claims.push(claim);
    });
    if (due()) {
      yield;
      sliceStart = performance.now();
    }
  }
  checkReferences(
    files,
    result,
    at,
    base ? { terms: base.terms.length, claims: base.claims.length } : { terms: 0, claims: 0 },
  );
  return result;
}

/** Deepest nesting of [ and { a knowledge file may have (real files need fewer than ten). */
const maxNesting = 100;

function parseFile(file: KnowledgeFile, kind: KnowledgeFileKind, errors: KnowledgeError[]): ParsedFile | undefined {
  if (file.text.length > maxKnowledgeFileBytes) {
    errors.push({
      kind: 'io',
      message: `file is ${Math.round(file.text.length / 1048576)} MB; knowledge files over ${maxKnowledgeFileBytes / 1048576} MB are not read`,
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
function locate(p: ParsedFile, path: (string | number)[], property?: string): Omit<KnowledgeError, 'kind' | 'message'> {
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

function pathOf(instancePath: string): (string | number)[] {
  if (!instancePath) return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function describe(e: ErrorObject): string {
  const where = e.instancePath ? e.instancePath.slice(1).replace(/\//g, '.') : 'file';
  switch (e.keyword) {
    case 'additionalProperties':
      return `${where}: unknown field "${(e.params as { additionalProperty: string }).additionalProperty}"`;
    case 'required':
      return `${where}: missing field "${(e.params as { missingProperty: string }).missingProperty}"`;
    case 'enum':
      return `${where}: must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'oneOf':
      return e.instancePath.endsWith('/about') || /\/members\/\d+$/.test(e.instancePath)
        ? `${where}: ${e.instancePath.endsWith('/about') ? 'a list of phrase groups, or { property, subject, with }' : 'a phrase or a list of phrases'}`
        : `${where}: a claim needs exactly one value field (quantity, year, date, period, ordinal, role, holders, set, stance, preference, quantifier or entity)`;
    default:
      return `${where}: ${e.message ?? 'is invalid'}`;
  }
}

/**
 * Validates the file and reports errors; returns the indexes of top-level array entries
 * (`terms[i]`, `claims[i]`, or the i-th CSL item) that are broken, or undefined if the whole file is.
 */
function validate(p: ParsedFile, listKey: string | undefined, errors: KnowledgeError[]): Set<number> | undefined {
  if (p.valid) return new Set();
  const { shell, item } = validators[p.kind];
  let reported = 0;
  let suppressed = 0;
  const report = (list: ErrorObject[], prefix: (string | number)[]): void => {
    // oneOf errors repeat the branch failures; report the summary only.
    const seen = new Set<string>();
    for (const e of list.filter((x) => !(x.keyword === 'required' && x.schemaPath.includes('/oneOf/')))) {
      const path = [...prefix, ...pathOf(e.instancePath)];
      const property =
        e.keyword === 'additionalProperties'
          ? (e.params as { additionalProperty: string }).additionalProperty
          : undefined;
      const message = describe({ ...e, instancePath: path.length ? '/' + path.join('/') : '' });
      if (seen.has(message)) continue;
      seen.add(message);
      if (reported >= maxErrorsPerFile) {
        suppressed++;
        continue;
      }
      reported++;
      errors.push({ kind: 'schema', message, ...locate(p, path, property) });
    }
  };
  if (!shell(p.data)) {
    report(shell.errors ?? [], []);
    return undefined;
  }
  const list = (listKey === undefined ? p.data : (p.data as Record<string, unknown>)[listKey]) as unknown[];
  const broken = new Set<number>();
  list.forEach((entry, i) => {
    if (item(entry)) return;
    broken.add(i);
    report(item.errors ?? [], listKey === undefined ? [i] : [listKey, i]);
  });
  if (suppressed > 0)
    errors.push({
      kind: 'schema',
      message: `${suppressed} more schema errors in this file are not listed`,
      file: p.file.path,
      line: 0,
      character: 0,
    });
  return broken;
}

/** Where an entry starts: from the fast path's scan when the file took it, else from the parse. */
function origin(p: ParsedFile, path: (string | number)[]): FileLocation {
  const index = path[path.length - 1];
  if (!p.doc && p.entryLines && typeof index === 'number')
    return { file: p.file.path, line: p.entryLines[index] ?? 0, character: 0 };
  if (!p.doc && p.itemOffsets && p.itemLineStarts && typeof index === 'number')
    return { file: p.file.path, ...positionOf(p.itemLineStarts, p.itemOffsets[index] ?? 0) };
  const at = locate(p, path);
  return { file: at.file, line: at.line, character: at.character };
}

function readSources(p: ParsedFile, out: ParsedKnowledgeFile): void {
  const broken = validate(p, undefined, out.errors);
  if (!broken || !Array.isArray(p.data)) return;
  p.data.forEach((item: CslItem, i) => {
    if (broken.has(i)) return;
    out.sources.push({ key: item.id, csl: item, origin: origin(p, [i]), kind: 'knowledge' });
    out.indexes.push(i);
  });
}

interface RawTerm {
  id: string;
  term: string;
  kind: TermKind;
  expansion?: string;
  aliases?: string[];
  definition: string;
  sources?: { key: string; locator: string }[];
  background?: { text: string; from: string };
  expandOnFirstUse?: boolean;
  country?: string;
  year?: number;
  within?: string;
  utcOffset?: number;
  demonyms?: string[];
  members?: string[];
  identifiedBy?: ('country' | 'year')[];
  otherSenses?: string[];
}

interface RawPlace {
  id: string;
  name: string;
  kind: 'country' | 'region' | 'city' | 'sea' | 'state';
  aliases?: string[];
  demonyms?: string[];
  within?: string;
  capitalOf?: string;
  utcOffset?: number;
}

function readGlossary(p: ParsedFile, out: ParsedKnowledgeFile, pool: KnowledgePool): void {
  const broken = validate(p, 'terms', out.errors);
  if (!broken) return;
  const terms = (p.data as { terms: RawTerm[] }).terms;
  terms.forEach((raw, i) => {
    if (broken.has(i)) return;
    out.terms.push({
      id: pool.word(raw.id),
      term: pool.word(raw.term),
      kind: pool.word(raw.kind) as TermKind,
      expansion: raw.expansion === undefined ? undefined : pool.word(raw.expansion),
      aliases: (raw.aliases ?? []).map((a) => pool.word(a)),
      definition: pool.own(raw.definition.trim()),
      sources: (raw.sources ?? []).map((ref) => ({ key: pool.word(ref.key), locator: pool.word(ref.locator) })),
      background: raw.background && { text: pool.own(raw.background.text), from: pool.word(raw.background.from) },
      expandOnFirstUse: raw.expandOnFirstUse ?? (raw.kind === 'acronym' && raw.expansion !== undefined),
      ...attributes(raw, pool),
      identifiedBy:
        raw.identifiedBy ?? (raw.kind === 'document' || raw.kind === 'event' ? ['country', 'year'] : undefined),
      ...(raw.otherSenses ? { otherSenses: raw.otherSenses.map((w) => pool.word(w)) } : {}),
      origin: origin(p, ['terms', i]),
    });
    out.indexes.push(i);
  });
}

/** The optional attributes glossary entries and places share, pooled, without undefined fields. */
function attributes(raw: RawTerm | RawPlace, pool: KnowledgePool): Partial<Term> {
  const out: Partial<Term> = {};
  if ('country' in raw && raw.country !== undefined) out.country = pool.word(raw.country);
  if ('year' in raw && raw.year !== undefined) out.year = raw.year;
  if (raw.within !== undefined) out.within = pool.word(raw.within);
  if (raw.utcOffset !== undefined) out.utcOffset = raw.utcOffset;
  if (raw.demonyms !== undefined) out.demonyms = raw.demonyms.map((d) => pool.word(d));
  if ('members' in raw && raw.members !== undefined) out.members = raw.members.map((m) => pool.word(m));
  if ('capitalOf' in raw && raw.capitalOf !== undefined) out.capitalOf = pool.word(raw.capitalOf);
  return out;
}

/** Places are general knowledge the reader recognises: terms that never hover. */
function readPlaces(p: ParsedFile, out: ParsedKnowledgeFile, pool: KnowledgePool): void {
  const broken = validate(p, 'places', out.errors);
  if (!broken) return;
  const places = (p.data as { places: RawPlace[] }).places;
  places.forEach((raw, i) => {
    if (broken.has(i)) return;
    out.terms.push({
      id: pool.word(raw.id),
      term: pool.word(raw.name),
      kind: raw.kind === 'country' ? 'country' : 'place',
      aliases: (raw.aliases ?? []).map((a) => pool.word(a)),
      definition: '',
      sources: [],
      expandOnFirstUse: false,
      gazetteer: true,
      ...attributes(raw, pool),
      origin: origin(p, ['places', i]),
    });
    out.indexes.push(i);
  });
}

const valueKinds = [
  'quantity',
  'year',
  'date',
  'period',
  'ordinal',
  'role',
  'holders',
  'set',
  'stance',
  'preference',
  'quantifier',
  'entity',
] as const;

interface RawAbout {
  subject?: string[];
  property: string[];
  with?: string[][];
}

/** A claim's identity groups in one list, with where its property and subject groups are in it. */
function identity(
  about: string[][] | RawAbout | undefined,
  pool: KnowledgePool,
): Pick<Claim, 'about' | 'property' | 'subject'> {
  if (about === undefined) return { about: [], property: -1, subject: -1 };
  if (Array.isArray(about)) return { about: about.map((g) => pool.group(g)), property: -1, subject: -1 };
  const groups = [about.property, ...(about.subject ? [about.subject] : []), ...(about.with ?? [])];
  return { about: groups.map((g) => pool.group(g)), property: 0, subject: about.subject ? 1 : -1 };
}

/** The value of a claim as the engine reads it: holders are a closed set of agents; set members are lists. */
function claimValue(raw: Record<string, unknown>, kind: (typeof valueKinds)[number], pool: KnowledgePool): ClaimValue {
  if (kind === 'holders') {
    const holders = raw.holders as { people: string[] };
    return { kind: 'set', set: { members: holders.people.map((p) => pool.group([p])), closed: true, slot: 'agent' } };
  }
  if (kind === 'set') {
    const set = raw.set as { members: (string | string[])[]; closed?: boolean; slot?: 'agent' | 'list' };
    const members: SetMember[] = set.members.map((m) => pool.group(typeof m === 'string' ? [m] : m));
    return { kind: 'set', set: { members, closed: set.closed ?? true, slot: set.slot ?? 'list' } };
  }
  return { kind, [kind]: pool.plain(raw[kind]) } as unknown as ClaimValue;
}

/** A quantifier must be one the lexicon knows, or the engine could never compare it. */
function knownQuantifier(word: string): boolean {
  const words = word.toLowerCase().split(/\s+/);
  return [lexicon.quantifiers, lexicon.frequencies].some(
    (list) => phraseAt(list, words, 0)?.words.length === words.length,
  );
}

function readClaims(p: ParsedFile, out: ParsedKnowledgeFile, pool: KnowledgePool): void {
  const broken = validate(p, 'claims', out.errors);
  if (!broken) return;
  const data = p.data as { source: string; claims: Record<string, unknown>[] };
  const source = pool.word(data.source);
  out.claimsSource = source;
  data.claims.forEach((raw, i) => {
    if (broken.has(i)) return;
    const kind = valueKinds.find((k) => raw[k] !== undefined)!;
    if (kind === 'quantifier' && !knownQuantifier(raw.quantifier as string)) {
      out.errors.push({
        kind: 'schema',
        message: `claims.${i}.quantifier: "${raw.quantifier as string}" is not a quantifier the lexicon knows (majority, most, many, few, all, several times …)`,
        ...locate(p, ['claims', i, 'quantifier']),
      });
      return;
    }
    const value = claimValue(raw, kind, pool);
    // A role is about its person: the claim applies where the person is named.
    const about =
      raw.about === undefined && value.kind === 'role'
        ? [[value.role.person]]
        : (raw.about as string[][] | RawAbout | undefined);
    out.claims.push({
      id: pool.own(`${source}/${raw.id as string}`),
      source,
      locator: pool.word(raw.locator as string),
      statement: pool.own((raw.statement as string).trim()),
      ...identity(about, pool),
      quote: raw.quote === undefined ? undefined : pool.own(raw.quote as string),
      mood: raw.mood === 'recommends' ? 'recommends' : undefined,
      value,
      note: raw.note === undefined ? undefined : pool.own(raw.note as string),
      qualifier: raw.qualifier === undefined ? undefined : pool.own(raw.qualifier as string),
      origin: origin(p, ['claims', i]),
    });
    out.indexes.push(i);
  });
}

/** The position of `path` in a file, parsed again for it (see assembleKnowledge). */
function locateLater(
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

type Locator = (
  f: ParsedKnowledgeFile,
  path: (string | number)[],
  fallback?: FileLocation,
) => Omit<KnowledgeError, 'kind' | 'message'>;

/**
 * Dangling references: unknown source keys in glossary entries, unknown people and organisations
 * in claims. Entries are shared with the files they came from (a server keeps those to reload
 * quickly), so a term that loses a reference is replaced by a copy rather than changed.
 */
function checkReferences(
  files: readonly ParsedKnowledgeFile[],
  result: LoadedKnowledge,
  at: Locator,
  checked: { terms: number; claims: number },
): void {
  const sourceKeys = new Set(result.sources.map((s) => s.key));
  const termById = new Map(result.terms.map((t) => [t.id, t]));
  const byPath = new Map(files.map((f) => [f.path, f]));
  /** The file an entry came from and its index in that file's list (only looked up for an error). */
  const place = (entry: Term | Claim, list: 'terms' | 'claims'): [ParsedKnowledgeFile | undefined, number] => {
    const f = byPath.get(entry.origin.file);
    const j = f ? (f[list] as (Term | Claim)[]).indexOf(entry) : -1;
    return [f, f && j >= 0 ? f.indexes[j] : -1];
  };
  const refError = (
    entry: Term | Claim,
    list: 'terms' | 'claims',
    path: (string | number)[],
    message: string,
  ): void => {
    const [f, index] = place(entry, list);
    const location = f
      ? at(f, [list, index, ...path], entry.origin)
      : { file: entry.origin.file, line: entry.origin.line, character: entry.origin.character };
    result.errors.push({ kind: 'reference', message, ...location });
  };
  for (let i = checked.terms; i < result.terms.length; i++) {
    const term = result.terms[i];
    if (term.sources.every((ref) => sourceKeys.has(ref.key))) continue;
    term.sources.forEach((ref, j) => {
      if (!sourceKeys.has(ref.key))
        refError(term, 'terms', ['sources', j, 'key'], `glossary entry "${term.id}" cites unknown source "${ref.key}"`);
    });
    result.terms[i] = { ...term, sources: term.sources.filter((ref) => sourceKeys.has(ref.key)) };
  }
  const claims = result.claims.slice(0, checked.claims);
  for (let i = checked.claims; i < result.claims.length; i++) {
    const claim = result.claims[i];
    const missing: [string, (string | number)[]][] = [];
    const value = claim.value;
    const requireTerm = (id: string, path: (string | number)[], kinds: TermKind[]): void => {
      const term = termById.get(id);
      if (!term) missing.push([`claim "${claim.id}" refers to unknown glossary id "${id}"`, path]);
      else if (!kinds.includes(term.kind))
        missing.push([`claim "${claim.id}": "${id}" is a ${term.kind}, expected ${kinds.join(' or ')}`, path]);
    };
    if (value.kind === 'role') {
      requireTerm(value.role.person, ['role', 'person'], ['person']);
      if (value.role.org)
        requireTerm(value.role.org, ['role', 'org'], ['organisation', 'group', 'programme', 'event', 'acronym']);
    }
    if (
      value.kind === 'entity' &&
      termById.has(value.entity.value) === false &&
      /^[a-z0-9-]+$/.test(value.entity.value) &&
      value.entity.value.includes('-')
    ) {
      missing.push([`claim "${claim.id}" refers to unknown glossary id "${value.entity.value}"`, ['entity', 'value']]);
    }
    for (const [message, path] of missing) refError(claim, 'claims', path, message);
    if (missing.length === 0) claims.push(claim);
  }
  result.claims = claims;
}
