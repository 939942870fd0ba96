// The things a sentence names: glossary and places entries it mentions (linked), proper names the
// knowledge base does not know (unlinked), and what is written with each: a country ("Japanese",
// "Russia's", "US"), a year ("the 2018 strategy", "Strategy of 2019"), and the known entity an
// unknown name nearly is ("Tokyo Cyberspace Conference" for the Seoul one).
import { type KnowledgeBase } from '../../knowledge/knowledgeBase';
import { type EntityKind, type Term } from '../../knowledge/types';
import { lexicon } from '../lexicon';
import { type PhraseMatch } from '../text/phraseMatcher';
import { stem, type Token } from '../text/tokens';

export interface EntityMention {
  term?: Term;
  /** The glossary or places id, when linked. */
  id?: string;
  /** The term's kind, or 'name' for a proper name the knowledge base does not know. */
  kind: EntityKind | 'name';
  first: number;
  last: number;
  start: number;
  end: number;
  /**
   * Countries or places written with it: "Japanese" in "Japanese giants such as Samsung", "Russia's"
   * in "Russia's law".
   */
  countries: string[];
  /** Where the first country modifier is written. */
  countrySpan?: { start: number; end: number };
  /** A year written with it: "the 2018 strategy", "Strategy of 2019", "(2016)". */
  year?: number;
  yearSpan?: { start: number; end: number };
  /** Written "X's". */
  possessive: boolean;
  /** A sentence's first word on its own: maybe a name, maybe only capitalised. */
  weak?: boolean;
  /** A person written by surname alone, linked by what the paragraph or the citation says ("Dr Kim"). */
  bySurname?: boolean;
}

export const placeKinds = new Set<string>(['place', 'country']);
const yearPattern = /^\d{4}$/;

/** Entity mentions in order of position: linked terms first found, unlinked proper names between them. */
export function findEntities(
  text: string,
  tokens: readonly Token[],
  terms: readonly PhraseMatch<Term>[],
  sentenceFirst: number,
): EntityMention[] {
  const mentions: EntityMention[] = terms.map((m) => ({
    term: m.value,
    id: m.value.id,
    kind: m.value.kind,
    first: m.first,
    last: m.last,
    start: m.start,
    end: m.end,
    countries: [],
    possessive: false,
  }));
  const covered = new Uint8Array(tokens.length);
  for (const m of mentions) for (let k = m.first; k < m.last; k++) covered[k] = 1;
  // Unlinked proper names: runs of capitalised words, joined by "of", "for", "and", "&", "the".
  for (let i = 0; i < tokens.length; i++) {
    if (covered[i] || !isNameWord(tokens, i, sentenceFirst)) continue;
    let j = i + 1;
    for (;;) {
      if (j < tokens.length && !covered[j] && isNameWord(tokens, j, sentenceFirst) && gapJoins(text, tokens, j)) {
        j++;
        continue;
      }
      // "Institute for Defense Analyses", "Bank of Korea": a joining word between capitalised words.
      const joiner = tokens[j]?.lower;
      // "Director of the Korea Project": a title, then the body it names, not one name.
      const titleSoFar = tokens
        .slice(i, j)
        .every((t) => lexicon.titleWords.has(t.lower) || lexicon.titleModifiers.has(t.lower));
      if (
        !titleSoFar &&
        (joiner === 'of' ||
          joiner === 'for' ||
          joiner === 'and' ||
          joiner === '&' ||
          joiner === 'the' ||
          joiner === 'on') &&
        j + 1 < tokens.length
      ) {
        let k = j + 1;
        if (tokens[k].lower === 'the' && k + 1 < tokens.length) k++;
        // "Ministry of Science and ICT": a known acronym that ends a longer name is part of it.
        const acronymEnd = covered[k] ? endingAcronym(mentions, tokens, k, sentenceFirst) : undefined;
        if (
          (!covered[k] || acronymEnd) &&
          isNameWord(tokens, k, sentenceFirst) &&
          gapJoins(text, tokens, j) &&
          gapJoins(text, tokens, k)
        ) {
          if (acronymEnd) mentions.splice(mentions.indexOf(acronymEnd), 1);
          j = k + 1;
          continue;
        }
      }
      break;
    }
    const weak = j === i + 1 && i === sentenceFirst && !isTechnologyName(tokens[i].raw);
    mentions.push({
      kind: 'name',
      first: i,
      last: j,
      start: tokens[i].start,
      end: tokens[j - 1].end,
      countries: [],
      possessive: false,
      weak,
    });
    i = j - 1;
  }
  mentions.sort((a, b) => a.first - b.first);
  mergePlacesInsideNames(text, tokens, mentions);
  for (const m of mentions) {
    m.possessive =
      /^['’]s\b/.test(text.slice(m.end, m.end + 3)) || /s['’](?!\p{L})/u.test(text.slice(m.end - 1, m.end + 1));
  }
  addModifiers(text, tokens, mentions);
  return mentions;
}

/**
 * "George Washington University": a known place between unknown name words, the run ending in a
 * word for a body, is part of one unknown name, not the place.
 */
function mergePlacesInsideNames(text: string, tokens: readonly Token[], mentions: EntityMention[]): void {
  const joined = (k: number): boolean =>
    k > 0 && mentions[k].first === mentions[k - 1].last && text.slice(mentions[k - 1].end, mentions[k].start) === ' ';
  for (let n = 0; n + 1 < mentions.length; n++) {
    if (!placeKinds.has(mentions[n].kind)) continue;
    // "George Washington University", or a place opening the name: "Munich Security Conference".
    const startsAt = joined(n) && mentions[n - 1].kind === 'name' ? n - 1 : n;
    if (startsAt === n && joined(n)) continue;
    let end = n + 1;
    while (
      end < mentions.length &&
      joined(end) &&
      (mentions[end].kind === 'name' || placeKinds.has(mentions[end].kind))
    ) {
      end++;
    }
    const last = mentions[end - 1];
    if (last.kind !== 'name' || end - 1 === n) continue;
    // "Univ." is a university.
    const lastWord = tokens[last.last - 1].lower;
    const head = lexicon.titleAbbreviations[lastWord] ?? lastWord;
    if (!lexicon.bodyHeadStems.has(stem(head))) continue;
    const merged: EntityMention = {
      kind: 'name',
      first: mentions[startsAt].first,
      last: last.last,
      start: mentions[startsAt].start,
      end: last.end,
      countries: [],
      possessive: false,
    };
    mentions.splice(startsAt, end - startsAt, merged);
    n = startsAt;
  }
}

/** The one-word acronym at token k that no further name word follows: the last word of a longer name. */
function endingAcronym(
  mentions: EntityMention[],
  tokens: readonly Token[],
  k: number,
  sentenceFirst: number,
): EntityMention | undefined {
  const m = mentions.find((x) => x.first === k && x.last === k + 1 && x.term?.kind === 'acronym');
  if (!m || (k + 1 < tokens.length && isNameWord(tokens, k + 1, sentenceFirst))) return undefined;
  return m;
}

/** A capitalised word that can be part of a name (not a month, number word or function word at a sentence start). */
/** "S&T", "R&D", "M&A": single letters joined by "&" shorten common words; they name nothing. */
function letterPairAbbreviation(tokens: readonly Token[], i: number): boolean {
  const single = (k: number): boolean => tokens[k]?.raw.length === 1 && /^\p{Lu}$/u.test(tokens[k].raw);
  const tight = (a: number, b: number): boolean => tokens[a].end === tokens[b].start;
  const amp = (k: number): boolean => tokens[k]?.raw === '&';
  if (!single(i)) return false;
  return (
    (amp(i + 1) && single(i + 2) && tight(i, i + 1) && tight(i + 1, i + 2)) ||
    (amp(i - 1) && single(i - 2) && tight(i - 2, i - 1) && tight(i - 1, i))
  );
}

function isNameWord(tokens: readonly Token[], i: number, sentenceFirst: number): boolean {
  const t = tokens[i];
  if (isTechnologyName(t.raw)) return true;
  if (!/^\p{Lu}/u.test(t.raw)) return false;
  if (letterPairAbbreviation(tokens, i)) return false;
  const w = t.lower;
  if (
    w in lexicon.months ||
    lexicon.weekdays.has(w) ||
    w in lexicon.numberWords ||
    w in lexicon.tensWords ||
    w in lexicon.ordinalWords
  ) {
    return false;
  }
  if (i === sentenceFirst || (i > 0 && /[:;(]\s*$/.test(tokens[i - 1].raw))) {
    if (
      lexicon.stopWords.has(w) ||
      lexicon.determiners.has(w) ||
      lexicon.prepositions.has(w) ||
      lexicon.pronouns.has(w) ||
      lexicon.auxiliaries.has(w)
    ) {
      return false;
    }
    if (
      lexicon.conjunctions.has(w) ||
      lexicon.hedgeAdverbs.has(w) ||
      lexicon.reportingVerbs.has(w) ||
      lexicon.clauseBreakWords.has(w)
    ) {
      return false;
    }
  }
  // "I" and lone capitals of initials are not names on their own; acronyms are.
  return t.raw.length > 1 || t.upper;
}

/**
 * "6G", "3GPP": a digit glued to capitals names a technology or standard, wherever it is written. A
 * scale ("5M", "2BN") is a figure, not a name.
 */
function isTechnologyName(raw: string): boolean {
  const glued = /^\d(\p{Lu}+)\d*$/u.exec(raw);
  return glued !== null && !(glued[1].toLowerCase() in lexicon.scaleWords);
}

/** Words of one name are separated by a space, a hyphen or a dot ("U.S."), never by other punctuation. */
function gapJoins(text: string, tokens: readonly Token[], j: number): boolean {
  const gap = text.slice(tokens[j - 1].end, tokens[j].start);
  return gap === ' ' || gap === '-' || gap === '–' || gap === '.' || gap === '. ' || gap === "'s " || gap === '’s ';
}

/**
 * Countries and years written with each mention. A country term right before it ("Russia's
 * National Intelligence Law", "the US Indo-Pacific Strategy") modifies it; so does the one before a
 * "such as" that introduces it ("Japanese ICT giants such as Samsung").
 */
function addModifiers(text: string, tokens: readonly Token[], mentions: EntityMention[]): void {
  for (let n = 0; n < mentions.length; n++) {
    const m = mentions[n];
    const prev = mentions[n - 1];
    // An organisation's possessive owns it as a country would: "the European Union's 2021 strategy".
    const owner = prev && (isCountry(prev) || (prev.possessive && prev.term?.kind === 'organisation'));
    if (prev && owner && adjacent(text, tokens, prev, m)) {
      m.countries.push(countryOf(prev));
      m.countrySpan ??= { start: prev.start, end: prev.end };
    }
    // "the NATO-led ESIWA", "ESIWA (NATO-led)": a known body or country hyphened to an owner's participle.
    const next = mentions[n + 1];
    const ledBefore = prev && ownerCompound(text, tokens, prev) && tokens[prev.last + 1] === tokens[m.first];
    const ledAfter = next && ownerCompound(text, tokens, next) && text.slice(m.end, next.start).trim() === '(';
    for (const o of [ledBefore ? prev : undefined, ledAfter ? next : undefined]) {
      const owns = o !== undefined && (isCountry(o) || o.term?.kind === 'organisation' || o.term?.kind === 'acronym');
      if (o?.id === undefined || !owns) continue;
      m.countries.push(countryOf(o));
      m.countrySpan ??= { start: o.start, end: o.end };
    }
    // "X such as Y", "X like Y", "X, including Y": Y inherits X's country.
    const introducer = introducedAt(tokens, m.first);
    if (introducer >= 0) {
      const head = mentions.filter((o) => o.last <= introducer && o.last >= introducer - 4 && isCountry(o)).pop();
      if (head) {
        m.countries.push(countryOf(head));
        m.countrySpan ??= { start: head.start, end: head.end };
      }
    }
    // A year before ("the 2018 strategy", "China's 2015 law") or after ("Strategy of 2019", "(2016)").
    const before = tokens[m.first - 1];
    if (before && yearPattern.test(before.raw) && text.slice(before.end, m.start).trim() === '') {
      m.year = Number(before.raw);
      m.yearSpan = { start: before.start, end: before.end };
    }
    const after = /^(\s+of\s+|\s*\(\s*|\s+)(\d{4})\b(?!\s*[–—-]\s*\d)/.exec(text.slice(m.end, m.end + 12));
    if (
      after &&
      (after[1].includes('of') || after[1].includes('(')) &&
      m.year === undefined &&
      (m.kind === 'document' || m.kind === 'event' || m.kind === 'name')
    ) {
      m.year = Number(after[2]);
      const start = m.end + after[0].length - 4;
      m.yearSpan = { start, end: start + 4 };
    }
    const dated =
      m.year === undefined && (m.kind === 'document' || m.kind === 'event') ? datedAfter(text, tokens, m) : undefined;
    if (dated) {
      m.year = Number(dated.raw);
      m.yearSpan = { start: dated.start, end: dated.end };
    }
  }
}

/** "the Strategy, published in 2020", "the conference (held in 2013)": a participle after the name dates it. */
function datedAfter(text: string, tokens: readonly Token[], m: EntityMention): Token | undefined {
  const [verb, prep, year] = [tokens[m.last], tokens[m.last + 1], tokens[m.last + 2]];
  if (!verb || !prep || !year || !lexicon.datingParticiples.has(verb.lower) || prep.lower !== 'in') return undefined;
  const gap = text.slice(m.end, verb.start).trim();
  if (gap !== '' && gap !== ',' && gap !== '(') return undefined;
  // "published in 2020–21": a span is no year; nor is a year glued to more digits or letters.
  const glued = text.slice(year.end, year.end + 1);
  const joined = glued !== '' && !' ,.;:)'.includes(glued);
  return yearPattern.test(year.raw) && !joined ? year : undefined;
}

/** "NATO-led", "EU-funded": the mention is hyphened to a participle that makes it an owner. */
function ownerCompound(text: string, tokens: readonly Token[], o: EntityMention): boolean {
  const t = tokens[o.last];
  return t !== undefined && text.slice(o.end, t.start) === '-' && lexicon.ownerParticiples.has(t.lower);
}

/** Index of the token after "such as" / "like" / "including" / "e.g." that ends right before token i, or -1. */
function introducedAt(tokens: readonly Token[], i: number): number {
  const w1 = tokens[i - 1]?.lower;
  const w2 = tokens[i - 2]?.lower;
  if (w1 === 'as' && w2 === 'such') return i - 2;
  if (w1 === 'like' || w1 === 'including') return i - 1;
  if (w1 === 'g' && w2 === 'e') return i - 2;
  return -1;
}

/**
 * "Russia's National Intelligence Law", "the US Indo-Pacific Strategy": b right after a, or a's
 * possessive. A year or words that only describe it may sit between: "China's 2015 National
 * Intelligence Law", "the EU's own Indo-Pacific strategy".
 */
function adjacent(text: string, tokens: readonly Token[], a: EntityMention, b: EntityMention): boolean {
  if (tokens[b.first] === undefined || b.first < a.last) return false;
  const between = tokens.slice(a.last, b.first);
  if (!between.every((t) => yearPattern.test(t.raw) || lexicon.describingAdjectives.has(t.lower))) return false;
  const firstAfter = between[0] ?? tokens[b.first];
  if (!/^(['’]s)?\s+(\d{4}\s+)?$/.test(text.slice(a.end, firstAfter.start))) return false;
  return between.every((t, k) => text.slice(t.end, (between[k + 1] ?? tokens[b.first]).start).trim() === '');
}

/** A country, or a place that stands for one (a capital, a region with a demonym). */
function isCountry(m: EntityMention): boolean {
  if (!m.term || !placeKinds.has(m.term.kind)) return false;
  return m.term.kind === 'country' || m.term.capitalOf !== undefined || (m.term.demonyms?.length ?? 0) > 0;
}

/** The country a place mention stands for: a capital stands for its country ("Seoul" for South Korea). */
function countryOf(m: EntityMention): string {
  return m.term?.capitalOf ?? m.id ?? '';
}

/** Whether two entity ids name the same thing, or one a capital of the other. */
export function sameEntity(kb: KnowledgeBase, a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  if (a === b) return true;
  const ta = kb.termById.get(a);
  const tb = kb.termById.get(b);
  return ta?.capitalOf === b || tb?.capitalOf === a;
}

/** Whether a place is another or lies in it by what each is within ("Honolulu" in "Hawaii"); a capital
 * is not its country here. */
export function liesWithin(kb: KnowledgeBase, placeId: string, outer: string): boolean {
  let id: string | undefined = placeId;
  for (let depth = 0; id && depth < 5; depth++) {
    if (id === outer) return true;
    id = kb.termById.get(id)?.within;
  }
  return false;
}

/** An acronym is a body when its expansion names one ("Institute for …", "Group of …"), else a concept ("CCB"). */
export function isBody(term: Term): boolean {
  if (term.kind !== 'acronym') return ['organisation', 'group', 'country', 'person', 'programme'].includes(term.kind);
  const words = (term.expansion ?? '')
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter(Boolean);
  return words.some((w) => lexicon.bodyHeadStems.has(stem(w)));
}
