// Splits a source's text into passages with locators: "¶4" for text and Markdown, "p. 3 ¶2" for
// PDF pages. Body paragraphs are blocks that end like sentences; headings, bylines and lists of
// names are kept apart as header blocks (they still yield people and roles).
import { parseProse } from '../engine/markdown/prose';
import { lineStarts, positionOf } from '../engine/text/lines';

export interface SourcePage {
  /** 1-based page number (PDF), or undefined for a text file. */
  page?: number;
  /** Text with paragraphs separated by blank lines. */
  text: string;
}

export interface Passage {
  text: string;
  locator: string;
  /** A heading, byline or name block rather than body text. */
  header: boolean;
  page?: number;
  /** 0-based line of the file where the passage starts (text and Markdown reports only). */
  line?: number;
}

const sentenceEnd = /[.!?…]["’”)]?$/;

/** "… are being implemented. The recommendations cover:": whole sentences, the last one opening a list. */
function endsWithColonAfterSentence(raw: string): boolean {
  const text = raw.trimEnd();
  if (!text.endsWith(':')) return false;
  const lastStop = Math.max(...['. ', '! ', '? '].map((stop) => text.lastIndexOf(stop)));
  return lastStop > 0;
}

export function passagesFrom(pages: readonly SourcePage[], format: 'text' | 'markdown' | 'pdf'): Passage[] {
  const out: Passage[] = [];
  let paragraph = 0;
  for (const page of pages) {
    let onPage = 0;
    const blocks =
      format === 'markdown'
        ? parseProse(page.text, 'markdown').blocks.map((b) => ({
            raw: b.text.replace(/\s+/g, ' ').trim(),
            start: b.start,
            listItem: b.options?.listMarker === true,
          }))
        : textBlocks(page.text);
    // Lines count in the file itself: a PDF's text has none that a reader could go to.
    const starts = format === 'pdf' ? undefined : lineStarts(page.text);
    const lineAt = (offset: number): number | undefined => starts && positionOf(starts, offset).line;
    for (const { raw, start, listItem } of blocks) {
      if (!raw) continue;
      // "United States: Financial loss exceeding $157 million": a list item states a fact without a full stop.
      // "… The recommendations cover:" before a list: sentences that introduce what follows are body text.
      const introducesList = endsWithColonAfterSentence(raw);
      const header = (!listItem && !sentenceEnd.test(raw) && !introducesList) || raw.length < 40;
      // A name block in a header keeps its line breaks; wrapped prose is joined into one line.
      const text = format === 'markdown' ? raw : raw.replace(/[ \t\u00a0]*\r?\n[ \t\u00a0]*/g, header ? '\n' : ' ');
      if (header) {
        const locator = page.page ? `p. ${page.page}` : 'header';
        out.push({ text, locator, header: true, page: page.page, line: lineAt(start) });
        continue;
      }
      paragraph++;
      onPage++;
      const locator = page.page ? `p. ${page.page} ¶${onPage}` : `¶${paragraph}`;
      out.push({ text, locator, header: false, page: page.page, line: lineAt(start) });
    }
  }
  return out;
}

/** Blocks of a text separated by blank lines, trimmed, each with the offset of its first character. */
function textBlocks(text: string): { raw: string; start: number; listItem?: boolean }[] {
  const out: { raw: string; start: number; listItem?: boolean }[] = [];
  let from = 0;
  for (const separator of [...text.matchAll(/\r?\n[ \t\u00a0]*\r?\n/g), undefined]) {
    const to = separator ? separator.index : text.length;
    const block = text.slice(from, to);
    out.push({ raw: block.trim(), start: from + (block.length - block.trimStart().length) });
    if (separator) from = separator.index + separator[0].length;
  }
  return out;
}
