// The ordinal judge: which session, which anniversary, which rank, against a small invented
// knowledge base.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { dump, findings, judging, knowledge, sources, verdicts } from './judging';

const kb = knowledge({
  'sources.json': sources('td2023'),
  'places.yaml': `places:
  - { id: northland, name: Northland, kind: country, demonyms: [ Northlandic ] }
  - { id: westmark, name: Westmark, kind: country, demonyms: [ Westmarkian ] }
  - { id: eastoria, name: Eastoria, kind: country, demonyms: [ Eastorian ] }
`,
  'glossary.yaml': `terms:
  - id: tidewater-dialogue
    term: Tidewater Dialogue
    kind: event
    definition: A track-two series on port security.
  - id: cyber-index
    term: Global Cyber Index
    kind: document
    definition: A ranking of national cyber readiness.
`,
  'claims/td2023.yaml': `source: td2023
claims:
  - id: dialogue-session
    locator: ¶1
    statement: The May 2023 meeting was the third session of the Tidewater Dialogue.
    about: { property: [ session, round, meeting ], subject: [ tidewater-dialogue ] }
    ordinal: 3
  - id: ties-anniversary
    locator: ¶2
    statement: 2024 marks the 25th anniversary of diplomatic ties between Northland and Westmark.
    about: { property: [ anniversary ], with: [ [ diplomatic ties, diplomatic relations ] ] }
    ordinal: 25
  - id: index-rank
    locator: ¶3
    statement: Northland ranks 12th in the Global Cyber Index.
    about: { property: [ rank, ranks, ranked, place ], subject: [ northland ], with: [ [ cyber-index ] ] }
    ordinal: 12
  - id: dialogue-session-date
    locator: ¶1
    statement: The third session of the Tidewater Dialogue met in May 2023.
    about: { property: [ met, convened ], subject: [ tidewater-dialogue ] }
    date: { year: 2023, month: 5 }
`,
});
const { agrees, contradicts, silent } = judging(kb, 'td2023');

describe('judge: ordinal', () => {
  it('reads an instance numbered otherwise whose other facts disagree too as another instance', () => {
    const flagged = (text: string): string[] => findings(kb, text).map((f) => `${f.verdict} ${f.claim.id}`);
    const t1 = 'The fourth session of the Tidewater Dialogue met in March 2024.';
    assert.deepEqual(flagged(t1), [], dump(kb, t1));
    assert.deepEqual(flagged("The Tidewater Dialogue's 4th round convened in March 2024."), []);
    // One fact wrong of the numbered instance, the rest its own: the number is wrong.
    contradicts("The Tidewater Dialogue's fourth session met in May 2023.", 'dialogue-session', {
      detail: 'ordinal',
      written: 'fourth',
    });
  });

  it('agrees with the sourced ordinal, in words or digits', () => {
    agrees('The third session of the Tidewater Dialogue was held in May 2023.', 'dialogue-session', 'third');
    agrees("The Tidewater Dialogue's 3rd session took place in Hanoi.", 'dialogue-session', '3rd');
    agrees('The May 2023 meeting was the third round of the Tidewater Dialogue.', 'dialogue-session', 'third');
    agrees(
      '2024 marks the 25th anniversary of diplomatic ties between Northland and Westmark.',
      'ties-anniversary',
      '25th',
    );
    agrees('Northland ranks 12th in the Global Cyber Index.', 'index-rank', '12th');
    agrees('Northland is ranked twelfth in the Global Cyber Index.', 'index-rank', 'twelfth');
  });

  it("reads an ordinal opening a label's value as describing what the label names", () => {
    contradicts('• Format: fourth session of the Tidewater Dialogue; public, virtual.', 'dialogue-session', {
      detail: 'ordinal',
      written: 'fourth',
    });
    agrees('• Format: third session of the Tidewater Dialogue; public, virtual.', 'dialogue-session', 'third');
  });

  it('contradicts another ordinal, writing the sourced one as the memo wrote its own', () => {
    const session = 'dialogue-session';
    contradicts('The fourth session of the Tidewater Dialogue was held in May 2023.', session, {
      detail: 'ordinal',
      written: 'fourth',
      replacement: 'third',
    });
    contradicts("The Tidewater Dialogue's 5th session took place in Hanoi.", session, {
      detail: 'ordinal',
      written: '5th',
      replacement: '3rd',
    });
    contradicts(
      '2024 marks the 30th anniversary of diplomatic ties between Northland and Westmark.',
      'ties-anniversary',
      { detail: 'ordinal', written: '30th', replacement: '25th' },
    );
    contradicts('Northland ranks 15th in the Global Cyber Index.', 'index-rank', {
      detail: 'ordinal',
      written: '15th',
      replacement: '12th',
    });
    contradicts('Northland was ranked #9 in the Global Cyber Index.', 'index-rank', {
      detail: 'ordinal',
      written: '#9',
      replacement: '#12',
    });
  });

  it('says nothing of another instance, another owner, another index, an adverb or a recommendation', () => {
    silent('A fourth session of the Tidewater Dialogue is planned for 2024.');
    silent('The next session of the Tidewater Dialogue, the fourth, is planned for 2024.');
    silent('Eastoria ranks 15th in the Global Cyber Index.');
    silent('Northland ranks 15th in the Global Innovation Index.');
    silent("2024 marks the 30th anniversary of Northland's membership in the forum.");
    silent('Northland first joined the Tidewater Dialogue session in 2020.');
    silent('Northland should rank 5th in the Global Cyber Index by 2030.');
  });

  it('reads an ordinal opening the subject as naming which instance, unless the sentence ties it to its own', () => {
    // The judge marks it as another instance (what else is said is of that one); nothing is shown.
    for (const other of [
      'The first session of the Tidewater Dialogue, held in 2019, dealt with fisheries.',
      'The second round of the Tidewater Dialogue covered undersea cables.',
    ]) {
      assert.deepEqual(findings(kb, other), [], dump(kb, other));
      assert.ok(
        verdicts(kb, other).every((v) => v.otherInstance),
        dump(kb, other),
      );
    }
    // A copula after it says which one the thing is; a frame before it leaves the clause going on.
    contradicts('The fourth session of the Tidewater Dialogue was the May 2023 meeting.', 'dialogue-session', {
      detail: 'ordinal',
      written: 'fourth',
      replacement: 'third',
    });
    contradicts(
      'That 2024 marks, as officials note, the 30th anniversary of diplomatic ties between Northland and ' +
        'Westmark may help the talks.',
      'ties-anniversary',
      { detail: 'ordinal', written: '30th', replacement: '25th' },
    );
  });
});
