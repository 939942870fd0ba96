// Years, dates and periods. A date compares by its parts: another year, month or day contradicts;
// a vaguer date that covers the sourced one agrees ("late October 2022" for October 27, 2022); a
// more precise one adds detail ("December 28, 2022" for December 2022). An event held across the
// date line has one date per time zone: a date written with a place or zone ("October 28 in Asia",
// "(US)", "Seoul time", "KST") is compared with that zone's date, and one written with none agrees
// with any of them.
import { type DateValue } from '../../../knowledge/types';
import { lexicon, phraseAt, phraseBefore, type Span } from '../../lexicon';
import { type SentenceView } from '../../reader/sentence';
import { type DateMention, type PeriodMention, type ValueMention, type YearMention } from '../../values';
import { boundValue } from '../binding';
import { type Candidate } from '../candidates';
import { type Verdict, type VerdictKind, verdictOn } from '../verdict';
import { formatDate } from '../render';

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

export function judgeDate(view: SentenceView, c: Candidate, all: readonly Candidate[]): Verdict | undefined {
  const value = c.claim.value;
  if (value.kind === 'period') return judgePeriod(view, c, all, value.period);
  if (value.kind !== 'year' && value.kind !== 'date') return undefined;
  const sourced: DateValue = value.kind === 'year' ? { year: value.year } : value.date;
  const bound = boundValue(
    view,
    c,
    all,
    (v): v is Stated =>
      (v.kind === 'year' || v.kind === 'date') &&
      !referencePoints.has(v.preposition ?? '') &&
      (v.kind === 'year' || v.year !== undefined || sourced.month !== undefined),
  );
  if (!bound) return undefined;
  const m = bound.value;
  const siblings = zoned(c, all);
  if (sourced.zone && siblings.length > 1) {
    const zone = zoneOf(view, m);
    if (zone === 'all') {
      // "on a single calendar date on both sides of the Pacific": every zone's date must agree.
      const wrong = siblings.find((s) => compare(m, dateOf(s)) === 'contradicts');
      if (wrong !== c && wrong !== undefined) return undefined;
    } else if (zone !== undefined) {
      if (!closestZone(view, siblings, zone).includes(c)) return undefined;
    } else {
      const kind = compare(m, sourced);
      if (kind !== 'contradicts') return verdict(view, c, m, sourced, kind);
      if (siblings.some((s) => s !== c && compare(m, dateOf(s)) !== 'contradicts')) return undefined;
      // None agrees: one finding, from the first of them.
      if (siblings[0] !== c) return undefined;
    }
  }
  return verdict(view, c, m, sourced, compare(m, sourced));
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

function compare(m: Stated, sourced: DateValue): VerdictKind {
  if (m.kind === 'year') {
    return m.year === sourced.year ? (sourced.month === undefined ? 'agrees' : 'agrees') : 'contradicts';
  }
  if (m.year !== undefined && m.year !== sourced.year) return 'contradicts';
  const months = compareSpan(m.months, sourced.month);
  if (months === 'contradicts') return 'contradicts';
  // Days only compare within one month.
  const days =
    m.months && m.months.lo === m.months.hi ? compareSpan(m.days, sourced.day) : m.days ? 'narrower' : 'agrees';
  if (days === 'contradicts') return 'contradicts';
  if (months === 'narrower' || days === 'narrower') return 'narrower';
  return 'agrees';
}

function verdict(view: SentenceView, c: Candidate, m: Stated, sourced: DateValue, kind: VerdictKind): Verdict {
  const claim = c.claim;
  const accounts = [m.start];
  if (kind === 'agrees') {
    return { kind, claim, start: m.start, end: m.end, coverage: c.coverage, accounts, detail: { kind: 'agrees' } };
  }
  const written = view.raw.slice(m.start, m.end);
  // Keep the precision the memo used: "March 2023" becomes "December 2022", "2019" becomes "2017".
  let replacement: string | undefined;
  if (m.kind === 'year') replacement = String(sourced.year);
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
    detail: { kind: 'date', sourced, written, replacement, zone: sourced.zone },
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

// ---------------------------------------------------------------------------------------------
// Time zones

/**
 * The UTC offset a date is written in, from a place, a demonym or a zone name near it; 'all' for
 * "on both sides"; undefined when none is written.
 */
function zoneOf(view: SentenceView, m: ValueMention): number | 'all' | undefined {
  const { words, tokens } = view;
  const first = view.tokenIndexAt(m.start);
  const last = view.tokenIndexAt(m.end);
  const clause = view.clauseAt(first);
  const stretch = view.stretchAt(first);
  for (let k = stretch.first; k < stretch.last; k++) if (phraseAt(lexicon.allZonesPhrases, words, k)) return 'all';
  // Also the clause after a date in parentheses: "27 Oct 2022 (US)".
  const nextDate = view.values.find((v) => (v.kind === 'date' || v.kind === 'year') && v.start > m.end);
  const prevDate = [...view.values].reverse().find((v) => (v.kind === 'date' || v.kind === 'year') && v.end < m.start);
  const limitAfter = nextDate ? view.tokenIndexAt(nextDate.start) : tokens.length;
  const limitBefore = prevDate ? view.tokenIndexAt(prevDate.end) : 0;
  // After it, in its clause or a bracket right after it: "(US)", "US time", "in Asia", "KST", "local time".
  const after = view.clauses.find((c) => c.first === last && c.kind === 'parenthetical');
  const afterEnd = Math.min(limitAfter, last + 6, after ? after.last : clause.last);
  const seen: number[] = [];
  for (let k = last; k < afterEnd; k++) {
    if (k > last && /[,;]/.test(view.gapBefore(k))) break;
    const offset = zoneAt(view, k);
    if (offset !== undefined && !seen.includes(offset)) seen.push(offset);
    if (words[k] === 'local' && words[k + 1] === 'time' && seen.length === 0) {
      const place = placeOffsetNear(view, clause.first, k);
      if (place !== undefined) return place;
    }
  }
  // "in both US and Asian time zones": every zone.
  if (seen.length >= 2 && words.slice(last, afterEnd).some((w) => w === 'both' || w === 'and')) return 'all';
  if (seen.length > 0) return seen[0];
  // Before it, in the same clause or label: "in Asia, …", "the Asian date as", "Viewers in Seoul".
  // A date in brackets is qualified by what precedes the bracket: "the Asian date (28 October 2022)".
  const outer = clause.kind === 'parenthetical' ? view.clauseAt(Math.max(0, clause.first - 1)) : clause;
  const from = Math.max(limitBefore, view.clauses[0]?.kind === 'label' && view.clauses[1] === clause ? 0 : outer.first);
  for (let k = first - 1; k >= from; k--) {
    const offset = zoneAt(view, k);
    // "a day earlier than their US counterparts": a comparison's other side is not this date's zone.
    if (offset !== undefined && !view.words.slice(Math.max(from, k - 3), k).includes('than')) return offset;
  }
  return undefined;
}

/** A zone named at token k: a place or demonym with a known offset, or a zone name ("KST", "Eastern Time"). */
function zoneAt(view: SentenceView, k: number): number | undefined {
  const tz = phraseAt(lexicon.timeZones, view.words, k) ?? phraseBefore(lexicon.timeZones, view.words, k + 1);
  // Zone abbreviations are written in capitals ("ET", "KST"); "et" or "est" in prose is not one.
  if (tz && (tz.words.length > 1 || view.tokens[k].upper)) return tz.value;
  const e = view.entityAt(k);
  if (e?.term) return offsetOf(view, e.term.id);
  return undefined;
}

function placeOffsetNear(view: SentenceView, from: number, to: number): number | undefined {
  for (let k = to - 1; k >= from; k--) {
    const e = view.entityAt(k);
    if (e?.term) {
      const offset = offsetOf(view, e.term.id);
      if (offset !== undefined) return offset;
    }
  }
  return undefined;
}

/** A place's UTC offset, or its enclosing place's. */
function offsetOf(view: SentenceView, id: string): number | undefined {
  let term = view.kb.termById.get(id);
  for (let depth = 0; term && depth < 5; depth++) {
    if (term.utcOffset !== undefined) return term.utcOffset;
    term = term.within
      ? view.kb.termById.get(term.within)
      : term.capitalOf
        ? view.kb.termById.get(term.capitalOf)
        : undefined;
  }
  return undefined;
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
