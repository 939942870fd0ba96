// From all verdicts on a sentence to the ones a user sees: claims read from reports give way to
// curated ones on the same point; a value another claim about the same thing supports is no
// contradiction (the session's US date is not wrong because it is not the Asian one); one
// contradiction per stretch of text. Support is said only of a sentence with no contradiction
// whose every stated figure and date some claim agrees with.
import { SentenceView } from '../reader/sentence';
import { Verdict } from './verdict';

export interface Settled {
  contradictions: Verdict[];
  /** Agreeing verdicts; empty unless the whole sentence is supported. */
  support: Verdict[];
}

const overlapping = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && b.start < a.end;

export function settle(view: SentenceView, verdicts: Verdict[]): Settled {
  let all = verdicts;
  if (all.some((v) => !v.claim.extracted)) {
    // A point curated claims cover is theirs; extracted claims still speak where curated ones do not.
    const curated = all.filter((v) => !v.claim.extracted);
    all = all.filter((v) => !v.claim.extracted || !curated.some((c) => overlapping(c, v)));
  }
  const agreeing = all.filter((v) => v.kind === 'agrees');
  const contradictions: Verdict[] = [];
  for (const v of all) {
    if (v.kind !== 'contradicts') continue;
    // Another claim of the same kind agrees with these very words: it is what they state.
    const numeric = ['quantity', 'year', 'date', 'period', 'ordinal', 'quantifier'].includes(v.claim.value.kind);
    if (agreeing.some((a) => a.claim.value.kind === v.claim.value.kind && a.start === v.start && a.end === v.end && a.claim.source === v.claim.source && (numeric || a.claim.about[0] === v.claim.about[0]))) continue;
    if (contradictions.some((k) => overlapping(k, v))) continue;
    contradictions.push(v);
  }
  if (contradictions.length > 0) return { contradictions, support: [] };
  const narrower = all.some((v) => v.kind === 'narrower');
  if (agreeing.length === 0 || narrower) return { contradictions, support: [] };
  // Every figure and date the sentence states must be one some claim agrees with.
  const accounted = new Set(agreeing.flatMap((v) => v.accounts ?? []));
  const stated = view.values.filter((v) => v.kind !== 'quantifier' && !view.terms.some((t) => t.start <= v.start && v.end <= t.end));
  if (stated.some((v) => !accounted.has(v.start))) return { contradictions, support: [] };
  return { contradictions, support: agreeing };
}
