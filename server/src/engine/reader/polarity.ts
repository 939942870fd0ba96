// Negation, scoped to what it negates. A cue ("not", "no", "never", "fails to", "has yet to",
// "n't") negates the rest of its clause up to a contrast ("but"); idioms that contain a negation
// word without negating ("not only", "no doubt", "including but not limited to", "not counting")
// are skipped. Contrast markers ("rather than X", "instead of X", "as opposed to X") negate the
// stretch they introduce, up to the next comma or the clause end, or, at a clause start, up to the
// comma that closes it ("Rather than X, Y").
import { lexicon, phraseAt } from '../lexicon';
import { type Token } from '../text/tokens';
import { type Clause, clauseAt, isParticiple } from './clauses';

export interface NegationScope {
  /** The cue's first token and one past its last. */
  cueFirst: number;
  cueLast: number;
  /** The tokens it negates. */
  first: number;
  last: number;
  /** A contrast ("rather than X"): the items after it are set against the ones before. */
  contrast: boolean;
  /** A plain negation word ("not", "no", "never", "n't"), not a verb that implies one ("fails to", "stop"). */
  core: boolean;
  /** Doubted ("doubts that …", "is sceptical of …"): what it covers is not vouched for, whatever agrees. */
  doubt?: boolean;
}

const contrastMarkers = [
  ['rather', 'than'],
  ['instead', 'of'],
  ['as', 'opposed', 'to'],
  ['in', 'place', 'of'],
];

function gapHas(text: string, tokens: readonly Token[], k: number, chars: string): boolean {
  if (k <= 0 || k >= tokens.length) return false;
  const gap = text.slice(tokens[k - 1].end, tokens[k].start);
  for (const c of chars) if (gap.includes(c)) return true;
  return false;
}

export function findNegations(
  text: string,
  tokens: readonly Token[],
  words: readonly string[],
  clauses: readonly Clause[],
): NegationScope[] {
  const scopes: NegationScope[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const idiom = phraseAt(lexicon.nonNegating, words, i);
    if (idiom) {
      i += idiom.words.length - 1;
      continue;
    }
    const clause = clauseAt(clauses, i);
    const marker = contrastMarkers.find((m) => m.every((w, k) => words[i + k] === w));
    if (marker) {
      const cueLast = i + marker.length;
      // "Rather than X, Y": the stretch up to the comma. "Y rather than X": up to a comma or the clause end.
      let last = cueLast;
      while (last < clause.last && !gapHas(text, tokens, last, ',;:)')) last++;
      scopes.push({ cueFirst: i, cueLast, first: cueLast, last, contrast: true, core: true });
      i = cueLast - 1;
      continue;
    }
    // "Kim doubts that …", "rejects the idea that …": the clause is denied.
    const doubted = doubtedClauseAt(words, i);
    if (doubted !== undefined) {
      let last = doubted;
      while (last < clause.last && words[last] !== 'but' && !breaksAt(words, last)) last++;
      scopes.push({ cueFirst: i, cueLast: doubted, first: doubted, last, contrast: false, core: false, doubt: true });
      i = doubted - 1;
      continue;
    }
    // "Cooperation with Japan goes unmentioned in the strategy": the word denies its subject and what
    // the clause relates it to.
    const linking = subjectNegationAt(words, i);
    if (linking !== undefined && linking > clause.first) {
      let last = i + 1;
      while (last < clause.last && words[last] !== 'but' && !breaksAt(words, last)) last++;
      scopes.push({ cueFirst: i, cueLast: i + 1, first: clause.first, last, contrast: false, core: false });
      continue;
    }
    // "leaves NATO out of its partners": the verb negates its object and the rest of the clause.
    const particle = splitParticleAt(text, tokens, words, i, clause.last);
    if (particle !== undefined) {
      let last = particle + 1;
      while (last < clause.last && words[last] !== 'but' && !breaksAt(words, last)) last++;
      scopes.push({ cueFirst: i, cueLast: i + 1, first: i + 1, last, contrast: false, core: false });
      continue;
    }
    const phrase = phraseAt(lexicon.negationPhrases, words, i);
    // "doesn't": the tokenizer splits it into "doesn" and "t".
    const contraction = words[i] === 't' && i > 0 && /n['’]$/.test(text.slice(tokens[i - 1].start, tokens[i].start));
    if (!phrase && !lexicon.negations.has(words[i]) && !contraction) continue;
    // "barely 7.8 percent": a negative adverb that is a figure's hedge states the figure.
    const hedge = phrase ? undefined : phraseAt(lexicon.hedges, words, i);
    if (hedge?.words.length === 1 && isFigureAt(tokens, words, i)) continue;
    // "Directive No. 47": "No." right before a digit abbreviates "number".
    const digitNext = (tokens[i + 1]?.raw.charAt(0) ?? '') >= '0' && (tokens[i + 1]?.raw.charAt(0) ?? '') <= '9';
    if (!phrase && text.charAt(tokens[i].end) === '.' && digitNext) continue;
    // "declined to under 25%": a fall to a figure, not a refusal.
    if (
      phrase &&
      phrase.words[phrase.words.length - 1] === 'to' &&
      isFigureAt(tokens, words, i + phrase.words.length)
    ) {
      continue;
    }
    const cueLast = phrase ? i + phrase.words.length : i + 1;
    // "not X but Y": the negation stops at "but"; "lacks a policy as parties disagree", at "as".
    const nominal = lexicon.nominalNegations.has(words[i]);
    const ends = (k: number): boolean =>
      words[k] === 'but' ||
      // "…, instead …", "…, extending instead to …": what follows the comma is what is so instead.
      ((words[k] === 'instead' || words[k + 1] === 'instead') && gapHas(text, tokens, k, ',')) ||
      (k > cueLast && breaksAt(words, k)) ||
      (k > cueLast && participleClauseAt(text, tokens, words, k)) ||
      // "pledged not to test them, a step Westmark welcomed": an apposition after a comma sums up
      // the clause; it is not part of what is denied.
      (k > cueLast &&
        gapHas(text, tokens, k, ',') &&
        lexicon.indefiniteArticles.has(words[k]) &&
        !commaBetween(text, tokens, cueLast, k)) ||
      (nominal && k > cueLast && (words[k] === 'as' || lexicon.relativeWords.has(words[k])));
    // "Far from backing X, they oppose it": a cue ending in a preposition that opens the clause
    // negates the phrase it fronts, up to its comma.
    const fronted = i === clause.first && lexicon.prepositions.has(words[cueLast - 1]);
    let last = cueLast;
    while (last < clause.last && !ends(last) && !(fronted && gapHas(text, tokens, last, ',;'))) last++;
    // "The summary was not, it should be stressed, approved by …": a negation ending its clause at a
    // frame that interrupts it negates the clause's continuation after the frame.
    let first = cueLast;
    const after = last === clause.last ? continuationAfter(clauses, clause) : undefined;
    if (after && cueLast === clause.last) {
      first = after.first;
      last = first;
      while (last < after.last && !ends(last)) last++;
    }
    // "neither … nor" is one negation.
    if (words[i] === 'nor' && scopes.some((s) => words[s.cueFirst] === 'neither' && s.last >= i)) continue;
    scopes.push({
      cueFirst: contraction ? i - 1 : i,
      cueLast,
      first,
      last,
      contrast: false,
      core: !phrase || (phrase.words.length === 1 && lexicon.negations.has(phrase.words[0])),
    });
    i = cueLast - 1;
  }
  return scopes;
}

/** Whether a comma stands before any token from..to-1 ("is not, on X's reading, a …" sets a frame off first). */
function commaBetween(text: string, tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (gapHas(text, tokens, k, ',')) return true;
  return false;
}

/** A word opening another clause, unless an adverb after an auxiliary ("has yet come out", "has since"). */
function breaksAt(words: readonly string[], k: number): boolean {
  if (!lexicon.clauseBreakWords.has(words[k])) return false;
  const before = words[k - 1] ?? '';
  return !(lexicon.adverbialBreakWords.has(words[k]) && (lexicon.auxiliaries.has(before) || before === 'not'));
}

/**
 * One past the "that", "whether" or "if" a doubting word at `i` opens its clause with ("doubts that",
 * "rejects the idea that", "is sceptical whether"), or past the "of"/"about" of a doubting word after
 * a copula ("is sceptical of …"), or undefined.
 */
function doubtedClauseAt(words: readonly string[], i: number): number | undefined {
  if (!lexicon.doubtingVerbs.has(words[i])) return undefined;
  let k = i + 1;
  // "dismisses as unfounded the concern that …": a judgement set between the verb and what it judges.
  const judged = (j: number): boolean =>
    lexicon.determiners.has(words[j]) && lexicon.propositionNouns.has(words[j + 1]);
  if (words[k] === 'as' && judged(k + 2)) k += 2;
  if (judged(k)) k += 2;
  if (words[k] === 'that' || words[k] === 'whether' || words[k] === 'if') return k + 1;
  const afterCopula = lexicon.copulas.has(words[i - 1] ?? '');
  return afterCopula && (words[k] === 'of' || words[k] === 'about') ? k + 1 : undefined;
}

/**
 * The linking verb before a word at `i` that denies the clause's subject ("is absent", "goes largely
 * unmentioned"), or undefined.
 */
function subjectNegationAt(words: readonly string[], i: number): number | undefined {
  if (!lexicon.subjectNegations.has(words[i])) return undefined;
  if (lexicon.linkingVerbs.has(words[i - 1] ?? '')) return i - 1;
  const adverb = (words[i - 1] ?? '').endsWith('ly');
  return adverb && lexicon.linkingVerbs.has(words[i - 2] ?? '') ? i - 2 : undefined;
}

/** Most words between a verb and its particle ("leaves the alliance's navy out"). */
const splitGap = 4;

/** The main clause that goes on after a frame or aside right after `clause` ("…, it should be stressed, …"). */
function continuationAfter(clauses: readonly Clause[], clause: Clause): Clause | undefined {
  let n = clauses.indexOf(clause) + 1;
  if (n <= 0 || n >= clauses.length) return undefined;
  while (n < clauses.length && (clauses[n].kind === 'reporting' || clauses[n].kind === 'parenthetical')) n++;
  if (n === clauses.indexOf(clause) + 1) return undefined;
  const next = clauses[n];
  return next?.kind === 'main' && next.continues ? next : undefined;
}

/** The particle's token when the verb at `i` takes it after an object of a few words, on its clause. */
function splitParticleAt(
  text: string,
  tokens: readonly Token[],
  words: readonly string[],
  i: number,
  clauseLast: number,
): number | undefined {
  const particle = lexicon.splitNegations.get(words[i]);
  if (particle === undefined) return undefined;
  for (let k = i + 2; k <= i + 1 + splitGap && k < clauseLast; k++) {
    if (gapHas(text, tokens, k, ',;:()')) return undefined;
    if (words[k] === particle) return k;
  }
  return undefined;
}

/**
 * "disclaims consensus, offering only a summary": a participle after a comma, with its object, opens
 * a clause of its own. A list goes on with nouns ("health, funding or training"), not a determiner.
 */
function participleClauseAt(text: string, tokens: readonly Token[], words: readonly string[], k: number): boolean {
  if (!gapHas(text, tokens, k, ',') || !isParticiple(words, k)) return false;
  const next = words[k + 1] ?? '';
  return lexicon.determiners.has(next) || lexicon.pronouns.has(next) || next === 'only';
}

/**
 * How many negations cover token `i` (an odd count negates it). A cue inside its own scope ("X is
 * absent") is not negated.
 */
export function negationsOver(scopes: readonly NegationScope[], i: number): NegationScope[] {
  return scopes.filter((s) => i >= s.first && i < s.last && !(i >= s.cueFirst && i < s.cueLast));
}

/** A figure starts at token k: "25%", "under 25%", "about a quarter", "barely a dozen". */
function isFigureAt(tokens: readonly Token[], words: readonly string[], k: number): boolean {
  if (k >= tokens.length) return false;
  if (isBareFigureAt(tokens, words, k)) return true;
  const hedge = phraseAt(lexicon.hedges, words, k);
  return hedge !== undefined && isBareFigureAt(tokens, words, k + hedge.words.length);
}

/** A figure in digits or words at token k, or after an article: "25", "twenty", "a dozen". */
function isBareFigureAt(tokens: readonly Token[], words: readonly string[], k: number): boolean {
  if (k >= tokens.length) return false;
  if (/^\d/.test(tokens[k].raw) || words[k] in lexicon.numberWords) return true;
  return lexicon.indefiniteArticles.has(words[k]) && (words[k + 1] ?? '') in lexicon.numberWords;
}
