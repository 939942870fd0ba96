// Reads every value a sentence states, left to right: dates first (they start with a month or a
// day), then years and periods, ordinals, numbers in digits or words, fractions, quantifiers.
import { lexicon, phraseAt, phraseBefore } from '../lexicon';
import { type Token } from '../text/tokens';
import { isMonthAt, readDate, readYear } from './dates';
import { linkTotals, readDigits, readFraction, readNumberWords } from './numbers';
import { readOrdinalDigits, readOrdinalWord } from './ordinals';
import { readQuantifier } from './quantifiers';
import { type NumberMention, type ValueMention, type YearMention } from './types';

export * from './types';
export {
  boundOf,
  compareIntervals,
  mentionInterval,
  overlaps,
  sameBoundOtherFigure,
  sourceInterval,
} from './intervals';
export type { Interval } from './intervals';

/** Every value mention in a sentence. `tokens` must come from the same `text` (offsets into it). */
export function extractValues(text: string, tokens: readonly Token[]): ValueMention[] {
  const found: ValueMention[] = [];
  const numbers: NumberMention[] = [];
  const words = tokens.map((t) => t.lower);
  for (let i = 0; i < tokens.length;) {
    const t = tokens[i];
    if (isMonthAt(tokens, i)) {
      const date = readDate(tokens, words, i, text);
      if (date) {
        // A day stolen from the token before ("27 October") was read as a number: drop it.
        // So were both days of a span ("7 to 11 July").
        while (found.length > 0 && found[found.length - 1].start >= date.mention.start) {
          const last = found.pop()!;
          if (last.kind === 'number') numbers.splice(numbers.indexOf(last), 1);
        }
        found.push(date.mention);
        i = date.next;
        continue;
      }
    }
    // "28 October 2022": the day is read with its month.
    if (/^\d{1,2}$/.test(t.raw) && isMonthAt(tokens, i + 1) && text.slice(t.end, tokens[i + 1].start) === ' ') {
      i++;
      continue;
    }
    if (/^\d/.test(t.raw)) {
      const year = readYear(tokens, words, i, text);
      if (year && !/^[.,]?\d/.test(text.slice(t.end, t.end + 2)) && !isLetterAfter(text, t.end)) {
        // "the first half of 2022": the words read before it ("first", "half") were part of it.
        while (found.length > 0 && found[found.length - 1].start >= year.mention.start) {
          const dropped = found.pop()!;
          if (dropped.kind === 'number') numbers.splice(numbers.indexOf(dropped), 1);
        }
        found.push(year.mention);
        i = year.next;
        continue;
      }
      const ordinal = readOrdinalDigits(tokens, i, text);
      if (ordinal) {
        found.push(ordinal.mention);
        i = ordinal.next;
        continue;
      }
      const fraction = readFraction(tokens, words, i, text);
      if (fraction) {
        found.push(fraction.mention);
        numbers.push(fraction.mention);
        i = fraction.next;
        continue;
      }
      const read = readDigits(tokens, words, i, text);
      if (read?.mention) {
        found.push(read.mention);
        numbers.push(read.mention);
      }
      i = read ? Math.max(read.next, i + 1) : i + 1;
      continue;
    }
    const fraction = readFraction(tokens, words, i, text);
    if (fraction) {
      found.push(fraction.mention);
      numbers.push(fraction.mention);
      i = fraction.next;
      continue;
    }
    const ordinal = readOrdinalWord(tokens, i, text);
    if (ordinal) {
      found.push(ordinal.mention);
      i = ordinal.next;
      continue;
    }
    const number = readNumberWords(tokens, words, i, text);
    // "one mention", "one time": a lone "one" that is no count may open a frequency ("more than one
    // mention" is a bound, not one).
    const unbounded = (phraseBefore(lexicon.hedges, words, i)?.value ?? 'exact') === 'exact';
    const frequency = number && !number.mention && unbounded ? readQuantifier(tokens, words, i) : undefined;
    if (number && !frequency) {
      if (number.mention) {
        found.push(number.mention);
        numbers.push(number.mention);
      }
      i = Math.max(number.next, i + 1);
      continue;
    }
    const quantifier = frequency ?? readQuantifier(tokens, words, i);
    if (quantifier) {
      found.push(quantifier.mention);
      i = quantifier.next;
      continue;
    }
    i++;
  }
  fractionsOfPercents(found, numbers, text);
  daysOfMonthBefore(found, tokens, words, text);
  yearsFromAnother(found, numbers, tokens, words);
  linkTotals(numbers, found, tokens, words, text);
  // "20 or so people", "78% or more": a hedge written after the figure (and its unit).
  for (const n of numbers) {
    if (n.hedge !== 'exact') continue;
    const k = tokens.findIndex((tok) => tok.start >= n.valueEnd);
    const after = k >= 0 ? phraseAt(lexicon.hedgesAfter, words, k) : undefined;
    if (!after || text.slice(n.valueEnd, tokens[k].start).trim() !== '') continue;
    // "$175 million or more than 72 million people": "or more than" opens another bound.
    if (words[k + after.words.length] === 'than') continue;
    n.hedge = after.value;
    n.end = Math.max(n.end, tokens[k + after.words.length - 1].end);
  }
  for (const n of numbers) {
    if (n.unit !== 'percent') continue;
    const k = tokens.findIndex((tok) => tok.start >= n.end);
    if (k >= 0 && lexicon.comparativeWords.has(words[k])) n.comparative = true;
    // "a 50% increase", "a 50-percent speed gain": a noun of change right after it, or after one word.
    const change = (j: number): boolean => j < tokens.length && lexicon.changeWordStems.has(tokens[j].norm);
    if (k >= 0 && (change(k) || (change(k + 1) && !gapAfterBreaks(text, tokens, k)))) n.comparative = true;
  }
  return found;
}

/**
 * "two-thirds of one percent", "half of 1%": a fraction of a percentage is that part of it (0.67%),
 * not a share of two-thirds. Merged into the fraction's mention, the percentage dropped.
 */
function fractionsOfPercents(found: ValueMention[], numbers: NumberMention[], text: string): void {
  for (let k = 0; k + 1 < found.length; k++) {
    const f = found[k];
    const n = found[k + 1];
    if (f.kind !== 'number' || !f.fraction || n.kind !== 'number' || n.unit !== 'percent' || n.fraction) continue;
    if (text.slice(f.end, n.start).trim().toLowerCase() !== 'of') continue;
    f.value = Math.round(((f.value * n.value) / 100) * 1000) / 1000;
    f.end = n.end;
    f.valueEnd = n.valueEnd;
    found.splice(k + 1, 1);
    numbers.splice(numbers.indexOf(n), 1);
  }
}

/**
 * "late in October — on the 24th": a day written as "on the" and an ordinal, ending its phrase, is
 * the day of the one month written just before it without a day. The month's mention takes it.
 */
function daysOfMonthBefore(found: ValueMention[], tokens: readonly Token[], words: readonly string[], text: string) {
  for (let k = 1; k < found.length; k++) {
    const o = found[k];
    const d = found[k - 1];
    if (o.kind !== 'ordinal' || o.words || o.value < 1 || o.value > 31 || d.kind !== 'date') continue;
    if (!d.months || d.months.lo !== d.months.hi || (d.days && d.days.lo === d.days.hi)) continue;
    const at = tokens.findIndex((t) => t.start === o.start);
    if (at < 2 || words[at - 1] !== 'the' || words[at - 2] !== 'on') continue;
    // "on the 24th anniversary": a word right after it makes it another thing's ordinal.
    if (at + 1 < tokens.length && text.slice(o.end, tokens[at + 1].start) === ' ') continue;
    const between = tokens.filter((t) => t.start >= d.end && t.end <= tokens[at - 2].start).length;
    if (between > 2) continue;
    d.days = { lo: o.value, hi: o.value };
    d.end = o.end;
    found.splice(k, 1);
  }
}

/**
 * "made public the following year", "after revising it the previous year": a year written as its distance
 * from the year written last before it in the sentence is that year, and is read as one.
 */
function yearsFromAnother(found: ValueMention[], numbers: NumberMention[], tokens: readonly Token[], words: string[]) {
  for (let i = 0; i < tokens.length; i++) {
    const phrase = phraseAt(lexicon.yearsFromAnother, words, i);
    if (!phrase) continue;
    const start = tokens[i].start;
    const end = tokens[i + phrase.words.length - 1].end;
    let base: number | undefined;
    for (const v of found) if (v.end <= start && (v.kind === 'year' || v.kind === 'date')) base = v.year ?? base;
    i += phrase.words.length - 1;
    if (base === undefined) continue;
    // "two years later": the number word was read as a count; it is part of the year.
    for (let k = found.length - 1; k >= 0; k--) {
      const v = found[k];
      if (v.start >= end || v.end <= start) continue;
      found.splice(k, 1);
      if (v.kind === 'number') numbers.splice(numbers.indexOf(v), 1);
    }
    const at = found.findIndex((v) => v.start > start);
    const year: YearMention = { kind: 'year', year: base + phrase.value, start, end };
    found.splice(at < 0 ? found.length : at, 0, year);
  }
}

/** Punctuation between token k and the next ends the phrase. */
function gapAfterBreaks(text: string, tokens: readonly Token[], k: number): boolean {
  return k + 1 >= tokens.length || text.slice(tokens[k].end, tokens[k + 1].start).trim() !== '';
}

/** "2010s", "2022Q4": letters glued to four digits make them something other than a year. */
function isLetterAfter(text: string, end: number): boolean {
  return /\p{L}/u.test(text[end] ?? '');
}
