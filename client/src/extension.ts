// The VS Code client: starts the Policy Lens language server for the configured languages, passes
// it the settings and workspace trust, and adds the commands and a language status item (what the
// checks rest on: sources, claims, problems in knowledge files). All checking happens in the server.
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  LanguageClient,
  type LanguageClientOptions,
  type ServerOptions,
  TransportKind,
  WorkDoneProgress,
  type WorkDoneProgressBegin,
  type WorkDoneProgressReport,
} from 'vscode-languageclient/node';
import {
  checkWorkspaceRememberedNotification,
  type CheckWorkspaceRemembered,
  type CheckWorkspaceParams,
  checkWorkspaceRequest,
  type CheckWorkspaceResult,
  exportBibliographyRequest,
  type ExportBibliographyResult,
  exportBibtexRequest,
  type ExportBibtexResult,
  ignoredFindingsRequest,
  type IgnoredFindingsResult,
  type KnowledgeStatus,
  knowledgeStatusNotification,
  listSourcesRequest,
  type ListSourcesResult,
  referencesEditRequest,
  type ReferencesEditResult,
  workspaceTrustedNotification,
} from '../../server/src/common/protocol';
import { citationInsertion, exportMessage } from '../../server/src/common/citationText';
import { DiagnosticsArrival } from './diagnosticsArrival';
import { restartingErrorHandler } from './errorHandler';
import { SettingTraceChannel } from './traceChannel';
import { defaultSettings, settingsSection } from '../../server/src/common/settings';

/** When the extension host loaded this module: the client's start-up marks count from here. */
const moduleLoadedAt = Date.now();
let client: LanguageClient | undefined;
let knowledgeItem: vscode.LanguageStatusItem;
/**
 * Whether Check Workspace was run in this workspace (and not cancelled): a server that starts (a new
 * window, a restart) then finds its findings for closed memos again. Kept in the workspace's state.
 */
const checkWorkspaceRanKey = 'policyLens.checkWorkspaceRan';

function languages(): string[] {
  return vscode.workspace.getConfiguration(settingsSection).get<string[]>('languages', defaultSettings.languages);
}

/**
 * Each workspace folder's settings, as the server would pull them (`workspace/configuration` with the
 * folder as scope): sent in `initialize`, so that the first check does not wait for that round trip.
 */
function folderSettings(): { uri: string; settings: vscode.WorkspaceConfiguration }[] {
  return (vscode.workspace.workspaceFolders ?? []).map((folder) => ({
    uri: folder.uri.toString(),
    settings: vscode.workspace.getConfiguration(settingsSection, folder.uri),
  }));
}

function createClient(context: vscode.ExtensionContext, traceChannel: vscode.LogOutputChannel): LanguageClient {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  // No --enable-source-maps: it reads every bundle's map as the bundle loads (about 0.1 s of CPU before
  // the first diagnostics); the server maps a stack trace to the TypeScript line when it prints one.
  const execArgv: string[] = [];
  // Node 22.1 and later (the extension host's, in VS Code and code-server) keep the compiled code of
  // the server's bundles here, so that the server starts without compiling them again. Older Node
  // ignores it; a NODE_COMPILE_CACHE of the user's own is kept.
  const compileCache = vscode.Uri.joinPath(context.globalStorageUri, 'compile-cache').fsPath;
  const env = { NODE_COMPILE_CACHE: process.env.NODE_COMPILE_CACHE ?? compileCache };
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.stdio, options: { execArgv, env } },
    debug: {
      module: serverModule,
      transport: TransportKind.stdio,
      options: { execArgv: [...execArgv, '--nolazy', '--inspect=6009'], env },
    },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      ...languages().flatMap((language) => [
        { scheme: 'file', language },
        { scheme: 'untitled', language },
      ]),
      // Quarto and R Markdown files whatever their language id (plain text without those extensions).
      { scheme: 'file', pattern: '**/*.{qmd,Qmd,QMD,rmd,Rmd,RMD}' },
    ],
    // Settings are pulled by the server, the window's and each folder's (workspace/configuration).
    // The server registers file watchers for what it reads (knowledge and sources folders,
    // bibliographies, the CSL style, project configs), so that nothing else, no memo, is watched.
    synchronize: { configurationSection: settingsSection },
    // Made again on each start of the server (a restart too), so that they are current.
    initializationOptions: () => ({
      settings: vscode.workspace.getConfiguration(settingsSection),
      folderSettings: folderSettings(),
      checkWorkspace: context.workspaceState.get<boolean>(checkWorkspaceRanKey, false),
      trusted: vscode.workspace.isTrusted,
      // Reports read from the sources folder are cached here, by content hash.
      cacheDir: vscode.Uri.joinPath(context.globalStorageUri, 'sources-cache').fsPath,
      // Knowledge files, parsed and validated, are cached here until they change.
      knowledgeCacheDir: vscode.Uri.joinPath(context.globalStorageUri, 'knowledge-cache').fsPath,
      // Run after "Ignore this finding in .policylens.yaml", so the edited config takes effect at once.
      saveFileCommand: saveFileCommand,
    }),
    // policyLens.trace.server traces the protocol in a channel of its own (see traceChannel.ts).
    traceOutputChannel: traceChannel,
    // If the server process dies, the client restarts it (5 times in 3 minutes) and checks again.
    errorHandler: restartingErrorHandler('Policy Lens', 5),
  };
  return new LanguageClient('policyLens', 'Policy Lens', serverOptions, clientOptions);
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const marks: string[] = [`activate +${Date.now() - moduleLoadedAt}`];
  const traceChannel = new SettingTraceChannel('Policy Lens Trace', `${settingsSection}.trace.server`);
  context.subscriptions.push(traceChannel);
  client = createClient(context, traceChannel);
  // Problem counts are VS Code's own (the Problems item); this says what the checks rest on.
  knowledgeItem = vscode.languages.createLanguageStatusItem(
    'policyLens.knowledge',
    languages().map((language) => ({ language })),
  );
  knowledgeItem.name = 'Policy Lens knowledge';
  knowledgeItem.text = 'Policy Lens';
  knowledgeItem.detail = 'loading knowledge…';
  knowledgeItem.busy = true;
  client.onNotification(knowledgeStatusNotification, showKnowledge);
  // The server says whether Check Workspace is to run again on its next start (not once cancelled,
  // the re-run on start included, whose progress is the only way to cancel it).
  client.onNotification(checkWorkspaceRememberedNotification, (p: CheckWorkspaceRemembered) => {
    void context.workspaceState.update(checkWorkspaceRanKey, p.remembered === true);
  });
  context.subscriptions.push(
    knowledgeItem,
    vscode.commands.registerCommand('policyLens.insertCitation', insertCitation),
    vscode.commands.registerCommand('policyLens.insertReferences', insertReferences),
    vscode.commands.registerCommand('policyLens.exportBibliography', exportBibliography),
    vscode.commands.registerCommand('policyLens.checkWorkspace', () => checkWorkspace(context.workspaceState)),
    vscode.commands.registerCommand('policyLens.showIgnoredFindings', showIgnoredFindings),
    vscode.commands.registerCommand(saveFileCommand, saveFile),
    vscode.commands.registerCommand('policyLens.restartServer', async () => {
      await client?.restart();
      void vscode.window.showInformationMessage('Policy Lens server restarted.');
    }),
    // Trust applies at once: the server reads what Restricted Mode skipped and checks again.
    vscode.workspace.onDidGrantWorkspaceTrust(() => void client?.sendNotification(workspaceTrustedNotification)),
    { dispose: () => void client?.stop() },
  );
  // When the diagnostics of each memo opened reach the extension host, on the output channel: with the
  // server's line and the squiggle, it shows whose the wait is (test/e2e/README.md).
  const started = client;
  const log = (line: string): void => started.info(line);
  const startup = (): string =>
    `${marks.join(', ')}, diagnostics +${Date.now() - moduleLoadedAt} ms after the extension's module loaded`;
  context.subscriptions.push(new DiagnosticsArrival('policy-lens', startup, log));
  marks.push(`start +${Date.now() - moduleLoadedAt}`);
  await client.start();
  marks.push(`running +${Date.now() - moduleLoadedAt}`);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

/** The language status item: sources and claims loaded, reports read, problems in knowledge files. */
function showKnowledge(status: KnowledgeStatus): void {
  const plural = (n: number, one: string, many: string): string => `${n.toLocaleString()} ${n === 1 ? one : many}`;
  knowledgeItem.busy = false;
  knowledgeItem.text = `Policy Lens: ${plural(status.sources, 'source', 'sources')}`;
  const parts = [plural(status.claims, 'claim', 'claims'), plural(status.terms, 'term', 'terms')];
  if (status.reports > 0) parts.push(`${plural(status.reports, 'report', 'reports')} read`);
  if (status.unreadReports > 0) parts.push(`${plural(status.unreadReports, 'report', 'reports')} not read`);
  if (status.errors > 0) parts.push(plural(status.errors, 'problem in knowledge files', 'problems in knowledge files'));
  knowledgeItem.detail = parts.join(', ');
  knowledgeItem.severity =
    status.errors > 0 || status.unreadReports > 0
      ? vscode.LanguageStatusSeverity.Warning
      : vscode.LanguageStatusSeverity.Information;
  knowledgeItem.command = { title: 'Reload', command: 'policyLens.restartServer', tooltip: 'Restart the server' };
}

function activeMemo(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !languages().includes(editor.document.languageId)) {
    void vscode.window.showWarningMessage('Open a memo (Markdown or plain text) first.');
    return undefined;
  }
  return editor;
}

async function insertCitation(): Promise<void> {
  const editor = activeMemo();
  if (!editor || !client) return;
  const position = editor.selection.active;
  const sources = await client.sendRequest<ListSourcesResult>(listSourcesRequest, {
    uri: editor.document.uri.toString(),
    position: { line: position.line, character: position.character },
  });
  const picked = await vscode.window.showQuickPick(
    sources.map((s) => ({
      label: s.key,
      description: `${s.supports ? '$(check) supports this sentence · ' : ''}${s.short}`,
      // The formatted reference, then every claim: the picker searches all of them.
      detail: [s.reference || [s.title, s.authors].filter(Boolean).join(' · '), ...s.claims]
        .filter(Boolean)
        .join(' · '),
      // Searchable by author, title and claim: they are in the detail line.
      key: s.key,
    })),
    {
      title: 'Insert Citation',
      placeHolder: 'Search sources by key, author, title or claim',
      matchOnDescription: true,
      matchOnDetail: true,
    },
  );
  if (!picked) return;
  const text = citationInsertion(editor.document.lineAt(position.line).text, position.character, picked.key);
  await editor.edit((b) => b.insert(position, text));
}

async function insertReferences(): Promise<void> {
  const editor = activeMemo();
  if (!editor || !client) return;
  const edit = await client.sendRequest<ReferencesEditResult | null>(referencesEditRequest, {
    uri: editor.document.uri.toString(),
  });
  if (!edit) return;
  const range = new vscode.Range(
    edit.range.start.line,
    edit.range.start.character,
    edit.range.end.line,
    edit.range.end.character,
  );
  const workspaceEdit = new vscode.WorkspaceEdit();
  workspaceEdit.replace(editor.document.uri, range, edit.newText);
  await vscode.workspace.applyEdit(workspaceEdit);
}

async function exportBibliography(): Promise<void> {
  const editor = activeMemo();
  if (!editor || !client) return;
  const uri = editor.document.uri.toString();
  const items = await client.sendRequest<ExportBibliographyResult>(exportBibliographyRequest, { uri });
  if (items.length === 0) {
    void vscode.window.showInformationMessage('This memo cites no known sources yet.');
    return;
  }
  const memo = editor.document.uri.scheme === 'file' ? editor.document.uri.fsPath : undefined;
  const base = memo ? memo.replace(/\.[^.\\/]+$/, '') : 'references';
  const target = await vscode.window.showSaveDialog({
    defaultUri: vscode.Uri.file(`${base}.bib`),
    filters: { BibTeX: ['bib'], 'CSL-JSON': ['json'] },
    title: 'Export Bibliography (BibTeX or CSL-JSON)',
  });
  if (!target) return;
  const bibtex = /\.(bib|bibtex)$/i.test(target.fsPath);
  const text = bibtex
    ? await client.sendRequest<ExportBibtexResult>(exportBibtexRequest, { uri })
    : JSON.stringify(items, null, 2) + '\n';
  await vscode.workspace.fs.writeFile(target, Buffer.from(text, 'utf8'));
  const memoName = memo ? path.basename(memo) : undefined;
  const message = exportMessage(items.length, bibtex, path.basename(target.fsPath), memoName);
  void vscode.window.showInformationMessage(message);
}

/** Check Workspace in the background: a cancellable notification shows the server's progress. */
async function checkWorkspace(state: vscode.Memento): Promise<void> {
  const running = client;
  if (!running) return;
  const options = {
    location: vscode.ProgressLocation.Notification,
    title: 'Policy Lens: checking workspace',
    cancellable: true,
  };
  const result = await vscode.window.withProgress(options, async (progress, token) => {
    // The server reports on this token ($/progress): each memo's name and how far it has got.
    const workDoneToken = `policyLens.checkWorkspace.${Date.now()}`;
    let reported = 0;
    const listening = running.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
      if (value.kind === 'end') return;
      const { message, percentage } = value as WorkDoneProgressBegin | WorkDoneProgressReport;
      const increment = percentage !== undefined ? Math.max(0, percentage - reported) : undefined;
      if (percentage !== undefined) reported = Math.max(reported, percentage);
      progress.report({ message, increment });
    });
    try {
      const params: CheckWorkspaceParams = { workDoneToken };
      return await running.sendRequest<CheckWorkspaceResult>(checkWorkspaceRequest, params, token);
    } catch (e) {
      if (token.isCancellationRequested) return undefined;
      throw e;
    } finally {
      listening.dispose();
    }
  });
  // Run again whenever the server starts, unless the user stopped it (then it is not wanted each time).
  await state.update(checkWorkspaceRanKey, result !== undefined && !result.cancelled);
  if (!result) {
    void vscode.window.showInformationMessage('Policy Lens: Check Workspace cancelled.');
    return;
  }
  const memos = `${result.files} memo${result.files === 1 ? '' : 's'}`;
  const findings = `${result.problems} finding${result.problems === 1 ? '' : 's'} in Problems`;
  const cancelled = result.cancelled ? ' (cancelled before the end)' : '';
  void vscode.window.showInformationMessage(`Policy Lens checked ${memos}: ${findings}${cancelled}.`);
}

/** Findings ignored in the project configs: a quick pick that opens the config at the chosen entry. */
async function showIgnoredFindings(): Promise<void> {
  if (!client) return;
  const ignored = await client.sendRequest<IgnoredFindingsResult>(ignoredFindingsRequest);
  if (ignored.length === 0) {
    void vscode.window.showInformationMessage('Policy Lens: no finding is ignored in a .policylens.yaml in use.');
    return;
  }
  const items = ignored.map((i) => ({
    label: i.sentence,
    description: i.claim ? `${i.check} · ${i.claim}` : i.check,
    detail: `${vscode.workspace.asRelativePath(vscode.Uri.parse(i.uri))}:${i.line + 1}`,
    entry: i,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    placeHolder: 'Findings ignored in .policylens.yaml (choose one to open its entry)',
    matchOnDescription: true,
  });
  if (!picked) return;
  const at = new vscode.Position(picked.entry.line, 0);
  await vscode.window.showTextDocument(vscode.Uri.parse(picked.entry.uri), { selection: new vscode.Range(at, at) });
}

/** Internal (not in the palette): saves a file the server's quick fix just edited. */
const saveFileCommand = 'policyLens.saveFile';

async function saveFile(uri: unknown): Promise<void> {
  if (typeof uri !== 'string') return;
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === vscode.Uri.parse(uri).toString());
  if (document?.isDirty) await document.save();
}
