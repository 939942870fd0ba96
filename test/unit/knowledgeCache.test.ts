import { strict as assert } from 'node:assert';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { KnowledgeCache } from '../../server/src/node/knowledgeCache';
import { KnowledgeStore } from '../../server/src/node/knowledgeFiles';
import { testClaims2, writeTestKnowledge } from './helpers';

const root = mkdtempSync(join(tmpdir(), 'pl-kcache-'));
after(() => rmSync(root, { recursive: true, force: true }));

function knowledgeFolder(name: string): string {
  const dir = join(root, name);
  writeTestKnowledge(dir);
  return dir;
}

/** What a check can see of the knowledge: every entry, with plain JSON equality. */
function contents(store: KnowledgeStore, folder: string): unknown {
  const { kb } = store.load([folder], false);
  return JSON.parse(
    JSON.stringify({ sources: [...kb.sources.values()], terms: kb.terms, claims: kb.claims, errors: kb.errors }),
  );
}

describe('knowledge cache (parsed files kept on disk between runs)', () => {
  it('a later run reads the cache instead of parsing, and gets the same knowledge', () => {
    const folder = knowledgeFolder('same');
    const cacheDir = join(root, 'cache-same');
    const first = new KnowledgeStore(new KnowledgeCache(cacheDir));
    const fresh = contents(first, folder);
    first.saveCache();
    assert.equal(readdirSync(cacheDir).length, 1);
    const second = new KnowledgeStore(new KnowledgeCache(cacheDir));
    const load = second.load([folder], false);
    assert.deepEqual([load.timings.parsedFiles, load.timings.reusedFiles], [0, 4]);
    assert.deepEqual(contents(second, folder), fresh);
    // Claims read from the cache still share their anchor groups.
    const groups = new Set(load.kb.claims.flatMap((c) => c.about));
    assert.ok(groups.size < load.kb.claims.reduce((n, c) => n + c.about.length, 0));
  });

  it('keeps text past ASCII exactly (accents, Hangul, emoji, no-break space), in a file of ASCII only', () => {
    const folder = knowledgeFolder('unicode');
    const statement = 'Café Séoul 한국 reached 😀 fifty times "faster" than 5G\u00a0at ¶4.';
    writeFileSync(
      join(folder, 'claims', 'beta2022.yaml'),
      testClaims2.replace('6G should be some fifty times faster than 5G.', JSON.stringify(statement)),
    );
    const cacheDir = join(root, 'cache-unicode');
    const first = new KnowledgeStore(new KnowledgeCache(cacheDir));
    const fresh = contents(first, folder);
    first.saveCache();
    const [file] = readdirSync(cacheDir);
    assert.ok(readFileSync(join(cacheDir, file)).every((byte) => byte < 0x80));
    const second = new KnowledgeStore(new KnowledgeCache(cacheDir));
    const load = second.load([folder], false);
    assert.deepEqual([load.timings.parsedFiles, load.timings.reusedFiles], [0, 4]);
    assert.equal(load.kb.claims.find((c) => c.id === 'beta2022/speed')?.statement, statement);
    assert.deepEqual(contents(second, folder), fresh);
  });

  it('parses a file that changed since the cache was written, and only that one', () => {
    const folder = knowledgeFolder('changed');
    const cacheDir = join(root, 'cache-changed');
    const first = new KnowledgeStore(new KnowledgeCache(cacheDir));
    first.load([folder], false);
    first.saveCache();
    writeFileSync(join(folder, 'claims', 'beta2022.yaml'), testClaims2.replace('id: speed', 'id: speed-renamed'));
    const load = new KnowledgeStore(new KnowledgeCache(cacheDir)).load([folder], false);
    assert.deepEqual([load.timings.parsedFiles, load.timings.reusedFiles], [1, 3]);
    assert.ok(load.kb.claims.some((c) => c.id === 'beta2022/speed-renamed'));
  });

  it('ignores a damaged cache, and a cache written for other folders', () => {
    const folder = knowledgeFolder('damaged');
    const other = knowledgeFolder('other');
    const cacheDir = join(root, 'cache-damaged');
    const first = new KnowledgeStore(new KnowledgeCache(cacheDir));
    const fresh = contents(first, folder);
    first.saveCache();
    assert.equal(new KnowledgeStore(new KnowledgeCache(cacheDir)).load([other], false).timings.parsedFiles, 4);
    for (const name of readdirSync(cacheDir)) writeFileSync(join(cacheDir, name), '{"format":1,"files":[{"path":');
    const store = new KnowledgeStore(new KnowledgeCache(cacheDir));
    assert.equal(store.load([folder], false).timings.parsedFiles, 4);
    assert.deepEqual(contents(store, folder), fresh);
  });

  it('writes nothing when nothing changed, and never fails a load when it cannot write', () => {
    const folder = knowledgeFolder('readonly');
    const blocked = join(root, 'not-a-folder');
    writeFileSync(blocked, 'a file where the cache folder would be');
    const store = new KnowledgeStore(new KnowledgeCache(join(blocked, 'cache')));
    assert.equal(store.load([folder], false).kb.claims.length > 0, true);
    store.saveCache();
    const cacheDir = join(root, 'cache-unchanged');
    const writer = new KnowledgeStore(new KnowledgeCache(cacheDir));
    writer.load([folder], false);
    writer.saveCache();
    rmSync(cacheDir, { recursive: true });
    writer.load([folder], false);
    writer.saveCache();
    assert.deepEqual(readdirSync(root).includes('cache-unchanged'), false, 'no second write without a change');
  });
});
