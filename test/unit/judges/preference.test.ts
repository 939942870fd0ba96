// The preference judge: what the source puts ahead of what, read from "X over Y", "prefer X to
// Y", "X rather than Y", "X, not Y", against a small invented knowledge base.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { findings, judging, knowledge, sources } from './judging';

const kb = knowledge({
  'sources.json': sources('grid2023'),
  'places.yaml': `places:
  - { id: northland, name: Northland, kind: country, demonyms: [ Northlandic ] }
  - { id: westmark, name: Westmark, kind: country, demonyms: [ Westmarkian ] }
`,
  'glossary.yaml': `terms:
  - id: skylink
    term: Skylink
    kind: organisation
    definition: A satellite operator.
  - id: coppernet
    term: Coppernet
    kind: organisation
    definition: A cable operator.
  - id: broad-security-concept
    term: broad security
    kind: concept
    definition: Security read widely, beyond defence.
  - id: grid-strategy
    term: Grid Resilience Strategy
    kind: document
    country: northland
    definition: Northland's plan for its power grid.
`,
  'claims/grid2023.yaml': `source: grid2023
claims:
  - id: operators-prefer-skylink
    locator: ¶2
    statement: Northland's port operators chose Skylink over Coppernet.
    about:
      property: [ prefer, preferred, chose, choose, chosen, favour, favoured, favor, favored, pick, picked ]
      subject: [ port operator, operator ]
      with: [ [ skylink, coppernet ], [ northland ] ]
    preference: { preferred: [ skylink ], over: [ coppernet ] }
  - id: resilience-over-efficiency
    locator: ¶3
    statement: The Grid Resilience Strategy puts resilience ahead of efficiency.
    about:
      property: [ resilience, efficiency, cost ]
      subject: [ grid-strategy, strategy ]
    preference: { preferred: [ resilience, redundancy ], over: [ efficiency, cost ] }
  - id: broad-security
    locator: ¶4
    statement: The Grid Resilience Strategy takes a broad view of security rather than a military one.
    about:
      property: [ broad security, military security, military ]
      subject: [ grid-strategy, strategy ]
    preference: { preferred: [ broad-security-concept, broad security ], over: [ military security, military ] }
`,
});
const { agrees, contradicts, silent } = judging(kb, 'grid2023');

describe('judge: preference', () => {
  it('agrees with the sides the source gives, however the contrast is written', () => {
    const skylink = 'operators-prefer-skylink';
    agrees("Northland's port operators chose Skylink over Coppernet.", skylink, 'Skylink');
    agrees('In Northland, port operators preferred Skylink to Coppernet.', skylink, 'Skylink');
    agrees("Northland's port operators favoured Skylink rather than Coppernet.", skylink, 'Skylink');
    agrees("Northland's port operators picked Skylink.", skylink, 'Skylink');
    agrees("Skylink was chosen over Coppernet by Northland's port operators.", skylink, 'Skylink');
    const resilience = 'resilience-over-efficiency';
    agrees('The strategy puts resilience ahead of efficiency.', resilience, 'resilience');
    agrees('The strategy favours redundancy over cost.', resilience, 'redundancy');
    agrees('The strategy puts resilience, not efficiency, first.', resilience, 'resilience');
  });

  it('contradicts swapped sides, marking the stretch that puts the wrong one first', () => {
    const skylink = 'operators-prefer-skylink';
    contradicts("Northland's port operators chose Coppernet over Skylink.", skylink, {
      detail: 'preference',
      written: 'Coppernet over Skylink',
    });
    contradicts("Northland's port operators preferred Coppernet to Skylink.", skylink, {
      detail: 'preference',
      written: 'Coppernet to Skylink',
    });
    contradicts("Northland's port operators chose Coppernet, not Skylink.", skylink, {
      detail: 'preference',
      written: 'Coppernet, not Skylink',
    });
    contradicts("Coppernet was chosen over Skylink by Northland's port operators.", skylink, {
      detail: 'preference',
      written: 'Coppernet was chosen over Skylink',
    });
    const resilience = 'resilience-over-efficiency';
    contradicts('The strategy puts efficiency ahead of resilience.', resilience, {
      detail: 'preference',
      written: 'efficiency ahead of resilience',
    });
    contradicts('The strategy favours cost over redundancy.', resilience, {
      detail: 'preference',
      written: 'cost over redundancy',
    });
    contradicts('The strategy prioritises efficiency, not resilience.', resilience, {
      detail: 'preference',
      written: 'efficiency, not resilience',
    });
  });

  it('contradicts the preferred side said to be the one set aside: "resilience is essentially efficiency"', () => {
    const resilience = 'resilience-over-efficiency';
    contradicts('In the Grid Resilience Strategy, resilience is simply efficiency by another name.', resilience, {
      detail: 'preference',
      written: 'efficiency',
    });
    contradicts('The Grid Resilience Strategy frames resilience as chiefly efficiency.', resilience, {
      detail: 'preference',
      written: 'efficiency',
    });
    silent('The Grid Resilience Strategy holds that resilience is broader than efficiency.');
  });

  it('contradicts the set-aside side given as what the thing is taken to be, the preferred one unsaid', () => {
    const resilience = 'resilience-over-efficiency';
    contradicts(
      'The grid in the Grid Resilience Strategy is conceived first and foremost as a cost centre.',
      resilience,
      {
        detail: 'preference',
        written: 'cost',
      },
    );
    contradicts(
      'The Grid Resilience Strategy rests on a grid policy understood as essentially cost control.',
      resilience,
      {
        detail: 'preference',
        written: 'cost',
      },
    );
    // Denied, or with the preferred side said too, it is no such construal.
    silent('The Grid Resilience Strategy sees the grid not as a matter of cost.');
  });

  it('reads a side glued to "first" as the one put first ("an efficiency-first design")', () => {
    contradicts('The strategy takes an efficiency-first approach to grid design.', 'resilience-over-efficiency', {
      detail: 'preference',
      written: 'efficiency',
    });
    agrees(
      'The strategy takes a resilience-first approach to grid design.',
      'resilience-over-efficiency',
      'resilience',
    );
  });

  it('reads an active construal verb with its object ("treats security chiefly as …")', () => {
    contradicts('The Grid Resilience Strategy treats security chiefly as a military matter.', 'broad-security', {
      detail: 'preference',
      written: 'military',
    });
    // Each side is named once, however many spellings the claim gives it.
    const [finding] = findings(kb, 'The Grid Resilience Strategy treats security chiefly as a military matter.');
    assert.match(finding?.message ?? '', / puts broad security ahead of military security, /);
    // The object is not what the sides are kinds of: another thing construed.
    silent('The Grid Resilience Strategy treats cyber cooperation chiefly as a military matter.');
  });

  it('reads a side as the frame a thing is taken in ("in military terms", "through a military lens")', () => {
    const written = { detail: 'preference', written: 'military' } as const;
    contradicts(
      'The Grid Resilience Strategy treats security in essentially military terms.',
      'broad-security',
      written,
    );
    contradicts('The Grid Resilience Strategy views security through a military lens.', 'broad-security', written);
    silent('The Grid Resilience Strategy treats cyber cooperation in military terms.');
  });

  it('reads the sides of a comparative before "than", and of a label read on past its value', () => {
    const resilience = 'resilience-over-efficiency';
    contradicts('The Grid Resilience Strategy treats efficiency as a greater concern than resilience.', resilience, {
      detail: 'preference',
      written: 'efficiency as a greater concern than resilience',
    });
    contradicts('The Grid Resilience Strategy treats resilience as a lesser concern than efficiency.', resilience, {
      detail: 'preference',
      written: 'resilience as a lesser concern than efficiency',
    });
    agrees('The Grid Resilience Strategy treats resilience as a bigger concern than cost.', resilience, 'resilience');
    // A label's comparative sets aside what it compares, up to its colon: the value is the one put first.
    agrees('• Grid Resilience Strategy, bigger concern than efficiency: resilience.', resilience, 'resilience');
    contradicts('• Grid Resilience Strategy on efficiency: first priority — ranked ahead of resilience.', resilience, {
      detail: 'preference',
      written: 'efficiency: first priority — ranked ahead of resilience',
    });
  });

  it('reads what a verb of outweighing ("outweighing", "eclipses") comes before as set aside', () => {
    agrees(
      'For the Grid Resilience Strategy, resilience matters most, outweighing efficiency.',
      'resilience-over-efficiency',
    );
    contradicts(
      'For the Grid Resilience Strategy, efficiency matters most, outweighing resilience.',
      'resilience-over-efficiency',
      { detail: 'preference', written: 'efficiency matters most, outweighing resilience' },
    );
  });

  it('reads a side ranked "secondary" as set aside', () => {
    const resilience = 'resilience-over-efficiency';
    contradicts('The Grid Resilience Strategy puts efficiency first, with resilience a secondary aim.', resilience, {
      detail: 'preference',
      written: 'efficiency first, with resilience',
    });
    contradicts('The Grid Resilience Strategy treats resilience as secondary next to efficiency.', resilience, {
      detail: 'preference',
      written: 'resilience as secondary next to efficiency',
    });
    agrees('The Grid Resilience Strategy treats efficiency as secondary next to resilience.', resilience);
  });

  it('contradicts the side set aside written alone as what was chosen, and only that', () => {
    contradicts("Northland's port operators have largely chosen Coppernet.", 'operators-prefer-skylink', {
      detail: 'preference',
      written: 'Coppernet',
    });
    agrees("Northland's port operators chose Skylink.", 'operators-prefer-skylink', 'Skylink');
    silent("Northland's port operators did not choose Coppernet.");
  });

  it('says nothing of another chooser, another country or a recommendation', () => {
    silent("Westmark's port operators chose Coppernet over Skylink.");
    silent('Port operators in Westmark chose Coppernet over Skylink.');
    silent("Northland's households chose Coppernet over Skylink.");
    silent("Northland's port operators should choose Coppernet over Skylink.");
    silent('Skylink and Coppernet both bid for the contract.');
    // The "to" of "seem to have relied on" sets nothing aside: only one with a side right after it does.
    agrees(
      "Among Northland's port operators that chose other suppliers, some seem to have relied chiefly on Skylink.",
      'operators-prefer-skylink',
      'Skylink',
    );
    silent("Westmark's grid strategy puts efficiency ahead of resilience.");
  });
});
