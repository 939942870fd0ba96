// Finds every occurrence of many phrases in a token stream at once, with a trie over normalised
// tokens: one pass over the text, whatever the number of phrases. The trie is flat (edges grouped
// by token, then keyed by node; ends in an array by node), which keeps large knowledge small, and
// following an edge builds no string.
import { type Token, tokenize } from './tokens';

interface End {
  value: number;
  /** Bit k set: the phrase's token k must be written in capitals (tokens past the 31st never are). */
  upperMask: number;
}

export interface PhraseMatch<T> {
  value: T;
  /** Index of the first and one past the last token. */
  first: number;
  last: number;
  start: number;
  end: number;
}

export class PhraseMatcher<T> {
  /** Edges: token → (node → child node). Node 0 is the root. */
  private readonly edges = new Map<string, Map<number, number>>();
  private readonly ends: (End[] | undefined)[] = [undefined];
  private readonly values: T[] = [];
  private longest = 0;

  /** Adds a phrase. Tokens written in capitals (acronyms such as IT, US, APT) only match capitals. */
  add(phrase: string, value: T): void {
    const tokens = tokenize(phrase);
    if (tokens.length === 0) return;
    let node = 0;
    for (const token of tokens) {
      let byNode = this.edges.get(token.norm);
      if (!byNode) this.edges.set(token.norm, (byNode = new Map()));
      let child = byNode.get(node);
      if (child === undefined) {
        child = this.ends.length;
        this.ends.push(undefined);
        byNode.set(node, child);
      }
      node = child;
    }
    // An all-capitals phrase of ordinary words ("NATIONAL STRATEGY") is not an acronym; only
    // short capitalised tokens are case-sensitive.
    let upperMask = 0;
    for (let i = 0; i < Math.min(tokens.length, 31); i++) {
      if (tokens[i].upper && tokens[i].raw.length <= 5 && /\p{L}/u.test(tokens[i].raw)) upperMask |= 1 << i;
    }
    this.values.push(value);
    // Exactly sized (most nodes end one phrase): arrays grown by push keep spare room, which adds
    // up to megabytes over a large knowledge base.
    const end = { value: this.values.length - 1, upperMask };
    const ends = this.ends[node];
    this.ends[node] = ends ? [...ends, end] : [end];
    this.longest = Math.max(this.longest, tokens.length);
  }

  /** All matches, including overlapping ones, in order of their first token. */
  matchAll(tokens: readonly Token[]): PhraseMatch<T>[] {
    const found: PhraseMatch<T>[] = [];
    for (let i = 0; i < tokens.length; i++) {
      let node = 0;
      for (let j = i; j < tokens.length && j - i < this.longest; j++) {
        const child = this.edges.get(tokens[j].norm)?.get(node);
        if (child === undefined) break;
        node = child;
        for (const end of this.ends[node] ?? []) {
          if (end.upperMask === 0 || capitalsWhereNeeded(end.upperMask, tokens, i)) {
            found.push({
              value: this.values[end.value],
              first: i,
              last: j + 1,
              start: tokens[i].start,
              end: tokens[j].end,
            });
          }
        }
      }
    }
    return found;
  }

  /** Longest non-overlapping matches, left to right. */
  matchLongest(tokens: readonly Token[]): PhraseMatch<T>[] {
    const all = this.matchAll(tokens);
    const chosen: PhraseMatch<T>[] = [];
    let i = 0;
    let cursor = 0;
    while (i < all.length) {
      // Among matches starting at the same token, prefer the longest.
      let best = all[i];
      let j = i + 1;
      while (j < all.length && all[j].first === best.first) {
        if (all[j].last > best.last) best = all[j];
        j++;
      }
      // "the Korean Peninsula Energy Development Organisation": a form opening with "the" gives way to
      // a longer name that starts right after the article and runs past it.
      if (tokens[best.first].lower === 'the') {
        let alt: PhraseMatch<T> | undefined;
        let k = j;
        for (; k < all.length && all[k].first === best.first + 1; k++) if (!alt || all[k].last > alt.last) alt = all[k];
        if (alt && alt.last > best.last) {
          best = alt;
          j = k;
        }
      }
      if (best.first >= cursor) {
        chosen.push(best);
        cursor = best.last;
      }
      i = j;
    }
    return chosen;
  }
}

function capitalsWhereNeeded(mask: number, tokens: readonly Token[], first: number): boolean {
  for (let k = 0; k < 31; k++) if (mask & (1 << k) && !tokens[first + k].upper) return false;
  return true;
}
