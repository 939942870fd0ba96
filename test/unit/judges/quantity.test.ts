// The quantity judge: shares, counts with totals, bounds, multiples with what they are compared
// with, and amounts of money, against a small invented knowledge base.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { findings, judging, knowledge, sources, verdicts } from './judging';

const kb = knowledge({
  'sources.json': sources('nri2023'),
  'places.yaml': `places:
  - { id: northland, name: Northland, kind: country, demonyms: [ Northlandic ] }
  - { id: eastoria, name: Eastoria, kind: country, demonyms: [ Eastorian ] }
  - { id: arctic-rim, name: Arctic Rim, kind: region }
`,
  'glossary.yaml': `terms:
  - id: harbor-forum
    term: Harbor Forum
    kind: event
    definition: A yearly meeting on maritime security.
  - id: tidewater-pact
    term: Tidewater Pact
    kind: document
    definition: A treaty on port data.
  - id: fibrenet
    term: Fibrenet
    kind: technology
    definition: A wired network.
  - id: coppernet
    term: Coppernet
    kind: technology
    definition: An older wired network.
  - id: skylink
    term: Skylink
    kind: technology
    definition: A satellite network.
  - id: resilience-fund
    term: Resilience Fund
    kind: programme
    definition: A fund for port security.
`,
  'claims/nri2023.yaml': `source: nri2023
claims:
  - id: exports-share
    locator: ¶2
    statement: About 62 per cent of Northland's exports go to the Arctic Rim.
    about: { property: [ export, exports ], subject: [ northland ], with: [ [ arctic-rim ] ] }
    quantity: { value: 62, unit: percent, approx: true }
  - id: energy-share
    locator: ¶2
    statement: About 40 per cent of Northland's energy comes from the Arctic Rim.
    about: { property: [ energy ], subject: [ northland ], with: [ [ arctic-rim ] ] }
    quantity: { value: 40, unit: percent, approx: true }
  - id: forum-size
    locator: ¶3
    statement: More than 30 people took part in the Harbor Forum.
    about: { property: [ participant, attendee, took part ], subject: [ harbor-forum ] }
    quantity: { value: 30, unit: count, bound: over }
  - id: ratifications
    locator: ¶4
    statement: Eleven of the 16 signatories have ratified the Tidewater Pact.
    about: { property: [ ratify, ratified, ratification ], subject: [ tidewater-pact ] }
    quantity: { value: 11, unit: count, of: 16 }
  - id: skylink-speed
    locator: ¶5
    statement: Skylink is 40 times faster than Fibrenet.
    about: { property: [ faster, speed ], subject: [ skylink ] }
    quantity: { value: 40, unit: times, than: fibrenet }
  - id: fund-size
    locator: ¶6
    statement: The Resilience Fund holds $2.5 billion.
    about: { property: [ hold, holds, endowment, worth ], subject: [ resilience-fund ] }
    quantity: { value: 2500000000, unit: money, currency: USD }
  - id: skylink-bands
    locator: ¶7
    statement: Skylink uses three frequency bands.
    about: { property: [ band, bands ], subject: [ skylink ] }
    quantity: { value: 3, unit: count }
  - id: skylink-top-band
    locator: ¶7
    statement: Skylink's highest band is at 26 GHz.
    about: { property: [ highest band, top band ], subject: [ skylink ] }
    quantity: { value: 26, unit: count, measure: ghz }
`,
});
const { agrees, contradicts, silent } = judging(kb, 'nri2023');

describe('judge: quantity', () => {
  it('agrees with a figure the source gives, hedged, exact or in words', () => {
    agrees("About 62% of Northland's exports go to the Arctic Rim.", 'exports-share', 'About 62%');
    agrees("Roughly 61 percent of Northland's exports go to the Arctic Rim.", 'exports-share', 'Roughly 61 percent');
    agrees('Northland sends about 62% of its exports to the Arctic Rim.', 'exports-share', 'about 62%');
    agrees("Most of Northland's exports go to the Arctic Rim.", 'exports-share', 'Most');
    agrees('More than 30 people took part in the Harbor Forum.', 'forum-size', 'More than 30');
    agrees('At least 30 people took part in the Harbor Forum.', 'forum-size', 'At least 30');
    agrees('Eleven of the 16 signatories have ratified the Tidewater Pact.', 'ratifications', 'Eleven');
    agrees('Skylink is 40 times faster than Fibrenet.', 'skylink-speed', '40 times');
    agrees('The Resilience Fund holds $2.5 billion.', 'fund-size', '$2.5 billion');
    agrees('The Resilience Fund holds 2.5 billion dollars.', 'fund-size', '2.5 billion dollars');
  });

  it("leaves alone a share of the claim's part: the claim's words before the whole, another place after", () => {
    silent("About half of Northland's Arctic Rim exports go to Eastoria.");
    contradicts("About half of Northland's exports go to the Arctic Rim.", 'exports-share', {
      detail: 'quantity',
      written: 'About half',
    });
    // "outside the Arctic Rim" speaks of everything but it: no figure of the Arctic Rim's.
    silent("Most of Northland's exports go to markets outside the Arctic Rim.");
    silent("About 62 per cent of Northland's exports go to markets outside the Arctic Rim.");
    // The whole fronted: "Of X, about 30% go to Y".
    silent("Of Northland's Arctic Rim exports, about 30% go to Eastoria.");
  });

  it('does not take a figure with decimals for a whole count of things', () => {
    silent('Delegates at the Harbor Forum took part in talks on the 3.5 GHz band.');
    silent('Each session of the Harbor Forum took part of a day, 2.5 hours on average.');
  });

  it('supports a sentence whose every figure agrees', () => {
    const [f] = findings(kb, "About 62% of Northland's exports go to the Arctic Rim.");
    assert.deepEqual([f.verdict, f.claim.id], ['support', 'nri2023/exports-share']);
  });

  it('contradicts a figure outside the sourced interval, with the value a fix writes', () => {
    const share = 'exports-share';
    contradicts("Nearly 80% of Northland's exports go to the Arctic Rim.", share, {
      detail: 'quantity',
      written: 'Nearly 80%',
      replacement: 'About 62%',
    });
    contradicts("Less than half of Northland's exports go to the Arctic Rim.", share, {
      detail: 'quantity',
      written: 'Less than half',
    });
    // "barely" before a figure hedges it; it negates nothing.
    contradicts("The Arctic Rim takes barely 6.2 percent of Northland's exports.", share, {
      detail: 'quantity',
      written: 'barely 6.2 percent',
    });
    // A fraction is approximate already: "roughly" does not widen it to reach 62%.
    contradicts("Roughly seven in ten of Northland's exports go to the Arctic Rim.", share, {
      detail: 'quantity',
      written: 'Roughly seven in ten',
    });
    // A fraction of a percentage is that part of it: 0.62%, not 62%.
    contradicts("Some two-thirds of one percent of Northland's exports go to the Arctic Rim.", share, {
      detail: 'quantity',
      written: 'Some two-thirds of one percent',
    });
    contradicts("Half of 1% of Northland's exports go to the Arctic Rim.", share, {
      detail: 'quantity',
      written: 'Half of 1%',
    });
    // A bound in the source has no single value to write in.
    const size = 'forum-size';
    contradicts('Fewer than 20 people took part in the Harbor Forum.', size, {
      detail: 'quantity',
      written: 'Fewer than 20',
      replacement: null,
    });
    contradicts('The Harbor Forum drew more than 300 participants.', size, {
      detail: 'quantity',
      written: 'more than 300',
      replacement: null,
    });
    // A hedge before an article and a figure in words hedges it; it negates nothing.
    contradicts('Barely a dozen people took part in the Harbor Forum.', size, {
      detail: 'quantity',
      written: 'Barely a dozen',
      replacement: null,
    });
    const ratified = 'ratifications';
    contradicts('Ten of the 16 signatories have ratified the Tidewater Pact.', ratified, {
      detail: 'quantity',
      written: 'Ten',
      replacement: '11',
    });
    contradicts('Skylink is ten times faster than Fibrenet.', 'skylink-speed', {
      detail: 'quantity',
      written: 'ten times',
      replacement: '40 times',
    });
  });

  it('compares a share in words with a count out of a total: "all 16", "few" against 11 of 16', () => {
    const ratified = 'ratifications';
    contradicts('All 16 signatories have ratified the Tidewater Pact.', ratified, {
      detail: 'quantity',
      written: 'All',
    });
    contradicts('Few of the signatories have ratified the Tidewater Pact.', ratified, {
      detail: 'quantity',
      written: 'Few',
    });
    agrees('Most of the 16 signatories have ratified the Tidewater Pact.', ratified, 'Most');
    // A share in words of something else, written after the thing counted.
    silent('Ratifications of the Tidewater Pact came in waves, all of them slow.');
  });

  it('reads a percentage before a noun of change as a rise, not a multiple: "a 40-percent speed gain"', () => {
    const speed = 'skylink-speed';
    contradicts('Skylink offers a 40-percent speed gain over Fibrenet.', speed, {
      detail: 'quantity',
      written: '40-percent',
      replacement: '40 times',
    });
    contradicts('Skylink brings a 40% increase in speed over Fibrenet.', speed, {
      detail: 'quantity',
      written: '40%',
      replacement: '40 times',
    });
  });

  it("writes a corrected amount in the memo's currency and scale", () => {
    const fund = 'fund-size';
    contradicts('The Resilience Fund holds $5.2 billion.', fund, {
      detail: 'quantity',
      written: '$5.2 billion',
      replacement: '$2.5 billion',
    });
    contradicts('The Resilience Fund holds 1.5 billion dollars.', fund, {
      detail: 'quantity',
      written: '1.5 billion dollars',
      replacement: '2.5 billion dollars',
    });
    contradicts('The Resilience Fund holds US$1,800 million.', fund, {
      detail: 'quantity',
      written: 'US$1,800 million',
      replacement: 'US$2,500 million',
    });
  });

  it('marks count and total together when both are wrong', () => {
    const v = contradicts('Nine of the 20 signatories have ratified the Tidewater Pact.', 'ratifications', {
      detail: 'quantity',
      written: 'Nine of the 20',
      replacement: '11 of the 16',
    });
    assert.deepEqual(v.accounts, [0]);
  });

  it('contradicts a multiple compared with something else than the source compares it with', () => {
    contradicts('Skylink is 40 times faster than Coppernet.', 'skylink-speed', {
      detail: 'entity',
      written: 'Coppernet',
      replacement: 'Fibrenet',
    });
  });

  it('reads a figure inside a sourced bound as more detail: neither support nor contradiction', () => {
    const vs = verdicts(kb, 'Some 35 people took part in the Harbor Forum.');
    assert.deepEqual(
      vs.map((v) => [v.kind, v.claim.id]),
      [['narrower', 'nri2023/forum-size']],
    );
    assert.deepEqual(findings(kb, 'Some 35 people took part in the Harbor Forum.'), []);
  });

  it('says nothing of another owner, another instance, a subset, a recommendation or another property', () => {
    // A frame of the whole, then a part of it: "Within the Arctic Rim, Eastoria alone …".
    silent("Within the Arctic Rim, Eastoria alone takes about a quarter of Northland's exports.");
    silent("About 80% of Eastoria's exports go to the Arctic Rim.");
    silent('A later Harbor Forum had fewer than 20 participants.');
    silent("Fewer than 20 of the Harbor Forum's participants were officials.");
    silent('Northland should raise its exports to the Arctic Rim to 80%.');
    silent("About 80% of Northland's imports come from the Arctic Rim.");
    // The claim's words narrow the whole, and the sentence says something else of that part.
    silent("About half of Northland's exports shipped to the Arctic Rim are fish.");
    silent("About half of Northland's exports that go to the Arctic Rim travel by sea.");
    // The same with the relative clause's "that" left out.
    silent('Most of the exports Northland sends to the Arctic Rim are fish.');
    silent('About 80% of the exports Northland ships to the Arctic Rim are fish.');
    // …or where that part comes from, with a verb other than a copula.
    silent('Most of the exports that reach the Arctic Rim from Northland come from its fisheries.');
    silent('Some 90% of the exports Northland sends to the Arctic Rim originate in its northern ports.');
  });

  it("judges a share set off by a comma, or after a subject's own clause, as the claim's share", () => {
    // The country opening the sentence does not take the share: it is said of the whole after "of".
    contradicts(
      "Eastoria has reportedly bought Northland's fish since 2020, potentially around 80% of Northland's " +
        'exports to the Arctic Rim.',
      'exports-share',
      { detail: 'quantity', written: 'around 80%' },
    );
    contradicts(
      "The fish Eastoria has bought since 2020 may amount to 80% of Northland's exports to the Arctic Rim.",
      'exports-share',
      { detail: 'quantity', written: '80%' },
    );
  });

  it("leaves alone a share another place takes of the claim subject's whole, the region named apart", () => {
    // Eastoria lies in the Arctic Rim: its share of Northland's exports is a part of the region's.
    silent("Eastoria alone takes about a fifth of Northland's exports, a large slice of the Arctic Rim's share.");
    silent("Eastoria, it seems, buys roughly 10% of Northland's exports, much of the Arctic Rim's total.");
    // The region itself opening the clause takes the claim's share.
    contradicts(
      "The Arctic Rim takes about a fifth of Northland's exports, a large slice of its trade.",
      'exports-share',
      {
        detail: 'quantity',
        written: 'about a fifth',
      },
    );
  });

  it('leaves alone a count of the things outside a place: a part the claim does not count', () => {
    silent('Of the five signatories outside the Arctic Rim, most have ratified the Tidewater Pact.');
    silent('The five signatories outside the Arctic Rim have all ratified the Tidewater Pact.');
    contradicts('Five of the 16 signatories have ratified the Tidewater Pact.', 'ratifications', {
      detail: 'quantity',
      written: 'Five',
    });
  });

  it('compares a figure in a unit symbol only with a figure in that unit', () => {
    // "700 MHz" is no count of bands.
    silent("Skylink's bands are 700 MHz, 3.5 GHz and 26 GHz.");
    contradicts("Skylink's highest band is at 28 GHz.", 'skylink-top-band', { detail: 'quantity', written: '28' });
    agrees("Skylink's highest band is at 26GHz.", 'skylink-top-band');
    silent("Skylink's highest band is at 26 MHz.");
  });

  it("ends the whole a share is of at its comma: what follows it is the sentence's own clause", () => {
    contradicts(
      "With some 80% of Northland's exports shipped to the Arctic Rim, Northland has little room to look away.",
      'exports-share',
      { detail: 'quantity', written: 'some 80%' },
    );
  });

  it('binds a figure and its "of" phrase, not across a comma to the next figure\'s noun', () => {
    agrees("• Arctic Rim share of Northland's trade: ~62% of exports, ~40% of energy.", 'energy-share', '~40%');
    contradicts("• Arctic Rim share of Northland's trade: ~62% of exports, ~55% of energy.", 'energy-share', {
      detail: 'quantity',
      written: '~55%',
    });
  });

  it("reads a count out of the source's part as a share of that part, not the part", () => {
    silent('Seven of the 11 states that ratified the Tidewater Pact are coastal.');
    silent('Of the 11 states that ratified the Tidewater Pact, seven are coastal.');
  });

  it('reads a whole that opens the sentence ("Of the 16 signatories, …") as the total of the count after', () => {
    agrees('Of the 16 signatories, 11 have ratified the Tidewater Pact.', 'ratifications', '11');
    contradicts('Of the 16 signatories, nine have ratified the Tidewater Pact.', 'ratifications', {
      detail: 'quantity',
      written: 'nine',
    });
  });

  it("still compares a share whose whole the claim's words only describe", () => {
    contradicts("About half of Northland's exports shipped to the Arctic Rim.", 'exports-share', {
      detail: 'quantity',
      written: 'About half',
    });
  });

  it('reads a rate of change as no level, another currency as no support, a denied figure as neither', () => {
    silent("Northland's exports to the Arctic Rim grew 80% last year.");
    silent("Northland's exports to the Arctic Rim rose by 12 percent in 2022.");
    // Where a change ends or starts is a level all the same.
    contradicts("The share of Northland's exports that go to the Arctic Rim grew to 80%.", 'exports-share', {
      detail: 'quantity',
      written: '80%',
    });
    assert.deepEqual(
      findings(kb, 'The Resilience Fund holds €2.5 billion.').filter((f) => f.verdict === 'support'),
      [],
    );
    assert.deepEqual(findings(kb, 'Skylink is not 40 times faster than Fibrenet.'), []);
  });
});

describe('judge: quantity, on a count hyphened to a noun', () => {
  const goals = knowledge({
    'sources.json': sources('sk2023'),
    'glossary.yaml': `terms:
  - { id: skylink, term: Skylink, kind: programme, definition: A satellite network. }
`,
    'claims/sk2023.yaml': `source: sk2023
claims:
  - id: skylink-goals
    locator: ¶7
    statement: Skylink pursues six goals.
    about: { property: [ goal, goals ], subject: [ skylink ] }
    quantity: { value: 6, unit: count }
`,
  });
  const here = judging(goals, 'sk2023');

  it('takes it as a count of that noun ("a two-track approach"), unless it describes the claim\'s own', () => {
    here.silent('The Skylink goal was pursued through a two-track approach.');
    here.contradicts('Skylink pursues two goals.', 'skylink-goals', { detail: 'quantity', written: 'two' });
    here.contradicts('Skylink set out a two-item goal list.', 'skylink-goals', { detail: 'quantity', written: 'two' });
  });
});
