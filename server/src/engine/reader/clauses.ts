// A sentence's clauses, as token ranges: the main clause, relative clauses (", who …"),
// parentheticals ("(…)", "— … —"), a briefing label ("Attendance: …"), clauses opened by "while" or
// "but", and reporting frames (", Kim wrote", "according to the findings"). Values, agents and
// negations are looked for within the clause of the words a claim is about.
import { lexicon, phraseAt } from '../lexicon';
import { Token } from '../text/tokens';

export type ClauseKind = 'main' | 'relative' | 'parenthetical' | 'label' | 'reporting' | 'subordinate';

export interface Clause {
  first: number;
  /** One past the last token. */
  last: number;
  kind: ClauseKind;
}

/** The text between token k-1 and token k. */
function gapBefore(text: string, tokens: readonly Token[], k: number): string {
  return k <= 0 ? '' : text.slice(tokens[k - 1].end, tokens[k].start);
}

export function splitClauses(text: string, tokens: readonly Token[], words: readonly string[]): Clause[] {
  const n = tokens.length;
  if (n === 0) return [];
  const breaks: { at: number; kind: ClauseKind }[] = [{ at: 0, kind: 'main' }];
  let depth = 0;
  for (let k = 1; k < n; k++) {
    const gap = gapBefore(text, tokens, k);
    if (gap.includes('(') || gap.includes('[')) {
      depth++;
      breaks.push({ at: k, kind: 'parenthetical' });
      continue;
    }
    if ((gap.includes(')') || gap.includes(']')) && depth > 0) {
      depth--;
      breaks.push({ at: k, kind: 'main' });
      continue;
    }
    if (gap.includes(';') || /\s[—–]\s|—/.test(gap)) {
      breaks.push({ at: k, kind: 'main' });
      continue;
    }
    if (gap.includes(':')) {
      // "Attendance: fewer than 20 participants": a short first part is a label.
      const isLabel = breaks.length === 1 && k <= 8;
      if (isLabel) breaks[0].kind = 'label';
      breaks.push({ at: k, kind: 'main' });
      continue;
    }
    const w = words[k];
    if (gap.includes(',')) {
      if (lexicon.relativeWords.has(w) && w !== 'that') {
        breaks.push({ at: k, kind: 'relative' });
        continue;
      }
      const attribution = phraseAt(lexicon.attributionPhrases, words, k);
      if (attribution || isReportingFrame(tokens, words, k)) {
        breaks.push({ at: k, kind: 'reporting' });
        continue;
      }
      if (lexicon.clauseBreakWords.has(w)) {
        breaks.push({ at: k, kind: 'subordinate' });
        continue;
      }
      // The clause a relative clause interrupted goes on after its closing comma.
      if (breaks[breaks.length - 1].kind === 'relative' || breaks[breaks.length - 1].kind === 'reporting') {
        breaks.push({ at: k, kind: 'main' });
        continue;
      }
    } else if (lexicon.clauseBreakWords.has(w) && (w === 'while' || w === 'whereas' || w === 'although' || w === 'though' || w === 'whilst')) {
      breaks.push({ at: k, kind: 'subordinate' });
    }
  }
  // "According to the findings, …" at the start.
  if (phraseAt(lexicon.attributionPhrases, words, 0)) {
    const comma = tokens.findIndex((_t, k) => k > 0 && gapBefore(text, tokens, k).includes(','));
    if (comma > 0) {
      breaks[0].kind = 'reporting';
      if (!breaks.some((b) => b.at === comma)) breaks.push({ at: comma, kind: 'main' });
      breaks.sort((a, b) => a.at - b.at);
    }
  }
  const clauses: Clause[] = [];
  for (let b = 0; b < breaks.length; b++) {
    const last = b + 1 < breaks.length ? breaks[b + 1].at : n;
    if (last > breaks[b].at) clauses.push({ first: breaks[b].at, last, kind: breaks[b].kind });
  }
  return clauses;
}

/**
 * ", Kim wrote", ", the findings said", ", Pacific Forum said", ", organizers said": a short stretch
 * after a comma that ends the sentence (or the next comma) with a reporting verb.
 */
function isReportingFrame(tokens: readonly Token[], words: readonly string[], k: number): boolean {
  let end = k;
  while (end < tokens.length && end - k < 7) end++;
  for (let j = k; j < Math.min(tokens.length, k + 7); j++) {
    if (lexicon.reportingVerbs.has(words[j])) {
      // The frame runs to the sentence end or a comma soon after the verb.
      return j + 3 >= tokens.length || j - k <= 4;
    }
  }
  return false;
}

/** The clause holding token `i`. */
export function clauseAt(clauses: readonly Clause[], i: number): Clause {
  for (const c of clauses) if (i >= c.first && i < c.last) return c;
  return clauses[clauses.length - 1] ?? { first: 0, last: 0, kind: 'main' };
}
