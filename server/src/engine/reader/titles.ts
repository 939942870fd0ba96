// A person and the title a sentence gives them in apposition: "Dr Amara Osei, an associate
// professor of public health, …", with the body they hold it at when one is named ("a senior fellow
// at the Asan Institute"). Two sentences of one memo that give the same person different titles or
// bodies contradict each other, unless one of them marks another time or a second role ("former",
// "also").
import { type KnowledgeBase } from '../../knowledge/knowledgeBase';
import { lexicon, phraseAt } from '../lexicon';
import { type EntityMention, isBody, sameEntity } from './entities';
import { type SentenceView } from './sentence';
import { detached } from '../text/detach';
import { tokenize } from '../text/tokens';

export interface PersonTitle {
  /** The name's words as written, honorifics left out ("Amara Osei", "Osei"). */
  name: string[];
  /** The title's words, lower-cased ("associate professor"). */
  title: string[];
  /** Where the title is written (offsets into the sentence's text), and as written. */
  start: number;
  end: number;
  written: string;
  /** The name is the sentence's first word alone: maybe a surname, maybe any capitalised word. */
  opening: boolean;
  /** The body the title is held at, when the sentence names one right after it. */
  affiliation?: Affiliation;
}

interface Affiliation {
  /** The glossary id, when the body is one the knowledge base knows. */
  id?: string;
  start: number;
  end: number;
  written: string;
}

export function personTitles(view: SentenceView): PersonTitle[] {
  const { tokens, words } = view;
  const out: PersonTitle[] = [];
  for (let i = 0; i < words.length; i++) {
    if (phraseAt(lexicon.additionalRoleCues, words, i) || lexicon.roleTimeWords.has(words[i])) return [];
  }
  for (let k = 1; k < tokens.length; k++) {
    // ", an associate professor": a comma, an article, modifiers, then a title word.
    if (!/^\s*,\s*$/.test(view.gapBefore(k)) || !lexicon.articles.has(words[k])) continue;
    let j = k + 1;
    while (j < tokens.length && lexicon.titleModifiers.has(words[j]) && !/[,;:()]/.test(view.gapBefore(j + 1))) j++;
    if (j >= tokens.length || !lexicon.titleWords.has(words[j])) continue;
    const name = nameBefore(view, k);
    if (name.length === 0) continue;
    // A sentence's first word alone may be any capitalised word ("Meanwhile, a senior …"): it is
    // a person only as a surname the memo has already given in full.
    const opening = name.length === 1 && tokens[0] === tokens[k - 1];
    const first = k + 1;
    const [start, end] = [tokens[first].start, tokens[j].end];
    const title = words.slice(first, j + 1);
    const affiliation = affiliationAfter(view, j + 1);
    out.push({ name, title, start, end, written: detached(view.raw.slice(start, end)), affiliation, opening });
  }
  return out;
}

/** "at the Asan Institute" at token k: a preposition, maybe "the", then a named body. */
function affiliationAfter(view: SentenceView, k: number): Affiliation | undefined {
  const { words } = view;
  if (!lexicon.affiliationPrepositions.has(words[k] ?? '') || view.gapBefore(k) !== ' ') return undefined;
  const at = words[k + 1] === 'the' ? k + 2 : k + 1;
  const body = view.entities.find((e) => e.first === at && namesABody(e));
  if (!body) return undefined;
  return { id: body.id, start: body.start, end: body.end, written: detached(view.raw.slice(body.start, body.end)) };
}

function namesABody(e: EntityMention): boolean {
  if (e.kind === 'name') return !e.weak;
  return e.term !== undefined && ['organisation', 'group', 'programme', 'acronym'].includes(e.kind) && isBody(e.term);
}

/** The capitalised words right before token k, honorifics left out: "Dr Amara Osei" gives Amara, Osei. */
function nameBefore(view: SentenceView, k: number): string[] {
  const { tokens, words } = view;
  const name: string[] = [];
  for (let i = k - 1; i >= 0 && name.length < 4; i--) {
    // One name: capitalised words with only spaces between them (or ". " after an initial).
    const gap = i < k - 1 ? view.gapBefore(i + 1) : ' ';
    if (!/^\p{Lu}\p{Ll}/u.test(tokens[i].raw) || (!/^\s+$/.test(gap) && gap !== '. ')) break;
    if (lexicon.honorifics.has(words[i])) break;
    name.unshift(detached(tokens[i].raw));
  }
  return name;
}

/** Later titles of a person that differ from the first one (a person is known by surname). */
export function conflictingTitles(all: readonly PersonTitle[]): { earlier: PersonTitle; later: PersonTitle }[] {
  return laterDiffering(
    all,
    () => true,
    (earlier, later) => differentRank(earlier.title, later.title),
  );
}

/**
 * Later bodies a person is placed at that differ from the first one named: two known bodies that
 * are not one (nor one a unit of the other), or two unknown names that share no word but their
 * kind ("Institute", "University"). A known and an unknown name are not compared: the unknown one
 * may be a form the knowledge base lacks.
 */
export function conflictingAffiliations(
  kb: KnowledgeBase,
  all: readonly PersonTitle[],
): { earlier: PersonTitle; later: PersonTitle }[] {
  return laterDiffering(
    all,
    (p) => p.affiliation !== undefined,
    (earlier, later) => differentBodies(kb, earlier.affiliation!, later.affiliation!),
  );
}

function differentBodies(kb: KnowledgeBase, a: Affiliation, b: Affiliation): boolean {
  if (a.id !== undefined && b.id !== undefined) {
    const unitOf = (x: string, y: string): boolean => kb.termById.get(x)?.within === y;
    return !sameEntity(kb, a.id, b.id) && !unitOf(a.id, b.id) && !unitOf(b.id, a.id);
  }
  if (a.id !== undefined || b.id !== undefined) return false;
  const ownWords = (x: Affiliation): string[] =>
    tokenize(x.written)
      .filter((t) => !lexicon.stopWords.has(t.lower) && !lexicon.bodyHeadStems.has(t.norm))
      .map((t) => t.norm);
  const theirs = new Set(ownWords(b));
  return ownWords(a).length > 0 && theirs.size > 0 && !ownWords(a).some((w) => theirs.has(w));
}

/** Per person (known by surname), the later mentions that differ from the first that counts. */
function laterDiffering(
  all: readonly PersonTitle[],
  counts: (p: PersonTitle) => boolean,
  differ: (earlier: PersonTitle, later: PersonTitle) => boolean,
): { earlier: PersonTitle; later: PersonTitle }[] {
  const surname = (p: PersonTitle): string => p.name[p.name.length - 1];
  // Two people of one surname ("So Jeong Kim", "Min Kim"): neither is compared.
  const fullNames = new Map<string, Set<string>>();
  for (const p of all) {
    if (p.name.length < 2) continue;
    const names = fullNames.get(surname(p)) ?? new Set<string>();
    fullNames.set(surname(p), names.add(p.name.join(' ')));
  }
  const out: { earlier: PersonTitle; later: PersonTitle }[] = [];
  const first = new Map<string, PersonTitle>();
  for (const p of all) {
    const key = surname(p);
    if ((fullNames.get(key)?.size ?? 0) > 1 || !counts(p)) continue;
    if (p.opening && !fullNames.has(key)) continue;
    const earlier = first.get(key);
    if (!earlier) first.set(key, p);
    else if (differ(earlier, p)) out.push({ earlier, later: p });
  }
  return out;
}

/** "associate professor" and "assistant professor", "director" and "professor": not the same title. */
function differentRank(a: readonly string[], b: readonly string[]): boolean {
  const head = (t: readonly string[]): string => t[t.length - 1];
  if (head(a) !== head(b)) return true;
  const ranks = (t: readonly string[]): string =>
    t
      .filter((w) => lexicon.distinctRanks.has(w))
      .sort()
      .join(' ');
  return ranks(a) !== ranks(b);
}
