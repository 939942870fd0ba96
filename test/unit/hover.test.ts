import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { type MarkupContent } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultSettings } from '../../server/src/common/settings';
import { doc, service, testFiles, testKnowledge, testRenderer } from './helpers';
import { KnowledgeBase } from '../../server/src/knowledge/knowledgeBase';
import { loadKnowledge } from '../../server/src/knowledge/loader';
import { PolicyLensService } from '../../server/src/features/languageService';

async function hoverText(text: string, line: number, character: number): Promise<string | undefined> {
  const h = await service().hover(doc(text), { line, character });
  return h ? (h.contents as MarkupContent).value : undefined;
}

describe('hover', () => {
  it('shows an acronym with its expansion, definition and sources', async () => {
    const value = (await hoverText('The OEWG met.', 0, 5))!;
    assert.match(value, /\*\*OEWG\*\*: Open-Ended Working Group/);
    assert.match(value, /A UN working group/);
    assert.match(value, /@alpha2023` ¶7/);
  });
  it('works on aliases and multi-word terms', async () => {
    assert.match((await hoverText('We like the Open Radio Access Network.', 0, 20))!, /Open RAN/);
  });
  it('shows the reference and the cite as the CSL processor renders them (Chicago author-date)', async () => {
    const value = (await hoverText('As shown [@beta2022, p. 4].', 0, 13))!;
    assert.match(value, /\*\*@beta2022\*\* · \(Steiner and Manantan 2022, 4\)/);
    assert.match(value, /Steiner, Jake, and Mark Manantan\. 2022\. “Networks of the Future\.” Pacific Forum\./);
  });
  it("renders APA when the settings ask for it, and a memo's csl: front matter wins", async () => {
    const s = service({ ...defaultSettings, referenceStyle: 'apa' });
    const d = doc('See [-@beta2022].');
    assert.match(
      ((await s.hover(d, { line: 0, character: 8 }))!.contents as MarkupContent).value,
      /Steiner, J\., & Manantan, M\. \(2022\)\. \*Networks of the Future\*\. Pacific Forum\./,
    );
    s.setDocumentStyle(d.uri, { style: 'chicago-author-date' });
    assert.match(((await s.hover(d, { line: 0, character: 8 }))!.contents as MarkupContent).value, /· \(2022\)/);
  });
  it("renders with a user's .csl file, and a dependent style through its bundled parent", async () => {
    const s = service();
    const d = doc('See [@beta2022].');
    const hoverValue = async (): Promise<string> =>
      ((await s.hover(d, { line: 0, character: 7 }))!.contents as MarkupContent).value;
    // A minimal independent style of our own: "AUTHOR: TITLE".
    const own =
      '<?xml version="1.0" encoding="utf-8"?><style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" ' +
      'version="1.0"><info><title>T</title><id>t</id><updated>2024-01-01T00:00:00+00:00</updated></info>' +
      '<citation><layout><names ' +
      'variable="author"><name form="short"/></names></layout></citation><bibliography><layout><names ' +
      'variable="author"><name name-as-sort-order="all"/></names><text variable="title" prefix=": ' +
      '"/></layout></bibliography></style>';
    s.setDocumentStyle(d.uri, { style: '/styles/own.csl', xml: own });
    assert.match(await hoverValue(), /· Steiner, Manantan\n\nSteiner, Jake, Manantan, Mark: Networks of the Future/);
    const dependent =
      '<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0"><info><link ' +
      'href="http://www.zotero.org/styles/apa" rel="independent-parent"/></info></style>';
    s.setDocumentStyle(d.uri, { style: '/styles/journal.csl', xml: dependent });
    assert.match(await hoverValue(), /Steiner, J\., & Manantan, M\. \(2022\)/);
    s.setDocumentStyle(d.uri, { style: '/styles/other.csl', xml: dependent.replace('/apa', '/nature') });
    assert.match(
      await hoverValue(),
      /could not be formatted: \/styles\/other\.csl is a dependent style; its parent \S+\/nature is not bundled/,
    );
  });
  it('renders with a locale (de-DE terms)', async () => {
    const s = service({ ...defaultSettings, referenceLocale: 'de-DE' });
    const value = ((await s.hover(doc('[@beta2022, pp. 3–5]'), { line: 0, character: 4 }))!.contents as MarkupContent)
      .value;
    assert.match(value, /Steiner und Manantan 2022, 3–5/);
  });
  it('shows what the source says on a contradicted span, once the document is checked', async () => {
    const s = service();
    const d = doc("Nearly 90% of Korea's exports go to the Indo-Pacific.");
    // A hover never runs a whole-document check itself (the server checks first, in slices).
    assert.doesNotMatch(
      ((await s.hover(d, { line: 0, character: 8 }))?.contents as MarkupContent | undefined)?.value ?? '',
      /What the source says/,
    );
    s.diagnostics(d);
    const value = ((await s.hover(d, { line: 0, character: 8 }))!.contents as MarkupContent).value;
    assert.match(value, /What the source says/);
    assert.match(value, /About 78%/);
  });
  it('finds a citation on the hovered line before the document is checked', async () => {
    assert.match((await hoverText('Line one.\nAs shown [@alpha2023] here.', 1, 13))!, /Trade and the Indo-Pacific/);
  });
  it('returns nothing on plain words', async () => {
    assert.equal(await hoverText('Nothing to see here.', 0, 3), undefined);
  });
  it('renders the cites of a checked memo ahead of hovers, each once, and stops when the memo changes', async () => {
    const calls: string[] = [];
    const s = new PolicyLensService(testKnowledge(), defaultSettings);
    s.setRenderer({
      ...testRenderer,
      bibliography: (items, style) => testRenderer.bibliography(items, style),
      references: (items, style) => testRenderer.references(items, style),
      prepare: (style) => testRenderer.prepare(style),
      citation: (cites, style) => {
        calls.push(cites.map((c) => c.locator ?? '').join());
        return testRenderer.citation(cites, style);
      },
    });
    const pages = Array.from({ length: 40 }, (_, i) => `Point ${i} [@beta2022, p. ${i + 1}].`);
    const d = doc(pages.join(' '));
    s.diagnostics(d);
    await s.prerenderCitations(d);
    assert.equal(calls.length, 40, 'every distinct cite rendered once');
    const value = (await s.hover(d, { line: 0, character: pages[0].length + 1 + pages[1].indexOf('@') + 2 }))!;
    assert.match((value.contents as MarkupContent).value, /Steiner and Manantan 2022, 2\)/);
    assert.equal(calls.length, 40, 'the hover found its cite rendered (a cache of 16 per source forgot it)');
    const edited = TextDocument.update(d, [{ text: 'Point [@beta2022, p. 99]. ' }], 2);
    await s.prerenderCitations(edited);
    assert.equal(calls.length, 40, 'a memo changed since its check is not rendered ahead');
  });
  it('escapes only what Markdown acts on: "#" mid-line stays as written, a leading one is escaped', async () => {
    const files = testFiles().map((f) =>
      f.path.endsWith('glossary.yaml')
        ? {
            ...f,
            text: `${f.text}
  - id: zsession
    term: Zyx Session
    kind: event
    definition: "# 3 of the series, also called Session #3, on *open* networks."
`,
          }
        : f,
    );
    const s = new PolicyLensService(new KnowledgeBase(loadKnowledge(files)), defaultSettings);
    const h = await s.hover(doc('The Zyx Session met.'), { line: 0, character: 6 });
    const value = (h!.contents as MarkupContent).value;
    assert.match(value, /^\\# 3 of the series, also called Session #3, on \\\*open\\\* networks\.$/m);
  });
  it('lists each source once, with its locators, and a long title shortened to its main part', async () => {
    const long = 'Freedonia and the Sea: A Study of Ports, Trade Routes and Naval Presence in the Western Ocean';
    const longer =
      'Networks of the Future and the Allies Who Build Them Across the Indo-Pacific Region in Coming Decades';
    const files = testFiles().map((f) => {
      if (f.path.endsWith('sources.json')) {
        const sources = JSON.parse(f.text) as { id: string; title: string }[];
        const titles: Record<string, string> = { alpha2023: long, beta2022: longer };
        return { ...f, text: JSON.stringify(sources.map((x) => ({ ...x, title: titles[x.id] ?? x.title }))) };
      }
      if (f.path.endsWith('glossary.yaml')) {
        const entry = `
  - id: zports
    term: Zyx Ports
    kind: concept
    definition: Ports of Freedonia.
    sources: [{ key: alpha2023, locator: ¶2 }, { key: beta2022, locator: ¶4 }, { key: alpha2023, locator: ¶7 }]
`;
        return { ...f, text: f.text + entry };
      }
      return f;
    });
    const s = new PolicyLensService(new KnowledgeBase(loadKnowledge(files)), defaultSettings);
    const h = await s.hover(doc('The Zyx Ports grew.'), { line: 0, character: 6 });
    const lines = (h!.contents as MarkupContent).value.split('\n').filter((l) => l.startsWith('- '));
    assert.deepEqual(lines, [
      '- `@alpha2023` ¶2, ¶7: Kim 2023, “Freedonia and the Sea”',
      '- `@beta2022` ¶4: Steiner and Manantan 2022, “Networks of the Future and the Allies Who Build Them Across the…”',
    ]);
  });
});
