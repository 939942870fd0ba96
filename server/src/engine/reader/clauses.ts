// A sentence's clauses, as token ranges: the main clause, relative clauses (", who …"),
// parentheticals ("(…)", "— … —"), a briefing label ("Attendance: …"), clauses opened by "while" or
// "but", and reporting frames (", Kim wrote", "according to the findings"). Values, agents and
// negations are looked for within the clause of the words a claim is about.
import { lexicon, phraseAt, phraseBefore } from '../lexicon';
import { isDigit, type Token } from '../text/tokens';

type ClauseKind = 'main' | 'relative' | 'parenthetical' | 'label' | 'reporting' | 'subordinate';

export interface Clause {
  first: number;
  /** One past the last token. */
  last: number;
  kind: ClauseKind;
  /** A main clause that goes on after a relative clause, a bracket or a frame interrupted it. */
  continues?: boolean;
}

/**
 * A comma before token k that ends no clause: one grouping thousands ("7,000") or between a date's
 * day and its year ("March 3, 2021").
 */
function groupingComma(text: string, tokens: readonly Token[], k: number): boolean {
  const gap = gapBefore(text, tokens, k);
  if (gap === ',' && isDigit(tokens[k - 1].raw.at(-1)) && isDigit(tokens[k].raw.charAt(0))) return true;
  return (
    gap.trim() === ',' &&
    /^\d{4}$/.test(tokens[k].raw) &&
    /^\d{1,2}(st|nd|rd|th)?$/.test(tokens[k - 1].raw) &&
    k >= 2 &&
    tokens[k - 2].lower in lexicon.months
  );
}

/** The text between token k-1 and token k. */
function gapBefore(text: string, tokens: readonly Token[], k: number): string {
  return k <= 0 ? '' : text.slice(tokens[k - 1].end, tokens[k].start);
}

export function splitClauses(text: string, tokens: readonly Token[], words: readonly string[]): Clause[] {
  const n = tokens.length;
  if (n === 0) return [];
  // A briefing label ("Event date (Washington time): …", "Host: …"): everything before a colon
  // early in the sentence is one label clause.
  let labelEnd = 0;
  for (let k = 1; k < Math.min(n, 9); k++) {
    const gap = gapBefore(text, tokens, k);
    if (gap.includes(':') && !/^\d+$/.test(tokens[k].raw + tokens[k - 1].raw)) {
      labelEnd = k;
      break;
    }
    if (/[.;]/.test(gap)) break;
  }
  const breaks: { at: number; kind: ClauseKind; continues?: boolean; dashed?: boolean }[] = [
    { at: 0, kind: labelEnd > 0 ? 'label' : 'main' },
  ];
  if (labelEnd > 0) breaks.push({ at: labelEnd, kind: 'main' });
  let depth = 0;
  for (let k = Math.max(1, labelEnd + 1); k < n; k++) {
    const gap = gapBefore(text, tokens, k);
    if (groupingComma(text, tokens, k)) continue;
    if (gap.includes('(') || gap.includes('[')) {
      depth++;
      breaks.push({ at: k, kind: 'parenthetical' });
      continue;
    }
    if ((gap.includes(')') || gap.includes(']')) && depth > 0) {
      depth--;
      breaks.push({ at: k, kind: 'main', continues: true });
      continue;
    }
    // "The summit — held, for delegates in Lisbon, on 3 March — drew …": a pair of dashes
    // sets off an aside in the clause, which goes on after the second.
    const dash = /\s[—–]\s|—/;
    if (dash.test(gap) && depth === 0 && !gap.includes(';')) {
      const open = breaks[breaks.length - 1];
      if (open.kind === 'parenthetical' && open.dashed) {
        breaks.push({ at: k, kind: 'main', continues: true });
        continue;
      }
      const closing = tokens.findIndex((_t, j) => j > k && dash.test(gapBefore(text, tokens, j)));
      if (
        closing > k &&
        !tokens.slice(k + 1, closing + 1).some((_t, j) => /[;|]/.test(gapBefore(text, tokens, k + 1 + j)))
      ) {
        breaks.push({ at: k, kind: 'parenthetical', dashed: true });
        continue;
      }
    }
    // "Asia date: Oct 28 | US date: Oct 27": a bar separates cells as a semicolon does.
    if (gap.includes(';') || gap.includes('|') || dash.test(gap)) {
      breaks.push({ at: k, kind: 'main' });
      continue;
    }
    if (gap.includes(':')) {
      breaks.push({ at: k, kind: 'main' });
      continue;
    }
    const w = words[k];
    if (gap.includes(',')) {
      // ", which …", and ", at which …", ", among whom …".
      const prepositional = lexicon.prepositions.has(w) && (words[k + 1] === 'which' || words[k + 1] === 'whom');
      if ((lexicon.relativeWords.has(w) && w !== 'that') || prepositional) {
        breaks.push({ at: k, kind: 'relative' });
        continue;
      }
      const attribution = phraseAt(lexicon.attributionPhrases, words, k);
      const afterRelative = breaks[breaks.length - 1].kind === 'relative';
      if (attribution || isReportingFrame(text, tokens, words, k, afterRelative)) {
        breaks.push({ at: k, kind: 'reporting' });
        // "In an op-ed, Lami Kim argues that the EU …": what follows "that" is what is reported.
        const that = attribution ? -1 : words.indexOf('that', k);
        // Not a cleft split by a frame: "It is regulators, the panel argued, that push …".
        const unbroken = (j: number): boolean =>
          j <= k || ![...',;:()'].some((ch) => gapBefore(text, tokens, j).includes(ch));
        const whole = that > k && Array.from({ length: that - k + 1 }, (_x, i) => k + i).every(unbroken);
        if (whole && that <= k + 6 && lexicon.reportingVerbs.has(words[that - 1]) && that + 1 < n) {
          breaks.push({ at: that + 1, kind: 'main' });
          k = that + 1;
        }
        continue;
      }
      if (lexicon.clauseBreakWords.has(w)) {
        breaks.push({ at: k, kind: 'subordinate' });
        continue;
      }
      // ", and the strategy's emphasis … should …": a second clause with its own subject.
      // ", and both allies have applied …": a subject of up to three words, then an auxiliary.
      const subjectThenAux = [2, 3, 4].some(
        (j) =>
          k + j < n &&
          lexicon.finiteVerbs.has(words[k + j]) &&
          !words.slice(k + 1, k + j).some((x) => lexicon.prepositions.has(x) || lexicon.finiteVerbs.has(x)),
      );
      if (
        (w === 'and' || w === 'so' || w === 'but') &&
        k + 1 < n &&
        (subjectThenAux ||
          lexicon.clauseSubjectOpeners.has(words[k + 1]) ||
          (/^\p{Lu}/u.test(tokens[k + 1].raw) && lexicon.reportingVerbs.has(words[k + 2] ?? '')))
      ) {
        breaks.push({ at: k, kind: 'main' });
        continue;
      }
      // "6G, though still nascent, is expected to …": a concessive set off by commas after the subject
      // interrupts the main clause, which goes on with its verb after the closing comma ("ZTE, though
      // not Huawei, is …" sets one name against another and stays as it is), or with the infinitive its
      // verb takes ("expected 6G, while still at an early stage, to run …").
      const open = breaks[breaks.length - 1];
      if (
        open.kind === 'subordinate' &&
        open.at > 0 &&
        !lexicon.negations.has(words[open.at + 1] ?? '') &&
        gapBefore(text, tokens, open.at).includes(',') &&
        (lexicon.auxiliaries.has(w) || lexicon.finiteVerbs.has(w) || lexicon.infinitiveMarkers.has(w))
      ) {
        open.kind = 'parenthetical';
        breaks.push({ at: k, kind: 'main', continues: true });
        continue;
      }
      // The clause a relative clause interrupted goes on after its closing comma; not after a comma
      // inside a name run with "and" ("who heads the Women, Peace and Security programme, was …").
      const closing = breaks[breaks.length - 1].kind === 'relative' || breaks[breaks.length - 1].kind === 'reporting';
      if (closing && !(breaks[breaks.length - 1].kind === 'relative' && namesRunOn(text, tokens, words, k))) {
        breaks.push({ at: k, kind: 'main', continues: true });
        continue;
      }
    } else if (
      lexicon.clauseBreakWords.has(w) &&
      (w === 'while' || w === 'whereas' || w === 'although' || w === 'though' || w === 'whilst')
    ) {
      breaks.push({ at: k, kind: 'subordinate' });
    }
  }
  // "Whereas X does A, Y does B": the clause a subordinator opens ends at its first comma. So does
  // a fronted phrase about another event: "After the change of government in May 2022, …", and a
  // fronted purpose: "To mark the anniversary, …" (not "To be tabled by X, the resolution …", whose
  // clause speaks of the subject).
  if (
    lexicon.clauseBreakWords.has(words[0]) ||
    lexicon.frontedSubordinators.has(words[0]) ||
    phraseAt(lexicon.sequenceOpeners, words, 0) ||
    (phraseAt(lexicon.purposeOpeners, words, 0) && !lexicon.auxiliaries.has(words[1] ?? '')) ||
    phraseAt(lexicon.hypotheticalCues, words, 0)
  ) {
    breaks[0].kind = 'subordinate';
    const comma = tokens.findIndex(
      (_t, k) =>
        k > 3 &&
        gapBefore(text, tokens, k).includes(',') &&
        !gapBefore(text, tokens, k).includes('(') &&
        !groupingComma(text, tokens, k),
    );
    if (comma > 0 && !breaks.some((b) => b.at === comma)) {
      breaks.push({ at: comma, kind: 'main' });
      breaks.sort((a, b) => a.at - b.at);
    }
  }
  // "According to the findings, …" at the start.
  if (phraseAt(lexicon.attributionPhrases, words, 0)) {
    const comma = tokens.findIndex((_t, k) => k > 0 && gapBefore(text, tokens, k).includes(','));
    if (comma > 0) {
      breaks[0].kind = 'reporting';
      if (!breaks.some((b) => b.at === comma)) breaks.push({ at: comma, kind: 'main' });
      breaks.sort((a, b) => a.at - b.at);
    }
  }
  // "Kim also notes that …", "Dr Lee argues that …" at the start: a name that reports what follows.
  const frameEnd = openingReportFrame(text, tokens, words);
  if (frameEnd > 0 && breaks[0].kind === 'main' && !breaks.some((b) => b.at > 0 && b.at < frameEnd)) {
    breaks[0].kind = 'reporting';
    if (!breaks.some((b) => b.at === frameEnd)) breaks.push({ at: frameEnd, kind: 'main' });
    breaks.sort((a, b) => a.at - b.at);
  }
  const clauses: Clause[] = [];
  for (let b = 0; b < breaks.length; b++) {
    const last = b + 1 < breaks.length ? breaks[b + 1].at : n;
    if (last > breaks[b].at) {
      clauses.push({ first: breaks[b].at, last, kind: breaks[b].kind, continues: breaks[b].continues });
    }
  }
  return clauses;
}

/**
 * ", Kim wrote", ", the findings said", ", Pacific Forum said", ", organizers said": a short stretch
 * after a comma that ends the sentence (or the next comma) with a reporting verb.
 */
function isReportingFrame(
  text: string,
  tokens: readonly Token[],
  words: readonly string[],
  k: number,
  afterRelative: boolean,
): boolean {
  // "the session, held on …, was framed as a public event": a stretch opening with an auxiliary is
  // the predicate of the subject before the comma, not someone reporting. So is one opening with its
  // verb after a relative clause: "Mark Manantan, who directs …, presented as one of the panelists".
  if (lexicon.auxiliaries.has(words[k])) return false;
  if (afterRelative && lexicon.reportingVerbs.has(words[k])) return false;
  // ", as Kim notes", ", as the findings put it": "as" frames only a name or a determiner's phrase,
  // not ", as transit points for …".
  if (words[k] === 'as' && k + 1 < tokens.length) {
    const next = tokens[k + 1];
    const initial = next.raw.charAt(0);
    const named = initial !== initial.toLowerCase();
    if (!named && !lexicon.determiners.has(next.lower) && !lexicon.pronouns.has(next.lower)) return false;
  }
  for (let j = k; j < Math.min(tokens.length, k + 5); j++) {
    if (j > k && /[,;:(]/.test(gapBefore(text, tokens, j))) return false;
    if (!lexicon.reportingVerbs.has(words[j])) continue;
    // "…, in the United States, …": a capitalised word inside a name is no verb.
    if (j > k && /^\p{Lu}/u.test(tokens[j].raw) && /^\p{Lu}/u.test(tokens[j - 1].raw)) continue;
    // "…, to the point that …": a reporting word after an article is a noun.
    if (j > k && lexicon.determiners.has(words[j - 1])) continue;
    // "…, such support was treated as a tool": a passive verb is the clause's predicate ("it was
    // argued" still reports).
    let before = j - 1;
    const adverb = (w: string): boolean =>
      w.endsWith('ly') || lexicon.hedgeAdverbs.has(w) || (lexicon.auxiliaries.has(w) && !lexicon.copulas.has(w));
    while (before > k && adverb(words[before])) before--;
    if (before >= k && before < j && lexicon.copulas.has(words[before]) && words[k] !== 'it') return false;
    // "…, policymakers must contend with …": a verb under a modal of duty is what the clause
    // says someone must do, not who reports it.
    if (phraseBefore(lexicon.recommendCues, words, j)) return false;
    // "…, Kim points to a 5,000-ton destroyer project": what the verb takes is what is reported.
    if (phraseAt(lexicon.reportingVerbsWithObject, words, j)) return false;
    // "the group said to have breached …", "a firm reported to be …": a report's passive with its
    // infinitive describes the noun before it; nobody is said to report.
    if (words[j + 1] === 'to' && gapBefore(text, tokens, j + 1).trim() === '' && j > k) return false;
    // The frame ends right after its verb (or its verb and one more word: "the findings said so").
    const after = j + 1 < tokens.length ? gapBefore(text, tokens, j + 1) : '.';
    const next = j + 2 < tokens.length ? gapBefore(text, tokens, j + 2) : '.';
    // "…, Kim wrote in a 2023 commentary": a phrase after the verb still belongs to the frame.
    return (
      j + 1 >= tokens.length ||
      /[,;:)]/.test(after) ||
      j + 2 >= tokens.length ||
      /[,;:)]/.test(next) ||
      words[j + 1] === 'that' ||
      lexicon.prepositions.has(words[j + 1])
    );
  }
  return false;
}

/**
 * The clause holding token `i` with what interrupts it and its continuation: "The views set out,
 * the document cautions, belong to the speakers" is one stretch for finding what the views are.
 */
export function stretchAt(clauses: readonly Clause[], i: number): { first: number; last: number } {
  let n = clauses.findIndex((c) => i >= c.first && i < c.last);
  if (n < 0) return { first: 0, last: 0 };
  // Back to the main clause this one interrupts or continues.
  while (
    n > 0 &&
    (clauses[n].continues ||
      clauses[n].kind === 'relative' ||
      clauses[n].kind === 'reporting' ||
      clauses[n].kind === 'parenthetical')
  ) {
    n--;
  }
  let m = n;
  while (
    m + 1 < clauses.length &&
    (clauses[m + 1].continues ||
      clauses[m + 1].kind === 'relative' ||
      clauses[m + 1].kind === 'reporting' ||
      clauses[m + 1].kind === 'parenthetical')
  ) {
    m++;
  }
  // A briefing label speaks of what follows it; a subordinate clause opening the sentence, of the
  // main clause after it ("Since 6G is …, smart cities …").
  if (n === 1 && (clauses[0].kind === 'label' || clauses[0].kind === 'subordinate')) n = 0;
  return { first: clauses[n].first, last: clauses[m].last };
}

/** The clause holding token `i`. */
export function clauseAt(clauses: readonly Clause[], i: number): Clause {
  for (const c of clauses) if (i >= c.first && i < c.last) return c;
  return clauses[clauses.length - 1] ?? { first: 0, last: 0, kind: 'main' };
}

/**
 * Where the main clause begins after an opening "<Name> (also) <reporting verb> that": capitalised
 * words of a name (an honorific allowed), an adverb or two, the verb, then "that". 0 when none.
 */
function openingReportFrame(text: string, tokens: readonly Token[], words: readonly string[]): number {
  const proposition = openingPropositionFrame(text, tokens, words);
  if (proposition > 0) return proposition;
  for (let k = 1; k < Math.min(words.length - 2, 6); k++) {
    // "Pacific Forum is explicit that …": a copula and an adjective of saying frame as a verb does.
    const said = lexicon.copulas.has(words[k]) && lexicon.reportingAdjectives.has(words[k + 1]) ? k + 1 : k;
    if (said === k && !lexicon.reportingVerbs.has(words[k])) continue;
    const that = thatAfterPlace(text, tokens, words, said + 1);
    if (that < 0) continue;
    const name = tokens.slice(0, k).filter((t) => /^\p{Lu}/u.test(t.raw));
    const rest = words.slice(0, k).filter((_w, i) => !/^\p{Lu}/u.test(tokens[i].raw));
    if (name.length === 0 || !rest.every((w) => lexicon.hedgeAdverbs.has(w) || w === 'also' || w === 's')) return 0;
    return that + 1;
  }
  return 0;
}

/**
 * The "that" of a reporting verb, at k or after a short phrase saying where it was said ("argued in
 * a 2023 commentary that …"): a preposition, a few words without punctuation, then "that". -1 when none.
 */
function thatAfterPlace(text: string, tokens: readonly Token[], words: readonly string[], k: number): number {
  if (words[k] === 'that') return k;
  if (!lexicon.prepositions.has(words[k] ?? '')) return -1;
  for (let j = k + 1; j < Math.min(words.length - 1, k + 6); j++) {
    if ([...',;:()'].some((ch) => gapBefore(text, tokens, j).includes(ch))) return -1;
    if (words[j] === 'that') return j;
  }
  return -1;
}

/**
 * "It is Kim's contention that …", "Kim's view is that …": a name's proposition noun frames the
 * clause after "that" as what the name says. Where that clause begins, or 0.
 */
function openingPropositionFrame(text: string, tokens: readonly Token[], words: readonly string[]): number {
  const cleft = words[0] === 'it' && lexicon.copulas.has(words[1] ?? '') ? 2 : 0;
  let k = cleft;
  while (k < Math.min(words.length - 1, cleft + 4) && /^\p{Lu}/u.test(tokens[k].raw)) k++;
  const possessive = k > cleft && ["'s ", '’s '].includes(text.slice(tokens[k - 1].end, tokens[k].start));
  if (!possessive || !lexicon.propositionNouns.has(words[k])) return 0;
  let that = k + 1;
  if (cleft === 0 && lexicon.copulas.has(words[that] ?? '')) that++;
  return words[that] === 'that' ? that + 1 : 0;
}

/**
 * A present participle that can open a clause of its own ("…, giving Brussels a stake", "…, offering
 * only a summary"), not a preposition ending in -ing ("including", "following").
 */
export function isParticiple(words: readonly string[], k: number): boolean {
  const w = words[k] ?? '';
  if (!w.endsWith('ing') || w.length < 6) return false;
  return !lexicon.prepositions.has(w) && !phraseAt(lexicon.elaborationCues, words, k);
}

/** Whether the comma before token k parts capitalised words of a run that "and" or "or" closes. */
function namesRunOn(text: string, tokens: readonly Token[], words: readonly string[], k: number): boolean {
  const capital = (j: number): boolean => j < tokens.length && tokens[j].raw.charAt(0) !== tokens[j].lower.charAt(0);
  if (!capital(k) || !capital(k - 1)) return false;
  for (let j = k + 1; j + 1 < tokens.length; j++) {
    if (gapBefore(text, tokens, j).includes(',')) return false;
    if ((words[j] === 'and' || words[j] === 'or') && capital(j + 1)) return true;
  }
  return false;
}
