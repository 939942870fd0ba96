// Masking a block's non-prose: list and quote markers, code spans, URLs, link targets, HTML and
// citation brackets become spaces, so that offsets in the masked text are offsets in the document.
import { type Citation, findCitations } from './citations';
import type { ProseBlock } from './prose';

export interface BlockOptions {
  /** A table cell: `|` typed into it changes the cells. */
  cell?: boolean;
  listMarker?: boolean;
  heading?: 'atx' | 'setext';
  plain?: boolean;
}

export function makeBlock(text: string, start: number, end: number, options: BlockOptions): ProseBlock {
  const raw = text.slice(start, end);
  // Masked code units are marked here and replaced in one pass at the end: cheaper than editing
  // an array of characters, which showed up in cold-start profiles.
  const masked = new Uint8Array(raw.length);
  const mask = (from: number, to: number): void => {
    if (to > from) masked.fill(1, Math.max(0, from), Math.min(raw.length, to));
  };
  const citations: Citation[] = [];
  if (!options.plain) {
    maskLinePrefixes(raw, mask, options);
    maskInline(raw, mask, citations, start);
  } else {
    findCitations(raw, mask, citations, start, new Uint8Array(raw.length));
  }
  return { start, end, text: applyMask(raw, masked), citations };
}

/** `raw` with every marked code unit but line breaks replaced by a space (so the length is kept). */
function applyMask(raw: string, masked: Uint8Array): string {
  let out = '';
  let i = 0;
  while (i < raw.length) {
    let j = masked.indexOf(1, i);
    if (j < 0) j = raw.length;
    out += raw.slice(i, j);
    if (j === raw.length) break;
    let k = masked.indexOf(0, j);
    if (k < 0) k = raw.length;
    for (let at = j; at < k;) {
      let lineBreak = at;
      while (lineBreak < k && raw.charCodeAt(lineBreak) !== 10 && raw.charCodeAt(lineBreak) !== 13) lineBreak++;
      out += ' '.repeat(lineBreak - at);
      if (lineBreak < k) out += raw[lineBreak++];
      at = lineBreak;
    }
    i = k;
  }
  return out;
}

/** Blockquote markers, the list marker of an item's first paragraph, heading markers. */
function maskLinePrefixes(raw: string, mask: (from: number, to: number) => void, options: BlockOptions): void {
  let lineStart = 0;
  let first = true;
  while (lineStart <= raw.length) {
    let lineEndAt = raw.indexOf('\n', lineStart);
    if (lineEndAt < 0) lineEndAt = raw.length;
    const line = raw.slice(lineStart, lineEndAt);
    const prefix = /^[ \t]*(?:>[ \t]?)*/.exec(line)![0].length;
    let cut = prefix;
    if (first && options.listMarker) {
      const marker = /^(?:[-*+]|\d{1,9}[.)])(?:[ \t]+\[[ xX]\])?[ \t]+/.exec(line.slice(prefix));
      if (marker) cut += marker[0].length;
    }
    if (options.heading === 'atx') {
      const hashes = /^#{1,6}[ \t]*/.exec(line.slice(prefix));
      if (hashes) cut += hashes[0].length;
      // Closing hashes: spaces, a run of #, spaces, to the end of the line (scanned back, not matched).
      let k = line.length;
      while (k > 0 && (line[k - 1] === ' ' || line[k - 1] === '\t')) k--;
      const hashesEnd = k;
      while (k > 0 && line[k - 1] === '#') k--;
      if (k < hashesEnd && k > 0 && (line[k - 1] === ' ' || line[k - 1] === '\t')) {
        while (k > 0 && (line[k - 1] === ' ' || line[k - 1] === '\t')) k--;
        mask(lineStart + k, lineEndAt);
      }
    }
    if (options.heading === 'setext' && !first && /^[ \t]*(=+|-+)[ \t]*$/.test(line)) cut = line.length;
    mask(lineStart, lineStart + cut);
    first = false;
    lineStart = lineEndAt + 1;
  }
}

/**
 * Masks inline non-prose in one block and records citations. Hand-written scanning (no
 * backtracking regular expressions) keeps this linear in the block's length.
 */
function maskInline(
  raw: string,
  mask: (from: number, to: number) => void,
  citations: Citation[],
  offset: number,
): void {
  const taken = new Uint8Array(raw.length);
  const take = (from: number, to: number): void => {
    mask(from, to);
    taken.fill(1, from, to);
  };
  // 1. HTML comments and code spans (nothing inside them is anything else).
  let i = 0;
  while (i < raw.length) {
    if (raw.startsWith('<!--', i)) {
      const close = raw.indexOf('-->', i + 4);
      const end = close < 0 ? raw.length : close + 3;
      take(i, end);
      i = end;
    } else if (raw[i] === '`') {
      let run = 1;
      while (raw[i + run] === '`') run++;
      const fence = '`'.repeat(run);
      let search = i + run;
      let close = -1;
      while ((search = raw.indexOf(fence, search)) >= 0) {
        if (raw[search + run] !== '`' && raw[search - 1] !== '`') {
          close = search;
          break;
        }
        while (raw[search] === '`') search++;
      }
      if (close < 0) i += run;
      else {
        take(i, close + run);
        i = close + run;
      }
    } else if (raw[i] === '\\' && i + 1 < raw.length && /[!-/:-@[-`{-~]/.test(raw[i + 1])) {
      take(i, i + 1);
      i += 2;
    } else i++;
  }
  // 2. Autolinks, raw URLs and inline HTML tags.
  for (const pattern of [
    /<(?:https?|mailto|ftp):[^\s<>]*>/gi,
    /\b(?:https?:\/\/|www\.)[^\s<>]*[^\s<>.,;:!?'")\]]/gi,
    /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]{0,500})?\/?>/g,
  ]) {
    for (const m of raw.matchAll(pattern)) if (!taken[m.index!]) take(m.index!, m.index! + m[0].length);
  }
  // 3. Citations (recorded, then masked) before links, so `[@key]` is never read as link text.
  findCitations(raw, mask, citations, offset, taken);
  // 4. Images, link targets, reference links, footnote markers, emphasis markers.
  for (const m of raw.matchAll(/!\[[^\]\n]{0,500}\]\([^()\n]{0,2000}\)/g)) {
    if (!taken[m.index!]) take(m.index!, m.index! + m[0].length);
  }
  for (const m of raw.matchAll(/\]\([^()\n]{0,2000}\)|\]\[[^\]\n]{0,200}\]|\[\^[^\]\n]{1,100}\]/g)) {
    if (!taken[m.index!]) take(m.index!, m.index! + m[0].length);
  }
  for (let j = 0; j < raw.length; j++) {
    const c = raw[j];
    if (taken[j]) continue;
    if (c === '[' || c === ']' || c === '*' || c === '~' || (c === '_' && !/[\p{L}\p{N}]/u.test(raw[j - 1] ?? ''))) {
      mask(j, j + 1);
    }
  }
}
