// Quantifier words ("a majority", "few", "nearly all", "only a handful") and frequencies ("once",
// "several times", "repeatedly"), each a range from the lexicon.
import { lexicon, phraseAt } from '../lexicon';
import { type Token } from '../text/tokens';
import { type QuantifierMention } from './types';
import { lowerAt } from './numbers';

const quantifierStarts = new Set(lexicon.quantifiers.map((q) => q.words[0]));
const frequencyStarts = new Set(lexicon.frequencies.map((q) => q.words[0]));

export function readQuantifier(
  tokens: readonly Token[],
  words: readonly string[],
  i: number,
): { mention: QuantifierMention; next: number } | undefined {
  const w = lowerAt(tokens, i);
  // Frequencies first: "several times" is a frequency, "several" alone a quantifier.
  if (frequencyStarts.has(w)) {
    const f = phraseAt(lexicon.frequencies, words, i);
    // "at all" only after a negation ("does not mention it at all"), where its range is the whole phrase's.
    const negationOnly = f !== undefined && lexicon.negatedOnlyFrequencies.has(f.words.join(' '));
    if (
      f &&
      !(negationOnly && !words.slice(Math.max(0, i - 5), i).some((n) => lexicon.negations.has(n) || n === 't'))
    ) {
      const next = i + f.words.length;
      return {
        mention: {
          kind: 'quantifier',
          words: f.words.join(' '),
          range: f.value,
          frequency: true,
          negated: !negationOnly && negatedBefore(words, i),
          start: tokens[i].start,
          end: tokens[next - 1].end,
        },
        next,
      };
    }
  }
  if (!quantifierStarts.has(w)) return undefined;
  const q = phraseAt(lexicon.quantifiers, words, i);
  if (!q) return undefined;
  // "no" and "each" are quantifiers only before a noun: "no sanctions", not "no longer".
  if ((w === 'no' || w === 'each' || w === 'some' || w === 'much') && q.words.length === 1) {
    const after = lowerAt(tokens, i + 1);
    if (
      !after ||
      lexicon.prepositions.has(after) ||
      lexicon.auxiliaries.has(after) ||
      after === 'longer' ||
      after === 'doubt' ||
      after === 'one'
    ) {
      return undefined;
    }
  }
  const next = i + q.words.length;
  return {
    mention: {
      kind: 'quantifier',
      words: q.words.join(' '),
      range: q.value,
      frequency: false,
      negated: negatedBefore(words, i),
      start: tokens[i].start,
      end: tokens[next - 1].end,
    },
    next,
  };
}

function negatedBefore(words: readonly string[], i: number): boolean {
  return words[i - 1] === 'not' || (words[i - 1] === 'a' && words[i - 2] === 'not');
}
