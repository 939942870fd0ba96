// Running heads, footers and page numbers are not the report's text: a line in the top or bottom
// rows of a page is dropped when the same line (its digits aside) stands at the same height on many
// pages, or when it is a lone page number.
import type { PdfLine } from './pdfLines';

/** How many rows from the top and from the bottom of a page may be running heads or footers. */
const marginRows = 2;

/** A page number standing alone: "7", "- 7 -", "vii", "Page 7", "7 of 12". */
const lonePageNumber = /^(?:page\s+)?[-–—]?\s*(?:\d{1,4}|x{0,3}(?:ix|iv|v?i{0,3}))\s*[-–—]?(?:\s+of\s+\d{1,4})?$/i;

const isPageNumber = (text: string): boolean => text.length <= 20 && lonePageNumber.test(text);

/**
 * The same line on another page, at the same height: in the outermost row digits aside (a page
 * number or date inside a running head), further in only the same text.
 */
const marginKey = (line: PdfLine, outermost: boolean): string => {
  const text = line.text.toLowerCase().replace(/\s+/g, ' ');
  return `${Math.round(line.y / 2)}|${outermost ? text.replace(/\d+/g, '#') : text}`;
};

/** The lines of the first and last `marginRows` rows of a page (a row: lines on one baseline). */
function marginRowsOf(lines: readonly PdfLine[]): PdfLine[][] {
  const rows: PdfLine[][] = [];
  for (const line of [...lines].sort((a, b) => b.y - a.y)) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(row[0].y - line.y) < 0.5 * line.size) row.push(line);
    else rows.push([line]);
  }
  if (rows.length <= 2 * marginRows) return rows;
  return [...rows.slice(0, marginRows), ...rows.slice(-marginRows)];
}

/**
 * The pages' lines without running heads, footers and page numbers. A line counts as repeated when
 * it is in the margin rows of at least a third of the pages (and of two at least).
 */
export function withoutMargins(pages: readonly PdfLine[][]): PdfLine[][] {
  const pagesWith = new Map<string, number>();
  const rowsOfPage = pages.map(marginRowsOf);
  const keysOf = (rows: PdfLine[][]): [PdfLine, string][] =>
    rows.flatMap((row, r) => row.map((l): [PdfLine, string] => [l, marginKey(l, r === 0 || r === rows.length - 1)]));
  const keysOfPage = rowsOfPage.map(keysOf);
  for (const keys of keysOfPage) {
    for (const key of new Set(keys.map(([, k]) => k))) pagesWith.set(key, (pagesWith.get(key) ?? 0) + 1);
  }
  const enough = Math.max(2, Math.ceil(pages.length / 3));
  return pages.map((lines, p) => {
    const rows = rowsOfPage[p];
    const keyOf = new Map(keysOfPage[p]);
    const dropped = new Set<PdfLine>();
    // From the edge inwards: a second row is a margin only when the row outside it was one.
    const fromTop = rows.slice(0, Math.min(marginRows, Math.ceil(rows.length / 2)));
    const fromBottom = rows.slice(Math.min(marginRows, Math.ceil(rows.length / 2))).reverse();
    for (const side of [fromTop, fromBottom]) {
      for (const row of side) {
        const margin = row.filter((l) => isPageNumber(l.text) || (pagesWith.get(keyOf.get(l)!) ?? 0) >= enough);
        for (const line of margin) dropped.add(line);
        if (margin.length < row.length) break;
      }
    }
    return lines.filter((l) => !dropped.has(l));
  });
}
