// Preferences: the source puts one thing over another ("favored Samsung, Ericsson and Nokia over
// Huawei and ZTE"; "openness and inclusion, not competition"). The sentence's sides come from its
// contrast ("X over Y", "prefer X to Y", "X rather than Y", "not Y but X", "X, not Y") and from
// rejection words ("'comprehensive security' framing rejected"). The same sides agree; swapped
// sides contradict.
import { lexicon } from '../../lexicon';
import { negationsOver } from '../../reader/polarity';
import { predicatesIn } from '../../reader/predicates';
import { type SentenceView } from '../../reader/sentence';
import { type PhraseMatch } from '../../text/phraseMatcher';
import { tokenize } from '../../text/tokens';
import { type Candidate } from '../candidates';
import { membersIn } from '../members';
import { type Verdict } from '../verdict';

export function judgePreference(view: SentenceView, c: Candidate): Verdict | undefined {
  if (c.claim.value.kind !== 'preference') return undefined;
  const { preferred, over } = c.claim.value.preference;
  const claim = c.claim;
  const own = view.clauseAt(c.property[0]?.first ?? 0);
  // "• Chief concern: X — ranked ahead of Y": what a label names, the rest of the sentence says.
  const clause = own.kind === 'label' && view.clauses[0] === own ? { first: own.first, last: view.tokens.length } : own;
  // A side's word inside a longer known name ("resilience" of "Grid Resilience Strategy") is the name's.
  const insideName = (m: PhraseMatch<number>): boolean =>
    view.entities.some(
      (e) => e.id !== undefined && e.start <= m.start && m.end <= e.end && e.end - e.start > m.end - m.start,
    );
  const inClause = (m: PhraseMatch<number>): boolean => {
    if (insideName(m)) return false;
    const k = view.clauseAt(m.first);
    if (m.first >= clause.first && m.last <= clause.last) return true;
    return view.clauses[0]?.kind === 'label' && (k === view.clauses[0] || k === view.clauses[1]);
  };
  const pref = membersIn(
    view,
    preferred.map((p) => [p]),
  ).filter(inClause);
  const dis = membersIn(
    view,
    over.map((p) => [p]),
  ).filter(inClause);
  if (pref.length === 0 && dis.length === 0) return undefined;
  const isDeterminer = (k: number): boolean => lexicon.determiners.has(view.words[k]);
  // The first set-aside marker after a prefer verb (or anywhere): items after it are set aside.
  let marker = -1;
  for (let k = clause.first; k < clause.last; k++) {
    const w = view.words[k];
    if (lexicon.setAsideMarkers.has(w) && !(w === 'than' && view.words[k - 1] !== 'rather')) {
      marker = k;
      break;
    }
    // "prefer X to Y": the "to" of a prefer verb, with a side right after it ("seem to have relied on X" is none).
    const sideAfter = (): boolean =>
      [...pref, ...dis].some((m) => m.first === k + 1 || (m.first === k + 2 && isDeterminer(k + 1)));
    if (w === 'to' && sideAfter() && view.words.slice(clause.first, k).some((x) => lexicon.preferenceVerbs.has(x))) {
      marker = k;
      break;
    }
  }
  // "X is a greater worry than Y" sets Y aside up to the next comma (or the colon of a label: "Bigger
  // worry than Y: X"); "X is a lesser worry than Y", X.
  let markerEnd = clause.last;
  let lesser = -1;
  if (marker < 0) {
    for (let k = clause.first + 1; k < clause.last; k++) {
      if (view.words[k] !== 'than') continue;
      const before = view.words.slice(Math.max(clause.first, k - comparativeReach), k);
      if (before.some((w) => lexicon.lesserComparatives.has(w))) lesser = k;
      else if (before.some((w) => lexicon.greaterComparatives.has(w))) marker = k;
      else continue;
      markerEnd = k + 1;
      while (markerEnd < clause.last && !/[,:;]/.test(view.gapBefore(markerEnd))) markerEnd++;
      break;
    }
  }
  const rejected = (m: PhraseMatch<number>): boolean => {
    const near = predicatesIn(view, Math.max(clause.first, m.first - 3), Math.min(clause.last, m.last + 3), 'support');
    return near.some((h) => h.polarity === -1);
  };
  // "with X a secondary issue", "treating X as secondary": a side ranked below the other one.
  const rankedSecondary = (m: PhraseMatch<number>): boolean => {
    for (let k = m.last; k < Math.min(view.tokens.length, m.last + secondaryReach); k++) {
      if ([...pref, ...dis].some((o) => o !== m && o.first === k)) return false;
      if (lexicon.secondaryWords.has(view.words[k])) return true;
    }
    return false;
  };
  const side = (m: PhraseMatch<number>): 1 | -1 => {
    if (negationsOver(view.negations, m.first).length % 2 === 1) return -1;
    if (marker >= 0 && m.first > marker && m.first < markerEnd) return -1;
    if (lesser >= 0) return m.first > lesser && m.first < markerEnd ? 1 : -1;
    if (rejected(m)) return -1;
    if (rankedSecondary(m)) return -1;
    return 1;
  };
  const prefSides = pref.map(side);
  const disSides = dis.map(side);
  const span = (m: PhraseMatch<number>): { start: number; end: number } => ({ start: m.start, end: m.end });
  // A side of named things is named in full ("Samsung, Ericsson and Nokia"); a side of wordings by
  // its first one, which the knowledge base lists first as its own words.
  const sideNames = (side: readonly string[]): string[] =>
    side.every((p) => view.kb.termById.has(p)) ? side.map((p) => view.kb.nameOf(p)) : [view.kb.nameOf(side[0])];
  const preferredNames = sideNames(preferred);
  const overNames = sideNames(over);
  // With only the set-aside side written, the marker must follow it at once: "military security
  // over everything" puts it first; "military planning for a conflict over Taiwan" does not.
  const putFirst = dis.some((m, i) => disSides[i] === 1 && marker >= m.last && marker - m.last <= 1);
  // "Kim describes comprehensive security as fundamentally a military concept": the preferred side
  // said to be the one set aside.
  const equated = pref.some(
    (p, i) => prefSides[i] === 1 && dis.some((d, j) => disSides[j] === 1 && equates(view, p.last, d.first)),
  );
  // "Security in the strategy is conceived first and foremost as a military matter": the set-aside
  // side given as what the thing is taken to be, the preferred one not said.
  // The thing construed is what the sides are kinds of ("security" of "comprehensive security").
  const sideStems = new Set([...preferred, ...over].flatMap((p) => tokenize(view.kb.nameOf(p)).map((t) => t.norm)));
  const construed =
    !prefSides.includes(1) && dis.some((d, j) => disSides[j] === 1 && construedAs(view, d.first, d.last, sideStems));
  // "a competition-first approach": a side glued to "first" is put first.
  const putFirstByName = (m: PhraseMatch<number>): boolean =>
    view.words[m.last] === 'first' && view.gapBefore(m.last) === '-' && side(m) === 1;
  const swapped =
    equated ||
    construed ||
    (dis.some(putFirstByName) && !pref.some(putFirstByName)) ||
    (disSides.includes(1) && (prefSides.includes(-1) || (prefSides.length === 0 && putFirst))) ||
    (prefSides.includes(-1) && dis.length === 0 && (rejected(pref[prefSides.indexOf(-1)]) || marker >= 0)) ||
    // "advanced economies have favored Huawei and ZTE": only the side set aside, as what is chosen.
    (pref.length === 0 &&
      dis.length > 0 &&
      disSides.every((d) => d === 1) &&
      preferVerbBefore(view, clause.first, dis[0].first));
  const same =
    (pref.some(putFirstByName) && !dis.some(putFirstByName)) ||
    (prefSides.includes(1) &&
      (disSides.includes(-1) || (dis.length === 0 && hasPreferVerb(view, clause.first, clause.last))));
  if (swapped && !same) {
    // The stretch that puts the wrong one first: "Huawei over Samsung".
    const wrong = [dis[disSides.indexOf(1)], pref[prefSides.indexOf(-1)]].filter(
      (m): m is PhraseMatch<number> => m !== undefined,
    );
    const start = Math.min(...wrong.map((m) => m.start));
    const end = Math.max(...wrong.map((m) => m.end));
    return {
      kind: 'contradicts',
      claim,
      start,
      end,
      coverage: c.coverage,
      detail: { kind: 'preference', preferred: preferredNames, over: overNames, written: view.raw.slice(start, end) },
    };
  }
  if (same && !swapped) {
    const m = pref[prefSides.indexOf(1)];
    return { kind: 'agrees', claim, ...span(m), coverage: c.coverage, detail: { kind: 'agrees' } };
  }
  return undefined;
}

/** Most words between a side and a word that ranks it below ("5G's effect on cybersecurity a secondary issue"). */
const secondaryReach = 6;

/** Most words between a comparative and its "than" ("a more concerning trend than"). */
const comparativeReach = 3;

/** Most words between two things a copula or "as" equates. */
const equationReach = 6;

/**
 * The words from token `from` to `to` say that what ends at `from` is what starts at `to`: a copula
 * or "as", with articles and adverbs such as "fundamentally" ("… is fundamentally a …", "… as chiefly a …").
 */
function equates(view: SentenceView, from: number, to: number): boolean {
  if (to <= from || to - from > equationReach) return false;
  const between = view.words.slice(from, to);
  if (!between.some((w) => lexicon.copulas.has(w))) return false;
  const broken = (gap: string): boolean => [...',;:()'].some((ch) => gap.includes(ch));
  for (let k = from; k <= to; k++) if (broken(view.gapBefore(k))) return false;
  return between.every((w) => lexicon.copulas.has(w) || lexicon.determiners.has(w) || lexicon.equatingAdverbs.has(w));
}

/** Most words between a construal verb and its "as" ("conceived first and foremost as"). */
const construalReach = 4;

/** Most words of an active construal verb's object ("treats the security concept as"). */
const maxConstruedObject = 3;

/**
 * What starts at token `at` follows a construal verb and "as" ("understood as a primarily …",
 * "conceived first and foremost as a …"), in one stretch of the clause.
 */
function construedAs(view: SentenceView, at: number, end: number, sideStems: ReadonlySet<string>): boolean {
  const { words } = view;
  let k = at - 1;
  while (k >= 0 && (lexicon.determiners.has(words[k]) || lexicon.equatingAdverbs.has(words[k]))) k--;
  // "treats security in essentially military terms", "through a military lens": a frame the side is read in.
  const framed = lexicon.construalFramePrepositions.has(words[k]) && lexicon.construalFrameNouns.has(words[end]);
  if (words[k] !== 'as' && !framed) return false;
  const broken = (j: number): boolean => [...',;:()'].some((ch) => view.gapBefore(j).includes(ch));
  // "treats security chiefly as …": an active construal verb has its object before "as".
  let object = 0;
  for (let j = k - 1; j >= Math.max(0, k - 1 - construalReach - object); j--) {
    const active = lexicon.activeConstrualVerbs.has(words[j]);
    const ownObject = view.tokens.slice(j + 1, k).some((t) => sideStems.has(t.norm) && !lexicon.stopWords.has(t.lower));
    if (lexicon.construalVerbs.has(words[j]) || (active && object > 0 && ownObject)) {
      for (let g = j + 1; g <= at; g++) if (broken(g)) return false;
      return true;
    }
    if (lexicon.equatingAdverbs.has(words[j]) || lexicon.emphasisWords.has(words[j])) continue;
    if (object >= maxConstruedObject || lexicon.copulas.has(words[j]) || lexicon.finiteVerbs.has(words[j])) {
      return false;
    }
    object++;
  }
  return false;
}

/** Most words between a verb of preferring and what it takes ("have largely embraced Huawei"). */
const preferObjectReach = 2;

/** A verb of preferring right before token `at`, its object: "chose Huawei", "embraced the ZTE". */
function preferVerbBefore(view: SentenceView, first: number, at: number): boolean {
  for (let k = at - 1; k >= Math.max(first, at - 1 - preferObjectReach); k--) {
    if (lexicon.preferenceVerbs.has(view.words[k])) return true;
    if (!lexicon.determiners.has(view.words[k])) return false;
  }
  return false;
}

function hasPreferVerb(view: SentenceView, first: number, last: number): boolean {
  for (let k = first; k < last; k++) if (lexicon.preferenceVerbs.has(view.words[k])) return true;
  return predicatesIn(view, first, last, 'support').some((h) => h.polarity === 1);
}
