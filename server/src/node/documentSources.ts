// What one memo brings besides the shared knowledge, read as Pandoc reads it, for the server and
// the CLI alike: its front matter's `bibliography:` files and inline `references:`, its `csl:` style
// and `lang:` locale, and the bibliographies its project config names.
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type TextDocument } from 'vscode-languageserver-textdocument';
import type { StyleChoice } from '../features/csl';
import type { PolicyLensService } from '../features/languageService';
import type { KnowledgeError, Source } from '../knowledge/types';
import type { BibliographyStore } from './bibliographies';
import { decodeText, readBounded } from './boundedRead';
import { type ReadPolicy } from './readPolicy';

/** A .csl file's text, or undefined with the problem recorded (the bundled style is used then). */
export function readStyleFile(
  path: string,
  problems: KnowledgeError[],
  policy: ReadPolicy,
  readable: (path: string) => boolean,
): string | undefined {
  if (!readable(path)) return undefined;
  const read = readBounded(path, { maxBytes: 5 * 1024 * 1024, policy });
  const xml = read.bytes ? decodeText(read.bytes) : undefined;
  const at = { file: path, line: 0, character: 0 };
  const fallback = 'the bundled style is used';
  if (xml !== undefined && /<style\b/.test(xml.slice(0, 5000))) return xml;
  const message =
    xml === undefined ? 'CSL style file not found or not readable' : 'not a CSL style (no <style> element)';
  problems.push({ kind: xml === undefined ? 'io' : 'syntax', message: `${message}; ${fallback}`, ...at });
  return undefined;
}

export interface DocumentSources {
  sources: Source[];
  /** Problems in the files read (and in inline references, reported on the memo itself). */
  problems: KnowledgeError[];
  /** The memo's own style, when its front matter chooses one. */
  style?: StyleChoice;
  nocite: string[];
  /** The bibliography files read, for the store to keep. */
  used: string[];
  /** Bibliography files named but not read because the read policy refused them (Restricted Mode). */
  refused: string[];
  /** The `csl:` style file the front matter names, to watch for changes. */
  styleFile?: string;
}

/**
 * Reads the memo's sources. `configBibliographies` are absolute paths (from its project config);
 * the front matter's are relative to the memo. Files are shared through `store` with every memo
 * naming them.
 */
export async function readDocumentSources(
  document: TextDocument,
  service: PolicyLensService,
  store: BibliographyStore,
  options: { policy: ReadPolicy; readable: (path: string) => boolean; configBibliographies?: readonly string[] },
): Promise<DocumentSources> {
  const bibliography = service.frontMatterBibliography(document);
  const sources: Source[] = [...bibliography.references];
  // Problems in inline references are reported on the memo itself.
  const memoFile = document.uri.startsWith('file:') ? fileURLToPath(document.uri) : undefined;
  const problems: KnowledgeError[] = bibliography.errors.map((e) => ({ ...e, file: memoFile ?? e.file }));
  let style: StyleChoice | undefined;
  let styleFile: string | undefined;
  const used: string[] = [];
  const refused: string[] = [];
  if (memoFile !== undefined) {
    const base = dirname(memoFile);
    const files = [...bibliography.files.map((f) => (isAbsolute(f) ? f : resolve(base, f)))];
    for (const path of options.configBibliographies ?? []) if (!files.includes(path)) files.push(path);
    for (const path of files) {
      if (!options.readable(path)) {
        refused.push(path);
        continue;
      }
      used.push(path);
      // Shared: ten memos naming one file parse it once.
      const load = await store.use(document.uri, path, options.policy);
      for (const source of load.sources) sources.push(source);
      for (const error of load.errors) problems.push(error);
    }
    // `csl: apa` names a bundled style as Pandoc users write it; anything else is a file.
    const csl = bibliography.csl?.replace(/\.csl$/i, '');
    if (csl === 'apa' || csl === 'chicago-author-date') style = { style: csl };
    else if (bibliography.csl) {
      const path = isAbsolute(bibliography.csl) ? bibliography.csl : resolve(base, bibliography.csl);
      styleFile = path;
      const xml = readStyleFile(path, problems, options.policy, options.readable);
      if (xml !== undefined) style = { style: path, xml };
    }
  }
  if (bibliography.lang) style = { ...(style ?? service.styleFor('')), locale: bibliography.lang };
  return { sources, problems, style, nocite: bibliography.nocite, used, refused, styleFile };
}
