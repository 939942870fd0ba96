// Quick fixes for our diagnostics. Each is a WorkspaceEdit over the exact text it names, so the
// editor's undo takes it back. A fix is offered only while the text under its diagnostic is the
// text the diagnostic was made for, and it names the document version it was made for, so that a
// client applies it to that version or not at all.
import {
  type CodeAction,
  CodeActionKind,
  CreateFile,
  type Diagnostic,
  type Range,
  TextDocumentEdit,
  TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { diagnosticSource, textFingerprint } from './diagnostics';
import { silenceableChecks, silencingEdits } from './silencing';
import { proseLanguage } from './languages';
import { inconsistencyFixes } from './consistency';
import { configWithIgnore, ignoreEntryOf } from './ignoreInConfig';

/** The project config an ignored finding is written to: the memo's nearest, else a new one. */
export interface IgnoreTarget {
  uri: string;
  /** Its file name, for the title (`.policylens.yaml`). */
  name: string;
  /** Its text now; undefined when the file does not exist yet. */
  text: string | undefined;
  /** The client can create files in an edit (`resourceOperations` has `create`). */
  canCreate: boolean;
}

export interface CodeActionOptions {
  /** The client takes `documentChanges` (versioned edits); otherwise a plain `changes` map is sent. */
  versionedEdits?: boolean;
  /** Where *Ignore this finding in .policylens.yaml* writes; none: that fix is not offered. */
  ignoreTarget?: IgnoreTarget;
  /** The sentence a finding is in, normalised (the service knows the analysis). */
  sentenceOf?: (diagnostic: Diagnostic) => string;
  /**
   * A client command that saves a file, given its URI: the config edit of *Ignore this finding* is
   * saved at once, so the finding goes (an edit alone leaves the file unsaved in VS Code).
   */
  saveFileCommand?: string;
}

export function codeActions(
  document: TextDocument,
  diagnostics: readonly Diagnostic[],
  options: CodeActionOptions = {},
): CodeAction[] {
  const workspaceEdit = (edits: TextEdit[]): WorkspaceEdit =>
    options.versionedEdits
      ? { documentChanges: [TextDocumentEdit.create({ uri: document.uri, version: document.version }, edits)] }
      : { changes: { [document.uri]: edits } };
  const edit = (title: string, diagnostic: Diagnostic, edits: TextEdit[], preferred = false): CodeAction => ({
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: preferred,
    edit: workspaceEdit(edits),
  });
  const actions: CodeAction[] = [];
  for (const d of diagnostics) {
    if (d.source !== diagnosticSource) continue;
    const data = (d.data ?? {}) as Record<string, unknown>;
    const current = document.getText(d.range);
    // Stale: the text under the diagnostic changed since it was made. Never edit something else.
    if (data.seen !== textFingerprint(current)) continue;
    switch (d.code) {
      case 'contradiction': {
        const value = data.sourcedValue;
        // Only if the text is still what the diagnostic saw: never overwrite something else.
        if (typeof value === 'string' && (data.written === undefined || data.written === current)) {
          actions.push(
            edit(
              `Replace with “${value}” (${data.source} ${data.locator})`,
              d,
              [TextEdit.replace(d.range, value)],
              true,
            ),
          );
        }
        break;
      }
      case 'missing-citation': {
        const suggestions = (data.suggestions as string[] | undefined) ?? [];
        const at = citationInsertPoint(document, d.range);
        suggestions.forEach((key, i) =>
          actions.push(edit(`Cite [@${key}]`, d, [TextEdit.insert(at, ` [@${key}]`)], i === 0)),
        );
        break;
      }
      case 'citation-mismatch': {
        const cited = (data.cited as string[] | undefined) ?? [];
        const suggestions = (data.suggestions as string[] | undefined) ?? [];
        for (const [i, key] of suggestions.entries()) {
          const edits = keyRanges(document, d.range, cited).map((r) => TextEdit.replace(r, key));
          if (edits.length > 0) {
            actions.push(edit(`Cite @${key} instead of @${cited.join(', @')}`, d, edits.slice(0, 1), i === 0));
          }
        }
        break;
      }
      case 'unknown-citation': {
        const suggestions = (data.suggestions as string[] | undefined) ?? [];
        suggestions.forEach((key, i) =>
          actions.push(edit(`Change to @${key}`, d, [TextEdit.replace(d.range, key)], i === 0)),
        );
        break;
      }
      case 'inconsistency':
        for (const f of inconsistencyFixes(document, d.range, data)) {
          actions.push(edit(f.title, d, [f.edit], f.preferred));
        }
        break;
      case 'undefined-acronym': {
        const expansion = data.expansion;
        if (typeof expansion === 'string') {
          actions.push(
            edit(
              `Expand to “${expansion} (${current})”`,
              d,
              [TextEdit.replace(d.range, `${expansion} (${current})`)],
              true,
            ),
          );
        }
        break;
      }
      case undefined:
        // Every diagnostic of ours has a code; one without is not ours to fix.
        break;
    }
    // Last, never preferred: the memo disputes the source on purpose, or the finding is wrong.
    if (silenceableChecks.includes(String(d.code))) {
      const text = document.getText();
      const language = proseLanguage(document.languageId, document.uri);
      const edits = silencingEdits(text, language, d.range.start.line, String(d.code)).map((i) =>
        TextEdit.insert(document.positionAt(i.offset), i.text),
      );
      if (edits.length > 0) actions.push(edit('Ignore this finding', d, edits));
      const inConfig = ignoreInConfig(d, options);
      if (inConfig) actions.push(inConfig);
    }
  }
  return actions;
}

/** *Ignore this finding in .policylens.yaml*: one more `ignores:` entry, in a file created if need be. */
function ignoreInConfig(d: Diagnostic, options: CodeActionOptions): CodeAction | undefined {
  const target = options.ignoreTarget;
  if (!target || !options.sentenceOf) return undefined;
  if (target.text === undefined && !(target.canCreate && options.versionedEdits)) return undefined;
  const updated = configWithIgnore(target.text, target.name.endsWith('.json'), ignoreEntryOf(d, options.sentenceOf(d)));
  if (updated === undefined) return undefined;
  const old = TextDocument.create(target.uri, 'yaml', 0, target.text ?? '');
  const whole = TextEdit.replace(
    { start: { line: 0, character: 0 }, end: old.positionAt(old.getText().length) },
    updated,
  );
  const change = TextDocumentEdit.create({ uri: target.uri, version: null }, [whole]);
  const edit: WorkspaceEdit = options.versionedEdits
    ? { documentChanges: target.text === undefined ? [CreateFile.create(target.uri), change] : [change] }
    : { changes: { [target.uri]: [whole] } };
  const title = `Ignore this finding in ${target.name}`;
  const save = options.saveFileCommand
    ? { command: { title: `Save ${target.name}`, command: options.saveFileCommand, arguments: [target.uri] } }
    : {};
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [d], edit, ...save };
}

/** Before the sentence's final punctuation, as Pandoc users write: "… 78% [@kim2023]." */
function citationInsertPoint(document: TextDocument, range: Range): Range['end'] {
  const text = document.getText(range);
  const trailing = /[.!?…]["'’”)]*$/.exec(text);
  const offset = document.offsetAt(range.end) - (trailing ? trailing[0].length : 0);
  return document.positionAt(offset);
}

function keyRanges(document: TextDocument, range: Range, keys: string[]): Range[] {
  const start = document.offsetAt(range.start);
  const text = document.getText(range);
  const out: Range[] = [];
  for (const key of keys) {
    const at = text.indexOf(`@${key}`);
    if (at >= 0) {
      out.push({ start: document.positionAt(start + at + 1), end: document.positionAt(start + at + 1 + key.length) });
    }
  }
  return out;
}
