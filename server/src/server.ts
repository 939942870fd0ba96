// The language server: a thin layer over the language service. Each handler fetches the document
// and asks the service. What lives here is what the service must not do: reading files, knowing
// the workspace, and deciding when to check.
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CancellationToken,
  CodeActionKind,
  Connection,
  createConnection,
  Diagnostic,
  DiagnosticSeverity,
  InitializeParams,
  InitializeResult,
  Location,
  LSPErrorCodes,
  ProposedFeatures,
  ResponseError,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  checkWorkspaceRequest,
  CheckWorkspaceResult,
  DocumentParams,
  exportBibliographyRequest,
  exportBibtexRequest,
  ignoredFindingsRequest,
  IgnoredFindingsResult,
  listSourcesRequest,
  ListSourcesParams,
  referencesEditRequest,
} from './common/protocol';
import type { StyleChoice } from './features/csl';
import { defaultSettings, normalizeSettings, PolicyLensSettings, settingsSection } from './common/settings';
import { version } from './common/version';
import type * as Core from './core';
import type { KnowledgeError, Source } from './knowledge/types';
import type { KnowledgeBase } from './knowledge/knowledgeBase';
import { readSourcesInWorker } from './node/ingestInWorker';
import { bundledSourceKeys } from './node/bundledKnowledge';
import { ReadPolicy } from './node/readPolicy';
import type { IngestedSource } from './node/sourceFiles';
import type { KnowledgeStore } from './node/knowledgeFiles';
import type { BibliographyStore } from './node/bibliographies';
import type { PolicyLensService } from './features/languageService';
import { markdownExtensions } from './features/languages';
import { checkDocsHref } from './common/checks';
import { applyProjectConfig, ProjectConfig } from './common/projectConfig';

// The core (dist/core.js) is loaded on first use, after the handshake: see core.ts.
let loadedCore: typeof Core | undefined;
function core(): typeof Core {
  // A runtime path, so the bundler leaves it alone and the core stays a file of its own.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a deliberate lazy load of our own bundle
  if (!loadedCore) loadedCore = require(join(__dirname, 'core.js')) as typeof Core;
  return loadedCore;
}
const formatKnowledgeError: typeof Core.formatKnowledgeError = (...a) => core().formatKnowledgeError(...a);
const findMemos: typeof Core.findMemos = (...a) => core().findMemos(...a);
const isInside: typeof Core.isInside = (...a) => core().isInside(...a);
const readTextFile: typeof Core.readTextFile = (...a) => core().readTextFile(...a);
const listSourceFilesAsync: typeof Core.listSourceFilesAsync = (...a) => core().listSourceFilesAsync(...a);
const frontMatterOf: typeof Core.frontMatterOf = (...a) => core().frontMatterOf(...a);

/**
 * Over stdio the server reads messages itself, to hear about a broken stream: a header without a
 * usable Content-Length leaves the rest of the stream unframed, and vscode-jsonrpc cannot find the
 * next message again. Rather than fall silent, the server says why and exits; editors restart it.
 */
function stdioConnection(): Connection {
  const reader = new StreamMessageReader(process.stdin);
  let shutDown = false;
  reader.onError((error) => {
    if (!/Content-Length|header/i.test(error.message)) return; // a bad message in a sound frame: the next one is read
    const why = error.message.split('\n')[0];
    process.stderr.write(
      `policy-lens: the editor sent a message with a broken header (${why}); the stream cannot be ` +
        'followed past it, so the server exits and the editor can start it again\n',
    );
    process.exit(3);
  });
  // The library exits when stdin ends only for the streams it opens itself.
  reader.onClose(() => process.exit(shutDown ? 0 : 1));
  const made = createConnection(ProposedFeatures.all, reader, new StreamMessageWriter(process.stdout));
  made.onShutdown(() => {
    shutDown = true;
  });
  // What the library does for its own stdio: console output goes to the editor's log, never into the protocol stream.
  console.log = console.info = console.debug = (...args: unknown[]) => made.console.log(args.map(String).join(' '));
  console.warn = (...args: unknown[]) => made.console.warn(args.map(String).join(' '));
  console.error = (...args: unknown[]) => made.console.error(args.map(String).join(' '));
  return made;
}

const connection = process.argv.includes('--stdio') ? stdioConnection() : createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
let knowledgeStore: KnowledgeStore | undefined;
const knowledge = (): KnowledgeStore => {
  if (!knowledgeStore) {
    const cache = new (core().KnowledgeCache)(knowledgeCacheDir ?? core().defaultKnowledgeCacheDir());
    knowledgeStore = new (core().KnowledgeStore)(cache);
  }
  return knowledgeStore;
};
let bibliographyStore: BibliographyStore | undefined;
const bibliographies = (): BibliographyStore => (bibliographyStore ??= new (core().BibliographyStore)());
let settings: PolicyLensSettings = defaultSettings;
let workspaceFolders: string[] = [];
let trusted = true;
/** What may be read: anything in a trusted workspace, only files really inside it otherwise. */
let policy = ReadPolicy.anything;
let canPullConfiguration = false;
let service: PolicyLensService | undefined;
let problemFiles = new Set<string>();
let knowledgeProblems: KnowledgeError[] = [];
let bibliographyProblems: KnowledgeError[] = [];
/** Problems in the bibliographies, styles and inline references a memo's front matter names, per memo. */
const documentProblems = new Map<string, KnowledgeError[]>();
let styleProblems: KnowledgeError[] = [];
let sourceProblems: KnowledgeError[] = [];
let ingested: IngestedSource[] = [];
let cacheDir: string | undefined;
let knowledgeCacheDir: string | undefined;
let saveCacheTimer: NodeJS.Timeout | undefined;
let canReportProgress = false;
/** The client applies versioned edits (`documentChanges`), so a fix made for an older text is refused. */
let versionedEdits = false;
/** The client can create a file in an edit (a new .policylens.yaml for an ignored finding). */
let canCreateFiles = false;
// Project configs (.policylens.yaml): each memo's nearest, read by the shared module (see core.ts).
let workspaceConfigs: InstanceType<typeof Core.WorkspaceConfigs> | undefined;
const projectConfigs = (): InstanceType<typeof Core.WorkspaceConfigs> =>
  (workspaceConfigs ??= new (core().WorkspaceConfigs)(new (core().ProjectConfigFiles)(policy)));
/** Settings for what all memos share (knowledge and sources folders): with those the configs in use add. */
const sharedSettings = (): PolicyLensSettings =>
  core().pooledSettings(settings, projectConfigs().inUse(workspaceFolders));

function resolveFolder(folder: string): string[] {
  if (isAbsolute(folder)) return [folder];
  return workspaceFolders.length > 0 ? workspaceFolders.map((w) => join(w, folder)) : [resolve(folder)];
}

/**
 * In an untrusted workspace, nothing outside the workspace folders is read: judged on the real
 * path, so a link inside the workspace that leads out does not count as inside. (Every read also
 * checks the file it opened: see ReadPolicy.)
 */
function readable(path: string): boolean {
  const ok = policy.allows(path);
  if (!ok) {
    const why = 'outside the workspace once links are followed, and the workspace is not trusted';
    connection.console.warn(`policy-lens: not reading ${path}: ${why}`);
  }
  return ok;
}

function knowledgeFolders(): string[] {
  return sharedSettings().knowledgeFolders.flatMap(resolveFolder).filter(readable);
}

function bibliographyPaths(): string[] {
  return settings.bibliographyFiles.flatMap(resolveFolder).filter(readable);
}

function sourcesFolders(): string[] {
  const folder = sharedSettings().sourcesFolder;
  return folder ? resolveFolder(folder).filter(readable) : [];
}

/** The memo's project config, given to the service (its settings over the editor's, its ignores). */
function projectConfigOf(document: TextDocument): ProjectConfig | undefined {
  if (!document.uri.startsWith('file:')) return undefined;
  const loaded = projectConfigs().forDocument(document.uri, fileURLToPath(document.uri), workspaceFolders);
  const config = loaded?.config;
  getService().setDocumentConfig(
    document.uri,
    config && { settings: applyProjectConfig(settings, config), ignores: config.ignores },
  );
  // A config met for the first time may name knowledge or sources folders, or have problems to show.
  if (loaded && loaded.errors.length > 0 && !problemFiles.has(loaded.config.file)) publishFileProblems();
  sharedFoldersChanged();
  return config;
}

let sharedFoldersKey: string | undefined;
/** Loads knowledge and reads sources again when the configs in use name other folders. */
function sharedFoldersChanged(): void {
  const key = JSON.stringify([knowledgeFolders(), sourcesFolders()]);
  if (sharedFoldersKey === undefined || key === sharedFoldersKey) {
    sharedFoldersKey = key;
    return;
  }
  sharedFoldersKey = key;
  loadKnowledge();
  indexSources();
}

/** A config file was created, changed or deleted: every memo looks for its config again. */
function projectConfigChanged(): void {
  projectConfigs().forget();
  frontMatterCache.clear();
  sharedFoldersChanged();
  publishFileProblems();
  recheckAll();
}

/** A .csl file's text, or undefined with the problem recorded (the bundled style is used then). */
function readStyleFile(path: string, problems: KnowledgeError[]): string | undefined {
  return core().readStyleFile(path, problems, policy, readable);
}

/** The style for memos that choose none: the settings' .csl file, else the bundled style. */
function defaultStyle(): StyleChoice {
  styleProblems = [];
  const locale = settings.referenceLocale || undefined;
  if (settings.referenceCsl) {
    const [path] = resolveFolder(settings.referenceCsl);
    const xml = readStyleFile(path, styleProblems);
    if (xml !== undefined) return { style: path, xml, locale };
  }
  return { style: settings.referenceStyle, locale };
}

function applyStyle(): void {
  const style = defaultStyle();
  getService().setDefaultStyle(style);
  // The style is compiled in the worker now, so the first hover does not wait for it.
  renderer?.prepare(style).catch((e: Error) => connection.console.warn(`policy-lens: CSL style: ${e.message}`));
}

let renderer: InstanceType<typeof Core.WorkerRenderer> | undefined;

const pause = (): Promise<void> => new Promise((resolvePause) => setImmediate(resolvePause));

// Knowledge folders are listed and parsed in slices, so that a large folder (or a folder set to
// `/`) never stops the server from answering. Loads run one at a time; a request for another while
// one runs makes it run again afterwards. Checks wait for the first load, so that a memo is never
// checked against the bundled knowledge alone and then again.
let knowledgeLoading: Promise<void> | undefined;
let knowledgeAgain = false;
let firstKnowledgeLoaded: () => void;
const firstKnowledge = new Promise<void>((resolveFirst) => (firstKnowledgeLoaded = resolveFirst));

function loadKnowledge(): void {
  if (knowledgeLoading) {
    knowledgeAgain = true;
    return;
  }
  knowledgeLoading = runKnowledgeLoad()
    .catch((e: Error) => connection.console.error(`policy-lens: loading knowledge failed: ${e.stack ?? e}`))
    .finally(() => {
      knowledgeLoading = undefined;
      firstKnowledgeLoaded();
      if (knowledgeAgain) {
        knowledgeAgain = false;
        loadKnowledge();
      }
    });
}

async function runKnowledgeLoad(): Promise<void> {
  const { kb, timings } = await knowledge().loadInSlices(knowledgeFolders(), true, ingested, policy, pause);
  knowledgeProblems = kb.errors;
  if (!service) service = newService(kb);
  else service.setKnowledge(kb);
  publishFileProblems();
  if (timings.parsedFiles + timings.reusedFiles > 0) {
    connection.console.info(
      `policy-lens: knowledge loaded in ${Math.round(timings.readMs + timings.parseMs + timings.indexMs)} ms (${timings.parsedFiles} file(s) parsed, ${timings.reusedFiles} unchanged)`,
    );
  }
  // The parsed files go to the on-disk cache once checks have had their turn.
  clearTimeout(saveCacheTimer);
  saveCacheTimer = setTimeout(() => knowledgeStore?.saveCache(), 1000);
  recheckAll();
}

/** Bibliographies from the settings; a newer call supersedes one still reading. */
let bibliographyGeneration = 0;
let firstBibliographiesLoaded: () => void;
const firstBibliographies = new Promise<void>((resolveFirst) => (firstBibliographiesLoaded = resolveFirst));
/**
 * Commands and navigation (definition, references, links, the custom requests) wait for the first
 * loads, so they never answer from half the knowledge; hover and completion answer at once.
 */
const loaded = (): Promise<unknown> => Promise.all([firstKnowledge, firstBibliographies]);

async function loadBibliographies(): Promise<void> {
  const generation = ++bibliographyGeneration;
  const paths = bibliographyPaths();
  const sources: Source[] = [];
  const problems: KnowledgeError[] = [];
  for (const path of paths) {
    const load = await bibliographies().use('settings', path, policy);
    // A loop, not a spread: a bibliography can have more entries than a call takes arguments.
    for (const source of load.sources) sources.push(source);
    problems.push(...load.errors);
  }
  if (generation !== bibliographyGeneration) return;
  bibliographies().keepOnly('settings', paths);
  bibliographyProblems = problems;
  getService().setExtraSources(sources);
  publishFileProblems();
  recheckAll();
  firstBibliographiesLoaded();
}

/** Problems in knowledge and bibliography files appear in the Problems view, at file:line:column. */
function publishFileProblems(): void {
  const byFile = new Map<string, Diagnostic[]>();
  const memoProblems = [...documentProblems.values()].flat();
  const configProblems = projectConfigs()
    .inUse(workspaceFolders)
    .flatMap((c) => c.errors);
  for (const e of [
    ...configProblems,
    ...knowledgeProblems,
    ...bibliographyProblems,
    ...sourceProblems,
    ...styleProblems,
    ...memoProblems,
  ]) {
    const list = byFile.get(e.file) ?? [];
    list.push({
      range: {
        start: { line: e.line, character: e.character },
        end: { line: e.endLine ?? e.line, character: e.endCharacter ?? e.character + 1 },
      },
      severity: DiagnosticSeverity.Error,
      source: 'policy-lens',
      code: `knowledge-${e.kind}`,
      codeDescription: { href: checkDocsHref('knowledge-file', core().installedDocsBase()) },
      message: e.message,
    });
    byFile.set(e.file, list);
    connection.console.warn(formatKnowledgeError(e));
  }
  for (const file of problemFiles)
    if (!byFile.has(file)) void connection.sendDiagnostics({ uri: pathToFileURL(file).href, diagnostics: [] });
  for (const [file, diagnostics] of byFile)
    void connection.sendDiagnostics({ uri: pathToFileURL(file).href, diagnostics });
  problemFiles = new Set(byFile.keys());
}

/**
 * The service. Until the first knowledge load is done, requests are answered from the bundled
 * knowledge (its snapshot loads in a moment); the loaded knowledge replaces it when it is ready.
 */
function getService(): PolicyLensService {
  if (!service) service = newService(new (core().KnowledgeStore)().load([], true, []).kb);
  return service;
}

/** The service, with its CSL processor in a worker thread (whoever asks first makes it). */
function newService(kb: KnowledgeBase): PolicyLensService {
  const made = new (core().PolicyLensService)(kb, settings);
  made.setRenderer((renderer ??= new (core().WorkerRenderer)()));
  made.setLinks({ docsBase: core().installedDocsBase(), fileUri: core().fileUri });
  return made;
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  workspaceFolders = (params.workspaceFolders ?? []).map((f) => fileURLToPath(f.uri));
  if (workspaceFolders.length === 0 && params.rootUri) workspaceFolders = [fileURLToPath(params.rootUri)];
  canPullConfiguration = params.capabilities.workspace?.configuration === true;
  const options = params.initializationOptions as
    { settings?: unknown; trusted?: boolean; cacheDir?: string; knowledgeCacheDir?: string } | undefined;
  if (options?.settings) settings = normalizeSettings(options.settings);
  trusted = options?.trusted !== false;
  policy = trusted ? ReadPolicy.anything : new ReadPolicy(workspaceFolders);
  cacheDir = options?.cacheDir;
  knowledgeCacheDir = options?.knowledgeCacheDir;
  canReportProgress = params.capabilities.window?.workDoneProgress === true;
  versionedEdits = params.capabilities.workspace?.workspaceEdit?.documentChanges === true;
  canCreateFiles = params.capabilities.workspace?.workspaceEdit?.resourceOperations?.includes('create') === true;
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      hoverProvider: true,
      completionProvider: { triggerCharacters: ['@', '['], resolveProvider: true },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      definitionProvider: true,
      referencesProvider: true,
      documentLinkProvider: { resolveProvider: false },
    },
    serverInfo: { name: 'policy-lens', version },
  };
});

connection.onInitialized(() => {
  // Knowledge is loaded after the handshake, so `initialize` is answered at once.
  setImmediate(() => {
    sharedFoldersChanged();
    loadKnowledge();
    void loadBibliographies();
    applyStyle();
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
  const run = async (): Promise<void> => {
    const files = await listReports();
    if (files.length > 0 || ingested.length > 0) await runIndexer(files);
  };
  indexing = run().finally(() => {
    indexing = undefined;
    if (indexAgain) {
      indexAgain = false;
      indexSources();
    }
  });
}

/** The reports in the sources folders, listed without blocking (each real file once). */
async function listReports(): Promise<string[]> {
  const files: string[] = [];
  for (const folder of sourcesFolders()) files.push(...(await listSourceFilesAsync(folder, policy)));
  return [...new Set(files)];
}

async function runIndexer(files: string[]): Promise<void> {
  const progress = canReportProgress && files.length > 0 ? await connection.window.createWorkDoneProgress() : undefined;
  progress?.begin('Policy Lens: reading sources', 0, `${files.length} file(s)`, false);
  const report = (p: { done: number; total: number; path: string }): void =>
    progress?.report(Math.round((p.done / p.total) * 100), `${p.done + 1}/${p.total}: ${p.path.split(/[\\/]/).pop()}`);
  const reserved = [...bundledSourceKeys()];
  const result = await readSourcesInWorker(files, cacheDir ?? core().defaultCacheDir(), report, policy, reserved);
  if (result.failure) connection.console.error(`policy-lens: reading sources failed: ${result.failure}`);
  ingested = result.sources;
  sourceProblems = result.errors;
  progress?.done();
  // Each report that could not be read, once, with why (a scanned PDF, a broken or encrypted one).
  for (const e of result.errors) connection.console.warn(`policy-lens: report not read: ${e.file}: ${e.message}`);
  const unread =
    result.errors.length > 0 ? `; ${new Set(result.errors.map((e) => e.file)).size} report(s) not read` : '';
  connection.console.info(
    `policy-lens: ${ingested.length} source(s) read from ${sourcesFolders().join(', ') || 'no folder'}; ${ingested.reduce((n, s) => n + s.claims.length, 0)} claim(s) extracted${unread}`,
  );
  loadKnowledge();
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
  if (reloadBibliography) void loadBibliographies();
  applyStyle();
  // A knowledge load publishes when it is done; publishing now would repeat the old folder's problems.
  if (!reloadKnowledge) publishFileProblems();
  if (reindex) indexSources();
  recheckAll();
});

connection.onDidChangeWatchedFiles((change) => {
  const paths = change.changes.map((c) => fileURLToPath(c.uri));
  if (core().touchesProjectConfig(paths)) projectConfigChanged();
  const folders = knowledgeFolders();
  if (paths.some((p) => isInside(p, folders))) loadKnowledge();
  if (paths.some((p) => p.endsWith('.csl'))) applyStyle();
  if (paths.some((p) => isInside(p, sourcesFolders()))) indexSources();
  // A changed bibliography is read again (once) for those who use it; the others keep theirs.
  const bibs = bibliographyPaths().map((p) => resolve(p));
  const users = bibliographies().usersOf(paths);
  if (users.delete('settings') || paths.some((p) => bibs.includes(resolve(p)))) void loadBibliographies();
  // A front matter naming a file that did not exist yet holds it too: "missing" is a version.
  for (const uri of users) {
    frontMatterCache.delete(uri);
    schedule(uri);
  }
});

function recheckAll(): void {
  for (const document of documents.all()) schedule(document.uri);
}

// Front matter `bibliography:` files and `references:`, per document: the front matter last read
// for it. Read again when the front matter changes, or when a watched file changes (cleared then).
const frontMatterCache = new Map<string, string>();

async function updateDocumentSources(document: TextDocument): Promise<void> {
  const s = getService();
  const configBibliographies = projectConfigOf(document)?.bibliographyFiles ?? [];
  const head = `${frontMatterOf(document.getText())?.yaml ?? ''}\0${configBibliographies.join('\0')}`;
  if (frontMatterCache.get(document.uri) === head) return;
  frontMatterCache.set(document.uri, head);
  const options = { policy, readable, configBibliographies };
  const { sources, problems, style, nocite, used } = await core().readDocumentSources(
    document,
    s,
    bibliographies(),
    options,
  );
  bibliographies().keepOnly(document.uri, used);
  // Closed, or its front matter changed again, while the files were read: the newer run decides.
  if (!documents.get(document.uri) || frontMatterCache.get(document.uri) !== head) return;
  s.setDocumentSources(document.uri, sources);
  s.setDocumentStyle(document.uri, style, nocite);
  if (problems.length > 0 || documentProblems.has(document.uri)) {
    if (problems.length > 0) documentProblems.set(document.uri, problems);
    else documentProblems.delete(document.uri);
    publishFileProblems();
  }
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

async function flush(): Promise<void> {
  flushing = true;
  try {
    await firstKnowledge;
    while (pending.size > 0) {
      const [uri] = pending;
      pending.delete(uri);
      const document = documents.get(uri);
      if (!document) continue;
      if (!applyProjectConfig(settings, projectConfigOf(document)).languages.includes(document.languageId)) {
        void connection.sendDiagnostics({ uri, diagnostics: [] });
        continue;
      }
      try {
        await updateDocumentSources(document);
        if (documents.get(uri) !== document) continue;
        const version = document.version;
        const diagnostics = await getService().diagnosticsInSlices(
          document,
          pause,
          () => documents.get(uri)?.version !== version,
        );
        if (diagnostics) {
          void connection.sendDiagnostics({ uri, version, diagnostics });
          void getService().prerenderCitations(document);
          // Memos compared with this one (inconsistency across memos) are published again.
          for (const other of getService().takeComparedWithChanged()) pending.add(other);
        } else pending.add(uri); // overtaken by an edit: check the latest text next
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
  workspaceConfigs?.release(e.document.uri);
  if (documentProblems.delete(e.document.uri)) publishFileProblems();
  bibliographyStore?.release(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  for (const other of service?.takeComparedWithChanged() ?? []) schedule(other);
});

/** A request cancelled before its handler ran is answered as cancelled, as LSP asks. */
function cancelled(token: CancellationToken): ResponseError<void> | undefined {
  return token.isCancellationRequested ? new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled') : undefined;
}

connection.onHover(async (params, token) => {
  const stop = cancelled(token);
  if (stop) return stop;
  const document = documents.get(params.textDocument.uri);
  // A front matter just edited is read again, but a hover never waits long for a large
  // bibliography being parsed (seconds, in its worker): after 400 ms it answers with what is known.
  // The same for the first load of the settings' bibliographies (a large knowledge folder may take
  // seconds to load: hovers answer from the bundled knowledge meanwhile).
  if (document)
    await Promise.race([
      Promise.all([firstBibliographies, updateDocumentSources(document)]),
      new Promise((wait) => setTimeout(wait, 400)),
    ]);
  return document ? getService().hover(document, params.position) : null;
});

connection.onCompletion((params, token) => {
  const stop = cancelled(token);
  if (stop) return stop;
  const document = documents.get(params.textDocument.uri);
  return document ? getService().completion(document, params.position) : null;
});

connection.onCompletionResolve((item) => getService().resolveCompletion(item));

connection.onCodeAction((params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return [];
  // The config is read only when there is a finding to ignore (code actions are asked for on every move).
  const ours = params.context.diagnostics.some((d) => d.source === 'policy-lens');
  const memo = document.uri.startsWith('file:') ? fileURLToPath(document.uri) : undefined;
  const files = projectConfigs().files;
  const ignoreTarget =
    ours && memo ? core().ignoreTargetFor(files, memo, workspaceFolders, canCreateFiles, policy) : undefined;
  return getService().codeActions(document, params.context.diagnostics, { versionedEdits, ignoreTarget });
});

connection.onRequest(ignoredFindingsRequest, (): IgnoredFindingsResult => {
  const configs = projectConfigs().inUse(workspaceFolders);
  return configs.flatMap(({ config }) => config.ignores.map((i) => ({ uri: pathToFileURL(config.file).href, ...i })));
});

connection.onDefinition(async (params) => {
  await loaded();
  const document = documents.get(params.textDocument.uri);
  const source = document ? getService().definition(document, params.position) : undefined;
  if (!source || !isAbsolute(source.origin.file)) return null;
  const at = { line: source.origin.line, character: source.origin.character };
  return Location.create(pathToFileURL(source.origin.file).href, { start: at, end: at });
});

/**
 * Open documents as they are in the editor, then other workspace memos as they are on disk, one at
 * a time: found and read without blocking, and each let go of before the next is read.
 */
async function* workspaceDocuments(): AsyncGenerator<TextDocument> {
  const open = new Map(documents.all().map((d) => [d.uri, d]));
  yield* open.values();
  const extensions = settings.languages.includes('plaintext') ? [...markdownExtensions, '.txt'] : markdownExtensions;
  // Reports in the sources folder are read as sources, never checked as memos.
  for (const path of await findMemos(workspaceFolders, extensions, policy, sourcesFolders())) {
    const uri = pathToFileURL(path).href;
    if (open.has(uri) || documents.get(uri)) continue;
    const read = await readTextFile(path, core().maxMemoBytes, policy);
    if ('text' in read) yield TextDocument.create(uri, uri.endsWith('.txt') ? 'plaintext' : 'markdown', 0, read.text);
  }
}

connection.onReferences(async (params, token) => {
  const stop = cancelled(token);
  if (stop) return stop;
  await loaded();
  const document = documents.get(params.textDocument.uri);
  const key = document ? getService().keyAt(document, params.position) : undefined;
  if (!key) return [];
  const locations: Location[] = [];
  for await (const d of workspaceDocuments()) {
    // Between memos, other requests are answered, and a cancelled search stops.
    await pause();
    if (token.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
    for (const k of getService().citationsOf(d, key.key)) {
      locations.push(Location.create(d.uri, { start: d.positionAt(k.start), end: d.positionAt(k.end) }));
    }
  }
  return locations;
});

connection.onDocumentLinks(async (params) => {
  await loaded();
  const document = documents.get(params.textDocument.uri);
  return document ? getService().documentLinks(document) : [];
});

connection.onRequest(listSourcesRequest, async (params: ListSourcesParams) => {
  await loaded();
  const document = params.uri ? documents.get(params.uri) : undefined;
  if (document) await updateDocumentSources(document);
  return getService().listSources(document, params.position);
});

connection.onRequest(referencesEditRequest, async (params: DocumentParams) => {
  await loaded();
  const document = documents.get(params.uri);
  if (document) await updateDocumentSources(document);
  return document ? getService().referencesEdit(document) : null;
});

connection.onRequest(exportBibliographyRequest, async (params: DocumentParams) => {
  await loaded();
  const document = documents.get(params.uri);
  return document ? getService().exportBibliography(document) : [];
});

connection.onRequest(exportBibtexRequest, (params: DocumentParams) => {
  const document = documents.get(params.uri);
  return document ? getService().exportBibtex(document) : '';
});

connection.onRequest(checkWorkspaceRequest, async (): Promise<CheckWorkspaceResult> => {
  await loaded();
  let problems = 0;
  let files = 0;
  for await (const d of workspaceDocuments()) {
    files++;
    if (!settings.languages.includes(d.languageId)) continue;
    // An open memo's check is usually done already; a memo from disk is checked in slices, as for
    // an edit, so hover and completion are answered while the workspace is checked.
    const open = documents.get(d.uri) !== undefined;
    if (!open) projectConfigOf(d);
    const s = getService();
    const diagnostics = open ? s.diagnostics(d) : await s.diagnosticsInSlices(d, pause, () => false);
    if (!open) {
      getService().close(d.uri);
      workspaceConfigs?.release(d.uri);
    }
    if (!diagnostics) continue;
    problems += diagnostics.length;
    void connection.sendDiagnostics({ uri: d.uri, diagnostics });
  }
  return { files, problems };
});

documents.listen(connection);
connection.listen();
