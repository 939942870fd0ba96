// A person written by surname alone ("Kim", "Dr Kim"): the person of that surname the paragraph
// named last, or else the author of the source the sentence cites, or else the one whose known
// post is at a body the sentence names. Two people may share a surname, so a surname is linked only
// when the memo says which one it means.
import { type KnowledgeBase } from '../../knowledge/knowledgeBase';
import { type Term } from '../../knowledge/types';
import { lexicon } from '../lexicon';
import { tokenize } from '../text/tokens';
import { type EntityMention } from './entities';
import { type ParagraphContext } from './sentence';

const peopleBySurname = new WeakMap<KnowledgeBase, Map<string, Term[]>>();

/** Glossary people by the last word of their name, lower case. */
function surnameIndex(kb: KnowledgeBase): Map<string, Term[]> {
  let index = peopleBySurname.get(kb);
  if (!index) {
    index = new Map();
    for (const term of kb.termById.values()) {
      if (term.kind !== 'person') continue;
      const last = tokenize(term.term).pop()?.lower;
      if (last) index.set(last, [...(index.get(last) ?? []), term]);
    }
    peopleBySurname.set(kb, index);
  }
  return index;
}

/** Links unlinked one-word names (an honorific before them allowed) that are surnames of known people. */
export function linkSurnames(
  kb: KnowledgeBase,
  words: readonly string[],
  mentions: EntityMention[],
  context: ParagraphContext,
): void {
  const index = surnameIndex(kb);
  if (index.size === 0) return;
  for (const m of mentions) {
    if (m.id !== undefined || m.kind !== 'name') continue;
    const own = words.slice(m.first, m.last).filter((w) => !lexicon.honorifics.has(w));
    const initials = own.slice(0, -1);
    if (own.length === 0 || initials.some((w) => w.length !== 1)) continue;
    const people = index.get(own[own.length - 1]);
    if (!people) continue;
    // "L. Kim", "S. J. Kim": initials that fit one person's given names say which one.
    const person =
      initials.length > 0
        ? onlyOne(people.filter((p) => initialsOf(p) === initials.join('')))
        : (namedBefore(people, mentions, m, context) ??
          citedAuthor(kb, people, context) ??
          postedAtBodyNamed(kb, people, mentions));
    if (!person) continue;
    m.id = person.id;
    m.term = person;
    m.kind = 'person';
    m.weak = false;
    m.bySurname = true;
  }
}

function onlyOne(people: Term[]): Term | undefined {
  return people.length === 1 ? people[0] : undefined;
}

/** The initials of a person's given names: "So Jeong Kim" gives "sj". */
function initialsOf(person: Term): string {
  return tokenize(person.term)
    .slice(0, -1)
    .map((t) => t.lower.charAt(0))
    .join('');
}

/** The person of that surname named last: earlier in the sentence, else earlier in the paragraph. */
function namedBefore(
  people: Term[],
  mentions: EntityMention[],
  m: EntityMention,
  context: ParagraphContext,
): Term | undefined {
  const ids = new Set(people.map((p) => p.id));
  const here = mentions.filter((o) => o.last <= m.first && o.id !== undefined && ids.has(o.id)).pop();
  if (here) return here.term;
  const id = [...(context.recent ?? [])].reverse().find((x) => ids.has(x));
  return people.find((p) => p.id === id);
}

/** The one person of that surname who wrote a source the sentence cites. */
function citedAuthor(kb: KnowledgeBase, people: Term[], context: ParagraphContext): Term | undefined {
  const cited = [...(context.cited ?? [])];
  return onlyOne(people.filter((p) => cited.some((key) => wrote(kb, p, key))));
}

/** A source author's name as written in prose: given name, then family name (or the literal name). */
export function authorName(a: { given?: string; family?: string; literal?: string }): string {
  return `${a.given ?? ''} ${a.family ?? a.literal ?? ''}`.trim();
}

/** A name's words, lower-cased: how an author's name and a person's names are compared. */
function plainName(name: string): string {
  return tokenize(name)
    .map((t) => t.lower)
    .join(' ');
}

/** Whether a person is an author of a source: an author's given and family name is one of their names. */
export function wrote(kb: KnowledgeBase, person: Term, key: string): boolean {
  const forms = new Set([person.term, ...(person.aliases ?? [])].map(plainName));
  return (kb.sources.get(key)?.csl.author ?? []).some((a) => forms.has(plainName(authorName(a))));
}

/** Whether a name as written is an author of a source: their full name, or their family name alone. */
export function namesAuthorOf(kb: KnowledgeBase, written: string, key: string): boolean {
  const name = plainName(written);
  return (kb.sources.get(key)?.csl.author ?? []).some(
    (a) => plainName(authorName(a)) === name || (a.family !== undefined && plainName(a.family) === name),
  );
}

/** Per knowledge base, the sources each author's name wrote; built on first use, as settling asks per sentence. */
const sourcesByAuthor = new WeakMap<KnowledgeBase, Map<string, string[]>>();

/** The keys of the sources a person wrote. */
export function sourcesWrittenBy(kb: KnowledgeBase, person: Term): string[] {
  let index = sourcesByAuthor.get(kb);
  if (!index) {
    index = new Map();
    for (const [key, source] of kb.sources) {
      for (const a of source.csl.author ?? []) {
        const name = plainName(authorName(a));
        index.set(name, [...(index.get(name) ?? []), key]);
      }
    }
    sourcesByAuthor.set(kb, index);
  }
  const keys = [person.term, ...(person.aliases ?? [])].flatMap((form) => index.get(plainName(form)) ?? []);
  return [...new Set(keys)];
}

/** Per knowledge base, the ids that are members of a group term ("the speakers"). */
const groupMemberIds = new WeakMap<KnowledgeBase, ReadonlySet<string>>();

/** Whether a term is one of a group's members in the glossary. */
export function inAGroup(kb: KnowledgeBase, id: string): boolean {
  let members = groupMemberIds.get(kb);
  if (!members) {
    members = new Set(kb.terms.flatMap((t) => (t.kind === 'group' ? (t.members ?? []) : [])));
    groupMemberIds.set(kb, members);
  }
  return members.has(id);
}

/**
 * "Kim, who chaired the UN GGE, …": the one person of that surname with a known post at a body the
 * sentence names.
 */
function postedAtBodyNamed(kb: KnowledgeBase, people: Term[], mentions: EntityMention[]): Term | undefined {
  const bodies = new Set(mentions.map((o) => o.id).filter((id) => id !== undefined));
  if (bodies.size === 0) return undefined;
  return onlyOne(
    people.filter((p) =>
      (kb.rolesByPerson.get(p.id) ?? []).some((r) => r.value.kind === 'role' && bodies.has(r.value.role.org ?? '')),
    ),
  );
}
