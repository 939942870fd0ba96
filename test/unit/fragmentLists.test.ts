// A lead-in ending with a colon and the short list items after it are read as one sentence: a
// list claim sees the whole list, and what is wrong in an item is reported on that item.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { DocumentAnalyzer } from '../../server/src/engine/analysis';
import { fourCountries, knowledge, sources } from './judges/judging';

const kb = knowledge({
  'sources.json': sources('sea2023'),
  'places.yaml': fourCountries,
  'glossary.yaml': `terms:
  - id: sea-strategy
    term: Sea Lanes Strategy
    kind: document
    country: northland
    definition: Northland's plan for its sea lanes.
`,
  'claims/sea2023.yaml': `source: sea2023
claims:
  - id: strategy-partners
    locator: ¶2
    statement: The Sea Lanes Strategy names Westmark, Eastoria and Southport as its partners.
    about: { property: [ partner, partners ], with: [ [ sea-strategy, strategy ] ] }
    set: { members: [ westmark, eastoria, southport ], closed: true }
`,
});

/** The contradictions of a document, as the words they mark. */
function contradicted(text: string): string[] {
  const analysis = new DocumentAnalyzer().analyze(text, kb);
  return analysis.sentences.flatMap((s) =>
    s.findings.filter((f) => f.verdict === 'contradiction').map((f) => text.slice(f.start, f.end)),
  );
}

describe('a lead-in and its list of fragments', () => {
  it('reports a member the source does not list on its own item', () => {
    const memo = 'The Sea Lanes Strategy is candid. It names its partners:\n\n- Westmark;\n- Eastoria;\n- Northland.\n';
    assert.deepEqual(contradicted(memo), ['Northland']);
  });

  it('says nothing when every item is a member, or when the items are all there is (no lead-in)', () => {
    assert.deepEqual(
      contradicted('The Sea Lanes Strategy names its partners:\n\n- Westmark;\n- Eastoria;\n- Southport.\n'),
      [],
    );
    assert.deepEqual(contradicted('- Westmark;\n- Eastoria;\n- Northland.\n'), []);
  });

  it('does not join items that are sentences of their own, or a lead-in without a colon', () => {
    const sentences =
      'The Sea Lanes Strategy names its partners:\n\n- Westmark. It trades with Northland.\n- Northland.\n';
    assert.deepEqual(contradicted(sentences), []);
    const noColon = 'The Sea Lanes Strategy names its partners.\n\n- Westmark;\n- Eastoria;\n- Northland.\n';
    assert.deepEqual(contradicted(noColon), []);
  });

  it('keeps a finding in an item where an edit above the list moves it', () => {
    const analyzer = new DocumentAnalyzer();
    const memo = 'The Sea Lanes Strategy names its partners:\n\n- Westmark;\n- Eastoria;\n- Northland.\n';
    analyzer.analyze(memo, kb);
    const edited = `A new first paragraph.\n\n${memo}`;
    const marks = analyzer
      .analyze(edited, kb)
      .sentences.flatMap((s) =>
        s.findings.filter((f) => f.verdict === 'contradiction').map((f) => edited.slice(f.start, f.end)),
      );
    assert.deepEqual(marks, ['Northland']);
  });
});
