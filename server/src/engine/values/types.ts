// The typed values a sentence states: numbers, dates, periods, ordinals, quantifiers. Offsets are
// those of the text the values were read from.
import { type HedgeKind, type Span } from '../lexicon';

export type Hedge = HedgeKind;

interface Mention {
  /** The whole mention, hedge included. */
  start: number;
  end: number;
}

export interface NumberMention extends Mention {
  kind: 'number';
  value: number;
  unit: 'percent' | 'times' | 'count' | 'money';
  hedge: Hedge;
  /** Written as a fraction ("two-thirds"), so only approximate. */
  fraction: boolean;
  /** "14 of 27": the total, and where it is written. */
  of?: number;
  ofStart?: number;
  ofEnd?: number;
  /** The total itself carries a bound: "10 of the 20+ participants". */
  ofHedge?: Hedge;
  /** The number and its unit, without the hedge: what a quick fix replaces. */
  valueStart: number;
  valueEnd: number;
  words: boolean;
  /** ISO code of an amount of money ("$5.8 million"). */
  currency?: string;
  /** The unit symbol a measurement is written in ("700 MHz": "mhz"). */
  measure?: string;
  /** "the top 20 partners": a rank limit rather than a count of something. */
  top?: boolean;
  /** "10 of the participants", "a quarter of its imports": a part of a whole the sentence names. */
  subset?: boolean;
  /** "50% faster": a percentage that says how much more, not a share. */
  comparative?: boolean;
}

export interface YearMention extends Mention {
  kind: 'year';
  year: number;
  /** The word before the year, lower-cased ("in", "since", "before"). */
  preposition?: string;
}

/** A date, possibly vague: "October 27, 2022", "Dec 2022", "mid-2022", "late October". */
export interface DateMention extends Mention {
  kind: 'date';
  year?: number;
  /** The months it may fall in (one month when it names one). */
  months?: Span;
  /** The days of the month it may fall on (one day when it names one). */
  days?: Span;
  /** The days are a span written out ("7 to 11 July", "7–11 July"), not a vague part ("early July"). */
  dayRange?: boolean;
  /** The word before it, lower-cased. */
  preposition?: string;
}

export interface PeriodMention extends Mention {
  kind: 'period';
  from: number;
  to: number;
}

export interface OrdinalMention extends Mention {
  kind: 'ordinal';
  value: number;
  /** Preceded by "the", "its", "a", a possessive or "#": a real ordinal, not "first" as an adverb. */
  determiner: boolean;
  words: boolean;
  /** "25th out of 182": the size of the ranking. */
  outOf?: number;
  /** "the 25th-largest": a rank by a superlative. */
  superlative?: boolean;
}

/** A quantifier ("a majority", "few", "all") or a frequency ("once", "several times"), as a range. */
export interface QuantifierMention extends Mention {
  kind: 'quantifier';
  /** The words as the lexicon lists them. */
  words: string;
  range: Span;
  /** Over counts of occasions ("once") rather than shares of a whole ("most"). */
  frequency: boolean;
  negated: boolean;
}

export type ValueMention =
  NumberMention | YearMention | DateMention | PeriodMention | OrdinalMention | QuantifierMention;
