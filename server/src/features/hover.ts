// Hover: a glossary term's expansion, definition and sources; a citation's formatted reference;
// on a contradicted span, what the source says.
import { type Diagnostic, type Hover, MarkupKind, type Position } from 'vscode-languageserver-types';
import { type TextDocument } from 'vscode-languageserver-textdocument';
import { type KnowledgeBase } from '../knowledge/knowledgeBase';
import { type Source, type Term } from '../knowledge/types';
import { findTerms } from '../engine/reader/terms';
import { tokenize } from '../engine/text/tokens';
import { type DocumentAnalysis } from '../engine/analysis';
import { type CitationKey } from '../engine/markdown/citations';
import { shortCitation } from './csl';

export interface HoverOptions {
  extraSources?: ReadonlyMap<string, Source>;
  diagnostics?: readonly Diagnostic[];
}

/** The citation key under the cursor, with the source it names (undefined: an unknown key). */
export interface CitationHover {
  cite: CitationKey;
  /** Written in the text (`@a [p. 3]`), not in brackets. */
  inText: boolean;
  source?: Source;
  range: { start: Position; end: Position };
}

export function citationHoverAt(
  document: TextDocument,
  position: Position,
  kb: KnowledgeBase,
  analysis: DocumentAnalysis,
  extraSources?: ReadonlyMap<string, Source>,
): CitationHover | undefined {
  const offset = document.offsetAt(position);
  for (const citation of analysis.citations) {
    if (offset < citation.start || offset > citation.end) continue;
    const cite = citation.keys.find((k) => offset >= k.start - 1 && offset <= k.end) ?? citation.keys[0];
    const source = kb.sources.get(cite.key) ?? extraSources?.get(cite.key);
    const range = { start: document.positionAt(cite.start), end: document.positionAt(cite.end) };
    return { cite, inText: !citation.bracketed, source, range };
  }
  return undefined;
}

/** A citation's hover: the cite as the style renders it, then the formatted reference. */
export function citationMarkdown(
  kb: KnowledgeBase,
  hovered: CitationHover,
  rendered: { citation: string; reference: string } | { error: string },
): string {
  const key = hovered.cite.key;
  if (!hovered.source) return `**@${escape(key)}**: unknown citation key`;
  const claims = kb.claimsBySource.get(hovered.source.key)?.length ?? 0;
  const lines =
    'error' in rendered
      ? [
          `**@${escape(key)}** · ${escape(shortCitation(hovered.source.csl))}`,
          '',
          `*The reference could not be formatted: ${escape(rendered.error)}*`,
        ]
      : [`**@${escape(key)}** · ${rendered.citation}`, '', rendered.reference];
  if (claims > 0) lines.push('', `*${claims} sourced claims in the knowledge base*`);
  return lines.join('\n');
}

/** Terms and contradictions under the cursor (citations are answered by `citationHoverAt`). */
export function hover(
  document: TextDocument,
  position: Position,
  kb: KnowledgeBase,
  _analysis: DocumentAnalysis,
  options: HoverOptions,
): Hover | null {
  const offset = document.offsetAt(position);
  const contradiction = options.diagnostics?.find((d) => d.code === 'contradiction' && contains(document, d, offset));
  const term = termAt(document, position, kb);
  const parts: string[] = [];
  if (contradiction) parts.push(contradictionMarkdown(kb, contradiction));
  if (term) parts.push(termMarkdown(kb, term.term));
  if (parts.length === 0) return null;
  const range = term ? term.range : contradiction!.range;
  return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') }, range };
}

function contains(document: TextDocument, d: Diagnostic, offset: number): boolean {
  return document.offsetAt(d.range.start) <= offset && offset <= document.offsetAt(d.range.end);
}

/** The glossary term under the cursor, found on the cursor's line only. */
function termAt(
  document: TextDocument,
  position: Position,
  kb: KnowledgeBase,
): { term: Term; range: { start: Position; end: Position } } | undefined {
  const line = document.getText({
    start: { line: position.line, character: 0 },
    end: { line: position.line + 1, character: 0 },
  });
  if (line.length > 20_000) return undefined;
  const match = findTerms(kb, tokenize(line)).find((m) => m.start <= position.character && position.character <= m.end);
  if (!match) return undefined;
  return {
    term: match.value,
    range: {
      start: { line: position.line, character: match.start },
      end: { line: position.line, character: match.end },
    },
  };
}

/**
 * Markdown's special characters escaped where they would act: emphasis, code, links and HTML
 * anywhere, "#" only where it would start a heading. Escapes a renderer need not see are left out
 * (Neovim shows "Session \#3" for an escaped "#" in the middle of a line).
 */
function escape(text: string): string {
  return text.replace(/([\\`*_[\]<>])/g, '\\$1').replace(/^(\s*)#/, '$1\\#');
}

/** Titles in hovers are cut to about this many characters (a report's full title can run to 150). */
const hoverTitleLength = 70;

/** A title short enough to scan: its main part before a subtitle, else cut at a word, with "…". */
function shortTitle(title: string): string {
  if (title.length <= hoverTitleLength) return title;
  const colon = title.indexOf(': ');
  if (colon >= 15 && colon <= hoverTitleLength) return title.slice(0, colon);
  const cut = title.lastIndexOf(' ', hoverTitleLength);
  let end = cut > 30 ? cut : hoverTitleLength;
  // No punctuation left hanging before the ellipsis.
  while (end > 0 && ' ,;:–—-'.includes(title[end - 1])) end--;
  return `${title.slice(0, end)}…`;
}

/** One line per source, its locators together: "`@kim2023` ¶2, ¶7: Kim 2023, “Title”". */
function sourceLine(kb: KnowledgeBase, key: string, locators: readonly string[]): string {
  const source = kb.sources.get(key);
  const label = source ? `${shortCitation(source.csl)}, “${shortTitle(source.csl.title ?? key)}”` : key;
  return `- \`@${key}\` ${escape(locators.join(', '))}: ${escape(label)}`;
}

/** A term's sources, each once, with its locators in the order the glossary gives them. */
function sourcesOf(term: Term): Map<string, string[]> {
  const byKey = new Map<string, string[]>();
  for (const { key, locator } of term.sources) {
    const locators = byKey.get(key) ?? [];
    if (!locators.includes(locator)) locators.push(locator);
    byKey.set(key, locators);
  }
  return byKey;
}

function termMarkdown(kb: KnowledgeBase, term: Term): string {
  const heading = term.expansion ? `**${escape(term.term)}**: ${escape(term.expansion)}` : `**${escape(term.term)}**`;
  const lines = [`${heading} *(${term.kind})*`, '', escape(term.definition)];
  if (term.background) {
    lines.push('', `*Background:* ${escape(term.background.text)} (${escape(term.background.from)})`);
  }
  const sources = [...sourcesOf(term)].map(([key, locators]) => sourceLine(kb, key, locators));
  if (sources.length > 0) lines.push('', 'Sources:', ...sources);
  return lines.join('\n');
}

function contradictionMarkdown(kb: KnowledgeBase, d: Diagnostic): string {
  const data = (d.data ?? {}) as { source?: string; locator?: string; statement?: string; sourcedValue?: string };
  const lines = [
    `**What the source says** (${escape(data.source ?? '')} ${escape(data.locator ?? '')})`,
    '',
    escape(data.statement ?? (typeof d.message === 'string' ? d.message : '')),
  ];
  if (data.sourcedValue) lines.push('', `Sourced value: **${escape(data.sourcedValue)}**`);
  const source = data.source ? kb.sources.get(data.source) : undefined;
  if (source) lines.push('', `— ${escape(shortCitation(source.csl))}, “${escape(shortTitle(source.csl.title ?? ''))}”`);
  return lines.join('\n');
}
