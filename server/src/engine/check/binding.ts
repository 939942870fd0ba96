// Which of a sentence's values states a claim's value: the one bound most tightly to the claim's
// property, in the same clause, unless another claim's property holds it tighter ("78% of exports
// and 67% of imports": 67% belongs to imports). A value inside another name ("5G", "track 1.5"), a
// year that dates something else ("a 2012 gathering in Budapest") or a reference point ("since
// 2019") is not the claim's.
import { lexicon, phraseAt } from '../lexicon';
import { type Clause } from '../reader/clauses';
import { leadOfValue } from '../reader/colonValue';
import { changeOf, valueTokensOf, yearOfFigure } from '../reader/figureYears';
import { respectiveIndex, respectiveItems } from '../reader/respectively';
import { type SentenceView } from '../reader/sentence';
import { type PhraseMatch } from '../text/phraseMatcher';
import { tokenize } from '../text/tokens';
import { type ValueMention } from '../values';
import { type KnowledgeBase } from '../../knowledge/knowledgeBase';
import { type Claim, type Term } from '../../knowledge/types';
import { type Candidate } from './candidates';

function sameValue(a: Candidate, b: Candidate): boolean {
  const va = a.claim.value;
  const vb = b.claim.value;
  // Dates of one event in two time zones are the same fact.
  if (va.kind === 'date' && vb.kind === 'date' && va.date.zone !== undefined && vb.date.zone !== undefined) return true;
  return JSON.stringify(va) === JSON.stringify(vb);
}

/** How tightly value `v` is bound to property match `p`, in tokens (lower is tighter), or Infinity. */
function bindingScore(
  view: SentenceView,
  v: { start: number; end: number },
  p: PhraseMatch<unknown>,
  own: readonly PhraseMatch<unknown>[] = [],
): number {
  const vFirst = view.tokenIndexAt(v.start);
  const vLast = Math.max(vFirst + 1, view.tokenIndexAt(v.end));
  if (!sameStretch(view, vFirst, p.first)) return Infinity;
  const { words } = view;
  // "more than twenty, excluding speakers": a figure does not count what it excludes.
  const [from, to] = vLast <= p.first ? [vLast, p.first] : [p.last, vFirst];
  for (let k = from; k < to; k++) if (phraseAt(lexicon.exclusionWords, words, k)) return Infinity;
  // "~10 govt officials": a count right before a plural noun counts that noun, not the property.
  const isCount = 'unit' in v && (v as { unit: string }).unit === 'count';
  for (let k = vLast; isCount && k < Math.min(vLast + 2, view.tokens.length); k++) {
    if ((k >= p.first && k < p.last) || own.some((o) => k >= o.first && k < o.last)) break;
    const w = words[k];
    if (
      lexicon.stopWords.has(w) ||
      lexicon.prepositions.has(w) ||
      lexicon.auxiliaries.has(w) ||
      lexicon.reportingVerbs.has(w) ||
      /[,;:.()]/.test(view.gapBefore(k))
    ) {
      break;
    }
    if (
      /[^s]s$/.test(w) &&
      w.length > 3 &&
      !lexicon.timesWords.has(w) &&
      !lexicon.genericNounStems.has(view.tokens[k].norm)
    ) {
      return Infinity;
    }
  }
  // "2023 marks 60 years since they began …": a clause opened between a value and the property
  // after it is another statement; the value does not date or measure it.
  if (vLast <= p.first && words.slice(vLast, p.first).some((w) => lexicon.clauseBreakWords.has(w))) return Infinity;
  if (vLast <= p.first) {
    // "78% of Korea's total exports", "14 of its 27 partners": a value, then "of" and a few words.
    const gap = words.slice(vLast, p.first);
    // Not across a comma: "~78% of exports, ~67% of imports" gives imports the second figure.
    const unbroken = (): boolean => {
      for (let k = vLast + 1; k <= p.first; k++) if (/[,;:]/.test(view.gapBefore(k))) return false;
      return true;
    };
    if (gap.length <= 5 && ['of', 'for', 'in', 'to'].includes(gap[0] ?? '') && unbroken()) return 0;
    return wordsBetween(view, vLast, p.first) + 1;
  }
  if (vFirst >= p.last) {
    // "the share … rose from under 10% in 2018 to 45% in 2021": the end of a change is bound to what
    // changes as closely as the change word is.
    const change = 'kind' in v ? changeOf(view, v as ValueMention, valueTokensOf(view)) : undefined;
    const at = change?.side === 'to' && change.paired && change.word >= p.last ? change.word + 1 : vFirst;
    return wordsBetween(view, p.last, at) + 1;
  }
  return 0;
}

/**
 * The tokens from `from` to `to`, a name counting as one word: "In early November Pacific Forum,
 * with George Mason University's Center for Security Policy Studies, held …" dates "held" as
 * closely as it would with short names.
 */
function wordsBetween(view: SentenceView, from: number, to: number): number {
  let n = to - from;
  for (const e of view.entities) {
    if (e.first >= from && e.last <= to && !e.weak) n -= e.last - e.first - 1;
  }
  return n;
}

/** Whether two tokens are in one clause, or in a label and the clause after it ("Imports: 67% …"). */
function sameStretch(view: SentenceView, a: number, b: number): boolean {
  const ca = view.clauseAt(a);
  const cb = view.clauseAt(b);
  if (ca === cb || mainOf(view, ca) === mainOf(view, cb)) return true;
  const [first, second] = ca.first < cb.first ? [ca, cb] : [cb, ca];
  // A briefing label speaks of everything after it: "Session #3: US - Oct 27; Asia - Oct 29".
  if (first.kind === 'label') return true;
  // "… shared a single date: 28 October 2022": a value alone after a colon is what the clause before names.
  if (leadOfValue(view, second) === first) return true;
  // A relative clause or parenthetical about the property's noun: "the strategy, announced in
  // December 2022, …", "the session (held on October 27)".
  if ((second.kind === 'relative' || second.kind === 'parenthetical') && second.first === first.last) return true;
  if (
    (first.kind === 'relative' || first.kind === 'parenthetical') &&
    second.first === first.last &&
    second.kind === 'main'
  ) {
    return true;
  }
  return false;
}

/** A main clause that goes on after an interruption is the clause it continues. */
function mainOf(view: SentenceView, clause: Clause): Clause {
  let n = view.clauses.indexOf(clause);
  while (n > 0 && view.clauses[n].continues) {
    n--;
    while (n > 0 && view.clauses[n].kind !== 'main' && view.clauses[n].kind !== 'label') n--;
  }
  return n >= 0 ? view.clauses[n] : clause;
}

/** Whether a value is part of a name that is not one of the claim's own ("track 1.5 dialogue", "Goal 9"). */
function insideOtherName(view: SentenceView, c: Candidate, v: ValueMention): boolean {
  const name = view.terms.find((m) => m.start <= v.start && v.end <= m.end);
  if (!name) return false;
  const own = [...c.groups.values()].flat();
  return !own.some((a) => a.start < name.end && name.start < a.end);
}

/** A year that dates another thing the sentence names ("a 2012 gathering in Budapest", "London in 2011"). */
function datesSomethingElse(view: SentenceView, c: Candidate, v: ValueMention): boolean {
  if (v.kind !== 'year' && v.kind !== 'date') return false;
  const own = [...c.groups.values()].flat();
  const i = view.tokenIndexAt(v.start);
  const { words } = view;
  // "a 2012 conference": a determiner, the year, then right after it a noun that is not the claim's.
  const next = view.tokens[view.tokenIndexAt(v.end)];
  if (
    v.kind === 'year' &&
    i > 0 &&
    lexicon.determiners.has(words[i - 1]) &&
    next &&
    view.text.slice(v.end, next.start) === ' ' &&
    !own.some((a) => a.start <= next.start && next.end <= a.end)
  ) {
    const nextEntity = view.entityAt(view.tokenIndexAt(v.end));
    if (!nextEntity || !own.some((a) => a.start < nextEntity.end && nextEntity.start < a.end)) return true;
  }
  // "established ties in 1998, several years after Brussels adopted its strategy": a year before a
  // span of time and "after" or "before" dates the other event, not the one the span is counted from.
  if (c.property.every((p) => p.first > i && countedFromBetween(view, i, p.first))) return true;
  // "the 2019 strategy" where the knowledge dates another strategy to 2019 and not the claim's.
  if (
    v.kind === 'year' &&
    i > 0 &&
    lexicon.determiners.has(words[i - 1]) &&
    next &&
    yearNamesAnother(view, c, v.year, next.lower)
  ) {
    return true;
  }
  // "Korea's 2023 National Security Strategy": the year of a name the claim does not name.
  const dated = view.entities.find((e) => e.yearSpan?.start === v.start);
  if (dated && !own.some((a) => a.start < dated.end && dated.start < a.end)) return true;
  // "in London in 2011": the year right after a place the claim does not name.
  if (words[i - 1] === 'in' && i >= 2) {
    const before = view.entities.find(
      (e) => e.last === i - 1 && (e.kind === 'place' || e.kind === 'country' || e.kind === 'name'),
    );
    if (before && !own.some((a) => a.start < before.end && before.start < a.end)) return true;
  }
  return false;
}

/** Whether "<span of time> after|before" stands between tokens `from` and `to` ("several years after"). */
function countedFromBetween(view: SentenceView, from: number, to: number): boolean {
  const { words } = view;
  for (let k = from + 2; k < to; k++) {
    if (lexicon.referencePointPrepositions.has(words[k]) && lexicon.durationUnits.has(words[k - 1])) return true;
  }
  return false;
}

/** Terms with a year, by year and then by the last word of their name. */
const datedTermsByKb = new WeakMap<KnowledgeBase, Map<number, Map<string, Term[]>>>();
function datedTermsOf(kb: KnowledgeBase): Map<number, Map<string, Term[]>> {
  let byYear = datedTermsByKb.get(kb);
  if (byYear) return byYear;
  byYear = new Map();
  for (const term of kb.terms) {
    if (term.year === undefined) continue;
    let byHead = byYear.get(term.year);
    if (!byHead) byYear.set(term.year, (byHead = new Map()));
    const head = tokenize(term.term).at(-1)?.lower;
    if (head !== undefined) byHead.set(head, [...(byHead.get(head) ?? []), term]);
  }
  datedTermsByKb.set(kb, byYear);
  return byYear;
}

/**
 * Whether "the YEAR head" names a known thing of that year that is not the claim's: a year with a
 * common noun picks out which one is meant, when the knowledge has one of that year and the claim
 * is about another ("the 2019 strategy" is the National Cybersecurity Strategy, not the 2022 one).
 */
function yearNamesAnother(view: SentenceView, c: Candidate, year: number, head: string): boolean {
  const dated = datedTermsOf(view.kb).get(year)?.get(head);
  if (!dated) return false;
  const about = new Set(c.claim.about.flat());
  return !dated.some((t) => about.has(t.id));
}

/**
 * A year or date written right after a word of the claim's identity other than its property, at most
 * a preposition between ("collapsed in 2006", "the collapse of 2006"), when the sentence has another.
 */
function yearOfOwnEvent(view: SentenceView, c: Candidate): ValueMention | undefined {
  const dated = view.values.filter((v) => v.kind === 'year' || v.kind === 'date');
  if (dated.length < 2) return undefined;
  const propertyGroup = view.kb.claimAnchors[c.index].propertyGroup;
  const words = [...c.groups].filter(([g]) => g !== propertyGroup).flatMap(([, ms]) => ms);
  for (const m of words) {
    if (view.entityAt(m.first)) continue;
    const at = lexicon.prepositions.has(view.words[m.last] ?? '') ? m.last + 1 : m.last;
    const v = dated.find((d) => view.tokenIndexAt(d.start) === at && sameStretch(view, at, m.first));
    if (v) return v;
  }
  return undefined;
}

/**
 * The value mention of an accepted kind bound most tightly to the candidate's property, leaving
 * aside values another candidate's property (of a claim with the same kind of value) holds tighter.
 */
export function boundValue<T extends ValueMention>(
  view: SentenceView,
  c: Candidate,
  all: readonly Candidate[],
  accept: (v: ValueMention) => v is T,
  maxScore = 12,
): { value: T; score: number } | undefined {
  const kind = c.claim.value.kind;
  // Claims about the same thing (the same source and property, or the same value) are siblings, not rivals.
  const sameThing = (r: Candidate): boolean =>
    r.claim.source === c.claim.source &&
    (r.claim.about[view.kb.claimAnchors[r.index].propertyGroup] ===
      c.claim.about[view.kb.claimAnchors[c.index].propertyGroup] ||
      sameValue(r, c));
  const rivals = all.filter(
    (r) =>
      r !== c &&
      r.claim.value.kind === kind &&
      !sameThing(r) &&
      r.property.some((p) => !c.property.some((q) => q.start === p.start && q.end === p.end)),
  );
  let best: { value: T; score: number } | undefined;
  // "€515bn (2011) → €944bn (2021)": a figure written for another year than the claim's is not its value.
  const year = yearOfClaim(c.claim);
  const valueTokens = year === undefined ? undefined : valueTokensOf(view);
  // "The Wormhole and Qubit hacks caused $325 million and $80 million respectively": the claim of the
  // name in the coordination's second place takes the second figure.
  const place = respectivePlace(view, c);
  // "Having joined KEDO in 1997, … when it collapsed in 2006": the claim's own event word dated right
  // after it ("collapsed in 2006") dates the claim; a year another verb takes is that verb's.
  const eventYear = kind === 'year' || kind === 'date' ? yearOfOwnEvent(view, c) : undefined;
  // "in 2004 … its chips, and in 2012 … its OS": claims read from one report sentence each keep the
  // value that is theirs. A value a sibling gives exactly is not this claim's to contradict, and a
  // claim whose own value is written elsewhere in the sentence takes no other one. (Names paired
  // "respectively" say which is whose.)
  const isSibling = (r: Candidate, of: Candidate): boolean =>
    r !== of && !!r.claim.extracted && !!of.claim.extracted && r.claim.statement === of.claim.statement;
  const siblings = place === undefined ? all.filter((r) => isSibling(r, c)) : [];
  // "review of 98 jurisdictions found just 25 …": a figure another claim of the same paragraph gives
  // (as its value or its whole: "25 of 98") is that claim's, not one this claim's figure was changed to.
  const neighbours = c.claim.extracted
    ? all.filter(
        (r) =>
          r.claim.extracted &&
          r.claim.source === c.claim.source &&
          r.claim.locator === c.claim.locator &&
          r.claim.statement !== c.claim.statement,
      )
    : [];
  const writtenElsewhere = (r: Candidate, v: ValueMention): boolean =>
    place === undefined && view.values.some((o) => o !== v && accept(o) && gives(r, o));
  for (const v of view.values) {
    if (!accept(v)) continue;
    if (siblings.some((r) => gives(r, v)) && !gives(c, v)) continue;
    if (neighbours.some((r) => gives(r, v) || givesAsWhole(r, v)) && !gives(c, v)) continue;
    // "… of 98 jurisdictions found just 35": with the neighbour's whole written, the count is its part.
    const wholeWritten = (r: Candidate): boolean => view.values.some((o) => o !== v && givesAsWhole(r, o));
    const count = v.kind === 'number' && (v as ValueMention & { unit?: string }).unit === 'count';
    if (count && neighbours.some(wholeWritten) && !gives(c, v)) continue;
    if (siblings.length > 0 && !gives(c, v) && writtenElsewhere(c, v)) continue;
    if (place !== undefined && respectiveIndex(view, v) !== place) continue;
    if (insideOtherName(view, c, v) || datesSomethingElse(view, c, v)) continue;
    if (eventYear !== undefined && v !== eventYear && (v.kind === 'year' || v.kind === 'date')) continue;
    if (valueTokens && (v.kind === 'number' || v.kind === 'ordinal')) {
      const written = yearOfFigure(view, v, valueTokens);
      if (written !== undefined && written !== year) continue;
    }
    if (c.claim.datedTo !== undefined && datedApart(view, v, c.claim.datedTo)) continue;
    const own = [...c.groups.values()].flat();
    const score =
      v === eventYear
        ? 1
        : Math.min(...c.property.map((p) => bindingScore(view, v, p, own)), ofNameBefore(view, v, own));
    if (score > maxScore) continue;
    const rivalScore = Math.min(
      Infinity,
      ...rivals
        .filter((r) => takes(r, v) && !(isSibling(r, c) && !gives(r, v) && writtenElsewhere(r, v)))
        .flatMap((r) =>
          r.property.filter((p) => !c.property.some((q) => q.start === p.start)).map((p) => bindingScore(view, v, p)),
        ),
    );
    if (rivalScore < score) continue;
    if (!best || score < best.score) best = { value: v, score };
  }
  return best;
}

/**
 * "Dec 2024: BIS adds a further 140 entities" is not the addition of 69 entities in May 2019: a memo
 * figure whose sentence is dated only to other years than the one a report's figure is dated to.
 */
function datedApart(view: SentenceView, v: ValueMention, year: number): boolean {
  if (v.kind !== 'number' && v.kind !== 'ordinal') return false;
  const spans = view.values.flatMap((o) => {
    if (o === v) return [];
    if (o.kind === 'period') return [{ from: o.from, to: o.to }];
    return (o.kind === 'year' || o.kind === 'date') && o.year !== undefined ? [{ from: o.year, to: o.year }] : [];
  });
  return spans.length > 0 && !spans.some((s) => s.from <= year && year <= s.to);
}

/** The year a figure claim holds for: an identity group of one year ("65% in 2021"). */
function yearOfClaim(claim: Claim): number | undefined {
  if (claim.value.kind !== 'quantity' && claim.value.kind !== 'ordinal') return undefined;
  const group = claim.about.find((g) => g.length === 1 && g[0].length === 4 && Number.isInteger(Number(g[0])));
  return group ? Number(group[0]) : undefined;
}

/**
 * "… under the Five Power Defence Arrangements, which date from 1967": a year in a relative clause
 * right after one of the claim's own names dates that name, however far the property is.
 */
function ofNameBefore(view: SentenceView, v: ValueMention, own: readonly PhraseMatch<unknown>[]): number {
  if (v.kind !== 'year' && v.kind !== 'date') return Infinity;
  const at = view.tokenIndexAt(v.start);
  const clause = view.clauseAt(at);
  if (clause.kind !== 'relative' || !view.gapBefore(clause.first).includes(',')) return Infinity;
  const named = own.some((m) => m.last === clause.first);
  return named ? wordsBetween(view, clause.first, at) + 1 : Infinity;
}

/** Whether a claim's value is exactly the year or figure written. */
function gives(c: Candidate, v: ValueMention): boolean {
  const value = c.claim.value;
  if (value.kind === 'year') return v.kind === 'year' && v.year === value.year;
  if (value.kind !== 'quantity') return false;
  return v.kind === 'number' && v.unit === value.quantity.unit && v.value === value.quantity.value;
}

/** A claim of amounts of money is no rival for a percentage near it ("grew 44 percent, from €407 billion"). */
/** The claim's count is of a whole the value states ("25 of 98" gives 98 as its whole). */
function givesAsWhole(c: Candidate, v: ValueMention): boolean {
  const value = c.claim.value;
  return value.kind === 'quantity' && v.kind === 'number' && v.unit === 'count' && value.quantity.of === v.value;
}

function takes(r: Candidate, v: ValueMention): boolean {
  return !(r.claim.value.kind === 'quantity' && v.kind === 'number' && r.claim.value.quantity.unit !== v.unit);
}

/** The place in a paired coordination ("Wormhole and Qubit … respectively") of the name a claim is about. */
function respectivePlace(view: SentenceView, c: Candidate): number | undefined {
  const property = c.property[0];
  if (!property) return undefined;
  const items = respectiveItems(view, property.first);
  if (items.length < 2) return undefined;
  const own = [...c.groups.entries()]
    .filter(([g]) => g !== view.kb.claimAnchors[c.index].propertyGroup)
    .flatMap(([, matches]) => matches);
  const places = items.flatMap((it, i) => (own.some((m) => m.first >= it.first && m.last <= it.last) ? [i] : []));
  return places.length === 1 ? places[0] : undefined;
}
