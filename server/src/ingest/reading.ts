// Reads a report's passages as the checker reads a memo: each body sentence becomes a SentenceView
// (tokens, values, names, clauses, negations, mood), so a report and a memo are read by one reader.
// Reports are read before any knowledge is loaded, so names are the reader's unlinked proper names.
import { readSentence } from '../engine/check';
import { type SentenceView } from '../engine/reader/sentence';
import { splitSentences } from '../engine/text/sentences';
import { KnowledgeBase } from '../knowledge/knowledgeBase';
import { type Passage } from './passages';

export interface ReportSentence {
  view: SentenceView;
  /** The sentence as written: what a claim quotes in full. */
  text: string;
  locator: string;
  /** 0-based line of its passage in the report file. */
  line: number;
  /** Its index among its passage's sentences. */
  inPassage: number;
}

/** Sentences longer than this are tables or run-together text, not statements. */
const maxSentenceLength = 1500;

let noKnowledge: KnowledgeBase | undefined;

/** The body sentences of a report, each read on its own. */
export function readPassages(passages: readonly Passage[]): ReportSentence[] {
  noKnowledge ??= new KnowledgeBase({ sources: [], terms: [], claims: [], errors: [] });
  const out: ReportSentence[] = [];
  for (const p of passages) {
    if (p.header) continue;
    let inPassage = 0;
    for (const s of splitSentences(p.text)) {
      const text = p.text.slice(s.start, s.end).trim();
      if (text.length === 0 || text.length > maxSentenceLength) continue;
      const view = readSentence(noKnowledge, text, 0, text.length);
      out.push({ view, text, locator: p.locator, line: p.line ?? 0, inPassage: inPassage++ });
    }
  }
  return out;
}
