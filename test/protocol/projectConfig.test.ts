/**
 * The project config (.policylens.yaml) over the protocol: the CLI and the server, given the same
 * workspace (memo, config with knowledge, bibliography, severities and an ignored finding, front
 * matter bibliography), report the same diagnostics; the quick fix *Ignore this finding in
 * .policylens.yaml* creates or extends the config, and once the client has applied it the finding
 * is silent until its sentence is edited; Show Ignored Findings lists each entry with its line.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  type CodeAction,
  CodeActionRequest,
  CreateFile,
  type Diagnostic,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  type PublishDiagnosticsParams,
  type TextDocumentEdit,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { CLI, LspServer, makeTempDir } from '../load/lspClient';
import { writeTestKnowledge } from '../unit/helpers';

const wrong = "Nearly 90% of Korea's total exports go to the Indo-Pacific.";
const T = { timeout: 60000 };

/** What both must agree on: where, how severe, which check, what it says. */
const comparable = (diagnostics: Diagnostic[]): string[] =>
  diagnostics
    .map(
      (d) =>
        `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ` +
        `${d.severity} ${String(d.code)} ${d.message}`,
    )
    .sort();

describe('project config: the CLI and the server agree', T, () => {
  let ws: string;
  let server: LspServer;

  before(() => {
    ws = makeTempDir('config-parity');
    writeTestKnowledge(join(ws, 'kb'));
    mkdirSync(join(ws, 'refs'));
    mkdirSync(join(ws, 'drafts'));
    const item = (id: string): string =>
      JSON.stringify([{ id, type: 'book', title: id, issued: { 'date-parts': [[2020]] } }]);
    writeFileSync(join(ws, 'refs', 'shared.json'), item('gamma2020'));
    writeFileSync(join(ws, 'refs', 'own.json'), item('delta2021'));
    writeFileSync(
      join(ws, '.policylens.yaml'),
      [
        'knowledge: kb',
        'bibliography: refs/shared.json',
        'checks:',
        '  contradiction: error',
        '  undefined-acronym: warning',
        '  missing-citation: off',
        'crossrefPrefixes: ["thm-"]',
        'ignores:',
        '  - check: unknown-citation',
        '    sentence: Ignored here [@nowhere2001].',
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(ws, 'drafts', 'memo.md'),
      [
        '---',
        'bibliography: ../refs/own.json',
        '---',
        '',
        wrong,
        '',
        'The OEWG met again, as @thm-one shows [@gamma2020; @delta2021].',
        '',
        'Ignored here [@nowhere2001].',
        '',
        'Not ignored [@nowhere2001]. See also [@fig:map].',
        '',
      ].join('\n'),
    );
  });

  after(async () => {
    await server?.dispose();
    rmSync(ws, { recursive: true, force: true });
  });

  test('same memo, same config: the same diagnostics from the CLI (json) and from the server', async () => {
    const memo = join(ws, 'drafts', 'memo.md');
    const run = spawnSync(process.execPath, [CLI, 'check', '--no-cache', '--format', 'json', memo], {
      cwd: ws,
      encoding: 'utf8',
    });
    assert.equal(run.status, 1, run.stderr);
    const fromCli = (JSON.parse(run.stdout) as { files: { diagnostics: Diagnostic[] }[] }).files[0].diagnostics;
    // The config is at work, so that agreeing means something: its severities, knowledge, bibliographies
    // and ignores each change the result.
    const codes = fromCli.map((d) => `${String(d.code)}:${d.severity}`).sort();
    // (crossrefPrefixes replaces the default prefixes: [@fig:map] is a citation here, of an unknown key.)
    const expected = ['contradiction:1', 'undefined-acronym:2', 'unknown-citation:1', 'unknown-citation:1'];
    assert.deepEqual(codes, expected, run.stdout);

    server = new LspServer();
    await server.initialize({ knowledgeCacheDir: join(ws, '.cache') }, {}, [ws]);
    const uri = pathToFileURL(memo).href;
    await server.open(uri, readFileSync(memo, 'utf8'), 1);
    const published = await server.waitForDiagnostics(
      (p) => p.uri === uri && p.diagnostics.length === fromCli.length,
      'the memo diagnostics',
      30000,
    );
    assert.deepEqual(comparable(published.diagnostics), comparable(fromCli));
  });
});

describe('Ignore this finding in .policylens.yaml over the protocol', T, () => {
  let ws: string;
  let server: LspServer;
  const config = (): string => join(ws, '.policylens.yaml');

  before(async () => {
    ws = makeTempDir('config-ignore');
    mkdirSync(join(ws, 'drafts'));
    server = new LspServer();
    const edits = { workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } };
    await server.initialize({ knowledgeCacheDir: join(ws, '.cache') }, edits, [ws]);
  });

  after(async () => {
    await server?.dispose();
    rmSync(ws, { recursive: true, force: true });
  });

  const actionsFor = async (uri: string, diagnostics: Diagnostic[]): Promise<CodeAction[]> => {
    const range = diagnostics[0].range;
    const params = { textDocument: { uri }, range, context: { diagnostics } };
    return ((await server.connection.sendRequest(CodeActionRequest.type, params)) ?? []) as CodeAction[];
  };

  /** Applies a workspace edit as a client would: creates files, replaces their text on disk. */
  const apply = (action: CodeAction): void => {
    for (const change of action.edit!.documentChanges!) {
      if (CreateFile.is(change)) {
        writeFileSync(fileURLToPath(change.uri), '');
        continue;
      }
      const edit = change as TextDocumentEdit;
      const path = fileURLToPath(edit.textDocument.uri);
      const [only] = edit.edits as TextEdit[];
      const old = readFileSync(path, 'utf8');
      assert.deepEqual(only.range.start, { line: 0, character: 0 }, 'the whole file is replaced');
      assert.equal(only.range.end.line, old.split('\n').length - 1);
      writeFileSync(path, only.newText);
    }
  };

  const changed = async (type: FileChangeType): Promise<void> =>
    server.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: pathToFileURL(config()).href, type }],
    });

  const since = (): number => server.notifications.length;
  const memoDiagnostics = (uri: string, from: number, label: string, ok: (p: PublishDiagnosticsParams) => boolean) =>
    server.waitForDiagnostics((p) => p.uri === uri && ok(p), label, 30000, from);

  test('creates the config, then extends it; the finding is silent until its sentence is edited', async () => {
    const uri = pathToFileURL(join(ws, 'drafts', 'memo.md')).href;
    const text = `Intro.\n\n${wrong}\n\nSee [@nosuchkey2020].\n`;
    await server.open(uri, text, 1);
    const first = await memoDiagnostics(uri, 0, 'a contradiction and an unknown key', (p) =>
      ['contradiction', 'unknown-citation'].every((c) => p.diagnostics.some((d) => d.code === c)),
    );
    const contradiction = first.diagnostics.filter((d) => d.code === 'contradiction');
    const actions = await actionsFor(uri, contradiction);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Ignore this finding'), JSON.stringify(titles));
    const ignore = actions.find((a) => a.title === 'Ignore this finding in .policylens.yaml');
    assert.ok(ignore, JSON.stringify(titles));
    const [create] = ignore.edit!.documentChanges!;
    assert.ok(CreateFile.is(create), 'no config yet: the edit creates one at the workspace folder');
    assert.equal(fileURLToPath(create.uri), config());
    apply(ignore);
    assert.match(
      readFileSync(config(), 'utf8'),
      /^ignores:\n {2}- check: contradiction\n {4}claim: \S+\n {4}sentence:/m,
    );

    let from = since();
    await changed(FileChangeType.Created);
    await memoDiagnostics(
      uri,
      from,
      'the contradiction ignored',
      (p) =>
        p.diagnostics.every((d) => d.code !== 'contradiction') &&
        p.diagnostics.some((d) => d.code === 'unknown-citation'),
    );

    // A second finding goes into the same file, after the first.
    const unknown = first.diagnostics.filter((d) => d.code === 'unknown-citation');
    const second = (await actionsFor(uri, unknown)).find((a) => a.title === 'Ignore this finding in .policylens.yaml')!;
    assert.equal(second.edit!.documentChanges!.length, 1, 'the file exists now: no CreateFile');
    apply(second);
    from = since();
    await changed(FileChangeType.Changed);
    await memoDiagnostics(uri, from, 'both ignored', (p) => p.diagnostics.length === 0);

    // Show Ignored Findings: both entries, each with the line it starts on.
    const listed = (await server.connection.sendRequest('policyLens/ignoredFindings')) as {
      uri: string;
      line: number;
      check: string;
      sentence: string;
    }[];
    assert.deepEqual(
      listed.map((i) => [fileURLToPath(i.uri), i.line, i.check, i.sentence]),
      [
        [config(), 2, 'contradiction', wrong],
        [config(), 5, 'unknown-citation', 'See [@nosuchkey2020].'],
      ],
    );

    // The sentence edited: the contradiction is back.
    from = since();
    await server.change(uri, 2, [{ text: text.replace('Nearly 90%', 'Almost 90%') }]);
    await memoDiagnostics(
      uri,
      from,
      'the contradiction back',
      (p) => p.version === 2 && p.diagnostics.some((d) => d.code === 'contradiction'),
    );

    // The config deleted: every finding is back.
    rmSync(config());
    from = since();
    await changed(FileChangeType.Deleted);
    await memoDiagnostics(uri, from, 'the unknown key back', (p) =>
      p.diagnostics.some((d) => d.code === 'unknown-citation'),
    );
  });

  test('a broken config is reported on itself at line:column, and the memo is still checked', async () => {
    writeFileSync(config(), 'checks:\n  contradiction: loud\n');
    const from = since();
    await changed(FileChangeType.Created);
    const published = await server.waitForDiagnostics(
      (p) => p.uri === pathToFileURL(config()).href && p.diagnostics.length > 0,
      'the config problem',
      30000,
      from,
    );
    const [problem] = published.diagnostics;
    assert.deepEqual(problem.range.start, { line: 1, character: 17 });
    assert.match(String(problem.message), /checks\.contradiction: must be one of error, warning/);
    // Fixed: the problem is cleared.
    writeFileSync(config(), 'checks:\n  contradiction: error\n');
    const again = since();
    await changed(FileChangeType.Changed);
    await server.waitForDiagnostics(
      (p) => p.uri === pathToFileURL(config()).href && p.diagnostics.length === 0,
      'the config problem cleared',
      30000,
      again,
    );
  });
});

describe("a hover right after opening does not make the first check miss the config's bibliography", T, () => {
  let ws: string;
  let server: LspServer;

  before(async () => {
    ws = makeTempDir('config-first-check');
    const item = JSON.stringify([{ id: 'lee2021', type: 'book', title: 'Ports', issued: { 'date-parts': [[2021]] } }]);
    writeFileSync(join(ws, 'shipping.json'), item);
    writeFileSync(join(ws, '.policylens.yaml'), 'bibliography: shipping.json\n');
    server = new LspServer();
    await server.initialize({ knowledgeCacheDir: join(ws, '.cache') }, {}, [ws]);
  });

  after(async () => {
    await server?.dispose();
    rmSync(ws, { recursive: true, force: true });
  });

  test('the first diagnostics already know the key (Neovim sends a hover with the open)', async () => {
    const uri = pathToFileURL(join(ws, 'memo.md')).href;
    const text = `${wrong}\n\nPort congestion worsened in 2021 [@lee2021].\n`;
    // As Neovim does: the hover goes out right behind the open, and its read of the memo's sources
    // starts first; the check must wait for that read, not run without it.
    await server.open(uri, text, 1);
    const hover = server.hover(uri, { line: 2, character: 36 });
    const first = await server.waitForDiagnostics((p) => p.uri === uri, 'the first diagnostics', 30000);
    await hover;
    assert.ok(
      first.diagnostics.some((d) => d.code === 'contradiction'),
      `checked: ${JSON.stringify(first.diagnostics)}`,
    );
    assert.deepEqual(
      first.diagnostics.filter((d) => d.code === 'unknown-citation').map((d) => d.message),
      [],
      'no unknown key in the first diagnostics',
    );
  });
});
