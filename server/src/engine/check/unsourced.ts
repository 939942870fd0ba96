// A figure, a date or a superlative a memo states as fact with nothing behind it: no citation, no
// attribution of its own ("according to …", "the survey found"), and no claim of the knowledge
// base on what the sentence is about. Recommendations, questions, suppositions, possibilities
// ("could reach 90%") and the memo's own framing ("this memo covers three …") are not facts.
import { lexicon, phraseAt } from '../lexicon';
import { type SentenceView } from '../reader/sentence';
import { findCandidates } from './candidates';

export interface UnsourcedFigure {
  kind: 'figure' | 'date' | 'superlative';
  /** The figure, date or superlative as written (offsets into the sentence's text). */
  start: number;
  end: number;
}

/** The first unsourced figure, date or superlative of a sentence; `cited` when it cites anything. */
export function unsourcedFigure(view: SentenceView, cited: boolean): UnsourcedFigure | undefined {
  if (cited || view.tokens.length === 0 || view.tokens.length > 250) return undefined;
  const found = firstFigure(view);
  if (!found || view.mood !== 'reports' || attributed(view) || framedOrSupposed(view)) return undefined;
  // The knowledge base speaks of it: the other checks say whether it is right and who said it.
  if (findCandidates(view).length > 0) return undefined;
  return found;
}

function firstFigure(view: SentenceView): UnsourcedFigure | undefined {
  // A byline or a label ("CSIS, June 2024", "Figure 2: …") is no sentence: fewer than four words besides its values.
  const inValue = (t: { start: number }): boolean => view.values.some((v) => v.start <= t.start && t.start < v.end);
  if (view.tokens.filter((t) => !inValue(t) && /\p{L}/u.test(t.raw)).length < 4) return undefined;
  const inName = (v: { start: number; end: number }): boolean =>
    view.terms.some((m) => m.start <= v.start && v.end <= m.end);
  for (const v of view.values) {
    if (inName(v)) continue;
    // "2. Importance of …", "Table 2": the number of an item, not a figure.
    if (v.start === view.tokens[0].start && /^\s*[.)]/.test(view.text.slice(v.end, v.end + 2))) continue;
    const at = view.tokenIndexAt(v.start);
    if (at > 0 && lexicon.numberedThings.has(view.words[at - 1])) continue;
    // "two inputs", "three provinces": a small count in words is how prose counts, not a statistic.
    const prose = v.kind === 'number' && v.words && v.unit === 'count' && !v.fraction;
    if (v.kind === 'number' && !prose) return { kind: 'figure', start: v.start, end: v.end };
    if (v.kind === 'date' && v.months !== undefined) return { kind: 'date', start: v.start, end: v.end };
  }
  return superlative(view);
}

/**
 * "the largest", "Korea's biggest": a superlative written with -est. "most" before an adjective is
 * left out (mostly judgement: "the most interesting part"), and so is "one of the …" (a hedge).
 */
function superlative(view: SentenceView): UnsourcedFigure | undefined {
  const { words, tokens } = view;
  for (let i = 1; i < words.length; i++) {
    const w = words[i];
    const possessive = /['’]s\s*$/.test(view.text.slice(tokens[i - 1].start, tokens[i].start));
    const owned = lexicon.determiners.has(words[i - 1]) || possessive;
    if (!owned || !/^\p{L}+est$/u.test(w) || w.length <= 4 || lexicon.estWords.has(w)) continue;
    if (words[i - 1] === 'the' && words[i - 2] === 'of' && words[i - 3] === 'one') continue;
    return { kind: 'superlative', start: tokens[i].start, end: tokens[i].end };
  }
  return undefined;
}

// A footnote ([12], [^3], ¹²), an author-date reference ((OECD 2023), (Kim et al., 2021, p. 4)), a link.
const referenceMark = /\[\^?\d+\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]|\(\s*\p{Lu}[^()]{0,80}\b\d{4}[a-z]?[^()]{0,20}\)|\]\(|https?:\/\//u;

/** Its own source: "according to …", "X reported that …", "the survey found …", "reportedly". */
function attributed(view: SentenceView): boolean {
  const { words } = view;
  // A reference mark of another convention: a footnote ("[12]", "[^3]", "¹²"), an author-date
  // reference ("(OECD 2023)"), a link. It may follow the full stop.
  const own = view.raw.slice(view.start, Math.min(view.raw.length, view.end + 12));
  if (referenceMark.test(own)) return true;
  if (view.clauses.some((c) => c.kind === 'reporting')) return true;
  for (let i = 0; i < words.length; i++) {
    if (lexicon.reportingVerbs.has(words[i]) || lexicon.attributionCues.has(words[i])) return true;
    if (phraseAt(lexicon.attributionPhrases, words, i)) return true;
    if (phraseAt(lexicon.sourceNouns, words, i)) return true;
  }
  return false;
}

/** The memo speaking of itself ("this memo", "we"), or a possibility ("could", "if"). */
function framedOrSupposed(view: SentenceView): boolean {
  const { words } = view;
  // "3 May 2021": a month is no modal.
  const inValue = (i: number): boolean =>
    view.values.some((v) => v.start <= view.tokens[i].start && view.tokens[i].start < v.end);
  for (let i = 0; i < words.length; i++) {
    if (lexicon.framingWords.has(words[i]) || phraseAt(lexicon.hypotheticalCues, words, i)) return true;
    if (lexicon.speculativeModals.has(words[i]) && !inValue(i)) return true;
  }
  return false;
}
