// How deeply brackets nest in a YAML or JSON text, found by one scan before any parser recurses.

/** Offset where [ / { nesting (outside quoted strings) first exceeds `limit`, or -1. */
export function nestingBeyond(text: string, limit: number): number {
  // Character codes rather than one-character strings and tests: this scans every knowledge file.
  let depth = 0;
  let quote = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote !== 0) {
      if (c === 0x5c && quote === 0x22) {
        i++;
      } // \ escapes inside "…"
      else if (c === quote) quote = 0;
    } else if (c === 0x22 || (c === 0x27 && opensQuote(i === 0 ? 0x20 : text.charCodeAt(i - 1)))) quote = c;
    else if (c === 0x23 && (i === 0 || isSpace(text.charCodeAt(i - 1)))) {
      const eol = text.indexOf('\n', i);
      i = eol < 0 ? text.length : eol;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return i;
    } else if ((c === 0x5d || c === 0x7d) && depth > 0) depth--;
  }
  return -1;
}

function isSpace(c: number): boolean {
  return (
    c === 0x20 ||
    c === 0x09 ||
    c === 0x0a ||
    c === 0x0d ||
    c === 0x0c ||
    c === 0x0b ||
    c === 0xa0 ||
    c === 0xfeff ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0x1680
  );
}

/** A single quote starts a quoted string after space or [ { , : (not inside a word: "Korea's"). */
function opensQuote(before: number): boolean {
  return isSpace(before) || before === 0x5b || before === 0x7b || before === 0x2c || before === 0x3a;
}
