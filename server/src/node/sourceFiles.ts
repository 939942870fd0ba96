// Reads the reports in a sources folder (.md, .txt, .pdf) into sources, passages and extracted
// claims. PDF text comes from pdfjs-dist, loaded only when a PDF is met. Results are cached on
// disk by content hash, so a report is read once however often the server starts.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { decodeText, readBounded, readBoundedAsync } from './boundedRead';
import { provideDomMatrix } from './domMatrix';
import { inflatedSizeProblem } from './pdfStreams';
import { ReadPolicy } from './readPolicy';
import { walkFiles, walkFilesAsync, type WalkOptions, type WalkResult } from './walk';
import { homedir } from 'node:os';
import { basename, dirname, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseDocument } from 'yaml';
import { frontMatterOf } from '../engine/markdown/frontMatter';
import { extractClaims } from '../ingest/extract';
import { citationKey, deriveMetadata } from '../ingest/metadata';
import { type Passage, passagesFrom, type SourcePage } from '../ingest/passages';
import { pagesFromItems, type PdfPageItems, type PdfTextItem } from '../ingest/pdfLayout';
import { type Claim, type CslItem, type KnowledgeError, type Source, type Term } from '../knowledge/types';

const sourceExtensions = ['.md', '.markdown', '.txt', '.pdf'];
/** Bump when extraction changes, so cached results from an older version are not reused. */
const extractionVersion = 10;
const maxSourceBytes = 50 * 1024 * 1024;

/** One file read and analysed, before it has its final citation key. */
export interface ReadReport {
  path: string;
  csl: CslItem;
  passages: Passage[];
  year?: number;
  error?: string;
}

export interface IngestedSource {
  source: Source;
  claims: Claim[];
  terms: Term[];
  passages: Passage[];
}

/** Where Policy Lens keeps its caches outside an editor: $XDG_CACHE_HOME/policy-lens, else ~/.cache/policy-lens. */
export function cacheRoot(): string {
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'policy-lens');
}

export function defaultCacheDir(): string {
  return join(cacheRoot(), 'sources');
}

/** At most this many reports are read from one sources folder. */
const maxSourceFiles = 5000;

const sourceWalk = (policy: ReadPolicy): WalkOptions => ({
  maxDepth: 6,
  maxFiles: maxSourceFiles,
  accept: (path) => sourceExtensions.includes(extname(path).toLowerCase()),
  policy,
});

const reportsOf = (walked: WalkResult): string[] =>
  walked.files.filter((f) => f.stats.size <= maxSourceBytes).map((f) => f.path);

/** The reports in a sources folder (each real file once, links to outside refused by `policy`). */
export function listSourceFiles(folder: string, policy = ReadPolicy.anything): string[] {
  return reportsOf(walkFiles(folder, sourceWalk(policy)));
}

/** listSourceFiles without blocking the thread. */
export async function listSourceFilesAsync(folder: string, policy = ReadPolicy.anything): Promise<string[]> {
  return reportsOf(await walkFilesAsync(folder, sourceWalk(policy)));
}

type PdfJs = typeof import('pdfjs-dist');
let pdfjs: Promise<PdfJs> | undefined;

/** pdfjs-dist's legacy build, shipped next to the bundles in dist/pdfjs (or from node_modules in development). */
function loadPdfJs(): Promise<PdfJs> {
  if (!pdfjs) {
    // Only next to our own code: never from the workspace or the working directory.
    const candidates = [
      join(__dirname, 'pdfjs', 'pdf.min.mjs'),
      join(__dirname, '..', 'dist', 'pdfjs', 'pdf.min.mjs'),
      join(__dirname, '..', '..', '..', 'dist', 'pdfjs', 'pdf.min.mjs'),
    ];
    const found = candidates.find((c) => existsSync(c));
    if (!found) return Promise.reject(new Error('pdfjs-dist is not available: PDF files cannot be read'));
    provideDomMatrix();
    const restoreWarn = muteCanvasWarnings();
    pdfjs = (import(pathToFileURL(found).href) as Promise<PdfJs>)
      .then((lib) => {
        // In Node, pdfjs runs its "worker" in-process; point it at the worker file shipped beside it.
        lib.GlobalWorkerOptions.workerSrc = pathToFileURL(join(dirname(found), 'pdf.worker.min.mjs')).href;
        return lib;
      })
      .finally(restoreWarn);
  }
  return pdfjs;
}

/**
 * While pdfjs loads, its warnings that no canvas package is there (it would draw with one; we only
 * read text) are dropped: in the editor they would read as a fault. Any other warning passes.
 */
function muteCanvasWarnings(): () => void {
  /* eslint-disable no-console -- wrapping pdfjs's warnings, not writing any */
  const warn = console.warn;
  console.warn = (...args: unknown[]): void => {
    const text = String(args[0]);
    if (text.includes('@napi-rs/canvas') || text.includes('Cannot polyfill')) return;
    warn(...args);
  };
  return () => {
    console.warn = warn;
  };
  /* eslint-enable no-console */
}

interface PdfText {
  pages: SourcePage[];
  info: { Title?: string; Author?: string; CreationDate?: string };
}

/** Text of each page as it reads: columns in order, paragraphs joined across breaks (see pdfLayout). */
export async function readPdf(bytes: Uint8Array): Promise<PdfText> {
  const lib = await loadPdfJs();
  const doc = await lib.getDocument({
    data: bytes,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
  try {
    const meta = await doc.getMetadata().catch(() => undefined);
    const pages: PdfPageItems[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const [, , width, height] = page.view;
      const items: PdfTextItem[] = [];
      for (const item of content.items) {
        if (!('str' in item)) continue;
        const [a, b, c, d, x, y] = item.transform as number[];
        // Rotated text (a margin note, a watermark) is not part of the page's lines.
        if (Math.abs(b) > 0.01 || Math.abs(c) > 0.01 || a <= 0 || d <= 0) continue;
        items.push({ str: item.str, x, y, width: item.width, height: item.height });
      }
      pages.push({ items, width, height });
      page.cleanup();
    }
    const info = (meta?.info ?? {}) as PdfText['info'];
    return { pages: pagesFromItems(pages), info };
  } finally {
    await doc.destroy();
  }
}

/** The metadata in a sidecar file's text (YAML or JSON, one item or a list of one), if any. */
function parseSidecar(text: string): Partial<CslItem> | undefined {
  if (!text) return undefined;
  const data = parseYaml(text);
  const item = Array.isArray(data) ? data[0] : data;
  return item && typeof item === 'object' ? (item as Partial<CslItem>) : undefined;
}

/** Only the start of a report is read for its title, byline and date. */
const maxHeadChars = 20_000;

/** The first blocks of a report's text, comments and front matter left out, and its front matter. */
function headOf(
  text: string,
  format: 'pdf' | 'text' | 'markdown',
): { headBlocks: string[]; frontMatter?: Record<string, unknown>; markdown: boolean; commonWords: Set<string> } {
  let head = text.slice(0, maxHeadChars);
  let frontMatter: Record<string, unknown> | undefined;
  if (format === 'markdown') {
    const fm = frontMatterOf(head);
    if (fm) {
      const data = parseYaml(fm.yaml);
      if (data && typeof data === 'object' && !Array.isArray(data)) frontMatter = data as Record<string, unknown>;
      head = head.slice(fm.end);
    }
    head = withoutHtmlComments(head);
  }
  const headBlocks = head.split(/\r?\n[ \t]*\r?\n/).slice(0, 12);
  const commonWords = new Set(head.match(/(?<!\p{L})\p{Ll}+(?!\p{L})/gu) ?? []);
  return { headBlocks, frontMatter, markdown: format === 'markdown', commonWords };
}

/** Text with its HTML comments taken out (an unclosed one runs to the end). */
function withoutHtmlComments(text: string): string {
  let out = '';
  let from = 0;
  for (;;) {
    const open = text.indexOf('<!--', from);
    if (open < 0) return out + text.slice(from);
    out += text.slice(from, open);
    const close = text.indexOf('-->', open + 4);
    if (close < 0) return out;
    from = close + 3;
  }
}

/** YAML as plain data, or undefined when it does not parse. */
function parseYaml(text: string): unknown {
  try {
    return parseDocument(text).toJS({ maxAliasCount: 50 });
  } catch {
    return undefined;
  }
}

/** Reads one report: its pages, passages and metadata (no key yet: keys are unique per workspace). */
export async function readReport(
  path: string,
  bytes: Buffer,
  sidecarText = readSidecarText(path),
): Promise<ReadReport> {
  const ext = extname(path).toLowerCase();
  const sidecar = parseSidecar(sidecarText);
  try {
    let pages: SourcePage[];
    let info: PdfText['info'] | undefined;
    if (ext === '.pdf') {
      const tooMuch = await inflatedSizeProblem(bytes);
      if (tooMuch) throw new Error(tooMuch);
      const pdf = await readPdf(new Uint8Array(bytes));
      // Scanned pages are images: without OCR there is nothing to read, and the user should know.
      if (!pdf.pages.some((page) => page.text.trim() !== '')) {
        throw new Error('the PDF has no text (scanned pages need OCR first); nothing read');
      }
      pages = pdf.pages;
      info = pdf.info;
    } else {
      const text = decodeText(bytes);
      if (text === undefined) throw new Error('binary file');
      pages = [{ text }];
    }
    const format = ext === '.pdf' ? 'pdf' : ext === '.txt' ? 'text' : 'markdown';
    const passages = passagesFrom(pages, format);
    const csl = deriveMetadata({
      fileName: basename(path),
      sidecar,
      pdfInfo: info,
      ...headOf(pages[0]?.text ?? '', format),
    });
    const year = Number(csl.issued?.['date-parts']?.[0]?.[0]) || undefined;
    return { path, csl, passages, year };
  } catch (e) {
    return {
      path,
      csl: { id: '', type: 'document', title: basename(path) },
      passages: [],
      error: (e as Error).message,
    };
  }
}

/** Reads a report through the on-disk cache (keyed by content hash and extraction version). */
export async function readReportCached(path: string, cacheDir: string | undefined, policy = ReadPolicy.anything) {
  const read = await readBoundedAsync(path, { maxBytes: maxSourceBytes, policy });
  if (read.failure) {
    const failed: ReadReport = { path, csl: { id: '', type: 'document', title: basename(path) }, passages: [] };
    return { ...failed, error: `the file ${read.failure.message}` };
  }
  const bytes = read.bytes;
  const sidecarText = readSidecarText(path, policy);
  const hash = createHash('sha256').update(bytes).update(String(extractionVersion)).update(sidecarText).digest('hex');
  const cached = cacheDir ? join(cacheDir, `${hash}.json`) : undefined;
  if (cached && existsSync(cached)) {
    try {
      return { ...(JSON.parse(readFileSync(cached, 'utf8')) as ReadReport), path };
    } catch {
      // a damaged cache entry is read again
    }
  }
  const report = await readReport(path, bytes, sidecarText);
  if (cached && !report.error) {
    try {
      mkdirSync(cacheDir!, { recursive: true });
      writeFileSync(cached, JSON.stringify(report));
    } catch {
      // caching is an optimisation; a read-only disk is fine
    }
  }
  return report;
}

/** Sidecars are a few lines of metadata; anything larger is not one. */
const maxSidecarBytes = 1024 * 1024;

/** The first sidecar beside a report (`x.pdf.yaml`, `.yml` or `.json`), as text; '' if none or unreadable. */
function readSidecarText(path: string, policy = ReadPolicy.anything): string {
  for (const sidecar of [`${path}.yaml`, `${path}.yml`, `${path}.json`]) {
    if (!existsSync(sidecar)) continue;
    const read = readBounded(sidecar, { maxBytes: maxSidecarBytes, policy });
    return read.bytes ? (decodeText(read.bytes) ?? '') : '';
  }
  return '';
}

/**
 * Gives each report a citation key, unique among the reports and never one of `reserved` (the
 * bundled sources' keys when they are loaded: bundledSourceKeys), taken in the order of the paths so
 * that keys are the same on every run (a sidecar's `id` wins), and extracts its claims.
 */
export function finishReports(
  reports: readonly ReadReport[],
  reserved: ReadonlySet<string> = new Set(),
): { sources: IngestedSource[]; errors: KnowledgeError[] } {
  const taken = new Set<string>(reserved);
  const sources: IngestedSource[] = [];
  const errors: KnowledgeError[] = [];
  for (const report of [...reports].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    if (report.error) {
      errors.push({
        kind: 'io',
        message: `could not read this source: ${report.error}`,
        file: report.path,
        line: 0,
        character: 0,
      });
      continue;
    }
    const key =
      report.csl.id && !taken.has(report.csl.id)
        ? report.csl.id
        : citationKey(report.csl, basename(report.path), taken);
    taken.add(key);
    const extraction = extractClaims(key, report.passages, { year: report.year, file: report.path });
    const { claims, terms } = extraction;
    sources.push({
      source: {
        key,
        csl: { ...report.csl, id: key },
        origin: { file: report.path, line: 0, character: 0 },
        kind: 'ingested',
        sentences: extraction.sentences,
      },
      claims,
      terms,
      passages: report.passages,
    });
  }
  return { sources, errors };
}
