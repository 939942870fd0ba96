// Reads knowledge files (given as text: no file system here) into typed entries, validating each
// against its JSON Schema. Every problem becomes a KnowledgeError with file, line and column, and
// only the broken entries are dropped: the rest of the file, and every other file, still loads.
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import { CORE_SCHEMA, load as loadYamlFast } from 'js-yaml';
import { nestingBeyond } from '../text/nesting';
import { Document, isMap, isPair, isScalar, isSeq, LineCounter, Node, parseDocument } from 'yaml';
import claimsSchema from '../../../knowledge/schema/claims.schema.json';
import glossarySchema from '../../../knowledge/schema/glossary.schema.json';
import sourcesSchema from '../../../knowledge/schema/sources.schema.json';
import { Claim, ClaimValue, CslItem, FileLocation, KnowledgeError, KnowledgeFile, Source, Term, TermKind } from './types';

export type KnowledgeFileKind = 'sources' | 'glossary' | 'claims';

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
let validators: Record<KnowledgeFileKind, Validators> | undefined;

/**
 * Each list entry is validated on its own: the cost stays linear in the number of entries, and a
 * file with thousands of broken entries reports a bounded number of errors.
 */
function getValidators(): Record<KnowledgeFileKind, Validators> {
  if (!validators) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const open = (schema: Record<string, unknown>, list?: string): Record<string, unknown> => {
      const copy = JSON.parse(JSON.stringify(schema)) as Record<string, unknown> & { items?: unknown; properties?: Record<string, { items?: unknown }> };
      if (list) copy.properties![list].items = {};
      else copy.items = {};
      return copy;
    };
    const item = (schema: Record<string, unknown>, list?: string): Record<string, unknown> => {
      const s = schema as { definitions?: unknown; items?: unknown; properties?: Record<string, { items?: unknown }> };
      const itemSchema = list ? s.properties![list].items : s.items;
      return { ...(itemSchema as object), definitions: s.definitions };
    };
    validators = {
      sources: { shell: ajv.compile(open(sourcesSchema)), item: ajv.compile(item(sourcesSchema)) },
      glossary: { shell: ajv.compile(open(glossarySchema, 'terms')), item: ajv.compile(item(glossarySchema, 'terms')) },
      claims: { shell: ajv.compile(open(claimsSchema, 'claims')), item: ajv.compile(item(claimsSchema, 'claims')) },
    };
  }
  return validators;
}

/** At most this many schema errors are reported per file; the rest are counted. */
const maxErrorsPerFile = 50;

/** Which kind of knowledge file a path names, or undefined for files we do not read. */
export function knowledgeFileKind(path: string): KnowledgeFileKind | undefined {
  const normalized = path.replace(/\\/g, '/');
  const name = normalized.slice(normalized.lastIndexOf('/') + 1);
  if (/\/claims\/[^/]+\.ya?ml$/i.test(normalized)) return 'claims';
  if (/^glossary[^/]*\.ya?ml$/i.test(name)) return 'glossary';
  if (/\.json$/i.test(name) && !/\.schema\.json$/i.test(name) && !/^package(-lock)?\.json$/i.test(name)) return 'sources';
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
  if (/(^|[\s[{,])[&*][^\s,\]}]/m.test(text)) return undefined; // anchors or aliases: the guarded parser
  let data: unknown;
  try {
    data = loadYamlFast(text, { schema: CORE_SCHEMA, json: false });
  } catch {
    return undefined;
  }
  const listKey = kind === 'glossary' ? 'terms' : 'claims';
  const { shell, item } = getValidators()[kind];
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
  const lines = text.split(/\r\n|\r|\n/);
  const out: number[] = [];
  let inList = false;
  let indent = -1;
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    if (!inList) {
      if (line.startsWith(`${key}:`)) inList = true;
      continue;
    }
    if (/^\S/.test(line) && !line.startsWith('#')) break; // the next top-level key
    const m = /^( *)- /.exec(line);
    if (!m) continue;
    if (indent < 0) indent = m[1].length;
    if (m[1].length === indent) out.push(n);
  }
  return out;
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
  const { shell, item } = getValidators().sources;
  if (!shell(data) || !data.every((entry) => item(entry))) return undefined;
  const lines = new LineCounter();
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lines.addNewLine(i + 1);
  lines.addNewLine(0);
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
  return { file, kind: 'sources', lines, data, itemOffsets, valid: true };
}

/**
 * Loads knowledge files. `base` is knowledge already loaded and checked (the bundled snapshot): the
 * files are added to it, and duplicates and references are checked against it too.
 */
export function loadKnowledge(files: readonly KnowledgeFile[], base?: LoadedKnowledge): LoadedKnowledge {
  const result: LoadedKnowledge = base
    ? { sources: [...base.sources], terms: [...base.terms], claims: [...base.claims], errors: [...base.errors] }
    : { sources: [], terms: [], claims: [], errors: [] };
  const parsed: ParsedFile[] = [];
  for (const file of files) {
    const kind = knowledgeFileKind(file.path);
    if (!kind) continue;
    const one = parseFile(file, kind, result.errors);
    if (one) parsed.push(one);
  }
  // Sources first: glossary and claims refer to them.
  for (const p of parsed.filter((p) => p.kind === 'sources')) readSources(p, result);
  for (const p of parsed.filter((p) => p.kind === 'glossary')) readGlossary(p, result);
  for (const p of parsed.filter((p) => p.kind === 'claims')) readClaims(p, result);
  checkReferences(parsed, result);
  return result;
}

/** Deepest nesting of [ and { a knowledge file may have (real files need fewer than ten). */
const maxNesting = 100;

function lineAndColumn(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let start = 0;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) {
    line++;
    start = i + 1;
  }
  return { line, character: offset - start };
}

/** Problems a file has on its own (syntax, encoding, schema), without looking at other files. */
export function fileErrors(file: KnowledgeFile): KnowledgeError[] {
  const kind = knowledgeFileKind(file.path);
  if (!kind) return [];
  const errors: KnowledgeError[] = [];
  const parsed = parseFile(file, kind, errors);
  if (parsed) validate(parsed, kind === 'sources' ? undefined : kind === 'glossary' ? 'terms' : 'claims', errors);
  return errors;
}

function parseFile(file: KnowledgeFile, kind: KnowledgeFileKind, errors: KnowledgeError[]): ParsedFile | undefined {
  if (file.text.length > maxKnowledgeFileBytes) {
    errors.push({ kind: 'io', message: `file is ${Math.round(file.text.length / 1048576)} MB; knowledge files over ${maxKnowledgeFileBytes / 1048576} MB are not read`, file: file.path, line: 0, character: 0 });
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
    const at = lineAndColumn(text, deep);
    errors.push({ kind: 'syntax', message: `brackets nested more than ${maxNesting} levels deep`, file: file.path, ...at });
    return undefined;
  }
  // Knowledge can be large: well-formed files take a fast path (JSON.parse, or js-yaml, with entry
  // positions found by one scan); the `yaml` parser, which reports exact error positions and limits
  // aliases, is used for any file the fast path is not sure of.
  const fast = kind === 'sources' ? parseJsonArray(file, text) : parseYamlList(file, kind, text);
  if (fast) return fast;
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const syntax = [...doc.errors];
  if (syntax.length > 0) {
    for (const e of syntax) {
      const pos = lines.linePos(e.pos[0]);
      errors.push({ kind: 'syntax', message: firstLine(e.message), file: file.path, line: pos.line - 1, character: pos.col - 1 });
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
    p.doc = parseDocument(p.file.text.charCodeAt(0) === 0xfeff ? p.file.text.slice(1) : p.file.text, { lineCounter: p.lines, prettyErrors: false });
  }
  let node: unknown = p.doc.contents;
  let target: Node | undefined = p.doc.contents ?? undefined;
  for (const segment of path) {
    let child: unknown;
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
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
  return { file: p.file.path, line: start.line - 1, character: start.col - 1, endLine: end.line - 1, endCharacter: end.col - 1 };
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
      return `${where}: a claim needs exactly one value field (quantity, year, date, period, ordinal, role, holders, stance, preference, quantifier or entity)`;
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
  const { shell, item } = getValidators()[p.kind];
  let reported = 0;
  let suppressed = 0;
  const report = (list: ErrorObject[], prefix: (string | number)[]): void => {
    // oneOf errors repeat the branch failures; report the summary only.
    const seen = new Set<string>();
    for (const e of list.filter((x) => !(x.keyword === 'required' && x.schemaPath.includes('/oneOf/')))) {
      const path = [...prefix, ...pathOf(e.instancePath)];
      const property = e.keyword === 'additionalProperties' ? (e.params as { additionalProperty: string }).additionalProperty : undefined;
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
  if (suppressed > 0) errors.push({ kind: 'schema', message: `${suppressed} more schema errors in this file are not listed`, file: p.file.path, line: 0, character: 0 });
  return broken;
}

/** Where an entry starts: from the fast path's scan when the file took it, else from the parse. */
function origin(p: ParsedFile, path: (string | number)[]): FileLocation {
  const index = path[path.length - 1];
  if (!p.doc && p.entryLines && typeof index === 'number') return { file: p.file.path, line: p.entryLines[index] ?? 0, character: 0 };
  if (!p.doc && p.itemOffsets && typeof index === 'number') {
    const at = p.lines.linePos(p.itemOffsets[index] ?? 0);
    return { file: p.file.path, line: at.line - 1, character: at.col - 1 };
  }
  const at = locate(p, path);
  return { file: at.file, line: at.line, character: at.character };
}

function readSources(p: ParsedFile, result: LoadedKnowledge): void {
  const broken = validate(p, undefined, result.errors);
  if (!broken || !Array.isArray(p.data)) return;
  p.data.forEach((item: CslItem, i) => {
    if (broken.has(i)) return;
    const at = origin(p, [i]);
    if (seenKeys(result.sources, (s) => s.key).has(item.id)) {
      result.errors.push({ kind: 'duplicate', message: `duplicate source key "${item.id}"`, ...locate(p, [i, 'id']) });
      return;
    }
    result.sources.push({ key: item.id, csl: item, origin: at, kind: 'knowledge' });
    seenKeys(result.sources, (s) => s.key).add(item.id);
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
}

function readGlossary(p: ParsedFile, result: LoadedKnowledge): void {
  const broken = validate(p, 'terms', result.errors);
  if (!broken) return;
  const terms = (p.data as { terms: RawTerm[] }).terms;
  terms.forEach((raw, i) => {
    if (broken.has(i)) return;
    if (seenKeys(result.terms, (t) => t.id).has(raw.id)) {
      result.errors.push({ kind: 'duplicate', message: `duplicate glossary id "${raw.id}"`, ...locate(p, ['terms', i, 'id']) });
      return;
    }
    result.terms.push({
      id: raw.id,
      term: raw.term,
      kind: raw.kind,
      expansion: raw.expansion,
      aliases: raw.aliases ?? [],
      definition: raw.definition.trim(),
      sources: raw.sources ?? [],
      background: raw.background,
      expandOnFirstUse: raw.expandOnFirstUse ?? (raw.kind === 'acronym' && raw.expansion !== undefined),
      origin: origin(p, ['terms', i]),
    });
    seenKeys(result.terms, (t) => t.id).add(raw.id);
  });
}

const valueKinds = ['quantity', 'year', 'date', 'period', 'ordinal', 'role', 'holders', 'stance', 'preference', 'quantifier', 'entity'] as const;

function readClaims(p: ParsedFile, result: LoadedKnowledge): void {
  const broken = validate(p, 'claims', result.errors);
  if (!broken) return;
  const data = p.data as { source: string; claims: Record<string, unknown>[] };
  if (!seenKeys(result.sources, (s) => s.key).has(data.source)) {
    result.errors.push({ kind: 'reference', message: `source "${data.source}" is not defined in any sources file`, ...locate(p, ['source']) });
    return;
  }
  data.claims.forEach((raw, i) => {
    if (broken.has(i)) return;
    const id = `${data.source}/${raw.id as string}`;
    if (seenKeys(result.claims, (c) => c.id).has(id)) {
      result.errors.push({ kind: 'duplicate', message: `duplicate claim id "${raw.id as string}" in source ${data.source}`, ...locate(p, ['claims', i, 'id']) });
      return;
    }
    const kind = valueKinds.find((k) => raw[k] !== undefined)!;
    const value = { kind, [kind]: raw[kind] } as unknown as ClaimValue;
    if (value.kind === 'holders') value.holders.exclusive = value.holders.exclusive ?? true;
    result.claims.push({
      id,
      source: data.source,
      locator: raw.locator as string,
      statement: (raw.statement as string).trim(),
      about: (raw.about as string[][] | undefined) ?? [],
      value,
      note: raw.note as string | undefined,
      qualifier: raw.qualifier as string | undefined,
      origin: origin(p, ['claims', i]),
    });
    seenKeys(result.claims, (c) => c.id).add(id);
  });
}

/** The ids already loaded into a list, kept beside it so duplicate checks cost O(1). */
const idSets = new WeakMap<object, Set<string>>();
function seenKeys<T>(list: T[], id: (x: T) => string): Set<string> {
  let set = idSets.get(list);
  if (!set) idSets.set(list, (set = new Set(list.map(id))));
  return set;
}

/** Dangling references: unknown source keys in glossary entries, unknown people and organisations in claims. */
function checkReferences(parsed: ParsedFile[], result: LoadedKnowledge): void {
  const sourceKeys = new Set(result.sources.map((s) => s.key));
  const termIds = new Map(result.terms.map((t) => [t.id, t]));
  const byFile = new Map(parsed.map((p) => [p.file.path, p]));
  // Entry positions by id, per file, so each reference error finds its entry in O(1).
  const positions = new Map<string, Map<string, number>>();
  const indexIn = (file: string, list: 'terms' | 'claims', id: string): number => {
    const key = `${file}\u0000${list}`;
    let map = positions.get(key);
    if (!map) {
      const p = byFile.get(file);
      const entries = ((p?.data as Record<string, { id: string }[]> | undefined)?.[list] ?? []) as { id: string }[];
      map = new Map(entries.map((e, i) => [e?.id, i]));
      positions.set(key, map);
    }
    return map.get(id) ?? -1;
  };
  const refError = (location: FileLocation, path: (string | number)[], message: string): void => {
    const p = byFile.get(location.file);
    const at = p ? locate(p, path) : { file: location.file, line: location.line, character: location.character };
    result.errors.push({ kind: 'reference', message, ...at });
  };
  for (const term of result.terms) {
    const index = indexIn(term.origin.file, 'terms', term.id);
    term.sources.forEach((ref, j) => {
      if (!sourceKeys.has(ref.key)) refError(term.origin, ['terms', index, 'sources', j, 'key'], `glossary entry "${term.id}" cites unknown source "${ref.key}"`);
    });
    term.sources = term.sources.filter((ref) => sourceKeys.has(ref.key));
  }
  result.claims = result.claims.filter((claim) => {
    const index = indexIn(claim.origin.file, 'claims', claim.id.slice(claim.source.length + 1));
    const missing: [string, (string | number)[]][] = [];
    const value = claim.value;
    const requireTerm = (id: string, path: (string | number)[], kinds: TermKind[]): void => {
      const term = termIds.get(id);
      if (!term) missing.push([`claim "${claim.id}" refers to unknown glossary id "${id}"`, path]);
      else if (!kinds.includes(term.kind)) missing.push([`claim "${claim.id}": "${id}" is a ${term.kind}, expected ${kinds.join(' or ')}`, path]);
    };
    if (value.kind === 'role') {
      requireTerm(value.role.person, ['claims', index, 'role', 'person'], ['person']);
      if (value.role.org) requireTerm(value.role.org, ['claims', index, 'role', 'org'], ['organisation', 'group', 'programme', 'event', 'acronym']);
    }
    if (value.kind === 'holders') value.holders.people.forEach((id, j) => requireTerm(id, ['claims', index, 'holders', 'people', j], ['person']));
    for (const [message, path] of missing) refError(claim.origin, path, message);
    return missing.length === 0;
  });
}
