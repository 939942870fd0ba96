// Who or what a report's verb or noun takes after a preposition: "to be tabled by Singapore", "an
// attempt to sell itself to the US telecommunications firm Motorola", "administrators of BitMixer".
// Each becomes an entity claim whose property is the words before the name with their preposition
// (what a memo writes before the name it puts there) and whose identity is what sets the sentence's
// fact apart: its other distinctive names, its years, else the words the report writes least.
import { lexicon, phraseBefore } from '../engine/lexicon';
import { negationsOver } from '../engine/reader/polarity';
import { type SentenceView } from '../engine/reader/sentence';
import { type ClaimValue } from '../knowledge/types';
import { isContentWord } from './measures';
import { isDistinctive, isFrequent, type Name, type NameCounts, namesIn } from './names';

export interface ExtractedObject {
  about: string[][];
  value: ClaimValue;
}

/** The prepositions whose object is who does or receives what the words before say. */
const objectPrepositions = new Set(['by', 'to', 'from', 'of', 'with']);

/** Words of a descriptor between the preposition and the name: "the US telecommunications firm Motorola". */
const maxDescriptor = 4;

/** Words the report writes in at most this many sentences tell a fact apart ("the resolution"). */
const maxDescribingSentences = 4;

/** At most this many names or words stand for what a claim is about. */
const maxIdentity = 3;

export function objectsIn(
  view: SentenceView,
  counts: NameCounts,
  antecedents: readonly Name[] = [],
): ExtractedObject[] {
  if (view.mood === 'question') return [];
  const out: ExtractedObject[] = [];
  const names = namesIn(view);
  for (let k = 1; k < view.tokens.length - 1; k++) {
    if (!objectPrepositions.has(view.words[k]) || view.clauseAt(k).kind === 'reporting') continue;
    // "according to X", "as reported by X": who says it, not what is said.
    if (phraseBefore(lexicon.attributionPhrases, view.words, k + 1)) continue;
    const property = propertyBefore(view, k);
    if (!property) continue;
    const object = objectAfter(view, k);
    if (!object || negationsOver(view.negations, object.first).some((s) => s.core && !s.contrast)) continue;
    const value = view.text.slice(object.start, object.end);
    // A name the report writes in many sentences is what it is about, not who did one thing.
    if (!isDistinctive(counts, value) || lexicon.genericNounStems.has(view.tokens[k - 1].norm)) continue;
    const stretch = view.stretchAt(k);
    // What else the sentence names sets its fact apart: names written in few sentences, and years.
    const others = names
      .filter(
        (n) =>
          (n.mention.last <= k || n.mention.first > object.first) &&
          n.mention.first >= stretch.first &&
          n.mention.last <= stretch.last &&
          view.clauseAt(n.mention.first).kind !== 'reporting' &&
          !isFrequent(counts, n.text) &&
          isDistinctive(counts, n.text) &&
          n.text.toLowerCase() !== value.toLowerCase(),
      )
      .map((n) => n.text);
    const years = view.values
      .filter((v) => v.kind === 'year' && view.tokenIndexAt(v.start) >= stretch.first)
      .filter((v) => view.tokenIndexAt(v.start) < stretch.last)
      .map((v) => view.text.slice(v.start, v.end));
    // "The group, linked to X, …": what the sentence before named is what its opening noun stands for.
    if (others.length === 0 && stretch.first === 0) {
      for (const n of antecedents) {
        const distinct = !isFrequent(counts, n.text) && isDistinctive(counts, n.text);
        if (distinct && n.text.toLowerCase() !== value.toLowerCase() && !others.includes(n.text)) others.push(n.text);
      }
    }
    // A year alone dates the fact; a name or a word the report writes least says which one it is.
    const rare = others.length > 0 ? [] : rareWords(view, counts, stretch, property.first, object.first);
    const identity = [...others, ...rare].slice(0, maxIdentity + rare.length);
    if (identity.length === 0) continue;
    // "the 2003 attempt to sell itself to Motorola": words the report writes in few sentences with the
    // fact's year say which fact it is, whatever else the sentence names.
    if (years.length > 0 && (counts.words.get(view.tokens[property.first].norm) ?? 0) <= maxDescribingSentences) {
      identity.push(...years.filter((y) => !identity.includes(y)));
    }
    out.push({
      about:
        years.length > 0
          ? [relationWords(property.phrase), identity, years]
          : [relationWords(property.phrase), identity],
      value: { kind: 'entity', entity: { value, kind: 'organisation', slot: 'object' } },
    });
  }
  return out;
}

/** A relation's words with the lexicon's other words for it: "linked to", "tied to", "connected to". */
function relationWords(phrase: string): string[] {
  const same = lexicon.relationSynonyms.find((group) => group.includes(phrase));
  return same ? [phrase, ...same.filter((p) => p !== phrase)] : [phrase];
}

/**
 * The words before a preposition that say what its object does or receives: a content word, with a
 * reflexive pronoun after it ("sell itself to"); never a name or a figure.
 */
function propertyBefore(view: SentenceView, k: number): { first: number; phrase: string } | undefined {
  let first = k - 1;
  if (lexicon.pronouns.has(view.words[first]) && view.words[first].endsWith('self')) first--;
  if (first < 0 || view.entityAt(first) || !isContentWord(view, first) || view.gapBefore(k).trim() !== '') {
    return undefined;
  }
  if (lexicon.reportingVerbs.has(view.words[first]) || lexicon.durationUnits.has(view.words[first])) return undefined;
  return { first, phrase: view.words.slice(first, k + 1).join(' ') };
}

/**
 * The name a preposition takes, as the head of its noun phrase: past a determiner and a few words
 * that describe it ("the US telecommunications firm Motorola"), ending the phrase. A name followed
 * by more of the phrase, or one of a list, is no single object.
 */
function objectAfter(view: SentenceView, k: number): ReturnType<SentenceView['entityAt']> {
  let j = k + 1;
  if (lexicon.determiners.has(view.words[j] ?? '')) j++;
  let head: ReturnType<SentenceView['entityAt']>;
  for (let n = 0; j < view.tokens.length && n <= maxDescriptor; n++) {
    if (n > 0 && view.gapBefore(j).trim() !== '') break;
    const e = view.entityAt(j);
    if (e) {
      if (e.weak || e.possessive) return undefined;
      head = e;
      j = e.last;
      // "the US telecommunications firm Motorola": a name after its description ends the phrase.
      if (n > 0) break;
      continue;
    }
    if (!isContentWord(view, j)) break;
    // "the US market": a word after a name makes the name a modifier.
    head = undefined;
    j++;
  }
  if (!head) return undefined;
  const next = view.words[j] ?? '';
  // "to Japan, the US and the Netherlands": a list is a set of its own.
  const listed = view.gapBefore(j).includes(',') && view.entityAt(lexicon.determiners.has(next) ? j + 1 : j);
  // "seized by the police, and Sinbad, which …": after a comma, "and" goes on with the clause.
  const joined = (next === 'and' || next === 'or') && !view.gapBefore(j).includes(',');
  return joined || listed ? undefined : head;
}

/** The content words of the stretch before the property the report writes least: what sets the fact apart. */
function rareWords(
  view: SentenceView,
  counts: NameCounts,
  stretch: { first: number; last: number },
  property: number,
  object: number,
): string[] {
  const out: string[] = [];
  for (let k = stretch.first; k < stretch.last; k++) {
    if (k >= property && k <= object) continue;
    if (!isContentWord(view, k) || view.entityAt(k) || lexicon.reportingVerbs.has(view.words[k])) continue;
    if ((counts.words.get(view.tokens[k].norm) ?? 0) <= maxDescribingSentences) out.push(view.words[k]);
  }
  return out;
}
