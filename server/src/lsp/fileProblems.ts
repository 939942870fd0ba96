import { pathToFileURL } from 'node:url';
import { type Connection, type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver/node';
import { checkDocsHref } from '../common/checks';
import type { KnowledgeError } from '../knowledge/types';
import { core } from './lazyCore';

/**
 * Problems in knowledge, bibliography, report and style files, by where they come from. They appear
 * in the Problems view at file:line:column; publishing again clears the files that have none left.
 */
export class FileProblems {
  knowledge: KnowledgeError[] = [];
  bibliography: KnowledgeError[] = [];
  sources: KnowledgeError[] = [];
  style: KnowledgeError[] = [];
  /** Problems in the project configs (.policylens.yaml) in use. */
  config: KnowledgeError[] = [];
  /** Problems in the bibliographies, styles and inline references a memo's front matter names, per memo. */
  readonly perDocument = new Map<string, KnowledgeError[]>();
  private publishedFiles = new Set<string>();

  constructor(private readonly connection: Connection) {}

  publish(): void {
    const byFile = new Map<string, Diagnostic[]>();
    const memoProblems = [...this.perDocument.values()].flat();
    const all = [
      ...this.config,
      ...this.knowledge,
      ...this.bibliography,
      ...this.sources,
      ...this.style,
      ...memoProblems,
    ];
    for (const e of all) {
      const list = byFile.get(e.file) ?? [];
      list.push({
        range: {
          start: { line: e.line, character: e.character },
          end: { line: e.endLine ?? e.line, character: e.endCharacter ?? e.character + 1 },
        },
        severity: DiagnosticSeverity.Error,
        source: 'policy-lens',
        code: `knowledge-${e.kind}`,
        codeDescription: { href: checkDocsHref('knowledge-file', core().installedDocsBase()) },
        message: e.message,
      });
      byFile.set(e.file, list);
      this.connection.console.warn(core().formatKnowledgeError(e));
    }
    for (const file of this.publishedFiles) {
      if (!byFile.has(file)) void this.connection.sendDiagnostics({ uri: pathToFileURL(file).href, diagnostics: [] });
    }
    for (const [file, diagnostics] of byFile) {
      void this.connection.sendDiagnostics({ uri: pathToFileURL(file).href, diagnostics });
    }
    this.publishedFiles = new Set(byFile.keys());
  }

  /** Whether a file's problems are in the Problems view now. */
  shows(file: string): boolean {
    return this.publishedFiles.has(file);
  }
}
