// Generated reference lists and bibliography export for the keys a memo cites.
import { TextEdit } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CslItem, Source } from '../knowledge/types';
import { DocumentAnalysis } from '../engine/analysis';
import { formatReference, ReferenceStyle } from './csl';

export const referencesStart = '<!-- policy-lens:references -->';
export const referencesEnd = '<!-- /policy-lens:references -->';

/** Cited keys in order of first citation, each once. */
export function citedKeys(analysis: DocumentAnalysis): string[] {
  return [...new Set(analysis.citations.flatMap((c) => c.keys.map((k) => k.key)))];
}

export function citedSources(analysis: DocumentAnalysis, lookup: (key: string) => Source | undefined): Source[] {
  return citedKeys(analysis).map(lookup).filter((s): s is Source => s !== undefined);
}

/** A references section, sorted as reference lists are (by author, then year). */
export function referencesSection(sources: Source[], style: ReferenceStyle, eol = '\n'): string {
  const entries = sources.map((s) => formatReference(s.csl, style)).sort((a, b) => a.localeCompare(b));
  return [referencesStart, '## References', '', ...entries.flatMap((e) => [e, '']), referencesEnd].join(eol);
}

/**
 * The edit that writes the references section: it replaces only a section this command generated
 * before (between its markers), or appends a new one at the end of the memo.
 */
export function referencesEdit(document: TextDocument, sources: Source[], style: ReferenceStyle): TextEdit {
  const text = document.getText();
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const section = referencesSection(sources, style, eol);
  const start = text.indexOf(referencesStart);
  const end = start >= 0 ? text.indexOf(referencesEnd, start) : -1;
  if (start >= 0 && end >= 0) {
    return TextEdit.replace({ start: document.positionAt(start), end: document.positionAt(end + referencesEnd.length) }, section);
  }
  const separator = text.length === 0 ? '' : text.endsWith(eol + eol) ? '' : text.endsWith(eol) ? eol : eol + eol;
  return TextEdit.insert(document.positionAt(text.length), separator + section + eol);
}

/** CSL-JSON for the cited sources, ready for `pandoc --citeproc --bibliography`. */
export function exportBibliography(sources: Source[]): CslItem[] {
  return sources.map((s) => s.csl);
}
