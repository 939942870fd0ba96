/**
 * Policy Lens makes no network request and runs no code from workspace data.
 *
 * 1. Runtime: dist/server.js and dist/cli.js run under a guard preload (`node --require
 *    test/fixtures/reliability/guard-preload.cjs`) that refuses, and logs, any network connection
 *    (net/tls/http/https/http2/dgram/dns connect/request/lookup/createConnection/listen,
 *    Socket#connect, fetch) and any child process, and logs code compiled at run time (eval, the
 *    Function constructor, vm), worker threads and modules loaded. Stdio is not affected: its pipes
 *    are sockets made from file descriptors and never connect (a sanity test checks the guard both
 *    refuses real connects and leaves pipes and local IPC alone). A realistic session runs against a
 *    hostile workspace (code-shaped strings in knowledge, bibliography, front matter and memo;
 *    .js files in the knowledge folder; a node_modules/ shadowing the server's dependencies; a
 *    JSON Schema in the workspace), with the workspace as the working directory: CLI check and
 *    validate, then server initialize/didOpen/hover/completion/code actions/definition/references/
 *    links/custom requests/configuration and file-change reloads/shutdown. Asserts nothing was
 *    refused, no process spawned, no workspace file loaded as a module, no workspace string
 *    compiled as code, and no payload ran (no marker file appeared).
 *
 * 2. Static: the bundles (dist/*.js) contain no eval( and no new Function( of their own (pdfjs's
 *    documented ones aside), and the sources compile no schema: the JSON Schemas in
 *    knowledge/schema/ are compiled at build time (workspace data is only ever validated, i.e.
 *    passed as data).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  DefinitionRequest,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentLinkRequest,
  FileChangeType,
  ReferencesRequest,
} from 'vscode-languageserver-protocol/node';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { CLI, LspServer, makeTempDir, ROOT, SERVER } from '../load/lspClient';

const PRELOAD = join(ROOT, 'test', 'fixtures', 'reliability', 'guard-preload.cjs');
/** Every workspace file carries this; no compiled code may contain it. */
const MARKER = 'ZZWORKSPACEMARKER';

interface GuardEvent {
  kind: string;
  detail: string;
  length: number;
  blocked: boolean;
  pid: number;
  stack: string;
}

function readLog(path: string): GuardEvent[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as GuardEvent);
}

/** Payloads that would do something if any of them were ever run as code. */
function payload(ws: string, name: string): string {
  const pwned = join(ws, `PWNED-${name}`).replace(/\\/g, '/');
  return (
    `${MARKER} require('fs').writeFileSync('${pwned}', 'x') \${require('fs').writeFileSync('${pwned}', 'x')} ` +
    `{{constructor.constructor('return process')().exit(9)}} <img src=x onerror=alert(1)> __proto__`
  );
}

/** A small valid PDF: one page of text, and an Info dictionary (title, author). */
function minimalPdf(text: string, info: { Title: string; Author: string }): Buffer {
  const str = (t: string): string => `(${t.replace(/[\\()]/g, (c) => `\\${c}`)})`;
  const content = `BT /F1 11 Tf 72 720 Td ${str(text)} Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Title ${str(info.Title)} /Author ${str(info.Author)} /CreationDate (D:20240101000000Z) >>`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf +=
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f ` +
    `\n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/** A workspace that tries every way we can think of to get its content run. */
function hostileWorkspace(): string {
  const ws = makeTempDir('hostile-ws');
  const kb = join(ws, 'kb');
  mkdirSync(join(kb, 'claims'), { recursive: true });
  mkdirSync(join(kb, 'schema'), { recursive: true });
  const js = (name: string): string =>
    `require('fs').writeFileSync(${JSON.stringify(join(ws, `PWNED-${name}`))}, 'x'); module.exports = {}; // ` +
    `${MARKER}\n`;
  writeFileSync(
    join(kb, 'sources.json'),
    JSON.stringify(
      [
        {
          id: 'evil2024',
          type: 'webpage',
          title: payload(ws, 'title'),
          URL: 'javascript:alert(1)',
          note: payload(ws, 'note'),
          author: [{ family: payload(ws, 'author'), given: '${1}' }],
          issued: { 'date-parts': [[2024]] },
        },
        { id: 'constructor', type: 'book', title: `constructor ${MARKER}` },
        { id: '__proto__', type: 'book', title: `proto ${MARKER}` },
      ],
      null,
      2,
    ),
  );
  writeFileSync(
    join(kb, 'glossary.yaml'),
    [
      'terms:',
      '  - id: zzevil',
      '    term: ZZEVIL',
      '    kind: acronym',
      '    expansion: Evil Expansion Organisation',
      `    definition: ${JSON.stringify(payload(ws, 'definition'))}`,
      '    sources: [{ key: evil2024, locator: "${7*7}" }]',
      '  - id: zzfunction',
      '    term: Zz Function',
      '    kind: concept',
      `    definition: !!js/function "function () { ` +
        `require('fs').writeFileSync('${join(ws, 'PWNED-jsfunction')}', 'x') } // ${MARKER}"`,
      '  - id: zzregexp',
      '    term: Zz Regexp',
      '    kind: concept',
      `    definition: !!js/regexp /(a+)+$/ # ${MARKER}`,
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(kb, 'claims', 'evil2024.yaml'),
    [
      'source: evil2024',
      'claims:',
      '  - id: evil-claim',
      '    locator: "${process.exit(3)}"',
      `    statement: ${JSON.stringify(payload(ws, 'statement'))}`,
      '    about: [[ZZEVIL], [member]]',
      '    quantity: { value: 40, unit: count }',
      '',
    ].join('\n'),
  );
  writeFileSync(join(kb, 'glossary.js'), js('glossary-js'));
  writeFileSync(join(kb, 'claims', 'evil.js'), js('claims-js'));
  writeFileSync(join(kb, 'sources.js'), js('sources-js'));
  // A schema in the workspace: the loader skips schema/ folders and validates with its own, compiled at build time.
  writeFileSync(
    join(kb, 'schema', 'glossary.schema.json'),
    JSON.stringify({ $id: MARKER, type: 'object', properties: { [MARKER]: { type: 'string', pattern: '(a+)+$' } } }),
  );
  writeFileSync(join(kb, 'claims.schema.json'), JSON.stringify({ $id: `${MARKER}-2`, type: 'object' }));
  // node_modules shadowing every dependency the server bundles, and config-looking files.
  // A sources folder (read in a worker thread; PDFs through pdfjs), and a pdfjs in the workspace's
  // node_modules that must never be the one imported.
  mkdirSync(join(ws, 'sources'), { recursive: true });
  writeFileSync(
    join(ws, 'sources', 'report.pdf'),
    minimalPdf(`The Zyx Policy Forum (ZPF) has 40 members. ${payload(ws, 'pdf-text')}`, {
      Title: payload(ws, 'pdf-title'),
      Author: `Ada Zyx and ${payload(ws, 'pdf-author')}`,
    }),
  );
  writeFileSync(
    join(ws, 'sources', 'notes.md'),
    `# Notes ${MARKER}\n\nThe Zyx Policy Forum (ZPF) has 40 members. ${payload(ws, 'source-md')}\n`,
  );
  writeFileSync(
    join(ws, 'sources', 'notes.md.yaml'),
    `title: ${JSON.stringify(payload(ws, 'sidecar'))}\nauthor: [{ family: "\${process.exit(5)}" }]\n`,
  );
  mkdirSync(join(ws, 'node_modules', 'pdfjs-dist', 'legacy', 'build'), { recursive: true });
  for (const f of ['pdf.min.mjs', 'pdf.worker.min.mjs']) {
    writeFileSync(
      join(ws, 'node_modules', 'pdfjs-dist', 'legacy', 'build', f),
      `import { writeFileSync } from ` +
        `'node:fs';\nwriteFileSync(${JSON.stringify(join(ws, `PWNED-pdfjs-${f}`))}, 'x'); // ${MARKER}\nexport ` +
        `const GlobalWorkerOptions = {};\nexport function getDocument() { throw new Error('${MARKER}'); }\n`,
    );
  }
  writeFileSync(
    join(ws, 'node_modules', 'pdfjs-dist', 'package.json'),
    JSON.stringify({ name: 'pdfjs-dist', version: '9.9.9' }),
  );
  for (const dep of [
    'yaml',
    'ajv',
    'markdown-it',
    'vscode-languageserver',
    'vscode-languageserver-textdocument',
    'vscode-jsonrpc',
    'policy-lens',
  ]) {
    mkdirSync(join(ws, 'node_modules', dep), { recursive: true });
    writeFileSync(join(ws, 'node_modules', dep, 'package.json'), JSON.stringify({ name: dep, main: 'index.js' }));
    writeFileSync(join(ws, 'node_modules', dep, 'index.js'), js(`node_modules-${dep}`));
  }
  for (const name of ['policy-lens.config.js', '.policylensrc.js', 'index.js', 'server.js']) {
    writeFileSync(join(ws, name), js(name));
  }
  writeFileSync(
    join(ws, 'package.json'),
    JSON.stringify({
      name: 'hostile',
      scripts: { postinstall: `node -e "${MARKER}"`, test: 'node index.js' },
      main: 'index.js',
    }),
  );
  writeFileSync(
    join(ws, 'refs.bib'),
    `@misc{bibevil, title={${payload(ws, 'bib')}}, author={\${process.exit(4)} and Someone}, ` +
      `url={javascript:alert(1)}, note={${MARKER}}}\n@string{x = "${MARKER}"}\n`,
  );
  writeFileSync(join(ws, 'refs.json'), JSON.stringify([{ id: 'jsonevil', type: 'book', title: payload(ws, 'json') }]));
  const memo = [
    '---',
    `title: ${JSON.stringify(payload(ws, 'fm-title'))}`,
    'bibliography: [refs.bib, refs.json, ../../../../etc/passwd, "http://example.com/refs.bib"]',
    'references:',
    `  - id: fmevil`,
    `    type: book`,
    `    title: ${JSON.stringify(payload(ws, 'fm-ref'))}`,
    `  - !!js/function "function () { require('fs').writeFileSync('${join(ws, 'PWNED-fm-function')}', 'x') }"`,
    `x: !!js/undefined ${MARKER}`,
    '---',
    '',
    `# ${payload(ws, 'heading')}`,
    '',
    "The ZZEVIL met [@evil2024]. The OEWG met. Nearly 90% of Korea's total exports go to the Indo-Pacific " +
      '[@bibevil; @fmevil; @jsonevil; @constructor; @__proto__].',
    '',
    `${payload(ws, 'paragraph')} <script>require('child_process').execSync('touch ` +
      `${join(ws, 'PWNED-script')}')</script> [link](javascript:alert(1)) <https://example.com/${MARKER}>`,
    '',
    '```js',
    `require('fs').writeFileSync('${join(ws, 'PWNED-fence')}', 'x') // ${MARKER}`,
    '```',
    '',
    'Cite [@',
  ].join('\n');
  writeFileSync(join(ws, 'memo.md'), memo);
  writeFileSync(join(ws, 'other.md'), `Another memo citing [@evil2024] and ${MARKER}.\n`);
  return ws;
}

/** A module event's file path (ESM events give a file: URL). */
function modulePath(e: GuardEvent): string {
  return e.detail.startsWith('file:') ? fileURLToPath(e.detail) : e.detail;
}

function assertClean(events: GuardEvent[], ws: string, label: string, bundleDir = dirname(SERVER)): void {
  const refused = events.filter((e) => e.blocked);
  assert.deepEqual(
    refused.map((e) => `${e.kind}: ${e.detail} (${e.stack})`),
    [],
    `${label}: no network connection or child process was attempted`,
  );
  // The server reads the sources folder in a worker thread: its own bundle (dist/ingestWorker.js), nothing else.
  const ownWorker = (e: GuardEvent): boolean => e.kind === 'worker' && dirname(modulePath(e)) === bundleDir;
  const risky = events.filter(
    (e) => ['ipc-connect', 'ipc-listen', 'worker', 'worker-eval', 'tls-upgrade'].includes(e.kind) && !ownWorker(e),
  );
  assert.deepEqual(
    risky.map((e) => `${e.kind}: ${e.detail.slice(0, 200)}`),
    [],
    `${label}: no IPC, and no worker other than the bundle's own`,
  );
  // Libraries may compile constant code (core-js shims) or load their own native
  // addons (pdfjs's optional @napi-rs/canvas, from the extension's node_modules): judged by origin and content.
  const fromWorkspace = events.filter(
    (e) => ['module', 'module-json', 'esm-module', 'native-addon'].includes(e.kind) && modulePath(e).startsWith(ws),
  );
  assert.deepEqual(
    fromWorkspace.map((e) => e.detail),
    [],
    `${label}: no workspace file is loaded as a module`,
  );
  const compiledData = events.filter(
    (e) =>
      ['function-constructor', 'eval', 'vm', 'worker-eval'].includes(e.kind) &&
      (e.detail.includes(MARKER) || e.detail.includes('PWNED')),
  );
  assert.deepEqual(
    compiledData.map((e) => `${e.kind}: ${e.detail.slice(0, 300)}`),
    [],
    `${label}: no workspace string is compiled as code`,
  );
  const pwned = readdirSync(ws).filter((n) => n.startsWith('PWNED'));
  assert.deepEqual(pwned, [], `${label}: no workspace payload ran`);
}

describe('security: the guard preload', () => {
  test(
    'refuses real network connections and processes, logs compiled code, and leaves stdio pipes and local IPC alone',
    { timeout: 30_000 },
    () => {
      const dir = makeTempDir('guard-sanity');
      try {
        const log = join(dir, 'guard.log');
        const script = `
        const attempts = {
          'net.connect': () => require('net').connect(80, '127.0.0.1'),
          'net.createConnection': () => require('net').createConnection({ host: 'example.com', port: 443 }),
          'Socket#connect': () => new (require('net').Socket)().connect(443, 'example.com'),
          'http.get': () => require('http').get('http://example.com/'),
          'https.request': () => require('https').request('https://example.com/'),
          'http2.connect': () => require('http2').connect('https://example.com'),
          'tls.connect': () => require('tls').connect(443, 'example.com'),
          'dns.lookup': () => require('dns').lookup('example.com', () => undefined),
          'dns.promises.resolve': () => require('dns').promises.resolve('example.com'),
          'dgram.send': () => require('dgram').createSocket('udp4').send('x', 53, '127.0.0.1'),
          'net.listen': () => require('net').createServer().listen(0),
          'child_process.spawnSync': () => require('child_process').spawnSync('true'),
        };
        const refused = [];
        for (const [name, attempt] of Object.entries(attempts)) {
          try { attempt(); } catch (e) { if (e.code === 'EPOLICYLENSGUARD') refused.push(name); }
        }
        const ipc = require('net').connect({ path: ${JSON.stringify(join(dir, 'no.sock'))} });
        ipc.on('error', () => undefined);
        new Function('return 41 + 1')();
        process.stdin.setEncoding('utf8');
        let input = '';
        process.stdin.on('data', (d) => (input += d));
        process.stdin.on('end', () => { process.stdout.write(JSON.stringify({ refused, echoed: input })); });
      `;
        const result = spawnSync(process.execPath, ['--require', PRELOAD, '-e', script], {
          input: 'over a pipe',
          env: { ...process.env, PL_GUARD_LOG: log },
          encoding: 'utf8',
          timeout: 20_000,
        });
        assert.equal(result.status, 0, result.stderr);
        const out = JSON.parse(result.stdout) as { refused: string[]; echoed: string };
        assert.deepEqual(
          out.refused.sort(),
          [
            'Socket#connect',
            'child_process.spawnSync',
            'dgram.send',
            'dns.lookup',
            'dns.promises.resolve',
            'http.get',
            'http2.connect',
            'https.request',
            'net.connect',
            'net.createConnection',
            'net.listen',
            'tls.connect',
          ].sort(),
        );
        assert.equal(out.echoed, 'over a pipe', 'stdin and stdout pipes work under the guard');
        const events = readLog(log);
        assert.ok(
          events.some((e) => e.kind === 'ipc-connect' && !e.blocked),
          'a local IPC connect is logged, not refused',
        );
        assert.ok(
          events.some((e) => e.kind === 'function-constructor' && e.detail === 'return 41 + 1'),
          'code compiled at run time is logged with its source',
        );
        assert.ok(events.filter((e) => e.blocked).length >= 12, 'each refusal is logged');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});

describe('security: a session in a hostile workspace makes no network request and runs no workspace code', () => {
  let ws: string;
  let log: string;
  before(() => {
    ws = hostileWorkspace();
    log = join(ws, '..', `${ws.split(/[\\/]/).pop()}-guard.log`);
  });
  after(() => {
    rmSync(ws, { recursive: true, force: true });
    rmSync(log, { force: true });
    rmSync(join(ws, '..', `${ws.split(/[\\/]/).pop()}-cache`), { recursive: true, force: true });
  });

  test('CLI: check (text, json, sarif) and validate', { timeout: 60_000 }, () => {
    assert.ok(existsSync(CLI), `${CLI} exists (run npm run build first)`);
    const env = { ...process.env, PL_GUARD_LOG: log, NODE_PATH: join(ws, 'node_modules') };
    const runs = [
      ['check', '--knowledge', 'kb', 'memo.md', 'other.md'],
      ['check', '--format', 'json', '--knowledge', join(ws, 'kb'), 'memo.md'],
      ['check', '--format', 'sarif', '--knowledge', 'kb', 'memo.md'],
      ['validate', '--knowledge', 'kb'],
    ];
    for (const args of runs) {
      const r = spawnSync(process.execPath, ['--require', PRELOAD, CLI, ...args], {
        cwd: ws,
        env,
        encoding: 'utf8',
        timeout: 30_000,
      });
      assert.ok(
        r.status === 0 || r.status === 1,
        `policy-lens ${args.join(' ')} exits 0 or 1 (findings), not ${r.status}: ${r.stderr}`,
      );
      assert.ok(!/internal error/i.test(r.stderr), r.stderr);
    }
    const events = readLog(log);
    assert.ok(
      events.some((e) => e.kind === 'guard-ready'),
      'the guard was loaded',
    );
    assertClean(events, ws, 'CLI');
  });

  test(
    'server: initialize, open, hover, completion, code actions, definition, references, links, custom ' +
      'requests, reloads, shutdown',
    { timeout: 90_000 },
    async () => {
      // A fresh cache, so the PDF is really parsed (results are cached by content hash).
      const env = {
        ...process.env,
        PL_GUARD_LOG: log,
        NODE_PATH: join(ws, 'node_modules'),
        XDG_CACHE_HOME: join(ws, '..', `${ws.split(/[\\/]/).pop()}-cache`),
      };
      const server = new LspServer({ nodeArgs: ['--require', PRELOAD], env, cwd: ws });
      try {
        const rootUri = pathToFileURL(ws).href;
        await server.connection.sendRequest('initialize', {
          processId: process.pid,
          rootUri,
          workspaceFolders: [{ uri: rootUri, name: 'hostile' }],
          capabilities: {
            workspace: { didChangeWatchedFiles: { dynamicRegistration: true } },
            textDocument: { publishDiagnostics: { versionSupport: true } },
          },
          initializationOptions: {
            settings: {
              knowledge: { folders: ['kb'] },
              bibliography: { files: ['refs.bib', 'refs.json', 'https://example.com/refs.bib'] },
            },
          },
        });
        await server.connection.sendNotification('initialized', {});
        const memoUri = pathToFileURL(join(ws, 'memo.md')).href;
        const memo = readFileSync(join(ws, 'memo.md'), 'utf8');
        await server.open(memoUri, memo, 1);
        const published = await server.waitForDiagnostics((p) => p.uri === memoUri, 'memo diagnostics', 30_000);
        assert.ok(published.diagnostics.length > 0, 'the memo is checked');
        const indexed = await server.waitForNotification(
          (n) =>
            n.method === 'window/logMessage' &&
            /source\(s\) read from/.test((n.params as { message: string }).message) &&
            (n.params as { message: string }).message,
          'the sources folder read',
          30_000,
        );
        assert.match(
          indexed,
          /[1-9]\d* source\(s\) read/,
          `the sources folder (a PDF and a Markdown report) is read: ${indexed}`,
        );
        const lines = memo.split('\n');
        const lineOf = (needle: string): number => lines.findIndex((l) => l.includes(needle));
        const body = lineOf('The ZZEVIL met');
        const hovers: Record<string, string> = {};
        for (const word of ['ZZEVIL', 'OEWG', '@evil2024', '@bibevil', '@fmevil', '@constructor', '@__proto__']) {
          const h = (await server.hover(memoUri, { line: body, character: lines[body].indexOf(word) + 2 })).result as {
            contents?: { value?: string };
          } | null;
          hovers[word] = h?.contents?.value ?? '';
        }
        assert.match(hovers.OEWG, /Open-Ended Working Group/, 'bundled terms hover in the hostile workspace');
        assert.match(hovers.ZZEVIL, /Evil Expansion Organisation/, 'the workspace glossary is read (as data)');
        await server.completion(memoUri, { line: lines.length - 1, character: lines[lines.length - 1].length });
        await server.connection.sendRequest(CodeActionRequest.type, {
          textDocument: { uri: memoUri },
          range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } },
          context: { diagnostics: published.diagnostics as Diagnostic[] },
        });
        const evil = { line: body, character: lines[body].indexOf('@evil2024') + 2 };
        await server.connection.sendRequest(DefinitionRequest.type, {
          textDocument: { uri: memoUri },
          position: evil,
        });
        await server.connection.sendRequest(ReferencesRequest.type, {
          textDocument: { uri: memoUri },
          position: evil,
          context: { includeDeclaration: true },
        });
        await server.connection.sendRequest(DocumentLinkRequest.type, { textDocument: { uri: memoUri } });
        for (const method of [
          'policyLens/listSources',
          'policyLens/referencesEdit',
          'policyLens/exportBibliography',
          'policyLens/checkWorkspace',
        ]) {
          await server.connection.sendRequest(method, { uri: memoUri, position: evil }).catch(() => undefined);
        }
        await server.connection.sendNotification(DidChangeConfigurationNotification.type, {
          settings: {
            policyLens: {
              knowledge: { folders: ['kb', join(ws, 'kb', 'claims')] },
              bibliography: { files: ['refs.bib'] },
            },
          },
        });
        await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
          changes: [
            { uri: pathToFileURL(join(ws, 'kb', 'glossary.yaml')).href, type: FileChangeType.Changed },
            { uri: pathToFileURL(join(ws, 'refs.bib')).href, type: FileChangeType.Changed },
          ],
        });
        await server.change(memoUri, 2, [
          { range: { start: { line: body, character: 0 }, end: { line: body, character: 0 } }, text: 'Edited. ' },
        ]);
        await server.waitForDiagnostics(
          (p) => p.uri === memoUri && p.version === 2,
          'memo diagnostics after the reloads',
          30_000,
        );
        await server.hover(memoUri, { line: body, character: lines[body].indexOf('OEWG') + 10 });
        const failures = [...server.messages, server.stderr].filter((m) =>
          /failed|exception|TypeError|RangeError/i.test(m),
        );
        assert.deepEqual(failures, [], 'the server handles the hostile workspace without internal errors');
        const exit = await server.shutdown();
        assert.equal(exit.code, 0, `the server exits cleanly; stderr:\n${server.stderr.slice(-2000)}`);
      } finally {
        await server.dispose();
      }
      const events = readLog(log);
      assert.ok(events.filter((e) => e.kind === 'guard-ready').length >= 2, 'the guard was loaded in the server too');
      assert.ok(
        events.some((e) => e.kind === 'esm-module' && /pdf\.min\.mjs$/.test(e.detail)),
        'the PDF was read with pdfjs (and that import was logged)',
      );
      assertClean(events, ws, 'server');
      const compiled = events.filter((e) => e.kind === 'function-constructor');
      const other = events
        .filter((e) => ['vm', 'eval', 'native-addon', 'worker', 'esm-module'].includes(e.kind))
        .map((e) => `${e.kind} ${e.detail.slice(0, 100)}`);
      console.log(
        `security session: ${events.length} guard events; ${compiled.length} functions compiled at run time ` +
          `(ajv validators, ${compiled.reduce((n, e) => n + e.length, 0)} characters of generated code); modules ` +
          `compiled: ${[...new Set(events.filter((e) => e.kind === 'module').map((e) => e.detail))].join(', ')}; ` +
          `also: ${[...new Set(other)].join('; ') || 'nothing else'}`,
      );
    },
  );
});

describe('security: a partial install (pdfjs missing beside the bundle)', () => {
  test(
    'with pdfjs missing beside the bundle, reading a PDF never imports pdfjs from the workspace (the working ' +
      'directory)',
    { timeout: 60_000 },
    async () => {
      // A copy of the bundles without dist/pdfjs (a partial install, a build that skipped the copy).
      const copy = makeTempDir('no-pdfjs');
      const dist = join(copy, 'dist');
      mkdirSync(dist);
      for (const f of ['server.js', 'core.js', 'ingestWorker.js']) {
        if (existsSync(join(dirname(SERVER), f))) copyFileSync(join(dirname(SERVER), f), join(dist, f));
      }
      symlinkSync(join(ROOT, 'knowledge'), join(copy, 'knowledge'), 'dir');
      const cache = join(copy, 'cache');
      const copyLog = join(copy, 'guard.log');
      const ws = hostileWorkspace();
      const server = new LspServer({
        script: join(dist, 'server.js'),
        nodeArgs: ['--require', PRELOAD],
        env: { ...process.env, PL_GUARD_LOG: copyLog, XDG_CACHE_HOME: cache },
        cwd: ws,
      });
      try {
        const rootUri = pathToFileURL(ws).href;
        await server.connection.sendRequest('initialize', {
          processId: process.pid,
          rootUri,
          workspaceFolders: [{ uri: rootUri, name: 'hostile' }],
          capabilities: {},
          initializationOptions: { settings: {} },
        });
        await server.connection.sendNotification('initialized', {});
        await server.waitForNotification(
          (n) =>
            n.method === 'window/logMessage' &&
            /source\(s\) read|reading sources failed/.test((n.params as { message: string }).message),
          'the sources folder read',
          30_000,
        );
      } finally {
        await server.dispose();
      }
      const events = readLog(copyLog);
      const pwned = readdirSync(ws).filter((n) => n.startsWith('PWNED-pdfjs'));
      const imported = events
        .filter((e) => e.kind === 'esm-module' && modulePath(e).startsWith(ws))
        .map((e) => e.detail);
      rmSync(copy, { recursive: true, force: true });
      rmSync(ws, { recursive: true, force: true });
      assert.deepEqual(imported, [], 'no ES module is imported from the workspace');
      assert.deepEqual(pwned, [], "the workspace's node_modules/pdfjs-dist did not run");
    },
  );
});

describe('security: the bundles apply no eval or Function constructor to workspace data', () => {
  /**
   * Every dynamic-code construct allowed in dist/*.js, and why it is safe. The knowledge files'
   * JSON Schemas are compiled to validators at build time (scripts/lib/schemaValidators.mjs), so
   * no ajv compiler is bundled; workspace files are passed to the validators as data.
   */
  const allowed: { bundle: string; context: RegExp; why: string }[] = [
    // pdfjs-dist (dist/pdfjs, loaded to read PDFs in the sources folder): a feature probe, and its
    // PostScript-function compiler, which compiles code from the PDF only when isEvalSupported is
    // true; Policy Lens passes isEvalSupported: false to every getDocument (asserted below).
    {
      bundle: 'pdfjs/pdf.min.mjs',
      context: /^new Function\(""\)/,
      why: 'pdfjs FeatureTest.isEvalSupported probe: compiles an empty function',
    },
    {
      bundle: 'pdfjs/pdf.worker.min.mjs',
      context: /^new Function\(""\)/,
      why: 'pdfjs FeatureTest.isEvalSupported probe: compiles an empty function',
    },
    {
      bundle: 'pdfjs/pdf.worker.min.mjs',
      context: /^new Function\("src","srcOffset","dest","destOffset",/,
      why: 'pdfjs PostScriptCompiler: only with isEvalSupported, which Policy Lens turns off',
    },
    {
      bundle: 'pdfjs/pdf.worker.min.mjs',
      context: /^new Script\(e\)\}static setProperty\(/,
      why: "pdfjs XFA: the template's <script> element class (data, never run), not node:vm",
    },
    // core-js polyfills inside pdfjs: constant code (the global object; a built-in module by a name core-js passes).
    ...['pdfjs/pdf.min.mjs', 'pdfjs/pdf.worker.min.mjs'].flatMap((bundle) => [
      { bundle, context: /^Function\("return this"\)\(\)/, why: 'core-js globalThis fallback: constant code' },
      {
        bundle,
        context: /^Function\('return require\("'\+[\w$]+\+'"\)'\)\(\)/,
        why: 'core-js getBuiltInNodeModule fallback: requires a Node built-in by a name core-js passes',
      },
    ]),
    // The CLI launcher compiles one file, its own bundle (dist/cliMain.js beside it), with the V8
    // code cache the build wrote (server/src/node/codeCache.ts); no path comes from the command line.
    {
      bundle: 'cli.js',
      context: /^new [\w$]+\.Script\([\w$]+\.default\.wrap\([\w$]+\)/,
      why: 'code-cache launcher: compiles dist/cliMain.js',
    },
  ];

  test('dist/*.js: no eval(, and new Function( only where documented', () => {
    const dist = SERVER.replace(/[\\/]server\.js$/, '');
    const bundles = readdirSync(dist, { recursive: true, encoding: 'utf8' })
      .map((f) => f.split('\\').join('/'))
      .filter((f) => /\.(c|m)?js$/.test(f));
    assert.ok(
      bundles.includes('server.js') && bundles.includes('cli.js') && bundles.includes('cliMain.js'),
      `bundles in ${dist}: ${bundles.join(', ')}`,
    );
    const found: string[] = [];
    // Calls that run a string as code: eval or Function, new Function, new vm.Script, vm's compile and
    // run functions, and timers given a string.
    const codeFromText = new RegExp(
      [
        /(?<![\w$.])(eval|Function)\s*\(/.source,
        /new\s+Function\s*\(/.source,
        /new\s+(?:[\w$]+\.)?Script\s*\(/.source,
        /\b(?:compileFunction|runInNewContext|runInContext)\s*\(/.source,
        /\b(?:execScript|setTimeout|setInterval)\s*\(\s*["'`]/.source,
      ].join('|'),
      'g',
    );
    for (const bundle of bundles) {
      const code = readFileSync(join(dist, bundle), 'utf8');
      for (const m of code.matchAll(codeFromText)) {
        const context = code.slice(Math.max(0, m.index! - 40), m.index! + 120);
        // `Function(` as part of `new Function(` is matched once, by the second alternative.
        if (m[1] === 'Function' && /new\s+$/.test(code.slice(Math.max(0, m.index! - 8), m.index!))) continue;
        const ok = allowed.some((a) => a.bundle === bundle && a.context.test(code.slice(m.index!, m.index! + 120)));
        if (!ok) found.push(`${bundle}: …${context}…`);
      }
    }
    assert.deepEqual(found, [], 'undocumented dynamic code in the bundles');
  });

  test('every pdfjs getDocument call turns eval off', () => {
    const root = join(ROOT, 'server', 'src');
    const files = (function walk(dir: string): string[] {
      return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
        d.isDirectory() ? walk(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : [],
      );
    })(root);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/getDocument\(([^)]*)\)/g)) {
        assert.match(m[1], /isEvalSupported:\s*false/, `${file}: ${m[0]}`);
      }
    }
  });

  test('the sources compile no schema at run time: the bundled JSON Schemas are compiled at build time', () => {
    const root = join(ROOT, 'server', 'src');
    const files = (function walk(dir: string): string[] {
      return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
        d.isDirectory() ? walk(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : [],
      );
    })(root);
    const compiles: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const schemaCall = /\.(compile|compileAsync|addSchema|addMetaSchema|getSchema)\(([^)]*)\)/g;
      const codeGeneration = /\beval\(|new (Function|Ajv)\(/g;
      // ajv may be imported for its types only.
      const ajvImport = /^import (?!type )[^;]*'ajv[^']*'/gm;
      const found = [schemaCall, codeGeneration, ajvImport].flatMap((pattern) => [...text.matchAll(pattern)]);
      compiles.push(...found.map((m) => `${file.slice(root.length + 1)}: ${m[0]}`));
    }
    assert.deepEqual(compiles, [], 'schemas compiled by the server and CLI');
    const schemas = readFileSync(join(root, 'knowledge', 'schemas.ts'), 'utf8');
    const generated = /import \* as schemaValidators from 'policy-lens:schema-validators'/;
    assert.match(schemas, generated, 'the validators the build wrote');
  });
});
