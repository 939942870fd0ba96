// Which claims a sentence is about: identity before value. A claim applies when its property is
// written in the sentence and each other identity group is in the sentence or was named earlier in
// the paragraph, and nothing marks the sentence as about something else: another instance ("a later
// session"), another owner ("Japan's exports"), another document of the same name ("the US
// Indo-Pacific Strategy"). Generic topic words never license a comparison on their own: the
// property must be there, and a value must bind to it (see binding.ts).
import { type AnchorGroup, type AnchorHit, type KnowledgeBase } from '../../knowledge/knowledgeBase';
import { type Claim, type Term } from '../../knowledge/types';
import { lexicon, phraseAt } from '../lexicon';
import { listRun, listSegments } from '../reader/agents';
import { isParticiple } from '../reader/clauses';
import { type EntityMention, sameEntity } from '../reader/entities';
import { type SentenceView } from '../reader/sentence';
import { offsetOf, zoneOf } from '../reader/zones';
import { isDigit, type Token, tokenize } from '../text/tokens';
import { type PhraseMatch } from '../text/phraseMatcher';
import { membersIn } from './members';
import { inElaborationAfter, namesAnExampleOnly } from './examples';
import { type NameError, nearMissNames } from './names';

export interface Candidate {
  index: number;
  claim: Claim;
  /** Matches in the sentence per identity group (groups satisfied by the paragraph have none). */
  groups: Map<number, PhraseMatch<unknown>[]>;
  /** Matches of the property group: values bind to these. */
  property: PhraseMatch<unknown>[];
  /** Tokens of the sentence its identity covers: ranks the sources that support a sentence. */
  coverage: number;
  /** A name the sentence writes with one word wrong, standing for one of the claim's entities. */
  nameError?: NameError;
  /** The property's owner is another of the claim's entities: "the Indo-Pacific's exports". */
  swapped?: { mention: EntityMention; expected: string };
  /**
   * A one-of-a-kind name written with another country than its own: "Washington's Indo-Pacific
   * Strategy of Freedom, Peace and Prosperity".
   */
  attributeError?: { start: number; end: number; sourced: string };
}

/**
 * Only the head of a longer name is another thing ("Korea" in "North Korea"); a modifier still
 * names it ("Yoon government").
 */
const vocabularies = new WeakMap<KnowledgeBase, Map<number, Set<string>>>();

/** Every word stem of a claim's identity and property phrases. */
function claimVocabulary(kb: KnowledgeBase, claim: number): Set<string> {
  let byClaim = vocabularies.get(kb);
  if (!byClaim) vocabularies.set(kb, (byClaim = new Map()));
  let words = byClaim.get(claim);
  if (!words) {
    words = new Set(
      kb.claimAnchors[claim].groups.flatMap((g) => g.phrases).flatMap((a) => tokenize(a).map((t) => t.norm)),
    );
    byClaim.set(claim, words);
  }
  return words;
}

/** The head of a phrase: its last word before a preposition ("Consulate General of …"), else its last word. */
function headOf(view: SentenceView, c: { first: number; last: number }): number {
  for (let k = c.first + 1; k < c.last; k++) if (lexicon.prepositions.has(view.words[k])) return k - 1;
  return c.last - 1;
}

interface Compound {
  first: number;
  last: number;
  /** The anchor entry the phrase matched: its claims are `claimsOf(entry)`. */
  entry: readonly AnchorHit[];
}

/**
 * The claims an anchor entry belongs to, as a set built once per entry of the knowledge base (a
 * common word's entry lists thousands of claims at 10,000 sources: not to be copied per sentence).
 */
const claimSets = new WeakMap<readonly AnchorHit[], ReadonlySet<number>>();
function claimsOf(entry: readonly AnchorHit[]): ReadonlySet<number> {
  let claims = claimSets.get(entry);
  if (!claims) claimSets.set(entry, (claims = new Set(entry.map((h) => h.claim))));
  return claims;
}

/** What a match's counting depends on that is the same for every claim: read once per match. */
interface MatchFacts {
  idiom: boolean;
  /** A lone noun right before a kind of thing, which it modifies ("opinion" in "opinion article"). */
  modifiesNext: boolean;
  /** The longer phrases the match sits inside, before their head ("opinion" in "opinion piece"). */
  hiders: Compound[];
  /** A name ending where the match ends, that the match is only the end of ("Korea" in "North Korea"). */
  named?: Term;
  /** The match follows a word for everything but it ("outside the Indo-Pacific"). */
  complement: boolean;
}

/**
 * Whether a word for everything but what follows governs token k: "outside the Indo-Pacific",
 * "outside of Europe", "outside Asia" (not "outside participants", where it describes them).
 */
function afterComplement(view: SentenceView, k: number): boolean {
  let j = k - 1;
  while (j >= 0 && k - j <= 2 && (view.words[j] === 'the' || view.words[j] === 'of')) j--;
  if (j < 0 || !lexicon.complementWords.has(view.words[j])) return false;
  return j < k - 1 || /^\p{Lu}/u.test(view.tokens[k].raw);
}

function matchFacts(view: SentenceView, m: PhraseMatch<unknown>, compounds: readonly Compound[]): MatchFacts {
  const next = view.tokens[m.last];
  const inside = (c: Compound): boolean =>
    c.first <= m.first && m.last <= c.last && c.last - c.first > m.last - m.first;
  return {
    idiom: insideIdiom(view, m),
    modifiesNext:
      m.last - m.first === 1 &&
      next !== undefined &&
      view.gapBefore(m.last) === ' ' &&
      lexicon.instanceNounStems.has(next.norm) &&
      !lexicon.instanceNounStems.has(view.tokens[m.first].norm),
    hiders: compounds.filter((c) => inside(c) && m.last <= headOf(view, c)),
    named: view.terms.find(
      (t) =>
        t.end === m.end &&
        t.start < m.start &&
        ['place', 'organisation', 'person', 'group', 'country', 'document', 'event'].includes(t.value.kind),
    )?.value,
    complement: afterComplement(view, m.first),
  };
}

function countsFor(
  view: SentenceView,
  claim: number,
  group: number,
  m: PhraseMatch<unknown>,
  facts: MatchFacts,
  compounds: readonly Compound[],
  entriesAt: readonly (readonly AnchorHit[])[][],
): boolean {
  const kb = view.kb;
  if (facts.idiom || facts.complement) return false;
  // A lone noun right before a kind of thing modifies it, unless the pair is the claim's own
  // ("trilateral talks").
  const ownNext = (): boolean =>
    compounds.some((c) => claimsOf(c.entry).has(claim) && c.first <= m.last && m.last < c.last) ||
    (entriesAt[m.last]?.some((entry) => claimsOf(entry).has(claim)) ?? false);
  if (facts.modifiesNext && !ownNext()) return false;
  // A word that modifies another claim's longer phrase is not its head: "opinion" in "opinion
  // piece" (but "Consulate General" heads "Consulate General of the Republic of Korea").
  const ownAround = (c: Compound): boolean =>
    compounds.some((o) => claimsOf(o.entry).has(claim) && o.first <= c.first && c.last <= o.last);
  // …unless the compound's other words are the claim's own too ("dialogue session" for a claim
  // about the session or the dialogue).
  const foreign = (c: Compound): boolean => {
    const vocabulary = claimVocabulary(kb, claim);
    return view.tokens
      .slice(c.first, c.last)
      .some(
        (t, k) =>
          (c.first + k < m.first || c.first + k >= m.last) &&
          !lexicon.stopWords.has(view.words[c.first + k]) &&
          !vocabulary.has(t.norm),
      );
  };
  if (facts.hiders.some((c) => !claimsOf(c.entry).has(claim) && !ownAround(c) && foreign(c))) return false;
  if (
    group !== kb.claimAnchors[claim].propertyGroup &&
    (namesAnotherOfItsKind(view, claim, m) || refersToAnother(view, claim, group, m))
  ) {
    return false;
  }
  if (!facts.named) return true;
  const forms = kb.formsOf(facts.named.id).map((f) => f.toLowerCase());
  return kb.claimAnchors[claim].groups[group].phrases.some((phrase) => forms.includes(phrase.toLowerCase()));
}

export function findCandidates(view: SentenceView): Candidate[] {
  const kb = view.kb;
  const occurrences = new Map<AnchorHit[], PhraseMatch<AnchorHit[]>[]>();
  for (const match of kb.anchorMatcher.matchAll(view.tokens)) {
    const list = occurrences.get(match.value);
    if (list) list.push(match);
    else occurrences.set(match.value, [match]);
  }
  // Every longer phrase of the claims written in the sentence, with the claims it belongs to.
  const compounds: Compound[] = [];
  // Which anchor entries cover each token.
  const entriesAt: AnchorHit[][][] = view.tokens.map(() => []);
  for (const [entry, matches] of occurrences) {
    for (const m of matches) for (let k = m.first; k < m.last; k++) entriesAt[k]?.push(entry);
  }
  for (const [entry, matches] of occurrences) {
    for (const m of matches) {
      // One phrase as written: no bracket or comma inside ("ROK consulate (Honolulu)" is two).
      let whole = m.last - m.first >= 2;
      for (let k = m.first + 1; k < m.last && whole; k++) whole = /^[\s\-–'’]*$/.test(view.gapBefore(k));
      if (whole) compounds.push({ first: m.first, last: m.last, entry });
    }
  }
  // A name as another wording stands at the mention's place: its anchors' hits span the mention.
  const addHitsOf = (
    mention: { first: number; last: number; start: number; end: number },
    asTokens: readonly Token[],
  ): void => {
    for (const m of kb.anchorMatcher.matchAll(asTokens)) {
      const hit = { ...m, first: mention.first, last: mention.last, start: mention.start, end: mention.end };
      const list = occurrences.get(m.value);
      if (list) list.push(hit);
      else occurrences.set(m.value, [hit]);
    }
  };
  const names = nearMissNames(view);
  for (const n of names) addHitsOf(n.mention, n.asTokens);
  // "Dr Kim", linked by the paragraph or the citation: the person's claims, as if written in full.
  for (const e of view.entities) if (e.bySurname && e.term) addHitsOf(e, tokenize(e.term.term));
  // "When: 28 Oct 2022": a label that is a question word asks for what the lexicon says it asks for.
  const label = view.clauses[0]?.kind === 'label' ? view.clauses[0] : undefined;
  const asked = label && label.last - label.first === 1 ? lexicon.labelQuestions[view.words[label.first]] : undefined;
  if (label && asked) {
    const token = view.tokens[label.first];
    addHitsOf({ first: label.first, last: label.last, start: token.start, end: token.end }, tokenize(asked));
  }
  const factsOf = new Map<PhraseMatch<unknown>, MatchFacts>();
  const counts = (claim: number, group: number, m: PhraseMatch<unknown>): boolean => {
    let facts = factsOf.get(m);
    if (!facts) factsOf.set(m, (facts = matchFacts(view, m, compounds)));
    return countsFor(view, claim, group, m, facts, compounds, entriesAt);
  };
  // A claim is visited when its property group matched in the sentence and its identity is written.
  // A property phrase reaches many claims, most of which lack an identity group here: that quick
  // look comes first, once per claim, and asks once per sentence whether each group is present.
  const visit = new Set<number>();
  const present = presentGroups(view, occurrences);
  const zoned = zonedDates(kb);
  let cited: ReadonlySet<number> | undefined;
  const { identityGroupStart: start, identityGroupIds: ids, identityGroups: groups } = kb;
  const marks = groupMarks(kb);
  const sentence = marks.next++;
  // The group's mark: this sentence's number, doubled, plus one when the group is present.
  const groupPresent = (n: number): boolean => {
    if (marks.of[n] >> 1 !== sentence) marks.of[n] = (sentence << 1) | (present(groups[n]) ? 1 : 0);
    return (marks.of[n] & 1) === 1;
  };
  const identity = (claim: number): boolean => {
    let all = true;
    for (let k = start[claim]; k < start[claim + 1] && all; k++) all = groupPresent(ids[k]);
    if (all) return kb.claims[claim].about.length > 0;
    // A group is missing: only a citation of the claim's source or a zoned date can stand for it.
    cited ??= citedClaims(view);
    return (
      ((zoned[claim] === 1 || cited.has(claim)) && identityWritten(view, claim, present)) || listsMembers(view, claim)
    );
  };
  for (const [entry, matches] of occurrences) {
    const hits = kb.propertyHits.get(entry);
    if (!hits) continue;
    for (let i = 0; i < hits.length; i += 2) {
      const claim = hits[i];
      if (!visit.has(claim) && identity(claim) && matches.some((m) => counts(claim, hits[i + 1], m))) visit.add(claim);
    }
  }
  const out: Candidate[] = [];
  // "Within the Indo-Pacific, China alone takes …": what the frame names is the whole a part of it
  // is said of; it does not tie a claim to the sentence. Read once per sentence, when needed.
  const frameEnd = visit.size > 0 ? subsetFrameEnd(view) : 0;
  for (const index of visit) {
    const claim = kb.claims[index];
    const groups = new Map<number, PhraseMatch<unknown>[]>();
    let ok = true;
    const missing: number[] = [];
    for (let g = 0; g < kb.claimAnchors[index].groups.length && ok; g++) {
      const found = kb.claimAnchors[index].groups[g].entries
        .flatMap((entry) => occurrences.get(entry) ?? [])
        .filter((m) => counts(index, g, m));
      if (found.length > 0) groups.set(g, found);
      else if (g === kb.claimAnchors[index].propertyGroup) ok = false;
      else if (!fromContext(view, index, g)) missing.push(g);
    }
    // "The dialogue was held on 27 October [@key]": citing the claim's source stands for the names
    // that set it apart, once the sentence itself says what it speaks of (the claim's subject).
    if (
      missing.length > 0 &&
      !datedInItsZone(view, claim) &&
      !(
        view.context.cited?.has(claim.source) &&
        claim.subject >= 0 &&
        groups.has(claim.subject) &&
        !missing.includes(claim.subject)
      ) &&
      !pronounCitingSource(view, claim) &&
      !listsMembers(view, index)
    ) {
      ok = false;
    }
    if (!ok) continue;
    // "…, organizers said": the frame names who reports the sentence, not what it is about.
    const property = (groups.get(kb.claimAnchors[index].propertyGroup) ?? []).filter(
      (m) => view.clauseAt(m.first).kind !== 'reporting' && m.first >= frameEnd,
    );
    if (property.length === 0) continue;
    // Identity is read where the property is: its clause, what interrupts or continues it, and a
    // briefing label. A word in an unrelated clause does not tie the claim to the sentence.
    const stretches = property.map((p) => view.stretchAt(p.first));
    const label = view.clauses[0]?.kind === 'label' ? view.clauses[0] : undefined;
    // "… top trading partners: China, Japan, India": a clause ending in a colon leads into what follows it.
    const leadIns = stretches.map((s) => leadInto(view, s.first)).filter((c) => c !== undefined);
    // Who the sentence reports ("…, Pacific Forum said") names the source anywhere in it.
    const reporter = (m: PhraseMatch<unknown>): boolean => view.clauseAt(m.first).kind === 'reporting';
    const near = (m: PhraseMatch<unknown>): boolean =>
      stretches.some((s) => m.first >= s.first && m.last <= s.last) ||
      reporter(m) ||
      (label !== undefined && m.last <= label.last) ||
      leadIns.some((c) => m.first >= c.first && m.last <= c.last) ||
      (label !== undefined && property.some((p) => p.last <= label.last)) ||
      subjectOfPronoun(view, m, property);
    for (const [g, matches] of [...groups]) {
      if (g === kb.claimAnchors[index].propertyGroup) continue;
      const kept = matches.filter((m) => near(m) && m.first >= frameEnd);
      if (kept.length > 0) groups.set(g, kept);
      else if (fromContext(view, index, g)) groups.delete(g);
      else ok = false;
    }
    if (!ok) continue;
    if (
      aboutAnotherInstance(view, [...groups.values()].flat()) ||
      anotherSubject(view, property, [...groups.values()].flat())
    ) {
      continue;
    }
    if (namesOutsideItsSentence(view, claim, property, [...groups.values()].flat())) continue;
    if (partNamed(view, claim, property)) continue;
    if (partOfNamedWhole(view, index, groups)) continue;
    if (anotherPlaceMeasured(view, index, property, groups)) continue;
    if (countsOutside(view, index, property)) continue;
    if (claim.mood !== 'recommends' && recommendsAt(view, property) && !reportsRecommendation(view, property)) continue;
    if (supposedAt(view, property)) continue;
    const sameName = anotherOfTheSameName(view, index, groups);
    if (sameName === 'other') continue;
    const owner = ownerConflict(view, index, groups, property);
    if (owner === 'other') continue;
    if (comparedOnly(view, [...groups.values()].flat())) continue;
    const nameError = names.find((n) =>
      [...groups.values()].flat().some((m) => m.start === n.mention.start && m.end === n.mention.end),
    );
    const covered = new Set<number>();
    for (const matches of groups.values()) {
      for (const m of matches) for (let k = m.first; k < m.last; k++) covered.add(k);
    }
    out.push({
      index,
      claim,
      groups,
      property,
      coverage: covered.size,
      nameError,
      swapped: owner === 'ok' ? undefined : owner,
      attributeError: sameName === 'same' ? undefined : sameName,
    });
  }
  return out;
}

/** The clause right before token `first` when a colon ends it. */
function leadInto(view: SentenceView, first: number): { first: number; last: number } | undefined {
  if (first === 0 || !view.gapBefore(first).includes(':')) return undefined;
  return view.clauseAt(first - 1);
}

/**
 * A quick look before the full one: each of the claim's identity groups has a phrase written in the
 * sentence (counted or not) or comes from the context; or the sentence cites the claim's source and
 * writes its subject. A claim without this can only fail the full look, which costs much more.
 */
function identityWritten(view: SentenceView, index: number, present: (group: AnchorGroup) => boolean): boolean {
  const kb = view.kb;
  const groups = kb.claimAnchors[index].groups;
  let missingSubject = false;
  let missing = false;
  for (let g = 0; g < groups.length; g++) {
    if (g === kb.claimAnchors[index].propertyGroup || present(groups[g])) continue;
    missing = true;
    if (g === kb.claims[index].subject) missingSubject = true;
  }
  if (!missing) return true;
  const claim = kb.claims[index];
  return (
    (view.context.cited?.has(claim.source) === true && claim.subject >= 0 && !missingSubject) ||
    datedInItsZone(view, claim) ||
    pronounCitingSource(view, claim)
  );
}

/** Whether an anchor group is written in the sentence or comes from its context: the same for every claim. */
function presentGroups(
  view: SentenceView,
  occurrences: ReadonlyMap<AnchorHit[], unknown[]>,
): (group: AnchorGroup) => boolean {
  const known = new Map<AnchorGroup, boolean>();
  return (group) => {
    let present = known.get(group);
    if (present === undefined) {
      present = group.entries.some((entry) => occurrences.has(entry)) || groupFromContext(view, group);
      known.set(group, present);
    }
    return present;
  };
}

/** The claims of the sources a sentence cites: their source can stand for their names (see `identityWritten`). */
function citedClaims(view: SentenceView): ReadonlySet<number> {
  const kb = view.kb;
  const out = new Set<number>();
  for (const key of view.context.cited ?? []) {
    for (const claim of kb.claimsBySource.get(key) ?? []) out.add(kb.claimIndex.get(claim)!);
  }
  return out;
}

/**
 * Per knowledge base, a mark per identity group, reused by every sentence (one sentence is read at
 * a time): which sentence last asked, and whether the group was present in it.
 */
const marksOf = new WeakMap<KnowledgeBase, { of: Int32Array; next: number }>();
function groupMarks(kb: KnowledgeBase): { of: Int32Array; next: number } {
  let marks = marksOf.get(kb);
  // Sentence numbers are kept within 30 bits, so a doubled one plus one fits in an Int32.
  if (!marks || marks.next >= 1 << 30) {
    marks = { of: new Int32Array(kb.identityGroups.length).fill(-1), next: 0 };
    marksOf.set(kb, marks);
  }
  return marks;
}

const zonedDatesOf = new WeakMap<KnowledgeBase, Uint8Array>();
/** Per claim, 1 when `datedInItsZone` can hold for it: a date of one day, written per time zone. */
function zonedDates(kb: KnowledgeBase): Uint8Array {
  const known = zonedDatesOf.get(kb);
  if (known) return known;
  const zoned = new Uint8Array(kb.claims.length);
  kb.claims.forEach(({ value: v }, i) => {
    if (v.kind === 'date' && v.date.zone !== undefined && v.date.month !== undefined && v.date.day !== undefined) {
      zoned[i] = 1;
    }
  });
  zonedDatesOf.set(kb, zoned);
  return zoned;
}

/**
 * Where an opening frame of a part ends ("Within Southeast Asia, Malaysia and Cambodia …"): a
 * frame word, a place, a comma, then another name the sentence goes on about. 0 when there is none.
 */
function subsetFrameEnd(view: SentenceView): number {
  if (!lexicon.subsetFrames.has(view.words[0] ?? '')) return 0;
  let comma = -1;
  for (let k = 1; k < Math.min(view.tokens.length, 8) && comma < 0; k++) if (view.gapBefore(k).includes(',')) comma = k;
  if (comma < 0) return 0;
  const framed = view.entities.filter((e) => e.last <= comma && e.id !== undefined);
  const next = view.entities.find((e) => e.first >= comma && e.id !== undefined);
  const parts = ['country', 'place', 'organisation', 'person'];
  if (framed.length === 0 || !next || !parts.includes(next.kind) || framed.some((f) => f.id === next.id)) return 0;
  return comma;
}

/** Members a list must name to stand for the names that set its claim apart: at least this many, and half. */
const membersNamingList = 3;
const namedKinds = new Set(['country', 'place', 'organisation', 'person', 'event', 'document']);

/**
 * "Major donors: US, Australia, Canada, EU, UK": a list that names several members of a list of
 * named things the claim gives, with its property, is that list; the names that set the claim
 * apart need not be written. (Common words, "government, academia", are in too many lists.)
 */
function listsMembers(view: SentenceView, claim: number): boolean {
  const value = view.kb.claims[claim].value;
  if (value.kind !== 'set' || value.set.slot === 'agent') return false;
  const { members } = value.set;
  const kb = view.kb;
  // A cheap look first: this runs for every claim whose property is written and a name is not.
  if (members.length < membersNamingList || !namesAtLeast(view, membersNamingList)) return false;
  if (!members.every((alts) => alts.some((a) => namedKinds.has(kb.termById.get(a)?.kind ?? '')))) return false;
  const named = new Set(membersIn(view, members).map((m) => m.value));
  return named.size >= Math.max(membersNamingList, Math.ceil(members.length / 2));
}

/** Whether the sentence links at least `n` names to the knowledge base. */
function namesAtLeast(view: SentenceView, n: number): boolean {
  let count = 0;
  for (const e of view.entities) if (e.id !== undefined && ++count >= n) return true;
  return false;
}

/**
 * "Most of the natural gas Korea ships through the strait is LNG": a share ("most of", "40% of")
 * of a whole that the claim's own identity already narrows, said to be something else after a
 * copula, measures a part of what the claim measures, not the claim's share. Silent.
 */
function partOfNamedWhole(view: SentenceView, claim: number, groups: Map<number, PhraseMatch<unknown>[]>): boolean {
  const kb = view.kb;
  const value = kb.claims[claim].value;
  if (value.kind !== 'quantifier' && !(value.kind === 'quantity' && value.quantity.unit === 'percent')) return false;
  const propertyGroup = kb.claimAnchors[claim].propertyGroup;
  const others = [...groups.entries()].filter(([g]) => g !== propertyGroup).flatMap(([, ms]) => ms);
  if (others.length === 0) return false;
  for (const v of view.values) {
    if (v.kind !== 'quantifier' && v.kind !== 'number') continue;
    const after = view.tokenIndexAt(v.end);
    if (!phraseAt(lexicon.subsetPatterns, view.words, after) && view.words[after] !== 'of') continue;
    const clause = view.clauseAt(after);
    // The whole is the noun phrase after "of": up to the next comma.
    const phraseEnd = view.phraseEndAfter(after, clause.last);
    const inWhole = others.filter((m) => m.first < phraseEnd);
    if (inWhole.length === 0) continue;
    const whole = Math.max(...inWhole.map((m) => m.last));
    if (inWhole.some((m) => m.first < after || view.clauseAt(m.first) !== clause)) continue;
    const property = groups.get(propertyGroup) ?? [];
    if (!property.some((m) => m.first > after && m.last <= whole)) continue;
    // The verb that says what that part is or where it comes from follows the whole.
    for (let k = whole; k < Math.min(clause.last, whole + 2); k++) {
      if (/[,;:(]/.test(view.gapBefore(k))) break;
      if (opensPredicate(view.words, k)) return true;
    }
  }
  return false;
}

/**
 * "the thirteen partners outside the Arctic Rim": a count or share in a clause that speaks of the
 * things everywhere but a place counts a part the claim does not. Silent.
 */
function countsOutside(view: SentenceView, claim: number, property: PhraseMatch<unknown>[]): boolean {
  const kind = view.kb.claims[claim].value.kind;
  if (kind !== 'quantity' && kind !== 'quantifier') return false;
  return property.some((p) => {
    const { first, last } = view.stretchAt(p.first);
    for (let k = first; k < last; k++) {
      if (!lexicon.complementWords.has(view.words[k])) continue;
      if (view.entities.some((e) => e.first > k && e.first <= k + 3 && afterComplement(view, e.first))) return true;
    }
    return false;
  });
}

/**
 * "Eastoria alone takes a fifth of Northland's exports, a large slice of the Arctic Rim's share": a
 * place or country opening the clause, while the claim's own subject is named further on as the owner
 * of what is measured and the place the claim relates it to is named outside the share, is what the
 * figure measures: a part of the claim's whole or another one. Silent.
 */
function anotherPlaceMeasured(
  view: SentenceView,
  claim: number,
  property: PhraseMatch<unknown>[],
  groups: Map<number, PhraseMatch<unknown>[]>,
): boolean {
  const kb = view.kb;
  const c = kb.claims[claim];
  if (c.value.kind !== 'quantity' || property.length === 0 || !groups.has(c.subject)) return false;
  const own = [...groups.values()].flat();
  // The claim's subject owns what is measured ("Northland's exports"), so it is not who the clause is about.
  const owner = groups.get(c.subject)!.some((m) => view.entities.some((e) => e.possessive && e.end === m.end));
  if (!owner) return false;
  const places = new Set(['country', 'place']);
  const within = (e: EntityMention, m: PhraseMatch<unknown>): boolean => m.start <= e.start && e.end <= m.end;
  const owned = view.entities.filter((e) => e.id !== undefined && own.some((m) => within(e, m)));
  // The claim relates its subject to a place ("exports to the Arctic Rim") that the sentence names.
  const related = [...groups].filter(([g]) => g !== c.subject && g !== kb.claimAnchors[claim].propertyGroup);
  const place = (e: EntityMention): boolean =>
    places.has(e.kind) && related.some(([, ms]) => ms.some((m) => within(e, m)));
  if (!owned.some(place)) return false;
  // "80% of Northland's exports to the Arctic Rim": the place in the share's own phrase is the claim's.
  const inShare = view.values.some((v) => {
    if (v.kind !== 'number') return false;
    const k = view.tokenIndexAt(v.end);
    const end = view.phraseEndAfter(k, view.clauseAt(k).last);
    return owned.some((e) => place(e) && e.first >= k && e.last <= end);
  });
  if (inShare) return false;
  const { first } = view.stretchAt(property[0].first);
  const start = lexicon.determiners.has(view.words[first]) ? first + 1 : first;
  const subject = view.entities.find((e) => e.first === start && e.id !== undefined);
  if (!subject || subject.possessive || !places.has(subject.kind) || subject.last > property[0].first) return false;
  if (own.some((m) => within(subject, m))) return false;
  return !owned.some((e) => sameEntity(kb, e.id, subject.id));
}

/** A copula, an auxiliary, or a word before a preposition: a verb and its complement ("comes from", "travel by"). */
function opensPredicate(words: readonly string[], k: number): boolean {
  const w = words[k];
  if (lexicon.copulas.has(w) || lexicon.finiteVerbs.has(w)) return true;
  return (
    w.length > 2 &&
    !lexicon.stopWords.has(w) &&
    !lexicon.prepositions.has(w) &&
    !lexicon.determiners.has(w) &&
    lexicon.prepositions.has(words[k + 1] ?? '')
  );
}

/**
 * "It is presented as reflecting a consensus [@key]": a sentence whose subject is a pronoun, citing
 * the claim's source, speaks of what that source is about; the pronoun stands for the claim's names.
 * (A claim with a subject of its own still needs it written.)
 */
function pronounCitingSource(view: SentenceView, claim: Claim): boolean {
  return (
    claim.subject < 0 &&
    view.context.cited?.has(claim.source) === true &&
    lexicon.subjectPronouns.has(view.words[0] ?? '')
  );
}

/** How near an event's date a zoned day must be to be that event's: a day across the date line, and a slip. */
const zoneDaysApart = 3;

/**
 * "For participants in Asia, the session took place on October 27, 2022": a day written with its
 * time zone, within days of the date the sources give an event in a zone, is that event's; the
 * names that would set the event apart need not be written. Another event is silent: its day differs.
 */
function datedInItsZone(view: SentenceView, claim: Claim): boolean {
  const v = claim.value;
  if (v.kind !== 'date' || v.date.zone === undefined || v.date.month === undefined || v.date.day === undefined) {
    return false;
  }
  const { year, month, day } = v.date;
  return view.values.some(
    (m) =>
      m.kind === 'date' &&
      (m.year === undefined || m.year === year) &&
      m.months?.lo === month &&
      m.months.hi === month &&
      m.days !== undefined &&
      m.days.lo === m.days.hi &&
      Math.abs(m.days.lo - day) <= zoneDaysApart &&
      zoneOf(view, m) !== undefined,
  );
}

/**
 * "That strategy was published in April 2019" after "Korea's 2019 National Cybersecurity Strategy":
 * a bare kind of thing stands for the last thing of that kind named before it, here or earlier in
 * the paragraph. When that is not one of the claim's own, the sentence is about something else.
 */
function refersToAnother(view: SentenceView, claim: number, group: number, m: PhraseMatch<unknown>): boolean {
  const { tokens } = view;
  if (m.last - m.first !== 1 || !lexicon.instanceNounStems.has(tokens[m.first].norm)) return false;
  if (view.terms.some((t) => t.start <= m.start && m.end <= t.end)) return false;
  const kb = view.kb;
  const head = tokens[m.first].norm;
  const ofKind = (id: string): boolean => kb.formsOf(id).some((f) => tokenize(f).pop()?.norm === head);
  const before = [...(view.context.recent ?? []), ...view.terms.filter((t) => t.end <= m.start).map((t) => t.value.id)];
  const last = [...before].reverse().find(ofKind);
  if (last === undefined) return false;
  const own = kb.claimAnchors[claim].groups[group].ids;
  return ![...own].some((id) => sameEntity(kb, id, last));
}

/** Part of an idiom that does not mean its words: "date" in "to date", "time" in "at the same time". */
function insideIdiom(view: SentenceView, m: PhraseMatch<unknown>): boolean {
  for (let k = Math.max(0, m.first - 4); k <= m.first; k++) {
    const idiom = phraseAt(lexicon.fixedExpressions, view.words, k);
    if (idiom && k + idiom.words.length >= m.last && idiom.words.length > m.last - m.first) return true;
  }
  return false;
}

/**
 * A bare kind of thing ("strategy", "session") with a word before it that names which one: "the
 * Cyber Security Strategy", "South Korea's national security strategy". Describing words ("the
 * regional strategy"), owners ("Seoul's strategy"), years and the claim's own words still count.
 */
function namesAnotherOfItsKind(view: SentenceView, claim: number, m: PhraseMatch<unknown>): boolean {
  const { tokens, words } = view;
  if (m.last - m.first !== 1 || m.first === 0 || !lexicon.instanceNounStems.has(tokens[m.first].norm)) return false;
  if (view.terms.some((t) => t.start <= m.start && m.end <= t.end)) return false;
  const before = m.first - 1;
  const prev = tokens[before];
  if (view.gapBefore(m.first).trim() !== '' || /^\d/.test(prev.raw) || /['’]s$/.test(prev.raw)) return false;
  const w = words[before];
  if (
    lexicon.stopWords.has(w) ||
    lexicon.determiners.has(w) ||
    lexicon.pronouns.has(w) ||
    lexicon.prepositions.has(w)
  ) {
    return false;
  }
  if (lexicon.describingAdjectives.has(w) || lexicon.otherInstance.has(w)) return false;
  // "the Munich Security Conference" where the source names the Prague one: another of its kind
  // is what an entity claim of that kind compares.
  const value = view.kb.claims[claim].value;
  if (value.kind === 'entity') {
    const named = view.kb.termById.get(value.entity.value);
    const head = named ? tokenize(named.term).pop()?.norm : undefined;
    if (head === tokens[m.first].norm) return false;
  }
  // One of the claim's own words or names right before it: "the Indo-Pacific strategy".
  const anchors = view.kb.claimAnchors[claim].groups.flatMap((g) => g.phrases).map((a) => a.toLowerCase());
  const name = view.terms.find((t) => t.end <= m.start && t.end >= prev.end);
  if (name && view.kb.claimAnchors[claim].groups.some((g) => g.ids.has(name.value.id))) return false;
  if (anchors.includes(w) || anchors.includes(prev.raw.toLowerCase())) return false;
  // "Cyber Security Strategy": a capitalised name; "national security strategy": a compound.
  return true;
}

/**
 * "Samsung is emerging as a supplier, though it has kept its distance from Open RAN": the words
 * opening the sentence are its subject, and a later clause opening with "it" goes on about them.
 */
function subjectOfPronoun(
  view: SentenceView,
  m: PhraseMatch<unknown>,
  property: readonly PhraseMatch<unknown>[],
): boolean {
  const first = view.clauses[0];
  if (!first || first.kind !== 'main' || m.first > first.first + 1 || m.last > first.last) return false;
  return property.some((p) => {
    const clause = view.clauseAt(p.first);
    if (clause === first || clause.kind === 'reporting' || clause.kind === 'relative') return false;
    // The pronoun opens the clause, after its linking word ("though it", "but they").
    for (let k = clause.first; k < Math.min(clause.first + 2, p.first); k++) {
      if (lexicon.clauseSubjectPronouns.has(view.words[k])) return true;
    }
    return false;
  });
}

/**
 * A report's sentence is about the names it writes and the ones the report writes throughout, which
 * it may leave unsaid. Where the property is, a memo naming one the report writes only in other
 * sentences ("BestMixer" against a sentence on ChipMixer) speaks of another fact; one the report never
 * writes ("Japan" against a sentence on the EU), of a fact it does not give, when the claim is set
 * apart by words alone (a claim with names tells another name for them, "Seoul" for Korea, apart).
 * Its authors and the memo's reporting clause ("…, Kim said") name no fact.
 */
function namesOutsideItsSentence(
  view: SentenceView,
  claim: Claim,
  property: PhraseMatch<unknown>[],
  own: readonly PhraseMatch<unknown>[],
): boolean {
  const names = claim.reportNames;
  if (!claim.extracted || names === undefined) return false;
  // Who wrote the report: "according to Kim", "Kim's figures".
  const authors = (view.kb.sources.get(claim.source)?.csl.author ?? []).map((a) => a.family ?? a.literal ?? '');
  const lower = (texts: readonly string[]): string[] => texts.flatMap((n) => tokenize(n)).map((t) => t.lower);
  const known = lower([claim.statement, ...names.throughout, ...authors]);
  const elsewhere = names.distinctive.map((n) => lower([n]).join(' '));
  // "Korea" and "Korean", "Yoon" and "Yoon's": one name.
  const among = (list: readonly string[], w: string): boolean =>
    list.some((o) => o === w || (Math.min(o.length, w.length) >= 4 && (o.startsWith(w) || w.startsWith(o))));
  const stretches = property.map((p) => view.stretchAt(p.first));
  // "administrators of Helix" against "administrators of BitMixer": the name in an entity claim's slot
  // is what the memo says of it.
  const inSlot = (e: EntityMention): boolean =>
    claim.value.kind === 'entity' &&
    property.some((p) => e.first === p.last || (e.first === p.last + 1 && lexicon.determiners.has(view.words[p.last])));
  // "South Korea, Japan, New Zealand and India": a name listed with the members a list claim judges is
  // what that judge weighs (a member swapped), not a sign of another statement.
  const listed = claim.value.kind === 'set' ? listWithMembers(view, property) : [];
  return view.entities.some((e) => {
    if ((e.weak && !view.tokens[e.first].upper) || inSlot(e)) return false;
    if (listed.some((it) => it.first <= e.first && e.last <= it.last)) return false;
    // A name that is one of the claim's own words (read from the sentence before its own) is its.
    if (own.some((m) => m.first < e.last && e.first < m.last)) return false;
    if (!stretches.some((s) => e.first >= s.first && e.last <= s.last)) return false;
    if (view.clauseAt(e.first).kind === 'reporting') return false;
    // "interviews with 19 experts, among them former Treasury officials": examples of what the figure counts.
    if (property.some((p) => inElaborationAfter(view, p.last, e.first))) return false;
    // "…, giving Brussels a direct stake", "…, which gives Brussels a stake": a name in a clause after
    // the fact says what follows from it.
    if (property.every((p) => participleBetween(view, p.last, e.first))) return false;
    // Its words, without a year or number written with it ("Huawei Connect 2025").
    const words = view.tokens
      .slice(e.first, e.last)
      .filter((t) => !isDigit(t.raw.charAt(0)) && !lexicon.stopWords.has(t.lower))
      .map((t) => t.lower);
    if (words.every((w) => among(known, w))) return false;
    // Another form of a linked name ("EU" for "European Union") may be the one the report wrote.
    if (e.id !== undefined && view.kb.formsOf(e.id).some((f) => lower([f]).every((w) => among(known, w)))) return false;
    const name = words.join(' ');
    return names.unnamed === true || elsewhere.includes(name);
  });
}

/** A report's total (a figure read from it) against a memo figure of a part it gives as an example. */
function partNamed(view: SentenceView, claim: Claim, property: PhraseMatch<unknown>[]): boolean {
  if (!claim.extracted || claim.quote === undefined || claim.value.kind !== 'quantity') return false;
  const figure = view.values.find((v) => v.kind === 'number');
  return figure !== undefined && namesAnExampleOnly(view, claim.quote, 0, figure, property);
}

/** The items of the list that holds the members written ("Ericsson and Nokia, plus ZTE"). */
function listWithMembers(
  view: SentenceView,
  members: readonly PhraseMatch<unknown>[],
): { first: number; last: number }[] {
  const segments = listSegments(view);
  const holding = segments.items
    .map((it, i) => (members.some((m) => m.first >= it.first && m.last <= it.last) ? i : -1))
    .filter((i) => i >= 0);
  return holding.length === 0 ? [] : listRun(view, segments, holding);
}

/** Whether a participle or "which" after a comma opens a clause between tokens `from` and `to`. */
function participleBetween(view: SentenceView, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    if (view.gapBefore(k).includes(',') && (isParticiple(view.words, k) || view.words[k] === 'which')) return true;
  }
  return false;
}

/** A group can be satisfied by an earlier sentence of the paragraph that named one of its entities. */
function fromContext(view: SentenceView, claim: number, group: number): boolean {
  return groupFromContext(view, view.kb.claimAnchors[claim].groups[group]);
}

function groupFromContext(view: SentenceView, group: AnchorGroup): boolean {
  for (const id of group.ids) if (view.context.ids.has(id)) return true;
  // "The webinar was … It was held on …": a sentence opening with a pronoun goes on about the
  // thing the sentence before named with one of the group's words.
  const previous = view.context.previous;
  if (previous && lexicon.subjectPronouns.has(view.words[0] ?? '')) {
    for (const phrase of group.phrases) {
      const stems = tokenize(phrase).map((t) => t.norm);
      if (stems.length === 1 && previous.has(stems[0])) return true;
    }
  }
  return false;
}

/**
 * "a later session", "another webinar", "A fourth session in the series", "the session held
 * earlier in 2022": the sentence is about another instance of the kind of thing the claim is about.
 */
function aboutAnotherInstance(view: SentenceView, matches: PhraseMatch<unknown>[]): boolean {
  const { tokens, words } = view;
  for (const m of matches) {
    const head = tokens[m.last - 1];
    if (!lexicon.instanceNounStems.has(head.norm)) continue;
    for (let k = Math.max(0, m.first - 3); k < m.first; k++) {
      if (lexicon.otherInstance.has(words[k]) && !(words[k] === 'last' && words[k + 1] === 'year')) return true;
    }
    for (let k = Math.max(0, m.first - 4); k < m.first; k++) {
      if (words[k] === 'follow' && (words[k + 1] === 'up' || words[k + 1] === 'on')) return true;
    }
    // "held earlier", "scheduled for later", in the same stretch.
    const stretch = view.stretchAt(m.first);
    for (let k = Math.max(stretch.first, m.last); k < stretch.last; k++) {
      if (
        (words[k] === 'earlier' || words[k] === 'later' || words[k] === 'previously') &&
        ['held', 'convened', 'scheduled', 'planned', 'organised', 'organized', 'hosted', 'in', 'for'].includes(
          words[k - 1],
        )
      ) {
        return true;
      }
    }
    // "A fourth session in the … series", "a companion session": an indefinite article with a
    // modifier, or opening the sentence, names some other one.
    let k = m.first - 1;
    while (
      k >= 0 &&
      k >= m.first - 4 &&
      !lexicon.determiners.has(words[k]) &&
      !lexicon.prepositions.has(words[k]) &&
      !lexicon.auxiliaries.has(words[k])
    ) {
      k--;
    }
    // "was framed as a public event", "is a closed roundtable": a predicate describes the subject.
    // "The summary is, its authors stress, a consensus document": past a frame that interrupts it.
    const frame = k > 0 ? view.clauseAt(k - 1) : undefined;
    let before = frame?.kind === 'reporting' && frame.last === k ? frame.first - 1 : k - 1;
    // "is not a consensus document": past the negation to the copula.
    while (before > 0 && lexicon.negations.has(words[before])) before--;
    const predicate =
      before >= 0 && (lexicon.predicateOpeners.has(words[before]) || lexicon.auxiliaries.has(words[before]));
    // "• Status of findings: a consensus document": a label's value opening with "a" describes what
    // the label names by a common noun (not a name: "• Pacific Forum: a webinar on AI" is another one).
    const [label, value] = view.clauses;
    const describesLabel =
      label?.kind === 'label' &&
      value?.first === k &&
      matches.some((o) => o !== m && o.last <= label.last && !view.entityAt(o.first));
    // "The dialogue's third session, a public webinar held …": an appositive describes the name before it.
    const appositive = k > 0 && view.gapBefore(k).includes(',') && matches.some((o) => o !== m && o.last === k);
    // "bound by a Chinese national intelligence law": the modifier is part of a known name, written
    // loosely with "a"; an ordinal in it still counts ("a third session").
    const known =
      view.entities.some((e) => e.id !== undefined && e.first === k + 1 && e.last >= m.last) &&
      !words.slice(k + 1, m.first).some((w) => w in lexicon.ordinalWords || lexicon.otherInstance.has(w));
    if (
      k >= 0 &&
      lexicon.indefiniteArticles.has(words[k]) &&
      !predicate &&
      !describesLabel &&
      !appositive &&
      !known &&
      (k < m.first - 1 || k === 0 || view.clauseAt(k).first === k)
    ) {
      return true;
    }
    // "the series' second session": an ordinal right before the noun, owned by something else.
    if (
      m.first >= 2 &&
      words[m.first - 1] in lexicon.ordinalWords &&
      /s['’]\s*$/.test(view.text.slice(tokens[m.first - 2].start, tokens[m.first - 1].start))
    ) {
      return true;
    }
  }
  return false;
}

/**
 * "Japan, like the UK, implemented the rule in June 2023": the claim's names written only in what the
 * subject is compared with tie the claim to the other one; the sentence is about its subject.
 */
function comparedOnly(view: SentenceView, matches: PhraseMatch<unknown>[]): boolean {
  const clause = view.clauses.find((c) => c.kind === 'main');
  if (!clause) return false;
  const opening = lexicon.determiners.has(view.words[clause.first]) ? clause.first + 1 : clause.first;
  const subject = view.entities.find((e) => e.first === opening && !e.weak);
  if (!subject || !view.gapBefore(subject.last).includes(',')) return false;
  const cue = phraseAt(lexicon.comparisonCues, view.words, subject.last);
  if (!cue) return false;
  let at = subject.last + cue.words.length;
  if (lexicon.determiners.has(view.words[at])) at++;
  const other = view.entities.find((e) => e.first === at && !e.weak);
  if (!other || (other.id !== undefined && other.id === subject.id)) return false;
  const within = (m: PhraseMatch<unknown>, e: { first: number; last: number }): boolean =>
    m.first < e.last && e.first < m.last;
  return matches.some((m) => within(m, other)) && !matches.some((m) => within(m, subject));
}

/** The memo's own recommendation where the property is written: "Seoul should …". */
function recommendsAt(view: SentenceView, property: PhraseMatch<unknown>[]): boolean {
  if (view.mood !== 'recommends') return false;
  return property.some((p) => {
    const s = view.stretchAt(p.first);
    const own = view.clauseAt(p.first);
    // "bound by the law (must comply with …)": a bracketed aside says what binds them, not what to do.
    const aside = (k: number): boolean => view.clauseAt(k).kind === 'parenthetical' && view.clauseAt(k) !== own;
    for (let k = s.first; k < s.last; k++) if (phraseAt(lexicon.recommendCues, view.words, k) && !aside(k)) return true;
    return false;
  });
}

/**
 * "If Northland opposed the initiative, …": a clause that supposes states nothing, unless it grants
 * what it supposes ("If 6G is indeed fifty times faster, …").
 */
function supposedAt(view: SentenceView, property: PhraseMatch<unknown>[]): boolean {
  return (
    property.length > 0 &&
    property.every((p) => {
      const clause = view.clauseAt(p.first);
      if (phraseAt(lexicon.hypotheticalCues, view.words, clause.first) === undefined) return false;
      for (let k = clause.first + 1; k < clause.last; k++) {
        if (phraseAt(lexicon.affirmedSupposition, view.words, k)) return false;
      }
      // "If 6G is fifty times faster, as the findings anticipate, …": granted by whom it is said.
      const next = view.clauses[view.clauses.indexOf(clause) + 1];
      return !(next && view.words[next.first] === 'as' && saysAt(view, next.first + 1, next.last));
    })
  );
}

/** Most words of who says it between "as" and the verb of saying ("as the Forum's findings anticipate"). */
const asSayerReach = 4;

/** A verb of saying or expecting within a few words of token `from`: "as [the findings] anticipate". */
function saysAt(view: SentenceView, from: number, last: number): boolean {
  for (let k = from + 1; k < Math.min(last, from + 1 + asSayerReach); k++) {
    const w = view.words[k];
    if (lexicon.reportingVerbs.has(w) || lexicon.expectationVerbs.has(w)) return true;
  }
  return false;
}

/** "A follow-up workshop convened by …": the property's clause is about another instance of a kind. */
function anotherSubject(view: SentenceView, property: PhraseMatch<unknown>[], own: PhraseMatch<unknown>[]): boolean {
  const { words, tokens } = view;
  return property.some((p) => {
    const clause = view.clauseAt(p.first);
    for (let k = clause.first; k < p.first; k++) {
      const other =
        lexicon.otherInstance.has(words[k]) ||
        (words[k] === 'follow' && (words[k + 1] === 'up' || words[k + 1] === 'on'));
      if (!other || words[k] === 'last' || words[k] === 'new') continue;
      for (let j = k + 1; j <= Math.min(p.first, k + 3); j++) {
        if (lexicon.instanceNounStems.has(tokens[j]?.norm ?? '')) return true;
      }
    }
    // "Pacific Forum held a workshop in Seoul": an event the claim does not name, introduced as new.
    for (let k = p.last; k < Math.min(clause.last, p.last + 4); k++) {
      if (!lexicon.indefiniteArticles.has(words[k])) continue;
      for (let j = k + 1; j <= Math.min(clause.last - 1, k + 3); j++) {
        if (lexicon.instanceNounStems.has(tokens[j].norm) && !own.some((o) => j >= o.first && j < o.last)) return true;
      }
    }
    return false;
  });
}

/** "the findings recommended that …": a reported recommendation, not the memo's own. */
function reportsRecommendation(view: SentenceView, property: PhraseMatch<unknown>[]): boolean {
  return (
    property.some((m) => view.clauseAt(m.first).kind === 'reporting') ||
    view.clauses.some((c) => c.kind === 'reporting') ||
    property.some((m) => namedPastProposal(view, view.stretchAt(m.first))) ||
    saidThat(view)
  );
}

/** Words at most between a verb of saying and its "that" ("told the closing fireside chat that"). */
const saidThatReach = 6;

/** "X told the chat that the field should …": what should be done is what X said, not the memo's advice. */
function saidThat(view: SentenceView): boolean {
  const { words } = view;
  for (let k = 0; k < words.length; k++) {
    if (!lexicon.reportingVerbs.has(words[k])) continue;
    for (let j = k + 1; j <= Math.min(words.length - 1, k + saidThatReach); j++) {
      if (words[j] !== 'that') continue;
      for (let r = j + 1; r < words.length; r++) if (phraseAt(lexicon.recommendCues, words, r)) return true;
      return false;
    }
  }
  return false;
}

/** "The GGE proposed 11 norms": a name right before a past-tense cue reports what it proposed. */
function namedPastProposal(view: SentenceView, stretch: { first: number; last: number }): boolean {
  for (let k = Math.max(1, stretch.first); k < stretch.last; k++) {
    if (phraseAt(lexicon.pastRecommendCues, view.words, k) && view.entityAt(k - 1)) return true;
  }
  return false;
}

/**
 * A document or event the claim names, written with another country or year than its own ("the
 * US Indo-Pacific Strategy", "the 2024 National Cybersecurity Strategy"), is another document of
 * the same name, unless the year is the value being judged.
 */
function anotherOfTheSameName(
  view: SentenceView,
  claim: number,
  groups: Map<number, PhraseMatch<unknown>[]>,
): 'same' | 'other' | NonNullable<Candidate['attributeError']> {
  const kb = view.kb;
  const c = kb.claims[claim];
  const judgesYear = c.value.kind === 'year' || c.value.kind === 'date' || c.value.kind === 'period';
  const judgesEntity = c.value.kind === 'entity';
  let error: Candidate['attributeError'];
  for (const [g, matches] of groups) {
    const left = matches.filter((m) => {
      // "NATO's ESIWA": a part of one body, a name of its own, written as another's is an error.
      const part = view.entities.find(
        (e) => e.id !== undefined && e.start <= m.start && m.end <= e.end && e.term?.within !== undefined,
      );
      if (part?.countrySpan && !part.term!.identifiedBy?.includes('country') && !ownedBy(kb, part)) {
        error ??= { ...part.countrySpan, sourced: kb.nameOf(part.term!.within!) };
      }
      const mention = view.entities.find(
        (e) => e.id !== undefined && e.start <= m.start && m.end <= e.end && e.term?.identifiedBy,
      );
      // "the EU's Strategy for Cooperation": a generic word of the claim's name, owned by another country.
      if (!mention) {
        const owner = ownerOf(view, m);
        const named = [...kb.claimAnchors[claim].groups[g].ids]
          .map((id) => kb.termById.get(id))
          .find((t) => t?.country);
        if (
          owner?.id &&
          named?.country &&
          ['country', 'organisation', 'place'].includes(owner.kind) &&
          !sameEntity(kb, owner.id, named.country) &&
          owner.id !== named.id &&
          !judgesEntity
        ) {
          return false;
        }
        return true;
      }
      const term = mention.term!;
      const by = term.identifiedBy!;
      if (
        by.includes('country') &&
        term.country &&
        mention.countries.length > 0 &&
        !mention.countries.some((x) => sameEntity(kb, x, term.country)) &&
        !judgesEntity
      ) {
        // Written in full, the name is one of a kind: another country with it is an error, not another document.
        const full =
          view.text.slice(mention.start, mention.end).toLowerCase() === term.term.toLowerCase() &&
          term.term.split(/\s+/).length >= 4;
        if (full && mention.countrySpan) {
          error ??= { ...mention.countrySpan, sourced: kb.nameOf(term.country) };
          return true;
        }
        return false;
      }
      if (
        by.includes('year') &&
        term.year &&
        mention.year !== undefined &&
        mention.year !== term.year &&
        !judgesYear &&
        !judgesEntity
      ) {
        return false;
      }
      return true;
    });
    if (left.length === 0 && !fromContext(view, claim, g)) return 'other';
  }
  return error ?? 'same';
}

/** Most levels of "within" between a part and the body written as its owner. */
const withinDepth = 4;

/** Whether a part's written owner is a body or place it lies within, at any level. */
function ownedBy(kb: KnowledgeBase, part: EntityMention): boolean {
  let term = part.term;
  for (let depth = 0; term && depth < withinDepth; depth++) {
    const t = term;
    if (part.countries.some((x) => sameEntity(kb, x, t.within) || sameEntity(kb, x, t.country))) return true;
    term = t.within === undefined ? undefined : kb.termById.get(t.within);
  }
  return false;
}

const ownerKinds = new Set(['country', 'place', 'organisation', 'group', 'person']);

/**
 * Whose property the sentence speaks of: "Japan's exports", "exports of Japan", "Japanese exports".
 * Another entity than the claim's own means another subject ('other'); one of the claim's other
 * entities in the owner's place means roles swapped ("the Indo-Pacific region's total exports").
 */
function ownerConflict(
  view: SentenceView,
  claim: number,
  groups: Map<number, PhraseMatch<unknown>[]>,
  property: PhraseMatch<unknown>[],
): 'ok' | 'other' | { mention: EntityMention; expected: string } {
  const kb = view.kb;
  const c = kb.claims[claim];
  if (c.subject < 0 || property.length === 0) return 'ok';
  const subjectIds = kb.claimAnchors[claim].groups[c.subject].ids;
  if (subjectIds.size === 0) return 'ok';
  for (const p of property) {
    const owner = ownerOf(view, p);
    if (!owner?.id || !ownerKinds.has(owner.kind)) continue;
    // "the Northlandic date" of an event dated per zone: the place names the zone, not an owner.
    if (c.value.kind === 'date' && c.value.date.zone !== undefined && offsetOf(view, owner.id) !== undefined) continue;
    if ([...subjectIds].some((id) => sameEntity(kb, id, owner.id))) return 'ok';
    const otherGroups = [...groups.keys()].filter((g) => g !== c.subject && g !== kb.claimAnchors[claim].propertyGroup);
    if (otherGroups.some((g) => [...kb.claimAnchors[claim].groups[g].ids].some((id) => sameEntity(kb, id, owner.id)))) {
      // Roles swapped only when the sentence says whose it is outright ("the region's exports"), and
      // only where roles have a direction: a date is no one's ("Pacific Forum's listing" of the session).
      if (datedClaim(c)) return 'ok';
      return owner.possessive || view.words[p.last] === 'of' ? { mention: owner, expected: [...subjectIds][0] } : 'ok';
    }
    return 'other';
  }
  return 'ok';
}

function datedClaim(c: Claim): boolean {
  return c.value.kind === 'date' || c.value.kind === 'year' || c.value.kind === 'period';
}

/**
 * The owner written with a property: possessive before it ("Korea's exports", "Korea's total
 * exports"), or "of X" after it.
 */
function ownerOf(view: SentenceView, p: PhraseMatch<unknown>): EntityMention | undefined {
  const { entities, words } = view;
  // "X's [adjective] property": up to two words between.
  // A demonym right before it owns it too ("Japanese exports"); any other name right before it is a modifier.
  const isDemonym = (e: EntityMention): boolean =>
    e.term?.demonyms?.some((d) => d.toLowerCase() === view.text.slice(e.start, e.end).toLowerCase()) ?? false;
  const before = entities
    .filter((e) => e.last <= p.first && e.last >= p.first - 3 && (e.possessive || (e.last === p.first && isDemonym(e))))
    .pop();
  if (before) {
    const between = words.slice(before.last, p.first);
    // "Seoul's Indo-Pacific Strategy, unveiled …": another name in between owns nothing of it.
    const interrupted =
      entities.some((e) => e.first >= before.last && e.last <= p.first) ||
      /[,;:(]/.test(view.text.slice(view.tokens[before.last - 1].end, p.start));
    if (
      !interrupted &&
      between.every((w) => !lexicon.prepositions.has(w) && !lexicon.conjunctions.has(w) && !lexicon.auxiliaries.has(w))
    ) {
      return before;
    }
  }
  if (words[p.last] === 'of') {
    let k = p.last + 1;
    if (words[k] === 'the') k++;
    const after = entities.find((e) => e.first === k);
    // "the announcement of Seoul's Indo-Pacific Strategy": the owner is what Seoul owns.
    if (after?.possessive) return entities.find((e) => e.first >= after.last && e.first <= after.last + 1) ?? undefined;
    if (after) return after;
  }
  return undefined;
}
