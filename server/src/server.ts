// The language server: a thin layer over the language service. Each handler fetches the document
// and asks the service; the only state here is which documents need checking.
import { isAbsolute, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind, createConnection, Diagnostic, DiagnosticSeverity, InitializeParams, InitializeResult, ProposedFeatures,
  TextDocuments, TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultSettings, normalizeSettings, PolicyLensSettings, settingsSection } from './common/settings';
import { formatKnowledgeError, loadKnowledgeFolders } from './node/knowledgeFiles';
import { KnowledgeError } from './knowledge/types';
import { PolicyLensService } from './service/languageService';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
let settings: PolicyLensSettings = defaultSettings;
let workspaceFolders: string[] = [];
let canPullConfiguration = false;
let service: PolicyLensService | undefined;
let knowledgeErrorFiles = new Set<string>();

function resolveFolder(folder: string): string[] {
  if (isAbsolute(folder)) return [folder];
  return workspaceFolders.length > 0 ? workspaceFolders.map((w) => join(w, folder)) : [folder];
}

function loadService(): PolicyLensService {
  const { kb } = loadKnowledgeFolders(settings.knowledgeFolders.flatMap(resolveFolder));
  publishKnowledgeErrors(kb.errors);
  if (!service) service = new PolicyLensService(kb, settings);
  else {
    service.setKnowledge(kb);
    service.setSettings(settings);
  }
  return service;
}

/** Knowledge file problems appear in the Problems view, on the file, line and column at fault. */
function publishKnowledgeErrors(errors: KnowledgeError[]): void {
  const byFile = new Map<string, Diagnostic[]>();
  for (const e of errors) {
    const list = byFile.get(e.file) ?? [];
    list.push({
      range: { start: { line: e.line, character: e.character }, end: { line: e.endLine ?? e.line, character: e.endCharacter ?? e.character + 1 } },
      severity: DiagnosticSeverity.Error,
      source: 'policy-lens',
      code: `knowledge-${e.kind}`,
      message: e.message,
    });
    byFile.set(e.file, list);
    connection.console.warn(formatKnowledgeError(e));
  }
  for (const file of knowledgeErrorFiles) if (!byFile.has(file)) void connection.sendDiagnostics({ uri: pathToFileURL(file).href, diagnostics: [] });
  for (const [file, diagnostics] of byFile) void connection.sendDiagnostics({ uri: pathToFileURL(file).href, diagnostics });
  knowledgeErrorFiles = new Set(byFile.keys());
}

function getService(): PolicyLensService {
  return service ?? loadService();
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  workspaceFolders = (params.workspaceFolders ?? []).map((f) => fileURLToPath(f.uri));
  if (workspaceFolders.length === 0 && params.rootUri) workspaceFolders = [fileURLToPath(params.rootUri)];
  canPullConfiguration = params.capabilities.workspace?.configuration === true;
  const options = params.initializationOptions as { settings?: unknown } | undefined;
  if (options?.settings) settings = normalizeSettings(options.settings);
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      hoverProvider: true,
      completionProvider: { triggerCharacters: ['@', '['], resolveProvider: false },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
    },
    serverInfo: { name: 'policy-lens', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  // Knowledge is loaded after the handshake, so `initialize` is answered at once.
  setImmediate(() => {
    getService();
    for (const document of documents.all()) schedule(document.uri);
  });
});

connection.onDidChangeConfiguration(async (change) => {
  let raw: unknown = (change.settings as Record<string, unknown> | undefined)?.[settingsSection];
  if (canPullConfiguration) raw = await connection.workspace.getConfiguration(settingsSection);
  if (raw === undefined) return;
  const next = normalizeSettings(raw);
  const reload = JSON.stringify(next.knowledgeFolders) !== JSON.stringify(settings.knowledgeFolders);
  settings = next;
  if (reload || !service) loadService();
  else service.setSettings(settings);
  for (const document of documents.all()) schedule(document.uri);
});

// Checking: edits that arrive while a check runs are coalesced into the next check, which always
// reads the latest text. No fixed delay: fresh diagnostics go out as soon as they are computed.
const pending = new Set<string>();
let flushScheduled = false;

function schedule(uri: string): void {
  pending.add(uri);
  if (flushScheduled) return;
  flushScheduled = true;
  setImmediate(flush);
}

function flush(): void {
  flushScheduled = false;
  const uris = [...pending];
  pending.clear();
  for (const uri of uris) {
    const document = documents.get(uri);
    if (!document) continue;
    if (!settings.languages.includes(document.languageId)) {
      void connection.sendDiagnostics({ uri, diagnostics: [] });
      continue;
    }
    try {
      const diagnostics = getService().diagnostics(document);
      void connection.sendDiagnostics({ uri, version: document.version, diagnostics });
    } catch (e) {
      connection.console.error(`policy-lens: checking ${uri} failed: ${(e as Error).stack ?? e}`);
    }
  }
}

documents.onDidOpen((e) => schedule(e.document.uri));
documents.onDidChangeContent((e) => schedule(e.document.uri));
documents.onDidClose((e) => {
  service?.close(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

connection.onHover((params) => {
  const document = documents.get(params.textDocument.uri);
  return document ? getService().hover(document, params.position) : null;
});

connection.onCompletion((params) => {
  const document = documents.get(params.textDocument.uri);
  return document ? getService().completion(document, params.position) : null;
});

connection.onCodeAction((params) => {
  const document = documents.get(params.textDocument.uri);
  return document ? getService().codeActions(document, params.context.diagnostics) : [];
});

documents.listen(connection);
connection.listen();
