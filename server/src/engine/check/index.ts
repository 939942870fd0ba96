// Checks one sentence against the knowledge base: read it, find the claims it is about (identity
// before value), let each claim's judge compare, settle, render. Offsets in findings are offsets
// into the block text. When unsure it says nothing: a false alarm costs more trust than a miss.
import { type KnowledgeBase } from '../../knowledge/knowledgeBase';
import { emptyContext, type ParagraphContext, SentenceView } from '../reader/sentence';
import { negationsOver } from '../reader/polarity';
import { findTerms } from '../reader/terms';
import { type Token, tokenize } from '../text/tokens';
import { attributedReports } from './attribution';
import { type Candidate, findCandidates } from './candidates';
import { echoShareOf, echoVerdicts, neighbourWords } from './echo';
import { listSwapVerdicts } from './echoLists';
import { nameSwapVerdicts } from './echoNames';
import { judges } from './judges';
import { claimOfTerm } from './members';
import { wrongExpansions } from './names';
import { asWritten, type Finding, renderContradiction, renderSupport } from './render';
import { settle } from './settle';
import { type Verdict } from './verdict';

export type { Finding } from './render';

/** Longest sentence, in words, that is checked against the claims. */
const maxSentenceTokens = 250;

/** The run of `tokens` (sorted by offset) inside [start, end). */
function tokensWithin(tokens: readonly Token[], start: number, end: number): Token[] {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].start < start) lo = mid + 1;
    else hi = mid;
  }
  let last = lo;
  while (last < tokens.length && tokens[last].end <= end) last++;
  return tokens.slice(lo, last);
}

/** Reads the sentence `text.slice(start, end)` as the checker does. */
export function readSentence(
  kb: KnowledgeBase,
  text: string,
  start: number,
  end: number,
  raw: string = text,
  textTokens?: readonly Token[],
  context: ParagraphContext = emptyContext,
): SentenceView {
  const tokens = textTokens ? tokensWithin(textTokens, start, end) : tokenize(text.slice(start, end), start);
  return new SentenceView(kb, text, raw, start, end, tokens, findTerms(kb, tokens), context);
}

/** The verdicts on one sentence, before settling: for tests of single judges and for the eval. */
export function judgeSentence(view: SentenceView): Verdict[] {
  if (view.tokens.length === 0 || view.tokens.length > maxSentenceTokens || view.mood === 'question') return [];
  const candidates = findCandidates(view);
  const verdicts: Verdict[] = [];
  for (const c of candidates) {
    const v = judges[c.claim.value.kind](view, c, candidates);
    if (v && !negatedFigure(view, v)) verdicts.push(v);
    const extra = identityVerdict(view, c);
    if (extra) verdicts.push(extra);
  }
  const echoes = echoVerdicts(view);
  // A contradiction resting on a claim read from a report needs the sentence to say much of what the
  // report's sentence says: a few shared words ("cyber", "security") do not make one fact, and a
  // sentence echoing it with two figures otherwise states another fact.
  // A report sentence the memo echoes says more surely what its figure is than a claim read from
  // anchor words agreeing with the same words.
  const echoed = echoes.verdicts.filter((v) => v.kind === 'contradicts');
  const certain = verdicts.filter((v) => {
    if (v.kind === 'agrees' && v.claim.extracted) return !echoed.some((e) => e.start === v.start && e.end === v.end);
    if (v.kind !== 'contradicts' || !v.claim.extracted) return true;
    const said = v.claim.quote ?? v.claim.statement;
    if (echoes.otherFacts.has(said)) return false;
    // The report's own words, quoted or copied, are what it says, however its claims were read.
    if (plain(said).includes(plain(view.text.slice(view.start, view.end)))) return false;
    // A figure's own words ("million", "percent") say what is compared, not what it is about.
    // A figure's or a name's neighbouring facts may join it from the sentences beside it; a stance has
    // no value to tie it down.
    const figure = figureKinds.has(v.claim.value.kind);
    const valued = figure || v.claim.value.kind === 'entity';
    const neighbours = valued ? neighbourWords(view.kb, v.claim.source, said) : undefined;
    return echoShareOf(view, said, figure ? v : undefined, neighbours) >= reportEchoGate;
  });
  verdicts.length = 0;
  // "…, O'Neill estimates": what another report says is no contradiction of it.
  const attributed = attributedReports(view);
  const fromAttributed = (v: Verdict): boolean =>
    !attributed || v.kind !== 'contradicts' || !v.claim.extracted || attributed.has(v.claim.source);
  verdicts.push(
    ...[...certain, ...echoes.verdicts, ...nameSwapVerdicts(view), ...listSwapVerdicts(view)].filter(fromAttributed),
  );
  for (const e of wrongExpansions(view)) {
    const claim = claimOfTerm(view.kb, e.term.id);
    if (claim) {
      verdicts.push({
        kind: 'contradicts',
        claim,
        start: e.written.start,
        end: e.written.end,
        coverage: 0,
        detail: {
          kind: 'name',
          sourced: e.term.expansion!,
          written: view.raw.slice(e.written.start, e.written.end),
          replacement: e.term.expansion!,
        },
      });
    }
  }
  return verdicts;
}

/** The least share of a sentence's weighed words a report's sentence must write for a contradiction from it. */
const reportEchoGate = 0.25;

/** Text compared as words only: case, punctuation and spacing aside. */
const plain = (text: string): string =>
  tokenize(text)
    .map((t) => t.lower)
    .join(' ');

const figureKinds = new Set(['quantity', 'year', 'date', 'period', 'ordinal']);

/**
 * "was not announced in May 2021", "is not 40 times faster": a figure the sentence denies is
 * neither what it states (no support) nor a wrong value (the denial may well be true).
 */
function negatedFigure(view: SentenceView, v: Verdict): boolean {
  if (!figureKinds.has(v.claim.value.kind) || v.detail.kind === 'name' || v.detail.kind === 'swap') return false;
  const at = view.tokenIndexAt(v.start);
  return negationsOver(view.negations, at).filter((s) => s.core && !s.contrast).length % 2 === 1;
}

/** A name written with one word wrong, or the claim's roles swapped: contradictions of identity itself. */
function identityVerdict(view: SentenceView, c: Candidate): Verdict | undefined {
  if (c.nameError) {
    const n = c.nameError;
    return {
      kind: 'contradicts',
      claim: c.claim,
      start: n.mention.start,
      end: n.mention.end,
      coverage: c.coverage,
      detail: {
        kind: 'name',
        sourced: n.form,
        written: view.raw.slice(n.mention.start, n.mention.end),
        replacement: n.form,
      },
    };
  }
  if (c.attributeError) {
    const e = c.attributeError;
    return {
      kind: 'contradicts',
      claim: c.claim,
      start: e.start,
      end: e.end,
      coverage: c.coverage,
      detail: { kind: 'entity', sourced: e.sourced, written: view.raw.slice(e.start, e.end) },
    };
  }
  if (c.swapped) {
    const m = c.swapped.mention;
    return {
      kind: 'contradicts',
      claim: c.claim,
      start: m.start,
      end: m.end,
      coverage: c.coverage,
      detail: { kind: 'swap', sourced: view.kb.nameOf(c.swapped.expected), written: view.raw.slice(m.start, m.end) },
    };
  }
  return undefined;
}

/**
 * Checks the sentence `text.slice(start, end)`; offsets in findings are offsets into `text`.
 * `text` is prose with markup masked; `raw` is the same stretch as written, for messages and fixes.
 */
export function checkSentence(
  kb: KnowledgeBase,
  text: string,
  start: number,
  end: number,
  raw: string = text,
  textTokens?: readonly Token[],
  context?: ParagraphContext,
): Finding[] {
  return checkView(readSentence(kb, text, start, end, raw, textTokens, context));
}

/** The findings on a sentence already read (see checkSentence). */
export function checkView(view: SentenceView): Finding[] {
  const { text, raw } = view;
  const { contradictions, support } = settle(view, judgeSentence(view));
  const findings = [...contradictions.map(renderContradiction), ...support.map(renderSupport)];
  return findings.map((f) => asWritten(f, text, raw));
}
