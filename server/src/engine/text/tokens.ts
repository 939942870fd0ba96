// Word tokens with their offsets, normalised for matching. Possessive 's is dropped and a light
// stemmer folds plurals and -ed/-ing forms, so knowledge phrases are written once in base form.

import { wordTable } from './table';
import lexiconData from '../lexicon/en.json';

export interface Token {
  /** Offset of the first character in the tokenised string. */
  start: number;
  /** Offset just past the last character. */
  end: number;
  /** The text as written. */
  raw: string;
  /** Lower-cased and stemmed: the form used for matching. */
  norm: string;
  /** Lower-cased only. */
  lower: string;
  /** True when the token is written in capitals (two or more letters, or a lone capital): acronyms. */
  upper: boolean;
}

// Letters and digits, plus `&` as a token of its own (R&D, AT&T). Linear: no nested quantifiers.
const wordPattern = /[\p{L}\p{N}]+|&/gu;
const possessive = /^['’‘]s(?![\p{L}\p{N}])/u;

// Memos repeat their words, so each word's normal form is computed once. Bounded: a document of
// random strings only restarts the memo.
const normalForms = new Map<string, { norm: string; lower: string; upper: boolean }>();
const maxNormalForms = 50_000;

function normalForm(raw: string): { norm: string; lower: string; upper: boolean } {
  let form = normalForms.get(raw);
  if (!form) {
    if (normalForms.size >= maxNormalForms) normalForms.clear();
    const lower = raw.toLowerCase();
    form = { norm: stem(lower), lower, upper: isUpper(raw) };
    normalForms.set(raw, form);
  }
  return form;
}

/** Whether a character (say a token's first) is an ASCII digit. */
/** "CBMs" → "CBM": an acronym written as a plural (capitals, then "s"), without its "s"; undefined otherwise. */
export function singularOfAcronym(word: string): string | undefined {
  if (word.length < 3 || !word.endsWith('s')) return undefined;
  const letters = word.slice(0, -1);
  return letters === letters.toUpperCase() && letters !== letters.toLowerCase() ? letters : undefined;
}

export function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  wordPattern.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = wordPattern.exec(text)) !== null) {
    const raw = match[0];
    const start = match.index;
    const end = start + raw.length;
    const { norm, lower, upper } = normalForm(raw);
    tokens.push({ start: start + offset, end: end + offset, raw, norm, lower, upper });
    // Skip a possessive 's so that "Korea's" reads as "Korea".
    const rest = text.slice(end, end + 3);
    if (possessive.test(rest)) wordPattern.lastIndex = end + 2;
  }
  return tokens;
}

function isUpper(raw: string): boolean {
  if (!/\p{Lu}/u.test(raw)) return false;
  return raw === raw.toUpperCase();
}

// Irregular forms (plurals, verbs) and words kept whole come from the lexicon (en.json, `irregularForms`).
const irregular = wordTable<string>(lexiconData.irregularForms);
const britishSpellings = wordTable<string>(lexiconData.britishSpellings);

/**
 * The American spelling of a British one, so that "organisation" meets "organization" and
 * "programmes" meets "programs": listed words (en.json, `britishSpellings`), then -ise, -yse and
 * -our by rule. Only folds: two different words never meet, at worst a word is spelled oddly inside.
 */
function americanSpelling(word: string): string {
  const listed = britishSpellings[word];
  if (listed) return listed;
  const singular = word.endsWith('s') ? britishSpellings[word.slice(0, -1)] : undefined;
  if (singular) return `${singular}s`;
  return word
    .replace(/(?<=[a-z]{2})is(e|ed|es|ing|ation|ations)$/, 'iz$1')
    .replace(/(?<=[a-z]{2})ys(e|ed|es|ing)$/, 'yz$1')
    .replace(/(?<=[a-z]{3})our(s|ed|ing|able|ite|ites)?$/, 'or$1');
}

/**
 * A deliberately small stemmer: folds the inflections a memo writer uses for the same word
 * (supports/supported/supporting, partner/partners, agenda/agendas). Short words are kept whole
 * so that acronyms and small function words never collide.
 */
export function stem(word: string): string {
  const known = irregular[word];
  if (known) return known;
  if (word.length <= 3 || /\d/.test(word)) return word;
  let w = americanSpelling(word);
  const folded = irregular[w];
  if (folded) return folded;
  if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (/(?:ss|us|is)$/.test(w)) {
    // class, status, analysis: not plurals
  } else if (/(?:ches|shes|sses|xes|zes)$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length > 5) w = undouble(w.slice(0, -3));
  else if (w.endsWith('ied') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('ed') && w.length > 4) w = undouble(w.slice(0, -2));
  // A final silent e goes too, so advocate / advocated / advocating meet at "advocat".
  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  return w;
}

function undouble(w: string): string {
  return /([bdgmnprt])\1$/.test(w) ? w.slice(0, -1) : w;
}
