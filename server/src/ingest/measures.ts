// What a figure or date of a report's sentence is about, read from the words around it as a
// curator would name a claim's property: the noun a count counts ("107 participants"), the phrase
// after "of" ("40 percent of the European Union's foreign trade"), else the subject of its clause
// ("the UK's services exports … to £3.8 billion") and the words right before it ("established in").
import { lexicon } from '../engine/lexicon';
import { type SentenceView } from '../engine/reader/sentence';
import { type Change, changeOf } from '../engine/reader/figureYears';
import { type ValueMention } from '../engine/values';
import { isDigit, singularOfAcronym, stem } from '../engine/text/tokens';

export interface Measure {
  /** Alternative phrases naming it, each a run of the sentence's own words. */
  phrases: string[];
  /** Read from the value's own noun or "of" phrase, not guessed from its clause. */
  own: boolean;
  /** "exports grew 44 percent": the change word a rate of change is written with, and is its property. */
  rate?: string;
  /** "mentioned China 11 times": the name a count of times is of, which tells it from other counts of the verb. */
  object?: string;
}

/** Runs of content words are at most this long: a longer run is a list, not a name of a thing. */
const maxRun = 4;

const possessiveMarks = new Set(["'s", '’s']);

/** A word that says something about what a figure measures. */
export function isContentWord(view: SentenceView, k: number): boolean {
  const t = view.tokens[k];
  const w = t.lower;
  if (isDigit(t.raw.charAt(0))) return false;
  return !(
    lexicon.stopWords.has(w) ||
    lexicon.prepositions.has(w) ||
    lexicon.determiners.has(w) ||
    lexicon.auxiliaries.has(w) ||
    lexicon.copulas.has(w) ||
    lexicon.conjunctions.has(w) ||
    lexicon.clauseBreakWords.has(w) ||
    lexicon.pronouns.has(w) ||
    lexicon.reportingVerbs.has(w) ||
    lexicon.hedgeAdverbs.has(w) ||
    lexicon.statementFillerStems.has(t.norm) ||
    w in lexicon.months ||
    w in lexicon.numberWords ||
    lexicon.weekdays.has(w)
  );
}

/** A word the lexicon lists as saying nothing of a measure that may still qualify a noun ("total"). */
function isModifier(view: SentenceView, k: number): boolean {
  const w = view.words[k];
  return (
    (lexicon.stopWords.has(w) || lexicon.statementFillerStems.has(view.tokens[k].norm)) &&
    !lexicon.prepositions.has(w) &&
    !lexicon.determiners.has(w) &&
    !lexicon.conjunctions.has(w) &&
    !lexicon.auxiliaries.has(w) &&
    !lexicon.copulas.has(w) &&
    !lexicon.pronouns.has(w)
  );
}

/** Punctuation between tokens k-1 and k ends a phrase. */
function breaksBefore(view: SentenceView, k: number): boolean {
  const gap = view.gapBefore(k);
  for (const c of gap) if (c === ',' || c === ';' || c === ':' || c === '(' || c === ')' || c === '–') return true;
  return false;
}

function inName(view: SentenceView, k: number): boolean {
  return view.entityAt(k) !== undefined;
}

/**
 * The content words from token k on: determiners and owners may open the phrase ("the European
 * Union's foreign trade"), a name inside it only modifies ("ill-gotten North Korean cryptocurrency");
 * punctuation, a function word or another value ends it.
 */
function runFrom(view: SentenceView, k: number, last: number, valueTokens: ReadonlySet<number>): number[] {
  const run: number[] = [];
  for (; k < last && run.length < maxRun; k++) {
    if (run.length > 0 && breaksBefore(view, k)) break;
    if (valueTokens.has(k)) break;
    const name = view.entityAt(k);
    if (name) {
      // A name is part of the phrase only when a word of the phrase follows it.
      const next = name.last;
      if (next >= last || next - k > maxRun || view.entityAt(next)) break;
      if (!isContentWord(view, next) && !isModifier(view, next)) break;
      k = next - 1;
      continue;
    }
    if (run.length === 0 && lexicon.determiners.has(view.words[k])) continue;
    // "total" in "Korea's total exports": a modifier the phrase goes on after.
    if (isModifier(view, k) && k + 1 < last && isContentWord(view, k + 1) && !view.entityAt(k + 1)) continue;
    if (!isContentWord(view, k)) break;
    run.push(k);
  }
  return run;
}

/** The acronym at token k written as a plural ("CBMs", "NGOs"), without its "s". */
function pluralAcronymAt(view: SentenceView, k: number): string | undefined {
  const e = view.entityAt(k);
  return e && e.first === k && e.last === k + 1 ? singularOfAcronym(view.tokens[k].raw) : undefined;
}

/** "foreign trade passes through": a phrase after "of" that runs on into a preposition ends with its verb. */
function withoutVerb(view: SentenceView, run: number[]): number[] {
  const next = view.words[run[run.length - 1] + 1] ?? '';
  return run.length >= 3 && lexicon.prepositions.has(next) ? run.slice(0, -1) : run;
}

/**
 * The last word of a run, and its last two when they are written together: "foreign trade", "trade";
 * then the other words for its last word's measure.
 */
function phrasesOfRun(view: SentenceView, run: readonly number[]): string[] {
  const out: string[] = [];
  const n = run.length;
  if (n === 0) return out;
  const head = run[n - 1];
  if (n >= 2 && run[n - 2] === head - 1 && !breaksBefore(view, head)) {
    out.push(`${view.words[head - 1]} ${view.words[head]}`);
  }
  if (!lexicon.genericNounStems.has(view.tokens[head].norm) || out.length === 0) out.push(view.words[head]);
  // "the percentage of …" is what a memo may call "the share of …".
  out.push(...otherWordsFor(view, head));
  return out;
}

/**
 * The lexicon's other words for the measure or act the word at k names ("percentage" for "share"),
 * and the verb of a noun made from one ("designated" for "designation").
 */
function otherWordsFor(view: SentenceView, k: number): readonly string[] {
  return otherWordsForWord(view.words[k]);
}

/** The same for a word alone: "entry" and "accession" for "joining". */
export function otherWordsForWord(word: string): readonly string[] {
  const others = [...(lexicon.measureSynonyms.get(stem(word)) ?? []), ...verbOf(word)];
  return [...new Set(others)].filter((w) => w !== word);
}

/** The verb a noun is made from: "establish" of "establishment", "designat(e)" of "designation". */
function verbOf(noun: string): string[] {
  for (const suffix of lexicon.nominalSuffixes) {
    const verb = noun.slice(0, -suffix.length);
    if (!noun.endsWith(suffix) || verb.length < 4) continue;
    return suffix === 'ation' ? [verb, `${verb}ate`] : [verb];
  }
  return [];
}

/**
 * What a change measures: the noun right before its word ("exports grew", "its budget dramatically
 * increase"), past adverbs, with the word ("tumblers grew"); and its clause's subject where a noun
 * opens the clause ("the share of … that flowed through tumblers grew", "imports from … increased").
 */
function changedMeasure(view: SentenceView, change: Change, valueTokens: ReadonlySet<number>): Measure | undefined {
  const phrases: string[] = [];
  let k = change.word - 1;
  while (k >= 0 && isAdverb(view.words[k]) && !inName(view, k)) k--;
  if (k >= 0 && isContentWord(view, k) && !inName(view, k) && !valueTokens.has(k)) {
    let start = k;
    while (start > 0 && k - start < maxRun - 1 && isContentWord(view, start - 1) && !inName(view, start - 1)) start--;
    const run = runFrom(view, start, k + 1, valueTokens);
    if (run.length > 0 && run[run.length - 1] === k) phrases.push(...phrasesOfRun(view, run));
    if (k === change.word - 1) phrases.push(`${view.words[k]} ${view.words[change.word]}`);
  }
  const subject = openingNoun(view, change.word, valueTokens);
  if (subject) phrases.unshift(...phrasesOfRun(view, subject));
  return phrases.length > 0 ? { phrases: [...new Set(phrases)], own: true } : undefined;
}

/**
 * The run of content words that opens the clause before token `to`, past a phrase set off before
 * it ("Between 2011 and 2021, imports …"): none where a name or a verb comes first ("The EPF is …")
 * or where a verb follows it before `to`.
 */
function openingNoun(view: SentenceView, to: number, valueTokens: ReadonlySet<number>): number[] | undefined {
  const { first: from } = view.clauseAt(to);
  for (let j = from; j < to; j++) {
    const w = view.words[j];
    if (
      valueTokens.has(j) ||
      lexicon.determiners.has(w) ||
      lexicon.prepositions.has(w) ||
      lexicon.conjunctions.has(w)
    ) {
      continue;
    }
    if (inName(view, j) || !isContentWord(view, j)) return undefined;
    const run = runFrom(view, j, to, valueTokens);
    if (run.length === 0) return undefined;
    if (setOff(view, run, valueTokens)) {
      j = run[run.length - 1];
      continue;
    }
    // "This goal was surpassed as Vietnam's ranking jumped": a verb of its own makes it another clause's subject.
    for (let k = run[run.length - 1] + 1; k < to; k++) {
      if (lexicon.auxiliaries.has(view.words[k]) || lexicon.copulas.has(view.words[k])) return undefined;
    }
    return run;
  }
  return undefined;
}

function isAdverb(word: string): boolean {
  return word.length > 4 && word.endsWith('ly');
}

/** What value `v` measures or dates, or nothing when its words say nothing about it. */
export function measureOf(view: SentenceView, v: ValueMention, valueTokens: ReadonlySet<number>): Measure | undefined {
  const change = changeOf(view, v, valueTokens);
  const changed = change && changedMeasure(view, change, valueTokens);
  const first = view.tokenIndexAt(v.start);
  if (changed) {
    // "jumped … to 25th out of 182 countries": the figure's own noun names it too.
    const own = runFrom(view, Math.max(first + 1, view.tokenIndexAt(v.end)), view.stretchAt(first).last, valueTokens);
    const phrases = [...new Set([...changed.phrases, ...phrasesOfRun(view, own)])];
    return { ...changed, phrases, rate: change.side === 'by' ? view.words[change.word] : undefined };
  }
  const after = Math.max(first + 1, view.tokenIndexAt(v.end));
  const { first: from, last: to } = view.stretchAt(first);
  const act = actCounted(view, v, first, after, to);
  if (act) return act;
  if (v.kind === 'number' || v.kind === 'ordinal') {
    // "14 of Korea's 27 partners": the noun comes after the total.
    let k = v.kind === 'number' && v.ofEnd !== undefined ? Math.max(after, view.tokenIndexAt(v.ofEnd)) : after;
    // "eight CBMs": a count of things an acronym names, written plural, counts them.
    const counted = v.kind === 'number' && v.unit === 'count' ? pluralAcronymAt(view, k) : undefined;
    if (counted) return { phrases: [counted], own: true };
    // "10 times faster", "25th-largest": the word right after is part of the figure's sense.
    let own =
      v.kind === 'number' && (v.unit === 'count' || v.unit === 'money') ? runFrom(view, k, to, valueTokens) : [];
    if (v.kind === 'ordinal') own = runFrom(view, k, to, valueTokens);
    // "the second State Visit of the … Administration": an ordinal before a name ranks what the name's head says.
    const ranked = v.kind === 'ordinal' && own.length === 0 ? nameHeadAt(view, k) : undefined;
    if (ranked) return { phrases: [ranked], own: true };
    k += own.length;
    if (view.words[k] === 'of' && !breaksBefore(view, k)) {
      const of = withoutVerb(view, runFrom(view, k + 1, to, valueTokens));
      // "78% of Korea's exports" measures exports; "5.8 million rounds of ammunition" counts rounds.
      const phrases = own.length > 0 ? [...phrasesOfRun(view, own), ...phrasesOfRun(view, of)] : phrasesOfRun(view, of);
      if (of.length > 0) return { phrases, own: true };
      // "20% of Vietnam’s GDP": the name's owned part is what is measured.
      const owned = ownedPartAt(view, k + 1);
      if (owned) return { phrases: own.length > 0 ? [...phrasesOfRun(view, own), owned] : [owned], own: true };
    }
    if (own.length > 0) return { phrases: phrasesOfRun(view, own), own: true };
    const said = v.kind === 'number' && v.unit === 'count' ? predicateOfCount(view, k, to, valueTokens) : undefined;
    if (said) return { phrases: said, own: false };
    // "a 70% self-sufficiency rate": a percentage names the rate it is right before; a memo may
    // leave the rate's own word out ("80% self-sufficiency").
    const rate = v.kind === 'number' && v.unit === 'percent' ? runFrom(view, k, to, valueTokens) : [];
    if (rate.length >= 2) {
      const modifier = view.words[rate[rate.length - 2]];
      return { phrases: [...new Set([...phrasesOfRun(view, rate), modifier])], own: true };
    }
  }
  // "In 2016, the Australian government confirmed …": a date that opens its clause dates what follows;
  // so does one named by its unit of time ("The year 2025 marks …"), whose unit says nothing of it.
  if (leadsItsClause(view, v) || labelledByItsUnit(view, v, from)) {
    for (let k = after; k < to; k++) {
      const apposition = appositionEnd(view, k, to);
      if (apposition !== undefined) k = apposition;
      if (inName(view, k) || !isContentWord(view, k)) continue;
      const run = runFrom(view, k, to, valueTokens);
      if (run.length === 0) return undefined;
      // "… that the term was endorsed by Seoul": what the clause says of its subject, as a memo
      // that puts the date last writes it next to the date.
      const verb = nextRun(view, run[run.length - 1] + 1, to, valueTokens);
      return { phrases: [...phrasesOfRun(view, run), ...(verb ? phrasesOfRun(view, verb) : [])], own: false };
    }
    return undefined;
  }
  // Else the clause's subject: its first run of content words before the value, past a phrase a
  // comma sets off before it ("For example, …", "On the other hand, …").
  for (let k = from; k < first; k++) {
    if (!isContentWord(view, k) || inName(view, k) || valueTokens.has(k)) continue;
    const subject = runFrom(view, k, first, valueTokens);
    if (subject.length > 0 && setOff(view, subject, valueTokens)) {
      k = subject[subject.length - 1];
      continue;
    }
    if (subject.length > 0) {
      const near = nearestRunBefore(view, from, first, valueTokens);
      const phrases = [...phrasesOfRun(view, subject), ...(near ? phrasesOfRun(view, near) : [])];
      // "Financial loss exceeding $157 million": a subject right before the figure is its own noun.
      const own = subject[subject.length - 1] === first - 1 && v.kind === 'number';
      return { phrases: [...new Set(phrases)], own };
    }
    break;
  }
  const near = nearestRunBefore(view, from, first, valueTokens);
  return near ? { phrases: phrasesOfRun(view, near), own: false } : undefined;
}

/** "Vietnam’s GDP", "the bloc’s ODA": what a name that starts at k (past "the") says its owner has. */
function ownedPartAt(view: SentenceView, k: number): string | undefined {
  if (lexicon.determiners.has(view.words[k] ?? '')) k++;
  const name = view.entityAt(k);
  if (!name || name.first !== k) return undefined;
  for (let j = k + 1; j < name.last; j++) {
    if (!possessiveMarks.has(view.text.slice(view.tokens[j - 1].end, view.tokens[j - 1].end + 2))) continue;
    return view.text.slice(view.tokens[j].start, view.tokens[name.last - 1].end);
  }
  return undefined;
}

/**
 * "just 25 are largely or fully compliant": a count that is its clause's subject counts what the
 * clause says of it, the head of its predicate after the copula ("compliant"), before any preposition.
 */
function predicateOfCount(
  view: SentenceView,
  k: number,
  to: number,
  valueTokens: ReadonlySet<number>,
): string[] | undefined {
  if (k >= to || !lexicon.copulas.has(view.words[k])) return undefined;
  let head = -1;
  for (let j = k + 1; j < to && !valueTokens.has(j) && !lexicon.prepositions.has(view.words[j]); j++) {
    if (j > k + 1 && breaksBefore(view, j)) break;
    if (isContentWord(view, j) && !inName(view, j)) head = j;
  }
  if (head < 0) return undefined;
  const run = isContentWord(view, head - 1) && !inName(view, head - 1) && head - 1 > k ? [head - 1, head] : [head];
  return phrasesOfRun(view, run);
}

/** The words of a name starting at token k up to its first preposition: "State Visit" of "State Visit of X". */
function nameHeadAt(view: SentenceView, k: number): string | undefined {
  const name = view.entityAt(k);
  if (!name || name.first !== k || name.weak) return undefined;
  let end = k;
  while (end < name.last && !lexicon.prepositions.has(view.words[end])) end++;
  if (end - k < 1 || end - k > maxRun) return undefined;
  return view.text.slice(view.tokens[k].start, view.tokens[end - 1].end);
}

/** "The year 2025 marks …", "the month of May 2019 saw …": a year or date opening its clause after its unit. */
function labelledByItsUnit(view: SentenceView, v: ValueMention, from: number): boolean {
  if (v.kind !== 'year' && v.kind !== 'date') return false;
  let k = view.tokenIndexAt(v.start) - 1;
  if (view.words[k] === 'of') k--;
  if (k < from || !lexicon.durationUnits.has(view.words[k])) return false;
  for (let j = from; j < k; j++) if (!lexicon.determiners.has(view.words[j])) return false;
  return true;
}

/**
 * "mentioned China 11 times in a speech": a count of times, no multiple ("10 times faster", "three
 * times the size"), counts what the verb before it does, to the name between them if any.
 */
function actCounted(
  view: SentenceView,
  v: ValueMention,
  first: number,
  after: number,
  to: number,
): Measure | undefined {
  if (v.kind !== 'number' || v.unit !== 'times') return undefined;
  const ends = after >= to || lexicon.prepositions.has(view.words[after]) || breaksBefore(view, after);
  if (!ends) return undefined;
  const name = view.entityAt(first - 1);
  const verb = name ? name.first - 1 : first - 1;
  // "mentioned", "cited": a reporting verb is the act counted here.
  const acts = (k: number): boolean => isContentWord(view, k) || lexicon.reportingVerbs.has(view.words[k]);
  if (verb < 0 || inName(view, verb) || !acts(verb)) return undefined;
  if (breaksBefore(view, first) || breaksBefore(view, verb + 1)) return undefined;
  const object = name ? view.text.slice(view.tokens[name.first].start, name.end) : undefined;
  // "mentioned" is what a memo may write "referred to".
  const phrases = [view.words[verb], ...otherWordsFor(view, verb)];
  return { phrases, own: true, object };
}

/** The next run of content words from token k in the clause, past function words and names. */
function nextRun(view: SentenceView, k: number, to: number, valueTokens: ReadonlySet<number>): number[] | undefined {
  for (; k < to; k++) {
    if (valueTokens.has(k) || breaksBefore(view, k)) return undefined;
    if (inName(view, k) || !isContentWord(view, k)) continue;
    const run = runFrom(view, k, to, valueTokens);
    return run.length > 0 ? run : undefined;
  }
  return undefined;
}

/**
 * "Huawei Technologies, a major Chinese telecommunications company, announced …": an apposition
 * after a name says what the name is, not what the clause does. Where it ends, or nothing.
 */
function appositionEnd(view: SentenceView, k: number, to: number): number | undefined {
  if (k === 0 || !inName(view, k - 1) || !view.gapBefore(k).includes(',')) return undefined;
  if (!lexicon.indefiniteArticles.has(view.words[k])) return undefined;
  for (let j = k + 1; j < Math.min(to, k + 10); j++) if (view.gapBefore(j).includes(',')) return j;
  return undefined;
}

/**
 * The run of content words before a value in its clause that the report writes least (in at most
 * `rarest` sentences), the nearest first: what sets apart a figure of nothing the report names
 * ("interviews" in "benefited from interviews with 16 experts"); a run after an ordinal is one
 * of a kind ("its first nuclear test").
 */
export function distinctiveWordsBefore(
  view: SentenceView,
  v: ValueMention,
  valueTokens: ReadonlySet<number>,
  sentencesWith: (stem: string) => number,
  rarest: number,
): string[] | undefined {
  const first = view.tokenIndexAt(v.start);
  const { first: from } = view.stretchAt(first);
  let best: { phrases: string[]; times: number } | undefined;
  for (let k = from; k < first; k++) {
    if (!isContentWord(view, k) || inName(view, k) || valueTokens.has(k)) continue;
    const run = runFrom(view, k, first, valueTokens);
    if (run.length === 0) continue;
    k = run[run.length - 1];
    // "culminating in …": a participle on its own says how the sentence goes on, not what the figure is.
    if (setOff(view, run, valueTokens) || (run.length === 1 && isParticiple(view.words[k]))) continue;
    // "its first nuclear test": there is one, whatever else the report says of tests.
    const ordinal = view.words[run[0] - 1];
    if (ordinal in lexicon.ordinalWords) return [`${ordinal} ${phrasesOfRun(view, run)[0]}`];
    const times = sentencesWith(view.tokens[k].norm);
    if (times > rarest || (best && best.times < times)) continue;
    best = { phrases: phrasesOfRun(view, run), times };
  }
  return best?.phrases;
}

/**
 * "For example, …", "On the other hand, …", "Going forward, …": a run that opens its clause, alone
 * or after a preposition, and that a comma ends says how the sentence goes on. "The Wormhole and
 * Qubit hacks, which …" is a subject all the same.
 */
function setOff(view: SentenceView, run: readonly number[], valueTokens: ReadonlySet<number>): boolean {
  if (!view.gapBefore(run[run.length - 1] + 1).includes(',')) return false;
  const from = view.stretchAt(run[0]).first;
  let preposition = false;
  for (let k = from; k < run[0]; k++) {
    if (inName(view, k) || valueTokens.has(k)) return false;
    preposition ||= lexicon.prepositions.has(view.words[k]);
  }
  return preposition || run[0] === from;
}

function isParticiple(word: string): boolean {
  return lexicon.participleEndings.some((ending) => word.endsWith(ending) && word.length > ending.length + 2);
}

/** The content words closest before the value in its clause: "established" in "established in 2017". */
function nearestRunBefore(
  view: SentenceView,
  from: number,
  first: number,
  valueTokens: ReadonlySet<number>,
): number[] | undefined {
  let k = changeStart(view, from, first, valueTokens) - 1;
  while (k >= from && !isContentWord(view, k) && !inName(view, k) && !valueTokens.has(k) && first - k <= 3) k--;
  if (k < from || !isContentWord(view, k) || inName(view, k) || valueTokens.has(k)) return undefined;
  let start = k;
  while (
    start - 1 >= from &&
    k - start + 1 < 2 &&
    isContentWord(view, start - 1) &&
    !inName(view, start - 1) &&
    !valueTokens.has(start - 1) &&
    !breaksBefore(view, start)
  ) {
    start--;
  }
  const run: number[] = [];
  for (let i = start; i <= k; i++) run.push(i);
  return run;
}

/**
 * "grew from under 10% in 2018 to 65% in 2021": the end of a change is measured as its start is,
 * by the words before "from"; else the value itself.
 */
function changeStart(view: SentenceView, from: number, first: number, valueTokens: ReadonlySet<number>): number {
  if (view.words[first - 1] !== 'to') return first;
  for (let k = first - 2; k >= from && first - k <= 8; k--) {
    if (view.words[k] === 'from') return k;
    if (!valueTokens.has(k) && isContentWord(view, k)) break;
  }
  return first;
}

/**
 * A year or date set off before its clause: "In 2016, …", "…, and in 2012, Huawei began …", or a
 * cleft sentence's "It was only in May 2021 that …". Set off, it opens the sentence or follows a
 * comma or a conjunction, after its preposition, and a comma follows it; what it dates is the
 * clause after it, not the words before.
 */
export function leadsItsClause(view: SentenceView, v: ValueMention): boolean {
  if (v.kind !== 'year' && v.kind !== 'date') return false;
  const first = view.tokenIndexAt(v.start);
  const after = view.tokenIndexAt(v.end);
  const preposition = first - 1;
  if (after >= view.tokens.length || preposition < 0 || !lexicon.prepositions.has(view.words[preposition])) {
    return false;
  }
  if (isCleft(view, preposition, after)) return true;
  // "… arrested two co-founders and in August 2023 unsealed an indictment": after "and", a date
  // set before a verb dates that verb, with no comma.
  const conjoined = ['and', 'but'].includes(view.words[preposition - 1]) && !view.gapBefore(preposition).trim();
  const raw = view.tokens[after].raw;
  const pastVerb = raw.endsWith('ed') && raw === raw.toLowerCase() && raw !== raw.toUpperCase();
  if (conjoined && !view.gapBefore(after).trim() && pastVerb) {
    return true;
  }
  if (!view.gapBefore(after).includes(',')) return false;
  return (
    preposition === 0 ||
    view.gapBefore(preposition).includes(',') ||
    lexicon.conjunctions.has(view.words[preposition - 1])
  );
}

/** "It was (only) in May 2021 that …": a pronoun and a copula, at most one word, the date, a relative word. */
function isCleft(view: SentenceView, preposition: number, after: number): boolean {
  return (
    preposition >= 2 &&
    preposition <= 3 &&
    lexicon.pronouns.has(view.words[0]) &&
    lexicon.copulas.has(view.words[1]) &&
    lexicon.relativeWords.has(view.words[after])
  );
}
