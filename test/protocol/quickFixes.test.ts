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
import { CodeAction, CodeActionRequest, Diagnostic, TextDocumentEdit } from 'vscode-languageserver-protocol/node';
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

  const actionsFor = async (diagnostics: Diagnostic[]): Promise<CodeAction[]> => {
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return ((await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics } })) ?? []) as CodeAction[];
  };

  test('fixes name the document version; after an edit under a diagnostic its fix is refused', async () => {
    const text = 'The OEWG met [@kim2032].\n';
    await server.open(uri, text, 3);
    const published = await server.waitForDiagnostics((p) => p.uri === uri && p.version === 3 && p.diagnostics.length >= 2, 'diagnostics of version 3', 15000);
    const fresh = await actionsFor(published.diagnostics);
    assert.ok(fresh.some((a) => /Expand/.test(a.title)) && fresh.some((a) => /Change to @kim2023/.test(a.title)), JSON.stringify(fresh.map((a) => a.title)));
    for (const action of fresh) {
      const [change] = action.edit!.documentChanges as TextDocumentEdit[];
      assert.deepEqual(change.textDocument, { uri, version: 3 }, action.title);
    }
    // "OEWG" becomes "OECD" and the key changes too: both diagnostics now lie over other text.
    await server.change(uri, 4, [{ range: { start: { line: 0, character: 4 }, end: { line: 0, character: 8 } }, text: 'OECD' }, { range: { start: { line: 0, character: 16 }, end: { line: 0, character: 23 } }, text: 'kim2099' }]);
    assert.deepEqual((await actionsFor(published.diagnostics)).map((a) => a.title), []);
  });
});
