// The server's state between `initialize` and `shutdown`: settings, trust, the stores, the service,
// the problems of files, and the loads that keep them current. What lives here is what the language
// service must not do: reading files, knowing the workspace, and deciding when to check.
import { existsSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CancellationToken,
  type CodeAction,
  type Connection,
  type Diagnostic,
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  type Disposable,
  type FileSystemWatcher,
  type Hover,
  type InitializeParams,
  Location,
  LSPErrorCodes,
  type Position,
  ResponseError,
  type TextDocuments,
  type WorkDoneProgressReporter,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  checkWorkspaceRememberedNotification,
  type CheckWorkspaceRemembered,
  type CheckWorkspaceResult,
  type IgnoredFindingsResult,
  type KnowledgeStatus,
  knowledgeStatusNotification,
} from '../common/protocol';
import { applyProjectConfig, type ProjectConfig } from '../common/projectConfig';
import { defaultSettings, normalizeSettings, type PolicyLensSettings, settingsSection } from '../common/settings';
import type { StyleChoice } from '../features/csl';
import type { PolicyLensService } from '../features/languageService';
import { markdownExtensions } from '../features/languages';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import type { KnowledgeError, Source } from '../knowledge/types';
import type { BibliographyStore } from '../node/bibliographies';
import { bundledSourceKeys } from '../node/bundledKnowledge';
import { readSourcesInWorker } from '../node/ingestInWorker';
import type { KnowledgeStore } from '../node/knowledgeFiles';
import { ReadPolicy } from '../node/readPolicy';
import type { IngestedSource } from '../node/sourceFiles';
import { type CheckOutcome, CheckScheduler } from './checkScheduler';
import { FileProblems } from './fileProblems';
import { core, type CoreModule, type WorkerRenderer } from './lazyCore';
import { OpenTiming } from './openTiming';
import { StartupTimeline } from './startupTimeline';
import { warmUp } from './warmStart';

/** What the client sends in `initializationOptions`. */
interface InitializationOptions {
  settings?: unknown;
  trusted?: boolean;
  cacheDir?: string;
  knowledgeCacheDir?: string;
  /** A client command that saves a file: run after the edit of *Ignore this finding in .policylens.yaml*. */
  saveFileCommand?: string;
  /**
   * Each workspace folder's settings, as `workspace/configuration` would give them (VS Code's client
   * sends them): the first checks need not wait for that round trip.
   */
  folderSettings?: { uri: string; settings: unknown }[];
  /** Check Workspace was run in this workspace before: its findings for closed memos are found again. */
  checkWorkspace?: boolean;
}

/** A memo of the workspace: an open document, or a file on disk not open in the editor. */
type WorkspaceMemo = { open: TextDocument } | { path: string };

/** Lets the event loop deliver what is queued (edits, hovers) before work goes on. */
const pause = (): Promise<void> => new Promise((resolvePause) => setImmediate(resolvePause));

/** Settles a promise from outside, once. */
function deferred(): { promise: Promise<void>; settle: () => void } {
  let settle!: () => void;
  const promise = new Promise<void>((resolveIt) => (settle = resolveIt));
  return { promise, settle };
}

/** How long a hover waits for bibliographies being read before it answers with what is known. */
const hoverWaitMs = 400;
/** Parsed knowledge files go to the on-disk cache this long after a load, once checks have had their turn. */
const saveCacheDelayMs = 1000;

export class Session {
  /** The settings of the window (no folder's); each workspace folder's are in `folderSettings`. */
  private settings: PolicyLensSettings = defaultSettings;
  /**
   * Each workspace folder's settings, as the client gives them for that folder (`scopeUri`), pulled
   * again on every `didChangeConfiguration`. Empty when the client cannot be asked: the window's apply.
   */
  private folderSettings = new Map<string, PolicyLensSettings>();
  private workspaceFolders: string[];
  /** What may be read: anything in a trusted workspace, only files really inside it otherwise. */
  private policy: ReadPolicy;
  private readonly canPullConfiguration: boolean;
  private readonly canReportProgress: boolean;
  /** The client applies versioned edits (`documentChanges`), so a fix made for an older text is refused. */
  private readonly versionedEdits: boolean;
  /** The client can create a file in an edit (a new .policylens.yaml for an ignored finding). */
  private readonly canCreateFiles: boolean;
  private readonly cacheDir: string | undefined;
  private readonly knowledgeCacheDir: string | undefined;
  private readonly saveFileCommand: string | undefined;
  /** The client lets the server say which files to watch, and takes patterns relative to a folder. */
  private readonly canWatchFiles: boolean;
  private readonly relativePatterns: boolean;
  /** The watchers registered now, and what they watch (registered again only when that changes). */
  private watchRegistration: Promise<Disposable | undefined> | undefined;
  private watchedKey = '';

  private knowledgeStore: KnowledgeStore | undefined;
  private bibliographyStore: BibliographyStore | undefined;
  private service: PolicyLensService | undefined;
  private renderer: WorkerRenderer | undefined;
  // What the service is given when it is made: set before it exists, they must not make it (that would
  // load the bundled knowledge once more, on the way to the first diagnostics).
  private defaultStyleChoice: StyleChoice | undefined;
  private extraSources: Source[] = [];
  private readonly problems: FileProblems;
  private ingested: IngestedSource[] = [];
  private saveCacheTimer: NodeJS.Timeout | undefined;
  private readonly scheduler: CheckScheduler;

  // Knowledge folders are listed and parsed in slices, so that a large folder (or a folder set to
  // `/`) never stops the server from answering. Loads run one at a time; a request for another while
  // one runs makes it run again afterwards. Checks wait for the first load, so that a memo is never
  // checked against the bundled knowledge alone and then again.
  private knowledgeLoading: Promise<void> | undefined;
  private knowledgeAgain = false;
  /** Bibliographies from the settings; a newer call supersedes one still reading. */
  private bibliographyGeneration = 0;
  private bibliographiesLoading: Promise<void> | undefined;
  /** Settled once the settings have been asked for (or cannot be): `start`. */
  private readonly settingsPulled = deferred();
  private prepared = false;
  /** Every workspace folder's settings came with `initialize`: checks do not wait for them to be pulled. */
  private readonly settingsGiven: boolean;
  /** Check Workspace runs again on start, in the background, for the memos not open (see `recheckWorkspace`). */
  private readonly checkWorkspaceOnStart: boolean;
  /**
   * Check Workspace's findings stand for the memos not open (it ran, or runs again on start, and was
   * not cancelled): a memo closed in the editor is checked again from disk instead of cleared.
   */
  private workspaceChecked: boolean;
  /** Check Workspace runs now: a memo closed meanwhile keeps findings too (from its file on disk). */
  private workspaceCheckRuns = 0;
  /** Memos scheduled for a check and not checked yet: the re-run of Check Workspace waits for none. */
  private readonly awaitingCheck = new Set<string>();
  private disposed = false;
  /** The diagnostics last published for each open memo, so that a check finding the same publishes nothing. */
  private readonly published = new Map<string, { version: number; diagnostics: Diagnostic[] }>();
  readonly timeline = new StartupTimeline();
  /** From opening a memo to its first diagnostics, logged for memos opened after the first. */
  private readonly openTiming = new OpenTiming();
  // Reports in the sources folder are read in a worker thread, with progress shown; results are
  // cached by content hash, so only added or changed files cost anything on later runs.
  private indexing: Promise<void> | undefined;
  private indexAgain = false;
  // Front matter `bibliography:` files and `references:`, per document: the front matter last read
  // for it. Read again when the front matter changes, or when a watched file changes (cleared then).
  private readonly frontMatterCache = new Map<string, string>();
  /** The read of a memo's sources under way, by URI: a second caller (a hover, a check) waits for it. */
  private readonly sourcesReads = new Map<string, { head: string; done: Promise<void> }>();
  // Project configs (.policylens.yaml): each memo's nearest, read by the module the CLI shares.
  private workspaceConfigs: InstanceType<CoreModule['WorkspaceConfigs']> | undefined;
  /** The knowledge and sources folders of the last load, with those the configs in use add. */
  private sharedFoldersKey: string | undefined;
  /** The `csl:` style file each open memo's front matter names (absolute): watched like bibliographies. */
  private readonly frontMatterStyles = new Map<string, string>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    params: InitializeParams,
  ) {
    let folders = (params.workspaceFolders ?? []).map((f) => fileURLToPath(f.uri));
    if (folders.length === 0 && params.rootUri) folders = [fileURLToPath(params.rootUri)];
    this.workspaceFolders = folders;
    this.canPullConfiguration = params.capabilities.workspace?.configuration === true;
    const options = params.initializationOptions as InitializationOptions | undefined;
    if (options?.settings) this.settings = normalizeSettings(options.settings);
    this.settingsGiven = this.canPullConfiguration && this.takeFolderSettings(options?.folderSettings);
    this.checkWorkspaceOnStart = options?.checkWorkspace === true;
    this.workspaceChecked = this.checkWorkspaceOnStart;
    const trusted = options?.trusted !== false;
    this.policy = trusted ? ReadPolicy.anything : new ReadPolicy(folders);
    this.cacheDir = options?.cacheDir;
    this.knowledgeCacheDir = options?.knowledgeCacheDir;
    this.saveFileCommand = typeof options?.saveFileCommand === 'string' ? options.saveFileCommand : undefined;
    this.canReportProgress = params.capabilities.window?.workDoneProgress === true;
    this.versionedEdits = params.capabilities.workspace?.workspaceEdit?.documentChanges === true;
    const operations = params.capabilities.workspace?.workspaceEdit?.resourceOperations;
    this.canCreateFiles = operations?.includes('create') === true;
    const watching = params.capabilities.workspace?.didChangeWatchedFiles;
    this.canWatchFiles = watching?.dynamicRegistration === true;
    this.relativePatterns = watching?.relativePatternSupport === true;
    this.problems = new FileProblems(connection);
    const ready = this.loaded().then(() => this.timeline.mark('loads'));
    const check = async (uri: string): Promise<CheckOutcome> => {
      const outcome = await this.check(uri);
      if (outcome !== 'overtaken') this.awaitingCheck.delete(uri);
      return outcome;
    };
    this.scheduler = new CheckScheduler(ready, check, pause);
    this.timeline.mark('initialize');
  }

  /**
   * Right after `initialize` is answered, while the client handles the answer (hundreds of ms in a
   * busy editor): the core is loaded, and the knowledge and the settings' bibliographies with the
   * settings the client sent in `initialize`. What needs the client (each folder's settings,
   * file watchers, progress for reading sources) waits for `start`.
   */
  prepare(): void {
    if (this.prepared) return;
    this.prepared = true;
    core();
    warmUp();
    this.timeline.mark('core');
    this.sharedFoldersKey = this.sharedFoldersKeyNow();
    this.loadKnowledge();
    void this.loadBibliographies();
  }

  /**
   * After the handshake: each folder's settings are asked for; what they change (knowledge folders,
   * bibliographies) is loaded again, then the style and the sources, and open memos are checked.
   */
  async start(): Promise<void> {
    this.timeline.mark('initialized');
    this.prepare();
    if (this.settingsGiven) {
      // The settings came with `initialize`: checks start now, and are made again only if the
      // settings pulled below differ (changed in between).
      this.applyStyle();
      this.settingsPulled.settle();
    }
    const bibliographies = JSON.stringify(this.bibliographyPaths());
    const settingsBefore = this.settingsKey();
    await this.pullSettings();
    this.timeline.mark('settings');
    if (!this.settingsGiven || this.settingsKey() !== settingsBefore) {
      this.service?.setSettings(this.settings);
      if (this.settingsGiven) this.frontMatterCache.clear(); // read under the settings given
      this.sharedFoldersChanged();
      if (JSON.stringify(this.bibliographyPaths()) !== bibliographies) void this.loadBibliographies();
      this.settingsPulled.settle();
      this.applyStyle();
      this.recheckAll();
    }
    this.indexSources();
    this.watchFiles();
    if (this.checkWorkspaceOnStart) void this.recheckWorkspace();
  }

  /** Takes each workspace folder's settings from `initialize`; false unless every folder has them. */
  private takeFolderSettings(given: InitializationOptions['folderSettings']): boolean {
    if (!Array.isArray(given) || this.workspaceFolders.length === 0) return false;
    const byFolder = new Map<string, PolicyLensSettings>();
    for (const entry of given) {
      if (typeof entry?.uri !== 'string' || entry.settings === null || typeof entry.settings !== 'object') continue;
      if (!entry.uri.startsWith('file:')) continue;
      byFolder.set(fileURLToPath(entry.uri), normalizeSettings(entry.settings));
    }
    if (!this.workspaceFolders.every((f) => byFolder.has(f))) return false;
    this.folderSettings = byFolder;
    return true;
  }

  /**
   * Check Workspace was run here before a restart (a new window, a restarted server): its findings
   * for the memos not open are found again, in the background once the open memos are checked, with
   * progress and cancel. Found again, not kept from the last run: a memo, the knowledge or the
   * settings may have changed meanwhile, and a stale finding in Problems misleads.
   */
  private async recheckWorkspace(): Promise<void> {
    await this.loaded();
    while (this.awaitingCheck.size > 0 && !this.disposed) await new Promise((wait) => setTimeout(wait, 100));
    if (this.disposed) return;
    const result = await this.checkWorkspace(CancellationToken.None, undefined, true);
    if (result instanceof ResponseError || this.disposed) return;
    const stopped = result.cancelled ? ', cancelled before the end' : '';
    this.connection.console.info(
      `policy-lens: Check Workspace, run here before, ran again on start: ${result.files} memo(s) not open, ` +
        `${result.problems} finding(s) in Problems${stopped}`,
    );
  }

  /** On `shutdown`: no check starts, parsed knowledge waiting for the cache is saved, workers end. */
  dispose(): void {
    this.disposed = true;
    this.scheduler.stop();
    if (this.saveCacheTimer) {
      clearTimeout(this.saveCacheTimer);
      this.saveCacheTimer = undefined;
      this.knowledgeStore?.saveCache();
    }
    this.renderer?.dispose();
  }

  /**
   * The service. Until the first knowledge load is done, requests are answered from the bundled
   * knowledge (its snapshot loads in a moment); the loaded knowledge replaces it when it is ready.
   */
  get languageService(): PolicyLensService {
    if (!this.service) this.service = this.newService(new (core().KnowledgeStore)().load([], true, []).kb);
    return this.service;
  }

  get canApplyVersionedEdits(): boolean {
    return this.versionedEdits;
  }

  /**
   * Checks, commands and navigation (definition, references, links, the custom requests) wait for
   * the settings and for the loads under way (knowledge, the settings' bibliographies), so they never
   * answer from half the knowledge or flag a key of a bibliography still being read; hover and
   * completion answer at once.
   */
  async loaded(): Promise<void> {
    await this.settingsPulled.promise;
    for (;;) {
      const loading = [this.knowledgeLoading, this.bibliographiesLoading].filter((p) => p !== undefined);
      if (loading.length === 0) return;
      await Promise.all(loading);
    }
  }

  /** The settings' bibliographies read (not the knowledge: a hover answers from what is loaded). */
  private async bibliographiesRead(): Promise<void> {
    await this.settingsPulled.promise;
    while (this.bibliographiesLoading) await this.bibliographiesLoading;
  }

  schedule(uri: string): void {
    this.awaitingCheck.add(uri);
    this.scheduler.schedule(uri);
  }

  /** A memo opened in the editor: checked, and timed from here to its diagnostics. */
  openDocument(uri: string): void {
    this.timeline.mark('opened');
    this.openTiming.opened(uri);
    this.schedule(uri);
  }

  closeDocument(uri: string): void {
    this.openTiming.closed(uri);
    this.service?.close(uri);
    this.published.delete(uri);
    this.frontMatterCache.delete(uri);
    this.frontMatterStyles.delete(uri);
    this.workspaceConfigs?.release(uri);
    if (this.problems.perDocument.delete(uri)) this.publishProblems();
    this.bibliographyStore?.release(uri);
    // After Check Workspace (or while it runs), a closed memo keeps findings, as its file on disk has them.
    const keepsFindings = this.workspaceChecked || this.workspaceCheckRuns > 0;
    if (keepsFindings && this.isWorkspaceMemo(uri)) void this.checkClosed(uri);
    else void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    // Memos compared with it (inconsistency across memos) are published again.
    for (const other of this.service?.takeComparedWithChanged() ?? []) this.schedule(other);
  }

  /**
   * A memo closed in the editor after Check Workspace: checked again as its file is on disk (the
   * editor's unsaved text is gone), as Check Workspace found it; cleared when it is no memo any more.
   */
  private async checkClosed(uri: string): Promise<void> {
    await this.loaded();
    const reopened = (): boolean => this.disposed || this.documents.get(uri) !== undefined;
    if (reopened()) return;
    const diagnostics = await this.checkMemo({ path: fileURLToPath(uri) }, reopened);
    if (!diagnostics && !reopened()) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** A file Check Workspace would check: a memo file in a workspace folder, not a report of a sources folder. */
  private isWorkspaceMemo(uri: string): boolean {
    if (!uri.startsWith('file:')) return false;
    const path = fileURLToPath(uri);
    const { isInside } = core();
    if (!isInside(path, this.workspaceFolders) || isInside(path, this.sourcesFolders())) return false;
    return this.memoExtensions().some((extension) => path.toLowerCase().endsWith(extension));
  }

  /** Quick fixes; "Ignore this finding in .policylens.yaml" needs to know where the config is. */
  codeActions(document: TextDocument, diagnostics: Diagnostic[]): CodeAction[] {
    // The config is looked for only when there is a finding to ignore (code actions come on every move).
    const ours = diagnostics.some((d) => d.source === 'policy-lens');
    const memo = document.uri.startsWith('file:') ? fileURLToPath(document.uri) : undefined;
    const files = this.projectConfigs().files;
    const ignoreTarget =
      ours && memo
        ? core().ignoreTargetFor(files, memo, this.workspaceFolders, this.canCreateFiles, this.policy)
        : undefined;
    return this.languageService.codeActions(document, diagnostics, {
      versionedEdits: this.versionedEdits,
      ignoreTarget,
      saveFileCommand: this.saveFileCommand,
    });
  }

  /** Every finding the configs in use ignore, for Show Ignored Findings. */
  ignoredFindings(): IgnoredFindingsResult {
    const configs = this.projectConfigs().inUse(this.workspaceFolders);
    return configs.flatMap(({ config }) => config.ignores.map((i) => ({ uri: pathToFileURL(config.file).href, ...i })));
  }

  /**
   * New settings: pushed with the notification, or pulled (the window's and each folder's) when the
   * client can be asked. What changed is loaded again; every open memo is checked again.
   */
  async changeConfiguration(pushed: unknown): Promise<void> {
    const before = { shared: this.sharedFoldersKey, bibliographies: JSON.stringify(this.bibliographyPaths()) };
    const settingsBefore = this.settingsKey();
    if (this.canPullConfiguration) {
      if (!(await this.pullSettings())) return;
    } else {
      const raw = (pushed as Record<string, unknown> | undefined)?.[settingsSection];
      if (raw === undefined || raw === null) return;
      this.settings = normalizeSettings(raw);
    }
    // VS Code says settings changed right after `initialized`, as the first check runs: the same
    // settings change nothing (no memo is read or checked again).
    if (this.settingsKey() === settingsBefore) return;
    this.service?.setSettings(this.settings);
    this.frontMatterCache.clear();
    this.sharedFoldersChanged();
    const reloadKnowledge = this.sharedFoldersKey !== before.shared;
    if (JSON.stringify(this.bibliographyPaths()) !== before.bibliographies) void this.loadBibliographies();
    this.applyStyle();
    // A knowledge load publishes when it is done; publishing now would repeat the old folder's problems.
    if (!reloadKnowledge) this.publishProblems();
    this.recheckAll();
  }

  /** The window's settings and each folder's, to compare. */
  private settingsKey(): string {
    return JSON.stringify([this.settings, [...this.folderSettings]]);
  }

  /**
   * Asks the client for the window's settings and each workspace folder's (one request, an item per
   * folder with its `scopeUri`); false when it cannot be asked or gives nothing usable.
   */
  private async pullSettings(): Promise<boolean> {
    if (!this.canPullConfiguration) return false;
    const scoped = this.workspaceFolders.map((f) => ({ scopeUri: pathToFileURL(f).href, section: settingsSection }));
    let answers: unknown;
    try {
      answers = await this.connection.workspace.getConfiguration([{ section: settingsSection }, ...scoped]);
    } catch (e) {
      this.connection.console.warn(`policy-lens: could not ask for the settings: ${(e as Error).message}`);
      return false;
    }
    if (!Array.isArray(answers) || answers.length === 0) return false;
    const [window, ...folders] = answers as unknown[];
    if (window !== null && typeof window === 'object') this.settings = normalizeSettings(window);
    this.folderSettings = new Map();
    this.workspaceFolders.forEach((folder, i) => {
      const answer = folders[i];
      if (answer !== null && typeof answer === 'object') this.folderSettings.set(folder, normalizeSettings(answer));
    });
    return true;
  }

  /** The workspace folder holding `path` (the innermost, for nested folders), if any. */
  private folderOf(path: string): string | undefined {
    const holding = this.workspaceFolders.filter((f) => core().isInside(path, [f]));
    return holding.sort((a, b) => b.length - a.length)[0];
  }

  /** The settings that apply in a workspace folder (the window's outside every folder). */
  private settingsIn(folder: string | undefined): PolicyLensSettings {
    return (folder !== undefined && this.folderSettings.get(folder)) || this.settings;
  }

  /** Each workspace folder with its settings (the window's alone when no folder is open). */
  private scopes(): { folder: string | undefined; settings: PolicyLensSettings }[] {
    if (this.workspaceFolders.length === 0) return [{ folder: undefined, settings: this.settings }];
    return this.workspaceFolders.map((folder) => ({ folder, settings: this.settingsIn(folder) }));
  }

  /** A path from the settings of `folder`: relative ones are relative to it. */
  private resolveIn(path: string, folder: string | undefined): string {
    if (isAbsolute(path)) return path;
    return folder !== undefined ? join(folder, path) : resolve(path);
  }

  /**
   * Workspace folders were added or removed: each folder's settings, configs, knowledge,
   * bibliographies and reports are read (or dropped) and every open memo checked again, with no
   * restart. In Restricted Mode the folders are what may be read.
   */
  async changeWorkspaceFolders(added: string[], removed: string[]): Promise<void> {
    const kept = this.workspaceFolders.filter((f) => !removed.includes(f));
    this.workspaceFolders = [...kept, ...added.filter((f) => !kept.includes(f))];
    if (this.policy.restricted) this.policy = new ReadPolicy(this.workspaceFolders);
    await this.pullSettings();
    this.service?.setSettings(this.settings);
    this.readAllAgain();
  }

  /**
   * The workspace is trusted now (the client says so): everything Restricted Mode skipped is read
   * (configs, knowledge, bibliographies, styles, reports) and every open memo checked again, with
   * no restart.
   */
  grantTrust(): void {
    if (!this.policy.restricted) return;
    this.policy = ReadPolicy.anything;
    this.connection.console.info('policy-lens: the workspace is trusted now; reading what Restricted Mode skipped');
    this.readAllAgain();
  }

  /**
   * What may be read changed (trust, workspace folders): configs, knowledge, bibliographies, styles
   * and reports are read again and every open memo checked again. The configs were found under the
   * old policy and folders; a link to one outside the folders may be read now.
   */
  private readAllAgain(): void {
    this.workspaceConfigs = undefined;
    this.frontMatterCache.clear();
    this.sharedFoldersKey = undefined;
    this.sharedFoldersChanged();
    this.loadKnowledge();
    void this.loadBibliographies();
    this.applyStyle();
    this.indexSources();
    this.watchFiles();
    this.recheckAll();
  }

  watchedFilesChanged(paths: string[]): void {
    const { isInside } = core();
    if (core().touchesProjectConfig(paths)) this.projectConfigChanged();
    if (paths.some((p) => isInside(p, this.knowledgeFolders()))) this.loadKnowledge();
    if (paths.some((p) => p.endsWith('.csl'))) this.applyStyle();
    if (paths.some((p) => isInside(p, this.sourcesFolders()))) this.indexSources();
    // A changed bibliography is read again (once) for those who use it; the others keep theirs.
    const bibs = this.bibliographyPaths().map((p) => resolve(p));
    const users = this.bibliographies().usersOf(paths);
    if (users.delete('settings') || paths.some((p) => bibs.includes(resolve(p)))) void this.loadBibliographies();
    // A memo's own `csl:` style file changed: its sources are read again, the style with them.
    const changed = new Set(paths.map((p) => resolve(p)));
    for (const [uri, style] of this.frontMatterStyles) if (changed.has(style)) users.add(uri);
    // A front matter naming a file that did not exist yet holds it too: "missing" is a version.
    for (const uri of users) {
      this.frontMatterCache.delete(uri);
      this.schedule(uri);
    }
  }

  async hover(document: TextDocument, position: Position): Promise<Hover | null> {
    // A front matter just edited is read again, but a hover never waits long for a large
    // bibliography being parsed (seconds, in its worker): after a moment it answers with what is
    // known. The same for the first load of the settings' bibliographies (a large knowledge folder
    // may take seconds to load: hovers answer from the bundled knowledge meanwhile).
    await Promise.race([
      Promise.all([this.bibliographiesRead(), this.updateDocumentSources(document)]),
      new Promise((wait) => setTimeout(wait, hoverWaitMs)),
    ]);
    return this.languageService.hover(document, position);
  }

  definition(document: TextDocument, position: Position): Location | null {
    const source = this.languageService.definition(document, position);
    if (!source || !isAbsolute(source.origin.file)) return null;
    const at = { line: source.origin.line, character: source.origin.character };
    return Location.create(pathToFileURL(source.origin.file).href, { start: at, end: at });
  }

  async references(
    document: TextDocument,
    position: Position,
    token: CancellationToken,
  ): Promise<Location[] | ResponseError<void>> {
    const key = this.languageService.keyAt(document, position);
    if (!key) return [];
    const locations: Location[] = [];
    for await (const d of this.workspaceDocuments()) {
      // Between memos, other requests are answered, and a cancelled search stops.
      await pause();
      if (token.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
      for (const k of this.languageService.citationsOf(d, key.key)) {
        locations.push(Location.create(d.uri, { start: d.positionAt(k.start), end: d.positionAt(k.end) }));
      }
    }
    return locations;
  }

  /**
   * Checks every memo of the workspace (open ones as they are in the editor, others from disk) in
   * the background: one memo at a time in slices, so hovers and edits are answered meanwhile, with
   * work-done progress (a percentage and the memo's name) on the client's token, else on one the
   * server makes, cancellable from the progress or by cancelling the request. Only findings the
   * Problems view lists are counted (not hints).
   */
  async checkWorkspace(
    token: CancellationToken,
    workDoneToken: string | number | undefined,
    closedOnly = false,
  ): Promise<CheckWorkspaceResult | ResponseError<void>> {
    const window = this.connection.window;
    let progress: WorkDoneProgressReporter | undefined;
    let progressCancel: CancellationToken | undefined;
    if (workDoneToken !== undefined) progress = window.attachWorkDoneProgress(workDoneToken);
    else if (this.canReportProgress) {
      const made = await window.createWorkDoneProgress();
      progress = made;
      progressCancel = made.token;
    }
    const stopped = (): boolean =>
      this.disposed || token.isCancellationRequested || progressCancel?.isCancellationRequested === true;
    progress?.begin('Policy Lens: checking workspace', 0, 'finding memos', true);
    let problems = 0;
    let files = 0;
    this.workspaceCheckRuns++;
    try {
      // Open memos have their own checks (`closedOnly`: the re-run on start leaves them to those).
      const memos = (await this.workspaceMemos()).filter((m) => !closedOnly || !('open' in m));
      for (let i = 0; i < memos.length && !stopped(); i++) {
        const memo = memos[i];
        const name = 'open' in memo ? memo.open.uri.split('/').pop() : basename(memo.path);
        progress?.report((i / memos.length) * 100, `${i + 1}/${memos.length}: ${name}`);
        const diagnostics = await this.checkMemo(memo, stopped);
        if (diagnostics) {
          files++;
          problems += diagnostics.filter((d) => d.severity !== DiagnosticSeverity.Hint).length;
        }
        // Between memos, other requests and edits are answered.
        await pause();
      }
    } finally {
      this.workspaceCheckRuns--;
      progress?.done();
    }
    // Run again on the next start unless cancelled (the re-run on start too: the client cannot cancel
    // that one's request, only its progress, so the server says so).
    if (!this.disposed) {
      this.workspaceChecked = !stopped();
      const remembered: CheckWorkspaceRemembered = { remembered: this.workspaceChecked };
      void this.connection.sendNotification(checkWorkspaceRememberedNotification, remembered);
    }
    if (token.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
    return stopped() ? { files, problems, cancelled: true } : { files, problems };
  }

  /**
   * One memo of Check Workspace (a URI of an open document, else a path on disk), published;
   * undefined when it is not one the settings check, cannot be read, or the check was stopped.
   */
  private async checkMemo(memo: WorkspaceMemo, stopped: () => boolean): Promise<Diagnostic[] | undefined> {
    const opened = 'open' in memo ? memo.open : undefined;
    const d = 'open' in memo ? memo.open : await this.readMemo(memo);
    if (!d || (!opened && this.documents.get(d.uri))) return undefined; // opened meanwhile: its own check runs
    const s = this.languageService;
    try {
      if (!this.settingsOf(d).languages.includes(d.languageId)) return undefined;
      await this.updateDocumentSources(d, !opened);
      // An open memo edited meanwhile is left to its own check, on the new text.
      const stale = (): boolean => stopped() || (opened !== undefined && this.documents.get(d.uri) !== opened);
      const diagnostics = await s.diagnosticsInSlices(d, pause, stale);
      if (diagnostics) {
        this.published.delete(d.uri); // its next check publishes, whatever it finds
        void this.connection.sendDiagnostics({ uri: d.uri, diagnostics });
      }
      return diagnostics;
    } finally {
      if (!opened) {
        s.close(d.uri);
        this.frontMatterCache.delete(d.uri);
        this.bibliographyStore?.release(d.uri);
        this.workspaceConfigs?.release(d.uri);
      }
    }
  }

  /**
   * Reads the bibliographies, style and inline references a memo's front matter names, when it
   * changed. `onDisk`: a memo Check Workspace read from disk (not open; its file problems not shown).
   */
  async updateDocumentSources(document: TextDocument, onDisk = false): Promise<void> {
    const configBibliographies = this.projectConfigOf(document)?.bibliographyFiles ?? [];
    const head = `${core().frontMatterOf(document.getText())?.yaml ?? ''}\0${configBibliographies.join('\0')}`;
    if (this.frontMatterCache.get(document.uri) === head) {
      // Read already, or being read for a hover that came first: the check waits for that read.
      const reading = this.sourcesReads.get(document.uri);
      if (reading?.head === head) await reading.done;
      return;
    }
    this.frontMatterCache.set(document.uri, head);
    const done = this.readDocumentSources(document, onDisk, head, configBibliographies);
    this.sourcesReads.set(document.uri, { head, done });
    try {
      await done;
    } finally {
      if (this.sourcesReads.get(document.uri)?.done === done) this.sourcesReads.delete(document.uri);
    }
  }

  private async readDocumentSources(
    document: TextDocument,
    onDisk: boolean,
    head: string,
    configBibliographies: string[],
  ): Promise<void> {
    const s = this.languageService;
    const options = { policy: this.policy, readable: this.isReadable, configBibliographies };
    const read = await core().readDocumentSources(document, s, this.bibliographies(), options);
    this.bibliographies().keepOnly(document.uri, read.used);
    if (!onDisk) {
      if (read.styleFile) this.frontMatterStyles.set(document.uri, resolve(read.styleFile));
      else this.frontMatterStyles.delete(document.uri);
      this.watchFiles();
    }
    // Closed while the files were read: nothing to set.
    if (!onDisk && !this.documents.get(document.uri)) return;
    // Its front matter or the settings changed while the files were read (a configuration change
    // clears the cache): read again, so that a check waiting on this one never runs without the
    // sources (Neovim sends its settings right after `initialized`, as the first check reads).
    if (this.frontMatterCache.get(document.uri) !== head) {
      const current = onDisk ? document : (this.documents.get(document.uri) ?? document);
      return this.updateDocumentSources(current, onDisk);
    }
    s.setDocumentSources(document.uri, read.sources);
    s.setDocumentStyle(document.uri, read.style, read.nocite);
    s.setNotRead(document.uri, this.notReadFor(document, read.refused));
    if (onDisk) return;
    if (read.problems.length > 0 || this.problems.perDocument.has(document.uri)) {
      if (read.problems.length > 0) this.problems.perDocument.set(document.uri, read.problems);
      else this.problems.perDocument.delete(document.uri);
      this.publishProblems();
    }
  }

  /**
   * Asks the client to watch only what is read: knowledge and sources folders, bibliographies (the
   * settings', configs' and front matters'), the settings' CSL style, and project configs anywhere
   * in the workspace. Registered again when that changes; nothing else (no memo) is watched.
   */
  private watchFiles(): void {
    if (!this.canWatchFiles) return;
    const watchers = this.fileWatchers();
    const key = JSON.stringify(watchers);
    if (key === this.watchedKey) return;
    this.watchedKey = key;
    const previous = this.watchRegistration;
    const warn = (e: Error): undefined => {
      this.connection.console.warn(`policy-lens: could not watch files: ${e.message}`);
      return undefined;
    };
    this.watchRegistration = this.connection.client
      .register(DidChangeWatchedFilesNotification.type, { watchers })
      .catch(warn);
    void previous?.then((registration) => registration?.dispose());
  }

  private fileWatchers(): FileSystemWatcher[] {
    const allowed = (p: string): boolean => this.policy.allows(p);
    const under = (folder: string, pattern: string): FileSystemWatcher =>
      this.relativePatterns
        ? { globPattern: { baseUri: pathToFileURL(folder).href, pattern } }
        : { globPattern: `${folder.split(sep).join('/')}/${pattern}` };
    const files = [
      ...this.configuredBibliographies(),
      ...this.bibliographies().paths(),
      ...this.frontMatterStyles.values(),
    ];
    if (this.settings.referenceCsl) files.push(...this.resolveFolder(this.settings.referenceCsl));
    return [
      { globPattern: '**/.policylens.{yaml,yml,json}' },
      ...this.configuredKnowledgeFolders()
        .filter(allowed)
        .map((f) => under(f, '**/*.{json,yaml,yml}')),
      ...this.configuredSourcesFolders()
        .filter(allowed)
        .map((f) => under(f, '**/*')),
      ...[...new Set(files.map((f) => resolve(f)))].filter(allowed).map((f) => under(dirname(f), basename(f))),
    ];
  }

  /** What Restricted Mode skipped for a memo, each path as the memo's author would name it (from its folder). */
  private notReadFor(document: TextDocument, refused: readonly string[]): string[] {
    const skipped = [...new Set([...refused, ...this.skippedShared()])];
    if (!document.uri.startsWith('file:')) return skipped;
    const base = dirname(fileURLToPath(document.uri));
    return skipped.map((p) => relative(base, p) || p);
  }

  private projectConfigs(): InstanceType<CoreModule['WorkspaceConfigs']> {
    return (this.workspaceConfigs ??= new (core().WorkspaceConfigs)(new (core().ProjectConfigFiles)(this.policy)));
  }

  /**
   * Settings for what all memos share (knowledge and sources folders), per workspace folder: with
   * those the configs in use add.
   */
  private sharedSettings(): { folder: string | undefined; settings: PolicyLensSettings }[] {
    const configs = this.projectConfigs().inUse(this.workspaceFolders);
    return this.scopes().map(({ folder, settings }) => ({
      folder,
      settings: core().pooledSettings(settings, configs),
    }));
  }

  /** The settings a memo is checked with: its folder's (or the window's), under its project config. */
  private settingsOf(document: TextDocument): PolicyLensSettings {
    const folder = document.uri.startsWith('file:') ? this.folderOf(fileURLToPath(document.uri)) : undefined;
    return applyProjectConfig(this.settingsIn(folder), this.projectConfigOf(document));
  }

  /**
   * The memo's project config, given to the service with the settings of the memo's workspace
   * folder (its settings over the folder's, its ignores).
   */
  private projectConfigOf(document: TextDocument): ProjectConfig | undefined {
    if (!document.uri.startsWith('file:')) return undefined;
    const path = fileURLToPath(document.uri);
    const loaded = this.projectConfigs().forDocument(document.uri, path, this.workspaceFolders);
    const config = loaded?.config;
    const folderSettings = this.settingsIn(this.folderOf(path));
    const own = config !== undefined || folderSettings !== this.settings;
    this.languageService.setDocumentConfig(
      document.uri,
      own ? { settings: applyProjectConfig(folderSettings, config), ignores: config?.ignores ?? [] } : undefined,
    );
    // A config met for the first time may name knowledge or sources folders, or have problems to show.
    if (loaded && loaded.errors.length > 0 && !this.problems.shows(loaded.config.file)) this.publishProblems();
    this.sharedFoldersChanged();
    return config;
  }

  /** The knowledge and sources folders in use: a change loads knowledge and reads sources again. */
  private sharedFoldersKeyNow(): string {
    return JSON.stringify([this.knowledgeFolders(), this.sourcesFolders()]);
  }

  /** Loads knowledge and reads sources again when the configs in use name other folders. */
  private sharedFoldersChanged(): void {
    const key = this.sharedFoldersKeyNow();
    this.watchFiles();
    if (this.sharedFoldersKey === undefined || key === this.sharedFoldersKey) {
      this.sharedFoldersKey = key;
      return;
    }
    this.sharedFoldersKey = key;
    this.loadKnowledge();
    this.indexSources();
  }

  /** A config file was created, changed or deleted: every memo looks for its config again. */
  private projectConfigChanged(): void {
    this.projectConfigs().forget();
    this.frontMatterCache.clear();
    this.sharedFoldersChanged();
    this.publishProblems();
    this.recheckAll();
  }

  /** File problems, with those of the project configs in use. */
  private publishProblems(): void {
    this.problems.config = this.projectConfigs()
      .inUse(this.workspaceFolders)
      .flatMap((c) => c.errors);
    this.problems.publish();
  }

  private knowledge(): KnowledgeStore {
    if (!this.knowledgeStore) {
      const cache = new (core().KnowledgeCache)(this.knowledgeCacheDir ?? core().defaultKnowledgeCacheDir());
      this.knowledgeStore = new (core().KnowledgeStore)(cache);
    }
    return this.knowledgeStore;
  }

  private bibliographies(): BibliographyStore {
    if (!this.bibliographyStore) {
      // Parsed bibliographies are kept beside the parsed knowledge files, for the next start.
      const dir = join(this.knowledgeCacheDir ?? core().defaultKnowledgeCacheDir(), 'bibliographies');
      this.bibliographyStore = new (core().BibliographyStore)(
        undefined,
        undefined,
        new (core().BibliographyCache)(dir),
      );
    }
    return this.bibliographyStore;
  }

  /** The service, with its CSL processor in a worker thread (whoever asks first makes it). */
  private newService(kb: KnowledgeBase): PolicyLensService {
    const made = new (core().PolicyLensService)(kb, this.settings);
    if (this.defaultStyleChoice) made.setDefaultStyle(this.defaultStyleChoice);
    made.setExtraSources(this.extraSources);
    made.setRenderer((this.renderer ??= new (core().WorkerRenderer)()));
    made.setLinks({ docsBase: core().installedDocsBase(), fileUri: core().fileUri });
    return made;
  }

  /** The window's setting `folder`, resolved against every workspace folder (the first existing is used). */
  private resolveFolder(folder: string): string[] {
    if (isAbsolute(folder)) return [folder];
    const workspace = this.workspaceFolders;
    return workspace.length > 0 ? workspace.map((w) => join(w, folder)) : [resolve(folder)];
  }

  /**
   * In an untrusted workspace, nothing outside the workspace folders is read: judged on the real
   * path, so a link inside the workspace that leads out does not count as inside. (Every read also
   * checks the file it opened: see ReadPolicy.)
   */
  private readable(path: string): boolean {
    const ok = this.policy.allows(path);
    if (!ok) {
      const why = 'outside the workspace once links are followed, and the workspace is not trusted';
      this.connection.console.warn(`policy-lens: not reading ${path}: ${why}`);
    }
    return ok;
  }

  private readonly isReadable = (path: string): boolean => this.readable(path);

  /** Knowledge folders of every workspace folder's settings and of the configs in use, each once. */
  private configuredKnowledgeFolders(): string[] {
    const folders = this.sharedSettings().flatMap(({ folder, settings }) =>
      settings.knowledgeFolders.map((f) => this.resolveIn(f, folder)),
    );
    return [...new Set(folders)];
  }

  /** Bibliographies of every workspace folder's settings, each once. */
  private configuredBibliographies(): string[] {
    const files = this.scopes().flatMap(({ folder, settings }) =>
      settings.bibliographyFiles.map((f) => this.resolveIn(f, folder)),
    );
    return [...new Set(files)];
  }

  /** The sources folder of every workspace folder's settings (a config's replaces it), each once. */
  private configuredSourcesFolders(): string[] {
    const folders = this.sharedSettings().flatMap(({ folder, settings }) =>
      settings.sourcesFolder ? [this.resolveIn(settings.sourcesFolder, folder)] : [],
    );
    return [...new Set(folders)];
  }

  private knowledgeFolders(): string[] {
    return this.configuredKnowledgeFolders().filter(this.isReadable);
  }

  private bibliographyPaths(): string[] {
    return this.configuredBibliographies().filter(this.isReadable);
  }

  private sourcesFolders(): string[] {
    return this.configuredSourcesFolders().filter(this.isReadable);
  }

  /**
   * What Restricted Mode skipped that could define citation keys: knowledge folders,
   * bibliographies and sources folders from the settings and configs that exist outside the
   * workspace. Empty in a trusted workspace.
   */
  private skippedShared(): string[] {
    if (!this.policy.restricted) return [];
    const named = [
      ...this.configuredKnowledgeFolders(),
      ...this.configuredBibliographies(),
      ...this.configuredSourcesFolders(),
    ];
    return named.filter((p) => existsSync(p) && !this.policy.allows(p));
  }

  private readStyleFile(path: string, problems: KnowledgeError[]): string | undefined {
    return core().readStyleFile(path, problems, this.policy, this.isReadable);
  }

  /** The style for memos that choose none: the settings' .csl file, else the bundled style. */
  private defaultStyle(): StyleChoice {
    this.problems.style = [];
    const locale = this.settings.referenceLocale || undefined;
    if (this.settings.referenceCsl) {
      const [path] = this.resolveFolder(this.settings.referenceCsl);
      const xml = this.readStyleFile(path, this.problems.style);
      if (xml !== undefined) return { style: path, xml, locale };
    }
    return { style: this.settings.referenceStyle, locale };
  }

  private applyStyle(): void {
    const style = this.defaultStyle();
    this.defaultStyleChoice = style;
    this.service?.setDefaultStyle(style);
    // The style is compiled in the worker now, so the first hover does not wait for it (at start, the
    // worker comes with the service, and the first check's citations compile it).
    const warn = (e: Error): void => this.connection.console.warn(`policy-lens: CSL style: ${e.message}`);
    this.renderer?.prepare(style).catch(warn);
  }

  private loadKnowledge(): void {
    if (this.knowledgeLoading) {
      this.knowledgeAgain = true;
      return;
    }
    const fail = (e: Error): void =>
      this.connection.console.error(`policy-lens: loading knowledge failed: ${e.stack ?? e}`);
    this.knowledgeLoading = this.runKnowledgeLoad()
      .catch(fail)
      .finally(() => {
        this.knowledgeLoading = undefined;
        if (this.knowledgeAgain) {
          this.knowledgeAgain = false;
          this.loadKnowledge();
        }
      });
  }

  private async runKnowledgeLoad(): Promise<void> {
    const folders = this.knowledgeFolders();
    const { kb, timings } = await this.knowledge().loadInSlices(folders, true, this.ingested, this.policy, pause);
    this.problems.knowledge = kb.errors;
    if (!this.service) this.service = this.newService(kb);
    else this.service.setKnowledge(kb);
    const unread = new Set(this.problems.sources.map((e) => e.file)).size;
    const status: KnowledgeStatus = {
      sources: kb.sources.size,
      terms: kb.terms.length,
      claims: kb.claims.length,
      reports: this.ingested.length,
      unreadReports: unread,
      errors: kb.errors.length,
    };
    void this.connection.sendNotification(knowledgeStatusNotification, status);
    this.publishProblems();
    if (timings.parsedFiles + timings.reusedFiles > 0) {
      const ms = Math.round(timings.readMs + timings.parseMs + timings.indexMs);
      const files = `${timings.parsedFiles} file(s) parsed, ${timings.reusedFiles} unchanged`;
      this.connection.console.info(`policy-lens: knowledge loaded in ${ms} ms (${files})`);
    }
    // The parsed files go to the on-disk cache once checks have had their turn.
    clearTimeout(this.saveCacheTimer);
    this.saveCacheTimer = setTimeout(() => {
      this.saveCacheTimer = undefined;
      this.knowledgeStore?.saveCache();
    }, saveCacheDelayMs);
    this.recheckAll();
  }

  /** Reads the settings' bibliographies (`loaded` waits for the last read under way). */
  private loadBibliographies(): Promise<void> {
    const fail = (e: Error): void =>
      this.connection.console.error(`policy-lens: reading bibliographies failed: ${e.stack ?? e}`);
    const reading = this.readBibliographies().catch(fail);
    this.bibliographiesLoading = reading;
    void reading.finally(() => {
      if (this.bibliographiesLoading === reading) this.bibliographiesLoading = undefined;
    });
    return reading;
  }

  private async readBibliographies(): Promise<void> {
    const generation = ++this.bibliographyGeneration;
    const paths = this.bibliographyPaths();
    const sources: Source[] = [];
    const problems: KnowledgeError[] = [];
    for (const path of paths) {
      const load = await this.bibliographies().use('settings', path, this.policy);
      // A loop, not a spread: a bibliography can have more entries than a call takes arguments.
      for (const source of load.sources) sources.push(source);
      problems.push(...load.errors);
    }
    if (generation !== this.bibliographyGeneration) return;
    this.bibliographies().keepOnly('settings', paths);
    this.watchFiles();
    this.problems.bibliography = problems;
    this.extraSources = sources;
    this.service?.setExtraSources(sources);
    this.publishProblems();
    this.recheckAll();
  }

  private indexSources(): void {
    if (this.indexing) {
      this.indexAgain = true;
      return;
    }
    const run = async (): Promise<void> => {
      const files = await this.listReports();
      if (files.length > 0 || this.ingested.length > 0) await this.runIndexer(files);
    };
    this.indexing = run().finally(() => {
      this.indexing = undefined;
      if (this.indexAgain) {
        this.indexAgain = false;
        this.indexSources();
      }
    });
  }

  /** The reports in the sources folders, listed without blocking (each real file once). */
  private async listReports(): Promise<string[]> {
    const files: string[] = [];
    for (const folder of this.sourcesFolders()) files.push(...(await core().listSourceFilesAsync(folder, this.policy)));
    return [...new Set(files)];
  }

  private async runIndexer(files: string[]): Promise<void> {
    const connection = this.connection;
    const showProgress = this.canReportProgress && files.length > 0;
    const progress = showProgress ? await connection.window.createWorkDoneProgress() : undefined;
    progress?.begin('Policy Lens: reading sources', 0, `${files.length} file(s)`, false);
    const report = (p: { done: number; total: number; path: string }): void => {
      const name = p.path.split(/[\\/]/).pop();
      progress?.report(Math.round((p.done / p.total) * 100), `${p.done + 1}/${p.total}: ${name}`);
    };
    const cacheDir = this.cacheDir ?? core().defaultCacheDir();
    const reserved = [...bundledSourceKeys()];
    const result = await readSourcesInWorker(files, cacheDir, report, this.policy, reserved);
    if (result.failure) connection.console.error(`policy-lens: reading sources failed: ${result.failure}`);
    this.ingested = result.sources;
    this.problems.sources = result.errors;
    progress?.done();
    // Each report that could not be read, once, with why (a scanned PDF, a broken or encrypted one).
    for (const e of result.errors) connection.console.warn(`policy-lens: report not read: ${e.file}: ${e.message}`);
    const unreadCount = new Set(result.errors.map((e) => e.file)).size;
    const unread = result.errors.length > 0 ? `; ${unreadCount} report(s) not read` : '';
    const from = this.sourcesFolders().join(', ') || 'no folder';
    const claims = this.ingested.reduce((n, s) => n + s.claims.length, 0);
    connection.console.info(
      `policy-lens: ${this.ingested.length} source(s) read from ${from}; ${claims} claim(s) extracted${unread}`,
    );
    this.loadKnowledge();
  }

  private recheckAll(): void {
    for (const document of this.documents.all()) this.schedule(document.uri);
  }

  private async check(uri: string): Promise<CheckOutcome> {
    const document = this.documents.get(uri);
    if (!document) return 'skipped';
    if (!this.settingsOf(document).languages.includes(document.languageId)) {
      this.published.delete(uri);
      void this.connection.sendDiagnostics({ uri, diagnostics: [] });
      return 'skipped';
    }
    try {
      await this.updateDocumentSources(document);
      if (this.documents.get(uri) !== document) return 'skipped';
      const version = document.version;
      const overtaken = (): boolean => this.documents.get(uri)?.version !== version;
      const diagnostics = await this.languageService.diagnosticsInSlices(document, pause, overtaken);
      if (!diagnostics) return 'overtaken';
      this.publish(uri, version, diagnostics);
      void this.languageService.prerenderCitations(document);
      // Memos compared with this one (inconsistency across memos) are published again.
      for (const other of this.languageService.takeComparedWithChanged()) this.schedule(other);
    } catch (e) {
      this.connection.console.error(`policy-lens: checking ${uri} failed: ${(e as Error).stack ?? e}`);
    }
    return 'checked';
  }

  /** Publishes a memo's diagnostics, unless they are those last published for this version of it. */
  private publish(uri: string, version: number, diagnostics: Diagnostic[]): void {
    // Compared as JSON only for the same version: after a keystroke (a new version) that would be a
    // second serialisation of every diagnostic (0.4 MB for a 100,000-word memo) for nothing.
    const last = this.published.get(uri);
    if (last?.version === version && JSON.stringify(last.diagnostics) === JSON.stringify(diagnostics)) return;
    this.published.set(uri, { version, diagnostics });
    void this.connection.sendDiagnostics({ uri, version, diagnostics });
    // The first memo's line says where the start's time went; a memo opened later, its own wait.
    const opened = this.openTiming.published(uri);
    const line = this.timeline.firstDiagnostics(uri.slice(uri.lastIndexOf('/') + 1)) ?? opened;
    if (line) this.connection.console.info(line);
  }

  /**
   * The memos of the workspace: open documents outside the sources folders, then the memo files on
   * disk that are not open, found without blocking.
   */
  private async workspaceMemos(): Promise<WorkspaceMemo[]> {
    const { isInside } = core();
    const reports = this.sourcesFolders();
    const open = this.documents
      .all()
      .filter((d) => !d.uri.startsWith('file:') || !isInside(fileURLToPath(d.uri), reports))
      .map((d) => ({ open: d }));
    // Reports in the sources folder are read as sources, never checked as memos.
    const onDisk = await core().findMemos(this.workspaceFolders, this.memoExtensions(), this.policy, reports);
    return [
      ...open,
      ...onDisk.filter((path) => !this.documents.get(pathToFileURL(path).href)).map((path) => ({ path })),
    ];
  }

  /** The extensions of memo files: Markdown's, and `.txt` when a folder's settings check plain text. */
  private memoExtensions(): readonly string[] {
    const plaintext = this.scopes().some(({ settings }) => settings.languages.includes('plaintext'));
    return plaintext ? [...markdownExtensions, '.txt'] : markdownExtensions;
  }

  /** A memo file as it is on disk, or undefined when it cannot be read. */
  private async readMemo({ path }: { path: string }): Promise<TextDocument | undefined> {
    const read = await core().readTextFile(path, core().maxMemoBytes, this.policy);
    if (!('text' in read)) return undefined;
    const uri = pathToFileURL(path).href;
    return TextDocument.create(uri, path.endsWith('.txt') ? 'plaintext' : 'markdown', 0, read.text);
  }

  /** The workspace's memos one at a time, each read only when its turn comes and let go of after. */
  private async *workspaceDocuments(): AsyncGenerator<TextDocument> {
    for (const memo of await this.workspaceMemos()) {
      const document = 'open' in memo ? memo.open : await this.readMemo(memo);
      if (document) yield document;
    }
  }
}
