// Words that state a stance of a class (support, increase, evaluate, …; see the lexicon's
// predicates), found in a stretch of a sentence with their polarity after negation: "backs" is +1
// for support, "opposes" -1, "does not back" -1, "cannot be separated" +1 for link.
import { lexicon, type PredicateClass, stemsOf } from '../lexicon';
import { negationsOver } from './polarity';
import { type SentenceView } from './sentence';

export interface PredicateHit {
  first: number;
  last: number;
  /** +1 states the class, -1 its opposite, after negations. */
  polarity: 1 | -1;
  /** Negated an odd number of times. */
  negated: boolean;
}

interface PredicateWord {
  stems: readonly string[];
  polarity: 1 | -1;
}

/** The words of each class by their first stem: a sentence's token looks up only those it can open. */
const byClass = new Map<PredicateClass, Map<string, PredicateWord[]>>();
for (const w of lexicon.predicateWords) {
  if (w.stems.length === 0) continue;
  const byFirst = byClass.get(w.predicate) ?? new Map<string, PredicateWord[]>();
  byClass.set(w.predicate, byFirst);
  const list = byFirst.get(w.stems[0]) ?? [];
  list.push({ stems: w.stems, polarity: w.polarity });
  byFirst.set(w.stems[0], list);
}

const phraseStems = new Map<string, readonly string[]>();
function stemsMemo(phrase: string): readonly string[] {
  let s = phraseStems.get(phrase);
  if (!s) phraseStems.set(phrase, (s = stemsOf(phrase)));
  return s;
}

/**
 * Predicate words of a class in tokens [first, last). `extra` words (a claim's own) come with the
 * polarity they state: a claim's affirming words state it, its contrary words deny it.
 */
export function predicatesIn(
  view: SentenceView,
  first: number,
  last: number,
  predicate: PredicateClass,
  extra: readonly { phrase: string; polarity: 1 | -1 }[] = [],
): PredicateHit[] {
  const extras = extra.map((e) => ({ stems: stemsMemo(e.phrase), polarity: e.polarity }));
  const byFirst = byClass.get(predicate);
  const { tokens } = view;
  const hits: PredicateHit[] = [];
  for (let i = first; i < last; i++) {
    const t = tokens[i];
    // The longest phrase first: "played little role" before "role".
    const words = [
      ...extras,
      ...(byFirst?.get(t.norm) ?? []),
      ...(t.lower !== t.norm ? (byFirst?.get(t.lower) ?? []) : []),
    ].sort((a, b) => b.stems.length - a.stems.length);
    for (const w of words) {
      if (w.stems.length === 0 || i + w.stems.length > last) continue;
      let ok = true;
      for (let k = 0; k < w.stems.length && ok; k++) {
        ok = tokens[i + k].norm === w.stems[k] || tokens[i + k].lower === w.stems[k];
      }
      if (!ok) continue;
      // A phrase holding a negation's cue ("largely absent") states it: that negation is not over it.
      const end = i + w.stems.length;
      const negated =
        negationsOver(view.negations, i).filter((s) => s.cueFirst < i || s.cueFirst >= end).length % 2 === 1;
      const polarity = pastPoint(view, i, predicate) ? -w.polarity : w.polarity;
      hits.push({
        first: i,
        last: end,
        polarity: (negated ? -polarity : polarity) as 1 | -1,
        negated,
      });
      break;
    }
  }
  // Phrases may overlap ("played little" and "little role" in "played little role"); a word inside
  // a longer phrase ("role" in "little role") is that phrase's, not a stance of its own.
  return hits.filter(
    (h) =>
      !hits.some((o) => o !== h && o.first <= h.first && h.last <= o.last && o.last - o.first > h.last - h.first) &&
      !insideName(view, h),
  );
}

/**
 * A state or stage written as a point got past ("beyond the early stages", "past its infancy"): it is
 * no longer so. Only for classes that say how a thing is: "went beyond backing X" still backs X.
 */
function pastPoint(view: SentenceView, at: number, predicate: PredicateClass): boolean {
  if (!lexicon.qualifyingClasses.has(predicate)) return false;
  for (let k = at - 1; k >= Math.max(0, at - 3); k--) {
    const word = view.words[k];
    if (lexicon.pastLimitWords.has(word)) return true;
    if (!lexicon.determiners.has(word) && !lexicon.pronouns.has(word)) return false;
  }
  return false;
}

/** A word that is part of a known name ("Open" in "Open RAN", "Free" in "Free Trade Agreement") states nothing. */
function insideName(view: SentenceView, h: { first: number; last: number }): boolean {
  return view.entities.some(
    (e) => e.id !== undefined && e.first <= h.first && h.last <= e.last && e.last - e.first > h.last - h.first,
  );
}
