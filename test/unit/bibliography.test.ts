import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { parseBibliography, parseBibtex } from '../../server/src/knowledge/bibliography';
import { frontMatterBibliography } from '../../server/src/features/frontMatter';
import { parseProse } from '../../server/src/engine/markdown/prose';

describe('bibliographies', () => {
  it('reads BibTeX entries with braces, quotes, macros and concatenation', () => {
    const bib = `@string{pf = "Pacific Forum"}
@comment{ignored @article{not, title={x}}}
@techreport{steiner2022,
  author = {Steiner, Jake and Mark Manantan},
  title = {{US-South Korea} Cybersecurity Cooperation},
  institution = pf # " International",
  year = 2022,
  url = {https://example.org/x}
}
@article{lee2021, title = "A {Nested} Title", journal = {Asian Survey}, year = {2021}, author = {Lee, Min}}`;
    const { sources, errors } = parseBibtex('/refs.bib', bib);
    assert.deepEqual(errors, []);
    assert.deepEqual(sources.map((s) => s.key), ['steiner2022', 'lee2021']);
    const [a, b] = sources;
    assert.equal(a.csl.type, 'report');
    assert.equal(a.csl.title, 'US-South Korea Cybersecurity Cooperation');
    assert.deepEqual(a.csl.author, [{ family: 'Steiner', given: 'Jake' }, { family: 'Manantan', given: 'Mark' }]);
    assert.equal(a.csl.publisher, 'Pacific Forum International');
    assert.deepEqual(a.csl.issued, { 'date-parts': [[2022]] });
    assert.equal(a.origin.line, 2);
    assert.equal(b.csl['container-title'], 'Asian Survey');
    assert.equal(b.csl.title, 'A Nested Title');
  });

  it('reads entry types and field names that are Object.prototype members as unknown words', () => {
    const { sources, errors } = parseBibtex('/refs.bib', '@constructor{a, title = {T}, __proto__ = {x}, toString = {y}}\n@misc{b, title = constructor}\n@string{hasOwnProperty = "z"}\n@misc{c, title = hasOwnProperty}');
    assert.deepEqual(errors, []);
    const [a, b, c] = sources;
    assert.equal(a.csl.type, 'document');
    assert.equal(a.csl.title, 'T');
    assert.equal(Object.getPrototypeOf(a.csl), Object.prototype);
    assert.equal(b.csl.title, 'constructor', 'an undefined macro is kept as written');
    assert.equal(c.csl.title, 'z');
  });

  it('reports an unclosed BibTeX entry with its line', () => {
    const { errors } = parseBibtex('/refs.bib', '\n\n@book{x, title = {open');
    assert.equal(errors[0].line, 2);
  });

  it('reads CSL-JSON and Pandoc YAML bibliographies, reporting entries without ids', () => {
    const json = parseBibliography('/refs.json', '[\n {"id": "a1", "type": "book", "title": "A"},\n {"title": "no id"}\n]');
    assert.deepEqual(json.sources.map((s) => s.key), ['a1']);
    assert.equal(json.errors[0].line, 2);
    const yaml = parseBibliography('/refs.yaml', 'references:\n  - id: y1\n    title: Y\n');
    assert.deepEqual(yaml.sources.map((s) => [s.key, s.csl.type]), [['y1', 'document']]);
    assert.equal(parseBibliography('/bad.json', '[{').errors[0].kind, 'syntax');
  });

  it('reads bibliography and references from front matter', () => {
    const text = '---\nbibliography: [refs.bib, more.json]\nreferences:\n  - id: inline1\n    title: Inline\n---\nBody.';
    const fm = frontMatterBibliography(parseProse(text).frontMatter, 'file:///m.md');
    assert.deepEqual(fm.files, ['refs.bib', 'more.json']);
    assert.deepEqual(fm.references.map((r) => r.key), ['inline1']);
    assert.deepEqual(frontMatterBibliography(parseProse('---\nbibliography: one.bib\n---\n').frontMatter, 'x').files, ['one.bib']);
  });
});
