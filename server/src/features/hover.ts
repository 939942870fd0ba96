// Hover: a glossary term's expansion, definition and sources; a citation's formatted reference;
// on a contradicted span, what the source says.
import { Diagnostic, Hover, MarkupKind, Position } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { KnowledgeBase } from '../knowledge/knowledgeBase';
import { Source, Term } from '../knowledge/types';
import { tokenize } from '../engine/text/tokens';
import { DocumentAnalysis } from '../engine/analysis';
import { formatReference, ReferenceStyle, shortCitation } from './csl';

export interface HoverOptions {
  style: ReferenceStyle;
  extraSources?: ReadonlyMap<string, Source>;
  diagnostics?: readonly Diagnostic[];
}

export function hover(document: TextDocument, position: Position, kb: KnowledgeBase, analysis: DocumentAnalysis, options: HoverOptions): Hover | null {
  const offset = document.offsetAt(position);
  for (const citation of analysis.citations) {
    if (offset < citation.start || offset > citation.end) continue;
    const key = citation.keys.find((k) => offset >= k.start - 1 && offset <= k.end) ?? citation.keys[0];
    const source = kb.sources.get(key.key) ?? options.extraSources?.get(key.key);
    const range = { start: document.positionAt(key.start), end: document.positionAt(key.end) };
    if (!source) return { contents: { kind: MarkupKind.Markdown, value: `**@${key.key}**: unknown citation key` }, range };
    return { contents: { kind: MarkupKind.Markdown, value: sourceMarkdown(kb, source, options.style) }, range };
  }
  const contradiction = options.diagnostics?.find((d) => d.code === 'contradiction' && contains(document, d, offset));
  const term = termAt(document, position, kb);
  const parts: string[] = [];
  if (contradiction) parts.push(contradictionMarkdown(kb, contradiction, options.style));
  if (term) parts.push(termMarkdown(kb, term.term, options.style));
  if (parts.length === 0) return null;
  const range = term ? term.range : contradiction!.range;
  return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') }, range };
}

function contains(document: TextDocument, d: Diagnostic, offset: number): boolean {
  return document.offsetAt(d.range.start) <= offset && offset <= document.offsetAt(d.range.end);
}

/** The glossary term under the cursor, found on the cursor's line only. */
export function termAt(document: TextDocument, position: Position, kb: KnowledgeBase): { term: Term; range: { start: Position; end: Position } } | undefined {
  const line = document.getText({ start: { line: position.line, character: 0 }, end: { line: position.line + 1, character: 0 } });
  if (line.length > 20_000) return undefined;
  const match = kb.termMatcher.matchLongest(tokenize(line)).find((m) => m.start <= position.character && position.character <= m.end);
  if (!match) return undefined;
  return { term: match.value, range: { start: { line: position.line, character: match.start }, end: { line: position.line, character: match.end } } };
}

function escape(text: string): string {
  return text.replace(/([\\`*_{}[\]<>#|])/g, '\\$1');
}

export function sourceMarkdown(kb: KnowledgeBase, source: Source, style: ReferenceStyle): string {
  const claims = kb.claimsBySource.get(source.key)?.length ?? 0;
  const lines = [`**@${escape(source.key)}** · ${escape(shortCitation(source.csl))}`, '', formatReference(source.csl, style)];
  if (claims > 0) lines.push('', `*${claims} sourced claims in the knowledge base*`);
  return lines.join('\n');
}

function sourceLine(kb: KnowledgeBase, key: string, locator: string): string {
  const source = kb.sources.get(key);
  const label = source ? `${shortCitation(source.csl)}, “${source.csl.title ?? key}”` : key;
  return `- \`@${key}\` ${escape(locator)}: ${escape(label)}`;
}

export function termMarkdown(kb: KnowledgeBase, term: Term, _style: ReferenceStyle): string {
  const heading = term.expansion ? `**${escape(term.term)}**: ${escape(term.expansion)}` : `**${escape(term.term)}**`;
  const lines = [`${heading} *(${term.kind})*`, '', escape(term.definition)];
  if (term.background) lines.push('', `*Background:* ${escape(term.background.text)} (${escape(term.background.from)})`);
  if (term.sources.length > 0) lines.push('', 'Sources:', ...term.sources.map((s) => sourceLine(kb, s.key, s.locator)));
  return lines.join('\n');
}

function contradictionMarkdown(kb: KnowledgeBase, d: Diagnostic, _style: ReferenceStyle): string {
  const data = (d.data ?? {}) as { source?: string; locator?: string; statement?: string; sourcedValue?: string };
  const lines = [`**What the source says** (${escape(data.source ?? '')} ${escape(data.locator ?? '')})`, '', escape(data.statement ?? (typeof d.message === 'string' ? d.message : ''))];
  if (data.sourcedValue) lines.push('', `Sourced value: **${escape(data.sourcedValue)}**`);
  const source = data.source ? kb.sources.get(data.source) : undefined;
  if (source) lines.push('', `— ${escape(shortCitation(source.csl))}, “${escape(source.csl.title ?? '')}”`);
  return lines.join('\n');
}
