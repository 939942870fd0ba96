// The date judge: years, months, days, vague dates, periods, and one event dated in two time
// zones, against a small invented knowledge base.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { findings, judging, knowledge, sources } from './judging';

const kb = knowledge({
  'sources.json': sources('ncs2021'),
  'places.yaml': `places:
  - { id: northland, name: Northland, kind: country, demonyms: [ Northlandic ], utcOffset: 9 }
  - { id: westmark, name: Westmark, kind: country, demonyms: [ Westmarkian ], utcOffset: -5 }
  - { id: eastoria, name: Eastoria, kind: country, demonyms: [ Eastorian ], utcOffset: 2 }
`,
  'glossary.yaml': `terms:
  - id: cyber-strategy
    term: Northland Cyber Strategy
    kind: document
    country: northland
    year: 2021
    definition: Northland's plan for cyber defence.
  - id: privacy-strategy
    term: Northland Privacy Strategy
    kind: document
    country: northland
    year: 2015
    definition: Northland's earlier plan for personal data.
  - id: data-act
    term: Data Security Act
    kind: document
    country: northland
    aliases: [ Northlandic Data Security Act ]
    definition: A law on data held by firms.
  - id: tidewater-pact
    term: Tidewater Pact
    kind: document
    definition: A treaty on port data.
  - id: wimsps
    term: Westmark Institute for Maritime Security and Policy Studies
    kind: organisation
    definition: A think tank.
  - id: westmark-forum
    term: Westmark Policy Forum
    kind: organisation
    within: westmark
    definition: A think tank that runs the dialogue.
  - id: harbor-dialogue
    term: Harbor Dialogue
    kind: event
    definition: A webinar between Westmark and Northland.
`,
  'claims/ncs2021.yaml': `source: ncs2021
claims:
  - id: strategy-announced
    locator: ¶1
    statement: Northland announced its Cyber Strategy in March 2021.
    about:
      property: [ announce, announced, unveil, unveiled, launch, launched ]
      subject: [ cyber-strategy, strategy ]
    date: { year: 2021, month: 3 }
  - id: strategy-period
    locator: ¶2
    statement: The strategy runs from 2021 to 2030.
    about: { property: [ run, runs, cover, covers, span, spans ], subject: [ cyber-strategy, strategy ] }
    period: { from: 2021, to: 2030 }
  - id: pact-collapse
    locator: ¶5
    statement: The Tidewater Pact collapsed in 2016.
    about: { property: [ tidewater-pact ], with: [ [ collapse, collapsed ] ] }
    year: 2016
  - id: act-year
    locator: ¶3
    statement: The Data Security Act was passed in 2017.
    about: { property: [ pass, passed, enact, enacted, adopted ], subject: [ data-act ] }
    year: 2017
  - id: pact-signed
    locator: ¶4
    statement: The Tidewater Pact was signed on June 14, 2019.
    about: { property: [ sign, signed, signing ], subject: [ tidewater-pact ] }
    date: { year: 2019, month: 6, day: 14 }
  - id: talks-days
    locator: ¶6
    statement: The port talks ran from 7 to 11 July 2025.
    about: { property: [ talks ], with: [ [ port ] ] }
    date: { year: 2025, month: 7, day: 7, lastDay: 11 }
  - id: dialogue-westmark
    locator: ¶5
    statement: The Harbor Dialogue took place on October 27, 2022, Westmark time.
    about:
      property: [ held, took place, convened, joined, date, listing ]
      subject: [ harbor-dialogue, webinar, dialogue, participants ]
      with: [ [ harbor-dialogue ] ]
    date: { year: 2022, month: 10, day: 27, zone: westmark }
  - id: dialogue-northland
    locator: ¶5
    statement: The Harbor Dialogue took place on October 28, 2022, Northland time.
    about:
      property: [ held, took place, convened, joined, date, listing ]
      subject: [ harbor-dialogue, webinar, dialogue, participants ]
      with: [ [ harbor-dialogue ] ]
    date: { year: 2022, month: 10, day: 28, zone: northland }
`,
});
const { agrees, contradicts, silent } = judging(kb, 'ncs2021');

describe('judge: date', () => {
  it('agrees with the sourced date, or a vaguer one that covers it', () => {
    agrees('Northland announced its Cyber Strategy in March 2021.', 'strategy-announced', 'March 2021');
    agrees('The Northland Cyber Strategy was unveiled in early 2021.', 'strategy-announced', 'early 2021');
    agrees('The strategy, launched in 2021, is ambitious.', 'strategy-announced', '2021');
    agrees('The Tidewater Pact was signed on June 14, 2019.', 'pact-signed', 'June 14, 2019');
    agrees('The Tidewater Pact was signed in June 2019.', 'pact-signed', 'June 2019');
    agrees('The Tidewater Pact was signed in mid-2019.', 'pact-signed', 'mid-2019');
    agrees('The Data Security Act, passed in 2017, applies to banks.', 'act-year', '2017');
  });

  it('agrees with a period written as a range or as two years', () => {
    agrees('The Northland Cyber Strategy covers 2021–2030.', 'strategy-period', '2021–2030');
    agrees('The Northland Cyber Strategy runs from 2021 to 2030.', 'strategy-period', '2021 to 2030');
  });

  it('agrees with the date of the zone written with it, or of any zone when none is', () => {
    agrees('The Harbor Dialogue was held on October 27, 2022.', 'dialogue-westmark', 'October 27, 2022');
    agrees('The Harbor Dialogue was held on October 28, 2022.', 'dialogue-northland', 'October 28, 2022');
    agrees('The Harbor Dialogue was held on October 28, 2022 in Northland.', 'dialogue-northland', 'October 28, 2022');
    agrees(
      'The Harbor Dialogue was held on October 27, 2022 (Westmark time).',
      'dialogue-westmark',
      'October 27, 2022',
    );
  });

  it('contradicts another year, month or day, keeping the precision the memo used', () => {
    const announced = 'strategy-announced';
    contradicts('The Northland Cyber Strategy was announced in March 2022.', announced, {
      detail: 'date',
      written: 'March 2022',
      replacement: 'March 2021',
    });
    contradicts('The Northland Cyber Strategy was announced in May 2021.', announced, {
      detail: 'date',
      written: 'May 2021',
      replacement: 'March 2021',
    });
    const signed = 'pact-signed';
    contradicts('The Tidewater Pact was signed on June 12, 2019.', signed, {
      detail: 'date',
      written: 'June 12, 2019',
      replacement: 'June 14, 2019',
    });
    contradicts('The Tidewater Pact was signed in 2021.', signed, {
      detail: 'date',
      written: '2021',
      replacement: '2019',
    });
    contradicts('The Tidewater Pact was signed in late 2019.', signed, {
      detail: 'date',
      written: 'late 2019',
      replacement: 'June 14, 2019',
    });
    contradicts('The Data Security Act was passed in 2019.', 'act-year', {
      detail: 'date',
      written: '2019',
      replacement: '2017',
    });
  });

  it('reads a day written as an ordinal before "of" and the month', () => {
    agrees('The Tidewater Pact was signed on the 14th of June 2019.', 'pact-signed', '14th of June 2019');
    contradicts('The Tidewater Pact was signed on the 12th of June 2019.', 'pact-signed', {
      detail: 'date',
      written: '12th of June 2019',
      replacement: 'June 14, 2019',
    });
  });

  it('reads "on the" and an ordinal after a month written without a day as its day', () => {
    agrees('The Tidewater Pact was signed in June 2019, on the 14th.', 'pact-signed');
    contradicts('The Tidewater Pact was signed in June 2019 — on the 12th.', 'pact-signed', {
      detail: 'date',
      written: 'June 2019 — on the 12th',
      replacement: 'June 14, 2019',
    });
    // An ordinal of something else is no day: the month alone agrees.
    agrees('The Tidewater Pact was signed in June 2019, on the 12th anniversary of the port.', 'pact-signed');
  });

  it('reads the closing or opening days of a month, and "late in" a month, as part of it', () => {
    contradicts('The Tidewater Pact was signed in the closing days of June 2019.', 'pact-signed', {
      detail: 'date',
      written: 'the closing days of June 2019',
    });
    contradicts('The Tidewater Pact was signed late in June 2019.', 'pact-signed', {
      detail: 'date',
      written: 'late in June 2019',
    });
    agrees('The Tidewater Pact was signed in the middle of June 2019.', 'pact-signed');
  });

  it('binds a date opening the clause to its verb past a long name', () => {
    const long = 'Westmark Institute for Maritime Security and Policy Studies';
    contradicts(
      `In August 2021, Northland, together with the ${long}, announced its Cyber Strategy.`,
      'strategy-announced',
      {
        detail: 'date',
        written: 'August 2021',
        replacement: 'March 2021',
      },
    );
    agrees(`In March 2021, Northland, together with the ${long}, announced its Cyber Strategy.`, 'strategy-announced');
  });

  it('contradicts another period, or another end year', () => {
    const period = 'strategy-period';
    contradicts('The Northland Cyber Strategy covers 2021–2035.', period, {
      detail: 'period',
      written: '2021–2035',
      replacement: '2021–2030',
    });
    contradicts('The Northland Cyber Strategy runs until 2035.', period, {
      detail: 'period',
      written: 'until 2035',
      span: '2035',
      replacement: '2030',
    });
  });

  it('compares a span of days with a sourced one: apart contradicts, the same agrees, a day within is neither', () => {
    const talks = 'talks-days';
    contradicts('The port talks ran from 14 to 18 July 2025.', talks, {
      detail: 'date',
      written: '14 to 18 July 2025',
      replacement: '7 to 11 July 2025',
    });
    contradicts('The port talks opened on 20 July 2025.', talks, { detail: 'date', written: '20 July 2025' });
    agrees('The port talks ran from 7 to 11 July 2025.', talks, '7 to 11 July 2025');
    agrees('The port talks took place in July 2025.', talks, 'July 2025');
    // A day within the span is narrower than the source: neither contradicted nor vouched for.
    assert.deepEqual(
      findings(kb, 'The port talks opened on 7 July 2025.').map((f) => f.verdict),
      [],
    );
    const [message] = findings(kb, 'The port talks ran 14–18 July 2025.').map((f) => f.message);
    assert.match(message, /dates this to July 7–11, 2025, not 14–18 July 2025/);
  });

  it("compares a date written with a zone with that zone's date", () => {
    contradicts('The Harbor Dialogue was held on October 28, 2022 in Westmark.', 'dialogue-westmark', {
      detail: 'date',
      written: 'October 28, 2022',
      replacement: 'October 27, 2022',
    });
    // The zone opening a main clause that a bracket interrupts, not a place inside the bracket.
    contradicts(
      'For its Westmarkian viewers (the host, after all, sits in Northland) the Harbor Dialogue was dated ' +
        '28 October 2022.',
      'dialogue-westmark',
      { detail: 'date', written: '28 October 2022', replacement: 'October 27, 2022' },
    );
    // One date on both sides of the date line is wrong on one of them.
    contradicts(
      'The Harbor Dialogue was held on 27 October 2022 in both Westmark and Northland.',
      'dialogue-northland',
      { detail: 'date', written: '27 October 2022', replacement: 'October 28, 2022' },
    );
    // Cells a bar separates each have their own zone label.
    contradicts('Harbor Dialogue, Northland date: Oct 27, 2022 | Westmark date: Oct 27, 2022.', 'dialogue-northland', {
      detail: 'date',
      written: 'Oct 27, 2022',
      replacement: 'October 28, 2022',
    });
    // A date no zone has: one finding, from the first of the zoned claims.
    contradicts('The Harbor Dialogue was held on October 29, 2022.', 'dialogue-westmark', {
      detail: 'date',
      written: 'October 29, 2022',
      replacement: 'October 27, 2022',
    });
    // The message names the zone's place as the knowledge base spells it, not by its id.
    const [message] = findings(kb, 'The Harbor Dialogue was held on October 29, 2022.').map((f) => f.message);
    assert.match(message, /dates this to October 27, 2022 \(Westmark time\), not October 29, 2022/);
  });

  it('reads the zone of "local time" from a place written before an organisation, and from a relative clause', () => {
    // Where the viewers are, not where the organiser sits.
    contradicts(
      "Viewers in Northland joined the Westmark Policy Forum's Harbor Dialogue on October 27, 2022, local time.",
      'dialogue-northland',
      { detail: 'date', written: 'October 27, 2022', replacement: 'October 28, 2022' },
    );
    agrees(
      'The Westmark Policy Forum held the Harbor Dialogue on October 27, 2022, local time.',
      'dialogue-westmark',
      'October 27, 2022',
    );
    contradicts(
      'The Harbor Dialogue was held on October 28, 2022, which is the Westmarkian calendar date of the event.',
      'dialogue-westmark',
      { detail: 'date', written: 'October 28, 2022', replacement: 'October 27, 2022' },
    );
  });

  it('reads an appositive after the event as the event, and a supposition granted with "indeed" as stated', () => {
    contradicts('The Harbor Dialogue, a public webinar held on October 29, 2022, drew many.', 'dialogue-westmark', {
      detail: 'date',
      written: 'October 29, 2022',
      replacement: 'October 27, 2022',
    });
    contradicts('If the Harbor Dialogue was indeed held on October 29, 2022, few saw it.', 'dialogue-westmark', {
      detail: 'date',
      written: 'October 29, 2022',
      replacement: 'October 27, 2022',
    });
    silent('If the Harbor Dialogue was held on October 29, 2022, few saw it.');
    // Granted by who says it: "…, as the organisers expect, …".
    contradicts(
      'If the Harbor Dialogue was held on October 29, 2022, as its organisers expected, few saw it.',
      'dialogue-westmark',
      { detail: 'date', written: 'October 29, 2022', replacement: 'October 27, 2022' },
    );
    silent('If the Harbor Dialogue was held on October 29, 2022, as its critics doubt, few saw it.');
  });

  it("stays silent where another date in the property's stretch is the sourced one", () => {
    silent('Northland has attended every port summit since 2016 and signed the Tidewater Pact on June 14, 2019.');
  });

  it('reads two zones joined by "and" before a date as one date for both', () => {
    contradicts(
      'Viewers in Westmark and in Northland alike joined the Harbor Dialogue on October 28, 2022.',
      'dialogue-westmark',
      {
        detail: 'date',
        written: 'October 28, 2022',
        replacement: 'October 27, 2022',
      },
    );
    agrees('Viewers in Northland joined the Harbor Dialogue on October 28, 2022.', 'dialogue-northland');
  });

  it('reads a date alone after a colon as what the clause before names, with its zone', () => {
    contradicts(
      'Viewers in Westmark and Northland shared a single date for the Harbor Dialogue: October 28, 2022.',
      'dialogue-westmark',
      {
        detail: 'date',
        written: 'October 28, 2022',
        replacement: 'October 27, 2022',
      },
    );
    agrees('Viewers in Northland had one listing for the Harbor Dialogue: October 28, 2022.', 'dialogue-northland');
  });

  it('reads a label that asks "When:" as giving the date', () => {
    contradicts('• When: 28 Oct 2022 (Westmark) / 28 Oct 2022 (Northland).', 'dialogue-westmark', {
      detail: 'date',
      written: '28 Oct 2022',
      replacement: 'October 27, 2022',
    });
    agrees('• When: 27 Oct 2022 (Westmark) / 28 Oct 2022 (Northland).', 'dialogue-westmark', '27 Oct 2022');
    // Nothing zoned near the event: the question word alone ties the label to no claim.
    silent('• When: 2019.');
  });

  it('reads a day written with its zone, near a zoned event, as that event even when it is not named', () => {
    contradicts('For participants in Northland, the webinar took place on October 27, 2022.', 'dialogue-northland', {
      detail: 'date',
      written: 'October 27, 2022',
      replacement: 'October 28, 2022',
    });
    // The zone before "and" is the next date's: each date keeps its own.
    agrees(
      'The listing gives the Northlandic date as October 28 and the Westmarkian date as October 27.',
      'dialogue-westmark',
      'October 27',
    );
    contradicts(
      'The listing gives the Northlandic date as October 29 and the Westmarkian date as October 27.',
      'dialogue-northland',
      { detail: 'date', written: 'October 29', replacement: 'October 28' },
    );
    // "framed as a public event", "rather than a closed roundtable": predicates, not another event.
    contradicts(
      'The webinar, held on a single calendar date (October 27, 2022) on both sides, was framed as a public event.',
      'dialogue-northland',
      { detail: 'date', written: 'October 27, 2022', replacement: 'October 28, 2022' },
    );
    // A zone further on after a comma is another date's: "a day after the Westmarkian date".
    agrees(
      'Northlandic participants joined on October 28, a day after the Westmarkian date of October 27.',
      'dialogue-westmark',
      'October 27',
    );
    // A phrase after the comma that says whose date it is: "for participants in Westmark".
    contradicts(
      'Though dated 28 October in Northland, it took place on 29 October, for participants in Westmark.',
      'dialogue-westmark',
      { detail: 'date', written: '29 October', replacement: 'October 27' },
    );
    // "local date" after a label that names a place: the label's place is where the date is local.
    contradicts(
      'Westmark (home of the Northlandic consulate): Harbor Dialogue held Oct 28, 2022, local date.',
      'dialogue-westmark',
      {
        detail: 'date',
        written: 'Oct 28, 2022',
        replacement: 'October 27, 2022',
      },
    );
    // A date that agrees in its zone, said also of a place a calendar day away, is not vouched for.
    const sameDay =
      'Because the Harbor Dialogue was held on October 27, 2022 in Westmark, those in Northland joined that day.';
    assert.deepEqual(
      findings(kb, sameDay).filter((f) => f.verdict === 'support'),
      [],
    );
    // Weeks away, or with no zone: nothing ties the day to that event.
    silent('For participants in Northland, the webinar took place on March 3, 2022.');
    silent('The webinar took place on October 29, 2022.');
  });

  it('takes a year written before another noun as that noun\'s ("a failed 2019 attempt")', () => {
    silent('Northland announced its Cyber Strategy after a failed 2019 attempt at a privacy law.');
    contradicts('The 2019 strategy was announced by Northland.', 'strategy-announced', {
      detail: 'date',
      written: '2019',
    });
  });

  it('says nothing of another instance, another owner, another property, a reference point or a recommendation', () => {
    silent('A new Northland Cyber Strategy will be unveiled in 2025.');
    silent("Westmark's Data Security Act was passed in 2020.");
    silent('The Data Security Act was amended in 2020.');
    silent('The Data Security Act has been in force since 2019.');
    silent('The strategy was announced before 2023.');
    silent('Northland should announce a new cyber strategy in 2024.');
    // A year before a clause the property opens dates something else.
    silent('2024 marks three years since Northland announced its Cyber Strategy.');
  });

  it("says nothing of another country's strategy or of a date the sentence denies", () => {
    silent("Eastoria's Cyber Strategy was announced in May 2022.");
    // Words that only describe it may stand between the owner and the name.
    silent("Westmark's own Data Security Act was passed in 2020.");
    silent("Westmark's official 2020 Data Security Act was passed in 2020.");
    silent('The Northland Cyber Strategy was not announced in May 2021.');
  });

  it("reads a year in a relative clause right after the claim's own name as dating it, however far the verb", () => {
    contradicts(
      'The states that signed up to customs rules for the ports of Westmark and Eastoria and their inland ' +
        'waterways did so under the Tidewater Pact, which dates from June 14, 2018.',
      'pact-signed',
      { detail: 'date', written: 'June 14, 2018' },
    );
  });

  it('says nothing of the year of another name the sentence writes, but judges the year of its own', () => {
    // "Northland's 2023 Port Security Plan": the year is that plan's, not the strategy's.
    silent("Northland's 2023 Port Security Plan, unveiled months after the Cyber Strategy, covers harbour data.");
    contradicts('Northland unveiled its 2023 Cyber Strategy with some fanfare.', 'strategy-announced', {
      detail: 'date',
      written: '2023',
    });
  });

  it('reads no date in the year of an author-date reference, but reads a year in other brackets', () => {
    agrees('Northland announced its Cyber Strategy in March 2021 (Osei, 2023).', 'strategy-announced', 'March 2021');
    silent('Northland announced its Cyber Strategy (Osei and Lund 2023, p. 4).');
    contradicts('Northland announced its Cyber Strategy (in 2019).', 'strategy-announced', {
      detail: 'date',
      written: '2019',
    });
  });

  it('reads a year before "<span of time> after" as dating the other event, not the one counted from', () => {
    silent('Northland passed a port law in 2017, two years after it announced its Cyber Strategy.');
  });

  it("dates the claim by the year right after its own event word, not by another verb's year", () => {
    agrees(
      'Having joined the Tidewater Pact in 2012, Westmark lost its say when the pact collapsed in 2016.',
      'pact-collapse',
      '2016',
    );
    contradicts(
      'Having joined the Tidewater Pact in 2012, Westmark lost its say when the pact collapsed in 2017.',
      'pact-collapse',
      { detail: 'date', written: '2017' },
    );
  });

  it('reads an obligation in a bracketed aside as what binds, not as the memo recommending', () => {
    contradicts(
      '• Exposure: the Data Security Act, passed in 2016, binds port firms (they must hand over data on request).',
      'act-year',
      { detail: 'date', written: '2016' },
    );
  });

  it('reads "the YEAR strategy" as the known strategy of that year, and judges the year of no other', () => {
    // The knowledge dates the Privacy Strategy to 2015: "the 2015 strategy" is that one.
    silent('When the 2015 strategy was launched, cyber defence was an afterthought.');
    contradicts('When the 2016 strategy was launched, cyber defence was an afterthought.', 'strategy-announced', {
      detail: 'date',
      written: '2016',
    });
  });
});

describe('judge: date, on a name written with "a"', () => {
  const lawKb = knowledge({
    'sources.json': sources('nl2021'),
    'places.yaml': `places:
  - { id: northland, name: Northland, kind: country, demonyms: [ Northlandic ] }
  - { id: eastoria, name: Eastoria, kind: country, demonyms: [ Eastorian ] }
`,
    'glossary.yaml': `terms:
  - id: data-act
    term: Data Security Law
    kind: document
    country: northland
    aliases: [ Northlandic Data Security Law ]
    definition: A law on data held by firms.
`,
    'claims/nl2021.yaml': `source: nl2021
claims:
  - id: act-dates-from
    locator: ¶3
    statement: The Data Security Law dates from 2017.
    about: { property: [ data-act, security law ] }
    year: 2017
  - id: port-rule-in-force
    locator: ¶4
    statement: Northland put the port rule into force in September 2023.
    about: { property: [ port rule ], with: [ [ northland ] ] }
    date: { year: 2023, month: 9 }
`,
  });
  const law = judging(lawKb, 'nl2021');

  it('reads "a" before a known name whose first word is part of it as that name, written loosely', () => {
    law.contradicts('Port firms are bound by a Northlandic Data Security Law from 2019.', 'act-dates-from', {
      detail: 'date',
      written: '2019',
      replacement: '2017',
    });
    law.agrees('Port firms are bound by a Northlandic Data Security Law from 2017.', 'act-dates-from', '2017');
    // An ordinal or a word of another instance still names another one.
    law.silent('Port firms will be bound by a new Northlandic Data Security Law from 2019.');
  });

  it('says nothing of a subject compared with the claim\'s own: "Eastoria, like Northland, …"', () => {
    law.contradicts('Northland put the port rule into force in June 2023.', 'port-rule-in-force', {
      detail: 'date',
      written: 'June 2023',
    });
    law.silent('Eastoria, like Northland, put the port rule into force in June 2023.');
    law.silent('Eastoria, unlike Northland, put the port rule into force in June 2023.');
  });
});
