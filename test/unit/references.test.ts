import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { referencesEnd, referencesStart } from '../../server/src/features/references';
import { doc, service } from './helpers';

describe('references and navigation', () => {
  it('appends a generated references section for the cited keys', () => {
    const s = service();
    const d = doc('Claim [@beta2022]. Another [@alpha2023; @beta2022].\n');
    const result = TextDocument.applyEdits(d, [s.referencesEdit(d)]);
    assert.ok(result.startsWith('Claim [@beta2022]. Another [@alpha2023; @beta2022].\n\n' + referencesStart + '\n## References\n'));
    assert.match(result, /Kim, So Jeong\. 2023\. “Trade and the Indo-Pacific\.”/);
    assert.ok(result.indexOf('Kim, So Jeong') < result.indexOf('Steiner, Jake'), 'sorted by author');
    assert.ok(result.trimEnd().endsWith(referencesEnd));
  });

  it('replaces only the section it generated, leaving the rest of the memo alone', () => {
    const s = service();
    const before = `Intro [@alpha2023].\n\n${referencesStart}\n## References\n\nOld entry.\n${referencesEnd}\n\n## Annex\n\nKept text.\n`;
    const d = doc(before);
    const after = TextDocument.applyEdits(d, [s.referencesEdit(d)]);
    assert.ok(after.startsWith('Intro [@alpha2023].\n\n'));
    assert.ok(after.endsWith(`${referencesEnd}\n\n## Annex\n\nKept text.\n`));
    assert.doesNotMatch(after, /Old entry/);
    assert.equal(after.split(referencesStart).length, 2);
  });

  it('exports CSL-JSON of the cited sources only', () => {
    const items = service().exportBibliography(doc('Only [@alpha2023] here, and [@unknownkey].'));
    assert.deepEqual(items.map((i) => i.id), ['alpha2023']);
  });

  it('finds the definition of a key and lists sources with the supporting ones first', () => {
    const s = service();
    const d = doc('Samsung advocates Open RAN [@beta2022].');
    const source = s.definition(d, { line: 0, character: 30 })!;
    assert.equal(source.key, 'beta2022');
    assert.equal(source.origin.file, '/kb/sources.json');
    const list = s.listSources(d, { line: 0, character: 26 });
    assert.equal(list[0].key, 'beta2022');
    assert.equal(list[0].supports, true);
    assert.ok(list[0].claims.some((c) => /Open RAN/.test(c)));
  });

  it('links citation keys whose source has a URL or DOI', () => {
    const s = service();
    s.setExtraSources([{ key: 'web2024', kind: 'bibliography', origin: { file: '/refs.json', line: 0, character: 0 }, csl: { id: 'web2024', type: 'webpage', title: 'W', URL: 'https://example.org/w' } }]);
    const links = s.documentLinks(doc('See [@web2024] and [@alpha2023].'));
    assert.deepEqual(links.map((l) => [l.target, l.range.start.character]), [['https://example.org/w', 6]]);
  });

  it('knows keys from bibliography files and front matter', () => {
    const s = service();
    const d = doc('---\nreferences:\n  - id: inline1\n    title: Inline\n---\nAs [@inline1] and [@bib1] say.');
    s.setDocumentSources(d.uri, s.frontMatterBibliography(d).references);
    assert.deepEqual(s.diagnostics(d).map((x) => (x.data as { key: string }).key), ['bib1']);
    s.setExtraSources([{ key: 'bib1', kind: 'bibliography', origin: { file: '/r.bib', line: 0, character: 0 }, csl: { id: 'bib1', type: 'book', title: 'B' } }]);
    assert.deepEqual(s.diagnostics(d), []);
  });
});
