// Generated reference lists and bibliography export for the keys a memo cites.
import { TextEdit } from 'vscode-languageserver-types';
import { type TextDocument } from 'vscode-languageserver-textdocument';
import { type CslItem, type Source } from '../knowledge/types';
import { type DocumentAnalysis } from '../engine/analysis';
import { generatedSections, referencesEnd, referencesStart } from '../engine/markdown/generatedSections';

export { referencesEnd, referencesStart };

/** Cited keys in order of first citation, each once, then the front matter's `nocite` keys. */
function citedKeys(analysis: DocumentAnalysis, nocite: readonly string[] = []): string[] {
  return [...new Set([...analysis.citations.flatMap((c) => c.keys.map((k) => k.key)), ...nocite])];
}

export function citedSources(
  analysis: DocumentAnalysis,
  lookup: (key: string) => Source | undefined,
  nocite: readonly string[] = [],
): Source[] {
  return citedKeys(analysis, nocite)
    .map(lookup)
    .filter((s): s is Source => s !== undefined);
}

// Headings a memo's own reference section goes by; Insert References fills it instead of adding one.
const referencesHeading =
  /^ {0,3}#{1,6}[ \t]+(?:references|bibliography|works cited|literature cited|sources)[ \t]*#*[ \t]*$/i;
// Pandoc's place for the bibliography: a fenced div with the id refs.
const refsDiv = /^ {0,3}:{3,}[ \t]*\{[^}\n]{0,200}#refs\b[^}\n]{0,200}\}[ \t]*$|^ {0,3}:{3,}[ \t]*refs[ \t]*$/;

/** Lines outside front matter and fenced code, with their offsets. */
function proseLines(text: string): { start: number; end: number; content: string }[] {
  const lines: { start: number; end: number; content: string }[] = [];
  let offset = 0;
  let fence = '';
  let inFrontMatter = text.startsWith('---');
  let first = true;
  while (offset <= text.length) {
    let end = text.indexOf('\n', offset);
    if (end < 0) end = text.length;
    const content = text.slice(offset, end).replace(/\r$/, '');
    const trimmed = content.trim();
    if (inFrontMatter) {
      if (!first && (trimmed === '---' || trimmed === '...')) inFrontMatter = false;
    } else if (fence) {
      if (trimmed.startsWith(fence) && /^[`~]+$/.test(trimmed)) fence = '';
    } else {
      const open = /^ {0,3}(`{3,}|~{3,})/.exec(content);
      if (open) fence = open[1];
      else lines.push({ start: offset, end: offset + content.length, content });
    }
    first = false;
    if (end === text.length) break;
    offset = end + 1;
  }
  return lines;
}

/**
 * The edit that writes the reference list. It replaces only a list this command generated before
 * (between its markers on lines of their own); a start marker left alone is replaced by the list
 * and nothing after it is touched. Without markers it fills Pandoc's `::: {#refs}` div, else the
 * memo's own References heading, else it appends a References section at the end.
 */
export function referencesEdit(document: TextDocument, entries: readonly string[]): TextEdit {
  const text = document.getText();
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const list = [referencesStart, '', ...entries.flatMap((e) => [e, '']), referencesEnd].join(eol);
  const sections = generatedSections(text);
  const complete = sections.find((s) => s.end >= 0);
  if (complete) {
    return TextEdit.replace(
      { start: document.positionAt(complete.start), end: document.positionAt(complete.end) },
      list,
    );
  }
  const lone = sections[0];
  if (lone) {
    return TextEdit.replace(
      {
        start: document.positionAt(lone.start),
        end: document.positionAt(lone.start + referencesStart.length + text.slice(lone.start).indexOf(referencesStart)),
      },
      list,
    );
  }
  const lines = proseLines(text);
  const place = lines.find((l) => refsDiv.test(l.content)) ?? lines.find((l) => referencesHeading.test(l.content));
  if (place) {
    const at = place.end < text.length ? place.end + (text.startsWith('\r\n', place.end) ? 2 : 1) : text.length;
    const lead = place.end >= text.length ? eol : '';
    return TextEdit.insert(
      document.positionAt(at),
      `${lead}${eol}${list}${eol}${text.slice(at).startsWith(eol) || at >= text.length ? '' : eol}`,
    );
  }
  const separator = text.length === 0 ? '' : text.endsWith(eol + eol) ? '' : text.endsWith(eol) ? eol : eol + eol;
  return TextEdit.insert(document.positionAt(text.length), `${separator}## References${eol}${eol}${list}${eol}`);
}

/** CSL-JSON for the cited sources, ready for `pandoc --citeproc --bibliography`. */
export function exportBibliography(sources: Source[]): CslItem[] {
  return sources.map((s) => s.csl);
}
