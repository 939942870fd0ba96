// A person written by surname alone is linked only when the memo says which one it means: the
// person of that surname the paragraph named last, or the author of the source the sentence cites.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { checkSentence, readSentence } from '../../server/src/engine/check';
import { type ParagraphContext } from '../../server/src/engine/reader/sentence';
import { namesAuthorOf } from '../../server/src/engine/reader/surnames';
import { knowledge } from './judges/judging';

const kb = knowledge({
  'sources.json': JSON.stringify([
    {
      id: 'osei2023',
      type: 'report',
      title: 'Ports and power',
      author: [{ family: 'Osei', given: 'Amara' }],
      issued: { 'date-parts': [[2023]] },
    },
    {
      id: 'forum2022',
      type: 'report',
      title: 'Forum findings',
      author: [{ literal: 'Harbor Forum' }],
      issued: { 'date-parts': [[2022]] },
    },
  ]),
  'glossary.yaml': `terms:
  - { id: amara-osei, term: Amara Osei, kind: person, definition: A port economist. }
  - { id: kofi-osei, term: Kofi Osei, kind: person, definition: A harbour pilot. }
  - { id: nmi, term: NMI, kind: acronym, expansion: Northland Maritime Institute, definition: A think tank. }
  - { id: ports-ministry, term: Ministry of Ports, kind: organisation, definition: A ministry. }
`,
  'claims/osei2023.yaml': `source: osei2023
claims:
  - id: amara-osei-nmi
    locator: byline
    statement: Amara Osei is a Senior Fellow at the Northland Maritime Institute.
    role: { person: amara-osei, title: Senior Fellow, org: nmi }
  - id: amara-osei-ministry
    locator: byline
    statement: Amara Osei advises the Ministry of Ports on shipping.
    role: { person: amara-osei, title: Adviser on shipping, org: ports-ministry }
`,
});

function linked(text: string, context: ParagraphContext): string | undefined {
  const view = readSentence(kb, text, 0, text.length, text, undefined, context);
  return view.entities.find((e) => view.words.slice(e.first, e.last).includes('osei'))?.id;
}

describe('surnames', () => {
  it('links a surname to the person of that surname the paragraph named last', () => {
    const context = { ids: new Set(['amara-osei']), recent: ['kofi-osei', 'amara-osei'] };
    assert.equal(linked('Dr Osei spoke first.', context), 'amara-osei');
    assert.equal(linked('Osei spoke first.', { ids: new Set(['kofi-osei']), recent: ['kofi-osei'] }), 'kofi-osei');
  });

  it('links a surname to the author of the source the sentence cites', () => {
    assert.equal(linked('Osei spoke first.', { ids: new Set(), cited: new Set(['osei2023']) }), 'amara-osei');
  });

  it('links initials and a surname when the initials fit one person only', () => {
    assert.equal(linked('K. Osei spoke first.', { ids: new Set() }), 'kofi-osei');
    assert.equal(linked('A. Osei spoke first.', { ids: new Set() }), 'amara-osei');
    assert.equal(linked('B. Osei spoke first.', { ids: new Set() }), undefined);
  });

  it('leaves a surname two people share alone when nothing says which one', () => {
    assert.equal(linked('Osei spoke first.', { ids: new Set() }), undefined);
    assert.equal(linked('Osei spoke first.', { ids: new Set(), cited: new Set(['forum2022']) }), undefined);
  });

  it("judges the linked person's posts, each with its own organisation", () => {
    const text =
      'Dr Osei is described as a Senior Fellow at the Northland Maritime Institute and an adviser on shipping ' +
      'to the Ministry of Trade and NMI.';
    const context = { ids: new Set<string>(), cited: new Set(['osei2023']) };
    const found = checkSentence(kb, text, 0, text.length, text, undefined, context);
    const contradiction = found.find((f) => f.verdict === 'contradiction');
    assert.equal(contradiction?.claim.id, 'osei2023/amara-osei-ministry');
    assert.equal(text.slice(contradiction.start, contradiction.end), 'Ministry of Trade and NMI');
  });
});

describe('support and who reports it', () => {
  const supported = (text: string): boolean =>
    checkSentence(kb, text, 0, text.length).some((f) => f.verdict === 'support');

  it('withholds support when a known person who did not write the source is said to report it', () => {
    assert.equal(supported('Amara Osei is a Senior Fellow at the Northland Maritime Institute.'), true);
    assert.equal(
      supported('Kofi Osei notes that Amara Osei is a Senior Fellow at the Northland Maritime Institute.'),
      false,
    );
  });
});

describe('who wrote a source', () => {
  it('knows an author by full name or family name alone, and no one else', () => {
    assert.equal(namesAuthorOf(kb, 'Osei', 'osei2023'), true);
    assert.equal(namesAuthorOf(kb, 'Amara Osei', 'osei2023'), true);
    assert.equal(namesAuthorOf(kb, 'Kofi', 'osei2023'), false);
    assert.equal(namesAuthorOf(kb, 'Osei', 'forum2022'), false);
    assert.equal(namesAuthorOf(kb, 'Osei', 'unknown-key'), false);
  });
});
