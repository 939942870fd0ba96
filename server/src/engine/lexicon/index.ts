// Typed, pre-processed views of the English lexicon (en.json): sets for one-word look-ups, token
// sequences for phrases, stems for predicate words. Built once when the engine loads.
import data from './en.json';
import { stem } from '../text/tokens';

export type HedgeKind =
  'exact' | 'approx' | 'nearly' | 'just-over' | 'over' | 'well-over' | 'under' | 'well-under' | 'at-least' | 'at-most';

export interface HedgeInterval {
  lo: number;
  hi: number;
  slack: number;
  /** The side a bound leaves open ("over 20" excludes 20 itself). */
  open?: 'lo' | 'hi';
}

export interface Phrase<T> {
  words: readonly string[];
  value: T;
}

export interface Span {
  lo: number;
  hi: number;
}

export type PredicateClass = keyof typeof data.predicates;

/** A predicate word or phrase: its stems, the class it belongs to and on which side. */
export interface PredicateWord {
  stems: readonly string[];
  predicate: PredicateClass;
  polarity: 1 | -1;
}

const lower = (words: readonly string[]): string[] => words.map((w) => w.toLowerCase());
const set = (words: readonly string[]): ReadonlySet<string> => new Set(lower(words));
/** The stems of words, for lists compared with stemmed text (a title's "vice" is "vic"). */
const stems = (words: readonly string[]): ReadonlySet<string> => new Set(lower(words).map(stem));
/** Word sequences, longest first, so a look-up at one position takes the longest match. */
const phrases = <T>(entries: readonly { words: readonly string[]; value: T }[]): Phrase<T>[] =>
  entries.map((e) => ({ words: lower(e.words), value: e.value })).sort((a, b) => b.words.length - a.words.length);
const splitWords = (phrase: string): string[] =>
  phrase
    .toLowerCase()
    .split(/[\s-]+/)
    .filter(Boolean);
/** A record without Object.prototype, so "constructor" in a memo is no entry. */
function table<T>(entries: Record<string, T>): Readonly<Record<string, T>> {
  return Object.assign(Object.create(null) as Record<string, T>, entries);
}

export const lexicon = {
  determiners: set(data.determiners),
  indefiniteArticles: set(data.indefiniteArticles),
  predicateOpeners: set(data.predicateOpeners),
  subsetFrames: set(data.subsetFrames),
  prepositions: set(data.prepositions),
  conjunctions: set(data.conjunctions),
  ownerParticiples: set(data.ownerParticiples),
  recipientVerbs: set(data.recipientVerbs),
  additiveCues: phrases(data.additiveCues.map((words) => ({ words, value: true }))),
  uncertainCues: phrases(data.uncertainCues.map((words) => ({ words, value: true }))),
  secondaryWords: set(data.secondaryWords),
  originNouns: set(data.originNouns),
  relationSynonyms: data.relationSynonyms as readonly (readonly string[])[],
  expectationVerbs: set(data.expectationVerbs),
  listJoiners: phrases([
    ...data.listJoiners.map((words) => ({ words, value: 'joins' as const })),
    ...data.listAppenders.map((words) => ({ words, value: 'appends' as const })),
  ]),
  companionNouns: set(data.companionNouns),
  pronouns: set(data.pronouns),
  auxiliaries: set(data.auxiliaries),
  copulas: set(data.copulas),
  relativeWords: set(data.relativeWords),
  clauseBreakWords: set(data.clauseBreakWords),
  adverbialBreakWords: set(data.adverbialBreakWords),
  datingParticiples: set(data.datingParticiples),
  frontedSubordinators: set(data.frontedSubordinators),
  complementWords: set(data.complementWords),
  rankSuperlatives: set(data.rankSuperlatives),
  stateNames: data.stateNames,
  capitalMetonyms: new Map(Object.entries(data.capitalMetonyms)),
  rangeListOpeners: set(data.rangeListOpeners),
  rangeListJoiners: set(data.rangeListJoiners),
  nominalNegations: set(data.nominalNegations),
  finiteVerbs: set(data.finiteVerbs),
  subjectPronouns: set(data.subjectPronouns),
  negatedOnlyFrequencies: set(data.negatedOnlyFrequencies),
  clauseSubjectPronouns: set(data.clauseSubjectPronouns),
  changeWordStems: new Set(data.changeWords.map((w) => stem(w))),
  setAsideMarkers: set(data.setAsideMarkers),
  preferenceVerbs: set(data.preferenceVerbs),
  comparativeWords: set(data.comparativeWords),
  nameFillerWords: set(data.nameFillerWords),
  articles: set(data.articles),
  titleJoiners: set(data.titleJoiners),
  clauseSubjectOpeners: set(data.clauseSubjectOpeners),
  openListEnderStems: new Set(data.openListEnders.flatMap((w) => stemsOf(w))),
  bodyHeadStems: new Set(data.bodyHeads.map((w) => stem(w))),
  monthDateCues: set(data.monthDateCues),
  reportingAdjectives: set(data.reportingAdjectives),
  comparisonCues: phrases(data.comparisonCues.map((words) => ({ words, value: true }))),
  /** A phrase opening a sentence that speaks of another event or thing: "After the May 2022 election, …". */
  sequenceOpeners: phrases(data.sequenceOpeners.map((words) => ({ words, value: true }))),
  purposeOpeners: phrases(data.purposeOpeners.map((words) => ({ words, value: true }))),
  negations: set(data.negations),
  negationPhrases: phrases(data.negationPhrases.map((words) => ({ words, value: true }))),
  nonNegating: phrases(data.nonNegating.map((words) => ({ words, value: true }))),
  subjectNegations: set(data.subjectNegations),
  equatingAdverbs: set(data.equatingAdverbs),
  construalVerbs: set(data.construalVerbs),
  activeConstrualVerbs: set(data.activeConstrualVerbs),
  construalFrameNouns: set(data.construalFrameNouns),
  construalFramePrepositions: set(data.construalFramePrepositions),
  headingPosts: set(data.headingPosts),
  greaterComparatives: set(data.greaterComparatives),
  lesserComparatives: set(data.lesserComparatives),
  emphasisWords: set(data.emphasisWords),
  attainVerbs: set(data.attainVerbs),
  infinitiveMarkers: set(data.infinitiveMarkers),
  futureMarkers: set(data.futureMarkers),
  linkingVerbs: set(data.linkingVerbs),
  /** Verb forms, each with the particle that, after its object, makes it negate that object. */
  splitNegations: new Map(
    data.splitNegations.flatMap((e) => lower(e.verbs).map((v): [string, string] => [v, e.particle.toLowerCase()])),
  ),
  doubleNegativeStems: new Set(data.doubleNegativeWords.map((w) => stem(w))),
  hedges: phrases(data.hedges.map((h) => ({ words: h.words, value: h.kind as HedgeKind }))),
  hedgesAfter: phrases(data.hedgesAfter.map((h) => ({ words: h.words, value: h.kind as HedgeKind }))),
  /** ">500", "~40%", "≥ $2m": a symbol before a figure (and its currency) as a hedge. */
  hedgeSymbols: table(data.hedgeSymbols as Record<string, HedgeKind>),
  hedgeIntervals: data.hedgeIntervals as Record<HedgeKind, HedgeInterval>,
  roundNumberSlack: data.roundNumberSlack,
  quantifiers: phrases(data.quantifiers.map((q) => ({ words: q.words, value: { lo: q.lo, hi: q.hi } as Span }))),
  frequencies: phrases(data.frequencies.map((q) => ({ words: q.words, value: { lo: q.lo, hi: q.hi } as Span }))),
  exclusives: set(data.exclusives),
  wholeWords: set(data.wholeWords),
  respectiveWords: set(data.respectiveWords),
  inclusives: phrases(data.inclusives.map((p) => ({ words: splitWords(p), value: true }))),
  numberWords: table(data.numberWords),
  tensWords: table(data.tensWords),
  scaleWords: table(data.scaleWords),
  ordinalWords: table(data.ordinalWords),
  ordinalTensWords: table(data.ordinalTensWords),
  denominators: table(data.denominators),
  percentWords: phrases(data.percentWords.map((p) => ({ words: splitWords(p), value: true }))),
  timesWords: set(data.timesWords),
  currencies: table(data.currencies),
  months: table(data.months),
  monthNames: data.monthNames,
  monthOnlyAfter: set(data.monthOnlyAfter),
  weekdays: set(data.weekdays),
  /** "the previous year": a year given by its distance from the year written before it. */
  yearsFromAnother: phrases(data.yearsFromAnother.map((r) => ({ words: r.words, value: r.offset }))),
  yearParts: phrases(data.yearParts.map((p) => ({ words: p.words, value: { lo: p.from, hi: p.to } as Span }))),
  monthParts: phrases(data.monthParts.map((p) => ({ words: p.words, value: { lo: p.from, hi: p.to } as Span }))),
  relativeYears: phrases(Object.entries(data.relativeYears).map(([p, v]) => ({ words: splitWords(p), value: v }))),
  referencePointPrepositions: set(data.referencePointPrepositions),
  zoneDateNouns: set(data.zoneDateNouns),
  timeZones: phrases(Object.entries(data.timeZones).map(([p, v]) => ({ words: splitWords(p), value: v }))),
  zoneWords: set(data.zoneWords),
  pastLimitWords: set(data.pastLimitWords),
  zoneAudienceOpeners: set(data.zoneAudienceOpeners),
  allZonesPhrases: phrases(data.allZonesPhrases.map((words) => ({ words, value: true }))),
  titleWords: set(data.titleWords),
  periodEndPrepositions: set(data.periodEndPrepositions),
  periodStartPrepositions: set(data.periodStartPrepositions),
  affiliationPrepositions: set(data.affiliationPrepositions),
  placePrepositions: set(data.placePrepositions),
  titleModifiers: set(data.titleModifiers),
  distinctRanks: set(data.distinctRanks),
  titleWordStems: stems(data.titleWords),
  titleModifierStems: stems(data.titleModifiers),
  distinctRankStems: stems(data.distinctRanks),
  titleAbbreviations: table(data.titleAbbreviations),
  headVerbs: table(data.headVerbs),
  headTitles: set(data.headTitles),
  jointPrefixes: set(data.jointPrefixes),
  labelQuestions: table(data.labelQuestions),
  affiliationVerbs: set(data.affiliationVerbs),
  additionalRoleCues: phrases(data.additionalRoleCues.map((words) => ({ words, value: true }))),
  honorifics: set(data.honorifics),
  leaderNamedHeads: set(data.leaderNamedHeads),
  exclusionWords: phrases(data.exclusionWords.map((words) => ({ words, value: true }))),
  abbreviations: set(data.abbreviations),
  reportingVerbs: set(data.reportingVerbs),
  reportingVerbsWithObject: phrases(data.reportingVerbsWithObject.map((words) => ({ words, value: true }))),
  doubtingVerbs: set(data.doubtingVerbs),
  propositionNouns: set(data.propositionNouns),
  attributionPhrases: phrases(data.attributionPhrases.map((words) => ({ words, value: true }))),
  sourcePhrases: phrases(data.sourcePhrases.map((words) => ({ words, value: true }))),
  hedgeAdverbs: set(data.hedgeAdverbs),
  recommendCues: phrases(data.recommendCues.map((words) => ({ words, value: true }))),
  hypotheticalCues: phrases(data.hypotheticalCues.map((words) => ({ words, value: true }))),
  affirmedSupposition: phrases(data.affirmedSupposition.map((words) => ({ words, value: true }))),
  contrastMarkers: phrases(data.contrastMarkers.map((words) => ({ words, value: true }))),
  otherInstance: set(data.otherInstance),
  instanceNounStems: new Set(data.instanceNouns.map((w) => stem(w))),
  describingAdjectives: set(data.describingAdjectives),
  fixedExpressions: phrases(data.fixedExpressions.map((words) => ({ words, value: true }))),
  collectionNounStems: new Set(data.collectionNouns.map((w) => stem(w))),
  subsetPatterns: phrases(data.subsetPatterns.map((words) => ({ words, value: true }))),
  genericNounStems: new Set(data.genericNouns.map((w) => stem(w))),
  /** Endings that make a noun of a verb: "establishment" of "establish". */
  nominalSuffixes: data.nominalSuffixes as readonly string[],
  startPrepositions: set(data.startPrepositions),
  elaborationCues: phrases(data.elaborationCues.map((words) => ({ words, value: true }))),
  /** The ending of a verb's participle: "culminating in …" goes on about the clause, it names nothing. */
  participleEndings: data.participleEndings as readonly string[],
  reducedRelativeEndings: data.reducedRelativeEndings as readonly string[],
  /** The preposition of a passive's agent: "proposed by the NIS Cooperation Group". */
  agentPrepositions: set(data.agentPrepositions),
  /** A named party's past proposal is a fact: "the GGE proposed 11 norms". */
  pastRecommendCues: phrases(data.pastRecommendCues.map((p) => ({ words: splitWords(p), value: true }))),
  /** Each noun's stem to the other words naming the same measure: "share" to "percentage", "proportion". */
  measureSynonyms: new Map(
    data.measureSynonyms.flatMap((group) => group.map((w) => [stem(w), group.filter((o) => o !== w)] as const)),
  ),
  nameGenericStems: new Set(data.nameGenericWords.map((w) => stem(w))),
  stopWords: set(data.stopWords),
  nameParticles: set(data.nameParticles),
  bylineLeads: phrases(data.bylineLeads.map((p) => ({ words: splitWords(p), value: true }))),
  documentGenres: phrases(data.documentGenres.map((p) => ({ words: splitWords(p), value: true }))),
  sectionHeadings: new Set(data.sectionHeadings),
  nonNameWords: set(data.nonNameWords),
  distributives: set(data.distributives),
  durationUnits: set(data.durationUnits),
  measureUnits: set(data.measureUnits),
  unitSymbols: set(data.unitSymbols),
  sourceNouns: phrases(data.sourceNouns.map((p) => ({ words: splitWords(p), value: true }))),
  framingWords: set(data.framingWords),
  speculativeModals: set(data.speculativeModals),
  attributionCues: set(data.attributionCues),
  numberedThings: set(data.numberedThings),
  estWords: set(data.estWords),
  roleTimeWords: set(data.roleTimeWords),
  statementFillerStems: new Set(data.statementFillers.map((w) => stem(w))),
  predicateClasses: Object.keys(data.predicates) as PredicateClass[],
  /** Classes that say how something is ("global", "mature"), not whether it is. */
  qualifyingClasses: new Set(
    (Object.entries(data.predicates) as [PredicateClass, { qualifies?: boolean }][])
      .filter(([, c]) => c.qualifies)
      .map(([name]) => name),
  ),
  predicateWords: predicateWords(),
};

function predicateWords(): PredicateWord[] {
  const out: PredicateWord[] = [];
  for (const [name, sides] of Object.entries(data.predicates) as [
    PredicateClass,
    { plus: string[]; minus: string[] },
  ][]) {
    for (const [words, polarity] of [
      [sides.plus, 1],
      [sides.minus, -1],
    ] as const) {
      for (const w of words) out.push({ stems: stemsOf(w), predicate: name, polarity });
    }
  }
  // Longest first: "keep at arm's length" before "length", "not viable" before "viable".
  return out.sort((a, b) => b.stems.length - a.stems.length);
}

/** The stems of a phrase's words, as the tokenizer would give them ("arm's" reads as "arm"). */
export function stemsOf(phrase: string): string[] {
  return phrase
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .split(/[^\p{L}\p{N}&]+/u)
    .filter(Boolean)
    .map((w) => stem(w));
}

/** A list's phrases by their first (or last) word, in list order: each token reads only the few that can match. */
const byFirstWord = new WeakMap<readonly Phrase<unknown>[], Map<string, Phrase<unknown>[]>>();
const byLastWord = new WeakMap<readonly Phrase<unknown>[], Map<string, Phrase<unknown>[]>>();

function indexed<T>(
  cache: WeakMap<readonly Phrase<unknown>[], Map<string, Phrase<unknown>[]>>,
  list: readonly Phrase<T>[],
  edge: (p: Phrase<T>) => string,
): Map<string, Phrase<T>[]> {
  let index = cache.get(list) as Map<string, Phrase<T>[]> | undefined;
  if (!index) {
    index = new Map();
    for (const p of list) {
      const bucket = index.get(edge(p));
      if (bucket) bucket.push(p);
      else index.set(edge(p), [p]);
    }
    cache.set(list, index as Map<string, Phrase<unknown>[]>);
  }
  return index;
}

/** The longest phrase of `list` that starts at `at` in `words` (lower-case tokens), or undefined. */
export function phraseAt<T>(list: readonly Phrase<T>[], words: readonly string[], at: number): Phrase<T> | undefined {
  const candidates = indexed(byFirstWord, list, (p) => p.words[0]).get(words[at]);
  if (!candidates) return undefined;
  for (const p of candidates) {
    if (at + p.words.length > words.length) continue;
    let ok = true;
    for (let k = 1; k < p.words.length && ok; k++) ok = words[at + k] === p.words[k];
    if (ok) return p;
  }
  return undefined;
}

/** The longest phrase of `list` that ends just before `at` in `words`, or undefined. */
export function phraseBefore<T>(
  list: readonly Phrase<T>[],
  words: readonly string[],
  at: number,
): Phrase<T> | undefined {
  const candidates = indexed(byLastWord, list, (p) => p.words[p.words.length - 1]).get(words[at - 1]);
  if (!candidates) return undefined;
  for (const p of candidates) {
    const from = at - p.words.length;
    if (from < 0) continue;
    let ok = true;
    for (let k = 0; k < p.words.length && ok; k++) ok = words[from + k] === p.words[k];
    if (ok) return p;
  }
  return undefined;
}
