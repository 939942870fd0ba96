// Acronyms a memo expands itself, in either order: "World Health Organization (WHO)" or
// "WHO (World Health Organization)". The words of the expansion are those whose initials spell the
// acronym, the fewest that do.
import { tokenize } from '../text/tokens';
import { spells } from './acronyms';
import { detached } from '../text/detach';

export interface AcronymExpansion {
  acronym: string;
  expansion: string;
  /** Where the expansion is written (offsets into the text given). */
  start: number;
  end: number;
}

const bracketed = /\(([^()\n]{2,160})\)/g;
const acronymPattern = /^\p{Lu}[\p{Lu}\p{N}&-]*\p{Lu}s?$/u;

/** Every expansion written in `text.slice(start, end)`. */
export function acronymExpansions(text: string, start = 0, end = text.length): AcronymExpansion[] {
  const out: AcronymExpansion[] = [];
  const stretch = text.slice(start, end);
  for (const m of stretch.matchAll(bracketed)) {
    const inside = m[1].trim();
    const open = start + m.index;
    if (acronymPattern.test(inside)) {
      const acronym = inside.replace(/s$/, '');
      const before = longFormBefore(text, start, open, acronym);
      if (before) out.push({ acronym: detached(acronym), ...before });
      continue;
    }
    // "Presidential Policy Directive 41 (PPD-41)": a numbered acronym, its number the long form's last
    // word; "Securing Cyberspace Conference (SC2024)": a year or edition glued to it, often left out.
    const numbered = numberedAcronym(inside);
    if (numbered) {
      const before = longFormBefore(text, start, open, numbered.letters);
      const long = before ? text.slice(before.start, before.end) : '';
      if (before && (numbered.glued || long.endsWith(` ${numbered.number}`))) out.push({ acronym: inside, ...before });
      continue;
    }
    // "WHO (World Health Organization)"
    const word = /(\p{Lu}[\p{Lu}\p{N}&-]*\p{Lu})s?\s*$/u.exec(text.slice(Math.max(start, open - 20), open));
    if (word && spells(inside, word[1]) && startsWithInitial(inside, word[1])) {
      const from = open + 1 + m[1].indexOf(inside);
      out.push({ acronym: detached(word[1]), expansion: inside, start: from, end: from + inside.length });
    }
  }
  return out;
}

/** "PPD-41", "SC2024": two or more capitals, then a number of up to four digits, after a hyphen or glued. */
function numberedAcronym(inside: string): { letters: string; number: string; glued: boolean } | undefined {
  const isDigit = (c: string): boolean => c >= '0' && c <= '9';
  let at = 0;
  while (at < inside.length && !isDigit(inside[at])) at++;
  const dash = inside[at - 1] === '-';
  const letters = inside.slice(0, dash ? at - 1 : at);
  const number = inside.slice(at);
  const digits = number.length > 0 && number.length <= 4 && [...number].every(isDigit);
  const capitals = letters.length >= 2 && [...letters].every((c) => c !== c.toLowerCase());
  return digits && capitals ? { letters, number, glued: !dash } : undefined;
}

/** The fewest words right before the bracket whose initials spell the acronym. */
type LongForm = Omit<AcronymExpansion, 'acronym'>;

function longFormBefore(text: string, start: number, open: number, acronym: string): LongForm | undefined {
  // The long form is a few words: only the 300 characters before the bracket are read, so that a
  // sentence of many brackets is not read again for each.
  const from = Math.max(start, open - 300);
  const words = [...text.slice(from, open).matchAll(/[\p{L}\p{N}&'’-]+/gu)];
  const letters = acronym.replace(/[^\p{Lu}]/gu, '').length;
  for (let n = 1; n <= Math.min(words.length, letters * 2 + 2); n++) {
    const first = words[words.length - n];
    const last = words[words.length - 1];
    const phrase = text.slice(from + first.index, from + last.index + last[0].length);
    // A sentence break inside ends the search: the long form is one stretch of words.
    if (/[.;:!?]\s/.test(phrase)) return undefined;
    if (spells(phrase, acronym) && startsWithInitial(phrase, acronym)) {
      return { expansion: phrase, start: from + first.index, end: from + last.index + last[0].length };
    }
  }
  return undefined;
}

function startsWithInitial(phrase: string, acronym: string): boolean {
  return phrase.trim()[0]?.toUpperCase() === acronym[0];
}

/**
 * The expansion as compared: its word stems ("Base Stations" and "base station" alike), hyphens as
 * spaces, British and American -ise/-ize alike.
 */
function expansionKey(expansion: string): string {
  const folded = expansion.replace(/[-‐–]/g, ' ').replace(/is(e|ed|ing|ation|ations)\b/gi, 'iz$1');
  return tokenize(folded)
    .map((t) => t.norm)
    .join(' ');
}

export interface ExpansionConflict {
  earlier: AcronymExpansion;
  later: AcronymExpansion;
}

/** Later expansions of an acronym that differ from its first one. */
export function conflictingExpansions(all: readonly AcronymExpansion[]): ExpansionConflict[] {
  const first = new Map<string, AcronymExpansion>();
  const out: ExpansionConflict[] = [];
  for (const e of all) {
    const earlier = first.get(e.acronym);
    if (!earlier) first.set(e.acronym, e);
    else if (expansionKey(earlier.expansion) !== expansionKey(e.expansion)) out.push({ earlier, later: e });
  }
  return out;
}
