// Pandoc citations in a block of prose: bracketed (`[see @a, p. 3; @b]`) and in-text (`@a`), with
// their keys, prefixes, suffixes and suppressed authors, as Pandoc reads them. Hand-written
// scanning keeps it linear in the block's length.

export interface CitationKey {
  key: string;
  /** Offsets of the key itself (without `@`), relative to the document. */
  start: number;
  end: number;
  /** As Pandoc reads a cite: `[see -@a, p. 3]` has prefix "see", suffix ", p. 3", author suppressed. */
  prefix?: string;
  suffix?: string;
  suppressAuthor?: boolean;
}

export interface Citation {
  /** The whole citation: `[see @a, p. 3; @b]` or an in-text `@a`. */
  start: number;
  end: number;
  bracketed: boolean;
  keys: CitationKey[];
}

// A Pandoc citation key: starts with a letter, digit or _, then internal punctuation allowed.
const keyBody = /[\p{L}\p{N}_](?:[\p{L}\p{N}_]|[:.#$%&\-+?<>~/](?=[\p{L}\p{N}_]))*/uy;

function readKey(raw: string, at: number): string | undefined {
  keyBody.lastIndex = at;
  const m = keyBody.exec(raw);
  return m ? m[0] : undefined;
}

export function findCitations(
  raw: string,
  mask: (from: number, to: number) => void,
  citations: Citation[],
  offset: number,
  taken: Uint8Array,
): void {
  // Bracketed: [ ... @key ... ] with no nested brackets; cites separated by ";" as Pandoc reads them.
  let i = 0;
  while ((i = raw.indexOf('[', i)) >= 0) {
    const close = raw.indexOf(']', i + 1);
    if (close < 0) break;
    const inner = raw.slice(i + 1, close);
    if (inner.includes('[') || taken[i]) {
      i++;
      continue;
    }
    const keys = bracketedCites(inner, offset + i + 1);
    const isLink = raw[close + 1] === '(' || raw[close + 1] === '[';
    if (keys.length > 0 && !isLink) {
      citations.push({ start: offset + i, end: offset + close + 1, bracketed: true, keys });
      mask(i, close + 1);
      taken.fill(1, i, close + 1);
      i = close + 1;
    } else i++;
  }
  // In-text: @key preceded by neither a word character nor an @ (so e-mail addresses are not
  // citations), with Pandoc's optional ` [suffix]` after it: `@kim2023 [p. 4]`.
  for (let j = 0; j < raw.length; j++) {
    if (raw[j] !== '@' || taken[j]) continue;
    const before = j === 0 ? ' ' : raw[j - 1];
    if (/[\p{L}\p{N}_@.\-+]/u.test(before)) continue;
    const braced = raw[j + 1] === '{';
    const key = braced ? braceKey(raw, j + 1) : readKey(raw, j + 1);
    if (!key) continue;
    const keyStart = j + 1 + (braced ? 1 : 0);
    let end = keyStart + key.length + (braced ? 1 : 0);
    const cite: CitationKey = { key, start: offset + keyStart, end: offset + keyStart + key.length };
    if (raw[end] === ' ' && raw[end + 1] === '[' && !taken[end + 1]) {
      const close = raw.indexOf(']', end + 2);
      const inner = close < 0 ? '' : raw.slice(end + 2, close);
      if (close >= 0 && !inner.includes('[') && !inner.includes('@')) {
        cite.suffix = inner.trim();
        end = close + 1;
      }
    }
    citations.push({ start: offset + j, end: offset + end, bracketed: false, keys: [cite] });
    mask(j, end);
    taken.fill(1, j, end);
  }
  citations.sort((a, b) => a.start - b.start);
}

/** The cites of a bracketed citation's text (`see @a, p. 3; -@b`); `at` is the document offset of `inner`. */
function bracketedCites(inner: string, at: number): CitationKey[] {
  const keys: CitationKey[] = [];
  let citeStart = 0;
  let pending: CitationKey | undefined;
  let suffixFrom = 0;
  const finish = (to: number): void => {
    if (!pending) return;
    const suffix = inner.slice(suffixFrom, to).trim();
    if (suffix) pending.suffix = suffix;
    keys.push(pending);
    pending = undefined;
  };
  for (let j = 0; j < inner.length; j++) {
    if (inner[j] === ';') {
      finish(j);
      citeStart = j + 1;
      continue;
    }
    const before = j === 0 ? ' ' : inner[j - 1];
    if (inner[j] !== '@' || !/[\s;-]/.test(before)) continue;
    const braced = inner[j + 1] === '{';
    const key = braced ? braceKey(inner, j + 1) : readKey(inner, j + 1);
    if (!key) continue;
    const keyStart = j + 1 + (braced ? 1 : 0);
    const suppressAuthor = before === '-';
    if (pending) {
      // A second key before any ";": the text between is the first one's suffix.
      finish(suppressAuthor ? j - 1 : j);
      citeStart = suppressAuthor ? j - 1 : j;
    }
    const prefix = inner.slice(citeStart, suppressAuthor ? j - 1 : j).trim();
    pending = { key, start: at + keyStart, end: at + keyStart + key.length };
    if (prefix) pending.prefix = prefix;
    if (suppressAuthor) pending.suppressAuthor = true;
    suffixFrom = keyStart + key.length + (braced ? 1 : 0);
    j = suffixFrom - 1;
  }
  finish(inner.length);
  return keys;
}

function braceKey(text: string, at: number): string | undefined {
  const close = text.indexOf('}', at);
  return close > at + 1 ? text.slice(at + 1, close) : undefined;
}
