// Values as intervals, so that comparison is one rule: two intervals that do not overlap
// contradict; a stated interval that covers the sourced one agrees; one inside it adds detail.
import { lexicon, type Span } from '../lexicon';
import { type Bound, type QuantityValue } from '../../knowledge/types';
import { type NumberMention } from './types';

export type Interval = Span;

/** How a memo's value stands to a sourced one. */
export type Comparison = 'agrees' | 'contradicts' | 'narrower';

export function compareIntervals(stated: Interval, sourced: Interval): Comparison {
  if (stated.hi < sourced.lo || sourced.hi < stated.lo) return 'contradicts';
  if (stated.lo <= sourced.lo && stated.hi >= sourced.hi) return 'agrees';
  return 'narrower';
}

/** Slack a bare round figure allows: "80%" may stand for 78%, "20" for 19. */
function roundSlack(value: number): number {
  for (const r of lexicon.roundNumberSlack) {
    if (value !== 0 && value % r.multipleOf === 0 && value >= r.multipleOf * 2) return Math.min(r.slack, value * 0.05);
  }
  return 0;
}

/** The interval a hedge makes of a value (see hedgeIntervals in the lexicon). */
export function hedged(value: number, hedge: keyof typeof lexicon.hedgeIntervals, exactSlack: number): Interval {
  const h = lexicon.hedgeIntervals[hedge];
  if (hedge === 'exact') return { lo: value - exactSlack, hi: value + exactSlack };
  const slack = hedge === 'approx' ? Math.max(h.slack, roundSlack(value)) : h.slack;
  let lo = value * h.lo - (h.open === 'lo' ? 0 : slack);
  let hi = value * h.hi + (h.open === 'hi' ? 0 : slack);
  if (h.open === 'lo') lo += 1e-9;
  if (h.open === 'hi') hi -= 1e-9;
  // "over 20" of people is at least 21; a bound on a count allows at least one more.
  if (h.open === 'lo' && Number.isInteger(value)) hi = Math.max(hi, value + 2);
  if (h.open === 'hi' && Number.isInteger(value)) lo = Math.min(lo, value - 2);
  return { lo, hi };
}

/** The values a memo's number allows. */
export function mentionInterval(m: NumberMention): Interval {
  const v = m.value;
  if (m.fraction) {
    // A fraction is a rounded share: "two-thirds" covers 62–71%, "nearly four in five" 74–80%. It is
    // approximate already: "roughly three-quarters" is no wider than "three-quarters" (not 67%).
    const base = hedged(v, m.hedge === 'approx' ? 'exact' : m.hedge, 0);
    return { lo: base.lo - 4, hi: base.hi + 4 };
  }
  const exactSlack =
    m.unit === 'count' && Number.isInteger(v) && !m.words
      ? 0
      : m.unit === 'money'
        ? v * 0.05
        : roundSlack(v) || (Number.isInteger(v) ? 0.5 : 0.05);
  return hedged(v, m.hedge, exactSlack);
}

const boundHedge: Record<Bound, keyof typeof lexicon.hedgeIntervals> = {
  over: 'over',
  under: 'under',
  'at-least': 'at-least',
  'at-most': 'at-most',
};

/** The bound a memo's hedge sets on its figure ("more than 20" is over 20), if any. */
export function boundOf(hedge: NumberMention['hedge']): Bound | undefined {
  if (hedge === 'over' || hedge === 'well-over') return 'over';
  if (hedge === 'under' || hedge === 'well-under') return 'under';
  return hedge === 'at-least' || hedge === 'at-most' ? hedge : undefined;
}

/**
 * "up to 8.5 million" where the source says "up to 5.8 million": one bound kind with another figure.
 * The ranges overlap, but the writer states the source's bound and gets its figure wrong.
 */
export function sameBoundOtherFigure(m: NumberMention, q: Pick<QuantityValue, 'value' | 'bound'>): boolean {
  if (!q.bound || boundOf(m.hedge) !== q.bound) return false;
  const figure = mentionInterval({ ...m, hedge: 'exact' });
  return q.value < figure.lo || q.value > figure.hi;
}

/** The values a sourced quantity allows. */
export function sourceInterval(q: Pick<QuantityValue, 'value' | 'approx' | 'bound'>): Interval {
  if (q.bound) return hedged(q.value, boundHedge[q.bound], 0);
  return q.approx ? { lo: q.value - 1, hi: q.value + 1 } : { lo: q.value, hi: q.value };
}

export function overlaps(a: Interval, b: Interval): boolean {
  return a.lo <= b.hi && b.lo <= a.hi;
}
