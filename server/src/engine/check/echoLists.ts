// A memo sentence that echoes one sentence of a report and writes the same list of three or more
// items with one item otherwise ("GPS jamming, drone incursions and trash-filled balloons" where the
// report has "GPS jamming, noise blasts and trash-filled balloons") lists a wrong member: the other
// items, in the same list, and the words around it fix what is spoken of. It stays silent unless
// exactly one item of each list is unmatched, the report's list is not one given as examples
// ("such as", "including"), and neither item's words are written anywhere in the other sentence.
import { lexicon, phraseAt } from '../lexicon';
import { type SentenceView } from '../reader/sentence';
import { isDigit, type Token } from '../text/tokens';
import { type Echo, echoClaim, echoOverlap, indexOf, isContent, mainNegated, memoContentWords } from './echo';
import { type Verdict } from './verdict';

/** Fewest items of a list compared this way: two items and one of them otherwise is too little to go on. */
const minimumItems = 3;
/** Most content words of one item (a longer stretch is a clause, not a list's member). */
const longestItem = 4;
/** The share of the memo's weighed words outside its list that the report's sentence must write. */
const listShare = 0.4;
/** Fewest content words outside the lists that the two share. */
const minimumShared = 3;

interface Item {
  /** Token indexes: first, one past the last. */
  first: number;
  last: number;
  words: string[];
}

/** The contradiction of the one list item a memo sentence writes where a report sentence it echoes lists another. */
export function listSwapVerdicts(view: SentenceView): Verdict[] {
  const index = indexOf(view.kb);
  if (!index) return [];
  const inView = view.tokens.map((t) => t.start >= view.start && t.end <= view.end);
  const lists = listsIn(view.tokens, (k) => view.gapBefore(k), inView);
  if (lists.length === 0) return [];
  const negated = mainNegated(view);
  const found: Verdict[] = [];
  for (const list of lists) {
    const listed = new Set(list.flatMap((it) => it.words));
    const { words, whole } = memoContentWords(view, index, listed);
    if (words.size < minimumShared) continue;
    const seen = new Set<number>();
    for (const w of listed) for (const i of index.postings.get(w) ?? []) seen.add(i);
    for (const i of seen) {
      const echo = index.echoes[i];
      if (echo.negated !== negated) continue;
      const { weighed, shared } = echoOverlap(index, words, echo);
      if (shared < minimumShared || weighed / whole < listShare) continue;
      const verdict = swappedItem(view, echo, list);
      if (verdict) found.push(verdict);
    }
  }
  const sourced = new Set(found.map((v) => (v.detail.kind === 'set' ? v.detail.written : '')));
  return found.length > 0 && sourced.size === 1 ? [found[0]] : [];
}

/** Runs of three or more short items joined by commas and a closing "and"/"or". */
function listsIn(tokens: readonly Token[], gapBefore: (k: number) => string, usable: readonly boolean[]): Item[][] {
  const words = tokens.map((t) => t.lower);
  // Segments between commas, semicolons and joiners; a list is a run of short ones, ended by the
  // one after its joiner ("…, and C": the empty stretch between the comma and "and" is none).
  const lists: Item[][] = [];
  let run: Item[] = [];
  const close = (): void => {
    if (run.length >= minimumItems) lists.push(run);
    run = [];
  };
  let first = 0;
  let joined = false;
  for (let k = 1; k <= tokens.length; k++) {
    const end = k === tokens.length;
    const gap = end ? '' : gapBefore(k);
    const joiner = end ? undefined : phraseAt(lexicon.listJoiners, words, k);
    if (!end && !/[,;:()]/.test(gap) && !joiner) continue;
    // "2,023 Koreans": a comma that groups a figure's thousands parts nothing.
    if (gap === ',' && isDigit(tokens[k - 1].raw.at(-1)) && isDigit(tokens[k].raw[0])) continue;
    const all: number[] = [];
    for (let j = first; j < k; j++) if (usable[j]) all.push(j);
    const content = all.filter((j) => isContent(tokens[j]));
    if (content.length === 0) {
      // Nothing between a comma and "and": the next segment is still the joined one.
    } else if (joined) {
      // The last item ends where the clause goes on: "… and cargo drones to move their goods",
      // "…, Ericsson and Nokia provide …" (a name ends it).
      const upTo = all.findIndex((j, i) => i > 0 && lexicon.prepositions.has(words[j]));
      const own = upTo > 0 ? content.filter((j) => j < all[upTo]) : content;
      const name = leadingName(tokens, content);
      const last = own.length > 0 && own.length <= longestItem ? own : name;
      if (last.length > 0 && last.length <= longestItem) run.push(item(tokens, last, last[last.length - 1] + 1));
      close();
    } else {
      // An item before a comma: what follows the segment's last preposition ("… have turned to night
      // ferries, …"); a long segment may end in a list's first item.
      let from = all.length - 1;
      while (from >= 0 && !lexicon.prepositions.has(words[all[from]])) from--;
      const own = from >= 0 ? content.filter((j) => j > all[from]) : content;
      if (own.length === 0 || own.length > longestItem || /[:()]/.test(gap)) {
        close();
        if (own.length > 0 && own.length <= longestItem && !/[:()]/.test(gap)) run.push(item(tokens, own, k));
      } else {
        if (own.length < content.length && run.length > 0) close();
        run.push(item(tokens, own, k));
      }
    }
    if (content.length > 0 || joiner) joined = joiner !== undefined;
    first = joiner ? k + joiner.words.length : k;
    if (joiner) k += joiner.words.length - 1;
  }
  close();
  return lists;
}

/** The capitalised words that open a stretch (its content words' indexes). */
function leadingName(tokens: readonly Token[], content: number[]): number[] {
  const out: number[] = [];
  for (const j of content) {
    if (!/^\p{Lu}/u.test(tokens[j].raw) || (out.length > 0 && j !== out[out.length - 1] + 1)) break;
    out.push(j);
  }
  return out.length <= longestItem ? out : [];
}

function item(tokens: readonly Token[], content: number[], last: number): Item {
  return { first: content[0], last, words: content.map((j) => tokens[j].norm) };
}

/** A report sentence's lists, read once: many memo sentences may echo it. */
const listsOfEcho = new WeakMap<Echo, Item[][]>();
function reportLists(echo: Echo): Item[][] {
  let lists = listsOfEcho.get(echo);
  if (!lists) {
    const { tokens } = echo;
    const gap = (k: number): string => echo.sentence.text.slice(tokens[k - 1].end, tokens[k].start);
    lists = listsIn(
      tokens,
      gap,
      tokens.map(() => true),
    );
    listsOfEcho.set(echo, lists);
  }
  return lists;
}

/** The memo's list against the echo's lists: one item each unmatched, the rest matched. */
function swappedItem(view: SentenceView, echo: Echo, list: Item[]): Verdict | undefined {
  const theirs = reportLists(echo);
  const memoWords = new Set(view.tokens.filter(isContent).map((t) => t.norm));
  // One item is the other's when most of the shorter one's words are in it ("using GPS jamming" and
  // "deploying GPS jamming").
  const matches = (a: Item, b: Item): boolean => {
    const common = a.words.filter((w) => b.words.includes(w)).length;
    return common > 0 && common * 2 >= Math.min(a.words.length, b.words.length);
  };
  for (const whole of theirs) {
    // Lists end alike ("…, B and C"); a phrase before the first comma ("In closed networks, A, B and
    // C") may have been read as an item: the two are compared over their last items.
    if (givenAsExamples(echo, whole[0].first)) continue;
    let n = Math.min(whole.length, list.length);
    const unmatched = (n: number): { odd: Item[]; rest: Item[] } => {
      const mine = list.slice(-n);
      const other = whole.slice(-n);
      return {
        odd: mine.filter((it) => !other.some((o) => matches(it, o))),
        rest: other.filter((o) => !mine.some((it) => matches(it, o))),
      };
    };
    while (n > minimumItems && unmatched(n).odd.length > 1) n--;
    const mine = list.slice(-n);
    const other = whole.slice(-n);
    const { odd, rest } = unmatched(n);
    if (odd.length !== 1 || rest.length !== 1) continue;
    // Neither item is written in the other sentence, nor the memo's anywhere in the report's paragraph.
    if (rest[0].words.some((w) => memoWords.has(w))) continue;
    if (odd[0].words.some((w) => echo.words.has(w) || echo.paragraph.has(w))) continue;
    const text = echo.sentence.text;
    // An item as the report writes it, from its first word the memo's item shares ("GPS jamming", not
    // "deploying GPS jamming").
    const sourcedOf = (it: Item): string => {
      const twin = mine.find((m) => matches(m, it));
      let first = it.first;
      while (twin && first < it.last - 1 && !twin.words.includes(echo.tokens[first].norm)) first++;
      return text.slice(echo.tokens[first].start, echo.tokens[it.last - 1].end);
    };
    const start = view.tokens[odd[0].first].start;
    const end = view.tokens[odd[0].last - 1].end;
    return {
      kind: 'contradicts',
      claim: echoClaim(
        echo,
        { kind: 'entity', entity: { value: sourcedOf(rest[0]), kind: 'organisation', slot: 'any' } },
        ':list',
      ),
      start,
      end,
      coverage: 0,
      detail: { kind: 'set', sourced: other.map(sourcedOf), written: view.raw.slice(start, end), problem: 'foreign' },
    };
  }
  return undefined;
}

/** "such as A, B and C", "including A, B and C": examples, which another may join. */
function givenAsExamples(echo: Echo, first: number): boolean {
  const words = echo.tokens.map((t) => t.lower);
  for (let k = Math.max(0, first - 3); k < first; k++) if (phraseAt(lexicon.elaborationCues, words, k)) return true;
  return false;
}
