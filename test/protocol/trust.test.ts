/**
 * In an untrusted workspace the server reads no file outside the workspace folders: a knowledge
 * folder elsewhere is skipped (its terms do not hover), one inside the workspace is read. Trust
 * granted later takes effect at once.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  type ProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { checkWorkspaceRequest, workspaceTrustedNotification } from '../../server/src/common/protocol';
import { LspServer } from '../load/lspClient';

function glossary(term: string): string {
  return (
    `terms:\n  - id: ${term.toLowerCase()}\n    term: ${term}\n    kind: concept\n    definition: A term ` +
    `defined in the ${term} folder.\n`
  );
}

async function hoverValue(connection: ProtocolConnection, uri: string, character: number): Promise<string> {
  const hover = await connection.sendRequest(HoverRequest.type, {
    textDocument: { uri },
    position: { line: 0, character },
  });
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
      for (const [folder, term] of [
        ['workspace/kb', 'Insider'],
        ['outside/kb', 'Outsider'],
      ]) {
        mkdirSync(join(root, folder), { recursive: true });
        writeFileSync(join(root, folder, 'glossary.yaml'), glossary(term));
      }
      child = spawn(process.execPath, [join(process.cwd(), 'dist', 'server.js'), '--stdio']);
      connection = createProtocolConnection(
        new StreamMessageReader(child.stdout),
        new StreamMessageWriter(child.stdin),
      );
      connection.listen();
      const workspace = pathToFileURL(join(root, 'workspace')).href;
      await connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: workspace,
        workspaceFolders: [{ uri: workspace, name: 'w' }],
        capabilities: {},
        initializationOptions: { trusted, settings: { knowledge: { folders: ['kb', join(root, 'outside', 'kb')] } } },
      });
      await connection.sendNotification(InitializedNotification.type, {});
      await connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri: memo(), languageId: 'markdown', version: 1, text: 'Insider and Outsider.\n' },
      });
    });

    after(() => {
      connection?.dispose();
      child?.kill();
      rmSync(root, { recursive: true, force: true });
    });

    test(
      trusted
        ? 'reads knowledge folders inside and outside the workspace'
        : 'reads the knowledge folder inside the workspace and not the one outside',
      async () => {
        let inside = '';
        for (let waited = 0; waited < 10000 && !inside; waited += 100) {
          inside = await hoverValue(connection, memo(), 2);
          if (!inside) await new Promise((r) => setTimeout(r, 100));
        }
        assert.match(inside, /Insider folder/);
        const outside = await hoverValue(connection, memo(), 15);
        if (trusted) assert.match(outside, /Outsider folder/);
        else assert.equal(outside, '');
      },
    );
  });
}

/**
 * Links that lead out of an untrusted workspace: a cloned repository can carry them. Each way in
 * that the server reads files is tried: a bibliography named in the settings and one in front
 * matter, a knowledge folder and a knowledge file, the sources folder and a report in it, and the
 * memos Check Workspace reads. Untrusted, nothing outside is read; trusted, all of it is.
 */
for (const trusted of [false, true]) {
  describe(`links out of ${trusted ? 'a trusted' : 'an untrusted'} workspace`, { timeout: 60000 }, () => {
    let root: string;
    let server: LspServer;
    const at = (...parts: string[]): string => join(root, ...parts);

    before(async () => {
      root = realpathSync(mkdtempSync(join(tmpdir(), 'policy-lens-links-')));
      const write = (path: string, text: string): void => {
        mkdirSync(join(path, '..'), { recursive: true });
        writeFileSync(path, text);
      };
      // Outside the workspace.
      write(at('outside', 'settings.bib'), '@book{outsettings, title={Outside}, year={2020}}\n');
      write(at('outside', 'front.bib'), '@book{outfront, title={Outside}, year={2020}}\n');
      write(at('outside', 'kb', 'glossary.yaml'), glossary('Outsider'));
      write(at('outside', 'kb-file', 'glossary.yaml'), glossary('Farther'));
      write(
        at('outside', 'reports', 'roe-2020.txt'),
        'Notes\n\nDr. Ann Lee, Senior Fellow at the Institute of Ports, reviewed the accord.\n',
      );
      write(
        at('outside', 'secret-2021.txt'),
        'Secret Notes\n\nDr. Bo Kim, Senior Fellow at the Institute of Harbours, reviewed the accord.\n',
      );
      write(at('outside', 'notes', 'far.md'), 'Far [@kim2023].\n');
      write(at('outside', 'memo-far.md'), 'Also far [@kim2023].\n');
      // Two workspace folders: ws1's sources folder is a link out, ws2's holds a link to one report.
      write(at('ws1', 'kb', 'glossary.yaml'), glossary('Insider'));
      symlinkSync(at('outside', 'kb-file', 'glossary.yaml'), at('ws1', 'kb', 'glossary-link.yaml'));
      symlinkSync(at('outside', 'kb'), at('ws1', 'kb-link'));
      symlinkSync(at('outside', 'settings.bib'), at('ws1', 'settings.bib'));
      symlinkSync(at('outside', 'front.bib'), at('ws1', 'front.bib'));
      symlinkSync(at('outside', 'reports'), at('ws1', 'sources'));
      symlinkSync(at('outside', 'notes'), at('ws1', 'notes'));
      write(
        at('ws2', 'sources', 'doe-2019.txt'),
        'Inside Notes\n\nDr. Cy Park, Senior Fellow at the Institute of Docks, reviewed the accord.\n',
      );
      symlinkSync(at('outside', 'secret-2021.txt'), at('ws2', 'sources', 'secret-2021.txt'));
      symlinkSync(at('outside', 'memo-far.md'), at('ws2', 'memo-link.md'));
      server = new LspServer({ env: { ...process.env, XDG_CACHE_HOME: at('cache') } });
      await server.initialize(
        {
          trusted,
          settings: { knowledge: { folders: ['kb', 'kb-link'] }, bibliography: { files: [at('ws1', 'settings.bib')] } },
        },
        {},
        [at('ws1'), at('ws2')],
      );
    });

    after(async () => {
      await server?.dispose();
      rmSync(root, { recursive: true, force: true });
    });

    test(trusted ? 'everything behind the links is read' : 'nothing behind the links is read, nor cached', async () => {
      const memo = pathToFileURL(at('ws1', 'memo.md')).href;
      const text = '---\nbibliography: front.bib\n---\nInsider, Outsider and Farther [@outsettings; @outfront].\n';
      await server.open(memo, text);
      const read = await server.waitForNotification(
        (n) =>
          n.method === 'window/logMessage' &&
          /source\(s\) read/.test((n.params as { message: string }).message) &&
          (n.params as { message: string }).message,
        'the sources read',
        30000,
      );
      const published = await server.waitForDiagnostics((p) => p.uri === memo, 'the memo checked', 30000);
      const hover = async (word: string): Promise<string> => {
        const character = text.split('\n')[3].indexOf(word) + 2;
        const { result } = await server.hover(memo, { line: 3, character });
        const contents = (result as { contents?: { value?: string } } | null)?.contents;
        return contents?.value ?? '';
      };
      const unknown = published.diagnostics
        .filter((d) => d.code === 'unknown-citation')
        .map((d) => (d.data as { key: string }).key)
        .sort();
      const checked = (await server.connection.sendRequest(checkWorkspaceRequest)) as { files: number };
      const cached = existsSync(at('cache', 'policy-lens', 'sources'))
        ? readdirSync(at('cache', 'policy-lens', 'sources')).length
        : 0;
      assert.match(await hover('Insider'), /Insider folder/);
      if (trusted) {
        assert.match(await hover('Outsider'), /Outsider folder/);
        assert.match(await hover('Farther'), /Farther folder/);
        assert.deepEqual(unknown, []);
        assert.match(read, /^policy-lens: 3 source\(s\) read/);
        // The three memos; the three reports in the sources folders are sources, not memos.
        assert.equal(checked.files, 3);
      } else {
        assert.equal(await hover('Outsider'), '');
        assert.equal(await hover('Farther'), '');
        assert.deepEqual(unknown, ['outfront', 'outsettings']);
        // Only ws2's own report; the linked one and ws1's linked folder are not read.
        assert.match(read, /^policy-lens: 1 source\(s\) read/);
        assert.equal(cached, 1);
        // memo.md alone: ws2's report is a source, the linked notes folder and memo are not read.
        assert.equal(checked.files, 1);
      }
    });
  });
}

/**
 * Restricted Mode reads the workspace's own bibliographies (named in the settings or in front
 * matter), says on an unknown key what it skipped, and trusting the workspace (the client's
 * notification) reads the rest at once: the same server process publishes the memo again.
 */
describe('trust granted while the server runs', { timeout: 60000 }, () => {
  let root: string;
  let server: LspServer;
  const at = (...parts: string[]): string => join(root, ...parts);
  const text =
    '---\nbibliography: [../outside/front.bib, inside.bib]\n---\n' + 'Outsider wrote it [@inkey; @setkey; @outkey].\n';

  before(async () => {
    root = realpathSync(mkdtempSync(join(tmpdir(), 'policy-lens-grant-')));
    const write = (path: string, body: string): void => {
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, body);
    };
    write(at('ws', 'inside.bib'), '@book{inkey, title={Inside}, year={2020}}\n');
    write(at('ws', 'settings.bib'), '@book{setkey, title={Named in the settings}, year={2020}}\n');
    write(at('outside', 'front.bib'), '@book{outkey, title={Outside}, year={2020}}\n');
    write(at('outside', 'kb', 'glossary.yaml'), glossary('Outsider'));
    server = new LspServer({ env: { ...process.env, XDG_CACHE_HOME: at('cache') } });
    const settings = { knowledge: { folders: [at('outside', 'kb')] }, bibliography: { files: ['settings.bib'] } };
    await server.initialize({ trusted: false, settings }, {}, [at('ws')]);
  });

  after(async () => {
    await server?.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  test('untrusted: inside read, outside skipped and said so; trusted: everything, without a restart', async () => {
    const memo = pathToFileURL(at('ws', 'memo.md')).href;
    const unknownOf = (p: PublishDiagnosticsParams): Diagnostic[] =>
      p.diagnostics.filter((d) => d.code === 'unknown-citation');
    const hover = async (): Promise<string> => {
      const { result } = await server.hover(memo, { line: 3, character: 2 });
      return (result as { contents?: { value?: string } } | null)?.contents?.value ?? '';
    };
    await server.open(memo, text);
    const restricted = await server.waitForDiagnostics(
      (p) => p.uri === memo && unknownOf(p).length > 0,
      'the memo checked in Restricted Mode',
      30000,
    );
    const unknown = unknownOf(restricted);
    // The workspace's own bibliographies are data: read in Restricted Mode, from front matter and settings.
    assert.deepEqual(
      unknown.map((d) => (d.data as { key: string }).key),
      ['outkey'],
    );
    const message = typeof unknown[0].message === 'string' ? unknown[0].message : unknown[0].message.value;
    assert.match(message, /^Unknown citation key "outkey"/);
    assert.match(message, /Restricted Mode did not read \.\.\/outside\/front\.bib, \.\.\/outside\/kb /);
    assert.match(message, /not trusted/);
    assert.equal(await hover(), '');

    const pid = server.pid;
    const since = server.notifications.length;
    await server.connection.sendNotification(workspaceTrustedNotification);
    const trusted = await server.waitForDiagnostics(
      (p) => p.uri === memo && unknownOf(p).length === 0,
      'the memo checked again once trusted',
      30000,
      since,
    );
    assert.deepEqual(unknownOf(trusted), []);
    let outsider = '';
    for (let waited = 0; waited < 10000 && !outsider; waited += 100) {
      outsider = await hover();
      if (!outsider) await new Promise((r) => setTimeout(r, 100));
    }
    assert.match(outsider, /Outsider folder/);
    assert.equal(server.pid, pid);
    assert.equal(server.exitInfo, undefined);
  });
});
