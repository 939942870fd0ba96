// Settling a sentence's verdicts: support is said only when everything checkable in it agrees. A
// lone name the knowledge base does not know, listed with known bodies, is one more list member
// nobody checked.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { findings, knowledge, sources } from './judges/judging';

const kb = knowledge({
  'sources.json': sources('ports2024'),
  'places.yaml': `places:
  - { id: northland, name: Northland, kind: country, demonyms: [ Northlandic ] }
`,
  'glossary.yaml': `terms:
  - { id: aster, term: Aster, kind: organisation, definition: A crane maker. }
  - { id: borealis, term: Borealis, kind: organisation, definition: A crane maker. }
  - { id: corvid, term: Corvid, kind: organisation, definition: A crane maker. }
`,
  'claims/ports2024.yaml': `source: ports2024
claims:
  - id: ports-picked-cranes
    locator: ¶3
    statement: Northland's ports picked Aster and Borealis over Corvid for their cranes.
    about:
      property: [ aster, borealis, corvid ]
      with: [ [ crane, cranes ] ]
    preference: { preferred: [ aster, borealis ], over: [ corvid ] }
`,
});

const supported = (text: string): boolean => findings(kb, text).some((f) => f.verdict === 'support');

describe('settle: support', () => {
  it("supports a sentence whose listed names are all the claim's", () => {
    assert.equal(supported("Northland's ports picked Aster and Borealis over Corvid for their cranes."), true);
  });

  it('withholds support when an unknown name is listed with known bodies', () => {
    assert.equal(supported("Northland's ports picked Aster, Borealis and Delphi over Corvid for their cranes."), false);
    assert.equal(supported("Northland's ports picked Aster and Delphi over Corvid for their cranes."), false);
  });
});
