// Figures, years, dates, periods and ranks of a report's sentences as typed claims, each with what
// it measures (its property), the distinctive names of its clause (its identity), the year a figure
// holds for ("65% in 2021"), who the report attributes it to, and how certain that identity is.
import { lexicon, phraseAt } from '../engine/lexicon';
import { afterOwnNoun, type Change, changeOf, valueTokensOf, yearOfChange } from '../engine/reader/figureYears';
import { negationsOver } from '../engine/reader/polarity';
import { respectiveIndex, respectiveItems } from '../engine/reader/respectively';
import { type SentenceView } from '../engine/reader/sentence';
import { boundOf, type DateMention, type ValueMention, type YearMention } from '../engine/values';
import { type Claim, type ClaimValue } from '../knowledge/types';
import { distinctiveWordsBefore, isContentWord, leadsItsClause, measureOf, otherWordsForWord } from './measures';
import {
  isDistinctive,
  isFrequent,
  type Name,
  type NameCounts,
  namesIn,
  timesWritten,
  timesWrittenWith,
} from './names';
import { type ReportSentence } from './reading';
import { isDigit } from '../engine/text/tokens';

export interface FigureClaim {
  about: string[][];
  value: ClaimValue;
  identity: NonNullable<Claim['identity']>;
  qualifier?: string;
  note?: string;
  mood?: 'recommends';
  datedTo?: number;
  /** Set apart by words alone: no name of the report is in its identity. */
  unnamed?: boolean;
}

/** At most this many names stand for what a figure is about. */
const maxIdentityNames = 3;

/** Every figure of the sentence that the report states as a fact of something it names. */
export function figureClaims(
  sentence: ReportSentence,
  counts: NameCounts,
  year: number | undefined,
  antecedents: readonly Name[] = [],
  before?: SentenceView,
): FigureClaim[] {
  const { view } = sentence;
  // A month written without a year is of the report's own year only where no year is written nearby.
  const ownYear = year !== undefined && !writesAYear(view) && !(before && writesAYear(before)) ? year : undefined;
  if (view.mood === 'question' || view.values.length === 0) return [];
  const valueTokens = valueTokensOf(view);
  const names = namesIn(view);
  const out: FigureClaim[] = [];
  for (const written of view.values) {
    const v = withRelativeYear(view, written, year, ownYear);
    if (!v || partOfName(view, v) || deniedAt(view, v)) continue;
    const value = claimValue(view, v);
    if (!value) continue;
    const first = view.tokenIndexAt(v.start);
    // "… increased 64 percent, from €515 billion (…) to €844 billion": the names of a change are its clause's.
    const change = changeOf(view, v, valueTokens);
    const stretch = change ? joined(view.stretchAt(change.word), view.stretchAt(first)) : view.stretchAt(first);
    const owner = v.kind === 'year' || v.kind === 'date' ? dated(view, names, first) : undefined;
    // A date set off before its clause ("In 2012, Huawei began …") is of the names after it.
    const from = !owner && leadsItsClause(view, v) ? view.tokenIndexAt(v.end) : stretch.first;
    const near = names.filter(
      (n) =>
        n !== owner?.name &&
        n.mention.first >= from &&
        n.mention.last <= stretch.last &&
        (leadsItsClause(view, v) || !elaboratedAfter(view, view.tokenIndexAt(v.end), n.mention.first)),
    );
    // "It does this by … more than 80 scholars": the pronoun opening the clause stands for what the
    // sentence before named.
    if (stretch.first === 0 && near.length === 0) near.push(...antecedents);
    const claim = owner
      ? datedName(view, counts, owner, identityNames(view, counts, near, first), value, valueTokens)
      : measuredFigure(view, counts, v, value, near, valueTokens, change);
    if (!claim) continue;
    // "25th out of 182 countries": the ranking's size says which ranking a memo's "15th of 182" is in.
    if (v.kind === 'ordinal' && v.outOf !== undefined && claim.about.length > 0) {
      claim.about[0] = [...claim.about[0], `of ${v.outOf}`, `out of ${v.outOf}`];
    }
    const reporters = names.filter((n) => view.clauseAt(n.mention.first).kind === 'reporting').map((n) => n.text);
    if (reporters.length > 0) claim.note = `The report attributes this to ${reporters.join(', ')}.`;
    if (view.mood === 'recommends') claim.mood = 'recommends';
    out.push(claim);
  }
  return out;
}

/**
 * "interviews with 16 experts in relevant fields, including … officials from the US Department of
 * the Treasury": a name in an elaboration set off after the figure gives examples of it, it does not
 * say what the figure is of.
 */
function elaboratedAfter(view: SentenceView, after: number, name: number): boolean {
  let inside = false;
  for (let k = after; k <= name; k++) {
    if (!view.gapBefore(k).includes(',')) continue;
    if (phraseAt(lexicon.elaborationCues, view.words, k)) inside = true;
    // "69 entities, including Huawei, to the Entity List": a preposition after a comma goes on with the clause.
    else if (lexicon.prepositions.has(view.words[k])) inside = false;
  }
  return inside;
}

interface DatedName {
  name: Name;
  /** The name as written, with a number glued to it ("PPD-41"). */
  text: string;
  /** Dated through "in" ("joining KEDO in 1997"): the event needs its own word. */
  event: boolean;
}

/**
 * The name a year or date belongs to: "the 2016 EU Global Strategy", "PPD-41 (2016)", or the name
 * right before "in <year>" ("joining the Korean Peninsula Energy Development Organisation (KEDO) in 1997").
 */
function dated(view: SentenceView, names: readonly Name[], first: number): DatedName | undefined {
  const start = view.tokens[first].start;
  const own = names.find((n) => n.mention.yearSpan?.start === start);
  if (own) return { name: own, text: own.text, event: false };
  // "PPD-41 (2016)": a number glued to the name, then the year in brackets.
  const glued = names.find(
    (n) => n.mention.last === first - 1 && view.gapBefore(first - 1) === '-' && view.gapBefore(first).trim() === '(',
  );
  if (glued) {
    const text = view.text.slice(glued.mention.start, view.tokens[first - 1].end);
    return { name: glued, text, event: false };
  }
  if (first < 2 || (view.words[first - 1] !== 'in' && view.words[first - 1] !== 'on')) return undefined;
  const before = names.find((n) => n.mention.last === first - 1);
  return before ? { name: before, text: before.text, event: true } : undefined;
}

function datedName(
  view: SentenceView,
  counts: NameCounts,
  owner: DatedName,
  identity: readonly Name[],
  value: ClaimValue,
  valueTokens: ReadonlySet<number>,
): FigureClaim | undefined {
  if (isFrequent(counts, owner.name.text) || owner.text.length < 3) return undefined;
  const about = [[owner.text]];
  if (owner.event) {
    // "the collapse of KEDO in 2006" and "joining KEDO in 1997" are two facts of one name.
    const event = eventBefore(view, owner.name.mention.first, valueTokens);
    if (!event) return undefined;
    // "the establishment of X in 2018" is what a memo writes as "established X in 2018".
    about.push([event, ...otherWordsForWord(event)]);
  } else if (identity.length > 0) about.push(identity.map((n) => n.text));
  return { about, value, identity: isDistinctive(counts, owner.name.text) ? 'certain' : 'weak' };
}

/** The content word right before a name, skipping its determiner or "by": "joining" in "joining the KEDO". */
function eventBefore(view: SentenceView, first: number, valueTokens: ReadonlySet<number>): string | undefined {
  let k = first - 1;
  // "joining the Korean Peninsula Energy Development Organisation (KEDO)": an acronym glossing a name.
  const glossed = view.gapBefore(first).trim() === '(' ? view.entityAt(k) : undefined;
  if (glossed) k = glossed.first - 1;
  // "proposed by the NIS Cooperation Group in 2018": the agent's verb is the event.
  const skipped = (w: string): boolean => lexicon.determiners.has(w) || w === 'of' || lexicon.agentPrepositions.has(w);
  // "to host the first Korea-Pacific Islands Summit in May": the rank says which one, the verb what happens.
  const ordinalAt = (j: number): boolean =>
    view.values.some((o) => o.kind === 'ordinal' && view.tokenIndexAt(o.start) === j && o.end <= view.tokens[j].end);
  while (k >= 0 && (skipped(view.words[k]) || ordinalAt(k))) k--;
  if (k < 0 || valueTokens.has(k) || view.entityAt(k) || !isContentWord(view, k)) return undefined;
  return view.words[k];
}

function measuredFigure(
  view: SentenceView,
  counts: NameCounts,
  v: ValueMention,
  value: ClaimValue,
  near: readonly Name[],
  valueTokens: ReadonlySet<number>,
  change: Change | undefined,
): FigureClaim | undefined {
  const measure = measureOf(view, v, valueTokens);
  if (!measure || measure.phrases.length === 0) return undefined;
  const when =
    value.kind === 'quantity' || value.kind === 'ordinal' ? (yearOfChange(view, change) ?? yearOf(view, v)) : undefined;
  let identity = identityNames(view, counts, near, view.tokenIndexAt(v.start));
  // A name the report writes everywhere ("Korea's total exports", "Vietnam's ranking") pins a
  // figure down only with the figure's own noun, the year it is for or a full date, never certainly.
  const byFrequentName = identity.length === 0 && (measure.own || typeof when === 'number' || value.kind === 'date');
  if (byFrequentName) identity = near.filter((n) => n.text.length >= 2).slice(0, maxIdentityNames);
  // A figure of nothing the report names is a fact a memo can be checked on only when words the
  // report writes in few sentences set it apart.
  if (identity.length === 0) {
    const sentencesWith = (stem: string): number => counts.words.get(stem) ?? 0;
    const described = describedFigure(view, v, value, measure.phrases, valueTokens, when, sentencesWith);
    return described ?? describedWithName(view, counts, v, value, measure.phrases, valueTokens, when, near);
  }
  // "The Wormhole and Qubit hacks … led respectively to $325 million and $80 million": each its name's.
  const items = respectiveItems(view, view.tokenIndexAt(v.start));
  const place = respectiveIndex(view, v);
  // "the 70th anniversary of the U.S.-ROK Alliance": the name the figure's noun is "of" is whose it is.
  const owner = ownerAfter(view, v, near);
  const share = shareOwner(view, v, near);
  const names =
    place >= 0 && place < items.length
      ? [items[place].text]
      : owner
        ? [owner.text]
        : [...new Set([...(share ? [share.text] : []), ...identity.map((n) => n.text)])];
  // A rate of change is compared with what its change word says changes ("exports grew 44 percent").
  const about = measure.rate ? [[measure.rate], measure.phrases, names] : [measure.phrases, names];
  // "mentioned China 11 times" and "mentioned Russia four times" are two counts.
  if (measure.object && !names.includes(measure.object)) about.push([measure.object]);
  const certain = measure.own && !byFrequentName && identity.some((n) => isDistinctive(counts, n.text));
  if (typeof when === 'number') about.push([String(when)]);
  return {
    about,
    value,
    identity: certain && when !== 'elsewhere' ? 'certain' : 'weak',
    qualifier: typeof when === 'number' ? `in ${when}` : undefined,
    datedTo: when === 'elsewhere' ? yearOfSentence(view, v) : undefined,
  };
}

/** The name right after a figure's noun and "of (the)": "the 70th anniversary of the U.S.-ROK Alliance". */
function ownerAfter(view: SentenceView, v: ValueMention, near: readonly Name[]): Name | undefined {
  let k = view.tokenIndexAt(v.end);
  const noun = k;
  while (k < view.tokens.length && k - noun < 2 && isContentWord(view, k) && !view.entityAt(k)) k++;
  if (k === noun || view.words[k] !== 'of' || view.gapBefore(k).trim() !== '') return undefined;
  k++;
  if (lexicon.determiners.has(view.words[k] ?? '')) k++;
  return near.find((n) => n.mention.first === k);
}

/**
 * "30% of Sylvania's total stockpile": the name whose whole a share is "of", wherever else the clause
 * goes on; it heads the figure's names.
 */
function shareOwner(view: SentenceView, v: ValueMention, near: readonly Name[]): Name | undefined {
  if (v.kind !== 'number' || v.unit !== 'percent') return undefined;
  let k = view.tokenIndexAt(v.end);
  if (view.words[k] !== 'of' || !['', '%'].includes(view.gapBefore(k).trim())) return undefined;
  k++;
  if (lexicon.determiners.has(view.words[k] ?? '')) k++;
  const name = near.find((n) => n.mention.first === k);
  return name && view.entities.some((e) => e.possessive && e.first === k) ? name : undefined;
}

/** Words the report writes in at most this many sentences set a figure of no name apart. */
const maxDescribingSentences = 2;

/** "Formal diplomatic ties were established in 2001": a figure set apart by its words alone, never certainly. */
function describedFigure(
  view: SentenceView,
  v: ValueMention,
  value: ClaimValue,
  measure: readonly string[],
  valueTokens: ReadonlySet<number>,
  when: number | 'elsewhere' | undefined,
  sentencesWith: (stem: string) => number,
): FigureClaim | undefined {
  const words = distinctiveWordsBefore(view, v, valueTokens, sentencesWith, maxDescribingSentences);
  if (!words) return undefined;
  const property = measure.filter((p) => !words.includes(p));
  if (property.length === 0) return undefined;
  const about = [property, words];
  if (typeof when === 'number') about.push([String(when)]);
  const qualifier = typeof when === 'number' ? `in ${when}` : undefined;
  const datedTo = when === 'elsewhere' ? yearOfSentence(view, v) : undefined;
  return { about, value, identity: 'weak', qualifier, datedTo, unnamed: true };
}

/**
 * "6G is expected on the market from 2030": a figure of a name the report writes everywhere, set apart
 * by words the report writes with that name in few sentences. The name stays in what it is about.
 */
function describedWithName(
  view: SentenceView,
  counts: NameCounts,
  v: ValueMention,
  value: ClaimValue,
  measure: readonly string[],
  valueTokens: ReadonlySet<number>,
  when: number | 'elsewhere' | undefined,
  near: readonly Name[],
): FigureClaim | undefined {
  const at = view.tokenIndexAt(v.start);
  const name = near
    .filter((n) => n.text.length >= 2)
    .sort((a, b) => Math.abs(a.mention.first - at) - Math.abs(b.mention.first - at))[0];
  if (!name) return undefined;
  const sentencesWith = (stem: string): number => timesWrittenWith(counts, name.text, stem);
  const described = describedFigure(view, v, value, measure, valueTokens, when, sentencesWith);
  if (described) return { ...described, about: [...described.about, [name.text]], unnamed: false };
  // "5G maximum speed is 10 times that of 4G": what it measures is itself written with the name in few sentences.
  const words = distinctiveWordsBefore(view, v, valueTokens, sentencesWith, maxDescribingSentences);
  if (!words || !words.every((w) => measure.includes(w))) return undefined;
  const about = [[...measure], [name.text]];
  if (typeof when === 'number') about.push([String(when)]);
  const qualifier = typeof when === 'number' ? `in ${when}` : undefined;
  const datedTo = when === 'elsewhere' ? yearOfSentence(view, v) : undefined;
  return { about, value, identity: 'weak', qualifier, datedTo };
}

/**
 * "the first OEWG": a name the report writes everywhere, after an ordinal, is one of a kind. As the
 * name with its ordinal, or nothing.
 */
function withOrdinal(view: SentenceView, name: Name): Name | undefined {
  const ordinal = view.words[name.mention.first - 1];
  return ordinal in lexicon.ordinalWords ? { ...name, text: `${ordinal} ${name.text}` } : undefined;
}

/** The names that set the figure apart: the ones the report writes least, then the nearest. */
function identityNames(view: SentenceView, counts: NameCounts, near: readonly Name[], at: number): Name[] {
  const seen = new Set<string>();
  return near
    .map((n) => (isFrequent(counts, n.text) ? withOrdinal(view, n) : n))
    .filter((n): n is Name => n !== undefined && n.text.length >= 2)
    .sort(
      (a, b) =>
        timesWritten(counts, a.text) - timesWritten(counts, b.text) ||
        Math.abs(a.mention.first - at) - Math.abs(b.mention.first - at),
    )
    .filter((n) => !seen.has(n.text.toLowerCase()) && seen.add(n.text.toLowerCase()))
    .slice(0, maxIdentityNames);
}

function joined(
  a: { first: number; last: number },
  b: { first: number; last: number },
): { first: number; last: number } {
  return { first: Math.min(a.first, b.first), last: Math.max(a.last, b.last) };
}

/**
 * The year a figure holds for: the one written right after it ("65% in 2021"). A year elsewhere in
 * its clause may or may not be its year: identity is then less certain.
 */
function yearOf(view: SentenceView, v: ValueMention): number | 'elsewhere' | undefined {
  const stretch = view.stretchAt(view.tokenIndexAt(v.start));
  // "50th out of 175 countries in 2018": the year may follow the figure's own noun.
  const end = afterOwnNoun(view, v);
  let elsewhere = false;
  for (const o of view.values) {
    if (o === v || (o.kind !== 'year' && o.kind !== 'date') || o.year === undefined) continue;
    const k = view.tokenIndexAt(o.start);
    if (k < stretch.first || k >= stretch.last) continue;
    if (o.kind === 'year' && k >= end && k - end <= 1 && o.preposition === 'in') return o.year;
    elsewhere = true;
  }
  return elsewhere ? 'elsewhere' : undefined;
}

/**
 * "the addition of 69 entities … to the Entity List in May 2019": the one year the figure's clause is
 * dated to, though not written right after the figure.
 */
function yearOfSentence(view: SentenceView, v: ValueMention): number | undefined {
  const stretch = view.stretchAt(view.tokenIndexAt(v.start));
  const years = new Set<number>();
  for (const o of view.values) {
    if (o === v || (o.kind !== 'year' && o.kind !== 'date') || o.year === undefined) continue;
    const k = view.tokenIndexAt(o.start);
    if (k >= stretch.first && k < stretch.last) years.add(o.year);
  }
  return years.size === 1 ? [...years][0] : undefined;
}

/** A figure inside a name or a word: "Task Force 47", "PPD-41", "Huawei Connect 2025", "5G", "track-2". */
function partOfName(view: SentenceView, v: ValueMention): boolean {
  // The figure itself, not its currency or hedge: "A$10 billion" is no name "A".
  let first = view.tokenIndexAt(v.kind === 'number' ? v.valueStart : v.start);
  while (
    first < view.tokens.length - 1 &&
    view.tokens[first].start < v.end &&
    !isDigit(view.tokens[first].raw.charAt(0))
  ) {
    first++;
  }
  // "the second State Visit": a figure written in words has no digit; the name after it is not it.
  if (view.tokens[first].start >= v.end) first = view.tokenIndexAt(v.start);
  if (view.entityAt(first)) return true;
  // "a 5,000-ton destroyer" measures in the unit glued to it; "2030-ready" is a word of its own.
  const glued = view.text.charAt(v.end) === '-' && v.kind !== 'ordinal' && !gluedUnit(view, v);
  if (glued) return true;
  const before = view.entityAt(first - 1);
  if (!before || before.last !== first) return false;
  const gap = view.gapBefore(first);
  const bare = v.kind === 'year' || (v.kind === 'number' && v.unit === 'count' && v.hedge === 'exact');
  return bare && (gap === ' ' || gap === '-' || gap === ' No. ');
}

function gluedUnit(view: SentenceView, v: ValueMention): boolean {
  const next = view.tokenIndexAt(v.end + 1);
  return view.tokens[next]?.start === v.end + 1 && lexicon.measureUnits.has(view.words[next]);
}

/** "was not established in 2015": a figure the report denies is no fact of it. */
function deniedAt(view: SentenceView, v: ValueMention): boolean {
  const at = view.tokenIndexAt(v.start);
  return negationsOver(view.negations, at).filter((s) => s.core && !s.contrast).length % 2 === 1;
}

/**
 * "December last year" in a 2023 report is December 2022; "the summit in May" in a 2023 report that
 * writes no year near it, May 2023 (`ownYear`); any other year-less date names no date.
 */
function withRelativeYear(
  view: SentenceView,
  v: ValueMention,
  year: number | undefined,
  ownYear: number | undefined,
): ValueMention | undefined {
  if (v.kind !== 'date' || v.year !== undefined) return v;
  if (year === undefined) return undefined;
  const k = view.tokenIndexAt(v.end);
  const relative = phraseAt(lexicon.relativeYears, view.words, k);
  if (!relative) return ownYear === undefined || !v.months ? undefined : { ...(v as DateMention), year: ownYear };
  const end = view.tokens[k + relative.words.length - 1].end;
  return { ...(v as DateMention), year: year + relative.value, end };
}

function writesAYear(view: SentenceView): boolean {
  return view.values.some(
    (o) => o.kind === 'period' || ((o.kind === 'year' || o.kind === 'date') && o.year !== undefined),
  );
}

/** A value as the knowledge base types it; nothing for a reference point, a part or a vague date. */
function claimValue(view: SentenceView, v: ValueMention): ClaimValue | undefined {
  switch (v.kind) {
    case 'number': {
      // A rank limit ("top 20"), a part of a whole the sentence names or a single thing is no figure of its own.
      if ((v.unit === 'count' && v.value < 2) || v.top || v.subset || v.comparative) return undefined;
      const bound = boundOf(v.hedge);
      const approx = v.hedge === 'approx' || v.fraction || undefined;
      return {
        kind: 'quantity',
        quantity: { value: v.value, unit: v.unit, approx, bound, of: v.of, currency: v.currency, measure: v.measure },
      };
    }
    case 'year':
      if (isReferencePoint(view, v)) return undefined;
      return { kind: 'year', year: v.year };
    case 'date':
      return dateValue(view, v);
    case 'period':
      return { kind: 'period', period: { from: v.from, to: v.to } };
    case 'ordinal':
      // "the third", "25th out of 182", "the 25th-largest": a rank, not "first" as an adverb.
      return v.determiner || v.outOf !== undefined || view.text.charAt(v.end) === '-'
        ? { kind: 'ordinal', ordinal: v.value }
        : undefined;
    default:
      return undefined;
  }
}

/**
 * Only a date that names its month (and day, if any) exactly: "late October" is no date. A span of
 * days written out ("from 7 to 11 July") is both its days.
 */
function dateValue(view: SentenceView, v: DateMention): ClaimValue | undefined {
  const vagueDays = v.days && v.days.lo !== v.days.hi && !v.dayRange;
  if (v.year === undefined || (v.months && v.months.lo !== v.months.hi) || vagueDays) return undefined;
  if (isReferencePoint(view, v)) return undefined;
  const lastDay = v.dayRange ? v.days?.hi : undefined;
  return { kind: 'date', date: { year: v.year, month: v.months?.lo, day: v.days?.lo, ...(lastDay && { lastDay }) } };
}

/**
 * "before 2019", "by 2030": a year a clause is measured against. "Since 2019", "from 2030 onwards"
 * start what the clause says, unless it says what has not happened since ("has not surpassed $3
 * billion since 2019").
 */
function isReferencePoint(view: SentenceView, v: DateMention | YearMention): boolean {
  const preposition = v.preposition;
  if (preposition === undefined || !lexicon.referencePointPrepositions.has(preposition)) return false;
  if (!lexicon.startPrepositions.has(preposition)) return true;
  const stretch = view.stretchAt(view.tokenIndexAt(v.start));
  return view.negations.some((n) => n.core && !n.contrast && n.cueFirst >= stretch.first && n.cueFirst < stretch.last);
}
