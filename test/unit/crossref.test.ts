import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultSettings } from '../../server/src/common/settings';
import { proseLanguage } from '../../server/src/features/languages';
import { doc, service } from './helpers';

const codes = (text: string, settings = defaultSettings): string[] =>
  service(settings)
    .diagnostics(doc(text))
    .map((d) => `${d.code} ${String((d.data as { key?: string }).key ?? '')}`.trim());

describe('cross-references are not citations', () => {
  it('pandoc-crossref and Quarto keys give no unknown-citation; a real unknown key still does', () => {
    const text = [
      'The map (@fig:map) and the table [@tbl:trade] show it; see [@sec:intro], @eq:x and @lst:x.',
      '',
      'Quarto writes @fig-x, @tbl-x and [@sec-x; @eq-y].',
      '',
      'As argued [@figure2020].',
      '',
    ].join('\n');
    assert.deepEqual(codes(text), ['unknown-citation figure2020']);
  });
  it('the prefixes are a setting', () => {
    const text = 'See @fig:map and @thm-main.\n';
    assert.deepEqual(codes(text), ['unknown-citation thm-main']);
    assert.deepEqual(codes(text, { ...defaultSettings, crossrefPrefixes: ['thm-'] }), ['unknown-citation fig:map']);
  });
  it('a cross-reference is not a citation: a sourced sentence with only one still misses its citation', () => {
    const sentence = "About 67% of Korea's imports come from the Indo-Pacific (@fig:imports).";
    assert.deepEqual(codes(sentence), ['missing-citation']);
    // With a real citation beside it, the citation is judged, not the cross-reference.
    assert.deepEqual(codes("About 67% of Korea's imports come from the Indo-Pacific (@fig:imports) [@alpha2023]."), []);
    assert.deepEqual(codes("About 67% of Korea's imports come from the Indo-Pacific (@fig:imports) [@beta2022]."), [
      'citation-mismatch',
    ]);
  });
});

describe('Quarto and R Markdown', () => {
  it('are Markdown by language id or by file name', () => {
    assert.equal(proseLanguage('quarto', 'file:///a/memo.qmd'), 'markdown');
    assert.equal(proseLanguage('rmd', 'file:///a/memo.Rmd'), 'markdown');
    assert.equal(proseLanguage('plaintext', 'file:///a/memo.qmd'), 'markdown');
    assert.equal(proseLanguage('plaintext', 'file:///a/memo.RMD'), 'markdown');
    assert.equal(proseLanguage('plaintext', 'file:///a/memo.txt'), 'plaintext');
    assert.equal(proseLanguage('plaintext', 'file:///a/memo.md'), 'plaintext');
  });
  it('a .qmd opened as plain text is checked as Markdown: an R chunk is code', () => {
    const text = "```{r}\n# Nearly 90% of Korea's exports go to the Indo-Pacific.\n```\n\nSee @fig-map.\n";
    const asPlain = TextDocument.create('file:///memo.txt', 'plaintext', 1, text);
    const asQuarto = TextDocument.create('file:///memo.qmd', 'plaintext', 1, text);
    assert.deepEqual(
      service()
        .diagnostics(asPlain)
        .map((d) => d.code),
      ['contradiction'],
    );
    assert.deepEqual(
      service()
        .diagnostics(asQuarto)
        .map((d) => d.code),
      [],
    );
  });
  it('settings check quarto and rmd documents by default', () => {
    assert.ok(defaultSettings.languages.includes('quarto'));
    assert.ok(defaultSettings.languages.includes('rmd'));
  });
});
