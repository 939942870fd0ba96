// Bibliography files as Pandoc users keep them: CSL-JSON arrays, Pandoc YAML and BibTeX/BibLaTeX.
// Their entries become sources whose keys are known citations (no claims: the checker has nothing
// to compare with). BibTeX is read by Citation.js's parser (@citation-js/plugin-bibtex): accents,
// corporate authors, particles, @string, crossref and months as Zotero and Better BibTeX write them.
import { parseDocument, LineCounter } from 'yaml';
import type { BibtexEntry } from '@citation-js/plugin-bibtex/lib/input/file.js';
import type * as BibtexFile from '@citation-js/plugin-bibtex/lib/input/file.js';
import type * as BibtexEntries from '@citation-js/plugin-bibtex/lib/input/entries.js';
import type BibtexConfig from '@citation-js/plugin-bibtex/lib/config.js';
import { lineStarts, positionOf } from '../engine/text/lines';
import { nestingBeyond } from '../engine/text/nesting';
import { type CslItem, type KnowledgeError, type Source } from './types';

export interface BibliographyLoad {
  sources: Source[];
  errors: KnowledgeError[];
}

/** Citation.js's BibTeX reader, loaded on the first .bib file: its modules take tens of ms to load. */
let citationJs:
  | {
      parseBibtexFile: (text: string) => BibtexEntry[];
      bibtexEntriesToCsl: (entries: BibtexEntry[]) => Record<string, unknown>[];
    }
  | undefined;
function bibtexReader(): NonNullable<typeof citationJs> {
  if (!citationJs) {
    /* eslint-disable @typescript-eslint/no-require-imports -- loaded lazily, off the CLI's cold start */
    const file = require('@citation-js/plugin-bibtex/lib/input/file.js') as typeof BibtexFile;
    const entries = require('@citation-js/plugin-bibtex/lib/input/entries.js') as typeof BibtexEntries;
    const config = require('@citation-js/plugin-bibtex/lib/config.js') as { default: typeof BibtexConfig };
    /* eslint-enable @typescript-eslint/no-require-imports */
    // English titles in sentence case, as Pandoc reads them; a style that wants title case makes it.
    config.default.parse.sentenceCase = 'english';
    citationJs = { parseBibtexFile: file.parse, bibtexEntriesToCsl: entries.parse };
  }
  return citationJs;
}

export function parseBibliography(path: string, text: string): BibliographyLoad {
  if (/\.(bib|bibtex|biblatex)$/i.test(path)) return parseBibtex(path, text);
  if (/\.ya?ml$/i.test(path)) return parseCslYaml(path, text);
  return parseCslJson(path, text);
}

function parseCslJson(path: string, text: string): BibliographyLoad {
  // JSON is YAML, and the YAML parser reports positions.
  return parseCslYaml(path, text);
}

function parseCslYaml(path: string, text: string): BibliographyLoad {
  // Parsers recurse per level: refuse absurd nesting before it can exhaust the stack.
  if (nestingBeyond(text, 100) >= 0) {
    return {
      sources: [],
      errors: [
        { kind: 'syntax', message: 'brackets nested more than 100 levels deep', file: path, line: 0, character: 0 },
      ],
    };
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const at = lines.linePos(e.pos[0]);
    return {
      sources: [],
      errors: [
        { kind: 'syntax', message: e.message.split('\n')[0], file: path, line: at.line - 1, character: at.col - 1 },
      ],
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return {
      sources: [],
      errors: [{ kind: 'syntax', message: (e as Error).message, file: path, line: 0, character: 0 }],
    };
  }
  // Pandoc's YAML bibliographies hold the list under `references:`.
  const items = Array.isArray(data) ? data : (data as { references?: unknown } | null)?.references;
  if (!Array.isArray(items)) {
    return {
      sources: [],
      errors: [{ kind: 'schema', message: 'expected a CSL-JSON array of items', file: path, line: 0, character: 0 }],
    };
  }
  return fromCslItems(path, items, (i) => {
    const node = doc.getIn(Array.isArray(data) ? [i] : ['references', i], true) as
      { range?: [number, number, number] } | undefined;
    const at = lines.linePos(node?.range?.[0] ?? 0);
    return { line: at.line - 1, character: at.col - 1 };
  });
}

// CSL-JSON variables by kind (CSL 1.0.2 specification, appendix IV): what each must hold.
const nameVariables = new Set([
  'author',
  'chair',
  'collection-editor',
  'compiler',
  'composer',
  'container-author',
  'contributor',
  'curator',
  'director',
  'editor',
  'editorial-director',
  'executive-producer',
  'guest',
  'host',
  'illustrator',
  'interviewer',
  'narrator',
  'organizer',
  'original-author',
  'performer',
  'producer',
  'recipient',
  'reviewed-author',
  'script-writer',
  'series-creator',
  'translator',
]);
const dateVariables = new Set(['accessed', 'available-date', 'event-date', 'issued', 'original-date', 'submitted']);
const nameParts = ['family', 'given', 'literal', 'suffix', 'dropping-particle', 'non-dropping-particle'];

/**
 * A CSL item's variables that a CSL processor cannot read (a name list that is a string or holds
 * null, a date that is not an object, an object where text belongs) are dropped with a message each,
 * so that one bad item is reported on its file instead of breaking every reference shown.
 */
function sanitizeItem(item: Record<string, unknown>): { csl: CslItem; problems: string[] } {
  const csl: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [name, value] of Object.entries(item)) {
    if (value === undefined || value === null) continue;
    if (nameVariables.has(name)) {
      const names = Array.isArray(value) ? value : undefined;
      const good = names?.filter(
        (n) =>
          n &&
          typeof n === 'object' &&
          !Array.isArray(n) &&
          nameParts.some((p) => typeof (n as Record<string, unknown>)[p] === 'string'),
      );
      if (!names || good!.length !== names.length) {
        problems.push(
          `"${name}" must be a list of names such as {"family": "Kim", "given": "Lami"} or ` +
            `{"literal": "World Bank"}; ${!names ? 'it was ignored' : 'entries that are not were ignored'}`,
        );
      }
      if (good && good.length > 0) csl[name] = good;
    } else if (dateVariables.has(name)) {
      const date = value as Record<string, unknown>;
      const parts = date && typeof date === 'object' ? date['date-parts'] : undefined;
      const partsOk =
        parts === undefined ||
        (Array.isArray(parts) &&
          parts.every((p) => Array.isArray(p) && p.every((x) => typeof x === 'number' || typeof x === 'string')));
      if (typeof value === 'object' && !Array.isArray(value) && partsOk) csl[name] = value;
      else problems.push(`"${name}" must be a date such as {"date-parts": [[2023, 5]]}; it was ignored`);
    } else if (
      name === 'id' ||
      name === 'type' ||
      typeof value === 'string' ||
      typeof value === 'number' ||
      typeof value === 'boolean'
    ) {
      csl[name] = value;
    } else if (name === 'custom' || name === 'citation-key' || name === '_graph') {
      csl[name] = value;
    } else {
      problems.push(`"${name}" must be text or a number; it was ignored`);
    }
  }
  if (typeof csl.type !== 'string') csl.type = 'document';
  return { csl: csl as CslItem, problems };
}

/**
 * CSL items from front matter `references:` or a file; entries without an id, or with fields that
 * cannot be read, are reported.
 */
export function fromCslItems(
  path: string,
  items: unknown[],
  position: (i: number) => { line: number; character: number } = () => ({ line: 0, character: 0 }),
): BibliographyLoad {
  const sources: Source[] = [];
  const errors: KnowledgeError[] = [];
  items.forEach((item, i) => {
    const at = position(i);
    const id = item && typeof item === 'object' ? (item as { id?: unknown }).id : undefined;
    if (typeof id !== 'string' && typeof id !== 'number') {
      errors.push({ kind: 'schema', message: `entry ${i + 1} has no "id"`, file: path, ...at });
      return;
    }
    const key = String(id);
    if (!key) {
      errors.push({ kind: 'schema', message: `entry ${i + 1} has no "id"`, file: path, ...at });
      return;
    }
    const { csl, problems } = sanitizeItem({ ...(item as Record<string, unknown>), id: key });
    for (const problem of problems) errors.push({ kind: 'schema', message: `${key}: ${problem}`, file: path, ...at });
    sources.push({ key, csl, origin: { file: path, ...at }, kind: 'bibliography' });
  });
  return { sources, errors };
}

/** One `@type{…}` or `@type(…)` of a BibTeX file, found by BibTeX's own rules. */
interface BibtexChunk {
  type: string;
  /** The citation key as written (empty for @string, @preamble, @comment). */
  key: string;
  start: number;
  end: number;
}

/**
 * The entries of a BibTeX file, delimited as BibTeX does: braces are counted whatever precedes
 * them (so `url = {C:\dir\}` closes at its brace), a `(`-delimited entry ends at the `)` outside
 * braces and quotes, and an entry that never closes is reported and skipped to the next line that
 * starts with `@`, so the entries after it are still read.
 */
function splitBibtex(text: string, report: (offset: number, message: string) => void): BibtexChunk[] {
  const chunks: BibtexChunk[] = [];
  let i = 0;
  while ((i = text.indexOf('@', i)) >= 0) {
    let j = i + 1;
    while (j < text.length && j - i < 40 && /[A-Za-z]/.test(text[j])) j++;
    const type = text.slice(i + 1, j).toLowerCase();
    while (j < text.length && j - i < 60 && (text[j] === ' ' || text[j] === '\t')) j++;
    if (!type || (text[j] !== '{' && text[j] !== '(')) {
      i++;
      continue;
    }
    const close = text[j] === '(' ? ')' : '}';
    let depth = 0;
    let quoted = false;
    let end = -1;
    let nextEntry = -1;
    for (let k = j + 1; k < text.length; k++) {
      const c = text[k];
      if (c === '{') depth++;
      else if (c === '}' && depth > 0) depth--;
      else if (c === '"' && depth === 0 && type !== 'comment') quoted = !quoted;
      else if (c === close && depth === 0 && !quoted) {
        end = k + 1;
        break;
      } else if (c === '\n' && startsEntry(text, k + 1)) {
        // A line starting a new entry before this one closed: this one is broken (and every
        // entry is scanned once, however many are broken).
        nextEntry = k + 1;
        break;
      }
    }
    if (end < 0) {
      report(i, `@${type} entry is never closed (a "${close}" is missing); it was skipped`);
      if (nextEntry < 0) break;
      i = nextEntry;
      continue;
    }
    let key = '';
    if (type !== 'string' && type !== 'preamble' && type !== 'comment') {
      let k = j + 1;
      while (k < end && /\s/.test(text[k])) k++;
      const keyStart = k;
      while (k < end - 1 && text[k] !== ',' && !/\s/.test(text[k])) k++;
      key = text.slice(keyStart, k);
    }
    chunks.push({ type, key, start: i, end });
    i = end;
  }
  return chunks;
}

const entryTypeGenres = new Set(['techreport', 'mastersthesis', 'phdthesis']);

/** Whether a line starting at `at` opens an entry: spaces, `@`, letters, `{` or `(`. */
function startsEntry(text: string, at: number): boolean {
  let k = at;
  while (k < text.length && k - at < 20 && (text[k] === ' ' || text[k] === '\t')) k++;
  if (text[k] !== '@') return false;
  const typeStart = ++k;
  while (k < text.length && k - typeStart < 40 && /[A-Za-z]/.test(text[k])) k++;
  return k > typeStart && (text[k] === '{' || text[k] === '(');
}

// Fields BibLaTeX reads verbatim: a backslash in them is a character, not a LaTeX command.
const verbatimField = /\b(?:url|doi|eprint|file|pdf|urlraw|verba|verbb|verbc)[ \t]*=[ \t]*\{/gi;
const backslashStandIn = '\uE000';

/** The entry with backslashes in verbatim fields replaced by a stand-in the parser leaves alone. */
function protectVerbatim(entry: string): string {
  if (!entry.includes('\\')) return entry;
  let out = '';
  let from = 0;
  verbatimField.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = verbatimField.exec(entry))) {
    const valueStart = m.index + m[0].length;
    let depth = 1;
    let k = valueStart;
    for (; k < entry.length && depth > 0; k++) {
      if (entry[k] === '{') depth++;
      else if (entry[k] === '}') depth--;
    }
    const valueEnd = depth === 0 ? k - 1 : k;
    out += entry.slice(from, valueStart) + entry.slice(valueStart, valueEnd).split('\\').join(backslashStandIn);
    from = valueEnd;
    verbatimField.lastIndex = valueEnd;
  }
  return out + entry.slice(from);
}

/** Puts the backslashes back into every string of an item (URLs come back percent-encoded). */
function restoreBackslashes(value: unknown): unknown {
  if (typeof value === 'string') return value.replaceAll(backslashStandIn, '\\').replaceAll('%EE%80%80', '\\');
  if (Array.isArray(value)) return value.map(restoreBackslashes);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = restoreBackslashes(v);
    return out;
  }
  return value;
}

/**
 * Names as Pandoc and biblatex (useprefix=false) read them: "van der Berg, Anna" has a dropping
 * particle, and a braced corporate author ({World Bank}) is one literal name.
 */
function bibtexNames(item: Record<string, unknown>): Record<string, unknown> {
  for (const variable of nameVariables) {
    const names = item[variable];
    if (!Array.isArray(names)) continue;
    item[variable] = names.map((name: Record<string, unknown>) => {
      if (!name || typeof name !== 'object') return name;
      const { 'non-dropping-particle': particle, ...rest } = name;
      if (typeof particle === 'string') return { ...rest, 'dropping-particle': particle };
      if (
        typeof name.family === 'string' &&
        name.given === undefined &&
        particle === undefined &&
        name.family.includes(' ')
      ) {
        return { literal: name.family };
      }
      return name;
    });
  }
  return item;
}

// The parser looks @string macros up in a plain object, where an undefined `constructor` would be
// Object's constructor: such names are defined as themselves first (a file's own @string wins).
const prototypeMacros = Object.getOwnPropertyNames(Object.prototype)
  .filter((name) => /^[A-Za-z][A-Za-z_]*$/.test(name))
  .map((name) => `@string{${name} = "${name}"}\n`)
  .join('');

/** "invalid syntax at line 3 col 5: …" from the parser, as a line and column within the entry. */
function parserErrorAt(message: string): { line: number; column: number; text: string } {
  const m = /^(.*?) at line (\d+) col (\d+)/.exec(message.slice(0, 300));
  if (!m) return { line: 0, column: 0, text: message.split('\n')[0] };
  return { line: Number(m[2]) - 1, column: Number(m[3]) - 1, text: m[1] };
}

/**
 * BibTeX and BibLaTeX, parsed by Citation.js into CSL items, with each entry's position (for go to
 * definition). An entry the parser refuses is reported at its line and left out; the rest are read.
 */
export function parseBibtex(path: string, text: string): BibliographyLoad {
  const { parseBibtexFile, bibtexEntriesToCsl } = bibtexReader();
  const errors: KnowledgeError[] = [];
  const starts = lineStarts(text);
  const at = (offset: number): { line: number; character: number } => positionOf(starts, offset);
  const chunks = splitBibtex(text, (offset, message) =>
    errors.push({ kind: 'syntax', message, file: path, ...at(offset) }),
  );
  const usable = chunks.filter((c) => c.type !== 'comment' && c.type !== 'preamble');
  const entryText = (c: BibtexChunk): string => protectVerbatim(text.slice(c.start, c.end));
  let entries: BibtexEntry[];
  try {
    entries = parseBibtexFile(prototypeMacros + usable.map(entryText).join('\n'));
  } catch {
    // Some entry is malformed: find which, one by one, report them and read the others together.
    const good: BibtexChunk[] = [];
    for (const chunk of usable) {
      try {
        parseBibtexFile(entryText(chunk));
        good.push(chunk);
      } catch (e) {
        const where = parserErrorAt((e as Error).message);
        const base = at(chunk.start);
        const position =
          where.line === 0
            ? { line: base.line, character: base.character + where.column }
            : { line: base.line + where.line, character: where.column };
        errors.push({
          kind: 'syntax',
          message: `@${chunk.type}${chunk.key ? `{${chunk.key}}` : ''}: ${where.text}; the entry was skipped`,
          file: path,
          ...position,
        });
      }
    }
    entries = parseBibtexFile(prototypeMacros + good.map(entryText).join('\n'));
  }
  const positions = new Map<string, { line: number; character: number }>();
  for (const chunk of usable) if (chunk.key && !positions.has(chunk.key)) positions.set(chunk.key, at(chunk.start));
  const sources: Source[] = [];
  const seen = new Set<string>();
  let items: Record<string, unknown>[];
  try {
    items = bibtexEntriesToCsl(entries);
  } catch {
    // Some entry cannot be converted: convert each with its crossref parent, else without it.
    items = entries.flatMap((entry) => {
      const parent = entries.find((e) => e.label === entry.properties.crossref);
      try {
        return bibtexEntriesToCsl(parent ? [entry, parent] : [entry]).slice(0, 1);
      } catch (e) {
        const origin = positions.get(entry.label) ?? { line: 0, character: 0 };
        const message = (e as Error).message.split('\n')[0];
        try {
          const { crossref: _crossref, ...own } = entry.properties;
          const item = bibtexEntriesToCsl([{ ...entry, properties: own }]).slice(0, 1);
          errors.push({
            kind: 'reference',
            message: `${entry.label}: its crossref could not be applied (${message}); read without it`,
            file: path,
            ...origin,
          });
          return item;
        } catch {
          errors.push({
            kind: 'syntax',
            message: `${entry.label}: could not be read (${message}); the entry was skipped`,
            file: path,
            ...origin,
          });
          return [];
        }
      }
    });
  }
  for (const raw of items) {
    const { csl, problems } = sanitizeItem(bibtexNames(restoreBackslashes(raw) as Record<string, unknown>));
    delete csl['citation-key'];
    // The parser records the BibTeX type a report or thesis came from as its genre; Pandoc does not.
    if (typeof csl.genre === 'string' && entryTypeGenres.has(csl.genre.toLowerCase())) delete csl.genre;
    const key = String(csl.id ?? '');
    if (!key) continue;
    const origin = positions.get(key) ?? { line: 0, character: 0 };
    if (seen.has(key)) {
      errors.push({
        kind: 'duplicate',
        message: `${key}: a second entry with this key; the first one is used`,
        file: path,
        ...origin,
      });
      continue;
    }
    seen.add(key);
    for (const problem of problems) {
      errors.push({ kind: 'schema', message: `${key}: ${problem}`, file: path, ...origin });
    }
    sources.push({ key, csl, origin: { file: path, ...origin }, kind: 'bibliography' });
  }
  return { sources, errors };
}
