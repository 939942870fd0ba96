// One sentence as the checker reads it: its words, the things it names, the values it states, its
// clauses and negations, who it is attributed to, and whether it reports, recommends or asks.
// Built once per sentence; the parts only some claims need (values, entities) are read on first use.
import { type KnowledgeBase } from '../../knowledge/knowledgeBase';
import { type Term } from '../../knowledge/types';
import { lexicon, phraseAt } from '../lexicon';
import { type PhraseMatch } from '../text/phraseMatcher';
import { type Token } from '../text/tokens';
import { extractValues, type ValueMention } from '../values';
import { isReferenceYear } from './authorDate';
import { type Clause, clauseAt, splitClauses, stretchAt } from './clauses';
import { type EntityMention, findEntities } from './entities';
import { findNegations, type NegationScope } from './polarity';
import { linkSurnames } from './surnames';

export type Mood = 'reports' | 'recommends' | 'question';

/** What earlier sentences of the paragraph were about (glossary ids), and the keys the sentence cites. */
export interface ParagraphContext {
  ids: ReadonlySet<string>;
  cited?: ReadonlySet<string>;
  /** The same ids in the order they were written, the latest last: "that strategy" is the last one named. */
  recent?: readonly string[];
  /** The word stems of the sentence before, in the same paragraph: what "It was held …" speaks of. */
  previous?: ReadonlySet<string>;
}

export const emptyContext: ParagraphContext = { ids: new Set() };

export class SentenceView {
  readonly words: string[];
  private valuesMemo?: ValueMention[];
  private entitiesMemo?: EntityMention[];
  private clausesMemo?: Clause[];
  private moodMemo?: Mood;
  private negationsMemo?: NegationScope[];

  constructor(
    readonly kb: KnowledgeBase,
    /** The block's prose with markup masked; offsets below are offsets into it. */
    readonly text: string,
    /** The same stretch as written, for messages and fixes. */
    readonly raw: string,
    readonly start: number,
    readonly end: number,
    readonly tokens: readonly Token[],
    readonly terms: readonly PhraseMatch<Term>[],
    readonly context: ParagraphContext = emptyContext,
  ) {
    this.words = tokens.map((t) => t.lower);
  }

  get values(): ValueMention[] {
    if (!this.valuesMemo) {
      const sentence = this.text.slice(this.start, this.end);
      const local =
        this.start === 0
          ? this.tokens
          : this.tokens.map((t) => ({ ...t, start: t.start - this.start, end: t.end - this.start }));
      // "(Kim, 2025)": the year of a reference the sentence cites is no value of what it says.
      this.valuesMemo = extractValues(sentence, local)
        .map((v) => shift(v, this.start))
        .filter((v) => v.kind !== 'year' || !isReferenceYear(this.text, this.tokens, this.tokenIndexAt(v.start)));
    }
    return this.valuesMemo;
  }

  get entities(): EntityMention[] {
    if (!this.entitiesMemo) {
      this.entitiesMemo = findEntities(this.text, this.tokens, this.terms, 0);
      linkSurnames(this.kb, this.words, this.entitiesMemo, this.context);
    }
    return this.entitiesMemo;
  }

  get clauses(): Clause[] {
    return (this.clausesMemo ??= splitClauses(this.text, this.tokens, this.words));
  }

  get negations(): NegationScope[] {
    return (this.negationsMemo ??= findNegations(this.text, this.tokens, this.words, this.clauses));
  }

  clauseAt(i: number): Clause {
    return clauseAt(this.clauses, i);
  }

  /** The clause holding token i, with the clauses that interrupt or continue it. */
  stretchAt(i: number): { first: number; last: number } {
    return stretchAt(this.clauses, i);
  }

  /** A question asks; a sentence in the memo's own voice with "should" recommends. */
  get mood(): Mood {
    return (this.moodMemo ??= this.readMood());
  }

  private readMood(): Mood {
    const after = this.text.slice(this.end - 1, this.end + 2);
    if (after.includes('?')) return 'question';
    for (let i = 0; i < this.words.length; i++) {
      if (!phraseAt(lexicon.recommendCues, this.words, i)) continue;
      const clause = this.clauseAt(i);
      if (clause.kind !== 'reporting' && !holdsPost(this, i, clause.last)) return 'recommends';
    }
    return 'reports';
  }

  /** Token index of the first token at or after `offset` (a binary search). */
  tokenIndexAt(offset: number): number {
    let lo = 0;
    let hi = this.tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.tokens[mid].start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The first token after `from`, before `last`, that a comma, colon, bracket or dash sets off; else `last`. */
  phraseEndAfter(from: number, last: number): number {
    let k = from + 1;
    while (k < last && ![...',;:()–—'].some((mark) => this.gapBefore(k).includes(mark))) k++;
    return Math.min(k, last);
  }

  /** The text between token k-1 and token k. */
  gapBefore(k: number): string {
    if (k <= 0 || k >= this.tokens.length) return '';
    return this.text.slice(this.tokens[k - 1].end, this.tokens[k].start);
  }

  /** The entity mention covering token i, if any. */
  entityAt(i: number): EntityMention | undefined {
    return this.entities.find((m) => m.first <= i && i < m.last);
  }
}

function shift<T extends ValueMention>(v: T, by: number): T {
  if (by === 0) return v;
  const out = { ...v, start: v.start + by, end: v.end + by };
  if (out.kind === 'number') {
    out.valueStart += by;
    out.valueEnd += by;
    if (out.ofStart !== undefined) out.ofStart += by;
    if (out.ofEnd !== undefined) out.ofEnd += by;
  }
  return out;
}

/**
 * "Kim advises the Ministry of Foreign Affairs on science": a verb for a post with a body as its
 * object and no "to" or "that" after it says what someone does, not what should be done.
 */
function holdsPost(view: SentenceView, i: number, clauseEnd: number): boolean {
  const { words } = view;
  if (!(words[i] in lexicon.headVerbs)) return false;
  let j = lexicon.determiners.has(words[i + 1] ?? '') ? i + 2 : i + 1;
  // "advised the fourth and fifth UN GGE": which rounds of the body come before its name.
  const ordinalAt = (k: number): boolean =>
    view.tokens[k] !== undefined &&
    view.values.some((v) => v.kind === 'ordinal' && v.start <= view.tokens[k].start && view.tokens[k].end <= v.end);
  while (ordinalAt(j) || (lexicon.conjunctions.has(words[j] ?? '') && ordinalAt(j + 1))) j++;
  const object = view.entityAt(j);
  if (!object || object.first !== j || object.kind === 'person') return false;
  for (let k = object.last; k < clauseEnd; k++) if (words[k] === 'to' || words[k] === 'that') return false;
  return true;
}
