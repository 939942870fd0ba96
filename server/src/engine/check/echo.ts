// A memo sentence that echoes one sentence of a report (most of what it says, weighed by how rare
// each word is in the reports, is that sentence's) and states one of its figures, years or dates
// otherwise contradicts it. This needs no claim read from the report beforehand, so it serves any
// wording of any figure a report writes; it stays silent unless identity is plain: one figure
// differs, every other one the two share agrees, and each name the memo writes is the report's.
import { type KnowledgeBase } from '../../knowledge/knowledgeBase';
import { type Claim, type DateValue, type QuantityValue, type SourceSentence } from '../../knowledge/types';
import { lexicon } from '../lexicon';
import { type Clause } from '../reader/clauses';
import { type SentenceView } from '../reader/sentence';
import { isDigit, type Token, tokenize } from '../text/tokens';
import {
  boundOf,
  type DateMention,
  extractValues,
  type NumberMention,
  type OrdinalMention,
  type PeriodMention,
  type ValueMention,
  type YearMention,
} from '../values';
import { compareDate, dateVerdict } from './judges/date';
import { namesAnExampleOnly } from './examples';
import { attributedReports } from './attribution';
import { compareQuantity } from './judges/quantity';
import { writeOrdinal } from './render';
import { type Verdict, type VerdictKind, verdictOn } from './verdict';

/**
 * The share of a memo sentence's weighed words its echo must write: to contradict one figure with two or
 * more others agreeing, with one, or alone, and to support it.
 */
const echoShare = {
  fourfoldCorroborated: 0.2,
  thriceCorroborated: 0.35,
  twiceCorroborated: 0.45,
  corroborated: 0.55,
  alone: 0.65,
  support: 0.8,
};
/** By how much more of the memo's weighed words one echo must write than the next to be the one it echoes. */
const clearlyCloser = 0.3;
/** The share of the memo's weighed words two sentences of a report that run on must write between them. */
const pairShare = 0.6;
/** Fewest distinct content words a memo sentence and its echo share. */
const minimumShared = 3;

type Figure = NumberMention | YearMention | DateMention | PeriodMention | OrdinalMention;

export interface Echo {
  source: string;
  file: string;
  sentence: SourceSentence;
  words: ReadonlySet<string>;
  /** The words of the sentence before, in the same paragraph: names it set up. */
  before: ReadonlySet<string>;
  /** The words of its whole paragraph. */
  paragraph: ReadonlySet<string>;
  figures: Figure[];
  /** Every value the sentence states: their words are no evidence of what a figure measures. */
  values: ValueMention[];
  tokens: Token[];
  negated: boolean;
}

export interface EchoIndex {
  echoes: Echo[];
  postings: Map<string, number[]>;
  /** In how many of a report's sentences each word is written, by report key. */
  bySource: Map<string, Map<string, number>>;
  /** Inverse document frequency of each word over the reports' sentences. */
  weight: (word: string) => number;
  /** Each report sentence's place in `echoes`, by its report's key and text. */
  bySentence: Map<string, number>;
}

const indexes = new WeakMap<KnowledgeBase, EchoIndex | null>();

/** The reports' sentences of this knowledge base, indexed by word (built once, on first use). */
export function indexOf(kb: KnowledgeBase): EchoIndex | undefined {
  let index = indexes.get(kb);
  if (index === undefined) {
    index = buildIndex(kb);
    indexes.set(kb, index);
  }
  return index ?? undefined;
}

function buildIndex(kb: KnowledgeBase): EchoIndex | null {
  const echoes: Echo[] = [];
  const frequency = new Map<string, number>();
  const bySource = new Map<string, Map<string, number>>();
  let total = 0;
  for (const source of kb.sources.values()) {
    if (!source.sentences) continue;
    let before: ReadonlySet<string> = new Set();
    let paragraph = new Set<string>();
    const counts = new Map<string, number>();
    bySource.set(source.key, counts);
    for (const sentence of source.sentences) {
      if (sentence.inPassage === 0) paragraph = new Set<string>();
      const echo = echoOf(
        source.key,
        source.origin.file,
        sentence,
        sentence.inPassage > 0 ? before : new Set(),
        paragraph,
      );
      total++;
      for (const w of echo.words) {
        frequency.set(w, (frequency.get(w) ?? 0) + 1);
        counts.set(w, (counts.get(w) ?? 0) + 1);
        paragraph.add(w);
      }
      echoes.push(echo);
      before = echo.words;
    }
  }
  if (total === 0) return null;
  const postings = postingsOf(echoes);
  // Smoothed, so that in a short report an unseen word weighs little more than one written once.
  const weight = (word: string): number => Math.log((total + 1) / ((frequency.get(word) ?? 0) + 1)) + 1;
  const bySentence = new Map(echoes.map((e, i) => [sentenceKey(e.source, e.sentence.text), i]));
  return { echoes, postings, weight, bySource, bySentence };
}

const sentenceKey = (source: string, text: string): string => `${source}\u0000${text}`;

/** The words of the sentences right before and after a report's sentence in its paragraph, if it is indexed. */
export function neighbourWords(kb: KnowledgeBase, source: string, sentence: string): ReadonlySet<string> | undefined {
  const index = indexOf(kb);
  const at = index?.bySentence.get(sentenceKey(source, sentence));
  if (!index || at === undefined) return undefined;
  const own = index.echoes[at];
  const next = index.echoes[at + 1];
  const after = next && next.source === own.source && next.sentence.inPassage > 0 ? next.words : [];
  return new Set([...own.before, ...after]);
}

/** One sentence of a report (or two running on) read for echoes. */
function echoOf(
  source: string,
  file: string,
  sentence: SourceSentence,
  before: ReadonlySet<string>,
  paragraph: ReadonlySet<string>,
): Echo {
  const tokens = tokenize(sentence.text);
  const words = new Set(tokens.filter(isContent).map((t) => t.norm));
  const values = extractValues(sentence.text, tokens);
  // "3.5GHz" is read as 3: a figure glued to the next word is misread, not stated.
  const figures = values.filter(isFigure).filter((v) => !glued.test(sentence.text.slice(v.end)));
  const negated = tokens.some((t) => lexicon.negations.has(t.lower));
  return { source, file, sentence, words, before, paragraph, figures, values, tokens, negated };
}

function postingsOf(echoes: readonly Echo[]): Map<string, number[]> {
  const postings = new Map<string, number[]>();
  echoes.forEach((e, i) => {
    for (const w of e.words) {
      const list = postings.get(w);
      if (list) list.push(i);
      else postings.set(w, [i]);
    }
  });
  return postings;
}

const pairIndexes = new WeakMap<EchoIndex, { echoes: Echo[]; postings: Map<string, number[]> }>();

/**
 * Each two sentences of a paragraph that run on, read as one (built on first use): a memo sentence
 * may put in one what the report says in two ("The mechanism is to launch by March 2026. Its
 * establishment depends on a resolution later this year.").
 */
function pairsOf(index: EchoIndex): { echoes: Echo[]; postings: Map<string, number[]> } {
  let pairs = pairIndexes.get(index);
  if (pairs) return pairs;
  const echoes: Echo[] = [];
  for (let i = 1; i < index.echoes.length; i++) {
    const [first, second] = [index.echoes[i - 1], index.echoes[i]];
    if (second.sentence.inPassage === 0 || first.source !== second.source) continue;
    const sentence = { ...first.sentence, text: `${first.sentence.text} ${second.sentence.text}` };
    echoes.push(echoOf(first.source, first.file, sentence, first.before, second.paragraph));
  }
  pairs = { echoes, postings: postingsOf(echoes) };
  pairIndexes.set(index, pairs);
  return pairs;
}

/**
 * The memo sentence's content words outside its reporting frame, less those `setAside` takes (the
 * names or list items a swap echo compares on their own), and their weight in all.
 */
export function memoContentWords(
  view: SentenceView,
  index: EchoIndex,
  setAside: ReadonlySet<string>,
): { words: Set<string>; whole: number } {
  const words = new Set<string>();
  for (let k = 0; k < view.tokens.length; k++) {
    const t = view.tokens[k];
    if (t.start < view.start || t.end > view.end || !isContent(t) || setAside.has(t.norm)) continue;
    if (view.clauseAt(k).kind === 'reporting' || lexicon.reportingVerbs.has(t.lower)) continue;
    words.add(t.norm);
  }
  let whole = 0;
  for (const w of words) whole += index.weight(w);
  return { words, whole };
}

/** How many of `words` a report sentence writes, and their weight. */
export function echoOverlap(
  index: EchoIndex,
  words: ReadonlySet<string>,
  echo: Echo,
): { weighed: number; shared: number } {
  let weighed = 0;
  let shared = 0;
  for (const w of words) {
    if (!echo.words.has(w)) continue;
    weighed += index.weight(w);
    shared++;
  }
  return { weighed, shared };
}

/** Whether the sentence denies what its main clauses say (a negation outside its reporting frame). */
export function mainNegated(view: SentenceView): boolean {
  return view.negations.some((s) => s.core && view.clauseAt(s.cueFirst).kind !== 'reporting');
}

export function isContent(t: Token): boolean {
  return t.raw.length > 1 && !isDigit(t.raw[0]) && !lexicon.stopWords.has(t.lower);
}

function isFigure(v: ValueMention): v is Figure {
  if (v.kind === 'number') return !v.top && !(v.unit === 'count' && v.value < 2);
  // A rank ("25th out of 182", "the 15th-largest"), not which instance of a series ("the second State
  // Visit"): another instance is another thing, not a wrong number.
  if (v.kind === 'ordinal') return v.outOf !== undefined || v.superlative === true;
  return v.kind === 'year' || v.kind === 'period' || (v.kind === 'date' && v.year !== undefined);
}

/** Contradictions of the report sentences a memo sentence echoes. */
export interface Echoes {
  verdicts: Verdict[];
  /** Report sentences the memo echoes with two or more figures otherwise: another fact than theirs. */
  otherFacts: Set<string>;
}

const none = (): Echoes => ({ verdicts: [], otherFacts: new Set() });

export function echoVerdicts(view: SentenceView): Echoes {
  const index = indexOf(view.kb);
  if (!index) return none();
  const stated = view.values.filter(
    (v): v is Figure =>
      isFigure(v) &&
      view.clauseAt(view.tokenIndexAt(v.start)).kind !== 'reporting' &&
      !view.terms.some((t) => t.start <= v.start && v.end <= t.end) &&
      !nameYear(view, v),
  );
  if (stated.length === 0) return none();
  const namedYears = memoNameYears(view);
  const attributed = attributedReports(view);
  const clauses = new Set(stated.map((v) => view.clauseAt(view.tokenIndexAt(v.start))));
  const memo = memoWords(view, stated, clauses);
  if (memo.size < minimumShared) return none();
  let whole = 0;
  for (const w of memo.keys()) whole += index.weight(w);
  const negated = mainNegated(view);
  const names = new Set<string>();
  for (const e of view.entities) for (let k = e.first; k < e.last; k++) names.add(view.tokens[k].norm);
  const candidates = (postings: Map<string, number[]>): Set<number> => {
    const seen = new Set<number>();
    for (const [w, aliases] of memo) {
      for (const i of postings.get(w) ?? []) seen.add(i);
      for (const alias of aliases) for (const i of postings.get(alias[0]) ?? []) seen.add(i);
    }
    return seen;
  };
  const found: { verdict: Verdict; share: number }[] = [];
  const otherFacts = new Set<string>();
  // A memo date a sentence sharing its words dates ("told a February 2025 roundtable", the report: two
  // roundtables, in May 2019 and February 2025) is that sentence's, however loosely it is echoed.
  let dateElsewhere = false;
  /** Compares the memo with one echo; the memo's agreement with it, if it states a fact of it. */
  const compare = (echo: Echo, pair: boolean): Echoes | undefined => {
    let weighed = 0;
    let shared = 0;
    for (const [w, aliases] of memo) {
      // A name the sentence before set up ("he" for Ren Zhengfei) is written for this one.
      const here = (x: string): boolean => echo.words.has(x) || (names.has(x) && echo.before.has(x));
      if (here(w) || aliases.some((a) => a.every(here))) {
        weighed += index.weight(w);
        shared++;
      }
    }
    const share = weighed / whole;
    if (!pair && shared >= minimumShared && datedAlike(echo, stated) && namesAreTheReports(view, echo, memo, clauses)) {
      dateElsewhere = true;
    }
    // Two sentences hold more figures to mistake one for another: only a close echo of both counts.
    const least = pair ? pairShare : echoShare.fourfoldCorroborated;
    if (share < least || echo.negated !== negated) return undefined;
    if (shared < minimumShared || !namesAreTheReports(view, echo, memo, clauses)) return undefined;
    const verdict = compareFigures(view, echo, stated, share, namedYears, attributed, pair);
    // The memo agrees with one sentence of the report: whatever another says, it states a fact.
    if (verdict === 'agrees') {
      // Support speaks for the whole sentence: every clause and every name in it must be the report's.
      const whole =
        !pair && echoShareOf(view, echo.sentence.text) >= echoShare.support && namesAreTheReports(view, echo, memo);
      return { verdicts: whole ? [agreement(view, echo, stated, shared)] : [], otherFacts: new Set() };
    }
    if (verdict === 'another') {
      if (share >= echoShare.alone && !pair) otherFacts.add(echo.sentence.text);
    } else if (verdict) found.push({ verdict, share });
    return undefined;
  };
  for (const i of candidates(index.postings)) {
    const agreed = compare(index.echoes[i], false);
    if (agreed) return agreed;
  }
  // Nothing in one sentence: what the memo says may be told over two.
  if (found.length === 0) {
    const pairs = pairsOf(index);
    for (const i of candidates(pairs.postings)) {
      if (compare(pairs.echoes[i], true)) return none();
    }
  }
  // Two sentences with two other values: the memo may be about either, unless it echoes one far more
  // closely than any other.
  const kept = dateElsewhere ? found.filter(({ verdict: v }) => v.detail.kind !== 'date') : found;
  kept.sort((a, b) => b.share - a.share);
  const values = new Set(kept.map(({ verdict: v }) => `${v.start}:${JSON.stringify(v.claim.value)}`));
  const closest = kept.length > 1 && kept[0].share - kept[1].share >= clearlyCloser;
  return { verdicts: kept.length > 0 && (values.size === 1 || closest) ? [kept[0].verdict] : [], otherFacts };
}

/** Whether the echo writes a date of the memo's, as exactly as the memo ("February 2025"; "14 May 2025"). */
function datedAlike(echo: Echo, stated: readonly Figure[]): boolean {
  const key = (v: Figure, days: boolean): string | undefined =>
    v.kind === 'date' && v.year !== undefined && v.months && v.months.lo === v.months.hi
      ? `${v.year}-${v.months.lo}${days ? `-${v.days?.lo}-${v.days?.hi}` : ''}`
      : undefined;
  return stated.some((m) => {
    const days = m.kind === 'date' && m.days !== undefined;
    const memo = key(m, days);
    return memo !== undefined && echo.figures.some((f) => key(f, days) === memo);
  });
}

/** The content words of each form of a known name ("EU", "European Union"), as norms. */
function formWords(view: SentenceView, id: string): string[][] {
  return view.kb
    .formsOf(id)
    .map(contentNorms)
    .filter((words) => words.length > 0);
}

/** "Huawei Connect 2025", "the 2018 Strategy": a year that is part of what a name names. */
function nameYear(view: SentenceView, v: Figure): boolean {
  if (v.kind !== 'year') return false;
  const between = (a: number, b: number): boolean => a <= b && view.text.slice(a, b).trim() === '';
  return view.entities.some(
    (e) => !e.weak && (between(e.end, v.start) || between(v.end, e.start) || e.yearSpan?.start === v.start),
  );
}

/** The years the memo writes as part of a name, each with the name's word beside it ("connect 2025"). */
function memoNameYears(view: SentenceView): Set<string> {
  const out = new Set<string>();
  for (const v of view.values) {
    if (v.kind !== 'year' || !nameYear(view, v)) continue;
    const at = view.tokenIndexAt(v.start);
    for (const k of [at - 1, at + 1]) if (view.tokens[k]) out.add(`${view.tokens[k].norm} ${v.year}`);
  }
  return out;
}

/** A year of the report's sentence that is part of a name the memo writes with that year ("Huawei Connect 2025"). */
function namedInMemo(echo: Echo, e: Figure, namedYears: ReadonlySet<string>): boolean {
  if (e.kind !== 'year' || namedYears.size === 0) return false;
  const at = echo.tokens.findIndex((t) => t.start >= e.start);
  return [at - 1, at + 1].some((k) => echo.tokens[k] && namedYears.has(`${echo.tokens[k].norm} ${e.year}`));
}

/**
 * The memo's content words in the clauses that state its figures (outside a reporting frame and the
 * figures themselves), each with the content words of the other names of what it names: "EU" is
 * written "European Union" in the report.
 */
function memoWords(view: SentenceView, stated: readonly Figure[], clauses: Set<Clause>): Map<string, string[][]> {
  const words = new Map<string, string[][]>();
  for (let k = 0; k < view.tokens.length; k++) {
    const t = view.tokens[k];
    if (t.start < view.start || t.end > view.end || !isContent(t)) continue;
    if (!clauses.has(view.clauseAt(k)) || lexicon.reportingVerbs.has(t.lower)) continue;
    if (stated.some((v) => v.start <= t.start && t.end <= v.end)) continue;
    if (!words.has(t.norm)) words.set(t.norm, []);
  }
  for (const e of view.entities) {
    if (e.id === undefined) continue;
    const aliases = formWords(view, e.id);
    for (let k = e.first; k < e.last; k++) words.get(view.tokens[k].norm)?.push(...aliases);
  }
  // "Britain" for the UK: each name of a state stands for its others.
  for (const forms of stateForms()) {
    for (const [n, form] of forms.entries()) {
      const others = forms.filter((_, m) => m !== n);
      for (let k = 0; k + form.length <= view.tokens.length; k++) {
        if (!form.every((w, j) => view.tokens[k + j].norm === w)) continue;
        for (let j = 0; j < form.length; j++) words.get(view.tokens[k + j].norm)?.push(...others);
      }
    }
  }
  // "Pyongyang" for North Korea: a capital written for its state.
  for (const t of view.tokens) {
    const states = lexicon.capitalMetonyms.get(t.lower);
    if (!states || t.raw[0] === t.raw[0].toLowerCase()) continue;
    words.get(t.norm)?.push(...states.map(contentNorms).filter((norms) => norms.length > 0));
  }
  return words;
}

let stateFormsMemo: string[][][] | undefined;

/** Each group of a state's names (lexicon stateNames) as content-word norms, read once. */
function stateForms(): string[][][] {
  return (stateFormsMemo ??= lexicon.stateNames.map((names) =>
    names.map(contentNorms).filter((norms) => norms.length > 0),
  ));
}

const normsOfName = new Map<string, string[]>();

/** The content words of a name, as norms (computed once per name). */
function contentNorms(name: string): string[] {
  let norms = normsOfName.get(name);
  if (!norms) {
    norms = tokenize(name)
      .filter(isContent)
      .map((t) => t.norm);
    normsOfName.set(name, norms);
  }
  return norms;
}

/** Each name the memo writes (in the given clauses, if any) is written in the echo or the sentence before it. */
function namesAreTheReports(
  view: SentenceView,
  echo: Echo,
  memo: Map<string, string[][]>,
  clauses?: Set<Clause>,
): boolean {
  // "Bae tests the framework against …": the report's own authors may be named as who says it.
  const authors = new Set(
    (view.kb.sources.get(echo.source)?.csl.author ?? []).flatMap((a) =>
      tokenize(a.family ?? a.literal ?? '').map((t) => t.norm),
    ),
  );
  const written = (w: string): boolean => echo.words.has(w) || echo.before.has(w) || authors.has(w);
  return view.entities.every((e) => {
    const clause = view.clauseAt(e.first);
    if (e.weak || clause.kind === 'reporting' || (clauses && !clauses.has(clause))) return true;
    for (let k = e.first; k < e.last; k++) {
      const t = view.tokens[k];
      if (!isContent(t) || written(t.norm)) continue;
      if (!(memo.get(t.norm) ?? []).some((a) => a.every(written))) return false;
    }
    return true;
  });
}

type Class = string;

/**
 * Figures of one class measure alike: numbers by unit, currency and whether they are a part of a
 * total; years and dates by how they are set: "in 2025" is when, "by 2028" a deadline or reference
 * point, "since 2018" a start. A date of one kind is no other value of the other.
 */
function classOf(v: Figure): Class {
  if (v.kind === 'number') return `${v.unit}:${v.currency ?? ''}:${v.of === undefined ? '' : 'of'}`;
  if (v.kind === 'period' || v.kind === 'ordinal') return v.kind;
  const p = v.preposition ?? '';
  return lexicon.startPrepositions.has(p) ? 'since' : lexicon.referencePointPrepositions.has(p) ? 'by' : 'when';
}

/**
 * Pairs each memo figure with the echo's figure of its kind: one the echo states equally agrees;
 * otherwise the only one of its kind, or the only one with the same word beside it, is what it
 * says otherwise. One figure otherwise, and none of the others, is a contradiction.
 */
function compareFigures(
  view: SentenceView,
  echo: Echo,
  stated: readonly Figure[],
  share: number,
  namedYears: ReadonlySet<string>,
  attributed: ReadonlySet<string> | undefined,
  pair = false,
): Verdict | 'agrees' | 'another' | undefined {
  const figures = echo.figures.filter((e) => !namedInMemo(echo, e, namedYears));
  let agreeing = 0;
  const differing: { m: Figure; e: Figure }[] = [];
  const matched = new Set<Figure>();
  let uncertain = false;
  // Figures agreeing with none of their class, whose counterpart is unclear.
  let unpaired = 0;
  for (const m of stated) {
    const kind = classOf(m);
    const same = figures.filter((e) => classOf(e) === kind);
    if (same.length === 0) continue;
    const kinds = same.map((e) => comparison(view, m, e));
    const equal = kinds.indexOf('agrees');
    if (equal >= 0) {
      agreeing++;
      matched.add(same[equal]);
      continue;
    }
    // "in 2022" where the report says "in May 2022": consistent, but not what the report states.
    if (kinds.includes('narrower')) {
      uncertain = true;
      continue;
    }
    // The figure measuring what the memo's figure measures: the one whose nearby words the memo writes
    // there, and that counts the same thing ("20,000 attendees" is no count of "four new models").
    // A figure another memo figure agrees with or differs from is taken: "four times" after "15 times"
    // is not a second value for the report's "11 times".
    const free = same.filter((e) => !matched.has(e) && !differing.some((d) => d.e === e));
    if (free.length === 0) continue;
    const overlaps = free.map((e) => (sameCountedNoun(view, m, echo, e) ? measureOverlap(view, m, echo, e) : 0));
    const best = Math.max(...overlaps);
    if (!(best > 0) || overlaps.filter((n) => n === best).length > 1) unpaired++;
    else differing.push({ m, e: free[overlaps.indexOf(best)] });
  }
  if (differing.length + unpaired > 1) return 'another';
  if (differing.length === 0) return agreeing === stated.length && !uncertain && unpaired === 0 ? 'agrees' : undefined;
  // "between 2022 and 2024" where the report gives May 2022: both ends are paired with one figure.
  if (unpaired > 0 || matched.has(differing[0].e)) return undefined;
  const { m, e } = differing[0];
  if (m.kind === 'number' && namesAnExampleOnly(view, echo.sentence.text, e.end, m)) return undefined;
  // Two figures of one named thing ("12 recommendations", "14 recommendations") say what they measure,
  // and two figures written amid the same words ("a 5,000-ton naval destroyer project") measure the
  // same thing: each corroborates the pairing as an agreeing figure would.
  const counted = m.kind === 'number' && e.kind === 'number' && namesSameMeasure(view, m, echo, e) ? 1 : 0;
  const amidSameWords = sameSideOverlap(view, m, echo, e) >= sameMeasureWords ? 1 : 0;
  // "(Kim 2025)", "O'Neill writes": the memo says whose report it echoes.
  const cited = attributed?.has(echo.source) ? 1 : 0;
  // Over two sentences, the words of one may have led to a figure of the other: the figure's own
  // words must be the memo's.
  if (pair && counted + amidSameWords === 0) return undefined;
  const corroborating = agreeing + counted + amidSameWords + cited;
  const needed =
    corroborating > 3
      ? echoShare.fourfoldCorroborated
      : corroborating > 2
        ? echoShare.thriceCorroborated
        : corroborating > 1
          ? echoShare.twiceCorroborated
          : corroborating > 0
            ? echoShare.corroborated
            : echoShare.alone;
  if (share < needed) return undefined;
  return contradiction(view, echo, m, e);
}

/** How a memo figure compares with a report figure of its class, as the judges compare them. */
function comparison(view: SentenceView, m: Figure, e: Figure): VerdictKind {
  if (m.kind === 'number' && e.kind === 'number') {
    return compareQuantity(view, { claim: echoPlaceholder, coverage: 0 }, m, quantityOf(e)).kind;
  }
  if (m.kind === 'period' && e.kind === 'period') return m.from === e.from && m.to === e.to ? 'agrees' : 'contradicts';
  if (m.kind === 'ordinal' && e.kind === 'ordinal') return m.value === e.value ? 'agrees' : 'contradicts';
  if (!isTime(m) || !isTime(e)) return 'narrower';
  return compareDate(m, dateOf(e));
}

function isTime(v: Figure): v is YearMention | DateMention {
  return v.kind === 'year' || v.kind === 'date';
}

function dateOf(e: YearMention | DateMention): DateValue {
  if (e.kind === 'year') return { year: e.year };
  const exact = (s: { lo: number; hi: number } | undefined): number | undefined =>
    s && s.lo === s.hi ? s.lo : undefined;
  return { year: e.year!, month: exact(e.months), day: exact(e.days) };
}

/** What follows a figure glued to it: "3.5GHz" is read as 3. */
const glued = /^[.,]?[\p{L}\p{N}]/u;

/** Content words on each side of a figure that say what it measures. */
const measureReach = 4;
/** Of those, how many two figures must share to measure the same thing on that evidence alone. */
const sameMeasureWords = 2;

/** The nearest content words before and after a figure, outside every value the sentence states. */
function measureWords(tokens: readonly Token[], values: readonly ValueMention[], v: Figure): Set<string> {
  const { before, after } = measureSides(tokens, values, v);
  return new Set([...before, ...after]);
}

/** The nearest content words on each side of a figure, outside every value the sentence states. */
function measureSides(
  tokens: readonly Token[],
  values: readonly ValueMention[],
  v: Figure,
  commonOnly = false,
): { before: Set<string>; after: Set<string> } {
  const before = new Set<string>();
  const after = new Set<string>();
  const outside = (t: Token): boolean =>
    isContent(t) &&
    !values.some((x) => x.start <= t.start && t.end <= x.end) &&
    !(commonOnly && t.raw[0] !== t.raw[0].toLowerCase());
  const at = tokens.findIndex((t) => t.start >= v.start);
  const from = at < 0 ? tokens.length : at;
  for (let k = from - 1, n = 0; k >= 0 && n < measureReach; k--) {
    if (outside(tokens[k])) {
      before.add(tokens[k].norm);
      n++;
    }
  }
  for (let k = tokens.findIndex((t) => t.start >= v.end), n = 0; k >= 0 && k < tokens.length && n < measureReach; k++) {
    if (outside(tokens[k])) {
      after.add(tokens[k].norm);
      n++;
    }
  }
  return { before, after };
}

/**
 * How many common words (names aside: they say whose, not what) two figures share on the same side
 * of each: "a 5,000-ton naval destroyer project" and "a 7,000-ton naval destroyer project" measure
 * one thing; "a third of the funds Tornado Cash processed" and "Tornado Cash flows declined to under
 * 25%" are two shares.
 */
function sameSideOverlap(view: SentenceView, m: Figure, echo: Echo, e: Figure): number {
  const mine = measureSides(view.tokens, view.values, m, true);
  const theirs = measureSides(echo.tokens, echo.values, e, true);
  let n = 0;
  for (const w of theirs.before) if (mine.before.has(w)) n++;
  for (const w of theirs.after) if (mine.after.has(w)) n++;
  return n;
}

/** The content word right after a count, if it follows it directly: the thing counted. */
function countedNoun(tokens: readonly Token[], v: Figure): string | undefined {
  if (v.kind !== 'number' || v.unit !== 'count') return undefined;
  const next = tokens.find((t) => t.start >= v.end);
  return next && isContent(next) ? next.norm : undefined;
}

/** Two counts of things count the same thing, where both say what they count. */
function sameCountedNoun(view: SentenceView, m: Figure, echo: Echo, e: Figure): boolean {
  const mine = countedNoun(view.tokens, m);
  const theirs = countedNoun(echo.tokens, e);
  return mine === undefined || theirs === undefined || mine === theirs;
}

/**
 * The word a figure measures, right after it or past one function word: "21 cyberattacks", "$1.5
 * billion in cryptocurrency", "40% of exports".
 */
function measuredNoun(tokens: readonly Token[], v: Figure): string | undefined {
  if (v.kind !== 'number') return undefined;
  const at = tokens.findIndex((t) => t.start >= v.end);
  if (at < 0) return undefined;
  if (isContent(tokens[at])) return tokens[at].norm;
  const next = tokens[at + 1];
  return lexicon.stopWords.has(tokens[at].lower) && next && isContent(next) ? next.norm : undefined;
}

/** Both figures say what they measure, and it is the same thing. */
function namesSameMeasure(view: SentenceView, m: Figure, echo: Echo, e: Figure): boolean {
  const mine = measuredNoun(view.tokens, m);
  return mine !== undefined && mine === measuredNoun(echo.tokens, e);
}

/** How many words that say what each figure measures the two share. */
function measureOverlap(view: SentenceView, m: Figure, echo: Echo, e: Figure): number {
  const mine = measureWords(view.tokens, view.values, m);
  let n = 0;
  for (const w of measureWords(echo.tokens, echo.values, e)) if (mine.has(w)) n++;
  return n;
}

/** A claim for comparing values only: the judges' comparisons read nothing of it but its value. */
const echoPlaceholder = {} as Claim;

/** The report's sentence as a claim of `value`: what a finding cites and quotes. */
export function echoClaim(echo: Echo, value: Claim['value'], tag = ''): Claim {
  const { sentence } = echo;
  return {
    id: `${echo.source}/echo:${sentence.line}:${sentence.inPassage}${tag}`,
    source: echo.source,
    locator: sentence.locator,
    statement: sentence.text,
    quote: sentence.text,
    about: [],
    property: -1,
    subject: -1,
    extracted: true,
    identity: 'weak',
    origin: { file: echo.file, line: sentence.line, character: 0 },
    value,
  };
}

/** One of the report sentence's figures as a claim value. */
function figureValue(e: Figure): Claim['value'] {
  if (e.kind === 'number') return { kind: 'quantity', quantity: quantityOf(e) };
  if (e.kind === 'period') return { kind: 'period', period: { from: e.from, to: e.to } };
  if (e.kind === 'ordinal') return { kind: 'ordinal', ordinal: e.value };
  return timeValueOf(e);
}

function quantityOf(e: NumberMention): QuantityValue {
  const approx = e.hedge === 'approx' || e.fraction || undefined;
  return { value: e.value, unit: e.unit, approx, bound: boundOf(e.hedge), of: e.of, currency: e.currency };
}

function timeValueOf(e: YearMention | DateMention): Claim['value'] {
  return e.kind === 'year' ? { kind: 'year', year: e.year } : { kind: 'date', date: dateOf(e) };
}

function contradiction(view: SentenceView, echo: Echo, m: Figure, e: Figure): Verdict | undefined {
  const at = { claim: echoClaim(echo, figureValue(e)), coverage: 0 };
  if (m.kind === 'number' && e.kind === 'number') {
    const v = compareQuantity(view, at, m, quantityOf(e));
    return v.kind === 'contradicts' ? v : undefined;
  }
  if (m.kind === 'period' && e.kind === 'period') {
    if (comparison(view, m, e) !== 'contradicts') return undefined;
    const period = { from: e.from, to: e.to };
    const written = view.raw.slice(m.start, m.end);
    const detail = { kind: 'period' as const, sourced: period, written, replacement: `${e.from}–${e.to}` };
    return verdictOn('contradicts', at, m, detail, [m.start]);
  }
  if (m.kind === 'ordinal' && e.kind === 'ordinal') {
    if (m.value === e.value) return undefined;
    const written = view.raw.slice(m.start, m.end);
    const replacement = writeOrdinal(e.value, written, m.words);
    return verdictOn('contradicts', at, m, { kind: 'ordinal', sourced: e.value, written, replacement }, [m.start]);
  }
  if (!isTime(m) || !isTime(e)) return undefined;
  const v = dateVerdict(view, at, m, dateOf(e));
  return v.kind === 'contradicts' ? v : undefined;
}

/** The report's sentence says all the memo's does, figures and all: it supports it. */
function agreement(view: SentenceView, echo: Echo, stated: readonly Figure[], shared: number): Verdict {
  // It speaks of the whole sentence: every name in it is the report's.
  return {
    kind: 'agrees',
    claim: echoClaim(echo, figureValue(echo.figures[0])),
    start: view.start,
    end: view.end,
    coverage: shared,
    accounts: stated.map((v) => v.start),
    detail: { kind: 'agrees' },
  };
}

/**
 * The share of what a sentence says (its content words outside a reporting frame, weighed by how
 * rare each is in the reports) that a report's sentence writes: how surely the two speak of one fact.
 * A name counts as written when the report writes another of its names ("EPF" for "European Peace
 * Facility"). `except`: the stretch of the figure compared, whose words ("million") are no evidence.
 */
export function echoShareOf(
  view: SentenceView,
  reportSentence: string,
  except?: { start: number; end: number },
  neighbours?: ReadonlySet<string>,
): number {
  // With no report sentences to weigh words by, every word weighs the same.
  const weight = indexOf(view.kb)?.weight ?? ((): number => 1);
  const echoed = new Set(
    tokenize(reportSentence)
      .filter(isContent)
      .map((t) => t.norm),
  );
  const aliases = new Map<number, string[][]>();
  for (const e of view.entities) {
    if (e.id === undefined) continue;
    const forms = formWords(view, e.id);
    for (let k = e.first; k < e.last; k++) aliases.set(k, forms);
  }
  const written = (k: number): boolean =>
    echoed.has(view.tokens[k].norm) || (aliases.get(k) ?? []).some((form) => form.every((w) => echoed.has(w)));
  let whole = 0;
  let shared = 0;
  const seen = new Set<string>();
  for (let k = 0; k < view.tokens.length; k++) {
    const t = view.tokens[k];
    if (t.start < view.start || t.end > view.end || !isContent(t) || seen.has(t.norm)) continue;
    if (view.clauseAt(k).kind === 'reporting' || lexicon.reportingVerbs.has(t.lower)) continue;
    if (except && except.start <= t.start && t.end <= except.end) continue;
    seen.add(t.norm);
    const w = weight(t.norm);
    const echoes = written(k);
    // A word the report writes in the sentence before or after, if not in this one, joins a
    // neighbouring fact to this one ("…, as it aims for a top-ten place"): it neither shows nor
    // dilutes identity.
    if (!echoes && neighbours?.has(t.norm)) continue;
    whole += w;
    if (echoes) shared += w;
  }
  return whole === 0 ? 0 : shared / whole;
}
