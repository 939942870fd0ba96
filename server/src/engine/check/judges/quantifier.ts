// Quantifiers and frequencies: "a majority", "all", "few", "only a handful", "several times",
// "once". Each is a range (the lexicon's); a stated share or count ("14 of 27", "about 52%",
// "only one of the three") is one too. Ranges that do not meet contradict.
import { lexicon, phraseAt, type Span } from '../../lexicon';
import { type SentenceView } from '../../reader/sentence';
import {
  compareIntervals,
  mentionInterval,
  type NumberMention,
  type QuantifierMention,
  type ValueMention,
} from '../../values';
import { boundValue } from '../binding';
import { type Candidate } from '../candidates';
import { type Verdict, verdictOn } from '../verdict';

/** The range a quantifier of the knowledge base stands for, and whether it counts occasions. */
export function quantifierRange(word: string): { range: Span; frequency: boolean } | undefined {
  const words = word.toLowerCase().split(/\s+/);
  const f = phraseAt(lexicon.frequencies, words, 0);
  if (f && f.words.length === words.length) return { range: f.value, frequency: true };
  const q = phraseAt(lexicon.quantifiers, words, 0);
  return q ? { range: q.value, frequency: false } : undefined;
}

/** A stated word whose range is under this share of the source's range says more than the source. */
const strongerWordShare = 0.7;

export function judgeQuantifier(view: SentenceView, c: Candidate, all: readonly Candidate[]): Verdict | undefined {
  if (c.claim.value.kind !== 'quantifier') return undefined;
  const word = c.claim.value.quantifier;
  const sourced = quantifierRange(word);
  if (!sourced) return undefined;
  const bound = boundValue(
    view,
    c,
    all,
    (v: ValueMention): v is QuantifierMention | NumberMention =>
      (v.kind === 'quantifier' && v.frequency === sourced.frequency) ||
      (!sourced.frequency && v.kind === 'number' && (v.unit === 'percent' || v.of !== undefined) && !v.comparative) ||
      (sourced.frequency &&
        v.kind === 'number' &&
        v.unit === 'count' &&
        v.of === undefined &&
        !v.top &&
        v.value < 1000),
  );
  if (!bound) return undefined;
  const m = bound.value;
  // "Eight of Korea's 14 Indo-Pacific partners": a share of what another claim gives as a part
  // ("14 of 27") is a share of that part, not of the whole the quantifier speaks of.
  const ofPart =
    m.kind === 'number' &&
    m.of !== undefined &&
    all.some(
      (o) =>
        o.claim.value.kind === 'quantity' &&
        o.claim.value.quantity.value === m.of &&
        o.claim.value.quantity.of !== undefined,
    );
  if (ofPart) return undefined;
  let stated: Span;
  if (m.kind === 'number') {
    if (m.of !== undefined) stated = { lo: (m.value / m.of) * 100 - 0.5, hi: (m.value / m.of) * 100 + 0.5 };
    else stated = mentionInterval(m);
  } else {
    stated = m.range;
    // "not a majority" is at most half; "not all" is less than all.
    if (m.negated) {
      stated =
        stated.lo >= 99
          ? { lo: 0, hi: 99 }
          : stated.lo > 50
            ? { lo: 0, hi: 50 }
            : stated.hi >= 100
              ? { lo: 0, hi: 99 }
              : { lo: stated.hi, hi: 100 };
    }
  }
  // A quantifier is vague by nature: a figure inside its range states it.
  let kind =
    compareIntervals(stated, sourced.range) === 'contradicts'
      ? 'contradicts'
      : stated.lo >= sourced.range.lo && stated.hi <= sourced.range.hi
        ? 'agrees'
        : compareIntervals(stated, sourced.range);
  // A much stronger word inside a vague one ("most" where the source says "many") says more than
  // the source does: not wrong, not supported either.
  const width = (s: Span): number => s.hi - s.lo;
  if (kind === 'agrees' && m.kind === 'quantifier' && width(stated) < strongerWordShare * width(sourced.range)) {
    kind = 'narrower';
  }
  const written = view.raw.slice(m.start, m.end);
  if (kind === 'agrees') {
    return verdictOn(kind, c, m, { kind: 'agrees' }, [m.start]);
  }
  // "some" and "several" overlap nearly everything: they neither support nor contradict.
  if (kind === 'narrower') {
    return verdictOn(kind, c, m, { kind: 'quantifier', sourced: word, range: sourced.range, written }, [m.start]);
  }
  return verdictOn(kind, c, m, { kind: 'quantifier', sourced: word, range: sourced.range, written }, [m.start]);
}
