/**
 * Bad knowledge, through the loader and over the protocol (user knowledge folder passed as
 * initializationOptions `{ settings: { knowledge: { folders: [ABS] } } }`): a syntax error, a schema
 * violation, a duplicate id, dangling references, wrong encoding (Latin-1 bytes), a YAML alias bomb
 * and a 50 MB file. Each yields an error on that file (a loader error naming it; publishDiagnostics
 * to its URI), and everything else goes on: bundled and good user terms hover, memos are checked.
 *
 * Also: a reload that breaks a previously good user glossary keeps the last good version of it
 * (the term still hovers) and reports the error, whether the reload comes from
 * workspace/didChangeWatchedFiles or workspace/didChangeConfiguration; fixing the file clears the
 * error. And a large but legal knowledge file (4 MB, under the 5 MB limit) must not stall the server.
 *
 * The fixture folder test/fixtures/reliability/bad-knowledge is copied to a temporary directory,
 * where the Latin-1 and 50 MB files are generated (and the reload tests edit files).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
} from 'vscode-languageserver-protocol/node';
import type { Hover, MarkupContent, PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { loadKnowledgeFolders } from '../../server/src/node/knowledgeFiles';
import { LspServer, makeTempDir, mb, rssOf } from './lspClient';

const FIXTURE = join(process.cwd(), 'test', 'fixtures', 'reliability', 'bad-knowledge');
const WAIT_MS = 30_000;

/** Each broken file, the error code the server should give it and a word its message should contain. */
const broken: { file: string; code: RegExp; message: RegExp }[] = [
  { file: 'glossary-syntax.yaml', code: /^knowledge-syntax$/, message: /./ },
  { file: 'glossary-schema.yaml', code: /^knowledge-schema$/, message: /definition|kind/ },
  { file: 'glossary_duplicate.yaml', code: /^knowledge-duplicate$/, message: /user-dup/ },
  { file: 'glossary-dangling.yaml', code: /^knowledge-reference$/, message: /nosuch2099/ },
  { file: join('claims', 'dangling.yaml'), code: /^knowledge-reference$/, message: /nosuch2099/ },
  { file: 'glossary-latin1.yaml', code: /^knowledge-(io|syntax|encoding)$/, message: /UTF-8|encoding/i },
  { file: 'glossary-bomb.yaml', code: /^knowledge-(syntax|io|schema)$/, message: /alias/i },
  { file: 'glossary-huge.yaml', code: /^knowledge-io$/, message: /MB/ },
];

/** A copy of the fixture folder with the generated Latin-1 and 50 MB files. */
function brokenFolder(): string {
  const dir = makeTempDir('bad-knowledge');
  const kb = join(dir, 'kb');
  cpSync(FIXTURE, kb, { recursive: true });
  // "définition", "Café" in Latin-1: bytes 0xE9 are not UTF-8.
  writeFileSync(
    join(kb, 'glossary-latin1.yaml'),
    Buffer.from(
      'terms:\n  - id: cafe\n    term: Café\n    kind: concept\n    definition: Une définition en Latin-1.\n',
      'latin1',
    ),
  );
  // 50 MB: a valid-looking glossary padded with a long comment.
  const head = 'terms:\n  - id: huge\n    term: Huge Term\n    kind: concept\n    definition: Too big to read.\n# ';
  writeFileSync(
    join(kb, 'glossary-huge.yaml'),
    Buffer.concat([Buffer.from(head), Buffer.alloc(50 * 1024 * 1024 - head.length, 'x'), Buffer.from('\n')]),
  );
  return dir;
}

function hoverText(hover: unknown): string {
  const h = hover as Hover | null;
  if (!h) return '';
  const c = h.contents;
  return typeof c === 'string'
    ? c
    : Array.isArray(c)
      ? c.map((p) => (typeof p === 'string' ? p : p.value)).join('\n')
      : (c as MarkupContent).value;
}

const memoText = "The OEWG met. The ZPF met too.\n\nNearly 90% of Korea's total exports go to the Indo-Pacific.\n";
const at = (word: string): { line: number; character: number } => ({ line: 0, character: memoText.indexOf(word) + 1 });

describe('bad knowledge through the loader', () => {
  let dir: string;
  before(() => (dir = brokenFolder()));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('each broken file yields an error naming it; the good files and entries still load', { timeout: 60_000 }, () => {
    const start = performance.now();
    // The bundled knowledge folder, named explicitly (the test bundle's own location varies).
    const { kb } = loadKnowledgeFolders([join(process.cwd(), 'knowledge'), join(dir, 'kb')], false);
    const ms = performance.now() - start;
    for (const b of broken) {
      const path = join(dir, 'kb', b.file);
      const errors = kb.errors.filter((e) => e.file === path);
      assert.ok(
        errors.length > 0,
        `an error names ${b.file}: ${JSON.stringify(kb.errors.map((e) => `${e.file}: ${e.message}`))}`,
      );
      assert.ok(
        errors.some((e) => b.message.test(e.message)),
        `${b.file}: ${errors.map((e) => e.message).join('; ')}`,
      );
      for (const e of errors) {
        assert.ok(e.line >= 0 && e.character >= 0, `${b.file}: a location (${e.line}:${e.character})`);
      }
    }
    assert.deepEqual(
      kb.errors.filter((e) => e.file.endsWith(`${join('kb', 'glossary.yaml')}`) || e.file.endsWith('sources.json')),
      [],
      'the good files have no errors',
    );
    assert.ok(kb.termById.has('oewg'), 'bundled knowledge loads');
    assert.ok(kb.termById.has('zpf') && kb.sources.has('zyx2024'), 'the good user glossary and sources load');
    assert.ok(kb.termById.has('qrs-good'), 'the good entry of a file with a broken entry loads');
    assert.equal(
      kb.termById.get('user-dup')?.term,
      'Quillon Accord',
      'the first definition of a duplicated id is kept',
    );
    console.log(
      `loader: ${kb.errors.length} errors from ${broken.length} broken files (and a 50 MB one) in ${ms.toFixed(0)} ms`,
    );
  });
});

describe('bad knowledge over the protocol', () => {
  let dir: string;
  let server: LspServer;
  let memoUri: string;

  before(async () => {
    dir = brokenFolder();
    memoUri = pathToFileURL(join(dir, 'memo.md')).href;
    server = new LspServer();
    await server.initialize({ settings: { knowledge: { folders: [join(dir, 'kb')] } } });
  });
  after(async () => {
    await server?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  for (const b of broken) {
    test(`an error diagnostic on ${b.file}`, { timeout: 60_000 }, async () => {
      const uri = pathToFileURL(join(dir, 'kb', b.file)).href;
      const published = await server.waitForDiagnostics(
        (p) => p.uri === uri && p.diagnostics.length > 0,
        `diagnostics on ${b.file}`,
        WAIT_MS,
      );
      for (const d of published.diagnostics) {
        assert.equal(d.severity, 1, `${b.file}: an error`);
        assert.match(String(d.code), b.code, `${b.file}: code ${String(d.code)}`);
        assert.ok(d.range.start.line >= 0 && d.range.start.character >= 0);
      }
      const texts = published.diagnostics.map((d) => (typeof d.message === 'string' ? d.message : d.message.value));
      assert.ok(
        texts.some((m) => b.message.test(m)),
        `${b.file}: ${texts.join('; ')}`,
      );
    });
  }

  test('the good files publish no errors', { timeout: 60_000 }, async () => {
    await server.waitForDiagnostics((p) => p.uri.endsWith('glossary-huge.yaml'), 'the knowledge diagnostics', WAIT_MS);
    for (const good of ['glossary.yaml', 'sources.json']) {
      const uri = pathToFileURL(join(dir, 'kb', good)).href;
      const last = server.diagnostics.filter((p) => p.uri === uri).pop();
      assert.ok(!last || last.diagnostics.length === 0, `${good}: ${JSON.stringify(last?.diagnostics)}`);
    }
  });

  test('the server goes on serving: memos are checked, bundled and user terms hover', { timeout: 60_000 }, async () => {
    await server.open(memoUri, memoText, 1);
    const published = await server.waitForDiagnostics((p) => p.uri === memoUri, 'memo diagnostics', WAIT_MS);
    assert.ok(
      published.diagnostics.some((d) => d.code === 'contradiction'),
      'bundled claims are checked',
    );
    assert.match(hoverText((await server.hover(memoUri, at('OEWG'))).result), /Open-Ended Working Group/);
    assert.match(hoverText((await server.hover(memoUri, at('ZPF'))).result), /Zyx Policy Forum/);
    assert.equal(server.exitInfo, undefined);
    console.log(`bad knowledge over the protocol: server RSS ${mb(rssOf(server.pid))} with a 50 MB file in the folder`);
  });
});

// ---------------------------------------------------------------------------------------------
// Reloads that break a good file.

const goodGlossary = `terms:
  - id: zpf
    term: ZPF
    kind: acronym
    expansion: Zyx Policy Forum
    definition: A fictional policy institute used by the reliability tests.
`;
const brokenGlossary = `terms:
  - id: zpf
    term: ZPF
    kind: acronym
    expansion: Zyx Policy Forum
    definition: broken: yes
`;
const fixedGlossary = goodGlossary.replace('A fictional policy institute', 'A renamed fictional institute');

describe('a reload that breaks a file keeps the last good version of it', () => {
  let dir: string;
  let kb: string;
  let glossaryUri: string;
  let memoUri: string;
  const servers: LspServer[] = [];

  before(() => {
    dir = makeTempDir('reload');
    kb = join(dir, 'kb');
    cpSync(join(FIXTURE, 'sources.json'), join(kb, 'sources.json'));
    glossaryUri = pathToFileURL(join(kb, 'glossary.yaml')).href;
    memoUri = pathToFileURL(join(dir, 'memo.md')).href;
  });
  after(async () => {
    await Promise.all(servers.map((s) => s.dispose()));
    rmSync(dir, { recursive: true, force: true });
  });

  async function startWithGoodGlossary(): Promise<LspServer> {
    writeFileSync(join(kb, 'glossary.yaml'), goodGlossary);
    const server = new LspServer();
    servers.push(server);
    await server.initialize({ settings: { knowledge: { folders: [kb] } } });
    await server.open(memoUri, memoText, 1);
    await server.waitForDiagnostics((p) => p.uri === memoUri, 'memo diagnostics', WAIT_MS);
    assert.match(
      hoverText((await server.hover(memoUri, at('ZPF'))).result),
      /A fictional policy institute/,
      'the user term hovers before the reload',
    );
    return server;
  }

  async function expectLastGoodKept(server: LspServer, since: number, how: string): Promise<void> {
    const reported: PublishDiagnosticsParams = await server
      .waitForDiagnostics(
        (p) => p.uri === glossaryUri && p.diagnostics.length > 0,
        `an error on glossary.yaml after ${how}`,
        10_000,
        since,
      )
      .catch((e: Error) => assert.fail(`the broken glossary is reported after ${how}: ${e.message}`));
    assert.ok(reported.diagnostics.every((d) => d.severity === 1));
    const hover = hoverText((await server.hover(memoUri, at('ZPF'))).result);
    assert.match(
      hover,
      /Zyx Policy Forum/,
      `after ${how} the user term still hovers (the last good version of glossary.yaml is kept): ` +
        `${JSON.stringify(hover)}`,
    );
    assert.match(hover, /A fictional policy institute/, 'with its last good definition');
    assert.match(
      hoverText((await server.hover(memoUri, at('OEWG'))).result),
      /Open-Ended Working Group/,
      'bundled terms still hover',
    );
  }

  test(
    'via workspace/didChangeWatchedFiles; fixing the file then clears the error and loads the new version',
    { timeout: 60_000 },
    async () => {
      const server = await startWithGoodGlossary();
      writeFileSync(join(kb, 'glossary.yaml'), brokenGlossary);
      let since = server.notifications.length;
      await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
        changes: [{ uri: glossaryUri, type: FileChangeType.Changed }],
      });
      await expectLastGoodKept(server, since, 'didChangeWatchedFiles');

      writeFileSync(join(kb, 'glossary.yaml'), fixedGlossary);
      since = server.notifications.length;
      await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
        changes: [{ uri: glossaryUri, type: FileChangeType.Changed }],
      });
      await server.waitForDiagnostics(
        (p) => p.uri === glossaryUri && p.diagnostics.length === 0,
        'the error on glossary.yaml cleared',
        10_000,
        since,
      );
      assert.match(
        hoverText((await server.hover(memoUri, at('ZPF'))).result),
        /A renamed fictional institute/,
        'the fixed version is in use',
      );
    },
  );

  test(
    'via workspace/didChangeConfiguration (another folder added, so knowledge reloads)',
    { timeout: 60_000 },
    async () => {
      const server = await startWithGoodGlossary();
      writeFileSync(join(kb, 'glossary.yaml'), brokenGlossary);
      const since = server.notifications.length;
      const other = join(dir, 'kb-other');
      cpSync(join(FIXTURE, 'sources.json'), join(other, 'sources.json'));
      await server.connection.sendNotification(DidChangeConfigurationNotification.type, {
        settings: { policyLens: { knowledge: { folders: [kb, other] } } },
      });
      await expectLastGoodKept(server, since, 'didChangeConfiguration');
    },
  );
});

describe('a large but legal knowledge file does not stall the server', () => {
  let dir: string;
  let server: LspServer | undefined;
  after(async () => {
    await server?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test(
    'a 4 MB sources.json (60,000 sources, under the 5 MB limit): every hover is answered within 1 s, and its ' +
      'terms hover within 5 s',
    { timeout: 60_000 },
    async () => {
      dir = makeTempDir('large-knowledge');
      const kb = join(dir, 'kb');
      cpSync(join(FIXTURE, 'glossary.yaml'), join(kb, 'glossary.yaml'));
      const entries = Array.from(
        { length: 60_000 },
        (_, i) => `{"id":"k${i}","type":"book","title":"A title for source number ${i}"}`,
      );
      writeFileSync(
        join(kb, 'sources.json'),
        `[${['{"id":"zyx2024","type":"report","title":"Zyx"}', ...entries].join(',\n')}]`,
      );
      server = new LspServer();
      await server.initialize({ settings: { knowledge: { folders: [kb] } } });
      const uri = pathToFileURL(join(dir, 'memo.md')).href;
      await server.open(uri, memoText, 1);
      // Hovers are answered at once while the folder loads (from the bundled knowledge until then).
      const start = performance.now();
      let text = '';
      let slowest = 0;
      while (!/Zyx Policy Forum/.test(text) && performance.now() - start < 5000) {
        const hover = await server
          .hover(uri, at('ZPF'), 1000)
          .catch((e: Error) =>
            assert.fail(`a hover was not answered within 1 s while a 4 MB knowledge file loaded (${e.message})`),
          );
        slowest = Math.max(slowest, hover.ms);
        text = hoverText(hover.result);
        if (!text) await new Promise((r) => setTimeout(r, 50));
      }
      console.log(
        `large knowledge file: its term hovers after ${(performance.now() - start).toFixed(0)} ms; slowest ` +
          `hover ${slowest.toFixed(0)} ms`,
      );
      assert.match(text, /Zyx Policy Forum/);
    },
  );
});
