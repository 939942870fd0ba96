/**
 * The sources folder over the protocol: reports dropped into the workspace are read in the
 * background (with work-done progress), their claims feed checking at Information severity with
 * the report's sentence quoted, and a report added later is picked up without a restart.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidOpenTextDocumentNotification,
  FileChangeType,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  type ProtocolConnection,
  PublishDiagnosticsNotification,
  type PublishDiagnosticsParams,
  StreamMessageReader,
  StreamMessageWriter,
  WorkDoneProgressCreateRequest,
} from 'vscode-languageserver-protocol/node';
import { type KnowledgeStatus, knowledgeStatusNotification } from '../../server/src/common/protocol';
// @ts-expect-error: a plain ES module without type declarations
import { textToPdf } from '../../scripts/lib/pdf.mjs';

const report = `Freedonia Trade Outlook

Jane Doe Commentary

The Pacific region takes about 40% of Freedonia's total exports and roughly 25% of its imports.

Freedonia signed the Harbour Accord in 2015, after long talks with its neighbours.
`;

describe('sources folder over the protocol', { timeout: 60000 }, () => {
  let workspace: string;
  let child: ChildProcessWithoutNullStreams;
  let connection: ProtocolConnection;
  const published: PublishDiagnosticsParams[] = [];
  const progressTokens: unknown[] = [];
  const logged: string[] = [];
  const statuses: KnowledgeStatus[] = [];
  const memoUri = (): string => pathToFileURL(join(workspace, 'memo.md')).href;

  async function diagnosticsWhere(check: (p: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams> {
    for (let waited = 0; waited < 20000; waited += 50) {
      const found = [...published].reverse().find((p) => p.uri === memoUri() && check(p));
      if (found) return found;
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.fail(
      `no matching diagnostics; last: ${JSON.stringify(published.filter((p) => p.uri === memoUri()).slice(-1))}`,
    );
  }

  before(async () => {
    workspace = realpathSync(mkdtempSync(join(tmpdir(), 'policy-lens-sources-')));
    mkdirSync(join(workspace, 'sources'));
    writeFileSync(join(workspace, 'sources', 'doe-2019-freedonia.pdf'), textToPdf(report));
    writeFileSync(join(workspace, 'sources', 'broken.pdf'), '%PDF-1.4\nnot a PDF after all');
    child = spawn(process.execPath, [join(process.cwd(), 'dist', 'server.js'), '--stdio'], {
      env: { ...process.env, XDG_CACHE_HOME: join(workspace, '.cache') },
    });
    connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      published.push(p);
    });
    connection.onNotification('window/logMessage', (p: { message: string }) => {
      logged.push(p.message);
    });
    connection.onNotification(knowledgeStatusNotification, (p: KnowledgeStatus) => {
      statuses.push(p);
    });
    connection.onRequest(WorkDoneProgressCreateRequest.type, (p) => {
      progressTokens.push(p.token);
    });
    connection.listen();
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(workspace).href,
      workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'w' }],
      capabilities: { window: { workDoneProgress: true } },
      initializationOptions: { settings: { sources: { folder: 'sources' } } },
    });
    await connection.sendNotification(InitializedNotification.type, {});
  });

  after(() => {
    connection?.dispose();
    child?.kill();
    rmSync(workspace, { recursive: true, force: true });
  });

  test('a contradiction resting on a report is a warning when its identity is certain, quoting it', async () => {
    const text = "Nearly 90% of Freedonia's exports go to the Pacific region.\n";
    await connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: memoUri(), languageId: 'markdown', version: 1, text },
    });
    const p = await diagnosticsWhere((x) => x.diagnostics.some((d) => d.code === 'contradiction'));
    const d = p.diagnostics.find((x) => x.code === 'contradiction')!;
    // The figure's own noun ("exports") and a name the report writes once: as certain as a curated claim.
    assert.equal(d.severity, 2);
    assert.match(
      d.message as string,
      /^doe2019 \(p\. 1 ¶1\) puts this at about 40%, not nearly 90%\. The source reads: “The Pacific region takes/,
    );
    assert.equal((d.data as { extracted: boolean }).extracted, true);
    // Its evidence is the report itself, with the passage quoted.
    const evidence = d.relatedInformation?.[0];
    assert.equal(evidence?.location.uri, pathToFileURL(join(workspace, 'sources', 'doe-2019-freedonia.pdf')).href);
    assert.match(
      evidence?.message ?? '',
      /^doe2019 p\. 1 ¶1, read from the report: “The Pacific region takes about 40%/,
    );
    assert.ok(progressTokens.length > 0, 'work-done progress was created');
  });

  test('the output says which report could not be read and why, once', async () => {
    const broken = join(workspace, 'sources', 'broken.pdf');
    const about = logged.filter((m) => m.includes('report not read') && m.includes(broken));
    assert.equal(about.length, 1, JSON.stringify(logged));
    assert.match(about[0], /Invalid PDF structure/);
    assert.ok(
      logged.some((m) => /source\(s\) read .*; 1 report\(s\) not read/.test(m)),
      JSON.stringify(logged),
    );
  });

  test('each knowledge load tells the editor what the checks rest on (the language status item)', async () => {
    for (let waited = 0; waited < 20000 && !statuses.some((st) => st.reports > 0); waited += 50) {
      await new Promise((r) => setTimeout(r, 50));
    }
    const last = statuses[statuses.length - 1];
    assert.ok(last, 'a knowledge status was sent');
    // The bundled knowledge's two sources and the report read; the broken PDF counted as not read.
    assert.equal(last.reports, 1, JSON.stringify(last));
    assert.equal(last.unreadReports, 1, JSON.stringify(last));
    assert.ok(last.sources >= 3 && last.claims > 100 && last.terms > 100, JSON.stringify(last));
    assert.equal(last.errors, 0);
  });

  test('a report added later is read without a restart, and its people hover', async () => {
    writeFileSync(
      join(workspace, 'sources', 'roe-2020.txt'),
      'Notes\n\nDr. Ann Lee, Senior Fellow at the Institute of Ports, reviewed the Harbour Accord in detail.\n',
    );
    await connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: pathToFileURL(join(workspace, 'sources', 'roe-2020.txt')).href, type: FileChangeType.Created }],
    });
    const text = 'Ann Lee reviewed it.\n';
    await connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: memoUri(), version: 2 },
      contentChanges: [{ text }],
    });
    for (let waited = 0; waited < 20000; waited += 100) {
      const hover = await connection.sendRequest(HoverRequest.type, {
        textDocument: { uri: memoUri() },
        position: { line: 0, character: 2 },
      });
      const value =
        hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
      if (/Senior Fellow at Institute of Ports/.test(value)) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.fail('the new report was not read');
  });
});
