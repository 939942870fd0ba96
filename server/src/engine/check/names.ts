// Names written with one word wrong: "Tokyo Cyberspace Conference" for the Seoul one, "East China
// Sea" for the South China Sea, "the Moon government" for the Yoon government, "Naval War College"
// for the Army War College. Such a name stands for the known entity in identity matching (so the
// claim about it still applies), and the wrong word is what the finding marks. Also acronyms
// expanded wrongly in place: "ESIWA (Enhancing Security in Western Asia)".
import { type KnowledgeBase, nearMissMaxWords } from '../../knowledge/knowledgeBase';
import { type Term } from '../../knowledge/types';
import { lexicon } from '../lexicon';
import { type EntityMention, liesWithin } from '../reader/entities';
import { type SentenceView } from '../reader/sentence';
import { type Token, tokenize } from '../text/tokens';

export interface NameError {
  /** The name as the sentence writes it. */
  mention: EntityMention;
  /** The entity it nearly names, and the form it nearly is. */
  term: Term;
  form: string;
  /** The wrong word and the right one. */
  wrong: { start: number; end: number };
  right: string;
  /** Tokens of the right form, matched against claims in place of the written name. */
  asTokens: Token[];
}

export function nearMissNames(view: SentenceView): NameError[] {
  const kb = view.kb;
  if (kb.nearMissIndex.size === 0) return [];
  const { tokens } = view;
  const out: NameError[] = [];
  const linked = view.entities.filter((e) => e.id !== undefined);
  const keyWords = nearMissWordsOf(kb);
  for (let i = 0; i < tokens.length; i++) {
    // Words of the window that appear in no key: a window with two of them matches no key, nor does
    // any longer one, and with one of them only that word can be the wrong one.
    let strangers = keyWords.has(tokens[i].norm) ? 0 : 1;
    let stranger = strangers ? 0 : -1;
    for (let len = 2; len <= nearMissMaxWords && i + len <= tokens.length; len++) {
      // One name: no punctuation but hyphens and apostrophes inside the window, and dots only
      // between initials ("U.S.").
      const gap = view.gapBefore(i + len - 1);
      // A comma only where the name itself has one ("Strategy of Freedom, Peace and Prosperity").
      if (
        len > 1 &&
        !/^[\s\-–'’s]*$/.test(gap) &&
        !(gap === '.' && tokens[i + len - 2].raw.length === 1) &&
        !/^,\s$/.test(gap)
      ) {
        break;
      }
      if (!keyWords.has(tokens[i + len - 1].norm)) {
        strangers++;
        stranger = len - 1;
      }
      if (strangers > 1) break;
      for (let k = strangers === 1 ? stranger : 0; k < (strangers === 1 ? stranger + 1 : len); k++) {
        const t = tokens[i + k];
        if (!/^\p{Lu}/u.test(t.raw) || t.raw.length < 2) continue;
        const key = tokens
          .slice(i, i + len)
          .map((x, j) => (j === k ? '*' : x.norm))
          .join(' ');
        const entries = kb.nearMissIndex.get(key);
        if (!entries) continue;
        for (const entry of entries) {
          const formTokens = tokenize(entry.form);
          const right = formTokens[entry.open];
          let commasAgree = true;
          for (let j = 1; j < len && commasAgree; j++) {
            const formGap = entry.form.slice(formTokens[j - 1].end, formTokens[j].start);
            commasAgree = view.gapBefore(i + j).includes(',') === formGap.includes(',');
          }
          if (!commasAgree) continue;
          if (right.norm === t.norm || right.upper || t.upper) continue;
          // The other words are written as the name writes them: "mark North" is no "Mark Manantan".
          if (
            formTokens.some((f, j) => j !== k && /^\p{Lu}/u.test(f.raw) && !/^\p{Lu}/u.test(tokens[i + j]?.raw ?? ''))
          ) {
            continue;
          }
          // The word written belongs to another known entity of this kind ("Seoul conference" is the
          // Seoul Cyberspace Conference, not a wrong "Prague conference").
          // In a long title a word of another title is still a garbled name ("… of Freedom, Peace and Security").
          const owners = formWordsOf(kb).get(entry.term.kind)?.get(t.norm);
          if (len < 4 && owners && [...owners].some((o) => o !== entry.term)) continue;
          // The word written instead must itself be a name, not a common word ("the new Conference").
          if (lexicon.stopWords.has(t.lower) || lexicon.otherInstance.has(t.lower)) continue;
          // "Eastoria's Cyber Strategy": an owner written with its possessive is another's, not a typo.
          if (/^['’]s\b/.test(view.text.slice(t.end, t.end + 3))) continue;
          // The sentence writes the right word elsewhere ("the Budapest Conference on Cyberspace, which
          // preceded the Seoul meeting"): it tells the two apart, so the name is another's.
          // A title word of another person's name ("President Biden") tells nothing apart.
          const inLongerName = (j: number): boolean =>
            view.entities.some((e) => e.first <= j && j < e.last && e.last - e.first > 1);
          const writtenElsewhere = tokens.some(
            (x, j) => (j < i || j >= i + len) && x.norm === right.norm && /^\p{Lu}/u.test(x.raw) && !inLongerName(j),
          );
          if (writtenElsewhere) continue;
          // The name goes on past the form ("the London Conference on Cyberspace" against "Prague
          // conference"): a longer proper name is another's, not this one garbled.
          if (nameGoesOn(view, i + len)) continue;
          // A known entity of this very name is what it is ("North Korea" is not a wrong "South Korea"
          // when the glossary knows North Korea), and a form of the entity itself is no error
          // ("South Korean" for South Korea).
          const start = tokens[i].start;
          const end = tokens[i + len - 1].end;
          if (
            linked.some(
              (e) => e.start <= start && e.end >= end && e.term !== entry.term && e.end - e.start >= end - start,
            )
          ) {
            continue;
          }
          const atWrong = linked.find((e) => e.start <= t.start && t.end <= e.end);
          // A shorter form of it inside the window is fine: "Indo-Pacific Strategy" begins "Indo-Pacific
          // Strategy of Freedom, Peace and Security".
          if (
            atWrong?.term === entry.term ||
            linked.some(
              (e) =>
                e.term === entry.term &&
                e.start < end &&
                start < e.end &&
                !(
                  e.start >= start &&
                  e.end <= end &&
                  e.end - e.start < end - start &&
                  !(e.start <= t.start && t.end <= e.end)
                ),
            )
          ) {
            continue;
          }
          // One word wrong in a long title is a garbled name; in a short one only when the word
          // written is itself another place or name ("Tokyo Cyberspace Conference"), or the name is
          // a leader's ("the Moon government").
          // …of the same kind as the word it replaces: a city for a city, a person for a person
          // ("Korea-Pacific" is no wrong "Indo-Pacific": "Indo" names nothing on its own).
          const rightTerm = kb.termMatcher.matchLongest([right]).map((m) => m.value)[0];
          const kindOf = (k: string | undefined): string => (k === 'country' || k === 'place' ? 'place' : (k ?? ''));
          const otherName =
            atWrong !== undefined &&
            ['place', 'country', 'person', 'organisation'].includes(atWrong.kind) &&
            rightTerm !== undefined &&
            kindOf(rightTerm.kind) === kindOf(atWrong.kind);
          const leaderNamed =
            len === 2 && tokens.slice(i, i + len).some((x, j) => j !== k && lexicon.leaderNamedHeads.has(x.lower));
          if (len < 4 && !otherName && !leaderNamed) continue;
          // "the consulate in Hawaii" for the one in Honolulu: a place holding the right one is less exact, not wrong.
          if (otherName && atWrong.id && rightTerm && liesWithin(kb, rightTerm.id, atWrong.id)) continue;
          // "Global Conference on Cyberspace" is another series than the Seoul one: a place in the
          // name can only be wrongly replaced by another place.
          const rightIsPlace = kb.termMatcher
            .matchLongest([right])
            .some((m) => m.value.kind === 'place' || m.value.kind === 'country');
          if (rightIsPlace && !otherName) continue;
          const mention: EntityMention = {
            term: entry.term,
            id: entry.term.id,
            kind: entry.term.kind,
            first: i,
            last: i + len,
            start,
            end,
            countries: [],
            possessive: false,
          };
          out.push({
            mention,
            term: entry.term,
            form: entry.form,
            wrong: { start: t.start, end: t.end },
            right: right.raw,
            asTokens: shiftTokens(formTokens, tokens[i]),
          });
        }
      }
    }
  }
  return out;
}

/** Every word that a near-miss key spells out (the keys' other words, the wildcard aside). */
const nearMissWordsByKb = new WeakMap<KnowledgeBase, Set<string>>();
function nearMissWordsOf(kb: KnowledgeBase): Set<string> {
  let words = nearMissWordsByKb.get(kb);
  if (words) return words;
  words = new Set();
  for (const key of kb.nearMissIndex.keys()) for (const word of key.split(' ')) if (word !== '*') words.add(word);
  nearMissWordsByKb.set(kb, words);
  return words;
}

/**
 * For each kind of term, the word stems of its terms' forms and the terms that have them: built once
 * per knowledge base (a scan of every term per name in every sentence took seconds at 10,000 sources).
 */
const formWordsByKb = new WeakMap<KnowledgeBase, Map<string, Map<string, Set<Term>>>>();
function formWordsOf(kb: KnowledgeBase): Map<string, Map<string, Set<Term>>> {
  let byKind = formWordsByKb.get(kb);
  if (byKind) return byKind;
  byKind = new Map();
  for (const term of kb.terms) {
    let words = byKind.get(term.kind);
    if (!words) byKind.set(term.kind, (words = new Map()));
    for (const form of kb.formsOf(term.id)) {
      for (const x of tokenize(form)) {
        let owners = words.get(x.norm);
        if (!owners) words.set(x.norm, (owners = new Set()));
        owners.add(term);
      }
    }
  }
  formWordsByKb.set(kb, byKind);
  return byKind;
}

/** The form's tokens placed where the written name stands, so that matches land on the sentence. */
function shiftTokens(formTokens: Token[], at: Token): Token[] {
  return formTokens.map((t) => ({ ...t, start: at.start, end: at.end }));
}

export interface ExpansionError {
  term: Term;
  /** The expansion as written. */
  written: { start: number; end: number };
}

/**
 * "ESIWA (Enhancing Security in Western Asia)" or "Enhancing Security in Western Asia (ESIWA)": an
 * expansion written in place that is none of the acronym's known forms, and differs from them in a
 * word that matters (not only in "the", plurals or hyphens).
 */
export function wrongExpansions(view: SentenceView): ExpansionError[] {
  const out: ExpansionError[] = [];
  const { text, tokens } = view;
  for (let e of view.entities) {
    const term = e.term;
    if (!term || term.kind !== 'acronym' || !term.expansion) continue;
    // The acronym itself, also when a longer alias matched ("ESIWA) project", "the EU's ESIWA").
    let at = e.first;
    while (at < e.last && tokens[at].raw !== term.term && tokens[at].raw.replace(/s$/, '') !== term.term) at++;
    if (at === e.last) continue;
    e = { ...e, start: tokens[at].start, end: tokens[at].end, first: at, last: at + 1 };
    // "ACRONYM (expansion)", also past the kind of thing it is: "the ESIWA project (…)".
    const kind = tokens[at + 1];
    const kindWord =
      kind !== undefined &&
      view.gapBefore(at + 1) === ' ' &&
      kind.raw === kind.lower &&
      (lexicon.collectionNounStems.has(kind.norm) || lexicon.instanceNounStems.has(kind.norm));
    const bracketFrom = kindWord ? kind.end : e.end;
    const after = /^\s*\(([^()]{6,120})\)/.exec(text.slice(bracketFrom, bracketFrom + 130));
    let candidate: { start: number; end: number } | undefined;
    if (after) {
      const start = bracketFrom + after[0].indexOf('(') + 1;
      candidate = { start, end: start + after[1].length };
    } else {
      // "expansion (ACRONYM)": the capitalised words right before the bracket.
      const open = text.lastIndexOf('(', e.start);
      if (
        open >= 0 &&
        text.slice(open + 1, e.start).trim() === '' &&
        text
          .slice(e.end, e.end + 2)
          .trim()
          .startsWith(')')
      ) {
        let k = view.tokenIndexAt(open) - 1;
        const last = k;
        // Capitalised words, or as many words as the acronym has letters ("official development
        // assistance (ODA)"), with the small words between them.
        const letters = term.term.replace(/[^\p{Lu}]/gu, '').length;
        let words = 0;
        const joiner = (w: string): boolean => ['of', 'and', 'in', 'with', 'for', 'the', 'on'].includes(w);
        while (
          k >= 0 &&
          (k === last || !/[,;:.()\u0022“”]|['’]s/.test(view.gapBefore(k + 1))) &&
          (/^\p{Lu}/u.test(tokens[k].raw) || joiner(tokens[k].lower) || words < letters)
        ) {
          if (!joiner(tokens[k].lower)) words++;
          k--;
        }
        while (k + 1 < last && joiner(tokens[k + 1].lower)) k++;
        if (last - k >= 2) candidate = { start: tokens[k + 1].start, end: tokens[last].end };
      }
    }
    if (!candidate) continue;
    // An expansion spells its acronym: the capitals of "Enhancing Security in Western Asia" give
    // ESIWA; "S.J. Kim" before "(INSS)" is no expansion at all.
    const initials = text
      .slice(candidate.start, candidate.end)
      .split(/[^\p{L}]+/u)
      .filter(Boolean)
      .map((w) => w[0].toUpperCase())
      .join('');
    if (!spells(initials, term.term.replace(/[^\p{Lu}]/gu, ''))) continue;
    const stated = contentStems(text.slice(candidate.start, candidate.end));
    if (stated.length < 2) continue;
    const forms = [term.expansion, ...term.aliases].map(contentStems).filter((f) => f.length >= 2);
    const matchesSome = forms.some((f) => f.every((w) => stated.includes(w)) && stated.every((w) => f.includes(w)));
    if (matchesSome) continue;
    // Only a real difference counts: some word of the statement is in no known form, and the known
    // expansion has a word the statement lacks.
    const known = new Set(forms.flat());
    const expansion = contentStems(term.expansion);
    if (stated.some((w) => !known.has(w)) && expansion.some((w) => !stated.includes(w))) {
      out.push({ term, written: candidate });
    }
  }
  return out;
}

/** Whether the letters of `acronym` appear in `initials` in order, all but one at most. */
function spells(initials: string, acronym: string): boolean {
  let k = 0;
  for (const c of initials) if (c === acronym[k]) k++;
  return acronym.length >= 2 && k >= acronym.length - 1;
}

function contentStems(phrase: string): string[] {
  return tokenize(phrase)
    .map((t) => t.norm)
    .filter((w) => !lexicon.stopWords.has(w) && w !== 'with' && w !== 'and');
}

/** Whether a capitalised name continues at token `at` through a name's inner word ("… on Cyberspace"). */
function nameGoesOn(view: SentenceView, at: number): boolean {
  const joiner = view.tokens[at];
  const next = view.tokens[at + 1];
  if (!joiner || !next || view.gapBefore(at).trim() !== '' || view.gapBefore(at + 1).trim() !== '') return false;
  return (
    lexicon.nameFillerWords.has(joiner.lower) &&
    !lexicon.conjunctions.has(joiner.lower) &&
    joiner.lower !== 'the' &&
    /^\p{Lu}/u.test(next.raw)
  );
}
