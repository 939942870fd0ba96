// Stances: what the source says someone supports, wants more or less of, welcomes or fears,
// complements or replaces. The words of the claim's predicate class near its property, after
// negation, give the sentence's polarity; a sentence whose words all state the opposite
// contradicts, one whose words state it agrees, and one with both, or none, is left alone (a
// false alarm costs more than a miss).
import { lexicon, phraseAt, type PredicateClass } from '../../lexicon';
import { type Clause } from '../../reader/clauses';
import { negationsOver } from '../../reader/polarity';
import { type PredicateHit, predicatesIn } from '../../reader/predicates';
import { type SentenceView } from '../../reader/sentence';
import { type Candidate } from '../candidates';
import { type Verdict, verdictOn } from '../verdict';

/** Whether a cue that leaves what follows open ("not necessarily") stands in tokens from..to-1. */
function uncertainBefore(view: SentenceView, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (phraseAt(lexicon.uncertainCues, view.words, k)) return true;
  return false;
}

/** How far from a property match a predicate word may stand, in tokens. */
const reach = 10;

export function judgeStance(view: SentenceView, c: Candidate): Verdict | undefined {
  if (c.claim.value.kind !== 'stance') return undefined;
  const { predicate, polarity, affirm, contrary } = c.claim.value.stance;
  const wanted = polarity === 'positive' ? 1 : -1;
  const claim = c.claim;
  const hits = [];
  for (const p of c.property) {
    const clause = view.clauseAt(p.first);
    // "does not necessarily reflect the views of all": neither affirmed nor denied.
    if (uncertainBefore(view, clause.first, p.first)) continue;
    const label = view.clauses[0]?.kind === 'label' && view.clauses[1] === clause ? view.clauses[0] : undefined;
    const carried = throughFrames(view, p.first);
    // "• Open RAN: neither Washington nor Seoul has endorsed it": what a label names, its value says.
    const value = clause.kind === 'label' && view.clauses[0] === clause ? view.clauses[1] : undefined;
    const from = Math.max(label ? label.first : carried.first, p.first - reach);
    const to = Math.min(value ? value.last : carried.last, p.last + reach);
    // The claim's own words state its polarity; the class's words state theirs.
    const own = [
      ...(affirm ?? []).map((phrase) => ({ phrase, polarity: wanted as 1 | -1 })),
      ...(contrary ?? []).map((phrase) => ({ phrase, polarity: -wanted as 1 | -1 })),
    ];
    const classWords = lessenedTurned(
      view,
      from,
      to,
      predicate,
      predicatesIn(view, from, to, predicate as PredicateClass),
    );
    // A claim's own word that a class word governs is its object ("undermine security"): the class
    // word says the stance. An action it governs ("commit to forgoing tests") is the stance itself.
    const governed = (h: { first: number }): boolean =>
      !view.words[h.first].endsWith('ing') && classWords.some((w) => w.last <= h.first && h.first <= w.last + 1);
    const ownWords = own.length > 0 ? predicatesIn(view, from, to, 'generic', own).filter((h) => !governed(h)) : [];
    hits.push(...ownWords, ...classWords.filter((w) => !ownWords.some((o) => o.first <= w.first && w.last <= o.last)));
  }
  // Words inside the property itself ("cooperation" in "cyber cooperation") say nothing of polarity
  // unless negated.
  const own = hits.filter((h) => !c.property.some((p) => h.first >= p.first && h.last <= p.last) || h.negated);
  const all = [...new Map(own.map((h) => [`${h.first}:${h.last}`, h])).values()];
  // "Intense adoption … has yet to begin": a word modifying the property names the thing; where the
  // words disagree, the clause's predicate after it says the stance.
  const modifies = (h: PredicateHit): boolean => !h.negated && c.property.some((p) => h.last === p.first);
  const mixed = all.some((h) => h.polarity === 1) && all.some((h) => h.polarity === -1);
  const distinct = mixed && all.some((h) => !modifies(h)) ? all.filter((h) => !modifies(h)) : all;
  if (distinct.length === 0) {
    // No stance word: a negation over the property still denies it ("no direct reference to …").
    const negated = lexicon.qualifyingClasses.has(predicate as PredicateClass)
      ? undefined
      : c.property.find((p) => negationsOver(view.negations, p.first).length % 2 === 1);
    if (negated) {
      const scope = negationsOver(view.negations, negated.first)[0];
      const start = view.tokens[scope.cueFirst].start;
      return wanted === -1
        ? { kind: 'agrees', claim, start, end: negated.end, coverage: c.coverage, detail: { kind: 'agrees' } }
        : {
            kind: 'contradicts',
            claim,
            start,
            end: view.tokens[scope.cueLast - 1].end,
            coverage: c.coverage,
            detail: { kind: 'stance', written: view.raw.slice(start, view.tokens[scope.cueLast - 1].end) },
          };
    }
    // "The findings represent a consensus" where the source says they do not: the property is itself
    // the class's word, stated as fact. (Only against a denial: naming a thing never supports it.)
    // So is a word for how a thing is against the source's ("an in-person event", the source: virtual).
    const qualifying = lexicon.qualifyingClasses.has(predicate as PredicateClass);
    const asserted = hits.find(
      (h) =>
        ((wanted === -1 && h.polarity === 1) ||
          (qualifying &&
            wanted === 1 &&
            h.polarity === -1 &&
            (afterCopula(view, h.first) ||
              labelledWithSubject(view, c, h.first) ||
              describesLabelledNoun(view, c, h.last)))) &&
        !h.negated &&
        view.mood === 'reports' &&
        assertsIn(view, view.clauseAt(h.first)) &&
        c.property.some((p) => h.first >= p.first && h.last <= p.last) &&
        (subjectBefore(view, c, h.first) ||
          labelledWithSubject(view, c, h.first) ||
          describesLabelledNoun(view, c, h.last)),
    );
    if (asserted) {
      const start = view.tokens[asserted.first].start;
      const end = view.tokens[asserted.last - 1].end;
      return verdictOn('contradicts', c, { start, end }, { kind: 'stance', written: view.raw.slice(start, end) });
    }
    // A claim of no particular class is stated by its identity alone.
    if (predicate === 'generic' && wanted === 1) {
      const p = c.property[0];
      return { kind: 'agrees', claim, start: p.start, end: p.end, coverage: c.coverage, detail: { kind: 'agrees' } };
    }
    return undefined;
  }
  const against = distinct.filter((h) => h.polarity !== wanted);
  const forIt = distinct.filter((h) => h.polarity === wanted);
  if (against.length > 0 && forIt.length === 0) {
    const h = against[0];
    // A negated word is marked with its negation: "not advocate", "cooperation … goes unmentioned".
    const scope = h.negated ? negationsOver(view.negations, h.first)[0] : undefined;
    const start = view.tokens[scope ? Math.min(scope.cueFirst, h.first) : h.first].start;
    const end = view.tokens[Math.max(h.last, scope ? scope.cueLast : 0) - 1].end;
    return {
      kind: 'contradicts',
      claim,
      start,
      end,
      coverage: c.coverage,
      detail: { kind: 'stance', written: view.raw.slice(start, end) },
    };
  }
  if (forIt.length > 0 && against.length === 0) {
    const h = forIt[0];
    return {
      kind: 'agrees',
      claim,
      start: view.tokens[h.first].start,
      end: view.tokens[h.last - 1].end,
      coverage: c.coverage,
      detail: { kind: 'agrees' },
    };
  }
  return undefined;
}

/**
 * The clause of token `at`, carried on past a reporting frame that interrupts it: "North Korea's
 * operations, Kim suggests, have remained confined to …" is one clause about the operations.
 */
function throughFrames(view: SentenceView, at: number): { first: number; last: number } {
  const { clauses } = view;
  const n = clauses.indexOf(view.clauseAt(at));
  if (n < 0) return view.clauseAt(at);
  let { first, last } = clauses[n];
  let k = n + 1;
  while (clauses[k]?.kind === 'reporting') k++;
  if (k > n + 1 && clauses[k]?.continues) last = clauses[k].last;
  let j = n - 1;
  while (clauses[n].continues && clauses[j]?.kind === 'reporting') j--;
  if (j < n - 1 && clauses[j]?.kind === 'main') first = clauses[j].first;
  return { first, last };
}

/**
 * A word said of the subject as its predicate: after "was"/"is" and an article ("the session was an
 * in-person event"), or a verb of coming to a state ("has reached maturity"), an adverb between
 * ("is already mature"); not a state to come ("will be mature", "is expected to reach maturity").
 * (A label's "Session 4: in person" may number another session: left alone.)
 */
function afterCopula(view: SentenceView, at: number): boolean {
  const { words } = view;
  const skipped = (w: string): boolean => lexicon.determiners.has(w) || lexicon.equatingAdverbs.has(w);
  let k = at - 1;
  while (k >= 0 && skipped(words[k])) k--;
  if (k < 0 || !(lexicon.copulas.has(words[k]) || lexicon.attainVerbs.has(words[k]))) return false;
  let before = k - 1;
  while (before >= 0 && (skipped(words[before]) || words[before] === 'not')) before--;
  const w = words[before] ?? '';
  return !lexicon.futureMarkers.has(w) && !lexicon.speculativeModals.has(w);
}

/** Words a label's value opens with at most, for a word of them to be said of the label's subject. */
const labelValueReach = 4;

/**
 * A word opening the value of a label that names the claim's subject as a known thing ("Session #3
 * format: closed-door"): said of that subject. (A label naming it only by a common noun, "Session 4
 * format", may number another one: left alone.)
 */
function labelledWithSubject(view: SentenceView, c: Candidate, at: number): boolean {
  const [label, value] = view.clauses;
  if (label?.kind !== 'label' || view.clauseAt(at) !== value || at - value.first >= labelValueReach) return false;
  const anchors = view.kb.claimAnchors[c.index];
  return view.entities.some(
    (e) =>
      e.id !== undefined &&
      !e.weak &&
      e.first >= label.first &&
      e.last <= label.last &&
      anchors.groups.some((g, k) => k !== anchors.propertyGroup && g.ids.has(e.id!)),
  );
}

/**
 * "• Format: closed-door, invitation-only virtual session": a label's value that is only a noun phrase,
 * the claim's subject at its end, says the words before that noun of it. Another verb or preposition
 * between them makes it a clause of its own.
 */
function describesLabelledNoun(view: SentenceView, c: Candidate, after: number): boolean {
  const [label, value] = view.clauses;
  if (label?.kind !== 'label' || view.clauses.length !== 2 || after <= value.first || after > value.last) return false;
  const property = view.kb.claimAnchors[c.index].propertyGroup;
  // The noun ends the phrase: the value's end, a comma, a relative word or a participle after it
  // ("a consensus document endorsed by all participants").
  const { words } = view;
  const endsPhrase = (k: number): boolean =>
    k === value.last ||
    view.gapBefore(k).includes(',') ||
    lexicon.relativeWords.has(words[k]) ||
    (words[k].endsWith('ed') && view.gapBefore(k) === ' ');
  const subject = [...c.groups]
    .filter(([g]) => g !== property)
    .flatMap(([, matches]) => matches)
    .find((m) => m.first >= after && m.last <= value.last && endsPhrase(m.last));
  if (!subject || subject.first - after > labelValueReach) return false;
  for (let k = value.first; k < subject.first; k++) {
    const w = words[k];
    // "closed-door": a word of a hyphenated compound is no verb.
    if (view.gapBefore(k) === '-' || view.gapBefore(k + 1) === '-') continue;
    if (
      lexicon.finiteVerbs.has(w) ||
      lexicon.copulas.has(w) ||
      lexicon.auxiliaries.has(w) ||
      lexicon.prepositions.has(w)
    ) {
      return false;
    }
  }
  return true;
}

/**
 * What the claim is about, written before the word in its clause, as the subject it says it of
 * ("The key findings represent a consensus"), not after it ("built consensus through these reports").
 */
function subjectBefore(view: SentenceView, c: Candidate, at: number): boolean {
  const clause = view.clauseAt(at);
  const property = view.kb.claimAnchors[c.index].propertyGroup;
  // "It is presented as reflecting a consensus": the pronoun opening the clause is its subject.
  if (lexicon.subjectPronouns.has(view.words[clause.first] ?? '')) return true;
  // "The communiqué, which the chair describes as …": a relative clause is said of the name before it.
  // "The summary is, its authors stress, a consensus document": past a frame that interrupts it.
  const from = clause.kind === 'relative' ? antecedentStart(view, clause.first) : throughFrames(view, at).first;
  return [...c.groups].some(([g, matches]) => g !== property && matches.some((m) => m.first >= from && m.last <= at));
}

/** Where the noun phrase a relative clause at `first` follows begins: back to the previous comma or clause. */
function antecedentStart(view: SentenceView, first: number): number {
  const before = view.clauseAt(first - 1);
  let k = first - 1;
  while (k > before.first && ![',', ';', ':'].some((mark) => view.gapBefore(k).includes(mark))) k--;
  return k;
}

/**
 * "scale back its cooperation", "cut support": a word that lessens what a class word names, right
 * before it, turns that word's polarity. (The increase class says this itself.)
 */
function lessenedTurned(
  view: SentenceView,
  from: number,
  to: number,
  predicate: string,
  hits: PredicateHit[],
): PredicateHit[] {
  if (predicate === 'increase' || hits.length === 0) return hits;
  const lessening = predicatesIn(view, from, to, 'increase').filter((h) => h.polarity === -1 && !h.negated);
  const between = (a: number, b: number): boolean =>
    b - a <= 2 && view.words.slice(a, b).every((w) => lexicon.determiners.has(w) || lexicon.pronouns.has(w));
  return hits.map((h) =>
    lessening.some((d) => d.last <= h.first && between(d.last, h.first))
      ? { ...h, polarity: -h.polarity as 1 | -1 }
      : h,
  );
}

/**
 * Whether a clause states what it says: a main clause, a label, or a relative clause set off by a
 * comma ("The findings, which the forum describes as a consensus, …"), not one that only picks out
 * which thing is meant.
 */
function assertsIn(view: SentenceView, clause: Clause): boolean {
  if (clause.kind === 'main' || clause.kind === 'label') return true;
  return clause.kind === 'relative' && clause.first > 0 && view.gapBefore(clause.first).includes(',');
}
