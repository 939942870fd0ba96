/**
 * The editor features behind VS Code's commands, over the protocol: go to definition on a key,
 * find all references across the workspace, document links, and the custom requests the client's
 * commands send (Insert Citation's source list, Insert References, Export Bibliography, Check Workspace).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  DefinitionRequest,
  DidOpenTextDocumentNotification,
  DocumentLinkRequest,
  InitializedNotification,
  InitializeRequest,
  type Location,
  type ProtocolConnection,
  ReferencesRequest,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import {
  checkWorkspaceRequest,
  exportBibliographyRequest,
  listSourcesRequest,
  referencesEditRequest,
} from '../../server/src/common/protocol';

describe('editor features over the protocol', { timeout: 30000 }, () => {
  let root: string;
  let child: ChildProcessWithoutNullStreams;
  let connection: ProtocolConnection;
  const uri = (name: string): string => pathToFileURL(join(root, name)).href;
  const memo = 'Exports [@kim2023] and @webref.\n\nMore on 5G [@pacforum2022; @kim2023].\n';

  before(async () => {
    root = realpathSync(mkdtempSync(join(tmpdir(), 'policy-lens-features-')));
    mkdirSync(join(root, 'notes'));
    writeFileSync(join(root, 'notes', 'other.md'), 'Elsewhere [@kim2023].\n');
    // Quarto and R Markdown memos are memos too.
    writeFileSync(join(root, 'notes', 'quarto.qmd'), 'In Quarto, see @fig-map [@kim2023].\n');
    writeFileSync(join(root, 'notes', 'analysis.Rmd'), '```{r}\n"@kim2023"\n```\n\nIn R [@kim2023].\n');
    writeFileSync(
      join(root, 'refs.json'),
      JSON.stringify([{ id: 'webref', type: 'webpage', title: 'A page', URL: 'https://example.org/page' }]),
    );
    child = spawn(process.execPath, [join(process.cwd(), 'dist', 'server.js'), '--stdio']);
    connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    connection.listen();
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(root).href,
      workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'w' }],
      capabilities: {},
      initializationOptions: { settings: { bibliography: { files: ['refs.json'] } } },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    await connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: uri('memo.md'), languageId: 'markdown', version: 1, text: memo },
    });
  });

  after(() => {
    connection?.dispose();
    child?.kill();
    rmSync(root, { recursive: true, force: true });
  });

  test('go to definition on a key opens its entry in the bundled sources file', async () => {
    const result = (await connection.sendRequest(DefinitionRequest.type, {
      textDocument: { uri: uri('memo.md') },
      position: { line: 0, character: 12 },
    })) as Location;
    assert.match(fileURLToPath(result.uri), /knowledge[\\/]sources\.json$/);
    assert.ok(result.range.start.line > 0);
  });

  test('find all references lists the key in this memo and in other workspace files', async () => {
    const refs = (await connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri: uri('memo.md') },
      position: { line: 0, character: 12 },
      context: { includeDeclaration: false },
    }))!;
    const found = refs.map(
      (r) =>
        `${fileURLToPath(r.uri)
          .slice(root.length + 1)
          .split('\\')
          .join('/')}:${r.range.start.line}:${r.range.start.character}`,
    );
    assert.deepEqual(found.sort(), [
      'memo.md:0:10',
      'memo.md:2:28',
      'notes/analysis.Rmd:4:7',
      'notes/other.md:0:12',
      'notes/quarto.qmd:0:26',
    ]);
  });

  test('document links point a key at its source URL', async () => {
    for (let waited = 0; waited < 5000; waited += 100) {
      const links =
        (await connection.sendRequest(DocumentLinkRequest.type, { textDocument: { uri: uri('memo.md') } })) ?? [];
      if (links.length > 0) {
        assert.deepEqual(
          links.map((l) => [l.target, l.range.start.line, l.range.start.character]),
          [['https://example.org/page', 0, 24]],
        );
        return;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.fail('no document link');
  });

  test('the commands: source list, references section, bibliography export, workspace check', async () => {
    const sources = (await connection.sendRequest(listSourcesRequest, {
      uri: uri('memo.md'),
      position: { line: 2, character: 10 },
    })) as { key: string; supports: boolean }[];
    assert.ok(
      sources.some((s) => s.key === 'kim2023') &&
        sources.some((s) => s.key === 'pacforum2022') &&
        sources.some((s) => s.key === 'webref'),
    );
    const edit = (await connection.sendRequest(referencesEditRequest, { uri: uri('memo.md') })) as { newText: string };
    assert.match(edit.newText, /## References/);
    assert.match(edit.newText, /Kim, So Jeong\. 2023\./);
    const items = (await connection.sendRequest(exportBibliographyRequest, { uri: uri('memo.md') })) as {
      id: string;
    }[];
    assert.deepEqual(items.map((i) => i.id).sort(), ['kim2023', 'pacforum2022', 'webref']);
    const checked = (await connection.sendRequest(checkWorkspaceRequest)) as { files: number; problems: number };
    assert.equal(checked.files, 4);
  });
});
