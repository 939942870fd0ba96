// Sentence boundaries in masked prose. A full stop ends a sentence only when followed by space and
// a plausible sentence start, and not after an abbreviation ("U.S.", "Dr.", "e.g.") or an initial;
// decimals never qualify because no space follows their point.

import { lexicon } from '../lexicon';

export interface SentenceSpan {
  start: number;
  end: number;
}

// The lexicon's abbreviations, and a few of citations ("op. cit.", "ibid.").
const abbreviations = new Set([...lexicon.abbreviations, 'op', 'cit', 'ibid', 'rev', 'mt']);
// Abbreviations that only stand before a number ("No. 5", "p. 3"); "no." ending a sentence is a word.
const numberAbbreviations = new Set([
  'no',
  'nos',
  'vol',
  'pp',
  'p',
  'ch',
  'fig',
  'figs',
  'para',
  'paras',
  'art',
  'sec',
]);

function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\u00a0';
}

/**
 * The word (letters and inner dots) that ends just before `at`, at most 64 characters of it: no
 * abbreviation is that long, and a bound keeps a long run of dots from being scanned once per dot.
 */
function wordBefore(text: string, at: number): string {
  let i = at;
  while (i > 0 && at - i < 64 && /[\p{L}.]/u.test(text[i - 1])) i--;
  return text.slice(i, at);
}

export function splitSentences(text: string, from = 0, to = text.length): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = from;
  const push = (end: number): void => {
    let s = start;
    let e = end;
    while (s < e && isSpace(text[s])) s++;
    while (e > s && isSpace(text[e - 1])) e--;
    if (e > s) spans.push({ start: s, end: e });
  };
  // Where the run of punctuation last measured ends: a later stop inside the run ends it there too.
  let runEnd = -1;
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (c !== '.' && c !== '!' && c !== '?' && c !== '…') continue;
    // Closing quotes and brackets belong to the sentence.
    let end = i + 1 < runEnd ? runEnd : i + 1;
    while (end < to && /[.!?…"'’”)\]]/.test(text[end])) end++;
    runEnd = end;
    if (end < to && !isSpace(text[end])) {
      // Not a boundary; the whole run of punctuation is done with ("....x" is scanned once).
      i = end - 1;
      continue;
    }
    let next = end;
    while (next < to && isSpace(text[next])) next++;
    if (next < to && !/[\p{Lu}\p{N}"'‘“([\p{Lo}]/u.test(text[next])) continue;
    if (c === '.') {
      // A dot right before: the word has a dot in it ("U.S.", "..."), so this is no boundary either.
      if (text[i - 1] === '.') continue;
      const word = wordBefore(text, i);
      const bare = word.replace(/\./g, '').toLowerCase();
      // An initial ("John F. Kennedy") or a dotted abbreviation ("U.S.", "e.g.").
      const beforeNumber = numberAbbreviations.has(bare) && /\d/.test(text[next] ?? '');
      // "4G." ends a sentence: a capital glued to a digit names a technology, it is no initial.
      const initial = /^\p{Lu}$/u.test(word) && !/\p{N}/u.test(text[i - 2] ?? '');
      // "the early 1990s." ends a sentence: letters glued to a number are no abbreviation.
      const afterNumber = /\p{N}/u.test(text[i - word.length - 1] ?? '');
      if (initial || word.includes('.') || (abbreviations.has(bare) && !afterNumber) || beforeNumber) {
        // "... in the U.S. The next ..." is ambiguous; staying in one sentence is the silent choice.
        continue;
      }
    }
    push(end);
    start = end;
    i = end - 1;
  }
  push(to);
  return spans;
}
