// Ordinals: "the third session", "the 60th anniversary". Only an ordinal that says which one the
// claim's thing is: written right before its noun, or after a copula ("was the fourth").
import { lexicon } from '../../lexicon';
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
  if (namesAnotherInstance(view, c, m)) {
    // Another instance numbered otherwise: what else the sentence says is of that one.
    return m.value === sourced
      ? undefined
      : { ...verdictOn('narrower', c, m, { kind: 'agrees' }), otherInstance: true };
  }
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

/** How far past its noun the subject an ordinal opens may run: "the first session of the series". */
const subjectReach = 6;

/**
 * "The first session of the series, held in mid-2022, dealt with …": an ordinal opening the
 * subject of its clause says which instance the sentence is about. Unless something outside that
 * subject ties the sentence to the claim's own instance ("The webinar, the first session …"), it
 * speaks of another one.
 */
function namesAnotherInstance(view: SentenceView, c: Candidate, m: OrdinalMention): boolean {
  const first = view.tokenIndexAt(m.start);
  const clause = view.clauseAt(first);
  const opens =
    first === clause.first || (first === clause.first + 1 && lexicon.determiners.has(view.words[clause.first]));
  // "…, as Kim notes, the 50th anniversary …": a clause going on past a frame is no new subject.
  if (!opens || clause.continues) return false;
  // "Format: fourth session of the series": a label's value describes what the label names.
  if (view.clauses[0]?.kind === 'label' && view.clauses[1] === clause) return false;
  const noun = c.property.find((p) => p.first > first && p.first - view.tokenIndexAt(m.end) <= 1);
  if (!noun) return false;
  // The subject ends at a comma, a bracket or its verb.
  let end = noun.last;
  while (
    end < Math.min(clause.last, noun.last + subjectReach) &&
    !/[,;:(]/.test(view.gapBefore(end)) &&
    !lexicon.auxiliaries.has(view.words[end])
  ) {
    end++;
  }
  // The subject is what the clause is about only when a verb other than a copula follows it.
  if (lexicon.copulas.has(view.words[end] ?? '')) return false;
  const ownOutside = [...c.groups.entries()]
    .filter(([g]) => g !== view.kb.claimAnchors[c.index].propertyGroup)
    .some(([, ms]) => ms.some((x) => x.first < first || x.first >= end));
  return !ownOutside;
}
