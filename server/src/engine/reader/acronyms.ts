// Whether an acronym's first use needs its expansion. Not when it is expanded right there in
// brackets ("OEWG (Open-Ended Working Group)", "Open-Ended Working Group (OEWG)", whatever the
// wording), when it is a word of a longer proper name ("Ministry of Science and ICT"), or when it
// stands in a heading written all in capitals ("EU–KOREA CYBER COOPERATION").

/** `start`/`end`: the acronym's offsets in `text` (the whole document). */
export function needsExpansion(text: string, start: number, end: number): boolean {
  return !expandedAt(text, start, end) && !insideProperName(text, start, end) && !inCapitalHeading(text, start);
}

/** Expanded in brackets right where it is written, in any wording that spells it. */
export function expandedAt(text: string, start: number, end: number): boolean {
  return expandedInBrackets(text, start, end, text.slice(start, end).replace(/s$/, ''));
}

function initialsOf(words: string): string {
  return words
    .split(/[^\p{L}]+/u)
    .filter((w) => w.length > 0 && !['of', 'and', 'the', 'for', 'on', 'in', 'to', '&'].includes(w.toLowerCase()))
    .map((w) => w[0].toUpperCase())
    .join('');
}

/** The capitals of the acronym appear in order as initials of the bracketed words, or the reverse. */
export function spells(words: string, acronym: string): boolean {
  const initials = initialsOf(words);
  const letters = acronym.replace(/[^\p{Lu}]/gu, '');
  if (letters.length < 2 || initials.length < 2) return false;
  let k = 0;
  for (const ch of initials) if (ch === letters[k]) k++;
  return k === letters.length;
}

function expandedInBrackets(text: string, start: number, end: number, acronym: string): boolean {
  // "OEWG (Open-Ended Working Group)"
  const after = /^\s*\(([^()\n]{3,160})\)/.exec(text.slice(end, end + 170));
  if (after && spells(after[1], acronym)) return true;
  // "Open-Ended Working Group (OEWG)": the words before the bracket.
  const before = text.slice(Math.max(0, start - 170), start);
  const open = /\(\s*$/.exec(before);
  if (open && /^\s*\)/.test(text.slice(end, end + 3))) {
    const words =
      before
        .slice(0, open.index)
        .split(/[.;:!?\n]/)
        .pop() ?? '';
    const tail = words
      .trim()
      .split(/\s+/)
      .slice(-acronym.length * 2)
      .join(' ');
    return spells(tail, acronym);
  }
  return false;
}

/** "Ministry of Science and ICT", "Science and ICT Committee": capitalised words joined to it by "and"/"of"/"&". */
function insideProperName(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 40), start);
  const after = text.slice(end, end + 40);
  const joinedBefore = /\p{Lu}\p{Ll}+\s+(and|of|&|for)\s+$/u.test(before);
  const joinedAfter = /^\s+(and|of|&|for)\s+\p{Lu}\p{Ll}+/u.test(after) && /\p{Lu}\p{Ll}+\s+$/u.test(before);
  return joinedBefore || joinedAfter;
}

/** A Markdown heading line with no lower-case letter. */
function inCapitalHeading(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const lineEnd = text.indexOf('\n', at);
  const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
  return /^\s{0,3}#{1,6}\s/.test(line) && !/\p{Ll}/u.test(line.replace(/^\s*#+\s*/, ''));
}
