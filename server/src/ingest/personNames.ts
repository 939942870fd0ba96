// People's names as a report writes them, read into CSL names: "Jane Doe", "Doe, Jane", "Ursula
// von der Leyen" (particle kept apart), "Alex O'Neill", lists ("A, B and C"), and East Asian names
// written family name first.
//
// East Asian order is decided from the name's shape, never from a list of names: a name is read
// family name first when it is a one-syllable family name followed by a given name that is
// hyphenated ("Bae Sang-jin") or written as two one-syllable words ("Ha Chae Kyoun", "Lee Hsien
// Loong"), every part shaped like a romanised Korean, Chinese or Japanese syllable; or when one part
// is in capitals and the others are not ("BAE Sang-jin", "Sang-jin BAE"). A name of two single
// words ("Sunha Bae", "Bich Tran") is read in the order of English text, family name last: from its
// shape alone the order cannot be known.
import { lexicon } from '../engine/lexicon';
import { stem } from '../engine/text/tokens';
import type { CslName } from '../knowledge/types';

/** A syllable of romanised Korean, Chinese or Japanese: an initial, a vowel group, a final. */
const eastAsianSyllable = /^[bcdfghjklmnpqrstvwxyz]{0,3}[aeiouwy]{1,4}(?:ng|n|m|k|l|p|t)?$/;
const isSyllable = (word: string): boolean => eastAsianSyllable.test(word.toLowerCase());
const capitalised = (word: string): boolean => /^\p{Lu}\p{Ll}/u.test(word);
const inCapitals = (word: string): boolean => /^\p{Lu}{2,}$/u.test(word);
/** A family name in capitals ("BAE Sang-jin"): first or last, a syllable or longer than initials. */
const familyInCapitals = (words: readonly string[]): string | undefined => {
  const candidates = [words[0], words[words.length - 1]].filter(
    (w) => inCapitals(w) && (w.length >= 4 || isSyllable(w)),
  );
  return candidates.length === 1 && words.filter(inCapitals).length === 1 ? candidates[0] : undefined;
};

/** One word of a name: a capitalised word (with apostrophes or hyphens), an initial, or a particle. */
const nameWord = /^(?:\p{Lu}[\p{L}'’.-]*|\p{Lu}\.?)$/u;

function familyFirst(words: readonly string[]): boolean {
  const [family, ...given] = words;
  if (!capitalised(family) || !isSyllable(family)) return false;
  if (given.length === 1) {
    const parts = given[0].split('-');
    return parts.length === 2 && parts.every(isSyllable) && capitalised(given[0]);
  }
  return given.length === 2 && given.every((w) => capitalised(w) && isSyllable(w));
}

/** A person's name (honorifics dropped) as a CSL name. */
export function parseName(text: string): CslName {
  let clean = text.replace(/\s+/g, ' ').trim();
  // Honorifics before the name: "Dr", "Prof.", "Professor".
  for (;;) {
    const first = /^(\p{L}+)\.?\s+/u.exec(clean);
    if (!first || !lexicon.honorifics.has(first[1].toLowerCase()) || first[0].length === clean.length) break;
    clean = clean.slice(first[0].length);
  }
  const comma = clean.indexOf(',');
  if (comma > 0) return { family: clean.slice(0, comma).trim(), given: clean.slice(comma + 1).trim() || undefined };
  const words = clean.split(' ');
  if (words.length === 1) return { family: clean };
  const family = familyInCapitals(words);
  if (family) {
    return { family: family[0] + family.slice(1).toLowerCase(), given: words.filter((w) => w !== family).join(' ') };
  }
  if (familyFirst(words)) return { family: words[0], given: words.slice(1).join(' ') };
  // Particles: the first run of lower-case particles before the last word.
  const at = words.findIndex((w, i) => i > 0 && i < words.length - 1 && lexicon.nameParticles.has(w));
  if (at > 0 && words.slice(at, -1).every((w) => lexicon.nameParticles.has(w))) {
    return {
      given: words.slice(0, at).join(' '),
      'non-dropping-particle': words.slice(at, -1).join(' '),
      family: words[words.length - 1],
    };
  }
  return { family: words[words.length - 1], given: words.slice(0, -1).join(' ') };
}

/**
 * Whether `text` is a person's name: two to five name words, none of them an article, a preposition,
 * a job title or a word of organisations ("So Jeong Kim" is a name; "The White House" is not), and
 * not most of them words the document writes in lower case (`commonWords`: "Public Virtual Event").
 */
function isPersonName(text: string, commonWords?: ReadonlySet<string>): boolean {
  const words = text.trim().split(/\s+/);
  if (words.length < 2 || words.length > 5) return false;
  const named = words.filter((w) => !lexicon.nameParticles.has(w));
  if (named.length < 2 || !named.every((w) => nameWord.test(w))) return false;
  if (lexicon.sectionHeadings.has(words.join(' ').toLowerCase())) return false;
  const common = named.filter((w) => commonWords?.has(w.toLowerCase())).length;
  if (common * 2 > named.length) return false;
  return !named.some((w) => {
    const lower = w.toLowerCase();
    return (
      lexicon.determiners.has(lower) ||
      lexicon.prepositions.has(lower) ||
      lexicon.titleWords.has(lower) ||
      lexicon.nonNameWords.has(lower) ||
      lexicon.bodyHeadStems.has(stem(lower)) ||
      lexicon.nameGenericStems.has(stem(lower))
    );
  });
}

/** Longer than this, a line is no list of authors. */
const maxNameListLength = 600;

/** A list of people ("A, B and C", "A; B", "A & B") as CSL names, or undefined if any item is not a name. */
export function parseNameList(text: string, commonWords?: ReadonlySet<string>): CslName[] | undefined {
  if (text.length > maxNameListLength) return undefined;
  const items = text
    .split(/\s*[,;]\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (items.length === 0 || items.length > 50 || !items.every((item) => isPersonName(item, commonWords))) {
    return undefined;
  }
  return items.map(parseName);
}
