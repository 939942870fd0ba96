// Report passages are read by the memo reader: typed values with their scale, currency, year and
// rank, the name a year belongs to, and identities that never rest on a name the report writes
// everywhere. Each case is a made-up report, so that nothing here depends on a real source.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { extractClaims } from '../../server/src/ingest/extract';
import { passagesFrom } from '../../server/src/ingest/passages';
import { type Claim } from '../../server/src/knowledge/types';

function claimsOf(...paragraphs: string[]): Claim[] {
  return extractClaims('zyx2024', passagesFrom([{ text: paragraphs.join('\n\n') + '\n' }], 'text'), {
    year: 2024,
    file: '/s/zyx.txt',
  }).claims;
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
    assert.ok(!quantities(claims).some((x) => x.value === 14), JSON.stringify(claims.map((c) => c.about)));
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
