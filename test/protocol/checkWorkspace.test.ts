/**
 * Check Workspace over the protocol: it runs in the background (a hover is answered while it
 * runs), reports work-done progress with a percentage and each memo's name, stops when cancelled
 * (by cancelling the request, or from the progress the server made), checks memos only (not the
 * reports of the sources folder) and counts only what the Problems view lists (not hints).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CancellationTokenSource,
  DidCloseTextDocumentNotification,
  LSPErrorCodes,
  WorkDoneProgressCancelNotification,
  type WorkDoneProgressBegin,
  type WorkDoneProgressEnd,
  type WorkDoneProgressReport,
} from 'vscode-languageserver-protocol/node';
import {
  checkWorkspaceRememberedNotification,
  type CheckWorkspaceRemembered,
  checkWorkspaceRequest,
  type CheckWorkspaceResult,
} from '../../server/src/common/protocol';
import { LspServer, makeTempDir } from '../load/lspClient';

const T = { timeout: 90000 };
const memoCount = 300;

type ProgressValue = WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd;
interface Progress {
  token: string | number;
  value: ProgressValue;
}

/** Polls `find` every 20 ms until it gives something, for up to `timeoutMs`. */
async function waitFor<T>(find: () => T | undefined, label: string, timeoutMs = 30000): Promise<T> {
  for (const started = Date.now(); Date.now() - started < timeoutMs;) {
    const found = find();
    if (found !== undefined) return found;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`timed out waiting for ${label}`);
}

/** A memo long enough that checking it takes a few slices. */
function memoText(i: number): string {
  const sentence = `Memo ${i} says the port handled ${i} ships in 2020 and cites [@nowhere${i}].`;
  return Array.from({ length: 8 }, () => sentence).join(' ') + '\n';
}

describe('Check Workspace in the background', T, () => {
  let root: string;
  let server: LspServer;
  /** Every `$/progress` the server sent (the connection hands them to no notification handler). */
  const progress: Progress[] = [];
  const open = (): string => pathToFileURL(join(root, 'open.md')).href;

  before(async () => {
    root = makeTempDir('check-workspace');
    mkdirSync(join(root, 'notes'));
    for (let i = 0; i < memoCount; i++) writeFileSync(join(root, 'notes', `memo-${i}.md`), memoText(i));
    server = new LspServer({ env: { ...process.env, XDG_CACHE_HOME: join(root, '.cache') } });
    // vscode-jsonrpc has this event; ProtocolConnection's types do not list it.
    const connection = server.connection as unknown as { onUnhandledProgress(handler: (p: Progress) => void): void };
    connection.onUnhandledProgress((p) => progress.push(p));
    await server.initialize({}, {}, [root], { workDoneProgress: true });
    await server.open(open(), 'The Open Memo cites [@kim2023].\n');
    await server.waitForDiagnostics((p) => p.uri === open(), 'the open memo checked', 30000);
  });

  after(async () => {
    await server?.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  /** The first value of kind `kind` reported on `token`, waiting for it. */
  const progressed = <K extends ProgressValue['kind']>(
    token: string | number,
    kind: K,
  ): Promise<Extract<ProgressValue, { kind: K }>> =>
    waitFor(
      () =>
        progress.find((p) => p.token === token && p.value.kind === kind)?.value as
          Extract<ProgressValue, { kind: K }> | undefined,
      `progress ${kind} on ${token}`,
    );

  const memosPublished = (since: number): number =>
    new Set(
      server.notifications
        .slice(since)
        .filter((n) => n.method === 'textDocument/publishDiagnostics')
        .map((n) => (n.params as { uri: string }).uri)
        .filter((uri) => uri.includes('/notes/memo-')),
    ).size;

  test("client's token: progress names each memo, a hover is answered meanwhile, cancel stops it", async () => {
    const since = server.notifications.length;
    const token = 'check-1';
    const cancel = new CancellationTokenSource();
    const running = server.connection.sendRequest(checkWorkspaceRequest, { workDoneToken: token }, cancel.token);
    const outcome = running.then(
      (result) => ({ result: result as CheckWorkspaceResult, error: undefined }),
      (error: { code?: number }) => ({ result: undefined, error }),
    );
    const report = await progressed(token, 'report');
    assert.equal(typeof report.percentage, 'number');
    assert.match(report.message ?? '', /^\d+\/\d+: (open|memo-\d+)\.md$/);
    const hover = await server.hover(open(), { line: 0, character: 25 });
    assert.ok(hover.result, 'the hover on the citation is answered');
    const endedBeforeHover = progress.some((p) => p.token === token && p.value.kind === 'end');
    assert.equal(endedBeforeHover, false, 'the hover was answered while the workspace was being checked');
    cancel.cancel();
    const { error } = await outcome;
    assert.equal(error?.code, LSPErrorCodes.RequestCancelled);
    await progressed(token, 'end');
    const checked = memosPublished(since);
    assert.ok(checked < memoCount, `stopped after ${checked} of ${memoCount} memos`);
    // Nothing more is published once it has stopped.
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(memosPublished(since), checked);
  });

  test('on a token the server makes: cancellable from the progress, with what was done', async () => {
    const requestsBefore = server.requests.length;
    const running = server.connection.sendRequest(checkWorkspaceRequest);
    const created = await new Promise<string | number>((resolve, reject) => {
      const started = Date.now();
      const look = (): void => {
        const request = server.requests
          .slice(requestsBefore)
          .find((r) => r.method === 'window/workDoneProgress/create');
        if (request) resolve((request.params as { token: string | number }).token);
        else if (Date.now() - started > 30000) reject(new Error('no window/workDoneProgress/create'));
        else setTimeout(look, 20);
      };
      look();
    });
    const begin = await progressed(created, 'begin');
    assert.equal(begin.cancellable, true);
    assert.equal(begin.percentage, 0);
    await progressed(created, 'report');
    await server.connection.sendNotification(WorkDoneProgressCancelNotification.type, { token: created });
    const result = (await running) as CheckWorkspaceResult;
    assert.equal(result.cancelled, true);
    assert.ok(result.files > 0 && result.files < memoCount + 1, `${result.files} memos checked`);
  });
});

describe('Check Workspace counts memos and listed findings only', T, () => {
  let root: string;
  let server: LspServer;

  before(async () => {
    root = makeTempDir('check-workspace-count');
    mkdirSync(join(root, 'sources'));
    writeFileSync(join(root, 'a.md'), 'A cites [@nowhere2001].\n');
    writeFileSync(join(root, 'b.md'), 'B cites [@nowhere2002] and [@nowhere2003].\n');
    // A report in the sources folder, open in the editor too: a source, not a memo.
    writeFileSync(join(root, 'sources', 'report.md'), 'Notes\n\nA report that cites [@nowhere2004].\n');
    server = new LspServer({ env: { ...process.env, XDG_CACHE_HOME: join(root, '.cache') } });
    await server.initialize({}, {}, [root]);
  });

  after(async () => {
    await server?.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  test('errors counted, hints not; the sources folder is not checked', async () => {
    const report = pathToFileURL(join(root, 'sources', 'report.md')).href;
    await server.open(report, 'Notes\n\nA report that cites [@nowhere2004].\n');
    const asErrors = (await server.connection.sendRequest(checkWorkspaceRequest)) as CheckWorkspaceResult;
    assert.deepEqual(asErrors, { files: 2, problems: 3 });
    await server.connection.sendNotification('workspace/didChangeConfiguration', {
      settings: { policyLens: { checks: { unknownCitation: 'hint' } } },
    });
    const asHints = (await server.connection.sendRequest(checkWorkspaceRequest)) as CheckWorkspaceResult;
    assert.deepEqual(asHints, { files: 2, problems: 0 });
    const hints = server.diagnostics.filter((p) => p.uri.endsWith('/b.md')).at(-1)!.diagnostics;
    assert.deepEqual(
      hints.map((d) => d.severity),
      [4, 4],
    );
  });
});

describe('Check Workspace run before finds its findings again when the server starts', T, () => {
  let root: string;
  const servers: LspServer[] = [];
  const closedMemo = (): string => pathToFileURL(join(root, 'closed.md')).href;
  const openMemo = (): string => pathToFileURL(join(root, 'open.md')).href;

  before(() => {
    root = makeTempDir('check-workspace-start');
    writeFileSync(join(root, 'closed.md'), 'The closed memo cites [@nowhere2005].\n');
  });

  after(async () => {
    for (const server of servers) await server.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  /** A server started as the client starts it; the open memo checked. */
  async function started(checkWorkspace: boolean): Promise<LspServer> {
    const server = new LspServer({ env: { ...process.env, XDG_CACHE_HOME: join(root, '.cache') } });
    servers.push(server);
    await server.initialize({ checkWorkspace }, {}, [root], { workDoneProgress: true });
    await server.open(openMemo(), 'The open memo cites [@nowhere2006].\n');
    await server.waitForDiagnostics((p) => p.uri === openMemo(), 'the open memo checked', 30000);
    return server;
  }

  test('the closed memo is checked again in the background, after the open one, with progress', async () => {
    const server = await started(true);
    const closed = await server.waitForDiagnostics((p) => p.uri === closedMemo(), 'the closed memo', 30000);
    assert.deepEqual(
      closed.diagnostics.map((d) => d.code),
      ['unknown-citation'],
    );
    const publishedFirst = server.diagnostics.findIndex((p) => p.uri === openMemo());
    assert.ok(publishedFirst < server.diagnostics.indexOf(closed), 'the open memo published first');
    assert.ok(
      server.requests.some((r) => r.method === 'window/workDoneProgress/create'),
      'progress shown',
    );
    // The open memo has its own check: the re-run publishes nothing for it.
    assert.equal(server.diagnostics.filter((p) => p.uri === openMemo()).length, 1);
    const logged = (n: { method: string; params?: unknown }): boolean =>
      n.method === 'window/logMessage' &&
      /Check Workspace, run here before, ran again on start: 1 memo\(s\) not open, 1 finding/.test(
        (n.params as { message: string }).message,
      );
    await server.waitForNotification(logged, 'the log line of the re-run', 10000);
  });

  test('never run before: closed memos are not checked', async () => {
    const server = await started(false);
    await new Promise((r) => setTimeout(r, 1000));
    assert.equal(server.diagnostics.filter((p) => p.uri === closedMemo()).length, 0);
  });
});

describe('Check Workspace findings of a memo closed in the editor', T, () => {
  let root: string;
  let server: LspServer;
  const memo = (name: string): string => pathToFileURL(join(root, name)).href;
  const codesOf = (p: { diagnostics: { code?: unknown }[] }): unknown[] => p.diagnostics.map((d) => d.code);

  before(async () => {
    root = makeTempDir('check-workspace-close');
    mkdirSync(join(root, 'sources'));
    writeFileSync(join(root, 'saved.md'), 'The saved memo cites [@nowhere2007].\n');
    writeFileSync(join(root, 'sources', 'report.md'), 'Notes\n\nA report that cites [@nowhere2008].\n');
    server = new LspServer({ env: { ...process.env, XDG_CACHE_HOME: join(root, '.cache') } });
    await server.initialize({}, {}, [root]);
  });

  after(async () => {
    await server?.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  const close = (uri: string): Promise<void> =>
    server.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });

  test('before Check Workspace, closing a memo clears its findings', async () => {
    await server.open(memo('saved.md'), 'Edited, unsaved: cites [@nowhere2009].\n');
    await server.waitForDiagnostics((p) => p.uri === memo('saved.md'), 'the open memo checked', 30000);
    const since = server.notifications.length;
    await close(memo('saved.md'));
    const cleared = await server.waitForDiagnostics((p) => p.uri === memo('saved.md'), 'cleared', 10000, since);
    assert.deepEqual(cleared.diagnostics, []);
  });

  test('after it, a closed memo falls back to its file on disk; a report or a file elsewhere is cleared', async () => {
    const result = (await server.connection.sendRequest(checkWorkspaceRequest)) as CheckWorkspaceResult;
    assert.equal(result.files, 1);
    // Opened and edited (unsaved): its findings are the editor's text's, then the file's once closed.
    const reopened = server.notifications.length;
    await server.open(memo('saved.md'), 'Edited, unsaved: cites [@nowhere2009] and [@nowhere2010].\n');
    const open = await server.waitForDiagnostics((p) => p.uri === memo('saved.md'), 'the open memo', 30000, reopened);
    assert.deepEqual(codesOf(open), ['unknown-citation', 'unknown-citation']);
    const since = server.notifications.length;
    await close(memo('saved.md'));
    const closed = await server.waitForDiagnostics((p) => p.uri === memo('saved.md'), 'the closed memo', 30000, since);
    assert.deepEqual(codesOf(closed), ['unknown-citation'], 'the file on disk cites one unknown key');
    assert.match(String(closed.diagnostics[0].message), /nowhere2007/);
    // A report of the sources folder is no memo: closing it clears it, as before.
    const report = pathToFileURL(join(root, 'sources', 'report.md')).href;
    await server.open(report, 'Notes\n\nA report that cites [@nowhere2008].\n');
    await server.waitForDiagnostics((p) => p.uri === report, 'the report checked', 30000);
    const beforeReport = server.notifications.length;
    await close(report);
    const reportClosed = await server.waitForDiagnostics((p) => p.uri === report, 'report', 10000, beforeReport);
    assert.deepEqual(reportClosed.diagnostics, []);
  });
});

describe('A memo closed while Check Workspace runs', T, () => {
  let root: string;
  let server: LspServer;
  const saved = (): string => pathToFileURL(join(root, 'saved.md')).href;

  before(async () => {
    root = makeTempDir('check-workspace-close-during');
    mkdirSync(join(root, 'notes'));
    for (let i = 0; i < memoCount; i++) writeFileSync(join(root, 'notes', `memo-${i}.md`), memoText(i));
    writeFileSync(join(root, 'saved.md'), 'The saved memo cites [@nowhere2007].\n');
    server = new LspServer({ env: { ...process.env, XDG_CACHE_HOME: join(root, '.cache') } });
    await server.initialize({}, {}, [root], { workDoneProgress: true });
  });

  after(async () => {
    await server?.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  test('keeps the findings of its file on disk (before, they were cleared)', async () => {
    await server.open(saved(), 'Edited, unsaved: cites [@nowhere2009] and [@nowhere2010].\n');
    await server.waitForDiagnostics((p) => p.uri === saved(), 'the open memo checked', 30000);
    const run = server.connection.sendRequest(checkWorkspaceRequest, { workDoneToken: 'close-during' });
    // Closed once the run has checked the open memo and gone on to the files (one of them published).
    const started = server.notifications.length;
    await server.waitForDiagnostics((p) => p.uri.includes('/notes/memo-'), 'the run under way', 30000, started);
    const since = server.notifications.length;
    await server.connection.sendNotification(DidCloseTextDocumentNotification.type, {
      textDocument: { uri: saved() },
    });
    const result = (await run) as CheckWorkspaceResult;
    assert.equal(result.files, memoCount + 1, 'the run went on to the end after the close');
    const published = server.notifications
      .slice(since)
      .filter((n) => n.method === 'textDocument/publishDiagnostics')
      .map((n) => n.params as { uri: string; diagnostics: { code?: unknown; message: string }[] })
      .filter((p) => p.uri === saved());
    assert.ok(published.length > 0, 'something was published for the closed memo');
    const last = published[published.length - 1];
    assert.deepEqual(
      last.diagnostics.map((d) => d.code),
      ['unknown-citation'],
      'the file on disk cites one unknown key',
    );
    assert.match(String(last.diagnostics[0].message), /nowhere2007/);
  });
});

describe('Cancelling the re-run of Check Workspace on start', T, () => {
  let root: string;
  let server: LspServer;

  before(async () => {
    root = makeTempDir('check-workspace-rerun-cancel');
    mkdirSync(join(root, 'notes'));
    for (let i = 0; i < memoCount; i++) writeFileSync(join(root, 'notes', `memo-${i}.md`), memoText(i));
    server = new LspServer({ env: { ...process.env, XDG_CACHE_HOME: join(root, '.cache') } });
    await server.initialize({ checkWorkspace: true }, {}, [root], { workDoneProgress: true });
  });

  after(async () => {
    await server?.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  const remembered = (since: number): Promise<boolean> =>
    server
      .waitForNotification(
        (n) =>
          n.method === checkWorkspaceRememberedNotification && {
            value: (n.params as CheckWorkspaceRemembered).remembered,
          },
        'policyLens/checkWorkspaceRemembered',
        60000,
        since,
      )
      .then((hit) => hit.value);

  test('is not remembered for the next start, and a Check Workspace run afterwards is not refused', async () => {
    const created = await waitFor(
      () => server.requests.find((r) => r.method === 'window/workDoneProgress/create'),
      'the re-run on start shows progress',
    );
    const since = server.notifications.length;
    const token = (created.params as { token: string | number }).token;
    await server.connection.sendNotification(WorkDoneProgressCancelNotification.type, { token });
    assert.equal(await remembered(since), false, 'the client is told not to run it on the next start');
    const afterCancel = server.notifications.length;
    const result = (await server.connection.sendRequest(checkWorkspaceRequest, {
      workDoneToken: 'after-cancel',
    })) as CheckWorkspaceResult;
    assert.equal(result.cancelled, undefined);
    assert.equal(result.files, memoCount);
    assert.equal(await remembered(afterCancel), true, 'run to the end: remembered again');
  });
});
