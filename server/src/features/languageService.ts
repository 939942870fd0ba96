// The language service: one object that holds the loaded knowledge and settings and answers LSP
// questions about in-memory documents. No connection, no file system, no `vscode` in here.
import { CodeAction, CompletionList, Diagnostic, DocumentLink, Hover, Position, TextEdit } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultSettings, PolicyLensSettings } from '../common/settings';
import { KnowledgeBase } from '../knowledge/knowledgeBase';
import { Source } from '../knowledge/types';
import { DocumentAnalysis, DocumentAnalyzer } from '../engine/analysis';
import { CodeActionOptions, codeActions } from './codeActions';
import { completeCitations, completionLimit, rankedSources } from './completion';
import { computeDiagnostics, diagnosticSource } from './diagnostics';
import { hover } from './hover';
import { CslItem } from '../knowledge/types';
import { shortCitation } from './csl';
import { frontMatterBibliography, FrontMatterBibliography } from './frontMatter';
import { citationsOf, keyAt, sourceLinks } from './navigation';
import { CitationKey, frontMatterOf, parseProse } from '../engine/markdown/prose';
import { citedSources, exportBibliography, referencesEdit } from './references';

/** One source as the Insert Citation picker shows it. */
export interface SourceSummary {
  key: string;
  short: string;
  title: string;
  authors: string;
  claims: string[];
  /** True when the source supports the sentence at the cursor. */
  supports: boolean;
}

interface DocumentState {
  analyzer: DocumentAnalyzer;
  version?: number;
  text?: string;
  analysis?: DocumentAnalysis;
  diagnostics?: Diagnostic[];
}

/** The citations on one line, as an analysis: enough for hovering a key. */
function lineAnalysis(document: TextDocument, position: Position): DocumentAnalysis {
  const start = document.offsetAt({ line: position.line, character: 0 });
  const line = document.getText({ start: { line: position.line, character: 0 }, end: { line: position.line + 1, character: 0 } }).slice(0, 20_000);
  const citations = parseProse(line, 'markdown').blocks.flatMap((b) => b.citations).map((c) => ({
    ...c, start: c.start + start, end: c.end + start, keys: c.keys.map((k) => ({ ...k, start: k.start + start, end: k.end + start })),
  }));
  return { sentences: [], terms: [], citations, checkedBlocks: 0, totalBlocks: 0 };
}

/** Documents longer than this (about 300,000 words) are not checked: one notice says so instead. */
export const maxDocumentLength = 2 * 1024 * 1024;

export class PolicyLensService {
  private documents = new Map<string, DocumentState>();
  private extraSources = new Map<string, Source>();
  /** Sources a document's own front matter brings (`references:` and its `bibliography:` files). */
  private documentSources = new Map<string, Map<string, Source>>();
  /**
   * Per document: its front matter's sources and the bibliography files' together, and their keys.
   * Made when first asked for: with a bibliography of 50,000 entries, merging them for every
   * check, hover and completion took longer than the rest of the work.
   */
  private merged = new Map<string, { sources: Map<string, Source>; keys: Set<string> }>();

  constructor(
    private kb: KnowledgeBase,
    private settings: PolicyLensSettings = defaultSettings,
  ) {}

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
    state.analysis = text.length > maxDocumentLength
      ? { sentences: [], terms: [], citations: [], checkedBlocks: 0, totalBlocks: 0 }
      : state.analyzer.analyze(text, this.kb, document.languageId);
    state.version = document.version;
    state.text = text;
    state.diagnostics = undefined;
    return state.analysis;
  }

  /**
   * Diagnostics computed in slices: between slices it awaits `pause()` (the server lets requests for
   * other documents through), and it gives up, returning undefined, as soon as `stale()` says the
   * document has changed (the next run reuses every block already checked).
   */
  async diagnosticsInSlices(document: TextDocument, pause: () => Promise<void>, stale: () => boolean): Promise<Diagnostic[] | undefined> {
    let state = this.documents.get(document.uri);
    if (!state) this.documents.set(document.uri, (state = { analyzer: new DocumentAnalyzer() }));
    const text = document.getText();
    const fresh = state.analysis && state.version === document.version && state.text === text;
    if (!fresh && text.length <= maxDocumentLength) {
      const steps = state.analyzer.analyzeInSlices(text, this.kb, document.languageId);
      let step = steps.next();
      while (!step.done) {
        await pause();
        if (stale()) return undefined;
        step = steps.next();
      }
      state.analysis = step.value;
      state.version = document.version;
      state.text = text;
      state.diagnostics = undefined;
    }
    return this.diagnostics(document);
  }

  diagnostics(document: TextDocument): Diagnostic[] {
    const analysis = this.analyze(document);
    const state = this.documents.get(document.uri)!;
    if (!state.diagnostics && document.getText().length > maxDocumentLength) {
      const megabytes = (document.getText().length / 1048576).toFixed(1);
      state.diagnostics = [{
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: 3,
        code: 'too-large',
        source: diagnosticSource,
        message: `Not checked: this document is ${megabytes} MB; Policy Lens checks documents up to ${maxDocumentLength / 1048576} MB. Split it to check it.`,
      }];
    }
    if (!state.diagnostics) {
      state.diagnostics = computeDiagnostics(document, this.kb, analysis, { checks: this.settings.checks, extraKeys: this.mergedFor(document.uri).keys });
    }
    return state.diagnostics;
  }

  hover(document: TextDocument, position: Position): Hover | null {
    // A hover never waits for a whole-document check: if the current text has not been analysed
    // yet, citations come from the hovered line alone and contradictions are not shown until it is.
    const state = this.documents.get(document.uri);
    const current = state?.analysis && state.version === document.version && state.text === document.getText();
    const analysis = current ? state!.analysis! : lineAnalysis(document, position);
    const diagnostics = current ? this.diagnostics(document) : [];
    return hover(document, position, this.kb, analysis, { style: this.settings.referenceStyle, extraSources: this.sourcesFor(document.uri), diagnostics });
  }

  completion(document: TextDocument, position: Position): CompletionList | null {
    const items = completeCitations(document, position, this.kb, { style: this.settings.referenceStyle, extraSources: this.sourcesFor(document.uri) });
    if (!items) return null;
    return { isIncomplete: this.kb.sources.size + this.sourcesFor(document.uri).size > completionLimit, items };
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
    const citations = parseProse(document.getText(), document.languageId).blocks.flatMap((b) => b.citations);
    return citationsOf(key, { sentences: [], terms: [], citations, checkedBlocks: 0, totalBlocks: 0 });
  }

  documentLinks(document: TextDocument): DocumentLink[] {
    return sourceLinks(document, this.analyze(document), (key) => this.lookupSource(document.uri, key));
  }

  referencesEdit(document: TextDocument): TextEdit {
    const sources = citedSources(this.analyze(document), (key) => this.lookupSource(document.uri, key));
    return referencesEdit(document, sources, this.settings.referenceStyle);
  }

  exportBibliography(document: TextDocument): CslItem[] {
    return exportBibliography(citedSources(this.analyze(document), (key) => this.lookupSource(document.uri, key)));
  }

  /** Every source, those supporting the sentence at the cursor first, for the Insert Citation picker. */
  listSources(document?: TextDocument, position?: Position): SourceSummary[] {
    // Completion already ranks sources by the sentence at the cursor; reuse its order.
    const ranked = document && position ? (rankedSources(document, position, this.kb, { style: this.settings.referenceStyle, extraSources: this.sourcesFor(document.uri) }) ?? []) : [];
    const order = new Map(ranked.map((i, n) => [i.source.key, n]));
    const supporting = new Set(ranked.filter((i) => i.score > 0).map((i) => i.source.key));
    const all = new Map<string, Source>(this.kb.sources);
    if (document) for (const [k, v] of this.sourcesFor(document.uri)) if (!all.has(k)) all.set(k, v);
    const rank = (key: string): number => order.get(key) ?? ranked.length;
    return [...all.values()]
      .sort((a, b) => rank(a.key) - rank(b.key) || a.key.localeCompare(b.key))
      .map((s) => ({
        key: s.key,
        short: shortCitation(s.csl),
        title: s.csl.title ?? '',
        authors: (s.csl.author ?? []).map((a) => a.literal ?? [a.given, a.family].filter(Boolean).join(' ')).join(', '),
        claims: (this.kb.claimsBySource.get(s.key) ?? []).map((c) => c.statement),
        supports: supporting.has(s.key),
      }));
  }

  codeActions(document: TextDocument, diagnostics: readonly Diagnostic[], options?: CodeActionOptions): CodeAction[] {
    return codeActions(document, diagnostics, options);
  }

  /** Forgets a document: its analysis and the sources its front matter brought. */
  close(uri: string): void {
    this.documents.delete(uri);
    this.documentSources.delete(uri);
    this.merged.delete(uri);
  }
}
