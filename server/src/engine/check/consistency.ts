// Whether a memo agrees with itself: each figure or date a sentence reports becomes a statement,
// with what it measures ("of rural households", "patients"), the other words of its clause, and
// its time and place. Two statements of one memo about the same thing must state the same value.
// Identity is decided conservatively: a false alarm costs more trust than a miss, so another year,
// place, subset or rate, a second figure in the same clause ("from 31 to 9 days") or a sentence
// that supposes or recommends makes no statement at all.
import { lexicon, phraseAt, phraseBefore, type Span } from '../lexicon';
import { negationsOver } from '../reader/polarity';
import { type SentenceView } from '../reader/sentence';
import { detached } from '../text/detach';
import {
  type DateMention,
  type Interval,
  mentionInterval,
  type NumberMention,
  overlaps,
  type ValueMention,
} from '../values';

export interface Statement {
  kind: 'number' | 'date';
  /** 'percent', 'count', 'times', 'money:USD', or 'date'. */
  unit: string;
  /** The values a number allows, hedge included. */
  interval?: Interval;
  date?: { year?: number; months?: Span; days?: Span };
  /** The value as written, without its hedge: what a quick fix replaces. */
  start: number;
  end: number;
  written: string;
  /** Stems of what the figure counts or is a share of ("tonnes of tuna", "of rural households"). */
  measured: string[];
  /** The other content stems of its clause. */
  words: string[];
  /** For each of those words, the content word right before it ("mobile" in "mobile access"). */
  modifiers: Record<string, string>;
  /** Years and dates elsewhere in the sentence, and relative years. */
  time: string[];
  /** Places and countries the sentence names. */
  places: string[];
}

export interface Inconsistency {
  earlier: Statement;
  later: Statement;
}

interface Measure {
  stems: string[];
  tokens: Set<number>;
}

const noMeasure: Measure = { stems: [], tokens: new Set() };

const boundHedges = new Set<string>(['over', 'well-over', 'under', 'well-under', 'at-least', 'at-most']);

const ordinalKey = (n: number): string => `#${n}`;

/** A word that says nothing about what a figure measures. */
function isFunctionWord(view: SentenceView, k: number): boolean {
  const w = view.words[k];
  const norm = view.tokens[k].norm;
  return (
    lexicon.stopWords.has(w) ||
    lexicon.prepositions.has(w) ||
    lexicon.determiners.has(w) ||
    lexicon.auxiliaries.has(w) ||
    lexicon.copulas.has(w) ||
    lexicon.conjunctions.has(w) ||
    lexicon.pronouns.has(w) ||
    lexicon.reportingVerbs.has(w) ||
    lexicon.hedgeAdverbs.has(w) ||
    lexicon.statementFillerStems.has(norm) ||
    w in lexicon.months ||
    lexicon.weekdays.has(w) ||
    /^\d/.test(w)
  );
}

/** The statements a sentence makes; none when it asks, recommends or supposes. */
export function readStatements(view: SentenceView): Statement[] {
  if (view.tokens.length === 0 || view.tokens.length > 250) return [];
  const values = view.values;
  // Most sentences state no figure: nothing more is read of them.
  if (!values.some((v) => v.kind === 'number' || v.kind === 'date') || view.mood !== 'reports') return [];
  const { words } = view;
  for (let i = 0; i < words.length; i++) if (phraseAt(lexicon.hypotheticalCues, words, i)) return [];
  const valueAt = new Map<number, ValueMention>();
  for (const v of values) {
    const { tokens } = view;
    for (let k = view.tokenIndexAt(v.start); k < tokens.length && tokens[k].end <= v.end; k++) valueAt.set(k, v);
  }
  // "exceeding 20 billion KRW (about $15.7 million)": a sentence that sets a threshold states no level.
  if (values.some((v) => v.kind === 'number' && boundHedges.has(v.hedge) && !isDuration(view, v))) return [];
  const time = timeOf(view);
  const places = placesOf(view);
  const out: Statement[] = [];
  for (const v of values) {
    if (v.kind !== 'number' && v.kind !== 'date') continue;
    const first = view.tokenIndexAt(v.start);
    if (!states(view, v, first)) continue;
    const last = Math.max(first + 1, view.tokenIndexAt(v.end));
    const measured = v.kind === 'number' ? measuredBy(view, v, last, valueAt) : noMeasure;
    const { first: from, last: to } = view.stretchAt(first);
    const wordSet = new Set<string>();
    const modifiers: Record<string, string> = {};
    const keyAt = (k: number): string | undefined => {
      const other = valueAt.get(k);
      if (other?.kind === 'ordinal') return ordinalKey(other.value);
      if (other || isFunctionWord(view, k) || measured.tokens.has(k) || places.tokens.has(k)) return undefined;
      return view.tokens[k].norm;
    };
    for (let k = from; k < to; k++) {
      // ", the regulator's figures show": who says it is not what it is about.
      if ((k >= first && k < last) || view.clauseAt(k).kind === 'reporting') continue;
      const key = keyAt(k);
      if (!key) continue;
      wordSet.add(key);
      const before = k > from && !/[,;:()]/.test(view.gapBefore(k)) ? keyAt(k - 1) : undefined;
      if (before && modifiers[key] === undefined) modifiers[key] = before;
    }
    const base = { measured: measured.stems, words: [...wordSet].sort(), modifiers, places: places.names };
    if (v.kind === 'number') {
      const unit = v.unit === 'money' ? `money:${v.currency ?? ''}` : v.unit;
      const written = detached(view.raw.slice(v.valueStart, v.valueEnd));
      const interval = mentionInterval(v);
      out.push({ ...base, kind: 'number', unit, interval, start: v.valueStart, end: v.valueEnd, written, time });
    } else {
      const own = `${v.year ?? ''}`;
      const date = { year: v.year, months: v.months, days: v.days };
      const written = detached(view.raw.slice(v.start, v.end));
      const others = time.filter((t) => t !== own);
      out.push({ ...base, kind: 'date', unit: 'date', date, start: v.start, end: v.end, written, time: others });
    }
  }
  return withoutRivals(out);
}

/** "five years", "18 months": a count of time. */
function isDuration(view: SentenceView, v: NumberMention): boolean {
  const next = view.words[view.tokenIndexAt(v.end)];
  return v.unit === 'count' && next !== undefined && lexicon.durationUnits.has(next);
}

/** Whether value `v` is a level the sentence reports, not a reference point, a change or a part. */
function states(view: SentenceView, v: NumberMention | DateMention, first: number): boolean {
  const { words } = view;
  if (view.terms.some((m) => m.start <= v.start && v.end <= m.end)) return false;
  if (negationsOver(view.negations, first).filter((s) => s.core && !s.contrast).length % 2 === 1) return false;
  const before = words[first - 1];
  // "from 31 days", "since 1 January", "by 2027": a point of reference, not the value itself.
  if (before !== undefined && lexicon.referencePointPrepositions.has(before)) return false;
  // "every ten years": a recurrence.
  if (before !== undefined && lexicon.distributives.has(before)) return false;
  // "grew 80%", "up 5%": a rate of change ("made up 70%" is a level).
  const level = first > 1 && lexicon.statementFillerStems.has(view.tokens[first - 2].norm);
  if (first > 0 && lexicon.changeWordStems.has(view.tokens[first - 1].norm) && !level) return false;
  if (v.kind === 'date') return v.months !== undefined;
  if (boundHedges.has(v.hedge) || v.comparative || v.subset || v.top || v.of !== undefined) return false;
  // "Of the 18 clinics, 6 …", "among the 27": the whole a part is taken from.
  if (phraseBefore(lexicon.subsetPatterns, words, first)) return false;
  return true;
}

/**
 * What a number measures: for a share, the words after its "of" ("78% of rural households"); for a
 * count, the noun after it and its "of" phrase ("48,000 tonnes of tuna"). A sum of money measures
 * what the clause says it is.
 */
function measuredBy(view: SentenceView, v: NumberMention, last: number, valueAt: Map<number, ValueMention>): Measure {
  const { words, tokens } = view;
  const taken = new Set<number>();
  let k = last;
  const phrase = (): void => {
    while (k < tokens.length && lexicon.determiners.has(words[k])) k++;
    for (let n = 0; k < tokens.length && n < 4; k++, n++) {
      if (/[,;:()]/.test(view.gapBefore(k)) || valueAt.has(k)) break;
      if (isFunctionWord(view, k) || lexicon.exclusives.has(words[k])) break;
      taken.add(k);
    }
  };
  if (v.unit === 'count') phrase();
  if (words[k] === 'of' && !/[,;:()]/.test(view.gapBefore(k))) {
    k++;
    phrase();
  }
  return { stems: [...taken].map((t) => tokens[t].norm).sort(), tokens: taken };
}

/** Years and dates of the sentence, and relative years: the time its statements hold for. */
function timeOf(view: SentenceView): string[] {
  const out = new Set<string>();
  for (const v of view.values) {
    if (v.kind === 'year' || (v.kind === 'date' && v.year !== undefined)) out.add(String(v.year));
    if (v.kind === 'period') out.add(`${v.from}-${v.to}`);
  }
  for (let i = 0; i < view.words.length; i++) {
    const relative = phraseAt(lexicon.relativeYears, view.words, i);
    if (relative) out.add(`year${relative.value}`);
  }
  return [...out].sort();
}

/** Places and countries the sentence names, and other names written after "in". */
function placesOf(view: SentenceView): { names: string[]; tokens: Set<number> } {
  const names = new Set<string>();
  const tokens = new Set<number>();
  for (const e of view.entities) {
    const place = e.kind === 'place' || e.kind === 'country' || (e.kind === 'name' && view.words[e.first - 1] === 'in');
    for (const c of e.countries) names.add(c);
    if (!place) continue;
    names.add(e.id ?? view.text.slice(e.start, e.end).toLowerCase());
    for (let k = e.first; k < e.last; k++) tokens.add(k);
  }
  return { names: [...names].sort(), tokens };
}

/**
 * Two values of one kind about the same thing in one sentence ("from 31 to 9 days", "48,000 tonnes
 * … and 53,000 tonnes …"): neither is read.
 */
function withoutRivals(statements: Statement[]): Statement[] {
  const within = (a: readonly string[], b: readonly string[]): boolean => a.every((x) => b.includes(x));
  const rivals = (a: Statement, b: Statement): boolean =>
    a !== b && a.unit === b.unit && (within(a.measured, b.measured) || within(b.measured, a.measured));
  return statements.filter((s) => !statements.some((o) => rivals(o, s)));
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Whether two statements speak of the same thing at the same time and place. */
function sameSubject(a: Statement, b: Statement): boolean {
  if (a.kind !== b.kind || a.unit !== b.unit) return false;
  if (!sameList(a.time, b.time) || !sameList(a.measured, b.measured)) return false;
  // A place changes a figure; an event is dated the same wherever a sentence mentions it.
  const bothPlaced = a.places.length > 0 && b.places.length > 0;
  if ((a.kind === 'number' || bothPlaced) && !sameList(a.places, b.places)) return false;
  const shared = a.words.filter((w) => b.words.includes(w));
  // What the figure measures names the thing; without it the clause must share two words.
  if (shared.length < (a.measured.length > 0 ? 1 : 2)) return false;
  if (shared.length < Math.min(a.words.length, b.words.length) / 2) return false;
  // "mobile access" and "fibre access": one word, two different things.
  for (const w of shared) {
    const ma = a.modifiers[w];
    const mb = b.modifiers[w];
    if (ma && mb && ma !== mb && !b.words.includes(ma) && !a.words.includes(mb)) return false;
  }
  return true;
}

/** Whether two statements about one thing state values that cannot both be true. */
function differ(a: Statement, b: Statement): boolean {
  if (a.kind === 'number' && b.kind === 'number') return !overlaps(a.interval!, b.interval!);
  const da = a.date!;
  const db = b.date!;
  if (da.year !== undefined && db.year !== undefined && da.year !== db.year) return true;
  const apart = (x?: Span, y?: Span): boolean => x !== undefined && y !== undefined && (x.hi < y.lo || y.hi < x.lo);
  return apart(da.months, db.months) || (sameMonth(da.months, db.months) && apart(da.days, db.days));
}

function sameMonth(a?: Span, b?: Span): boolean {
  return a !== undefined && b !== undefined && a.lo === a.hi && b.lo === b.hi && a.lo === b.lo;
}

/**
 * Each later statement that no earlier statement about the same thing agrees with, and one that
 * disagrees: the earliest. `statements` in document order, one list per sentence (a sentence is
 * not compared with itself).
 */
export function findInconsistencies(sentences: readonly (readonly Statement[])[]): Inconsistency[] {
  const out: Inconsistency[] = [];
  // Filed by what must be equal for two to be compared: a long memo is not compared pairwise.
  const seen = new Map<string, Filed>();
  const keyOf = (s: Statement): string => `${s.unit}|${s.measured.join(' ')}|${s.time.join(' ')}`;
  for (const statements of sentences) {
    for (const later of statements) {
      const filed = seen.get(keyOf(later));
      const same = filed ? mayBeSame(filed, later).filter((e) => sameSubject(e, later)) : [];
      const earlier = same.find((e) => differ(e, later));
      if (earlier && !same.some((e) => !differ(e, later))) out.push({ earlier, later });
    }
    for (const s of statements) {
      const key = keyOf(s);
      let filed = seen.get(key);
      if (!filed) seen.set(key, (filed = { statements: [], byWord: new Map() }));
      for (const w of s.words) {
        const at = filed.byWord.get(w);
        if (at) at.push(filed.statements.length);
        else filed.byWord.set(w, [filed.statements.length]);
      }
      filed.statements.push(s);
    }
  }
  return out;
}

/**
 * Statements filed under one key, with where each word occurs (once per time it is written): a
 * filing can hold hundreds (a long memo's counts of no measure in no year, "Table 3", "Figure 2").
 */
interface Filed {
  statements: Statement[];
  byWord: Map<string, number[]>;
}

/**
 * The filed statements sharing enough words with `later` for `sameSubject` to hold (it counts the
 * earlier statement's words that `later` also has), in filing order: the rest are not compared.
 */
function mayBeSame(filed: Filed, later: Statement): Statement[] {
  const shared = new Map<number, number>();
  for (const w of new Set(later.words)) {
    for (const i of filed.byWord.get(w) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1);
  }
  const found: number[] = [];
  for (const [i, n] of shared) {
    const e = filed.statements[i];
    if (n >= (e.measured.length > 0 ? 1 : 2) && n >= Math.min(e.words.length, later.words.length) / 2) found.push(i);
  }
  return found.sort((a, b) => a - b).map((i) => filed.statements[i]);
}
