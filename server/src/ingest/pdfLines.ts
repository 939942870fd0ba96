// A PDF page's text items as lines in reading order. Items on one baseline with no wide gap make a
// line; a page whose lines leave a vertical gutter free is read as two columns: within each band
// between full-width lines, the left column first, then the right.

/** One text item of a page as pdfjs gives it: the string and where it is drawn (PDF units, y up). */
export interface PdfTextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  /** Font size (the item's height). */
  height: number;
}

export interface PdfPageItems {
  items: PdfTextItem[];
  width: number;
  height: number;
}

export interface PdfLine {
  text: string;
  x: number;
  right: number;
  y: number;
  size: number;
  /**
   * Which run of the page's reading order the line is in: a column of a band, or a run of
   * full-width lines. A paragraph never spans two flows except where one continues the other.
   */
  flow: number;
}

const maxSampledLines = 2000;
const gutterProbes = 300;
/** A gap wider than this many font sizes between items on one baseline separates two lines. */
const lineGapInSizes = 1.5;

/** Items (in drawing order) joined into lines: same baseline, no gap wider than lineGapInSizes. */
function linesOf(items: readonly PdfTextItem[]): PdfLine[] {
  const lines: PdfLine[] = [];
  let current: PdfLine | undefined;
  for (const item of items) {
    if (item.str.trim() === '') {
      // A space item only says there is a space; its width is the gap, measured from the next item.
      if (current && item.str.length > 0 && !current.text.endsWith(' ')) current.text += ' ';
      continue;
    }
    const size = item.height > 0 ? item.height : 10;
    const sameBaseline = current && Math.abs(current.y - item.y) < 0.6 * Math.max(current.size, size);
    const gap = current ? item.x - current.right : 0;
    if (current && sameBaseline && gap < lineGapInSizes * Math.max(current.size, size) && gap > -size) {
      if (gap > 0.15 * size && !current.text.endsWith(' ')) current.text += ' ';
      current.text += item.str;
      current.right = Math.max(current.right, item.x + item.width);
      // A superscript (a note mark) is smaller: the line keeps the size of its text.
      if (size > current.size) current.size = size;
      continue;
    }
    if (current) lines.push(current);
    current = { text: item.str, x: item.x, right: item.x + item.width, y: item.y, size, flow: 0 };
  }
  if (current) lines.push(current);
  for (const line of lines) line.text = line.text.trim();
  return lines.filter((l) => l.text !== '');
}

/**
 * The x of the gutter between two columns, if the page has two: a vertical strip in the middle
 * third of the text that at most a tenth of the lines cross, with lines on both sides of it.
 */
function gutterOf(lines: readonly PdfLine[]): number | undefined {
  const long = lines.filter((l) => l.text.length >= 20);
  if (long.length < 8) return undefined;
  // A sample is enough to find a gutter, and keeps a page of a million items from taking minutes.
  const body = long.filter((_, i) => i % Math.ceil(long.length / maxSampledLines) === 0);
  const left = body.reduce((m, l) => Math.min(m, l.x), Infinity);
  const right = body.reduce((m, l) => Math.max(m, l.right), -Infinity);
  const width = right - left;
  // At most gutterProbes points, whatever the page's units.
  const step = Math.max(1, width / 3 / gutterProbes);
  // The crossing count at each point of the middle third; the gutter is the middle of the longest
  // run of points with the fewest crossings.
  const counts: { x: number; crossing: number }[] = [];
  for (let x = left + width / 3; x <= left + (2 * width) / 3; x += step) {
    counts.push({ x, crossing: body.filter((l) => l.x < x && l.right > x).length });
  }
  if (counts.length === 0) return undefined;
  const fewest = counts.reduce((m, c) => Math.min(m, c.crossing), Infinity);
  let gutter = 0;
  let longest = 0;
  let runStart = -1;
  for (let i = 0; i < counts.length; i++) {
    if (counts[i].crossing !== fewest) {
      runStart = -1;
      continue;
    }
    if (runStart < 0) runStart = i;
    if (i - runStart + 1 > longest) {
      longest = i - runStart + 1;
      gutter = (counts[runStart].x + counts[i].x) / 2;
    }
  }
  if (fewest > body.length / 10) return undefined;
  const leftSide = body.filter((l) => l.right <= gutter).length;
  const rightSide = body.filter((l) => l.x >= gutter).length;
  return leftSide >= 4 && rightSide >= 4 ? gutter : undefined;
}

/** The page's lines in reading order, each with its flow (numbered from `firstFlow`). */
export function readingOrder(page: PdfPageItems, firstFlow = 0): PdfLine[] {
  const lines = linesOf(page.items).sort((a, b) => b.y - a.y || a.x - b.x);
  const gutter = gutterOf(lines);
  let flow = firstFlow;
  if (gutter === undefined) {
    for (const line of lines) line.flow = flow;
    return lines;
  }
  const out: PdfLine[] = [];
  let leftColumn: PdfLine[] = [];
  let rightColumn: PdfLine[] = [];
  let inFullWidth = false;
  const flushColumns = (): void => {
    for (const column of [leftColumn, rightColumn]) {
      if (column.length === 0) continue;
      flow++;
      for (const line of column) out.push({ ...line, flow });
    }
    leftColumn = [];
    rightColumn = [];
  };
  for (const line of lines) {
    const fullWidth = line.x < gutter && line.right > gutter;
    if (fullWidth) {
      if (!inFullWidth || leftColumn.length + rightColumn.length > 0) {
        flushColumns();
        flow++;
      }
      out.push({ ...line, flow });
      inFullWidth = true;
      continue;
    }
    inFullWidth = false;
    (line.right <= gutter ? leftColumn : rightColumn).push(line);
  }
  flushColumns();
  return out;
}
