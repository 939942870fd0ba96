// A real LSP client over stdio for the benchmark: spawns `node dist/server.js --stdio` and times
// what an editor sees: spawn to `initialize` answered, didOpen to the first publishDiagnostics,
// a one-character didChange to the publishDiagnostics whose `version` is the edited version,
// and hover and completion round trips.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { lineStarts, positionAt } from './positions.mjs';

const require = createRequire(import.meta.url);
const {
  CompletionRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
} = require('vscode-languageserver-protocol/node');

const WAIT_MS = 300_000;

class BenchClient {
  /** Spawns the server and sends `initialize` at once; `ready` resolves with the ms from spawn to the answer. */
  constructor(serverPath, knowledgeFolders = []) {
    this.t0 = performance.now();
    this.proc = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.stderr = '';
    this.proc.stderr.on('data', (d) => (this.stderr = (this.stderr + d).slice(-4000)));
    this.connection = createProtocolConnection(
      new StreamMessageReader(this.proc.stdout),
      new StreamMessageWriter(this.proc.stdin),
    );
    this.waiters = [];
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      const now = performance.now();
      this.waiters = this.waiters.filter((w) => {
        if (!w.match(params)) return true;
        w.resolve({ at: now, params });
        return false;
      });
    });
    this.connection.onRequest('workspace/configuration', (params) => params.items.map(() => null));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onNotification('window/logMessage', () => {});
    this.connection.listen();
    this.ready = this.connection
      .sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: null,
        workspaceFolders: null,
        capabilities: {
          textDocument: {
            publishDiagnostics: { versionSupport: true, relatedInformation: true },
            hover: { contentFormat: ['markdown', 'plaintext'] },
            completion: { completionItem: { snippetSupport: false, labelDetailsSupport: true } },
          },
          workspace: { configuration: false },
        },
        initializationOptions: { settings: { knowledge: { folders: knowledgeFolders } } },
      })
      .then(() => performance.now() - this.t0);
  }

  /** Resolves with { at, params } for the next publishDiagnostics that `match` accepts. */
  waitForDiagnostics(match, label) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(new Error(`no diagnostics for ${label} within ${WAIT_MS / 1000} s; server stderr: ${this.stderr}`)),
        WAIT_MS,
      );
      this.waiters.push({ match, resolve: (v) => (clearTimeout(timer), resolve(v)) });
    });
  }

  async initialized() {
    await this.ready;
    await this.connection.sendNotification(InitializedNotification.type, {});
  }

  /** Opens a document and returns the ms until its first diagnostics arrive. */
  async open(uri, text, version = 1) {
    const wait = this.waitForDiagnostics(
      (p) => p.uri === uri && (p.version === undefined || p.version === version),
      uri,
    );
    const t = performance.now();
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'markdown', version, text },
    });
    const { at, params } = await wait;
    return { ms: at - t, diagnostics: params.diagnostics.length };
  }

  async close(uri) {
    const wait = this.waitForDiagnostics((p) => p.uri === uri && p.diagnostics.length === 0, `close ${uri}`);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    await wait;
  }

  /** One incremental change; returns the ms until diagnostics for exactly that version arrive. */
  async change(uri, version, range, text) {
    const wait = this.waitForDiagnostics((p) => p.uri === uri && p.version === version, `${uri} v${version}`);
    const t = performance.now();
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ range, text }],
    });
    const { at } = await wait;
    return at - t;
  }

  async hover(uri, position) {
    const t = performance.now();
    const result = await this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
    return { ms: performance.now() - t, hit: result !== null };
  }

  async completion(uri, position) {
    const t = performance.now();
    const result = await this.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position,
      context: { triggerKind: 1 },
    });
    return { ms: performance.now() - t, items: Array.isArray(result) ? result.length : (result?.items?.length ?? 0) };
  }

  /** The server process's peak resident memory so far (Linux: VmHWM), in MB. */
  peakRssMb() {
    try {
      const status = readFileSync(`/proc/${this.proc.pid}/status`, 'utf8');
      const kb = /VmHWM:\s+(\d+) kB/.exec(status);
      return kb ? Math.round(Number(kb[1]) / 102.4) / 10 : undefined;
    } catch {
      return undefined;
    }
  }

  async shutdown() {
    try {
      await Promise.race([this.connection.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, 5000))]);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // the server may already be gone
    }
    this.connection.dispose();
    const exited = new Promise((r) => this.proc.once('exit', r));
    if (this.proc.exitCode === null) await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
    if (this.proc.exitCode === null) this.proc.kill();
  }
}

/** Spawn → `initialize` answered, `runs` times, each in a fresh server process. */
export async function measureStartup(serverPath, runs) {
  const out = [];
  for (let i = 0; i < runs; i++) {
    const client = new BenchClient(serverPath);
    out.push(await client.ready);
    await client.shutdown();
  }
  return out;
}

/**
 * One server session against one knowledge base: the time until knowledge is loaded (a small
 * document's first diagnostics), then per memo: opens, typing, hovers and completions.
 */
export async function measureSession(serverPath, knowledgeFolders, memos) {
  const client = new BenchClient(serverPath, knowledgeFolders);
  try {
    const initializeMs = await client.ready;
    await client.initialized();
    const warm = await client.open('file:///bench/warmup.md', '# Warm-up\n\nThe OEWG met in 2021 [@kim2023].\n');
    const readyMs = performance.now() - client.t0;
    const results = [];
    for (const memo of memos) {
      const openMs = [];
      let diagnostics = 0;
      for (let i = 0; i < memo.opens; i++) {
        const uri = `file:///bench/${memo.label}-open-${i}.md`;
        const r = await client.open(uri, memo.text);
        openMs.push(r.ms);
        diagnostics = r.diagnostics;
        await client.close(uri);
      }
      const uri = `file:///bench/${memo.label}.md`;
      await client.open(uri, memo.text);
      let text = memo.text;
      let starts = lineStarts(text);
      let version = 1;
      const editMs = [];
      for (const key of memo.positions.keystrokes.slice(0, memo.edits)) {
        const start = positionAt(starts, key.offset);
        const end = key.remove ? positionAt(starts, key.offset + key.remove) : start;
        editMs.push(await client.change(uri, ++version, { start, end }, key.insert ?? ''));
        text = text.slice(0, key.offset) + (key.insert ?? '') + text.slice(key.offset + (key.remove ?? 0));
        starts = lineStarts(text);
      }
      await client.close(uri);
      // Hover and completion on the memo as generated: the positions were computed on it.
      const uri2 = `file:///bench/${memo.label}-requests.md`;
      await client.open(uri2, memo.text);
      const hoverMs = [];
      let hits = 0;
      for (let i = 0; i < memo.hovers; i++) {
        const r = await client.hover(uri2, memo.positions.hovers[i % memo.positions.hovers.length]);
        hoverMs.push(r.ms);
        if (r.hit) hits++;
      }
      const completionMs = [];
      let items = 0;
      for (let i = 0; i < memo.completions; i++) {
        const r = await client.completion(uri2, memo.positions.completions[i % memo.positions.completions.length]);
        completionMs.push(r.ms);
        items = Math.max(items, r.items);
      }
      await client.close(uri2);
      results.push({
        label: memo.label,
        diagnostics,
        openMs,
        editMs,
        hoverMs,
        hoverHits: hits,
        completionMs,
        completionItems: items,
      });
    }
    return { initializeMs, readyMs, warmupMs: warm.ms, memos: results, peakRssMb: client.peakRssMb() };
  } finally {
    await client.shutdown();
  }
}
