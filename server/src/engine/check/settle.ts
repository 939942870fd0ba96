// From all verdicts on a sentence to the ones a user sees: claims read from reports give way to
// curated ones on the same point; a value another claim about the same thing supports is no
// contradiction (the session's US date is not wrong because it is not the Asian one); one
// contradiction per stretch of text. Support is said only of a sentence with no contradiction
// whose every stated figure and date some claim agrees with.
import { type Term } from '../../knowledge/types';
import { lexicon } from '../lexicon';
import { stem, tokenize } from '../text/tokens';
import { type EntityMention, sameEntity } from '../reader/entities';
import { isAttributedTo, isSpeaker } from '../reader/speakers';
import { authorName, inAGroup, sourcesWrittenBy, wrote } from '../reader/surnames';
import { type SentenceView } from '../reader/sentence';
import { predicatesIn } from '../reader/predicates';
import { offsetOf } from '../reader/zones';
import { attributeConflict } from './judges/entity';
import { mentionIs } from './members';
import { type Verdict } from './verdict';

export interface Settled {
  contradictions: Verdict[];
  /** Agreeing verdicts; empty unless the whole sentence is supported. */
  support: Verdict[];
}

/** A share at most this (per cent) is scarcity: "few", "hardly any", "a handful". */
const scarceShare = 20;

/** The share of a sentence's content words its supporting claims must speak of. */
const minimumCoverage = 0.5;

const overlapping = (a: { start: number; end: number }, b: { start: number; end: number }): boolean =>
  a.start < b.end && b.start < a.end;

export function settle(view: SentenceView, verdicts: Verdict[]): Settled {
  let all = verdicts;
  if (all.some((v) => !v.claim.extracted)) {
    // A point curated claims cover is theirs; extracted claims still speak where curated ones do not.
    const curated = all.filter((v) => !v.claim.extracted);
    all = all.filter((v) => !v.claim.extracted || !curated.some((c) => overlapping(c, v)));
  }
  const other = otherNumberedInstance(view, all);
  if (other.size > 0) {
    all = all.filter((v) => !other.has(v));
    if (!all.some((v) => v.kind === 'contradicts')) return { contradictions: [], support: [] };
  }
  const agreeing = all.filter((v) => v.kind === 'agrees');
  const contradictions: Verdict[] = [];
  for (const v of all) {
    if (v.kind !== 'contradicts') continue;
    // Another claim of the same kind agrees with these very words: it is what they state.
    const numeric = ['quantity', 'year', 'date', 'period', 'ordinal', 'quantifier'].includes(v.claim.value.kind);
    if (
      agreeing.some(
        (a) =>
          a.claim.value.kind === v.claim.value.kind &&
          a.start === v.start &&
          a.end === v.end &&
          a.claim.source === v.claim.source &&
          (numeric || a.claim.about[0] === v.claim.about[0]),
      )
    ) {
      continue;
    }
    // "in areas including health, climate change and cyber": a list every item of which one claim's
    // list holds is that list, not another claim's with an item swapped.
    if (
      v.claim.value.kind === 'set' &&
      v.detail.kind === 'set' &&
      v.detail.problem === 'foreign' &&
      agreeing.some(
        (a) =>
          a.claim.value.kind === 'set' && a.start <= v.start && v.end <= a.end && a.end - a.start > v.end - v.start,
      )
    ) {
      continue;
    }
    if (contradictions.some((k) => overlapping(k, v))) continue;
    contradictions.push(v);
  }
  if (contradictions.length > 0) return { contradictions, support: [] };
  const misattributed = otherAuthor(view, agreeing);
  if (misattributed) return { contradictions: [misattributed], support: [] };
  const narrower = all.some((v) => v.kind === 'narrower');
  if (agreeing.length === 0 || narrower) return { contradictions, support: [] };
  // Every figure and date the sentence states must be one some claim agrees with.
  const accounted = new Set(agreeing.flatMap((v) => v.accounts ?? []));
  const stated = view.values.filter(
    (v) => v.kind !== 'quantifier' && !view.terms.some((t) => t.start <= v.start && v.end <= t.end),
  );
  if (stated.some((v) => !accounted.has(v.start))) return { contradictions, support: [] };
  // "few takers despite low prices", "only rarely used": a scarcity no claim checked denies more than it states.
  const scarce = view.values.some(
    (v) => v.kind === 'quantifier' && v.range.hi <= scarceShare && !accounted.has(v.start),
  );
  if (scarce) return { contradictions, support: [] };
  if (
    unaccountedNames(view, agreeing) ||
    unaccountedNegation(view, agreeing) ||
    unaccountedRank(view, agreeing) ||
    unaccountedPost(view, agreeing)
  ) {
    return { contradictions, support: [] };
  }
  // "NATO's ESIWA project" (the glossary: an EU project): a known name given another owner, country
  // or year than its own is a wrong part of the sentence, whatever the claims agree with.
  if (view.entities.some((e) => e.id !== undefined && attributeConflict(view, e, e.id))) {
    return { contradictions, support: [] };
  }
  if (placedAcrossTheDateLine(view, agreeing)) return { contradictions, support: [] };
  // "Kim doubts that …", "Kim is sceptical of …": what is doubted is not vouched for.
  if (view.negations.some((s) => s.doubt)) return { contradictions, support: [] };
  // Most of what the sentence says must be what the claims say: a sentence that only touches a
  // claim's words ("partners", "Japan") in passing is about something else.
  if (coverageOf(view, agreeing) < minimumCoverage) return { contradictions, support: [] };
  return { contradictions, support: agreeing };
}

/** Hours between two places' clocks beyond which one event has two dates (across the date line). */
const otherCalendarDay = 8;

/**
 * "The webinar ran on October 27 in the US, and participants in Asia joined that same day": a place
 * a date is set in ("in Asia", a label's place) whose clock is a calendar day away from the zone of
 * every date that agrees was not checked: no support.
 */
function placedAcrossTheDateLine(view: SentenceView, agreeing: Verdict[]): boolean {
  const zones: number[] = [];
  for (const v of agreeing) {
    const zone = v.claim.value.kind === 'date' ? v.claim.value.date.zone : undefined;
    const offset = zone === undefined ? undefined : offsetOf(view, zone);
    if (offset !== undefined) zones.push(offset);
  }
  if (zones.length === 0) return false;
  const label = view.clauses[0]?.kind === 'label' ? view.clauses[0] : undefined;
  return view.entities.some((e) => {
    if (e.id === undefined || (e.kind !== 'place' && e.kind !== 'country')) return false;
    const setting = lexicon.placePrepositions.has(view.words[e.first - 1] ?? '') || e.first === label?.first;
    const offset = setting ? offsetOf(view, e.id) : undefined;
    return offset !== undefined && zones.every((z) => Math.abs(z - offset) >= otherCalendarDay);
  });
}

/**
 * "Pacific Forum's fourth session, on chips, followed in early 2023" (the source: the third, in
 * October 2022): an instance numbered otherwise, opening the subject or with other facts that
 * disagree too, is another instance of the series, not this one told wrongly. The verdicts on
 * claims about that instance, or none.
 */
function otherNumberedInstance(view: SentenceView, all: Verdict[]): Set<Verdict> {
  const flagged = all.find((v) => v.otherInstance);
  const numbered = flagged ?? all.find((v) => v.kind === 'contradicts' && v.claim.value.kind === 'ordinal');
  if (!numbered) return new Set();
  const ids = idsOf(view, numbered);
  const sameThing = (v: Verdict): boolean =>
    v.claim.source === numbered.claim.source && [...idsOf(view, v)].some((id) => ids.has(id));
  const corroborated =
    flagged !== undefined ||
    all.some(
      (v) => v.kind === 'contradicts' && v.claim.value.kind !== 'ordinal' && !overlapping(v, numbered) && sameThing(v),
    );
  return corroborated ? new Set(all.filter(sameThing)) : new Set();
}

/** The glossary ids a claim speaks of: its identity and its value. */
function idsOf(view: SentenceView, v: Verdict): Set<string> {
  const kb = view.kb;
  const index = kb.claimIndex.get(v.claim);
  const ids = new Set<string>(index === undefined ? [] : kb.claimAnchors[index].groups.flatMap((g) => [...g.ids]));
  const value = v.claim.value;
  const add = (x: string | undefined): void => {
    if (x) ids.add(x);
  };
  if (value.kind === 'entity') add(value.entity.value);
  if (value.kind === 'set') value.set.members.flat().forEach(add);
  if (value.kind === 'role') {
    add(value.role.person);
    add(value.role.org);
  }
  if (value.kind === 'preference') [...value.preference.preferred, ...value.preference.over].forEach(add);
  if (value.kind === 'quantity') add(value.quantity.than);
  if (value.kind === 'date') add(value.date.zone);
  return ids;
}

/**
 * A name the agreeing claims do not speak of is a part of the sentence nobody checked ("the UN GGE
 * and the International Telecommunication Union" when only the GGE is sourced): no support. Names
 * in a reporting frame ("Kim wrote") and a source's own authors do not count.
 */
function unaccountedNames(view: SentenceView, agreeing: Verdict[]): boolean {
  const kb = view.kb;
  const ids = new Set(agreeing.flatMap((v) => [...idsOf(view, v)]));
  // Whether an agreeing claim names the entity, itself or as its capital or country.
  const named = (id: string): boolean => ids.has(id) || [...ids].some((x) => sameEntity(kb, x, id));
  const authors = new Set(
    agreeing.flatMap((v) =>
      (kb.sources.get(v.claim.source)?.csl.author ?? []).map((a) => (a.family ?? a.literal ?? '').toLowerCase()),
    ),
  );
  const covered = (e: { start: number; end: number }): boolean =>
    agreeing.some((v) => v.start <= e.start && e.end <= v.end);
  const sources = new Set(agreeing.map((v) => v.claim.source));
  // "The EU and South Korea have imposed sanctions" (the source: the US and South Korea): a name
  // listed among a set's members that is none of them was not checked, whatever else it is.
  const amongMembers = (e: EntityMention): boolean =>
    e.id !== undefined &&
    // "Lami Kim (US Army War College), …": a bracket glossing a member is not one.
    view.clauseAt(e.first).kind !== 'parenthetical' &&
    agreeing.some(
      (v) =>
        v.claim.value.kind === 'set' &&
        v.start <= e.start &&
        e.end <= v.end &&
        !v.claim.value.set.members.some((alts) => alts.some((a) => mentionIs(view, e, a))),
    );
  for (const e of view.entities) {
    if (amongMembers(e)) return true;
    // "Lami Kim argued that …" of a claim from another person's paper: who said it is unchecked.
    if (e.kind === 'person' && e.id && view.clauseAt(e.first).kind === 'reporting') {
      const person = kb.termById.get(e.id);
      if (!person || ![...sources].some((key) => wrote(kb, person, key))) return true;
      continue;
    }
    // "According to the EU, …", "Per EU assessment: …": a body the statement is said to come from,
    // which no agreeing claim names and which did not publish the source, was not checked.
    if (e.id && ['organisation', 'group', 'country'].includes(e.kind) && isAttributedTo(view, e)) {
      if (!named(e.id) && ![...sources].some((key) => publishedBy(view, key, e))) return true;
    }
    // "It is the 2019 strategy that notes …": a document the statement is said to come from, which
    // no agreeing claim names, was not checked (in a reporting frame too).
    // A label that is the document's name alone ("• 2019 National Strategy: …") says the same.
    const labels = (): boolean => {
      const clause = view.clauseAt(e.first);
      return clause.kind === 'label' && clause.first === e.first && clause.last === e.last;
    };
    // So does one that is its clause's subject ("The NCS commits Korea to …"): what it says is the claim.
    const subject = (): boolean => {
      const clause = view.clauseAt(e.first);
      let first = lexicon.determiners.has(view.words[clause.first]) ? clause.first + 1 : clause.first;
      // "Korea's 2019 strategy pledged …": an owner's name before it is part of its noun phrase.
      const owner = view.entities.find((o) => o.first === first && o.possessive);
      if (owner && owner.last === e.first) first = e.first;
      return first === e.first && clause.kind === 'main' && !e.possessive;
    };
    // So does one the statement is said to be in: "It is in the 2019 strategy that …", "In the 2019
    // strategy, Seoul pledges …" ("Under the plan, …" says what the source speaks of).
    const statedIn = (): boolean => {
      const at = lexicon.determiners.has(view.words[e.first - 1] ?? '') ? e.first - 1 : e.first;
      if (view.words[at - 1] !== 'in') return false;
      const cleft = view.words[at - 3] === 'it' && lexicon.copulas.has(view.words[at - 2] ?? '');
      const fronted = at - 1 === 0 && view.gapBefore(e.last).includes(',');
      return (cleft && view.words[e.last] === 'that') || fronted;
    };
    if (
      e.kind === 'document' &&
      e.id &&
      !ids.has(e.id) &&
      !covered(e) &&
      (isSpeaker(view, e) || labels() || subject() || statedIn())
    ) {
      return true;
    }
    if (e.id === undefined && ownsKnownBody(view, e)) return true;
    if (unknownSubject(view, agreeing, e)) return true;
    if (e.weak || view.clauseAt(e.first).kind === 'reporting' || covered(e)) continue;
    const written = view.text.slice(e.start, e.end).toLowerCase();
    if (authors.has(written) || [...authors].some((a) => a && written.endsWith(a))) continue;
    // An unknown name of several words ("the International Telecommunication Union") is an unknown
    // body; a lone capitalised word may be a place or a name the knowledge base simply lacks.
    if (e.id === undefined) {
      if (e.kind === 'name' && /\s/.test(written.trim()) && !lexicon.titleWords.has(view.words[e.last - 1])) {
        return true;
      }
      // A lone name in a list of known bodies or people ("Samsung, Ericsson and Cisco") is one of them.
      if (e.kind === 'name' && coordinatedWithKnown(view, e)) return true;
      // "ESIWA (ASEAN-led)": a name said to own or lead what the sentence speaks of.
      if (
        e.kind === 'name' &&
        view.gapBefore(e.last) === '-' &&
        lexicon.ownerParticiples.has(view.words[e.last] ?? '')
      ) {
        return true;
      }
      // A place the knowledge base does not know, where the sentence sets something ("the round in
      // Incheon"): a detail nobody checked.
      if (e.kind === 'name' && lexicon.placePrepositions.has(view.words[e.first - 1] ?? '')) return true;
      continue;
    }
    // "speakers from US-based institutions": a place said to own, lead or host what the sentence
    // speaks of, which no agreeing claim names, was not checked.
    const owns = view.gapBefore(e.last) === '-' && lexicon.ownerParticiples.has(view.words[e.last] ?? '');
    if (owns && !named(e.id)) return true;
    // "Norburg routes its ships through Southport" where a closed list of places agrees on another item:
    // a place in the list's clause that is none of its members was not checked.
    if (!named(e.id) && amongClosedPlaces(view, agreeing, e)) return true;
    // "… has been adopted as a national model by Northland": a country said to do what the sentence
    // says, as the agent of its passive, which no agreeing claim names, was not checked ("the
    // conference, hosted by Northland, …" only describes).
    if (['country', 'place'].includes(e.kind) && !named(e.id) && !e.possessive && passiveAgentOfClause(view, e)) {
      return true;
    }
    // Places and countries are checked by the claims that name them; people and bodies are the
    // parts a wrong sentence most often swaps in.
    if (!['person', 'organisation', 'group', 'event', 'document', 'programme'].includes(e.kind)) continue;
    if (named(e.id)) continue;
    // A group stands for its members.
    if (e.term?.members?.some((m) => ids.has(m))) continue;
    // "Ericsson and Nokia are advocates of Open RAN alongside the US": who the sentence is about,
    // when an agreeing claim names its subject elsewhere in it, was not checked.
    if (opensMainClause(view, e) && agreeing.some((v) => subjectElsewhere(view, v, e))) return true;
    // A name the supporting source itself uses is part of what it speaks of, if not of this claim.
    const capital = e.term?.capitalOf ? kb.termById.get(e.term.capitalOf) : undefined;
    if ([e.term, capital].some((t) => t?.sources.some((ref) => sources.has(ref.key)))) continue;
    return true;
  }
  return false;
}

/**
 * "ZTX, the Northlandic crane maker, trains …", "Zephyr, a Tidewatch affiliate, trains …": a name the
 * knowledge base does not know, opening the clause whose subject an agreeing claim names only later
 * (in apposition, or in a comparison), is who the sentence is about. A lone capitalised word opening
 * the sentence counts only as an acronym or before an indefinite apposition ("Meanwhile, the US …").
 */
function unknownSubject(view: SentenceView, agreeing: Verdict[], e: EntityMention): boolean {
  if (e.id !== undefined || e.kind !== 'name') return false;
  const written = view.text.slice(e.start, e.end);
  const apposition = view.gapBefore(e.last).includes(',') && ['a', 'an'].includes(view.words[e.last] ?? '');
  if (e.weak && !/^\p{Lu}{2,}$/u.test(written) && !apposition) return false;
  return opensMainClause(view, e) && agreeing.some((v) => subjectElsewhere(view, v, e));
}

/** Words between a passive's "be" and its "by" ("has been adopted as a national model by"). */
const passiveReach = 7;

/** Whether `e` is the agent after "by" of a passive its clause states with a form of "be". */
function passiveAgentOfClause(view: SentenceView, e: EntityMention): boolean {
  if (view.words[e.first - 1] !== 'by') return false;
  for (let k = e.first - 2; k >= Math.max(0, e.first - 2 - passiveReach); k--) {
    if (/[,;:()]/.test(view.gapBefore(k + 1))) return false;
    if (lexicon.copulas.has(view.words[k])) return true;
  }
  return false;
}

/** Whether the sentence writes the claim's subject, but not at `e`. */
function subjectElsewhere(view: SentenceView, v: Verdict, e: EntityMention): boolean {
  const index = view.kb.claimIndex.get(v.claim);
  if (index === undefined || v.claim.subject < 0) return false;
  const ids = view.kb.claimAnchors[index].groups[v.claim.subject]?.ids ?? new Set<string>();
  if (ids.size === 0 || (e.id !== undefined && ids.has(e.id))) return false;
  // Only where the claim is read in the clause the name opens ("…, which backs …" is its own).
  if (view.clauseAt(view.tokenIndexAt(v.start)) !== view.clauseAt(e.first)) return false;
  return view.entities.some((o) => o.id !== undefined && o.first >= e.last && ids.has(o.id));
}

/** A name (or a list of names) that opens a main clause, not as an owner: the clause's subject. */
function opensMainClause(view: SentenceView, e: EntityMention): boolean {
  if (e.possessive) return false;
  const clause = view.clauseAt(e.first);
  if (clause.kind !== 'main') return false;
  let k = clause.first;
  while (k < e.first) {
    const before = view.entities.find((o) => o.first === k && o.last <= e.first && !o.possessive);
    if (lexicon.determiners.has(view.words[k]) || lexicon.conjunctions.has(view.words[k])) k++;
    else if (before) k = before.last;
    else return false;
  }
  return true;
}

/** Words after a person's name that a post given in apposition may take ("then serving as X's … secretary"). */
const postReach = 8;

/**
 * "Ana Lind, then serving as Northland's port secretary, said …": a post given to a person by name,
 * which no agreeing claim of a post checks, was not checked.
 */
function unaccountedPost(view: SentenceView, agreeing: Verdict[]): boolean {
  if (agreeing.some((v) => v.claim.value.kind === 'role')) return false;
  // A person whose posts no claim gives (the role judge weighs those that have some), or a name of
  // several words none of which heads a body ("University", "Council").
  const named = (e: EntityMention): boolean =>
    (e.kind === 'person' && !view.kb.rolesByPerson.get(e.id ?? '')?.length) ||
    (e.kind === 'name' &&
      e.id === undefined &&
      e.last - e.first >= 2 &&
      !view.tokens.slice(e.first, e.last).some((t) => lexicon.bodyHeadStems.has(stem(t.lower))));
  return view.entities.some((e) => {
    if (!named(e) || view.clauseAt(e.first).kind === 'reporting') return false;
    for (let k = e.last; k < Math.min(view.tokens.length, e.last + postReach); k++) {
      if (k > e.last && /[.;:()]/.test(view.gapBefore(k))) return false;
      if (k > e.last + 1 && view.gapBefore(k).includes(',')) return false;
      const w = view.words[k];
      if (lexicon.titleWords.has(w) && !view.entityAt(k)) return true;
    }
    return false;
  });
}

/**
 * Whether a country or place stands in the clause of an agreeing closed list of places without being
 * one of its members.
 */
function amongClosedPlaces(view: SentenceView, agreeing: Verdict[], e: EntityMention): boolean {
  if (e.id === undefined || (e.kind !== 'country' && e.kind !== 'place')) return false;
  const clause = view.clauseAt(e.first);
  return agreeing.some((v) => {
    const value = v.claim.value;
    if (value.kind !== 'set' || !value.set.closed) return false;
    const places = value.set.members.every((alts) =>
      alts.some((a) => ['country', 'place'].includes(view.kb.termById.get(a)?.kind ?? '')),
    );
    const k = view.tokenIndexAt(v.start);
    return (
      places &&
      view.clauseAt(k) === clause &&
      !value.set.members.some((alts) => alts.some((a) => mentionIs(view, e, a)))
    );
  });
}

/** Whether the source's publisher is the body the mention names ("Pacific Forum said …"). */
function publishedBy(view: SentenceView, key: string, e: EntityMention): boolean {
  const publisher = view.kb.sources.get(key)?.csl.publisher?.toLowerCase();
  if (!publisher || !e.id) return false;
  const term = view.kb.termById.get(e.id);
  const names = [view.raw.slice(e.start, e.end), term?.term, term?.expansion, ...(term?.aliases ?? [])];
  return names.some((n) => n?.toLowerCase() === publisher);
}

/**
 * "Lami Kim's argument that … [@kim2023]" where kim2023 is So Jeong Kim's: a person named in full as
 * the one who says what the sentence states, citing a source that agrees but that others wrote.
 */
function otherAuthor(view: SentenceView, agreeing: Verdict[]): Verdict | undefined {
  const cited = view.context.cited;
  if (agreeing.length === 0) return undefined;
  const keys = new Set(agreeing.map((v) => v.claim.source));
  if (keys.size !== 1) return undefined;
  const key = [...keys][0];
  const authors = view.kb.sources.get(key)?.csl.author ?? [];
  if (authors.length === 0) return undefined;
  // Uncited, only a view (not a fact anyone may note), said by someone whose own views the knowledge
  // records elsewhere (an author, or one of a group of speakers) and whom this source never names.
  const views = agreeing.every((v) => v.claim.value.kind === 'stance' || v.claim.value.kind === 'preference');
  const voiceElsewhere = (person: Term): boolean =>
    !person.sources.some((ref) => ref.key === key) &&
    (sourcesWrittenBy(view.kb, person).some((k) => k !== key) || inAGroup(view.kb, person.id));
  for (const e of view.entities) {
    const person = e.kind === 'person' && e.id ? view.kb.termById.get(e.id) : undefined;
    if (!person || e.last - e.first < 2 || wrote(view.kb, person, key)) continue;
    if (!cited?.has(key) && !(views && voiceElsewhere(person))) continue;
    // Said by them: their reporting frame, "Kim argues", or "Kim's argument that …".
    const claims = e.possessive && lexicon.propositionNouns.has(view.words[e.last] ?? '');
    // "Lami Kim welcomed the strategy's …": a view's holder is the one whose verb states it.
    const holds = views && predicatesIn(view, e.last, Math.min(view.tokens.length, e.last + 2), 'evaluate').length > 0;
    if (view.clauseAt(e.first).kind !== 'reporting' && !isSpeaker(view, e) && !claims && !holds) continue;
    const names = authors.map(authorName);
    const written = view.raw.slice(e.start, e.end);
    const detail = { kind: 'author' as const, sourced: names.join(', '), written };
    return {
      kind: 'contradicts',
      claim: agreeing[0].claim,
      start: e.start,
      end: e.end,
      coverage: agreeing[0].coverage,
      detail,
    };
  }
  return undefined;
}

/**
 * "ASEAN's ESIWA project" (the glossary: an EU project): an unknown name written as the owner of a
 * body known to have one of its own. A capitalised word opening the sentence counts only as an acronym.
 */
function ownsKnownBody(view: SentenceView, e: EntityMention): boolean {
  if (!e.possessive) return false;
  const raw = view.tokens[e.first].raw;
  if (e.weak && (raw.length < 2 || raw !== raw.toUpperCase())) return false;
  const owned = view.entities.find((x) => x.first === e.last && x.id !== undefined);
  return owned?.term?.within !== undefined || owned?.term?.country !== undefined;
}

const listKinds = new Set(['person', 'organisation', 'group', 'country', 'programme']);

/** An entity joined by a comma or "and"/"or" to a known person, body or country. */
function coordinatedWithKnown(view: SentenceView, e: { first: number; last: number }): boolean {
  const joins = (from: number, to: number): boolean => {
    const gap = view.words.slice(from, to);
    const text = view.text.slice(view.tokens[from - 1].end, view.tokens[to].start);
    return (
      (gap.length === 0 && text.trim() === ',') ||
      (gap.length === 1 && (gap[0] === 'and' || gap[0] === 'or') && /^,?\s+\S+\s+$/.test(text))
    );
  };
  return view.entities.some(
    (o) =>
      o.id !== undefined &&
      listKinds.has(o.kind) &&
      ((o.last <= e.first && joins(o.last, e.first)) || (e.last <= o.first && joins(e.last, o.first))),
  );
}

/** A negation no agreeing claim accounts for ("does not mention", "though not Huawei"): no support. */
function unaccountedNegation(view: SentenceView, agreeing: Verdict[]): boolean {
  for (const scope of view.negations) {
    if (view.clauseAt(scope.cueFirst).kind === 'reporting') continue;
    const accounted = agreeing.some((v) => {
      const value = v.claim.value;
      if (value.kind === 'preference') return true;
      if (value.kind === 'stance' && value.stance.polarity === 'negative') return true;
      // The verdict's own words are what is negated.
      const first = view.tokenIndexAt(v.start);
      return first >= scope.first && first < scope.last;
    });
    if (!accounted) return true;
  }
  return false;
}

/**
 * "North Korean actors were the single largest users of mixers in 2022": a superlative ranks what the
 * sentence speaks of; unless a claim of rank agrees, or an agreeing verdict is on that very word, the
 * rank was not checked and the sentence is not vouched for.
 */
function unaccountedRank(view: SentenceView, agreeing: Verdict[]): boolean {
  if (agreeing.some((v) => v.claim.value.kind === 'ordinal')) return false;
  return view.tokens.some(
    (t, k) =>
      lexicon.rankSuperlatives.has(view.words[k]) &&
      view.words[k].endsWith('est') &&
      view.clauseAt(k).kind !== 'reporting' &&
      // A report sentence echoed whole agrees on its figures, not on every word it spans.
      !agreeing.some((v) => v.claim.about.length > 0 && v.start <= t.start && t.end <= v.end),
  );
}

/**
 * How much of what the sentence says the agreeing claims speak of: the share of its content words
 * (outside a reporting frame) that are words of a claim's statement, its identity or its names.
 */
export function coverageOf(view: SentenceView, agreeing: Verdict[]): number {
  const kb = view.kb;
  const known = new Set<string>();
  const addText = (text: string): void => {
    for (const t of tokenize(text)) known.add(t.norm);
  };
  for (const v of agreeing) {
    addText(v.claim.statement);
    if (v.claim.quote) addText(v.claim.quote);
    const index = kb.claimIndex.get(v.claim);
    if (index !== undefined) for (const group of kb.claimAnchors[index].groups) group.phrases.forEach(addText);
    for (const id of idsOf(view, v)) for (const form of kb.formsOf(id)) addText(form);
    for (let k = view.tokenIndexAt(v.start); k < view.tokenIndexAt(v.end); k++) known.add(view.tokens[k].norm);
  }
  let content = 0;
  let covered = 0;
  for (let k = 0; k < view.tokens.length; k++) {
    const t = view.tokens[k];
    if (t.start < view.start || t.end > view.end) continue;
    if (lexicon.stopWords.has(view.words[k]) || /^\d/.test(t.raw) || view.clauseAt(k).kind === 'reporting') continue;
    if (framing(view, view.clauseAt(k))) continue;
    content++;
    if (known.has(t.norm)) covered++;
  }
  return content === 0 ? 1 : covered / content;
}

/**
 * A label before a colon that names nothing and states no value is the memo's own framing ("The
 * successor generation raises the stakes further: 6G is …"): what follows the colon is the claim.
 */
function framing(view: SentenceView, clause: { kind: string; first: number; last: number }): boolean {
  if (clause.kind !== 'label') return false;
  const from = view.tokens[clause.first]?.start ?? 0;
  const to = view.tokens[clause.last - 1]?.end ?? 0;
  const inside = (x: { start: number; end: number }): boolean => x.start < to && from < x.end;
  return !view.values.some(inside) && !view.terms.some(inside) && !view.entities.some((e) => !e.weak && inside(e));
}
