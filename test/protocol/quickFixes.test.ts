/**
 * Quick fixes over the protocol, from a client that applies versioned edits (VS Code does): each
 * fix is a `documentChanges` edit naming the version it was made for, and a diagnostic whose text
 * changed since it was published gets no fix at all.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  type CodeAction,
  CodeActionRequest,
  type Diagnostic,
  type PublishDiagnosticsParams,
  type Range,
  type TextDocumentEdit,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { LspServer, makeTempDir } from '../load/lspClient';

describe('quick fixes over the protocol', { timeout: 30000 }, () => {
  let dir: string;
  let server: LspServer;
  let uri: string;

  before(async () => {
    dir = makeTempDir('quick-fixes');
    uri = pathToFileURL(join(dir, 'memo.md')).href;
    server = new LspServer();
    await server.initialize({}, { workspaceEdit: { documentChanges: true } });
  });

  after(async () => {
    await server?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  const actionsFor = async (diagnostics: Diagnostic[], of = uri): Promise<CodeAction[]> => {
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const params = { textDocument: { uri: of }, range, context: { diagnostics } };
    const actions = await server.connection.sendRequest(CodeActionRequest.type, params);
    return (actions ?? []) as CodeAction[];
  };

  test('fixes name the document version; after an edit under a diagnostic its fix is refused', async () => {
    const text = 'The OEWG met [@kim2032].\n';
    await server.open(uri, text, 3);
    const ofVersion3 = (p: PublishDiagnosticsParams): boolean =>
      p.uri === uri && p.version === 3 && p.diagnostics.length >= 2;
    const published = await server.waitForDiagnostics(ofVersion3, 'diagnostics of version 3', 15000);
    const fresh = await actionsFor(published.diagnostics);
    const titles = fresh.map((a) => a.title);
    assert.ok(
      titles.some((t) => /Expand/.test(t)),
      JSON.stringify(titles),
    );
    assert.ok(
      titles.some((t) => /Change to @kim2023/.test(t)),
      JSON.stringify(titles),
    );
    for (const action of fresh) {
      const [change] = action.edit!.documentChanges as TextDocumentEdit[];
      assert.deepEqual(change.textDocument, { uri, version: 3 }, action.title);
    }
    // "OEWG" becomes "OECD" and the key changes too: both diagnostics now lie over other text.
    const range = (from: number, to: number): Range => ({
      start: { line: 0, character: from },
      end: { line: 0, character: to },
    });
    await server.change(uri, 4, [
      { range: range(4, 8), text: 'OECD' },
      { range: range(16, 23), text: 'kim2099' },
    ]);
    assert.deepEqual(
      (await actionsFor(published.diagnostics)).map((a) => a.title),
      [],
    );
  });

  test('Ignore this finding: its edit, applied over the protocol, silences the finding', async () => {
    const text = 'Intro.\r\n\r\n- First.\r\n- The OEWG met.\r\n';
    const uri = pathToFileURL(join(dir, 'ignore.md')).href;
    await server.open(uri, text, 10);
    const published = await server.waitForDiagnostics(
      (p) => p.uri === uri && p.version === 10 && p.diagnostics.some((d) => d.code === 'undefined-acronym'),
      'the acronym hint of version 10',
      15000,
    );
    const hint = published.diagnostics.filter((d) => d.code === 'undefined-acronym');
    const ignore = (await actionsFor(hint, uri)).find((a) => a.title === 'Ignore this finding');
    assert.ok(ignore, 'an Ignore this finding action');
    const [change] = ignore.edit!.documentChanges as TextDocumentEdit[];
    assert.deepEqual(change.textDocument, { uri, version: 10 });
    const edits = change.edits as TextEdit[];
    assert.deepEqual(
      edits.map((e) => [e.range.start, e.newText]),
      [[{ line: 3, character: 0 }, '  <!-- policy-lens-disable-next-line undefined-acronym -->\r\n']],
    );
    await server.change(
      uri,
      11,
      edits.map((e) => ({ range: e.range, text: e.newText })),
    );
    const after = await server.waitForDiagnostics((p) => p.uri === uri && p.version === 11, 'version 11', 15000);
    assert.deepEqual(
      after.diagnostics.filter((d) => d.code === 'undefined-acronym'),
      [],
    );
  });
});
