// The year a figure is written for: "65% in 2021", "€515bn (2011)", "50th out of 175 countries in
// 2018", or the end of a change it stands at ("Between 2011 and 2021, imports grew from €515 billion
// to €844 billion": the first for 2011, the second for 2021). A report's claim and a memo's figure
// are read alike, so that a memo's figure for one year is never held to the claim of another.
import { lexicon } from '../lexicon';
import { type ValueMention } from '../values';
import { type SentenceView } from './sentence';

/** Where a figure is in a change: "increased 64 percent, from €515 billion (about $474 billion) to €844 billion". */
export interface Change {
  /** The change word's token: "increased", "jumped". */
  word: number;
  /** Where the figure is: what the change starts from, ends at, or by how much it changes. */
  side: 'from' | 'to' | 'by';
  /** Both ends are written ("from … to …"): a span of years in its clause is the change's. */
  paired: boolean;
}

/** Tokens between a figure and its change word: "grew 44 percent, from €407 billion ($374 billion) to". */
const maxChangeReach = 16;

/** Words of a figure's own noun ("countries", "large surface combatants") a year may follow. */
const maxOwnNoun = 3;

const valueTokensByView = new WeakMap<SentenceView, ReadonlySet<number>>();

/** The tokens of the sentence's values, read once per sentence (binding asks for them per value). */
export function valueTokensOf(view: SentenceView): ReadonlySet<number> {
  let out = valueTokensByView.get(view) as Set<number> | undefined;
  if (out) return out;
  out = new Set<number>();
  for (const v of view.values) {
    for (let k = view.tokenIndexAt(v.start); k < view.tokens.length && view.tokens[k].start < v.end; k++) out.add(k);
  }
  valueTokensByView.set(view, out);
  return out;
}

/**
 * The change a figure ends or starts: "from" right before it (past other figures), or "to" and,
 * further back in the sentence, its "from"; then, before "from", past figures, the change word. A
 * conversion in brackets after a figure ("(about $474 billion)") is on its side. "grew 44 percent"
 * is by how much; "increase to €17 billion" where a change ends, from no figure written.
 */
export function changeOf(view: SentenceView, v: ValueMention, valueTokens: ReadonlySet<number>): Change | undefined {
  if (v.kind !== 'number' && v.kind !== 'ordinal') return undefined;
  const isChange = (k: number): boolean => k >= 0 && lexicon.changeWordStems.has(view.tokens[k].norm);
  const before = (k: number): number => {
    while (k >= 0 && valueTokens.has(k)) k--;
    return k;
  };
  let k = before(view.tokenIndexAt(v.start) - 1);
  if (k < 0) return undefined;
  if (isChange(k)) return { word: k, side: 'by', paired: false };
  const side = view.words[k];
  if (side !== 'from' && side !== 'to') return undefined;
  if (side === 'to' && isChange(before(k - 1))) return { word: before(k - 1), side, paired: false };
  if (side === 'to') {
    const to = k;
    while (k >= 0 && to - k <= maxChangeReach && view.words[k] !== 'from' && !view.gapBefore(k + 1).includes(';')) k--;
    if (k < 0 || view.words[k] !== 'from') return undefined;
  }
  k = before(k - 1);
  return isChange(k) ? { word: k, side, paired: true } : undefined;
}

/**
 * "Between 2011 and 2021, imports … increased … from €515 billion to €844 billion": the figure a
 * change starts from holds for the first year of its span, the one it goes to for the last.
 */
export function yearOfChange(view: SentenceView, change: Change | undefined): number | undefined {
  if (!change?.paired) return undefined;
  const { first, last } = view.stretchAt(change.word);
  const years = view.values.filter((o) => {
    const k = view.tokenIndexAt(o.start);
    return o.kind === 'year' && k >= first && k < last;
  });
  for (let i = 0; i + 1 < years.length; i++) {
    const a = view.tokenIndexAt(years[i].start);
    const b = view.tokenIndexAt(years[i + 1].start);
    const opens = view.words[a - 1];
    const joins = view.words[b - 1];
    if (b - a === 2 && ((opens === 'between' && joins === 'and') || (opens === 'from' && joins === 'to'))) {
      const year = years[change.side === 'from' ? i : i + 1];
      return year.kind === 'year' ? year.year : undefined;
    }
  }
  return undefined;
}

/**
 * The token after a figure and its own noun, a plural ("50th out of 175 countries"; "40 joined in
 * 2019" is what was done in 2019), where a year for it is written.
 */
export function afterOwnNoun(view: SentenceView, v: ValueMention): number {
  const { last } = view.stretchAt(view.tokenIndexAt(v.start));
  let end = view.tokenIndexAt(v.end);
  let noun = end;
  for (let n = 0; n < maxOwnNoun && noun < last && isNounWord(view, noun) && !view.entityAt(noun); n++) {
    noun++;
    if (isPlural(view.words[noun - 1])) end = noun;
  }
  return end;
}

function isNounWord(view: SentenceView, k: number): boolean {
  const w = view.words[k];
  const c = view.tokens[k].raw.charAt(0);
  if (view.gapBefore(k).trim() !== '' || (c >= '0' && c <= '9')) return false;
  return !(
    lexicon.stopWords.has(w) ||
    lexicon.prepositions.has(w) ||
    lexicon.auxiliaries.has(w) ||
    lexicon.copulas.has(w) ||
    lexicon.conjunctions.has(w) ||
    lexicon.pronouns.has(w)
  );
}

function isPlural(word: string): boolean {
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss');
}

/**
 * The year written for a figure: right after it (and its own noun) after "in" or in brackets
 * ("€515bn (2011)"), or the end of a change's span it stands at.
 */
export function yearOfFigure(
  view: SentenceView,
  v: ValueMention,
  valueTokens: ReadonlySet<number>,
): number | undefined {
  const end = afterOwnNoun(view, v);
  for (const o of view.values) {
    if (o.kind !== 'year') continue;
    const k = view.tokenIndexAt(o.start);
    if ((k === end + 1 && o.preposition === 'in') || (k === end && view.gapBefore(k).trim() === '(')) return o.year;
  }
  return yearOfChange(view, changeOf(view, v, valueTokens));
}
