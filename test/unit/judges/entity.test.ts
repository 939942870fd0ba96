// The entity judge: who fills a slot of the claim (the host of an event, the place it was held,
// the law that compels), and the country or year written with a one-of-a-kind entity, against a
// small invented knowledge base.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { findings, judging, knowledge, sources, verdicts } from './judging';

const kb = knowledge({
  'sources.json': sources('hf2022'),
  'places.yaml': `places:
  - { id: northland, name: Northland, kind: country, demonyms: [ Northlandic ] }
  - { id: westmark, name: Westmark, kind: country, demonyms: [ Westmarkian ] }
  - { id: port-aven, name: Port Aven, kind: city, within: northland }
  - { id: lowbridge, name: Lowbridge, kind: city, within: westmark }
  - { id: westhaven, name: Westhaven, kind: city, capitalOf: westmark }
  - { id: marsh-province, name: Marsh Province, kind: state, within: westmark }
  - { id: fenwick, name: Fenwick, kind: city, within: marsh-province }
`,
  'glossary.yaml': `terms:
  - id: harbor-forum
    term: Harbor Forum
    kind: event
    country: northland
    definition: A yearly meeting on maritime security.
  - id: nmi
    term: NMI
    kind: acronym
    expansion: Northland Maritime Institute
    definition: A think tank on sea power.
  - id: naval-desk
    term: Naval Studies Desk
    kind: organisation
    within: nmi
    definition: The institute's unit on navies.
  - id: coastal-council
    term: Coastal Security Council
    kind: organisation
    definition: A regional body of coast guards.
  - id: northland-consulate-fenwick
    term: Consulate of Northland in Fenwick
    kind: organisation
    country: northland
    within: fenwick
    aliases: [ consulate in Fenwick, Northlandic consulate in Fenwick ]
    definition: Northland's consular mission in Fenwick.
  - { id: port-operators, term: port operators, kind: group, definition: Firms that run ports. }
  - { id: regulators, term: regulators, kind: group, definition: Public bodies that set port rules. }
  - { id: ana-reyes, term: Ana Reyes, kind: person, definition: A speaker at the forum. }
  - { id: ben-ortiz, term: Ben Ortiz, kind: person, definition: A speaker at the forum. }
  - { id: carl-dunne, term: Carl Dunne, kind: person, definition: The forum's moderator. }
  - id: forum-speakers
    term: the speakers
    kind: group
    aliases: [ speakers ]
    members: [ ana-reyes, ben-ortiz ]
    definition: The two speakers of the forum.
  - id: data-act
    term: Data Security Act
    kind: document
    country: northland
    year: 2017
    definition: A law on data held by firms.
`,
  'claims/hf2022.yaml': `source: hf2022
claims:
  - id: forum-host
    locator: header
    statement: The Northland Maritime Institute hosted the Harbor Forum.
    about:
      property: [ host, hosted, hosts, organise, organised, organize, organized ]
      subject: [ harbor-forum, forum ]
    entity: { value: nmi, kind: organisation, slot: agent }
  - id: forum-venue
    locator: header
    statement: The Harbor Forum was held in Port Aven.
    about: { property: [ held, venue, took place ], subject: [ harbor-forum, forum ] }
    entity: { value: port-aven, kind: place }
  - id: forum-partner
    locator: header
    statement: The Harbor Forum was run in partnership with the Naval Studies Desk of NMI.
    about: { property: [ in partnership with, partnership with ], with: [ [ harbor-forum, forum ] ] }
    entity: { value: naval-desk, kind: organisation }
  - id: forum-supporter
    locator: header
    statement: The Harbor Forum had the support of Northland's consulate in Fenwick.
    about: { property: [ with support from, supported by ], with: [ [ harbor-forum, forum ] ] }
    entity: { value: northland-consulate-fenwick, kind: organisation }
  - id: forum-partner-named
    locator: header
    statement: The Harbor Forum's partner was the Naval Studies Desk of NMI.
    about: { property: [ partner ], with: [ [ harbor-forum, forum ] ] }
    entity: { value: naval-desk, kind: organisation }
  - id: nmi-at-forum
    locator: ¶2
    statement: The institute's venue for talks with navies is the Harbor Forum.
    about: { property: [ participation, take part, takes part ], with: [ [ forum, harbor-forum ] ] }
    entity: { value: harbor-forum, kind: event }
  - id: act-compels
    locator: ¶4
    statement: The Data Security Act compels firms to hand over data on request.
    about: { property: [ hand over, compel, compels, require, requires ], with: [ [ firm, firms, companies ] ] }
    entity: { value: data-act, kind: document }
  - id: forum-cochairs
    locator: ¶3
    statement: A caucus led by Port Aven and Lowbridge proposed reforms.
    about: { property: [ led by ], with: [ [ caucus ] ] }
    entity: { value: Port Aven and Lowbridge, kind: organisation, slot: object }
  - id: operators-push-automation
    locator: ¶5
    statement: Port operators, more than regulators, push for automation.
    about: { property: [ automation ], with: [ [ regulators, port-operators ] ] }
    entity: { value: port-operators, kind: group, slot: agent }
  - id: views-of-speakers
    locator: ¶6
    statement: The views in the summary are the speakers'.
    about: { property: [ views ], with: [ [ those of, summary ] ] }
    entity: { value: forum-speakers, kind: group, slot: owner }
  - id: desk-backs-open-data
    locator: ¶9
    statement: The Naval Studies Desk supports open port data.
    about: { property: [ open port data ], subject: [ naval-desk ] }
    stance: { predicate: support, polarity: positive }
`,
});
const { agrees, contradicts, silent } = judging(kb, 'hf2022');

describe('judge: entity', () => {
  it("agrees with the claim's entity in its slot, by any of its names", () => {
    const host = 'forum-host';
    agrees('The Northland Maritime Institute hosted the Harbor Forum.', host, 'Northland Maritime Institute');
    agrees('The Harbor Forum was hosted by NMI.', host, 'NMI');
    agrees('The Harbor Forum was organised by the Northland Maritime Institute.', host, 'Northland Maritime Institute');
    agrees('The Harbor Forum was co-hosted by NMI and the Coastal Security Council.', host, 'NMI');
    agrees('The Harbor Forum was held in Port Aven.', 'forum-venue', 'Port Aven');
    agrees('The Data Security Act compels firms to hand over data.', 'act-compels', 'Data Security Act');
    agrees("Northland's Data Security Act requires firms to hand over data.", 'act-compels', 'Data Security Act');
  });

  it('finds the agent right before its verb across auxiliaries, not across a passive "be"', () => {
    const host = 'forum-host';
    agrees('The Data Security Act binds firms, one reason NMI has hosted the Harbor Forum.', host, 'NMI');
    contradicts(
      'The Data Security Act binds firms, one reason the Coastal Security Council has hosted the Harbor Forum.',
      host,
      {
        detail: 'entity',
        written: 'Coastal Security Council',
      },
    );
    agrees('The Harbor Forum was hosted by NMI.', host, 'NMI');
  });

  it('holds a sentence to both names of a pair written as one value ("Port Aven and Lowbridge")', () => {
    agrees('A caucus led by Port Aven and Lowbridge proposed reforms.', 'forum-cochairs', 'Port Aven');
    silent('A caucus led by Port Aven and Norburg proposed reforms.');
  });

  it('takes a name after "not only" as part of the answer: neither agreeing nor wrong', () => {
    silent("The Harbor Forum's partners were all coastal bodies, not only the Naval Studies Desk.");
    silent('The Harbor Forum was hosted by several institutes, not just the Northland Maritime Institute.');
    // Past a pronoun and preposition: "not merely those of the speakers".
    silent('The summary reflects the views of every participant and not merely those of the speakers.');
  });

  it('contradicts the right agent whose action is denied: "refrained from hosting"', () => {
    const host = 'forum-host';
    contradicts('The Northland Maritime Institute never hosted the Harbor Forum.', host, {
      detail: 'stance',
      written: 'never hosted',
    });
    contradicts('NMI has refrained from organising the Harbor Forum.', host, {
      detail: 'stance',
      written: 'refrained from organising',
    });
  });

  it("contradicts the claim's contrast named as a cleft's focus or a subordinate clause's subject", () => {
    const push = 'operators-push-automation';
    contradicts('It is regulators who push for automation.', push, { detail: 'entity', written: 'regulators' });
    contradicts('It is regulators, the panel argued, that push for automation.', push, {
      detail: 'entity',
      written: 'regulators',
    });
    contradicts('Port operators are wary, while regulators push for automation.', push, {
      detail: 'entity',
      written: 'regulators',
    });
    agrees('It is port operators who push for automation.', push, 'port operators');
    // A name a verb of giving takes first receives what follows; the subject is who gives it.
    contradicts('Regulators, with long experience, can offer port operators automation.', push, {
      detail: 'entity',
      written: 'Regulators',
    });
    // "It is Osei's contention that …" frames what Osei says; it is no cleft naming Osei.
    agrees("It is Osei's contention that port operators push for automation.", push, 'port operators');
  });

  it("contradicts the value's own country owning a body placed somewhere else", () => {
    const supporter = 'forum-supporter';
    contradicts("The Harbor Forum ran with support from Northland's embassy in Westhaven.", supporter, {
      detail: 'entity',
      written: 'embassy in Westhaven',
    });
    contradicts("The Harbor Forum was supported by Northland's trade office in Lowbridge.", supporter, {
      detail: 'entity',
      written: 'trade office in Lowbridge',
    });
    agrees("The Harbor Forum ran with support from Northland's consulate in Fenwick.", supporter);
    // A place holding the value's own is less exact, not wrong: no finding, on this claim or by name.
    silent("The Harbor Forum ran with support from Northland's consulate in Marsh Province.");
    silent("The Harbor Forum ran with support from Northland's office in Westmark.");
  });

  it('contradicts another body named as owner of a unit the source places within its own', () => {
    const partner = 'forum-partner';
    contradicts("The Harbor Forum was run in partnership with Eastport Marine College's Naval Studies Desk.", partner, {
      detail: 'entity',
      written: 'Eastport Marine College',
    });
    contradicts(
      "The Harbor Forum was run in partnership with the Coastal Security Council's Naval Studies Desk.",
      partner,
      {
        detail: 'entity',
        written: 'Coastal Security Council',
      },
    );
    agrees("The Harbor Forum was run in partnership with NMI's Naval Studies Desk.", partner, 'Naval Studies Desk');
    agrees(
      "The Harbor Forum was run in partnership with Northland's Naval Studies Desk.",
      partner,
      'Naval Studies Desk',
    );
  });

  it('contradicts another body written as owner of a unit any claim about the unit names', () => {
    // The claim's own judge may agree with the rest; the owner is an error of the name itself.
    const wrongOwner = (text: string): string[] =>
      findings(kb, text)
        .filter((f) => f.verdict === 'contradiction' && f.claim.id === 'hf2022/desk-backs-open-data')
        .map((f) => text.slice(f.start, f.end));
    const council = "The Coastal Security Council's Naval Studies Desk supports open port data.";
    assert.deepEqual(wrongOwner(council), ['Coastal Security Council']);
    assert.deepEqual(wrongOwner("Westmark's Naval Studies Desk supports open port data."), ['Westmark']);
    agrees("NMI's Naval Studies Desk supports open port data.", 'desk-backs-open-data');
    agrees('The Naval Studies Desk supports open port data.', 'desk-backs-open-data');
    // "X-led", "X-run" before the name or in brackets after it name an owner too.
    assert.deepEqual(wrongOwner('The Westmark-run Naval Studies Desk supports open port data.'), ['Westmark']);
    assert.deepEqual(wrongOwner('The Naval Studies Desk (Coastal Security Council-led) supports open port data.'), [
      'Coastal Security Council',
    ]);
    agrees('The NMI-run Naval Studies Desk supports open port data.', 'desk-backs-open-data');
    // An owner the knowledge base does not know was not checked: no support.
    const supported = (text: string): boolean => findings(kb, text).some((f) => f.verdict === 'support');
    assert.equal(supported('The Naval Studies Desk supports open port data.'), true);
    assert.equal(supported('The Naval Studies Desk (Harborline-led) supports open port data.'), false);
  });

  it('reads the subject after a fronted phrase, not a name inside it, as who did it', () => {
    const host = 'forum-host';
    agrees('Among the events Westmark lists, NMI has in fact hosted the Harbor Forum.', host, 'NMI');
    contradicts('Among the events NMI lists, Westmark has in fact hosted the Harbor Forum.', host, {
      detail: 'entity',
      written: 'Westmark',
    });
  });

  it('reads a passive agent right after the predicate before a name right before it', () => {
    const host = 'forum-host';
    agrees('The Coastal Security Council, hosted by NMI, ran the Harbor Forum.', host, 'NMI');
    contradicts('The Coastal Security Council, hosted by Westmark, ran the Harbor Forum.', host, {
      detail: 'entity',
      written: 'Westmark',
    });
  });

  it('reads a possessive after the predicate\'s copula as whose the thing is: "… was, X writes, Y\'s"', () => {
    const host = 'forum-host';
    contradicts("The host of the Harbor Forum was, one delegate says, the Coastal Security Council's.", host, {
      detail: 'entity',
      written: 'Coastal Security Council',
    });
    agrees("The host of the Harbor Forum was NMI's.", host, 'NMI');
    // A possessive that goes on to its own noun is no owner of the thing.
    silent("The host of the Harbor Forum was the Coastal Security Council's chair.");
  });

  it('reads the owner of a unit past a place that says what the unit is about, and past "Univ."', () => {
    const partner = 'forum-partner';
    contradicts(
      "The Harbor Forum was run in partnership with Eastport Marine College's Northland Naval Studies Desk.",
      partner,
      { detail: 'entity', written: 'Eastport Marine College' },
    );
    contradicts(
      "The Harbor Forum was run in partnership with Amos Harbour Univ. Northland's Naval Studies Desk.",
      partner,
      { detail: 'entity', written: 'Amos Harbour Univ. Northland' },
    );
    agrees("The Harbor Forum was run in partnership with NMI's Naval Studies Desk.", partner, 'Naval Studies Desk');
  });

  it("checks the owner of the claim's unit written as a label's value", () => {
    const named = 'forum-partner-named';
    contradicts("• Harbor Forum partner: Eastport Marine College's Naval Studies Desk.", named, {
      detail: 'entity',
      written: 'Eastport Marine College',
      replacement: null,
    });
    contradicts("• Harbor Forum partner: Amos Harbour Univ. Northland's Naval Studies Desk.", named, {
      detail: 'entity',
      written: 'Amos Harbour Univ. Northland',
      replacement: null,
    });
    agrees("• Harbor Forum partner: NMI's Naval Studies Desk.", named);
    contradicts('• Harbor Forum partner: the Coastal Security Council.', named, {
      detail: 'entity',
      written: 'Coastal Security Council',
    });
  });

  it('contradicts another entity of a compatible kind in the slot', () => {
    const host = 'forum-host';
    // Who did it has no single name to write in: no replacement.
    contradicts('The Coastal Security Council hosted the Harbor Forum.', host, {
      detail: 'entity',
      written: 'Coastal Security Council',
      replacement: null,
    });
    contradicts('The Harbor Forum was organised by the Coastal Security Council.', host, {
      detail: 'entity',
      written: 'Coastal Security Council',
      replacement: null,
    });
    const venue = 'forum-venue';
    contradicts('The Harbor Forum was held in Lowbridge.', venue, {
      detail: 'entity',
      written: 'Lowbridge',
      replacement: 'Port Aven',
    });
    contradicts('The Harbor Forum was held in Lowbridge, not Port Aven.', venue, {
      detail: 'entity',
      written: 'Lowbridge',
      replacement: 'Port Aven',
    });
  });

  it('takes an owner before its unnamed programme or report as whose it is, not who did it', () => {
    const host = 'forum-host';
    silent("Westmark's 2019 maritime outreach programme hosted the Harbor Forum.");
    silent("Westmark's naval review hosted the Harbor Forum.");
    // Without it, the owner is who did it.
    contradicts('Westmark hosted the Harbor Forum.', host, { detail: 'entity', written: 'Westmark' });
  });

  it('reads the passive agent after "by", not a name ending the clause before, as who did it', () => {
    agrees('Two days on Streamhall; hosted by the NMI, the Harbor Forum drew 300 people.', 'forum-host', 'NMI');
    contradicts(
      'Two days on Streamhall; hosted by the Coastal Security Council, the Harbor Forum drew 300 people.',
      'forum-host',
      {
        detail: 'entity',
        written: 'Coastal Security Council',
        replacement: null,
      },
    );
  });

  it('reads the antecedent of "whose" as who acts, past a frame: "It is X, Kim argues, whose staff hosted …"', () => {
    contradicts('It is the Coastal Security Council, Kim argues, whose staff hosted the Harbor Forum.', 'forum-host', {
      detail: 'entity',
      written: 'Coastal Security Council',
      replacement: null,
    });
    agrees('It is the NMI, Kim argues, whose staff hosted the Harbor Forum.', 'forum-host', 'NMI');
  });

  it('reads who holds the property after a label, and the name right after a property ending in a preposition', () => {
    contradicts('Harbor Forum host: the Coastal Security Council.', 'forum-host', {
      detail: 'entity',
      written: 'Coastal Security Council',
      replacement: null,
    });
    // The forum's own partner named first does not make the name after "with" its partner.
    contradicts(
      'The Naval Studies Desk ran the Harbor Forum in partnership with the Coastal Security Council.',
      'forum-partner',
      { detail: 'entity', written: 'Coastal Security Council', replacement: 'Naval Studies Desk' },
    );
    agrees(
      'The Harbor Forum was run in partnership with the Naval Studies Desk.',
      'forum-partner',
      'Naval Studies Desk',
    );
  });

  it('reads a place inside an unknown name as part of it, and the owner of a unit a place describes', () => {
    // "Lowbridge" is a known city; "Amos Lowbridge University" is another body, and its "Northland desk" is its own.
    contradicts(
      "The Harbor Forum was run in partnership with Amos Lowbridge University's Northland desk.",
      'forum-partner',
      { detail: 'entity', written: 'Amos Lowbridge University', replacement: 'Naval Studies Desk' },
    );
    // "Univ." ends a name as "University" does.
    contradicts('The Harbor Forum was run in partnership with Amos Lowbridge Univ. and its staff.', 'forum-partner', {
      detail: 'entity',
      written: 'Amos Lowbridge Univ',
      replacement: 'Naval Studies Desk',
    });
    // A place opening an unknown name of the claim's kind: another forum, not the claim's own.
    contradicts(
      'NMI strengthens its ties to navies through participation in the Lowbridge Naval Forum.',
      'nmi-at-forum',
      {
        detail: 'entity',
        written: 'Lowbridge Naval Forum',
        replacement: 'Harbor Forum',
      },
    );
    agrees(
      'NMI strengthens its ties to navies through participation in the Harbor Forum.',
      'nmi-at-forum',
      'Harbor Forum',
    );
    // The claim's own word for the thing, placed in a country it is not in: another forum.
    contradicts(
      'NMI strengthens its ties to navies through participation in the forum that met in Lowbridge.',
      'nmi-at-forum',
      {
        detail: 'entity',
        written: 'forum that met in Lowbridge',
      },
    );
    silent('NMI strengthens its ties to navies through participation in the forum that met in Port Aven.');
    // A property ending in a preposition that takes no name here says nothing of the slot.
    silent('Harbor Forum partners: work in partnership with small coastal states is planned, said the Westmark envoy.');
  });

  // knowledge/README.md: for an entity claim, "a country or year written with it must be its own"
  // (elsewhere another country with a document's name means another document: see date.test.ts).
  it('contradicts a country or year written with the entity that is not its own', () => {
    const act = 'act-compels';
    // A name the knowledge base does not know stands in a document's slot when its head word says it
    // is one ("… Law"); without one it may be anything ("Main Tyre"): left alone.
    contradicts('The Port Data Law compels firms to hand over data.', act, {
      detail: 'entity',
      written: 'Port Data Law',
    });
    silent('Main Tyre compels firms to hand over data.');
    contradicts("Westmark's Data Security Act compels firms to hand over data.", act, {
      detail: 'entity',
      written: 'Westmark',
    });
    contradicts('The 2019 Data Security Act compels firms to hand over data.', act, {
      detail: 'date',
      written: '2019',
      replacement: '2017',
    });
  });

  it('reads the antecedent of "<preposition> which/whom" as who acts, past a date and a citation', () => {
    agrees(
      'Ana Reyes met the port operators in 2021 [@hf2022], among whom the push for automation is strongest.',
      'operators-push-automation',
      'port operators',
    );
  });

  it('reads a known body after a unit and a comma, closing the clause, as its owner', () => {
    contradicts(
      'The Harbor Forum was run in partnership with the Naval Studies Desk, Coastal Security Council.',
      'forum-partner',
      {
        detail: 'entity',
        written: 'Coastal Security Council',
      },
    );
    agrees(
      'The Harbor Forum was run in partnership with the Naval Studies Desk, NMI.',
      'forum-partner',
      'Naval Studies Desk',
    );
    // A list goes on past the comma: each is a partner.
    const listed =
      'The Harbor Forum was run in partnership with the Naval Studies Desk, the Coastal Security Council and NMI.';
    assert.ok(!findings(kb, listed).some((f) => f.verdict === 'contradiction'), listed);
  });

  it('reads a capital as its government in the slot of who acts', () => {
    contradicts('The Harbor Forum was hosted by Westhaven.', 'forum-host', { detail: 'entity', written: 'Westhaven' });
    contradicts('Westhaven hosted the Harbor Forum.', 'forum-host', { detail: 'entity', written: 'Westhaven' });
    // Not one naming what follows it: that is another body or event.
    silent('The Westhaven Maritime Dialogue, which came first, hosted the Harbor Forum.');
    // Not as a place where something was held.
    agrees('The Harbor Forum was hosted by NMI in Westhaven.', 'forum-host', 'NMI');
  });

  it('holds a person against a group of people: one of its members is no error, anyone else is', () => {
    const views = 'views-of-speakers';
    agrees('The views in the summary are those of the speakers.', views, 'the speakers');
    contradicts('The views in the summary are those of the moderator, Carl Dunne.', views, {
      detail: 'entity',
      written: 'Carl Dunne',
    });
    silent('The views in the summary are those of Ana Reyes.');
    // Whose the views are, however written; not a name the views are about.
    agrees("The views in the summary are the speakers' own.", views, 'the speakers');
    contradicts("The summary sets out Carl Dunne's considered views.", views, {
      detail: 'entity',
      written: 'Carl Dunne',
    });
    contradicts('The summary sets out the views of Carl Dunne.', views, { detail: 'entity', written: 'Carl Dunne' });
    silent('The summary sets out the Westmark view on harbour fees.');
    silent("The summary sets out Westmark's views on harbour fees.");
    contradicts('Carl Dunne is the source of the views in the summary.', views, {
      detail: 'entity',
      written: 'Carl Dunne',
    });
  });

  it('checks only what is written with an entity that is its own property, and never agrees by naming it', () => {
    const owned = knowledge({
      'sources.json': sources('hf2022'),
      'glossary.yaml': `terms:
  - { id: nmi, term: NMI, kind: organisation, definition: A think tank on sea power. }
  - { id: coastal-council, term: Coastal Security Council, kind: organisation, definition: A body of coast guards. }
  - { id: naval-desk, term: Naval Studies Desk, kind: organisation, within: nmi, definition: A unit of NMI. }
`,
      'claims/hf2022.yaml': `source: hf2022
claims:
  - id: desk-owner
    locator: ¶7
    statement: The Naval Studies Desk belongs to NMI.
    about: { property: [ naval-desk ] }
    entity: { value: naval-desk, kind: organisation }
`,
    });
    const judge = judging(owned, 'hf2022');
    const wrong = "The Coastal Security Council's Naval Studies Desk studies navies.";
    const shown = findings(owned, wrong).filter((f) => f.verdict === 'contradiction');
    assert.deepEqual(
      shown.map((f) => wrong.slice(f.start, f.end)),
      ['Coastal Security Council'],
    );
    judge.silent('The Naval Studies Desk is a Coastal Security Council project.');
  });

  it('says nothing of another event, a denial, a recommendation, another instance or another property', () => {
    silent('The Coastal Security Council hosted a webinar on the Harbor Forum.');
    silent('The Harbor Forum was not hosted by the Coastal Security Council.');
    silent('The Coastal Security Council should host the Harbor Forum.');
    silent('A later Harbor Forum was held in Lowbridge.');
    silent('The Coastal Security Council attended the Harbor Forum.');
    silent('The Coastal Security Council hosted a reception in Lowbridge.');
  });
});

describe('judge: entity, on a verb written as an adjective', () => {
  const yards = knowledge({
    'sources.json': sources('yd2022'),
    'glossary.yaml': `terms:
  - { id: coastal-states, term: coastal states, kind: group, definition: States with a sea coast. }
  - { id: inland-states, term: inland states, kind: group, definition: States with no sea coast. }
  - { id: tidecraft, term: Tidecraft, kind: organisation, definition: A shipyard. }
  - { id: keelworks, term: Keelworks, kind: organisation, definition: A shipyard. }
`,
    'claims/yd2022.yaml': `source: yd2022
claims:
  - id: chooser
    locator: ¶2
    statement: It is coastal states that chose Tidecraft over Keelworks.
    about:
      property: [ preferred, favoured, chose ]
      with: [ [ tidecraft, keelworks ] ]
    entity: { value: coastal-states, kind: group, slot: agent }
`,
  });
  const { contradicts: contradictsHere } = judging(yards, 'yd2022');

  it('takes no subject as the agent of a participle after a determiner ("the preferred shipbuilder")', () => {
    contradictsHere('Inland states preferred Tidecraft over Keelworks.', 'chooser', {
      detail: 'entity',
      written: 'Inland states',
    });
    const text = 'Tidecraft, rather than Keelworks, has been the preferred shipbuilder among coastal states.';
    const wrong = verdicts(yards, text).filter((v) => v.kind === 'contradicts');
    assert.deepEqual(
      wrong.map((v) => v.claim.id),
      [],
    );
  });

  it('takes a passive agent in a label as who does it ("Yards preferred by coastal states: …")', () => {
    const text = '• Shipyards preferred by coastal states: Tidecraft (rather than Keelworks).';
    const wrong = verdicts(yards, text).filter((v) => v.kind === 'contradicts');
    assert.deepEqual(
      wrong.map((v) => v.claim.id),
      [],
    );
    contradictsHere('• Shipyards preferred by inland states: Tidecraft (rather than Keelworks).', 'chooser', {
      detail: 'entity',
      written: 'inland states',
    });
  });

  it('dates a document by a participle right after its name ("the Act, passed in 2019")', () => {
    contradicts("Northland's Data Security Act, passed in 2019, compels firms to hand over data.", 'act-compels', {
      detail: 'date',
      written: '2019',
    });
    agrees("Northland's Data Security Act, passed in 2017, compels firms to hand over data.", 'act-compels');
  });
});
