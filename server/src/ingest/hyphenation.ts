// Undoing line-end hyphenation in PDF text, decided by the document itself: "Ko-" + "rea" is
// "Korea", but "Indo-" + "Pacific" keeps its hyphen. The hyphenated form written elsewhere in the
// document keeps the hyphen, else the joined form written elsewhere drops it; failing both, a
// capital after the break ("EU-" + "China") or two halves that are both words of the document
// ("well-" + "funded") keep it; otherwise the hyphen was the typesetter's and goes.

/** The words of a document and the pairs of words it joins with a hyphen, in lower case. */
export interface DocumentWords {
  words: Set<string>;
  compounds: Set<string>;
}

const wordPattern = /\p{L}+(?:[-‐]\p{L}+)*/gu;
const hyphenAtEnd = /(\p{L}+)[-‐]$/u;
const wordAtStart = /^(\p{L}+)/u;
const softHyphen = '\u00ad';
/** Halves this short are too often word pieces ("re-", "-out"), not words. */
const halvesAreWords = (head: string, tail: string): boolean => head.length >= 3 && tail.length >= 4;

/**
 * The words of `lines`. A word broken at a line end is left out, both halves, so that the halves
 * of one broken word do not pass for words of their own.
 */
export function documentWords(lines: readonly string[]): DocumentWords {
  const words = new Set<string>();
  const compounds = new Set<string>();
  let previousBroken = false;
  for (const line of lines) {
    const found = [...line.matchAll(wordPattern)];
    const broken = hyphenAtEnd.test(line) || line.endsWith(softHyphen);
    found.forEach((m, i) => {
      if ((i === 0 && previousBroken && m.index === 0) || (i === found.length - 1 && broken)) return;
      const word = m[0].toLowerCase();
      const parts = word.split(/[-‐]/);
      // Each pair of neighbours: "state-of-" + "the-art" is broken between "of" and "the".
      for (let k = 1; k < parts.length; k++) compounds.add(`${parts[k - 1]}-${parts[k]}`);
      for (const part of parts) words.add(part);
    });
    previousBroken = broken;
  }
  return { words, compounds };
}

/** Whether the document joins `head` with `tail` by a hyphen elsewhere, or with another form of it. */
function hasCompound(words: DocumentWords, head: string, tail: string): boolean {
  if (words.compounds.has(`${head}-${tail}`)) return true;
  // "cyber-criminal" written elsewhere keeps "cyber-" + "criminals" apart.
  for (let end = tail.length - 1; end >= Math.max(4, tail.length - 3); end--) {
    if (words.compounds.has(`${head}-${tail.slice(0, end)}`)) return true;
  }
  return false;
}

/** No word is longer: only this much of a line's end and of the next line's start is looked at. */
const maxWordLength = 64;

/** How a line meets the next one of its paragraph: a line break, or a broken word made whole. */
function lineJoint(line: string, next: string, words: DocumentWords): 'line break' | 'keep hyphen' | 'drop hyphen' {
  if (line.endsWith(softHyphen)) return 'drop hyphen';
  const before = hyphenAtEnd.exec(line.slice(-maxWordLength));
  const after = wordAtStart.exec(next.slice(0, maxWordLength));
  if (!before || !after) return 'line break';
  const head = before[1].toLowerCase();
  const tail = after[1].toLowerCase();
  const joined = head + tail;
  // The document's own spelling first, then the shape of the break.
  const keep = hasCompound(words, head, tail)
    ? true
    : words.words.has(joined)
      ? false
      : after[1][0] !== tail[0] || (halvesAreWords(head, tail) && words.words.has(head) && words.words.has(tail));
  return keep ? 'keep hyphen' : 'drop hyphen';
}

/** The lines of one paragraph as one text: broken words made whole, other lines kept apart by line breaks. */
export function joinedLines(lines: readonly string[], words: DocumentWords): string {
  const pieces: string[] = [];
  lines.forEach((line, i) => {
    const joint = i > 0 ? lineJoint(lines[i - 1], line, words) : 'line break';
    if (joint === 'drop hyphen') pieces[pieces.length - 1] = pieces[pieces.length - 1].slice(0, -1);
    else if (joint === 'keep hyphen') pieces[pieces.length - 1] = pieces[pieces.length - 1].replace(/‐$/, '-');
    else if (i > 0) pieces.push('\n');
    pieces.push(line);
  });
  return pieces.join('');
}
