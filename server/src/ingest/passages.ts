// Splits a source's text into passages with locators: "¶4" for text and Markdown, "p. 3 ¶2" for
// PDF pages. Body paragraphs are blocks that end like sentences; headings, bylines and lists of
// names are kept apart as header blocks (they still yield people and roles).
import { parseProse } from '../engine/markdown/prose';

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
}

const sentenceEnd = /[.!?…]["’”)]?$/;

export function passagesFrom(pages: readonly SourcePage[], format: 'text' | 'markdown' | 'pdf'): Passage[] {
  const out: Passage[] = [];
  let paragraph = 0;
  for (const page of pages) {
    let onPage = 0;
    const blocks =
      format === 'markdown'
        ? parseProse(page.text, 'markdown').blocks.map((b) => b.text.replace(/\s+/g, ' ').trim())
        : page.text.split(/\n[ \t\u00a0]*\n/).map((b) => b.trim());
    for (const raw of blocks) {
      if (!raw) continue;
      const header = !sentenceEnd.test(raw) || raw.length < 40;
      // A name block in a header keeps its line breaks; wrapped prose is joined into one line.
      const text = format === 'markdown' ? raw : raw.replace(/[ \t\u00a0]*\n[ \t\u00a0]*/g, header ? '\n' : ' ');
      if (header) {
        out.push({ text, locator: page.page ? `p. ${page.page}` : 'header', header: true, page: page.page });
        continue;
      }
      paragraph++;
      onPage++;
      out.push({ text, locator: page.page ? `p. ${page.page} ¶${onPage}` : `¶${paragraph}`, header: false, page: page.page });
    }
  }
  return out;
}
