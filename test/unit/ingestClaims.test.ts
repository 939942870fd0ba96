// Report passages are read by the memo reader: typed values with their scale, currency, year and
// rank, the name a year belongs to, and identities that never rest on a name the report writes
// everywhere. Each case is a made-up report, so that nothing here depends on a real source.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { checkSentence } from '../../server/src/engine/check';
import { extractClaims } from '../../server/src/ingest/extract';
import { passagesFrom } from '../../server/src/ingest/passages';
import { loadKnowledge } from '../../server/src/knowledge/loader';
import { KnowledgeBase } from '../../server/src/knowledge/knowledgeBase';
import { type Claim } from '../../server/src/knowledge/types';

function claimsOf(...paragraphs: string[]): Claim[] {
  return extractClaims('zyx2024', passagesFrom([{ text: paragraphs.join('\n\n') + '\n' }], 'text'), {
    year: 2024,
    file: '/s/zyx.txt',
  }).claims;
}

/** What a memo sentence gets, checked against a made-up report as the only source. */
function verdictsOn(report: string[], memo: string, places?: string): string[] {
  return findingsOn(report, memo, places).map((f) => f.verdict);
}

/** A gazetteer for the tests that need countries known. */
const fivePlaces = `places:
  - { id: japan, name: Japan, kind: country, demonyms: [ Japanese ] }
  - { id: canada, name: Canada, kind: country, demonyms: [ Canadian ] }
  - { id: india, name: India, kind: country, demonyms: [ Indian ] }
  - { id: new-zealand, name: New Zealand, kind: country }
  - { id: northland, name: Northland, kind: country, demonyms: [ Northlandic ] }
`;

function findingsOn(report: string[], memo: string, places?: string): ReturnType<typeof checkSentence> {
  const { claims, terms, sentences } = extractClaims(
    'zyx2024',
    passagesFrom([{ text: report.join('\n\n') + '\n' }], 'text'),
    { year: 2024, file: '/s/zyx.txt' },
  );
  const source = {
    key: 'zyx2024',
    csl: { id: 'zyx2024', type: 'report' as const, title: 'Zyx' },
    origin: { file: '/s/zyx.txt', line: 0, character: 0 },
    kind: 'ingested' as const,
    sentences,
  };
  const gazetteer = places ? loadKnowledge([{ path: '/kb/places.yaml', text: places }]).terms : [];
  const kb = new KnowledgeBase({ sources: [source], terms: [...gazetteer, ...terms], claims, errors: [] });
  return checkSentence(kb, memo, 0, memo.length);
}

const quantities = (claims: Claim[]) =>
  claims.flatMap((c) => (c.value.kind === 'quantity' ? [{ ...c.value.quantity, about: c.about, claim: c }] : []));

describe('ingest: values read as the memo reader reads them', () => {
  it('keeps the scale and currency of money and counts', () => {
    const q = quantities(
      claimsOf(
        'Freedonia reportedly sold Sylvania up to 5.8 million rounds of artillery ammunition last spring.',
        'The Ostrava Fund received $1.7 billion in pledges from the Marsh Group.',
        'An A$10 billion budget for Project Quill will triple the Sylvanian Navy’s reach.',
      ),
    );
    assert.ok(
      q.some((x) => x.value === 5.8e6 && x.unit === 'count' && x.bound === 'at-most'),
      JSON.stringify(q),
    );
    assert.ok(
      q.some((x) => x.value === 1.7e9 && x.unit === 'money' && x.currency === 'USD'),
      JSON.stringify(q),
    );
    assert.ok(
      q.some((x) => x.value === 1e10 && x.currency === 'AUD'),
      JSON.stringify(q),
    );
    assert.ok(!q.some((x) => x.value === 5.8 || x.value === 1.7));
  });

  it('reads a figure in words with a currency word after it as money ("seven billion euros")', () => {
    const q = quantities(claimsOf('The Ostrava Fund received seven billion euros in pledges from the Marsh Group.'));
    assert.ok(
      q.some((x) => x.value === 7e9 && x.unit === 'money' && x.currency === 'EUR'),
      JSON.stringify(q),
    );
  });

  it('reads a percentage with its year, never the year 2065', () => {
    const claims = claimsOf(
      'According to Zyxalysis, the share of Freedonian loot that flowed through tumblers grew ' +
        'from under 10% in 2018 to 65% in 2021.',
    );
    const share = quantities(claims).find((x) => x.value === 65);
    assert.ok(share, JSON.stringify(claims.map((c) => c.value)));
    assert.ok(
      share.about.some((g) => g.includes('2021')),
      JSON.stringify(share.about),
    );
    assert.equal(share.claim.qualifier, 'in 2021');
    assert.match(share.claim.note ?? '', /Zyxalysis/);
    assert.ok(!claims.some((c) => c.value.kind === 'period'), 'no period 2018–2065');
    // What a memo may call the percentage of the loot, and what changed from one figure to the other.
    for (const word of ['percentage', 'proportion', 'tumblers grew']) assert.ok(share.about[0].includes(word), word);
  });

  it('reads ranks and the years of named documents', () => {
    const claims = claimsOf(
      'Under the Quill Programme, Sylvania’s ranking jumped to 25th out of 182 countries in 2020.',
      'PPD-77 (2016) sets out how the Marsh Agency coordinates responses to incidents.',
      'The Ostrava Accord (2019) was ratified by the Marsh Group.',
    );
    const rank = claims.find((c) => c.value.kind === 'ordinal');
    assert.ok(rank && rank.value.kind === 'ordinal' && rank.value.ordinal === 25, JSON.stringify(claims));
    const years = claims.flatMap((c) =>
      c.value.kind === 'year' && /^(PPD|Ostrava)/.test(c.about[0][0]) ? [[c.about[0][0], c.value.year]] : [],
    );
    assert.deepEqual(years, [
      ['PPD-77', 2016],
      ['Ostrava Accord', 2019],
    ]);
  });

  it('ties no value to an incidental word, and none to a number inside a name', () => {
    const claims = claimsOf(
      'Between 2011 and 2021, imports grew steadily.',
      'Task Force 47 consists of over 10,000 members, Colonel Zyx said at the Marsh Forum.',
    );
    for (const c of claims) for (const group of c.about) for (const phrase of group) assert.notEqual(phrase, 'Between');
    assert.ok(!quantities(claims).some((x) => x.value === 47), JSON.stringify(claims.map((c) => c.value)));
    const members = quantities(claims).find((x) => x.value === 10000);
    assert.ok(members && members.about[0].includes('members'), JSON.stringify(claims.map((c) => c.about)));
  });

  it('never anchors a figure on a name the report writes in most sentences alone', () => {
    const filler = Array.from({ length: 8 }, (_, i) => `Freedonia held talks on topic ${i + 1} with its neighbours.`);
    const claims = claimsOf(...filler, 'Freedonia signed 14 agreements with its neighbours.');
    // Its words may set it apart ("signed"), never the name alone.
    const signed = quantities(claims).find((x) => x.value === 14);
    assert.ok(!signed?.about.flat().includes('Freedonia'), JSON.stringify(claims.map((c) => c.about)));
    assert.notEqual(signed?.claim.identity, 'certain');
  });

  it('says how certain an identity is: a distinctive name and the figure’s own noun, or not', () => {
    const claims = claimsOf(
      'The Ostrava Summit gathered 107 participants.',
      'Freedonia also grew, and the Marsh Group said 40 joined in 2019 and 2020.',
    );
    const summit = quantities(claims).find((x) => x.value === 107);
    assert.equal(summit?.claim.identity, 'certain');
    const joined = quantities(claims).find((x) => x.value === 40);
    assert.notEqual(joined?.claim.identity, 'certain');
  });
});

describe('ingest: what a year or a bound belongs to', () => {
  const years = (claims: Claim[]) => claims.filter((c) => c.value.kind === 'year' || c.value.kind === 'date');

  it('dates the clause after a year set off before it, not the words before', () => {
    const claims = claimsOf(
      'In 2016, the Ostravan government confirmed its naval capability.',
      'In 2004, Zyxcorp began making chips through its subsidiary Quillsil, and in 2012, Zyxcorp began ' +
        'designing its own Marshware.',
    );
    const confirmed = years(claims).find((c) => c.value.kind === 'year' && c.value.year === 2016);
    assert.ok(confirmed?.about[0].includes('confirmed'), JSON.stringify(years(claims).map((c) => c.about)));
    const designing = years(claims).find((c) => c.value.kind === 'year' && c.value.year === 2012);
    assert.ok(designing, JSON.stringify(years(claims).map((c) => c.about)));
    assert.ok(!designing.about.flat().includes('Quillsil'), JSON.stringify(designing.about));
  });

  it('dates what the clause does, past an apposition after its subject', () => {
    const claims = claimsOf(
      'On 18 September 2025, Zyxcorp Technologies, a major Ostravan telecoms company, announced at ' +
        'the Quill Expo in Marsh that it plans four new chips.',
    );
    const date = years(claims).find((c) => c.value.kind === 'date');
    assert.ok(date?.about[0].includes('announced'), JSON.stringify(claims.map((c) => c.about)));
    assert.ok(!date?.about[0].some((p) => /company/.test(p)), JSON.stringify(date?.about));
  });

  it('reads "since" and "from … onwards" as the start of what the clause says, unless it is denied since', () => {
    const claims = claimsOf(
      'Since 2004, the Marsh Council has hosted formal negotiations on fishing.',
      'Quillnet is expected to be available on the market from 2030 onwards.',
      'Freedonia’s annual trade volume has not surpassed $3 billion since 2019.',
    );
    const yearsRead = years(claims).map((c) => (c.value.kind === 'year' ? c.value.year : 0));
    assert.ok(yearsRead.includes(2004) && yearsRead.includes(2030), JSON.stringify(yearsRead));
    assert.ok(!yearsRead.includes(2019), JSON.stringify(yearsRead));
  });

  it('dates the verb after a date that follows "and", not the words before it', () => {
    const report = [
      'Marsh police have detained two of Quillsil’s three founders and in March 2023 unsealed a detailed ' +
        'charge sheet against them.',
    ];
    const date = years(claimsOf(...report)).find((c) => c.value.kind === 'date');
    assert.ok(date?.about[0].includes('unsealed'), JSON.stringify(date?.about));
    // A memo on another event of the founders is not held to the charge sheet's date.
    assert.deepEqual(verdictsOn(report, 'One of the Quillsil founders went on trial in Marsh in 2025.'), []);
    const v = verdictsOn(report, 'The charge sheet against the Quillsil founders was unsealed in 2024.');
    assert.ok(v.includes('contradiction'), JSON.stringify(v));
  });

  it('reads a span of days as both its days, and "met" as the report\'s "gathered"', () => {
    const report = ['Delegates of 40 states gathered at the Marsh Assembly from 7 to 11 July to agree on the rules.'];
    const span = years(claimsOf(...report)).find((c) => c.value.kind === 'date');
    assert.deepEqual(span?.value.kind === 'date' && [span.value.date.day, span.value.date.lastDay], [7, 11]);
    const wrong = 'Delegates of 40 states met at the Marsh Assembly from 14 to 18 July.';
    assert.ok(verdictsOn(report, wrong).includes('contradiction'), JSON.stringify(verdictsOn(report, wrong)));
    const day = 'Delegates of 40 states met at the Marsh Assembly on 9 July.';
    assert.ok(!verdictsOn(report, day).includes('contradiction'), JSON.stringify(verdictsOn(report, day)));
  });

  it('dates the clause of a cleft sentence', () => {
    const claims = claimsOf('It was only in May 2021 that the term Zyx-Pacific was endorsed by Ostrava.');
    const endorsed = years(claims).find((c) => c.value.kind === 'date' && c.value.date.month === 5);
    assert.ok(endorsed?.about.flat().includes('Ostrava'), JSON.stringify(claims.map((c) => c.about)));
    // Its verb too: a memo putting the date last writes it next to "endorsed", far from "term".
    assert.ok(endorsed?.about[0].includes('endorsed'), JSON.stringify(endorsed?.about));
    const memo = 'The term Zyx-Pacific was officially endorsed by Ostrava at the summit in May 2020.';
    const v = verdictsOn(['It was only in May 2021 that the term Zyx-Pacific was endorsed by Ostrava.'], memo);
    assert.ok(v.includes('contradiction'), JSON.stringify(v));
  });

  it('gives the year of a name to the verb before it, past an acronym or "by"', () => {
    const claims = claimsOf(
      'Freedonia was drawn in, joining the Marsh Energy Development Organisation (MEDO) in 1997.',
      'The Zyx CIT, proposed by the Quill Cooperation Group in 2018, offers a framework.',
      'Sylvania ramped up through the establishment of a Marsh Cyber Agency in 2019.',
    );
    const about = (year: number) =>
      years(claims).find((c) => c.value.kind === 'year' && c.value.year === year)?.about ?? [];
    assert.deepEqual(about(1997), [
      ['MEDO'],
      ['joining', 'joined', 'entry', 'entered', 'accession', 'acceded', 'membership'],
    ]);
    assert.deepEqual(about(2018), [['Quill Cooperation Group'], ['proposed']]);
    assert.deepEqual(about(2019), [['Marsh Cyber Agency'], ['establishment', 'establish']]);
  });

  it('reads "No. 47" as a number, not a denial, and a count’s noun after its total', () => {
    const claims = claimsOf(
      'Task Force 47, named after Directive No. 47 issued in 2016 by the Marsh Department, consists of ' +
        'over 10,000 members.',
      'The strategy states: ‘In this region, 14 of Freedonia’s 27 development partners are located.',
    );
    const members = quantities(claims).find((x) => x.value === 10000);
    assert.equal(members?.bound, 'over', JSON.stringify(claims.map((c) => c.value)));
    const partners = quantities(claims).find((x) => x.value === 14);
    assert.ok(partners, JSON.stringify(claims.map((c) => c.value)));
    assert.ok(partners.about[0].includes('partners'), JSON.stringify(partners.about));
    assert.ok(!partners.about.flat().includes('In'), JSON.stringify(partners.about));
  });

  it('reads a currency code after a figure as money', () => {
    const q = quantities(claimsOf('Large firms in Ostrava hold total assets exceeding 10 trillion KRW.'));
    assert.ok(
      q.some((x) => x.value === 1e13 && x.unit === 'money' && x.currency === 'KRW'),
      JSON.stringify(q),
    );
  });

  it('contradicts a bound of the same kind with another figure, and not the same bound', () => {
    const report = ['Freedonia reportedly supplied Sylvania with up to 5.8 million rounds of artillery ammunition.'];
    const memo = (figure: string) =>
      verdictsOn(report, `Freedonia reportedly supplied Sylvania with up to ${figure} rounds of artillery ammunition.`);
    assert.ok(memo('8.5 million').includes('contradiction'), JSON.stringify(memo('8.5 million')));
    assert.ok(!memo('5.8 million').includes('contradiction'), JSON.stringify(memo('5.8 million')));
  });

  it('judges a count and its total against the report sentence that gives both, not another count', () => {
    const report = [
      'Of the 98 harbours the Zyx Board inspected in mid-2023, just 25 are largely or fully compliant. ' +
        'Under the Zyx Berthing Rule, only 62 harbours have adopted the code, while 127 have done nothing.',
    ];
    const wrong = findingsOn(report, '• Zyx Board mid-2023 review: 25 of 90 harbours largely or fully compliant.');
    const contradiction = wrong.find((f) => f.verdict === 'contradiction');
    assert.match(contradiction?.message ?? '', /25 of 98/, JSON.stringify(wrong.map((f) => f.message)));
    assert.doesNotMatch(contradiction?.message ?? '', /\b62\b/);
    const right = verdictsOn(report, '• Zyx Board mid-2023 review: 25 of 98 harbours largely or fully compliant.');
    assert.ok(!right.includes('contradiction'), JSON.stringify(right));
  });

  it('gives each of two years of one report sentence its own clause, not the nearer word they share', () => {
    const report = [
      'In 2004, Zyxcorp began designing its own semiconductors through its wholly owned subsidiary Quillsoft, and in ' +
        '2012, Zyxcorp began designing its own OS (operating system).',
    ];
    const memo = (chips: string, os: string): string =>
      `Zyxcorp started designing its own chips in ${chips} through its Quillsoft unit, and moved on to ` +
      `developing its own operating system in ${os}.`;
    const right = verdictsOn(report, memo('2004', '2012'));
    assert.ok(!right.includes('contradiction'), JSON.stringify(findingsOn(report, memo('2004', '2012'))));
    const wrong = findingsOn(report, memo('2006', '2012')).find((f) => f.verdict === 'contradiction');
    assert.match(wrong?.message ?? '', /2004, not 2006/);
  });

  it('keeps a figure whose memo sentence names someone in a participle clause after it', () => {
    const report = [
      'Around 40 percent of Freedonia’s foreign trade passes through the Strait of Quill, for example.',
      'Sylvania and Marshland also trade through the Strait of Quill.',
    ];
    const memo =
      'Roughly one quarter of Freedonia’s foreign trade transits the Strait of Quill, giving Marshland a stake.';
    assert.ok(verdictsOn(report, memo).includes('contradiction'), JSON.stringify(findingsOn(report, memo)));
  });

  it('reads "Bank of Freedonia" written the other way round ("the Freedonia Bank heist")', () => {
    const report = ['The 2016 Bank of Freedonia heist extracted more than $80 million from its accounts.'];
    const memo = 'The 2016 Freedonia Bank heist extracted a little over forty million dollars.';
    assert.match(
      findingsOn(report, memo)[0]?.message ?? '',
      /over \$80 million/,
      JSON.stringify(findingsOn(report, memo)),
    );
  });

  it('reads a numbered acronym a heading defines ("Harbour Policy Directive 12 (HPD-12)") as its long form', () => {
    const report = [
      '#### Harbour Policy Directive 12 (HPD-12): Freedonia’s rules',
      'HPD-12 (2016) aims to coordinate responses to significant port incidents.',
    ];
    const wrong = 'Freedonia’s port rules trace back to Harbour Policy Directive 12, which was issued in 2013.';
    assert.match(
      findingsOn(report, wrong)[0]?.message ?? '',
      /2016, not 2013/,
      JSON.stringify(findingsOn(report, wrong)),
    );
  });

  it('binds the end of a change written "from … in 2018 to … in 2021" to what changes, however far', () => {
    const report = [
      'According to Quillstat, the percentage of stolen Freedonian tokens that flowed through mixing services ' +
        'grew from under 10% in 2018 to 65% in 2021.',
    ];
    const memo = (figure: string): string =>
      'The share of stolen Freedonian tokens passing through mixers and tumblers rose from under 10% in 2018 ' +
      `to ${figure} in 2021.`;
    assert.match(
      findingsOn(report, memo('45%'))[0]?.message ?? '',
      /65%, not 45%/,
      JSON.stringify(findingsOn(report, memo('45%'))),
    );
    assert.ok(!verdictsOn(report, memo('65%')).includes('contradiction'));
  });

  it('counts the things a plural acronym names ("eight HCMs"), and reads its long form as them', () => {
    const report = [
      'Harbour control measures (HCMs) are voluntary.',
      'The key outcome of the Quill Forum was the approval of a list of eight HCMs contained in its Annual Report.',
    ];
    const memo = (n: string): string => `The Quill Forum approved a list of ${n} harbour control measures in 2024.`;
    assert.ok(
      verdictsOn(report, memo('twelve')).includes('contradiction'),
      JSON.stringify(findingsOn(report, memo('twelve'))),
    );
    assert.ok(!verdictsOn(report, memo('eight')).includes('contradiction'));
  });

  it('reads a named party’s past proposal as a fact, not a recommendation', () => {
    const report = [
      'The Marsh Group of Experts reached a milestone in 2015 by proposing 11 non-binding norms for state conduct.',
    ];
    const memo = (n: number) =>
      verdictsOn(report, `In 2015 the Marsh Group of Experts proposed ${n} non-binding norms.`);
    assert.ok(memo(13).includes('contradiction'), JSON.stringify(memo(13)));
    assert.ok(!memo(11).includes('contradiction'), JSON.stringify(memo(11)));
  });
});

describe('ingest: names that give examples of a figure are not what it is of', () => {
  it('leaves out the names after "including"', () => {
    const claims = claimsOf(
      'The paper has also benefited from interviews with 16 experts in relevant fields, including ' +
        'analysts and former officials from the Quill Treasury and the Marsh Council.',
    );
    const experts = quantities(claims).find((x) => x.value === 16);
    assert.ok(experts, JSON.stringify(claims.map((c) => c.about)));
    assert.ok(!experts.about.flat().some((p) => /Quill|Marsh/.test(p)), JSON.stringify(experts.about));
  });

  it('goes on with the clause after the examples', () => {
    const claims = claimsOf(
      'The notice answered the addition of 69 entities, including Zyxcorp and Quillsil, to the Marsh Entity List.',
    );
    const entities = quantities(claims).find((x) => x.value === 69);
    assert.ok(entities?.about.flat().includes('Marsh Entity List'), JSON.stringify(claims.map((c) => c.about)));
    assert.ok(!entities?.about.flat().includes('Quillsil'), JSON.stringify(entities?.about));
  });
});

describe('ingest: a memo naming something else speaks of another fact', () => {
  const report = [
    'In May 2019, the Vell agency and Tollpol took down Brightmix, one of the three largest tumbling platforms.',
    'Cindermix likewise ceased operations after its takedown, and Tollpol expects that the four servers ' +
      'seized in the takedown will help further investigations.',
  ];

  it('contradicts a figure where the memo names what the report’s sentence names', () => {
    const v = verdictsOn(report, 'Tollpol expects that the 12 servers seized in the Cindermix takedown will help.');
    assert.ok(v.includes('contradiction'), JSON.stringify(v));
  });

  it('keeps silent where the memo names another entity of the report', () => {
    const v = verdictsOn(report, 'Tollpol expects that the 12 servers seized in the Brightmix takedown will help.');
    assert.ok(!v.includes('contradiction'), JSON.stringify(v));
  });

  it('lets a name the report never writes stand beside its own (another name for them, "Seoul" for Korea)', () => {
    const v = verdictsOn(
      report,
      'Tollpol expects that the 12 servers seized in the Cindermix takedown will help Quandrix.',
    );
    assert.ok(v.includes('contradiction'), JSON.stringify(v));
  });
});

describe('ingest: a figure of no name, set apart by the words the report writes least', () => {
  // Freedonia and Sylvania are the report's topic: it writes them in most sentences.
  const report = [
    ...['grain', 'coal', 'steel', 'wine', 'timber'].map(
      (good) => `Each year, Freedonia sells a great deal of ${good} to its neighbour Sylvania.`,
    ),
    'Freedonia’s ties with Sylvania go back decades.',
    'Formal diplomatic ties were established in 2001, and trade grew.',
    'The paper has also benefited from interviews with 16 experts in relevant fields.',
    'For example, the paper counts 12 ports.',
  ];

  it('reads the figure with its rare words as identity, never certainly', () => {
    const claims = claimsOf(...report);
    const ties = claims.find((c) => c.value.kind === 'year' && c.value.year === 2001);
    // Which of the two is the property depends on which the report writes less: both must be written.
    assert.deepEqual(ties?.about.map((g) => g[0]).sort(), ['diplomatic ties', 'established']);
    assert.equal(ties?.identity, 'weak');
    const experts = quantities(claims).find((x) => x.value === 16);
    assert.deepEqual(experts?.about, [['experts'], ['interviews']]);
    // "For example, …" is no description of the ports.
    assert.ok(!claims.some((c) => c.about.flat().includes('example')), JSON.stringify(claims.map((c) => c.about)));
  });

  it('contradicts a memo that writes those words, and not one on something else', () => {
    const wrong = verdictsOn(report, 'Formal diplomatic ties between Freedonia and Sylvania were established in 2003.');
    assert.ok(wrong.includes('contradiction'), JSON.stringify(wrong));
    const experts = verdictsOn(report, 'The paper has benefited from interviews with 26 experts.');
    assert.ok(experts.includes('contradiction'), JSON.stringify(experts));
    for (const other of [
      // Another country the report never names; no rare word of the report's sentence.
      'Formal diplomatic ties between Freedonia and Quandria were established in 2003.',
      'Freedonia established a trade office in 2003.',
    ]) {
      const v = verdictsOn(report, other);
      assert.ok(!v.includes('contradiction'), `${other}: ${JSON.stringify(v)}`);
    }
  });

  it('reads "the first X" as one of a kind, even where the report writes X everywhere', () => {
    const filler = ['trade', 'ports', 'fishing', 'grain', 'rivers'].flatMap((topic) => [
      `The Marsh Group met at length on the question of ${topic}.`,
      `In a letter, Freedonia wrote to its neighbours on the question of ${topic}.`,
    ]);
    const claims = claimsOf(
      ...filler,
      'Since the first Marsh Group began its work in 2019, members have wrestled with its mandate.',
      'As tensions rose, culminating in its first naval blockade in 2006, Freedonia hardened its policy.',
    );
    const about = (year: number) => claims.find((c) => c.value.kind === 'year' && c.value.year === year)?.about ?? [];
    assert.ok(
      about(2019).some((g) => g.includes('first Marsh Group')),
      JSON.stringify(about(2019)),
    );
    assert.ok(
      about(2006).some((g) => g.includes('first naval blockade')),
      JSON.stringify(about(2006)),
    );
  });
});

describe('ingest: another word for the same measure', () => {
  it('reads attendees as participants, and a webinar as the session the report calls it', () => {
    const report = [
      'The Ostrava Summit gathered 107 participants from nine countries.',
      'The Quill Forum session on port data was held on 12 March 2024 in Marsh.',
    ];
    const attendees = verdictsOn(report, 'The Ostrava Summit gathered 170 attendees.');
    assert.ok(attendees.includes('contradiction'), JSON.stringify(attendees));
    const webinar = verdictsOn(report, 'The Quill Forum webinar on port data came on 14 March 2024.');
    assert.ok(webinar.includes('contradiction'), JSON.stringify(webinar));
  });
});

describe('ingest: the figures of a change', () => {
  const report = [
    'Between 2015 and 2020, imports from Sylvania to Freedonia increased 40 percent, from €300 billion ' +
      '(about $330 billion) to €420 billion ($460 billion), while exports grew 25 percent.',
    'The Ostrava Fund has seen its budget sharply increase to €9 billion for use between 2021 and 2027.',
    'The goal was met as Freedonia’s ranking jumped from 60th out of 150 countries in 2017 to 20th out of 160 ' +
      'countries in 2021.',
  ];

  it('measures each end as what changes, with the year of its end of the span', () => {
    const q = quantities(claimsOf(...report));
    const of = (value: number): readonly (readonly string[])[] | undefined => q.find((x) => x.value === value)?.about;
    assert.deepEqual(of(300e9)?.[0], ['imports']);
    assert.deepEqual(of(300e9)?.slice(-1), [['2015']]);
    assert.deepEqual(of(330e9)?.slice(-1), [['2015']]);
    assert.deepEqual(of(420e9)?.slice(-1), [['2020']]);
    assert.deepEqual(of(460e9)?.slice(-1), [['2020']]);
    // A rate of change is compared under its change word; the end of a change with no start has no span.
    assert.deepEqual(of(25)?.slice(0, 2), [['grew'], ['exports', 'exports grew']]);
    assert.deepEqual(of(9e9)?.[0], ['budget']);
    assert.ok(!of(9e9)?.some((group) => group.includes('2027')), JSON.stringify(of(9e9)));
    const ranks = claimsOf(...report).filter((c) => c.value.kind === 'ordinal');
    assert.deepEqual(
      ranks.map((c) => [c.value.kind === 'ordinal' && c.value.ordinal, c.about[0], c.about.at(-1)]),
      [
        [60, ['ranking', 'ranking jumped', 'countries', 'of 150', 'out of 150'], ['2017']],
        [20, ['ranking', 'ranking jumped', 'countries', 'of 160', 'out of 160'], ['2021']],
      ],
    );
  });

  it('contradicts the end of a change the memo gets wrong, and not the other end', () => {
    assert.deepEqual(verdictsOn(report, 'In 2020, imports from Sylvania to Freedonia reached €520 billion.'), [
      'contradiction',
    ]);
    assert.deepEqual(verdictsOn(report, 'The Ostrava Fund’s budget rose to €12 billion.'), ['contradiction']);
    // The ranking's size says which ranking it is, whatever the memo calls it.
    const size = 'Freedonia climbed to 30th of 160 in 2021.';
    assert.ok(verdictsOn(report, size).includes('contradiction'), JSON.stringify(findingsOn(report, size)));
    assert.deepEqual(verdictsOn(report, 'Freedonia’s ranking rose to 30th out of 160 countries in 2021.'), [
      'contradiction',
    ]);
    // Each figure of the memo is held to the claim of its own year, however the memo writes the year.
    for (const memo of [
      'Imports from Sylvania to Freedonia: €300bn (2015) → €520bn (2020).',
      'Between 2015 and 2020, imports from Sylvania to Freedonia grew from €300 billion to €520 billion.',
    ]) {
      assert.deepEqual(verdictsOn(report, memo), ['contradiction'], memo);
      assert.match(findingsOn(report, memo)[0].message, /€420 billion/, memo);
    }
    for (const memo of [
      'Imports from Sylvania to Freedonia: €300bn (2015) → €420bn (2020).',
      'Between 2015 and 2020, imports from Sylvania to Freedonia grew from €300 billion to €420 billion.',
    ]) {
      assert.ok(!verdictsOn(report, memo).includes('contradiction'), memo);
    }
    assert.ok(
      !verdictsOn(report, 'In 2015, imports from Sylvania to Freedonia stood at €300 billion.').includes(
        'contradiction',
      ),
    );
  });
});

describe('ingest: who a verb or noun takes after its preposition', () => {
  const report = [
    'The failure, in 2003, of the company’s attempt to sell itself to the Sylvanian telecoms firm Zorbix ' +
      'shaped its strategy.',
    'To be tabled by Ruritania, the resolution will incorporate the elements agreed upon by the working group.',
    'A few days after the Mossbank raid, administrators of Quillmix – then the largest tumbler – shut down too.',
    'The company later sold chips to Freedonia, Sylvania and Ruritania.',
    'Threats posed by Freedonia grew.',
  ];

  it('reads the name as an entity in the object slot, with what sets its fact apart', () => {
    const entities = claimsOf(...report).filter((c) => c.value.kind === 'entity');
    const of = (name: string) =>
      entities.find((c) => c.value.kind === 'entity' && c.value.entity.value === name)?.about;
    assert.deepEqual(of('Zorbix')?.[0], ['sell itself to']);
    assert.ok(of('Zorbix')?.some((g) => g.includes('2003')));
    assert.deepEqual(of('Ruritania')?.[0], ['tabled by', 'put forward by', 'submitted by', 'introduced by']);
    assert.ok(of('Ruritania')?.[1].includes('resolution'), JSON.stringify(of('Ruritania')));
    assert.deepEqual(of('Quillmix'), [['administrators of'], ['Mossbank']]);
    // A list is a set; a name before more of its phrase ("Freedonia grew") only maybe the object.
    assert.equal(of('Freedonia'), undefined);
  });

  it('contradicts another name in the slot, and keeps silent on the name, a description of it, or no name', () => {
    assert.deepEqual(verdictsOn(report, 'In 2003 the company tried to sell itself to Quantex.'), ['contradiction']);
    assert.deepEqual(verdictsOn(report, 'The resolution is to be tabled by Zenda.'), ['contradiction']);
    // The lexicon's other words for the relation state it too.
    const synonym = 'To be put forward by Zenda, the resolution will incorporate the elements agreed upon.';
    assert.deepEqual(verdictsOn(report, synonym), ['contradiction']);
    assert.deepEqual(
      verdictsOn(report, 'After the Mossbank raid, the administrators of Zorbix, a tumbler, shut down.'),
      ['contradiction'],
    );
    for (const memo of [
      'In 2003 the company tried to sell itself to Zorbix.',
      'In 2003 the company tried to sell itself to the Sylvanian firm Zorbix.',
      'In 2003 the company tried to sell itself to a Sylvanian firm.',
      'The resolution is to be tabled by Ruritania.',
      'A treaty was tabled by Zenda.',
    ]) {
      assert.ok(!verdictsOn(report, memo).includes('contradiction'), memo);
    }
  });
});

describe('ingest: a date the next sentence renames ("This final round of …")', () => {
  const report = [
    'Despite the storms, 40 ships gathered at the Zyx Harbour from 7 to 11 July to settle the fee rules. ' +
      'This final round of the Quill Harbour Talks (QHT) closed a five-year process.',
    'Freedonia and Sylvania trade often.',
  ];

  it('holds a memo naming the event as the next sentence does to the date', () => {
    const memo = "The Quill Harbour Talks' final round ran from 14 to 18 July.";
    assert.ok(verdictsOn(report, memo).includes('contradiction'), JSON.stringify(findingsOn(report, memo)));
    assert.ok(
      !verdictsOn(report, "The Quill Harbour Talks' final round ran from 7 to 11 July.").includes('contradiction'),
    );
  });
});

describe('ingest: names told apart by their "of the" part', () => {
  const report = [
    'This is the second Grand Tour of the Quill-Zorn Administration.',
    'Freedonia and Sylvania trade often.',
  ];

  it('holds an ordinal of a name to the report when the memo writes only the name\'s "of the" part', () => {
    const memo = 'The trip was the first Grand Tour hosted by the Quill-Zorn administration.';
    assert.ok(verdictsOn(report, memo).includes('contradiction'), JSON.stringify(findingsOn(report, memo)));
  });
});

describe('ingest: who a passive verb takes, and the body a memo names by its country', () => {
  const places = `places:
  - { id: freedonia, name: Freedonia, kind: country, demonyms: [ Freedonian ] }
  - { id: sylvania, name: Sylvania, kind: country, demonyms: [ Sylvanian ] }
`;
  const report = [
    'Last year, police took down Quillmix, whose servers and files were seized by the Sylvanian Federal Police, ' +
      'and Mossbank, which regulators fined in May.',
    'In 2003 the firm tried to sell itself to Zorbix, which declined.',
    'Zorbix later grew fast.',
    'Freedonia and Sylvania trade often.',
  ];

  it('reads a name before ", and" as the one object, and a year as enough to tell a rare fact apart', () => {
    const entities = claimsOf(...report).filter((c) => c.value.kind === 'entity');
    const of = (name: string) =>
      entities.find((c) => c.value.kind === 'entity' && c.value.entity.value === name)?.about;
    assert.deepEqual(of('Sylvanian Federal Police')?.[0], ['seized by']);
    assert.ok(of('Zorbix')?.[1]?.includes('2003'), JSON.stringify(of('Zorbix')));
  });

  it("contradicts a body written by another country's demonym, and not its own country's", () => {
    const wrong = "Quillmix's servers and files were seized by Freedonian police.";
    assert.ok(
      verdictsOn(report, wrong, places).includes('contradiction'),
      JSON.stringify(findingsOn(report, wrong, places)),
    );
    const own = "Quillmix's servers and files were seized by Sylvanian police.";
    assert.ok(!verdictsOn(report, own, places).includes('contradiction'));
  });

  it("reads a report's name without its possessive owner as the same name", () => {
    const report2 = [
      'Last spring, a Ruritanian crew dubbed Grey Heron breached Zyx ports. The crew, linked to ' +
        "Sylvania's Harbour Security Office, exploited flaws in cranes.",
      'Freedonia and Sylvania trade often.',
    ];
    const memo = 'Grey Heron, a Ruritanian crew, is linked to the Harbour Security Office, which denies it.';
    assert.ok(!verdictsOn(report2, memo).includes('contradiction'), JSON.stringify(findingsOn(report2, memo)));
    const other = 'Grey Heron, a Ruritanian crew, is linked to the Harbour Defence Office, which denies it.';
    assert.ok(verdictsOn(report2, other).includes('contradiction'), JSON.stringify(findingsOn(report2, other)));
  });
});

describe('ingest: lists of names and figures paired with names', () => {
  const report = [
    'The first step was the trilateral accord reached in 2023 by Freedonia, Sylvania and Ruritania.',
    'In 2020 talks between Freedonia and Sylvania began.',
    'Later, Freedonia and Ruritania met, and Sylvania and Ruritania met.',
    'The regime runs groups known as Zebra9, Quokka and the Ibex Team, active e-crime syndicates.',
    'The Mossbank and Quillmix hacks, which led respectively to $300 million and $70 million in losses, were ' +
      'protocol attacks.',
  ];

  it('reads a list as a set, with words that tell its sentence apart unless its names do', () => {
    const sets = claimsOf(...report).flatMap((c) =>
      c.value.kind === 'set' ? [{ ...c.value.set, about: c.about }] : [],
    );
    const accord = sets.find((s) => s.members.some((m) => m.includes('Freedonia')));
    assert.deepEqual(accord?.members, [['Freedonia'], ['Sylvania'], ['Ruritania']]);
    assert.equal(accord?.closed, true);
    assert.ok(accord?.about[1]?.includes('trilateral'), JSON.stringify(accord?.about));
    const groups = sets.find((s) => s.members.some((m) => m.includes('Zebra9')));
    assert.deepEqual(groups?.about, [['Zebra9', 'Quokka', 'Ibex Team']]);
  });

  it('contradicts a list with a name swapped, and keeps silent on the list or a part of it', () => {
    assert.deepEqual(verdictsOn(report, 'Freedonia, Sylvania and Zenda reached a trilateral accord in 2023.'), [
      'contradiction',
    ]);
    assert.deepEqual(verdictsOn(report, 'Syndicates: Zebra9, Kimsuky and the Ibex Team.'), ['contradiction']);
    for (const memo of [
      'Freedonia, Sylvania and Ruritania reached a trilateral accord in 2023.',
      'Freedonia and Sylvania reached a trilateral accord.',
      'Freedonia, Sylvania and Zenda held talks on fishing.',
    ]) {
      assert.ok(!verdictsOn(report, memo).includes('contradiction'), memo);
    }
  });

  it('gives each figure of a "respectively" the name in its place', () => {
    const q = quantities(claimsOf(...report));
    assert.deepEqual(q.find((x) => x.value === 300e6)?.about[1], ['Mossbank']);
    assert.deepEqual(q.find((x) => x.value === 70e6)?.about[1], ['Quillmix']);
    const right = 'The Mossbank and Quillmix hacks caused losses of $300 million and $70 million respectively.';
    assert.ok(!verdictsOn(report, right).includes('contradiction'));
    const swapped = 'The Mossbank and Quillmix hacks caused losses of $70 million and $300 million respectively.';
    assert.ok(verdictsOn(report, swapped).includes('contradiction'));
    assert.match(findingsOn(report, 'The Mossbank hack cost $250 million.')[0]?.message ?? '', /\$300 million, not/);
  });
});

describe('ingest: who did it, by "by" after a passive verb', () => {
  const report = [
    'The Harbour Watch, named after Order No. 12 issued in 2016 by the Zyx Port Council, has 300 members.',
    'Inspections rose in 2021.',
  ];
  const agents = (...r: string[]) =>
    claimsOf(...r).filter((c) => c.value.kind === 'entity' && c.value.entity.slot === 'agent');

  it('holds a memo to the body the report says did it, past the time it is dated to', () => {
    assert.deepEqual(
      agents(...report).map((c) => c.value.kind === 'entity' && c.value.entity.value),
      ['Zyx Port Council'],
    );
    const wrong = "The Harbour Watch takes its name from Order No. 12, issued in 2016 by Ruritania's Coast Guard.";
    assert.ok(verdictsOn(report, wrong).includes('contradiction'), JSON.stringify(findingsOn(report, wrong)));
    const right = 'The Harbour Watch takes its name from Order No. 12, issued in 2016 by the Zyx Port Council.';
    assert.ok(!verdictsOn(report, right).includes('contradiction'), JSON.stringify(findingsOn(report, right)));
  });

  it('reads no agent of a verb that follows no name', () => {
    assert.deepEqual(agents('In 2021, inspections were carried out by the Zyx Port Council.'), []);
  });
});

describe('ingest: a sentence opening with a pronoun', () => {
  it('gives its figures the names of the sentence before, and quotes both', () => {
    const claims = claimsOf(
      'The Zyx Forum maps responsible behaviour. It does this by convening more than 80 scholars from many regions.',
    );
    const scholars = quantities(claims).find((x) => x.value === 80);
    assert.ok(scholars?.about[1]?.includes('Zyx Forum'), JSON.stringify(scholars?.about));
    assert.match(scholars?.claim.statement ?? '', /^The Zyx Forum maps .* It does this/);
    const memo = 'The Zyx Forum convenes more than 60 scholars.';
    assert.deepEqual(
      verdictsOn(['The Zyx Forum maps responsible behaviour. It does this by convening more than 80 scholars.'], memo),
      ['contradiction'],
    );
  });
});

describe('ingest: a sentence opening with "the" and a bare noun', () => {
  const report = [
    'Last spring, a Ruritanian crew dubbed Grey Heron was said to have breached major Zyx ports. The crew, ' +
      'linked to the Ruritanian Navy Bureau, exploited flaws in harbour cranes.',
    'Freedonia and Sylvania trade often.',
  ];

  it('reads what the sentence before named as what the noun stands for', () => {
    const claims = claimsOf(...report);
    const bureau = claims.find((c) => c.value.kind === 'entity' && c.value.entity.value === 'Ruritanian Navy Bureau');
    assert.ok(bureau?.about[1]?.includes('Grey Heron'), JSON.stringify(bureau?.about));
    const memo =
      'Grey Heron, the Ruritanian crew said to have breached major Zyx ports, is linked to the Ruritanian Army.';
    assert.ok(verdictsOn(report, memo).includes('contradiction'), JSON.stringify(findingsOn(report, memo)));
  });

  it('reads no antecedent for a report speaking of itself ("The paper has …")', () => {
    const claims = claimsOf(
      'The review draws on files from the Zyx Harbour Board. The paper has also benefited from talks with 16 pilots.',
    );
    const pilots = quantities(claims).find((x) => x.value === 16);
    assert.ok(!JSON.stringify(pilots?.about ?? []).includes('Zyx Harbour Board'), JSON.stringify(pilots?.about));
  });
});

describe('ingest: a figure dated apart from it', () => {
  const report = [
    'The memo answers the addition of 40 entities, including Quillmix, to the Zyx Register in March 2019.',
    'Quillmix was founded in 1998.',
  ];

  it('carries the year its clause is dated to, and is not held to a memo figure of another year', () => {
    const entities = quantities(claimsOf(...report)).find((x) => x.value === 40);
    assert.equal(entities?.claim.datedTo, 2019, JSON.stringify(entities?.claim));
    assert.deepEqual(verdictsOn(report, 'In June 2022, the Zyx Register added 75 entities, including Quillmix.'), []);
    assert.ok(
      verdictsOn(report, 'In March 2019, the Zyx Register added 75 entities, including Quillmix.').includes(
        'contradiction',
      ),
    );
    assert.ok(verdictsOn(report, 'The Zyx Register added 75 entities, including Quillmix.').includes('contradiction'));
  });
});

describe('ingest: list items without a full stop', () => {
  it('reads a Markdown list item as body text, its label naming what it is of', () => {
    const report = [
      'The scale rates incidents by their effects on the economy of each country.',
      '- Freedonia: Financial loss exceeding 120 million Zyx dollars or more than 45 million individuals affected',
    ];
    const passages = passagesFrom([{ text: report.join('\n\n') + '\n' }], 'markdown');
    assert.equal(passages.filter((p) => !p.header).length, 2, JSON.stringify(passages));
    const q = quantities(extractClaims('zyx2024', passages, { year: 2024, file: '/s/zyx.md' }).claims);
    const affected = q.find((x) => x.value === 45e6);
    assert.ok(affected, JSON.stringify(q));
    // "Financial" opens the item after its label's colon: a capitalised word, not a name.
    assert.ok(!affected.about.flat().includes('Financial'), JSON.stringify(affected.about));
  });

  it('reads "exceeding" as a bound, and the noun right before the figure as its own ("loss exceeding $157m")', () => {
    const report = [
      'The scale rates incidents by their effects on the economy of each country.',
      '- North Freedonia: Financial loss exceeding $157 million or more than 45 million individuals affected',
    ];
    const passages = passagesFrom([{ text: report.join('\n\n') + '\n' }], 'markdown');
    const q = quantities(extractClaims('zyx2024', passages, { year: 2024, file: '/s/zyx.md' }).claims);
    const loss = q.find((x) => x.value === 157e6);
    assert.equal(loss?.bound, 'over', JSON.stringify(q));
    assert.ok(loss?.about[0].includes('loss'), JSON.stringify(loss?.about));
  });
});

describe('ingest: a count of times', () => {
  const report = ['Last spring, Minister Odo Quill mentioned Freedonia 9 times in a speech at the Zyx Forum.'];

  it('counts what its verb does to the name between them', () => {
    const times = quantities(claimsOf(...report)).find((x) => x.value === 9);
    // With the other words a memo may use for the act ("referred to").
    assert.deepEqual(times?.about[0], ['mentioned', 'referred', 'cited'], JSON.stringify(times?.about));
    assert.ok(
      times?.about.some((g) => g.includes('Freedonia')),
      JSON.stringify(times?.about),
    );
    assert.ok(verdictsOn(report, 'Odo Quill mentioned Freedonia 14 times in a speech.').includes('contradiction'));
    assert.deepEqual(verdictsOn(report, 'Odo Quill mentioned Sylvania 14 times in a speech.'), []);
    const framed = 'Odo Quill referred to Freedonia 14 times in a speech, the authors point out.';
    assert.ok(verdictsOn(report, framed).includes('contradiction'), JSON.stringify(verdictsOn(report, framed)));
  });
});

describe('ingest: what a year is of, and whose member a name is', () => {
  it('reads a year named by its unit of time as dating the clause after it, not as a "year"', () => {
    const report = ['The year 2031 marks the completion of the Zyx Forum’s decade long “Made in Freedonia” plan.'];
    const year = claimsOf(...report).find((c) => c.value.kind === 'year');
    assert.ok(year && !year.about[0].includes('year'), JSON.stringify(year?.about));
    assert.ok(year.about[0].includes('completion'), JSON.stringify(year.about));
    // Another thing dated elsewhere "a year later" is not the plan.
    const memo = 'The Quill Unit was created in 2017 and made public a year later.';
    assert.deepEqual(verdictsOn(report, memo), []);
  });

  it('does not read a list member written as a word of a longer memo name as that member', () => {
    const report = ['Ann Odo directs the Zyx Institute’s Cyber, Technology and Security programme.'];
    assert.deepEqual(verdictsOn(report, 'Freedonia set up its National Cyber Security Agency, FNCSA, in 2017.'), []);
  });

  it('does not read the words of a body\'s name before its head word ("… Security programme") as a list', () => {
    const report = ['Ann Odo directs the Zyx Institute’s Cyber, Technology and Security programme.'];
    // A memo sentence with some of those words and other names is about something else.
    const memo = 'Freedonia has deepened cyber security cooperation with partners such as India, Canada and Chile.';
    assert.deepEqual(verdictsOn(report, memo), []);
    // A list of the same words with no head word after it is a list.
    const listed = ['The Zyx Institute’s programme covers three areas: Cyber, Technology and Security.'];
    assert.ok(
      verdictsOn(listed, 'The Zyx Institute’s programme covers Cyber, Technology and Space.').includes('contradiction'),
    );
  });
});

describe('ingest: lists of known countries', () => {
  it("says nothing of a list's members when the negation denies another country's act", () => {
    const report = [
      'The first step was the agreement reached in 2023 by Japan, Canada and India to curb exports of chip tools.',
    ];
    const memo = '• New Zealand: has not joined the Japan–Canada–India controls on chip tools.';
    assert.deepEqual(verdictsOn(report, memo, fivePlaces), []);
  });
});

describe('ingest: a count that is its clause subject', () => {
  const report = ['Of the 40 ports the Zyx Agency inspected in 2022, only 12 were fully certified.'];

  it('counts what its predicate says, not the whole it is part of', () => {
    const memo = 'Of the 40 ports the Zyx Agency inspected in 2022, 15 were fully certified.';
    const findings = findingsOn(report, memo).filter((f) => f.verdict === 'contradiction');
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /\b12\b/u);
    const alsoWrong = 'Of the ports the Zyx Agency inspected in 2022, 9 were fully certified.';
    assert.ok(verdictsOn(report, alsoWrong).includes('contradiction'), JSON.stringify(findingsOn(report, alsoWrong)));
    const right = 'Of the 40 ports the Zyx Agency inspected in 2022, only 12 were fully certified.';
    assert.ok(!verdictsOn(report, right).includes('contradiction'));
  });
});

describe('ingest: a share of a name’s owned part', () => {
  it('measures the part the name owns ("of Freedonia’s GDP")', () => {
    const report = [
      'Freedonia published several plans on ports and rail in 2019.',
      'The Zyx Plan set a target for the harbour sector to contribute 12% of Freedonia’s GDP by 2030.',
      'Rail freight grew in Freedonia after 2015.',
    ];
    const wrong = 'The Zyx Plan wants the harbour sector to account for 15% of GDP by 2030.';
    assert.ok(verdictsOn(report, wrong).includes('contradiction'), JSON.stringify(findingsOn(report, wrong)));
    const right = 'The Zyx Plan wants the harbour sector to account for 12% of GDP by 2030.';
    assert.ok(!verdictsOn(report, right).includes('contradiction'));
  });
});

describe('ingest: who did what a clause says', () => {
  const report = [
    'The Zyx Charter sets common rules for port inspections.',
    'Notably, Ruritania has adopted the Zyx Charter as a national model.',
    'Inspections rose in 2021.',
  ];
  const agents = (...r: string[]) =>
    claimsOf(...r).filter((c) => c.value.kind === 'entity' && c.value.entity.slot === 'agent');

  it('holds a memo to the name that did it', () => {
    assert.equal(agents(...report).length, 1);
    const wrong = 'Since 2022, Graustark has adopted the Zyx Charter as its national model.';
    assert.ok(verdictsOn(report, wrong).includes('contradiction'), JSON.stringify(findingsOn(report, wrong)));
    const right = 'Ruritania has adopted the Zyx Charter.';
    assert.ok(!verdictsOn(report, right).includes('contradiction'));
  });

  it('holds a memo writing out an acronym of the name the act was done to', () => {
    const expanded = [
      'The Zyx Port Charter (ZPC) sets common rules for port inspections.',
      'Notably, Ruritania has adopted the EU ZPC as a national model.',
      'Inspections rose in 2021.',
    ];
    const wrong = 'Since 2022, Graustark has adopted the EU Zyx Port Charter as its national model.';
    // Another name that did it too, with the report's own, is no contradiction.
    const too = 'Since 2022, Graustark, like Ruritania, has adopted the EU Zyx Port Charter as its national model.';
    assert.ok(!verdictsOn(expanded, too).includes('contradiction'), JSON.stringify(findingsOn(expanded, too)));
    assert.ok(
      verdictsOn(expanded, wrong).includes('contradiction'),
      JSON.stringify(claimsOf(...expanded).map((c) => [c.about, c.value])),
    );
  });

  it('reads no agent in a passive, a list, or a name that modifies a noun', () => {
    assert.deepEqual(agents('In 2021, the Zyx Charter was rated as weak by inspectors.'), []);
    assert.deepEqual(agents('Traditionally, Quillnet, Mossfone and Zyxcom provide the radios for Ruritania.'), []);
    assert.deepEqual(agents('Ruritanian hacking groups stole funds from the Zyx Bank.'), []);
  });
});

describe('ingest: a sentence opening with a pronoun', () => {
  it('holds a memo naming what the sentence before named to its list', () => {
    const report = [
      'Early this year, a leak from a Zyx firm showed espionage across the region. This included port ' +
        'operators in Freedonia, Sylvania and Ruritania, as well as parts of the Graustark government.',
      'Freedonia and Sylvania trade often.',
    ];
    const wrong =
      'A leak from a Zyx firm pointed to espionage against port operators in Freedonia, Sylvania and Marsovia.';
    assert.ok(verdictsOn(report, wrong).includes('contradiction'), JSON.stringify(findingsOn(report, wrong)));
    const right =
      'A leak from a Zyx firm pointed to espionage against port operators in Freedonia, Sylvania and Ruritania.';
    assert.ok(!verdictsOn(report, right).includes('contradiction'));
  });
});

describe('ingest: people with posts, and lists after a colon', () => {
  it('holds a memo to the post a report gives a person, at its organisation', () => {
    const report = ['The panel opened with a keynote by Ann Odo, Senior Fellow at the Zyx Institute, on trade rules.'];
    const role = claimsOf(...report).find((c) => c.value.kind === 'role');
    assert.ok(role && role.about.length === 1 && role.property === 0, JSON.stringify(role));
    const memo =
      'Opening the panel, Ann Odo, senior fellow at the Quill Foundation, argued that trade rules had failed.';
    assert.deepEqual(verdictsOn(report, memo), ['contradiction']);
    const right = 'Opening the panel, Ann Odo, senior fellow at the Zyx Institute, argued that trade rules had failed.';
    assert.ok(!verdictsOn(report, right).includes('contradiction'));
  });

  const rolesOf = (...report: string[]) =>
    claimsOf(...report).flatMap((c) => (c.value.kind === 'role' ? [c.value.role] : []));

  it('reads a bio with a bold name and a title naming its field', () => {
    const report = ['**Ann Odo** is senior adviser and Pacific Chair at the Zyx Institute.'];
    assert.deepEqual(
      rolesOf(...report).map((r) => [r.person, r.title, r.org]),
      [['zyx2024-ann-odo', 'senior adviser and Pacific Chair', 'zyx2024-zyx-institute']],
    );
    const memo = 'Ann Odo, senior adviser at the Quill Foundation, wrote the paper.';
    assert.deepEqual(verdictsOn(report, memo), ['contradiction']);
    const right = 'Ann Odo, senior adviser at the Zyx Institute, wrote the paper.';
    assert.ok(!verdictsOn(report, right).includes('contradiction'));
  });

  it('gives a post each organisation it is held at, not the team or programme it is held in', () => {
    const report = ['__Ben Ruiz__ is a Research Fellow in the Harbour team at the Zyx Institute.'];
    assert.deepEqual(
      rolesOf(...report).map((r) => r.org),
      ['zyx2024-zyx-institute'],
    );
    const listed = ['Ben Ruiz is Deputy Director of the Zyx Institute’s Harbour, Rail and Road programme.'];
    assert.deepEqual(
      rolesOf(...listed).map((r) => r.org),
      ['zyx2024-zyx-institute'],
    );
    const report2 = ['Ben Ruiz is Director of the Harbour Programme at the Zyx Institute.'];
    assert.deepEqual(
      rolesOf(...report2).map((r) => r.org),
      ['zyx2024-harbour-programme', 'zyx2024-zyx-institute'],
    );
    const memo = 'Ben Ruiz, director at the Zyx Institute, opened the session.';
    assert.ok(!verdictsOn(report2, memo).includes('contradiction'));
    assert.deepEqual(verdictsOn(report2, 'Ben Ruiz, director at the Quill Foundation, opened the session.'), [
      'contradiction',
    ]);
  });

  it('reads a bare field after "of" as part of the post, and a place owning the organisation as no other one', () => {
    const report = [
      'Ben Ruiz is Professor of Maritime History and Law at the Zyx University, Norburg.',
      'Ann Odo is Maritime Law Fellow at the Quill Foundation.',
    ];
    assert.deepEqual(
      rolesOf(report[0]).map((r) => r.org),
      ['zyx2024-zyx-university'],
    );
    // The memo writes the field in lower case and the place as the university's owner: no other post.
    const memo = "Ben Ruiz, a professor of maritime history and law at Norburg's Zyx University, wrote the paper.";
    assert.ok(!verdictsOn(report, memo).includes('contradiction'), JSON.stringify(findingsOn(report, memo)));
    assert.deepEqual(verdictsOn(report, 'Ben Ruiz, an associate professor at the Zyx University, wrote it.'), [
      'contradiction',
    ]);
  });

  it('stops a post at the next person named', () => {
    const report = [
      'The panel featured Ben Ruiz, Chief Technology Officer at the Freedonia’s National Harbour Agency, ' +
        'and Ann Odo, Professor at Zyx University.',
    ];
    const roles = rolesOf(...report);
    assert.deepEqual(
      roles.filter((r) => r.person === 'zyx2024-ben-ruiz').map((r) => r.org),
      ['zyx2024-freedonia-s-national-harbour-agency'],
    );
    assert.deepEqual(
      roles.filter((r) => r.person === 'zyx2024-ann-odo').map((r) => r.org),
      ['zyx2024-zyx-university'],
    );
  });

  it('takes an acronym another glossary entry expands for the organisation a post names in full', () => {
    const report = [
      'The Harbour Safety Office (HSO) was set up to inspect ports.',
      'The panel featured Ben Ruiz, Chief Technology Officer at the Harbour Safety Office, on port audits.',
    ];
    const right = 'Ben Ruiz, the HSO’s chief technology officer, spoke on port audits.';
    assert.ok(!verdictsOn(report, right).includes('contradiction'), JSON.stringify(verdictsOn(report, right)));
    assert.deepEqual(verdictsOn(report, 'Ben Ruiz, the HSO’s chief economist, spoke on port audits.'), [
      'contradiction',
    ]);
  });

  it('reads what a list after a colon is of from the words leading into it', () => {
    const report = [
      'Freedonia, Sylvania and Ruritania met in 2019.',
      'Zenda and Freedonia traded more in 2020; Sylvania, Ruritania and Zenda did not.',
      'The bloc is the largest investor in the region, home to four of its top trading partners: Freedonia, ' +
        'Sylvania, Ruritania, and Zenda.',
    ];
    const list = claimsOf(...report).find((c) => c.value.kind === 'set' && c.about[1]?.includes('investor'));
    assert.ok(list, JSON.stringify(claimsOf(...report).map((c) => c.about)));
    const memo =
      'States of the wider region among the bloc’s largest investor ties: Freedonia, Sylvania, Ruritania, Graustark.';
    assert.deepEqual(verdictsOn(report, memo), ['contradiction']);
    const part = 'States among the bloc’s investor ties: Freedonia, Sylvania, Ruritania.';
    assert.ok(!verdictsOn(report, part).includes('contradiction'));
  });
});

describe('ingest: a list whose last member follows an aside', () => {
  const report = [
    'Zyxcom and Quillnet lead the market, which is limited in size.',
    'Zyxcom, Quillnet and Mossfone sell radios on a market with limited demand.',
    'The market for radios grew, though its limited reach stayed.',
    'This is complicated by the exclusion of Brackfone over espionage. The market is limited to Zyxcom and ' +
      'Quillnet, and to a limited extent, Mossfone.',
  ];

  it('reads the member after the aside, and tells the list by the sentence before it', () => {
    const list = claimsOf(...report).find(
      (c) => c.value.kind === 'set' && c.value.set.members.length === 3 && c.about[1]?.includes('exclusion'),
    );
    assert.ok(list?.value.kind === 'set', JSON.stringify(claimsOf(...report).map((c) => c.about)));
    assert.deepEqual(list.value.set.members, [['Zyxcom'], ['Quillnet'], ['Mossfone']]);
  });

  it('reads a memo list with an aside before its last item, which is then a member or not', () => {
    const memo = '• Suppliers left after the espionage exclusion: Zyxcom, Quillnet and, to a limited extent, Fernwave.';
    assert.deepEqual(verdictsOn(report, memo), ['contradiction']);
    const right =
      '• Suppliers left after the espionage exclusion: Zyxcom, Quillnet and, to a limited extent, Mossfone.';
    assert.ok(!verdictsOn(report, right).includes('contradiction'));
  });
});

describe('ingest: a rank written in words before a name', () => {
  const report = ['Odo Quill met Ann Lee in Zenda. This is the second State Visit of the Zyx Administration.'];

  it('ranks what the name says, of that name', () => {
    const rank = claimsOf(...report).find((c) => c.value.kind === 'ordinal');
    assert.ok(rank?.value.kind === 'ordinal' && rank.value.ordinal === 2, JSON.stringify(claimsOf(...report)));
    assert.deepEqual(rank.about[0], ['State Visit']);
    const memo = 'Quill’s trip to Zenda was the third State Visit of the Zyx Administration.';
    assert.deepEqual(verdictsOn(report, memo), ['contradiction']);
    assert.deepEqual(verdictsOn(report, 'It was the third State Visit of the Quill Administration.'), []);
  });
});

describe('ingest: a month without a year', () => {
  it('is of the report’s year where no year is written near it, and dates what the verb says happens', () => {
    const report = [
      'Both leaders backed the plan. They welcomed Zenda’s decision to host the first Quill Isles Forum in May.',
    ];
    const date = claimsOf(...report).find((c) => c.value.kind === 'date');
    assert.deepEqual(date?.value.kind === 'date' && [date.value.date.year, date.value.date.month], [2024, 5]);
    assert.ok(date?.about[1]?.includes('host'), JSON.stringify(date?.about));
    assert.deepEqual(verdictsOn(report, 'Zenda will host the first Quill Isles Forum in June.'), ['contradiction']);
    const nearYear = [
      'In 2019 both leaders met. They welcomed Zenda’s decision to host the first Quill Isles Forum in May.',
    ];
    assert.ok(!claimsOf(...nearYear).some((c) => c.value.kind === 'date'));
  });
});

describe('ingest: a percentage before the rate it gives', () => {
  it('measures the rate, which a memo may write without its word "rate"', () => {
    const report = [
      'At the forum, Zyxtel said it would aim to achieve a 70% self-sufficiency rate across its supply chain.',
    ];
    const share = quantities(claimsOf(...report)).find((x) => x.value === 70);
    assert.ok(share?.about[0].includes('sufficiency'), JSON.stringify(share?.about));
    const memo = '• Zyxtel goal: 80% self-sufficiency across the whole supply chain.';
    assert.deepEqual(verdictsOn(report, memo), ['contradiction']);
  });
});

describe('ingest: names a memo gives as examples of what a figure counts', () => {
  it('does not take them for another thing the figure is of', () => {
    const report = ['The study benefited from interviews with 16 experts, including officials from the Zyx Ministry.'];
    const memo =
      'The study drew on interviews with 19 experts, among them former Quill Agency and Brack Office officials.';
    assert.deepEqual(verdictsOn(report, memo), ['contradiction']);
    // Named as what the figure is of, another body's experts are another fact.
    assert.deepEqual(verdictsOn(report, 'The Quill Agency held interviews with 19 experts.'), []);
  });
});

describe('ingest: a technology named by a digit and capitals', () => {
  const report = ['7Q is expected to reach consumers from 2031 onwards.', 'Freedonia sold 5M handsets last year.'];

  it('is a name, even opening a sentence; a scale glued to a number is a figure', () => {
    const claims = claimsOf(...report);
    const year = claims.find((c) => c.value.kind === 'year' && c.value.year === 2031);
    assert.ok(
      year?.about.some((g) => g.includes('7Q')),
      JSON.stringify(year?.about),
    );
    assert.ok(!claims.some((c) => c.about.flat().includes('5M')), JSON.stringify(claims.map((c) => c.about)));
  });

  it('holds a memo on that technology to the year, and not one on another', () => {
    const wrong = verdictsOn(report, 'Analysts at Zyx expect 7Q to reach consumers from 2029 onwards.');
    assert.ok(wrong.includes('contradiction'), JSON.stringify(wrong));
    const other = verdictsOn(report, 'Analysts at Zyx expect 8Q to reach consumers from 2029 onwards.');
    assert.ok(!other.includes('contradiction'), JSON.stringify(other));
  });
});

describe('ingest: a figure of a name the report writes everywhere', () => {
  // Quillnet is in every other sentence; each word of its figure's sentence is written often, with Quillnet once.
  const report = [
    ...['trade', 'ports', 'grain'].flatMap((topic) => [
      `The Quillnet carries data on ${topic} for the Marsh Group.`,
      `Rural clinics in Freedonia are expected to reach the ${topic} office by post.`,
    ]),
    'The Quillnet links the ministries of Sylvania.',
    'The Quillnet is expected to reach rural clinics from 2031 onwards.',
  ];

  it('is set apart by the words the report writes with that name in few sentences', () => {
    const year = claimsOf(...report).find((c) => c.value.kind === 'year' && c.value.year === 2031);
    assert.ok(
      year?.about.some((g) => g.includes('Quillnet')),
      JSON.stringify(year?.about),
    );
    const wrong = verdictsOn(report, 'Officials expect the Quillnet to reach rural clinics from 2029 onwards.');
    assert.ok(wrong.includes('contradiction'), JSON.stringify(wrong));
    for (const other of [
      'Officials expect the Marshnet to reach rural clinics from 2029 onwards.',
      'The Quillnet first carried data on fishing in 2029.',
    ]) {
      const v = verdictsOn(report, other);
      assert.ok(!v.includes('contradiction'), `${other}: ${JSON.stringify(v)}`);
    }
  });

  it('is set apart by what it measures, where the report writes that with the name in few sentences', () => {
    const withPeak = [
      ...report,
      'Peak load in Freedonia doubles in winter.',
      'Peak load in Sylvania is lower.',
      'Peak load is rising everywhere.',
      'The Quillnet peak load is four times that of the old copper lines.',
    ];
    const times = claimsOf(...withPeak).find((c) => c.value.kind === 'quantity' && c.value.quantity.unit === 'times');
    assert.ok(
      times?.about.some((g) => g.includes('Quillnet')),
      JSON.stringify(times?.about),
    );
    const wrong = verdictsOn(withPeak, 'The peak load of the Quillnet is nine times that of the old copper lines.');
    assert.ok(wrong.includes('contradiction'), JSON.stringify(wrong));
    const other = verdictsOn(withPeak, 'The peak load of the Marshnet is nine times that of the old copper lines.');
    assert.ok(!other.includes('contradiction'), JSON.stringify(other));
  });
});

describe('ingest: a count with its unit glued by a hyphen', () => {
  it('is a figure of what it measures, not part of a word', () => {
    const report = ['In 2019 the Sylvanian Navy launched a 3,000-ton frigate, its largest ship.'];
    const q = quantities(claimsOf(...report));
    assert.ok(
      q.some((x) => x.value === 3000),
      JSON.stringify(q),
    );
    const wrong = verdictsOn(report, 'The Sylvanian Navy launched a 4,500-ton frigate.');
    assert.ok(wrong.includes('contradiction'), JSON.stringify(wrong));
  });
});

describe('ingest: the words a memo may use for the act a figure is dated by', () => {
  const report = [
    'Port traffic in Freedonia grew steadily over the decade.',
    'The drills took place under the Harbour Compact established in 1971.',
    'Ostrava Fund moved $2 million through Quillnet before the designation of Quillnet in August 2022.',
  ];

  it('reads "founded" and "dates from" as other words for "established"', () => {
    const wrong = verdictsOn(report, 'The Harbour Compact, which dates from 1967, still shapes the drills.');
    assert.ok(wrong.includes('contradiction'), JSON.stringify(wrong));
    const right = verdictsOn(report, 'The Harbour Compact, founded in 1971, still shapes the drills.');
    assert.ok(!right.includes('contradiction'), JSON.stringify(right));
  });

  it('reads the verb of a noun made from it: "designated" for "designation"', () => {
    const wrong = verdictsOn(report, 'Officials designated Quillnet in October 2022.');
    assert.ok(wrong.includes('contradiction'), JSON.stringify(wrong));
  });
});

describe('ingest: the name a figure\'s noun is "of"', () => {
  const report = [
    'Port traffic in Freedonia grew steadily over the decade.',
    'The two presidents met in Ostrava to mark the 70th anniversary of the Marsh Compact.',
  ];

  it('holds the figure to that name, not to a place the sentence also writes', () => {
    const wrong = verdictsOn(report, 'The presidents met in Ostrava for the 75th anniversary of the Marsh Compact.');
    assert.ok(wrong.includes('contradiction'), JSON.stringify(wrong));
    const other = verdictsOn(report, "The Quill Alliance's summit in Ostrava marked its 75th anniversary.");
    assert.ok(!other.includes('contradiction'), JSON.stringify(other));
  });
});

describe('ingest: a report sentence echoed whole vouches for its figures, not for a rank', () => {
  const report = [
    'Port traffic in Freedonia grew steadily over the decade.',
    'Marsh Group fleets are among the largest users of the Ostrava canal, accounting for 30% of its traffic in 2022, ' +
      'behind only the Quill navy.',
  ];

  it('does not support a superlative the report does not state', () => {
    const ranked = verdictsOn(
      report,
      'Marsh Group fleets were the largest users of the Ostrava canal, ahead of the Quill navy, ' +
        'accounting for 30% of its traffic in 2022.',
    );
    assert.ok(!ranked.includes('support'), JSON.stringify(ranked));
    const plain = verdictsOn(report, 'Marsh Group fleets accounted for 30% of the Ostrava canal traffic in 2022.');
    assert.ok(!plain.includes('contradiction'), JSON.stringify(plain));
  });
});
