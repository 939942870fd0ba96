// Who does what a clause says, and what it lists. Agents come from a briefing label
// ("Host: X"), a cleft ("It is X that …"), a passive ("… by X"), a possessive ("X's"), or the
// first name of the clause not inside a prepositional phrase; a relative clause's agent is the name
// it hangs from. Lists are runs of items joined by commas, semicolons, slashes, "and", "or".
import { lexicon, phraseAt } from '../lexicon';
import { type Clause } from './clauses';
import { type EntityMention } from './entities';
import { type SentenceView } from './sentence';
import { isYearText } from '../values/dates';

const actorKinds = new Set([
  'country',
  'place',
  'organisation',
  'group',
  'person',
  'acronym',
  'name',
  'event',
  'document',
  'programme',
]);

export interface Agent {
  mention: EntityMention;
  /** Items of a coordinated agent ("Washington and Seoul"). */
  group: EntityMention[];
  /** Written with "only", "alone", "solely". */
  exclusive: boolean;
  how: 'label' | 'cleft' | 'passive' | 'possessive' | 'subject' | 'antecedent';
}

function isActor(m: EntityMention): boolean {
  return actorKinds.has(m.kind) && !m.weak;
}

/** The agent of the predicate at token `at`. */
export function agentOf(view: SentenceView, at: number, last: number): Agent | undefined {
  const { words, entities, clauses } = view;
  const clause = view.clauseAt(at);
  // "Host: X" is a value, not an agent; "Emerging economies: favored …" names the agent.
  if (clauses[0]?.kind === 'label' && clauses[1] === clause) {
    const label = entities.filter((e) => e.first >= clauses[0].first && e.last <= clauses[0].last && isActor(e));
    // Only a label that is a name, or names joined ("Huawei/ZTE: …"): "Emerging economies: …", not
    // "Webinar, 27 Oct 2022 (US): …".
    if (label.length > 0) {
      const named = agent(view, label[0], 'label');
      const last = named.group[named.group.length - 1].last;
      if (last - label[0].first >= (clauses[0].last - clauses[0].first) * 0.6) return named;
    }
  }
  // "GMU Korea, hosted by Pacific Forum, …": a passive agent right after the predicate comes first.
  const byAgent = words[last] === 'by' ? passiveAgent(view, last, clause.last) : undefined;
  if (byAgent) return byAgent;
  // "with Mark Manantan moderating", "John Park moderated": a name right before the predicate. Not
  // one ending the clause before when "by" follows: "ran on Zoom; hosted by X" is hosted by X.
  // Auxiliaries may stand between: "one reason advanced economies have preferred other vendors".
  const adjacentName = entities.find(
    (e) =>
      (e.last === at || (e.first >= clause.first && auxiliariesBetween(view, e.last, at))) &&
      isActor(e) &&
      !e.possessive &&
      !receives(view, e) &&
      (e.first >= clause.first || words[last] !== 'by') &&
      (e.first === clause.first || !governed(view, e.first, clause.first) || words[e.first - 1] === 'with'),
  );
  if (adjacentName && !lexicon.prepositions.has(words[at])) return agent(view, adjacentName, 'subject');
  // "governments' inclination toward regulation": an owner a few nouns before the predicate.
  // Not the owner of a name ("China's National Intelligence Law"): that is whose the thing is.
  const owner = entities
    .filter((e) => e.possessive && isActor(e) && e.last <= at && at - e.last <= 3 && e.first >= clause.first)
    .pop();
  const named = entities.some((e) => e.id !== undefined && e.first <= at && last <= e.last);
  const ownsIt =
    owner &&
    words
      .slice(owner.last, at)
      .every(
        (w, k) =>
          !lexicon.finiteVerbs.has(w) &&
          !lexicon.determiners.has(w) &&
          !lexicon.conjunctions.has(w) &&
          !/^\d/.test(view.tokens[owner.last + k].raw),
      );
  if (owner && ownsIt && !named) return agent(view, owner, 'subject');
  // "It is X that …", "It was X, rather than Y, who …".
  for (let k = clause.first; k + 2 < at; k++) {
    if (words[k] === 'it' && (words[k + 1] === 'is' || words[k + 1] === 'was')) {
      const x = entities.find((e) => e.first === k + 2 || (e.first === k + 3 && words[k + 2] === 'the'));
      if (x && isActor(x)) return agent(view, x, 'cleft');
    }
  }
  const passive = passiveAgent(view, last, clause.last);
  if (passive) return passive;
  // A relative clause's agent is its antecedent: "Samsung, which also advocates …", "the EU, whose
  // experience would let it …"; a frame may stand between them ("It is the EU, Kim argues, who …").
  // So is that of one opening with a preposition and "which": "the conference in 2013 [@key], at which …".
  const prepositional =
    lexicon.prepositions.has(words[clause.first]) && ['which', 'whom'].includes(words[clause.first + 1] ?? '');
  if (
    (clause.kind === 'relative' && ['which', 'who', 'that', 'whose'].includes(words[clause.first])) ||
    prepositional
  ) {
    let end = clause.first;
    const between = (c: Clause): boolean => c.kind === 'reporting' || (prepositional && c.kind === 'parenthetical');
    for (let n = clauses.indexOf(clause) - 1; n > 0 && between(clauses[n]); n--) end = clauses[n].first;
    // A date may close the antecedent's phrase: "the conference in 2013, at which …".
    const dated = (e: EntityMention): boolean =>
      e.last < end &&
      view.tokens
        .slice(e.last, end)
        .every((t, i) => isYearText(t.raw) || (i === 0 && lexicon.prepositions.has(t.norm)));
    const before = entities.find((e) => (e.last === end || (prepositional && dated(e))) && isActor(e));
    if (before) return agent(view, before, 'antecedent');
  }
  // A main clause interrupted by a relative clause or a frame goes on with the same agent:
  // "Jake Steiner, who co-prepared the findings, also moderated the session".
  const opensWithVerb =
    clause.continues &&
    !lexicon.determiners.has(words[clause.first]) &&
    !entities.some((e) => e.first === clause.first);
  if (
    clause.kind === 'main' &&
    clause.first > 0 &&
    (opensWithVerb || entities.every((e) => e.first < clause.first || e.first >= at))
  ) {
    const earlier = [...view.clauses].reverse().find((c) => c.last <= clause.first && c.kind === 'main');
    const between = view.clauses.filter((c) => earlier && c.first >= earlier.last && c.last <= clause.first);
    if (
      earlier &&
      between.length > 0 &&
      between.every((c) => c.kind === 'relative' || c.kind === 'reporting' || c.kind === 'parenthetical')
    ) {
      const first = entities.find(
        (e) =>
          e.first >= earlier.first && e.first < earlier.last && isActor(e) && !governed(view, e.first, earlier.first),
      );
      // "It is governments, the panel argued, that prioritise …": a cleft split by a frame.
      const cleft = words[earlier.first] === 'it' && lexicon.copulas.has(words[earlier.first + 1] ?? '');
      if (first) return agent(view, first, cleft ? 'cleft' : 'subject');
    }
  }
  const whose = possessivePredicate(view, last, clause.last);
  if (whose) return agent(view, whose, 'subject');
  // The first name of the clause that no preposition governs, before the predicate. Not one inside a
  // fronted phrase ("Among the steps Kim lists, Washington has …"): the subject follows its comma.
  const fronted = lexicon.prepositions.has(words[clause.first]);
  const commaBetween = (from: number, to: number): boolean => {
    for (let k = from; k < to; k++) if (view.gapBefore(k).includes(',')) return true;
    return false;
  };
  for (const e of opensWithVerb ? [] : entities) {
    if (e.first < clause.first || e.first >= at || !isActor(e)) continue;
    if (e.first > clause.first && governed(view, e.first, clause.first)) continue;
    if (fronted && commaBetween(e.last, at)) continue;
    if (view.clauseAt(e.first).kind === 'reporting') continue;
    // "Korea's 2024 National Cyber Security Strategy names …": the subject is the named thing its owner owns.
    const owned = e.possessive
      ? entities.find(
          (o) =>
            o.first < at && o.first >= e.last && view.tokens.slice(e.last, o.first).every((t) => isYearText(t.raw)),
        )
      : undefined;
    if (e.possessive && !owned && ownsUnnamedInstance(view, e.last, at)) return undefined;
    return agent(view, owned && isActor(owned) ? owned : e, 'subject');
  }
  return undefined;
}

/** "can offer Seoul best practices": a name a verb of giving takes first is who receives, not who acts. */
export function receives(view: SentenceView, e: { first: number }): boolean {
  return lexicon.recipientVerbs.has(view.words[e.first - 1] ?? '');
}

/** Words of a description an owner's unnamed thing may take: "Northland's 2020 port renewal programme". */
const maxOwnedWords = 5;

/**
 * "Northland's 2020 port renewal programme aimed …": an owner before lower-case words headed by a kind
 * of document, event or programme owns the subject; it is not the subject itself.
 */
function ownsUnnamedInstance(view: SentenceView, from: number, to: number): boolean {
  if (to <= from || to - from > maxOwnedWords) return false;
  for (let k = from; k < to; k++) {
    const t = view.tokens[k];
    if (view.entityAt(k) || (k > from && view.gapBefore(k) !== ' ')) return false;
    if (isYearText(t.raw)) continue;
    if (t.raw !== t.lower || lexicon.stopWords.has(t.lower) || lexicon.finiteVerbs.has(t.lower)) return false;
  }
  const head = view.tokens[to - 1].norm;
  return lexicon.instanceNounStems.has(head) || lexicon.collectionNounStems.has(head);
}

/**
 * Whether tokens from..to-1 are one to three auxiliaries ("have", "has also"), with no mark between.
 * Not a form of "be": "The findings were written up by X" is a passive, its agent after "by".
 */
function auxiliariesBetween(view: SentenceView, from: number, to: number): boolean {
  if (to <= from || to - from > 3) return false;
  for (let k = from; k < to; k++) {
    const w = view.words[k];
    if (!lexicon.auxiliaries.has(w) || lexicon.prepositions.has(w) || lexicon.copulas.has(w)) return false;
    if (view.gapBefore(k).trim() !== '') return false;
  }
  return view.gapBefore(to).trim() === '';
}

/** "… by X": a passive agent right after the predicate ending before token `last`. */
function passiveAgent(view: SentenceView, last: number, clauseLast: number): Agent | undefined {
  const { words, entities } = view;
  // "issued in 2016 by …": a time the act is dated to may stand before "by".
  const dated = (k: number): boolean =>
    view.values.some(
      (v) =>
        (v.kind === 'year' || v.kind === 'date') &&
        view.tokenIndexAt(v.start) <= k + 1 &&
        k < view.tokenIndexAt(v.end) &&
        (k >= view.tokenIndexAt(v.start) || ['in', 'on'].includes(words[k])),
    );
  let from = last;
  while (from < clauseLast && dated(from)) from++;
  if (words[from] !== 'by') from = last;
  for (let k = from; k < Math.min(clauseLast, from + 2); k++) {
    if (words[k] !== 'by') continue;
    let j = k + 1;
    if (words[j] === 'the') j++;
    // "by the three speakers": a known group may be written with its article.
    const found = entities.find((e) => e.first === j || e.first === j + 1 || (e.first === k + 1 && e.kind === 'group'));
    // "by Vietnam's Ministry of Public Security": the body owned acts, not its owner.
    const owned = found?.possessive ? entities.find((e) => e.first === found.last && isActor(e)) : undefined;
    const x = owned ?? found;
    if (x && isActor(x) && !(words[j] === 'the' && words[j + 1] === 'account')) return agent(view, x, 'passive');
    break;
  }
  return undefined;
}

/**
 * "The executive order … was, Kim writes, South Korea's": a copula after the predicate, then (past
 * any frame) an actor's possessive that ends the sentence or its stretch, names whose the thing is.
 */
function possessivePredicate(view: SentenceView, from: number, clauseLast: number): EntityMention | undefined {
  const { words, tokens } = view;
  let k = from;
  while (k < clauseLast && !lexicon.copulas.has(words[k])) k++;
  if (k >= clauseLast && !lexicon.copulas.has(words[k] ?? '')) return undefined;
  let j = k + 1;
  while (j < tokens.length && view.clauseAt(j).kind === 'reporting') j++;
  if (words[j] === 'the') j++;
  const x = view.entities.find((e) => e.first === j && e.possessive && isActor(e));
  if (!x) return undefined;
  const ends = x.last >= tokens.length || [...'.,;:)'].some((ch) => view.gapBefore(x.last).includes(ch));
  return ends ? x : undefined;
}

/** Whether a preposition governs the name starting at token i (looking back over its modifiers). */
function governed(view: SentenceView, i: number, from: number): boolean {
  const { words } = view;
  for (let k = i - 1; k >= from && k >= i - 4; k--) {
    const w = words[k];
    if (lexicon.prepositions.has(w)) return true;
    if (lexicon.determiners.has(w) || /^\p{Lu}/u.test(view.tokens[k].raw) || w === 'and' || w === 'both') continue;
    return false;
  }
  return false;
}

/** The agent a name stands for, with the names coordinated with it and "only" around it. */
export function agentFrom(view: SentenceView, m: EntityMention): Agent {
  return agent(view, m, 'label');
}

function agent(view: SentenceView, m: EntityMention, how: Agent['how']): Agent {
  const group = coordinated(view, m);
  const { words } = view;
  const first = group[0].first;
  const last = group[group.length - 1].last;
  const exclusive =
    lexicon.exclusives.has(words[first - 1]) ||
    (words[first - 1] === 'the' && lexicon.exclusives.has(words[first - 2])) ||
    lexicon.exclusives.has(words[last]) ||
    words[last] === 'alone';
  return { mention: m, group, exclusive, how };
}

/** The names coordinated with `m`: "Washington and Seoul", "Huawei, ZTE and others". */
function coordinated(view: SentenceView, m: EntityMention): EntityMention[] {
  const { entities } = view;
  const group = [m];
  let cur = m;
  let closed = false;
  for (;;) {
    const next = entities.find((e) => e.first > cur.last - 1 && e.first <= cur.last + 2 && e !== cur);
    if (!next || !joins(view, cur.last, next.first)) break;
    group.push(next);
    closed =
      view.words.slice(cur.last, next.first).some((w) => w === 'and' || w === 'or' || w === '&') ||
      /[/–-]/.test(view.text.slice(cur.end, next.start));
    cur = next;
    if (closed) break;
  }
  // Names joined by commas alone are an apposition ("Mark Manantan, Pacific Forum's director"),
  // not a list: a list ends with "and" or "or".
  return closed ? group : [m];
}

/** Whether tokens between a and b (exclusive) join two items of a list: ",", "and", "or", "&", "/". */
function joins(view: SentenceView, a: number, b: number): boolean {
  const between = view.words.slice(a, b);
  if (between.length > 2) return false;
  const text = view.text.slice(view.tokens[a - 1].end, view.tokens[b].start);
  if (between.length === 0) return /^\s*[,/;]\s*$/.test(text) || /^\s*–\s*$/.test(text) || /^[–-]$/.test(text);
  return (
    between.every((w) => w === 'and' || w === 'or' || w === '&' || w === 'the') &&
    /^[\s,]*(and|or|&)[\s]+(the\s+)?$/i.test(text)
  );
}

/** Where the list goes on after a bracket opening at k: the token after ")" and a comma, or -1. */
function glossClose(view: SentenceView, k: number): number {
  for (let j = k + 1; j < view.tokens.length && j - k <= 8; j++) {
    const gap = view.gapBefore(j);
    if (gap.includes('(')) return -1;
    if (!gap.includes(')')) continue;
    const after = gap.slice(gap.indexOf(')') + 1).trim();
    const joined = after === '' && (view.words[j] === 'and' || view.words[j] === 'or');
    // Only a list of names goes on: "Internet of Things (IoT), enables …" is a clause going on.
    const name = view.entities.find((e) => e.first === (joined ? j + 1 : j));
    return (after === ',' || after === ';' || joined) && name ? j : -1;
  }
  return -1;
}

export interface ListItem {
  first: number;
  last: number;
}

/** The stretches of a sentence between list separators: commas, semicolons, slashes, "and", "or". */
export function listSegments(view: SentenceView): { items: ListItem[]; hardBefore: boolean[]; last: boolean[] } {
  const { words, tokens } = view;
  const items: ListItem[] = [];
  const hardBefore: boolean[] = [];
  // The item after "and" or "or" is a list's last.
  const lastItem: boolean[] = [];
  let start = 0;
  let hard = true;
  // "sanctions + export controls": a plus joins the last item as "and" does.
  let plusJoined = false;
  const ranged = rangeJoiners(view);
  const push = (end: number, nextHard: boolean): void => {
    let s = start;
    let appended = false;
    // A range's joiner ("through", "to") closes no list as "and" does: the run goes on after it.
    if (ranged.has(s) && s < end) s++;
    const afterRange = s;
    for (let joiner = phraseAt(lexicon.listJoiners, words, s); s < end && joiner;) {
      s += joiner.words.length;
      appended ||= joiner.value === 'appends';
      joiner = phraseAt(lexicon.listJoiners, words, s);
    }
    if (s < end) {
      // "ports and satellites as well as pipelines": the list "and" closed goes on.
      if (appended && !hard && lastItem.length > 0) lastItem[lastItem.length - 1] = false;
      items.push({ first: s, last: end });
      hardBefore.push(hard);
      lastItem.push(s > afterRange || plusJoined);
    }
    start = end;
    hard = nextHard;
    plusJoined = false;
  };
  let glossEnd = -1;
  for (let k = 1; k <= tokens.length; k++) {
    if (k === tokens.length) {
      push(k, true);
      break;
    }
    const gap = view.gapBefore(k);
    // "Lami Kim (US Army War College), So Jeong Kim (INSS)": a bracket glossing an item, closed by a
    // separator, is no item; the list goes on past it.
    if (k === glossEnd) {
      start = k;
      hard = false;
      continue;
    }
    if (gap.includes('(') && !gap.includes(')')) {
      const close = glossClose(view, k);
      if (close > 0) {
        push(k, false);
        glossEnd = close;
        k = close - 1;
        continue;
      }
    }
    // A colon, a bracket or a sentence frame starts a new list; separators continue one.
    // "In Africa, Kenya and Nigeria …": a phrase opening the sentence with a preposition sets the
    // scene; its comma ends it, and what it names is no item of the list after it.
    const sceneSetter = start === 0 && gap.includes(',') && lexicon.prepositions.has(words[0]);
    if (
      /[:()[\]]/.test(gap) ||
      // "funds + stolen assets -> nuclear & space programmes": an arrow leads to another phrase.
      gap.includes('->') ||
      gap.includes('→') ||
      sceneSetter ||
      (ranged.has(k) && lexicon.rangeListOpeners.has(words[k])) ||
      view.clauseAt(k).kind === 'reporting' ||
      view.clauseAt(k).kind === 'relative'
    ) {
      push(k, true);
    } else if (/[,;/]/.test(gap) || /\s[–—]\s/.test(gap) || phraseAt(lexicon.listJoiners, words, k) || ranged.has(k)) {
      push(k, false);
    } else if (gap.trim() === '+') {
      push(k, false);
      plusJoined = true;
    }
  }
  return { items, hardBefore, last: lastItem };
}

/**
 * "runs from affordable pricing through infrastructure investment to capacity building": the opener
 * and joiners of a run of three items or more that "from" opens, in one clause with no comma inside
 * (the opener starts a new list, each joiner an item). Two items
 * ("from Seoul to Tokyo") are a movement or a span as often as a list, and are left alone.
 */
function rangeJoiners(view: SentenceView): Set<number> {
  const { words } = view;
  const out = new Set<number>();
  for (let f = 0; f < words.length; f++) {
    if (!lexicon.rangeListOpeners.has(words[f])) continue;
    const clause = view.clauseAt(f);
    const joiners: number[] = [];
    for (let k = f + 2; k < clause.last; k++) {
      if (/[,;:()]/.test(view.gapBefore(k))) break;
      if (lexicon.rangeListJoiners.has(words[k])) joiners.push(k);
    }
    if (joiners.length >= 2) for (const k of [f, ...joiners]) out.add(k);
  }
  return out;
}

/**
 * The list around the member segments `members` (indexes into the segments): every segment from
 * the first member segment to the last, then the short segments that go on after it ("…, trade and
 * energy"), up to a hard break or a phrase that closes the list ("with an emphasis on …").
 */
export function listRun(
  view: SentenceView,
  segments: { items: ListItem[]; hardBefore: boolean[]; last: boolean[] },
  members: number[],
): ListItem[] {
  if (members.length === 0) return [];
  const { words } = view;
  let first = Math.min(...members);
  let last = Math.max(...members);
  for (let k = first + 1; k <= last; k++) if (segments.hardBefore[k]) last = k - 1;
  // "Fields: energy, climate change, health": a label's value that is a list of short common nouns
  // runs from the colon, so a short item before the first member is an item too.
  const shortItem = (it: ListItem): boolean => {
    const content = words.slice(it.first, it.last).filter((x) => !lexicon.stopWords.has(x));
    return content.length > 0 && content.length <= 3 && !content.some((x) => lexicon.finiteVerbs.has(x));
  };
  const named = (it: ListItem): boolean =>
    view.entities.some((e) => e.first < it.last && e.last > it.first) ||
    view.values.some((v) => v.start < view.tokens[it.last - 1].end && v.end > view.tokens[it.first].start);
  const valueStart = view.clauses[0]?.kind === 'label' ? view.clauses[1]?.first : undefined;
  let back = first;
  while (
    back > 0 &&
    !segments.hardBefore[back] &&
    shortItem(segments.items[back - 1]) &&
    !named(segments.items[back - 1])
  ) {
    back--;
  }
  const allShort = segments.items.slice(back, last + 1).every(shortItem);
  if (back < first && allShort && segments.items[back].first === valueStart) first = back;
  // "Samsung, Ericsson and Nokia over Huawei and ZTE": a contrast ends the list.
  const contrast = (it: ListItem): boolean =>
    words
      .slice(it.first, it.last)
      .some(
        (w, i) =>
          w === 'over' ||
          w === 'versus' ||
          w === 'vs' ||
          w === 'instead' ||
          (w === 'than' && words[it.first + i - 1] === 'rather') ||
          w === 'not',
      );
  for (let k = first; k <= last; k++) {
    if (contrast(segments.items[k])) {
      return segments.items.slice(first, k + 1);
    }
  }
  // Items that open with a preposition repeated from the item before, without it.
  const trimmed = new Map<number, ListItem>();
  // "Ericsson and Nokia and, to a limited extent, Samsung": an aside after "and" goes on to one more item.
  const asideNext = (k: number): boolean =>
    k + 2 < segments.items.length && isAside(view, segments.items[k + 1]) && !segments.hardBefore[k + 2];
  while (
    last + 1 < segments.items.length &&
    !segments.hardBefore[last + 1] &&
    (!segments.last[last] || asideNext(last))
  ) {
    const it = segments.items[last + 1];
    // "A, B and, to a limited extent, C": the aside goes on to the last item and is none itself.
    if (asideNext(last)) {
      last += 2;
      break;
    }
    const w = words[it.first];
    const content = words.slice(it.first, it.last).filter((x) => !lexicon.stopWords.has(x)).length;
    // ", meaning that hardware …", ", making it …": a clause that comments on the list, not an item.
    const comment =
      /ing$/.test(w) &&
      (words[it.first + 1] === 'that' ||
        lexicon.determiners.has(words[it.first + 1] ?? '') ||
        lexicon.pronouns.has(words[it.first + 1] ?? ''));
    if (comment || words.slice(it.first, it.last).includes('that')) break;
    // "…, Dr So Jeong Kim of INSS and Dr John Lee of the Belfer Center": an item that opens with a
    // person's name, as the one before it does, is one more however long its description.
    const opensWithPerson = (x: ListItem, unknownToo: boolean): boolean =>
      view.entities.some(
        (e) =>
          (e.first === x.first || (e.first === x.first + 1 && lexicon.honorifics.has(words[x.first]))) &&
          !e.weak &&
          (e.kind === 'person' || (unknownToo && e.kind === 'name')),
      );
    if (opensWithPerson(segments.items[last], false) && opensWithPerson(it, true)) {
      last++;
      continue;
    }
    // "Japan, the US and South Korea agree …": a list's last item that opens with a name is that name.
    const at = lexicon.determiners.has(w) ? it.first + 1 : it.first;
    let end = at;
    while (end < it.last && view.entityAt(end) && isCapitalised(view.tokens[end].raw)) end++;
    if (segments.last[last + 1] && end > at && end < it.last) {
      return [...segments.items.slice(first, last + 1), { first: it.first, last: end }];
    }
    // A list's last item may run as long as an item it already holds ("…, cyber weapons traded on
    // the dark web and the spread of insider threats").
    const longest = Math.max(
      ...segments.items
        .slice(first, last + 1)
        .map((x) => words.slice(x.first, x.last).filter((y) => !lexicon.stopWords.has(y)).length),
    );
    // "through Indo-Pacific countries and through Russia": the preposition of the item before, repeated
    // before a name, opens one more item.
    const prev = segments.items[last];
    const parallel =
      lexicon.prepositions.has(w) &&
      words.slice(prev.first, prev.last).includes(w) &&
      view.entityAt(it.first + 1) !== undefined &&
      content <= 4;
    if (parallel) {
      trimmed.set(last + 1, { first: it.first + 1, last: it.last });
      last++;
      continue;
    }
    if (
      (content > 4 && !(segments.last[last + 1] && content <= longest)) ||
      lexicon.prepositions.has(w) ||
      lexicon.relativeWords.has(w) ||
      lexicon.auxiliaries.has(w) ||
      lexicon.clauseBreakWords.has(w) ||
      lexicon.hedgeAdverbs.has(w) ||
      lexicon.reportingVerbs.has(words[it.last - 1])
    ) {
      break;
    }
    last++;
  }
  return segments.items
    .slice(first, last + 1)
    .filter((it, i) => first + i === last || !isAside(view, it))
    .map((it) => trimmed.get(segments.items.indexOf(it)) ?? it);
}

/**
 * Words set off by commas right after a list's "and" ("and, to a limited extent, C", ", and to a
 * lesser degree, C"), no name among them.
 */
function isAside(view: SentenceView, it: ListItem): boolean {
  const and = it.first - 1;
  return (
    and > 0 &&
    view.words[and] === 'and' &&
    (view.gapBefore(it.first).includes(',') || view.gapBefore(and).includes(',')) &&
    view.gapBefore(it.last).includes(',') &&
    it.last - it.first <= 6 &&
    !view.entities.some((e) => e.first >= it.first && e.first < it.last)
  );
}

function isCapitalised(raw: string): boolean {
  const c = raw.charAt(0);
  return c !== c.toLowerCase();
}
