/**
 * The server's start, as VS Code drives it: settings in `initialize`, a pause before `initialized`
 * (the server loads meanwhile), `workspace/configuration` answered with the folder's settings, and a
 * `didChangeConfiguration` right after `initialized`. The first diagnostics must be right at once (no
 * key of a bibliography or knowledge folder still being read flagged), published once, and the server
 * logs when each step happened. Run `npm run build` first.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  type PublishDiagnosticsParams,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { writeTestKnowledge } from '../unit/helpers';

const SERVER = join(process.cwd(), 'dist', 'server.js');
const T = { timeout: 30000 };
const BIBTEX = '@article{uber2020,\n  title = {Networks of Trust},\n  author = {Über, Jörg},\n  year = {2020},\n}\n';
const MEMO = 'Regional trust is thin [@uber2020, p. 4]. The OEWG met again [@alpha2023].\n';

interface Started {
  published: PublishDiagnosticsParams[];
  /** When the memo's first diagnostics came, and when the first `workspace/configuration` was answered. */
  firstPublishedAt: number;
  configurationAnsweredAt: number;
  logs: string[];
  stop: () => Promise<void>;
}

/** How the client differs from the plain one: folder settings in `initialize`, a slow `workspace/configuration`. */
interface ClientLike {
  /** Sent in `initialize` as the folder's settings (Policy Lens's VS Code client sends them). */
  folderSettings?: object;
  /** How long each `workspace/configuration` waits before its answer (a busy extension host). */
  configurationDelayMs?: number;
}

/**
 * Starts the server on `folder` as VS Code does, with `initial` settings in `initialize` and `pulled`
 * as the answer to every `workspace/configuration`; opens memo.md and waits `settleMs` after its
 * first diagnostics (for any that would follow).
 */
async function startLikeVsCode(
  folder: string,
  initial: object,
  pulled: object,
  settleMs = 1500,
  client: ClientLike = {},
): Promise<Started> {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdin.on('error', () => undefined);
  const connection = createProtocolConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin),
  );
  const published: PublishDiagnosticsParams[] = [];
  const logs: string[] = [];
  let firstPublished!: () => void;
  const first = new Promise<void>((resolve) => (firstPublished = resolve));
  let firstPublishedAt = 0;
  let configurationAnsweredAt = 0;
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
    if (!p.uri.endsWith('/memo.md')) return;
    published.push(p);
    firstPublishedAt ||= performance.now();
    firstPublished();
  });
  connection.onNotification('window/logMessage', (m: { message: string }) => {
    logs.push(m.message);
  });
  connection.onRequest(ConfigurationRequest.type, async (p) => {
    await new Promise((resolve) => setTimeout(resolve, client.configurationDelayMs ?? 0));
    configurationAnsweredAt ||= performance.now();
    return p.items.map(() => pulled);
  });
  connection.onRequest(RegistrationRequest.type, () => undefined);
  connection.listen();
  const uri = pathToFileURL(folder).href;
  await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: uri,
    workspaceFolders: [{ uri, name: 'workspace' }],
    capabilities: {
      workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } },
      textDocument: { publishDiagnostics: { versionSupport: true } },
    },
    initializationOptions: {
      settings: initial,
      knowledgeCacheDir: join(folder, '.cache'),
      ...(client.folderSettings ? { folderSettings: [{ uri, settings: client.folderSettings }] } : {}),
    },
  });
  // A busy editor takes a while to handle the answer: the server loads meanwhile.
  await new Promise((resolve) => setTimeout(resolve, 300));
  await connection.sendNotification(InitializedNotification.type, {});
  await connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri: `${uri}/memo.md`, languageId: 'markdown', version: 1, text: MEMO },
  });
  await connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  await first;
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  return {
    published,
    firstPublishedAt,
    configurationAnsweredAt,
    logs,
    stop: async () => {
      await connection.sendRequest(ShutdownRequest.type);
      await connection.sendNotification(ExitNotification.type);
      connection.dispose();
    },
  };
}

const codes = (p: PublishDiagnosticsParams): string[] => p.diagnostics.map((d) => `${d.code}`);
const unknownKeys = (p: PublishDiagnosticsParams): string[] =>
  p.diagnostics.filter((d) => d.code === 'unknown-citation').map((d) => JSON.stringify(d.message));

describe('server start as VS Code drives it', () => {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'policy-lens-startup-')));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('the settings bibliography is read before the first check, which is published once, with a log', T, async () => {
    const folder = join(dir, 'bib');
    writeTestKnowledge(join(folder, 'kb'));
    writeFileSync(join(folder, 'refs.bib'), BIBTEX);
    const settings = { bibliography: { files: ['refs.bib'] }, knowledge: { folders: ['kb'] } };
    const started = await startLikeVsCode(folder, settings, settings);
    await started.stop();
    const [firstPublish] = started.published;
    assert.deepEqual(unknownKeys(firstPublish), [], 'no key of the bibliography flagged');
    assert.ok(codes(firstPublish).length > 0, `the memo is checked: ${codes(firstPublish)}`);
    // The same settings again (didChangeConfiguration) and the loads' re-checks publish nothing new.
    assert.equal(started.published.length, 1, JSON.stringify(started.published.map(codes)));
    const lines = started.logs.filter((l) => l.includes('first diagnostics'));
    assert.equal(lines.length, 1, started.logs.join('\n'));
    assert.match(lines[0], /\(memo\.md\) initialize \+\d+, core \+\d+, initialized \+\d+, .*checked \+\d+ ms/);
  });

  test('a knowledge folder only the pulled settings name is loaded before the first check', T, async () => {
    const folder = join(dir, 'pulled');
    writeTestKnowledge(join(folder, 'kb'));
    writeFileSync(join(folder, 'refs.bib'), BIBTEX);
    const initial = { bibliography: { files: ['refs.bib'] } };
    const pulled = { bibliography: { files: ['refs.bib'] }, knowledge: { folders: ['kb'] } };
    const started = await startLikeVsCode(folder, initial, pulled, 500);
    await started.stop();
    for (const p of started.published) assert.deepEqual(unknownKeys(p), [], 'alpha2023, from kb/, is known');
  });

  test('a bibliography only the pulled settings name is read before the first check', T, async () => {
    const folder = join(dir, 'pulled-bib');
    writeTestKnowledge(join(folder, 'kb'));
    writeFileSync(join(folder, 'refs.bib'), BIBTEX);
    const initial = { knowledge: { folders: ['kb'] } };
    const pulled = { bibliography: { files: ['refs.bib'] }, knowledge: { folders: ['kb'] } };
    const started = await startLikeVsCode(folder, initial, pulled, 500);
    await started.stop();
    for (const p of started.published) assert.deepEqual(unknownKeys(p), [], 'uber2020, from refs.bib, is known');
  });
});

describe('server start with the folder settings in initialize, as the VS Code client sends them', () => {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'policy-lens-startup-given-')));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('the first check does not wait for workspace/configuration, and is right', T, async () => {
    const folder = join(dir, 'given');
    writeTestKnowledge(join(folder, 'kb'));
    writeFileSync(join(folder, 'refs.bib'), BIBTEX);
    const settings = { bibliography: { files: ['refs.bib'] }, knowledge: { folders: ['kb'] } };
    const client = { folderSettings: settings, configurationDelayMs: 3000 };
    const started = await startLikeVsCode(folder, {}, settings, 4000, client);
    await started.stop();
    assert.ok(started.configurationAnsweredAt > 0, 'the settings were still pulled');
    assert.ok(
      started.firstPublishedAt < started.configurationAnsweredAt,
      'the first diagnostics came before the settings were answered',
    );
    const [firstPublish] = started.published;
    assert.deepEqual(unknownKeys(firstPublish), [], 'no key of the bibliography or of kb/ flagged');
    assert.ok(codes(firstPublish).length > 0, `the memo is checked: ${codes(firstPublish)}`);
    // The pulled settings are the same: the memo is not checked again.
    assert.equal(started.published.length, 1, JSON.stringify(started.published.map(codes)));
  });

  test('pulled settings that differ from those given are applied, and the memo checked again', T, async () => {
    const folder = join(dir, 'changed');
    writeTestKnowledge(join(folder, 'kb'));
    writeFileSync(join(folder, 'refs.bib'), BIBTEX);
    const given = { knowledge: { folders: ['kb'] } };
    const pulled = { bibliography: { files: ['refs.bib'] }, knowledge: { folders: ['kb'] } };
    const client = { folderSettings: given, configurationDelayMs: 1000 };
    const started = await startLikeVsCode(folder, {}, pulled, 3000, client);
    await started.stop();
    const first = unknownKeys(started.published[0]);
    assert.ok(
      first.some((m) => m.includes('uber2020')),
      `checked first with the settings given: ${first}`,
    );
    assert.deepEqual(unknownKeys(started.published.at(-1)!), [], 'uber2020, from the pulled refs.bib, is known');
  });
});
