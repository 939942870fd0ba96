/**
 * Multi-root workspaces over the protocol: the server asks for each workspace folder's settings
 * (`workspace/configuration` with the folder's `scopeUri`), so two folders with different settings
 * give their memos different diagnostics and read their own knowledge folders; after
 * `didChangeConfiguration` it asks again. It asks the client to watch only what it reads.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ConfigurationRequest,
  type ConfigurationParams,
  DidChangeConfigurationNotification,
  DidChangeWorkspaceFoldersNotification,
  type Diagnostic,
  type FileSystemWatcher,
  type PublishDiagnosticsParams,
  type RegistrationParams,
} from 'vscode-languageserver-protocol/node';
import { LspServer, makeTempDir } from '../load/lspClient';

const T = { timeout: 60000 };

function glossary(term: string): string {
  return (
    `terms:\n  - id: ${term.toLowerCase()}\n    term: ${term}\n    kind: concept\n    definition: A term ` +
    `defined in the ${term} folder.\n`
  );
}

describe('two workspace folders with different settings', T, () => {
  let root: string;
  let server: LspServer;
  /** What the client answers for each scope ('' for the window). */
  const settings = new Map<string, unknown>();
  const asked: ConfigurationParams[] = [];
  const at = (...parts: string[]): string => join(root, ...parts);
  const uriOf = (...parts: string[]): string => pathToFileURL(at(...parts)).href;
  const text = 'Alpha and Beta are cited [@nowhere2001].\n';

  before(async () => {
    root = makeTempDir('folders');
    for (const [folder, term] of [
      ['a', 'Alpha'],
      ['b', 'Beta'],
    ]) {
      mkdirSync(at(folder, 'kb'), { recursive: true });
      writeFileSync(at(folder, 'kb', 'glossary.yaml'), glossary(term));
      writeFileSync(at(folder, 'refs.bib'), '@book{own2020, title={Own}, year={2020}}\n');
    }
    settings.set('', {});
    // Folder a: unknown keys are not reported; b: they are warnings, and b reads its own kb folder.
    settings.set(uriOf('a'), { checks: { unknownCitation: 'off' } });
    settings.set(uriOf('b'), { checks: { unknownCitation: 'warning' }, knowledge: { folders: ['kb'] } });
    server = new LspServer({ env: { ...process.env, XDG_CACHE_HOME: at('cache') } });
    server.connection.onRequest(ConfigurationRequest.type, (params) => {
      asked.push(params);
      return params.items.map((item) => settings.get(item.scopeUri ?? '') ?? null);
    });
    await server.initialize(
      {},
      { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true } },
      [at('a'), at('b')],
    );
  });

  after(async () => {
    await server?.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  const unknownIn = (p: PublishDiagnosticsParams): Diagnostic[] =>
    p.diagnostics.filter((d) => d.code === 'unknown-citation');

  const hover = async (uri: string, character: number): Promise<string> => {
    const { result } = await server.hover(uri, { line: 0, character });
    return (result as { contents?: { value?: string } } | null)?.contents?.value ?? '';
  };

  test('each memo is checked with its folder settings, asked for by scopeUri', async () => {
    const memoA = uriOf('a', 'memo.md');
    const memoB = uriOf('b', 'memo.md');
    await server.open(memoA, text);
    await server.open(memoB, text);
    const checkedA = await server.waitForDiagnostics((p) => p.uri === memoA, 'memo a checked', 30000);
    const checkedB = await server.waitForDiagnostics(
      (p) => p.uri === memoB && unknownIn(p).length > 0,
      'memo b checked',
      30000,
    );
    assert.deepEqual(unknownIn(checkedA), []);
    assert.deepEqual(
      unknownIn(checkedB).map((d) => d.severity),
      [2],
    );
    const scopes = asked[0].items.map((i) => i.scopeUri);
    assert.deepEqual(scopes, [undefined, uriOf('a'), uriOf('b')]);
    // b's knowledge folder is b/kb (relative to b); a names none, so a/kb is not read.
    assert.match(await hover(memoB, 11), /Beta folder/);
    assert.equal(await hover(memoB, 1), '');

    // New settings: asked for again (the cache per folder is dropped), and memo a checked with them.
    settings.set(uriOf('a'), { checks: { unknownCitation: 'error' } });
    const since = server.notifications.length;
    const before = asked.length;
    await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    const again = await server.waitForDiagnostics(
      (p) => p.uri === memoA && unknownIn(p).length > 0,
      'memo a checked again',
      30000,
      since,
    );
    assert.ok(asked.length > before);
    assert.deepEqual(
      unknownIn(again).map((d) => d.severity),
      [1],
    );
  });

  test('only what is read is watched: knowledge folders, bibliographies, project configs', async () => {
    const memo = uriOf('a', 'cites.md');
    const since = server.requests.length;
    await server.open(memo, '---\nbibliography: refs.bib\n---\nCited [@own2020].\n');
    await server.waitForDiagnostics((p) => p.uri === memo, 'the memo with a bibliography checked', 30000);
    const registrations = server.requests
      .filter((r) => r.method === 'client/registerCapability')
      .flatMap((r) => (r.params as RegistrationParams).registrations)
      .filter((r) => r.method === 'workspace/didChangeWatchedFiles');
    assert.ok(registrations.length > 0, 'watchers registered');
    const describe = (w: FileSystemWatcher): string =>
      typeof w.globPattern === 'string'
        ? w.globPattern
        : `${typeof w.globPattern.baseUri === 'string' ? w.globPattern.baseUri : w.globPattern.baseUri.uri}` +
          ` ${w.globPattern.pattern}`;
    const latest = (registrations.at(-1)!.registerOptions as { watchers: FileSystemWatcher[] }).watchers.map(describe);
    assert.ok(latest.includes('**/.policylens.{yaml,yml,json}'), latest.join('\n'));
    assert.ok(latest.includes(`${uriOf('b', 'kb')} **/*.{json,yaml,yml}`), latest.join('\n'));
    // The bibliography the memo's front matter names was added once the memo was read.
    assert.ok(latest.includes(`${uriOf('a')} refs.bib`), latest.join('\n'));
    assert.ok(
      server.requests.slice(since).some((r) => r.method === 'client/registerCapability'),
      'registered again for the new bibliography',
    );
    // Nothing watches the workspace folders' files at large: only configs, and the named folders and files.
    const roots = [uriOf('a'), uriOf('b')];
    for (const w of latest) {
      const [base, pattern] = w.split(' ');
      if (pattern === undefined) assert.equal(w, '**/.policylens.{yaml,yml,json}');
      else assert.ok(!roots.includes(base) || !pattern.includes('*'), w);
    }
    assert.ok(latest.includes(`${uriOf('a', 'sources')} **/*`), 'the sources folder of the settings');
  });

  test("a memo's own csl: style file is watched", async () => {
    writeFileSync(at('a', 'house.csl'), '<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0"></style>\n');
    const memo = uriOf('a', 'styled.md');
    const since = server.requests.length;
    await server.open(memo, '---\ncsl: house.csl\n---\nA styled memo.\n');
    await server.waitForDiagnostics((p) => p.uri === memo, 'the styled memo checked', 30000);
    const deadline = Date.now() + 10000;
    const watched = (): string[] =>
      server.requests
        .slice(since)
        .filter((r) => r.method === 'client/registerCapability')
        .flatMap((r) => (r.params as RegistrationParams).registrations)
        .filter((r) => r.method === 'workspace/didChangeWatchedFiles')
        .flatMap((r) => (r.registerOptions as { watchers: FileSystemWatcher[] }).watchers)
        .map((w) => (typeof w.globPattern === 'string' ? w.globPattern : JSON.stringify(w.globPattern)));
    while (Date.now() < deadline && !watched().some((w) => w.includes('house.csl'))) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.ok(
      watched().some((w) => w.includes('house.csl')),
      watched().join('\n'),
    );
  });

  test('a folder added to the workspace is read with its own settings, with no restart', async () => {
    mkdirSync(at('c', 'kb'), { recursive: true });
    writeFileSync(at('c', 'kb', 'glossary.yaml'), glossary('Gamma'));
    settings.set(uriOf('c'), { knowledge: { folders: ['kb'] } });
    const memo = uriOf('c', 'memo.md');
    await server.open(memo, 'Gamma is here.\n');
    await server.waitForDiagnostics((p) => p.uri === memo, 'memo c checked', 30000);
    assert.equal(await hover(memo, 1), '', 'c is no folder of the workspace yet');
    const before = asked.length;
    await server.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, {
      event: { added: [{ uri: uriOf('c'), name: 'c' }], removed: [] },
    });
    const deadline = Date.now() + 30000;
    let shown = '';
    while (Date.now() < deadline && !/Gamma folder/.test(shown)) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      shown = await hover(memo, 1);
    }
    assert.match(shown, /Gamma folder/);
    assert.ok(
      asked.slice(before).some((p) => p.items.some((i) => i.scopeUri === uriOf('c'))),
      "c's settings were asked for",
    );
  });
});
