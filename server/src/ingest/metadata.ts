// Metadata for an ingested source, each field from the first place that has it: a sidecar (YAML or
// CSL-JSON), the Markdown front matter, the document's own title, byline and date lines, the PDF's
// Info dictionary, the file name. A PDF printed from a web page carries the print date as its
// CreationDate, so a date on the first page comes before it. Keys follow Better BibTeX's default:
// the first author's family name in lower case and the year ("bergmann2024"); without an author, the
// first significant word of the title.
import { lexicon } from '../engine/lexicon';
import { type CslItem, type CslName } from '../knowledge/types';
import { type DateParts, dateOfPdf, dateOfValue } from './dates';
import { readDocumentHead } from './documentHead';
import { parseName, parseNameList } from './personNames';

export interface MetadataHints {
  fileName: string;
  /** A sidecar's CSL item, if one was found. */
  sidecar?: Partial<CslItem>;
  /** A Markdown report's front matter (title, author, date), as parsed. */
  frontMatter?: Record<string, unknown>;
  /** The PDF Info dictionary (Title, Author, CreationDate). */
  pdfInfo?: { Title?: string; Author?: string; CreationDate?: string };
  /** The first blocks of the text (of the first page of a PDF), blank-line separated, comments left out. */
  headBlocks: string[];
  /** Markdown: the title is the first heading. */
  markdown?: boolean;
  /** Words the document writes in lower case: a byline's names are not mostly these. */
  commonWords?: ReadonlySet<string>;
}

const maxFieldLength = 500;

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() ? value.replace(/\s+/g, ' ').trim().slice(0, maxFieldLength) : undefined;

/** Front matter authors: "Jane Doe", "Jane Doe and John Roe", a list of those, or of CSL names or { name }. */
function authorsOfValue(value: unknown): CslName[] | undefined {
  const one = (v: unknown): CslName[] => {
    if (typeof v === 'string') return parseNameList(v) ?? (text(v) ? [parseName(text(v)!)] : []);
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (text(o.family) || text(o.literal)) return [o as CslName];
      if (text(o.name)) return one(o.name);
    }
    return [];
  };
  const names = (Array.isArray(value) ? value.slice(0, 100) : [value]).flatMap(one);
  return names.length > 0 ? names : undefined;
}

/** The PDF's Author entry: "Jane Doe; John Roe", "Doe, Jane", "Jane Doe and John Roe". */
function authorsOfPdf(value: string | undefined): CslName[] | undefined {
  const author = text(value);
  if (!author) return undefined;
  const names = author
    .split(/\s*;\s*/)
    .flatMap((part) => (part.includes(',') && !/\sand\s/.test(part) ? [parseName(part)] : (parseNameList(part) ?? [])))
    .filter((n) => n.family);
  return names.length > 0 ? names : [{ literal: author }];
}

/** The year of a file name: a 19xx or 20xx standing as a word ("trade-2019-report"). */
function yearOfFileName(base: string): number | undefined {
  const year = base.split(/[-_\s.]+/).find((w) => /^(?:19|20)\d{2}$/.test(w));
  return year ? Number(year) : undefined;
}

const cslDate = (parts: DateParts): { 'date-parts': number[][] } => ({
  'date-parts': [parts.filter((p): p is number => p !== undefined)],
});

export function deriveMetadata(hints: MetadataHints): CslItem {
  const base = hints.fileName.replace(/\.[^.]+$/, '');
  const csl: CslItem = { id: '', type: 'report', ...hints.sidecar } as CslItem;
  const fm = hints.frontMatter ?? {};
  const head = readDocumentHead(hints.headBlocks, hints.markdown ?? false, hints.commonWords);
  csl.title =
    text(csl.title) ?? text(fm.title) ?? head.title ?? text(hints.pdfInfo?.Title) ?? base.replace(/[-_]+/g, ' ');
  const author =
    authorsOfValue(hints.sidecar?.author) ??
    authorsOfValue(fm.author) ??
    head.authors ??
    authorsOfPdf(hints.pdfInfo?.Author);
  if (author) csl.author = author;
  else delete csl.author;
  const sidecarDate = csl.issued?.['date-parts'] ? undefined : dateOfValue(csl.issued?.literal ?? csl.issued);
  if (!csl.issued?.['date-parts']) {
    const fileYear = yearOfFileName(base);
    const date =
      sidecarDate ??
      dateOfValue(fm.date ?? fm.issued) ??
      head.issued ??
      dateOfPdf(hints.pdfInfo?.CreationDate) ??
      (fileYear ? ([fileYear] as DateParts) : undefined);
    if (date) csl.issued = cslDate(date);
    else delete csl.issued;
  }
  return csl;
}

/** Letters and digits of a word in lower case, accents taken off ("O’Neill" → "oneill"). */
const keyWord = (word: string): string =>
  word
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]/gu, '')
    .toLowerCase();

/** The first word of a title that is not a function word ("The Rules of the Road" → "rules"). */
function significantWord(title: string): string | undefined {
  return title
    .split(/[\s\-–—:/]+/)
    .map(keyWord)
    .find((w) => w && /^\p{L}/u.test(w) && !lexicon.stopWords.has(w));
}

/**
 * Better BibTeX's default key: family name of the first author, lower case, and the year; with no
 * author, the first significant title word. A key in `taken` gets "a", "b", … as Better BibTeX does.
 */
export function citationKey(csl: CslItem, fileName: string, taken: ReadonlySet<string>): string {
  const year = csl.issued?.['date-parts']?.[0]?.[0];
  const first = csl.author?.[0];
  const fromName = significantWord(fileName.replace(/\.[^.]+$/, '').replace(/[-_]+/g, ' '));
  const stemWord =
    (first?.family ? keyWord(first.family) : undefined) ||
    (first?.literal ? significantWord(first.literal) : undefined) ||
    (csl.title ? significantWord(csl.title) : undefined) ||
    fromName ||
    'source';
  const base = `${stemWord}${year ?? ''}`;
  if (!taken.has(base)) return base;
  for (const suffix of 'abcdefghijklmnopqrstuvwxyz') if (!taken.has(base + suffix)) return base + suffix;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}
