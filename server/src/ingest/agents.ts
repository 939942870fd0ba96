// Who did what a report's clause says: "Notably, Estonia has adopted the EU CIT as a national model".
// The name that opens a clause as its subject, followed by its verb, becomes an entity claim in the
// agent slot: its property is the verb, its identity the distinctive names the verb takes, so that a
// memo giving the same act on the same thing to another name ("Latvia has adopted the EU CIT")
// contradicts it. Only names the report writes in few sentences: a name written throughout is what
// the report is about, and does many things.
import { lexicon } from '../engine/lexicon';
import { negationsOver } from '../engine/reader/polarity';
import { type SentenceView } from '../engine/reader/sentence';
import { type ClaimValue } from '../knowledge/types';
import { isContentWord } from './measures';
import { isDistinctive, isFrequent, type Name, type NameCounts, namesIn } from './names';

export interface ExtractedAgent {
  about: string[][];
  value: ClaimValue;
}

/** Auxiliaries and adverbs between a subject and its verb ("has already adopted"). */
const maxBeforeVerb = 2;

/** At most this many names say what the act was done to. */
const maxIdentity = 3;

export function agentsIn(view: SentenceView, counts: NameCounts): ExtractedAgent[] {
  if (view.mood !== 'reports') return [];
  const out: ExtractedAgent[] = [];
  const names = namesIn(view);
  for (const subject of names) {
    if (!opensItsClause(view, subject) || !isDistinctive(counts, subject.text)) continue;
    const verb = verbAfter(view, subject.mention.last);
    if (verb === undefined || negationsOver(view.negations, verb).some((s) => s.core && !s.contrast)) continue;
    const clause = view.stretchAt(verb);
    const objects = names
      .filter(
        (n) =>
          n !== subject &&
          n.mention.first > verb &&
          n.mention.last <= clause.last &&
          !isFrequent(counts, n.text) &&
          n.text.toLowerCase() !== subject.text.toLowerCase(),
      )
      .slice(0, maxIdentity)
      .map((n) => n.text);
    if (objects.length === 0) continue;
    out.push({
      about: [[view.words[verb]], objects],
      value: { kind: 'entity', entity: { value: subject.text, kind: 'organisation', slot: 'agent' } },
    });
  }
  return out;
}

/** Words at most between a passive verb and its "by" ("issued in 2016 by …"). */
const maxBeforeBy = 4;

/**
 * Who did it, by "by" after a passive verb: "Directive No. 47, issued in 2016 by the General Political
 * Department". The name after "by" becomes an entity claim in the agent slot; its property is the
 * verb, its identity the distinctive name the verb follows, so that a memo giving the same act to
 * another body ("issued by the Ministry of Public Security") contradicts it.
 */
export function passiveAgentsIn(view: SentenceView, counts: NameCounts): ExtractedAgent[] {
  if (view.mood !== 'reports') return [];
  const out: ExtractedAgent[] = [];
  const names = namesIn(view);
  for (const agent of names) {
    const first = agent.mention.first;
    const by = lexicon.determiners.has(view.words[first - 1] ?? '') ? first - 2 : first - 1;
    if (view.words[by] !== 'by' || !isDistinctive(counts, agent.text) || agent.mention.weak) continue;
    if (view.words.slice(first, agent.mention.last).some((w) => lexicon.conjunctions.has(w))) continue;
    const clause = view.clauseAt(by);
    let verb = by - 1;
    while (verb > Math.max(clause.first, by - maxBeforeBy - 1) && !passiveVerbAt(view, verb)) verb--;
    if (!passiveVerbAt(view, verb) || negationsOver(view.negations, verb).length > 0) continue;
    // What was done: the distinctive name ending right before the verb, past a number ("No. 47").
    let end = verb;
    while (end > 0 && view.values.some((v) => v.kind === 'number' && view.tokenIndexAt(v.start) === end - 1)) end--;
    const object = names.find(
      (n) => n !== agent && n.mention.last === end && !isFrequent(counts, n.text) && !n.mention.weak,
    );
    if (!object || object.text.toLowerCase() === agent.text.toLowerCase()) continue;
    out.push({
      about: [[view.words[verb]], [object.text]],
      value: { kind: 'entity', entity: { value: agent.text, kind: 'organisation', slot: 'agent' } },
    });
  }
  return out;
}

/** A past participle set off after a comma or right after a name: "…, issued", "Directive 47 issued". */
function passiveVerbAt(view: SentenceView, k: number): boolean {
  const w = view.words[k] ?? '';
  const t = view.tokens[k];
  if (!t || t.raw.charAt(0) !== t.lower.charAt(0) || !w.endsWith('ed') || w.length < 5) return false;
  return !lexicon.auxiliaries.has(view.words[k - 1] ?? '') && !lexicon.copulas.has(view.words[k - 1] ?? '');
}

/** A subject opens its clause, past a phrase set off by a comma before it ("Notably, …"); one name, not a list. */
function opensItsClause(view: SentenceView, name: Name): boolean {
  const first = name.mention.first;
  const clause = view.clauseAt(first);
  if (clause.kind !== 'main' || name.mention.weak || name.mention.possessive) return false;
  // "South Korea and the UK signed …": who did it together is no one name a memo could swap.
  if (view.words.slice(first, name.mention.last).some((w) => lexicon.conjunctions.has(w))) return false;
  if (first === clause.first) return true;
  const determiner = first - 1 === clause.first && lexicon.determiners.has(view.words[first - 1]);
  // "Traditionally, Huawei, Ericsson and Nokia …": a comma after another name is a list's.
  return determiner || (view.gapBefore(first).includes(',') && !view.entityAt(first - 1));
}

/**
 * The verb right after a subject, past auxiliaries and hedging adverbs; never a copula or reporting
 * verb, nor a passive. Without an auxiliary, the word after a name is as often a noun it modifies ("North Korean
 * hacking groups"): a verb then takes a determiner or a name right after it ("issued the …").
 */
function verbAfter(view: SentenceView, k: number): number | undefined {
  const end = Math.min(view.tokens.length - 1, k + maxBeforeVerb + 1);
  let auxiliary = false;
  for (let j = k; j < end; j++) {
    if (view.gapBefore(j).trim() !== '') return undefined;
    const w = view.words[j];
    // "was rated", "is led": the subject of a passive is not who acted.
    if (lexicon.copulas.has(w)) return undefined;
    if (lexicon.auxiliaries.has(w) || lexicon.hedgeAdverbs.has(w)) {
      auxiliary ||= lexicon.auxiliaries.has(w);
      continue;
    }
    if (lexicon.reportingVerbs.has(w) || view.entityAt(j)) return undefined;
    const t = view.tokens[j];
    if (t.raw.charAt(0) !== t.lower.charAt(0) || !isContentWord(view, j)) return undefined;
    const takesObject = lexicon.determiners.has(view.words[j + 1]) || view.entityAt(j + 1) !== undefined;
    return auxiliary || takesObject ? j : undefined;
  }
  return undefined;
}
