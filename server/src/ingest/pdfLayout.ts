// A PDF's text as the page reads: lines in reading order (pdfLines), without running heads, footers
// and page numbers (pdfMargins), made into paragraphs where the line spacing, the font size or the
// indent changes; a paragraph cut by a column or page break is joined to its continuation, and
// broken words are made whole (hyphenation). A joined paragraph stays on the page where it starts,
// so its locator (p. N ¶M) is where a reader finds its beginning.
import { documentWords, joinedLines } from './hyphenation';
import { type PdfLine, type PdfPageItems, readingOrder } from './pdfLines';
import { withoutMargins } from './pdfMargins';
import type { SourcePage } from './passages';

export type { PdfPageItems, PdfTextItem } from './pdfLines';

interface Paragraph {
  lines: PdfLine[];
  /** 1-based page where the paragraph starts. */
  page: number;
}

interface Spacing {
  /** The commonest font size of the text. */
  bodySize: number;
  /** The commonest distance between the baselines of two lines of body text. */
  leading: number;
}

interface Extent {
  left: number;
  right: number;
}

/** A gap between baselines this much wider than the line's leading starts a paragraph. */
const paragraphGap = 1.3;
const sentenceFinal = /[.!?…]["'’”)\]]*$/;
const bullet = /^[•◦▪‣●]/;

/** The total weight of each value of `values`, rounded to `step`. */
function tallied(values: Iterable<[value: number, weight: number]>, step: number): Map<number, number> {
  const tally = new Map<number, number>();
  for (const [value, weight] of values) {
    const key = Math.round(value / step) * step;
    tally.set(key, (tally.get(key) ?? 0) + weight);
  }
  return tally;
}

/** The commonest value of `values` (each with a weight), rounded to `step`. */
function commonest(values: Iterable<[value: number, weight: number]>, step: number): number | undefined {
  const tally = tallied(values, step);
  let best: number | undefined;
  for (const [value, weight] of tally) if (best === undefined || weight > tally.get(best)!) best = value;
  return best;
}

function spacingOf(pages: readonly PdfLine[][]): Spacing {
  const bodySize =
    commonest(
      pages.flat().map((l): [number, number] => [l.size, l.text.length]),
      0.5,
    ) ?? 10;
  const gaps: [number, number][] = [];
  for (const lines of pages) {
    for (let i = 1; i < lines.length; i++) {
      const [a, b] = [lines[i - 1], lines[i]];
      const body = (l: PdfLine): boolean => Math.abs(l.size - bodySize) < 0.5;
      if (a.flow === b.flow && body(a) && body(b) && a.y > b.y) gaps.push([a.y - b.y, 1]);
    }
  }
  // The smallest gap that is common (a tenth as frequent as the commonest at least): in a short
  // document paragraph gaps may be as many as line gaps.
  const tally = tallied(
    gaps.filter(([gap]) => gap >= 0.8 * bodySize && gap <= 3 * bodySize),
    0.1,
  );
  const most = [...tally.values()].reduce((m, n) => Math.max(m, n), 0);
  const common = [...tally].filter(([, n]) => n >= most / 10).map(([gap]) => gap);
  const leading = common.reduce((m, gap) => Math.min(m, gap), Infinity);
  // Lines further apart than this are paragraphs of one line each (a title page), not one paragraph.
  return { bodySize, leading: Number.isFinite(leading) && leading <= 1.8 * bodySize ? leading : 1.2 * bodySize };
}

function extentsOf(pages: readonly PdfLine[][]): Map<number, Extent> {
  const extents = new Map<number, Extent>();
  for (const line of pages.flat()) {
    const e = extents.get(line.flow);
    if (e) {
      e.left = Math.min(e.left, line.x);
      e.right = Math.max(e.right, line.right);
    } else extents.set(line.flow, { left: line.x, right: line.right });
  }
  return extents;
}

/** Whether `line`, after `previous` in the same flow, begins a new paragraph. */
function startsParagraph(previous: PdfLine, line: PdfLine, spacing: Spacing, extent: Extent): boolean {
  const size = Math.max(previous.size, line.size);
  if (Math.abs(previous.size - line.size) > 0.15 * size) return true;
  const expected = (spacing.leading * size) / spacing.bodySize;
  if (previous.y - line.y > paragraphGap * expected) return true;
  if (bullet.test(line.text)) return true;
  // An indented first line after a line that stopped short of the column's edge.
  const indented = line.x - extent.left > 0.8 * line.size;
  const short = previous.right < extent.right - 2 * previous.size;
  return indented && short && line.x - previous.x > 0.8 * line.size;
}

/**
 * Whether `next`, the first paragraph of a column or page, continues `paragraph`, the last one of the
 * column or page before: it does not end a sentence, its font is the same, and its last line runs
 * to the column's edge (it was cut, not ended) or the next one starts in lower case.
 */
function continues(paragraph: Paragraph, next: Paragraph, extents: Map<number, Extent>): boolean {
  const last = paragraph.lines[paragraph.lines.length - 1];
  const first = next.lines[0];
  if (sentenceFinal.test(last.text)) return false;
  if (Math.abs(last.size - first.size) > 0.15 * Math.max(last.size, first.size)) return false;
  const edge = extents.get(last.flow)?.right ?? last.right;
  const full = last.right >= edge - 2 * last.size;
  const lowerCase = /^\p{Ll}/u.test(first.text);
  return full || lowerCase;
}

/** The text of each page, paragraphs separated by blank lines, lines of a paragraph by line breaks. */
export function pagesFromItems(pages: readonly PdfPageItems[]): SourcePage[] {
  let nextFlow = 0;
  const ordered = pages.map((page) => {
    const lines = readingOrder(page, nextFlow);
    nextFlow = lines.reduce((m, l) => Math.max(m, l.flow), nextFlow) + 1;
    return lines;
  });
  const kept = withoutMargins(ordered);
  const spacing = spacingOf(kept);
  const extents = extentsOf(kept);
  const words = documentWords(kept.flat().map((l) => l.text));
  const paragraphs: Paragraph[] = [];
  kept.forEach((lines, index) => {
    let current: Paragraph | undefined;
    lines.forEach((line, i) => {
      const previous = lines[i - 1];
      const sameFlow = previous && previous.flow === line.flow;
      if (current && sameFlow && !startsParagraph(previous, line, spacing, extents.get(line.flow)!)) {
        current.lines.push(line);
        return;
      }
      const last = paragraphs[paragraphs.length - 1];
      const first: Paragraph = { lines: [line], page: index + 1 };
      // A new flow (column or page) may begin with the rest of the paragraph before it.
      if (!sameFlow && last && continues(last, first, extents)) {
        last.lines.push(line);
        current = last;
        return;
      }
      current = first;
      paragraphs.push(current);
    });
  });
  const texts: string[][] = pages.map(() => []);
  for (const paragraph of paragraphs) {
    texts[paragraph.page - 1].push(
      joinedLines(
        paragraph.lines.map((l) => l.text),
        words,
      ),
    );
  }
  return texts.map((page, index) => ({ page: index + 1, text: page.join('\n\n') }));
}
