// Matching what a sentence writes against the things a claim names: a glossary id matches its
// entity (or a capital standing for it, or a group of its members); a phrase matches when its
// words are there. Each claim's member phrases are compiled into one matcher, once.
import { type KnowledgeBase } from '../../knowledge/knowledgeBase';
import { type Claim } from '../../knowledge/types';
import { lexicon } from '../lexicon';
import { type EntityMention, sameEntity } from '../reader/entities';
import { type SentenceView } from '../reader/sentence';
import { type PhraseMatch, PhraseMatcher } from '../text/phraseMatcher';
import { tokenize } from '../text/tokens';

const matchers = new WeakMap<readonly (readonly string[])[], PhraseMatcher<number>>();
const capitalsByKb = new WeakMap<KnowledgeBase, Map<string, string[]>>();

/** The forms of the capitals that stand for each country ("Seoul" for South Korea), by country id. */
function capitalForms(kb: KnowledgeBase): Map<string, string[]> {
  let capitals = capitalsByKb.get(kb);
  if (!capitals) {
    capitals = new Map();
    for (const t of kb.terms) {
      if (t.capitalOf) capitals.set(t.capitalOf, [...(capitals.get(t.capitalOf) ?? []), ...kb.formsOf(t.id)]);
    }
    capitalsByKb.set(kb, capitals);
  }
  return capitals;
}

/**
 * A matcher over the alternatives of each member (glossary forms included, and a country's capital
 * standing for it: "Seoul, Washington and Tokyo"); values are member indexes.
 */
function memberMatcher(kb: KnowledgeBase, members: readonly (readonly string[])[]): PhraseMatcher<number> {
  let m = matchers.get(members);
  if (!m) {
    m = new PhraseMatcher<number>();
    members.forEach((alternatives, index) => {
      for (const a of alternatives) {
        for (const form of [...kb.formsOf(a), ...(capitalForms(kb).get(a) ?? [])]) m!.add(form, index);
      }
    });
    matchers.set(members, m);
  }
  return m;
}

/** Members of `members` written in the sentence, with where. */
export function membersIn(view: SentenceView, members: readonly (readonly string[])[]): PhraseMatch<number>[] {
  return memberMatcher(view.kb, members).matchLongest(view.tokens);
}

/** Whether an entity mention is the thing a claim names (an id or a phrase). */
export function mentionIs(view: SentenceView, mention: EntityMention, idOrPhrase: string): boolean {
  const kb = view.kb;
  if (mention.id && kb.termById.has(idOrPhrase)) {
    if (sameEntity(kb, mention.id, idOrPhrase)) return true;
    // A group stands for its members: "the speakers" for the three speakers.
    const members = mention.term?.members;
    if (members && members.includes(idOrPhrase)) return true;
    return false;
  }
  return namesAgree(kb, view.text.slice(mention.start, mention.end), idOrPhrase);
}

function nameTokens(name: string): string[] {
  return tokenize(name)
    .map((t) => t.norm)
    .filter((n) => !lexicon.nameFillerWords.has(n));
}

/**
 * A name the memo writes agrees with an organisation or place when every word of it occurs in some
 * form of that name, and at least one of them is distinctive ("Belfer Center", "Harvard's Belfer
 * Center"); "U.S. Naval War College" does not agree with "U.S. Army War College".
 */
/** A possessive owner opening a name: "China's " of "China's Ministry of State Security". */
const ownerPrefix = /^[^\s'’]+(?:\s[^\s'’]+)?['’]s\s+/;

export function namesAgree(kb: KnowledgeBase, written: string, idOrPhrase: string): boolean {
  const a = nameTokens(written);
  if (a.length === 0) return true;
  if (kb.formsOf(idOrPhrase).some((form) => abbreviates(written, form))) return true;
  // "China's Ministry of State Security" is also written without its owner.
  const withOwner = kb.formsOf(idOrPhrase);
  const forms = [
    ...withOwner,
    ...withOwner.map((f) => f.replace(ownerPrefix, '')).filter((f, i) => f !== withOwner[i]),
  ].map(nameTokens);
  const union = new Set(forms.flat());
  const distinctive = (x: string): boolean => !lexicon.nameGenericStems.has(x);
  if (
    a.every((x) => union.has(x)) &&
    (a.some(distinctive) || forms.some((f) => f.length === a.length && f.every((x) => a.includes(x))))
  ) {
    return true;
  }
  // A longer memo name that contains a whole form: "the Pacific Forum in Honolulu's office".
  return forms.some(
    (f) =>
      f.length > 0 &&
      f.some(distinctive) &&
      f.every((x) => a.includes(x)) &&
      a.filter((x) => !f.includes(x)).every((x) => !distinctive(x)),
  );
}

/**
 * Whether a word in capitals (after an article) is the initials of a name of two or more words, its filler words left
 * out: "NZ" for New Zealand, "ROK" for the Republic of Korea.
 */
export function abbreviates(written: string, name: string): boolean {
  const own = tokenize(written).filter((t) => !lexicon.articles.has(t.lower));
  if (own.length !== 1) return false;
  const letters = own[0].raw;
  if (letters.length < 2 || letters.length > 6 || letters !== letters.toUpperCase()) return false;
  const words = tokenize(name).filter((t) => !lexicon.nameFillerWords.has(t.norm) && !lexicon.articles.has(t.lower));
  if (words.length < 2 || words.length !== letters.length) return false;
  return words.every((w, k) => w.raw[0] === letters[k] && w.raw[0] !== w.raw[0].toLowerCase());
}

/** The content words of a stretch of tokens that can tell list items apart. */
export function distinctiveStems(view: SentenceView, first: number, last: number): string[] {
  const out: string[] = [];
  for (let k = first; k < last; k++) {
    const t = view.tokens[k];
    if (lexicon.stopWords.has(t.lower) || lexicon.genericNounStems.has(t.norm) || lexicon.hedgeAdverbs.has(t.lower)) {
      continue;
    }
    out.push(t.norm);
  }
  return out;
}

/** The claim a verdict about a glossary entry rests on: the entry's first source. */
export function claimOfTerm(kb: KnowledgeBase, termId: string): Claim | undefined {
  const term = kb.termById.get(termId);
  const ref = term?.sources[0];
  if (!term || !ref) return undefined;
  return {
    id: `glossary/${term.id}`,
    source: ref.key,
    locator: ref.locator,
    statement: term.definition,
    about: [],
    property: -1,
    subject: -1,
    value: { kind: 'entity', entity: { value: term.id, kind: term.kind } },
    origin: term.origin,
  };
}
