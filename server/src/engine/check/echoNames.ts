// A memo sentence that echoes one sentence of a report in all but one name ("joint exploration of
// the Moon and Venus" where the report has "the Moon and Mars", "the Germany-led proposal" where it
// has "France-led") names the wrong one: the other words, and the names the two share, fix what is
// spoken of; the report's name written where the memo's stands, with the same words beside it, is
// what the report says there. It stays silent unless exactly one name differs and exactly one of the
// report's names stands in its place.
import { lexicon } from '../lexicon';
import { type SentenceView } from '../reader/sentence';
import { type Token } from '../text/tokens';
import { type Echo, echoClaim, echoOverlap, indexOf, isContent, mainNegated, memoContentWords } from './echo';
import { type Verdict } from './verdict';

/** The share of the memo's weighed words, its differing name aside, the report's sentence must write. */
const swapShare = 0.6;
/** Fewest content words besides the names that the two share. */
const minimumShared = 4;
/** Sentences of a report beyond which a name is what the report is about. */
const namedThroughout = 3;
/** Tokens on each side of a name that say where it stands. */
const besideReach = 2;

interface NameRun {
  first: number;
  /** One past the last token. */
  last: number;
  words: string[];
}

/** The contradiction of the one name a memo sentence writes where a report sentence it echoes has another. */
export function nameSwapVerdicts(view: SentenceView): Verdict[] {
  const index = indexOf(view.kb);
  if (!index) return [];
  const names = memoNames(view);
  if (names.length < 2) return [];
  const { words, whole } = memoContentWords(view, index, new Set(names.flatMap((n) => n.words)));
  if (words.size < minimumShared) return [];
  const negated = mainNegated(view);
  const seen = new Set<number>();
  for (const w of words) for (const i of index.postings.get(w) ?? []) seen.add(i);
  const found: Verdict[] = [];
  for (const i of seen) {
    const echo = index.echoes[i];
    if (echo.negated !== negated) continue;
    const { weighed, shared } = echoOverlap(index, words, echo);
    if (shared < minimumShared || weighed / whole < swapShare) continue;
    const written = (w: string): boolean => echo.words.has(w) || echo.before.has(w);
    const odd = names.filter((n) => !n.words.every(written));
    // One name differs, and another the two share says the sentence is about the same thing. A name
    // its paragraph writes elsewhere may be what the report's sentence speaks of without naming it.
    if (odd.length !== 1 || odd.length === names.length) continue;
    // A name the report writes throughout is what it is about, named or not in this sentence.
    const counts = index.bySource.get(echo.source);
    const differing = odd[0].words.filter((w) => !written(w));
    const throughout = differing.every((w) => (counts?.get(w) ?? 0) > namedThroughout);
    if (throughout || differing.every((w) => echo.paragraph.has(w))) continue;
    const verdict = swapped(view, echo, odd[0]);
    if (verdict) found.push(verdict);
  }
  const sourced = new Set(found.map((v) => (v.detail.kind === 'entity' ? v.detail.sourced : '')));
  return sourced.size === 1 ? [found[0]] : [];
}

/** The memo's names outside its reporting frame, with their content words. */
function memoNames(view: SentenceView): NameRun[] {
  const out: NameRun[] = [];
  for (const e of view.entities) {
    if (e.weak || view.clauseAt(e.first).kind === 'reporting') continue;
    // "Canada and Mexico" read as one name is two: each may be the one the report writes otherwise.
    let first = e.first;
    for (let k = e.first; k <= e.last; k++) {
      if (k < e.last && !lexicon.conjunctions.has(view.words[k])) continue;
      // Without the article before it: "the Ostrava Trench" stands where the report's "Zenda Trench" does.
      while (first < k && !isContent(view.tokens[first])) first++;
      const words = view.tokens
        .slice(first, k)
        .filter(isContent)
        .map((t) => t.norm);
      if (words.length > 0) out.push({ first, last: k, words });
      first = k + 1;
    }
  }
  return out;
}

/** Runs of capitalised words in a report sentence that the memo does not write: its other names. */
function reportNames(echo: Echo, memoWords: ReadonlySet<string>): NameRun[] {
  const out: NameRun[] = [];
  const capital = (t: Token): boolean => /^\p{Lu}/u.test(t.raw) && isContent(t);
  for (let k = 0; k < echo.tokens.length; k++) {
    if (!capital(echo.tokens[k])) continue;
    let last = k + 1;
    while (last < echo.tokens.length && capital(echo.tokens[last])) last++;
    const words = echo.tokens.slice(k, last).map((t) => t.norm);
    if (!words.every((w) => memoWords.has(w))) out.push({ first: k, last, words });
    k = last - 1;
  }
  return out;
}

/** The lower-cased tokens on each side of a run, as written. */
function beside(tokens: readonly Token[], run: { first: number; last: number }): { left: string[]; right: string[] } {
  const left = tokens.slice(Math.max(0, run.first - besideReach), run.first).map((t) => t.lower);
  const right = tokens.slice(run.last, run.last + besideReach).map((t) => t.lower);
  return { left, right };
}

function swapped(view: SentenceView, echo: Echo, odd: NameRun): Verdict | undefined {
  const memoWords = new Set(view.tokens.filter(isContent).map((t) => t.norm));
  const mine = beside(view.tokens, odd);
  // The same two words before it, or the same content word right before or after it.
  const standsThere = (run: NameRun): boolean => {
    const theirs = beside(echo.tokens, run);
    const same = (a: string[], b: string[], at: number): boolean =>
      a.length === besideReach && b.length === besideReach && a[at] === b[at];
    const content = (w: string | undefined): boolean => w !== undefined && !lexicon.stopWords.has(w);
    return (
      (same(mine.left, theirs.left, 0) && same(mine.left, theirs.left, 1)) ||
      (content(mine.left.at(-1)) && mine.left.at(-1) === theirs.left.at(-1)) ||
      (content(mine.right[0]) && mine.right[0] === theirs.right[0])
    );
  };
  const candidates = reportNames(echo, memoWords).filter(standsThere);
  if (candidates.length !== 1) return undefined;
  const run = candidates[0];
  const sourcedText = echo.sentence.text.slice(echo.tokens[run.first].start, echo.tokens[run.last - 1].end);
  const start = view.tokens[odd.first].start;
  const end = view.tokens[odd.last - 1].end;
  const claim = echoClaim(
    echo,
    { kind: 'entity', entity: { value: sourcedText, kind: 'organisation', slot: 'any' } },
    ':name',
  );
  return {
    kind: 'contradicts',
    claim,
    start,
    end,
    coverage: 0,
    detail: { kind: 'entity', sourced: sourcedText, written: view.raw.slice(start, end), replacement: sourcedText },
  };
}
