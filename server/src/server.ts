// The language server: thin wiring from the protocol to a Session, which holds the server's state
// from `initialize` to `shutdown`. Each handler fetches the document and asks the session or its
// language service; requests before `initialize` are refused, as LSP asks.
import { fileURLToPath } from 'node:url';
import {
  type CancellationToken,
  CodeActionKind,
  createConnection,
  DidChangeWorkspaceFoldersNotification,
  ErrorCodes,
  type InitializeResult,
  LSPErrorCodes,
  ProposedFeatures,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  type CheckWorkspaceParams,
  checkWorkspaceRequest,
  type DocumentParams,
  exportBibliographyRequest,
  exportBibtexRequest,
  ignoredFindingsRequest,
  type IgnoredFindingsResult,
  listSourcesRequest,
  type ListSourcesParams,
  referencesEditRequest,
  workspaceTrustedNotification,
} from './common/protocol';
import { version } from './common/version';
import { Session } from './lsp/session';
import { type ServerConnection, stdioConnection } from './lsp/stdioConnection';
import { mapStackTraces } from './node/mappedStacks';

// Stack traces the server logs name the TypeScript line; the maps are read only when one is printed.
mapStackTraces(__dirname);

const opened: ServerConnection = process.argv.includes('--stdio')
  ? stdioConnection()
  : { connection: createConnection(ProposedFeatures.all), shuttingDown: () => undefined };
const connection = opened.connection;
const documents = new TextDocuments(TextDocument);
let session: Session | undefined;

/** The session, or the error LSP asks for when a request comes before `initialize` or after `shutdown`. */
function current(): Session {
  if (!session) throw new ResponseError(ErrorCodes.ServerNotInitialized, 'the server is not initialized');
  return session;
}

/** A request cancelled before its handler ran is answered as cancelled, as LSP asks. */
function cancelled(token: CancellationToken): ResponseError<void> | undefined {
  return token.isCancellationRequested ? new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled') : undefined;
}

connection.onInitialize((params): InitializeResult => {
  session = new Session(connection, documents, params);
  // The core (knowledge loading, the checker) is loaded, and the knowledge with it, while the client
  // handles this answer, so that the work `initialized` starts does not wait for them.
  setImmediate(() => setImmediate(() => session?.prepare()));
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      hoverProvider: true,
      completionProvider: { triggerCharacters: ['@', '['], resolveProvider: true },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      definitionProvider: true,
      referencesProvider: true,
      documentLinkProvider: { resolveProvider: false },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'policy-lens', version },
  };
});

// Knowledge is loaded after the handshake, so `initialize` is answered at once.
connection.onInitialized(() => {
  setImmediate(() => void session?.start());
});

connection.onShutdown(() => {
  opened.shuttingDown();
  session?.dispose();
  session = undefined;
});

connection.onDidChangeConfiguration((change) => session?.changeConfiguration(change.settings));
connection.onNotification(workspaceTrustedNotification, () => session?.grantTrust());
connection.onNotification(DidChangeWorkspaceFoldersNotification.type, ({ event }) => {
  const paths = (folders: { uri: string }[]): string[] => folders.map((f) => fileURLToPath(f.uri));
  void session?.changeWorkspaceFolders(paths(event.added), paths(event.removed));
});
connection.onDidChangeWatchedFiles((change) =>
  session?.watchedFilesChanged(change.changes.map((c) => fileURLToPath(c.uri))),
);

documents.onDidOpen((e) => session?.openDocument(e.document.uri));
documents.onDidChangeContent((e) => session?.schedule(e.document.uri));
documents.onDidClose((e) => session?.closeDocument(e.document.uri));

connection.onHover(async (params, token) => {
  const stop = cancelled(token);
  if (stop) return stop;
  const document = documents.get(params.textDocument.uri);
  return document ? current().hover(document, params.position) : null;
});

connection.onCompletion((params, token) => {
  const stop = cancelled(token);
  if (stop) return stop;
  const document = documents.get(params.textDocument.uri);
  return document ? current().languageService.completion(document, params.position) : null;
});

connection.onCompletionResolve((item) => current().languageService.resolveCompletion(item));

connection.onCodeAction((params) => {
  const document = documents.get(params.textDocument.uri);
  return document ? current().codeActions(document, params.context.diagnostics) : [];
});

connection.onRequest(ignoredFindingsRequest, (): IgnoredFindingsResult => current().ignoredFindings());

connection.onDefinition(async (params) => {
  await current().loaded();
  const document = documents.get(params.textDocument.uri);
  return document ? current().definition(document, params.position) : null;
});

connection.onReferences(async (params, token) => {
  const stop = cancelled(token);
  if (stop) return stop;
  await current().loaded();
  const document = documents.get(params.textDocument.uri);
  return document ? current().references(document, params.position, token) : [];
});

connection.onDocumentLinks(async (params) => {
  await current().loaded();
  const document = documents.get(params.textDocument.uri);
  return document ? current().languageService.documentLinks(document) : [];
});

connection.onRequest(listSourcesRequest, async (params: ListSourcesParams) => {
  await current().loaded();
  const document = params.uri ? documents.get(params.uri) : undefined;
  if (document) await current().updateDocumentSources(document);
  return current().languageService.listSources(document, params.position);
});

connection.onRequest(referencesEditRequest, async (params: DocumentParams) => {
  await current().loaded();
  const document = documents.get(params.uri);
  if (document) await current().updateDocumentSources(document);
  return document ? current().languageService.referencesEdit(document) : null;
});

connection.onRequest(exportBibliographyRequest, async (params: DocumentParams) => {
  await current().loaded();
  const document = documents.get(params.uri);
  return document ? current().languageService.exportBibliography(document) : [];
});

connection.onRequest(exportBibtexRequest, (params: DocumentParams) => {
  const document = documents.get(params.uri);
  return document ? current().languageService.exportBibtex(document) : '';
});

// Sent with params (a work-done token) or without: the cancellation token is always the last argument.
connection.onRequest(checkWorkspaceRequest, async (...args: unknown[]) => {
  const token = args[args.length - 1] as CancellationToken;
  const params = args.length > 1 ? (args[0] as CheckWorkspaceParams | null) : undefined;
  await current().loaded();
  return current().checkWorkspace(token, params?.workDoneToken);
});

documents.listen(connection);
connection.listen();
