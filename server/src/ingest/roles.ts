// People a report names with their posts: "Ann Lee, Senior Fellow at the Institute of Ports" in a
// sentence, or a byline block of three lines (name / title / organisation). Title words come from
// the lexicon; the person and the organisation are the reader's names.
import { lexicon } from '../engine/lexicon';
import { type EntityMention } from '../engine/reader/entities';
import { type SentenceView } from '../engine/reader/sentence';
import { tokenize } from '../engine/text/tokens';

export interface ExtractedRole {
  person: string;
  title: string;
  org?: string;
}

/** Prepositions that join a post to its organisation. */
const postPrepositions = new Set(['at', 'of', 'in', 'to', 'with']);
/** The most words a title runs over ("International Policy and Government Lead"). */
const longestTitle = 8;
/** The most words of the noun a name is part of ("in the Cyber policy team at …"). */
const maxHeadWords = 3;
const possessiveMarks = new Set(["'s", '’s']);

/**
 * "Name, Title at Org" and "Name is a Title of the Org" in a sentence, and a bio's bold name
 * ("**Ann Lee** is Senior Fellow at …"). A post held at several places ("Director of the Cyber
 * Programme at the Zyx Institute") gives a claim for each organisation it names.
 */
export function rolesIn(view: SentenceView): ExtractedRole[] {
  const out: ExtractedRole[] = [];
  const { words, entities } = view;
  for (const person of entities) {
    const name = personName(view, person);
    if (!name) continue;
    let k = person.last;
    const gap = withoutEmphasis(view.gapBefore(k));
    if (gap === ' ' && (words[k] === 'is' || words[k] === 'was')) {
      k++;
      if (lexicon.determiners.has(words[k])) k++;
    } else if (gap.trim() !== ',') continue;
    const titleStart = k;
    const titleEnd = endOfTitle(view, titleStart);
    if (titleEnd === undefined) continue;
    const title = view.text.slice(view.tokens[titleStart].start, view.tokens[titleEnd - 1].end);
    for (const org of organisationsAfter(view, titleEnd)) out.push({ person: name, title, org });
  }
  return out;
}

/**
 * Where a title starting at k ends: at the preposition leading to its organisation. Its words are
 * title words and their modifiers, "and", or capitalised words naming the field ("Japan Chair");
 * its last word is a title word.
 */
function endOfTitle(view: SentenceView, start: number): number | undefined {
  const { words, tokens } = view;
  for (let k = start; k < Math.min(words.length, start + longestTitle + 1); k++) {
    if (k > start && postPrepositions.has(words[k])) {
      return lexicon.titleWords.has(words[k - 1]) ? k : undefined;
    }
    if (k > start && view.gapBefore(k).trim() !== '') return undefined;
    const capitalised = tokens[k].raw.charAt(0) !== tokens[k].lower.charAt(0);
    const titleWord = lexicon.titleModifiers.has(words[k]) || lexicon.titleWords.has(words[k]);
    if (!titleWord && !capitalised && !(words[k] === 'and' && k > start)) return undefined;
  }
  return undefined;
}

/**
 * The organisations a post's prepositions lead to ("of the Cyber Programme and the Hub at the Zyx
 * Institute"), past other names and "and" between them, until its clause goes on to something else.
 */
function organisationsAfter(view: SentenceView, from: number): string[] {
  const { words, entities, tokens } = view;
  const orgs: string[] = [];
  let k = from;
  while (k < words.length) {
    if (k > from && view.gapBefore(k).includes(';')) break;
    const name = entities.find((e) => e.first === k);
    // Another person named next ("…, and Ann Lee, Professor at …") has posts of their own.
    if (name && personName(view, name)) break;
    if (name) {
      k = name.last;
      continue;
    }
    if (words[k] === 'and' || words[k] === 'the') {
      k++;
      continue;
    }
    if (!postPrepositions.has(words[k])) break;
    let at = k + 1;
    if (words[at] === 'the') at++;
    const org = entities.find((e) => e.first === at || (e.first < at && at < e.last));
    if (!org) break;
    // "Professor of Political Science at the X University": a bare "of" phrase before the post's "at"
    // names its field, not a place of work ("Director of the Cyber Programme at …" names one).
    if (words[k] === 'of' && at === k + 1 && words[org.last] === 'at') {
      k = org.last;
      continue;
    }
    const written = view.text.slice(tokens[at].start, org.end);
    // "the Cyber team", "the Zyx Institute’s Cyber, Space and Tech programme": the name is a word of a
    // longer one, and only its owner is an organisation of the post.
    const partOfLonger = modifiesWhatFollows(view, org.last);
    const owner = ownerOf(written);
    if (!partOfLonger) orgs.push(written);
    else if (owner !== undefined) orgs.push(owner);
    k = org.last;
    // Past the noun the name was a word of: "in the Cyber team at RUSI".
    while (partOfLonger && k < org.last + maxHeadWords && isPlainWord(view, k)) k++;
  }
  return orgs;
}

/** A lower-case word that goes on from the one before it, not a preposition. */
function isPlainWord(view: SentenceView, k: number): boolean {
  const t = view.tokens[k];
  return (
    t !== undefined &&
    view.gapBefore(k) === ' ' &&
    t.raw.charAt(0) === t.lower.charAt(0) &&
    !postPrepositions.has(t.lower)
  );
}

/** Whether a name ending before k is a word of a longer one: a noun follows it, or it opens a list of names. */
function modifiesWhatFollows(view: SentenceView, k: number): boolean {
  const { words, tokens } = view;
  if (k >= words.length) return false;
  const gap = view.gapBefore(k).trim();
  if (gap === '') return isPlainWord(view, k) && !lexicon.stopWords.has(words[k]);
  if (gap !== ',' || tokens[k].raw.charAt(0) === tokens[k].lower.charAt(0)) return false;
  // "Cyber, Technology and Security": an "and" comes before the post goes on.
  for (let j = k; j < Math.min(words.length, k + 6); j++) {
    if (words[j] === 'and') return true;
    if (postPrepositions.has(words[j]) || view.gapBefore(j).includes(';')) return false;
  }
  return false;
}

/** "the Zyx Institute’s Cyber": the name before the possessive. */
function ownerOf(org: string): string | undefined {
  const parts = tokenize(org);
  const owner = parts.findIndex((t, i) => i < parts.length - 1 && possessiveMarks.has(org.slice(t.end, t.end + 2)));
  return owner < 0 ? undefined : org.slice(0, parts[owner].end);
}

/** A gap with Markdown's emphasis marks taken out: a bio's name is often bold. */
function withoutEmphasis(gap: string): string {
  return [...gap].filter((ch) => ch !== '_' && ch !== '*').join('');
}

/** A person's name: two or three capitalised words (an honorific before them dropped), no acronym. */
function personName(view: SentenceView, m: EntityMention): string | undefined {
  if (m.weak) return undefined;
  let first = m.first;
  if (lexicon.honorifics.has(view.words[first])) first++;
  const count = m.last - first;
  if (count < 2 || count > 3) return undefined;
  for (let k = first; k < m.last; k++) {
    const t = view.tokens[k];
    if (t.upper || lexicon.titleWords.has(t.lower) || lexicon.titleModifiers.has(t.lower)) return undefined;
  }
  return view.text.slice(view.tokens[first].start, m.end);
}

/** A byline block: a name line, a line with a title word, an organisation line. */
export function bylineRole(block: string): ExtractedRole | undefined {
  const lines = block
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  if (lines.length !== 3) return undefined;
  const nameTokens = tokenize(lines[0]).filter((t) => !lexicon.honorifics.has(t.lower));
  const capitalised = nameTokens.every((t) => t.raw.charAt(0) !== t.raw.charAt(0).toLowerCase() && !t.upper);
  if (nameTokens.length < 2 || nameTokens.length > 3 || !capitalised) return undefined;
  if (!tokenize(lines[1]).some((t) => lexicon.titleWords.has(t.lower))) return undefined;
  const person = lines[0].slice(nameTokens[0].start);
  return { person, title: lines[1], org: lines[2] };
}
