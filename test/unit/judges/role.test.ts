// The role judge: people's posts written in an apposition, a relative clause, a parenthesis or a
// predicate, compared by organisation, title and rank, against a small invented knowledge base.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { judging, knowledge, sources, findings } from './judging';

const kb = knowledge({
  'sources.json': sources('people2023'),
  'places.yaml': `places:
  - { id: northland, name: Northland, kind: country, demonyms: [ Northlandic ] }
  - { id: westmark, name: Westmark, kind: country, demonyms: [ Westmarkian ] }
`,
  'glossary.yaml': `terms:
  - id: nmi
    term: NMI
    kind: acronym
    expansion: Northland Maritime Institute
    definition: A think tank on sea power.
  - id: coastal-council
    term: Coastal Security Council
    kind: organisation
    definition: A regional body of coast guards.
  - id: westmark-university
    term: Westmark University
    kind: organisation
    definition: A university in Westmark.
  - id: harbour-board
    term: Harbour Board of Northland
    kind: organisation
    definition: A board that runs ports.
  - id: mira-holt
    term: Mira Holt
    kind: person
    definition: A naval analyst.
  - id: ben-holt
    term: Ben Holt
    kind: person
    definition: A coast guard officer.
  - id: tom-reyes
    term: Tom Reyes
    kind: person
    definition: A port official.
  - id: ana-lind
    term: Ana Lind
    kind: person
    definition: A scholar of maritime law.
  - id: ivy-cole
    term: Ivy Cole
    kind: person
    definition: A scholar of shipping.
  - id: dock-project
    term: Dock Project
    kind: organisation
    within: westmark-university
    definition: A research unit on docks.
  - id: max-ward
    term: Max Ward
    kind: person
    definition: A port engineer.
  - id: eli-park
    term: Eli Park
    kind: person
    definition: A scholar of the northern sea lanes.
`,
  'claims/people2023.yaml': `source: people2023
claims:
  - id: holt-nmi
    locator: speakers
    statement: Mira Holt is a Senior Fellow at the Northland Maritime Institute.
    role: { person: mira-holt, title: Senior Fellow, org: nmi }
  - id: ben-holt-council
    locator: speakers
    statement: Ben Holt is a Senior Fellow at the Coastal Security Council.
    role: { person: ben-holt, title: Senior Fellow, org: coastal-council }
  - id: reyes-council
    locator: speakers
    statement: Tom Reyes is Director of Port Security at the Coastal Security Council.
    role: { person: tom-reyes, title: Director of Port Security, org: coastal-council }
  - id: lind-university
    locator: speakers
    statement: Ana Lind is an Associate Professor at Westmark University.
    role: { person: ana-lind, title: Associate Professor, org: westmark-university }
  - id: lind-nmi
    locator: speakers
    statement: Ana Lind is also a Vice President of the Northland Maritime Institute.
    role: { person: ana-lind, title: Vice President, org: nmi }
  - id: reyes-adviser
    locator: speakers
    statement: Tom Reyes advises the Harbour Board on ports and shipping.
    role: { person: tom-reyes, title: Adviser on ports and shipping, org: harbour-board }
  - id: cole-project
    locator: speakers
    statement: Ivy Cole directs the Dock Project at Westmark University.
    role: { person: ivy-cole, title: Director of the Dock Project, org: dock-project }
  - id: ward-council
    locator: speakers
    statement: Max Ward is Director of Docks and Cranes at the Coastal Security Council.
    role: { person: max-ward, title: Director of Docks and Cranes, org: coastal-council }
  - id: park-nmi
    locator: speakers
    statement: Eli Park is a senior adviser and the Northland Chair at NMI.
    role: { person: eli-park, title: Senior Adviser and Northland Chair, org: nmi }
`,
});
const { agrees, contradicts, silent } = judging(kb, 'people2023');

describe('judge: role', () => {
  it('agrees with the post as the source gives it, however the description is written', () => {
    const holt = 'holt-nmi';
    agrees(
      'Mira Holt, a Senior Fellow at the Northland Maritime Institute, spoke first.',
      holt,
      'Mira Holt, a Senior Fellow at the Northland Maritime Institute',
    );
    agrees('Mira Holt is a senior fellow at NMI.', holt, 'Mira Holt is a senior fellow at NMI');
    const reyes = 'reyes-council';
    agrees('Tom Reyes, who directs port security at the Coastal Security Council, opened the forum.', reyes);
    agrees('Tom Reyes heads port security at the Coastal Security Council.', reyes);
    const lind = 'lind-university';
    agrees('Ana Lind, an associate professor at Westmark University, wrote the report.', lind);
    agrees('Ana Lind (Assoc. Prof., Westmark University) wrote the report.', lind);
    // The field of the post as the source gives it agrees; another field is not the source's post.
    agrees('Tom Reyes, the director of port security at the Coastal Security Council, opened the forum.', reyes);
    silent('Tom Reyes, the director of research at the Coastal Security Council, opened the forum.');
  });

  it("reads the verb after a relative clause ending in another's name as the subject's post", () => {
    contradicts(
      'Ben Holt, who wrote the report with Mira Holt, is a Senior Fellow at the Northland Maritime Institute.',
      'ben-holt-council',
      { detail: 'role', written: 'Northland Maritime Institute' },
    );
    agrees(
      'Ben Holt, who wrote the report with Mira Holt, is a Senior Fellow at the Coastal Security Council.',
      'ben-holt-council',
    );
  });

  it('reads "additionally" before a post as another post the person holds, not a wrong one', () => {
    silent("Mira Holt, who additionally edits the Northland Maritime Institute's port bulletins, chaired the panel.");
  });

  it('reads an unknown name before a noun as a unit of the body the post is at ("the Sea Lanes team at NMI")', () => {
    agrees(
      'Mira Holt is a Senior Fellow in the Sea Lanes and Ports team at the Northland Maritime Institute.',
      'holt-nmi',
    );
    contradicts(
      'Mira Holt is a Senior Fellow in the Sea Lanes and Ports team at the Coastal Security Council.',
      'holt-nmi',
      {
        detail: 'role',
        written: 'Coastal Security Council',
      },
    );
  });

  it('contradicts the post placed at another organisation', () => {
    contradicts('Mira Holt, a Senior Fellow at the Coastal Security Council, spoke first.', 'holt-nmi', {
      detail: 'role',
      written: 'Coastal Security Council',
    });
    contradicts('Tom Reyes is Director of Port Security at Westmark University.', 'reyes-council', {
      detail: 'role',
      written: 'Westmark University',
    });
  });

  it('contradicts a body written with no title that garbles the name of their own: its head and another word', () => {
    contradicts('Ben Holt, who works at the Coastal Defence Council, spoke first.', 'ben-holt-council', {
      detail: 'role',
      written: 'Coastal Defence Council',
    });
    // Only the head in common: another body the person may also belong to.
    silent('Ben Holt, who works at the Harbour Trade Council, spoke first.');
    // Marked as one more post.
    silent('Ben Holt, who also works at the Coastal Defence Council, spoke first.');
  });

  it("contradicts another rank of the title at the person's organisation", () => {
    contradicts('Mira Holt, a Junior Fellow at the Northland Maritime Institute, spoke first.', 'holt-nmi', {
      detail: 'role',
      written: 'Junior Fellow',
    });
    contradicts('Ana Lind, an assistant professor at Westmark University, wrote the report.', 'lind-university', {
      detail: 'role',
      written: 'assistant professor',
    });
  });

  it('judges the post of who is said to advise ("X, a …, told the panel that ports should …")', () => {
    contradicts(
      'Mira Holt, a Junior Fellow at the Northland Maritime Institute, told the panel that ports should come first.',
      'holt-nmi',
      { detail: 'role', written: 'Junior Fellow' },
    );
  });

  it('tells a president from a vice president (title words compared as stems: "vice" is "vic")', () => {
    contradicts('Ana Lind, President of the Northland Maritime Institute, spoke.', 'lind-nmi', {
      detail: 'role',
      written: 'President',
    });
    agrees('Ana Lind, Vice President of the Northland Maritime Institute, spoke.', 'lind-nmi');
  });

  it('judges each of two posts in one description', () => {
    contradicts(
      'Ana Lind (Assistant Professor, Westmark University, and NMI vice president) spoke.',
      'lind-university',
      {
        detail: 'role',
        written: 'Assistant Professor',
      },
    );
    const both = 'Ana Lind (Associate Professor, Westmark University, and NMI vice president) spoke.';
    assert.deepEqual(
      findings(kb, both).filter((f) => f.verdict === 'contradiction'),
      [],
    );
  });

  it('reads the predicate past an apposition that names no post', () => {
    contradicts('Mira Holt, who spoke first, is a Junior Fellow at the Northland Maritime Institute.', 'holt-nmi', {
      detail: 'role',
      written: 'Junior Fellow',
    });
    agrees('Mira Holt, who spoke first, is a Senior Fellow at the Northland Maritime Institute.', 'holt-nmi');
    // Not the subject: the apposition describes someone the sentence is not about.
    silent('The panel heard Mira Holt, who spoke first, and is a Junior Fellow at the Northland Maritime Institute.');
  });

  it('reads a post named for its field ("Northland Chair") as a title, in the predicate past an apposition too', () => {
    agrees('Eli Park is Northland Chair at NMI.', 'park-nmi');
    contradicts('Eli Park is Westmark Chair at NMI.', 'park-nmi', { detail: 'role', written: 'Westmark Chair' });
    agrees('Eli Park, who spoke first for NMI, holds its Northland Chair.', 'park-nmi');
    // The apposition agrees on the body; the post the predicate names is not theirs there: no support.
    silent('Eli Park, who spoke first for NMI, holds its Westmark Chair.');
  });

  it('reads a country written before an organisation as part of the organisation named after the title', () => {
    contradicts('Speaker: Ana Lind, Associate Professor, Westmark Naval Academy.', 'lind-university', {
      detail: 'role',
      written: 'Naval Academy',
    });
    agrees('Speaker: Ana Lind, Associate Professor, Westmark University.', 'lind-university');
  });

  it('reads a shared post written with "co-" as that post: "co-chairs" is no adviser', () => {
    contradicts('Tom Reyes co-chairs the Harbour Board of Northland.', 'reyes-adviser', {
      detail: 'role',
      written: 'co-chairs',
    });
    contradicts('Ana Lind co-directs the Northland Maritime Institute.', 'lind-nmi', {
      detail: 'role',
      written: 'co-directs',
    });
  });

  it('reads a shared surname as the one person whose known post is at a body the sentence names', () => {
    contradicts('Holt, a junior fellow at the Northland Maritime Institute, spoke first.', 'holt-nmi', {
      detail: 'role',
      written: 'junior fellow',
    });
    agrees('Holt, a senior fellow at the Coastal Security Council, spoke first.', 'ben-holt-council');
    // Neither Holt has a post at the university: which one is meant is not said.
    silent('Holt, a junior fellow at Westmark University, spoke first.');
  });

  it('reads "advises" with a body as its object as a post, not a recommendation', () => {
    agrees('Tom Reyes advises the Harbour Board of Northland on ports and shipping.', 'reyes-adviser');
  });

  it('contradicts their own specific post placed at another body of the same kind, even as one more post', () => {
    contradicts('Tom Reyes also advises the Fisheries Board of Westmark on ports and shipping.', 'reyes-adviser', {
      detail: 'role',
      written: 'Fisheries Board',
    });
    // A predicate long enough to hold the whole post is read to its end.
    contradicts(
      'Tom Reyes also advises the Fisheries Board of Westmark on a wide range of matters in ports and shipping.',
      'reyes-adviser',
      { detail: 'role', written: 'Fisheries Board' },
    );
    // Another kind of body, or a post in other words: one more post they may hold.
    silent('Tom Reyes also advises Westmark University on ports and shipping.');
    silent('Tom Reyes also advises the Fisheries Board of Westmark.');
  });

  it('reads a label through the full stops of abbreviations', () => {
    contradicts('Ana Lind: Assoc. Prof., Northland Maritime Institute.', 'lind-nmi', {
      detail: 'role',
      written: 'Assoc. Prof',
    });
  });

  it("judges a label's posts one by one", () => {
    contradicts('Ana Lind: Associate Professor, Westmark University; President, NMI.', 'lind-nmi', {
      detail: 'role',
      written: 'President',
    });
    agrees('Ana Lind: Associate Professor, Westmark University; Vice President, NMI.', 'lind-university');
  });

  it("contradicts another's post, naming who holds it", () => {
    const v = contradicts('Mira Holt is Director of Port Security at the Northland Maritime Institute.', 'holt-nmi', {
      detail: 'role',
      written: 'Director',
    });
    assert.equal(v.detail.kind === 'role' && v.detail.holder?.person, 'Tom Reyes');
    assert.equal(v.detail.kind === 'role' && v.detail.holder?.claim.id, 'people2023/reyes-council');
  });

  it('says nothing of an unknown person, another or former post, a recommendation or no description', () => {
    silent('Lena Park, a Junior Fellow at the Northland Maritime Institute, spoke first.');
    silent('Mira Holt, a former Director of Port Security at the Coastal Security Council, spoke first.');
    silent('Mira Holt was previously a lecturer at Westmark University.');
    silent('Mira Holt, who is also an adviser to Westmark University, spoke first.');
    silent('Mira Holt should become Director of Port Security at the Coastal Security Council.');
    silent('Mira Holt spoke at the Coastal Security Council.');
  });

  it('reads a post written before the name, with its body or a comma between', () => {
    contradicts("The panel was chaired by the Coastal Security Council's vice president, Tom Reyes.", 'reyes-council', {
      detail: 'role',
      written: 'vice president',
    });
    contradicts('Westmark University assistant professor Ana Lind spoke.', 'lind-university', {
      detail: 'role',
      written: 'assistant professor',
    });
    agrees('Westmark University associate professor Ana Lind spoke.', 'lind-university');
    // A form of address is no post; a post marked as another one is left alone.
    silent('Professor Ana Lind spoke first.');
    silent('Also a Westmark University lecturer, Mira Holt spoke first.');
  });

  it('compares the field a heading verb takes with the field of a heading title', () => {
    contradicts('Tom Reyes, who heads maritime research at the Coastal Security Council, spoke.', 'reyes-council', {
      detail: 'role',
      written: 'heads',
    });
    agrees('Tom Reyes, who heads port security work at the Coastal Security Council, spoke.', 'reyes-council');
    agrees('Tom Reyes, who heads the Coastal Security Council, spoke.', 'reyes-council');
  });

  it('contradicts one more post that heads a body the person holds another post at', () => {
    contradicts('Mira Holt also chairs the Northland Maritime Institute.', 'holt-nmi', {
      detail: 'role',
      written: 'chairs',
    });
    // Heading another body, or one more post of another kind, is left alone.
    silent('Mira Holt also chairs the Coastal Security Council.');
    silent('Mira Holt also advises Westmark University.');
    // A part of the body ("the institute's navy programme") is another thing headed.
    silent("Mira Holt also directs the Northland Maritime Institute's navy programme.");
    silent('Mira Holt also heads the Northland Maritime Institute centre for navies.');
    // "presides over" heads the body it takes.
    contradicts('Mira Holt also presides over the Northland Maritime Institute.', 'holt-nmi', {
      detail: 'role',
      written: 'presides',
    });
  });

  it('reads a lone heading title set off before a body as heading that body: "Director, X"', () => {
    agrees('Ivy Cole, Director of the Dock Project at Westmark University, spoke.', 'cole-project');
    contradicts('• Speaker: Ivy Cole, Director, Westmark University.', 'cole-project', {
      detail: 'role',
      written: 'Director',
    });
  });

  it('reads "the Council" as the body whose name ends in that word', () => {
    contradicts("Questions go to Ben Holt, the Council's director.", 'ben-holt-council', {
      detail: 'role',
      written: 'director',
    });
    agrees("Questions go to Mira Holt, the Institute's senior fellow.", 'holt-nmi');
    // A word no name of theirs ends in is no body of theirs.
    silent("Questions go to Ben Holt, the Board's director.");
  });

  it('reads "&" in a post as "and"', () => {
    agrees('Max Ward, Director of Docks & Cranes at the Coastal Security Council, spoke.', 'ward-council');
  });

  it('tells a full professor from an associate one', () => {
    assert.ok(
      findings(kb, 'Ana Lind is a full professor at Westmark University.').some((f) => f.verdict === 'contradiction'),
    );
  });
});
