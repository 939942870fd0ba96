// Turns a document analysis into LSP diagnostics: contradictions, citation support, unknown and
// missing citations, and acronyms used before they are expanded.
import { type Diagnostic, type DiagnosticRelatedInformation, DiagnosticSeverity } from 'vscode-languageserver-types';
import { type TextDocument } from 'vscode-languageserver-textdocument';
import { type KnowledgeBase } from '../knowledge/knowledgeBase';
import { type CheckLevel, type CheckLevels } from '../common/settings';
import { type DocumentAnalysis } from '../engine/analysis';
import { closestKeys } from './citations';
import { expandedAt, needsExpansion } from '../engine/reader/acronyms';
import { type CheckInfo, checkDocsHref } from '../common/checks';
import { type Claim, type FileLocation } from '../knowledge/types';
import { crossMemoInconsistencies, inconsistencies, type PeerMemo } from './consistency';
import { renderUnsourced } from '../engine/check/render';

export const diagnosticSource = 'policy-lens';

type DiagnosticCode = CheckInfo['id'];

export interface DiagnosticOptions {
  checks: CheckLevels;
  /** Citation keys defined outside the knowledge base (bibliography files, front matter). */
  extraKeys?: ReadonlySet<string>;
  /** Keys starting with these are cross-references (`@fig:map`, `@tbl-trade`), not citations. */
  crossrefPrefixes?: readonly string[];
  /** What docs/checks/ is relative to: a URL ending in `/` (the server and CLI give their install folder). */
  docsBase?: string;
  /** Other memos checked together with this one, when inconsistencies are sought across memos. */
  peers?: readonly PeerMemo[];
  /** The URI of a knowledge or report file, for related information; undefined: not a file. */
  fileUri?: (path: string) => string | undefined;
  /**
   * Files and folders that could define citation keys but were not read because the workspace is
   * not trusted (Restricted Mode), as the memo's author would name them: an unknown key says so.
   */
  notRead?: readonly string[];
}

/** How many of the files Restricted Mode skipped an unknown key's message names. */
const notReadNamed = 3;

/** The sentence an unknown key's message ends with when Restricted Mode skipped files that could define it. */
function notReadNote(notRead: readonly string[]): string {
  const more = notRead.length > notReadNamed ? ` and ${notRead.length - notReadNamed} more` : '';
  const names = notRead.slice(0, notReadNamed).join(', ') + more;
  return (
    ` Restricted Mode did not read ${names} (outside the workspace, which is not trusted);` +
    ' it may be defined there.'
  );
}

/** An absolute path as a `file:` URI without Node's url module (the server and CLI pass theirs). */
function plainFileUri(path: string): string | undefined {
  const slashed = path.replace(/\\/g, '/');
  if (!/^(\/|[A-Za-z]:\/)/.test(slashed)) return undefined;
  return `file://${slashed.startsWith('/') ? '' : '/'}${encodeURI(slashed).replace(/[?#]/g, encodeURIComponent)}`;
}

const severities: Record<Exclude<CheckLevel, 'off'>, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * A short fingerprint of the text a diagnostic covers, from `start` to `end`: a 32-bit FNV-1a hash
 * of its length and its first and last 32 characters (all of it when shorter). A quick fix is
 * offered only while the text under the diagnostic still has it. A long range (a sentence) is not
 * hashed whole: this runs for every diagnostic after every edit, and an edit inside a sentence
 * that changes neither its length nor its ends leaves its end, where a citation goes, in place.
 */
export function textFingerprint(text: string, start = 0, end = text.length): number {
  // The length first, then the characters: a number, so that no string is made per diagnostic.
  let hash = Math.imul(0x811c9dc5 ^ (end - start), 0x01000193);
  const headEnd = Math.min(end, start + 32);
  for (let i = start; i < headEnd; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  for (let i = Math.max(headEnd, end - 32); i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

export function computeDiagnostics(
  document: TextDocument,
  kb: KnowledgeBase,
  analysis: DocumentAnalysis,
  options: DiagnosticOptions,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const text = document.getText();
  const fileUri = options.fileUri ?? plainFileUri;
  // The evidence: where the claim (or glossary entry) stands in its file. For a claim read from a
  // report that is its passage in the report (the first line of a PDF), with the passage quoted.
  const evidence = (origin: FileLocation, message: string): DiagnosticRelatedInformation[] => {
    const uri = fileUri(origin.file);
    const at = { line: origin.line, character: origin.character };
    return uri ? [{ location: { uri, range: { start: at, end: at } }, message }] : [];
  };
  const claimEvidence = (claim: Claim): DiagnosticRelatedInformation[] =>
    evidence(
      claim.origin,
      claim.extracted
        ? `${claim.source} ${claim.locator}, read from the report: “${claim.quote ?? claim.statement}”`
        : `${claim.source} ${claim.locator}: ${claim.statement}`,
    );
  const push = (
    check: keyof CheckLevels,
    code: DiagnosticCode,
    start: number,
    end: number,
    message: string,
    data: Record<string, unknown>,
    related: DiagnosticRelatedInformation[] = [],
  ): void => {
    const level = options.checks[check];
    if (level === 'off') return;
    out.push({
      range: { start: document.positionAt(start), end: document.positionAt(end) },
      severity: severities[level],
      code,
      codeDescription: { href: checkDocsHref(code, options.docsBase) },
      source: diagnosticSource,
      message,
      ...(related.length > 0 ? { relatedInformation: related } : {}),
      data: { code, ...data, seen: textFingerprint(text, start, end) },
    });
  };
  const known = (key: string): boolean => kb.sources.has(key) || (options.extraKeys?.has(key) ?? false);
  const prefixes = options.crossrefPrefixes ?? [];
  const crossref = (key: string): boolean => prefixes.some((p) => key.startsWith(p));

  for (const sentence of analysis.sentences) {
    const contradictions = sentence.findings.filter((f) => f.verdict === 'contradiction');
    for (const f of contradictions) {
      // A contradiction that rests on a claim read automatically from a report is weaker evidence:
      // its own severity (information by default), with the report's sentence quoted, unless the
      // claim's identity is as certain as a curated claim's (see ingest/figures.ts).
      const extracted = f.claim.extracted === true;
      const message = f.message;
      push(
        extracted && f.claim.identity !== 'certain' ? 'extractedContradiction' : 'contradiction',
        'contradiction',
        f.start,
        f.end,
        message,
        {
          source: f.claim.source,
          claimId: f.claim.id,
          locator: f.claim.locator,
          sourcedValue: f.replacement,
          written: f.written,
          statement: f.claim.statement,
          extracted,
        },
        claimEvidence(f.claim),
      );
    }
    // Sources that support the sentence, best first: the claim that covers most of the sentence,
    // then the number of claims.
    const support = new Map<string, { best: number; count: number }>();
    for (const f of sentence.findings) {
      if (f.verdict !== 'support') continue;
      const s = support.get(f.claim.source) ?? { best: 0, count: 0 };
      support.set(f.claim.source, { best: Math.max(s.best, f.coverage ?? 0), count: s.count + 1 });
    }
    const suggestions = [...support.entries()]
      .sort((a, b) => b[1].best - a[1].best || b[1].count - a[1].count)
      .map(([key]) => key);
    // A cross-reference ("see @fig:map") neither cites a source nor needs one.
    const citations = sentence.citations.filter((c) => c.keys.some((k) => !crossref(k.key)));
    const cited = citations.flatMap((c) => c.keys.map((k) => k.key)).filter((k) => !crossref(k));
    if (suggestions.length > 0 && contradictions.length === 0) {
      if (cited.length === 0) {
        const first = sentence.findings.find((f) => f.verdict === 'support')!;
        const offered = suggestions.map((s) => `[@${s}]`).join(' or ');
        push(
          'missingCitation',
          'missing-citation',
          sentence.start,
          sentence.end,
          `This states a sourced fact without a citation; ${offered} supports it.`,
          {
            suggestions,
            claimId: first.claim.id,
            locator: first.claim.locator,
          },
          claimEvidence(first.claim),
        );
      } else if (cited.every(known) && !cited.some((k) => support.has(k))) {
        const citation = citations[0];
        const best = sentence.findings.find((f) => f.verdict === 'support' && f.claim.source === suggestions[0])!;
        push(
          'citationMismatch',
          'citation-mismatch',
          citation.start,
          citation.end,
          `${cited.join(', ')} does not state this; ${best.claim.source} (${best.claim.locator}) does.`,
          {
            cited,
            suggestions,
            claimId: best.claim.id,
            locator: best.claim.locator,
          },
          claimEvidence(best.claim),
        );
      }
    }
  }

  for (const citation of analysis.citations) {
    for (const k of citation.keys) {
      if (known(k.key) || crossref(k.key)) continue;
      // Memoised per knowledge base: with thousands of sources, each look-up scans them all.
      let fromKnowledge = kb.closestKeysMemo.get(k.key);
      if (!fromKnowledge) kb.closestKeysMemo.set(k.key, (fromKnowledge = closestKeys(k.key, kb.sources.keys())));
      const closest =
        options.extraKeys && options.extraKeys.size > 0
          ? closestKeys(k.key, [...fromKnowledge, ...options.extraKeys])
          : fromKnowledge;
      const didYouMean = closest.length ? `; did you mean ${closest.map((c) => `@${c}`).join(', ')}?` : '.';
      const unread = options.notRead && options.notRead.length > 0 ? notReadNote(options.notRead) : '';
      const message = `Unknown citation key "${k.key}"${didYouMean}${unread}`;
      push('unknownCitation', 'unknown-citation', k.start, k.end, message, {
        key: k.key,
        suggestions: closest,
      });
    }
  }

  // Acronyms: the first use must be expanded there or earlier; later uses are fine.
  const seen = new Set<string>();
  for (let i = 0; i < analysis.terms.length; i++) {
    const occurrence = analysis.terms[i];
    const term = occurrence.term;
    if (seen.has(term.id)) continue;
    // Expanded in brackets right there, it is introduced; inside a proper name or a heading in
    // capitals it is not, and the hint goes to its first use in prose.
    if (occurrence.short && expandedAt(text, occurrence.start, occurrence.end)) {
      seen.add(term.id);
      continue;
    }
    if (occurrence.short && !needsExpansion(text, occurrence.start, occurrence.end)) continue;
    seen.add(term.id);
    if (!occurrence.short || !term.expandOnFirstUse || !term.expansion) continue;
    // "Open-Ended Working Group (OEWG)": the long form right before it in the same sentence counts.
    const sentence = analysis.sentences.find((s) => s.start <= occurrence.start && occurrence.end <= s.end);
    const expandedNearby =
      sentence !== undefined &&
      analysis.terms.some(
        (t, j) => j !== i && t.term.id === term.id && !t.short && t.start >= sentence.start && t.end <= sentence.end,
      );
    if (expandedNearby) continue;
    push(
      'undefinedAcronym',
      'undefined-acronym',
      occurrence.start,
      occurrence.end,
      `${text.slice(occurrence.start, occurrence.end)} is not expanded on first use: ${term.expansion}.`,
      {
        expansion: term.expansion,
        term: term.id,
      },
      evidence(term.origin, `${term.term}: ${term.expansion} (glossary)`),
    );
  }
  for (const sentence of analysis.sentences) {
    const u = sentence.unsourced;
    if (!u) continue;
    push('unsourcedFigure', 'unsourced-figure', u.start, u.end, renderUnsourced(u.kind, text.slice(u.start, u.end)), {
      kind: u.kind,
    });
  }
  // The memo against itself: the later of two mentions that state different values.
  if (options.checks.inconsistency !== 'off') {
    const within = inconsistencies(document, kb, analysis);
    const across = crossMemoInconsistencies(document, analysis, options.peers ?? [], within);
    for (const r of [...within, ...across]) {
      push('inconsistency', 'inconsistency', r.start, r.end, r.message, r.data, r.related);
    }
  }
  return out;
}
