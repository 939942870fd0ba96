// YAML front matter at the top of a memo: found by its fences, without parsing the rest.
import { lineStarts } from '../text/lines';

export interface FrontMatter {
  start: number;
  end: number;
  /** The YAML between the fences, and its offset in the document. */
  yaml: string;
  yamlStart: number;
}

/** Where line `line` ends, before its line break. */
export function lineEnd(text: string, starts: number[], line: number): number {
  let end = line + 1 < starts.length ? starts[line + 1] : text.length;
  while (end > starts[line] && (text.charCodeAt(end - 1) === 10 || text.charCodeAt(end - 1) === 13)) end--;
  return end;
}

/** The YAML front matter at the top of a document, found without parsing the rest of it. */
export function frontMatterOf(text: string): FrontMatter | undefined {
  if (!text.startsWith('---')) return undefined;
  const head = text.slice(0, 1_000_000);
  return findFrontMatter(head, lineStarts(head));
}

export function findFrontMatter(text: string, starts: number[]): FrontMatter | undefined {
  if (!/^---[ \t]*(\r\n|\r|\n)/.test(text)) return undefined;
  for (let line = 1; line < starts.length; line++) {
    const content = text.slice(starts[line], lineEnd(text, starts, line));
    if (/^(---|\.\.\.)[ \t]*$/.test(content)) {
      const yamlStart = starts[1];
      return { start: 0, end: lineEnd(text, starts, line), yaml: text.slice(yamlStart, starts[line]), yamlStart };
    }
  }
  return undefined;
}
