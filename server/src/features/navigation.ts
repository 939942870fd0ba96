// Go to definition on a citation key, document links for sources with a URL or DOI, and the
// citation key under the cursor (for find-all-references, which the server runs across files).
import { type DocumentLink, type Position } from 'vscode-languageserver-types';
import { type TextDocument } from 'vscode-languageserver-textdocument';
import { type Source } from '../knowledge/types';
import { type DocumentAnalysis } from '../engine/analysis';
import { type CitationKey } from '../engine/markdown/citations';

export function keyAt(document: TextDocument, position: Position, analysis: DocumentAnalysis): CitationKey | undefined {
  const offset = document.offsetAt(position);
  for (const citation of analysis.citations) {
    if (offset < citation.start || offset > citation.end) continue;
    return (
      citation.keys.find((k) => offset >= k.start - 1 && offset <= k.end) ??
      (citation.keys.length === 1 ? citation.keys[0] : undefined)
    );
  }
  return undefined;
}

export function sourceLinks(
  document: TextDocument,
  analysis: DocumentAnalysis,
  lookup: (key: string) => Source | undefined,
): DocumentLink[] {
  const links: DocumentLink[] = [];
  for (const citation of analysis.citations) {
    for (const k of citation.keys) {
      const csl = lookup(k.key)?.csl;
      const target = csl?.DOI ? `https://doi.org/${csl.DOI}` : csl?.URL;
      if (!target || !/^https?:\/\//i.test(target)) continue;
      links.push({
        range: { start: document.positionAt(k.start), end: document.positionAt(k.end) },
        target,
        tooltip: `Open ${k.key}`,
      });
    }
  }
  return links;
}

/** All citations of `key` in a document. */
export function citationsOf(key: string, analysis: DocumentAnalysis): CitationKey[] {
  return analysis.citations.flatMap((c) => c.keys.filter((k) => k.key === key));
}
