// Citation completion inside `[@…]` (and after an in-text `@`), ranked by what the sentence is about.
import { type CompletionItem, CompletionItemKind, type Position } from 'vscode-languageserver-types';
import { type TextDocument } from 'vscode-languageserver-textdocument';
import { type KnowledgeBase } from '../knowledge/knowledgeBase';
import { type Source } from '../knowledge/types';
import { findTerms } from '../engine/reader/terms';
import { tokenize } from '../engine/text/tokens';
import { shortCitation } from './csl';

export interface CompletionOptions {
  extraSources?: ReadonlyMap<string, Source>;
  /** Sources the checker found to support the sentence at the cursor (every checkable part agrees). */
  supporting?: ReadonlySet<string>;
}

/** What a completion item carries for `completionItem/resolve`, which adds the formatted reference. */
export interface CitationCompletionData {
  uri: string;
  key: string;
  supports: boolean;
}

// The partial key being typed after an `@` that starts a citation.
const partialKey = /(?:^|[\s[;-])@([\p{L}\p{N}_:.#$%&+?<>~/-]*)$/u;

/** Every known source with how strongly it supports the sentence at the cursor, best first. */
export function rankedSources(
  document: TextDocument,
  position: Position,
  kb: KnowledgeBase,
  options: CompletionOptions,
): { source: Source; score: number }[] {
  const scores = sentenceScores(document, position, kb);
  const sources = new Map<string, Source>(kb.sources);
  for (const [key, source] of options.extraSources ?? []) if (!sources.has(key)) sources.set(key, source);
  // A source the checker found to support the sentence comes first; the others by shared topic.
  const supportBonus = (key: string): number => (options.supporting?.has(key) ? 100 : 0);
  return [...sources.values()]
    .map((source) => ({ source, score: (scores.get(source.key) ?? 0) + supportBonus(source.key) }))
    .sort((a, b) => b.score - a.score || a.source.key.localeCompare(b.source.key));
}

export function completeCitations(
  document: TextDocument,
  position: Position,
  kb: KnowledgeBase,
  options: CompletionOptions,
): CompletionItem[] | null {
  const lineStart = { line: position.line, character: 0 };
  const prefix = document.getText({ start: lineStart, end: position });
  if (prefix.length > 20_000) return null;
  const match = partialKey.exec(prefix);
  if (!match) return null;
  const typed = match[1];
  const replaceStart = { line: position.line, character: position.character - typed.length };
  let ranked = rankedSources(document, position, kb, options);
  // With thousands of sources, send the best few hundred that match what is typed; the list is
  // marked incomplete (see completionLimit), so the editor asks again as the key grows.
  if (ranked.length > completionLimit) {
    const typedLower = typed.toLowerCase();
    ranked = ranked
      .filter(({ source }) => typedLower === '' || searchText(source).includes(typedLower))
      .slice(0, completionLimit);
  }
  return ranked.map(({ source }, rank): CompletionItem => {
    const csl = source.csl;
    const data: CitationCompletionData = {
      uri: document.uri,
      key: source.key,
      supports: options.supporting?.has(source.key) ?? false,
    };
    return {
      label: source.key,
      kind: CompletionItemKind.Reference,
      detail: `${shortCitation(csl)}: ${typeof csl.title === 'string' ? csl.title : ''}`,
      labelDetails: { description: shortCitation(csl) },
      // The formatted reference comes with completionItem/resolve, for the item the user looks at.
      data,
      // Authors and title are searchable too: typing "[@steiner" or "[@cyber" finds the source.
      filterText: searchText(source),
      sortText: String(rank).padStart(5, '0'),
      preselect: rank === 0 && data.supports,
      textEdit: { range: { start: replaceStart, end: position }, newText: source.key },
    };
  });
}

/** Most items a completion sends when there are more sources (the list is then incomplete). */
export const completionLimit = 500;

const searchCache = new WeakMap<Source, string>();
/** Key, authors and title, lower-cased: what completion filters on. */
function searchText(source: Source): string {
  let text = searchCache.get(source);
  if (text === undefined) {
    const csl = source.csl;
    const authors = (Array.isArray(csl.author) ? csl.author : []).map((a) => a?.family ?? a?.literal ?? '').join(' ');
    text = `${source.key} ${authors} ${typeof csl.title === 'string' ? csl.title : ''}`.toLowerCase();
    searchCache.set(source, text);
  }
  return text;
}

/** How strongly each source's claims and terms match the sentence around the cursor. */
function sentenceScores(document: TextDocument, position: Position, kb: KnowledgeBase): Map<string, number> {
  const text = document.getText();
  const offset = document.offsetAt(position);
  // The sentence: back to the previous full stop or blank line, forward to the next.
  let start = offset;
  while (
    start > 0 &&
    offset - start < 2000 &&
    !/[.!?]\s/.test(text.slice(start - 1, start + 1)) &&
    text.slice(start - 2, start) !== '\n\n'
  ) {
    start--;
  }
  let end = offset;
  while (end < text.length && end - offset < 2000 && !/[.!?\n]/.test(text[end])) end++;
  const tokens = tokenize(text.slice(start, end));
  const scores = new Map<string, number>();
  const groups = new Map<number, Set<number>>();
  for (const match of kb.anchorMatcher.matchAll(tokens)) {
    for (const hit of match.value) {
      const set = groups.get(hit.claim) ?? new Set<number>();
      set.add(hit.group);
      groups.set(hit.claim, set);
    }
  }
  for (const [claimIndex, matched] of groups) {
    const claim = kb.claims[claimIndex];
    const share = matched.size / Math.max(1, claim.about.length);
    scores.set(claim.source, (scores.get(claim.source) ?? 0) + share * share * 2);
  }
  for (const m of findTerms(kb, tokens)) {
    for (const s of m.value.sources) scores.set(s.key, (scores.get(s.key) ?? 0) + 0.25);
  }
  return scores;
}
