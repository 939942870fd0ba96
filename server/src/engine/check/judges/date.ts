// Years, dates and periods. A date compares by its parts: another year, month or day contradicts;
// a vaguer date that covers the sourced one agrees ("late October 2022" for October 27, 2022); a
// more precise one adds detail ("December 28, 2022" for December 2022). An event held across the
// date line has one date per time zone: a date written with a place or zone ("October 28 in Asia",
// "(US)", "Seoul time", "KST") is compared with that zone's date, and one written with none agrees
// with any of them.
import { type DateValue } from '../../../knowledge/types';
import { lexicon, type Span } from '../../lexicon';
import { type SentenceView } from '../../reader/sentence';
import { type DateMention, type PeriodMention, type ValueMention, type YearMention } from '../../values';
import { offsetOf, zoneOf } from '../../reader/zones';
import { boundValue } from '../binding';
import { type Candidate } from '../candidates';
import { type Verdict, type VerdictKind, verdictOn } from '../verdict';
import { formatDate } from '../render';
import { isDigit } from '../../text/tokens';

type Stated = YearMention | DateMention;

const referencePoints = new Set([
  'before',
  'after',
  'by',
  'until',
  'till',
  'prior',
  'following',
  'post',
  'pre',
  'than',
  'ahead',
]);

/**
 * "a failed 2003 attempt to sell the company": a year written before a noun, with no preposition, dates
 * that noun; unless the noun is one of the claim's own words ("the 2019 strategy"), it is not the claim's date.
 */
function datesAnotherNoun(view: SentenceView, c: Candidate, v: ValueMention): boolean {
  if (v.kind !== 'year') return false;
  const k = view.tokens.findIndex((t) => t.start >= v.end);
  const before = view.tokenIndexAt(v.start) - 1;
  if (k < 0 || view.gapBefore(k) !== ' ' || before < 0 || lexicon.prepositions.has(view.words[before])) return false;
  const t = view.tokens[k];
  if (t.raw !== t.lower || lexicon.stopWords.has(t.lower) || lexicon.prepositions.has(t.lower)) return false;
  const own = [...c.groups.values()].flat();
  return !own.some((m) => m.first <= k && k < m.last);
}

export function judgeDate(view: SentenceView, c: Candidate, all: readonly Candidate[]): Verdict | undefined {
  const value = c.claim.value;
  if (value.kind === 'period') return judgePeriod(view, c, all, value.period);
  if (value.kind !== 'year' && value.kind !== 'date') return undefined;
  const sourced: DateValue = value.kind === 'year' ? { year: value.year } : value.date;
  const stated = (v: ValueMention): v is Stated =>
    (v.kind === 'year' || v.kind === 'date') &&
    !referencePoints.has(v.preposition ?? '') &&
    (v.kind === 'year' || v.year !== undefined || sourced.month !== undefined) &&
    !datesAnotherNoun(view, c, v);
  const bound = boundValue(view, c, all, stated);
  if (!bound) return undefined;
  let m = bound.value;
  const siblings = zoned(c, all);
  if (sourced.zone && siblings.length > 1) {
    // "the Asian date as October 27 and the US date as October 28": each zone's claim reads the
    // date written with its zone, wherever the property bound first.
    const inZone = (v: Stated): boolean => {
      const z = zoneOf(view, v);
      return typeof z === 'number' && closestZone(view, siblings, z).includes(c);
    };
    if (!inZone(m)) m = view.values.filter(stated).find(inZone) ?? m;
    const zone = zoneOf(view, m);
    if (zone === 'all') {
      // "on a single calendar date on both sides of the Pacific": every zone's date must agree.
      const wrong = siblings.find((s) => compareDate(m, dateOf(s)) === 'contradicts');
      if (wrong !== c && wrong !== undefined) return undefined;
    } else if (zone !== undefined) {
      if (!closestZone(view, siblings, zone).includes(c)) return undefined;
    } else {
      const kind = compareDate(m, sourced);
      if (kind !== 'contradicts') return verdict(view, c, m, sourced, kind);
      if (siblings.some((s) => s !== c && compareDate(m, dateOf(s)) !== 'contradicts')) return undefined;
      // None agrees: one finding, from the first of them.
      if (siblings[0] !== c) return undefined;
    }
  }
  const kind = compareDate(m, sourced);
  // "has attended every summit since 2022 and signed the programme in July 2023": where another
  // date the property's stretch states is the sourced one, the bound one may date something else.
  if (kind === 'contradicts' && !sourced.zone) {
    const stretch = c.property.map((p) => view.stretchAt(p.first));
    const agreeing = view.values.filter(stated).some((v) => {
      const k = view.tokenIndexAt(v.start);
      return v !== m && stretch.some((s) => k >= s.first && k < s.last) && compareDate(v, sourced) === 'agrees';
    });
    if (agreeing) return undefined;
  }
  return verdict(view, c, m, sourced, kind);
}

function dateOf(c: Candidate): DateValue {
  const v = c.claim.value;
  return v.kind === 'date' ? v.date : v.kind === 'year' ? { year: v.year } : { year: 0 };
}

/** Candidates for the same fact in other time zones: the same source and property, dated with a zone. */
function zoned(c: Candidate, all: readonly Candidate[]): Candidate[] {
  return all.filter(
    (o) =>
      o.claim.value.kind === 'date' &&
      o.claim.value.date.zone !== undefined &&
      o.claim.source === c.claim.source &&
      o.property.some((p) => c.property.some((q) => q.start === p.start && q.end === p.end)),
  );
}

function compareSpan(stated: Span | undefined, sourced: number | undefined): VerdictKind {
  if (sourced === undefined) return stated === undefined ? 'agrees' : 'narrower';
  if (stated === undefined) return 'agrees';
  if (sourced < stated.lo || sourced > stated.hi) return 'contradicts';
  return stated.lo === stated.hi ? 'agrees' : 'agrees';
}

/**
 * Days stated against a sourced day or span of days ("7 to 11 July"): apart, they contradict; the
 * same span, or a stated span holding the sourced one, agrees; a day or part of the span is narrower.
 */
function compareDays(stated: Span | undefined, sourced: DateValue): VerdictKind {
  if (sourced.lastDay === undefined || sourced.day === undefined) return compareSpan(stated, sourced.day);
  if (stated === undefined) return 'agrees';
  if (stated.hi < sourced.day || stated.lo > sourced.lastDay) return 'contradicts';
  return stated.lo <= sourced.day && stated.hi >= sourced.lastDay ? 'agrees' : 'narrower';
}

/** The sourced days written as the sentence writes its span: "7 to 11 July", "July 7–11, 2025". */
function daySpanLike(written: string, m: DateMention, sourced: DateValue): string | undefined {
  if (sourced.day === undefined || sourced.month === undefined) return undefined;
  const month = lexicon.monthNames[sourced.month - 1];
  const last = sourced.lastDay ?? sourced.day;
  const days = last === sourced.day ? String(last) : `${sourced.day}${written.includes(' to ') ? ' to ' : '–'}${last}`;
  const year = m.year !== undefined ? ` ${sourced.year}` : '';
  return isDigit(written.charAt(0)) ? `${days} ${month}${year}` : `${month} ${days}${year ? `,${year}` : ''}`;
}

/** How a year or date the sentence states compares with a sourced date. */
export function compareDate(m: Stated, sourced: DateValue): VerdictKind {
  if (m.kind === 'year') {
    return m.year === sourced.year ? (sourced.month === undefined ? 'agrees' : 'agrees') : 'contradicts';
  }
  if (m.year !== undefined && m.year !== sourced.year) return 'contradicts';
  const months = compareSpan(m.months, sourced.month);
  if (months === 'contradicts') return 'contradicts';
  // Days only compare within one month.
  const days = m.months && m.months.lo === m.months.hi ? compareDays(m.days, sourced) : m.days ? 'narrower' : 'agrees';
  if (days === 'contradicts') return 'contradicts';
  if (months === 'narrower' || days === 'narrower') return 'narrower';
  return 'agrees';
}

/** The verdict of a sourced date on a year or date the sentence states. */
export function dateVerdict(view: SentenceView, c: Scored, m: Stated, sourced: DateValue): Verdict {
  return verdict(view, c, m, sourced, compareDate(m, sourced));
}

type Scored = Pick<Candidate, 'claim' | 'coverage'>;

function verdict(view: SentenceView, c: Scored, m: Stated, sourced: DateValue, kind: VerdictKind): Verdict {
  const claim = c.claim;
  const accounts = [m.start];
  if (kind === 'agrees') {
    return { kind, claim, start: m.start, end: m.end, coverage: c.coverage, accounts, detail: { kind: 'agrees' } };
  }
  const written = view.raw.slice(m.start, m.end);
  // Keep the precision the memo used: "March 2023" becomes "December 2022", "2019" becomes "2017".
  let replacement: string | undefined;
  if (m.kind === 'year') replacement = String(sourced.year);
  else if (m.dayRange) replacement = daySpanLike(written, m, sourced);
  else {
    const exactDay = m.days !== undefined && m.days.lo === m.days.hi;
    const exactMonth = m.months !== undefined && m.months.lo === m.months.hi;
    replacement =
      exactMonth || exactDay || m.year === undefined
        ? formatDate({
            year: m.year !== undefined ? sourced.year : undefined,
            month: sourced.month,
            day: exactDay ? sourced.day : undefined,
          })
        : formatDate(sourced);
  }
  return {
    kind,
    claim,
    start: m.start,
    end: m.end,
    coverage: c.coverage,
    accounts,
    detail: { kind: 'date', sourced, written, replacement, zone: sourced.zone && view.kb.nameOf(sourced.zone) },
  };
}

function judgePeriod(
  view: SentenceView,
  c: Candidate,
  all: readonly Candidate[],
  period: { from: number; to: number },
): Verdict | undefined {
  const range = boundValue(view, c, all, (v): v is PeriodMention => v.kind === 'period');
  if (range) {
    const m = range.value;
    const written = view.raw.slice(m.start, m.end);
    if (m.from === period.from && m.to === period.to) {
      return verdictOn('agrees', c, m, { kind: 'agrees' }, [m.start]);
    }
    return verdictOn(
      'contradicts',
      c,
      m,
      { kind: 'period', sourced: period, written, replacement: `${period.from}–${period.to}` },
      [m.start],
    );
  }
  // "from 2016 to 2030" reads as two years; "spanning 2016 to 2030" as a period; "until 2035" as its end.
  const year = boundValue(view, c, all, (v): v is YearMention => v.kind === 'year');
  if (!year) return undefined;
  const m = year.value;
  const p = m.preposition ?? '';
  const end = lexicon.periodEndPrepositions.has(p)
    ? period.to
    : lexicon.periodStartPrepositions.has(p)
      ? period.from
      : undefined;
  if (end === undefined) return undefined;
  const written = view.raw.slice(m.start, m.end);
  if (m.year === end) {
    return verdictOn('agrees', c, m, { kind: 'agrees' }, [m.start]);
  }
  return verdictOn(
    'contradicts',
    c,
    m,
    { kind: 'period', sourced: period, written: `${p} ${written}`, replacement: String(end) },
    [m.start],
  );
}

/** The siblings whose zone is nearest the offset (all of them at that distance). */
function closestZone(view: SentenceView, siblings: Candidate[], offset: number): Candidate[] {
  const distance = (s: Candidate): number => {
    const zone = dateOf(s).zone;
    const o = zone === undefined ? undefined : offsetOf(view, zone);
    return o === undefined ? Infinity : Math.abs(o - offset);
  };
  const best = Math.min(...siblings.map(distance));
  return siblings.filter((s) => distance(s) === best);
}
