// "… laundered more than $1 billion from ten operations, including from the June 2022 Horizon Bridge
// hack": a name a report gives only as an example of what its figure sums is a part of it. A memo
// sentence that writes that name ("The Horizon Bridge hack netted roughly $100 million") speaks of
// the part, and its figure is the part's, unless the memo too gives the name as an example.
import { lexicon, phraseAt } from '../lexicon';
import { type SentenceView } from '../reader/sentence';
import { tokenize } from '../text/tokens';
import { type PhraseMatch } from '../text/phraseMatcher';

/**
 * Whether the memo names, before its figure (as what the figure is of) and where `property` is
 * (anywhere when it is empty), something the report's `sentence` names only after an example cue
 * ("including", "such as") that follows offset `from`.
 */
export function namesAnExampleOnly(
  view: SentenceView,
  sentence: string,
  from: number,
  figure: { start: number },
  property: readonly PhraseMatch<unknown>[] = [],
): boolean {
  const tokens = tokenize(sentence);
  const words = tokens.map((t) => t.lower);
  const cue = tokens.findIndex(
    (t, k) =>
      k > 0 &&
      t.start >= from &&
      sentence.slice(tokens[k - 1].end, t.start).includes(',') &&
      phraseAt(lexicon.elaborationCues, words, k) !== undefined,
  );
  if (cue < 0) return false;
  // The examples run to the next comma: "including Huawei and Hisilicon, to the BIS Entity List".
  let end = cue + 1;
  while (end < tokens.length && !sentence.slice(tokens[end - 1].end, tokens[end].start).includes(',')) end++;
  const before = new Set(words.filter((_, k) => k < cue || k >= end));
  const after = new Set(words.slice(cue, end));
  const stretches = property.map((p) => view.stretchAt(p.first));
  return view.entities.some((e) => {
    if (e.end > figure.start) return false;
    if (stretches.length > 0 && !stretches.some((s) => e.first >= s.first && e.last <= s.last)) return false;
    if (inElaborationAfter(view, 0, e.first)) return false;
    const named = view.tokens
      .slice(e.first, e.last)
      .filter((t) => t.raw.charAt(0) !== t.lower.charAt(0) && !lexicon.stopWords.has(t.lower))
      .map((t) => t.lower);
    return named.length > 0 && named.every((w) => after.has(w) && !before.has(w));
  });
}

/**
 * Whether an example cue after a comma ("…, including", "…, such as") stands between tokens `from`
 * and `at` of the memo sentence: what follows it gives examples of what comes before.
 */
export function inElaborationAfter(view: SentenceView, from: number, at: number): boolean {
  for (let k = Math.max(1, from); k < at; k++) {
    if (view.gapBefore(k).includes(',') && phraseAt(lexicon.elaborationCues, view.words, k)) return true;
  }
  return false;
}
