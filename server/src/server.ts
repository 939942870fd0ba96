// The language server: a thin layer over the language service. Each handler fetches the document
// and asks the service. What lives here is what the service must not do: reading files, knowing
// the workspace, and deciding when to check.
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CancellationToken, CodeActionKind, createConnection, Diagnostic, DiagnosticSeverity, InitializeParams, InitializeResult, Location, LSPErrorCodes,
  ProposedFeatures, ResponseError, TextDocuments, TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  checkWorkspaceRequest, CheckWorkspaceResult, DocumentParams, exportBibliographyRequest, listSourcesRequest, ListSourcesParams,
  referencesEditRequest,
} from './common/protocol';
import { defaultSettings, normalizeSettings, PolicyLensSettings, settingsSection } from './common/settings';
import type * as Core from './core';
import type { KnowledgeError, Source } from './knowledge/types';
import { readSourcesInWorker } from './node/ingestInWorker';
import type { IngestedSource } from './node/sourceFiles';
import type { KnowledgeStore } from './node/knowledgeFiles';
import type { PolicyLensService } from './features/languageService';

// The core (dist/core.js) is loaded on first use, after the handshake: see core.ts.
let loadedCore: typeof Core | undefined;
function core(): typeof Core {
  // A runtime path, so the bundler leaves it alone and the core stays a file of its own.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a deliberate lazy load of our own bundle
  if (!loadedCore) loadedCore = require(join(__dirname, 'core.js')) as typeof Core;
  return loadedCore;
}
const parseBibliography: typeof Core.parseBibliography = (...a) => core().parseBibliography(...a);
const formatKnowledgeError: typeof Core.formatKnowledgeError = (...a) => core().formatKnowledgeError(...a);
const findMemos: typeof Core.findMemos = (...a) => core().findMemos(...a);
const isInside: typeof Core.isInside = (...a) => core().isInside(...a);
const readText: typeof Core.readText = (...a) => core().readText(...a);
const listSourceFiles: typeof Core.listSourceFiles = (...a) => core().listSourceFiles(...a);
const frontMatterOf: typeof Core.frontMatterOf = (...a) => core().frontMatterOf(...a);

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
let knowledgeStore: KnowledgeStore | undefined;
const knowledge = {
  load: (...a: Parameters<KnowledgeStore['load']>) => (knowledgeStore ??= new (core().KnowledgeStore)(new (core().KnowledgeCache)(knowledgeCacheDir ?? core().defaultKnowledgeCacheDir()))).load(...a),
};
let settings: PolicyLensSettings = defaultSettings;
let workspaceFolders: string[] = [];
let trusted = true;
let canPullConfiguration = false;
let service: PolicyLensService | undefined;
let problemFiles = new Set<string>();
let knowledgeProblems: KnowledgeError[] = [];
let bibliographyProblems: KnowledgeError[] = [];
let sourceProblems: KnowledgeError[] = [];
let ingested: IngestedSource[] = [];
let cacheDir: string | undefined;
let knowledgeCacheDir: string | undefined;
let saveCacheTimer: NodeJS.Timeout | undefined;
let canReportProgress = false;
/** The client applies versioned edits (`documentChanges`), so a fix made for an older text is refused. */
let versionedEdits = false;

function resolveFolder(folder: string): string[] {
  if (isAbsolute(folder)) return [folder];
  return workspaceFolders.length > 0 ? workspaceFolders.map((w) => join(w, folder)) : [resolve(folder)];
}

/** In an untrusted workspace, nothing outside the workspace folders is read. */
function readable(path: string): boolean {
  if (trusted) return true;
  const ok = isInside(path, workspaceFolders);
  if (!ok) connection.console.warn(`policy-lens: not reading ${path}: outside the workspace, and the workspace is not trusted`);
  return ok;
}

function knowledgeFolders(): string[] {
  return settings.knowledgeFolders.flatMap(resolveFolder).filter(readable);
}

function bibliographyPaths(): string[] {
  return settings.bibliographyFiles.flatMap(resolveFolder).filter(readable);
}

function sourcesFolders(): string[] {
  return settings.sourcesFolder ? resolveFolder(settings.sourcesFolder).filter(readable) : [];
}

function loadKnowledge(): void {
  const { kb, timings } = knowledge.load(knowledgeFolders(), true, ingested);
  knowledgeProblems = kb.errors;
  if (!service) service = new (core().PolicyLensService)(kb, settings);
  else service.setKnowledge(kb);
  publishFileProblems();
  if (timings.parsedFiles + timings.reusedFiles > 0) {
    connection.console.info(`policy-lens: knowledge loaded in ${Math.round(timings.readMs + timings.parseMs + timings.indexMs)} ms (${timings.parsedFiles} file(s) parsed, ${timings.reusedFiles} unchanged)`);
  }
  // The parsed files go to the on-disk cache once checks have had their turn.
  clearTimeout(saveCacheTimer);
  saveCacheTimer = setTimeout(() => knowledgeStore?.saveCache(), 1000);
}

function loadBibliographies(): void {
  const sources: Source[] = [];
  bibliographyProblems = [];
  for (const path of bibliographyPaths()) {
    const text = readText(path, 20 * 1024 * 1024);
    if (text === undefined) {
      bibliographyProblems.push({ kind: 'io', message: 'bibliography file not found or not readable', file: path, line: 0, character: 0 });
      continue;
    }
    const load = parseBibliography(path, text);
    sources.push(...load.sources);
    bibliographyProblems.push(...load.errors);
  }
  getService().setExtraSources(sources);
  publishFileProblems();
}

/** Problems in knowledge and bibliography files appear in the Problems view, at file:line:column. */
function publishFileProblems(): void {
  const byFile = new Map<string, Diagnostic[]>();
  for (const e of [...knowledgeProblems, ...bibliographyProblems, ...sourceProblems]) {
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
  for (const file of problemFiles) if (!byFile.has(file)) void connection.sendDiagnostics({ uri: pathToFileURL(file).href, diagnostics: [] });
  for (const [file, diagnostics] of byFile) void connection.sendDiagnostics({ uri: pathToFileURL(file).href, diagnostics });
  problemFiles = new Set(byFile.keys());
}

function getService(): PolicyLensService {
  if (!service) loadKnowledge();
  return service!;
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  workspaceFolders = (params.workspaceFolders ?? []).map((f) => fileURLToPath(f.uri));
  if (workspaceFolders.length === 0 && params.rootUri) workspaceFolders = [fileURLToPath(params.rootUri)];
  canPullConfiguration = params.capabilities.workspace?.configuration === true;
  const options = params.initializationOptions as { settings?: unknown; trusted?: boolean; cacheDir?: string; knowledgeCacheDir?: string } | undefined;
  if (options?.settings) settings = normalizeSettings(options.settings);
  trusted = options?.trusted !== false;
  cacheDir = options?.cacheDir;
  knowledgeCacheDir = options?.knowledgeCacheDir;
  canReportProgress = params.capabilities.window?.workDoneProgress === true;
  versionedEdits = params.capabilities.workspace?.workspaceEdit?.documentChanges === true;
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      hoverProvider: true,
      completionProvider: { triggerCharacters: ['@', '['], resolveProvider: false },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      definitionProvider: true,
      referencesProvider: true,
      documentLinkProvider: { resolveProvider: false },
    },
    serverInfo: { name: 'policy-lens', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  // Knowledge is loaded after the handshake, so `initialize` is answered at once.
  setImmediate(() => {
    loadKnowledge();
    loadBibliographies();
    for (const document of documents.all()) schedule(document.uri);
    indexSources();
  });
});

// Reports in the sources folder are read in a worker thread, with progress shown; results are
// cached by content hash, so only added or changed files cost anything on later runs.
let indexing: Promise<void> | undefined;
let indexAgain = false;

function indexSources(): void {
  if (indexing) {
    indexAgain = true;
    return;
  }
  const files = sourcesFolders().flatMap(listSourceFiles);
  if (files.length === 0 && ingested.length === 0) return;
  indexing = runIndexer(files).finally(() => {
    indexing = undefined;
    if (indexAgain) {
      indexAgain = false;
      indexSources();
    }
  });
}

async function runIndexer(files: string[]): Promise<void> {
  const progress = canReportProgress && files.length > 0 ? await connection.window.createWorkDoneProgress() : undefined;
  progress?.begin('Policy Lens: reading sources', 0, `${files.length} file(s)`, false);
  const result = await readSourcesInWorker(files, cacheDir ?? core().defaultCacheDir(), (p) => progress?.report(Math.round((p.done / p.total) * 100), `${p.done + 1}/${p.total}: ${p.path.split(/[\\/]/).pop()}`));
  if (result.failure) connection.console.error(`policy-lens: reading sources failed: ${result.failure}`);
  ingested = result.sources;
  sourceProblems = result.errors;
  progress?.done();
  connection.console.info(`policy-lens: ${ingested.length} source(s) read from ${sourcesFolders().join(', ') || 'no folder'}; ${ingested.reduce((n, s) => n + s.claims.length, 0)} claim(s) extracted`);
  loadKnowledge();
  recheckAll();
}

connection.onDidChangeConfiguration(async (change) => {
  let raw: unknown = (change.settings as Record<string, unknown> | undefined)?.[settingsSection];
  if (canPullConfiguration) raw = await connection.workspace.getConfiguration(settingsSection);
  if (raw === undefined || raw === null) return;
  const next = normalizeSettings(raw);
  const reloadKnowledge = JSON.stringify(next.knowledgeFolders) !== JSON.stringify(settings.knowledgeFolders);
  const reloadBibliography = JSON.stringify(next.bibliographyFiles) !== JSON.stringify(settings.bibliographyFiles);
  const reindex = next.sourcesFolder !== settings.sourcesFolder;
  settings = next;
  getService().setSettings(settings);
  if (reloadKnowledge) loadKnowledge();
  if (reloadBibliography) loadBibliographies();
  if (reindex) indexSources();
  recheckAll();
});

connection.onDidChangeWatchedFiles((change) => {
  const paths = change.changes.map((c) => fileURLToPath(c.uri));
  const folders = knowledgeFolders();
  if (paths.some((p) => isInside(p, folders))) loadKnowledge();
  const bibs = bibliographyPaths().map((p) => resolve(p));
  if (paths.some((p) => bibs.includes(resolve(p)))) loadBibliographies();
  if (paths.some((p) => isInside(p, sourcesFolders()))) indexSources();
  // Front matter bibliographies are re-read on the next check.
  frontMatterCache.clear();
  recheckAll();
});

function recheckAll(): void {
  for (const document of documents.all()) schedule(document.uri);
}

// Front matter `bibliography:` files and `references:`, per document: the front matter last read
// for it. Read again when the front matter changes, or when a watched file changes (cleared then).
const frontMatterCache = new Map<string, string>();

function updateDocumentSources(document: TextDocument): void {
  const s = getService();
  const head = frontMatterOf(document.getText())?.yaml ?? '';
  if (frontMatterCache.get(document.uri) === head) return;
  frontMatterCache.set(document.uri, head);
  const bibliography = s.frontMatterBibliography(document);
  const sources: Source[] = [...bibliography.references];
  if (document.uri.startsWith('file:')) {
    const base = dirname(fileURLToPath(document.uri));
    for (const file of bibliography.files) {
      const path = isAbsolute(file) ? file : resolve(base, file);
      if (!readable(path)) continue;
      const text = readText(path, 20 * 1024 * 1024);
      if (text !== undefined) sources.push(...parseBibliography(path, text).sources);
    }
  }
  s.setDocumentSources(document.uri, sources);
}

// Checking. Edits that queue up are coalesced: a check starts only once a turn of the event loop
// passes with no new edit (bounded, so a storm of edits cannot starve it), and a check that is
// overtaken by an edit stops and starts again on the latest text, reusing every block already
// checked. Checks run in slices that let hover and completion through. No fixed delay anywhere.
const pending = new Set<string>();
let tickScheduled = false;
let flushing = false;
let changes = 0;
let changesSeen = 0;
let deferrals = 0;

function schedule(uri: string): void {
  pending.add(uri);
  changes++;
  if (tickScheduled || flushing) return;
  tickScheduled = true;
  changesSeen = changes - 1; // always let one more turn pass: queued edits arrive in it
  deferrals = 0;
  setImmediate(tick);
}

function tick(): void {
  if (changes !== changesSeen && deferrals < 64) {
    changesSeen = changes;
    deferrals++;
    setImmediate(tick);
    return;
  }
  tickScheduled = false;
  void flush();
}

const pause = (): Promise<void> => new Promise((resolvePause) => setImmediate(resolvePause));

async function flush(): Promise<void> {
  flushing = true;
  try {
    while (pending.size > 0) {
      const [uri] = pending;
      pending.delete(uri);
      const document = documents.get(uri);
      if (!document) continue;
      if (!settings.languages.includes(document.languageId)) {
        void connection.sendDiagnostics({ uri, diagnostics: [] });
        continue;
      }
      try {
        updateDocumentSources(document);
        const version = document.version;
        const diagnostics = await getService().diagnosticsInSlices(document, pause, () => documents.get(uri)?.version !== version);
        if (diagnostics) void connection.sendDiagnostics({ uri, version, diagnostics });
        else pending.add(uri); // overtaken by an edit: check the latest text next
      } catch (e) {
        connection.console.error(`policy-lens: checking ${uri} failed: ${(e as Error).stack ?? e}`);
      }
      // Edits that arrived meanwhile are in `pending`; let the event loop deliver any still queued.
      await pause();
    }
  } finally {
    flushing = false;
  }
}

documents.onDidOpen((e) => schedule(e.document.uri));
documents.onDidChangeContent((e) => schedule(e.document.uri));
documents.onDidClose((e) => {
  service?.close(e.document.uri);
  frontMatterCache.delete(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

/** A request cancelled before its handler ran is answered as cancelled, as LSP asks. */
function cancelled(token: CancellationToken): ResponseError<void> | undefined {
  return token.isCancellationRequested ? new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled') : undefined;
}

connection.onHover((params, token) => {
  const stop = cancelled(token);
  if (stop) return stop;
  const document = documents.get(params.textDocument.uri);
  return document ? getService().hover(document, params.position) : null;
});

connection.onCompletion((params, token) => {
  const stop = cancelled(token);
  if (stop) return stop;
  const document = documents.get(params.textDocument.uri);
  return document ? getService().completion(document, params.position) : null;
});

connection.onCodeAction((params) => {
  const document = documents.get(params.textDocument.uri);
  return document ? getService().codeActions(document, params.context.diagnostics, { versionedEdits }) : [];
});

connection.onDefinition((params) => {
  const document = documents.get(params.textDocument.uri);
  const source = document ? getService().definition(document, params.position) : undefined;
  if (!source || !isAbsolute(source.origin.file)) return null;
  const at = { line: source.origin.line, character: source.origin.character };
  return Location.create(pathToFileURL(source.origin.file).href, { start: at, end: at });
});

/** Open documents as they are in the editor, other workspace memos as they are on disk. */
function workspaceDocuments(): TextDocument[] {
  const open = new Map(documents.all().map((d) => [d.uri, d]));
  const extensions = settings.languages.includes('plaintext') ? ['.md', '.markdown', '.txt'] : ['.md', '.markdown'];
  const onDisk = findMemos(workspaceFolders, extensions)
    .map((path) => pathToFileURL(path).href)
    .filter((uri) => !open.has(uri))
    .map((uri) => {
      const text = readText(fileURLToPath(uri));
      return text === undefined ? undefined : TextDocument.create(uri, uri.endsWith('.txt') ? 'plaintext' : 'markdown', 0, text);
    })
    .filter((d): d is TextDocument => d !== undefined);
  return [...open.values(), ...onDisk];
}

connection.onReferences((params, token) => {
  const stop = cancelled(token);
  if (stop) return stop;
  const document = documents.get(params.textDocument.uri);
  const key = document ? getService().keyAt(document, params.position) : undefined;
  if (!key) return [];
  const s = getService();
  const locations: Location[] = [];
  for (const d of workspaceDocuments()) {
    for (const k of s.citationsOf(d, key.key)) locations.push(Location.create(d.uri, { start: d.positionAt(k.start), end: d.positionAt(k.end) }));
    if (!documents.get(d.uri)) s.close(d.uri);
  }
  return locations;
});

connection.onDocumentLinks((params) => {
  const document = documents.get(params.textDocument.uri);
  return document ? getService().documentLinks(document) : [];
});

connection.onRequest(listSourcesRequest, (params: ListSourcesParams) => {
  const document = params.uri ? documents.get(params.uri) : undefined;
  return getService().listSources(document, params.position);
});

connection.onRequest(referencesEditRequest, (params: DocumentParams) => {
  const document = documents.get(params.uri);
  return document ? getService().referencesEdit(document) : null;
});

connection.onRequest(exportBibliographyRequest, (params: DocumentParams) => {
  const document = documents.get(params.uri);
  return document ? getService().exportBibliography(document) : [];
});

connection.onRequest(checkWorkspaceRequest, (): CheckWorkspaceResult => {
  const s = getService();
  let problems = 0;
  const all = workspaceDocuments();
  for (const d of all) {
    if (!settings.languages.includes(d.languageId)) continue;
    const diagnostics = s.diagnostics(d);
    problems += diagnostics.length;
    void connection.sendDiagnostics({ uri: d.uri, diagnostics });
    if (!documents.get(d.uri)) s.close(d.uri);
  }
  return { files: all.length, problems };
});

documents.listen(connection);
connection.listen();
