// Names written with one word wrong: the claim about the named thing still applies, and the
// finding marks the name. Against a small invented knowledge base.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { findings, fourCountries, judging, knowledge, sources, verdicts } from './judging';

const kb = knowledge({
  'sources.json': sources('ports2019'),
  'places.yaml': fourCountries,
  'glossary.yaml': `terms:
  - id: ports-charter
    term: Northland Charter of Ports, Cables and Satellites
    kind: document
    aliases: [ Northland Charter ]
    definition: A charter on sea infrastructure.
  - id: pmsi
    term: PMSI
    kind: acronym
    expansion: Ports and Maritime Security Initiative
    aliases: [ Westmark PMSI ]
    definition: A programme for port security.
    sources:
      - { key: ports2019, locator: ¶2 }
  - id: drones-act
    term: Westmark Drones Act
    kind: document
    definition: A law on unmanned aircraft.
`,
  'claims/ports2019.yaml': `source: ports2019
claims:
  - id: charter-signed
    locator: ¶1
    statement: The charter was signed in 2019.
    about: { property: [ signed, sign ], subject: [ ports-charter ] }
    year: 2019
  - id: drones-act-year
    locator: ¶3
    statement: The Westmark Drones Act passed in 2021.
    about: { property: [ passed, adopted ], subject: [ drones-act ] }
    year: 2021
`,
});
const { agrees } = judging(kb, 'ports2019');

describe('judge: names written with one word wrong', () => {
  it('agrees with the name written right, in full or short', () => {
    agrees('The Northland Charter of Ports, Cables and Satellites was signed in 2019.', 'charter-signed', '2019');
    agrees('The Northland Charter was signed in 2019.', 'charter-signed', '2019');
  });

  it('reads a long title with commas, a short form inside it and a word of another title as one garbled name', () => {
    const text = 'The Northland Charter of Ports, Cables and Drones was signed in 2019.';
    const named = verdicts(kb, text).filter((v) => v.kind === 'contradicts');
    assert.deepEqual(
      named.map((v) => [v.detail.kind, text.slice(v.start, v.end), 'replacement' in v.detail && v.detail.replacement]),
      [['name', 'Northland Charter of Ports, Cables and Drones', 'Northland Charter of Ports, Cables and Satellites']],
    );
    assert.equal(findings(kb, text).filter((f) => f.verdict === 'contradiction').length, 1);
    // A comma where the name has none is a list, not the name.
    assert.deepEqual(
      verdicts(kb, 'The Northland Charter of Ports, Cables, and Drones was signed in 2019.').filter(
        (v) => v.kind === 'contradicts',
      ),
      [],
    );
  });

  it('reads a name with a place swapped as the known one, unless the sentence names that place apart', () => {
    const swapped = 'The Eastoria Drones Act passed in 2021.';
    assert.deepEqual(
      verdicts(kb, swapped)
        .filter((v) => v.kind === 'contradicts')
        .map((v) => v.detail.kind),
      ['name'],
    );
    // "the Budapest Conference on Cyberspace, which preceded the Seoul meeting": two things told apart.
    const apart = 'The Eastoria Drones Act, modelled on a Westmark law, passed in 2021.';
    assert.deepEqual(
      verdicts(kb, apart)
        .filter((v) => v.kind === 'contradicts')
        .map((v) => v.detail.kind),
      [],
    );
  });

  it('reads a name that goes on past the known form as another name', () => {
    // "the London Conference on Cyberspace" is no garbled "Prague conference".
    assert.deepEqual(
      verdicts(kb, 'The Eastoria Drones Act on Civil Aviation passed in 2021.').filter((v) => v.kind === 'contradicts'),
      [],
    );
    // A list after the name is not more of it.
    assert.deepEqual(
      verdicts(kb, 'The Eastoria Drones Act and the Northland Charter passed in 2021.')
        .filter((v) => v.kind === 'contradicts')
        .map((v) => v.detail.kind),
      ['name'],
    );
  });

  it("contradicts an expansion written in brackets that is not the acronym's, also after a longer alias", () => {
    for (const text of [
      'The PMSI (Ports and Marine Safety Initiative) trains harbour staff.',
      "Westmark's PMSI (Ports and Marine Safety Initiative) trains harbour staff.",
      // The kind of thing it is may stand between the acronym and its bracket.
      "Westmark's PMSI programme (Ports and Marine Safety Initiative) trains harbour staff.",
    ]) {
      const named = verdicts(kb, text).filter((v) => v.kind === 'contradicts');
      assert.deepEqual(
        named.map((v) => [v.detail.kind, text.slice(v.start, v.end)]),
        [['name', 'Ports and Marine Safety Initiative']],
        text,
      );
    }
    for (const right of [
      "Westmark's PMSI (Ports and Maritime Security Initiative) trains harbour staff.",
      'The PMSI programme (Ports and Maritime Security Initiative) trains harbour staff.',
    ]) {
      assert.deepEqual(
        verdicts(kb, right).filter((v) => v.kind === 'contradicts'),
        [],
      );
    }
  });
});
