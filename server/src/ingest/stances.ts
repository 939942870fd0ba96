// Stances a report states between two names: "Samsung also advocates for Open RAN" (support),
// "the firms are subject to the National Intelligence Law" (bound). The predicate words and their
// polarity after negation are the memo reader's (reader/predicates.ts).
import { predicatesIn } from '../engine/reader/predicates';
import { type SentenceView } from '../engine/reader/sentence';
import { isContentWord } from './measures';
import { type Name } from './names';

export interface ExtractedStance {
  subject: string;
  object: string;
  predicate: 'support' | 'bound';
  polarity: 'positive' | 'negative';
}

/** At most this many words between the two names: a stance is stated, not inferred across a clause. */
const maxWordsBetween = 5;

export function stancesIn(view: SentenceView, names: readonly Name[]): ExtractedStance[] {
  const out: ExtractedStance[] = [];
  for (let i = 0; i + 1 < names.length; i++) {
    const [a, b] = [names[i].mention, names[i + 1].mention];
    if (b.first - a.last > maxWordsBetween || view.stretchAt(a.first).last < b.last) continue;
    for (const predicate of ['support', 'bound'] as const) {
      const hits = predicatesIn(view, a.last, b.first, predicate);
      if (hits.length !== 1) continue;
      const hit = hits[0];
      // One preposition ("under") binds too loosely to state that one name is bound by another.
      if (predicate === 'bound' && hit.last - hit.first < 2) continue;
      // Nothing but the predicate and function words between: "advocates for", "is subject to".
      let plain = true;
      for (let k = a.last; k < b.first && plain; k++) {
        plain = (k >= hit.first && k < hit.last) || !isContentWord(view, k);
      }
      if (!plain) continue;
      const polarity = hit.polarity === 1 ? 'positive' : 'negative';
      out.push({ subject: names[i].text, object: names[i + 1].text, predicate, polarity });
    }
  }
  return out;
}
