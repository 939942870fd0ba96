/**
 * Reading a hostile workspace (server/src/node): bounded reads of regular files only, the read
 * policy on real paths, and walks that visit each real folder and file once.
 */
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseBibliography } from '../../server/src/knowledge/bibliography';
import { BibliographyStore } from '../../server/src/node/bibliographies';
import { BibliographyCache } from '../../server/src/node/bibliographyCache';
import { decodeText, readBounded, readBoundedAsync } from '../../server/src/node/boundedRead';
import { ReadPolicy } from '../../server/src/node/readPolicy';
import { walkFiles, walkFilesAsync } from '../../server/src/node/walk';
import { listSourceFiles } from '../../server/src/node/sourceFiles';
import { findMemos } from '../../server/src/node/workspaceFiles';

const root = realpathSync(mkdtempSync(join(tmpdir(), 'policy-lens-files-')));
after(() => rmSync(root, { recursive: true, force: true }));

function folder(...parts: string[]): string {
  const path = join(root, ...parts);
  mkdirSync(path, { recursive: true });
  return path;
}

describe('bounded reads', () => {
  const dir = folder('reads');
  writeFileSync(join(dir, 'small.txt'), 'hello');
  writeFileSync(join(dir, 'big.txt'), Buffer.alloc(3000, 'x'));
  symlinkSync('/dev/zero', join(dir, 'zero.bib'));
  execFileSync('mkfifo', [join(dir, 'fifo.bib')]);

  for (const [name, read] of [
    ['readBounded', readBounded],
    ['readBoundedAsync', readBoundedAsync],
  ] as const) {
    it(`${name}: a regular file within the limit is read whole`, async () => {
      assert.equal((await read(join(dir, 'small.txt'), { maxBytes: 5 })).bytes?.toString(), 'hello');
    });
    it(`${name}: a file over the limit is refused with its size`, async () => {
      const { failure } = await read(join(dir, 'big.txt'), { maxBytes: 2048 });
      assert.equal(failure?.reason, 'too-large');
      assert.equal(failure!.message, 'is 3 KB, over the 2 KB limit');
    });
    it(`${name}: a link to /dev/zero is refused at once, not read to exhaustion`, async () => {
      const started = performance.now();
      const { failure } = await read(join(dir, 'zero.bib'), { maxBytes: 20 * 1048576 });
      assert.equal(failure?.reason, 'not-a-file');
      assert.ok(performance.now() - started < 1000);
    });
    it(`${name}: a FIFO is refused without waiting for a writer`, async () => {
      const { failure } = await read(join(dir, 'fifo.bib'), { maxBytes: 1024 });
      assert.equal(failure?.reason, 'not-a-file');
      assert.match(failure!.message, /not a regular file/);
    });
    it(`${name}: allowNonRegular (files named on a command line): a device is read up to the limit`, async () => {
      const { failure } = await read('/dev/zero', { maxBytes: 100_000, allowNonRegular: true });
      assert.equal(failure?.reason, 'too-large');
      assert.match(failure!.message, /goes on past the .* limit/);
    });
    it(`${name}: a file exactly at the limit, and one larger than a read chunk, are read whole`, async () => {
      const large = Buffer.alloc(200_000, 'ab');
      writeFileSync(join(dir, 'large.txt'), large);
      assert.ok((await read(join(dir, 'large.txt'), { maxBytes: 200_000 })).bytes?.equals(large));
      assert.equal((await read(join(dir, 'large.txt'), { maxBytes: 199_999 })).failure?.reason, 'too-large');
    });
    it(`${name}: a file of unknown size (/proc) is read to its end, each read its own bytes`, async () => {
      // /proc files report size 0: they are read in chunks until the end, and what one read
      // returned must not change when the next read reuses a buffer.
      const status = (await read('/proc/self/status', { maxBytes: 1_000_000 })).bytes;
      const copy = Buffer.from(status!);
      assert.match(copy.toString(), /^Name:/);
      assert.match(copy.toString(), /\n$/);
      const limits = (await read('/proc/self/limits', { maxBytes: 1_000_000 })).bytes;
      assert.match(limits!.toString(), /^Limit/);
      assert.ok(status!.equals(copy));
      assert.equal((await read('/proc/self/status', { maxBytes: 10 })).failure?.reason, 'too-large');
    });
    it(`${name}: a missing file and a folder are told apart`, async () => {
      assert.equal((await read(join(dir, 'nothing.txt'), { maxBytes: 10 })).failure?.reason, 'missing');
      assert.equal((await read(dir, { maxBytes: 10 })).failure?.message, 'is a folder');
    });
  }

  it('decodeText: UTF-8 with or without a BOM, UTF-16 with a BOM either way round; NUL is binary', () => {
    assert.equal(decodeText(Buffer.from('\ufeffNearly 90%', 'utf8')), 'Nearly 90%');
    const text = Buffer.from('Nearly 90% — 한국', 'utf16le');
    assert.equal(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), text])), 'Nearly 90% — 한국');
    const bigEndian = Buffer.from(text).swap16();
    assert.equal(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), bigEndian])), 'Nearly 90% — 한국');
    assert.equal(decodeText(Buffer.from('a\u0000b')), undefined);
  });
});

describe('the read policy (Restricted Mode)', () => {
  const workspace = folder('policy', 'workspace');
  const outside = folder('policy', 'outside');
  writeFileSync(join(outside, 'refs.bib'), '@book{secret, title={Outside}}');
  writeFileSync(join(workspace, 'own.bib'), '@book{own, title={Inside}}');
  symlinkSync(join(outside, 'refs.bib'), join(workspace, 'refs.bib'));
  symlinkSync(outside, join(workspace, 'linked'));
  const policy = new ReadPolicy([workspace]);

  it('judges paths after following links: a link inside that leads out is outside', () => {
    assert.equal(policy.allows(join(workspace, 'own.bib')), true);
    assert.equal(policy.allows(join(workspace, 'refs.bib')), false);
    assert.equal(policy.allows(join(workspace, 'linked', 'refs.bib')), false);
    assert.equal(policy.allows(join(workspace, 'linked')), false);
    assert.equal(ReadPolicy.anything.allows(join(workspace, 'refs.bib')), true);
  });
  it('a read through a link to outside is refused even when the caller did not check', () => {
    assert.equal(readBounded(join(workspace, 'refs.bib'), { maxBytes: 1000, policy }).failure?.reason, 'outside');
    const inside = readBounded(join(workspace, 'own.bib'), { maxBytes: 1000, policy });
    assert.equal(inside.bytes?.toString(), '@book{own, title={Inside}}');
  });
  it('walks do not enter a linked folder outside, nor list a linked file outside', () => {
    const found = walkFiles(workspace, { maxDepth: 4, policy }).files.map((f) => f.path.slice(workspace.length + 1));
    assert.deepEqual(found, ['own.bib']);
  });
});

describe('walks over links', () => {
  const sources = folder('walks', 'sources');
  writeFileSync(join(sources, 'report.txt'), 'A report.');
  for (let i = 0; i < 10; i++) symlinkSync('.', join(sources, `loop${i}`));
  symlinkSync('report.txt', join(sources, 'same-report.txt'));
  symlinkSync(join(sources, 'report.txt'), join(sources, 'again.txt'));
  const nested = folder('walks', 'memos', 'a', 'b');
  writeFileSync(join(nested, 'memo.md'), 'A memo.');
  for (let i = 0; i < 4; i++) symlinkSync('..', join(nested, `up${i}`));

  it('ten links to "." and two links to one report: the report is listed once, quickly', () => {
    const started = performance.now();
    assert.deepEqual(
      listSourceFiles(sources).map((p) => p.slice(sources.length + 1)),
      ['again.txt'],
    );
    assert.ok(performance.now() - started < 1000);
  });
  it('links up the tree in a subfolder: every folder visited once (sync and async alike)', async () => {
    const top = join(root, 'walks', 'memos');
    const sync = walkFiles(top, { maxDepth: 12 });
    const async = await walkFilesAsync(top, { maxDepth: 12 });
    assert.deepEqual(
      sync.files.map((f) => f.path),
      [join(nested, 'memo.md')],
    );
    assert.deepEqual(
      async.files.map((f) => f.path),
      sync.files.map((f) => f.path),
    );
  });
  it('a walk stops at its entry limit and says so', () => {
    const many = folder('walks', 'many');
    for (let i = 0; i < 50; i++) writeFileSync(join(many, `f${i}.json`), '[]');
    const walked = walkFiles(many, { maxDepth: 2, maxEntries: 20 });
    assert.equal(walked.stoppedAt, 'maxEntries');
    assert.equal(walked.files.length, 20);
    assert.equal(walkFiles(many, { maxDepth: 2, maxFiles: 5 }).stoppedAt, 'maxFiles');
  });
});

describe('bibliographies shared between memos', () => {
  const dir = folder('bibliographies');
  const small = join(dir, 'refs.bib');
  writeFileSync(small, '@book{one, title={One}, year={2020}}\n');
  const large = join(dir, 'large.bib');
  const entries = Array.from({ length: 2000 }, (_, i) => `@book{key${i}, title={Title ${i}}, year={2020}}`);
  writeFileSync(large, entries.join('\n'));

  function countingStore(): { store: BibliographyStore; parses: string[] } {
    const parses: string[] = [];
    const store = new BibliographyStore(
      async (path, text) => (parses.push(`worker:${path}`), parseBibliography(path, text)),
      (path, text) => (parses.push(`here:${path}`), parseBibliography(path, text)),
    );
    return { store, parses };
  }

  it('ten memos naming one file parse it once; it is let go when the last one closes', async () => {
    const { store, parses } = countingStore();
    for (let i = 0; i < 10; i++) {
      const load = await store.use(`file:///memo${i}.md`, small, ReadPolicy.anything);
      assert.deepEqual(
        load.sources.map((s) => s.key),
        ['one'],
      );
    }
    assert.deepEqual(parses, [`here:${small}`]);
    for (let i = 0; i < 9; i++) store.release(`file:///memo${i}.md`);
    assert.equal(store.size, 1);
    store.release('file:///memo9.md');
    assert.equal(store.size, 0);
  });
  it('a changed file is parsed again, once, for all its users', async () => {
    const { store, parses } = countingStore();
    await store.use('a', small, ReadPolicy.anything);
    writeFileSync(small, '@book{one, title={One}, year={2020}}\n@book{two, title={Two}, year={2021}}\n');
    assert.deepEqual(store.usersOf([small]), new Set(['a']));
    assert.equal((await store.use('a', small, ReadPolicy.anything)).sources.length, 2);
    assert.equal((await store.use('b', small, ReadPolicy.anything)).sources.length, 2);
    assert.equal(parses.length, 2);
  });
  it('with a cache, a later run (a new store) takes the parse from it until the file changes', async () => {
    const cacheDir = join(dir, 'cache');
    const cached = join(dir, 'cached.bib');
    writeFileSync(cached, '@book{one, title={One}, year={2020}}\n');
    const counting = (): { store: BibliographyStore; parses: string[] } => {
      const parses: string[] = [];
      const parse = (path: string, text: string): ReturnType<typeof parseBibliography> => (
        parses.push(path),
        parseBibliography(path, text)
      );
      return {
        store: new BibliographyStore(async (p, t) => parse(p, t), parse, new BibliographyCache(cacheDir)),
        parses,
      };
    };
    const first = counting();
    const parsed = await first.store.use('a', cached, ReadPolicy.anything);
    assert.deepEqual(first.parses, [cached]);
    const second = counting();
    assert.deepEqual(await second.store.use('a', cached, ReadPolicy.anything), parsed);
    assert.deepEqual(second.parses, [], 'not parsed again');
    writeFileSync(cached, '@book{one, title={One}, year={2020}}\n@book{two, title={Two}, year={2021}}\n');
    const third = counting();
    assert.equal((await third.store.use('a', cached, ReadPolicy.anything)).sources.length, 2);
    assert.deepEqual(third.parses, [cached], 'a changed file is parsed again');
    assert.equal(readdirSync(cacheDir).length, 1, 'its new parse replaces the old one');
  });
  it('a large file goes to the worker parser; a refused file is an error naming why', async () => {
    const { store, parses } = countingStore();
    assert.equal((await store.use('a', large, ReadPolicy.anything)).sources.length, 2000);
    assert.deepEqual(parses, [`worker:${large}`]);
    const zero = join(dir, 'zero.json');
    symlinkSync('/dev/zero', zero);
    const refused = await store.use('a', zero, ReadPolicy.anything);
    assert.match(refused.errors[0].message, /^bibliography not read: the file is not a regular file/);
  });
});

describe('memos of the workspace', () => {
  it('are not the reports of the sources folder, reached by its path or through a link', async () => {
    const dir = folder('memos');
    mkdirSync(join(dir, 'sources', 'nested'), { recursive: true });
    mkdirSync(join(dir, 'notes'));
    writeFileSync(join(dir, 'memo.md'), 'A memo.');
    writeFileSync(join(dir, 'notes', 'draft.txt'), 'A draft.');
    writeFileSync(join(dir, 'sources', 'report.md'), '# A report');
    writeFileSync(join(dir, 'sources', 'nested', 'other.txt'), 'Another report.');
    symlinkSync(join(dir, 'sources'), join(dir, 'notes', 'linked-sources'));
    const names = (paths: string[]): string[] => paths.map((p) => p.slice(dir.length + 1)).sort();
    const all = await findMemos([dir], ['.md', '.txt']);
    assert.deepEqual(names(all), [
      'memo.md',
      'notes/draft.txt',
      'notes/linked-sources/nested/other.txt',
      'notes/linked-sources/report.md',
    ]);
    const memos = await findMemos([dir], ['.md', '.txt'], ReadPolicy.anything, [join(dir, 'sources')]);
    assert.deepEqual(names(memos), ['memo.md', 'notes/draft.txt']);
  });
});
