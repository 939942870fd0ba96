// Findings ignored in the project config (`ignores:` in .policylens.yaml): which finding an entry
// names (its check, the claim it rests on, the sentence it is in) and the config text with one
// more entry, for the quick fix. An entry holds only while its sentence reads the same: edit the
// sentence and the finding comes back. No file system here: the server reads and writes the file.
import { type Diagnostic } from 'vscode-languageserver-types';
import { type TextDocument } from 'vscode-languageserver-textdocument';
import { type Document, isMap, isScalar, isSeq, parseDocument, type YAMLSeq } from 'yaml';
import { type IgnoredFinding, normalizeSentence } from '../common/projectConfig';
import { type DocumentAnalysis } from '../engine/analysis';

export type IgnoreEntry = Omit<IgnoredFinding, 'line'>;

/** The check an entry names: contradictions resting only on reports have a name of their own. */
function checkOf(diagnostic: Diagnostic): string {
  const extracted = (diagnostic.data as { extracted?: boolean } | undefined)?.extracted === true;
  return extracted ? 'extracted-contradiction' : String(diagnostic.code);
}

/** The sentence a finding starts in (normalised), else its line (a heading, a table cell). */
export function sentenceOf(document: TextDocument, analysis: DocumentAnalysis, diagnostic: Diagnostic): string {
  const offset = document.offsetAt(diagnostic.range.start);
  const sentences = analysis.sentences;
  // Sentences come in document order: the last one starting at or before the offset.
  let low = 0;
  let high = sentences.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (sentences[middle].start <= offset) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  const sentence = found >= 0 && offset < sentences[found].end ? sentences[found] : undefined;
  if (sentence) return normalizeSentence(document.getText().slice(sentence.start, sentence.end));
  const line = diagnostic.range.start.line;
  return normalizeSentence(document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }));
}

/** The entry the quick fix records for a finding. */
export function ignoreEntryOf(diagnostic: Diagnostic, sentence: string): IgnoreEntry {
  const claim = (diagnostic.data as { claimId?: unknown } | undefined)?.claimId;
  return { check: checkOf(diagnostic), ...(typeof claim === 'string' ? { claim } : {}), sentence };
}

/** True when an entry names this finding: same check (`contradiction` covers both kinds), claim and sentence. */
export function isIgnored(diagnostic: Diagnostic, sentence: string, ignores: readonly IgnoreEntry[]): boolean {
  const entry = ignoreEntryOf(diagnostic, sentence);
  return ignores.some(
    (i) =>
      (i.check === entry.check || (i.check === 'contradiction' && entry.check === 'extracted-contradiction')) &&
      (i.claim === undefined || i.claim === entry.claim) &&
      i.sentence === sentence,
  );
}

/** A new config file holding one entry. */
const newConfigHeader = '# Policy Lens project configuration: see the README, "Project configuration".\n';

/**
 * The config text with `entry` appended to `ignores:` (made if missing), comments and layout of a
 * YAML file kept; undefined when the file does not parse (the quick fix is not offered then).
 */
export function configWithIgnore(text: string | undefined, json: boolean, entry: IgnoreEntry): string | undefined {
  if (json) {
    let data: unknown = {};
    try {
      if (text !== undefined && text.trim() !== '') data = JSON.parse(text);
    } catch {
      return undefined;
    }
    if (!data || typeof data !== 'object' || Array.isArray(data)) return undefined;
    const config = data as Record<string, unknown>;
    if (config.ignores !== undefined && !Array.isArray(config.ignores)) return undefined;
    config.ignores = [...((config.ignores as unknown[] | undefined) ?? []), entry];
    return `${JSON.stringify(config, null, 2)}\n`;
  }
  let source = text === undefined || text.trim() === '' ? newConfigHeader : text;
  // Only comments: the list goes after them.
  if (parseDocument(source).contents === null) source = `${source}${source.endsWith('\n') ? '' : '\n'}ignores: []\n`;
  const doc: Document = parseDocument(source);
  if (doc.errors.length > 0 || !isMap(doc.contents)) return undefined;
  const existing: unknown = doc.contents.get('ignores', true);
  // `ignores:` with nothing after it is an empty list.
  const empty = existing === undefined || (isScalar(existing) && existing.value === null);
  if (!empty && !isSeq(existing)) return undefined;
  const list = isSeq(existing) ? existing : (doc.createNode([]) as YAMLSeq);
  list.flow = false;
  list.add(doc.createNode(entry));
  if (!isSeq(existing)) doc.contents.set('ignores', list);
  // No folding: a long sentence stays on one line, as the user will look for it.
  return doc.toString({ lineWidth: 0 });
}
