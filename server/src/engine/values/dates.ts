// Years, dates and periods as memos write them: "2022", "October 27, 2022", "27 Oct 2022",
// "Dec 2022", "mid-2022", "late October", "the first half of 2022", "spring of 2022", "2016–2030".
import { lexicon, phraseBefore, type Span } from '../lexicon';
import { type Token } from '../text/tokens';
import { type DateMention, type PeriodMention, type YearMention } from './types';
import { lowerAt } from './numbers';

export const isYearText = (raw: string): boolean => /^\d{4}$/.test(raw) && Number(raw) >= 1000 && Number(raw) <= 2999;

/** A vague part of a year or month written before token i ("mid-", "late", "the first half of"). */
function partBefore(
  words: readonly string[],
  i: number,
  parts: typeof lexicon.yearParts,
): { span: Span; length: number } | undefined {
  const found = phraseBefore(parts, words, i);
  return found ? { span: found.value, length: found.words.length } : undefined;
}

/** A month name at token i, capitalised ("May" only with a number beside it or after "in"). */
export function isMonthAt(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (!t || !(t.lower in lexicon.months) || t.raw[0] !== t.raw[0].toUpperCase()) return false;
  if (t.lower === 'may' || t.lower === 'mar') {
    const before = tokens[i - 1];
    if (t.lower === 'may' && before && lexicon.monthOnlyAfter.has(before.lower) && t.raw === 'May') return true;
    return /^\d/.test(tokens[i + 1]?.raw ?? '') || /^\d/.test(before?.raw ?? '');
  }
  return true;
}

/** Words between the two days of a span ("7 to 11 July"), and the dashes that join them ("7–11 July"). */
const daySpanWords = new Set(['to', 'through', 'until', 'till']);
const dayDashes = new Set(['-', '–', '—']);

/** The day a token writes ("27", "27th"), when it can be one. */
function dayNumber(raw: string): number | undefined {
  const m = /^(\d{1,2})(?:st|nd|rd|th)?$/i.exec(raw);
  return m && Number(m[1]) >= 1 && Number(m[1]) <= 31 ? Number(m[1]) : undefined;
}

/** A date starting with a month name at token i. */
export function readDate(
  tokens: readonly Token[],
  words: readonly string[],
  i: number,
  text: string,
): { mention: DateMention; next: number } | undefined {
  const month = lexicon.months[tokens[i].lower];
  let start = tokens[i].start;
  let end = tokens[i].end;
  let next = i + 1;
  // "Oct." keeps its full stop; "in June." ends the sentence.
  if (text[end] === '.' && !lexicon.monthNames.includes(tokens[i].raw)) end++;
  let day: number | undefined;
  let year: number | undefined;
  let first = i;
  // "27 October 2022": a day before the month.
  const prev = tokens[i - 1];
  if (
    prev &&
    /^\d{1,2}$/.test(prev.raw) &&
    Number(prev.raw) <= 31 &&
    text.slice(prev.end, tokens[i].start).trim() === ''
  ) {
    day = Number(prev.raw);
    start = prev.start;
    first = i - 1;
  }
  // "from 7 to 11 July", "7–11 July": a span of days before the month.
  let firstDay: number | undefined;
  if (day !== undefined && first === i - 1) {
    const sep = tokens[first - 1];
    const lead = sep && daySpanWords.has(sep.lower) ? tokens[first - 2] : sep;
    const gap = lead ? text.slice(lead.end, tokens[first].start).trim() : '';
    const joined = lead === sep ? gap.length === 1 && dayDashes.has(gap) : true;
    const from = lead ? dayNumber(lead.raw) : undefined;
    if (joined && from !== undefined && from < day && lead.raw === String(from)) {
      firstDay = from;
      start = lead.start;
      first = tokens.indexOf(lead);
    }
  }
  // "the 17th of October 2022": a day written as an ordinal, then "of" and the month.
  const dayOf = tokens[i - 2];
  const dayOfDigits = dayOf && prev?.lower === 'of' ? dayNumber(dayOf.raw) : undefined;
  if (day === undefined && dayOf && dayOfDigits !== undefined && !/^\d{1,2}$/.test(dayOf.raw)) {
    day = dayOfDigits;
    start = dayOf.start;
    first = i - 2;
  }
  const a = tokens[next];
  // A day after the month: "October 27" or "October 27th" (one token).
  const dayAfter = a ? dayNumber(a.raw) : undefined;
  if (a && dayAfter !== undefined && day === undefined && /^[\s.]*$/.test(text.slice(end, a.start))) {
    day = dayAfter;
    end = a.end;
    next++;
  }
  const b = tokens[next];
  if (b && isYearText(b.raw) && /^[\s,]*$/.test(text.slice(end, b.start))) {
    year = Number(b.raw);
    end = b.end;
    next++;
  }
  // A weekday before it ("Thursday, October 27") says nothing more; it stays outside the mention.
  let days: Span | undefined = day !== undefined ? { lo: firstDay ?? day, hi: day } : undefined;
  // "late October", "early Oct 2022", "mid-October".
  if (day === undefined) {
    const part = partBefore(words, first, lexicon.monthParts);
    if (part) {
      days = part.span;
      start = tokens[first - part.length].start;
      first -= part.length;
    }
  }
  const preposition = lowerAt(tokens, first - 1) || undefined;
  if (days === undefined && year === undefined) {
    // A bare month needs a preposition before it ("in March") to count as a date.
    if (!lexicon.monthDateCues.has(preposition ?? '')) return undefined;
  }
  const mention: DateMention = { kind: 'date', months: { lo: month, hi: month }, start, end };
  if (days) mention.days = days;
  if (firstDay !== undefined) mention.dayRange = true;
  if (year !== undefined) mention.year = year;
  if (preposition) mention.preposition = preposition;
  return { mention, next };
}

/**
 * A year at token i: a year, a vague part of one ("mid-2022", "the first half of 2022", "spring
 * 2022") or a period ("2016–2030", "2016 to 2030").
 */
export function readYear(
  tokens: readonly Token[],
  words: readonly string[],
  i: number,
  text: string,
): { mention: YearMention | DateMention | PeriodMention; next: number } | undefined {
  const t = tokens[i];
  if (!isYearText(t.raw)) return undefined;
  const value = Number(t.raw);
  const end = t.end;
  let next = i + 1;
  // A period: 2016–2030, 2016-30, 2016 to 2030.
  // "from 10% in 2018 to 65% in 2021": a figure after "to" is no end year.
  const range = /^\s?(?:[–—-]|to|through|until)\s?(\d{4}|\d{2})(?![\p{L}\p{N}%]|\.\d|\s+per\s?c)/u.exec(
    text.slice(end, end + 12),
  );
  if (range) {
    let to = Number(range[1]);
    if (range[1].length === 2) to += Math.floor(value / 100) * 100;
    const rangeEnd = end + range[0].length;
    while (next < tokens.length && tokens[next].start < rangeEnd) next++;
    if (to > value) return { mention: { kind: 'period', from: value, to, start: t.start, end: rangeEnd }, next };
  }
  // "mid-2022", "early 2023", "the first half of 2022", "summer 2022".
  const part = partBefore(words, i, lexicon.yearParts);
  if (part) {
    const first = i - part.length;
    return {
      mention: {
        kind: 'date',
        year: value,
        months: part.span,
        start: tokens[first].start,
        end,
        preposition: lowerAt(tokens, first - 1) || undefined,
      },
      next,
    };
  }
  const preposition = lowerAt(tokens, i - 1) || undefined;
  return { mention: { kind: 'year', year: value, start: t.start, end, preposition }, next };
}
