// The set judge: a list the source gives (closed or open), who did something (agents), and who
// held a post (holders), against a small invented knowledge base.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { dump, findings, fourCountries, judging, knowledge, sources } from './judging';

const kb = knowledge({
  'sources.json': sources('sea2023'),
  'places.yaml': `${fourCountries}  - { id: norburg, name: Norburg, kind: city, capitalOf: northland }
`,
  'glossary.yaml': `terms:
  - id: sea-strategy
    term: Sea Lanes Strategy
    kind: document
    country: northland
    definition: Northland's plan for its sea lanes.
  - id: shadow-fleet
    term: Shadow Fleet
    kind: group
    definition: Tankers that hide their owners.
  - id: harbor-forum
    term: Harbor Forum
    kind: event
    definition: A yearly meeting on maritime security.
  - id: mira-holt
    term: Mira Holt
    kind: person
    definition: A naval analyst.
  - id: tom-reyes
    term: Tom Reyes
    kind: person
    definition: A port official.
  - id: ana-lind
    term: Ana Lind
    kind: person
    definition: A scholar of maritime law.
  - id: coastal-union
    term: Coastal Union
    kind: organisation
    demonyms: [ Coastal ]
    definition: A union of coastal states.
  - id: dock-guild
    term: Dock Guild
    kind: organisation
    definition: A trade body of dock owners.
  - id: forum-panel
    term: the panellists
    kind: group
    aliases: [ panellists, the two panellists ]
    members: [ tom-reyes, mira-holt ]
    definition: The Harbor Forum's two panellists.
  - id: governments
    term: governments
    kind: group
    aliases: [ government ]
    definition: States acting through their executives.
  - id: pwg
    term: PWG
    kind: acronym
    expansion: Port Working Group
    definition: A body of port authorities.
  - id: mso
    term: MSO
    kind: acronym
    expansion: Maritime Safety Organisation
    definition: A body of coast guards.
`,
  'claims/sea2023.yaml': `source: sea2023
claims:
  - id: strategy-areas
    locator: ¶2
    statement: The Sea Lanes Strategy covers ports, undersea cables and satellites.
    about: { property: [ area, areas, pillar, pillars, cover, covers ], subject: [ sea-strategy, strategy ] }
    set: { members: [ ports, [ undersea cables, subsea cables ], satellites ], closed: true }
  - id: sanctions
    locator: ¶3
    statement: Northland and Westmark imposed sanctions on the Shadow Fleet.
    about: { property: [ sanction, sanctions, sanctioned ], with: [ [ shadow-fleet ] ] }
    set: { members: [ northland, westmark ], slot: agent, closed: true }
  - id: holt-forum-rounds
    locator: ¶9
    statement: The Harbor Forum rounds Mira Holt advised were the fourth and the fifth.
    about: { property: [ harbor-forum ], subject: [ mira-holt, Holt ] }
    set: { members: [ [ 4th, fourth ], [ 5th, fifth ] ], closed: true }
  - id: moderator
    locator: header
    statement: Mira Holt moderated the Harbor Forum.
    about: { property: [ moderate, moderated, moderator, chair, chaired ], subject: [ harbor-forum, forum ] }
    holders: { people: [ mira-holt ] }
  - id: panel-moderator
    locator: ¶8
    statement: Mira Holt moderated the panel.
    about: { property: [ moderated ], with: [ [ harbor-forum, tom-reyes, mira-holt, ana-lind ] ] }
    set: { members: [ mira-holt ], closed: true, slot: agent }
  - id: patrol-partners
    locator: ¶5
    statement: Partners such as Eastoria and Southport join Northland's coastal patrols.
    about: { property: [ patrol, patrols ], with: [ [ northland ] ] }
    set: { members: [ eastoria, southport ], closed: false }
  - id: cable-standards
    locator: ¶6
    statement: Both the PWG and the MSO work on undersea cable standards.
    about: { property: [ cable standards ], with: [ [ pwg, mso ] ] }
    set: { members: [ pwg, mso ], slot: agent, closed: true }
  - id: cranes-popular
    locator: ¶7
    statement: Northland's cranes sell best in Eastoria and Southport.
    about: { property: [ eastoria, southport, westmark ], with: [ [ crane, cranes ] ] }
    set: { members: [ eastoria, southport ], closed: true }
  - id: delegation-head
    locator: header
    statement: Ana Lind led the Harbor Forum's delegation.
    about: { property: [ led, leads ], with: [ [ harbor-forum, mira-holt, tom-reyes, ana-lind ] ] }
    set: { members: [ ana-lind ], closed: true, slot: agent }
  - id: three-way-talks
    locator: ¶9
    statement: The Sea Lanes Strategy foresees three-way talks among Northland, Westmark and Eastoria.
    about: { property: [ three-way, trilateral ], with: [ [ talks, discussions ] ] }
    set: { members: [ northland, westmark, eastoria ], closed: true }
  - id: strategy-donors
    locator: ¶8
    statement: The Sea Lanes Strategy plans joint work with Northland, Westmark, Eastoria and the Coastal Union.
    about: { property: [ donor, donors ], with: [ [ sea-strategy, strategy ] ] }
    set: { members: [ northland, westmark, eastoria, coastal-union ], closed: false }
  - id: panel-members
    locator: ¶2
    statement: The Harbor Forum's panellists were Tom Reyes and Mira Holt.
    about: { property: [ panellists ], with: [ [ harbor-forum, forum ] ] }
    set: { members: [ tom-reyes, mira-holt ], closed: true }
  - id: speakers
    locator: header
    statement: The Harbor Forum's speakers were Mira Holt, Tom Reyes and Ana Lind.
    about: { property: [ speakers ], with: [ [ harbor-forum, mira-holt, tom-reyes, ana-lind ] ] }
    set: { members: [ mira-holt, tom-reyes, ana-lind ], closed: true }
`,
});
const { agrees, contradicts, silent } = judging(kb, 'sea2023');

describe('judge: set', () => {
  it('agrees with a list of the members, or some of them', () => {
    const areas = 'strategy-areas';
    agrees(
      'The Sea Lanes Strategy covers ports, undersea cables and satellites.',
      areas,
      'ports, undersea cables and satellites',
    );
    agrees(
      "The strategy's pillars are ports, undersea cables and satellites.",
      areas,
      'ports, undersea cables and satellites',
    );
    agrees('The strategy covers ports and subsea cables.', areas, 'ports and subsea cables');
    agrees("Eastoria and Southport join Northland's coastal patrols.", 'patrol-partners', 'Eastoria and Southport');
    // An open list ("such as") may be added to, but the member it does not name is not vouched for.
    silent("Eastoria, Southport and Westmark join Northland's coastal patrols.");
    // "together with partners": with whom, not one more member.
    agrees(
      "Eastoria and Southport, together with partners, join Northland's coastal patrols.",
      'patrol-partners',
      'Eastoria and Southport',
    );
    // "A and B and, to a limited extent, C": the aside after a second "and" goes on to one more item.
    contradicts(
      "Northland's cranes sell best in Eastoria and Southport and, to a limited extent, Westmark.",
      'cranes-popular',
      { detail: 'set', written: 'Westmark' },
    );
    // A preposition repeated before a name opens one more item: "in Eastoria and in Westmark".
    contradicts("Northland's cranes sell best in Eastoria and in Westmark.", 'cranes-popular', {
      detail: 'set',
      written: 'Westmark',
    });
    // A plus joins a list's last item as "and" does; what follows the semicolon is another point.
    agrees(
      "• Patrols: Eastoria + Southport join Northland's coastal patrols; Westmark funds radar.",
      'patrol-partners',
      'Eastoria + Southport',
    );
    // An arrow leads to another phrase: the list after it is one of its own.
    contradicts('• Cranes: price + service -> sell best in Eastoria & Westmark.', 'cranes-popular', {
      detail: 'set',
      written: 'Westmark',
    });
  });

  it('agrees with the members as the ones who did it, or the holder of the post', () => {
    agrees('Northland and Westmark imposed sanctions on the Shadow Fleet.', 'sanctions', 'Northland and Westmark');
    agrees('Northland sanctioned the Shadow Fleet.', 'sanctions', 'Northland');
    // A label of names joined by a slash names the agents of its value.
    agrees('• Northland/Westmark: sanctioned the Shadow Fleet.', 'sanctions', 'Northland/Westmark');
    contradicts('• Northland/Westmark: did not sanction the Shadow Fleet.', 'sanctions', {
      detail: 'set',
      written: 'Northland',
    });
    agrees('Mira Holt moderated the Harbor Forum.', 'moderator', 'Mira Holt');
    agrees('The Harbor Forum was moderated by Mira Holt.', 'moderator', 'Mira Holt');
    // A relative clause's names are not the agent; "S&T" names nothing.
    const aside = 'Mira Holt, who also serves as an S&T adviser to the Westmarkian government, moderated the forum.';
    assert.deepEqual(
      findings(kb, aside).filter((f) => f.verdict === 'contradiction'),
      [],
    );
  });

  it('contradicts a list that puts something else in, or leaves a member out', () => {
    const areas = 'strategy-areas';
    contradicts('The strategy covers ports, pipelines and satellites.', areas, { detail: 'set', written: 'pipelines' });
    // A closed list: an added item contradicts too.
    contradicts('The strategy covers ports, undersea cables, satellites and pipelines.', areas, {
      detail: 'set',
      written: 'pipelines',
    });
    // "as well as", "along with" join items as "and" does.
    contradicts('The strategy covers ports and satellites as well as pipelines.', areas, {
      detail: 'set',
      written: 'pipelines',
    });
    contradicts('The strategy covers ports and undersea cables, along with pipelines.', areas, {
      detail: 'set',
      written: 'pipelines',
    });
    contradicts('The strategy covers ports and satellites but not undersea cables.', areas, {
      detail: 'set',
      written: 'undersea cables',
    });
    // "from A through B to C" lists three items: a swapped one is foreign, the right ones agree.
    contradicts('The strategy covers everything from ports through undersea cables to pipelines.', areas, {
      detail: 'set',
      written: 'pipelines',
    });
    agrees(
      'The strategy covers everything from ports through undersea cables to satellites.',
      areas,
      'ports through undersea cables to satellites',
    );
    // The last item may run as long as the longest item before it.
    contradicts(
      'The strategy covers ports on the northern coast, undersea cables laid under the strait and the spread of ' +
        'pipelines across inland regions.',
      areas,
      { detail: 'set', written: 'the spread of pipelines across inland regions' },
    );
    // A list under a modal of duty with a closing frame: the frame is no item, the list is whole.
    contradicts(
      'Beyond storms, planners must contend with the areas the strategy covers: ports, undersea cables and ' +
        'pipelines, auditors warn.',
      areas,
      { detail: 'set', written: 'pipelines' },
    );
    // A member ending the last item of an earlier list, after a preposition, pairs with the name after "and".
    contradicts(
      "Northland's cheap steel, fast ships and sturdy cranes sell best in Eastoria and Westmark.",
      'cranes-popular',
      {
        detail: 'set',
        written: 'Westmark',
      },
    );
    agrees(
      "Northland's cheap steel, fast ships and sturdy cranes sell best in Eastoria and Southport.",
      'cranes-popular',
    );
    // A list of named things takes another name in place of a member, not a phrase of common words.
    agrees(
      "Northland's cranes sell best in the Eastoria-Southport market, driven by low prices, and backed by loans.",
      'cranes-popular',
    );
    contradicts(
      "Northland's cranes sell best in the Eastoria-Southport market, driven by low prices, and Westmark.",
      'cranes-popular',
      { detail: 'set', written: 'Westmark' },
    );
    // A label's list of short common nouns runs from its colon: a first item swapped is in the list.
    contradicts('• Sea Lanes Strategy areas: pipelines, undersea cables, satellites.', areas, {
      detail: 'set',
      written: 'pipelines',
    });
    agrees('• Sea Lanes Strategy areas: ports, undersea cables, satellites.', areas);
    // "all" a few words before the only member named: the list cut down to it.
    const v = contradicts('The strategy covers several areas, all concerned with ports.', areas, {
      detail: 'set',
      written: 'ports',
    });
    assert.equal(v.detail.kind === 'set' && v.detail.problem, 'only');
  });

  it("reads a country's capital as standing for it, and a negated predicate as denying its subject", () => {
    const talks = 'three-way-talks';
    agrees('The strategy foresees trilateral talks among Norburg, Westmark and Eastoria.', talks);
    contradicts('The strategy foresees trilateral talks among Norburg, Westmark and Southport.', talks, {
      detail: 'set',
      written: 'Southport',
    });
    contradicts('Trilateral talks among Norburg, Westmark and Eastoria are nowhere envisaged in the strategy.', talks, {
      detail: 'stance',
      written: 'Trilateral talks among Norburg, Westmark and Eastoria are nowhere',
    });
    contradicts('Three-way talks among Northland, Westmark and Eastoria are not among its steps.', talks, {
      detail: 'stance',
      written: 'Three-way talks among Northland, Westmark and Eastoria are not',
    });
  });

  it("reads a list naming several of its named members as the claim's list, without the claim's other names", () => {
    contradicts('• Donors named for joint work: Northland, Westmark, Southport, Coastal Union.', 'strategy-donors', {
      detail: 'set',
      written: 'Southport',
    });
    agrees('• Donors named for joint work: Northland, Westmark, Eastoria.', 'strategy-donors');
    // Two members are not enough to say which list this is.
    silent('• Donors named for joint work: Northland, Southport.');
  });

  it('reads a word in capitals that is the initials of a member of two or more words as that member', () => {
    const donors = 'strategy-donors';
    agrees('The strategy plans donor work with Northland, Westmark, Eastoria and the CU.', donors);
    agrees('The strategy plans donor work with Northland, Westmark, Eastoria and CU.', donors);
    contradicts('The strategy plans donor work with Northland, Westmark, Eastoria and the CX.', donors, {
      detail: 'set',
      written: 'the CX',
    });
  });

  it('reads a list of names each carrying a bracket as one list: "A (x), B (y), C (z)"', () => {
    const talks = 'three-way-talks';
    contradicts('• Trilateral talks: Northland (host), Westmark (guest), Southport (observer).', talks, {
      detail: 'set',
      written: 'Southport',
    });
    contradicts('• Trilateral talks: Northland (host), Westmark (guest) and Southport.', talks, {
      detail: 'set',
      written: 'Southport',
    });
    agrees('• Trilateral talks: Northland (host), Westmark (guest), Eastoria (observer).', talks);
  });

  it('reads an appositive after the property as no object of its own: "sanctions, a rare step, on …"', () => {
    const v = contradicts('Only Northland imposed sanctions, a rare step, on the Shadow Fleet.', 'sanctions', {
      detail: 'set',
      written: 'Northland',
    });
    assert.equal(v.detail.kind === 'set' && v.detail.problem, 'only');
  });

  it('reads a quantifier of the whole opening the clause as cutting the list down: "All of X came from Y"', () => {
    const areas = 'strategy-areas';
    const v = contradicts("All of the Sea Lanes Strategy's pillars cover ports.", areas, {
      detail: 'set',
      written: 'ports',
    });
    assert.equal(v.detail.kind === 'set' && v.detail.problem, 'only');
    agrees("All of the strategy's pillars together cover ports, undersea cables and satellites.", areas);
    // The quantifier is of the people reporting, not of what the claim is about.
    agrees('All reviewers noted that the strategy covers ports.', areas, 'ports');
  });

  it('reads a quantifier of the agents before the claim\'s noun as no cut of the list: "Both X and Y back …"', () => {
    agrees(
      'Both Northland and Westmark back the Sea Lanes Strategy, a plan covering ports and satellites.',
      'strategy-areas',
    );
  });

  it('reads a known person said to be "one of" a closed group as a member, right or wrong', () => {
    const panel = 'panel-members';
    contradicts("Ana Lind, who studies maritime law, spoke as one of the Harbor Forum's panellists.", panel, {
      detail: 'set',
      written: 'Ana Lind',
    });
    contradicts("Ana Lind, one of the Harbor Forum's panellists, praised the strategy.", panel, {
      detail: 'set',
      written: 'Ana Lind',
    });
    agrees("Tom Reyes was one of the Harbor Forum's panellists.", panel, 'Tom Reyes');
    silent("Ana Lind was not one of the Harbor Forum's panellists.");
  });

  it('reads the claim\'s noun said whole, or "entirely" before a member, as cutting the list down', () => {
    const areas = 'strategy-areas';
    const only = (text: string, written: string): void => {
      const v = contradicts(text, areas, { detail: 'set', written });
      assert.equal(v.detail.kind === 'set' && v.detail.problem, 'only', text);
    };
    only('Ports and satellites are what the entire strategy covers.', 'Ports');
    only("The strategy's pillars consist entirely of ports and satellites.", 'ports');
    agrees('Ports and satellites are what the strategy covers.', areas);
    agrees("The strategy's pillars consist not only of ports but also of satellites.", areas);
  });

  it('contradicts another agent, a member excluded, or the set cut down with "only"', () => {
    const sanctions = 'sanctions';
    const problem = (text: string, written: string, expected: string): void => {
      const v = contradicts(text, sanctions, { detail: 'set', written });
      assert.deepEqual(v.detail.kind === 'set' && v.detail.problem, expected, text);
    };
    problem('Northland and Eastoria imposed sanctions on the Shadow Fleet.', 'Eastoria', 'foreign');
    problem('Only Northland imposed sanctions on the Shadow Fleet.', 'Northland', 'only');
    problem('Westmark did not impose sanctions on the Shadow Fleet.', 'Westmark', 'excluded');
    problem('Northland, though not Westmark, sanctioned the Shadow Fleet.', 'Westmark', 'excluded');
    // Said of a part ("most of"), an exclusion leaves the rest free: nothing is contradicted.
    assert.deepEqual(
      findings(kb, "Most of the Shadow Fleet's ships were sanctioned by Northland rather than Westmark.").filter(
        (f) => f.verdict === 'contradiction',
      ),
      [],
    );
  });

  it('reads a known group written with its article as a passive agent: "led by the two panellists"', () => {
    const v = contradicts("The Harbor Forum's delegation was led by the two panellists.", 'delegation-head', {
      detail: 'set',
      written: 'the two panellists',
    });
    assert.equal(v.detail.kind === 'set' && v.detail.problem, 'foreign');
    agrees("The Harbor Forum's delegation was led by Ana Lind.", 'delegation-head', 'Ana Lind');
  });

  it('reads a union of states with a people of its own as able to stand in for a country', () => {
    const v = contradicts('The Coastal Union and Westmark imposed sanctions on the Shadow Fleet.', 'sanctions', {
      detail: 'set',
      written: 'Coastal Union',
    });
    assert.equal(v.detail.kind === 'set' && v.detail.problem, 'foreign');
    // Another body acting beside a country is not put among the countries.
    agrees('The Dock Guild and Westmark imposed sanctions on the Shadow Fleet.', 'sanctions');
  });

  it('contradicts the agents when a phrase negates the relation as its verb: "refused to", "have yet to"', () => {
    const v = contradicts('Northland and Westmark refused to impose sanctions on the Shadow Fleet.', 'sanctions', {
      detail: 'set',
      written: 'Northland',
    });
    assert.equal(v.detail.kind === 'set' && v.detail.problem, 'excluded');
    contradicts('Northland and Westmark have yet to impose sanctions on the Shadow Fleet.', 'sanctions', {
      detail: 'set',
      written: 'Northland',
    });
  });

  it('contradicts a list whose every member is denied with the property under one negation', () => {
    contradicts('The Sea Lanes Strategy has no pillars for ports, undersea cables and satellites.', 'strategy-areas', {
      detail: 'stance',
      written: 'no pillars for ports, undersea cables and satellites',
    });
    contradicts('The Sea Lanes Strategy lacks pillars for ports, undersea cables and satellites.', 'strategy-areas', {
      detail: 'stance',
      written: 'lacks pillars for ports, undersea cables and satellites',
    });
  });

  it('contradicts a body the knowledge base does not know put among a closed list of bodies', () => {
    agrees('The PWG and the MSO both work on cable standards.', 'cable-standards', 'PWG and the MSO');
    const v = contradicts('The PWG and the Harbour Standards Union both work on cable standards.', 'cable-standards', {
      detail: 'set',
      written: 'Harbour Standards Union',
    });
    assert.equal(v.detail.kind === 'set' && v.detail.problem, 'foreign');
  });

  it('contradicts another holder of the post', () => {
    contradicts('Tom Reyes moderated the Harbor Forum.', 'moderator', { detail: 'set', written: 'Tom Reyes' });
    // Another thing chaired, new in the sentence, is another post.
    silent('Tom Reyes also chairs a committee of port officials at the Harbor Forum.');
    // So is a body the verb takes as object that the claim does not name, "the" or not.
    silent('Tom Reyes also leads the safety committee of the Coastal Union.');
    silent('Mira Holt leads the port council.');
    contradicts("Tom Reyes led the Harbor Forum's delegation.", 'delegation-head', {
      detail: 'set',
      written: 'Tom Reyes',
    });
    contradicts('The Harbor Forum was chaired by Tom Reyes.', 'moderator', { detail: 'set', written: 'Tom Reyes' });
  });

  it('reads a figure between members as what each is worth, not another member', () => {
    contradicts('The Sea Lanes Strategy covers ports, pipelines and satellites.', 'strategy-areas', {
      detail: 'set',
      written: 'pipelines',
    });
    const weights =
      'The Sea Lanes Strategy covers ports at four or five points, undersea cables at two or three ' +
      'and satellites at one.';
    assert.ok(!findings(kb, weights).some((f) => f.verdict === 'contradiction'), dump(kb, weights));
  });

  it('says nothing of another owner, another instance, another target, another event or a recommendation', () => {
    silent("Eastoria's strategy covers ports, pipelines and satellites.");
    silent('A later Harbor Forum was moderated by Tom Reyes.');
    silent('Eastoria imposed sanctions on Westmark.');
    silent('Tom Reyes moderated a panel at the Harbor Forum.');
    silent('Tom Reyes did not moderate the Harbor Forum.');
    silent('The strategy should cover pipelines, ports and satellites.');
    // "Of the speakers, only X …": "only" restricts what follows, not who the speakers were.
    const pickedFrom = "Of the Harbor Forum's speakers, only Tom Reyes spoke about cables.";
    assert.ok(!findings(kb, pickedFrom).some((f) => f.verdict === 'contradiction'), dump(kb, pickedFrom));
    // An unknown acronym beside a member, in a list of bodies known by theirs, is one more member.
    contradicts('Both the PWG and the IHO work on undersea cable standards.', 'cable-standards', {
      detail: 'set',
      written: 'IHO',
    });
    // The only name tying the claim to the sentence is the agent, and the verb has its own object.
    silent('Tom Reyes also leads the harbour subcommittee of the Coastal Studies Association.');
    // "Korea's 2024 National Cyber Security Strategy names …": the owner of the subject is not who acts.
    const owned = "Eastoria's 2024 Harbor Forum called for sanctions on the Shadow Fleet.";
    assert.ok(!findings(kb, owned).some((f) => f.verdict === 'contradiction'), dump(kb, owned));
    contradicts("Eastoria's navy imposed sanctions on the Shadow Fleet.", 'sanctions', {
      detail: 'set',
      written: 'Eastoria',
    });
  });

  it('neither affirms nor excludes members under a negation that is not a plain "not"', () => {
    silent('The strategy makes no provision for ports, undersea cables and satellites.');
  });

  it('takes no agent from a fronted purpose', () => {
    silent('To deter Eastoria and Southport, the allies imposed sanctions on the shadow fleet.');
  });

  it('reads a person with a long description as one more item, and a shared given name as no paraphrase', () => {
    const text =
      "The Harbor Forum's speakers were Dr Mira Holt of the Port Working Group, Dr Tom Reyes of the Maritime " +
      'Safety Organisation and Dr Ana Park of the Northland Maritime Institute in Eastoria.';
    contradicts(text, 'speakers', { detail: 'set', written: 'Dr Ana Park' });
    agrees(text.replace('Ana Park', 'Ana Lind'), 'speakers');
  });

  it("says nothing when the verb's object is a known thing of another sort than the members", () => {
    silent('Tom Reyes led the PWG in 2020.');
    contradicts("Tom Reyes led the Harbor Forum's delegation.", 'delegation-head', {
      detail: 'set',
      written: 'Tom Reyes',
    });
  });

  it('reads a pair whose first name ends the phrase before it, after a preposition', () => {
    contradicts("Northland's cranes sell best in Westmark and Southport.", 'cranes-popular', {
      detail: 'set',
      written: 'Westmark',
    });
    agrees("Northland's cranes sell best in Eastoria and Southport.", 'cranes-popular');
    // A phrase that opens the sentence with a preposition sets the scene: its name is no list item.
    assert.deepEqual(
      findings(kb, "In Eastoria, the Northland Port Authority and Westmark's fleets buy Northland's cranes.").filter(
        (f) => f.verdict === 'contradiction',
      ),
      [],
    );
  });

  it("says nothing of a list of other things with the claim's property inside one item", () => {
    const text = 'The strategy comes up often (the Westmark alliance, trilateral talks with Eastoria, Southport).';
    assert.ok(!findings(kb, text).some((f) => f.verdict === 'contradiction'), dump(kb, text));
    contradicts('The strategy foresees trilateral talks among Northland, Westmark and Southport.', 'three-way-talks', {
      detail: 'set',
      written: 'Southport',
    });
  });

  it('reads "advised the Nth and Mth <body>" in a relative clause as a post held, not advice given', () => {
    contradicts('Holt, who advised the third and fourth Harbor Forum, also teaches law.', 'holt-forum-rounds', {
      detail: 'set',
      written: 'third',
    });
    agrees('Holt, who advised the fourth and fifth Harbor Forum, also teaches law.', 'holt-forum-rounds');
  });

  it("reads a name of the members' kind added to a member an additive phrase sets off as one more item", () => {
    contradicts("Besides Eastoria, Northland's cranes sell best in Westmark.", 'cranes-popular', {
      detail: 'set',
      written: 'Westmark',
    });
    contradicts("Northland's cranes sell best in Westmark, alongside Eastoria.", 'cranes-popular', {
      detail: 'set',
      written: 'Westmark',
    });
    agrees("Besides Eastoria, Northland's cranes sell best in Southport.", 'cranes-popular');
    // A name set against the list is no item of it.
    agrees("Besides Eastoria, Northland's cranes sell best in Southport, unlike Westmark.", 'cranes-popular');
  });

  it('contradicts a closed list of ordinals written with every item otherwise ("the 2nd and 3rd")', () => {
    contradicts('Holt sat as an adviser on the 2nd and 3rd Harbor Forum.', 'holt-forum-rounds', {
      detail: 'set',
      written: '2nd and 3rd',
    });
    // Ordinals not right before the property count something else.
    silent('Holt, in her 2nd and 3rd years, advised the Harbor Forum.');
  });

  it("contradicts the members denied their own act (the negation is theirs, not another agent's)", () => {
    contradicts('Northland and Westmark did not impose sanctions on the Shadow Fleet.', 'sanctions', {
      detail: 'set',
      written: 'Northland',
    });
  });

  it('reads "moderated the session" as the claim\'s own event, but another object as another thing', () => {
    contradicts('Tom Reyes moderated the session.', 'panel-moderator', { detail: 'set', written: 'Tom Reyes' });
    silent('Tom Reyes moderated the committee of port officials.');
  });

  it("reads a title after a person, and one coordinated with it, as that person's, not as a member", () => {
    const text =
      'Mira Holt, a senior lecturer at the Port Working Group and adjunct fellow at the Dock Guild, joined ' +
      'Tom Reyes and Ana Lind on the Harbor Forum panel of speakers.';
    agrees(text, 'speakers');
    contradicts(text.replace('Ana Lind', 'Ana Park'), 'speakers', { detail: 'set', written: 'Ana Park' });
  });

  it('leaves a list open at "and more"', () => {
    assert.deepEqual(
      findings(kb, 'The strategy covers ports, satellites and more.').filter((f) => f.verdict === 'contradiction'),
      [],
    );
  });
});
