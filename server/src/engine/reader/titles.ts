// A person and the title a sentence gives them in apposition: "Dr Amara Osei, an associate
// professor of public health, …". Two sentences of one memo that give the same person different
// titles contradict each other, unless one of them marks another time or a second role ("former",
// "also").
import { lexicon, phraseAt } from '../lexicon';
import { type SentenceView } from './sentence';
import { detached } from '../text/detach';

export interface PersonTitle {
  /** The name's words as written, honorifics left out ("Amara Osei", "Osei"). */
  name: string[];
  /** The title's words, lower-cased ("associate professor"). */
  title: string[];
  /** Where the title is written (offsets into the sentence's text), and as written. */
  start: number;
  end: number;
  written: string;
}

const articles = new Set(['a', 'an', 'the']);

export function personTitles(view: SentenceView): PersonTitle[] {
  const { tokens, words } = view;
  const out: PersonTitle[] = [];
  for (let i = 0; i < words.length; i++) {
    if (phraseAt(lexicon.additionalRoleCues, words, i) || lexicon.roleTimeWords.has(words[i])) return [];
  }
  for (let k = 1; k < tokens.length; k++) {
    // ", an associate professor": a comma, an article, modifiers, then a title word.
    if (!/^\s*,\s*$/.test(view.gapBefore(k)) || !articles.has(words[k])) continue;
    let j = k + 1;
    while (j < tokens.length && lexicon.titleModifiers.has(words[j]) && !/[,;:()]/.test(view.gapBefore(j + 1))) j++;
    if (j >= tokens.length || !lexicon.titleWords.has(words[j])) continue;
    const name = nameBefore(view, k);
    if (name.length === 0) continue;
    const first = k + 1;
    const [start, end] = [tokens[first].start, tokens[j].end];
    out.push({ name, title: words.slice(first, j + 1), start, end, written: detached(view.raw.slice(start, end)) });
  }
  return out;
}

/** The capitalised words right before token k, honorifics left out: "Dr Amara Osei" gives Amara, Osei. */
function nameBefore(view: SentenceView, k: number): string[] {
  const { tokens, words } = view;
  const name: string[] = [];
  for (let i = k - 1; i >= 0 && name.length < 4; i--) {
    // One name: capitalised words with only spaces between them (or ". " after an initial).
    const gap = i < k - 1 ? view.gapBefore(i + 1) : ' ';
    if (!/^\p{Lu}\p{Ll}/u.test(tokens[i].raw) || (!/^\s+$/.test(gap) && gap !== '. ')) break;
    if (lexicon.honorifics.has(words[i])) break;
    name.unshift(detached(tokens[i].raw));
  }
  // A sentence's first word alone may be any capitalised word ("Meanwhile, a senior …").
  if (name.length === 1 && view.tokens[0] === tokens[k - 1]) return [];
  return name;
}

/** Later titles of a person that differ from the first one (a person is known by surname). */
export function conflictingTitles(all: readonly PersonTitle[]): { earlier: PersonTitle; later: PersonTitle }[] {
  const surname = (p: PersonTitle): string => p.name[p.name.length - 1];
  // Two people of one surname ("So Jeong Kim", "Min Kim"): neither is compared.
  const fullNames = new Map<string, Set<string>>();
  for (const p of all) {
    if (p.name.length < 2) continue;
    const names = fullNames.get(surname(p)) ?? new Set<string>();
    fullNames.set(surname(p), names.add(p.name.join(' ')));
  }
  const out: { earlier: PersonTitle; later: PersonTitle }[] = [];
  const first = new Map<string, PersonTitle>();
  for (const p of all) {
    const key = surname(p);
    if ((fullNames.get(key)?.size ?? 0) > 1) continue;
    const earlier = first.get(key);
    if (!earlier) first.set(key, p);
    else if (differentRank(earlier.title, p.title)) out.push({ earlier, later: p });
  }
  return out;
}

/** "associate professor" and "assistant professor", "director" and "professor": not the same title. */
function differentRank(a: readonly string[], b: readonly string[]): boolean {
  const head = (t: readonly string[]): string => t[t.length - 1];
  if (head(a) !== head(b)) return true;
  const ranks = (t: readonly string[]): string =>
    t
      .filter((w) => lexicon.distinctRanks.has(w))
      .sort()
      .join(' ');
  return ranks(a) !== ranks(b);
}
