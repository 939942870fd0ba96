// What a report says about itself on its first lines: its title (the first heading, or the first
// block of a text or PDF), its byline ("By Jane Doe", "A, B and C", one name a line) and its date
// line ("June 2024", "RUSI, February 2025"). The head ends where the body begins: a paragraph of prose.
import { lexicon, type Phrase } from '../engine/lexicon';
import type { CslName } from '../knowledge/types';
import { type DateParts, dateOfLine } from './dates';
import { parseNameList } from './personNames';

export interface DocumentHead {
  title?: string;
  authors?: CslName[];
  issued?: DateParts;
}

/** How many blocks after the title may hold the byline and date. */
const headBlocks = 6;
/** A title longer than this is a paragraph. */
const maxTitleLength = 300;

const words = (text: string): string[] => text.toLowerCase().split(/\s+/).filter(Boolean);

/** The number of words of `text`'s start (or end) that are one of `phrases`, longest first; 0 if none. */
function phraseAt(text: string, phrases: readonly Phrase<boolean>[], atEnd: boolean): number {
  const w = words(text.replace(/[^\p{L}\s]/gu, ' '));
  for (const p of phrases) {
    const part = atEnd ? w.slice(-p.words.length) : w.slice(0, p.words.length);
    if (part.length === p.words.length && part.every((x, i) => x === p.words[i])) return p.words.length;
  }
  return 0;
}

/** Markdown emphasis and heading marks taken off a line of the head. */
function plain(line: string): string {
  const text = line.trim().replace(/^#{1,6}\s+/, '');
  // A closing run of hashes ("# Title #") goes; a hash inside a word ("C#") stays.
  const closing = /\s#+$/.exec(text);
  return (closing ? text.slice(0, closing.index) : text).replace(/[*_`]+/g, '').trim();
}

/** The people a byline names: "By Jane Doe", "Jane Doe and John Roe", "Jane Doe Commentary". */
function bylineNames(line: string, commonWords?: ReadonlySet<string>): CslName[] | undefined {
  let text = plain(line);
  const lead = phraseAt(text, lexicon.bylineLeads, false);
  if (lead > 0) text = text.split(/\s+/).slice(lead).join(' ');
  text = text.replace(/^[:\s]+/, '');
  const genre = phraseAt(text, lexicon.documentGenres, true);
  if (genre > 0) text = text.split(/\s+/).slice(0, -genre).join(' ');
  return parseNameList(text, commonWords);
}

/** A title may end with a question mark, not with a full stop. */
const endsWithStop = (block: string): boolean => /\.["’”)]?$/.test(block) && !/\.\.\.$/.test(block);

/** A block of prose: long, and ending like a sentence. */
const isProse = (block: string): boolean => block.length > 160 || (block.length > 60 && /[.!?…]["’”)]?$/.test(block));

/**
 * The head of a document from its first blocks (blank-line separated; Markdown with its heading
 * marks). `markdown`: the title is the first heading, else the first block that is no prose.
 * `commonWords`: words the document writes in lower case, which a byline's names are not.
 */
export function readDocumentHead(
  blocks: readonly string[],
  markdown: boolean,
  commonWords?: ReadonlySet<string>,
): DocumentHead {
  const head: DocumentHead = {};
  const nonEmpty = blocks.map((b) => b.trim()).filter(Boolean);
  const flat = nonEmpty.map((b) => b.replace(/\s+/g, ' ').trim());
  let start = 0;
  const isHeading = (block: string): boolean =>
    /^#{1,6}\s/.test(block.trim()) || /^[^\n]+\r?\n=+[ \t]*$/.test(block.trim());
  const heading = markdown ? nonEmpty.findIndex(isHeading) : -1;
  if (heading >= 0 && heading < headBlocks) {
    head.title = plain(nonEmpty[heading].split(/\r?\n/)[0]);
    start = heading + 1;
  } else {
    // A title starts with a capital; a line before it in lower case is a web page's navigation.
    const first = flat.findIndex((b, i) => i < 3 && !/^\p{Ll}/u.test(b));
    const title = flat[first];
    if (first >= 0 && title.length <= maxTitleLength && !endsWithStop(title) && !dateOfLine(title)) {
      head.title = plain(title);
      start = first + 1;
    }
  }
  const rest = nonEmpty.slice(start, start + headBlocks);
  for (const block of rest) {
    const joined = block.replace(/\s+/g, ' ').trim();
    if (/^#{1,6}\s/.test(joined)) break;
    const asOne = head.authors ? undefined : bylineNames(joined, commonWords);
    if (asOne) {
      head.authors = asOne;
      continue;
    }
    if (isProse(plain(joined))) break;
    // One name, or a date, a line: "Max Bergmann / Christopher Johnstone / June 2024".
    let named: CslName[] = [];
    for (const line of block.split(/\r?\n/)) {
      const date = dateOfLine(line);
      if (date) head.issued ??= date;
      const names = date || head.authors ? undefined : bylineNames(line, commonWords);
      if (names) named = [...named, ...names];
    }
    if (named.length > 0) head.authors = named;
  }
  return head;
}
