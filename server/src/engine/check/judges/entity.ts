// Who or what fills a slot of the claim: the agent ("the US issued the executive order"), a place
// ("the consulate in Honolulu"), a document or country written with a thing ("China's National
// Intelligence Law"). Another entity of a compatible kind in the slot contradicts; the claim's own
// agrees. Names the knowledge base does not know count when they stand in the slot.
import { lexicon } from '../../lexicon';
import { agentOf, receives } from '../../reader/agents';
import { type EntityMention, isBody, liesWithin, sameEntity } from '../../reader/entities';
import { negationsOver } from '../../reader/polarity';
import { namesAuthorOf } from '../../reader/surnames';
import { type SentenceView } from '../../reader/sentence';
import { type Candidate } from '../candidates';
import { type PhraseMatch } from '../../text/phraseMatcher';
import { isDigit, type Token, tokenize } from '../../text/tokens';
import { membersIn, mentionIs } from '../members';
import { type Verdict, verdictOn } from '../verdict';

const kindClass: Record<string, string> = {
  country: 'actor',
  place: 'place',
  organisation: 'actor',
  group: 'actor',
  person: 'person',
  acronym: 'actor',
  programme: 'actor',
  event: 'event',
  document: 'document',
  concept: 'concept',
  technology: 'concept',
  name: 'any',
};

function classOf(view: SentenceView, m: EntityMention): string {
  if (m.kind === 'acronym' && m.term) return isBody(m.term) ? 'actor' : 'concept';
  // An unknown name headed by a kind of document or event ("Cybersecurity Law") is one of those.
  if (m.kind === 'name' && m.id === undefined && lexicon.instanceNounStems.has(view.tokens[m.last - 1]?.norm ?? '')) {
    return 'instance';
  }
  return kindClass[m.kind] ?? 'any';
}

/** Classes a name the knowledge base does not know must say it is of by its head word (events are
 * often named without one: "CyCon"). */
const namedByHead = new Set(['document']);

function compatible(view: SentenceView, m: EntityMention, valueKind: string, slot: string): boolean {
  if (m.weak) return false;
  // "issued by Seoul", "Seoul issued": a capital said to act acts for its country's government; not
  // one a preposition other than "by" governs ("hosted in Seoul"), nor one naming what follows ("the
  // London Conference").
  const before = view.words[m.first - 1] ?? '';
  const namesNext = view.entityAt(m.last) !== undefined || /^\p{Lu}/u.test(view.tokens[m.last]?.raw ?? '');
  const capital =
    slot === 'agent' &&
    m.kind === 'place' &&
    m.term?.capitalOf &&
    (before === 'by' || (!lexicon.prepositions.has(before) && !namesNext));
  const a = capital ? 'actor' : classOf(view, m);
  const b = kindClass[valueKind] ?? 'any';
  if (a === 'instance') return ['document', 'event'].includes(b) || (slot === 'agent' && b !== 'place');
  // "Main Tyre compels …": an unknown name with no such head is no document.
  if (a === 'any' && m.kind === 'name' && m.id === undefined && namedByHead.has(b)) return false;
  if (a === 'any' || a === b) return true;
  // An agent can be any body that acts: an organisation, a country, an event, a document.
  if (slot === 'agent') {
    return ['actor', 'event', 'document', 'person'].includes(a) && ['actor', 'event', 'document', 'person'].includes(b);
  }
  return false;
}

export function judgeEntity(view: SentenceView, c: Candidate): Verdict | undefined {
  if (c.claim.value.kind !== 'entity') return undefined;
  const { value, kind, slot = 'any' } = c.claim.value.entity;
  const claim = c.claim;
  const own = [...c.groups.entries()]
    .filter(([g]) => g !== view.kb.claimAnchors[c.index].propertyGroup)
    .flatMap(([, ms]) => ms);
  // "the Munich Security Conference": an anchor that is only the last word of an unknown name
  // ("conference") does not make the name the claim's own.
  const isOwn = (m: EntityMention): boolean =>
    own.some((a) => a.start < m.end && m.start < a.end && !(m.id === undefined && a.start > m.start));
  // "those of all participants, not only the speakers": a name after "not only" is part of the
  // answer, not the answer; it neither agrees nor is wrong.
  const positive = (m: { first: number }): boolean =>
    negationsOver(view.negations, m.first).length % 2 === 0 && !afterNotOnly(view, m.first);
  // "Canada and Chile", a report's phrase of two names: a sentence that writes one of them and not
  // the other ("Canada and Mexico") is neither its agreement nor surely wrong.
  if (!view.kb.termById.has(value) && partOfCoordinationMissing(view, value)) return undefined;
  const valueMatches = membersIn(view, [[value]]);
  // A group of people ("the speakers") is said of a person too: one of them, or someone else.
  const members = view.kb.termById.get(value)?.members ?? [];
  const ofPeople = members.some((id) => view.kb.termById.get(id)?.kind === 'person');
  const fits = (m: EntityMention): boolean =>
    compatible(view, m, kind, slot) || (ofPeople && compatible(view, m, 'person', slot));
  let contradiction: Verdict | undefined;
  // What is written at `at` in the value's place, named in the message with the value in its stead.
  const notTheValue = (at: { start: number; end: number }): Verdict => {
    const name = view.kb.nameOf(value);
    const written = view.raw.slice(at.start, at.end);
    return verdictOn('contradicts', c, at, { kind: 'entity', sourced: name, written, replacement: name });
  };
  // Each place the property is written is judged; one that agrees is enough (a false alarm costs more).
  for (const p of c.property) {
    const stretch = view.stretchAt(p.first);
    const inStretch = (m: { first: number; last: number }): boolean =>
      m.first >= stretch.first && m.last <= stretch.last;
    // The claim's entity written in the stretch: what is written with it must be its own
    // ("Russia's National Intelligence Law", "the 2018 National Cybersecurity Strategy").
    // "Partner: X's Center for …": a label holding the property names the role, its value the entity.
    const labelled = view.clauses[0]?.kind === 'label' && p.first < view.clauses[0].last ? view.clauses[1] : undefined;
    const inLabelled = (m: { first: number; last: number }): boolean =>
      labelled !== undefined && m.first >= labelled.first && m.last <= labelled.last;
    const mentions = view.entities.filter(
      (m) => m.id !== undefined && mentionIs(view, m, value) && (inStretch(m) || inLabelled(m)),
    );
    const wrongAttribute = mentions.map((m) => attributeConflict(view, m, value)).find((x) => x !== undefined);
    if (wrongAttribute) {
      contradiction ??= { ...wrongAttribute, claim, coverage: c.coverage };
      continue;
    }
    // "Pacific Forum's own views", "the views of X", "those of X": whose the property is.
    if (slot === 'owner') {
      const owners = ownersOf(view, p, stretch);
      const right = owners.find((m) => mentionIs(view, m, value) && positive(m));
      if (right) return verdictOn('agrees', c, right, { kind: 'agrees' });
      // "Seoul's views on Open RAN": a country's views are what the sentence is about, not whose it is.
      const wrong = owners.find(
        (m) =>
          positive(m) &&
          fits(m) &&
          !isPlace(m) &&
          !holds(view, m, value) &&
          !members.some((id) => sameEntity(view.kb, id, m.id)) &&
          (m.id !== undefined || m.kind === 'name'),
      );
      if (wrong) contradiction ??= notTheValue(wrong);
      continue;
    }
    // "ESIWA is the EU's": where the property is the entity itself, only what is written with it
    // (its owner, country or year) is checked; naming it agrees with nothing.
    if (valueMatches.some((m) => m.start <= p.start && p.end <= m.end)) continue;
    // The entity written in the property itself ("the US executive order") or anywhere in the
    // stretch when the slot is not the agent's ("the consulate general in Honolulu").
    // "in partnership with X": a property ending in a preposition takes the name right after it.
    const object = slot === 'agent' ? undefined : objectAfter(view, p);
    // A report's "tabled by Singapore": only the name the preposition takes is in its place.
    if (slot === 'object' && !object) {
      // "seized by Dutch police", the report: the German Federal Criminal Police: a body of another country.
      const national = nationalBody(view, p);
      const country = national ? countryOfValue(view, value) : undefined;
      if (national && country && positive(national.mention) && !sameEntity(view.kb, country, national.mention.id)) {
        contradiction ??= notTheValue(national);
      }
      continue;
    }
    // "partners with weak states": a property that ends in a preposition and takes no name here says nothing of one.
    if (!object && slot !== 'agent' && endsInPreposition(view, p)) continue;
    const written = valueMatches.filter(
      (m) =>
        positive(m) &&
        (slot === 'agent'
          ? (m.start >= p.start && m.end <= p.end) ||
            (m.last === p.first && view.words[m.first] !== 'by' && !receives(view, m))
          : object
            ? object.first <= m.first && m.last <= object.last
            : inStretch(m) || inLabelled(m)),
    );
    // "The US has refrained from executive action": the right agent, but the action denied.
    const denied = slot === 'agent' ? deniedAction(view, p) : undefined;
    if (written.length > 0) {
      if (denied) return verdictOn('contradicts', c, denied, { kind: 'stance', written: denied.written });
      return {
        kind: 'agrees',
        claim,
        start: written[0].start,
        end: written[0].end,
        coverage: c.coverage,
        detail: { kind: 'agrees' },
      };
    }
    if (c.property.some((q) => mentions.some((m) => m.start <= q.start && q.end <= m.end))) continue;
    let fillers: EntityMention[] = [];
    // The subject doing what the claim says someone else does is wrong even when the claim names it
    // for contrast ("governments prioritise user experience", the source: companies do).
    let subjects: EntityMention[] = [];
    // "Host: X": a label holding the property names the role, and what follows it who holds it.
    const label = view.clauses[0]?.kind === 'label' && p.first < view.clauses[0].last ? view.clauses[1] : undefined;
    if (object) {
      fillers = [object];
      subjects = fillers;
    } else if (slot === 'agent' && label) {
      // "Vendors favoured by advanced economies: Samsung, …": a passive agent in the label is who does it.
      const passive = agentOf(view, p.first, p.last);
      fillers =
        passive?.how === 'passive'
          ? passive.group
          : view.entities.filter((e) => e.first >= label.first && e.last <= label.last && !e.weak).slice(0, 1);
      subjects = fillers;
    } else if (slot === 'agent' && attributive(view, p)) {
      fillers = [];
    } else if (slot === 'agent') {
      const agent = agentOf(view, p.first, p.last);
      if (agent) fillers = agent.group.filter((m) => !(m.start <= p.start && p.end <= m.end));
      // "It is regulators who chase user experience": a cleft's focus is said to do it, as a subject
      // is, also after the word opening a subordinate clause ("while companies lean toward …").
      const clause = view.clauseAt(p.first);
      const opening = clause.first + (clause.kind === 'subordinate' ? 1 : 0);
      const said =
        agent &&
        ((agent.how === 'subject' && agent.mention.first === opening) ||
          agent.how === 'cleft' ||
          agent.how === 'antecedent');
      if (said) subjects = fillers;
    } else {
      fillers = view.entities.filter(
        (e) => inStretch(e) && !(e.start <= p.start && p.end <= e.end) && view.clauseAt(e.first).kind !== 'reporting',
      );
      // The value right after a label that holds the property, unless the label names one.
      if (label && !fillers.some((e) => e.last <= view.clauses[0].last && fits(e))) {
        // "Partners: work with …, said the Westmark envoy": only a name opening the value holds the role.
        const opening = lexicon.determiners.has(view.words[label.first]) ? label.first + 1 : label.first;
        fillers = view.entities.filter((e) => e.first === opening && e.last <= label.last).slice(0, 1);
      }
    }
    const right = fillers.find((m) => mentionIs(view, m, value) && positive(m));
    if (right) {
      if (denied) return verdictOn('contradicts', c, denied, { kind: 'stance', written: denied.written });
      return verdictOn('agrees', c, right, { kind: 'agrees' });
    }
    const wrong = fillers.find(
      (m) =>
        (!isOwn(m) || subjects.includes(m)) &&
        positive(m) &&
        fits(m) &&
        !mentionIs(view, m, value) &&
        !holds(view, m, value) &&
        !members.some((id) => sameEntity(view.kb, id, m.id)) &&
        (m.id !== undefined || m.kind === 'name') &&
        // "Kim named Eastoria as the route …" of Kim's own paper: its author reports, she is not the agent.
        !(slot === 'agent' && namesAuthorOf(view.kb, view.raw.slice(m.start, m.end), claim.source)),
    );
    // "X hosted a webinar on …": someone else's event, introduced as a new one, is another event.
    const newEvent = view.words
      .slice(p.last, p.last + 3)
      .some(
        (w, i) =>
          lexicon.indefiniteArticles.has(w) && lexicon.instanceNounStems.has(view.tokens[p.last + i + 1]?.norm ?? ''),
      );
    // "Finland, like Estonia, has adopted …": the claim's own agent written too, someone else as well.
    const ownAgentToo = slot === 'agent' && claim.extracted === true && valueMatches.some((m) => positive(m));
    if (wrong && !newEvent && !ownAgentToo) {
      const writtenWrong = view.raw.slice(wrong.start, wrong.end);
      const name = view.kb.nameOf(value);
      contradiction ??= {
        kind: 'contradicts',
        claim,
        start: wrong.start,
        end: wrong.end,
        coverage: c.coverage,
        detail: {
          kind: 'entity',
          sourced: name,
          written: writtenWrong,
          replacement: slot === 'agent' ? undefined : name,
        },
      };
    }
    if (object && !wrong && positive(object)) contradiction ??= ownedPlacedElsewhere(view, c, object);
  }
  return contradiction ?? placedElsewhere(view, c, own);
}

/**
 * "with support from South Korea's embassy in Washington", the source: its consulate in Honolulu. The
 * value's own country written as owner of a body placed somewhere the value is not names another body.
 */
function ownedPlacedElsewhere(view: SentenceView, c: Candidate, owner: EntityMention): Verdict | undefined {
  if (c.claim.value.kind !== 'entity') return undefined;
  const term = view.kb.termById.get(c.claim.value.entity.value);
  const home = term?.within;
  if (!term || !home || !holds(view, owner, c.claim.value.entity.value)) return undefined;
  // The owned body's words, lower-case: "embassy", "trade office" (the first one follows the "'s").
  const owned = (j: number): boolean =>
    !view.entityAt(j) && (isCommonNoun(view, j) || (j === owner.last && isCommonNoun(view, j, true)));
  let k = owner.last;
  while (k < owner.last + 3 && owned(k)) k++;
  if (k === owner.last || !lexicon.placePrepositions.has(view.words[k])) return undefined;
  const at = lexicon.determiners.has(view.words[k + 1] ?? '') ? k + 2 : k + 1;
  const place = view.entities.find((e) => e.first === at && e.id !== undefined && isPlace(e));
  // "its consulate in Hawaii": a place the value lies in, or one lying in the value's, is its own.
  if (!place || liesWithin(view.kb, place.id!, home) || liesWithin(view.kb, home, place.id!)) return undefined;
  const start = view.tokens[owner.last].start;
  return {
    kind: 'contradicts',
    claim: c.claim,
    start,
    end: place.end,
    coverage: c.coverage,
    detail: { kind: 'entity', sourced: term.term, written: view.raw.slice(start, place.end) },
  };
}

/** "the preferred 5G builders": a participle written as an adjective after a determiner has no subject. */
function attributive(view: SentenceView, p: { first: number; last: number }): boolean {
  const participle = p.last - p.first === 1 && view.words[p.first].endsWith('ed');
  return participle && lexicon.determiners.has(view.words[p.first - 1] ?? '');
}

/** The negation and property words when the property is negated ("refrained from executive action"). */
function deniedAction(
  view: SentenceView,
  p: { first: number; last: number },
): { start: number; end: number; written: string } | undefined {
  const over = negationsOver(view.negations, p.first);
  if (over.length % 2 === 0 || over[0].contrast || over[0].doubt) return undefined;
  const start = view.tokens[Math.min(over[0].cueFirst, p.first)].start;
  const end = view.tokens[p.last - 1].end;
  return { start, end, written: view.raw.slice(start, end) };
}

/**
 * "participation in the cyber security conference held in Tallinn", the source: the Prague one.
 * The claim's own word for its thing ("conference"), placed in a country the thing is not in,
 * names another one of its kind.
 */
function placedElsewhere(view: SentenceView, c: Candidate, own: PhraseMatch<unknown>[]): Verdict | undefined {
  if (c.claim.value.kind !== 'entity') return undefined;
  const term = view.kb.termById.get(c.claim.value.entity.value);
  const home = term?.country ?? term?.within;
  if (!term || !home) return undefined;
  for (const noun of own) {
    if (view.terms.some((t) => t.start <= noun.start && noun.end <= t.end)) continue;
    for (let k = noun.last; k < Math.min(view.tokens.length, noun.last + 3); k++) {
      if (!lexicon.placePrepositions.has(view.words[k])) continue;
      const at = lexicon.determiners.has(view.words[k + 1] ?? '') ? k + 2 : k + 1;
      const place = view.entities.find((e) => e.first === at && e.id !== undefined && isPlace(e));
      if (!place || inCountry(view, place.id!, home)) break;
      return {
        kind: 'contradicts',
        claim: c.claim,
        start: noun.start,
        end: place.end,
        coverage: c.coverage,
        detail: { kind: 'entity', sourced: term.term, written: view.raw.slice(noun.start, place.end) },
      };
    }
  }
  return undefined;
}

/** Words an owner's possessive may stand before its property: "Pacific Forum's own institutional views". */
const ownerReach = 3;

/**
 * Whose the property at `p` is: a possessive name right before it ("the Forum's institutional
 * position"), the name after "of" right after it ("the views of the speakers"), or after "those of",
 * "belong to" or before "own" further in its stretch ("The views are those of the speakers", "… the
 * speakers' own").
 */
function ownersOf(
  view: SentenceView,
  p: { first: number; last: number },
  stretch: { first: number; last: number },
): EntityMention[] {
  const owners: EntityMention[] = [];
  const before = view.entities.find(
    (e) =>
      e.possessive &&
      e.last <= p.first &&
      p.first - e.last <= ownerReach &&
      view.tokens.slice(e.last, p.first).every((t, k) => k === 0 || (t.raw === t.lower && !view.entityAt(e.last + k))),
  );
  if (before) owners.push(before);
  // "of the speakers": a name may take its article in; "of the moderator, Carl Dunne": a description
  // may come first, the name in apposition after its comma.
  const nameAt = (k: number): EntityMention | undefined => {
    const at = (j: number): EntityMention | undefined => view.entities.find((e) => !e.weak && e.first === j);
    const direct = at(k) ?? (lexicon.determiners.has(view.words[k] ?? '') ? at(k + 1) : undefined);
    if (direct) return direct;
    for (let j = k + 1; j < Math.min(stretch.last, k + ownerReach + 1); j++) {
      if (view.entityAt(j - 1) || view.tokens[j - 1].raw !== view.tokens[j - 1].lower) return undefined;
      if (view.gapBefore(j).includes(',')) return at(j);
    }
    return undefined;
  };
  if (view.words[p.last] === 'of') {
    const after = nameAt(p.last + 1);
    if (after) owners.push(after);
  }
  // "X is the source of the views": the clause's subject, where a noun of origin governs the property.
  let k = p.first - 1;
  while (k > stretch.first && lexicon.determiners.has(view.words[k])) k--;
  if (view.words[k] === 'of' && lexicon.originNouns.has(view.words[k - 1] ?? '')) {
    const subject = view.entities.find((e) => e.first >= stretch.first && e.last < k && !e.weak && !e.possessive);
    if (subject) owners.push(subject);
  }
  // "… are the speakers' own".
  const own = view.entities.find(
    (e) => e.possessive && e.first >= p.last && e.last < stretch.last && view.words[e.last] === 'own',
  );
  if (own) owners.push(own);
  for (let k = p.last; k + 2 < stretch.last; k++) {
    const pair = `${view.words[k]} ${view.words[k + 1]}`;
    if (pair !== 'those of' && pair !== 'belong to') continue;
    const after = nameAt(k + 2);
    if (after) owners.push(after);
  }
  return owners;
}

function isPlace(e: EntityMention): boolean {
  return e.kind === 'place' || e.kind === 'country';
}

/** Whether a place is the country or lies in it (through what it is within or the capital of). */
function inCountry(view: SentenceView, placeId: string, country: string): boolean {
  let id: string | undefined = placeId;
  for (let depth = 0; id && depth < 5; depth++) {
    if (sameEntity(view.kb, id, country)) return true;
    const t = view.kb.termById.get(id);
    id = t?.within ?? t?.capitalOf;
  }
  return false;
}

function endsInPreposition(view: SentenceView, p: { last: number }): boolean {
  return lexicon.prepositions.has(view.words[p.last - 1] ?? '');
}

/** The name right after a property that ends in a preposition ("in partnership with the Forum"). */
function objectAfter(view: SentenceView, p: { first: number; last: number }): EntityMention | undefined {
  if (!endsInPreposition(view, p)) return undefined;
  const at = lexicon.determiners.has(view.words[p.last] ?? '') ? p.last + 1 : p.last;
  const first = view.entities.find((e) => e.first === at && !e.weak);
  // "with NMI's Naval Studies Desk": what the owner owns.
  if (first?.possessive) {
    const owned = view.entities.find((e) => e.first === first.last && !e.weak);
    // "with GWU's Korea center": a place naming what the owner's unit is about is not the object.
    const modifier = owned && ['place', 'country'].includes(owned.kind) && isCommonNoun(view, owned.last);
    return modifier ? first : (owned ?? first);
  }
  return first && headAfter(view, first);
}

/** Common nouns a country's body may be written as after its demonym: "Dutch police", "the Dutch tax agency". */
const maxBodyNouns = 3;

/**
 * The country that opens the phrase a property ending in a preposition takes, when only common nouns
 * follow it ("by Dutch police", "by the Dutch financial crime agency"): that country's body.
 */
function nationalBody(
  view: SentenceView,
  p: { first: number; last: number },
): { mention: EntityMention; start: number; end: number } | undefined {
  if (!endsInPreposition(view, p)) return undefined;
  const at = lexicon.determiners.has(view.words[p.last] ?? '') ? p.last + 1 : p.last;
  const first = view.entities.find((e) => e.first === at && !e.weak && !e.possessive && e.id !== undefined);
  if (!first || !isPlace(first)) return undefined;
  let k = first.last;
  while (k < view.tokens.length && k - first.last < maxBodyNouns && isCommonNoun(view, k)) k++;
  if (k === first.last) return undefined;
  // The phrase ends there: at punctuation or the sentence's end.
  const ends = k >= view.tokens.length || /[,.;:)]/.test(view.gapBefore(k));
  return ends ? { mention: first, start: first.start, end: view.tokens[k - 1].end } : undefined;
}

/** The country a value names: a known term's own, or a country or demonym written in a report's name. */
function countryOfValue(view: SentenceView, value: string): string | undefined {
  const term = view.kb.termById.get(value);
  if (term) return term.country;
  const tokens = tokenize(value);
  const place = view.kb.termMatcher
    .matchLongest(tokens)
    .map((m) => m.value)
    .find((t) => t.kind === 'country');
  return place?.id;
}

/** A lower-case word that is not a function word: "center" in "Korea center". */
function isCommonNoun(view: SentenceView, k: number, afterPossessive = false): boolean {
  const t = view.tokens[k];
  const initial = t?.raw.charAt(0) ?? '';
  if (!t || (!afterPossessive && view.gapBefore(k) !== ' ') || initial === initial.toUpperCase()) return false;
  return !lexicon.stopWords.has(t.lower) && !lexicon.prepositions.has(t.lower);
}

/** Words of a description between a name and the name it describes: "the US telecommunications firm Motorola". */
const maxDescription = 3;

/** "to the US telecommunications firm Motorola": the name a description after the first leads to, if any. */
function headAfter(view: SentenceView, first: EntityMention): EntityMention | undefined {
  let k = first.last;
  while (k < view.tokens.length && k - first.last < maxDescription && view.gapBefore(k) === ' ') {
    const w = view.words[k];
    const digit = isDigit(view.tokens[k].raw.charAt(0));
    if (view.entityAt(k) || digit || lexicon.stopWords.has(w) || lexicon.prepositions.has(w)) break;
    k++;
  }
  // "to a US firm": a name that only describes is no object.
  if (k === first.last) return first;
  return view.entities.find((e) => e.first === k && !e.weak && view.gapBefore(k) === ' ');
}

/**
 * What the value belongs to or lies in, named instead of it: "Korea" for the Yoon government, less
 * exact but not wrong.
 */
function holds(view: SentenceView, m: EntityMention, value: string): boolean {
  const term = view.kb.termById.get(value);
  if (!m.id || !term) return false;
  return [term.country, term.within].some((x) => sameEntity(view.kb, x, m.id));
}

/** A country or year written with an entity that is not its own: "Russia's" law, the "2018" strategy. */
export function attributeConflict(
  view: SentenceView,
  m: EntityMention,
  value: string,
): Omit<Verdict, 'claim' | 'coverage'> | undefined {
  const term = view.kb.termById.get(value);
  if (!term) return undefined;
  if (
    term.country &&
    m.countries.length > 0 &&
    !m.countries.some((x) => sameEntity(view.kb, x, term.country)) &&
    m.countrySpan
  ) {
    const span = m.countrySpan;
    return {
      kind: 'contradicts',
      start: span.start,
      end: span.end,
      detail: { kind: 'entity', sourced: view.kb.nameOf(term.country), written: view.raw.slice(span.start, span.end) },
    };
  }
  if (term.year && m.year !== undefined && m.year !== term.year && m.yearSpan) {
    const span = m.yearSpan;
    return {
      kind: 'contradicts',
      start: span.start,
      end: span.end,
      detail: {
        kind: 'date',
        sourced: { year: term.year },
        written: view.raw.slice(span.start, span.end),
        replacement: String(term.year),
      },
    };
  }
  const owner = ownerOf(view, m);
  if (term.within && owner && !(owner.id !== undefined && sameEntity(view.kb, owner.id, term.within))) {
    const parent = view.kb.termById.get(term.within);
    // Only a name that can own a body: another known body, or an unknown name of several words
    // ("George Washington University's Center …"); a place may just say where it is.
    const known =
      owner.id !== undefined &&
      ['organisation', 'group', 'programme'].includes(owner.kind) &&
      !(parent?.within && sameEntity(view.kb, owner.id, parent.within));
    if (parent && (known || (owner.id === undefined && owner.words > 1))) {
      return {
        kind: 'contradicts',
        start: owner.start,
        end: owner.end,
        detail: { kind: 'entity', sourced: parent.term, written: view.raw.slice(owner.start, owner.end) },
      };
    }
  }
  return undefined;
}

/**
 * The name written as owner right before a mention ("X's Center for …"), as one run of capitalised
 * words: "George Washington University's" is one owner even where "Washington" alone is a place.
 */
function ownerOf(
  view: SentenceView,
  m: EntityMention,
): { id?: string; kind: string; start: number; end: number; words: number } | undefined {
  // "Georgetown University's Korea Center for …": a place between owner and unit says what the unit is about.
  const about = view.entities.find(
    (e) => !e.possessive && e.last === m.first && ['place', 'country'].includes(e.kind) && e.last - e.first === 1,
  );
  const ownedAt = about ? about.first : m.first;
  const last = view.entities.find((e) => e.possessive && e.last === ownedAt && !e.weak);
  if (!last) return appendedOwner(view, m);
  let first = last.first;
  // The run goes on across an abbreviation's full stop: "George Washington Univ. Korea's".
  const joins = (k: number): boolean =>
    view.gapBefore(k) === ' ' || (view.gapBefore(k) === '. ' && lexicon.abbreviations.has(view.words[k - 1]));
  // A capitalised determiner opening the sentence ("The Harbour Guild's") is not part of the name.
  const inName = (k: number): boolean => /^\p{Lu}/u.test(view.tokens[k].raw) && !lexicon.determiners.has(view.words[k]);
  while (first > 0 && inName(first - 1) && joins(first)) first--;
  const whole = view.entities.find((e) => e.first === first && e.last === last.last);
  const end = last.end - (/['’]s?$/.exec(view.raw.slice(last.start, last.end))?.[0].length ?? 0);
  const start = view.tokens[first].start;
  return { id: whole?.id, kind: whole?.kind ?? 'name', start, end, words: last.last - first };
}

/**
 * "Center for Security Policy Studies, George Washington University": a known body written right after
 * a unit and a comma, closing its clause, is the unit's owner.
 */
function appendedOwner(
  view: SentenceView,
  m: EntityMention,
): { id?: string; kind: string; start: number; end: number; words: number } | undefined {
  if (view.gapBefore(m.last).trim() !== ',') return undefined;
  const next = view.entities.find((e) => e.first === m.last && !e.weak && !e.possessive);
  if (!next || next.last !== view.clauseAt(m.first).last || view.clauseAt(next.first) !== view.clauseAt(m.first)) {
    return undefined;
  }
  if (next.id === undefined && !lexicon.bodyHeadStems.has(view.tokens[next.last - 1].norm)) return undefined;
  return { id: next.id, kind: next.kind, start: next.start, end: next.end, words: next.last - next.first };
}

/** Whether the name at token `at` follows "not only", "not just" or "not merely" (with an article). */
function afterNotOnly(view: SentenceView, at: number): boolean {
  const { words } = view;
  // "not merely those of the speakers": past the determiners and prepositions before the name.
  let k = at;
  while (k > 0 && at - k < 3 && (lexicon.determiners.has(words[k - 1]) || lexicon.prepositions.has(words[k - 1]))) k--;
  return words[k - 2] === 'not' && lexicon.exclusives.has(words[k - 1]);
}

/** Whether a phrase of names joined by "and" or "&" has a part none of whose words the sentence writes. */
function partOfCoordinationMissing(view: SentenceView, phrase: string): boolean {
  const parts = coordinatedParts(phrase);
  if (parts.length < 2) return false;
  const written = new Set(view.tokens.map((t) => t.norm));
  return parts.some((part) => !part.some((t) => written.has(t.norm) && !lexicon.stopWords.has(t.lower)));
}

/** A phrase's parts between "and" or "&", read once per phrase: claims' values repeat on every check. */
const partsByPhrase = new Map<string, Token[][]>();
function coordinatedParts(phrase: string): Token[][] {
  let parts = partsByPhrase.get(phrase);
  if (parts) return parts;
  parts = [[]];
  for (const t of tokenize(phrase)) {
    if (t.lower === 'and' || t.raw === '&') parts.push([]);
    else parts[parts.length - 1].push(t);
  }
  partsByPhrase.set(phrase, parts);
  return parts;
}
