import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadKnowledge } from '../../server/src/knowledge/loader';
import { KnowledgeStore } from '../../server/src/node/knowledgeFiles';
import { testClaims, testClaims2, testFiles, testGlossary, testSources, writeTestKnowledge } from './helpers';

function errorsOf(files: { path: string; text: string }[]) {
  return loadKnowledge(files).errors;
}

describe('knowledge loader', () => {
  it('loads the test knowledge without errors', () => {
    const loaded = loadKnowledge(testFiles());
    assert.deepEqual(loaded.errors, []);
    assert.equal(loaded.sources.length, 2);
    assert.ok(loaded.claims.some((c) => c.id === 'alpha2023/exports' && c.value.kind === 'quantity'));
    assert.equal(loaded.terms.find((t) => t.id === 'oewg')?.expandOnFirstUse, true);
    assert.equal(loaded.terms.find((t) => t.id === 'us')?.expandOnFirstUse, false);
  });

  it('reports YAML syntax errors with line and column, and loads the other files', () => {
    const files = [
      ...testFiles().filter((f) => !f.path.endsWith('glossary.yaml')),
      { path: '/kb/glossary.yaml', text: 'terms:\n  - id: x\n    term: [unclosed\n' },
    ];
    const loaded = loadKnowledge(files);
    const syntax = loaded.errors.filter((e) => e.kind === 'syntax');
    assert.ok(syntax.length > 0);
    assert.equal(syntax[0].file, '/kb/glossary.yaml');
    assert.ok(syntax[0].line >= 2, `line ${syntax[0].line}`);
    assert.ok(loaded.claims.length > 0, 'claims still load');
  });

  it('reports schema violations at the offending field and keeps the valid entries', () => {
    const glossary = testGlossary.replace('    kind: technology\n', '    kind: technology\n    colour: blue\n');
    const errors = errorsOf([
      { path: '/kb/sources.json', text: testSources },
      { path: '/kb/glossary.yaml', text: glossary },
    ]);
    assert.equal(errors.length, 1);
    assert.equal(errors[0].kind, 'schema');
    assert.match(errors[0].message, /unknown field "colour"/);
    const line = glossary.split('\n').findIndex((l) => l.includes('colour'));
    assert.deepEqual([errors[0].line, errors[0].character], [line, 4]);
    const loaded = loadKnowledge([
      { path: '/kb/sources.json', text: testSources },
      { path: '/kb/glossary.yaml', text: glossary },
    ]);
    assert.ok(!loaded.terms.some((t) => t.id === 'open-ran'), 'the broken entry is skipped');
    assert.ok(
      loaded.terms.some((t) => t.id === 'oewg'),
      'the others load',
    );
  });

  it('requires exactly one value per claim', () => {
    const claims = testClaims.replace('    year: 2017\n', '    year: 2017\n    ordinal: 3\n');
    const errors = errorsOf([
      ...testFiles().filter((f) => !f.path.endsWith('alpha2023.yaml')),
      { path: '/kb/claims/alpha2023.yaml', text: claims },
    ]);
    assert.ok(errors.some((e) => e.kind === 'schema' && /exactly one value/.test(e.message)));
  });

  it('reports duplicate ids and dangling references', () => {
    const duplicate = testClaims2.replace('id: speed', 'id: samsung-open-ran');
    const dangling = testClaims.replace('person: so-jeong-kim', 'person: nobody-here');
    const files = [
      { path: '/kb/sources.json', text: testSources },
      { path: '/kb/glossary.yaml', text: testGlossary },
      { path: '/kb/claims/alpha2023.yaml', text: dangling },
      { path: '/kb/claims/beta2022.yaml', text: duplicate },
      { path: '/kb/claims/nosource.yaml', text: 'source: gamma1999\nclaims: []\n' },
    ];
    const loaded = loadKnowledge(files);
    const kinds = loaded.errors.map((e) => `${e.kind}:${e.file}`).sort();
    assert.deepEqual(kinds, [
      'duplicate:/kb/claims/beta2022.yaml',
      'reference:/kb/claims/alpha2023.yaml',
      'reference:/kb/claims/nosource.yaml',
    ]);
    const dup = loaded.errors.find((e) => e.kind === 'duplicate')!;
    assert.equal(duplicate.split('\n')[dup.line].trim(), '- id: samsung-open-ran');
    assert.ok(!loaded.claims.some((c) => c.id === 'alpha2023/kim-inss'));
    assert.ok(loaded.claims.some((c) => c.id === 'alpha2023/exports'));
  });

  it("merges a glossary entry with the gazetteer's place of the same id, in either order", () => {
    const places = {
      path: '/kb/places.yaml',
      text:
        'places:\n' +
        '  - { id: northland, name: "Northland", kind: country, demonyms: [ "Northlandic" ], utcOffset: 9 }\n',
    };
    const glossary = {
      path: '/kb/glossary.yaml',
      text: 'terms:\n  - id: northland\n    term: Republic of Northland\n    kind: country\n    definition: A state.\n',
    };
    for (const files of [
      [places, glossary],
      [glossary, places],
    ]) {
      const loaded = loadKnowledge(files);
      assert.deepEqual(loaded.errors, []);
      const terms = loaded.terms.filter((t) => t.id === 'northland');
      assert.equal(terms.length, 1);
      assert.equal(terms[0].term, 'Republic of Northland');
      assert.equal(terms[0].definition, 'A state.');
      assert.equal(terms[0].utcOffset, 9);
      assert.deepEqual([terms[0].aliases, terms[0].demonyms], [['Northland'], ['Northlandic']]);
      assert.equal(terms[0].gazetteer, undefined);
    }
    // Two glossary entries of one id are still a duplicate.
    const twice = loadKnowledge([glossary, { ...glossary, path: '/kb/glossary-more.yaml' }]);
    assert.deepEqual(
      twice.errors.map((e) => e.kind),
      ['duplicate'],
    );
  });

  it('keeps the gazetteer of places without the bundled knowledge', () => {
    const { kb } = new KnowledgeStore().load([], false);
    assert.equal(kb.sources.size, 0);
    assert.equal(kb.termById.get('australia')?.kind, 'country');
    assert.ok(kb.termById.get('australia')?.demonyms?.includes('Australian'));
  });

  it('refuses alias bombs, bad encodings and huge files with a message', () => {
    const bomb =
      'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c ' +
      '[*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n';
    const errors = errorsOf([
      { path: '/kb/glossary.yaml', text: bomb },
      { path: '/kb/glossary-2.yaml', text: 'terms:\n  - id: x\uFFFD\n' },
      { path: '/kb/glossary-3.yaml', text: 'x'.repeat(6 * 1024 * 1024) },
    ]);
    assert.equal(errors.length, 3);
    assert.match(errors[0].message, /alias/i);
    assert.match(errors[1].message, /UTF-8/);
    assert.match(errors[2].message, /MB/);
  });

  it('records where each source of a well-formed JSON file starts (line and column of its "{")', () => {
    const text = JSON.stringify(
      [
        { id: 'a2020', type: 'report', title: 'A' },
        { id: 'b2021', type: 'report', title: 'B' },
      ],
      null,
      2,
    );
    const loaded = loadKnowledge([{ path: '/kb/sources.json', text }]);
    assert.deepEqual(loaded.errors, []);
    const lines = text.split('\n');
    for (const source of loaded.sources) {
      assert.equal(
        lines[source.origin.line][source.origin.character],
        '{',
        `${source.key} at ${source.origin.line}:${source.origin.character}`,
      );
      assert.match(lines[source.origin.line + 1], new RegExp(`"id": "${source.key}"`));
    }
  });

  it('finds where each source starts past strings with escaped quotes, backslashes and brackets', () => {
    const tricky = ['say \\"hi\\" [', 'ends in a backslash \\', '} { ] [ , "', 'C:\\dir\\'];
    const items = tricky.map((title, i) => ({ id: `k${i}`, type: 'report', title }));
    // Compact on one line, then spread over lines with odd spacing: both give each entry's "{".
    for (const text of [JSON.stringify(items), `[\r\n ${items.map((x) => JSON.stringify(x)).join(' ,\n\t')} ]`]) {
      const loaded = loadKnowledge([{ path: '/kb/sources.json', text }]);
      assert.deepEqual(loaded.errors, []);
      assert.deepEqual(
        loaded.sources.map((s) => s.csl.title),
        tricky,
      );
      const lines = text.split(/\r?\n/);
      for (const source of loaded.sources) {
        const rest = lines[source.origin.line].slice(source.origin.character);
        assert.ok(rest.startsWith(`{"id":"${source.key}"`), `${source.key} at ${JSON.stringify(source.origin)}`);
      }
    }
  });

  it('reads only knowledge file names', async () => {
    const { knowledgeFileKind } = await import('../../server/src/knowledge/fileKinds');
    assert.equal(knowledgeFileKind('/k/claims/a.yaml'), 'claims');
    assert.equal(knowledgeFileKind('/k/glossary.yaml'), 'glossary');
    assert.equal(knowledgeFileKind('/k/refs.json'), 'sources');
    assert.equal(knowledgeFileKind('/k/schema/x.schema.json'), undefined);
    assert.equal(knowledgeFileKind('/k/notes.md'), undefined);
  });
});

describe('knowledge store (the server reloads knowledge as files change)', () => {
  const folder = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'pl-store-'));
    writeTestKnowledge(dir);
    return dir;
  };

  it('parses only the files that changed since the last load, and forgets removed ones', () => {
    const dir = folder();
    try {
      const store = new KnowledgeStore();
      const first = store.load([dir], false);
      assert.deepEqual(first.kb.errors, []);
      assert.deepEqual([first.timings.parsedFiles, first.timings.reusedFiles], [4, 0]);
      writeFileSync(join(dir, 'claims', 'beta2022.yaml'), testClaims2.replace('id: speed', 'id: speed-renamed'));
      const second = store.load([dir], false);
      assert.deepEqual([second.timings.parsedFiles, second.timings.reusedFiles], [1, 3]);
      assert.ok(second.kb.claims.some((c) => c.id === 'beta2022/speed-renamed'));
      assert.ok(!second.kb.claims.some((c) => c.id === 'beta2022/speed'));
      unlinkSync(join(dir, 'claims', 'beta2022.yaml'));
      const third = store.load([dir], false);
      assert.ok(!third.kb.claims.some((c) => c.source === 'beta2022'));
      assert.equal(third.timings.parsedFiles, 0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps the last good version of a file that breaks, and says so', () => {
    const dir = folder();
    try {
      const store = new KnowledgeStore();
      const good = store.load([dir], false).kb.claims.filter((c) => c.source === 'alpha2023').length;
      writeFileSync(join(dir, 'claims', 'alpha2023.yaml'), `${testClaims}\n  - id: [unclosed\n`);
      const broken = store.load([dir], false);
      assert.equal(broken.kb.claims.filter((c) => c.source === 'alpha2023').length, good);
      assert.equal(broken.kb.errors.length, 1);
      assert.match(broken.kb.errors[0].message, /last good version of this file is still in use/);
      // A first load with the broken file has nothing to fall back on: the error, and no entries.
      const fresh = new KnowledgeStore().load([dir], false);
      assert.equal(fresh.kb.claims.filter((c) => c.source === 'alpha2023').length, 0);
      assert.doesNotMatch(fresh.kb.errors[0].message, /last good version/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a glossary entry citing a source that a later reload adds gets its citation back', () => {
    const dir = folder();
    try {
      const store = new KnowledgeStore();
      writeFileSync(
        join(dir, 'sources.json'),
        JSON.stringify((JSON.parse(testSources) as { id: string }[]).filter((s) => s.id !== 'beta2022')),
      );
      const without = store.load([dir], false);
      const cited = (kb: typeof without.kb) =>
        kb.terms.filter((t) => t.sources.some((ref) => ref.key === 'beta2022')).length;
      assert.ok(without.kb.errors.some((e) => e.kind === 'reference' && e.message.includes('"beta2022"')));
      assert.equal(cited(without.kb), 0);
      writeFileSync(join(dir, 'sources.json'), testSources);
      const withSource = store.load([dir], false);
      // The glossary file was not parsed again: its entries were not changed by the first load.
      assert.ok(withSource.timings.reusedFiles >= 1);
      assert.ok(cited(withSource.kb) > 0);
      assert.deepEqual(withSource.kb.errors, []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stores each anchor group once for all the claims that have it, frozen', () => {
    const files = [
      { path: '/kb/sources.json', text: testSources },
      { path: '/kb/glossary.yaml', text: testGlossary },
      { path: '/kb/claims/alpha2023.yaml', text: testClaims },
      { path: '/kb/claims/beta2022.yaml', text: testClaims2 },
    ];
    const { claims } = loadKnowledge(files);
    const byKey = new Map<string, readonly string[]>();
    let shared = 0;
    for (const claim of claims) {
      for (const group of claim.about) {
        assert.ok(Object.isFrozen(group));
        const seen = byKey.get(group.join('|'));
        if (seen) {
          assert.equal(seen, group, 'one array per distinct group');
          shared++;
        } else byKey.set(group.join('|'), group);
      }
    }
    assert.ok(shared > 0, 'the test knowledge has claims with a group in common');
  });
});
