// Lists of names a report's sentence gives: "by Japan, the US and the Netherlands", "the groups
// known as APT38, Andariel and the Lazarus Group". Each becomes a set claim whose members are the
// names; a memo that writes the list with one of them swapped for another name contradicts it (the
// set judge). Its property is the members themselves, so that only a memo writing some of them is
// held to it, and only a list of names the report writes in few sentences is one.
import { lexicon, phraseAt } from '../engine/lexicon';
import { type SentenceView } from '../engine/reader/sentence';
import { type ClaimValue } from '../knowledge/types';
import { isContentWord } from './measures';
import { isDistinctive, type NameCounts, timesWritten } from './names';

export interface ExtractedList {
  about: string[][];
  value: ClaimValue;
}

/** A list names at least this many: two names joined by "and" are as often one thing as two. */
const minMembers = 3;

/** Members written in no other sentence of the report that make a list its own. */
const minOwn = 2;

/** Words the report writes in at most this many sentences tell a list's sentence apart. */
const maxDescribingSentences = 2;

/** At most this many words stand for what a list is about. */
const maxIdentity = 6;

interface Item {
  first: number;
  last: number;
  text: string;
}

export function listsIn(view: SentenceView, counts: NameCounts, before?: SentenceView): ExtractedList[] {
  if (view.mood === 'question') return [];
  const out: ExtractedList[] = [];
  for (let k = 0; k < view.tokens.length; k++) {
    if (!startsItem(view, k) || (k > 0 && continuesList(view, k))) continue;
    const items = itemsFrom(view, k);
    if (items.length < minMembers) continue;
    const first = items[0].first;
    const last = items[items.length - 1].last;
    k = last;
    // "the Cyber, Technology and Security programme": words of a body's name, not a list.
    const after = view.tokens[last];
    const heads = after && view.gapBefore(last) === ' ' && !lexicon.stopWords.has(after.lower);
    if (heads && (lexicon.bodyHeadStems.has(after.norm) || lexicon.nameGenericStems.has(after.norm))) continue;
    // "including A, B and C", "A, B, C and others": examples of a larger set.
    const open = examples(view, first) || lexicon.openListEnderStems.has(view.tokens[last]?.norm ?? '');
    // Names written only here ("APT38, Andariel and the Lazarus Group") make the list its own; others
    // ("Japan, the US and the Netherlands") make many lists, and the words the report writes least tell it.
    const own = items.filter((it) => timesWritten(counts, it.text) <= 1).length >= minOwn;
    // "… the exclusion of high-risk vendors. The market is limited to A and B, and to a limited extent, C":
    // a list its own sentence does not tell apart is told by the sentence before it in its paragraph.
    let identity = own ? [] : rareWords(view, counts, first, last);
    if (!own && identity.length === 0 && before) identity = rareWords(before, counts, 0, 0, true);
    if (!own && identity.length === 0) continue;
    out.push({
      about: own ? [items.map((it) => it.text)] : [items.map((it) => it.text), identity],
      value: { kind: 'set', set: { members: items.map((it) => [it.text]), closed: !open, slot: 'list' } },
    });
  }
  return out;
}

/** Words before a list that may open examples of it: "including the groups known as A, B and C". */
const maxCueDistance = 6;

/** Whether a cue of examples comes shortly before the list in its stretch. */
function examples(view: SentenceView, first: number): boolean {
  const from = Math.max(view.stretchAt(first).first, first - maxCueDistance);
  for (let j = from; j < first; j++) if (phraseAt(lexicon.elaborationCues, view.words, j)) return true;
  return false;
}

/** A capitalised word that is part of a name ("Japan", "APT38"), past a determiner. */
function startsItem(view: SentenceView, k: number): boolean {
  const at = lexicon.determiners.has(view.words[k]) ? k + 1 : k;
  return at < view.tokens.length && isNameWord(view, at) && view.entityAt(at) !== undefined;
}

function isNameWord(view: SentenceView, k: number): boolean {
  const c = view.tokens[k].raw.charAt(0);
  return c !== c.toLowerCase() && !view.entityAt(k)?.weak;
}

/** Whether token k is an item after a separator: a list is read from its first item only. */
function continuesList(view: SentenceView, k: number): boolean {
  return view.gapBefore(k).includes(',') || view.words[k - 1] === 'and' || view.words[k - 1] === 'or';
}

/**
 * The items of a list from token k: names (a determiner before each allowed) separated by commas,
 * the last after "and" or "or"; a name the reader joined across "and" ("the US and the
 * Netherlands") is two items. Nothing when no "and" or "or" comes before its last item.
 */
function itemsFrom(view: SentenceView, k: number): Item[] {
  const items: Item[] = [];
  let last = false;
  for (;;) {
    if (lexicon.determiners.has(view.words[k] ?? '')) k++;
    const first = k;
    while (k < view.tokens.length && isNameWord(view, k) && (k === first || view.gapBefore(k) === ' ')) k++;
    if (k === first) return [];
    items.push({ first, last: k, text: view.text.slice(view.tokens[first].start, view.tokens[k - 1].end) });
    if (last) {
      const more = memberAfterAside(view, k);
      if (more) items.push(more);
      return items;
    }
    const comma = view.gapBefore(k).includes(',');
    if (k < view.tokens.length && (view.words[k] === 'and' || view.words[k] === 'or')) {
      last = true;
      k++;
    } else if (!comma || k >= view.tokens.length) {
      return [];
    }
  }
}

/** Words an aside between "and" and a last member may run to: ", and to a limited extent, C". */
const maxAside = 6;

/**
 * "A and B, and to a limited extent, C", "A, B and, to a lesser degree, C": a member after an
 * aside set off by commas that follows the list's "and" is a member all the same.
 */
function memberAfterAside(view: SentenceView, k: number): Item | undefined {
  if (k >= view.tokens.length || !view.gapBefore(k).includes(',') || view.words[k] !== 'and') return undefined;
  let j = k + 1;
  // The aside: lower-case words, up to the comma that closes it.
  const end = Math.min(view.tokens.length, j + maxAside + 1);
  while (j < end && !view.gapBefore(j).includes(',')) {
    if (j > k + 1 && isNameWord(view, j)) return undefined;
    j++;
  }
  if (j === k + 1 || j >= end || !view.gapBefore(j).includes(',')) return undefined;
  const first = j;
  while (j < view.tokens.length && isNameWord(view, j) && (j === first || view.gapBefore(j) === ' ')) j++;
  if (j === first) return undefined;
  return { first, last: j, text: view.text.slice(view.tokens[first].start, view.tokens[j - 1].end) };
}

/** The words around a list the report writes least, and its other names written in few sentences. */
function rareWords(view: SentenceView, counts: NameCounts, first: number, last: number, whole = false): string[] {
  const to = whole ? view.tokens.length : view.stretchAt(first).last;
  // "… four of the bloc's top trading partners: A, B, C and D": the words leading into the colon say what it lists.
  const from = whole
    ? 0
    : view.gapBefore(first).includes(':') && first > 0
      ? view.stretchAt(first - 1).first
      : view.stretchAt(first).first;
  const out: string[] = [];
  for (let k = from; k < to && out.length < maxIdentity; k++) {
    if (k >= first && k < last) continue;
    if (!isContentWord(view, k) || lexicon.reportingVerbs.has(view.words[k])) continue;
    const entity = view.entityAt(k);
    if (entity) {
      const name = view.text.slice(entity.start, entity.end);
      if (isDistinctive(counts, name) && !out.includes(name)) out.push(name);
      k = entity.last - 1;
      continue;
    }
    if ((counts.words.get(view.tokens[k].norm) ?? 0) <= maxDescribingSentences) out.push(view.words[k]);
  }
  return out;
}
