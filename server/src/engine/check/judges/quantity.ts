// Figures: shares, counts, multiples, amounts, compared as intervals (hedges and bounds widen
// them, see the lexicon's hedgeIntervals). "14 of 27" is checked count and total; "50% faster" is a
// multiple of 1.5; "a majority of 27" answers a count of 14.
import { type QuantityValue } from '../../../knowledge/types';
import { type SentenceView } from '../../reader/sentence';
import {
  compareIntervals,
  mentionInterval,
  type NumberMention,
  type QuantifierMention,
  sameBoundOtherFigure,
  sourceInterval,
  type ValueMention,
} from '../../values';
import { boundValue } from '../binding';
import { type Candidate } from '../candidates';
import { type Verdict } from '../verdict';
import { matchCase, writeLike } from '../render';
import { comparandConflict } from './comparand';
import { agentOf } from '../../reader/agents';
import { lexicon } from '../../lexicon';

export function judgeQuantity(view: SentenceView, c: Candidate, all: readonly Candidate[]): Verdict | undefined {
  if (c.claim.value.kind !== 'quantity') return undefined;
  const q = c.claim.value.quantity;
  const aboutTop = c.property.some((p) => view.words.slice(p.first, p.last).includes('top'));
  const accept = (v: ValueMention): v is NumberMention =>
    v.kind === 'number' &&
    unitsFit(q, v) &&
    q.measure === v.measure &&
    !v.subset &&
    !!v.top === aboutTop &&
    !(q.unit === 'count' && v.fraction) &&
    // "the 3.4 GHz band": a whole count of things is not what a figure with decimals measures.
    !(q.unit === 'count' && Number.isInteger(q.value) && !Number.isInteger(v.value)) &&
    // A count equal to the sourced total ("Korea's 27 partners, 14 of them …") states the total, not the count.
    !(q.of !== undefined && v.value === q.of && v.of === undefined) &&
    !(q.of === undefined && v.of !== undefined && q.unit === 'count') &&
    !(q.unit === 'count' && countsAnotherNoun(view, c, v));
  // "14 of the 27 partners" states the total, 27, as well as the count.
  if (q.unit === 'count' && q.of === undefined) {
    const total = boundValue(
      view,
      c,
      all,
      (v): v is NumberMention => v.kind === 'number' && v.unit === 'count' && v.of !== undefined && !v.top,
    );
    // "Eight of Korea's 14 Indo-Pacific partners": a total that is another claim's part of this whole
    // ("14 of the 27") is that part, not this whole.
    const partOfThis = (n: number): boolean =>
      all.some(
        (o) =>
          o.claim.value.kind === 'quantity' &&
          o.claim.value.quantity.value === n &&
          o.claim.value.quantity.of === q.value,
      );
    // "25 of the 98 jurisdictions" (a claim: 25 of 98): the total is that claim's to judge, not this count's,
    // when that claim has the same whole or the same part.
    const wholeOfOther = (m: NumberMention): boolean =>
      all.some((o) => {
        const other = o.claim.value.kind === 'quantity' ? o.claim.value.quantity : undefined;
        return other?.of !== undefined && (other.of === m.of || other.value === m.value);
      });
    if (
      total &&
      total.value.ofStart !== undefined &&
      total.value.ofEnd !== undefined &&
      !partOfThis(total.value.of ?? NaN) &&
      !wholeOfOther(total.value)
    ) {
      const m = total.value;
      const asTotal: NumberMention = {
        ...m,
        value: m.of!,
        hedge: m.ofHedge ?? 'exact',
        of: undefined,
        start: m.ofStart!,
        end: m.ofEnd!,
        valueStart: m.ofStart!,
        valueEnd: m.ofEnd!,
        words: false,
      };
      return compareQuantity(view, c, asTotal, q);
    }
  }
  const found = boundValue(view, c, all, accept);
  // "exports grew 80%", "rose by 12 percent": a rate of change, not the level the claim gives.
  const bound = found && changeRate(view, found.value) && !aboutChange(view, c) ? undefined : found;
  if (found && !bound) return undefined;
  // "Japan and the US account for 30% of Korea's FDI in the region": a share of the claim's
  // whole, but another part of it than the claim's.
  if (bound && q.unit === 'percent' && anotherPart(view, c, bound.value)) return undefined;
  if (bound && q.unit === 'percent' && shareOfNarrowedPart(view, c, bound.value)) return undefined;
  if (bound && q.unit === 'percent' && shareOfModifiedPart(view, c, bound.value)) return undefined;
  // "Eight of the 14" where the source's part is 14: a share of that part, not the part.
  if (bound && q.unit === 'count' && q.of !== undefined && bound.value.of === q.value) return undefined;
  // "All 27 of Korea's partners", the source: 14 of the 27: a share in words, of the whole.
  const shareOfWhole: QuantityValue | undefined =
    q.unit === 'count' && q.of
      ? { value: Math.round((q.value / q.of) * 1000) / 10, unit: 'percent', approx: true }
      : undefined;
  const asShare = !bound && shareOfWhole ? shareOfWhole : q;
  if (!bound && asShare.unit === 'percent') {
    // "most of its natural gas", "nearly all", "less than half": a share in words.
    const word = boundValue(
      view,
      c,
      all,
      (v): v is QuantifierMention => v.kind === 'quantifier' && !v.frequency && !v.negated,
    );
    // A share in words of a count's whole quantifies the thing counted, written after it ("all 27 of the
    // partners"); "both times" after "two meetings" counts something else.
    const ofTheWhole = (m: QuantifierMention): boolean => {
      const after = view.tokenIndexAt(m.end);
      return c.property.some((p) => p.first >= after && p.first - after <= quantifiedReach);
    };
    if (word && (asShare === q || ofTheWhole(word.value))) {
      const m = word.value;
      const kind = compareIntervals(m.range, sourceInterval(asShare));
      const written = view.raw.slice(m.start, m.end);
      if (kind === 'contradicts') {
        return {
          kind,
          claim: c.claim,
          start: m.start,
          end: m.end,
          coverage: c.coverage,
          accounts: [m.start],
          detail: { kind: 'quantity', sourced: q, written },
        };
      }
      if (m.range.lo <= asShare.value && asShare.value <= m.range.hi) {
        return {
          kind: 'agrees',
          claim: c.claim,
          start: m.start,
          end: m.end,
          coverage: c.coverage,
          accounts: [m.start],
          detail: { kind: 'agrees' },
        };
      }
      return undefined;
    }
  }
  if (!bound) {
    // "14 of 27" also answers "more than half" or "about 52%".
    if (q.unit === 'count' && q.of) {
      const share = boundValue(
        view,
        c,
        all,
        (v): v is NumberMention => v.kind === 'number' && v.unit === 'percent' && !v.comparative,
      );
      if (share) return compareQuantity(view, c, share.value, shareOfWhole!);
    }
    return undefined;
  }
  return compareQuantity(view, c, bound.value, q);
}

/** Most tokens between a share in words and the thing it quantifies ("all 27 of Korea's partners"). */
const quantifiedReach = 6;

/**
 * "a two-track approach": a count hyphened to a noun counts that noun, unless it is the claim's own
 * or the compound describes the claim's own ("an eight-item agenda").
 */
function countsAnotherNoun(view: SentenceView, c: Candidate, v: NumberMention): boolean {
  if (view.text.charAt(v.valueEnd) !== '-') return false;
  const k = view.tokens.findIndex((t) => t.start === v.valueEnd + 1);
  const own = (j: number): boolean => c.property.some((p) => p.first <= j && j < p.last);
  return k >= 0 && !own(k) && !own(k + 1);
}

/** A figure right after a verb of change ("grew 80%", "rose by 12 percent", "up 5%"). */
function changeRate(view: SentenceView, m: NumberMention): boolean {
  const at = view.tokenIndexAt(m.start);
  // "grew to 56%", "fell from 10%": where the change ends or starts is a level.
  if (at > 0 && (view.words[at - 1] === 'to' || view.words[at - 1] === 'from')) return false;
  for (let k = Math.max(0, at - 2); k < at; k++) if (lexicon.changeWordStems.has(view.tokens[k].norm)) return true;
  return false;
}

/** The claim itself is about a change: its words say so ("growth", "increase"). */
function aboutChange(view: SentenceView, c: Candidate): boolean {
  return c.property.some((p) => view.tokens.slice(p.first, p.last).some((t) => lexicon.changeWordStems.has(t.norm)));
}

function anotherPart(view: SentenceView, c: Candidate, m: NumberMention): boolean {
  const at = view.tokenIndexAt(m.start);
  const agent = agentOf(view, at, at + 1);
  if (!agent || !['country', 'place'].includes(agent.mention.kind)) return false;
  // "The rounds North Korea has sent Moscow may amount to a quarter of …": two verbs between the name
  // and the figure; the name is the subject of a clause inside the subject, not the figure's.
  const verbish = (w: string): boolean =>
    lexicon.auxiliaries.has(w) || lexicon.finiteVerbs.has(w) || lexicon.copulas.has(w);
  let groups = 0;
  for (let k = agent.mention.last; k < at; k++) if (verbish(view.words[k]) && !verbish(view.words[k - 1])) groups++;
  if (groups >= 2) return false;
  // "…, potentially 40% of Russia's stockpile": a figure set off by a comma with no verb of its own
  // after it is an apposition, not what the clause's subject takes.
  let comma = at;
  while (comma > agent.mention.last && !view.gapBefore(comma).includes(',')) comma--;
  if (comma > agent.mention.last) {
    const { words } = view;
    const verbless = words
      .slice(comma, at)
      .every((w) => !lexicon.finiteVerbs.has(w) && !lexicon.copulas.has(w) && !lexicon.auxiliaries.has(w));
    if (verbless) return false;
  }
  const own = [...c.groups.values()].flat();
  return !agent.group.some((a) => own.some((o) => o.start < a.end && a.start < o.end));
}

/**
 * "About half of the crude oil shipped through the strait comes from X": the claim's own words
 * narrow the whole the share is of (a reduced relative or relative clause after it) and the sentence
 * goes on to say something else of that part. A share of a part, not the claim's share.
 */
function shareOfNarrowedPart(view: SentenceView, c: Candidate, m: NumberMention): boolean {
  const { words } = view;
  const of = view.tokens.findIndex((t) => t.start >= m.end);
  if (of < 0 || words[of] !== 'of') return false;
  const clause = view.clauseAt(of);
  // The whole is the claim's property written after "of"; the claim's other words come after it.
  const whole = c.property.find((p) => p.first > of && p.last <= clause.last);
  if (!whole) return false;
  // The phrase ends at the clause's end or its next comma ("… parked in the region, Seoul has …").
  const phraseEnd = view.phraseEndAfter(whole.last - 1, clause.last);
  const own = [...c.groups.values()].flat().filter((g) => g.first >= whole.last && g.last <= phraseEnd);
  if (own.length === 0) return false;
  const first = Math.min(...own.map((g) => g.first));
  const last = Math.max(...own.map((g) => g.last));
  const modifierOpens = words
    .slice(whole.last, first)
    .some(
      (w) =>
        lexicon.relativeWords.has(w) ||
        lexicon.reducedRelativeEndings.some((e) => w.endsWith(e) && w.length > e.length + 2),
    );
  if (!modifierOpens || last >= clause.last || /[,;:()–—]/.test(view.gapBefore(last))) return false;
  // What follows the claim's words is the sentence's own predicate, not more of the phrase.
  const next = words[last];
  return !lexicon.prepositions.has(next) && !lexicon.conjunctions.has(next) && !lexicon.determiners.has(next);
}

/**
 * "About half of Korea's Indo-Pacific-bound exports go to ASEAN states", or fronted, "Of Korea's
 * Indo-Pacific-bound exports, about half go to ASEAN states": the claim's words modify the whole, and
 * what follows names something the claim does not. A share of the claim's part, not the claim's share.
 */
function shareOfModifiedPart(view: SentenceView, c: Candidate, m: NumberMention): boolean {
  const at = view.tokenIndexAt(m.start);
  const clause = view.clauseAt(at);
  const next = view.tokens.findIndex((t) => t.start >= m.end);
  let of: number;
  let phraseEnd: number;
  if (next >= 0 && view.words[next] === 'of') {
    of = next;
    phraseEnd = clause.last;
  } else if (view.words[clause.first] === 'of' && at > clause.first && view.gapBefore(at).includes(',')) {
    of = clause.first;
    phraseEnd = at;
  } else return false;
  const whole = c.property.find((p) => p.first > of && p.last <= phraseEnd);
  if (!whole) return false;
  const own = [...c.groups.values()].flat();
  const before = own.filter((g) => g.first > of && g.last <= whole.first);
  const after = own.filter((g) => g.first >= whole.last && g.last <= clause.last);
  if (before.length === 0 || after.length > 0) return false;
  return view.entities.some(
    (e) =>
      !e.weak &&
      e.first >= (phraseEnd === at ? at : whole.last) &&
      e.last <= clause.last &&
      !own.some((g) => g.first <= e.first && e.last <= g.last),
  );
}

function unitsFit(q: QuantityValue, v: NumberMention): boolean {
  if (q.unit === 'times') return v.unit === 'times' || (v.unit === 'percent' && !!v.comparative);
  if (v.comparative) return false;
  if (q.unit === 'money') return v.unit === 'money' || (v.unit === 'count' && v.value >= 1000);
  return v.unit === q.unit;
}

/** The verdict of a sourced quantity on a number the sentence states. */
export function compareQuantity(
  view: SentenceView,
  c: Pick<Candidate, 'claim' | 'coverage'>,
  m: NumberMention,
  q: QuantityValue,
): Verdict {
  // "50% faster" is 1.5 times as fast.
  const stated =
    m.unit === 'percent' && q.unit === 'times'
      ? { lo: 1 + mentionInterval(m).lo / 100, hi: 1 + mentionInterval(m).hi / 100 }
      : mentionInterval(m);
  const scale = q.unit === 'money' && m.currency && q.currency && m.currency !== q.currency ? NaN : 1;
  let kind = Number.isNaN(scale) ? 'narrower' : compareIntervals(stated, sourceInterval(q));
  // "64%" where the source says "about 64%": the figure itself, stated more exactly than its hedge.
  if (kind === 'narrower' && !Number.isNaN(scale) && !q.bound && stated.lo <= q.value && q.value <= stated.hi) {
    kind = 'agrees';
  }
  if (!Number.isNaN(scale) && sameBoundOtherFigure(m, q)) kind = 'contradicts';
  const totalDiffers = q.of !== undefined && m.of !== undefined && m.of !== q.of && !m.ofHedge;
  if (totalDiffers) kind = 'contradicts';
  const claim = c.claim;
  const accounts = [m.start];
  if (kind !== 'contradicts') {
    const other = q.than ? comparandConflict(view, m, q.than) : undefined;
    if (other) {
      return {
        kind: 'contradicts',
        claim,
        start: other.start,
        end: other.end,
        coverage: c.coverage,
        accounts,
        detail: {
          kind: 'entity',
          sourced: view.kb.nameOf(q.than!),
          written: view.raw.slice(other.start, other.end),
          replacement: view.kb.nameOf(q.than!),
        },
      };
    }
    return kind === 'agrees'
      ? { kind, claim, start: m.start, end: m.end, coverage: c.coverage, accounts, detail: { kind: 'agrees' } }
      : {
          kind,
          claim,
          start: m.start,
          end: m.end,
          coverage: c.coverage,
          accounts,
          detail: { kind: 'quantity', sourced: q, written: view.raw.slice(m.start, m.end) },
        };
  }
  // "15 of Korea's 27": when only the count is wrong, only the count is marked and replaced; when
  // the total is wrong too, the whole stretch is, with both numbers replaced in place.
  const end = totalDiffers && m.ofEnd !== undefined ? m.ofEnd : m.end;
  const written = view.raw.slice(m.start, end);
  let replacement: string | undefined;
  // A bound in the source ("over 20") has no single value to write in; a unit the memo did not
  // use is written as the source has it.
  if (!q.bound) {
    const value = writeLike(view.raw, m, q.value, q.unit, q.currency);
    replacement = matchCase((m.hedge === 'exact' ? '' : q.approx ? 'about ' : '') + value, written);
    if (totalDiffers && m.ofStart !== undefined && q.of !== undefined) {
      replacement += view.raw.slice(m.end, m.ofStart) + String(q.of);
    }
  }
  return {
    kind: 'contradicts',
    claim,
    start: m.start,
    end,
    coverage: c.coverage,
    accounts,
    detail: { kind: 'quantity', sourced: q, written, replacement },
  };
}
