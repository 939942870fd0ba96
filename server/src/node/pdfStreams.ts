// How large a PDF's compressed streams become once inflated, counted before pdfjs reads the file:
// pdfjs inflates every content stream it reads into memory, so a small file whose streams inflate
// to gigabytes (a "zip bomb") would take the reader's memory and minutes. Counting streams the
// output instead of keeping it, and stops as soon as the budget is spent.
import { constants, createInflate } from 'node:zlib';

/** Inflated bytes a PDF's streams may come to (images excluded: reading text never decodes them). */
const maxInflatedPdfBytes = 256 * 1024 * 1024;

interface FlateStream {
  start: number;
  end: number;
  /** How many FlateDecode filters are applied in turn. */
  layers: number;
}

const encoder = new TextEncoder();
const streamWord = encoder.encode('stream');
const endstreamWord = encoder.encode('endstream');

/** The Flate-compressed streams of a PDF that are not images, found by scanning for `stream` keywords. */
function flateStreams(bytes: Buffer): FlateStream[] {
  const out: FlateStream[] = [];
  let from = 0;
  for (;;) {
    const at = bytes.indexOf(streamWord, from);
    if (at < 0) break;
    from = at + streamWord.length;
    if (at >= 3 && bytes.toString('latin1', at - 3, at) === 'end') continue;
    // The data starts after the keyword's end of line (CRLF or LF).
    let start = from;
    if (bytes[start] === 0x0d) start++;
    if (bytes[start] === 0x0a) start++;
    else if (start === from) continue; // "stream" inside some other token
    // The stream's dictionary: back to its object's `obj` keyword, looked for in the 4 KB before
    // only (a search back to the start for every keyword would be quadratic on a crafted file).
    const before = bytes.toString('latin1', Math.max(at - 4096, 0), at);
    const dictionary = before.slice(Math.max(before.lastIndexOf('obj'), 0));
    const end = bytes.indexOf(endstreamWord, start);
    from = end < 0 ? bytes.length : end + endstreamWord.length;
    if (/\/Subtype\s*\/Image\b/.test(dictionary)) continue;
    const layers = dictionary.match(/\/(?:FlateDecode|Fl)\b/g)?.length ?? 0;
    if (layers > 0) out.push({ start, end: end < 0 ? bytes.length : end, layers });
  }
  return out;
}

/** Bytes `data` inflates to through `layers` Flate filters, counting no further than `budget + 1`. */
function inflatedLength(data: Buffer, layers: number, budget: number): Promise<number> {
  return new Promise((resolve) => {
    // Z_SYNC_FLUSH at the end: a truncated stream counts as far as it goes instead of failing.
    const chain = Array.from({ length: layers }, () => createInflate({ finishFlush: constants.Z_SYNC_FLUSH }));
    for (let i = 0; i + 1 < chain.length; i++) chain[i].pipe(chain[i + 1]);
    const last = chain[chain.length - 1];
    let total = 0;
    let settled = false;
    const finish = (): void => {
      if (settled) return;
      settled = true;
      for (const z of chain) z.destroy();
      resolve(total);
    };
    last.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > budget) finish();
    });
    last.on('end', finish);
    // A damaged stream inflates as far as it goes; pdfjs stops there too.
    for (const z of chain) z.on('error', finish);
    chain[0].end(data);
  });
}

/**
 * Undefined when the PDF's non-image streams inflate to at most `limit` bytes in all; otherwise
 * why the file is refused.
 */
export async function inflatedSizeProblem(bytes: Buffer, limit = maxInflatedPdfBytes): Promise<string | undefined> {
  let total = 0;
  for (const s of flateStreams(bytes)) {
    total += await inflatedLength(bytes.subarray(s.start, s.end), s.layers, limit - total);
    if (total > limit) return `its compressed streams inflate to more than ${Math.round(limit / 1048576)} MB; not read`;
  }
  return undefined;
}
