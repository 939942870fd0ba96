// Settling a sentence's verdicts: support is said only when everything checkable in it agrees. A
// lone name the knowledge base does not know, listed with known bodies, is one more list member
// nobody checked.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { checkSentence } from '../../server/src/engine/check';
import { dump, findings, knowledge, sources } from './judges/judging';
import { type KnowledgeBase } from '../../server/src/knowledge/knowledgeBase';

const kb = knowledge({
  // The report's publisher is a body it names: a statement "according to" it is the report's own.
  'sources.json': JSON.stringify(
    JSON.parse(sources('ports2024')).map((s: object) => ({ ...s, publisher: 'Dock Union' })),
  ),
  'places.yaml': `places:
  - { id: northland, name: Northland, kind: country, demonyms: [ Northlandic ] }
`,
  'glossary.yaml': `terms:
  - { id: aster, term: Aster, kind: organisation, definition: A crane maker. }
  - { id: borealis, term: Borealis, kind: organisation, definition: A crane maker. }
  - { id: corvid, term: Corvid, kind: organisation, definition: A crane maker. }
  - id: delta-cranes
    term: Delta Cranes
    kind: organisation
    definition: A crane maker the report names.
    sources: [ { key: ports2024, locator: ¶2 } ]
  - { id: crane-code, term: Crane Safety Code, kind: document, definition: Northland's rules for cranes. }
  - id: harbour-guild
    term: Harbour Guild
    kind: organisation
    definition: A body of port operators.
    sources: [ { key: ports2024, locator: ¶5 } ]
  - id: dock-union
    term: Dock Union
    kind: organisation
    definition: A dockworkers' union the same report names.
    sources: [ { key: ports2024, locator: ¶6 } ]
  - id: tidewatch
    term: Tidewatch
    kind: programme
    within: harbour-guild
    aliases: [ Tidewatch programme ]
    definition: The Harbour Guild's scheme for training crane operators.
    sources: [ { key: ports2024, locator: ¶5 } ]
  - id: ana-lind
    term: Ana Lind
    kind: person
    definition: A port official the report names.
    sources: [ { key: ports2024, locator: ¶7 } ]
  - id: port-plan
    term: Port Plan 2030
    kind: document
    definition: Northland's plan for its ports.
    sources: [ { key: ports2024, locator: ¶1 } ]
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
  - id: crane-code-binds
    locator: ¶4
    statement: Aster and Borealis fall under Northland's Crane Safety Code.
    about:
      property: [ crane-code ]
    set: { members: [ aster, borealis ], closed: true, slot: agent }
  - id: tidewatch-trains-operators
    locator: ¶5
    statement: Tidewatch trains crane operators.
    about: { property: [ crane operators ], subject: [ tidewatch ] }
    stance: { predicate: support, polarity: positive, affirm: [ trains, training ] }
`,
});

const supported = (text: string): boolean => findings(kb, text).some((f) => f.verdict === 'support');

describe('settle: support', () => {
  it("supports a sentence whose listed names are all the claim's", () => {
    assert.equal(supported("Northland's ports picked Aster and Borealis over Corvid for their cranes."), true);
  });

  it('withholds support when the sentence ranks what no claim of rank checks ("the largest")', () => {
    const plain = 'Tidewatch trains crane operators.';
    assert.equal(supported(plain), true, dump(kb, plain));
    assert.equal(supported('Tidewatch trains the largest number of crane operators.'), false);
  });

  it('withholds support when a place no agreeing claim names is said to host or own it ("Northland-based")', () => {
    assert.equal(supported('Tidewatch trains Northland-based crane operators.'), false);
  });

  it("withholds support when another name the source knows opens the clause of the claim's subject", () => {
    assert.equal(supported('Tidewatch trains crane operators.'), true);
    // Delta Cranes is a name the source uses, so it is no unknown detail; but the claim's subject is Tidewatch.
    const other = 'Delta Cranes trains crane operators alongside Tidewatch.';
    assert.equal(supported(other), false, dump(kb, other));
  });

  it("withholds support when an unknown name opens the clause and the claim's subject only glosses it", () => {
    for (const text of [
      'Zephyr, a Tidewatch affiliate, trains crane operators.',
      'ZTX, the Northlandic crane maker, trains crane operators like Tidewatch.',
    ]) {
      assert.equal(supported(text), false, dump(kb, text));
    }
    // A capitalised word opening the sentence may be no name at all.
    for (const text of [
      'Tidewatch, a Harbour Guild scheme, trains crane operators.',
      'Meanwhile, Tidewatch trains crane operators.',
    ]) {
      assert.equal(supported(text), true, dump(kb, text));
    }
  });

  it('withholds support when a known country no agreeing claim names is said to do it', () => {
    const plain = 'Tidewatch trains crane operators.';
    assert.equal(supported(plain), true, dump(kb, plain));
    const agent = 'Crane operators are trained under Tidewatch by Northland.';
    assert.equal(supported(agent), false, dump(kb, agent));
  });

  it('withholds support when an unknown name is listed with known bodies', () => {
    assert.equal(supported("Northland's ports picked Aster, Borealis and Delphi over Corvid for their cranes."), false);
    assert.equal(supported("Northland's ports picked Aster and Delphi over Corvid for their cranes."), false);
  });

  it('withholds support when the sentence sets it in a place the knowledge base does not know', () => {
    assert.equal(
      supported("Northland's ports in Lowhaven picked Aster and Borealis over Corvid for their cranes."),
      false,
    );
  });

  it('withholds support from a sentence that negates the relation with a phrase ("exempt from")', () => {
    const bound = "Aster and Borealis are subject to Northland's Crane Safety Code.";
    assert.equal(supported(bound), true, dump(kb, bound));
    assert.equal(supported("Aster and Borealis are exempt from Northland's Crane Safety Code."), false);
    assert.equal(supported("Aster and Borealis fall outside Northland's Crane Safety Code."), false);
    assert.equal(supported("Aster and Borealis fall outside the reach of Northland's Crane Safety Code."), false);
  });

  it('withholds support from a clause the sentence doubts or denies', () => {
    assert.equal(
      supported("Some analysts doubt that Aster and Borealis are subject to Northland's Crane Safety Code."),
      false,
    );
    assert.equal(
      supported('Analysts are sceptical of Aster and Borealis being subject to the Crane Safety Code.'),
      false,
    );
    assert.equal(supported('That Aster and Borealis are subject to the Crane Safety Code goes unmentioned.'), false);
    assert.equal(supported("Aster and Borealis are subject to Northland's Crane Safety Code."), true);
  });

  it('withholds support when the statement is said to come from a document no agreeing claim names', () => {
    const plain = "Northland's ports picked Aster and Borealis over Corvid for their cranes.";
    assert.equal(supported(plain), true, dump(kb, plain));
    for (const framed of [
      "It is Port Plan 2030 that notes Northland's ports picked Aster and Borealis over Corvid for their cranes.",
      "Port Plan 2030 notes that Northland's ports picked Aster and Borealis over Corvid for their cranes.",
      "The choice of Aster and Borealis over Corvid for Northland's cranes comes from Port Plan 2030.",
      // The document as its clause's subject.
      "Port Plan 2030 commits Northland's ports to picking Aster and Borealis over Corvid for their cranes.",
      // The document said to be where it is stated.
      "It is in Port Plan 2030 that Northland's ports picked Aster and Borealis over Corvid for their cranes.",
      "In Port Plan 2030, Northland's ports picked Aster and Borealis over Corvid for their cranes.",
      // So with its owner's name before it.
      "Northland's Port Plan 2030 commits its ports to picking Aster and Borealis over Corvid for their cranes.",
      // Quoted, with its owner's name before it, as saying it.
      "The author cites Northland's Port Plan 2030 as saying that Northland's ports picked Aster and Borealis " +
        'over Corvid for their cranes.',
      // A label that is the document's name alone.
      "• Port Plan 2030: Northland's ports picked Aster and Borealis over Corvid for their cranes.",
    ]) {
      assert.equal(supported(framed), false, dump(kb, framed));
    }
    // Named, but not as the speaker: part of what the source speaks of.
    const named = "Under Port Plan 2030, Northland's ports picked Aster and Borealis over Corvid for their cranes.";
    assert.equal(supported(named), true, dump(kb, named));
  });

  it('withholds support when a person by name is given a post no claim checks', () => {
    const named = "Northland's ports, under Ana Lind, picked Aster and Borealis over Corvid for their cranes.";
    assert.equal(supported(named), true, dump(kb, named));
    const posted =
      "Northland's ports, under Ana Lind, then serving as port secretary, picked Aster and Borealis over Corvid " +
      'for their cranes.';
    assert.equal(supported(posted), false, dump(kb, posted));
  });

  it('withholds support when the statement is said to come from a body that neither claim nor publisher is', () => {
    for (const framed of [
      "According to the Harbour Guild, Northland's ports picked Aster and Borealis over Corvid for their cranes.",
      "• Per Harbour Guild figures: Northland's ports picked Aster and Borealis over Corvid for their cranes.",
    ]) {
      assert.equal(supported(framed), false, dump(kb, framed));
    }
    const publisher =
      "According to the Dock Union, Northland's ports picked Aster and Borealis over Corvid for their cranes.";
    assert.equal(supported(publisher), true, dump(kb, publisher));
  });

  it('withholds support when a known name is given another owner than its own ("X\'s programme")', () => {
    const own = "The Harbour Guild's Tidewatch programme trains crane operators.";
    assert.equal(supported(own), true, dump(kb, own));
    const other = "The Dock Union's Tidewatch programme trains crane operators.";
    assert.equal(supported(other), false, dump(kb, other));
  });

  it('withholds support when a name the knowledge base does not know owns a known body that has an owner', () => {
    // An acronym opening the sentence is a name all the same; a lone capitalised word may just open it.
    for (const text of [
      "QRZ's Tidewatch programme trains crane operators.",
      "As planned, Lowhaven's Tidewatch programme trains crane operators.",
    ]) {
      assert.equal(supported(text), false, dump(kb, text));
    }
    const opening = "Today's Tidewatch programme trains crane operators.";
    assert.equal(supported(opening), true, dump(kb, opening));
  });

  it('withholds support from a scarcity no claim checked ("few takers")', () => {
    const plain = 'Tidewatch trains crane operators.';
    assert.equal(supported(plain), true, dump(kb, plain));
    const scarce = 'Tidewatch trains crane operators, with few takers.';
    assert.equal(supported(scarce), false, dump(kb, scarce));
    // A frequency is a scarcity too: "only rarely".
    const rarely = 'Tidewatch only rarely trains crane operators.';
    assert.equal(supported(rarely), false, dump(kb, rarely));
  });

  it('withholds support when a name listed among a set is none of its members, of whatever sort', () => {
    assert.equal(supported("Aster and Northland are subject to Northland's Crane Safety Code."), false);
  });
});

describe('settle: two lists', () => {
  const lists = knowledge({
    'sources.json': sources('trade2024'),
    'glossary.yaml': `terms:
  - { id: grain, term: grain, kind: concept, definition: Cereal crops. }
  - { id: timber, term: timber, kind: concept, definition: Sawn wood. }
  - { id: steel, term: steel, kind: concept, definition: An alloy of iron. }
  - { id: fuel, term: fuel, kind: concept, definition: Oil and gas products. }
`,
    'claims/trade2024.yaml': `source: trade2024
claims:
  - id: port-cargo
    locator: ¶1
    statement: The port ships grain, timber and steel.
    about: { property: [ ship, ships, shipped, cargo ] }
    set: { members: [ grain, timber, steel ], closed: true }
  - id: shortages
    locator: ¶2
    statement: Shortages hit goods such as grain and fuel.
    about: { property: [ grain, fuel ] }
    set: { members: [ grain, fuel ], closed: false }
`,
  });

  it('reads a bracket glossing each item as no item of its own: support stays', () => {
    const glossed = 'The port ships grain (the fuel of bakeries), timber (sawn wood), steel (an alloy of iron).';
    assert.ok(
      findings(lists, glossed).some((f) => f.verdict === 'support'),
      dump(lists, glossed),
    );
  });

  it("reads a list one claim holds whole as that claim's, not another's with an item swapped", () => {
    const text = 'The port ships grain and timber.';
    assert.deepEqual(
      findings(lists, text).filter((f) => f.verdict === 'contradiction'),
      [],
      dump(lists, text),
    );
    // The same item alone is still another list's member swapped.
    const swapped = 'Shortages hit goods such as grain and timber.';
    assert.ok(
      findings(lists, swapped).some((f) => f.verdict === 'contradiction' && f.claim.id === 'trade2024/shortages'),
      dump(lists, swapped),
    );
  });
});

/** A view of lind2023, Ana Lind's, for the tests of who holds it. */
const cranesAutomated = `  - id: cranes-automated
    locator: ¶2
    statement: Most cranes in Northland's ports are automated.
    about: { property: [ automated, automation ], with: [ [ cranes, crane ] ] }
    stance: { predicate: generic, polarity: positive }
`;

/** The findings on one sentence as "verdict: message" lines, citing the keys given. */
function messages(kb: KnowledgeBase, text: string, cited?: string[]): string[] {
  const context = { ids: new Set<string>(), ...(cited ? { cited: new Set(cited) } : {}) };
  return checkSentence(kb, text, 0, text.length, text, undefined, context).map((f) => `${f.verdict}: ${f.message}`);
}

describe('settle: who wrote the cited source', () => {
  const authored = knowledge({
    'sources.json': JSON.stringify([
      { id: 'lind2023', type: 'report', title: 'Ports', author: [{ family: 'Lind', given: 'Ana' }], issued: {} },
    ]),
    'glossary.yaml': `terms:
  - { id: ana-lind, term: Ana Lind, kind: person, definition: A port economist. }
  - { id: ben-lind, term: Ben Lind, kind: person, definition: A harbour pilot. }
`,
    'claims/lind2023.yaml': `source: lind2023
claims:
${cranesAutomated}`,
  });
  const check = (text: string): string[] => messages(authored, text, ['lind2023']);

  it('contradicts a sentence that gives the cited source another author, named in full as saying it', () => {
    for (const text of [
      "Ben Lind's argument that cranes are automated holds [@lind2023].",
      'Ben Lind argues that cranes are automated [@lind2023].',
    ]) {
      assert.match(check(text).join('\n'), /contradiction: lind2023 \(¶2\) is by Ana Lind, not Ben Lind/, text);
    }
  });

  it('leaves its own author, a surname alone and a name that says nothing alone', () => {
    for (const text of [
      'Ana Lind argues that cranes are automated [@lind2023].',
      'Lind argues that cranes are automated [@lind2023].',
      'Cranes are automated, and Ben Lind now runs the port [@lind2023].',
    ]) {
      assert.doesNotMatch(check(text).join('\n'), /contradiction/, text);
    }
  });
});

describe('settle: a view given, uncited, to someone else the knowledge hears', () => {
  const kb = knowledge({
    'sources.json': JSON.stringify([
      { id: 'lind2023', type: 'report', title: 'Ports', author: [{ family: 'Lind', given: 'Ana' }], issued: {} },
      { id: 'panel2024', type: 'report', title: 'Panel', issued: {} },
    ]),
    'glossary.yaml': `terms:
  - { id: ana-lind, term: Ana Lind, kind: person, definition: A port economist. }
  - id: ben-lind
    term: Ben Lind
    kind: person
    definition: A panel speaker.
    sources: [ { key: panel2024, locator: speakers } ]
  - { id: dan-ortiz, term: Dan Ortiz, kind: person, definition: A harbour pilot. }
  - id: cy-park
    term: Cy Park
    kind: person
    definition: A panel speaker Lind quotes.
    sources: [ { key: panel2024, locator: speakers }, { key: lind2023, locator: ¶3 } ]
  - id: panel-speakers
    term: the speakers
    kind: group
    members: [ ben-lind, cy-park ]
    definition: The panel's speakers.
`,
    'claims/lind2023.yaml': `source: lind2023
claims:
${cranesAutomated}  - id: port-opened
    locator: ¶1
    statement: The port opened in 2019.
    about: { property: [ opened ], with: [ [ port ] ] }
    year: 2019
`,
  });
  const check = (text: string): string => messages(kb, text).join('\n');

  it('contradicts a view of one source said, uncited, by a speaker the knowledge hears elsewhere', () => {
    assert.match(check('Ben Lind argues that cranes are automated.'), /lind2023 \(¶2\) is by Ana Lind, not Ben Lind/);
    // Also as the one whose verb states the view.
    assert.match(check('Ben Lind welcomed the automated cranes.'), /lind2023 \(¶2\) is by Ana Lind, not Ben Lind/);
  });

  it('leaves a fact anyone may note, someone the knowledge never hears, and someone the source names', () => {
    for (const text of [
      'Ben Lind notes that the port opened in 2019.',
      'Dan Ortiz argues that cranes are automated.',
      'Cy Park argues that cranes are automated.',
    ]) {
      assert.doesNotMatch(check(text), /contradiction/, text);
    }
  });
});

describe('settle: routes through a closed list of places', () => {
  const routes = knowledge({
    'sources.json': sources('lanes2023'),
    'places.yaml': `places:
  - { id: northland, name: Northland, kind: country }
  - { id: eastoria, name: Eastoria, kind: country }
  - { id: westmark, name: Westmark, kind: country }
  - { id: southport, name: Southport, kind: country }
`,
    'claims/lanes2023.yaml': `source: lanes2023
claims:
  - id: ship-routes
    locator: ¶4
    statement: Northland's ships pass through Eastoria and Westmark.
    about: { property: [ route, routes, transit ], with: [ [ ship, ships ] ] }
    set: { members: [ eastoria, westmark ], closed: true }
`,
  });
  const supported = (text: string): boolean => findings(routes, text).some((f) => f.verdict === 'support');

  it('withholds support when a place in the list clause is none of its members', () => {
    const own = 'The ships are routed through Eastoria and Westmark.';
    assert.ok(supported(own), dump(routes, own));
    const other = 'Besides Eastoria, Northland often uses Southport to route its ships.';
    assert.ok(!supported(other), dump(routes, other));
  });
});
