// Numbers as a memo writes them: digits ("78%", "5.8 million", "$1.7bn", "20+"), words ("fifty",
// "two-thirds", "one in three"), multiples ("50x", "fiftyfold"), with the hedge before them and
// the total after them ("14 of 27").
import { lexicon, phraseAt, phraseBefore } from '../lexicon';
import { type Token } from '../text/tokens';
import { type Hedge, type NumberMention, type ValueMention } from './types';

export function lowerAt(tokens: readonly Token[], i: number): string {
  return i >= 0 && i < tokens.length ? tokens[i].lower : '';
}

function isLetter(c: string | undefined): boolean {
  return c !== undefined && /\p{L}/u.test(c);
}

/** The hedge that ends just before token i, and where it starts. */
function hedgeBefore(
  tokens: readonly Token[],
  words: readonly string[],
  i: number,
  text: string,
): { hedge: Hedge; start: number } {
  // "barely a dozen": the article belongs to the figure, the hedge comes before it.
  const article = i > 0 && lexicon.indefiniteArticles.has(words[i - 1]) && words[i] in lexicon.numberWords;
  const found = phraseBefore(lexicon.hedges, words, article ? i - 1 : i);
  // "over" or "under" right after a number-ish word is a preposition ("passes over 20 ports" stays a hedge).
  if (found) return { hedge: found.value, start: tokens[(article ? i - 1 : i) - found.words.length].start };
  // A symbol right before the figure or its currency sign: ">500", "~40%", "≥ $2m".
  let k = tokens[i].start - 1;
  if (text[k] === ' ') k--;
  if (lexicon.currencies[text[k]] !== undefined) k--;
  if (text[k] === ' ') k--;
  const symbol = k >= 0 ? lexicon.hedgeSymbols[text[k]] : undefined;
  if (symbol) return { hedge: symbol, start: k };
  return { hedge: 'exact', start: tokens[i].start };
}

/** Reads a number written in words starting at token i: its value and the index after it. */
function wordNumber(tokens: readonly Token[], i: number, text: string): { value: number; next: number } | undefined {
  let total = 0;
  let current = 0;
  let j = i;
  let any = false;
  // "a hundred", "a thousand": one of the scale.
  const scaleAfterA = lowerAt(tokens, i + 1);
  if (
    lowerAt(tokens, i) === 'a' &&
    (scaleAfterA === 'hundred' || scaleAfterA === 'thousand') &&
    text.slice(tokens[i].end, tokens[i + 1].start) === ' '
  ) {
    current = 1;
    any = true;
    j = i + 1;
  }
  while (j < tokens.length) {
    const w = lowerAt(tokens, j);
    if (w in lexicon.numberWords) current += lexicon.numberWords[w];
    else if (w in lexicon.tensWords) current += lexicon.tensWords[w];
    else if (any && (w === 'hundred' || w === 'thousand' || w === 'million' || w === 'billion' || w === 'trillion')) {
      current = Math.max(current, 1) * lexicon.scaleWords[w];
      if (lexicon.scaleWords[w] >= 1000) {
        total += current;
        current = 0;
      }
    } else if (w === 'and' && any && lowerAt(tokens, j + 1) in lexicon.numberWords) {
      j++;
      continue;
    } else break;
    any = true;
    // Words of one number are joined by a hyphen or a space, never by other punctuation.
    const gap = j + 1 < tokens.length ? text.slice(tokens[j].end, tokens[j + 1].start) : '';
    j++;
    if (gap !== ' ' && gap !== '-') break;
  }
  return any ? { value: total + current, next: j } : undefined;
}

/** Unit words after a number that ends at token index `next` (exclusive) / text offset `end`. */
function unitAfter(
  tokens: readonly Token[],
  words: readonly string[],
  next: number,
  end: number,
  text: string,
): { unit: NumberMention['unit']; end: number; next: number; comparative?: boolean } {
  const rest = text.slice(end, end + 3);
  if (/^\s?%/.test(rest)) return { unit: 'percent', end: end + rest.indexOf('%') + 1, next };
  const percent = phraseAt(lexicon.percentWords, words, next);
  // "a 50-percent gain": the unit joined to the figure as a compound adjective.
  if (percent && text.slice(end, tokens[next].start).trim().replace('-', '') === '') {
    const last = next + percent.words.length - 1;
    return { unit: 'percent', end: tokens[last].end, next: last + 1 };
  }
  const w = lowerAt(tokens, next);
  if ((w === 'times' || w === 'fold') && text.slice(end, tokens[next].start).trim().replace('-', '') === '') {
    return { unit: 'times', end: tokens[next].end, next: next + 1 };
  }
  // "50x", "50 x", "50×" (the multiplication sign).
  if (/^\s?(x\b|×)/i.test(text.slice(end, end + 3)) && !isLetter(text[end + (text[end] === ' ' ? 2 : 1)])) {
    const sign = text.slice(end, end + 3).toLowerCase();
    return {
      unit: 'times',
      end: end + (sign.includes('×') ? sign.indexOf('×') : sign.indexOf('x')) + 1,
      next: next + (w === 'x' ? 1 : 0),
    };
  }
  return { unit: 'count', end, next };
}

/** The unit symbol right after a figure ending at offset `end`, at most a space between ("700 MHz"). */
function measureAfter(
  tokens: readonly Token[],
  words: readonly string[],
  next: number,
  end: number,
  text: string,
): string | undefined {
  const token = tokens[next];
  if (token === undefined || token.start - end > 1 || text.slice(end, token.start).trim() !== '') return undefined;
  return lexicon.unitSymbols.has(words[next]) ? words[next] : undefined;
}

/** A scale word after a number: "5.8 million", "$1.7bn", "3 billion". */
function scaleAfter(
  tokens: readonly Token[],
  next: number,
  end: number,
  text: string,
): { factor: number; end: number; next: number } | undefined {
  // "$2.5bn", "€515bn": the scale glued to the digits, inside the figure's last token.
  const own = tokens[next - 1];
  if (own && own.end > end) {
    const glued = text.slice(end, own.end).toLowerCase();
    return glued in lexicon.scaleWords ? { factor: lexicon.scaleWords[glued], end: own.end, next } : undefined;
  }
  const t = tokens[next];
  if (!t) return undefined;
  const gap = text.slice(end, t.start);
  const w = t.lower;
  // "a $281-million hack": a scale word joined to the figure as a compound adjective.
  const hyphenated = gap === '-' && lexicon.scaleWords[w] >= 1e6 && w.length > 2;
  if (gap !== ' ' && gap !== '' && !hyphenated) return undefined;
  // One-letter scales only written against the figure ("$5bn", "3m"), never after a space.
  if ((w === 'k' || w === 'm' || w === 'b') && gap !== '') return undefined;
  if (!(w in lexicon.scaleWords)) return undefined;
  return { factor: lexicon.scaleWords[w], end: t.end, next: next + 1 };
}

/** The currency written before a figure ("$", "US$", "€") or after it ("dollars", "won"). */
function currencyAround(
  tokens: readonly Token[],
  i: number,
  next: number,
  start: number,
  text: string,
): { code: string; start?: number; end?: number; next?: number } | undefined {
  const before = text.slice(Math.max(0, start - 3), start);
  for (const symbol of ['US$', 'A$', '$', '€', '£', '₩', '¥']) {
    if (before.endsWith(symbol)) return { code: lexicon.currencies[symbol], start: start - symbol.length };
  }
  const prev = tokens[i - 1];
  const codeBefore = currencyCode(prev);
  if (prev && prev.end === start - 1 && codeBefore) return { code: codeBefore, start: prev.start };
  const after = tokens[next];
  if (!after || text.slice(tokens[next - 1]?.end ?? start, after.start).trim() !== '') return undefined;
  // "15 billion Australian dollars": a currency named by two words.
  const second = tokens[next + 1];
  const pair =
    second && text.slice(after.end, second.start) === ' '
      ? lexicon.currencies[`${after.lower} ${second.lower}`]
      : undefined;
  if (pair) return { code: pair, end: second.end, next: next + 2 };
  // "10 trillion KRW": a code in capitals; "20 billion won": a word, not one in capitals ("WON").
  const code =
    currencyCode(after) ?? (/^\p{Lu}/u.test(after.raw.slice(1)) ? undefined : lexicon.currencies[after.lower]);
  return code ? { code, end: after.end, next: next + 1 } : undefined;
}

/** A currency code as written, in capitals ("KRW", "USD"): the table lists it as a code of its own. */
function currencyCode(t: Token | undefined): string | undefined {
  return t?.upper && lexicon.currencies[t.raw] === t.raw ? t.raw : undefined;
}

/**
 * Digits at token i: a number, a percentage, a multiple or an amount of money. Years and ordinals
 * are read elsewhere.
 */
export function readDigits(
  tokens: readonly Token[],
  words: readonly string[],
  i: number,
  text: string,
): { mention?: NumberMention; next: number } | undefined {
  const t = tokens[i];
  // "1/3", "2/3": a share.
  const slash = /(\d{1,2})\/(\d{1,3})(?![\d/])/y;
  slash.lastIndex = t.start;
  const fraction = slash.exec(text);
  if (fraction && Number(fraction[2]) > Number(fraction[1]) && !/\d/.test(text[t.start - 1] ?? '')) {
    const end = t.start + fraction[0].length;
    let next = i;
    while (next < tokens.length && tokens[next].start < end) next++;
    const hedge = hedgeBefore(tokens, words, i, text);
    const value = Math.round((Number(fraction[1]) / Number(fraction[2])) * 1000) / 10;
    return {
      mention: {
        kind: 'number',
        value,
        unit: 'percent',
        hedge: hedge.hedge,
        fraction: true,
        start: hedge.start,
        end,
        valueStart: t.start,
        valueEnd: end,
        words: false,
      },
      next,
    };
  }
  const pattern = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/y;
  pattern.lastIndex = t.start;
  const m = pattern.exec(text);
  if (!m) return undefined;
  const start = t.start;
  let end = start + m[0].length;
  let next = i;
  while (next < tokens.length && tokens[next].start < end) next++;
  const before = text[start - 1];
  const before2 = text[start - 2];
  // Part of a name or code: COVID-19, G20, 5G, A4, SDG-3, track-1.5.
  if (isLetter(before) || (before && /\d/.test(before))) return { next };
  if ((before === '-' || before === '–') && isLetter(before2)) return { next };
  const after = text[end];
  // "5G", "4th": a letter glued to the digits (multiples "50x" and scales "5bn" are read below).
  // "3.5GHz": a unit symbol glued to the digits is the figure's unit.
  const gluedSymbol = text.slice(end, tokens[next - 1]?.end ?? end).toLowerCase();
  const symbol = gluedSymbol !== '' && lexicon.unitSymbols.has(gluedSymbol) ? gluedSymbol : undefined;
  const glued =
    after !== undefined &&
    isLetter(after) &&
    symbol === undefined &&
    !/^(x|bn|mn|tn|k|m|b)(?!\p{L})/iu.test(text.slice(end, end + 3));
  if (glued) return { next };
  let value = Number(m[0].replace(/,/g, ''));
  const scale = scaleAfter(tokens, next, end, text);
  const currency = currencyAround(tokens, i, scale ? scale.next : next, start, text);
  if (scale && (currency || scale.factor >= 1e6)) {
    value *= scale.factor;
    end = scale.end;
    next = scale.next;
  }
  const unit = currency
    ? { unit: 'money' as const, end: currency.end ?? end, next: currency.next ?? next }
    : unitAfter(tokens, words, next, end, text);
  // "20+": a lower bound.
  let hedgeKind: Hedge | undefined;
  let unitEnd = unit.end;
  if (text[unitEnd] === '+' && !/\d/.test(text[unitEnd + 1] ?? '')) {
    hedgeKind = 'over';
    unitEnd++;
  }
  const prev = tokens[i - 1];
  // An identifier such as "Goal 9" or "Resolution 73": a capitalised word right before the number.
  if (
    prev &&
    unit.unit === 'count' &&
    !currency &&
    prev.end === start - 1 &&
    /^\p{Lu}/u.test(prev.raw) &&
    i - 1 > 0 &&
    !(prev.lower in lexicon.months)
  ) {
    return { next: unit.next };
  }
  // "700 MHz", "3.5GHz": a measurement in a unit symbol, compared only with one in the same unit.
  const measure =
    unit.unit === 'count' && !currency ? (symbol ?? measureAfter(tokens, words, unit.next, unit.end, text)) : undefined;
  const hedge = hedgeBefore(tokens, words, i, text);
  const valueStart = currency?.start ?? start;
  const mention: NumberMention = {
    kind: 'number',
    value,
    unit: unit.unit,
    hedge: hedgeKind ?? hedge.hedge,
    fraction: false,
    start: hedge.hedge === 'exact' ? valueStart : Math.min(hedge.start, valueStart),
    end: unitEnd,
    valueStart,
    valueEnd: unitEnd,
    words: false,
  };
  if (currency) mention.currency = currency.code;
  if (measure) mention.measure = measure;
  // "the top 20 trading partners" ranks: a limit, kept apart from counts of things.
  if (prev && unit.unit === 'count' && /^(top|bottom|first|last)$/i.test(prev.raw)) mention.top = true;
  return { mention, next: unit.next };
}

/** "two-thirds", "a third of", "half of", "one in three", "four in five". */
export function readFraction(
  tokens: readonly Token[],
  words: readonly string[],
  i: number,
  text: string,
): { mention: NumberMention; next: number } | undefined {
  const w = lowerAt(tokens, i);
  const gap = (a: number): string => (a + 1 < tokens.length ? text.slice(tokens[a].end, tokens[a + 1].start) : '');
  let numerator: number | undefined;
  let denomIndex = i;
  if (w === 'a' || w === 'one') {
    numerator = 1;
    denomIndex = i + 1;
  } else if (w in lexicon.numberWords && lexicon.numberWords[w] > 1) {
    numerator = lexicon.numberWords[w];
    denomIndex = i + 1;
  } else if (
    /^\d{1,2}$/.test(tokens[i]?.raw ?? '') &&
    lowerAt(tokens, i + 1) === 'in' &&
    /^\d{1,3}$/.test(tokens[i + 2]?.raw ?? '')
  ) {
    return fractionMention(tokens, words, i, i + 3, Number(tokens[i].raw) / Number(tokens[i + 2].raw), text);
  } else if (w === 'half' && (lowerAt(tokens, i + 1) === 'of' || lowerAt(tokens, i - 1) === 'than')) {
    numerator = 1;
  }
  if (numerator === undefined) return undefined;
  const d = lowerAt(tokens, denomIndex);
  if (!(d in lexicon.denominators)) {
    // "one in three", "four in five"
    const third = lowerAt(tokens, i + 2);
    if (
      (w in lexicon.numberWords || w === 'one') &&
      lowerAt(tokens, i + 1) === 'in' &&
      (third in lexicon.numberWords || /^\d+$/.test(third))
    ) {
      const den = third in lexicon.numberWords ? lexicon.numberWords[third] : Number(third);
      if (den > numerator) return fractionMention(tokens, words, i, i + 3, numerator / den, text);
    }
    return undefined;
  }
  if (denomIndex > i && !/^[\s-]$/.test(gap(i))) return undefined;
  const plural = d.endsWith('s') && d !== 'halves' ? true : d === 'halves';
  // "a third" / "one third" need "of" after them, or they may be ordinals ("a third session").
  if (!plural && lowerAt(tokens, denomIndex + 1) !== 'of' && d !== 'half') return undefined;
  if (d === 'half' && denomIndex > i && lowerAt(tokens, denomIndex + 1) !== 'of' && lowerAt(tokens, i - 1) !== 'than') {
    return undefined;
  }
  return fractionMention(tokens, words, i, denomIndex + 1, numerator / lexicon.denominators[d], text);
}

function fractionMention(
  tokens: readonly Token[],
  words: readonly string[],
  i: number,
  next: number,
  ratio: number,
  text: string,
): { mention: NumberMention; next: number } {
  const hedge = hedgeBefore(tokens, words, i, text);
  return {
    mention: {
      kind: 'number',
      value: Math.round(ratio * 1000) / 10,
      unit: 'percent',
      hedge: hedge.hedge,
      fraction: true,
      start: hedge.start,
      end: tokens[next - 1].end,
      valueStart: tokens[i].start,
      valueEnd: tokens[next - 1].end,
      words: true,
    },
    next,
  };
}

/** "of the three", "out of 27", "of its 20": a total follows token k. */
function ofATotal(tokens: readonly Token[], k: number): boolean {
  let j = k;
  if (lowerAt(tokens, j) === 'out') j++;
  if (lowerAt(tokens, j) !== 'of') return false;
  j++;
  if (lexicon.determiners.has(lowerAt(tokens, j) ?? '')) j++;
  const total = lowerAt(tokens, j) ?? '';
  return (total in lexicon.numberWords && total !== 'one') || total in lexicon.tensWords || /^\d+$/.test(total);
}

/** A number in words at token i ("fifty", "twenty-seven", "fifty times", "fiftyfold"). */
export function readNumberWords(
  tokens: readonly Token[],
  words: readonly string[],
  i: number,
  text: string,
): { mention?: NumberMention; next: number } | undefined {
  const t = tokens[i];
  // "fiftyfold", "tenfold": one token.
  const fold = /^([a-z]+)fold$/.exec(t.lower);
  if (fold && (fold[1] in lexicon.numberWords || fold[1] in lexicon.tensWords)) {
    const value = lexicon.numberWords[fold[1]] ?? lexicon.tensWords[fold[1]];
    const hedge = hedgeBefore(tokens, words, i, text);
    return {
      mention: {
        kind: 'number',
        value,
        unit: 'times',
        hedge: hedge.hedge,
        fraction: false,
        start: hedge.start,
        end: t.end,
        valueStart: t.start,
        valueEnd: t.end,
        words: true,
      },
      next: i + 1,
    };
  }
  const number = wordNumber(tokens, i, text);
  if (!number) return undefined;
  // "seven billion euros": a currency word after the figure in words makes it money.
  const currency = currencyAround(tokens, i, number.next, t.start, text);
  const unit = currency?.end
    ? { unit: 'money' as const, end: currency.end, next: currency.next ?? number.next }
    : unitAfter(tokens, words, number.next, tokens[number.next - 1].end, text);
  const hedge = hedgeBefore(tokens, words, i, text);
  // "one" on its own is usually a pronoun ("one of the ..."), not a figure. "Only one of the three"
  // and a sentence opening "One of the three …" count; "made it one of its six agendas" names.
  const share = ofATotal(tokens, unit.next) && (i === 0 || lexicon.exclusives.has(lowerAt(tokens, i - 1) ?? ''));
  if (number.value === 1 && unit.unit === 'count' && !share) return { next: unit.next };
  const mention: NumberMention = {
    kind: 'number',
    value: number.value,
    unit: unit.unit,
    hedge: hedge.hedge,
    fraction: false,
    start: hedge.start,
    end: unit.end,
    valueStart: t.start,
    valueEnd: unit.end,
    words: true,
  };
  if (currency?.end) mention.currency = currency.code;
  const prev = tokens[i - 1];
  if (prev && unit.unit === 'count' && /^(top|bottom)$/i.test(prev.raw)) mention.top = true;
  return { mention, next: unit.next };
}

/**
 * "14 of Korea's 27 partners", "ten out of 27", "10 of the 20+ participants": the second count
 * becomes the first one's total. "10 of the participants" (no total) marks the first as a subset.
 */
export function linkTotals(
  numbers: NumberMention[],
  found: ValueMention[],
  tokens: readonly Token[],
  words: readonly string[],
  text: string,
): void {
  for (let k = 0; k + 1 < numbers.length; k++) {
    const a = numbers[k];
    const b = numbers[k + 1];
    if (a.unit !== 'count' || b.unit !== 'count' || b.value <= a.value) continue;
    const between = text.slice(a.end, b.start);
    if (!/^\s+(?:out\s+)?of\s+(?:[^\s\d]+\s+){0,3}$/.test(between)) continue;
    a.of = b.value;
    a.ofStart = b.valueStart;
    a.ofEnd = b.valueEnd;
    if (b.hedge !== 'exact') a.ofHedge = b.hedge;
    found.splice(found.indexOf(b), 1);
    numbers.splice(k + 1, 1);
  }
  for (const n of numbers) {
    if (n.of !== undefined) continue;
    const after = tokenAt(tokens, n.end);
    if (after < 0) continue;
    // "ten of the participants", "five of whom": a count of part of a named whole. (A fraction of
    // a whole, "a quarter of its imports", is a share and stays one.)
    const pattern =
      phraseAt(lexicon.subsetPatterns, words, after) ??
      (words[after] === 'of' ? { words: ['of'], value: true } : undefined);
    if (pattern && n.unit === 'count' && !n.fraction) n.subset = true;
  }
  // "Of the 27 partners, 14 are in the Indo-Pacific": a sentence opened by a whole counts parts of it
  // after, as "14 of the 27" does.
  const whole = numbers[0];
  // "• FATF review: of the 98 …": a briefing label before a colon leaves the sentence to open after it.
  const colon = tokens.findIndex((t, k) => k > 0 && text.slice(tokens[k - 1].end, t.start).includes(':'));
  const opening = colon > 0 && colon < tokenAt(tokens, whole?.start ?? 0) ? colon : 0;
  if (
    whole?.unit !== 'count' ||
    whole.of !== undefined ||
    !opensWithWhole(words.slice(opening), tokenAt(tokens, whole.start) - opening)
  ) {
    return;
  }
  const parts = numbers.filter((n) => n !== whole && n.unit === 'count' && n.of === undefined && n.value < whole.value);
  for (const n of parts) {
    n.of = whole.value;
    n.ofStart = whole.valueStart;
    n.ofEnd = whole.valueEnd;
    n.subset = undefined;
    if (whole.hedge !== 'exact') n.ofHedge = whole.hedge;
  }
  if (parts.length > 0) {
    found.splice(found.indexOf(whole), 1);
    numbers.splice(numbers.indexOf(whole), 1);
  }
}

/** "Of the 14 …", "Among its 27 …", "Within the 27 …": the words before a sentence's first count name it as a whole. */
function opensWithWhole(words: readonly string[], at: number): boolean {
  if (at < 1 || at > 2 || !(words[0] === 'of' || lexicon.subsetFrames.has(words[0]))) return false;
  return at === 1 || lexicon.determiners.has(words[1]);
}

/** Index of the first token starting at or after `offset`, or -1. */
function tokenAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo < tokens.length ? lo : -1;
}
