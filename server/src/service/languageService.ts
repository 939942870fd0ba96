// The language service: one object that holds the loaded knowledge and settings and answers LSP
// questions about in-memory documents. No connection, no file system, no `vscode` in here.
import { CodeAction, CompletionItem, Diagnostic, Hover, Position } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultSettings, PolicyLensSettings } from '../common/settings';
import { KnowledgeBase } from '../knowledge/knowledgeBase';
import { Source } from '../knowledge/types';
import { DocumentAnalysis, DocumentAnalyzer } from './analysis';
import { codeActions } from './codeActions';
import { completeCitations } from './completion';
import { computeDiagnostics } from './diagnostics';
import { hover } from './hover';

interface DocumentState {
  analyzer: DocumentAnalyzer;
  version?: number;
  text?: string;
  analysis?: DocumentAnalysis;
  diagnostics?: Diagnostic[];
}

export class PolicyLensService {
  private documents = new Map<string, DocumentState>();
  private extraSources = new Map<string, Source>();

  constructor(
    private kb: KnowledgeBase,
    private settings: PolicyLensSettings = defaultSettings,
  ) {}

  get knowledge(): KnowledgeBase {
    return this.kb;
  }

  setKnowledge(kb: KnowledgeBase): void {
    this.kb = kb;
    for (const state of this.documents.values()) state.diagnostics = undefined;
  }

  setSettings(settings: PolicyLensSettings): void {
    this.settings = settings;
    for (const state of this.documents.values()) state.diagnostics = undefined;
  }

  /** Sources from bibliography files and front matter: their keys are known citations. */
  setExtraSources(sources: Iterable<Source>): void {
    this.extraSources = new Map([...sources].map((s) => [s.key, s]));
    for (const state of this.documents.values()) state.diagnostics = undefined;
  }

  getExtraSources(): ReadonlyMap<string, Source> {
    return this.extraSources;
  }

  analyze(document: TextDocument): DocumentAnalysis {
    let state = this.documents.get(document.uri);
    if (!state) this.documents.set(document.uri, (state = { analyzer: new DocumentAnalyzer() }));
    const text = document.getText();
    if (state.analysis && state.version === document.version && state.text === text) return state.analysis;
    state.analysis = state.analyzer.analyze(text, this.kb, document.languageId);
    state.version = document.version;
    state.text = text;
    state.diagnostics = undefined;
    return state.analysis;
  }

  diagnostics(document: TextDocument): Diagnostic[] {
    const analysis = this.analyze(document);
    const state = this.documents.get(document.uri)!;
    if (!state.diagnostics) {
      state.diagnostics = computeDiagnostics(document, this.kb, analysis, { checks: this.settings.checks, extraKeys: new Set(this.extraSources.keys()) });
    }
    return state.diagnostics;
  }

  hover(document: TextDocument, position: Position): Hover | null {
    return hover(document, position, this.kb, this.analyze(document), { style: this.settings.referenceStyle, extraSources: this.extraSources, diagnostics: this.diagnostics(document) });
  }

  completion(document: TextDocument, position: Position): CompletionItem[] | null {
    return completeCitations(document, position, this.kb, { style: this.settings.referenceStyle, extraSources: this.extraSources });
  }

  codeActions(document: TextDocument, diagnostics: readonly Diagnostic[]): CodeAction[] {
    return codeActions(document, diagnostics);
  }

  close(uri: string): void {
    this.documents.delete(uri);
  }
}
