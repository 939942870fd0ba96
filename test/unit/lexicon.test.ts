// The lexicon's tables of hedges and bounds, quantifiers and frequencies, one row per entry: what
// range each gives, read through the values API (and, for quantifiers and frequencies, through the
// quantifier judge's reading of a claim). A lexicon entry without a row here fails, and so does a
// row for an entry the lexicon no longer has. Rows that state what a careful reader expects but the
// engine does not yet do run as todo, with the reason.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { quantifierRange } from '../../server/src/engine/check/judges/quantifier';
import { type HedgeKind, lexicon, phraseAt, phraseBefore } from '../../server/src/engine/lexicon';
import { tokenize } from '../../server/src/engine/text/tokens';
import {
  extractValues,
  mentionInterval,
  type NumberMention,
  type QuantifierMention,
  sourceInterval,
} from '../../server/src/engine/values';
import { hedged, type Interval } from '../../server/src/engine/values/intervals';

interface Row {
  /** A phrase that uses the entry. */
  text: string;
  /** Values (in the figure's unit) the phrase allows, and values it rules out. */
  accepts: number[];
  rejects: number[];
  /** Why the engine does not do this yet: the row runs as a todo. */
  todo?: string;
}

const within = (i: Interval, x: number): boolean => i.lo <= x && x <= i.hi;

function assertRange(label: string, range: Interval, row: Pick<Row, 'accepts' | 'rejects'>): void {
  const show = `${label}: [${range.lo}, ${range.hi}]`;
  for (const x of row.accepts) assert.ok(within(range, x), `${show} should allow ${x}`);
  for (const x of row.rejects) assert.ok(!within(range, x), `${show} should rule out ${x}`);
}

function assertRows(table: Record<string, unknown>, entries: readonly { words: readonly string[] }[]): void {
  const keys = entries.map((e) => e.words.join(' '));
  assert.deepEqual(
    keys.filter((k) => !(k in table)),
    [],
    'lexicon entries without a row',
  );
  assert.deepEqual(
    Object.keys(table).filter((k) => !keys.includes(k)),
    [],
    'rows for entries the lexicon lacks',
  );
  assert.equal(new Set(keys).size, keys.length, 'duplicate lexicon entries');
}

// ---------------------------------------------------------------------------------------------
// Hedges and bounds before a figure. Counts of people are exact; a percentage not a multiple of
// five is read to the nearest half point.

const hedgeRows: Record<string, Row> = {
  'a little more than': { text: 'a little more than 20 people', accepts: [21, 22], rejects: [19, 30] },
  'a bit more than': { text: 'a bit more than 20 people', accepts: [21, 22], rejects: [19, 30] },
  'in the region of': { text: 'in the region of 78% of exports', accepts: [76, 78, 80], rejects: [70, 85] },
  'on the order of': { text: 'on the order of 78% of exports', accepts: [76, 78, 80], rejects: [70, 85] },
  'a little over': { text: 'a little over 20 people', accepts: [21, 22], rejects: [19, 30] },
  'slightly more than': { text: 'slightly more than 20 people', accepts: [21, 22], rejects: [19, 30] },
  'just shy of': { text: 'just shy of 20 people', accepts: [19], rejects: [21, 15] },
  'slightly less than': { text: 'slightly less than 20 people', accepts: [19], rejects: [21, 15] },
  'far more than': { text: 'far more than 20 people', accepts: [30, 50], rejects: [20, 21, 200] },
  'in excess of': { text: 'in excess of 20 people', accepts: [21, 30], rejects: [20, 200] },
  'far fewer than': { text: 'far fewer than 20 people', accepts: [5, 10], rejects: [19, 20] },
  'no more than': { text: 'no more than 20 people', accepts: [15, 20], rejects: [21, 30] },
  'not more than': { text: 'not more than 20 people', accepts: [15, 20], rejects: [21, 30] },
  'no fewer than': { text: 'no fewer than 20 people', accepts: [20, 25], rejects: [19, 10] },
  'no less than': { text: 'no less than 20 people', accepts: [20, 25], rejects: [19, 10] },
  'not less than': { text: 'not less than 20 people', accepts: [20, 25], rejects: [19, 10] },
  'just over': { text: 'just over 20 people', accepts: [21, 22], rejects: [19, 30] },
  'slightly over': { text: 'slightly over 20 people', accepts: [21, 22], rejects: [19, 30] },
  'just above': { text: 'just above 78% of exports', accepts: [79, 80], rejects: [77, 90] },
  'just under': { text: 'just under 20 people', accepts: [19], rejects: [21, 15] },
  'just below': { text: 'just below 78% of exports', accepts: [76, 77], rejects: [79, 70] },
  'slightly under': { text: 'slightly under 20 people', accepts: [19], rejects: [21, 15] },
  'well over': { text: 'well over 20 people', accepts: [30, 50], rejects: [20, 21, 200] },
  'well above': { text: 'well above 20 people', accepts: [30, 50], rejects: [20, 21, 200] },
  'more than': { text: 'more than 20 people', accepts: [21, 25, 30], rejects: [20, 15, 200] },
  'greater than': { text: 'greater than 20 people', accepts: [21, 25], rejects: [20, 200] },
  'upwards of': { text: 'upwards of 20 people', accepts: [21, 25], rejects: [20, 200] },
  'upward of': { text: 'upward of 20 people', accepts: [21, 25], rejects: [20, 200] },
  'north of': { text: 'north of 20 people', accepts: [21, 25], rejects: [20, 200] },
  exceeding: { text: 'exceeding 20 people', accepts: [21, 25], rejects: [20, 200] },
  topping: { text: 'topping 20 people', accepts: [21, 25], rejects: [20, 200] },
  'well under': { text: 'well under 20 people', accepts: [5, 10], rejects: [19, 20] },
  'well below': { text: 'well below 20 people', accepts: [5, 10], rejects: [19, 20] },
  'less than': { text: 'less than 20 people', accepts: [15, 19], rejects: [20, 25] },
  'fewer than': { text: 'fewer than 20 people', accepts: [15, 19], rejects: [20, 25] },
  'at most': { text: 'at most 20 people', accepts: [15, 20], rejects: [21, 30] },
  'up to': { text: 'up to 20 people', accepts: [15, 20], rejects: [21, 30] },
  'at least': { text: 'at least 20 people', accepts: [20, 25], rejects: [19, 10] },
  'close to': { text: 'close to 78% of exports', accepts: [75, 78], rejects: [80, 70] },
  almost: { text: 'almost 78% of exports', accepts: [75, 78], rejects: [80, 70] },
  nearly: { text: 'nearly 20 people', accepts: [19, 20], rejects: [21, 15] },
  approaching: { text: 'approaching 20 people', accepts: [19, 20], rejects: [21, 15] },
  about: { text: 'about 78% of exports', accepts: [76, 78, 80], rejects: [70, 85] },
  // A negative adverb before a figure hedges it (read as stated, not as a negation).
  barely: { text: 'barely 7.8% of exports', accepts: [7.8], rejects: [78, 50] },
  scarcely: { text: 'scarcely 20 participants', accepts: [20], rejects: [200, 2] },
  hardly: { text: 'hardly 5% of exports', accepts: [5], rejects: [50] },
  around: { text: 'around 20 people', accepts: [19, 20, 21], rejects: [17, 23] },
  approximately: { text: 'approximately 78% of exports', accepts: [76, 78, 80], rejects: [70, 85] },
  approx: { text: 'approx. 20 people', accepts: [19, 20, 21], rejects: [17, 23] },
  roughly: { text: 'roughly 78% of exports', accepts: [76, 78, 80], rejects: [70, 85] },
  some: { text: 'some 20 people', accepts: [19, 20, 21], rejects: [17, 23] },
  circa: { text: 'circa 20 people', accepts: [19, 20, 21], rejects: [17, 23] },
  ca: { text: 'ca. 78% of exports', accepts: [76, 78, 80], rejects: [70, 85] },
  'an estimated': { text: 'an estimated 78% of exports', accepts: [76, 78, 80], rejects: [70, 85] },
  estimated: { text: 'estimated 20 people', accepts: [19, 20, 21], rejects: [17, 23] },
  'or so': {
    text: '20 or so people',
    accepts: [19, 20, 21],
    rejects: [17, 23],
  },
  'or thereabouts': { text: '78% or thereabouts of exports', accepts: [76, 78, 80], rejects: [70, 85] },
  'or more': { text: '20 or more people', accepts: [20, 25], rejects: [15, 19] },
  'or above': { text: '78% or above of exports', accepts: [78, 90], rejects: [70, 77] },
  'or over': { text: 'people aged 65 or over', accepts: [65, 80], rejects: [50, 64] },
  'or less': { text: '20% or less of imports', accepts: [10, 20], rejects: [21, 30] },
  'or fewer': { text: '20 or fewer people', accepts: [15, 20], rejects: [21, 25] },
  'or under': { text: 'children aged 5 or under', accepts: [3, 5], rejects: [6, 9] },
  over: { text: 'over 20 people', accepts: [21, 30], rejects: [20, 200] },
  above: { text: 'above 78% of exports', accepts: [80, 90], rejects: [78, 70] },
  beyond: { text: 'beyond 20 people', accepts: [21, 30], rejects: [20, 200] },
  under: { text: 'under 20 people', accepts: [15, 19], rejects: [20, 25] },
  below: { text: 'below 78% of exports', accepts: [60, 77], rejects: [78, 85] },
  exactly: { text: 'exactly 20 people', accepts: [20], rejects: [19, 21] },
  precisely: { text: 'precisely 78% of exports', accepts: [78], rejects: [77, 79] },
  just: { text: 'just 20 people', accepts: [20], rejects: [19, 21] },
  only: { text: 'only 20 people', accepts: [20], rejects: [19, 21] },
  'a mere': { text: 'a mere 20 people', accepts: [20], rejects: [19, 21] },
  merely: { text: 'merely 20 people', accepts: [20], rejects: [19, 21] },
  fully: { text: 'fully 78% of exports', accepts: [78], rejects: [77, 79] },
};

/** What each kind of hedge makes of a bare figure of 50 (hedgeIntervals), and of a sourced bound. */
const kindRows: Record<HedgeKind, Pick<Row, 'accepts' | 'rejects'> & { bound?: Pick<Row, 'accepts' | 'rejects'> }> = {
  exact: { accepts: [50], rejects: [49, 51] },
  approx: { accepts: [48, 50, 52], rejects: [45, 55] },
  nearly: { accepts: [47, 50], rejects: [51, 45] },
  'just-over': { accepts: [51, 53], rejects: [49, 56] },
  over: { accepts: [51, 70], rejects: [50, 90], bound: { accepts: [51, 70], rejects: [50, 40, 500] } },
  'well-over': { accepts: [60, 100], rejects: [50, 52, 500] },
  under: { accepts: [30, 49], rejects: [50, 60], bound: { accepts: [30, 49], rejects: [50, 60, 5] } },
  'well-under': { accepts: [20, 40], rejects: [47, 50] },
  'at-least': { accepts: [50, 70], rejects: [49], bound: { accepts: [50, 70], rejects: [49, 500] } },
  'at-most': { accepts: [30, 50], rejects: [51], bound: { accepts: [30, 50], rejects: [51, 5] } },
};
const bounds = ['over', 'under', 'at-least', 'at-most'] as const;

function numberIn(text: string): { mention: NumberMention; hedgeWords: string | undefined } {
  const tokens = tokenize(text);
  const numbers = extractValues(text, tokens).filter((v): v is NumberMention => v.kind === 'number');
  assert.equal(numbers.length, 1, `one figure in "${text}": ${JSON.stringify(numbers)}`);
  const words = tokens.map((t) => t.lower);
  const first = tokens.findIndex((t) => t.start === numbers[0].valueStart);
  const before = phraseBefore(lexicon.hedges, words, first);
  const next = tokens.findIndex((t) => t.start >= numbers[0].valueEnd);
  const after = before || next < 0 ? undefined : phraseAt(lexicon.hedgesAfter, words, next);
  return { mention: numbers[0], hedgeWords: (before ?? after)?.words.join(' ') };
}

/** Hedges before the figure and after it: each has a row. */
const allHedges = [...lexicon.hedges, ...lexicon.hedgesAfter];

describe('lexicon: hedges and bounds', () => {
  it('has a row for every hedge, and every hedge kind has an interval', () => {
    assertRows(hedgeRows, allHedges);
    assert.deepEqual(
      allHedges.map((h) => h.value).filter((k) => !(k in lexicon.hedgeIntervals)),
      [],
    );
  });

  for (const entry of allHedges) {
    const key = entry.words.join(' ');
    const row = hedgeRows[key];
    it(`"${key}" (${entry.value})`, { todo: row?.todo }, () => {
      assert.ok(row, `no row for the hedge "${key}"`);
      const { mention, hedgeWords } = numberIn(row.text);
      // The entry itself is what is read next to the figure, not a longer or shorter one.
      if (!row.todo) assert.equal(hedgeWords, key, row.text);
      assert.equal(mention.hedge, entry.value, row.text);
      assertRange(row.text, mentionInterval(mention), row);
    });
  }

  it("has a row for every kind of interval, and every kind is some hedge's", () => {
    assert.deepEqual(Object.keys(kindRows).sort(), Object.keys(lexicon.hedgeIntervals).sort());
    const used = new Set(lexicon.hedges.map((h) => h.value));
    assert.deepEqual(
      Object.keys(lexicon.hedgeIntervals).filter((k) => !used.has(k as HedgeKind)),
      [],
    );
  });

  for (const kind of Object.keys(lexicon.hedgeIntervals) as HedgeKind[]) {
    it(`the ${kind} interval`, () => {
      const row = kindRows[kind];
      assert.ok(row, `no row for the interval "${kind}"`);
      assertRange(`${kind} 50`, hedged(50, kind, 0), row);
      if ((bounds as readonly string[]).includes(kind)) {
        assert.ok(row.bound, `no row for a sourced bound "${kind}"`);
        const sourced = sourceInterval({ value: 50, bound: kind as (typeof bounds)[number] });
        assertRange(`sourced ${kind} 50`, sourced, row.bound);
      }
    });
  }

  it('reads "20+" as over 20', () => {
    const { mention } = numberIn('20+ people');
    assert.equal(mention.hedge, 'over');
    assertRange('20+', mentionInterval(mention), { accepts: [21, 25], rejects: [20, 200] });
  });
});

// ---------------------------------------------------------------------------------------------
// Quantifiers, as shares (percent), and frequencies, as counts of occasions.

const quantifierRows: Record<string, Row> = {
  'the vast majority': { text: 'the vast majority of the ports', accepts: [85, 95], rejects: [50, 70] },
  'vast majority': { text: 'a vast majority of the ports', accepts: [85, 95], rejects: [50, 70] },
  'overwhelming majority': { text: 'an overwhelming majority of the ports', accepts: [90, 95], rejects: [60, 75] },
  'almost all': { text: 'almost all ports', accepts: [90, 95], rejects: [60, 100] },
  'nearly all': { text: 'nearly all of the ports', accepts: [90, 95], rejects: [60, 100] },
  'virtually all': { text: 'virtually all ports', accepts: [95], rejects: [70, 100] },
  'practically all': { text: 'practically all ports', accepts: [95], rejects: [70, 100] },
  'hardly any': { text: 'hardly any ports', accepts: [2, 5], rejects: [30, 50] },
  'only a handful': { text: 'only a handful of ports', accepts: [3, 10], rejects: [40, 60] },
  'a handful': { text: 'a handful of ports', accepts: [3, 10], rejects: [40, 60] },
  'only a few': { text: 'only a few ports', accepts: [5, 10], rejects: [50, 80] },
  'very few': { text: 'very few ports', accepts: [5, 10], rejects: [50, 80] },
  'a few': { text: 'a few ports', accepts: [5, 20], rejects: [60, 90] },
  'a small number': { text: 'a small number of ports', accepts: [5, 10], rejects: [50, 80] },
  'a tiny fraction': { text: 'a tiny fraction of the ports', accepts: [1, 3], rejects: [20, 60] },
  'a small fraction': { text: 'only a small fraction of the ports', accepts: [5, 10], rejects: [50, 66] },
  'a small share': { text: 'a small share of the trade', accepts: [5, 10], rejects: [50, 80] },
  'a small portion': { text: 'a small portion of the trade', accepts: [5, 10], rejects: [50, 80] },
  'a large number': { text: 'a large number of ports', accepts: [40, 80], rejects: [5, 10] },
  'more than half': { text: 'more than half of the ports', accepts: [51, 75, 100], rejects: [50, 30] },
  'over half': { text: 'over half of the ports', accepts: [51, 75, 100], rejects: [50, 30] },
  'less than half': { text: 'less than half of the ports', accepts: [10, 49], rejects: [50, 70] },
  'fewer than half': { text: 'fewer than half of the ports', accepts: [10, 49], rejects: [50, 70] },
  'under half': { text: 'under half of the ports', accepts: [10, 49], rejects: [50, 70] },
  'a majority': { text: 'a majority of the ports', accepts: [51, 80], rejects: [50, 30] },
  majority: { text: 'the majority of the ports', accepts: [51, 80], rejects: [50, 30] },
  'a minority': { text: 'a minority of the ports', accepts: [10, 40], rejects: [50, 70] },
  minority: { text: 'the minority of ports that', accepts: [10, 40], rejects: [50, 70] },
  most: { text: 'most ports', accepts: [51, 90], rejects: [50, 30] },
  'the bulk': { text: 'the bulk of the ports', accepts: [70, 90], rejects: [40, 50] },
  many: { text: 'many ports', accepts: [40, 80], rejects: [5, 10] },
  numerous: { text: 'numerous ports', accepts: [40, 80], rejects: [5, 10] },
  much: { text: 'much trade', accepts: [40, 80], rejects: [5, 10] },
  few: { text: 'few ports', accepts: [5, 10], rejects: [50, 80] },
  several: { text: 'several ports', accepts: [10, 30], rejects: [90] },
  some: { text: 'some ports', accepts: [10, 50], rejects: [0, 95] },
  all: { text: 'all ports', accepts: [100], rejects: [90, 99] },
  every: { text: 'every port', accepts: [100], rejects: [90, 99] },
  each: { text: 'each port', accepts: [100], rejects: [90, 99] },
  both: { text: 'both ports', accepts: [100], rejects: [50, 99] },
  none: { text: 'none of the ports', accepts: [0], rejects: [1, 10] },
  'not a single': { text: 'not a single one of the ports', accepts: [0], rejects: [1, 10] },
  'not one': { text: 'not one of the ports', accepts: [0], rejects: [1, 10] },
  'virtually every': { text: 'virtually every port', accepts: [90, 99], rejects: [50, 100] },
  'almost every': { text: 'almost every port', accepts: [90, 99], rejects: [50, 100] },
  'nearly every': { text: 'nearly every port', accepts: [90, 99], rejects: [50, 100] },
  no: { text: 'no ports', accepts: [0], rejects: [1, 10] },
  neither: { text: 'neither port', accepts: [0], rejects: [1, 50] },
};

const frequencyRows: Record<string, Row> = {
  'only once': { text: 'The plan mentions Eastoria only once.', accepts: [1], rejects: [0, 2] },
  once: { text: 'The plan mentions Eastoria once.', accepts: [1], rejects: [0, 2] },
  'one time': { text: 'The plan mentions Eastoria just one time.', accepts: [1], rejects: [0, 2] },
  'single time': { text: 'The plan mentions Eastoria a single time.', accepts: [1], rejects: [0, 2] },
  'single mention': { text: 'Eastoria gets a single mention in the plan.', accepts: [1], rejects: [0, 2] },
  'one mention': { text: 'Eastoria gets one mention in the plan.', accepts: [1], rejects: [0, 2] },
  'lone mention': { text: 'Eastoria gets a lone mention in the plan.', accepts: [1], rejects: [0, 2] },
  'single reference': { text: 'The plan makes a single reference to Eastoria.', accepts: [1], rejects: [0, 2] },
  'one reference': { text: 'The plan makes one reference to Eastoria.', accepts: [1], rejects: [0, 2] },
  twice: { text: 'The plan mentions Eastoria twice.', accepts: [2], rejects: [1, 3] },
  'several times': { text: 'The plan mentions Eastoria several times.', accepts: [3, 5], rejects: [1, 20] },
  'a few times': { text: 'The plan mentions Eastoria a few times.', accepts: [2, 4], rejects: [1, 10] },
  'many times': { text: 'The plan mentions Eastoria many times.', accepts: [10, 50], rejects: [0, 1] },
  repeatedly: { text: 'The plan repeatedly mentions Eastoria.', accepts: [2, 10], rejects: [0, 1] },
  'multiple times': { text: 'The plan mentions Eastoria multiple times.', accepts: [2, 10], rejects: [0, 1] },
  frequently: { text: 'The plan frequently mentions Eastoria.', accepts: [5, 20], rejects: [0, 1] },
  often: { text: 'The plan often mentions Eastoria.', accepts: [5, 20], rejects: [0, 1] },
  'numerous times': { text: 'The plan mentions Eastoria numerous times.', accepts: [10, 50], rejects: [1, 2] },
  throughout: { text: 'The plan mentions Eastoria throughout.', accepts: [5, 20], rejects: [0, 1] },
  rarely: { text: 'The plan rarely mentions Eastoria.', accepts: [0, 1], rejects: [5, 10] },
  never: { text: 'The plan never mentions Eastoria.', accepts: [0], rejects: [1, 2] },
  'at all': {
    text: 'The plan does not mention Eastoria at all.',
    accepts: [0],
    rejects: [1, 2],
  },
};

function quantifierIn(text: string, words: string): QuantifierMention {
  const found = extractValues(text, tokenize(text)).filter((v): v is QuantifierMention => v.kind === 'quantifier');
  const mine = found.filter((q) => q.words === words);
  assert.equal(mine.length, 1, `"${words}" read in "${text}": ${JSON.stringify(found)}`);
  return mine[0];
}

describe('lexicon: quantifiers', () => {
  it('has a row for every quantifier', () => assertRows(quantifierRows, lexicon.quantifiers));

  for (const entry of lexicon.quantifiers) {
    const key = entry.words.join(' ');
    const row = quantifierRows[key];
    it(`"${key}"`, { todo: row?.todo }, () => {
      assert.ok(row, `no row for the quantifier "${key}"`);
      const m = quantifierIn(row.text, key);
      assert.deepEqual([m.frequency, m.negated], [false, false]);
      assertRange(row.text, m.range, row);
      // A claim's quantifier is read as the same range.
      const claim = quantifierRange(key);
      assert.deepEqual(claim && [claim.frequency, claim.range], [false, m.range], key);
    });
  }
});

describe('lexicon: frequencies', () => {
  it('has a row for every frequency', () => assertRows(frequencyRows, lexicon.frequencies));

  for (const entry of lexicon.frequencies) {
    const key = entry.words.join(' ');
    const row = frequencyRows[key];
    it(`"${key}"`, { todo: row?.todo }, () => {
      assert.ok(row, `no row for the frequency "${key}"`);
      const m = quantifierIn(row.text, key);
      assert.deepEqual([m.frequency, m.negated], [true, false]);
      assertRange(row.text, m.range, row);
      const claim = quantifierRange(key);
      assert.deepEqual(claim && [claim.frequency, claim.range], [true, m.range], key);
    });
  }
});
