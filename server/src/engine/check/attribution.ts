// A sentence that says whose words it reports ("…, O'Neill estimates", "according to Bae", "(Kim
// 2025)") speaks of what that report says: a claim read from another report is, however alike its
// words, about something else. Only reports' authors count (the sources folder); curated claims are
// facts whoever is said to state them.
import { type KnowledgeBase } from '../../knowledge/knowledgeBase';
import { type SentenceView } from '../reader/sentence';
import { isDigit, tokenize } from '../text/tokens';
import { isContent } from './echo';

/** Longest parenthesis, in words, read as a citation in the text ("(O'Neill 2024)", "(Bae and Lee, 2025)"). */
const citationReach = 8;

interface AuthorIndex {
  /** Reports by the first word of an author's family name: the whole name, as word norms, and the key. */
  byWord: Map<string, { name: string[]; key: string }[]>;
}

const indexes = new WeakMap<KnowledgeBase, AuthorIndex>();

function authorIndex(kb: KnowledgeBase): AuthorIndex {
  let index = indexes.get(kb);
  if (index) return index;
  const byWord = new Map<string, { name: string[]; key: string }[]>();
  for (const source of kb.sources.values()) {
    if (!source.sentences) continue;
    for (const author of source.csl.author ?? []) {
      const name = tokenize(author.family ?? author.literal ?? '')
        .filter(isContent)
        .map((t) => t.norm);
      if (name.length === 0) continue;
      const list = byWord.get(name[0]) ?? [];
      list.push({ name, key: source.key });
      byWord.set(name[0], list);
    }
  }
  index = { byWord };
  indexes.set(kb, index);
  return index;
}

/**
 * The keys of the reports whose authors the sentence names as saying it, in its reporting frame or
 * in a short parenthesis with a year; undefined when it names none.
 */
export function attributedReports(view: SentenceView): Set<string> | undefined {
  const said = new Set<string>();
  for (let k = 0; k < view.tokens.length; k++) {
    const clause = view.clauseAt(k);
    if (clause.kind === 'reporting') said.add(view.tokens[k].norm);
    else if (clause.kind === 'parenthetical' && clause.last - clause.first <= citationReach) {
      const words = view.tokens.slice(clause.first, clause.last);
      if (words.some((t) => t.raw.length === 4 && isDigit(t.raw[0]))) said.add(view.tokens[k].norm);
    }
  }
  if (said.size === 0) return undefined;
  const { byWord } = authorIndex(view.kb);
  const keys = new Set<string>();
  for (const w of said) {
    for (const author of byWord.get(w) ?? []) if (author.name.every((n) => said.has(n))) keys.add(author.key);
  }
  return keys.size > 0 ? keys : undefined;
}
