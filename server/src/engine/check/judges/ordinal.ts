// Ordinals: "the third session", "the 60th anniversary". Only an ordinal that says which one the
// claim's thing is: written right before its noun, or after a copula ("was the fourth").
import { type SentenceView } from '../../reader/sentence';
import { type OrdinalMention, type ValueMention } from '../../values';
import { boundValue } from '../binding';
import { type Candidate } from '../candidates';
import { type Verdict, verdictOn } from '../verdict';
import { writeOrdinal } from '../render';

export function judgeOrdinal(view: SentenceView, c: Candidate, all: readonly Candidate[]): Verdict | undefined {
  if (c.claim.value.kind !== 'ordinal') return undefined;
  const sourced = c.claim.value.ordinal;
  const near = (v: OrdinalMention): boolean =>
    c.property.some(
      (p) => Math.abs(view.tokenIndexAt(v.end) - p.first) <= 2 || Math.abs(view.tokenIndexAt(v.start) - p.last) <= 1,
    );
  const bound = boundValue(
    view,
    c,
    all,
    (v: ValueMention): v is OrdinalMention =>
      v.kind === 'ordinal' && (v.determiner || near(v)) && (near(v) || /#/.test(view.text.slice(v.start, v.start + 1))),
  );
  if (!bound) return undefined;
  const m = bound.value;
  if (m.value === sourced) {
    return verdictOn('agrees', c, m, { kind: 'agrees' }, [m.start]);
  }
  const written = view.raw.slice(m.start, m.end);
  return verdictOn(
    'contradicts',
    c,
    m,
    { kind: 'ordinal', sourced, written, replacement: writeOrdinal(sourced, written, m.words) },
    [m.start],
  );
}
