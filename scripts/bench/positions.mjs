// Where the benchmark types, hovers and asks for completion in a memo. Computed once per memo and
// shared by the in-process bench and the stdio client, so both measure the same requests.
import { createRandom } from './random.mjs';

/** LSP position (0-based line, UTF-16 character) of an offset, given the line start offsets. */
export function positionAt(starts, offset) {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - starts[lo] };
}

export function lineStarts(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

const typedWords = ['s', 'ly', 'and ', 'the ', 'policy ', 'regional ', 'not ', 'many ', 'in 2019 ', 'about 40% '];

/**
 * typing: places in prose paragraphs (lines that start with a letter) where a short word is typed
 * one character at a time; hovers: on citation keys, on capitalised words (acronyms and names,
 * mostly glossary terms) and on ordinary words; completions: inside citations, two characters
 * after the `@`, where an editor asks for completion while a key is typed.
 */
export function memoPositions(text, seed = 5) {
  const rnd = createRandom(seed + text.length);
  const starts = lineStarts(text);
  const proseLines = [];
  let fence = false;
  for (let line = 0; line < starts.length; line++) {
    const content = text.slice(starts[line], (starts[line + 1] ?? text.length + 1) - 1);
    if (content.startsWith('```')) fence = !fence;
    if (!fence && /^[A-Za-z][^|]{30,}$/.test(content)) proseLines.push(line);
  }
  const typing = [];
  for (let i = 0; i < 400 && proseLines.length > 0; i++) {
    const line = rnd.pick(proseLines);
    const content = text.slice(starts[line], (starts[line + 1] ?? text.length + 1) - 1);
    const spaces = [...content.matchAll(/ /g)].map((m) => m.index);
    if (spaces.length === 0) continue;
    // Type at the end of a word (before a space), as an analyst revising a sentence does.
    typing.push({ offset: starts[line] + rnd.pick(spaces), text: rnd.pick(typedWords) });
  }
  const keys = [...text.matchAll(/@([A-Za-z0-9_][\w:.#$%&+?<>~/-]*)/g)].filter((m) =>
    /[[\s;]/.test(text[m.index - 1] ?? ' '),
  );
  const capitals = [...text.matchAll(/\b[A-Z][A-Za-z]*[A-Z][A-Za-z]*\b|\b[A-Z][a-z]+ [A-Z][a-z]+\b/g)];
  const words = [...text.matchAll(/\b[a-z]{4,}\b/g)];
  const hovers = [];
  for (let i = 0; i < 300; i++) {
    const pool = i % 3 === 0 ? keys : i % 3 === 1 ? capitals : words;
    if (pool.length === 0) continue;
    const m = rnd.pick(pool);
    hovers.push(positionAt(starts, m.index + Math.floor(m[0].length / 2)));
  }
  const completions = [];
  for (let i = 0; i < 100 && keys.length > 0; i++) {
    const m = rnd.pick(keys);
    completions.push(positionAt(starts, m.index + 1 + Math.min(2, m[1].length)));
  }
  return { typing, hovers, completions };
}
