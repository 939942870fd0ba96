// Bibliography files as Pandoc users keep them: CSL-JSON arrays and BibTeX. Their entries become
// sources whose keys are known citations (no claims: the checker has nothing to compare with).
import { parseDocument, LineCounter } from 'yaml';
import { lineStarts, positionOf } from '../engine/text/lines';
import { nestingBeyond } from '../engine/text/nesting';
import { wordTable } from '../engine/text/table';
import { CslItem, CslName, KnowledgeError, Source } from './types';

export interface BibliographyLoad {
  sources: Source[];
  errors: KnowledgeError[];
}

export function parseBibliography(path: string, text: string): BibliographyLoad {
  if (/\.bib$/i.test(path)) return parseBibtex(path, text);
  if (/\.ya?ml$/i.test(path)) return parseCslYaml(path, text);
  return parseCslJson(path, text);
}

function parseCslJson(path: string, text: string): BibliographyLoad {
  // JSON is YAML, and the YAML parser reports positions.
  return parseCslYaml(path, text);
}

function parseCslYaml(path: string, text: string): BibliographyLoad {
  // Parsers recurse per level: refuse absurd nesting before it can exhaust the stack.
  if (nestingBeyond(text, 100) >= 0) return { sources: [], errors: [{ kind: 'syntax', message: 'brackets nested more than 100 levels deep', file: path, line: 0, character: 0 }] };
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const at = lines.linePos(e.pos[0]);
    return { sources: [], errors: [{ kind: 'syntax', message: e.message.split('\n')[0], file: path, line: at.line - 1, character: at.col - 1 }] };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return { sources: [], errors: [{ kind: 'syntax', message: (e as Error).message, file: path, line: 0, character: 0 }] };
  }
  // Pandoc's YAML bibliographies hold the list under `references:`.
  const items = Array.isArray(data) ? data : (data as { references?: unknown } | null)?.references;
  if (!Array.isArray(items)) return { sources: [], errors: [{ kind: 'schema', message: 'expected a CSL-JSON array of items', file: path, line: 0, character: 0 }] };
  return fromCslItems(path, items, (i) => {
    const node = doc.getIn(Array.isArray(data) ? [i] : ['references', i], true) as { range?: [number, number, number] } | undefined;
    const at = lines.linePos(node?.range?.[0] ?? 0);
    return { line: at.line - 1, character: at.col - 1 };
  });
}

/** CSL items from front matter `references:` or a file; entries without an id are reported. */
export function fromCslItems(path: string, items: unknown[], position: (i: number) => { line: number; character: number } = () => ({ line: 0, character: 0 })): BibliographyLoad {
  const sources: Source[] = [];
  const errors: KnowledgeError[] = [];
  items.forEach((item, i) => {
    const at = position(i);
    if (!item || typeof item !== 'object' || typeof (item as CslItem).id !== 'string' || !(item as CslItem).id) {
      errors.push({ kind: 'schema', message: `entry ${i + 1} has no "id"`, file: path, ...at });
      return;
    }
    const csl = item as CslItem;
    sources.push({ key: csl.id, csl: { ...csl, type: typeof csl.type === 'string' ? csl.type : 'document' }, origin: { file: path, ...at }, kind: 'bibliography' });
  });
  return { sources, errors };
}

const bibtexTypes = wordTable<string>({
  article: 'article-journal', book: 'book', booklet: 'pamphlet', inbook: 'chapter', incollection: 'chapter', inproceedings: 'paper-conference',
  conference: 'paper-conference', manual: 'report', mastersthesis: 'thesis', phdthesis: 'thesis', techreport: 'report', report: 'report',
  misc: 'document', online: 'webpage', electronic: 'webpage', unpublished: 'manuscript',
});

/**
 * A small BibTeX reader: `@type{key, field = {value} | "value" | number, …}` with nested braces,
 * `#` concatenation of quoted parts and @string macros. Enough for the bibliographies memos cite.
 */
export function parseBibtex(path: string, text: string): BibliographyLoad {
  const sources: Source[] = [];
  const errors: KnowledgeError[] = [];
  const macros = wordTable<string>({ jan: 'January', feb: 'February', mar: 'March', apr: 'April', may: 'May', jun: 'June', jul: 'July', aug: 'August', sep: 'September', oct: 'October', nov: 'November', dec: 'December' });
  const starts = lineStarts(text);
  const lineAt = (offset: number): { line: number; character: number } => positionOf(starts, offset);
  let i = 0;
  while ((i = text.indexOf('@', i)) >= 0) {
    const head = /^@([A-Za-z]+) {0,8}([{(])/.exec(text.slice(i, i + 40));
    if (!head) {
      i++;
      continue;
    }
    const type = head[1].toLowerCase();
    const open = i + head[0].length;
    const end = matchingClose(text, open - 1);
    if (end < 0) {
      errors.push({ kind: 'syntax', message: `unclosed @${type} entry`, file: path, ...lineAt(i) });
      break;
    }
    const body = text.slice(open, end);
    if (type === 'comment' || type === 'preamble') {
      i = end + 1;
      continue;
    }
    if (type === 'string') {
      const m = /^([A-Za-z][\w-]*) *= *([\s\S]*)$/.exec(body.trim());
      if (m) macros[m[1].toLowerCase()] = readValue(m[2], macros);
      i = end + 1;
      continue;
    }
    const comma = body.indexOf(',');
    const key = (comma < 0 ? body : body.slice(0, comma)).trim();
    if (!key) {
      errors.push({ kind: 'syntax', message: `@${type} entry without a key`, file: path, ...lineAt(i) });
      i = end + 1;
      continue;
    }
    const fields = readFields(comma < 0 ? '' : body.slice(comma + 1), macros);
    sources.push({ key, csl: toCsl(key, type, fields), origin: { file: path, ...lineAt(i) }, kind: 'bibliography' });
    i = end + 1;
  }
  return { sources, errors };
}

function matchingClose(text: string, open: number): number {
  const close = text[open] === '(' ? ')' : '}';
  let depth = 0;
  let quoted = false;
  for (let j = open; j < text.length; j++) {
    const c = text[j];
    if (c === '\\') {
      j++;
      continue;
    }
    if (c === '"' && depth === 1 && close === '}') quoted = !quoted;
    if (c === '{' || (c === '(' && close === ')' && depth === 0)) depth++;
    else if (c === close || (c === '}' && close === ')')) {
      depth--;
      if (depth === 0 && c === close) return j;
    }
  }
  return quoted ? -1 : -1;
}

function readFields(body: string, macros: Record<string, string>): Record<string, string> {
  const fields = wordTable<string>();
  let i = 0;
  while (i < body.length) {
    // Skip spaces and one comma by hand (two adjacent \s* around an optional comma backtrack).
    while (i < body.length && /\s/.test(body[i])) i++;
    if (body[i] === ',') i++;
    while (i < body.length && /\s/.test(body[i])) i++;
    const name = /^([A-Za-z][\w-]*)/.exec(body.slice(i, i + 100));
    if (!name) break;
    i += name[0].length;
    while (i < body.length && /\s/.test(body[i])) i++;
    if (body[i] !== '=') break;
    i++;
    while (i < body.length && /\s/.test(body[i])) i++;
    const start = i;
    let depth = 0;
    let inQuotes = false;
    for (; i < body.length; i++) {
      const c = body[i];
      if (c === '\\') {
        i++;
        continue;
      }
      if (c === '{') depth++;
      else if (c === '}') depth--;
      else if (c === '"' && depth === 0) inQuotes = !inQuotes;
      else if (c === ',' && depth === 0 && !inQuotes) break;
    }
    fields[name[1].toLowerCase()] = readValue(body.slice(start, i), macros);
  }
  return fields;
}

function readValue(raw: string, macros: Record<string, string>): string {
  return raw
    .split(' # ')
    .map((part) => {
      const p = part.trim();
      if (p.startsWith('{') && p.endsWith('}')) return p.slice(1, -1);
      if (p.startsWith('"') && p.endsWith('"')) return p.slice(1, -1);
      return macros[p.toLowerCase()] ?? p;
    })
    .join('')
    .replace(/[{}]/g, '')
    .replace(/\\&/g, '&')
    .split(/\s+/)
    .filter(Boolean)
    .join(' ');
}

function names(value: string | undefined): CslName[] | undefined {
  if (!value) return undefined;
  return value.split(/\s+and\s+/).map((n) => {
    const name = n.trim();
    if (name.includes(',')) {
      const [family, given] = name.split(',', 2).map((s) => s.trim());
      return { family, given };
    }
    const parts = name.split(/\s+/);
    return parts.length === 1 ? { literal: name } : { family: parts[parts.length - 1], given: parts.slice(0, -1).join(' ') };
  });
}

function toCsl(key: string, type: string, f: Record<string, string>): CslItem {
  const year = f.year ?? f.date?.slice(0, 4);
  const csl: CslItem = { id: key, type: bibtexTypes[type] ?? 'document', title: f.title };
  const author = names(f.author);
  if (author) csl.author = author;
  const editor = names(f.editor);
  if (editor) csl.editor = editor;
  if (year && /^\d{4}$/.test(year)) csl.issued = { 'date-parts': [[Number(year)]] };
  const container = f.journal ?? f.journaltitle ?? f.booktitle;
  if (container) csl['container-title'] = container;
  const publisher = f.publisher ?? f.institution ?? f.organization ?? f.school;
  if (publisher) csl.publisher = publisher;
  if (f.address ?? f.location) csl['publisher-place'] = f.address ?? f.location;
  if (f.url) csl.URL = f.url;
  if (f.doi) csl.DOI = f.doi;
  if (f.note) csl.note = f.note;
  return csl;
}
