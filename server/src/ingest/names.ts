// The proper names of a report's sentences and how often the report writes each. A name the report
// uses in many sentences ("South Korea" in a report on South Korea) tells none of its facts apart,
// so it never anchors a claim on its own; a name written in few sentences does.
import { lexicon } from '../engine/lexicon';
import { type EntityMention } from '../engine/reader/entities';
import { type SentenceView } from '../engine/reader/sentence';
import { isContentWord } from './measures';
import { type ReportSentence } from './reading';

export interface Name {
  text: string;
  mention: EntityMention;
}

export interface NameCounts {
  /** Sentences each name (lower-cased) is written in. */
  sentences: Map<string, number>;
  /** Sentences each content word (its stem) is written in. */
  words: Map<string, number>;
  /** Sentences each name (lower-cased) and content word (its stem) are written in together, by `pairKey`. */
  together: Map<string, number>;
  total: number;
}

/** The names a sentence writes, without a sentence's capitalised first word standing alone. */
export function namesIn(view: SentenceView): Name[] {
  const out: Name[] = [];
  for (const mention of view.entities) {
    // A capitalised first word is only maybe a name; an acronym there is one ("PPD-41 (2016) aims …").
    if (mention.weak && !view.tokens[mention.first].upper) continue;
    // "United States: Financial loss …": a capitalised word opening what follows a label's colon is as weak.
    if (opensAfterColon(view, mention)) continue;
    // "The RTO": a capitalised determiner opening a sentence is not part of the name.
    let first = mention.first;
    while (first < mention.last - 1 && lexicon.determiners.has(view.words[first])) first++;
    if (mention.last - first === 1 && isFunctionWord(view.words[first])) continue;
    out.push({ text: view.text.slice(view.tokens[first].start, mention.end), mention });
  }
  return out;
}

function opensAfterColon(view: SentenceView, mention: EntityMention): boolean {
  const k = mention.first;
  return mention.last - k === 1 && k > 0 && view.gapBefore(k).includes(':') && !view.tokens[k].upper;
}

/**
 * "‘In this region …": a capitalised function word opening a quotation is no name. A pronoun ("‘We
 * will …") is left as the speaker it stands for: without it, a document's year would rest on its
 * name alone, and a memo's other country's or other year's strategy of that name would contradict it.
 */
function isFunctionWord(word: string): boolean {
  return (
    lexicon.determiners.has(word) ||
    lexicon.prepositions.has(word) ||
    lexicon.conjunctions.has(word) ||
    lexicon.auxiliaries.has(word)
  );
}

export function countNames(sentences: readonly ReportSentence[]): NameCounts {
  const counts = new Map<string, number>();
  const words = new Map<string, number>();
  const together = new Map<string, number>();
  for (const s of sentences) {
    // "Freedonia and Sylvania", as the reader joins them, writes each of the two as well.
    const texts = namesIn(s.view).flatMap((n) => [n.text, ...partsOf(n.text)]);
    for (const key of new Set(texts.map((t) => t.toLowerCase()))) {
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const stems = new Set(s.view.tokens.filter((_, k) => isContentWord(s.view, k)).map((t) => t.norm));
    for (const stem of stems) words.set(stem, (words.get(stem) ?? 0) + 1);
    for (const name of new Set(texts.map((t) => t.toLowerCase()))) {
      for (const stem of stems) together.set(pairKey(name, stem), (together.get(pairKey(name, stem)) ?? 0) + 1);
    }
  }
  return { sentences: counts, words, together, total: sentences.length };
}

function pairKey(name: string, stem: string): string {
  return `${name.toLowerCase()}\u0000${stem}`;
}

/** Sentences that write the name and the word (its stem) together. */
export function timesWrittenWith(counts: NameCounts, name: string, stem: string): number {
  return counts.together.get(pairKey(name, stem)) ?? 0;
}

export function timesWritten(counts: NameCounts, name: string): number {
  return counts.sentences.get(name.toLowerCase()) ?? 0;
}

/** Written in more than a few sentences, or in more than one in twenty-five. */
export function isFrequent(counts: NameCounts, name: string): boolean {
  return timesWritten(counts, name) > Math.max(4, counts.total / 25);
}

/** Written in at most two sentences: a name that pins one fact of the report down. */
export function isDistinctive(counts: NameCounts, name: string): boolean {
  return timesWritten(counts, name) <= 2;
}

/** The names a coordinated name joins: "Japan" and "Netherlands" of "Japan and the Netherlands". */
function partsOf(text: string): string[] {
  const parts = text.split(' and ');
  if (parts.length < 2) return [];
  return parts.map((p) =>
    p
      .split(' ')
      .filter((w, i) => i > 0 || !lexicon.determiners.has(w.toLowerCase()))
      .join(' '),
  );
}
