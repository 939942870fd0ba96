// An author-date reference written in the sentence: "(Kim, 2025)", "(Lee and Park 2021, p. 4)",
// "(OECD et al., 2023)". Its year dates the reference, not anything the sentence says.
import { type Token } from '../text/tokens';

/** Words that may stand between the authors' names of a reference. */
const joiners = new Set(['et', 'al', 'and', '&']);

/** Names before the year, at most. */
const maxNameWords = 6;

/** Tokens after the year before its closing bracket, at most ("p. 4", "pp. 12 13"). */
const maxTail = 4;

/** Whether the year at token `i` is the year of an author-date reference in brackets. */
export function isReferenceYear(text: string, tokens: readonly Token[], i: number): boolean {
  const gap = (k: number): string =>
    k <= 0 || k >= tokens.length ? '' : text.slice(tokens[k - 1].end, tokens[k].start);
  let k = i;
  while (k > 0 && i - k < maxNameWords && !gap(k).includes('(')) k--;
  if (k === i || !gap(k).includes('(')) return false;
  for (let j = k; j < i; j++) {
    const raw = tokens[j].raw;
    const capital = raw.charAt(0) !== raw.charAt(0).toLowerCase();
    if (j === k ? !capital : !capital && !joiners.has(raw.toLowerCase())) return false;
    if (j > k && gap(j).includes(')')) return false;
  }
  for (let j = i + 1; j <= Math.min(tokens.length, i + 1 + maxTail); j++) {
    const after = j < tokens.length ? gap(j) : text.slice(tokens[j - 1].end, tokens[j - 1].end + 2);
    if (after.includes(')')) return true;
    if (j === i + 1 && !after.includes(',') && !after.includes(';')) return false;
  }
  return false;
}
