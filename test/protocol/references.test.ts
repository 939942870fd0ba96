/**
 * References through the real server (dist/server.js, its CSL processor in a worker thread): a
 * BibTeX bibliography with the shapes that used to drop entries, a CSL-JSON file with one broken
 * item, a memo whose front matter asks for APA; hover, completion resolve, go to definition,
 * Insert References and BibTeX export, and the broken item reported on its file.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CompletionRequest,
  CompletionResolveRequest,
  DefinitionRequest,
  type Diagnostic,
  DidOpenTextDocumentNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  type Location,
  type MarkupContent,
  type PublishDiagnosticsParams,
  type ProtocolConnection,
  PublishDiagnosticsNotification,
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type CompletionList,
} from 'vscode-languageserver-protocol/node';
import { exportBibtexRequest, referencesEditRequest } from '../../server/src/common/protocol';

const bib = `@article(paren2020,
  author = {{\\"U}ber, J{\\"o}rg and {World Bank}},
  title = {A Study (with parentheses) of Networks},
  journal = {Asian Security Review},
  year = 2020, volume = 3, pages = {3--15}
)
@misc{win2021, author = {Lee, Min}, title = {Windows}, url = {C:\\dir\\}, year = {2021}}
@book{later2022, author = {Steiner, Jake}, title = {Open RAN}, publisher = {Pacific Forum},
  address = {Honolulu}, year = 2022}
`;
const csl = JSON.stringify(
  [
    { id: 'broken', type: 'book', title: 'Broken', author: 'Kim, Lami' },
    {
      id: 'fine2019',
      type: 'book',
      title: 'A Fine Book',
      author: [{ family: 'Park', given: 'John' }],
      issued: { 'date-parts': [[2019]] },
    },
  ],
  null,
  1,
);
const memo =
  '---\ncsl: apa\n---\n\nAs argued [@paren2020, p. 4] and [@later2022] and [@fine2019] and [@broken].\n\n## ' +
  'References\n';

describe('references over the protocol (CSL processor in a worker)', { timeout: 60000 }, () => {
  let root: string;
  let child: ChildProcessWithoutNullStreams;
  let connection: ProtocolConnection;
  const published = new Map<string, Diagnostic[]>();
  const uri = (name: string): string => pathToFileURL(join(root, name)).href;
  const line = 4;
  const at = (key: string): { line: number; character: number } => ({
    line,
    character: memo.split('\n')[line].indexOf(key) + 2,
  });
  const hover = async (key: string): Promise<string> => {
    const h = await connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: uri('memo.md') },
      position: at(key),
    });
    return (h?.contents as MarkupContent | undefined)?.value ?? '';
  };

  before(async () => {
    root = realpathSync(mkdtempSync(join(tmpdir(), 'policy-lens-references-')));
    writeFileSync(join(root, 'refs.bib'), bib);
    writeFileSync(join(root, 'refs.json'), csl);
    child = spawn(process.execPath, [join(process.cwd(), 'dist', 'server.js'), '--stdio']);
    connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    connection.onNotification(PublishDiagnosticsNotification.method, (p: PublishDiagnosticsParams) => {
      published.set(p.uri, p.diagnostics);
    });
    connection.listen();
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(root).href,
      workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'w' }],
      capabilities: {},
      initializationOptions: { settings: { bibliography: { files: ['refs.bib', 'refs.json'] } } },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    await connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: uri('memo.md'), languageId: 'markdown', version: 1, text: memo },
    });
    // Checked once the settings' bibliographies are read (they load after the handshake, in the
    // background): paren2020 is then no longer an unknown key.
    const ready = (): boolean => {
      const diagnostics = published.get(uri('memo.md'));
      return (
        diagnostics !== undefined &&
        !diagnostics.some((d) => d.code === 'unknown-citation' && String(d.message).includes('paren2020'))
      );
    };
    for (let waited = 0; waited < 20_000 && !ready(); waited += 50) await new Promise((r) => setTimeout(r, 50));
  });

  after(() => {
    connection?.dispose();
    child?.kill();
    rmSync(root, { recursive: true, force: true });
  });

  test("a hover on a BibTeX key shows the cite and the reference in the memo's csl: style (APA)", async () => {
    const value = await hover('paren2020');
    assert.match(value, /\*\*@paren2020\*\* · \(Über & World Bank, 2020, p\. 4\)/);
    assert.match(
      value,
      /Über, J\. & World Bank\. \(2020\)\. A study \(with parentheses\) of networks\. \*Asian Security Review\*, \*3\*/,
    );
    assert.ok(value.includes('*Asian Security Review*, *3*, 3–15.'), value);
  });

  test('the entry after @article(…) and url = {C:\\dir\\} is read, and go to definition lands on it', async () => {
    assert.match(await hover('later2022'), /Steiner, J\. \(2022\)\. \*Open RAN\*\. Pacific Forum\./);
    const location = (await connection.sendRequest(DefinitionRequest.type, {
      textDocument: { uri: uri('memo.md') },
      position: at('later2022'),
    })) as Location;
    assert.equal(fileURLToPath(location.uri), join(root, 'refs.bib'));
    assert.equal(location.range.start.line, 7);
  });

  test('one CSL item with author as a string is reported on its file; every other key still renders', async () => {
    const problems = published.get(uri('refs.json')) ?? [];
    assert.equal(problems.length, 1, JSON.stringify(problems));
    assert.match(String(problems[0].message), /^broken: "author" must be a list of names/);
    assert.equal(problems[0].range.start.line, 1);
    assert.match(await hover('fine2019'), /Park, J\. \(2019\)\. \*A fine book\*\./i);
    assert.match(await hover('broken'), /\*Broken\*\./);
  });

  test('completion lists keys unformatted; completionItem/resolve adds the rendered reference', async () => {
    const position = { line, character: memo.split('\n')[line].indexOf('[@paren2020') + 2 };
    const list = (await connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri: uri('memo.md') },
      position,
    })) as CompletionList;
    const item = list.items.find((i) => i.label === 'later2022')!;
    assert.equal(item.documentation, undefined);
    const resolved = await connection.sendRequest(CompletionResolveRequest.type, item);
    assert.match(
      ((resolved.documentation ?? { value: '' }) as MarkupContent).value,
      /^Steiner, J\. \(2022\)\. \*Open RAN\*\. Pacific Forum\./,
    );
  });

  test('Insert References fills the References heading with APA; Export Bibliography writes BibTeX', async () => {
    const edit = (await connection.sendRequest(referencesEditRequest, { uri: uri('memo.md') })) as {
      range: { start: { line: number } };
      newText: string;
    };
    assert.equal(edit.range.start.line, 7, 'inserted under the existing heading');
    assert.doesNotMatch(edit.newText, /## References/);
    assert.match(edit.newText, /Park, J\. \(2019\)\. \*A fine book\*\./i);
    assert.ok(
      edit.newText.indexOf('Park, J.') < edit.newText.indexOf('Steiner, J.') &&
        edit.newText.indexOf('Steiner, J.') < edit.newText.indexOf('Über, J.'),
      'sorted by the style',
    );
    const bibtex = (await connection.sendRequest(exportBibtexRequest, { uri: uri('memo.md') })) as string;
    assert.match(bibtex, /@article\{paren2020,/);
    assert.match(bibtex, /@book\{later2022,/);
  });
});
