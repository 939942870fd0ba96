// Sets: a list the source gives ("Samsung, Ericsson and Nokia"; "such as COVID-19 and climate
// change") or who does something ("the US and South Korea imposed sanctions"; the moderator).
// A list that names some of the members and puts something else in place of one contradicts (a
// closed list also when it adds one); a member excluded ("ZTE, though not Huawei"), or the set cut
// down with "only", contradicts; members alone agree.
import { agentFrom, agentOf, listRun, listSegments } from '../../reader/agents';
import { type EntityMention, isBody } from '../../reader/entities';
import { negationsOver } from '../../reader/polarity';
import { type SentenceView } from '../../reader/sentence';
import { lexicon, phraseBefore } from '../../lexicon';
import { stem, tokenize } from '../../text/tokens';
import { type PhraseMatch } from '../../text/phraseMatcher';
import { type Candidate } from '../candidates';
import { abbreviates, distinctiveStems, membersIn, mentionIs } from '../members';
import { type Verdict, verdictOn } from '../verdict';

export function judgeSet(view: SentenceView, c: Candidate): Verdict | undefined {
  if (c.claim.value.kind !== 'set') return undefined;
  return c.claim.value.set.slot === 'agent' ? judgeAgents(view, c) : judgeList(view, c);
}

function names(view: SentenceView, members: readonly (readonly string[])[]): string[] {
  return members.map((alternatives) => view.kb.nameOf(alternatives[0]));
}

function judgeAgents(view: SentenceView, c: Candidate): Verdict | undefined {
  if (c.claim.value.kind !== 'set') return undefined;
  const { members, closed } = c.claim.value.set;
  const claim = c.claim;
  const memberOf = (m: EntityMention): number => members.findIndex((alts) => alts.some((a) => mentionIs(view, m, a)));
  // Who can stand in for a member: names of the members' kind ("Cisco" for a company, not for a country).
  const memberKinds = new Set(
    members.flatMap((alts) => alts.map((a) => view.kb.termById.get(a)?.kind).filter(Boolean)),
  );
  const namesCount = memberKinds.size === 0 || memberKinds.has('person') || memberKinds.has('organisation');
  // Acronyms stand for bodies or for concepts: a concept is no member of a list of bodies.
  const memberBodies = new Set(
    members.flatMap((alts) =>
      alts
        .map((a) => view.kb.termById.get(a))
        .filter((t) => t?.kind === 'acronym')
        .map((t) => isBody(t!)),
    ),
  );
  const sameSort = (m: EntityMention): boolean =>
    m.kind !== 'acronym' || !m.term || memberBodies.size === 0 || memberBodies.has(isBody(m.term));
  // An unknown name headed by a body's word ("the International Telecommunication Union") can stand
  // in for a member of a list of bodies.
  const namedBody = (m: EntityMention): boolean =>
    memberBodies.has(true) && lexicon.bodyHeadStems.has(view.tokens[m.last - 1].norm);
  // So can an unknown acronym ("the UN GGE and the ITU") written beside a member, in a list of bodies
  // known by their acronyms.
  const unknownAcronym = (m: EntityMention): boolean =>
    memberBodies.has(true) &&
    m.kind === 'name' &&
    m.last - m.first === 1 &&
    view.tokens[m.first].upper &&
    view.tokens[m.first].raw.length >= 2;
  // A union of states with a people of its own ("the EU") acts where countries act: it can stand in for one.
  const polityAmongCountries = (m: EntityMention): boolean =>
    memberKinds.has('country') && m.kind === 'organisation' && (m.term?.demonyms?.length ?? 0) > 0;
  const couldBeMember = (m: EntityMention): boolean =>
    m.kind === 'name'
      ? namesCount || namedBody(m)
      : m.id !== undefined &&
        sameSort(m) &&
        (memberKinds.size === 0 ||
          memberKinds.has(m.kind) ||
          (m.kind === 'group' && memberKinds.has('person')) ||
          (['country', 'place'].includes(m.kind) && (memberKinds.has('country') || memberKinds.has('place'))) ||
          polityAmongCountries(m));
  const anchored = (k: number): boolean =>
    [...c.groups.values()].some((ms) => ms.some((m) => m.first <= k && k < m.last));
  for (const p of c.property) {
    // "Kim also chairs a policy committee": the verb's object, new and not the claim's, is another thing.
    // ("Open RAN, a new architecture": an appositive after a comma is no object.)
    if (
      lexicon.indefiniteArticles.has(view.words[p.last] ?? '') &&
      !view.gapBefore(p.last).includes(',') &&
      ![p.last + 1, p.last + 2, p.last + 3].some(anchored)
    ) {
      continue;
    }
    // "Kim also chairs the cyber committee of …": so is an object headed by a body the claim does not name.
    const body = bodyObjectOf(view, p.last);
    if (body !== undefined && !Array.from({ length: body - p.last + 1 }, (_, k) => p.last + k).some(anchored)) continue;
    // "Kim chaired the 4th and 5th UN GGEs": the verb's object is a known thing the claim does not
    // name, and not of the members' sort (who was invited by whom stays the judge's to read).
    const object = objectOf(view, p.last);
    if (object?.id !== undefined && !anchored(object.first) && !couldBeMember(object) && view.words[p.last] !== 'by') {
      continue;
    }
    // "Moderator: John Park", "Open RAN backers: US only": the label names the part, the rest who holds it.
    const label = view.clauses[0]?.kind === 'label' && p.last <= view.clauses[0].last ? view.clauses[1] : undefined;
    const labelled = label
      ? view.entities.find((e) => e.first >= label.first && e.first < label.last && !e.weak)
      : undefined;
    const agent = labelled ? agentFrom(view, labelled) : agentOf(view, p.first, p.last);
    if (!agent) continue;
    // A plain "not" before the property negates the relation; so does a phrase that negates it as its
    // verb, between the agent and the property ("Huawei and ZTE are exempt from the law").
    const agentEnd = Math.max(...agent.group.map((m) => m.last), agent.mention.last);
    const predicateNegated =
      negationsOver(view.negations, p.first).filter(
        (s) => (s.core || s.cueFirst >= agentEnd) && s.cueFirst < p.first && p.first - s.cueLast <= 4,
      ).length %
        2 ===
      1;
    // "Kim, who advises the Philippine government, moderated": a relative clause's names are not the agent.
    const aside = (m: EntityMention): boolean =>
      view.clauseAt(m.first).kind === 'relative' && view.clauseAt(m.first) !== view.clauseAt(p.first);
    const named = agent.group.filter(
      (m) =>
        negationsOver(view.negations, m.first).length % 2 === 0 && !(m.start <= p.start && p.end <= m.end) && !aside(m),
    );
    const excluded = view.entities.filter(
      (m) =>
        view.clauseAt(m.first) === view.clauseAt(agent.mention.first) &&
        negationsOver(view.negations, m.first).length % 2 === 1 &&
        memberOf(m) >= 0 &&
        !saidOfAPart(view, m.first),
    );
    const matched = new Set(named.map(memberOf).filter((i) => i >= 0));
    // A group of members stands for them; a part of a member ("the OEWG" for the UN) is that member.
    const partOfMember = (m: EntityMention): boolean =>
      m.term?.within !== undefined && members.some((alts) => alts.includes(m.term!.within!));
    const foreign = named.filter(
      (m) =>
        memberOf(m) < 0 &&
        !m.weak &&
        (couldBeMember(m) || (unknownAcronym(m) && matched.size > 0)) &&
        !partOfMember(m) &&
        !(m.term?.members && m.term.members.every((id) => members.some((alts) => alts.includes(id)))),
    );
    const sourced = names(view, members);
    const span = (m: EntityMention): { start: number; end: number } => ({ start: m.start, end: m.end });
    if (excluded.length > 0) {
      const e = excluded[0];
      return {
        kind: 'contradicts',
        claim,
        ...span(e),
        coverage: c.coverage,
        detail: { kind: 'set', sourced, written: view.raw.slice(e.start, e.end), problem: 'excluded' },
      };
    }
    if (matched.size > 0 && predicateNegated) {
      const m = named[0];
      return {
        kind: 'contradicts',
        claim,
        ...span(m),
        coverage: c.coverage,
        detail: { kind: 'set', sourced, written: view.raw.slice(m.start, m.end), problem: 'excluded' },
      };
    }
    if (foreign.length > 0 && !predicateNegated && (closed || matched.size > 0)) {
      const f = foreign[0];
      // "Kim also chairs the subcommittee of …": when the verb has an object of its own and the only
      // name tying the claim to the sentence is the one said to do it, the sentence speaks of another thing.
      const anchors = [...c.groups.values()]
        .flat()
        .filter((g) => !c.property.some((q) => q.first === g.first && q.last === g.last));
      // "moderated the session": a bare instance noun of an event is the claim's own event, not another thing.
      const instance = lexicon.instanceNounStems.has(view.tokens[p.last + 1]?.norm ?? '') && !view.entityAt(p.last + 1);
      const ownObject = !labelled && lexicon.determiners.has(view.words[p.last] ?? '') && !instance;
      if (ownObject && anchors.length > 0 && anchors.every((g) => g.first >= f.first && g.last <= f.last)) continue;
      return {
        kind: 'contradicts',
        claim,
        ...span(f),
        coverage: c.coverage,
        detail: { kind: 'set', sourced, written: view.raw.slice(f.start, f.end), problem: 'foreign' },
      };
    }
    if (agent.exclusive && matched.size > 0 && matched.size < members.length) {
      const m = named[0];
      return {
        kind: 'contradicts',
        claim,
        ...span(m),
        coverage: c.coverage,
        detail: { kind: 'set', sourced, written: view.raw.slice(m.start, m.end), problem: 'only' },
      };
    }
    if (matched.size > 0 && foreign.length === 0 && !predicateNegated) {
      const first = named[0];
      const last = named[named.length - 1];
      return verdictOn('agrees', c, { start: first.start, end: last.end }, { kind: 'agrees' });
    }
  }
  return undefined;
}

/** Words between an additive cue and the member it sets off ("alongside countries in the region"). */
const additiveReach = 4;

/** The number an ordinal member names ("4th", "fourth"), if it is one. */
function ordinalOf(member: string): number | undefined {
  const digits = /^(\d+)(st|nd|rd|th)$/i.exec(member);
  if (digits) return Number(digits[1]);
  const word = lexicon.ordinalWords[member.toLowerCase()];
  return typeof word === 'number' ? word : undefined;
}

/**
 * "advised the 2nd and 3rd rounds" (the source: the 4th and 5th): a closed list of ordinals, written
 * as other ordinals right before the claim's property, is the list with every item otherwise.
 */
function otherOrdinals(view: SentenceView, c: Candidate): Verdict | undefined {
  if (c.claim.value.kind !== 'set') return undefined;
  const members = c.claim.value.set.members.map((alts) => alts.map(ordinalOf).find((n) => n !== undefined));
  if (members.length === 0 || members.some((n) => n === undefined)) return undefined;
  const ordinals = view.values.filter((v) => v.kind === 'ordinal');
  for (const p of c.property) {
    // The last ordinal right before the property, then those coordinated with it.
    let last = ordinals.find(
      (v) => view.tokenIndexAt(v.end) === p.first && /^\s+$/.test(view.raw.slice(v.end, p.start)),
    );
    if (!last) continue;
    const run = [last];
    for (let i = ordinals.indexOf(last) - 1; i >= 0; i--) {
      if (!/^\s*(,|and|or|,\s*and|,\s*or)\s*$/.test(view.raw.slice(ordinals[i].end, last.start))) break;
      last = ordinals[i];
      run.unshift(last);
    }
    if (run.some((v) => members.includes(v.value))) return undefined;
    const start = run[0].start;
    const end = run[run.length - 1].end;
    return {
      kind: 'contradicts',
      claim: c.claim,
      start,
      end,
      coverage: c.coverage,
      detail: {
        kind: 'set',
        sourced: names(view, c.claim.value.set.members),
        written: view.raw.slice(start, end),
        problem: 'foreign',
      },
    };
  }
  return undefined;
}

function judgeList(view: SentenceView, c: Candidate): Verdict | undefined {
  if (c.claim.value.kind !== 'set') return undefined;
  const { members, closed } = c.claim.value.set;
  const claim = c.claim;
  // A report's list member written as words of a longer name ("Cyber" of "National Cyber Security
  // Agency") is not that member: its sentence is about another thing.
  const found = membersIn(view, members).filter((m) => !(claim.extracted && insideLongerName(view, m)));
  const membership = oneOfTheGroup(view, c);
  if (membership) return membership;
  if (found.length === 0) return closed ? otherOrdinals(view, c) : undefined;
  const segments = listSegments(view);
  const memberSegments = segments.items
    .map((it, i) => (found.some((m) => m.first >= it.first && m.last <= it.last) ? i : -1))
    .filter((i) => i >= 0);
  // The list that holds the first member; a second list elsewhere in the sentence is another matter.
  const items = listRun(
    view,
    segments,
    memberSegments.filter((i) => !segments.hardBefore.slice(memberSegments[0] + 1, i + 1).some(Boolean)),
  );
  // "attractive in Latin America and Southeast Asia": a pair whose first name ends the segment
  // before, right after a preposition, is a list of two, when that name is of the members' kind.
  const firstIndex = items.length === 1 ? segments.items.indexOf(items[0]) : -1;
  if (firstIndex > 0 && !segments.hardBefore[firstIndex] && segments.last[firstIndex]) {
    const before = segments.items[firstIndex - 1];
    const kinds = new Set(members.flat().map((id) => view.kb.termById.get(id)?.kind));
    const lead = view.entities.find(
      (e) =>
        e.last === before.last &&
        e.first > before.first &&
        lexicon.prepositions.has(view.words[e.first - 1]) &&
        !e.weak &&
        (e.kind === 'name' || kinds.has(e.kind)) &&
        !found.some((m) => m.first === e.first),
    );
    if (lead) items.unshift({ first: lead.first, last: lead.last });
  }
  // "… makes it attractive in Africa and Latin America": a member ending its segment right after a
  // preposition, then "and" and a name of the members' kind, is a list of two.
  const onlyIndex = items.length === 1 ? segments.items.indexOf(items[0]) : -1;
  const next = onlyIndex >= 0 ? segments.items[onlyIndex + 1] : undefined;
  const ending = onlyIndex >= 0 ? found.find((m) => m.last === items[0].last && m.first > items[0].first) : undefined;
  if (next && ending && !segments.hardBefore[onlyIndex + 1] && segments.last[onlyIndex + 1]) {
    const kinds = new Set(members.flat().map((id) => view.kb.termById.get(id)?.kind));
    const pair = view.entities.find(
      (e) =>
        e.first === next.first &&
        !e.weak &&
        (e.kind === 'name' || kinds.has(e.kind)) &&
        lexicon.prepositions.has(view.words[ending.first - 1]),
    );
    if (pair) items.push({ first: pair.first, last: pair.last });
  }
  // "(US alliance, trilateral talks with Japan, NATO)": a list with the claim's property (not a member
  // standing for it) inside one of its middle items lists other things, one of which holds the claim.
  const insideAMiddleItem = (p: { first: number; last: number }): boolean =>
    items.some((it, i) => i > 0 && i < items.length - 1 && p.first >= it.first && p.last <= it.last) &&
    !found.some((m) => m.first < p.last && p.first < m.last);
  if (c.property.some(insideAMiddleItem)) return undefined;
  const matched = new Set<number>();
  const foreign: { first: number; last: number }[] = [];
  for (const it of items) {
    const hits = found.filter((m) => m.first >= it.first && m.last <= it.last);
    if (hits.length > 0) {
      for (const h of hits) matched.add(h.value);
      continue;
    }
    const stems = distinctiveStems(view, it.first, it.last);
    if (stems.length === 0 || stems.some((s) => lexicon.openListEnderStems.has(s))) continue;
    foreign.push(it);
  }
  // "the 5th and 6th rounds": ordinals coordinated with a member ordinal are items of the list,
  // however long the phrase after the last one runs.
  const ordinalAt = (start: number): boolean => view.values.some((v) => v.kind === 'ordinal' && v.start === start);
  for (const m of found.filter((x) => ordinalAt(x.start))) {
    for (const v of view.values) {
      if (v.kind !== 'ordinal' || found.some((f) => f.start === v.start)) continue;
      const gap = v.start > m.end ? view.raw.slice(m.end, v.start) : view.raw.slice(v.end, m.start);
      if (!/^\s*(,|and|or|,\s*and|,\s*or)\s*$/.test(gap)) continue;
      const first = view.tokenIndexAt(v.start);
      if (!foreign.some((it) => it.first <= first && first < it.last)) {
        foreign.push({ first, last: view.tokenIndexAt(v.end) });
      }
    }
  }
  // "only government", "all from government", "participants, all drawn from government".
  const listStart = items.length > 0 ? items[0].first : -1;
  const firstMember = found.find((m) => items.some((it) => m.first >= it.first && m.last <= it.last))?.first ?? -1;
  // "Of the three speakers, only Park dwelt on …": the fronted whole says whom the rest picks from;
  // "only" restricts what follows, not who the members are.
  const pickedFrom =
    listStart >= 0 &&
    view.words[view.clauseAt(listStart).first] === 'of' &&
    c.property.every(
      (p) =>
        p.last <= listStart && view.text.slice(view.tokens[p.last - 1].end, view.tokens[listStart].start).includes(','),
    );
  const exclusive =
    items.length > 0 &&
    !pickedFrom &&
    (universalSubject(view, c, firstMember) ||
      wholeNamed(view, c, firstMember) ||
      [1, 2].some((d) => lexicon.exclusives.has(view.words[listStart - d]) || view.words[listStart - d] === 'all') ||
      // "consisted entirely of academics", not "not only of academics".
      (firstMember > listStart &&
        [1, 2].some(
          (d) =>
            lexicon.exclusives.has(view.words[firstMember - d]) &&
            !lexicon.negations.has(view.words[firstMember - d - 1] ?? ''),
        )) ||
      [1, 2, 3].some(
        (d) =>
          view.words[firstMember - d] === 'all' &&
          view.words.slice(firstMember - d + 1, firstMember).every((w) => !lexicon.determiners.has(w)),
      ));
  // "makes no provision for ROK–US–Japan talks": one negation over the property and every member
  // the claim lists denies the relation itself.
  const denial = wholeDenied(view, c, found, members.length, foreign.length);
  if (denial) return denial;
  // "discussed only among allies and not at the UN level": a member said not to belong.
  const excluded = found.find((m) =>
    negationsOver(view.negations, m.first).some((s) => s.core && !deniedOfAnother(view, c, found, s)),
  );
  if (excluded && closed && !saidOfAPart(view, excluded.first)) {
    return {
      kind: 'contradicts',
      claim,
      start: excluded.start,
      end: excluded.end,
      coverage: c.coverage,
      detail: {
        kind: 'set',
        sourced: names(view, members),
        written: view.raw.slice(excluded.start, excluded.end),
        problem: 'excluded',
      },
    };
  }
  // Members under a negation that is not a plain "not" are otherwise neither affirmed nor clearly excluded.
  if (found.some((m) => negationsOver(view.negations, m.first).length % 2 === 1)) return undefined;
  // A foreign item that shares a distinctive word with a member not otherwise named is that member, paraphrased.
  const unmatched = members.map((alts, i) => ({ alts, i })).filter((m) => !matched.has(m.i));
  const paraphrases = (it: { first: number; last: number }): boolean => {
    const stems = new Set(distinctiveStems(view, it.first, it.last));
    const written = view.raw.slice(view.tokens[it.first].start, view.tokens[it.last - 1].end);
    return unmatched.some((m) =>
      m.alts.some((a) =>
        view.kb.formsOf(a).some((f) => {
          if (abbreviates(written, f)) return true;
          const words = f.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
          // A person is paraphrased by their surname, not a given name ("Dr John Lee" is not John Park).
          const telling = view.kb.termById.get(a)?.kind === 'person' ? words.slice(-1) : words;
          return telling.some((w) => w.length > 2 && stems.has(stemOf(view, w)));
        }),
      ),
    );
  };
  // An item naming a part of a member ("the Open-Ended Working Group" for the UN) is that member.
  const partOfMember = (it: { first: number; last: number }): boolean =>
    view.entities.some(
      (e) =>
        e.first >= it.first &&
        e.last <= it.last &&
        e.term?.within !== undefined &&
        members.some((alts) => alts.includes(e.term!.within!)),
    );
  // A list of named things (countries, bodies, people) has another name in place of a member, not
  // a phrase of common words ("US-ROK-Japan cooperation, guided by shared values, driven by innovation").
  const namedKinds = ['country', 'place', 'organisation', 'person', 'event', 'document'];
  // A member is a known term by id, or (read from a report) by its name written out.
  const kindOf = (a: string): string => {
    const byId = view.kb.termById.get(a);
    if (byId) return byId.kind;
    const tokens = tokenize(a);
    const whole = view.kb.termMatcher.matchLongest(tokens).find((m) => m.first === 0 && m.last === tokens.length);
    return whole?.value.kind ?? '';
  };
  const ofNames = members.every((alts) => alts.some((a) => namedKinds.includes(kindOf(a))));
  const named = (it: { first: number; last: number }): boolean =>
    view.entities.some((e) => e.first >= it.first && e.last <= it.last && !e.weak) ||
    view.tokens.slice(it.first, it.last).some((t, k) => k + it.first > 0 && /^\p{Lu}/u.test(t.raw));
  // "High earns four or five points, Medium two or three": a figure between members is what each is
  // worth, not another member.
  const figure = (it: { first: number; last: number }): boolean =>
    view.values.some(
      (v) => v.kind === 'number' && it.first <= view.tokenIndexAt(v.start) && view.tokenIndexAt(v.start) < it.last,
    );
  // "Lami Kim, an assistant professor at …, and adjunct fellow at …, joined …": a title after a
  // person (or after another such title) describes that person; it is no item of the list.
  const personBefore = (it: { first: number; last: number }): boolean => {
    const at = items.indexOf(it);
    for (let i = at - 1; i >= 0; i--) {
      const prev = items[i];
      if (view.entities.some((e) => e.last === prev.last && (e.term?.kind === 'person' || e.kind === 'person'))) {
        return true;
      }
      if (!titled(prev)) return false;
    }
    return false;
  };
  const titled = (it: { first: number; last: number }): boolean => {
    let k = it.first;
    while (k < it.last && (lexicon.articles.has(view.words[k]) || lexicon.titleModifiers.has(view.words[k]))) k++;
    return k < it.last && lexicon.titleWords.has(view.words[k]);
  };
  const appositive = (it: { first: number; last: number }): boolean => titled(it) && personBefore(it);
  // "tackle climate change and COVID-19 together with partners": an appended item that names nothing
  // says with whom the thing is done, not one more of it.
  const companions = (it: { first: number; last: number }): boolean =>
    phraseBefore(lexicon.listJoiners, view.words, it.first)?.value === 'appends' &&
    lexicon.companionNouns.has(view.words[it.last - 1]);
  // "Besides Indo-Pacific states, Kim named Russia as …", "names Russia, alongside the region's states,
  // as …": a member an additive phrase sets off adds to the list the clause's other name of the
  // members' kind is one more item of; not the name opening a clause, which is who acts.
  const added = found.find((m) => {
    for (let k = m.first; k >= Math.max(0, m.first - additiveReach); k--) {
      if (phraseBefore(lexicon.additiveCues, view.words, k)) return true;
      if (view.gapBefore(k).includes(',')) return false;
    }
    return false;
  });
  if (added && closed) {
    const kinds = new Set(members.flatMap((alts) => alts.map(kindOf)));
    const stretch = view.stretchAt(added.first);
    const opensSegment = (e: EntityMention): boolean => {
      let k = e.first;
      while (k > stretch.first && lexicon.determiners.has(view.words[k - 1])) k--;
      return k === stretch.first || /[,;:(]/.test(view.gapBefore(k));
    };
    for (const e of view.entities) {
      if (e.first < stretch.first || e.last > stretch.last || e.weak || e.possessive || !kinds.has(e.kind)) continue;
      if (found.some((m) => m.first < e.last && e.first < m.last) || opensSegment(e)) continue;
      // "unlike Russia", "not Russia": a name set against the list is no item of it.
      const at = lexicon.determiners.has(view.words[e.first - 1] ?? '') ? e.first - 1 : e.first;
      if (
        phraseBefore(lexicon.comparisonCues, view.words, at) ||
        phraseBefore(lexicon.exclusionWords, view.words, at)
      ) {
        continue;
      }
      if (negationsOver(view.negations, e.first).length % 2 === 1) continue;
      if (!foreign.some((it) => it.first <= e.first && e.last <= it.last)) {
        foreign.push({ first: e.first, last: e.last });
      }
    }
  }
  const real = foreign.filter(
    (it) =>
      !paraphrases(it) &&
      !partOfMember(it) &&
      (!ofNames || named(it)) &&
      !figure(it) &&
      !appositive(it) &&
      !companions(it),
  );

  // A list read from a report is only its own when the memo writes two of its members.
  if (claim.extracted && matched.size < Math.min(2, members.length)) return undefined;
  const sourced = names(view, members);
  const substitution = matched.size + real.length <= members.length;
  if (
    real.length > 0 &&
    matched.size > 0 &&
    (closed || substitution) &&
    matched.size >= Math.min(2, members.length - 1)
  ) {
    const it = real[0];
    // "Dr John Lee of the Belfer Center": the name that opens the item is what is wrong.
    const name = view.entities.find((e) => e.first === it.first && e.last < it.last && e.kind === 'name');
    const start = view.tokens[it.first].start;
    const end = name ? name.end : view.tokens[it.last - 1].end;
    return {
      kind: 'contradicts',
      claim,
      start,
      end,
      coverage: c.coverage,
      detail: { kind: 'set', sourced, written: view.raw.slice(start, end), problem: 'foreign' },
    };
  }
  const inList = found.filter((m) => items.some((it) => m.first >= it.first && m.last <= it.last));
  if (exclusive && matched.size > 0 && matched.size < members.length && real.length === 0) {
    const first = inList[0];
    return verdictOn('contradicts', c, first, {
      kind: 'set',
      sourced,
      written: view.raw.slice(first.start, first.end),
      problem: 'only',
    });
  }
  // An open list ("such as") may be added to, but a member the source does not name is not vouched for.
  if (matched.size > 0 && real.length === 0) {
    const first = inList[0];
    const last = inList[inList.length - 1];
    return verdictOn('agrees', c, { start: first.start, end: last.end }, { kind: 'agrees' });
  }
  return undefined;
}

/**
 * "Most of the participants came from government rather than industry": a member excluded at token
 * `at` is excluded from a part only (a quantifier short of all before it, in its clause); the rest
 * may still be so.
 */
function saidOfAPart(view: SentenceView, at: number): boolean {
  const clause = view.clauseAt(at);
  return view.values.some(
    (v) =>
      v.kind === 'quantifier' &&
      !v.frequency &&
      v.range.lo > 0 &&
      v.range.hi < 100 &&
      view.tokenIndexAt(v.end) <= at &&
      view.clauseAt(view.tokenIndexAt(v.start)) === clause,
  );
}

/**
 * "All of the webinar's participants came from government": a quantifier of the whole opening the
 * clause, before the list, says every one of them is of the listed kinds and no other.
 */
function universalSubject(view: SentenceView, c: Candidate, member: number): boolean {
  if (member < 0) return false;
  const clause = view.clauseAt(member);
  const quantifier = view.values.find(
    (v) =>
      v.kind === 'quantifier' &&
      !v.frequency &&
      !v.negated &&
      v.range.lo >= 100 &&
      view.tokenIndexAt(v.start) === clause.first &&
      v.end <= view.tokens[member].start,
  );
  if (!quantifier) return false;
  const from = view.tokenIndexAt(quantifier.start);
  // What it quantifies is what the claim is about ("participants", "pillars"), not a reporter ("Both
  // speakers noted that participants …").
  const between = view.words.slice(from, member);
  if (between.some((w) => lexicon.relativeWords.has(w) || lexicon.reportingVerbs.has(w))) return false;
  // Right after it ("All of the pillars …"): in "Both Washington and Seoul back Open RAN, a …" it
  // quantifies the two backers, not Open RAN.
  const end = view.tokenIndexAt(quantifier.end - 1) + 1;
  const about = [...c.property, ...[...c.groups.values()].flat()];
  const modifier = (k: number): boolean => !view.entityAt(k) && !lexicon.finiteVerbs.has(view.words[k]);
  const quantifies = (m: { first: number; last: number }): boolean => {
    if (m.first < end || m.last > member || m.first - end > quantifiedReach) return false;
    for (let k = end; k < m.first; k++) if (!modifier(k)) return false;
    return true;
  };
  return about.some(quantifies);
}

/** Most words between a quantifier and the noun it quantifies ("all of the …", "all webinar …"). */
const quantifiedReach = 3;

/**
 * "Academics made up the webinar's entire audience": the claim's own noun said whole ("entire",
 * "whole") in the list's clause, so the members listed are all there is.
 */
function wholeNamed(view: SentenceView, c: Candidate, member: number): boolean {
  if (member < 0) return false;
  const clause = view.clauseAt(member);
  return [...c.groups.values()]
    .flat()
    .some((m) => view.clauseAt(m.first) === clause && lexicon.wholeWords.has(view.words[m.first - 1] ?? ''));
}

/** Inside a longer name, not one the reader joined across "and" ("the US and South Korea"). */
function insideLongerName(view: SentenceView, m: { first: number; last: number }): boolean {
  return view.entities.some(
    (e) =>
      e.first <= m.first &&
      m.last <= e.last &&
      e.last - e.first > m.last - m.first &&
      !view.words.slice(e.first, e.last).some((w) => lexicon.conjunctions.has(w)),
  );
}

function stemOf(_view: SentenceView, word: string): string {
  return stem(word.toLowerCase());
}

/** The name a verb takes as its object: the first one after it, past determiners, figures and "and". */
function objectOf(view: SentenceView, after: number): EntityMention | undefined {
  const { words } = view;
  const end = view.clauseAt(after - 1).last;
  let k = after;
  while (
    k < end &&
    (lexicon.determiners.has(words[k]) ||
      words[k] === 'and' ||
      view.values.some((v) => (v.kind === 'ordinal' || v.kind === 'number') && view.tokenIndexAt(v.start) === k))
  ) {
    k++;
  }
  return k < end ? view.entities.find((e) => e.first === k && !e.weak) : undefined;
}

/** Most words from a verb to the head of its object ("the newly formed cyber committee"). */
const objectReach = 5;

/**
 * The token of a body's head word ("committee", "council") that heads the object of the verb ending
 * before `after`, before any preposition or mark ends the noun phrase, or undefined.
 */
function bodyObjectOf(view: SentenceView, after: number): number | undefined {
  const { words } = view;
  const end = Math.min(view.clauseAt(after - 1).last, after + objectReach);
  for (let k = after; k < end; k++) {
    if (k > after && view.gapBefore(k).trim() !== '') return undefined;
    if (lexicon.bodyHeadStems.has(view.tokens[k].norm)) return k;
    if (lexicon.prepositions.has(words[k]) || lexicon.relativeWords.has(words[k])) return undefined;
  }
  return undefined;
}

/**
 * "Talks among A, B and C are nowhere envisaged", "… are not among the steps it lays out": a
 * negation right after the linking verb or auxiliary that follows the subject denies the subject
 * too, when every word judged is in that subject, in the negation's clause.
 */
function negatedPredicate(view: SentenceView, written: readonly { first: number; last: number }[]) {
  const clause = view.clauseAt(written[0].first);
  if (written.some((m) => view.clauseAt(m.first) !== clause)) return undefined;
  const end = Math.max(...written.map((m) => m.last));
  return view.negations.find(
    (s) =>
      s.core &&
      s.cueFirst >= end &&
      view.clauseAt(s.cueFirst) === clause &&
      (lexicon.linkingVerbs.has(view.words[s.cueFirst - 1]) || lexicon.auxiliaries.has(view.words[s.cueFirst - 1])),
  );
}

/**
 * "South Korea: has not joined the Japan–US–Netherlands controls": the negation denies an act of
 * an agent the claim does not name (neither a member nor one of its own words), not the members.
 */
function deniedOfAnother(
  view: SentenceView,
  c: Candidate,
  found: readonly PhraseMatch<number>[],
  scope: { cueFirst: number; cueLast: number },
): boolean {
  const agent = agentOf(view, scope.cueFirst, scope.cueLast);
  if (!agent) return false;
  const own = [...found, ...[...c.groups.values()].flat()];
  return !agent.group.some((a) => own.some((m) => m.start < a.end && a.start < m.end));
}

/**
 * The relation denied as a whole: every member of the claim written once, with the property, under
 * the same single negation, and nothing else listed ("no provision for trilateral talks among A, B
 * and C"). A contradiction marked from the negation to the last member.
 */
function wholeDenied(
  view: SentenceView,
  c: Candidate,
  found: readonly PhraseMatch<number>[],
  memberCount: number,
  foreignCount: number,
): Verdict | undefined {
  if (foreignCount > 0 || new Set(found.map((m) => m.value)).size < memberCount) return undefined;
  const written = [...found, ...c.property];
  const scopes = written.map((m) => negationsOver(view.negations, m.first));
  const predicate = scopes.every((s) => s.length === 0) ? negatedPredicate(view, written) : undefined;
  if (predicate) {
    const start = Math.min(...written.map((m) => view.tokens[m.first].start));
    const end = view.tokens[predicate.cueLast - 1].end;
    return verdictOn('contradicts', c, { start, end }, { kind: 'stance', written: view.raw.slice(start, end) });
  }
  const scope = scopes[0][0];
  if (!scope || scope.contrast || scope.doubt) return undefined;
  if (!scopes.every((s) => s.length === 1 && s[0] === scope)) return undefined;
  if (deniedOfAnother(view, c, found, scope)) return undefined;
  const start = view.tokens[scope.cueFirst].start;
  const end = Math.max(...found.map((m) => m.end), ...c.property.map((p) => p.end));
  return verdictOn('contradicts', c, { start, end }, { kind: 'stance', written: view.raw.slice(start, end) });
}

/** Most words between "one of" and the group's noun ("one of the session's panelists"). */
const oneOfReach = 3;

/**
 * "Mark Manantan, who directs …, presented as one of the session's panelists", "Park, one of the
 * speakers, …": a known person said to be one of a closed group the claim lists, by "one of" before
 * the group's noun, after a copula, "as" or an apposition's comma.
 */
function oneOfTheGroup(view: SentenceView, c: Candidate): Verdict | undefined {
  if (c.claim.value.kind !== 'set' || !c.claim.value.set.closed) return undefined;
  const { members } = c.claim.value.set;
  const { words } = view;
  for (const p of c.property) {
    if (view.entityAt(p.first)?.kind !== 'group') continue;
    let k = p.first - 1;
    while (k >= p.first - 1 - oneOfReach && k > 1 && words[k] !== 'of') {
      const name = view.entityAt(k);
      if (lexicon.prepositions.has(words[k]) || lexicon.finiteVerbs.has(words[k]) || (name && !name.possessive)) break;
      k = name ? name.first - 1 : k - 1;
    }
    if (words[k] !== 'of' || words[k - 1] !== 'one') continue;
    const one = k - 1;
    if (negationsOver(view.negations, one).length % 2 === 1) return undefined;
    const link = words[one - 1] ?? '';
    const who = view.gapBefore(one).includes(',')
      ? view.entities.find((e) => e.last === one)
      : lexicon.copulas.has(link) || link === 'as'
        ? agentOf(view, one - 1, one)?.mention
        : undefined;
    if (!who || who.kind !== 'person' || who.id === undefined) continue;
    if (members.some((alts) => alts.some((a) => mentionIs(view, who, a)))) {
      return verdictOn('agrees', c, who, { kind: 'agrees' });
    }
    const written = view.raw.slice(who.start, who.end);
    return verdictOn('contradicts', c, who, {
      kind: 'set',
      sourced: names(view, members),
      written,
      problem: 'foreign',
    });
  }
  return undefined;
}
