// Time zones of dates: the zone a date is written in, from a place, a demonym or a zone name near
// it ("October 28 in Asia", "(US)", "Seoul time", "KST"), or every zone ("on both sides of the
// Pacific"). Places carry their UTC offset in the knowledge base; zone names are lexicon words.
import { lexicon, phraseAt, phraseBefore } from '../lexicon';
import { type ValueMention } from '../values';
import { leadOfValue } from './colonValue';
import { placeKinds } from './entities';
import { type SentenceView } from './sentence';

/**
 * The UTC offset a date is written in, from a place, a demonym or a zone name near it; 'all' for
 * "on both sides"; undefined when none is written.
 */
export function zoneOf(view: SentenceView, m: ValueMention): number | 'all' | undefined {
  const { words, tokens } = view;
  const first = view.tokenIndexAt(m.start);
  const last = view.tokenIndexAt(m.end);
  const clause = view.clauseAt(first);
  const stretch = view.stretchAt(first);
  // "Audiences in Asia and the US shared a single date: 28 October 2022": the lead says the zone.
  const lead = leadOfValue(view, clause);
  for (let k = lead?.first ?? stretch.first; k < stretch.last; k++) {
    if (phraseAt(lexicon.allZonesPhrases, words, k)) return 'all';
  }
  // Also the clause after a date in parentheses: "27 Oct 2022 (US)".
  const nextDate = view.values.find((v) => (v.kind === 'date' || v.kind === 'year') && v.start > m.end);
  const prevDate = [...view.values].reverse().find((v) => (v.kind === 'date' || v.kind === 'year') && v.end < m.start);
  const limitAfter = nextDate ? view.tokenIndexAt(nextDate.start) : tokens.length;
  const limitBefore = prevDate ? view.tokenIndexAt(prevDate.end) : 0;
  // After it, in its clause or a bracket right after it: "(US)", "US time", "in Asia", "KST", "local time".
  const after = view.clauses.find((c) => c.first === last && c.kind === 'parenthetical');
  const afterEnd = Math.min(limitAfter, last + 6, after ? after.last : clause.last);
  const seen: number[] = [];
  for (let k = last; k < afterEnd; k++) {
    // After a comma only a zone written at once counts ("October 27, 2022, US time"), not one
    // further on ("October 28, a day after the US date").
    if (k > last && /[,;]/.test(view.gapBefore(k))) break;
    // "on 29 October, for participants in the United States": a phrase after the comma that opens
    // with a preposition of audience or place says where the date is, unlike "a day after the US date".
    const audience = view.gapBefore(last).includes(',') && lexicon.zoneAudienceOpeners.has(words[last]);
    if (k === last + 1 && /[,;]/.test(view.gapBefore(last)) && !audience) break;
    // "the Asian date as October 27 and the US date as October 28": what follows "and" names the next date's zone.
    if (nextDate && lexicon.conjunctions.has(words[k])) break;
    const offset = zoneAt(view, k);
    if (offset !== undefined && !seen.includes(offset)) seen.push(offset);
    if (words[k] === 'local' && (words[k + 1] === 'time' || words[k + 1] === 'date') && seen.length === 0) {
      // "Honolulu (…): held 28 Oct 2022, local date": the place a label names is where "local" is.
      const label = view.clauses[0]?.kind === 'label' ? view.clauses[0] : undefined;
      const place =
        (label && placeOffsetIn(view, label.first, label.last, false)) ?? placeOffsetIn(view, clause.first, k, true);
      if (place !== undefined) return place;
    }
  }
  // "in both US and Asian time zones": every zone.
  if (seen.length >= 2 && words.slice(last, afterEnd).some((w) => w === 'both' || w === 'and')) return 'all';
  if (seen.length > 0) return seen[0];
  // "October 28, 2022, which is the US calendar date": a relative clause right after it naming a zone's date.
  const relative = view.clauses.find((c) => c.first === last && c.kind === 'relative');
  if (relative) {
    for (let k = relative.first + 1; k < Math.min(relative.last, relative.first + 8); k++) {
      const offset = zoneAt(view, k);
      const dated = [1, 2, 3].some((d) => lexicon.zoneDateNouns.has(words[k + d] ?? ''));
      if (offset !== undefined && dated) return offset;
    }
  }
  // Before it, in the same clause or label: "in Asia, …", "the Asian date as", "Viewers in Seoul".
  // A date in brackets is qualified by what precedes the bracket: "the Asian date (28 October 2022)".
  // "For its US viewers (…) the session was dated …": a main clause a bracket or an aside interrupted
  // goes on with what it opened with; the aside itself says nothing of the date.
  const outer = clause.kind === 'parenthetical' ? view.clauseAt(Math.max(0, clause.first - 1)) : (lead ?? clause);
  const outerFirst = !lead && clause.continues ? stretch.first : outer.first;
  const from = Math.max(limitBefore, view.clauses[0]?.kind === 'label' && view.clauses[1] === clause ? 0 : outerFirst);
  let nearest: { offset: number; at: number } | undefined;
  for (let k = first - 1; k >= from; k--) {
    if (k < clause.first && clause.continues && ['parenthetical', 'relative'].includes(view.clauseAt(k).kind)) continue;
    const offset = zoneAt(view, k);
    // "a day earlier than their US counterparts": a comparison's other side is not this date's zone.
    if (offset === undefined || view.words.slice(Math.max(from, k - 3), k).includes('than')) continue;
    if (!nearest) {
      nearest = { offset, at: k };
      continue;
    }
    // "participants in Asia and in America alike joined on …": two zones joined by "and" share the date.
    // A name of several words is one place: "the United States".
    if (offset === nearest.offset && k === nearest.at - 1) nearest.at = k;
    if (nearest.at - k > 4) break;
    if (offset !== nearest.offset && view.words.slice(k + 1, nearest.at).includes('and')) return 'all';
  }
  return nearest?.offset;
}

/** A zone named at token k: a place or demonym with a known offset, or a zone name ("KST", "Eastern Time"). */
function zoneAt(view: SentenceView, k: number): number | undefined {
  const tz = phraseAt(lexicon.timeZones, view.words, k) ?? phraseBefore(lexicon.timeZones, view.words, k + 1);
  // Zone abbreviations are written in capitals ("ET", "KST"); "et" or "est" in prose is not one.
  if (tz && (tz.words.length > 1 || view.tokens[k].upper)) return tz.value;
  const e = view.entityAt(k);
  if (e?.term) return offsetOf(view, e.term.id);
  return undefined;
}

/** The UTC offset of the first place named in tokens [from, to), or of the last when `fromEnd`. */
function placeOffsetIn(view: SentenceView, from: number, to: number, fromEnd: boolean): number | undefined {
  // "Viewers in Seoul tuned in to the Pacific Forum webinar …, local time": a place written names
  // where "local" is before an organisation does (its seat is where it is, not its audience).
  for (const placesOnly of [true, false]) {
    for (let n = 0; n < to - from; n++) {
      const e = view.entityAt(fromEnd ? to - 1 - n : from + n);
      if (placesOnly && !placeKinds.has(e?.kind ?? '')) continue;
      const offset = e?.term ? offsetOf(view, e.term.id) : undefined;
      if (offset !== undefined) return offset;
    }
  }
  return undefined;
}

/** A place's UTC offset, or its enclosing place's. */
export function offsetOf(view: SentenceView, id: string): number | undefined {
  let term = view.kb.termById.get(id);
  for (let depth = 0; term && depth < 5; depth++) {
    if (term.utcOffset !== undefined) return term.utcOffset;
    term = term.within
      ? view.kb.termById.get(term.within)
      : term.capitalOf
        ? view.kb.termById.get(term.capitalOf)
        : undefined;
  }
  return undefined;
}
