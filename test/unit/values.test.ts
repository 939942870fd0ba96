import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { stem, tokenize } from '../../server/src/engine/text/tokens';
import { type Bound } from '../../server/src/knowledge/types';
import {
  extractValues,
  mentionInterval,
  type NumberMention,
  overlaps,
  sourceInterval,
  type ValueMention,
} from '../../server/src/engine/values';

function values(text: string): ValueMention[] {
  return extractValues(text, tokenize(text));
}
function numbers(text: string): NumberMention[] {
  return values(text).filter((v): v is NumberMention => v.kind === 'number');
}

describe('values: numbers', () => {
  it('reads digits with percent signs and words', () => {
    const [a] = numbers('Nearly 90% of exports');
    assert.equal(a.value, 90);
    assert.equal(a.unit, 'percent');
    assert.equal(a.hedge, 'nearly');
    const [b] = numbers('about 57 percent of imports');
    assert.deepEqual([b.value, b.unit, b.hedge], [57, 'percent', 'approx']);
    const [c] = numbers('Sixty-four percent of crude oil');
    assert.deepEqual([c.value, c.unit, c.words], [64, 'percent', true]);
    const [d] = numbers('12.5 per cent');
    assert.deepEqual([d.value, d.unit], [12.5, 'percent']);
  });

  it('reads multipliers, counts with totals and fractions', () => {
    assert.deepEqual(
      numbers('fifty times faster').map((n) => [n.value, n.unit]),
      [[50, 'times']],
    );
    assert.deepEqual(
      numbers('a 10x speed-up').map((n) => [n.value, n.unit]),
      [[10, 'times']],
    );
    // The multiplication sign, glued or spaced.
    const signs = 'a projected 50,000× speed-up, or 5 × the rate';
    assert.deepEqual(
      numbers(signs).map((n) => [n.value, n.unit, signs.slice(n.start, n.end)]),
      [
        [50000, 'times', '50,000×'],
        [5, 'times', '5 ×'],
      ],
    );
    const [of] = numbers("Ten of Korea's 27 partners");
    assert.deepEqual([of.value, of.of], [10, 27]);
    const [of2] = numbers('14 out of the 27 partner countries');
    assert.deepEqual([of2.value, of2.of], [14, 27]);
    // A sentence (or a briefing label's value) opened by a whole counts parts of it after.
    for (const text of [
      'Of the 27 partners, 14 are in the region',
      '• Port review: of the 27 harbours inspected, only 14 passed',
    ]) {
      assert.deepEqual(
        numbers(text).map((n) => [n.value, n.of]),
        [[14, 27]],
        text,
      );
    }
    // "one" is a count only as a share: "only one of the three", "One of the three … (opening)".
    assert.deepEqual(
      numbers('Only one of the three speakers approved it').map((n) => [n.value, n.of]),
      [[1, 3]],
    );
    assert.deepEqual(
      numbers('One of the three speakers approved it').map((n) => [n.value, n.of]),
      [[1, 3]],
    );
    assert.deepEqual(
      numbers('It made capacity building one of its six agendas').map((n) => [n.value, n.of]),
      [[6, undefined]],
    );
    assert.deepEqual(
      numbers('one of the strategies').map((n) => n.value),
      [],
    );
    const [third] = numbers('two-thirds of imports');
    assert.equal(third.unit, 'percent');
    assert.ok(Math.abs(third.value - 66.7) < 0.1);
    assert.equal(third.fraction, true);
    const [half] = values('more than half of them');
    assert.deepEqual(half.kind === 'quantifier' && [half.words, half.range.lo > 50], ['more than half', true]);
    const [third2] = numbers('~1/3 academics');
    assert.deepEqual([Math.round(third2.value), third2.unit, third2.hedge], [33, 'percent', 'approx']);
    assert.deepEqual(
      numbers('1,200 people').map((n) => n.value),
      [1200],
    );
  });

  it('ignores numbers that are parts of names', () => {
    assert.deepEqual(numbers('COVID-19 and 5G and G20 and SDG 4'), []);
  });

  it('reads a symbol before a figure, or before its currency, as its hedge', () => {
    const hedges = (text: string) => numbers(text).map((n) => [n.value, n.hedge]);
    assert.deepEqual(hedges('firms with >500 staff'), [[500, 'over']]);
    assert.deepEqual(hedges('revenue >$74m'), [[74e6, 'over']]);
    assert.deepEqual(hedges('below < 20 ports'), [[20, 'under']]);
    assert.deepEqual(hedges('≥ €2 billion'), [[2e9, 'at-least']]);
    assert.deepEqual(hedges('≤10 staff'), [[10, 'at-most']]);
    assert.deepEqual(hedges('~40% of trade'), [[40, 'approx']]);
    assert.deepEqual(hedges('≈ 7 days'), [[7, 'approx']]);
    assert.deepEqual(
      hedges('in 2-3 days: 7 ports'),
      hedges('in 2-3 days: 7 ports').map(([v]) => [v, 'exact']),
    );
  });

  it('reads amounts of money with their currency and scale', () => {
    assert.deepEqual(
      numbers('$5 billion').map((n) => [n.value, n.unit, n.currency]),
      [[5e9, 'money', 'USD']],
    );
    assert.deepEqual(
      numbers('some $5.8 million in crypto').map((n) => [n.value, n.unit, n.hedge]),
      [[5.8e6, 'money', 'approx']],
    );
    assert.deepEqual(
      numbers('5.8 million users').map((n) => [n.value, n.unit]),
      [[5.8e6, 'count']],
    );
  });

  it('reads a currency word after a figure in words, and a currency named by two words', () => {
    assert.deepEqual(
      numbers('seven billion euros, 15 billion Australian dollars and twenty Canadian dollars').map((n) => [
        n.value,
        n.unit,
        n.currency,
      ]),
      [
        [7e9, 'money', 'EUR'],
        [15e9, 'money', 'AUD'],
        [20, 'money', 'CAD'],
      ],
    );
  });

  it('reads a scale glued to the figure or joined to it by a hyphen', () => {
    assert.deepEqual(
      numbers('theft of ~$2.5bn, imports of €515bn and a loss of $235m').map((n) => [n.value, n.unit, n.currency]),
      [
        [2.5e9, 'money', 'USD'],
        [515e9, 'money', 'EUR'],
        [235e6, 'money', 'USD'],
      ],
    );
    assert.deepEqual(
      numbers('the $281-million hack and a 3-million-strong army').map((n) => [n.value, n.unit]),
      [
        [281e6, 'money'],
        [3e6, 'count'],
      ],
    );
    // A letter glued to digits that is no scale still makes a code, not a figure.
    assert.deepEqual(numbers('5G and 4th'), []);
  });

  it('reads vague dates as ranges of months or days', () => {
    const [mid] = values('unveiled in mid-2022');
    assert.deepEqual(mid.kind === 'date' && [mid.year, mid.months], [2022, { lo: 5, hi: 8 }]);
    const [late] = values('held in late October 2022');
    assert.deepEqual(late.kind === 'date' && [late.months, late.days], [
      { lo: 10, hi: 10 },
      { lo: 20, hi: 31 },
    ]);
    const [half] = values('in the first half of 2022');
    assert.deepEqual(half.kind === 'date' && half.months, { lo: 1, hi: 6 });
  });

  it('reads a span of days written out as one date of those days, not a number and a date', () => {
    for (const text of ['met from 7 to 11 July 2025', 'met 7–11 July 2025', 'met from 7 through 11 July 2025']) {
      const found = values(text);
      assert.equal(found.length, 1, text);
      const [span] = found;
      assert.deepEqual(span.kind === 'date' && [span.days, span.dayRange, span.year], [{ lo: 7, hi: 11 }, true, 2025]);
    }
    // A count before a date is no first day: "193 states met on 11 July".
    const [count, date] = values('193 states met on 11 July 2025');
    assert.equal(count.kind, 'number');
    assert.deepEqual(date.kind === 'date' && [date.days, date.dayRange], [{ lo: 11, hi: 11 }, undefined]);
    const [late] = values('held in late July 2025');
    assert.equal(late.kind === 'date' && late.dayRange, undefined);
  });

  it('reads a month written alone as a date only after a cue of time', () => {
    for (const text of ['due by April', 'signed in March', 'from late June']) {
      assert.deepEqual(
        values(text).map((v) => v.kind),
        ['date'],
        text,
      );
    }
    assert.deepEqual(values('May the talks go on').length, 0);
    assert.deepEqual(values('the March agenda').length, 0);
  });

  it('reads years, periods, dates and ordinals', () => {
    const kinds = values(
      'On October 27, 2022 the 60th meeting of the 2016–2030 plan, since 2010, the third session',
    ).map((v) => v.kind);
    assert.deepEqual(kinds, ['date', 'ordinal', 'period', 'year', 'ordinal']);
    const [date] = values('announced in March 2023');
    assert.deepEqual(date, {
      kind: 'date',
      months: { lo: 3, hi: 3 },
      year: 2023,
      start: 13,
      end: 23,
      preposition: 'in',
    });
    const [day] = values('on 28 October 2022');
    assert.equal(day.kind, 'date');
    assert.deepEqual(day.kind === 'date' && [day.days?.lo, day.months?.lo, day.year], [28, 10, 2022]);
    const [th] = values('on October 27th, 2022');
    assert.deepEqual(th.kind === 'date' && [th.days?.lo, th.months?.lo, th.year], [27, 10, 2022]);
    const [year] = values('partners since 2005');
    assert.deepEqual(year.kind === 'year' && [year.year, year.preposition], [2005, 'since']);
    const [ordinal] = values('the seventieth anniversary');
    assert.deepEqual(ordinal.kind === 'ordinal' && [ordinal.value, ordinal.determiner], [70, true]);
    const [adverb] = values('Korea first hosted it');
    assert.deepEqual(adverb.kind === 'ordinal' && adverb.determiner, false);
    assert.equal(values('a "may" clause').length, 0);
  });

  it('reads "or more than" after a figure as another bound, not as the figure\'s hedge', () => {
    const [money, people] = numbers('once losses top $175 million or more than 72 million people are affected');
    assert.equal(money.hedge, 'exact');
    assert.equal(people.hedge, 'over');
    assert.equal(numbers('a share of 78% or more')[0].hedge, 'at-least');
  });

  it('reads a year written as its distance from the year before it ("the following year")', () => {
    const years = (text: string): (number | undefined)[] =>
      values(text).map((v) => (v.kind === 'year' || v.kind === 'date' ? v.year : undefined));
    assert.deepEqual(years('It was set up in 2017 and made public the following year.'), [2017, 2018]);
    assert.deepEqual(years('In force in September 2023, after a revision the previous year.'), [2023, 2022]);
    // "two years later" is the year, not a count of two.
    const later = values('Founded in 2004; two years later it opened a lab.');
    assert.deepEqual(
      later.map((v) => v.kind),
      ['year', 'year'],
    );
    assert.equal(later[1].kind === 'year' && later[1].year, 2006);
    // With no year before it, it says nothing.
    assert.deepEqual(values('The following year it opened a lab.'), []);
  });

  it('reads "in May" as the month, never "May" the modal or a name, and leaves a sentence\'s full stop out', () => {
    const may = values('the first summit in May.').find((v) => v.kind === 'date');
    assert.deepEqual(may?.kind === 'date' && [may.months, may.year, may.end], [
      { lo: 5, hi: 5 },
      undefined,
      'the first summit in May'.length,
    ]);
    assert.equal(values('Talks May resume. A speech by May was given.').length, 0);
    const [june] = values('held in June.');
    assert.equal(june?.end, 'held in June'.length);
    const [oct] = values('held on 3 Oct. 2022');
    assert.equal(oct?.end, 'held on 3 Oct. 2022'.length);
  });

  it('reads quantifier words, with negation', () => {
    const q = values('Only a minority of partners').find((v) => v.kind === 'quantifier');
    assert.equal(q?.kind === 'quantifier' && q.words, 'a minority');
    const n = values('not a majority of partners').find((v) => v.kind === 'quantifier');
    assert.equal(n?.kind === 'quantifier' && n.negated, true);
  });
});

describe('values: words that name Object.prototype members', () => {
  it('reads no value from "constructor", "toString" or "__proto__", and stems them as words', () => {
    assert.deepEqual(
      values('The constructor and the toString step of the valueOf plan, not its __proto__ or hasOwnProperty.'),
      [],
    );
    assert.equal(stem('constructor'), 'constructor');
    assert.equal(stem('valueof'), 'valueof');
    assert.deepEqual(
      numbers('constructor twenty-one').map((n) => n.value),
      [21],
    );
  });
});

describe('stem: British and American spellings meet', () => {
  it('folds -ise, -yse and -our by rule, and the listed words with their plurals', () => {
    const same = (a: string, b: string): void => assert.equal(stem(a), stem(b), `${a} / ${b}`);
    same('organisation', 'organization');
    same('organised', 'organized');
    same('prioritising', 'prioritizing');
    same('analysed', 'analyzed');
    same('behaviour', 'behavior');
    same('labours', 'labors');
    same('programme', 'program');
    same('programmes', 'programs');
    same('defence', 'defense');
    same('centres', 'centers');
    same('travelled', 'traveled');
  });
  it('keeps apart words that only look alike, and short words whole', () => {
    assert.notEqual(stem('adviser'), stem('advise'), 'the agent noun is not the verb');
    assert.equal(stem('four'), 'four');
    assert.equal(stem('hours'), 'hour');
  });
});

describe('values: hedged intervals', () => {
  const consistent = (text: string, value: number, approx = true, bound?: string): boolean =>
    overlaps(mentionInterval(numbers(text)[0]), sourceInterval({ value, approx, bound: bound as Bound | undefined }));
  it('treats "about" loosely and "nearly" as just below', () => {
    assert.equal(consistent('about 70%', 67), true);
    assert.equal(consistent('about 85%', 78), false);
    assert.equal(consistent('about 57 percent', 67), false);
    assert.equal(consistent('nearly 90%', 78), false);
    assert.equal(consistent('almost 80%', 78), true);
    assert.equal(consistent('around 25%', 35), false);
    // A negative adverb before a figure hedges it: "barely 7.8 percent" states 7.8 percent.
    assert.equal(consistent('barely 7.8 percent', 78), false);
    assert.equal(consistent('barely 78 percent', 78), true);
  });
  it('compares bounds as intervals', () => {
    assert.equal(consistent('more than twenty', 20, false, 'over'), true);
    assert.equal(consistent('fewer than 20', 20, false, 'over'), false);
    assert.equal(consistent('15', 20, false, 'over'), false);
    assert.equal(consistent('about 25', 20, false, 'over'), true);
    assert.equal(consistent('more than 200', 20, false, 'over'), false);
  });
  it('keeps exact counts exact', () => {
    assert.equal(consistent('12', 17, false), false);
    assert.equal(consistent('17', 17, false), true);
    assert.equal(consistent('two-thirds', 67, true), true);
    assert.equal(consistent('half of them', 78, true), false);
  });
});
