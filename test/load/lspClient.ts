// A real LSP client for the load, fault and security tests: spawns `node dist/server.js --stdio`
// (or PL_SERVER, to test a private build), talks to it with vscode-languageserver-protocol,
// records every notification it sends, and reads the child's memory from /proc. Not a test file.
import assert from 'node:assert/strict';
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CancellationTokenSource,
  CompletionRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  type InitializeResult,
  type Position,
  type ProtocolConnection,
  PublishDiagnosticsNotification,
  type PublishDiagnosticsParams,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';

export const ROOT = process.cwd();
/** The server under test: dist/server.js from the repository, unless PL_SERVER names another build. */
export const SERVER = process.env.PL_SERVER ?? join(ROOT, 'dist', 'server.js');
export const CLI = process.env.PL_CLI ?? join(ROOT, 'dist', 'cli.js');

export function makeTempDir(label: string): string {
  return realpathSync(mkdtempSync(join(tmpdir(), `policy-lens-${label}-`)));
}

/** Resident memory of a process, in bytes (Linux /proc), or undefined elsewhere. */
export function rssOf(pid: number): number | undefined {
  try {
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

export function peakRssOf(pid: number): number | undefined {
  try {
    const m = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

export const mb = (bytes: number | undefined): string =>
  bytes === undefined ? 'n/a' : `${(bytes / 1048576).toFixed(1)} MB`;

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export interface Notification {
  method: string;
  params: unknown;
  at: number;
}

export interface ServerOptions {
  /** Extra arguments for node before the script (e.g. --require PRELOAD, --max-old-space-size). */
  nodeArgs?: string[];
  env?: NodeJS.ProcessEnv;
  /** Working directory of the server (default: the repository root). */
  cwd?: string;
  /** The server script (default: SERVER). */
  script?: string;
}

/** A running server and a protocol connection to it. */
export class LspServer {
  readonly child: ChildProcessWithoutNullStreams;
  readonly connection: ProtocolConnection;
  readonly notifications: Notification[] = [];
  /** Requests the server sent to the client. */
  readonly requests: Notification[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr = '';
  exitInfo: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  private listeners: (() => void)[] = [];

  constructor(options: ServerOptions = {}) {
    const script = options.script ?? SERVER;
    assert.ok(existsSync(script), `${script} exists (run npm run build first)`);
    this.child = spawn(process.execPath, [...(options.nodeArgs ?? []), script, '--stdio'], {
      cwd: options.cwd ?? ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: options.env ?? process.env,
    });
    this.child.stderr.setEncoding('utf8');
    this.child.stderr.on('data', (chunk: string) => (this.stderr += chunk));
    this.child.stdin.on('error', () => undefined);
    this.exited = new Promise((resolve) => {
      this.child.on('exit', (code, signal) => {
        this.exitInfo = { code, signal };
        this.notify();
        resolve({ code, signal });
      });
    });
    this.connection = createProtocolConnection(
      new StreamMessageReader(this.child.stdout),
      new StreamMessageWriter(this.child.stdin),
    );
    // Star handlers (every method): vscode-jsonrpc supports them; ProtocolConnection's types do not list them.
    const star = this.connection as unknown as {
      onNotification(handler: (method: string, params: unknown) => void): void;
      onRequest(handler: (method: string, params: unknown) => unknown): void;
    };
    star.onNotification((method, params) => {
      this.notifications.push({ method, params, at: performance.now() });
      this.notify();
    });
    // Requests from the server (workspace/configuration, client/registerCapability, …) get an empty answer.
    star.onRequest((method, params) => {
      this.requests.push({ method, params, at: performance.now() });
      return null;
    });
    this.connection.onError(() => undefined);
    this.connection.listen();
  }

  get pid(): number {
    return this.child.pid!;
  }

  private notify(): void {
    for (const l of [...this.listeners]) l();
  }

  /** `folders`: the workspace folders (none by default); `window`: the client's window capabilities. */
  async initialize(
    initializationOptions: unknown = {},
    workspace: Record<string, unknown> = {},
    folders: string[] = [],
    window: Record<string, unknown> = {},
  ): Promise<InitializeResult> {
    const result = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folders.length > 0 ? pathToFileURL(folders[0]).href : null,
      workspaceFolders:
        folders.length > 0 ? folders.map((f, i) => ({ uri: pathToFileURL(f).href, name: `folder${i}` })) : null,
      capabilities: {
        workspace: { didChangeWatchedFiles: { dynamicRegistration: true }, ...workspace },
        textDocument: {
          publishDiagnostics: { versionSupport: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          completion: { completionItem: { snippetSupport: false } },
          synchronization: { dynamicRegistration: false },
        },
        window,
      },
      initializationOptions,
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return result;
  }

  get diagnostics(): PublishDiagnosticsParams[] {
    return this.notifications
      .filter((n) => n.method === PublishDiagnosticsNotification.method)
      .map((n) => n.params as PublishDiagnosticsParams);
  }

  /** Log and show-message texts the server sent. */
  get messages(): string[] {
    return this.notifications
      .filter((n) => /^window\/(logMessage|showMessage)$/.test(n.method))
      .map((n) => (n.params as { message: string }).message);
  }

  /** The first notification from index `since` on that satisfies `predicate`, waiting up to `timeoutMs`. */
  waitForNotification<T>(
    predicate: (n: Notification) => T | undefined | false,
    label: string,
    timeoutMs: number,
    since = 0,
  ): Promise<T> {
    return new Promise((resolve, reject) => {
      let index = since;
      const check = (): boolean => {
        for (; index < this.notifications.length; index++) {
          const hit = predicate(this.notifications[index]);
          if (hit) {
            finish();
            resolve(hit);
            return true;
          }
        }
        if (this.exitInfo) {
          finish();
          reject(
            new Error(
              `server exited (${JSON.stringify(this.exitInfo)}) while waiting for ${label}; ` +
                `stderr:\n${this.stderr.slice(-4000)}`,
            ),
          );
          return true;
        }
        return false;
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${label}; stderr:\n${this.stderr.slice(-2000)}`));
      }, timeoutMs);
      const listener = (): void => void check();
      const finish = (): void => {
        clearTimeout(timer);
        this.listeners = this.listeners.filter((l) => l !== listener);
      };
      this.listeners.push(listener);
      check();
    });
  }

  waitForDiagnostics(
    predicate: (p: PublishDiagnosticsParams) => boolean,
    label: string,
    timeoutMs: number,
    since = 0,
  ): Promise<PublishDiagnosticsParams> {
    return this.waitForNotification(
      (n) =>
        n.method === PublishDiagnosticsNotification.method &&
        predicate(n.params as PublishDiagnosticsParams) &&
        (n.params as PublishDiagnosticsParams),
      label,
      timeoutMs,
      since,
    );
  }

  open(uri: string, text: string, version = 1, languageId = 'markdown'): Promise<void> {
    return this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version, text },
    });
  }

  change(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
    return this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges,
    });
  }

  /** A hover, with how long it took; rejects if not answered within `timeoutMs`. */
  hover(uri: string, position: Position, timeoutMs = 10_000): Promise<{ result: unknown; ms: number }> {
    return timed(
      this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position }),
      timeoutMs,
      `hover ${uri} ${JSON.stringify(position)}`,
    );
  }

  completion(uri: string, position: Position, timeoutMs = 10_000): Promise<{ result: unknown; ms: number }> {
    return timed(
      this.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position }),
      timeoutMs,
      `completion ${uri} ${JSON.stringify(position)}`,
    );
  }

  /** Sends a request and cancels it at once ($/cancelRequest); resolves with how it was answered. */
  cancelledHover(
    uri: string,
    position: Position,
    timeoutMs = 10_000,
  ): Promise<{ result: unknown; ms: number; error?: { code?: number; message: string } }> {
    const source = new CancellationTokenSource();
    const promise = this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position }, source.token);
    source.cancel();
    return timed(promise, timeoutMs, `cancelled hover ${uri}`).then(
      (r) => r,
      (e: { code?: number; message: string; ms?: number }) => {
        if (e.message?.startsWith('timed out')) throw e;
        return { result: undefined, ms: e.ms ?? NaN, error: { code: e.code, message: e.message } };
      },
    );
  }

  async shutdown(timeoutMs = 10_000): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    await timed(this.connection.sendRequest(ShutdownRequest.type), timeoutMs, 'shutdown');
    await this.connection.sendNotification(ExitNotification.type);
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        this.exited,
        new Promise<never>(
          (_, reject) => (timer = setTimeout(() => reject(new Error('no exit after shutdown/exit')), timeoutMs)),
        ),
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  async dispose(): Promise<void> {
    this.listeners = [];
    this.connection.dispose();
    if (!this.exitInfo) {
      this.child.kill('SIGKILL');
      await this.exited;
    }
    // Output nobody reads any more would keep its pipe, and so this test process, alive.
    for (const stream of [this.child.stdin, this.child.stdout, this.child.stderr]) stream?.destroy();
  }
}

function timed<T>(promise: Promise<T>, timeoutMs: number, label: string): Promise<{ result: T; ms: number }> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`timed out: ${label} not answered within ${timeoutMs} ms`)),
      timeoutMs,
    );
    promise.then(
      (result) => {
        clearTimeout(timer);
        resolve({ result, ms: performance.now() - start });
      },
      (e: unknown) => {
        clearTimeout(timer);
        const error = e as { code?: number; message: string; ms?: number };
        reject(Object.assign(error, { ms: performance.now() - start }));
      },
    );
  });
}

/** Offset → LSP position for text with any line breaks (\r\n, \r, \n). */
export function positionAt(text: string, offset: number): Position {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 || c === 10) {
      if (c === 13 && text.charCodeAt(i + 1) === 10) {
        if (i + 1 >= offset) break;
        i++;
      }
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: offset - lineStart };
}

/** A small deterministic PRNG (mulberry32), so load tests are reproducible. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
