// Ordinals: "the third session", "its 60th anniversary", "Session #3", "twenty-first", and ranks
// with their size ("25th out of 182").
import { lexicon } from '../lexicon';
import { type Token } from '../text/tokens';
import { type OrdinalMention } from './types';
import { lowerAt } from './numbers';

function hasDeterminer(tokens: readonly Token[], i: number, text: string): boolean {
  const prev = lowerAt(tokens, i - 1);
  if (['the', 'its', 'a', 'an', 'their', 'his', 'her', 'our', 'this', 'that', 'each'].includes(prev)) return true;
  // A possessive: "Korea's third".
  return i > 0 && /['’]s\s+$/.test(text.slice(tokens[i - 1].start, tokens[i].start));
}

/** "the 25th-largest", "its third biggest": an ordinal that ranks by a superlative right after it. */
function ranksBySuperlative(tokens: readonly Token[], next: number, text: string, end: number): boolean {
  const after = tokens[next];
  if (!after || !lexicon.rankSuperlatives.has(after.lower)) return false;
  const gap = text.slice(end, after.start);
  return gap === '-' || gap === ' ';
}

/** "25th out of 182", "3rd of 40": the size of the ranking after an ordinal that ends at `end`. */
function outOf(text: string, end: number): { value: number; end: number } | undefined {
  const m = /^\s+(?:out\s+)?of\s+(\d{1,5})(?![\d\p{L}])/u.exec(text.slice(end, end + 20));
  return m ? { value: Number(m[1]), end: end + m[0].length } : undefined;
}

/** An ordinal in digits at token i ("60th", "3rd"), or after "#" ("#3"). */
export function readOrdinalDigits(
  tokens: readonly Token[],
  i: number,
  text: string,
): { mention: OrdinalMention; next: number } | undefined {
  const t = tokens[i];
  const m = /^(\d+)(st|nd|rd|th)?$/i.exec(t.raw);
  if (!m) return undefined;
  const value = Number(m[1]);
  if (m[2]) {
    const mention: OrdinalMention = {
      kind: 'ordinal',
      value,
      start: t.start,
      end: t.end,
      determiner: hasDeterminer(tokens, i, text),
      words: false,
    };
    let next = i + 1;
    const rank = outOf(text, t.end);
    if (rank && rank.value > value) {
      mention.outOf = rank.value;
      mention.end = rank.end;
      while (next < tokens.length && tokens[next].start < rank.end) next++;
    }
    if (ranksBySuperlative(tokens, next, text, mention.end)) mention.superlative = true;
    return { mention, next };
  }
  if (text[t.start - 1] === '#' && value < 1000) {
    return {
      mention: { kind: 'ordinal', value, start: t.start - 1, end: t.end, determiner: true, words: false },
      next: i + 1,
    };
  }
  return undefined;
}

/** Ordinals in words: "third", "sixtieth", "twenty-first". */
export function readOrdinalWord(
  tokens: readonly Token[],
  i: number,
  text: string,
): { mention: OrdinalMention; next: number } | undefined {
  const w = lowerAt(tokens, i);
  let value: number | undefined;
  let next = i + 1;
  if (w in lexicon.ordinalWords) value = lexicon.ordinalWords[w];
  else if (w in lexicon.ordinalTensWords) value = lexicon.ordinalTensWords[w];
  else if (
    w in lexicon.tensWords &&
    /^[\s-]$/.test(text.slice(tokens[i].end, tokens[i + 1]?.start ?? 0)) &&
    lowerAt(tokens, i + 1) in lexicon.ordinalWords
  ) {
    value = lexicon.tensWords[w] + lexicon.ordinalWords[lowerAt(tokens, i + 1)];
    next = i + 2;
  }
  if (value === undefined) return undefined;
  const mention: OrdinalMention = {
    kind: 'ordinal',
    value,
    start: tokens[i].start,
    end: tokens[next - 1].end,
    determiner: hasDeterminer(tokens, i, text),
    words: true,
  };
  const rank = outOf(text, mention.end);
  if (rank && rank.value > value) {
    mention.outOf = rank.value;
    mention.end = rank.end;
    while (next < tokens.length && tokens[next].start < rank.end) next++;
  }
  if (ranksBySuperlative(tokens, next, text, mention.end)) mention.superlative = true;
  return { mention, next };
}
