import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type MarkupContent } from 'vscode-languageserver-types';
import { referencesEnd, referencesStart } from '../../server/src/features/references';
import { citationInsertion, exportMessage } from '../../server/src/common/citationText';
import { parseBibtex } from '../../server/src/knowledge/bibliography';
import { defaultSettings } from '../../server/src/common/settings';
import { doc, service } from './helpers';

async function insertReferences(text: string, s = service()): Promise<string> {
  const d = doc(text);
  return TextDocument.applyEdits(d, [await s.referencesEdit(d)]);
}

describe('references and navigation', () => {
  it("appends a References section rendered by the CSL processor, in the style's order", async () => {
    const result = await insertReferences('Claim [@beta2022]. Another [@alpha2023; @beta2022].\n');
    assert.ok(
      result.startsWith(
        'Claim [@beta2022]. Another [@alpha2023; @beta2022].\n\n## References\n\n' + referencesStart + '\n',
      ),
    );
    assert.match(result, /Kim, So Jeong\. 2023\. “Trade and the Indo-Pacific\.”/);
    assert.ok(result.indexOf('Kim, So Jeong') < result.indexOf('Steiner, Jake'), 'sorted by author');
    assert.ok(result.trimEnd().endsWith(referencesEnd));
  });

  it("fills the memo's own References heading instead of adding a second one", async () => {
    const result = await insertReferences('Claim [@beta2022].\n\n# References\n\n## Annex\n\nKept.\n');
    assert.equal(result.match(/References/g)!.length, 1);
    assert.ok(result.startsWith(`Claim [@beta2022].\n\n# References\n\n${referencesStart}\n\nSteiner, Jake`));
    assert.ok(result.endsWith(`${referencesEnd}\n\n## Annex\n\nKept.\n`));
  });

  it("fills Pandoc's ::: {#refs} div", async () => {
    const result = await insertReferences('Claim [@alpha2023].\n\n## Sources\n\n::: {#refs}\n:::\n\nAfter.\n');
    assert.ok(result.includes(`::: {#refs}\n\n${referencesStart}\n\nKim, So Jeong`), result);
    assert.ok(result.endsWith(`${referencesEnd}\n\n:::\n\nAfter.\n`), result);
  });

  it('replaces only the section it generated, leaving the rest of the memo alone', async () => {
    const before =
      `Intro [@alpha2023].\n\n${referencesStart}\n## References\n\nOld entry.\n${referencesEnd}\n\n## ` +
      `Annex\n\nKept text.\n`;
    const after = await insertReferences(before);
    assert.ok(after.startsWith('Intro [@alpha2023].\n\n'));
    assert.ok(after.endsWith(`${referencesEnd}\n\n## Annex\n\nKept text.\n`));
    assert.doesNotMatch(after, /Old entry/);
    assert.equal(after.split(referencesStart).length, 2);
  });

  it('counts markers only on their own lines outside code, comments and front matter (issue 12)', async () => {
    const traps = [
      `---\ntitle: "${referencesStart}"\n---\n`,
      `\`\`\`\n${referencesStart}\n\`\`\`\n`,
      `Inline \`${referencesStart}\` code.\n`,
      `<!--\n${referencesStart}\n-->\n`,
      `    ${referencesStart}\n`,
    ];
    for (const trap of traps) {
      const before = `${trap}\nIntro [@alpha2023].\n\nKept paragraph.\n\n${referencesEnd}\n\nLast words.\n`;
      const after = await insertReferences(before);
      assert.ok(
        after.startsWith(before),
        `nothing of the memo is removed or changed with ${JSON.stringify(trap)}:\n${after}`,
      );
    }
  });

  it('a lone start marker is replaced by the list and deletes nothing', async () => {
    const before = `Intro [@alpha2023].\n\n${referencesStart}\n\nThe user's paragraph.\n\nAnother one.\n`;
    const after = await insertReferences(before);
    assert.ok(after.includes("The user's paragraph.\n\nAnother one.\n"));
    assert.equal(after.split(referencesStart).length, 2);
    assert.equal(after.split(referencesEnd).length, 2);
    assert.ok(after.indexOf(referencesEnd) < after.indexOf("The user's paragraph."));
  });

  it('never checks the generated list as prose', () => {
    const s = service();
    const d = doc(
      `Intro [@alpha2023].\n\n${referencesStart}\n\nKim. 2023. Nearly 90% of Korea's exports go to the ` +
        `Indo-Pacific [@nokey].\n\n${referencesEnd}\n`,
    );
    assert.deepEqual(s.diagnostics(d), []);
  });

  it('includes the keys front matter nocite names', async () => {
    const s = service();
    const d = doc('No citation here.\n');
    s.setDocumentStyle(d.uri, undefined, ['beta2022']);
    assert.match(TextDocument.applyEdits(d, [await s.referencesEdit(d)]), /Steiner, Jake/);
  });

  it('exports CSL-JSON and BibTeX of the cited sources only', () => {
    const s = service();
    const d = doc('Only [@alpha2023] here, and [@unknownkey].');
    assert.deepEqual(
      s.exportBibliography(d).map((i) => i.id),
      ['alpha2023'],
    );
    const bib = s.exportBibtex(d);
    assert.match(bib, /^@article\{alpha2023,/m);
    assert.deepEqual(
      parseBibtex('/x.bib', bib).sources.map((x) => [x.key, x.csl.title]),
      [['alpha2023', 'Trade and the Indo-Pacific']],
    );
  });

  it('finds the definition of a key and lists sources, supporting ones first, every claim, rendered', async () => {
    const s = service();
    const d = doc('Samsung advocates Open RAN [@beta2022].');
    const source = s.definition(d, { line: 0, character: 30 })!;
    assert.equal(source.key, 'beta2022');
    assert.equal(source.origin.file, '/kb/sources.json');
    const list = await s.listSources(d, { line: 0, character: 26 });
    assert.equal(list[0].key, 'beta2022');
    assert.equal(list[0].supports, true);
    assert.ok(list[0].claims.some((c) => /Open RAN/.test(c)));
    assert.equal(
      list[0].claims.length,
      s.knowledge.claimsBySource.get('beta2022')!.length,
      'every claim, for the picker to search',
    );
    const expected = 'Steiner, Jake, and Mark Manantan. 2022. “Networks of the Future.” Pacific Forum.';
    assert.equal(list[0].reference, expected);
  });

  it('Insert Citation spaces its insertion and adds to an open bracket citation', () => {
    assert.equal(citationInsertion('networks', 8, 'kim2023'), ' [@kim2023]');
    assert.equal(citationInsertion('networks ', 9, 'kim2023'), '[@kim2023]');
    assert.equal(citationInsertion('', 0, 'kim2023'), '[@kim2023]');
    assert.equal(citationInsertion('as [see @a, p. 3', 16, 'kim2023'), '; @kim2023');
    assert.equal(citationInsertion('as [@a] and', 11, 'kim2023'), ' [@kim2023]');
  });

  it("Export Bibliography's message names the memo it exported, not memo.md", () => {
    assert.equal(
      exportMessage(2, true, 'brief.bib', 'korea-brief.md'),
      'Exported 2 source(s) as BibTeX. Render with: pandoc --citeproc --bibliography "brief.bib" "korea-brief.md"',
    );
    assert.match(exportMessage(1, false, 'x.json', undefined), /CSL-JSON.*"x\.json" your memo$/);
  });

  it('resolves completion documentation lazily with the formatted reference', async () => {
    const s = service({ ...defaultSettings, referenceStyle: 'apa' });
    const items = s.completion(doc('See [@'), { line: 0, character: 6 })!.items;
    assert.ok(
      items.every((i) => i.documentation === undefined),
      'no reference is formatted for the list',
    );
    const resolved = await s.resolveCompletion(items.find((i) => i.label === 'beta2022')!);
    assert.match((resolved.documentation as MarkupContent).value, /^Steiner, J\., & Manantan, M\. \(2022\)\./);
  });

  it('links citation keys whose source has a URL or DOI', () => {
    const s = service();
    s.setExtraSources([
      {
        key: 'web2024',
        kind: 'bibliography',
        origin: { file: '/refs.json', line: 0, character: 0 },
        csl: { id: 'web2024', type: 'webpage', title: 'W', URL: 'https://example.org/w' },
      },
    ]);
    const links = s.documentLinks(doc('See [@web2024] and [@alpha2023].'));
    assert.deepEqual(
      links.map((l) => [l.target, l.range.start.character]),
      [['https://example.org/w', 6]],
    );
  });

  it('knows keys from bibliography files and front matter', () => {
    const s = service();
    const d = doc('---\nreferences:\n  - id: inline1\n    title: Inline\n---\nAs [@inline1] and [@bib1] say.');
    s.setDocumentSources(d.uri, s.frontMatterBibliography(d).references);
    assert.deepEqual(
      s.diagnostics(d).map((x) => (x.data as { key: string }).key),
      ['bib1'],
    );
    s.setExtraSources([
      {
        key: 'bib1',
        kind: 'bibliography',
        origin: { file: '/r.bib', line: 0, character: 0 },
        csl: { id: 'bib1', type: 'book', title: 'B' },
      },
    ]);
    assert.deepEqual(s.diagnostics(d), []);
  });
});
