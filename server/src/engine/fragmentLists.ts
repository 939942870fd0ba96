// A lead-in that ends with a colon and the short list items after it say one thing together:
//   It names the donors it hopes to work with:
//   - the United States;
//   - Japan; …
// Each item alone is a fragment no list claim can judge. The lead-in's last sentence and the items
// are read as one sentence, so that a claim about the list sees all of it; what is found in an
// item is reported on the item.
import { type KnowledgeBase } from '../knowledge/knowledgeBase';
import { checkSentence, type Finding } from './check';
import { type ProseBlock } from './markdown/prose';
import { findTerms } from './reader/terms';
import { splitSentences } from './text/sentences';
import { tokenize } from './text/tokens';

/** An item longer than this is a sentence of its own, not a fragment of the lead-in's. */
const maxFragmentWords = 8;

export interface FragmentList {
  lead: ProseBlock;
  items: ProseBlock[];
}

/** Runs of short list items right after a block that ends with a colon. */
export function fragmentLists(blocks: readonly ProseBlock[]): FragmentList[] {
  const runs: FragmentList[] = [];
  for (let i = 0; i + 1 < blocks.length; i++) {
    const lead = blocks[i];
    if (lead.options?.heading !== undefined || lastCharacter(lead.text) !== ':') continue;
    const items: ProseBlock[] = [];
    for (let k = i + 1; k < blocks.length && blocks[k].options?.listMarker === true; k++) items.push(blocks[k]);
    if (items.length < 2 || !items.every((it, k) => isFragment(it, k === items.length - 1))) continue;
    runs.push({ lead, items });
  }
  return runs;
}

/** The last character that is not white space (every block is looked at after every edit: no copy). */
function lastCharacter(text: string): string {
  let k = text.length - 1;
  while (k >= 0 && (text[k] === ' ' || text[k] === '\n' || text[k] === '\t' || text[k] === '\r')) k--;
  return k >= 0 ? text[k] : '';
}

function isFragment(item: ProseBlock, last: boolean): boolean {
  // Long items are sentences; the bound also keeps the work per item small.
  if (item.text.length > maxFragmentWords * 40) return false;
  const words = tokenize(item.text).length;
  if (words === 0 || words > maxFragmentWords) return false;
  // A full stop before the last item ends a sentence: the items are sentences, not fragments.
  return splitSentences(item.text).length === 1 && (last || lastCharacter(item.text) !== '.');
}

/**
 * The contradictions the lead-in and its items state together, at document offsets, each inside
 * one item. `raw` is the document text.
 */
export function checkFragmentList(
  kb: KnowledgeBase,
  run: FragmentList,
  raw: string,
  headingIds: ReadonlySet<string>,
): Finding[] {
  const spans = splitSentences(run.lead.text);
  const leadStart = run.lead.start + (spans[spans.length - 1]?.start ?? 0);
  // The joined sentence, with where each stretch of it lies in the document.
  let text = '';
  let written = '';
  const pieces: { at: number; from: number; length: number; item: boolean }[] = [];
  const add = (masked: string, from: number, item: boolean): void => {
    pieces.push({ at: text.length, from, length: masked.length, item });
    text += masked;
    written += raw.slice(from, from + masked.length);
  };
  add(run.lead.text.slice(leadStart - run.lead.start).trimEnd(), leadStart, false);
  for (const item of run.items) {
    const gap = [';', ','].includes(lastCharacter(text)) ? ' ' : '; ';
    text += gap;
    written += gap;
    const trimmed = item.text.trimEnd();
    add(trimmed, item.start, true);
  }
  const cited = new Set([run.lead, ...run.items].flatMap((b) => b.citations.flatMap((c) => c.keys.map((k) => k.key))));
  // What the lead-in's paragraph said before: "It also names …" goes on about it.
  const tokens = tokenize(run.lead.text);
  const local = leadStart - run.lead.start;
  const recent = [
    ...headingIds,
    ...findTerms(kb, tokens)
      .filter((m) => m.end <= local)
      .map((m) => m.value.id),
  ];
  const before = spans.length > 1 ? spans[spans.length - 2] : undefined;
  const previous = before
    ? new Set(tokens.filter((t) => t.start >= before.start && t.end <= before.end).map((t) => t.norm))
    : undefined;
  const context = { ids: new Set(recent), recent, previous, cited };
  const found: Finding[] = [];
  for (const f of checkSentence(kb, text, 0, text.length, written, undefined, context)) {
    if (f.verdict !== 'contradiction') continue;
    const piece = pieces.find((p) => p.item && p.at <= f.start && f.end <= p.at + p.length);
    if (piece) found.push({ ...f, start: f.start - piece.at + piece.from, end: f.end - piece.at + piece.from });
  }
  return found;
}
