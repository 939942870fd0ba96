// The glossary's names in a run of tokens, each in the sense the glossary gives it. A name whose
// other sense is written next to it ("GPS navigation", "GPS receiver") is not the glossary's entry.
import { type KnowledgeBase } from '../../knowledge/knowledgeBase';
import { type Term } from '../../knowledge/types';
import { type PhraseMatch } from '../text/phraseMatcher';
import { stem, type Token } from '../text/tokens';

/** How far from the name, in tokens, a word of another sense still speaks of it. */
const senseReach = 3;

export function findTerms(kb: KnowledgeBase, tokens: readonly Token[]): PhraseMatch<Term>[] {
  const matches = kb.termMatcher.matchLongest(tokens);
  if (!matches.some((m) => m.value.otherSenses)) return matches;
  return matches.filter((m) => !otherSenseNear(m, tokens));
}

function otherSenseNear(m: PhraseMatch<Term>, tokens: readonly Token[]): boolean {
  const senses = m.value.otherSenses;
  if (!senses) return false;
  const from = Math.max(0, m.first - senseReach);
  const to = Math.min(tokens.length, m.last + senseReach);
  for (const phrase of senses) {
    const words = phrase.toLowerCase().split(/\s+/).map(stem);
    for (let k = from; k + words.length <= to; k++) {
      if (k >= m.first && k < m.last) continue;
      if (words.every((w, j) => tokens[k + j].norm === w)) return true;
    }
  }
  return false;
}
