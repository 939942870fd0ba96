// The sections Insert References wrote into a memo, between its markers.
import { lineStarts } from '../text/lines';
import { findFrontMatter, lineEnd } from './frontMatter';

export const referencesStart = '<!-- policy-lens:references -->';
export const referencesEnd = '<!-- /policy-lens:references -->';

/** A section that Insert References wrote: from its start marker's line to its end marker's (-1: none). */
export interface GeneratedSection {
  start: number;
  end: number;
}

/**
 * Insert References' markers, counted only where they stand on a line of their own (up to three
 * spaces before) outside front matter, fenced and indented code, and multi-line HTML comments. Each
 * start marker is paired with the next end marker before any other start marker; a start marker
 * without one is returned with `end` -1, so that nothing after it is taken for generated text.
 */
export function generatedSections(text: string): GeneratedSection[] {
  const starts = lineStarts(text);
  const frontMatter = findFrontMatter(text, starts);
  const sections: GeneratedSection[] = [];
  let fence = '';
  let inComment = false;
  let previousBlank = true;
  let open: GeneratedSection | undefined;
  for (let line = 0; line < starts.length; line++) {
    const from = starts[line];
    if (frontMatter && from <= frontMatter.end) continue;
    const content = text.slice(from, lineEnd(text, starts, line));
    const trimmed = content.trim();
    const indent = content.length - content.trimStart().length;
    if (fence) {
      if (trimmed.startsWith(fence) && /^[`~]+$/.test(trimmed)) fence = '';
      previousBlank = false;
      continue;
    }
    if (inComment) {
      if (content.includes('-->')) inComment = false;
      previousBlank = false;
      continue;
    }
    const fenceOpen = /^ {0,3}(`{3,}|~{3,})/.exec(content);
    if (fenceOpen) {
      fence = fenceOpen[1];
      previousBlank = false;
      continue;
    }
    const isCode: boolean = indent >= 4 && previousBlank;
    previousBlank = trimmed === '' || (isCode && previousBlank);
    if (isCode) continue;
    if (indent <= 3 && trimmed === referencesStart) {
      if (open) sections.push(open);
      open = { start: from, end: -1 };
    } else if (indent <= 3 && trimmed === referencesEnd) {
      if (open) {
        open.end = from + content.length;
        sections.push(open);
        open = undefined;
      }
    } else if (trimmed.includes('<!--') && !trimmed.slice(trimmed.lastIndexOf('<!--')).includes('-->')) {
      inComment = true;
    }
  }
  if (open) sections.push(open);
  return sections;
}
