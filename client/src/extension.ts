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
} from 'vscode-languageclient/node';
import {
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
} from '../../server/src/common/protocol';
import { citationInsertion, exportMessage } from '../../server/src/common/citationText';
import { defaultSettings, settingsSection } from '../../server/src/common/settings';

let client: LanguageClient | undefined;
let knowledgeItem: vscode.LanguageStatusItem;

function languages(): string[] {
  return vscode.workspace.getConfiguration(settingsSection).get<string[]>('languages', defaultSettings.languages);
}

function createClient(context: vscode.ExtensionContext): LanguageClient {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  // With source maps on, a stack trace the server logs names the TypeScript file and line.
  const execArgv = ['--enable-source-maps'];
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
    synchronize: {
      configurationSection: settingsSection,
      // Knowledge folders, bibliographies, CSL styles and project configs (.policylens.yaml) are
      // reloaded when they change, without a restart.
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/*.{json,yaml,yml,bib,csl,md,txt,pdf}'),
        vscode.workspace.createFileSystemWatcher('**/.policylens.{yaml,yml,json}'),
      ],
    },
    initializationOptions: {
      settings: vscode.workspace.getConfiguration(settingsSection),
      trusted: vscode.workspace.isTrusted,
      // Reports read from the sources folder are cached here, by content hash.
      cacheDir: vscode.Uri.joinPath(context.globalStorageUri, 'sources-cache').fsPath,
      // Knowledge files, parsed and validated, are cached here until they change.
      knowledgeCacheDir: vscode.Uri.joinPath(context.globalStorageUri, 'knowledge-cache').fsPath,
    },
    // If the server process dies, the client restarts it (up to its default limit) and checks again.
    connectionOptions: { maxRestartCount: 5 },
  };
  return new LanguageClient('policyLens', 'Policy Lens', serverOptions, clientOptions);
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  client = createClient(context);
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
  context.subscriptions.push(
    knowledgeItem,
    vscode.commands.registerCommand('policyLens.insertCitation', insertCitation),
    vscode.commands.registerCommand('policyLens.insertReferences', insertReferences),
    vscode.commands.registerCommand('policyLens.exportBibliography', exportBibliography),
    vscode.commands.registerCommand('policyLens.checkWorkspace', checkWorkspace),
    vscode.commands.registerCommand('policyLens.showIgnoredFindings', showIgnoredFindings),
    vscode.commands.registerCommand('policyLens.restartServer', async () => {
      await client?.restart();
      void vscode.window.showInformationMessage('Policy Lens server restarted.');
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void client?.restart()),
    { dispose: () => void client?.stop() },
  );
  await client.start();
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

async function checkWorkspace(): Promise<void> {
  if (!client) return;
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: 'Policy Lens: checking workspace' },
    () => client!.sendRequest<CheckWorkspaceResult>(checkWorkspaceRequest),
  );
  void vscode.window.showInformationMessage(
    `Policy Lens checked ${result.files} file(s): ${result.problems} finding(s).`,
  );
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
