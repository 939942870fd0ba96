// The language service: one object that holds the loaded knowledge and settings and answers LSP
// questions about in-memory documents. No connection, no file system, no `vscode` in here.
import {
  type CodeAction,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type DocumentLink,
  type Hover,
  MarkupKind,
  type Position,
  type TextEdit,
} from 'vscode-languageserver-types';
import { type TextDocument } from 'vscode-languageserver-textdocument';
import { defaultSettings, type PolicyLensSettings } from '../common/settings';
import { type KnowledgeBase } from '../knowledge/knowledgeBase';
import { type Source } from '../knowledge/types';
import { type DocumentAnalysis, DocumentAnalyzer } from '../engine/analysis';
import { type CodeActionOptions, codeActions } from './codeActions';
import { type CitationCompletionData, completeCitations, completionLimit, rankedSources } from './completion';
import { computeDiagnostics, type DiagnosticOptions, diagnosticSource } from './diagnostics';
import { checkDocsHref } from '../common/checks';
import { citationHoverAt, citationMarkdown, hover } from './hover';
import { type CslItem } from '../knowledge/types';
import { type ReferenceRenderer, shortCitation, splitLocator, type StyleChoice } from './csl';
import { frontMatterBibliography, type FrontMatterBibliography } from './frontMatter';
import { type PeerMemo } from './consistency';
import type { SourceSummary } from '../common/protocol';
import { citationsOf, keyAt, sourceLinks } from './navigation';
import { type CitationKey } from '../engine/markdown/citations';
import { frontMatterOf } from '../engine/markdown/frontMatter';
import { parseProse } from '../engine/markdown/prose';
import { citedSources, exportBibliography, referencesEdit } from './references';
import { toBibtex } from './bibtexExport';
import { silencingOf } from './silencing';
import { type IgnoreEntry, isIgnored, sentenceOf } from './ignoreInConfig';
import { proseLanguage } from './languages';

/** How many sources the Insert Citation picker shows formatted references for (the rest: key and title). */
const pickerReferenceLimit = 2000;

/** Rendered cites kept per source and style (a long memo cites one source at many pages). */
const maxRendersPerItem = 256;
/** Cites rendered ahead of hovers per pass over a document. */
const maxPrerenderedCites = 500;

/** Markdown from the CSL processor as plain text: emphasis marks and escapes removed. */
export function markdownToPlain(markdown: string): string {
  return markdown.replace(/\\([\\`*_[\]<>])|\*/g, (_, escaped: string | undefined) => escaped ?? '');
}

interface DocumentState {
  analyzer: DocumentAnalyzer;
  /** The document as last analysed: another memo's inconsistencies link into it. */
  document?: TextDocument;
  version?: number;
  text?: string;
  analysis?: DocumentAnalysis;
  diagnostics?: Diagnostic[];
}

/** The citations on one line, as an analysis: enough for hovering a key. */
function lineAnalysis(document: TextDocument, position: Position): DocumentAnalysis {
  const start = document.offsetAt({ line: position.line, character: 0 });
  const line = document
    .getText({ start: { line: position.line, character: 0 }, end: { line: position.line + 1, character: 0 } })
    .slice(0, 20_000);
  const citations = parseProse(line, 'markdown')
    .blocks.flatMap((b) => b.citations)
    .map((c) => ({
      ...c,
      start: c.start + start,
      end: c.end + start,
      keys: c.keys.map((k) => ({ ...k, start: k.start + start, end: k.end + start })),
    }));
  return { sentences: [], terms: [], citations, checkedBlocks: 0, totalBlocks: 0 };
}

/** Findings that no `<!-- policy-lens-disable… -->` comment silences, by the line each starts on. */
function withoutSilenced(document: TextDocument, diagnostics: Diagnostic[]): Diagnostic[] {
  const language = proseLanguage(document.languageId, document.uri);
  const silencing = diagnostics.length > 0 ? silencingOf(document.getText(), language) : undefined;
  if (!silencing) return diagnostics;
  return diagnostics.filter((d) => {
    const extracted = (d.data as { extracted?: boolean } | undefined)?.extracted === true;
    return !silencing.silenced(d.range.start.line, extracted ? 'extracted-contradiction' : String(d.code));
  });
}

/** Findings that an entry of the project config's `ignores:` names, while their sentence reads the same. */
function withoutIgnored(
  document: TextDocument,
  analysis: DocumentAnalysis,
  diagnostics: Diagnostic[],
  ignores: readonly IgnoreEntry[],
): Diagnostic[] {
  if (ignores.length === 0) return diagnostics;
  return diagnostics.filter((d) => !isIgnored(d, sentenceOf(document, analysis, d), ignores));
}

/** What a memo's project config sets for it: the settings it is checked with and what it ignores. */
export interface DocumentConfig {
  settings: PolicyLensSettings;
  ignores: readonly IgnoreEntry[];
}

/** Documents longer than this (about 300,000 words) are not checked: one notice says so instead. */
export const maxDocumentLength = 2 * 1024 * 1024;

export class PolicyLensService {
  private documents = new Map<string, DocumentState>();
  private extraSources = new Map<string, Source>();
  /** Sources a document's own front matter brings (`references:` and its `bibliography:` files). */
  private documentSources = new Map<string, Map<string, Source>>();
  /** The style and locale each memo's front matter chose (`csl:`, `lang:`), else the settings'. */
  private defaultStyle: StyleChoice;
  private documentStyles = new Map<string, StyleChoice>();
  private nocite = new Map<string, string[]>();
  private renderer?: ReferenceRenderer;
  /**
   * Per document: its front matter's sources and the bibliography files' together, and their keys.
   * Made when first asked for: with a bibliography of 50,000 entries, merging them for every
   * check, hover and completion took longer than the rest of the work.
   */
  private merged = new Map<string, { sources: Map<string, Source>; keys: Set<string> }>();
  /** Per memo, from its project config (.policylens.yaml): settings over the editor's, and ignores. */
  private documentConfigs = new Map<string, { config: DocumentConfig; key: string }>();
  /** Per memo: what could define its citation keys but Restricted Mode did not read, as its author names it. */
  private notRead = new Map<string, readonly string[]>();

  constructor(
    private kb: KnowledgeBase,
    private settings: PolicyLensSettings = defaultSettings,
  ) {
    this.defaultStyle = { style: settings.referenceStyle, locale: settings.referenceLocale };
  }

  private links: Pick<DiagnosticOptions, 'docsBase' | 'fileUri'> = {};

  /** Where diagnostics link to: the docs pages' base URL, and how a file's path becomes a URI. */
  setLinks(links: Pick<DiagnosticOptions, 'docsBase' | 'fileUri'>): void {
    this.links = links;
    for (const state of this.documents.values()) state.diagnostics = undefined;
  }

  /** The CSL processor (the server runs it in a worker thread). */
  setRenderer(renderer: ReferenceRenderer): void {
    this.renderer = renderer;
  }

  /** The style for memos that choose none; `documentStyle` sets one memo's (undefined: the default). */
  setDefaultStyle(style: StyleChoice): void {
    this.defaultStyle = style;
  }

  setDocumentStyle(uri: string, style: StyleChoice | undefined, nocite: string[] = []): void {
    if (style) this.documentStyles.set(uri, style);
    else this.documentStyles.delete(uri);
    this.nocite.set(uri, nocite);
  }

  styleFor(uri: string): StyleChoice {
    return this.documentStyles.get(uri) ?? this.defaultStyle;
  }

  private rendererOrFail(): ReferenceRenderer {
    if (!this.renderer) throw new Error('no CSL processor is set');
    return this.renderer;
  }

  /** Rendered single entries and cites per item: hovering the same key again needs no round trip. */
  private rendered = new WeakMap<CslItem, Map<string, Promise<string>>>();

  private renderOnce(item: CslItem, style: StyleChoice, what: string, render: () => Promise<string>): Promise<string> {
    let byRequest = this.rendered.get(item);
    if (!byRequest) this.rendered.set(item, (byRequest = new Map()));
    // A style is its name, locale and text: an edited .csl file is a new key.
    const key = JSON.stringify([style.style, style.locale, style.xml?.length, style.xml?.slice(-200), what]);
    let result = byRequest.get(key);
    if (!result) {
      // The oldest render goes first: a long memo cites one source at many pages.
      if (byRequest.size >= maxRendersPerItem) byRequest.delete(byRequest.keys().next().value!);
      byRequest.set(key, (result = render()));
      // A failure is not remembered: the next hover tries again.
      result.catch(() => byRequest.delete(key));
    }
    return result;
  }

  /** One item's bibliography entry, rendered on its own. */
  private entryOf(item: CslItem, style: StyleChoice): Promise<string> {
    const render = async (): Promise<string> => (await this.rendererOrFail().bibliography([item], style))[0] ?? '';
    return this.renderOnce(item, style, 'entry', render);
  }

  get knowledge(): KnowledgeBase {
    return this.kb;
  }

  setKnowledge(kb: KnowledgeBase): void {
    this.kb = kb;
    // Every open document is analysed again against the new knowledge, even if its text is unchanged.
    for (const state of this.documents.values()) {
      state.analysis = undefined;
      state.diagnostics = undefined;
    }
  }

  setSettings(settings: PolicyLensSettings): void {
    this.settings = settings;
    this.defaultStyle = { style: settings.referenceStyle, locale: settings.referenceLocale };
    for (const state of this.documents.values()) state.diagnostics = undefined;
  }

  /** Sources from bibliography files and front matter: their keys are known citations. */
  setExtraSources(sources: Iterable<Source>): void {
    this.extraSources = new Map();
    for (const s of sources) this.extraSources.set(s.key, s);
    this.merged.clear();
    for (const state of this.documents.values()) state.diagnostics = undefined;
  }

  getExtraSources(): ReadonlyMap<string, Source> {
    return this.extraSources;
  }

  /** The memo's project config (undefined: none); its findings are worked out again only if it changed. */
  setDocumentConfig(uri: string, config: DocumentConfig | undefined): void {
    const key = config ? JSON.stringify(config) : '';
    if ((this.documentConfigs.get(uri)?.key ?? '') === key) return;
    if (config) this.documentConfigs.set(uri, { config, key });
    else this.documentConfigs.delete(uri);
    const state = this.documents.get(uri);
    if (state) state.diagnostics = undefined;
  }

  /** What Restricted Mode did not read for the memo (empty: nothing); unknown keys say so. */
  setNotRead(uri: string, names: readonly string[]): void {
    const before = this.notRead.get(uri) ?? [];
    if (before.length === names.length && before.every((n, i) => n === names[i])) return;
    if (names.length > 0) this.notRead.set(uri, [...names]);
    else this.notRead.delete(uri);
    const state = this.documents.get(uri);
    if (state) state.diagnostics = undefined;
  }

  /** The settings a memo is checked with: its project config's, else the editor's. */
  settingsFor(uri: string): PolicyLensSettings {
    return this.documentConfigs.get(uri)?.config.settings ?? this.settings;
  }

  /** Sources that only one document sees (from its front matter). */
  setDocumentSources(uri: string, sources: Iterable<Source>): void {
    this.documentSources.set(uri, new Map([...sources].map((s) => [s.key, s])));
    this.merged.delete(uri);
    const state = this.documents.get(uri);
    if (state) state.diagnostics = undefined;
  }

  /** The bibliography a document's front matter names (files to read, inline references). */
  frontMatterBibliography(document: TextDocument): FrontMatterBibliography {
    // Only the front matter is read: this runs before every check and must not analyse the memo.
    return frontMatterBibliography(frontMatterOf(document.getText()), document.uri);
  }

  /** Knowledge first, then bibliography files, then the document's own references. */
  lookupSource(uri: string, key: string): Source | undefined {
    return this.kb.sources.get(key) ?? this.extraSources.get(key) ?? this.documentSources.get(uri)?.get(key);
  }

  private sourcesFor(uri: string): Map<string, Source> {
    return this.mergedFor(uri).sources;
  }

  private mergedFor(uri: string): { sources: Map<string, Source>; keys: Set<string> } {
    let merged = this.merged.get(uri);
    if (!merged) {
      const sources = new Map<string, Source>(this.documentSources.get(uri) ?? []);
      for (const [k, v] of this.extraSources) sources.set(k, v);
      this.merged.set(uri, (merged = { sources, keys: new Set(sources.keys()) }));
    }
    return merged;
  }

  analyze(document: TextDocument): DocumentAnalysis {
    let state = this.documents.get(document.uri);
    if (!state) this.documents.set(document.uri, (state = { analyzer: new DocumentAnalyzer() }));
    const text = document.getText();
    if (state.analysis && state.version === document.version && state.text === text) return state.analysis;
    state.analysis =
      text.length > maxDocumentLength
        ? { sentences: [], terms: [], citations: [], checkedBlocks: 0, totalBlocks: 0 }
        : state.analyzer.analyze(text, this.kb, proseLanguage(document.languageId, document.uri));
    state.version = document.version;
    state.text = text;
    state.document = document;
    state.diagnostics = undefined;
    this.peerChanged(document.uri);
    return state.analysis;
  }

  /**
   * Diagnostics computed in slices: between slices it awaits `pause()` (the server lets requests for
   * other documents through), and it gives up, returning undefined, as soon as `stale()` says the
   * document has changed (the next run reuses every block already checked).
   */
  async diagnosticsInSlices(
    document: TextDocument,
    pause: () => Promise<void>,
    stale: () => boolean,
  ): Promise<Diagnostic[] | undefined> {
    let state = this.documents.get(document.uri);
    if (!state) this.documents.set(document.uri, (state = { analyzer: new DocumentAnalyzer() }));
    const text = document.getText();
    const fresh = state.analysis && state.version === document.version && state.text === text;
    if (!fresh && text.length <= maxDocumentLength) {
      const steps = state.analyzer.analyzeInSlices(text, this.kb, proseLanguage(document.languageId, document.uri));
      let step = steps.next();
      while (!step.done) {
        await pause();
        if (stale()) return undefined;
        step = steps.next();
      }
      state.analysis = step.value;
      state.version = document.version;
      state.text = text;
      state.document = document;
      state.diagnostics = undefined;
      this.peerChanged(document.uri);
    }
    return this.diagnostics(document);
  }

  diagnostics(document: TextDocument): Diagnostic[] {
    const analysis = this.analyze(document);
    const state = this.documents.get(document.uri)!;
    if (!state.diagnostics && document.getText().length > maxDocumentLength) {
      const megabytes = (document.getText().length / 1048576).toFixed(1);
      state.diagnostics = [
        {
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          severity: 3,
          code: 'too-large',
          codeDescription: { href: checkDocsHref('too-large', this.links.docsBase) },
          source: diagnosticSource,
          message:
            `Not checked: this document is ${megabytes} MB; Policy Lens checks documents up to ` +
            `${maxDocumentLength / 1048576} MB. Split it to check it.`,
        },
      ];
    }
    if (!state.diagnostics) {
      const settings = this.settingsFor(document.uri);
      const options = {
        ...this.links,
        checks: settings.checks,
        extraKeys: this.mergedFor(document.uri).keys,
        crossrefPrefixes: settings.crossrefPrefixes,
        peers: settings.consistencyScope === 'workspace' ? this.peersOf(document.uri) : undefined,
        notRead: this.notRead.get(document.uri),
      };
      const found = withoutSilenced(document, computeDiagnostics(document, this.kb, analysis, options));
      const ignores = this.documentConfigs.get(document.uri)?.config.ignores ?? [];
      state.diagnostics = withoutIgnored(document, analysis, found, ignores);
    }
    return state.diagnostics;
  }

  /** Hover: a citation rendered by the CSL processor, else a term or a contradiction. */
  async hover(document: TextDocument, position: Position): Promise<Hover | null> {
    // A hover never waits for a whole-document check: if the current text has not been analysed
    // yet, citations come from the hovered line alone and contradictions are not shown until it is.
    const state = this.documents.get(document.uri);
    const current = state?.analysis && state.version === document.version && state.text === document.getText();
    const analysis = current ? state!.analysis! : lineAnalysis(document, position);
    const extraSources = this.sourcesFor(document.uri);
    const cited = citationHoverAt(document, position, this.kb, analysis, extraSources);
    if (cited) {
      let rendered: { citation: string; reference: string } | { error: string } = { error: 'unknown key' };
      if (cited.source) {
        try {
          rendered = await this.renderCited(cited.source, cited.cite, cited.inText, this.styleFor(document.uri));
        } catch (e) {
          rendered = { error: (e as Error).message };
        }
      }
      const value = citationMarkdown(this.kb, cited, rendered);
      return { contents: { kind: MarkupKind.Markdown, value }, range: cited.range };
    }
    const diagnostics = current ? this.diagnostics(document) : [];
    return hover(document, position, this.kb, analysis, { extraSources, diagnostics });
  }

  /** A cite as the style renders it, and the source's entry; each remembered once rendered. */
  private async renderCited(
    source: Source,
    key: CitationKey,
    inText: boolean,
    style: StyleChoice,
  ): Promise<{ citation: string; reference: string }> {
    const { prefix, suffix, suppressAuthor } = key;
    const item = source.csl;
    const cite = { item, prefix, suppressAuthor, inText, ...splitLocator(suffix) };
    const what = JSON.stringify(['cite', prefix, suffix, suppressAuthor, inText]);
    const [citation, reference] = await Promise.all([
      this.renderOnce(item, style, what, () => this.rendererOrFail().citation([cite], style)),
      this.entryOf(item, style),
    ]);
    return { citation, reference };
  }

  /**
   * Renders the document's citations ahead of any hover, one at a time so that a hover asked
   * meanwhile waits for at most one render in the CSL worker (a first render of a cite takes
   * 5–30 ms there). Stops when the document changes or is closed.
   */
  async prerenderCitations(document: TextDocument): Promise<void> {
    const state = this.documents.get(document.uri);
    if (!this.renderer || !state?.analysis || state.version !== document.version) return;
    const version = document.version;
    const style = this.styleFor(document.uri);
    const extraSources = this.sourcesFor(document.uri);
    let rendered = 0;
    for (const citation of state.analysis.citations) {
      for (const key of citation.keys) {
        if (this.documents.get(document.uri)?.version !== version || rendered >= maxPrerenderedCites) return;
        const source = this.kb.sources.get(key.key) ?? extraSources.get(key.key);
        if (!source) continue;
        rendered++;
        // A failure shows in the hover that asks for it; here it only ends the pass.
        if (
          !(await this.renderCited(source, key, !citation.bracketed, style).then(
            () => true,
            () => false,
          ))
        ) {
          return;
        }
      }
    }
  }

  /**
   * Sources whose claims support the sentence at `position` as the checker settles it: nothing in
   * the sentence disagrees and every figure in it is accounted for. Shared topic is not support.
   */
  private supportingAt(document: TextDocument, position: Position): Set<string> {
    const offset = document.offsetAt(position);
    const sentences = this.analyze(document).sentences;
    // The sentence the cursor is in, or the one just before it ("… 78%. [@" cites that sentence).
    const at =
      sentences.find((s) => s.start <= offset && offset <= s.end) ??
      [...sentences].reverse().find((s) => s.end <= offset && offset - s.end <= 3);
    return new Set((at?.findings ?? []).filter((f) => f.verdict === 'support').map((f) => f.claim.source));
  }

  completion(document: TextDocument, position: Position): CompletionList | null {
    const supporting = this.supportingAt(document, position);
    const items = completeCitations(document, position, this.kb, {
      extraSources: this.sourcesFor(document.uri),
      supporting,
    });
    if (!items) return null;
    return { isIncomplete: this.kb.sources.size + this.sourcesFor(document.uri).size > completionLimit, items };
  }

  /** completionItem/resolve: the item's formatted reference, rendered for the memo's style. */
  async resolveCompletion(item: CompletionItem): Promise<CompletionItem> {
    const data = item.data as CitationCompletionData | undefined;
    const source = data ? this.lookupSource(data.uri, data.key) : undefined;
    if (!data || !source) return item;
    let value: string;
    try {
      value = await this.entryOf(source.csl, this.styleFor(data.uri));
    } catch (e) {
      value = `*The reference could not be formatted: ${(e as Error).message}*`;
    }
    const note = data.supports ? '\n\n*Supports this sentence.*' : '';
    return { ...item, documentation: { kind: MarkupKind.Markdown, value: (value ?? '') + note } };
  }

  /** The source entry a citation key at the cursor points to. */
  definition(document: TextDocument, position: Position): Source | undefined {
    const key = keyAt(document, position, this.analyze(document));
    return key ? this.lookupSource(document.uri, key.key) : undefined;
  }

  keyAt(document: TextDocument, position: Position): CitationKey | undefined {
    return keyAt(document, position, this.analyze(document));
  }

  /**
   * Where `key` is cited. A document that has not been checked is only parsed, not checked: Find
   * All References reads every memo in the workspace and needs nothing more.
   */
  citationsOf(document: TextDocument, key: string): CitationKey[] {
    const state = this.documents.get(document.uri);
    const current = state?.analysis && state.version === document.version && state.text === document.getText();
    if (current) return citationsOf(key, state.analysis!);
    const language = proseLanguage(document.languageId, document.uri);
    const citations = parseProse(document.getText(), language).blocks.flatMap((b) => b.citations);
    return citationsOf(key, { sentences: [], terms: [], citations, checkedBlocks: 0, totalBlocks: 0 });
  }

  documentLinks(document: TextDocument): DocumentLink[] {
    return sourceLinks(document, this.analyze(document), (key) => this.lookupSource(document.uri, key));
  }

  /** Sources the memo cites, then those its front matter's `nocite` names (`@*`: every bibliography entry). */
  private citedBy(document: TextDocument): Source[] {
    const nocite = this.nocite.get(document.uri) ?? [];
    const everyEntry = nocite.includes('*');
    const all = everyEntry ? [...nocite.filter((k) => k !== '*'), ...this.sourcesFor(document.uri).keys()] : nocite;
    return citedSources(this.analyze(document), (key) => this.lookupSource(document.uri, key), all);
  }

  /** Insert References: the cited sources rendered by the CSL processor, in the style's order. */
  async referencesEdit(document: TextDocument): Promise<TextEdit> {
    const items = this.citedBy(document).map((s) => s.csl);
    const entries = await this.rendererOrFail().bibliography(items, this.styleFor(document.uri));
    return referencesEdit(document, entries);
  }

  exportBibliography(document: TextDocument): CslItem[] {
    return exportBibliography(this.citedBy(document));
  }

  exportBibtex(document: TextDocument): string {
    return toBibtex(this.exportBibliography(document));
  }

  /** Every source, those supporting the sentence at the cursor first, for the Insert Citation picker. */
  async listSources(document?: TextDocument, position?: Position): Promise<SourceSummary[]> {
    // Completion already ranks sources by the sentence at the cursor; reuse its order.
    const supporting = document && position ? this.supportingAt(document, position) : new Set<string>();
    const ranked =
      document && position
        ? rankedSources(document, position, this.kb, { extraSources: this.sourcesFor(document.uri), supporting })
        : [];
    const order = new Map(ranked.map((i, n) => [i.source.key, n]));
    const all = new Map<string, Source>(this.kb.sources);
    if (document) for (const [k, v] of this.sourcesFor(document.uri)) if (!all.has(k)) all.set(k, v);
    const rank = (key: string): number => order.get(key) ?? ranked.length;
    const sources = [...all.values()].sort((a, b) => rank(a.key) - rank(b.key) || a.key.localeCompare(b.key));
    const style = document ? this.styleFor(document.uri) : this.defaultStyle;
    let references: string[] = [];
    try {
      // The first few thousand (supporting sources first): rendering takes about 2 ms an entry.
      const items = sources.slice(0, pickerReferenceLimit).map((s) => s.csl);
      references = await this.rendererOrFail().references(items, style);
    } catch {
      references = [];
    }
    return sources.map((s, i) => ({
      key: s.key,
      short: shortCitation(s.csl),
      reference: markdownToPlain(references[i] ?? ''),
      title: typeof s.csl.title === 'string' ? s.csl.title : '',
      authors: (Array.isArray(s.csl.author) ? s.csl.author : [])
        .map((a) => a?.literal ?? [a?.given, a?.family].filter(Boolean).join(' '))
        .join(', '),
      claims: (this.kb.claimsBySource.get(s.key) ?? []).map((c) => c.statement),
      supports: supporting.has(s.key),
    }));
  }

  codeActions(document: TextDocument, diagnostics: readonly Diagnostic[], options?: CodeActionOptions): CodeAction[] {
    const sentence = (d: Diagnostic): string => sentenceOf(document, this.analyze(document), d);
    return codeActions(document, diagnostics, { ...options, sentenceOf: sentence });
  }

  /** Forgets a document: its analysis and the sources its front matter brought. */
  /** The other memos analysed so far, for inconsistencies across memos. */
  private peersOf(uri: string): PeerMemo[] {
    const peers: PeerMemo[] = [];
    for (const [other, state] of this.documents) {
      if (other !== uri && state.document && state.analysis) {
        peers.push({ document: state.document, analysis: state.analysis });
      }
    }
    return peers;
  }

  /** Memos whose diagnostics compare them with others, to check again because another changed. */
  private comparedWithChanged = new Set<string>();

  /** A memo's text changed: the memos compared with it are stale (with the workspace as scope). */
  private peerChanged(uri: string): void {
    for (const [other, state] of this.documents) {
      if (other === uri || this.settingsFor(other).consistencyScope !== 'workspace' || !state.diagnostics) continue;
      state.diagnostics = undefined;
      this.comparedWithChanged.add(other);
    }
  }

  /** The memos to publish diagnostics for again since another memo changed (then forgotten). */
  takeComparedWithChanged(): string[] {
    const uris = [...this.comparedWithChanged].filter((uri) => this.documents.has(uri));
    this.comparedWithChanged.clear();
    return uris;
  }

  close(uri: string): void {
    this.peerChanged(uri);
    this.documents.delete(uri);
    this.documentStyles.delete(uri);
    this.nocite.delete(uri);
    this.documentSources.delete(uri);
    this.documentConfigs.delete(uri);
    this.notRead.delete(uri);
    this.merged.delete(uri);
  }
}
