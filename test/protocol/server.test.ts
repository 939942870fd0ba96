/**
 * Black-box protocol tests for the language server (dist/server.js): a real LSP client talks to
 * `node dist/server.js --stdio` over stdin/stdout, the way an editor does.
 *
 * The bundled knowledge base is always loaded by the server; on top of it the tests pass the small
 * test knowledge base (test/unit/helpers.ts, written to a temp folder) through initializationOptions.
 * Assertions are chosen to hold whatever the bundled knowledge contains (its glossary may share ids
 * with the test knowledge; duplicates are reported and skipped).
 *
 * Run `npm run build` first; paths are resolved from process.cwd() (the repository root).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  type CodeAction,
  CodeActionKind,
  CodeActionRequest,
  Command,
  type CompletionItem,
  type CompletionList,
  CompletionRequest,
  createProtocolConnection,
  type Diagnostic,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  type Hover,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  type InitializeResult,
  type MarkupContent,
  type Position,
  type ProtocolConnection,
  PublishDiagnosticsNotification,
  type PublishDiagnosticsParams,
  type Range,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocumentSyncKind,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { writeTestKnowledge } from '../unit/helpers';

const ROOT = process.cwd();
const SERVER = join(ROOT, 'dist', 'server.js');
const T = { timeout: 20000 };
/** How long to wait for one notification before failing with a readable message (a guard, not a timing assertion). */
const WAIT_MS = 15000;

// ---------------------------------------------------------------------------------------------
// Helpers

function makeTempDir(label: string): string {
  return realpathSync(mkdtempSync(join(tmpdir(), `policy-lens-${label}-`)));
}

/** Offset → LSP position (0-based line, UTF-16 character), for "\n" line breaks. */
function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

function offsetAt(text: string, position: Position): number {
  const lines = text.split('\n');
  let offset = 0;
  for (let i = 0; i < position.line; i++) offset += lines[i].length + 1;
  return offset + position.character;
}

function textAt(text: string, range: Range): string {
  return text.slice(offsetAt(text, range.start), offsetAt(text, range.end));
}

function rangeOf(text: string, needle: string, from = 0): Range {
  const at = text.indexOf(needle, from);
  assert.ok(at >= 0, `"${needle}" is in the text`);
  return { start: positionAt(text, at), end: positionAt(text, at + needle.length) };
}

function applyEdit(text: string, range: Range, newText: string): string {
  return text.slice(0, offsetAt(text, range.start)) + newText + text.slice(offsetAt(text, range.end));
}

function markupValue(hover: Hover | null): string {
  assert.ok(hover, 'hover returned something');
  const c = hover.contents;
  if (typeof c === 'string') return c;
  if (Array.isArray(c)) return c.map((p) => (typeof p === 'string' ? p : p.value)).join('\n');
  return (c as MarkupContent).value;
}

function completionItems(result: CompletionItem[] | CompletionList | null): CompletionItem[] {
  if (!result) return [];
  return Array.isArray(result) ? result : result.items;
}

interface Waiter {
  predicate: (p: PublishDiagnosticsParams) => boolean;
  resolve: (p: PublishDiagnosticsParams) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
}

/** A running server with a protocol connection; records every publishDiagnostics. */
class ServerSession {
  readonly child: ChildProcessWithoutNullStreams;
  readonly connection: ProtocolConnection;
  readonly published: PublishDiagnosticsParams[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr = '';
  private exitInfo: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  private waiters: Waiter[] = [];

  constructor() {
    assert.ok(existsSync(SERVER), `${SERVER} exists (run npm run build first)`);
    this.child = spawn(process.execPath, [SERVER, '--stdio'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr.setEncoding('utf8');
    this.child.stderr.on('data', (chunk: string) => (this.stderr += chunk));
    // A server that dies must not take the test runner with it through EPIPE.
    this.child.stdin.on('error', () => undefined);
    this.exited = new Promise((resolve) => {
      this.child.on('exit', (code, signal) => {
        this.exitInfo = { code, signal };
        for (const w of this.waiters.splice(0)) {
          clearTimeout(w.timer);
          w.reject(
            new Error(
              `server exited (code ${code}, signal ${signal}) while waiting for diagnostics; stderr:\n${this.stderr}`,
            ),
          );
        }
        resolve({ code, signal });
      });
    });
    this.connection = createProtocolConnection(
      new StreamMessageReader(this.child.stdout),
      new StreamMessageWriter(this.child.stdin),
    );
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.push(params);
      for (const w of [...this.waiters]) {
        if (w.predicate(params)) {
          clearTimeout(w.timer);
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(params);
        }
      }
    });
    this.connection.listen();
  }

  async initialize(initializationOptions: unknown, workspaceFolder?: string): Promise<InitializeResult> {
    const workspaceUri = workspaceFolder ? pathToFileURL(workspaceFolder).href : null;
    const result = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: workspaceUri,
      workspaceFolders: workspaceUri ? [{ uri: workspaceUri, name: 'workspace' }] : null,
      capabilities: {
        textDocument: {
          publishDiagnostics: { versionSupport: true, relatedInformation: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          completion: { completionItem: { snippetSupport: false } },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: [CodeActionKind.QuickFix] } } },
          synchronization: { dynamicRegistration: false },
        },
      },
      initializationOptions,
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return result;
  }

  /**
   * The first publishDiagnostics (already received at index >= `since`, or still to come) that
   * matches `predicate`.
   */
  waitFor(
    predicate: (p: PublishDiagnosticsParams) => boolean,
    label: string,
    since = 0,
  ): Promise<PublishDiagnosticsParams> {
    const earlier = this.published.slice(since).find(predicate);
    if (earlier) return Promise.resolve(earlier);
    if (this.exitInfo) return Promise.reject(new Error(`server already exited while waiting for ${label}`));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.timer !== timer);
        const seen = this.published
          .map((p) => `${p.uri} v${p.version}: ${p.diagnostics.map((d) => d.code).join(', ')}`)
          .join('\n  ');
        reject(new Error(`no publishDiagnostics for ${label}; received:\n  ${seen}\nstderr:\n${this.stderr}`));
      }, WAIT_MS);
      this.waiters.push({ predicate, resolve, reject, timer });
    });
  }

  async dispose(): Promise<void> {
    for (const w of this.waiters.splice(0)) clearTimeout(w.timer);
    this.connection.dispose();
    if (!this.exitInfo) {
      this.child.kill();
      await this.exited;
    }
  }
}

function open(session: ServerSession, uri: string, text: string, version = 1, languageId = 'markdown'): Promise<void> {
  return session.connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId, version, text },
  });
}

const contradictionSentence = "Nearly 90% of Korea's total exports go to the Indo-Pacific.";

function isContradiction(d: Diagnostic): boolean {
  return d.code === 'contradiction' && d.source === 'policy-lens';
}

// ---------------------------------------------------------------------------------------------
// A full editing session

describe('language server over stdio: a memo editing session', () => {
  let dir: string;
  let session: ServerSession;
  let memoUri: string;
  let memo = ['# Memo', '', contradictionSentence, '', 'The OEWG continues to discuss capacity building.', ''].join(
    '\n',
  );
  let initializeResult: InitializeResult;
  let contradiction: Diagnostic | undefined;

  before(async () => {
    dir = makeTempDir('protocol');
    writeTestKnowledge(join(dir, 'kb'));
    memoUri = pathToFileURL(join(dir, 'memo.md')).href;
    session = new ServerSession();
    initializeResult = await session.initialize({ settings: { knowledge: { folders: [join(dir, 'kb')] } } });
  });

  after(async () => {
    await session?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('initialize announces incremental sync, hover, completion on "@" and quick-fix code actions', T, () => {
    const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    assert.deepEqual(initializeResult.serverInfo, { name: 'policy-lens', version: packageJson.version });
    const caps = initializeResult.capabilities;
    const sync = caps.textDocumentSync;
    const change = typeof sync === 'number' ? sync : sync?.change;
    assert.equal(change, TextDocumentSyncKind.Incremental, 'incremental text sync');
    if (typeof sync === 'object') assert.notEqual(sync.openClose, false, 'open/close notifications are wanted');
    assert.ok(caps.hoverProvider, 'hover provider');
    assert.ok(caps.completionProvider, 'completion provider');
    assert.ok(
      caps.completionProvider.triggerCharacters?.includes('@'),
      `'@' triggers completion: ${JSON.stringify(caps.completionProvider)}`,
    );
    assert.ok(caps.codeActionProvider, 'code action provider');
    if (typeof caps.codeActionProvider === 'object' && caps.codeActionProvider.codeActionKinds) {
      assert.ok(caps.codeActionProvider.codeActionKinds.includes(CodeActionKind.QuickFix), 'quick fixes');
    }
  });

  test(
    'didOpen publishes a contradiction warning on "Nearly 90%" with its source and the sourced value',
    T,
    async () => {
      await open(session, memoUri, memo, 1);
      const published = await session.waitFor(
        (p) => p.uri === memoUri && p.diagnostics.some(isContradiction),
        'the contradiction in memo.md',
      );
      if (published.version !== undefined && published.version !== null) {
        assert.equal(published.version, 1, 'diagnostics for version 1');
      }
      const found = published.diagnostics.filter(isContradiction);
      contradiction = found.find((d) => textAt(memo, d.range) === 'Nearly 90%');
      assert.ok(contradiction, `a contradiction covers exactly "Nearly 90%": ${JSON.stringify(found)}`);
      const d = contradiction;
      // 0-based: third line of the memo, first column.
      assert.deepEqual(d.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 10 } });
      assert.equal(typeof d.severity, 'number');
      assert.equal(d.severity, 2, 'contradictions are warnings by default');
      assert.equal(d.source, 'policy-lens');
      const data = d.data as Record<string, unknown>;
      assert.ok(data && typeof data === 'object', 'diagnostic carries data');
      for (const field of ['source', 'claimId', 'locator', 'sourcedValue']) {
        assert.equal(typeof data[field], 'string', `data.${field} is a string: ${JSON.stringify(data)}`);
      }
      assert.equal(typeof d.message, 'string', 'a plain-text message');
      const message = d.message as string;
      assert.ok(message.includes(data.source as string), `message names the source ${data.source}: ${message}`);
      assert.ok(
        message.toLowerCase().includes((data.sourcedValue as string).toLowerCase()),
        `message gives the sourced value ${data.sourcedValue}: ${message}`,
      );
      assert.match(data.sourcedValue as string, /78\s*%/, 'both knowledge bases put the share at 78%');
      assert.ok(!message.includes('[object'), 'message is readable text');
      // It explains itself: its docs page, installed with the server, and the claim it rests on.
      const page = fileURLToPath(d.codeDescription?.href ?? 'file:///none');
      assert.ok(page.endsWith(join('docs', 'checks', 'contradiction.md')) && existsSync(page), page);
      const evidence = d.relatedInformation?.[0];
      assert.ok(evidence, 'related information');
      const claimLine = readFileSync(fileURLToPath(evidence.location.uri), 'utf8').split(/\r?\n/)[
        evidence.location.range.start.line
      ];
      assert.match(claimLine, /id:/, `the claim's line: ${claimLine}`);
      assert.ok(evidence.message.includes(data.source as string), evidence.message);
    },
  );

  test('hover on "OEWG" shows its expansion', T, async () => {
    const at = memo.indexOf('OEWG') + 2;
    const hover = await session.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: memoUri },
      position: positionAt(memo, at),
    });
    assert.ok(markupValue(hover).includes('Open-Ended Working Group'), markupValue(hover));
    if (hover?.range) assert.equal(textAt(memo, hover.range), 'OEWG', 'the hover range is the term');
  });

  test('hover on the contradicted figure says what the source says', T, async () => {
    assert.ok(contradiction, 'the contradiction was published (earlier test)');
    const data = contradiction.data as { source: string; sourcedValue: string };
    const hover = await session.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: memoUri },
      position: positionAt(memo, memo.indexOf('90%')),
    });
    const value = markupValue(hover);
    assert.ok(value.includes(data.source), `names ${data.source}: ${value}`);
    assert.ok(value.includes(data.sourcedValue), `gives ${data.sourcedValue}: ${value}`);
  });

  test('hover on plain text far from any term or finding returns null', T, async () => {
    const hover = await session.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: memoUri },
      position: { line: 1, character: 0 },
    });
    assert.equal(hover, null);
  });

  test('hover and completion on a document that was never opened answer null, not an error', T, async () => {
    const uri = pathToFileURL(join(dir, 'never-opened.md')).href;
    assert.equal(
      await session.connection.sendRequest(HoverRequest.type, {
        textDocument: { uri },
        position: { line: 0, character: 0 },
      }),
      null,
    );
    const completion = await session.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: { line: 0, character: 0 },
    });
    assert.deepEqual(completionItems(completion), []);
  });

  test('completion inside "[@" lists the user folder\'s sources, the ones the sentence is about first', T, async () => {
    const uri = pathToFileURL(join(dir, 'completion.md')).href;
    const text = "About 78% of Korea's exports go to the Indo-Pacific [@";
    await open(session, uri, text, 1);
    const position = positionAt(text, text.length);
    const result = await session.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
    const items = completionItems(result);
    const labels = items.map((i) => i.label);
    assert.ok(labels.includes('alpha2023'), `alpha2023 offered: ${labels.join(', ')}`);
    assert.ok(labels.includes('beta2022'), `beta2022 offered: ${labels.join(', ')}`);
    const alpha = items.find((i) => i.label === 'alpha2023')!;
    const beta = items.find((i) => i.label === 'beta2022')!;
    // The edit inserts the key right after "@".
    const edit = alpha.textEdit as TextEdit | undefined;
    if (edit) {
      assert.equal(edit.newText, 'alpha2023');
      assert.deepEqual(edit.range, { start: position, end: position });
    } else {
      assert.equal(alpha.insertText ?? alpha.label, 'alpha2023');
    }
    const order = (i: CompletionItem): string => i.sortText ?? i.label;
    assert.ok(
      order(alpha) < order(beta),
      `alpha2023 (about Korea's exports) ranks above beta2022: ${order(alpha)} vs ${order(beta)}`,
    );
  });

  test('completion after a partly typed key replaces what was typed', T, async () => {
    const uri = pathToFileURL(join(dir, 'completion-partial.md')).href;
    const text = 'Open RAN is discussed [@be';
    await open(session, uri, text, 1);
    const position = positionAt(text, text.length);
    const items = completionItems(
      await session.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position }),
    );
    const beta = items.find((i) => i.label === 'beta2022');
    assert.ok(beta, `beta2022 offered: ${items.map((i) => i.label).join(', ')}`);
    const edit = beta.textEdit as TextEdit;
    assert.ok(edit && 'range' in edit, 'a text edit with a range');
    assert.deepEqual(edit.range, { start: { line: 0, character: text.length - 2 }, end: position }, 'replaces "be"');
    assert.equal(applyEdit(text, edit.range, edit.newText), 'Open RAN is discussed [@beta2022');
  });

  test('no completion outside a citation', T, async () => {
    const uri = pathToFileURL(join(dir, 'completion-none.md')).href;
    const text = 'Plain words and an e-mail like someone@example';
    await open(session, uri, text, 1);
    for (const offset of [5, text.length]) {
      const items = completionItems(
        await session.connection.sendRequest(CompletionRequest.type, {
          textDocument: { uri },
          position: positionAt(text, offset),
        }),
      );
      assert.deepEqual(
        items.map((i) => i.label),
        [],
        `no citation completion at offset ${offset}`,
      );
    }
  });

  test(
    'codeAction for the contradiction returns a quick fix whose WorkspaceEdit replaces the range with the ' +
      'sourced value',
    T,
    async () => {
      assert.ok(contradiction, 'the contradiction was published (previous test)');
      const d = contradiction;
      const result = await session.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri: memoUri },
        range: d.range,
        context: { diagnostics: [d] },
      });
      assert.ok(Array.isArray(result), 'an array of actions');
      const actions = result.filter((a): a is CodeAction => !Command.is(a));
      assert.ok(actions.length > 0, `at least one code action: ${JSON.stringify(result)}`);
      const fix = actions.find((a) => a.edit !== undefined);
      assert.ok(fix, `an action with an edit: ${JSON.stringify(actions)}`);
      assert.equal(fix.kind, CodeActionKind.QuickFix);
      const data = d.data as { sourcedValue: string };
      let edits: TextEdit[] = [];
      if (fix.edit?.changes) edits = fix.edit.changes[memoUri] ?? [];
      else if (fix.edit?.documentChanges) {
        for (const change of fix.edit.documentChanges) {
          if ('textDocument' in change && change.textDocument.uri === memoUri) {
            edits.push(...(change.edits as TextEdit[]));
          }
        }
      }
      assert.equal(edits.length, 1, `one edit on memo.md: ${JSON.stringify(fix.edit)}`);
      assert.deepEqual(edits[0].range, d.range, 'replaces exactly the contradicted span');
      assert.equal(edits[0].newText, data.sourcedValue);
      assert.ok(fix.title.includes(data.sourcedValue), `title names the replacement: ${fix.title}`);
    },
  );

  test('codeAction with no diagnostics in the context returns no actions', T, async () => {
    const result = await session.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: memoUri },
      range: { start: { line: 2, character: 0 }, end: { line: 2, character: 10 } },
      context: { diagnostics: [] },
    });
    assert.deepEqual(result ?? [], []);
  });

  test(
    'incremental didChange that fixes the figure: the next diagnostics for the new version have no contradiction',
    T,
    async () => {
      const range = rangeOf(memo, 'Nearly 90%');
      const since = session.published.length;
      await session.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri: memoUri, version: 2 },
        contentChanges: [{ range, text: 'About 78%' }],
      });
      memo = applyEdit(memo, range, 'About 78%');
      const published = await session.waitFor((p) => p.uri === memoUri && p.version === 2, 'memo.md version 2', since);
      const left = published.diagnostics.filter(isContradiction);
      assert.deepEqual(left, [], `no contradiction left after the fix: ${JSON.stringify(left)}`);
      for (const d of published.diagnostics) {
        assert.ok(offsetAt(memo, d.range.end) <= memo.length, `diagnostic ${d.code} lies inside the edited text`);
      }
    },
  );

  test(
    'incremental edits are applied at the right place: inserting a line moves the OEWG diagnostics and hover down',
    T,
    async () => {
      const since = session.published.length;
      const insertAt: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      await session.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri: memoUri, version: 3 },
        contentChanges: [{ range: insertAt, text: 'Draft.\n' }],
      });
      memo = applyEdit(memo, insertAt, 'Draft.\n');
      const published = await session.waitFor((p) => p.uri === memoUri && p.version === 3, 'memo.md version 3', since);
      assert.deepEqual(published.diagnostics.filter(isContradiction), [], 'still fixed');
      for (const d of published.diagnostics) {
        if (d.code === 'undefined-acronym') {
          assert.equal(textAt(memo, d.range), 'OEWG', 'the acronym diagnostic follows the text');
        }
      }
      const oewg = memo.indexOf('OEWG');
      assert.equal(positionAt(memo, oewg).line, 5);
      const hover = await session.connection.sendRequest(HoverRequest.type, {
        textDocument: { uri: memoUri },
        position: positionAt(memo, oewg + 1),
      });
      assert.ok(markupValue(hover).includes('Open-Ended Working Group'));
      if (hover?.range) assert.deepEqual(hover.range, rangeOf(memo, 'OEWG'));
    },
  );

  test('an edit that brings the wrong figure back brings the contradiction back', T, async () => {
    const since = session.published.length;
    const range = rangeOf(memo, 'About 78%');
    await session.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: memoUri, version: 4 },
      contentChanges: [{ range, text: 'Nearly 90%' }],
    });
    memo = applyEdit(memo, range, 'Nearly 90%');
    const published = await session.waitFor((p) => p.uri === memoUri && p.version === 4, 'memo.md version 4', since);
    const found = published.diagnostics.filter(isContradiction);
    assert.ok(found.length > 0, 'contradiction is back');
    assert.ok(
      found.some((d) => textAt(memo, d.range) === 'Nearly 90%' && d.range.start.line === 3),
      JSON.stringify(found),
    );
  });

  test('a document in a language the server does not check gets empty diagnostics', T, async () => {
    const uri = pathToFileURL(join(dir, 'data.json')).href;
    await open(session, uri, `{ "note": "${contradictionSentence}" }`, 1, 'json');
    const published = await session.waitFor((p) => p.uri === uri, 'data.json');
    assert.deepEqual(published.diagnostics, []);
  });

  test('a plaintext document is checked like Markdown', T, async () => {
    const uri = pathToFileURL(join(dir, 'notes.txt')).href;
    await open(session, uri, `Notes.\n${contradictionSentence}\n`, 1, 'plaintext');
    const published = await session.waitFor((p) => p.uri === uri && p.diagnostics.some(isContradiction), 'notes.txt');
    const d = published.diagnostics.find(isContradiction)!;
    assert.deepEqual(d.range.start, { line: 1, character: 0 });
  });

  test('didClose clears the diagnostics of the closed document', T, async () => {
    const since = session.published.length;
    await session.connection.sendNotification(DidCloseTextDocumentNotification.type, {
      textDocument: { uri: memoUri },
    });
    const published = await session.waitFor((p) => p.uri === memoUri, 'memo.md after close', since);
    assert.deepEqual(published.diagnostics, []);
  });

  test('shutdown then exit: the server answers shutdown and exits with code 0', T, async () => {
    const result = await session.connection.sendRequest(ShutdownRequest.type);
    assert.equal(result ?? null, null);
    await session.connection.sendNotification(ExitNotification.type);
    const { code, signal } = await session.exited;
    assert.equal(signal, null, `no signal; stderr:\n${session.stderr}`);
    assert.equal(code, 0, `exit code 0; stderr:\n${session.stderr}`);
  });
});

// ---------------------------------------------------------------------------------------------
// A user knowledge folder with a broken file

describe('language server over stdio: a knowledge folder with a malformed YAML file', () => {
  let dir: string;
  let session: ServerSession;
  let brokenUri: string;

  before(async () => {
    dir = makeTempDir('protocol-broken');
    const kb = join(dir, 'kb');
    writeTestKnowledge(kb);
    // Line 5 (0-based 4) holds a nested mapping in a compact mapping: a YAML syntax error at "fine".
    writeFileSync(
      join(kb, 'glossary-extra.yaml'),
      ['terms:', '  - id: extra-one', '    term: Extra One', '    kind: concept', '    definition: fine: no', ''].join(
        '\n',
      ),
    );
    brokenUri = pathToFileURL(join(kb, 'glossary-extra.yaml')).href;
    session = new ServerSession();
    await session.initialize({ settings: { knowledge: { folders: [kb] } } });
  });

  after(async () => {
    await session?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('publishes an error diagnostic on the broken file at the line and column of the error', T, async () => {
    const published = await session.waitFor(
      (p) => p.uri === brokenUri && p.diagnostics.length > 0,
      'glossary-extra.yaml',
    );
    assert.equal(published.diagnostics.length, 1, JSON.stringify(published.diagnostics));
    const d = published.diagnostics[0];
    assert.equal(d.severity, 1, 'an error');
    assert.equal(d.source, 'policy-lens');
    assert.equal(d.range.start.line, 4, `0-based line of "definition: fine: no": ${JSON.stringify(d.range)}`);
    assert.equal(d.range.start.character, 16, `0-based column of "fine": ${JSON.stringify(d.range)}`);
    assert.ok(typeof d.message === 'string' && d.message.length > 0);
    assert.match(String(d.code), /syntax/);
    const page = fileURLToPath(d.codeDescription?.href ?? 'file:///none');
    assert.ok(page.endsWith(join('docs', 'checks', 'knowledge-file.md')) && existsSync(page), page);
  });

  test(
    'the good files of the same folder still load and the server still answers hover and completion',
    T,
    async () => {
      const uri = pathToFileURL(join(dir, 'memo.md')).href;
      const text = `${contradictionSentence}\n\nThe OEWG met [@`;
      await open(session, uri, text, 1);
      const published = await session.waitFor((p) => p.uri === uri, 'memo.md');
      assert.ok(published.diagnostics.some(isContradiction), 'claims from the good files are checked');
      const hover = await session.connection.sendRequest(HoverRequest.type, {
        textDocument: { uri },
        position: positionAt(text, text.indexOf('OEWG') + 1),
      });
      assert.ok(markupValue(hover).includes('Open-Ended Working Group'));
      const items = completionItems(
        await session.connection.sendRequest(CompletionRequest.type, {
          textDocument: { uri },
          position: positionAt(text, text.length),
        }),
      );
      const labels = items.map((i) => i.label);
      assert.ok(labels.includes('alpha2023') && labels.includes('beta2022'), labels.join(', '));
      assert.equal(session.child.exitCode, null, 'the server is still running');
    },
  );

  test("after a configuration change to a good folder the broken file's diagnostics are cleared", T, async () => {
    const good = join(dir, 'good');
    writeTestKnowledge(good);
    const since = session.published.length;
    await session.connection.sendNotification(DidChangeConfigurationNotification.type, {
      settings: { policyLens: { knowledge: { folders: [good] } } },
    });
    const cleared = await session.waitFor((p) => p.uri === brokenUri, 'glossary-extra.yaml after the change', since);
    assert.deepEqual(cleared.diagnostics, []);
  });
});

// ---------------------------------------------------------------------------------------------
// A knowledge folder given relative to the workspace

describe('language server over stdio: a relative knowledge folder is resolved against the workspace folder', () => {
  let dir: string;
  let session: ServerSession;

  before(async () => {
    dir = makeTempDir('protocol-relative');
    writeTestKnowledge(join(dir, 'notes', 'kb'));
    session = new ServerSession();
    await session.initialize({ settings: { knowledge: { folders: ['notes/kb'] } } }, dir);
  });

  after(async () => {
    await session?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test("the user folder's sources are known and its claims are checked", T, async () => {
    const uri = pathToFileURL(join(dir, 'memo.md')).href;
    const text = `${contradictionSentence}\n\nSee [@beta2022].\n`;
    await open(session, uri, text, 1);
    const published = await session.waitFor((p) => p.uri === uri, 'memo.md');
    const codes = published.diagnostics.map((d) => d.code);
    assert.ok(codes.includes('contradiction'), codes.join(', '));
    assert.ok(
      !published.diagnostics.some((d) => d.code === 'unknown-citation' && textAt(text, d.range).includes('beta2022')),
      'beta2022 is a known key',
    );
  });
});
