// Judges one sentence against the knowledge base: which claims it is about (every anchor group
// matched), and for each, whether the value the sentence states agrees with the sourced one. When
// unsure it says nothing: a false alarm costs more trust than a miss.
import { AnchorHit, KnowledgeBase } from '../../knowledge/knowledgeBase';
import { Claim, Quantifier, StancePredicate, Term } from '../../knowledge/types';
import { PhraseMatch } from '../text/phraseMatcher';
import { wordTable } from '../text/table';
import { stem, Token, tokenize } from '../text/tokens';
import {
  DateMention, extractValues, mentionInterval, monthNames, NumberMention, OrdinalMention, overlaps, QuantifierMention,
  sourceInterval, ValueMention, YearMention,
} from '../values/values';

/** Longest sentence, in words, that is checked against the claims. */
export const maxSentenceTokens = 250;

export interface Finding {
  verdict: 'contradiction' | 'support';
  claim: Claim;
  /** Offsets of the contradicted words (or of the supporting mention). */
  start: number;
  end: number;
  message: string;
  /** The sourced value, written as the memo should have it: what a quick fix inserts. */
  replacement?: string;
  /** The value as the memo wrote it. */
  written?: string;
  /** How many of the sentence's words the claim's anchors cover: ranks supporting sources. */
  coverage?: number;
}

interface Context {
  kb: KnowledgeBase;
  text: string;
  raw: string;
  tokens: Token[];
  values: ValueMention[];
  anchors: Map<number, Map<number, PhraseMatch<unknown>[]>>;
  terms: PhraseMatch<Term>[];
  /** Distinct focus anchor ranges per claim value kind (computed on first use). */
  focusByKind: Map<string, PhraseMatch<unknown>[]>;
}

/** The run of `tokens` (sorted by offset) inside [start, end). */
function tokensWithin(tokens: readonly Token[], start: number, end: number): Token[] {
  const first = tokenFrom(tokens, start);
  if (first < 0) return [];
  let last = first;
  while (last < tokens.length && tokens[last].end <= end) last++;
  return tokens.slice(first, last);
}

/**
 * Checks the sentence `text.slice(start, end)`; offsets in findings are offsets into `text`.
 * `text` is prose with markup masked; `raw` is the same stretch as written, for messages and fixes.
 */
export function checkSentence(kb: KnowledgeBase, text: string, start: number, end: number, raw: string = text, textTokens?: readonly Token[]): Finding[] {
  const sentence = text.slice(start, end);
  // Tokens never cross a sentence boundary (it falls at punctuation and space), so the sentence's
  // tokens are a run of the text's when the caller has tokenised the text already.
  const tokens = textTokens ? tokensWithin(textTokens, start, end) : tokenize(sentence, start);
  // A "sentence" of hundreds of words is a list or pasted data, not a claim: it is not checked, which
  // also bounds the work per sentence.
  if (tokens.length === 0 || tokens.length > maxSentenceTokens) return [];
  // Value extraction reads the sentence on its own: the same tokens, with offsets shifted back. It
  // runs only when some claim's anchors are in the sentence (most sentences have none).
  let values: ValueMention[] | undefined;
  const valuesOf = (): ValueMention[] => {
    if (values) return values;
    const local = start === 0 ? tokens : tokens.map((t) => ({ ...t, start: t.start - start, end: t.end - start }));
    return (values = extractValues(sentence, local).map((v) => shift(v, start)));
  };
  const anchors = new Map<number, Map<number, PhraseMatch<unknown>[]>>();
  const terms = kb.termMatcher.matchLongest(tokens);
  const termForms = new Map<string, Set<string>>();
  const namedEndingAt = new Map<number, PhraseMatch<Term>>();
  for (const m of terms) if (['place', 'organisation', 'person', 'group'].includes(m.value.kind)) namedEndingAt.set(m.end, m);
  // Where each matcher entry (a phrase and all the claims that use it) occurs in the sentence.
  const occurrences = new Map<AnchorHit[], PhraseMatch<AnchorHit[]>[]>();
  for (const match of kb.anchorMatcher.matchAll(tokens)) {
    const list = occurrences.get(match.value);
    if (list) list.push(match);
    else occurrences.set(match.value, [match]);
  }
  // Only the head of a longer name is another thing ("Korea" in "North Korea", "Asia" in "Southeast
  // Asia"); a modifier still names it ("Yoon" in "Yoon government").
  const countsFor = (claim: number, group: number, m: PhraseMatch<unknown>): boolean => {
    const named = namedEndingAt.get(m.end);
    if (named === undefined || named.start >= m.start) return true;
    let forms = termForms.get(named.value.id);
    if (!forms) termForms.set(named.value.id, (forms = new Set(kb.formsOf(named.value.id).map((f) => f.toLowerCase()))));
    return kb.anchors[claim][group].some((phrase) => forms!.has(phrase.toLowerCase()));
  };
  // Candidates come from hits on each claim's focus group (its rarest), so a phrase that thousands
  // of claims share in a less specific group costs nothing; every other group is then looked up.
  const candidates = new Set<number>();
  for (const [entry, matches] of occurrences) {
    for (const hit of entry) if (hit.group === kb.focusGroup[hit.claim] && matches.some((m) => countsFor(hit.claim, hit.group, m))) candidates.add(hit.claim);
  }
  for (const claim of candidates) {
    const groups = new Map<number, PhraseMatch<unknown>[]>();
    for (let g = 0; g < kb.groupEntries[claim].length; g++) {
      const found = kb.groupEntries[claim][g].flatMap((entry) => occurrences.get(entry) ?? []).filter((m) => countsFor(claim, g, m));
      if (found.length === 0) break;
      groups.set(g, found);
    }
    if (groups.size === kb.groupEntries[claim].length) anchors.set(claim, groups);
  }
  const ctx: Context = {
    kb, text, raw, tokens, anchors, terms, focusByKind: new Map(),
    get values() {
      return valuesOf();
    },
  };
  const findings: Finding[] = [];
  for (const [claimIndex, groups] of anchors) {
    const claim = kb.claims[claimIndex];
    if (claim.about.length === 0 || groups.size < claim.about.length) continue;
    const finding = judge(ctx, claimIndex);
    if (finding) {
      const covered = new Set<number>();
      for (const matches of groups.values()) for (const m of matches) for (let k = m.first; k < m.last; k++) covered.add(k);
      findings.push({ ...finding, coverage: covered.size });
    }
  }
  findings.push(...checkRoles(ctx));
  return settle(kb, findings).map((f) => asWritten(f, text, raw));
}

/** Messages and `written` quote the memo as written ("**90%**"), not the masked prose the checker reads. */
function asWritten(f: Finding, text: string, raw: string): Finding {
  if (text === raw) return f;
  const masked = text.slice(f.start, f.end);
  const original = raw.slice(f.start, f.end);
  if (masked === original) return f;
  const message = f.message.split(masked).join(original).split(quoted(masked)).join(quoted(original));
  return { ...f, message, written: f.written === undefined ? undefined : original };
}

function shift<T extends ValueMention>(v: T, by: number): T {
  const out = { ...v, start: v.start + by, end: v.end + by };
  if (out.kind === 'number') {
    out.valueStart += by;
    out.valueEnd += by;
  }
  return out;
}

/**
 * Where several claims speak of the same thing (the session's US and Asian dates), a value that
 * one of them supports is not a contradiction of another. One finding per contradicted span.
 */
function settle(kb: KnowledgeBase, findings: Finding[]): Finding[] {
  // Curated claims on a point take precedence over claims read automatically from reports.
  if (findings.some((f) => !f.claim.extracted)) findings = findings.filter((f) => !f.claim.extracted);
  // Spans that some claim supports, per topic (value kind and focus anchors).
  const supported = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.verdict !== 'support') continue;
    const key = kb.topicKey[kb.claimIndex.get(f.claim)!];
    const list = supported.get(key) ?? [];
    list.push(f);
    supported.set(key, list);
  }
  const kept: Finding[] = [];
  const contradicted: Finding[] = [];
  for (const f of findings) {
    if (f.verdict === 'contradiction') {
      const sameTopic = supported.get(kb.topicKey[kb.claimIndex.get(f.claim)!]) ?? [];
      if (sameTopic.some((s) => s.start < f.end && f.start < s.end)) continue;
      if (contradicted.some((k) => k.start < f.end && f.start < k.end)) continue;
      contradicted.push(f);
    }
    kept.push(f);
  }
  return kept;
}

function cite(claim: Claim): string {
  return `${claim.source} (${claim.locator})`;
}

function distance(a: { start: number; end: number }, b: { start: number; end: number }): number {
  if (a.end <= b.start) return b.start - a.end;
  if (b.end <= a.start) return a.start - b.end;
  return 0;
}

/** Matches of the claim's most specific anchor group. */
function focusMatches(ctx: Context, claimIndex: number): PhraseMatch<unknown>[] {
  const groups = ctx.anchors.get(claimIndex)!;
  return groups.get(ctx.kb.focusGroup[claimIndex]) ?? [...groups.values()][0];
}

/** Index of the first token starting at or after `offset`, or -1: a binary search, not a scan. */
function tokenFrom(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo < tokens.length ? lo : -1;
}

/**
 * How tightly a value is bound to an anchor, in tokens (lower is tighter). "78% of Korea's total
 * exports" binds 78% to "exports" outright: a value followed by "of" and a few words before the anchor.
 */
function binding(ctx: Context, v: { start: number; end: number }, anchor: PhraseMatch<unknown>): number {
  const tokens = ctx.tokens;
  const after = tokenFrom(tokens, v.end);
  const before = tokenFrom(tokens, v.start);
  if (after >= 0 && after <= anchor.first) {
    const gap = tokens.slice(after, anchor.first).map((t) => t.lower);
    if (gap.length <= 4 && ['of', 'for', 'in'].includes(gap[0] ?? '')) return 0;
    return anchor.first - after + 1;
  }
  if (before >= 0 && before >= anchor.last) return before - anchor.last + 1;
  return 0;
}

/** "a 2012 conference in Budapest": a year between a determiner and a noun that is not the claim's dates that noun. */
function modifiesOtherNoun(ctx: Context, v: { start: number; end: number }, own: PhraseMatch<unknown>[]): boolean {
  const i = tokenFrom(ctx.tokens, v.start);
  if (i <= 0 || i + 1 >= ctx.tokens.length || ctx.tokens[i].start !== v.start) return false;
  const before = ctx.tokens[i - 1].lower;
  const next = ctx.tokens[i + 1];
  if (!['a', 'an', 'the', 'its', 'this', 'that', 'their', 'his', 'her', 'our'].includes(before)) return false;
  if (ctx.text.slice(v.end, next.start).trim() !== '') return false;
  return !own.some((a) => a.start <= next.start && next.end <= a.end);
}

// A different instance of the thing a claim is about: "a later session", "another webinar".
const otherInstance = new Set(['later', 'another', 'next', 'previous', 'earlier', 'subsequent', 'other', 'different', 'prior', 'upcoming', 'future', 'separate', 'similar']);

const eventWords = new Set(['session', 'webinar', 'dialogue', 'event', 'meeting', 'conference', 'workshop', 'seminar', 'panel', 'summit'].map((w) => stem(w)));

function aboutAnotherInstance(ctx: Context, claimIndex: number): boolean {
  for (const f of focusMatches(ctx, claimIndex).concat(...ctx.anchors.get(claimIndex)!.values())) {
    for (let k = Math.max(0, f.first - 3); k < f.first; k++) if (otherInstance.has(ctx.tokens[k].lower)) return true;
    // "a Pacific Forum webinar": an indefinite article before an event means some other event.
    if (eventWords.has(ctx.tokens[f.last - 1].norm)) {
      let k = f.first - 1;
      while (k >= 0 && /^\p{Lu}/u.test(ctx.tokens[k].raw)) k--;
      if (k >= 0 && /^(a|an)$/i.test(ctx.tokens[k].raw)) return true;
    }
  }
  return false;
}

/**
 * The focus anchors of other claims of the same kind that this claim's value might belong to
 * instead: computed once per sentence and kind as the distinct anchor ranges (many claims share
 * one matched phrase), so the cost does not grow with the number of matching claims.
 */
function rivalAnchors(ctx: Context, claimIndex: number, focus: PhraseMatch<unknown>[]): PhraseMatch<unknown>[] {
  const kind = ctx.kb.claims[claimIndex].value.kind;
  let byKind = ctx.focusByKind.get(kind);
  if (!byKind) {
    const distinct = new Map<string, PhraseMatch<unknown>>();
    for (const [other, groups] of ctx.anchors) {
      const claim = ctx.kb.claims[other];
      if (claim.value.kind !== kind || groups.size < claim.about.length) continue;
      for (const r of groups.get(ctx.kb.focusGroup[other]) ?? []) distinct.set(`${r.start}:${r.end}`, r);
    }
    byKind = [...distinct.values()];
    ctx.focusByKind.set(kind, byKind);
  }
  // Alternatives about the same thing share anchors; only a different anchor is a rival.
  return byKind.filter((r) => !focus.some((f) => f.start === r.start && f.end === r.end));
}

/**
 * The value this claim is about: among accepted mentions, the one bound most tightly to the claim's
 * focus anchor, leaving aside values bound more tightly to another claim's anchor ("78% of exports
 * and 67% of imports": 67% belongs to imports).
 */
function nearest<T extends ValueMention>(ctx: Context, claimIndex: number, accept: (v: ValueMention) => v is T): T | undefined {
  const focus = focusMatches(ctx, claimIndex);
  const own = [...ctx.anchors.get(claimIndex)!.values()].flat();
  const rivals = rivalAnchors(ctx, claimIndex, focus);
  let best: T | undefined;
  let bestScore = Infinity;
  for (const v of ctx.values) {
    if (!accept(v)) continue;
    // A value inside a name ("track 1.5 dialogue", "5G", "Fourth Industrial Revolution") is part of
    // the name, unless the name is what the claim is about ("the third session", "2013 Seoul Cyberspace Conference").
    const name = ctx.terms.find((m) => m.start <= v.start && v.end <= m.end);
    if (name && !own.some((a) => a.start < name.end && name.start < a.end)) continue;
    if (v.kind === 'year' && modifiesOtherNoun(ctx, v, own)) continue;
    const score = Math.min(...focus.map((f) => binding(ctx, v, f)));
    if (rivals.some((r) => binding(ctx, v, r) < score)) continue;
    if (score < bestScore) {
      best = v;
      bestScore = score;
    }
  }
  return best;
}

function judge(ctx: Context, claimIndex: number): Finding | undefined {
  const claim = ctx.kb.claims[claimIndex];
  const value = claim.value;
  if (value.kind !== 'stance' && value.kind !== 'preference' && aboutAnotherInstance(ctx, claimIndex)) return undefined;
  switch (value.kind) {
    case 'quantity':
      return judgeQuantity(ctx, claimIndex, value.quantity);
    case 'year':
      return judgeDate(ctx, claimIndex, { year: value.year });
    case 'date':
      return judgeDate(ctx, claimIndex, value.date);
    case 'period':
      return judgePeriod(ctx, claimIndex, value.period);
    case 'ordinal':
      return judgeOrdinal(ctx, claimIndex, value.ordinal);
    case 'quantifier':
      return judgeQuantifier(ctx, claimIndex, value.quantifier);
    case 'stance':
      return judgeStance(ctx, claimIndex, value.stance.predicate, value.stance.polarity);
    case 'preference':
      return judgePreference(ctx, claimIndex, value.preference);
    case 'entity':
      return judgeEntity(ctx, claimIndex, value.entity);
    case 'holders':
      return judgeHolders(ctx, claimIndex, value.holders.people);
    case 'role':
      return undefined; // roles are found from the people a sentence names: checkRoles
  }
}

// ---------------------------------------------------------------------------------------------
// Numbers

export function formatNumber(value: number, unit: string, approx?: boolean, bound?: string): string {
  const n = Number.isInteger(value) ? String(value) : String(Math.round(value * 10) / 10);
  const body = unit === 'percent' ? `${n}%` : unit === 'times' ? `${n} times` : n;
  const prefix = bound === 'over' ? 'over ' : bound === 'under' ? 'under ' : bound === 'at-least' ? 'at least ' : bound === 'at-most' ? 'at most ' : approx ? 'about ' : '';
  return prefix + body;
}

/** The sourced value written the way the memo wrote its own ("78 percent", "78%", "50x"). */
function writeLike(raw: string, memo: NumberMention, value: number, unit: string): string {
  const written = raw.slice(memo.valueStart, memo.valueEnd);
  if (unit === 'percent') return /percent|per cent/i.test(written) ? `${value} percent` : `${value}%`;
  if (unit === 'times') return /x$/i.test(written) ? `${value}x` : `${value} times`;
  return String(value);
}

function judgeQuantity(ctx: Context, claimIndex: number, q: { value: number; unit: string; approx?: boolean; bound?: string; of?: number }): Finding | undefined {
  const claim = ctx.kb.claims[claimIndex];
  // A count equal to the sourced total ("Korea's 27 partners, 14 of them …") states the total, not the count.
  const mention = nearest(ctx, claimIndex, (v): v is NumberMention => v.kind === 'number' && v.unit === q.unit && !(q.unit === 'count' && v.fraction) && !(q.of !== undefined && v.value === q.of && v.of === undefined));
  if (!mention && q.unit === 'count' && q.of) {
    // "14 of 27" also answers "more than half" or "about 52%".
    const share = nearest(ctx, claimIndex, (v): v is NumberMention => v.kind === 'number' && v.unit === 'percent');
    if (share) return judgeQuantity(ctx, claimIndex, { value: Math.round((q.value / q.of) * 1000) / 10, unit: 'percent', approx: true });
  }
  if (!mention) return undefined;
  const sourced = formatNumber(q.value, q.unit, q.approx, q.bound) + (q.of ? ` of ${q.of}` : '');
  const agrees = overlaps(mentionInterval(mention), sourceInterval(q.value, q.approx, q.bound));
  const totalDiffers = q.of !== undefined && mention.of !== undefined && mention.of !== q.of;
  if (agrees && !totalDiffers) return { verdict: 'support', claim, start: mention.start, end: mention.end, message: '' };
  // "15 of Korea's 27": when only the count is wrong, only the count is marked and replaced; when
  // the total is wrong too, the whole stretch is, with both numbers replaced in place.
  const end = totalDiffers && mention.ofEnd !== undefined ? mention.ofEnd : mention.end;
  const written = ctx.raw.slice(mention.start, end);
  let replacement: string | undefined;
  // A bound in the source ("over 20") has no single value to write in.
  if (!q.bound) {
    replacement = matchCase((mention.hedge === 'exact' ? '' : q.approx ? 'about ' : '') + writeLike(ctx.raw, mention, q.value, q.unit), written);
    if (totalDiffers && mention.ofStart !== undefined) replacement += ctx.raw.slice(mention.end, mention.ofStart) + String(q.of);
  }
  return {
    verdict: 'contradiction', claim, start: mention.start, end,
    message: `${cite(claim)} puts this at ${sourced}, not ${quoted(written)}.`,
    replacement,
    written,
  };
}

const hedgeWords = /^(nearly|almost|about|around|approximately|roughly|some|over|under|more|less|fewer|just|only|at|up|close|well|exactly|precisely|barely)\b/i;

/** The memo's words as quoted inside a message: a sentence-initial hedge loses its capital. */
function quoted(written: string): string {
  return hedgeWords.test(written) ? written.charAt(0).toLowerCase() + written.slice(1) : written;
}

function matchCase(replacement: string, written: string): string {
  return /^\p{Lu}/u.test(written) ? replacement.charAt(0).toUpperCase() + replacement.slice(1) : replacement;
}

// ---------------------------------------------------------------------------------------------
// Years, dates, periods, ordinals

// A year after these words is a reference point, not the date of the event itself.
const relationalPrepositions = new Set(['before', 'after', 'by', 'until', 'till', 'than', 'prior', 'following', 'post', 'pre']);

export function formatDate(d: { year?: number; month?: number; day?: number }): string {
  if (d.month && d.day && d.year) return `${monthNames[d.month - 1]} ${d.day}, ${d.year}`;
  if (d.month && d.year) return `${monthNames[d.month - 1]} ${d.year}`;
  if (d.month && d.day) return `${monthNames[d.month - 1]} ${d.day}`;
  if (d.month) return monthNames[d.month - 1];
  return String(d.year);
}

function judgeDate(ctx: Context, claimIndex: number, sourced: { year: number; month?: number; day?: number }): Finding | undefined {
  const claim = ctx.kb.claims[claimIndex];
  const mention = nearest(ctx, claimIndex, (v): v is YearMention | DateMention =>
    (v.kind === 'year' && !relationalPrepositions.has(v.preposition ?? '')) || (v.kind === 'date' && (v.year !== undefined || sourced.month !== undefined)));
  if (!mention) return undefined;
  const memo: { year?: number; month?: number; day?: number } = mention.kind === 'year' ? { year: mention.year } : mention;
  const differs = (memo.year !== undefined && memo.year !== sourced.year) || (memo.month !== undefined && sourced.month !== undefined && memo.month !== sourced.month) || (memo.day !== undefined && sourced.day !== undefined && memo.day !== sourced.day);
  if (!differs) return { verdict: 'support', claim, start: mention.start, end: mention.end, message: '' };
  const written = ctx.text.slice(mention.start, mention.end);
  // Keep the precision the memo used: replace "March 2023" by "December 2022", "2019" by "2017".
  const replacement = formatDate({
    year: memo.year !== undefined ? sourced.year : undefined,
    month: memo.month !== undefined || (memo.year !== undefined && mention.kind === 'date') ? sourced.month : undefined,
    day: memo.day !== undefined ? sourced.day : undefined,
  });
  const full = formatDate(sourced);
  return {
    verdict: 'contradiction', claim, start: mention.start, end: mention.end,
    message: `${cite(claim)} dates this to ${full}, not ${written}.`,
    replacement: replacement === 'undefined' ? full : replacement,
    written,
  };
}

function judgePeriod(ctx: Context, claimIndex: number, period: { from: number; to: number }): Finding | undefined {
  const claim = ctx.kb.claims[claimIndex];
  const range = nearest(ctx, claimIndex, (v): v is Extract<ValueMention, { kind: 'period' }> => v.kind === 'period');
  const sourced = `${period.from}–${period.to}`;
  if (range) {
    const written = ctx.text.slice(range.start, range.end);
    if (range.from === period.from && range.to === period.to) return { verdict: 'support', claim, start: range.start, end: range.end, message: '' };
    return { verdict: 'contradiction', claim, start: range.start, end: range.end, message: `${cite(claim)} gives the period as ${sourced}, not ${written}.`, replacement: sourced, written };
  }
  const year = nearest(ctx, claimIndex, (v): v is YearMention => v.kind === 'year');
  if (!year) return undefined;
  const p = year.preposition ?? '';
  const end = ['until', 'to', 'through', 'by', 'till'].includes(p) ? period.to : ['from', 'since'].includes(p) ? period.from : undefined;
  if (end === undefined) return undefined;
  const written = ctx.text.slice(year.start, year.end);
  if (year.year === end) return { verdict: 'support', claim, start: year.start, end: year.end, message: '' };
  return { verdict: 'contradiction', claim, start: year.start, end: year.end, message: `${cite(claim)} gives the period as ${sourced}, not ${p} ${written}.`, replacement: String(end), written };
}

const ordinalSuffix = (n: number): string => {
  const mod100 = n % 100;
  if (mod100 >= 11 && mod100 <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
};
const ordinalWords = ['zeroth', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth'];

function judgeOrdinal(ctx: Context, claimIndex: number, ordinal: number): Finding | undefined {
  const claim = ctx.kb.claims[claimIndex];
  const focus = focusMatches(ctx, claimIndex);
  const mention = nearest(ctx, claimIndex, (v): v is OrdinalMention =>
    v.kind === 'ordinal' && (v.determiner || focus.some((f) => distance(v, f) <= 2)));
  if (!mention) return undefined;
  if (mention.value === ordinal) return { verdict: 'support', claim, start: mention.start, end: mention.end, message: '' };
  const written = ctx.text.slice(mention.start, mention.end);
  const replacement = mention.words && ordinal < ordinalWords.length ? ordinalWords[ordinal] : /^#/.test(written) ? `#${ordinal}` : ordinalSuffix(ordinal);
  return {
    verdict: 'contradiction', claim, start: mention.start, end: mention.end,
    message: `${cite(claim)} has this as the ${ordinalSuffix(ordinal)}, not the ${written.replace(/^#/, '')}.`,
    replacement: matchCase(replacement, written),
    written,
  };
}

// ---------------------------------------------------------------------------------------------
// Quantifiers: "a majority of", "many", "few"

const quantifierScale: Record<Quantifier, [number, number]> = {
  none: [0, 0], few: [0, 30], minority: [0, 49.9], some: [1, 60], many: [20, 100], majority: [50.1, 100], most: [50.1, 100], all: [100, 100],
};

function judgeQuantifier(ctx: Context, claimIndex: number, sourced: Quantifier): Finding | undefined {
  const claim = ctx.kb.claims[claimIndex];
  const mention = nearest(ctx, claimIndex, (v): v is QuantifierMention | NumberMention => v.kind === 'quantifier' || (v.kind === 'number' && v.unit === 'percent'));
  if (!mention) return undefined;
  const [slo, shi] = quantifierScale[sourced];
  let memo: { lo: number; hi: number };
  if (mention.kind === 'number') memo = mentionInterval(mention);
  else {
    const [lo, hi] = quantifierScale[mention.quantifier];
    // "not a majority" is at most half.
    memo = mention.negated ? (lo > 50 ? { lo: 0, hi: 50 } : { lo: hi, hi: 100 }) : { lo, hi };
    if (mention.quantifier === 'some' || (mention.negated && mention.quantifier !== 'majority' && mention.quantifier !== 'most')) return undefined;
  }
  const written = ctx.text.slice(mention.start, mention.end);
  if (memo.lo <= shi && slo <= memo.hi) return { verdict: 'support', claim, start: mention.start, end: mention.end, message: '' };
  const name = sourced === 'majority' ? 'a majority' : sourced === 'minority' ? 'a minority' : sourced;
  return {
    verdict: 'contradiction', claim, start: mention.kind === 'quantifier' && mention.negated ? Math.max(0, ctx.text.lastIndexOf('not', mention.start)) : mention.start, end: mention.end,
    message: `${cite(claim)} says ${name}, not ${written}: ${claim.statement}`,
    written,
  };
}

// ---------------------------------------------------------------------------------------------
// Stances: negation, antonyms

const negations = new Set(['not', 'no', 'never', 'neither', 'nor', 'none', 'cannot', 'without', 'hardly', 'barely', 'scarcely', 'nobody', 'nothing']);
const negationPhrases = [
  ['fail', 'to'], ['fails', 'to'], ['failed', 'to'], ['refuse', 'to'], ['refuses', 'to'], ['refused', 'to'], ['no', 'longer'],
  ['refrain', 'from'], ['refrains', 'from'], ['refrained', 'from'], ['decline', 'to'], ['declines', 'to'], ['declined', 'to'],
  ['abstain', 'from'], ['abstains', 'from'], ['abstained', 'from'], ['stay', 'out'], ['stays', 'out'], ['stayed', 'out'],
  ['kept', 'out'], ['keeps', 'out'], ['scale', 'back'], ['scales', 'back'], ['scaled', 'back'], ['scaling', 'back'],
  ['wind', 'down'], ['winds', 'down'], ['wound', 'down'], ['pull', 'back'], ['pulled', 'back'], ['pull', 'out'], ['pulled', 'out'],
  ['step', 'back'], ['stepped', 'back'], ['walk', 'away'], ['walked', 'away'], ['back', 'away'], ['backed', 'away'],
];
// Phrases that contain a negation word but do not negate.
const notNegating = [['not', 'only'], ['not', 'just'], ['not', 'merely'], ['not', 'least'], ['no', 'doubt'], ['not', 'counting'], ['not', 'including'], ['without', 'doubt']];

const antonyms: Record<StancePredicate, string[]> = {
  support: ['oppose', 'opposed', 'opposes', 'opposition', 'opponent', 'against', 'reject', 'resist', 'skeptic', 'sceptic', 'skeptical', 'sceptical', 'scepticism', 'skepticism', 'critic', 'criticise', 'criticize', 'distrust', 'dismiss', 'object', 'hostile', 'wary', 'doubt', 'abandon', 'ban', 'block', 'shun', 'avoid', 'disavow', 'denounce', 'reduce', 'cut', 'curtail', 'shrink', 'decrease', 'lower', 'halt', 'stop', 'end'],
  cooperate: ['stop', 'end', 'cease', 'halt', 'suspend', 'abandon', 'sever', 'withdraw', 'cut', 'downgrade', 'freeze', 'quit', 'exit', 'terminate', 'pause', 'scrap', 'curtail', 'reduce', 'limit', 'avoid', 'shun', 'distance', 'reject'],
  role: ['absent', 'marginal', 'minor', 'negligible', 'sidelined', 'insignificant', 'irrelevant', 'passive', 'peripheral', 'excluded', 'limited', 'little'],
  bound: ['exempt', 'immune', 'free', 'outside', 'excluded', 'beyond'],
  capable: ['unable', 'incapable', 'unviable', 'inviable', 'fail', 'lack', 'weak', 'unlikely'],
  generic: [],
};
// Words with a negative sense under any predicate: negated, they affirm ("cannot be separated",
// "not without", "no one doubts"), so each counts as one flip like a negation.
const negativeSenseStems = new Set(['separate', 'separated', 'ignore', 'overlook', 'deny', 'doubt', 'underestimate', 'neglect', 'lack', 'unlike', 'forget', 'exclude', 'rule'].map((w) => stem(w)));
const antonymStems: Record<StancePredicate, Set<string>> = Object.fromEntries(
  Object.entries(antonyms).map(([k, words]) => [k, new Set(words.map((w) => stem(w)))]),
) as Record<StancePredicate, Set<string>>;

// Words that carry a stance of each kind: a negation must stand right before one of them, or before
// one of the claim's own words, to negate the claim ("does not advocate", "plays no real role").
const predicateWords: Record<StancePredicate, string[]> = {
  support: ['support', 'advocate', 'promote', 'back', 'favour', 'favor', 'champion', 'endorse', 'proponent', 'embrace', 'push', 'expand', 'recommend', 'call', 'urge', 'want', 'seek', 'pursue', 'prioritise', 'prioritize', 'focus'],
  cooperate: ['cooperate', 'cooperation', 'partner', 'partnership', 'work', 'collaborate', 'collaboration', 'engage', 'deepen', 'strengthen', 'join', 'hold', 'ally', 'alliance', 'coordinate', 'talk'],
  role: ['role', 'part', 'active', 'prominent', 'involved', 'shape', 'influence', 'lead', 'leading', 'presence', 'participate', 'matter', 'bearing', 'say'],
  bound: ['subject', 'bound', 'comply', 'compel', 'oblige', 'require', 'covered', 'apply'],
  capable: ['can', 'able', 'viable', 'capable', 'could', 'alternative', 'enable', 'allow', 'permit', 'help'],
  generic: ['link', 'linked', 'connection', 'bearing', 'relation', 'relevance', 'impact', 'effect', 'tie', 'role', 'part', 'use', 'have', 'do'],
};
const predicateStems: Record<StancePredicate, Set<string>> = Object.fromEntries(
  Object.entries(predicateWords).map(([k, words]) => [k, new Set(words.map((w) => stem(w)))]),
) as Record<StancePredicate, Set<string>>;

/** Negation and antonym cues in tokens [from, to): each flips the polarity. */
function polarityCues(ctx: Context, from: number, to: number, predicate: StancePredicate, anchorStarts: number[]): { flips: number; cues: Token[] } {
  const tokens = ctx.tokens;
  const cues: Token[] = [];
  const lowerAt = (i: number): string => tokens[i]?.lower ?? '';
  // A negation negates the claim only if the claim's words or a stance word follow it closely.
  const governs = (i: number): boolean =>
    anchorStarts.some((a) => a > i && a - i <= 3) || [1, 2, 3].some((k) => i + k < to && predicateStems[predicate].has(tokens[i + k].norm));
  for (let i = from; i < to; i++) {
    const w = lowerAt(i);
    if (notNegating.some((p) => p.every((word, k) => lowerAt(i + k) === word))) {
      i += 1;
      continue;
    }
    // "doesn't": the tokeniser splits it into "doesn" and "t".
    const contraction = w === 't' && i > 0 && /n['’]$/.test(ctx.text.slice(tokens[i - 1].start, tokens[i].start));
    const phrase = negationPhrases.find((p) => p.every((word, k) => lowerAt(i + k) === word));
    if (phrase && anchorStarts.some((a) => a > i && a - i <= phrase.length + 4)) {
      cues.push(tokens[i]);
      i += phrase.length - 1;
      continue;
    }
    if ((negations.has(w) || contraction) && governs(i)) {
      cues.push(contraction ? tokens[i - 1] : tokens[i]);
      if (w === 'neither') {
        // "neither ... nor" is one negation.
        const nor = tokens.findIndex((t, k) => k > i && k < to && t.lower === 'nor');
        if (nor > 0) i = nor;
      }
      continue;
    }
    const nearAnchor = anchorStarts.some((a) => Math.abs(a - i) <= 4);
    if ((antonymStems[predicate].has(tokens[i].norm) || negativeSenseStems.has(tokens[i].norm)) && nearAnchor) cues.push(tokens[i]);
  }
  return { flips: cues.length, cues };
}

function anchorSpan(ctx: Context, claimIndex: number): { first: number; last: number } {
  let first = Infinity;
  let last = -1;
  for (const matches of ctx.anchors.get(claimIndex)!.values()) {
    for (const m of matches) {
      first = Math.min(first, m.first);
      last = Math.max(last, m.last);
    }
  }
  return { first, last };
}

// A recommendation or a question states no fact: "Seoul should not rely on Open RAN" argues, it
// does not report what the sources say.
const normative = /\b(should|must|ought|recommend(?:s|ed)?|propose[sd]?|urge[sd]?|need(?:s)? to|have to|has to)\b/i;

function judgeStance(ctx: Context, claimIndex: number, predicate: StancePredicate, polarity: 'positive' | 'negative'): Finding | undefined {
  const claim = ctx.kb.claims[claimIndex];
  const sentence = ctx.text.slice(ctx.tokens[0].start, ctx.tokens[ctx.tokens.length - 1].end + 1);
  const isQuestion = /\?\s*$/.test(ctx.text.slice(ctx.tokens[0].start, ctx.tokens[ctx.tokens.length - 1].end + 2));
  const span = anchorSpan(ctx, claimIndex);
  // Cues count inside the stretch the anchors cover, and a few words around it, within the clause.
  const from = clauseStart(ctx, Math.max(0, span.first - 4), span.first);
  const to = clauseEnd(ctx, Math.min(ctx.tokens.length, span.last + 4), span.last);
  const anchorStarts = [...ctx.anchors.get(claimIndex)!.values()].flat().map((m) => m.first);
  const { flips, cues } = polarityCues(ctx, from, to, predicate, anchorStarts);
  const contrary = contraryMatch(ctx, claimIndex);
  if (contrary && flips % 2 === 0) {
    return { verdict: 'contradiction', claim, start: contrary.start, end: contrary.end, message: `${cite(claim)} says otherwise: ${claim.statement}`, written: ctx.text.slice(contrary.start, contrary.end) };
  }
  // The sentence's own polarity: negative when an odd number of cues negate it.
  const stated = flips % 2 === 0 ? 'positive' : 'negative';
  if (stated !== polarity && (cues.length === 0 || isQuestion || normative.test(sentence))) return undefined;
  const first = ctx.tokens[span.first];
  const last = ctx.tokens[span.last - 1];
  if (stated === polarity) return { verdict: 'support', claim, start: first.start, end: last.end, message: '' };
  const cueStart = Math.min(...cues.map((c) => c.start));
  let cueEnd = Math.max(...cues.map((c) => c.end));
  // Cover the word a bare negation negates: "not advocate", "no real role".
  const after = tokenFrom(ctx.tokens, cueEnd);
  if (after >= 0 && negations.has(ctx.text.slice(cueStart, cueEnd).toLowerCase())) cueEnd = ctx.tokens[after].end;
  return {
    verdict: 'contradiction', claim, start: cueStart, end: cueEnd,
    message: `${cite(claim)} says the opposite: ${claim.statement}`,
    written: ctx.text.slice(cueStart, cueEnd),
  };
}

/** A phrase the claim lists as contrary to it ("in person" for a virtual event), if the sentence has one. */
function contraryMatch(ctx: Context, claimIndex: number): { start: number; end: number } | undefined {
  const value = ctx.kb.claims[claimIndex].value;
  if (value.kind !== 'stance' || !value.stance.contrary) return undefined;
  return mentionsOf(ctx, value.stance.contrary)[0];
}

/** Token index where the clause holding `anchor` begins, no earlier than `limit`. */
function clauseStart(ctx: Context, limit: number, anchor: number): number {
  for (let i = anchor; i > limit; i--) {
    const gap = ctx.text.slice(ctx.tokens[i - 1].end, ctx.tokens[i].start);
    if (/[;:—]/.test(gap) || /^(but|although|though|whereas|while|however|yet)$/i.test(ctx.tokens[i - 1].raw)) return i;
  }
  return limit;
}

function clauseEnd(ctx: Context, limit: number, anchor: number): number {
  for (let i = Math.max(anchor, 1); i < limit; i++) {
    const gap = ctx.text.slice(ctx.tokens[i - 1].end, ctx.tokens[i].start);
    if (/[;:—]/.test(gap) || /^(but|although|though|whereas|however|yet)$/i.test(ctx.tokens[i].raw)) return i;
  }
  return limit;
}

// ---------------------------------------------------------------------------------------------
// Preferences: "chose A over B"

const preferenceConnectors = [['over'], ['rather', 'than'], ['instead', 'of'], ['in', 'preference', 'to'], ['ahead', 'of'], ['in', 'favour', 'of'], ['in', 'favor', 'of']];

function mentionsOf(ctx: Context, phrases: string[]): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  for (const phrase of phrases) {
    const forms = ctx.kb.formsOf(phrase);
    const needles = forms.map((f) => tokenize(f).map((t) => t.norm));
    for (let i = 0; i < ctx.tokens.length; i++) {
      for (const needle of needles) {
        if (needle.length > 0 && needle.every((n, k) => ctx.tokens[i + k]?.norm === n)) found.push({ start: ctx.tokens[i].start, end: ctx.tokens[i + needle.length - 1].end });
      }
    }
  }
  return found;
}

function judgePreference(ctx: Context, claimIndex: number, pref: { preferred: string[]; over: string[] }): Finding | undefined {
  const claim = ctx.kb.claims[claimIndex];
  const preferred = mentionsOf(ctx, pref.preferred);
  const dispreferred = mentionsOf(ctx, pref.over);
  if (preferred.length === 0 && dispreferred.length === 0) return undefined;
  let connector: { start: number; end: number } | undefined;
  for (let i = 0; i < ctx.tokens.length && !connector; i++) {
    for (const words of preferenceConnectors) {
      if (words.every((w, k) => ctx.tokens[i + k]?.lower === w)) {
        connector = { start: ctx.tokens[i].start, end: ctx.tokens[i + words.length - 1].end };
        break;
      }
    }
  }
  if (!connector) return undefined;
  const before = (m: { start: number }): boolean => m.start < connector!.start;
  const swapped = dispreferred.some(before) && preferred.some((m) => !before(m)) && !preferred.some(before);
  const straight = preferred.some(before) && dispreferred.some((m) => !before(m));
  if (straight) return { verdict: 'support', claim, start: connector.start, end: connector.end, message: '' };
  if (!swapped) return undefined;
  const start = Math.min(...dispreferred.filter(before).map((m) => m.start));
  const end = Math.max(...preferred.filter((m) => !before(m)).map((m) => m.end));
  return {
    verdict: 'contradiction', claim, start, end,
    message: `${cite(claim)} has it the other way round: ${claim.statement}`,
    written: ctx.text.slice(start, end),
  };
}

// ---------------------------------------------------------------------------------------------
// Entities: places and partner organisations; people holding a one-of-a-kind part

const properConnectors = new Set(['of', 'the', 'for', 'and', '&', 'de', 'on']);

/** Capitalised phrases after one of `prepositions` ("in Los Angeles", "with the Wilson Center"). */
function properPhrasesAfter(ctx: Context, prepositions: string[]): { start: number; end: number; text: string }[] {
  const out: { start: number; end: number; text: string }[] = [];
  const t = ctx.tokens;
  for (let i = 0; i < t.length - 1; i++) {
    if (!prepositions.includes(t[i].lower)) continue;
    let j = i + 1;
    if (t[j].lower === 'the') j++;
    if (j >= t.length || !/^\p{Lu}/u.test(t[j].raw) || t[j].lower in monthIndex) continue;
    let k = j;
    let lastCap = j;
    // A full stop ends the name unless it closes an initial ("U.S. Naval War College").
    const joins = (a: Token, gap: string): boolean => !/[,;.]/.test(gap) || (/^\.\s?$/.test(gap) && /^\p{Lu}{1,2}$/u.test(a.raw));
    while (k + 1 < t.length && (/^\p{Lu}/u.test(t[k + 1].raw) || properConnectors.has(t[k + 1].lower)) && joins(t[k], ctx.text.slice(t[k].end, t[k + 1].start))) {
      k++;
      if (/^\p{Lu}/u.test(t[k].raw)) lastCap = k;
    }
    out.push({ start: t[j].start, end: t[lastCap].end, text: ctx.text.slice(t[j].start, t[lastCap].end) });
  }
  return out;
}

/** "Africa and Southeast Asia" → "Africa", "Southeast Asia": split at "and", "&" and commas. */
function splitList(c: { start: number; end: number; text: string }): { start: number; end: number; text: string }[] {
  const parts: { start: number; end: number; text: string }[] = [];
  const words = tokenize(c.text, c.start);
  let first = 0;
  const close = (upTo: number): void => {
    if (upTo > first) parts.push({ start: words[first].start, end: words[upTo - 1].end, text: c.text.slice(words[first].start - c.start, words[upTo - 1].end - c.start) });
  };
  for (let k = 0; k < words.length; k++) {
    if (/^(and|&)$/i.test(words[k].raw)) {
      close(k);
      first = k + 1;
    } else if (k > first && c.text.slice(words[k - 1].end - c.start, words[k].start - c.start).includes(',')) {
      close(k);
      first = k;
    }
  }
  close(words.length);
  return parts;
}
const monthIndex = wordTable<true>(Object.fromEntries(monthNames.map((m) => [m.toLowerCase(), true])));

const ignorable = new Set(['the', 'of', 'for', 'and', '&', 'in', 'at', 's', 'de', 'on', 'korea', 'korean', 'republic', 'rok', 'us', 'u', 'united', 'states']);
// Words every institution's name has; they cannot tell two institutions apart.
const genericNameWords = new Set(['center', 'centre', 'institute', 'university', 'college', 'school', 'department', 'ministry', 'agency', 'forum', 'council', 'foundation', 'office', 'group', 'program', 'programme', 'project', 'study', 'studies', 'research', 'national', 'international', 'security', 'policy', 'government', 'association', 'society', 'academy', 'commission', 'committee', 'working', 'city'].map((w) => stem(w)));
function nameTokens(name: string): string[] {
  return tokenize(name).map((t) => t.norm).filter((n) => !ignorable.has(n));
}

/**
 * A name the memo writes agrees with an organisation or place when every word of it occurs in some
 * form of that name, and at least one of them is distinctive ("Belfer Center", "Harvard's Belfer
 * Center"); "U.S. Naval War College" does not agree with "U.S. Army War College".
 */
export function namesAgree(kb: KnowledgeBase, written: string, idOrPhrase: string): boolean {
  const a = nameTokens(written);
  if (a.length === 0) return true;
  const forms = kb.formsOf(idOrPhrase).map(nameTokens);
  const union = new Set(forms.flat());
  if (a.every((x) => union.has(x)) && (a.some((x) => !genericNameWords.has(x)) || forms.some((f) => f.length === a.length && f.every((x) => a.includes(x))))) return true;
  // A longer memo name that contains a whole form: "the Pacific Forum in Honolulu's office".
  return forms.some((f) => f.length > 0 && f.some((x) => !genericNameWords.has(x)) && f.every((x) => a.includes(x)) && a.filter((x) => !f.includes(x)).every((x) => genericNameWords.has(x)));
}

function judgeEntity(ctx: Context, claimIndex: number, entity: { value: string; kind: 'place' | 'organisation' | 'person' }): Finding | undefined {
  const claim = ctx.kb.claims[claimIndex];
  const prepositions = entity.kind === 'place' ? ['in'] : ['with', 'by', 'from'];
  const anchorRanges = [...ctx.anchors.get(claimIndex)!.values()].flat();
  // Places are listed with "and": "in Africa and Southeast Asia" names two.
  const all = properPhrasesAfter(ctx, prepositions).flatMap((c) => (entity.kind === 'place' ? splitList(c) : [c]));
  // The value may sit inside an anchor ("the Consulate General … in Honolulu"): that agrees too.
  const agreeingAnywhere = all.find((c) => namesAgree(ctx.kb, c.text, entity.value));
  if (agreeingAnywhere) return { verdict: 'support', claim, start: agreeingAnywhere.start, end: agreeingAnywhere.end, message: '' };
  const candidates = all.filter((c) => !anchorRanges.some((a) => distance(a, c) === 0 && a.start <= c.start && a.end >= c.end));
  if (candidates.length === 0) return undefined;
  const agreeing = candidates.find((c) => namesAgree(ctx.kb, c.text, entity.value));
  if (agreeing) return { verdict: 'support', claim, start: agreeing.start, end: agreeing.end, message: '' };
  // Only a candidate close to the anchors, and of the right kind, can contradict.
  const focus = focusMatches(ctx, claimIndex);
  const near = candidates.filter((c) => Math.min(...focus.map((f) => distance(c, f))) <= 40);
  const wrongKind = (c: { start: number; end: number }): boolean =>
    ctx.terms.some((m) => m.start <= c.start && m.end >= c.end && m.value.kind !== entity.kind && !(entity.kind === 'organisation' && (m.value.kind === 'group' || m.value.kind === 'acronym')));
  const candidate = near.find((c) => !wrongKind(c));
  if (!candidate) return undefined;
  const name = ctx.kb.nameOf(entity.value);
  return {
    verdict: 'contradiction', claim, start: candidate.start, end: candidate.end,
    message: `${cite(claim)} names ${name}, not ${candidate.text}: ${claim.statement}`,
    replacement: name,
    written: candidate.text,
  };
}

function peopleIn(ctx: Context): { id: string; start: number; end: number; text: string }[] {
  return ctx.terms.filter((m) => m.value.kind === 'person').map((m) => ({ id: m.value.id, start: m.start, end: m.end, text: ctx.text.slice(m.start, m.end) }));
}

function judgeHolders(ctx: Context, claimIndex: number, holders: string[]): Finding | undefined {
  const claim = ctx.kb.claims[claimIndex];
  const people = peopleIn(ctx);
  if (people.length === 0) return undefined;
  // The people the cue names: "prepared by A and B", "A and B moderated".
  const focus = focusMatches(ctx, claimIndex);
  const named = cueGroup(ctx, people, focus);
  const outsider = named.find((p) => !holders.includes(p.id));
  if (outsider) {
    const names = holders.map((id) => ctx.kb.nameOf(id)).join(' and ');
    return { verdict: 'contradiction', claim, start: outsider.start, end: outsider.end, message: `${cite(claim)} names ${names}, not ${outsider.text}: ${claim.statement}`, replacement: undefined, written: outsider.text };
  }
  const holder = people.find((p) => holders.includes(p.id));
  if (holder) return { verdict: 'support', claim, start: holder.start, end: holder.end, message: '' };
  const closest = people.reduce((a, b) => (Math.min(...focus.map((f) => distance(a, f))) <= Math.min(...focus.map((f) => distance(b, f))) ? a : b));
  const names = holders.map((id) => ctx.kb.nameOf(id)).join(' and ');
  return {
    verdict: 'contradiction', claim, start: closest.start, end: closest.end,
    message: `${cite(claim)} names ${names}, not ${closest.text}: ${claim.statement}`,
    replacement: names,
    written: closest.text,
  };
}

const auxiliaries = new Set(['has', 'have', 'had', 'was', 'were', 'is', 'also', 'jointly']);
/** "has also", "was": words between a name and its verb that keep the name the verb's subject. */
function onlyAuxiliaries(gap: string): boolean {
  if (gap.length > 60) return false;
  const words = gap.trim().split(/\s+/).filter(Boolean);
  return words.every((w) => auxiliaries.has(w.toLowerCase()));
}

/** People joined by commas and "and" right after "by" following the cue, or right before the cue. */
function cueGroup(ctx: Context, people: { id: string; start: number; end: number; text: string }[], cue: PhraseMatch<unknown>[]): { id: string; start: number; end: number; text: string }[] {
  const joined = (a: { end: number }, b: { start: number }): boolean => {
    const gap = ctx.text.slice(a.end, b.start);
    return gap.length <= 12 && /^\s*(,|and|&|,\s*and)\s*$/i.test(gap);
  };
  for (const c of cue) {
    const after = ctx.text.slice(c.end, c.end + 40);
    const by = /^ ?(?:\w+ ){0,3}?by (?:Dr\.? )?/.exec(after.replace(/\s+/g, ' '));
    const group: typeof people = [];
    if (by) {
      let at = c.end + by[0].length;
      for (const p of people) {
        if (p.start === at || (group.length > 0 && joined(group[group.length - 1], p))) {
          if (p.start < at) continue;
          group.push(p);
          at = p.end;
        }
      }
      if (group.length > 0) return group;
    }
    const before = people.filter((p) => p.end <= c.start);
    for (let k = before.length - 1; k >= 0; k--) {
      const p = before[k];
      const next = group.length > 0 ? group[0] : undefined;
      if (next ? joined(p, next) : onlyAuxiliaries(ctx.text.slice(p.end, c.start))) group.unshift(p);
      else break;
    }
    if (group.length > 0) return group;
  }
  return [];
}

// ---------------------------------------------------------------------------------------------
// People's roles and organisations

const titleWords = /^(professor|fellow|director|adviser|advisor|president|chair|chairman|chairwoman|head|dean|researcher|analyst|lecturer|ambassador|minister|secretary|moderator|ceo|founder|editor|scholar|expert|officer|manager|chief|deputy)$/i;
const affiliationVerbs = /^(works?|worked|working|employed|directs|directed|leads|led|heads|headed|chairs|chaired|runs|ran|joined|serves|served)$/i;

// Words that make a different post of a title: a Vice President is not the President.
const distinctRanks = new Set(['vice', 'deputy'].map((w) => stem(w)));
// Words before a title word that are part of the title: "associate professor", "senior fellow".
const titleModifiers = /^(associate|assistant|adjunct|senior|junior|visiting|research|vice|deputy|executive|chief|managing|acting|interim|distinguished|emeritus|full|principal|non-resident|nonresident|resident)$/i;

function titlesAgree(written: string, sourced: string): boolean {
  const a = nameTokens(written);
  const b = nameTokens(sourced);
  if ([...distinctRanks].some((r) => a.includes(r) !== b.includes(r))) return false;
  return a.length > 0 && (a.every((x) => b.includes(x)) || b.every((x) => a.includes(x)));
}

function checkRoles(ctx: Context): Finding[] {
  const findings: Finding[] = [];
  const people = peopleIn(ctx);
  people.forEach((person, n) => {
    // Roles read automatically from reports may be incomplete (a second post in a list is easily
    // missed): they can support a sentence but not contradict it, unless curated roles exist.
    const all = ctx.kb.rolesByPerson.get(person.id) ?? [];
    const curated = all.filter((r) => !r.extracted);
    const supportOnly = curated.length === 0;
    const roles = supportOnly ? all : curated;
    if (!roles || roles.length === 0) return;
    // What follows the name, up to the next person or the end of the clause, describes them.
    const limit = n + 1 < people.length ? people[n + 1].start : Infinity;
    const span = ctx.tokens.filter((t) => t.start >= person.end && t.end <= limit);
    const cut = span.findIndex((t, i) => i > 0 && /[;:(]/.test(ctx.text.slice(span[i - 1].end, t.start)));
    const clause = (cut > 0 ? span.slice(0, cut) : span).slice(0, 24);
    if (clause.length === 0) return;
    const clauseTokens = clause;
    const from = clause[0].start;
    const to = clause[clause.length - 1].end;
    const known = ctx.kb.titleMatcher.matchLongest(clauseTokens);
    const generic = clauseTokens.filter((t) => titleWords.test(t.raw) && !known.some((k) => k.start <= t.start && k.end >= t.end));
    let genericStart = generic[0]?.start;
    if (generic[0]) {
      let k = clauseTokens.indexOf(generic[0]);
      while (k > 0 && titleModifiers.test(clauseTokens[k - 1].raw)) genericStart = clauseTokens[--k].start;
    }
    const title = known[0] ?? (generic[0] ? { start: genericStart!, end: generic[0].end } : undefined);
    const hasCue = title !== undefined || clauseTokens.some((t) => affiliationVerbs.test(t.raw));
    if (!hasCue) return;
    // Organisations: glossary organisations, and capitalised names after at/with/for (or "of" right
    // after a title: "Fellow of the Institute …").
    const overlapsTitle = (m: { start: number; end: number }): boolean => title !== undefined && m.start < title.end && m.end > title.start;
    const orgTerms = ctx.terms.filter((m) => m.start >= from && m.end <= to && (m.value.kind === 'organisation' || m.value.kind === 'group') && !overlapsTitle(m));
    const sub: Context = { ...ctx, tokens: clauseTokens };
    const phrases = properPhrasesAfter(sub, ['at', 'with', 'for', 'of']).filter((p) => {
      if (overlapsTitle(p) || /^(Korea|South Korea|the United States|China|Japan|Asia|Europe)$/.test(p.text)) return false;
      // "of" introduces an organisation only straight after a title: "Senior Research Fellow of the Institute …".
      const lead = /(\S+)\s+(?:the\s+)?$/.exec(ctx.text.slice(Math.max(0, p.start - 12), p.start))?.[1]?.toLowerCase();
      return lead !== 'of' || (title !== undefined && /^\s+of\s+(?:the\s+)?$/.test(ctx.text.slice(title.end, p.start)));
    });
    const orgs = [
      ...orgTerms.map((m) => ({ start: m.start, end: m.end, text: ctx.text.slice(m.start, m.end), id: m.value.id as string | undefined })),
      ...phrases.filter((p) => !orgTerms.some((m) => m.start < p.end && p.start < m.end)).map((p) => ({ ...p, id: undefined as string | undefined })),
    ];
    const titleText = title ? ctx.text.slice(title.start, title.end) : undefined;
    const titleOk = !titleText || roles.some((r) => r.value.kind === 'role' && r.value.role.title && titlesAgree(titleText, r.value.role.title));
    const orgRoles = roles.filter((r) => r.value.kind === 'role' && r.value.role.org);
    const orgAgrees = (o: { text: string; id?: string }): boolean => orgRoles.some((r) => r.value.kind === 'role' && (o.id === r.value.role.org || namesAgree(ctx.kb, o.text, r.value.role.org!)));
    const wrongOrg = orgRoles.length === 0 ? undefined : orgs.find((o) => !orgAgrees(o));
    const org = wrongOrg ?? orgs[0];
    const orgOk = wrongOrg === undefined;
    const primary = orgRoles[0] ?? roles[0];
    if (titleOk && orgOk) {
      if (titleText || org) findings.push({ verdict: 'support', claim: matchingRole(ctx, roles, titleText, org?.text) ?? primary, start: person.start, end: to, message: '' });
      return;
    }
    const value = primary.value.kind === 'role' ? primary.value.role : undefined;
    if (!value || supportOnly) return;
    const described = [value.title, value.org ? `at ${ctx.kb.nameOf(value.org)}` : ''].filter(Boolean).join(' ');
    const wrong: { start: number; end: number }[] = [];
    if (!titleOk && title) wrong.push(title);
    if (!orgOk && org) wrong.push(org);
    const start = Math.min(...wrong.map((w) => w.start));
    const end = Math.max(...wrong.map((w) => w.end));
    const written = ctx.text.slice(start, end);
    // Whose post the memo describes, if the knowledge base knows.
    const holder = titleText ? [...ctx.kb.rolesByPerson.entries()].find(([id, rs]) => id !== person.id && rs.some((r) => r.value.kind === 'role' && r.value.role.title && titlesAgree(titleText, r.value.role.title) && nameTokens(titleText).length > 1)) : undefined;
    const also = holder ? ` (${cite(holder[1][0])} gives that post to ${ctx.kb.nameOf(holder[0])}.)` : '';
    findings.push({
      verdict: 'contradiction', claim: primary, start, end,
      message: `${cite(primary)} gives ${ctx.kb.nameOf(person.id)} as ${described}, not ${written}.${also}`,
      written,
    });
  });
  return findings;
}

function matchingRole(ctx: Context, roles: Claim[], title: string | undefined, org: string | undefined): Claim | undefined {
  return roles.find((r) => r.value.kind === 'role' && (!title || (r.value.role.title && titlesAgree(title, r.value.role.title))) && (!org || !r.value.role.org || namesAgree(ctx.kb, org, r.value.role.org)));
}
