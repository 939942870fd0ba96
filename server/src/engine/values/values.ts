// Reads the values a sentence states: numbers (digits or words), percentages, multipliers,
// fractions, "14 of 27", hedges ("about", "nearly", "over"), years, dates, periods, ordinals and
// quantifier words. Offsets are those of the text given (block-relative in the checker).
import { Quantifier } from '../../knowledge/types';
import { Token } from '../text/tokens';
import { wordTable } from '../text/table';

export type Hedge = 'exact' | 'approx' | 'nearly' | 'just-over' | 'over' | 'under' | 'at-least' | 'at-most';

interface Span {
  /** The whole mention, hedge included. */
  start: number;
  end: number;
}

export interface NumberMention extends Span {
  kind: 'number';
  value: number;
  unit: 'percent' | 'times' | 'count';
  hedge: Hedge;
  /** Written as a fraction ("two-thirds"), so only approximate. */
  fraction: boolean;
  /** "14 of 27": the total, and where it is written. */
  of?: number;
  ofStart?: number;
  ofEnd?: number;
  /** The number and its unit, without the hedge: what a quick fix replaces. */
  valueStart: number;
  valueEnd: number;
  words: boolean;
}

export interface YearMention extends Span {
  kind: 'year';
  year: number;
  /** The word before the year, lower-cased ("in", "since", "before"). */
  preposition?: string;
}

export interface DateMention extends Span {
  kind: 'date';
  year?: number;
  month?: number;
  day?: number;
}

export interface PeriodMention extends Span {
  kind: 'period';
  from: number;
  to: number;
}

export interface OrdinalMention extends Span {
  kind: 'ordinal';
  value: number;
  /** Preceded by "the", "its", "a", a possessive or "#": a real ordinal, not "first" as an adverb. */
  determiner: boolean;
  words: boolean;
}

export interface QuantifierMention extends Span {
  kind: 'quantifier';
  quantifier: Quantifier;
  negated: boolean;
}

export type ValueMention = NumberMention | YearMention | DateMention | PeriodMention | OrdinalMention | QuantifierMention;

const units = wordTable<number>({
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
});
const tens = wordTable<number>({ twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 });
const scales = wordTable<number>({ hundred: 100, thousand: 1000, million: 1e6, billion: 1e9 });
const ordinalUnits = wordTable<number>({
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, eleventh: 11,
  twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17, eighteenth: 18, nineteenth: 19,
});
const ordinalTens = wordTable<number>({
  twentieth: 20, thirtieth: 30, fortieth: 40, fiftieth: 50, sixtieth: 60, seventieth: 70, eightieth: 80, ninetieth: 90, hundredth: 100,
});
const denominators = wordTable<number>({
  half: 2, halves: 2, third: 3, thirds: 3, quarter: 4, quarters: 4, fourth: 4, fourths: 4, fifth: 5, fifths: 5, sixth: 6, sixths: 6,
  seventh: 7, sevenths: 7, eighth: 8, eighths: 8, ninth: 9, ninths: 9, tenth: 10, tenths: 10,
});
export const months = wordTable<number>({
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6, july: 7, jul: 7,
  august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10, november: 11, nov: 11, december: 12, dec: 12,
});
export const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

// Hedges, longest first; each a sequence of lower-case words.
const hedges: [string[], Hedge][] = [
  [['a', 'little', 'over'], 'just-over'], [['a', 'little', 'more', 'than'], 'just-over'], [['just', 'over'], 'just-over'],
  [['just', 'under'], 'nearly'], [['just', 'shy', 'of'], 'nearly'], [['slightly', 'more', 'than'], 'just-over'],
  [['slightly', 'less', 'than'], 'nearly'], [['well', 'over'], 'over'], [['well', 'above'], 'over'], [['more', 'than'], 'over'],
  [['greater', 'than'], 'over'], [['upwards', 'of'], 'over'], [['in', 'excess', 'of'], 'over'], [['north', 'of'], 'over'],
  [['less', 'than'], 'under'], [['fewer', 'than'], 'under'], [['no', 'more', 'than'], 'at-most'], [['not', 'more', 'than'], 'at-most'],
  [['at', 'most'], 'at-most'], [['up', 'to'], 'at-most'], [['at', 'least'], 'at-least'], [['no', 'fewer', 'than'], 'at-least'],
  [['no', 'less', 'than'], 'at-least'], [['close', 'to'], 'nearly'], [['almost'], 'nearly'], [['nearly'], 'nearly'],
  [['about'], 'approx'], [['around'], 'approx'], [['approximately'], 'approx'], [['approx'], 'approx'], [['roughly'], 'approx'],
  [['some'], 'approx'], [['circa'], 'approx'], [['ca'], 'approx'], [['an', 'estimated'], 'approx'], [['estimated'], 'approx'],
  [['over'], 'over'], [['above'], 'over'], [['under'], 'under'], [['below'], 'under'], [['exactly'], 'exact'],
  [['precisely'], 'exact'], [['just'], 'exact'], [['only'], 'exact'], [['a', 'mere'], 'exact'], [['merely'], 'exact'],
];

const quantifierWords: [string[], Quantifier][] = [
  [['vast', 'majority'], 'most'], [['overwhelming', 'majority'], 'most'], [['almost', 'all'], 'most'], [['nearly', 'all'], 'most'],
  [['hardly', 'any'], 'few'], [['a', 'handful'], 'few'], [['only', 'a', 'few'], 'few'], [['very', 'few'], 'few'], [['a', 'few'], 'some'],
  [['majority'], 'majority'], [['minority'], 'minority'], [['most'], 'most'], [['many'], 'many'], [['numerous'], 'many'],
  [['few'], 'few'], [['several'], 'some'], [['some'], 'some'], [['all'], 'all'], [['every'], 'all'], [['none'], 'none'],
];

function lower(tokens: readonly Token[], i: number): string {
  return i >= 0 && i < tokens.length ? tokens[i].lower : '';
}

function isLetter(c: string | undefined): boolean {
  return c !== undefined && /\p{L}/u.test(c);
}

/** Reads a number written in words starting at token i: returns its value and the index after it. */
function wordNumber(tokens: readonly Token[], i: number, text: string): { value: number; next: number } | undefined {
  let total = 0;
  let current = 0;
  let j = i;
  let any = false;
  while (j < tokens.length) {
    const w = lower(tokens, j);
    if (w in units) current += units[w];
    else if (w in tens) current += tens[w];
    else if (w in scales && any) {
      current = Math.max(current, 1) * scales[w];
      if (scales[w] >= 1000) {
        total += current;
        current = 0;
      }
    } else if (w === 'and' && any && lower(tokens, j + 1) in units) {
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

function matchWords(tokens: readonly Token[], i: number, words: string[]): boolean {
  return words.every((w, k) => lower(tokens, i + k) === w);
}

/** The hedge that ends just before token i, and where it starts. */
function hedgeBefore(tokens: readonly Token[], i: number, text: string): { hedge: Hedge; start: number } {
  // Only a word that can end a hedge is worth trying every hedge phrase against.
  if (hedgeEnds.has(lower(tokens, i - 1))) {
    for (const [words, hedge] of hedges) {
      const at = i - words.length;
      if (at >= 0 && matchWords(tokens, at, words)) return { hedge, start: tokens[at].start };
    }
  }
  const before = text.slice(Math.max(0, tokens[i].start - 2), tokens[i].start);
  if (/~\s?$/.test(before)) return { hedge: 'approx', start: tokens[i].start - before.length + before.indexOf('~') };
  return { hedge: 'exact', start: tokens[i].start };
}

/** Unit words after a number that ends at token index `next` (exclusive) / text offset `end`. */
function unitAfter(tokens: readonly Token[], next: number, end: number, text: string): { unit: 'percent' | 'times' | 'count'; end: number; next: number } {
  const rest = text.slice(end, end + 3);
  if (/^\s?%/.test(rest)) return { unit: 'percent', end: end + rest.indexOf('%') + 1, next };
  const w = lower(tokens, next);
  if (w === 'percent' || w === 'pc') return { unit: 'percent', end: tokens[next].end, next: next + 1 };
  if (w === 'per' && lower(tokens, next + 1) === 'cent') return { unit: 'percent', end: tokens[next + 1].end, next: next + 2 };
  if (w === 'percentage' && /^points?$/.test(lower(tokens, next + 1))) return { unit: 'percent', end: tokens[next + 1].end, next: next + 2 };
  if (w === 'times' || w === 'fold') return { unit: 'times', end: tokens[next].end, next: next + 1 };
  if (/^\s?x\b/i.test(text.slice(end, end + 3)) && !isLetter(text[end + (text[end] === ' ' ? 2 : 1)])) {
    return { unit: 'times', end: end + text.slice(end, end + 3).toLowerCase().indexOf('x') + 1, next: next + (w === 'x' ? 1 : 0) };
  }
  return { unit: 'count', end, next };
}

/**
 * Every value mention in a sentence. `tokens` must come from the same `text` (offsets into it).
 */
export function extractValues(text: string, tokens: readonly Token[]): ValueMention[] {
  const found: ValueMention[] = [];
  const numbers: NumberMention[] = [];
  for (let i = 0; i < tokens.length; ) {
    const t = tokens[i];
    const w = t.lower;
    // Month names start dates ("October 27, 2022", "March 2023"); "May" only with a number beside it.
    if (w in months && (t.raw[0] === t.raw[0].toUpperCase()) && (w !== 'may' || /^\d/.test(tokens[i + 1]?.raw ?? ''))) {
      const date = readDate(tokens, i, text);
      if (date) {
        found.push(date.mention);
        i = date.next;
        continue;
      }
    }
    // "28 October 2022": the day is read with its month.
    if (/^\d{1,2}$/.test(t.raw) && tokens[i + 1] && tokens[i + 1].lower in months && /^\p{Lu}/u.test(tokens[i + 1].raw) && text.slice(t.end, tokens[i + 1].start) === ' ') {
      i++;
      continue;
    }
    if (/^\d/.test(t.raw)) {
      const read = readDigits(tokens, i, text);
      if (read) {
        found.push(...read.mentions);
        for (const m of read.mentions) if (m.kind === 'number') numbers.push(m);
        i = read.next;
        continue;
      }
      i++;
      continue;
    }
    // Fractions: "two-thirds", "a third of", "half of", "one in three".
    const fraction = readFraction(tokens, i, text);
    if (fraction) {
      found.push(fraction.mention);
      numbers.push(fraction.mention);
      i = fraction.next;
      continue;
    }
    // Ordinals in words: "third", "sixtieth", "twenty-first".
    const ordinal = readOrdinalWord(tokens, i, text);
    if (ordinal) {
      found.push(ordinal.mention);
      i = ordinal.next;
      continue;
    }
    const number = wordNumber(tokens, i, text);
    if (number) {
      const unit = unitAfter(tokens, number.next, tokens[number.next - 1].end, text);
      const hedge = hedgeBefore(tokens, i, text);
      const mention: NumberMention = {
        kind: 'number', value: number.value, unit: unit.unit, hedge: hedge.hedge, fraction: false, start: hedge.start, end: unit.end,
        valueStart: t.start, valueEnd: unit.end, words: true,
      };
      // "one" on its own is usually a pronoun ("one of the ..."), not a figure.
      if (!(number.value === 1 && unit.unit === 'count')) {
        found.push(mention);
        numbers.push(mention);
      }
      i = unit.next;
      continue;
    }
    const quantifier = readQuantifier(tokens, i);
    if (quantifier) {
      found.push(quantifier.mention);
      i = quantifier.next;
      continue;
    }
    i++;
  }
  linkTotals(numbers, found, text);
  return found;
}

function readDigits(tokens: readonly Token[], i: number, text: string): { mentions: ValueMention[]; next: number } | undefined {
  const t = tokens[i];
  const pattern = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/y;
  pattern.lastIndex = t.start;
  const m = pattern.exec(text);
  if (!m) return undefined;
  const start = t.start;
  const end = start + m[0].length;
  let next = i;
  while (next < tokens.length && tokens[next].start < end) next++;
  const before = text[start - 1];
  const before2 = text[start - 2];
  // Part of a name or code: COVID-19, G20, 5G, A4, SDG-3.
  if (isLetter(before) || (before && /\d/.test(before))) return { mentions: [], next };
  if ((before === '-' || before === '–') && isLetter(before2)) return { mentions: [], next };
  const after = text[end];
  // Ordinal suffix: 60th, 3rd, 21st.
  const suffix = /^(st|nd|rd|th)(?![\p{L}\p{N}])/iu.exec(text.slice(end, end + 3));
  if (suffix) {
    const ordinalEnd = end + suffix[0].length;
    while (next < tokens.length && tokens[next].start < ordinalEnd) next++;
    return { mentions: [{ kind: 'ordinal', value: Number(m[0]), start, end: ordinalEnd, determiner: hasDeterminer(tokens, i, text), words: false }], next };
  }
  if (before === '#') return { mentions: [{ kind: 'ordinal', value: Number(m[0]), start: start - 1, end, determiner: true, words: false }], next };
  if (after !== undefined && isLetter(after) && !/^x(?!\p{L})/iu.test(text.slice(end, end + 2))) return { mentions: [], next };
  if (before === '$' || before === '€' || before === '£' || before === '₩') return { mentions: [], next };
  const value = Number(m[0].replace(/,/g, ''));
  // An identifier such as "Goal 9" or "Resolution 73": a capitalised word right before the number.
  const prev = tokens[i - 1];
  const unit = unitAfter(tokens, next, end, text);
  const isYear = /^\d{4}$/.test(m[0]) && value >= 1000 && value <= 2999 && unit.unit === 'count';
  if (isYear) {
    // A period: 2016–2030, 2016-30, 2016 to 2030.
    const range = /^\s?(?:[–—-]|to|through|until)\s?(\d{4}|\d{2})(?![\p{L}\p{N}])/u.exec(text.slice(end, end + 12));
    if (range) {
      let to = Number(range[1]);
      if (range[1].length === 2) to += Math.floor(value / 100) * 100;
      const rangeEnd = end + range[0].length;
      while (next < tokens.length && tokens[next].start < rangeEnd) next++;
      if (to > value) return { mentions: [{ kind: 'period', from: value, to, start, end: rangeEnd }], next };
    }
    const preposition = prev ? prev.lower : undefined;
    return { mentions: [{ kind: 'year', year: value, start, end, preposition }], next };
  }
  if (prev && unit.unit === 'count' && prev.end === start - 1 && /^\p{Lu}/u.test(prev.raw) && i - 1 > 0) return { mentions: [], next: unit.next };
  // "the top 20 trading partners" ranks; it does not count.
  if (prev && unit.unit === 'count' && /^(top|bottom)$/i.test(prev.raw)) return { mentions: [], next: unit.next };
  const hedge = hedgeBefore(tokens, i, text);
  const mention: NumberMention = {
    kind: 'number', value, unit: unit.unit, hedge: hedge.hedge, fraction: false, start: hedge.start, end: unit.end,
    valueStart: start, valueEnd: unit.end, words: false,
  };
  return { mentions: [mention], next: unit.next };
}

function hasDeterminer(tokens: readonly Token[], i: number, text: string): boolean {
  const prev = lower(tokens, i - 1);
  if (['the', 'its', 'a', 'an', 'their', 'his', 'her', 'our', 'this', 'that', 'each'].includes(prev)) return true;
  // A possessive: "Korea's third".
  if (i > 0 && /['’]s\s*$/.test(text.slice(tokens[i - 1].end, tokens[i].start + 0) + ' ')) return true;
  return i > 0 && /['’]s\s+$/.test(text.slice(tokens[i - 1].start, tokens[i].start));
}

function readDate(tokens: readonly Token[], i: number, text: string): { mention: DateMention; next: number } | undefined {
  const month = months[tokens[i].lower];
  let start = tokens[i].start;
  let end = tokens[i].end;
  let next = i + 1;
  if (text[end] === '.') end++;
  let day: number | undefined;
  let year: number | undefined;
  // "27 October 2022": a day before the month.
  const prev = tokens[i - 1];
  if (prev && /^\d{1,2}$/.test(prev.raw) && Number(prev.raw) <= 31 && text.slice(prev.end, tokens[i].start).trim() === '') {
    day = Number(prev.raw);
    start = prev.start;
  }
  const a = tokens[next];
  // A day after the month: "October 27" or "October 27th" (one token).
  const dayToken = a ? /^(\d{1,2})(?:st|nd|rd|th)?$/i.exec(a.raw) : null;
  if (a && dayToken && day === undefined && Number(dayToken[1]) >= 1 && Number(dayToken[1]) <= 31) {
    day = Number(dayToken[1]);
    end = a.end;
    next++;
  }
  const b = tokens[next];
  if (b && /^\d{4}$/.test(b.raw) && /^[\s,]*$/.test(text.slice(end, b.start))) {
    year = Number(b.raw);
    end = b.end;
    next++;
  }
  if (day === undefined && year === undefined) {
    // A bare month needs a preposition before it ("in March") to count as a date.
    if (!['in', 'since', 'until', 'by', 'from', 'during', 'of', 'last', 'early', 'late', 'mid'].includes(lower(tokens, i - 1))) return undefined;
  }
  const mention: DateMention = { kind: 'date', month, start, end };
  if (day !== undefined) mention.day = day;
  if (year !== undefined) mention.year = year;
  // A day stolen from a preceding token must not be re-read as a number.
  return { mention, next };
}

function readFraction(tokens: readonly Token[], i: number, text: string): { mention: NumberMention; next: number } | undefined {
  const w = lower(tokens, i);
  const gap = (a: number): string => (a + 1 < tokens.length ? text.slice(tokens[a].end, tokens[a + 1].start) : '');
  let numerator: number | undefined;
  let denomIndex = i;
  if (w === 'a' || w === 'one') {
    numerator = 1;
    denomIndex = i + 1;
  } else if (w in units && units[w] > 1) {
    numerator = units[w];
    denomIndex = i + 1;
  } else if (w === 'half' && (lower(tokens, i + 1) === 'of' || lower(tokens, i - 1) === 'than')) {
    numerator = 1;
  }
  if (numerator === undefined) return undefined;
  const d = lower(tokens, denomIndex);
  if (!(d in denominators)) {
    // "one in three"
    if ((w in units || w === 'one') && lower(tokens, i + 1) === 'in' && lower(tokens, i + 2) in units) {
      const den = units[lower(tokens, i + 2)];
      return fractionMention(tokens, i, i + 3, numerator / den, text);
    }
    return undefined;
  }
  if (denomIndex > i && !/^[\s-]$/.test(gap(i))) return undefined;
  const plural = d.endsWith('s') && d !== 'halves' ? true : d === 'halves';
  // "a third" / "one third" need "of" after them, or they may be ordinals ("a third session").
  if (!plural && lower(tokens, denomIndex + 1) !== 'of' && d !== 'half') return undefined;
  if (d === 'half' && denomIndex > i && lower(tokens, denomIndex + 1) !== 'of' && lower(tokens, i - 1) !== 'than') return undefined;
  return fractionMention(tokens, i, denomIndex + 1, numerator / denominators[d], text);
}

function fractionMention(tokens: readonly Token[], i: number, next: number, ratio: number, text: string): { mention: NumberMention; next: number } {
  const hedge = hedgeBefore(tokens, i, text);
  return {
    mention: {
      kind: 'number', value: Math.round(ratio * 1000) / 10, unit: 'percent', hedge: hedge.hedge, fraction: true,
      start: hedge.start, end: tokens[next - 1].end, valueStart: tokens[i].start, valueEnd: tokens[next - 1].end, words: true,
    },
    next,
  };
}

function readOrdinalWord(tokens: readonly Token[], i: number, text: string): { mention: OrdinalMention; next: number } | undefined {
  const w = lower(tokens, i);
  let value: number | undefined;
  let next = i + 1;
  if (w in ordinalUnits) value = ordinalUnits[w];
  else if (w in ordinalTens) value = ordinalTens[w];
  else if (w in tens && text.slice(tokens[i].end, tokens[i + 1]?.start ?? 0).match(/^[\s-]$/) && lower(tokens, i + 1) in ordinalUnits) {
    value = tens[w] + ordinalUnits[lower(tokens, i + 1)];
    next = i + 2;
  }
  if (value === undefined) return undefined;
  return { mention: { kind: 'ordinal', value, start: tokens[i].start, end: tokens[next - 1].end, determiner: hasDeterminer(tokens, i, text), words: true }, next };
}

const quantifierStarts = new Set(quantifierWords.map(([words]) => words[0]));
const hedgeEnds = new Set(hedges.map(([words]) => words[words.length - 1]));

function readQuantifier(tokens: readonly Token[], i: number): { mention: QuantifierMention; next: number } | undefined {
  // Most words start no quantifier: one set look-up instead of trying every phrase.
  if (!quantifierStarts.has(lower(tokens, i))) return undefined;
  for (const [words, quantifier] of quantifierWords) {
    if (!matchWords(tokens, i, words)) continue;
    const negated = lower(tokens, i - 1) === 'not' || (lower(tokens, i - 1) === 'a' && lower(tokens, i - 2) === 'not');
    const next = i + words.length;
    return { mention: { kind: 'quantifier', quantifier, negated, start: tokens[i].start, end: tokens[next - 1].end }, next };
  }
  return undefined;
}

/** "14 of Korea's 27 partners", "ten out of 27": the second count becomes the first one's total. */
function linkTotals(numbers: NumberMention[], found: ValueMention[], text: string): void {
  for (let k = 0; k + 1 < numbers.length; k++) {
    const a = numbers[k];
    const b = numbers[k + 1];
    if (a.unit !== 'count' || b.unit !== 'count' || b.value <= a.value) continue;
    const between = text.slice(a.end, b.start);
    if (!/^\s+(?:out\s+)?of\s+(?:[^\s\d]+\s+){0,3}$/.test(between)) continue;
    a.of = b.value;
    a.ofStart = b.valueStart;
    a.ofEnd = b.valueEnd;
    found.splice(found.indexOf(b), 1);
    numbers.splice(k + 1, 1);
  }
}

/** An interval that a mention or a sourced value allows. */
export interface Interval {
  lo: number;
  hi: number;
}

/** The values a memo's number allows: hedges widen it; a bare round number allows rounding. */
export function mentionInterval(m: NumberMention): Interval {
  const v = m.value;
  const slack = m.fraction ? 3 : m.unit === 'count' && Number.isInteger(v) && !m.words ? 0 : v % 10 === 0 ? Math.min(2, v * 0.05) : 0.5;
  switch (m.hedge) {
    case 'approx':
      return { lo: v * 0.9 - 0.5 - (m.fraction ? 3 : 0), hi: v * 1.1 + 0.5 + (m.fraction ? 3 : 0) };
    case 'nearly':
      return { lo: v * 0.9 - 0.5, hi: v };
    case 'just-over':
      return { lo: v, hi: v * 1.1 + 0.5 };
    case 'over':
      return { lo: v + 1e-9, hi: Infinity };
    case 'under':
      return { lo: -Infinity, hi: v - 1e-9 };
    case 'at-least':
      return { lo: v, hi: Infinity };
    case 'at-most':
      return { lo: -Infinity, hi: v };
    default:
      return { lo: v - slack, hi: v + slack };
  }
}

export function sourceInterval(value: number, approx: boolean | undefined, bound: string | undefined): Interval {
  switch (bound) {
    case 'over':
      return { lo: value + 1e-9, hi: Infinity };
    case 'under':
      return { lo: -Infinity, hi: value - 1e-9 };
    case 'at-least':
      return { lo: value, hi: Infinity };
    case 'at-most':
      return { lo: -Infinity, hi: value };
  }
  return approx ? { lo: value - 1, hi: value + 1 } : { lo: value, hi: value };
}

export function overlaps(a: Interval, b: Interval): boolean {
  return a.lo <= b.hi && b.lo <= a.hi;
}
