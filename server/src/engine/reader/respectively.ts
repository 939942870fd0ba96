// "The Wormhole and Qubit hacks, which led respectively to $325 million and $80 million in losses":
// with a word that pairs them in order, the first figure is the first name's and the second the
// second's. A report's figures take their name from it; a memo's figure is held to the claim of the
// name in its place.
import { lexicon } from '../lexicon';
import { type ValueMention } from '../values';
import { type SentenceView } from './sentence';

export interface RespectiveItem {
  first: number;
  last: number;
  text: string;
}

/** The names of the coordination a pairing word goes with: "Wormhole and Qubit", "A, B and C". */
export function respectiveItems(view: SentenceView, at: number): RespectiveItem[] {
  if (!view.words.some((w) => lexicon.respectiveWords.has(w))) return [];
  const { first, last } = view.stretchAt(at);
  for (const e of view.entities) {
    if (e.first < first || e.last > last) continue;
    const items: RespectiveItem[] = [];
    let start = e.first;
    for (let k = e.first; k <= e.last; k++) {
      const separator = k === e.last || view.words[k] === 'and' || view.gapBefore(k).includes(',');
      if (!separator) continue;
      let from = start;
      while (from < k && (view.words[from] === 'and' || lexicon.determiners.has(view.words[from]))) from++;
      if (from < k) {
        items.push({ first: from, last: k, text: view.text.slice(view.tokens[from].start, view.tokens[k - 1].end) });
      }
      start = view.words[k] === 'and' ? k + 1 : k;
    }
    if (items.length >= 2) return items;
  }
  return [];
}

/** The place of a figure among the figures of its kind in its stretch: 0 for the first. */
export function respectiveIndex(view: SentenceView, v: ValueMention): number {
  const { first, last } = view.stretchAt(view.tokenIndexAt(v.start));
  const same = view.values.filter((o) => {
    const k = view.tokenIndexAt(o.start);
    return (
      o.kind === v.kind && k >= first && k < last && !(o.kind === 'number' && v.kind === 'number' && o.unit !== v.unit)
    );
  });
  return same.indexOf(v);
}
