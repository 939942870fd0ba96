// The memo against itself: a figure or date stated differently in two sentences. The diagnostic
// sits on the later mention and links the earlier one; the quick fixes make either match the other.
import { type DiagnosticRelatedInformation, type Range, TextEdit } from 'vscode-languageserver-types';
import { type TextDocument } from 'vscode-languageserver-textdocument';
import { type DocumentAnalysis, type SentenceAnalysis } from '../engine/analysis';
import { findInconsistencies, type Statement } from '../engine/check/consistency';
import {
  renderAffiliationConflict,
  renderExpansionConflict,
  renderFirstStatement,
  renderInconsistency,
  renderTitleConflict,
} from '../engine/check/render';
import { conflictingExpansions } from '../engine/reader/expansions';
import { conflictingAffiliations, conflictingTitles, type PersonTitle } from '../engine/reader/titles';
import { type KnowledgeBase } from '../knowledge/knowledgeBase';

export interface InconsistencyReport {
  start: number;
  end: number;
  message: string;
  data: Record<string, unknown>;
  related: DiagnosticRelatedInformation[];
}

/** Whether the checker settles the statement's sentence as supported at that value, and nothing contradicts it. */
function supported(sentence: SentenceAnalysis | undefined, s: Statement): string | undefined {
  if (!sentence) return undefined;
  const over = (f: { start: number; end: number }): boolean => f.start < s.end && s.start < f.end;
  if (sentence.findings.some((f) => f.verdict === 'contradiction' && over(f))) return undefined;
  const support = sentence.findings.find((f) => f.verdict === 'support' && f.start <= s.start && s.end <= f.end);
  return support ? `${support.claim.source} (${support.claim.locator})` : undefined;
}

/** The words around a statement, for naming it in a message: at most about 60 characters. */
function contextOf(text: string, sentence: SentenceAnalysis | undefined, s: Statement): string {
  const first = sentence?.start ?? 0;
  const last = sentence?.end ?? text.length;
  // Cut at spaces, so that no word is shown in half.
  let from = Math.max(first, s.start - 30);
  if (from > first) from = Math.min(s.start, text.indexOf(' ', from) + 1 || s.start);
  let to = Math.min(last, s.end + 30);
  if (to < last) to = Math.max(s.end, text.lastIndexOf(' ', to));
  const words = text.slice(from, to).replace(/\s+/g, ' ').trim();
  return `${from > first ? '…' : ''}${words}${to < last ? '…' : ''}`;
}

export function inconsistencies(
  document: TextDocument,
  kb: KnowledgeBase,
  analysis: DocumentAnalysis,
): InconsistencyReport[] {
  const text = document.getText();
  const sentenceOf = new Map<Statement, SentenceAnalysis>();
  for (const sentence of analysis.sentences) for (const s of sentence.statements) sentenceOf.set(s, sentence);
  const figures = findInconsistencies(analysis.sentences.map((s) => s.statements)).map(({ earlier, later }) => {
    const earlierRange = { start: document.positionAt(earlier.start), end: document.positionAt(earlier.end) };
    const forEarlier = supported(sentenceOf.get(earlier), earlier);
    const forLater = supported(sentenceOf.get(later), later);
    // Named only when the sources bear out one of the two, not both.
    const side = forEarlier && !forLater ? 'earlier' : forLater && !forEarlier ? 'later' : undefined;
    const which =
      side === 'earlier'
        ? `${earlier.written} (${forEarlier})`
        : side === 'later'
          ? `${later.written} (${forLater})`
          : undefined;
    const line = earlierRange.start.line + 1;
    const context = contextOf(text, sentenceOf.get(earlier), earlier);
    const message = renderInconsistency(later.written, { written: earlier.written, line, context }, which);
    return {
      start: later.start,
      end: later.end,
      message,
      data: { written: later.written, earlier: earlier.written, earlierRange, supported: side },
      related: [
        { location: { uri: document.uri, range: earlierRange }, message: renderFirstStatement(earlier.written) },
      ],
    };
  });
  // An acronym expanded two ways: the later expansion, linked to the first.
  const names = conflictingExpansions(analysis.sentences.flatMap((s) => s.expansions)).map(({ earlier, later }) => {
    const earlierRange = { start: document.positionAt(earlier.start), end: document.positionAt(earlier.end) };
    const line = earlierRange.start.line + 1;
    return {
      start: later.start,
      end: later.end,
      message: renderExpansionConflict(later.acronym, later.expansion, { written: earlier.expansion, line }),
      data: { written: later.expansion, earlier: earlier.expansion, earlierRange },
      related: [
        { location: { uri: document.uri, range: earlierRange }, message: renderFirstStatement(earlier.expansion) },
      ],
    };
  });
  // One person given two titles, or placed at two bodies.
  const titled = analysis.sentences.flatMap((s) => s.titles);
  const personReport = (
    earlier: { start: number; end: number; written: string },
    later: { start: number; end: number; written: string },
    message: (line: number) => string,
  ): InconsistencyReport => {
    const earlierRange = { start: document.positionAt(earlier.start), end: document.positionAt(earlier.end) };
    return {
      start: later.start,
      end: later.end,
      message: message(earlierRange.start.line + 1),
      data: { written: later.written, earlier: earlier.written, earlierRange },
      related: [
        { location: { uri: document.uri, range: earlierRange }, message: renderFirstStatement(earlier.written) },
      ],
    };
  };
  const nameOf = (p: PersonTitle): string => p.name.join(' ');
  const people = conflictingTitles(titled).map(({ earlier, later }) =>
    personReport(earlier, later, (line) =>
      renderTitleConflict(nameOf(later), later.written, { written: earlier.written, line }),
    ),
  );
  const bodies = conflictingAffiliations(kb, titled).map(({ earlier, later }) =>
    personReport(earlier.affiliation!, later.affiliation!, (line) =>
      renderAffiliationConflict(nameOf(later), later.affiliation!.written, {
        written: earlier.affiliation!.written,
        line,
      }),
    ),
  );
  return [...figures, ...names, ...people, ...bodies].sort((a, b) => a.start - b.start);
}

/** Another memo checked together with this one, as its analysis left it. */
export interface PeerMemo {
  document: TextDocument;
  analysis: DocumentAnalysis;
}

/**
 * With the workspace as scope: figures and dates of this memo that differ from what another memo
 * states for the same thing. Each is reported on this memo, linked to the other's mention; a
 * mention this memo already contradicts itself on is left to the report within the memo.
 */
export function crossMemoInconsistencies(
  document: TextDocument,
  analysis: DocumentAnalysis,
  peers: readonly PeerMemo[],
  within: readonly InconsistencyReport[],
): InconsistencyReport[] {
  if (peers.length === 0) return [];
  const owner = new Map<Statement, { memo: PeerMemo | undefined; sentence: SentenceAnalysis }>();
  const memos = [...peers, { document, analysis }];
  for (const memo of memos) {
    for (const sentence of memo.analysis.sentences) {
      for (const s of sentence.statements) {
        owner.set(s, { memo: memo.document === document ? undefined : memo, sentence });
      }
    }
  }
  const sentences = memos.flatMap((m) => m.analysis.sentences.map((s) => s.statements));
  const reported = new Set(within.map((r) => `${r.start}:${r.end}`));
  const out: InconsistencyReport[] = [];
  for (const { earlier, later } of findInconsistencies(sentences)) {
    const there = owner.get(earlier);
    const here = owner.get(later);
    if (!there?.memo || !here || here.memo || reported.has(`${later.start}:${later.end}`)) continue;
    const other = there.memo.document;
    const earlierRange = { start: other.positionAt(earlier.start), end: other.positionAt(earlier.end) };
    const context = contextOf(other.getText(), there.sentence, earlier);
    const memo = decodeURIComponent(other.uri.slice(other.uri.lastIndexOf('/') + 1));
    const line = earlierRange.start.line + 1;
    out.push({
      start: later.start,
      end: later.end,
      message: renderInconsistency(later.written, { written: earlier.written, line, context, memo }),
      // Only this memo's value can be changed from here: the other memo is not open for editing.
      data: { written: later.written, earlier: earlier.written },
      related: [{ location: { uri: other.uri, range: earlierRange }, message: renderFirstStatement(earlier.written) }],
    });
  }
  return out;
}

/** The two quick fixes: this value as the earlier one, or the earlier one as this. */
export function inconsistencyFixes(
  document: TextDocument,
  range: Range,
  data: Record<string, unknown>,
): { title: string; edit: TextEdit; preferred: boolean }[] {
  const {
    written,
    earlier,
    earlierRange,
    supported: which,
  } = data as {
    written?: unknown;
    earlier?: unknown;
    earlierRange?: Range;
    supported?: unknown;
  };
  if (typeof written !== 'string' || typeof earlier !== 'string') return [];
  const fixes: { title: string; edit: TextEdit; preferred: boolean }[] = [];
  if (document.getText(range) === written) {
    // Without a range the earlier mention is in another memo.
    const where = earlierRange ? ` (as on line ${earlierRange.start.line + 1})` : ' (as the other memo has it)';
    fixes.push({
      title: `Change to “${earlier}”${where}`,
      edit: TextEdit.replace(range, earlier),
      preferred: which === 'earlier',
    });
  }
  // The earlier mention may have been edited since: never overwrite something else.
  if (earlierRange && document.getText(earlierRange) === earlier) {
    const title = `Change line ${earlierRange.start.line + 1} to “${written}”`;
    fixes.push({ title, edit: TextEdit.replace(earlierRange, written), preferred: which === 'later' });
  }
  return fixes;
}
