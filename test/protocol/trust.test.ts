/**
 * In an untrusted workspace the server reads no file outside the workspace folders: a knowledge
 * folder elsewhere is skipped (its terms do not hover), one inside the workspace is read.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection, DidOpenTextDocumentNotification, HoverRequest, InitializedNotification, InitializeRequest, ProtocolConnection,
  StreamMessageReader, StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';

function glossary(term: string): string {
  return `terms:\n  - id: ${term.toLowerCase()}\n    term: ${term}\n    kind: concept\n    definition: A term defined in the ${term} folder.\n`;
}

async function hoverValue(connection: ProtocolConnection, uri: string, character: number): Promise<string> {
  const hover = await connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character } });
  return hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
}

for (const trusted of [false, true]) {
  describe(`a ${trusted ? 'trusted' : 'untrusted'} workspace`, { timeout: 30000 }, () => {
    let root: string;
    let child: ChildProcessWithoutNullStreams;
    let connection: ProtocolConnection;
    const memo = (): string => pathToFileURL(join(root, 'workspace', 'memo.md')).href;

    before(async () => {
      root = realpathSync(mkdtempSync(join(tmpdir(), 'policy-lens-trust-')));
      for (const [folder, term] of [['workspace/kb', 'Insider'], ['outside/kb', 'Outsider']]) {
        mkdirSync(join(root, folder), { recursive: true });
        writeFileSync(join(root, folder, 'glossary.yaml'), glossary(term));
      }
      child = spawn(process.execPath, [join(process.cwd(), 'dist', 'server.js'), '--stdio']);
      connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
      connection.listen();
      const workspace = pathToFileURL(join(root, 'workspace')).href;
      await connection.sendRequest(InitializeRequest.type, {
        processId: process.pid, rootUri: workspace, workspaceFolders: [{ uri: workspace, name: 'w' }], capabilities: {},
        initializationOptions: { trusted, settings: { knowledge: { folders: ['kb', join(root, 'outside', 'kb')] } } },
      });
      await connection.sendNotification(InitializedNotification.type, {});
      await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: memo(), languageId: 'markdown', version: 1, text: 'Insider and Outsider.\n' } });
    });

    after(() => {
      connection?.dispose();
      child?.kill();
      rmSync(root, { recursive: true, force: true });
    });

    test(trusted ? 'reads knowledge folders inside and outside the workspace' : 'reads the knowledge folder inside the workspace and not the one outside', async () => {
      let inside = '';
      for (let waited = 0; waited < 10000 && !inside; waited += 100) {
        inside = await hoverValue(connection, memo(), 2);
        if (!inside) await new Promise((r) => setTimeout(r, 100));
      }
      assert.match(inside, /Insider folder/);
      const outside = await hoverValue(connection, memo(), 15);
      if (trusted) assert.match(outside, /Outsider folder/);
      else assert.equal(outside, '');
    });
  });
}
