// Echoes: a memo sentence that says most of what one sentence of a report says is compared with
// that sentence's figures, years and dates directly, with no claim read beforehand. Each report
// here is made up, so nothing depends on a real source.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { checkSentence, judgeSentence, readSentence } from '../../../server/src/engine/check';
import { echoVerdicts } from '../../../server/src/engine/check/echo';
import { extractClaims } from '../../../server/src/ingest/extract';
import { passagesFrom } from '../../../server/src/ingest/passages';
import { KnowledgeBase } from '../../../server/src/knowledge/knowledgeBase';

const filler = [
  'The council met twice in the spring to discuss the harbour budget.',
  'Delegates from the coastal towns asked for more ferries and better roads.',
  'Observers said the talks were friendly but slow.',
];

function knowledgeOf(report: readonly string[], author?: string): KnowledgeBase {
  const { claims, terms, sentences } = extractClaims(
    'zyx2024',
    passagesFrom([{ text: [...report, ...filler].join('\n\n') + '\n' }], 'text'),
    { year: 2024, file: '/s/zyx.txt' },
  );
  const source = {
    key: 'zyx2024',
    csl: { id: 'zyx2024', type: 'report' as const, title: 'Zyx', ...(author ? { author: [{ family: author }] } : {}) },
    origin: { file: '/s/zyx.txt', line: 0, character: 0 },
    kind: 'ingested' as const,
    sentences,
  };
  return new KnowledgeBase({ sources: [source], terms, claims, errors: [] });
}

/** The messages of the contradictions a memo sentence gets against a made-up report. */
function contradictions(report: readonly string[], memo: string, author?: string): string[] {
  return checkSentence(knowledgeOf(report, author), memo, 0, memo.length)
    .filter((f) => f.verdict === 'contradiction')
    .map((f) => f.message);
}

function supported(report: readonly string[], memo: string): boolean {
  return checkSentence(knowledgeOf(report), memo, 0, memo.length).some((f) => f.verdict === 'support');
}

const ferries = [
  'Between 2015 and 2020, freight carried by the Zyx Sound ferries rose 38 percent, to 4.2 million tonnes.',
];

describe('echo: a memo sentence saying what a report sentence says', () => {
  it('contradicts the one figure it states otherwise, quoting the report', () => {
    const found = contradictions(
      ferries,
      'From 2015 to 2020, freight on the Zyx Sound ferries grew 52 percent, to 4.2 million tonnes.',
    );
    assert.equal(found.length, 1, JSON.stringify(found));
    assert.match(found[0], /38 percent/);
    assert.match(found[0], /Zyx Sound ferries rose 38 percent/);
  });

  it('contradicts a changed year when the figure beside it agrees', () => {
    const found = contradictions(
      ferries,
      'Between 2015 and 2022, freight carried by the Zyx Sound ferries rose 38 percent.',
    );
    assert.equal(found.length, 1, JSON.stringify(found));
    assert.match(found[0], /2020/);
  });

  it('contradicts the one figure of three that differs, in other words than the report', () => {
    const report = [
      'Comprising about 40 economies, the Zyx Rim is set to represent over 50% of the world’s output by 2040, ' +
        'with Quill, Zenda and Ostrava already larger than the northern bloc combined.',
    ];
    const memo = 'The Zyx Rim’s roughly 40 economies are expected to generate more than 60% of global output by 2040.';
    const found = contradictions(report, memo);
    assert.equal(found.length, 1, JSON.stringify(found));
    assert.match(found[0], /over 50%/);
  });

  it('supports a sentence that says all of it, figures and all, and stays silent on a looser one', () => {
    const memo =
      'Freight carried by the Zyx Sound ferries rose 38 percent between 2015 and 2020, to 4.2 million tonnes.';
    assert.deepEqual(contradictions(ferries, memo), []);
    assert.ok(supported(ferries, memo));
    // Half of what it says is the report's: no contradiction, and no support either.
    const loose = 'Ferries rose 38 percent in popularity among tourists and commuters in the northern archipelago.';
    assert.ok(!supported(ferries, loose));
  });

  it('stays silent where two figures differ: it is another fact, not a slip', () => {
    const memo = 'Between 2016 and 2021, freight carried by the Zyx Sound ferries rose 45 percent.';
    assert.deepEqual(contradictions(ferries, memo), []);
  });

  it("takes the report's author, named as who says it, for one of the report's names", () => {
    const memo = 'In Odo’s count, between 2015 and 2020 freight carried by the Zyx Sound ferries rose 52 percent.';
    const echoed = (author?: string): number =>
      echoVerdicts(readSentence(knowledgeOf(ferries, author), memo, 0, memo.length)).verdicts.length;
    assert.equal(echoed(), 0);
    assert.equal(echoed('Odo'), 1);
  });

  it("takes a date another sentence sharing its words gives as that sentence's, not a slip", () => {
    const meetings = [
      'The earliest record of Mayor Olsen calling the ferries a lifeline is the minutes of a harbour ' +
        'meeting with local reporters in May 2019.',
      'Mayor Olsen again called the ferries a lifeline at a harbour meeting with shipping firms in February 2025.',
    ];
    const memo =
      'Mayor Olsen told a February 2025 harbour meeting that the ferries were a lifeline for some 3,000 firms.';
    assert.deepEqual(contradictions(meetings, memo), []);
    const wrong =
      'The earliest record of Mayor Olsen calling the ferries a lifeline is the minutes of a harbour ' +
      'meeting with local reporters in March 2019.';
    assert.equal(contradictions(meetings, wrong).length, 1);
  });

  it('stays silent on a sentence naming what the report does not', () => {
    const memo =
      'Between 2015 and 2020, freight carried by the Graustark ferries rose 52 percent, to 4.2 million tonnes.';
    assert.deepEqual(contradictions(ferries, memo), []);
  });

  it('reads both ends of a range as one figure, not the report year and another', () => {
    const report = ['The Zyx Harbour Authority licensed its first pilot boat operator in March 2019.'];
    const memo = 'The Zyx Harbour Authority licensed pilot boat operators between 2019 and 2023.';
    assert.deepEqual(contradictions(report, memo), []);
  });

  it('does not take a deadline for the date of an event, nor a year in a name for a fact', () => {
    const report = ['At the Zyx Expo 2025 in Quillport, the ministry said it would open 12 new berths by 2028.'];
    const wrong = 'At the Zyx Expo 2025 in Quillport, the ministry said it would open 15 new berths.';
    assert.equal(contradictions(report, wrong).length, 1);
    // "in March 2025" is when the expo was, not the deadline "by 2028".
    const when = 'The ministry told the Zyx Expo in Quillport in March 2025 that it would open new berths.';
    assert.deepEqual(contradictions(report, when), []);
  });

  it("reads the report's year in a name the memo writes with it as the name's, not the date's year", () => {
    const report = [
      'On 14 May 2025, the ministry announced at the trade fair “Zyx Expo 2025” in Quillport that it would open ' +
        'four new berths over the next three years.',
    ];
    const memo = 'At Zyx Expo 2025 in Quillport on 24 May 2025, the ministry said it would open four new berths.';
    const found = contradictions(report, memo);
    assert.equal(found.length, 1, JSON.stringify(found));
    assert.match(found[0], /May 14, 2025|14 May 2025/);
  });

  it('contradicts a rank ("25th out of 182") the memo gives otherwise', () => {
    const report = [
      'Zyx’s ranking on the harbour index rose from 50th out of 175 ports in 2018 to 25th out of 182 in 2020.',
    ];
    const memo = 'Zyx climbed the harbour index from 50th out of 175 ports in 2018 to 35th out of 182 in 2020.';
    const found = contradictions(report, memo);
    assert.equal(found.length, 1, JSON.stringify(found));
    assert.match(found[0], /25th/);
  });

  it('reads an ordinal before a superlative ("the 15th-largest") as a rank, and one of a series as none', () => {
    const report = ['By the ministry’s count, Zyx and Quill were each other’s 25th-largest trading partners in 2024.'];
    const contradicting = (lines: readonly string[], memo: string): number =>
      echoVerdicts(readSentence(knowledgeOf(lines), memo, 0, memo.length)).verdicts.filter(
        (v) => v.kind === 'contradicts',
      ).length;
    const echoed = (memo: string): number => contradicting(report, memo);
    assert.equal(
      echoed('By the ministry’s count, Zyx and Quill were each other’s 15th-largest trading partners in 2024.'),
      1,
    );
    const series = ['By the ministry’s count, the 25th trade round between Zyx and Quill took place in 2024.'];
    const memo = 'By the ministry’s count, the 15th trade round between Zyx and Quill took place in 2024.';
    assert.equal(contradicting(series, memo), 0);
  });

  it('takes the word a figure measures, the same words on the same side and the author cited as corroboration', () => {
    const report = [
      'Just this year, the Zyx navy has held several drills, spent $1.5 billion on fuel, and invested heavily in ' +
        'new ships, including a 5,000-ton frigate project.',
    ];
    // The same words after the figure: one thing measured, though little else of the sentence is the report's.
    const frigate = 'Among the navy’s heavy investments this year, Odo points to a 7,000-ton frigate project.';
    assert.match(contradictions(report, frigate, 'Odo').join(), /5,000/);
    // The report's author named as who says it, and the word the figure measures.
    const cited = 'The Zyx navy has, this year alone, spent some $2.5 billion on fuel (Odo 2025).';
    assert.match(contradictions(report, cited, 'Odo').join(), /\$1\.5 billion/);
  });

  it('does not take two shares written amid the same words on opposite sides for one measure', () => {
    const report = [
      'As a share of all the funds Zyx traders moved, Quill Bank flows fell to under 25% in 2022, after a year ' +
        'of near-total reliance.',
    ];
    const memo =
      'About a third of the funds Quill Bank moved that year came from Zyx traders, most of them small dealers.';
    assert.deepEqual(contradictions(report, memo), []);
  });

  it('takes the sentence it echoes far more closely than another giving another value', () => {
    const report = [
      'Zyx traders are among the largest users of the Quill exchange, accounting for 30% of the funds its ' +
        'sanctioned clients moved in 2022.',
      'In 2022, Zyx groups accounted for roughly half of the $4 billion stolen from the Quill exchange and much of ' +
        'the funds its clients lost.',
    ];
    const memo = 'Zyx traders accounted for 40% of the funds the Quill exchange’s sanctioned clients moved in 2022.';
    const found = echoVerdicts(readSentence(knowledgeOf(report), memo, 0, memo.length)).verdicts;
    assert.deepEqual(
      found.map((v) => v.claim.value),
      [
        {
          kind: 'quantity',
          quantity: {
            value: 30,
            unit: 'percent',
            approx: undefined,
            bound: undefined,
            of: undefined,
            currency: undefined,
          },
        },
      ],
    );
  });

  it('reads two sentences of a paragraph that run on as one, when the figure has its own words in the memo', () => {
    const report = [
      'The harbour council will depend on a vote of the Zyx assembly later this year. As the council prepares ' +
        'to open by March 2026, members should set its first agenda.',
    ];
    const memo = '• Harbour council: due to open by January 2026, pending a Zyx assembly vote later this year.';
    const found = contradictions(report, memo);
    assert.equal(found.length, 1, JSON.stringify(found));
    assert.match(found[0], /March 2026/);
    // A figure of the other sentence whose own words the memo does not write is not what it states.
    const other = 'The Zyx assembly will vote on the harbour council later this year, opening on 4 members.';
    assert.deepEqual(contradictions(report, other), []);
  });

  it('reads a capital written for its state as that state ("Pyongyang" for North Korea)', () => {
    const report = ['Formal diplomatic ties between the European Union and North Korea were set up in 2001.'];
    const memo = 'Brussels and Pyongyang set up formal diplomatic ties in 2000.';
    const found = contradictions(report, memo);
    assert.equal(found.length, 1, JSON.stringify(found));
    assert.match(found[0], /2001/);
    // Another name of a state is that state: "Britain" for the UK.
    const britain = ['Trade between the UK and Zyx reached £3.8 billion in 2023, a record.'];
    assert.match(
      contradictions(britain, 'Trade between Britain and Zyx reached £4.8 billion in 2023, a record.').join(),
      /3\.8/,
    );
    // A capital that stands for neither is another name.
    assert.deepEqual(contradictions(report, 'Brussels and Tokyo set up formal diplomatic ties in 2000.'), []);
  });

  it('compares counts only of the same thing', () => {
    const report = ['The Quillport fair drew 9,000 visitors, and the ministry unveiled four new berths there.'];
    const memo = 'The Quillport fair drew some 20,000 exhibitors from the ministry and the berths.';
    assert.deepEqual(contradictions(report, memo), []);
    assert.equal(contradictions(report, 'The Quillport fair drew some 20,000 visitors.').length, 1);
  });

  it('takes the figure with its own words where the report states several of a kind', () => {
    const report = ['Imports through Quillport rose 64 percent over the decade, while exports grew 44 percent.'];
    // 46 is near 44, but 44 is the exports' figure: the imports' is 64.
    const found = contradictions(report, 'Imports through Quillport rose 46 percent over the decade.');
    assert.equal(found.length, 1, JSON.stringify(found));
    assert.match(found[0], /64 percent/);
  });
});

describe('echo: claims read from a report need the sentence to say what the report says', () => {
  it('never contradicts the report with its own words', () => {
    const report = ['Ann Odo, Senior Fellow at the Zyx Institute, opened the panel on trade rules.'];
    const kb = knowledgeOf(report);
    const view = readSentence(kb, report[0], 0, report[0].length);
    assert.ok(!judgeSentence(view).some((v) => v.kind === 'contradicts'));
  });

  it("lets a figure's neighbouring fact in the same paragraph join the memo's sentence", () => {
    const before = 'Second, Northland widened ties with island states by growing its harbour aid.';
    const budget =
      'In recent years its harbour budget has each year been the largest on record, at $3.94 billion in 2025.';
    const aim = 'Northland aims to become a top five port nation by 2027 and courts shipping lines in every ocean.';
    const memo =
      "Northland's harbour budget has hit a new record every year, reaching $4.94 billion in 2025 as it " +
      'chases a place among the top five port nations by 2027.';
    assert.match(contradictions([`${before} ${budget} ${aim}`], memo).join('\n'), /\$3\.94 billion/);
    // The same fact from another paragraph says nothing of what this figure is.
    assert.deepEqual(contradictions([`${before} ${budget}`, aim], memo), []);
  });

  it('drops a contradiction from a claim whose sentence shares a word or two with the memo', () => {
    const report = ['The Zyx Institute runs programmes on cyber, trade and security for member states.'];
    const memo = 'Security in the harbour depends on pilots, tugs, cranes and customs officers.';
    assert.deepEqual(contradictions(report, memo), []);
  });
});

describe('report passages: a paragraph that ends by opening a list', () => {
  it('is body text when whole sentences come before its colon', () => {
    const passages = passagesFrom(
      [{ text: 'The board met in 2021. Its recommendations to the ministry cover:\n\n- ports\n- roads\n' }],
      'text',
    );
    assert.ok(
      passages.some((p) => !p.header && p.text.startsWith('The board met in 2021.')),
      JSON.stringify(passages),
    );
    const heading = passagesFrom(
      [{ text: 'Recommendations for the ministry and its agencies:\n\nBody text here.\n' }],
      'text',
    );
    assert.ok(heading[0].header, JSON.stringify(heading));
  });
});

describe('echo: one name written where the report has another', () => {
  const report = [
    'The two ministers announced plans to study joint exploration of the Quill Reef and the Zenda Trench next year.',
  ];

  it('names the one the report writes in its place', () => {
    const found = contradictions(
      report,
      'The two ministers announced plans to study joint exploration of the Quill Reef and the Ostrava Trench.',
    );
    assert.equal(found.length, 1, JSON.stringify(found));
    assert.match(found[0], /names Zenda/);
  });

  it('stays silent on a name the report writes throughout, or in the same paragraph', () => {
    const throughout = [
      ...report,
      'Ostrava funds the Quill Reef survey and pays for its boats.',
      'Ostrava also hosts the survey data on its own servers.',
      'Ostrava trains the divers who work on both sites each year.',
      'Ostrava leads the board that sets the survey programme.',
    ];
    const memo =
      'The two ministers announced plans to study joint exploration of the Quill Reef and the Ostrava Trench.';
    assert.deepEqual(contradictions(throughout, memo), []);
    const paragraph = [`Ostrava hosted the talks. ${report[0]}`];
    assert.deepEqual(contradictions(paragraph, memo), []);
  });

  it('stays silent where two names differ', () => {
    const memo =
      'The two ministers announced plans to study joint exploration of the Marsh Reef and the Ostrava Trench.';
    assert.deepEqual(contradictions(report, memo), []);
  });
});

describe('echo: a list with one item otherwise', () => {
  const report = [
    'Across the strait, smugglers have turned to night ferries, fishing boats and cargo drones to move their goods.',
  ];
  const memo = 'Smugglers across the strait now move their goods with night ferries, fishing boats and small planes.';

  it('names the item the report lists in its place, and the report’s list', () => {
    const found = contradictions(report, memo);
    assert.equal(found.length, 1, JSON.stringify(found));
    assert.match(found[0], /lists night ferries, fishing boats and cargo drones; small planes is not among them/);
  });

  it('stays silent on the same list, on examples ("such as"), and on an item the paragraph writes', () => {
    const same = 'Smugglers across the strait now move their goods with night ferries, fishing boats and cargo drones.';
    assert.deepEqual(contradictions(report, same), []);
    const examples = [
      'Across the strait, smugglers have turned to craft such as night ferries, fishing boats and cargo drones ' +
        'to move their goods.',
    ];
    assert.deepEqual(contradictions(examples, memo), []);
    const paragraph = [`Small planes were banned from the strait in 2019. ${report[0]}`];
    assert.deepEqual(contradictions(paragraph, memo), []);
  });

  it('parts no list at the comma that groups a figure’s thousands', () => {
    const report = [
      'The ministry set aside $60 million to serve 2,023 pupils and 2,023 teachers, marking the year 2023.',
    ];
    const memo = 'The ministry set aside $60 million to reach 2,023 pupils and 2,023 teachers, marking the year 2023.';
    assert.deepEqual(contradictions(report, memo), []);
  });

  it('stays silent where two items differ, or the list has two items', () => {
    const two = 'Smugglers across the strait now move their goods with night ferries, kayaks and small planes.';
    assert.deepEqual(contradictions(report, two), []);
    const pair = ['Across the strait, smugglers have turned to night ferries and cargo drones to move their goods.'];
    const memoPair = 'Smugglers across the strait now move their goods with night ferries and small planes.';
    assert.deepEqual(contradictions(pair, memoPair), []);
  });
});

describe('echo: two counts of the same named thing', () => {
  const report = ['The harbour review offers 14 recommendations for port authorities and shipping lines.'];

  it('pair as surely as an agreeing figure would: the count is contradicted', () => {
    const memo = 'Its 12 recommendations for port authorities and shipping lines come in three groups.';
    const found = contradictions(report, memo);
    assert.equal(found.length, 1, JSON.stringify(found));
    assert.match(found[0], /14 recommendations/);
  });

  it('do not when the memo counts another thing', () => {
    const memo = 'Its 12 meetings with port authorities and shipping lines came in three rounds.';
    assert.deepEqual(contradictions(report, memo), []);
  });
});

describe('echo: a total and the parts a report gives as examples of it', () => {
  const report = [
    'Smuggling rings moved more than $900 million through the Quill Exchange in 2021, including from the ' +
      'March 2021 Ostrava Port theft and the May 2021 Zenda Bank raid.',
  ];

  it('says nothing of a figure the memo gives for one of the examples', () => {
    const memo =
      'The May 2021 Zenda Bank raid, whose takings smuggling rings moved through the Quill Exchange, ' +
      'netted $60 million.';
    assert.deepEqual(contradictions(report, memo), []);
  });

  it('contradicts the total, written as the report writes it, examples and all', () => {
    const memo =
      'Smuggling rings moved more than $600 million through the Quill Exchange in 2021, including from the ' +
      'May 2021 Zenda Bank raid.';
    const found = contradictions(report, memo);
    assert.equal(found.length, 1, JSON.stringify(found));
    assert.match(found[0], /\$900 million/);
  });
});
