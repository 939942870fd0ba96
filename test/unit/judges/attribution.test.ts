// A memo sentence that says whose words it reports ("…, Qorvath estimates", "(Qorvath 2024)") is
// compared with that report only: another report's claim with a like figure is about something
// else. And a figure's own words ("million") are no evidence that a report sentence speaks of the
// same thing. Both reports here are made up, so nothing depends on a real source.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { checkSentence } from '../../../server/src/engine/check';
import { extractClaims } from '../../../server/src/ingest/extract';
import { passagesFrom } from '../../../server/src/ingest/passages';
import { type Claim, type Source, type Term } from '../../../server/src/knowledge/types';
import { KnowledgeBase } from '../../../server/src/knowledge/knowledgeBase';

const filler = [
  'The council met twice in the spring to discuss the harbour budget.',
  'Delegates from the coastal towns asked for more ferries and better roads.',
  'Observers said the talks were friendly but slow.',
];

function read(
  key: string,
  family: string,
  report: readonly string[],
): { source: Source; claims: Claim[]; terms: Term[] } {
  const file = `/s/${key}.txt`;
  const { claims, terms, sentences } = extractClaims(
    key,
    passagesFrom([{ text: [...report, ...filler].join('\n\n') + '\n' }], 'text'),
    { year: 2024, file },
  );
  const source: Source = {
    key,
    csl: { id: key, type: 'report', title: key, author: [{ family }] },
    origin: { file, line: 0, character: 0 },
    kind: 'ingested',
    sentences,
  };
  return { source, claims, terms };
}

const ferries = read('zyxler2024', 'Zyxler', [
  'In 2020 the Zyx Sound ferries carried 4.2 million tonnes of freight across the strait.',
]);
const mixers = read('qorvath2024', 'Qorvath', ['Mixing services let launderers hide where their coins came from.']);
const kb = new KnowledgeBase({
  sources: [ferries.source, mixers.source],
  terms: [...ferries.terms, ...mixers.terms],
  claims: [...ferries.claims, ...mixers.claims],
  errors: [],
});

const contradicted = (memo: string, knowledge = kb): boolean =>
  checkSentence(knowledge, memo, 0, memo.length).some((f) => f.verdict === 'contradiction');

describe('attribution: a sentence that names whose words it reports', () => {
  const memo = 'In 2020 the Zyx Sound ferries carried 5.1 million tonnes of freight across the strait';
  it('is contradicted by the report it speaks of, named or not', () => {
    assert.equal(contradicted(`${memo}.`), true);
    assert.equal(contradicted(`${memo}, Zyxler estimates.`), true);
  });
  it("is not contradicted by another report's claim when it names another report's author", () => {
    assert.equal(contradicted(`${memo}, Qorvath estimates.`), false);
    assert.equal(contradicted(`According to Qorvath, ${memo.replace(/^In/, 'in')}.`), false);
    assert.equal(contradicted(`${memo} (Qorvath 2024).`), false);
  });
});

describe("attribution: a figure's own words", () => {
  it('are no evidence that a report sentence speaks of the same thing', () => {
    const exchange = read('zyxler2024', 'Zyxler', [
      'The council announced a new exchange initiative amounting to $60 million, funded jointly, for Korean students.',
    ]);
    const only = new KnowledgeBase({
      sources: [exchange.source],
      terms: exchange.terms,
      claims: exchange.claims,
      errors: [],
    });
    assert.equal(
      contradicted('Qbert processed roughly $100 million in Korean funds for hackers before it was designated.', only),
      false,
    );
    assert.equal(
      contradicted('The council announced a new exchange initiative amounting to $90 million, funded jointly.', only),
      true,
    );
  });
});
