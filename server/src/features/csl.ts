// References rendered by a CSL processor (citeproc-js, as in Zotero and Mendeley) in Markdown, with
// the official Chicago author-date and APA styles, a user's own .csl file, and a locale. Building an
// engine compiles its style (APA 7 takes about 1.5 s), so engines are cached per style and locale,
// and the server runs this in a worker thread (node/cslInWorker.ts): typing never waits for it.
// No file system here: citeproc, styles and locales come from the loader the caller passes.
import { type CslItem } from '../knowledge/types';

export type ReferenceStyle = 'chicago-author-date' | 'apa';
const bundledStyles: readonly ReferenceStyle[] = ['chicago-author-date', 'apa'];

/** Which style and locale to render with: a bundled style, or a .csl file's text. */
export interface StyleChoice {
  /** A bundled style's name, or the path of a .csl file (then `xml` holds its text). */
  style: string;
  xml?: string;
  /** A CSL locale such as `en-US` or `de-DE`; empty: the style's default locale, else en-US. */
  locale?: string;
}

/** One cite in a citation: `[see @a, pp. 3–5]` is prefix "see", locator "3–5", label "page". */
export interface CiteRequest {
  item: CslItem;
  prefix?: string;
  suffix?: string;
  locator?: string;
  label?: string;
  suppressAuthor?: boolean;
  /** Pandoc's in-text form `@a [p. 3]`: "Kim (2023, 3)". */
  inText?: boolean;
}

/** What the server asks of a renderer, in a worker or in this thread. */
export interface ReferenceRenderer {
  /** Bibliography entries (Markdown), sorted and disambiguated by the style. */
  bibliography(items: CslItem[], style: StyleChoice): Promise<string[]>;
  /** Each item's entry on its own (no sorting or disambiguation across them), in the items' order. */
  references(items: CslItem[], style: StyleChoice): Promise<string[]>;
  /** One citation as it appears in the text, e.g. "(Kim 2023, 4)". */
  citation(cites: CiteRequest[], style: StyleChoice): Promise<string>;
  /** Builds the engine for a style ahead of its first use. */
  prepare(style: StyleChoice): Promise<void>;
}

interface CiteprocEngine {
  opt: { development_extensions: Record<string, boolean> };
  citation_sort: { tokens: unknown[] };
  setOutputFormat(format: string): void;
  updateItems(ids: string[]): void;
  updateUncitedItems(ids: string[]): void;
  makeBibliography(): false | [unknown, string[]];
  makeCitationCluster(cites: Record<string, unknown>[]): string;
}

// CSL 1.0.2 specification, "Title case conversion": the words title case leaves in lower case.
const cslStopWords = [
  'a',
  'an',
  'and',
  'as',
  'at',
  'but',
  'by',
  'down',
  'for',
  'from',
  'in',
  'into',
  'nor',
  'of',
  'on',
  'onto',
  'or',
  'over',
  'so',
  'the',
  'till',
  'to',
  'up',
  'via',
  'with',
  'yet',
];

/** The part of citeproc-js's module this uses. */
export interface Citeproc {
  SKIP_WORDS: string[];
  Engine: new (
    sys: { retrieveLocale(lang: string): string; retrieveItem(id: string): unknown },
    style: unknown,
    lang?: string,
    forceLang?: boolean,
  ) => CiteprocEngine;
  Output: { Formats: Record<string, Record<string, unknown>> };
}

/** Where citeproc, the bundled styles and the locales come from (files, in node/cslFiles.ts). */
export interface CslResources {
  citeproc(): Citeproc;
  /** A bundled style: CSL XML, or citeproc-js's JSON form of it. */
  bundledStyle(name: ReferenceStyle): string | object;
  /** A locale's XML, or undefined when it is not bundled. */
  locale(lang: string): string | undefined;
}

const markdownSpecials = /[\\`*_[\]<>]/g;

/** citeproc-js's plain-text output format, with emphasis written as Markdown and its specials escaped. */
function markdownFormat(text: Record<string, unknown>): Record<string, unknown> {
  return {
    ...text,
    text_escape: (s: string | undefined) => (s ?? '').replace(markdownSpecials, '\\$&'),
    '@font-style/italic': '*%%STRING%%*',
    '@font-style/oblique': '*%%STRING%%*',
    '@font-weight/bold': '**%%STRING%%**',
  };
}

/** Whether a style is dependent (it only names its parent) and which parent that is. */
export function dependentParent(xml: string): string | undefined {
  const link = /<link\b[^>]{0,500}\brel="independent-parent"[^>]{0,500}>/.exec(xml.slice(0, 20_000));
  if (!link) return undefined;
  return /\bhref="([^"]{1,500})"/.exec(link[0])?.[1];
}

/** The CSL processor in this thread; the worker and the tests use it directly. */
export class CslRenderer {
  private engines = new Map<string, { engine: CiteprocEngine; items: Map<string, CslItem> }>();
  private citeprocModule?: Citeproc;

  constructor(private readonly resources: CslResources) {}

  private citeproc(): Citeproc {
    if (!this.citeprocModule) {
      this.citeprocModule = this.resources.citeproc();
      const formats = this.citeprocModule.Output.Formats;
      if (!formats.markdown) formats.markdown = markdownFormat(formats.text);
      // Title case keeps lower case only the words the CSL specification lists, as Pandoc's citeproc
      // does (citeproc-js's own list also lowers "after", "about", "against", …).
      this.citeprocModule.SKIP_WORDS = cslStopWords;
    }
    return this.citeprocModule;
  }

  private styleSource(choice: StyleChoice): string | object {
    if (choice.xml !== undefined) {
      const parent = dependentParent(choice.xml);
      if (!parent) return choice.xml;
      // A dependent style only names its parent: use it when it is one we ship.
      const bundled = bundledStyles.find((s) => parent.endsWith(`/${s}`));
      if (!bundled) {
        throw new Error(
          `${choice.style} is a dependent style; its parent ${parent} is not bundled ` +
            '(point the setting at the parent .csl)',
        );
      }
      return this.resources.bundledStyle(bundled);
    }
    const name = (bundledStyles as readonly string[]).includes(choice.style)
      ? (choice.style as ReferenceStyle)
      : 'chicago-author-date';
    return this.resources.bundledStyle(name);
  }

  private engineFor(choice: StyleChoice): { engine: CiteprocEngine; items: Map<string, CslItem> } {
    const xmlKey = `${choice.xml?.length ?? ''}\u0000${choice.xml?.slice(0, 200) ?? ''}`;
    const cacheKey = `${choice.style}\u0000${choice.locale ?? ''}\u0000${xmlKey}`;
    let cached = this.engines.get(cacheKey);
    if (cached) return cached;
    const CSL = this.citeproc();
    const items = new Map<string, CslItem>();
    const sys = {
      retrieveLocale: (lang: string): string => this.resources.locale(lang) ?? this.resources.locale('en-US')!,
      retrieveItem: (id: string): unknown => items.get(id),
    };
    const locale = choice.locale && this.resources.locale(choice.locale) ? choice.locale : undefined;
    const engine = new CSL.Engine(sys, this.styleSource(choice), locale, locale !== undefined);
    engine.setOutputFormat('markdown');
    cached = { engine, items };
    // A handful of styles and locales in a session; a user's edited .csl file replaces its entry.
    if (this.engines.size >= 8) this.engines.delete(this.engines.keys().next().value!);
    this.engines.set(cacheKey, cached);
    return cached;
  }

  prepare(choice: StyleChoice): void {
    this.engineFor(choice);
  }

  /** Bibliography entries in Markdown, in the style's order. */
  bibliography(items: CslItem[], choice: StyleChoice): string[] {
    if (items.length === 0) return [];
    const { engine, items: registry } = this.engineFor(choice);
    registry.clear();
    for (const item of items) registry.set(item.id, item);
    engine.updateItems(items.map((i) => i.id));
    const result = engine.makeBibliography();
    if (!result) return [];
    return result[1].map((entry) => entry.trim());
  }

  references(items: CslItem[], choice: StyleChoice): string[] {
    return items.map((item) => this.bibliography([item], choice)[0] ?? '');
  }

  citation(cites: CiteRequest[], choice: StyleChoice): string {
    if (cites.length === 0) return '';
    const { engine, items: registry } = this.engineFor(choice);
    registry.clear();
    for (const c of cites) registry.set(c.item.id, c.item);
    engine.updateItems(cites.map((c) => c.item.id));
    const cluster = (c: CiteRequest, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
      id: c.item.id,
      ...(c.prefix ? { prefix: c.prefix } : {}),
      ...(c.suffix ? { suffix: c.suffix } : {}),
      ...(c.locator ? { locator: c.locator, label: c.label ?? 'page' } : {}),
      ...(c.suppressAuthor ? { 'suppress-author': true } : {}),
      ...extra,
    });
    if (cites.length === 1 && cites[0].inText) {
      // As Pandoc renders an in-text cite: the author, then the rest of the cite without them.
      const author = engine.makeCitationCluster([{ id: cites[0].item.id, 'author-only': true }]);
      return `${author} ${engine.makeCitationCluster([cluster(cites[0], { 'suppress-author': true })])}`;
    }
    // Pandoc keeps the written order when a cite after the first has a prefix ("see …; also …").
    const keepOrder = cites.slice(1).some((c) => c.prefix);
    const sorting = engine.citation_sort.tokens;
    if (keepOrder) engine.citation_sort.tokens = [];
    try {
      return engine.makeCitationCluster(cites.map((c) => cluster(c)));
    } finally {
      engine.citation_sort.tokens = sorting;
    }
  }
}

/** The renderer in this thread behind the asynchronous interface (tests, the CLI). */
export function inThreadRenderer(resources: CslResources): ReferenceRenderer {
  const renderer = new CslRenderer(resources);
  return {
    bibliography: async (items, style) => renderer.bibliography(items, style),
    references: async (items, style) => renderer.references(items, style),
    citation: async (cites, style) => renderer.citation(cites, style),
    prepare: async (style) => renderer.prepare(style),
  };
}

/** "Kim 2023", "Steiner and Manantan 2022": a short label for lists (completion, the picker). */
export function shortCitation(item: CslItem): string {
  const names =
    Array.isArray(item.author) && item.author.length > 0 ? item.author : Array.isArray(item.editor) ? item.editor : [];
  const family = names.map((n) => n?.family ?? n?.literal ?? '').filter(Boolean);
  const who = family.length > 2 ? `${family[0]} et al.` : family.join(' and ');
  const year = item.issued?.['date-parts']?.[0]?.[0] ?? item.issued?.literal ?? '';
  return `${who || item.title || item.id} ${year}`.trim();
}

// Locator labels as Pandoc reads them in English (the CSL locator terms, long and short forms).
const locatorLabels: [label: string, forms: string[]][] = [
  ['book', ['book', 'books', 'bk.', 'bks.']],
  ['chapter', ['chapter', 'chapters', 'chap.', 'chaps.']],
  ['column', ['column', 'columns', 'col.', 'cols.']],
  ['figure', ['figure', 'figures', 'fig.', 'figs.']],
  ['folio', ['folio', 'folios', 'fol.', 'fols.']],
  ['line', ['line', 'lines', 'l.', 'll.']],
  ['note', ['note', 'notes', 'n.', 'nn.']],
  ['number', ['number', 'numbers', 'no.', 'nos.']],
  ['opus', ['opus', 'opera', 'op.', 'opp.']],
  ['page', ['page', 'pages', 'p.', 'pp.']],
  ['paragraph', ['paragraph', 'paragraphs', 'para.', 'paras.', '¶', '¶¶']],
  ['part', ['part', 'parts', 'pt.', 'pts.']],
  ['section', ['section', 'sections', 'sec.', 'secs.', '§', '§§']],
  ['sub-verbo', ['sub verbo', 'sub verbis', 's.v.', 's.vv.']],
  ['verse', ['verse', 'verses', 'v.', 'vv.']],
  ['volume', ['volume', 'volumes', 'vol.', 'vols.']],
];
// One or more numbers ("4.1", "2a") joined by ranges, commas or "&"; trailing ".:/" are not part of it.
const locatorValue = /^[\p{L}\p{N}]*\p{N}[\p{L}\p{N}.:/]*(?:[ \t]*[-–—,&][ \t]*[\p{L}\p{N}]*\p{N}[\p{L}\p{N}.:/]*)*/u;

/**
 * A cite's suffix as Pandoc splits it: `, pp. 3–5` is locator "3–5" labelled page, `, 33` is page
 * 33 (a bare number is a page), and the text after the locator stays the suffix.
 */
export function splitLocator(suffix: string | undefined): { locator?: string; label?: string; suffix?: string } {
  if (!suffix) return {};
  const text = suffix.replace(/^,?[ \t]*/, '');
  const lower = text.toLowerCase();
  let label = 'page';
  let rest = text;
  for (const [name, forms] of locatorLabels) {
    // A label ends in "." or a sign, or at a non-letter: "page 3", not "pages3x".
    const form = forms.find((f) => lower.startsWith(f) && (/[.¶§]$/.test(f) || !/\p{L}/u.test(lower[f.length] ?? '')));
    if (form) {
      label = name;
      rest = text.slice(form.length).trimStart();
      break;
    }
  }
  const value = locatorValue.exec(rest);
  if (!value) return { suffix };
  let end = value[0].length;
  while (end > 0 && '.:/'.includes(rest[end - 1])) end--;
  const after = rest.slice(end);
  return { locator: rest.slice(0, end), label, ...(after.trim() ? { suffix: after } : {}) };
}
