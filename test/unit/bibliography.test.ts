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
    assert.deepEqual(
      sources.map((s) => s.key),
      ['steiner2022', 'lee2021'],
    );
    const [a, b] = sources;
    assert.equal(a.csl.type, 'report');
    // English titles are read in sentence case, braced words kept, as Pandoc reads them.
    assert.equal(a.csl.title, 'US-South Korea cybersecurity cooperation');
    assert.deepEqual(a.csl.author, [
      { family: 'Steiner', given: 'Jake' },
      { family: 'Manantan', given: 'Mark' },
    ]);
    assert.equal(a.csl.publisher, 'Pacific Forum International');
    assert.deepEqual(a.csl.issued, { 'date-parts': [[2022]] });
    assert.equal(a.origin.line, 2);
    assert.equal(b.csl['container-title'], 'Asian Survey');
    assert.equal(b.csl.title, 'A Nested title');
  });

  it('reads entry types and field names that are Object.prototype members as unknown words', () => {
    const { sources, errors } = parseBibtex(
      '/refs.bib',
      '@constructor{a, title = {T}, __proto__ = {x}, toString = {y}}\n@misc{b, title = ' +
        'constructor}\n@string{hasOwnProperty = "z"}\n@misc{c, title = hasOwnProperty}',
    );
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

  it('reads a Zotero export: accents, corporate authors, particles, months, @string, crossref (issue 15)', () => {
    const bib = `@string{wb = "World Bank"}
@collection{parent, title = {The Handbook of {Cyber} Policy}, editor = {van der Berg, Anna},
  publisher = {Oxford University Press}, address = {Oxford}, year = {2019}}
@article{uber2020,
  author = {{\\"U}ber, Hans and {World Bank}},
  title = {Networks},
  journal = wb # { Review},
  year = 2020, month = mar, volume = 3, number = 2, pages = {3--15}
}
@incollection{child, author = {de la Fontaine, Jean}, title = {A Chapter}, crossref = {parent}, pages = {10--20}}`;
    const { sources, errors } = parseBibtex('/refs.bib', bib);
    assert.deepEqual(errors, []);
    const byKey = new Map(sources.map((s) => [s.key, s]));
    const article = byKey.get('uber2020')!.csl;
    assert.deepEqual(article.author, [{ given: 'Hans', family: 'Über' }, { literal: 'World Bank' }]);
    assert.equal(article['container-title'], 'World Bank Review');
    assert.deepEqual(article.issued, { 'date-parts': [[2020, 3]] });
    assert.equal(article.page, '3-15');
    assert.deepEqual(byKey.get('parent')!.csl.editor, [
      { given: 'Anna', family: 'Berg', 'dropping-particle': 'van der' },
    ]);
    const chapter = byKey.get('child')!.csl;
    assert.equal(chapter['container-title'], 'The handbook of Cyber policy', 'the book title comes through crossref');
    assert.equal(chapter.publisher, 'Oxford University Press');
    assert.deepEqual(chapter.author, [{ given: 'Jean', family: 'Fontaine', 'dropping-particle': 'de la' }]);
    assert.deepEqual(
      sources.map((s) => [s.key, s.origin.line]),
      [
        ['parent', 1],
        ['uber2020', 3],
        ['child', 9],
      ],
      'entry positions for go to definition',
    );
  });

  it('reads an entry whose crossref the parser cannot apply without it, and says so', () => {
    const bib =
      '@book{p, title = {B}, editor = {Lee, Min}, year = 2019}\n@inbook{c, author = {Kim, Lami}, title = {C}, ' +
      'crossref = {p}}';
    const { sources, errors } = parseBibtex('/refs.bib', bib);
    assert.deepEqual(
      sources.map((s) => s.key),
      ['p', 'c'],
    );
    assert.deepEqual(
      errors.map((e) => [e.kind, e.line]),
      [['reference', 1]],
    );
    assert.match(errors[0].message, /^c: its crossref could not be applied/);
  });

  it('reads @article(…) with parentheses inside and url = {C:\\dir\\}, keeping every later entry (issue 12)', () => {
    const bib = `@article(paren2020,
  title = {A Study (with parentheses)},
  year = 2020
)
@misc{win2021, title = {Windows}, url = {C:\\dir\\}, year = {2021}}
@misc{later, title = {Still here}, year = 2022}`;
    const { sources, errors } = parseBibtex('/refs.bib', bib);
    assert.deepEqual(errors, []);
    assert.deepEqual(
      sources.map((s) => s.key),
      ['paren2020', 'win2021', 'later'],
    );
    assert.equal(sources[0].csl.title, 'A study (with parentheses)');
    assert.equal(sources[1].csl.URL, 'C:\\dir\\');
  });

  it('reports a malformed entry at its line and reads the others', () => {
    const bib =
      '@misc{a, title = {A}}\n@misc{bad, title = {C:\\dir\\}, year = 2020}\n@book{open, title = {Never ' +
      'closed\n@misc{z, title = {Z}}\n';
    const { sources, errors } = parseBibtex('/refs.bib', bib);
    assert.deepEqual(
      sources.map((s) => s.key),
      ['a', 'z'],
    );
    assert.deepEqual(errors.map((e) => [e.line, e.kind]).sort(), [
      [1, 'syntax'],
      [2, 'syntax'],
    ]);
    assert.match(errors.find((e) => e.line === 1)!.message, /@misc\{bad\}.*skipped/);
  });

  it('reports a CSL item whose author is a string or [null] on its file and keeps the item usable (issue 12)', () => {
    const json =
      '[\n {"id": "a", "type": "book", "title": "A", "author": "Kim, Lami"},\n {"id": "b", "title": "B", ' +
      '"author": [null, {"family": "Lee"}]},\n {"id": "c", "title": "C", "issued": "2020"}\n]';
    const { sources, errors } = parseBibliography('/refs.json', json);
    assert.deepEqual(
      sources.map((s) => s.key),
      ['a', 'b', 'c'],
    );
    assert.equal(sources[0].csl.author, undefined);
    assert.deepEqual(sources[1].csl.author, [{ family: 'Lee' }]);
    assert.deepEqual(
      errors.map((e) => [e.line, e.kind]),
      [
        [1, 'schema'],
        [2, 'schema'],
        [3, 'schema'],
      ],
    );
    assert.match(errors[0].message, /^a: "author" must be a list of names/);
    assert.match(errors[2].message, /^c: "issued" must be a date/);
  });

  it('reads CSL-JSON and Pandoc YAML bibliographies, reporting entries without ids', () => {
    const json = parseBibliography(
      '/refs.json',
      '[\n {"id": "a1", "type": "book", "title": "A"},\n {"title": "no id"}\n]',
    );
    assert.deepEqual(
      json.sources.map((s) => s.key),
      ['a1'],
    );
    assert.equal(json.errors[0].line, 2);
    const yaml = parseBibliography('/refs.yaml', 'references:\n  - id: y1\n    title: Y\n');
    assert.deepEqual(
      yaml.sources.map((s) => [s.key, s.csl.type]),
      [['y1', 'document']],
    );
    assert.equal(parseBibliography('/bad.json', '[{').errors[0].kind, 'syntax');
  });

  it('reads bibliography and references from front matter', () => {
    const text =
      '---\nbibliography: [refs.bib, more.json]\nreferences:\n  - id: inline1\n    title: Inline\n---\nBody.';
    const fm = frontMatterBibliography(parseProse(text).frontMatter, 'file:///m.md');
    assert.deepEqual(fm.files, ['refs.bib', 'more.json']);
    assert.deepEqual(
      fm.references.map((r) => r.key),
      ['inline1'],
    );
    assert.deepEqual(frontMatterBibliography(parseProse('---\nbibliography: one.bib\n---\n').frontMatter, 'x').files, [
      'one.bib',
    ]);
  });
});
