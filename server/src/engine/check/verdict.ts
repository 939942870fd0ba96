// What a judge says of one claim and one sentence. Verdicts are typed; render.ts turns them into
// the messages and replacements users see, in one place.
import { type Claim, type DateValue, type QuantityValue } from '../../knowledge/types';
import { type Span } from '../lexicon';

/** agrees: the sentence states the claim; contradicts: it states something the claim rules out;
 * narrower: it states more than the claim says (a day where the source gives a month), so the claim
 * neither supports nor contradicts it. */
export type VerdictKind = 'agrees' | 'contradicts' | 'narrower';

export type VerdictDetail =
  | { kind: 'quantity'; sourced: QuantityValue; written: string; replacement?: string }
  /** `zone`: the name of the place whose calendar the sourced date is in. */
  | { kind: 'date'; sourced: DateValue; written: string; replacement?: string; zone?: string }
  | { kind: 'period'; sourced: { from: number; to: number }; written: string; replacement?: string }
  | { kind: 'ordinal'; sourced: number; written: string; replacement?: string }
  | { kind: 'quantifier'; sourced: string; range: Span; written: string }
  | { kind: 'stance'; written: string }
  | { kind: 'preference'; preferred: string[]; over: string[]; written: string }
  | { kind: 'entity'; sourced: string; written: string; replacement?: string }
  /** The sentence names someone as the author of a source it cites that others wrote. */
  | { kind: 'author'; sourced: string; written: string }
  | { kind: 'set'; sourced: string[]; written: string; problem: 'foreign' | 'missing' | 'excluded' | 'only' }
  | { kind: 'role'; person: string; sourced: string; written: string; holder?: { claim: Claim; person: string } }
  | { kind: 'name'; sourced: string; written: string; replacement: string }
  | { kind: 'swap'; sourced: string; written: string }
  | { kind: 'agrees' };

export interface Verdict {
  kind: VerdictKind;
  claim: Claim;
  /** Offsets of the words judged: the stated value, or the words that state the claim. */
  start: number;
  end: number;
  detail: VerdictDetail;
  /** Tokens of the sentence the claim's identity covers: ranks the sources that support it. */
  coverage: number;
  /** Value mentions this verdict accounts for (their start offsets): a sentence is supported only
   * when every value it states is accounted for by an agreeing verdict. */
  accounts?: number[];
  /** The sentence names another instance of the claim's thing ("the fourth session" opening it,
   * the source's is the third): the verdicts on claims about the same thing are dropped. */
  otherInstance?: true;
}

/**
 * A verdict of candidate `c` on the words at `at` (a value mention, or from a list's first member to
 * its last); `accounts` lists the value mentions it settles.
 */
export function verdictOn(
  kind: VerdictKind,
  c: { claim: Claim; coverage: number },
  at: { start: number; end: number },
  detail: VerdictDetail,
  accounts?: number[],
): Verdict {
  const settled = accounts ? { accounts } : {};
  return { kind, claim: c.claim, start: at.start, end: at.end, coverage: c.coverage, ...settled, detail };
}
