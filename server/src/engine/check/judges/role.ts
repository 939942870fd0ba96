// People's posts: "Lami Kim, an associate professor at the U.S. Army War College", "John Park, who
// heads Harvard's Belfer Center", "So Jeong Kim (Asst. Prof., INSS)". A description whose
// organisation is one of the person's and whose title is not theirs there contradicts, as does a
// title of theirs placed at another organisation. A post the sentence marks as another one the
// person also holds ("also", "in addition to", "beyond") is left alone: people hold several.
import { type Claim } from '../../../knowledge/types';
import { lexicon, phraseAt } from '../../lexicon';
import { type EntityMention } from '../../reader/entities';
import { type SentenceView } from '../../reader/sentence';
import { tokenize } from '../../text/tokens';
import { type Candidate } from '../candidates';
import { mentionIs, namesAgree } from '../members';
import { type Verdict } from '../verdict';

const orgKinds = new Set(['organisation', 'group', 'programme', 'acronym', 'name', 'event']);
// Words of a description that are neither title nor organisation.
const fillerWords = new Set([
  'role',
  'post',
  'position',
  'portfolio',
  'work',
  'capacity',
  'field',
  'area',
  'as',
  'an',
  'a',
  'the',
  'who',
  'is',
  'was',
  'at',
  'of',
  'with',
  'for',
  'to',
  'in',
  'on',
  'and',
  'her',
  'his',
  'their',
  's',
  'from',
  'by',
  'one',
  'then',
  'currently',
  'now',
  'serving',
  'serves',
  'served',
  'works',
  'worked',
]);

interface Description {
  first: number;
  last: number;
  /** The person holds it besides the posts the sources name. */
  extra: boolean;
}

export function judgeRole(view: SentenceView, c: Candidate, all: readonly Candidate[]): Verdict | undefined {
  if (c.claim.value.kind !== 'role') return undefined;
  const personId = c.claim.value.role.person;
  // One judgement per person: the first of their role claims speaks for all of them.
  const firstOfPerson = all.find((o) => o.claim.value.kind === 'role' && o.claim.value.role.person === personId);
  if (firstOfPerson !== c) return undefined;
  const roles = personRoles(view, personId);
  if (roles.length === 0) return undefined;
  for (const person of view.entities.filter((e) => e.id === personId)) {
    // "Pacific Forum's vice president, Mark Manantan": a post written before the name.
    const before = describeBefore(view, person);
    const early = before && compareRoles(view, c, person, before, roles);
    if (early?.kind === 'contradicts') return early;
    const desc = describe(view, person, person.last);
    if (!desc) {
      if (early) return early;
      continue;
    }
    const verdict = judgePosts(view, c, person, desc, roles) ?? early;
    if (verdict?.kind === 'contradicts') return verdict;
    // "Mark Lee, who moderated the session, is the forum's vice president": past an apposition, the
    // subject's predicate describes them too ("Ann Lee, who wrote the paper, holds its Korea Chair").
    const after = subjectPredicate(view, person, desc);
    const predicate = after === undefined ? undefined : describe(view, person, after);
    const second = predicate && compareRoles(view, c, person, predicate, roles);
    if (second?.kind === 'contradicts' || (second && !verdict)) return second;
    // A post the predicate names that neither agrees nor contradicts leaves the person's posts unchecked.
    if (verdict && !second && predicate && namesPost(view, predicate)) return undefined;
    if (verdict) return verdict;
  }
  return undefined;
}

/** Curated roles; roles read from reports only when there are none (a list of posts is easily read incompletely). */
function personRoles(view: SentenceView, personId: string): Claim[] {
  const all = view.kb.rolesByPerson.get(personId) ?? [];
  const curated = all.filter((r) => !r.extracted);
  return curated.length > 0 ? curated : all;
}

/**
 * A label's posts one by one ("Kim: Senior Fellow, INSS; adviser, MOFA"): any post that is not
 * theirs contradicts; otherwise the first that agrees speaks for them.
 */
function judgePosts(
  view: SentenceView,
  c: Candidate,
  person: EntityMention,
  desc: Description,
  roles: Claim[],
): Verdict | undefined {
  const descriptions = [desc];
  if (view.gapBefore(person.last).includes(':')) {
    for (let d: Description | undefined = desc; d && d.last < view.tokens.length;) {
      if (!view.gapBefore(d.last).includes(';')) break;
      d = describe(view, person, d.last);
      if (d) descriptions.push(d);
    }
  }
  const verdicts = descriptions.flatMap((d) => splitAtAnd(view, d)).map((d) => compareRoles(view, c, person, d, roles));
  return verdicts.find((v) => v?.kind === 'contradicts') ?? verdicts.find((v) => v !== undefined);
}

/**
 * "a senior fellow at X and an adviser to Y": each post with its own organisation. A post begins
 * after "and a"/"and an" with a title word; the description runs to its clause's end for them.
 */
function splitAtAnd(view: SentenceView, desc: Description): Description[] {
  const { words } = view;
  const end = view.clauseAt(desc.first).last;
  const starts: number[] = [];
  for (let k = desc.first + 1; k + 2 < end; k++) {
    if (words[k] !== 'and' || !lexicon.indefiniteArticles.has(words[k + 1])) continue;
    const w = words[k + 2];
    const titled =
      lexicon.titleWords.has(w) ||
      lexicon.titleModifiers.has(w) ||
      knownTitleStems(view).has(normTitle(view.tokens[k + 2].norm));
    if (titled) starts.push(k + 1);
  }
  if (starts.length === 0) return [desc];
  const parts: Description[] = [];
  let first = desc.first;
  for (const at of [...starts, end + 1]) {
    const last = Math.min(at - 1, end, first + 24);
    if (last > first) parts.push({ first, last, extra: desc.extra });
    first = at;
  }
  return parts;
}

/** Where the predicate of a sentence's subject begins past the apposition that follows the subject. */
function subjectPredicate(view: SentenceView, person: EntityMention, apposition: Description): number | undefined {
  const { words } = view;
  // A relative clause the description stops inside (at another person's name) still ends at its comma.
  const relative = view.clauseAt(apposition.first);
  const at = relative.kind === 'relative' ? Math.max(relative.last, apposition.last) : apposition.last;
  if (at >= view.tokens.length || !view.gapBefore(at).includes(',')) return undefined;
  // The person is the subject: nothing but a determiner or title before them in their clause.
  const clause = view.clauseAt(person.first);
  if (person.first - clause.first > 1) return undefined;
  const w = words[at] === 'also' ? words[at + 1] : words[at];
  return opensPredicate(w) ? at : undefined;
}

/** A verb that says a person's post: "heads", "is", "works at". */
function opensPredicate(w: string): boolean {
  return w in lexicon.headVerbs || lexicon.copulas.has(w) || lexicon.affiliationVerbs.has(w);
}

/** The stretch that describes a person: an apposition, a parenthesis, a label, a relative clause or the predicate. */
function describe(view: SentenceView, person: EntityMention, first: number): Description | undefined {
  const { words, tokens } = view;
  const gap = view.gapBefore(first);
  const clause = view.clauseAt(first === person.last ? person.first : first);
  let last: number;
  const nextPost = first !== person.last && gap.includes(';');
  // "X, who co-wrote the paper with Max Lee, holds the Korea Chair": after a name ending a relative
  // clause, the verb past the comma is the main clause's, said of its subject, not of that name.
  if (first === person.last && gap.includes(',') && opensPredicate(words[first]) && clause.kind === 'relative') {
    return undefined;
  }
  if (nextPost || (first === person.last && (/[,(:]/.test(gap) || /^\s*[–—]\s*$/.test(gap)))) {
    // ", an associate professor at …," / " (Asst. Prof., …)" / ": member, …" / "; adviser, …": up to the closing mark.
    last = first;
    const closer = gap.includes('(') ? ')' : gap.includes(':') || nextPost ? '.;' : ',;)';
    while (last < tokens.length && last - first < 24) {
      const g = view.gapBefore(last + 1);
      // "Asst. Prof., …": the full stop of an abbreviation closes nothing.
      const gap = abbreviation(words[last]) ? g.replace('.', '') : g;
      last++;
      if ([...closer].some((ch) => gap.includes(ch))) {
        // "Assistant Professor, INSS": a title then an organisation, comma-separated, is one description.
        if (ch2(gap, ',') && last < tokens.length && isOrgStart(view, last)) continue;
        break;
      }
    }
  } else {
    // "X heads …", "X is a senior fellow at …", "X's advisory role is with …".
    const afterAlso = words[first] === 'also' ? first + 1 : first;
    // "co-chairs", "co-founded": a shared post is still that post.
    const verbAt =
      lexicon.jointPrefixes.has(words[afterAlso]) && view.gapBefore(afterAlso + 1) === '-' ? afterAlso + 1 : afterAlso;
    const w = words[verbAt];
    const possessiveRole = person.possessive;
    if (!opensPredicate(w) && !possessiveRole) {
      // A title before the name: "Assistant Professor Lami Kim", "Pacific Forum's Mark Manantan".
      return undefined;
    }
    last = Math.min(clause.last, first + 20);
  }
  if (last <= first) return undefined;
  // A name the length limit cuts in two is read whole ("… to Korea's Ministry of National Defense").
  const cut = view.entities.find((e) => e.first < last && e.last > last);
  if (cut) last = cut.last;
  // Another person's name ends the description.
  const nextPerson = view.entities.find((e) => e.kind === 'person' && e.first >= first && e.first < last);
  if (nextPerson) last = nextPerson.first;
  // "also", "in addition to", "beyond" before the post mark it as another one; after it they mark
  // the other post ("a senior fellow at X in addition to her post at Y").
  let extra = false;
  const firstTitle = (() => {
    for (let k = first; k < last; k++) if (lexicon.titleWords.has(words[k]) || words[k] in lexicon.headVerbs) return k;
    return last;
  })();
  for (let k = Math.max(clause.first, person.first - 3); k <= Math.min(firstTitle, last - 1); k++) {
    if (phraseAt(lexicon.additionalRoleCues, words, k)) extra = true;
  }
  return { first, last, extra };
}

/**
 * A post written right before the name, with its organisation or a comma between ("Pacific Forum's
 * vice president, Mark Manantan", "INSS senior fellow So Jeong Kim"): title words and the names of
 * bodies back to the first other word. A title that is only a form of address ("Professor Kim") is
 * no post.
 */
function describeBefore(view: SentenceView, person: EntityMention): Description | undefined {
  const { words } = view;
  const clause = view.clauseAt(person.first);
  const gap = view.gapBefore(person.first).trim();
  if (gap !== '' && gap !== ',') return undefined;
  let k = person.first - 1;
  let titled = false;
  let addressOnly = true;
  while (k >= clause.first) {
    if (k < person.first - 1 && !['', "'s", '’s'].includes(view.gapBefore(k + 1).trim())) break;
    const org = view.entityAt(k);
    if (org !== undefined && org.kind !== 'person' && orgKinds.has(org.kind) && org.first <= k) {
      k = org.first - 1;
      continue;
    }
    const w = words[k];
    if (!(lexicon.titleWords.has(w) || lexicon.titleModifiers.has(w) || w in lexicon.titleAbbreviations)) break;
    titled = true;
    if (!lexicon.honorifics.has(w)) addressOnly = false;
    k--;
  }
  if (!titled || addressOnly) return undefined;
  let extra = false;
  for (let j = Math.max(clause.first, k - 2); j <= k; j++) {
    if (phraseAt(lexicon.additionalRoleCues, words, j)) extra = true;
  }
  return { first: k + 1, last: person.first, extra };
}

function abbreviation(word: string): boolean {
  return word in lexicon.titleAbbreviations || lexicon.abbreviations.has(word) || word.length === 1;
}

function ch2(gap: string, c: string): boolean {
  return gap.includes(c);
}

/** The field words of a post as a description writes it: "professor of political science" gives its stems. */
function fieldStems(view: SentenceView, desc: Description): string[] {
  const out: string[] = [];
  for (let k = desc.first; k < desc.last; k++) {
    const end = fieldEnd(view, desc, k);
    for (let j = k + 1; j < end; j++) if (view.words[j] !== 'and') out.push(normTitle(view.tokens[j].norm));
  }
  return out;
}

/**
 * Where the field of a post that "of" or "for" at k opens ends ("professor of political science and
 * international relations at …": the lower-case words after a title word); k when none opens there.
 */
function fieldEnd(view: SentenceView, desc: Description, k: number): number {
  const w = view.words[k];
  if ((w !== 'of' && w !== 'for') || k <= desc.first || !lexicon.titleWords.has(view.words[k - 1])) return k;
  let j = k + 1;
  while (j < desc.last && (lowerCaseWord(view, j) || view.words[j] === 'and') && !postBoundary(view, j)) j++;
  return j > k + 1 ? j : k;
}

/** "in the Cyber and Tech team at RUSI": an unknown name before a noun names a unit, not the post's body. */
function unitName(view: SentenceView, e: EntityMention): boolean {
  return e.kind === 'name' && e.id === undefined && view.gapBefore(e.last) === ' ' && lowerCaseWord(view, e.last);
}

/** A word written in lower case, no name's, at k. */
function lowerCaseWord(view: SentenceView, k: number): boolean {
  const t = view.tokens[k];
  return t !== undefined && t.raw === t.lower && view.entityAt(k) === undefined && !lexicon.stopWords.has(t.lower);
}

/** Where a field after "of" ends: a preposition leading on, or a comma. */
function postBoundary(view: SentenceView, k: number): boolean {
  return lexicon.prepositions.has(view.words[k]) || /[,;:(]/.test(view.gapBefore(k));
}

/**
 * "Tokyo's International Christian University", "Harvard's Belfer Center": an unknown name written
 * possessively right before a known organisation says where it is or whose it is; the post is there.
 */
function ownsNextOrg(view: SentenceView, e: EntityMention): boolean {
  if (!e.possessive || e.kind !== 'name') return false;
  const next = view.entityAt(e.last);
  return next !== undefined && next.first === e.last && next.id !== undefined && orgKinds.has(next.kind);
}

function isOrgStart(view: SentenceView, k: number): boolean {
  const e = view.entityAt(k);
  if (e === undefined || e.first !== k || e.kind === 'person') return false;
  if (orgKinds.has(e.kind)) return true;
  // "U.S. Naval War College": a place written before an organisation's name is part of it.
  const next = view.entityAt(e.last);
  return (
    (e.kind === 'place' || e.kind === 'country') &&
    next !== undefined &&
    next.first === e.last &&
    orgKinds.has(next.kind)
  );
}

/** Title words of a description: its words outside organisation names, head verbs read as titles. */
function titleStems(view: SentenceView, desc: Description, orgs: EntityMention[]): string[] {
  const out: string[] = [];
  for (let k = desc.first; k < desc.last; k++) {
    if (orgs.some((o) => k >= o.first && k < o.last && !namesPostField(view, o))) continue;
    const w = view.words[k];
    // The field of a post, written in lower case after "of", is not its title (sources write it or
    // leave it out alike); `fieldStems` compares it where a post would be supported.
    const field = w === 'of' ? fieldEnd(view, desc, k) : k;
    if (field > k) {
      k = field - 1;
      continue;
    }
    if (w in lexicon.headVerbs) {
      out.push(lexicon.headVerbs[w]);
      continue;
    }
    if (w in lexicon.titleAbbreviations) {
      out.push(...tokenize(lexicon.titleAbbreviations[w]).map((t) => t.norm));
      continue;
    }
    // "her advisory role is with …"
    if (w === 'advisory' && ['role', 'capacity', 'post', 'position'].includes(view.words[k + 1] ?? '')) {
      out.push('adviser');
      continue;
    }
    const norm = normTitle(view.tokens[k].norm);
    // Only words a title is made of count: a lexicon title word, or a word of some known post, or
    // the field a post is named for.
    const named = inPostName(view, k);
    if (lexicon.titleWords.has(w) || lexicon.titleModifiers.has(w) || knownTitleStems(view).has(norm) || named) {
      out.push(norm);
    }
  }
  return out;
}

const titleStemsByKb = new WeakMap<object, Set<string>>();
/** Every word of every post the knowledge base names ("Cybersecurity", "Critical", "Korea Project"). */
function knownTitleStems(view: SentenceView): Set<string> {
  let stems = titleStemsByKb.get(view.kb);
  if (!stems) {
    stems = new Set<string>();
    for (const roles of view.kb.rolesByPerson.values()) {
      for (const r of roles) {
        if (r.value.kind === 'role') for (const w of stemsOfTitle(r.value.role.title ?? '')) stems.add(w);
      }
    }
    titleStemsByKb.set(view.kb, stems);
  }
  return stems;
}

/** Forms of one title word: "professorship" is "professor", "advisor" is "adviser". */
function normTitle(stem: string): string {
  // The stemmer spells "advise" with a z (it folds British -ise spellings).
  if (stem === 'advisor' || stem === 'advis' || stem === 'adviz') return 'adviser';
  if (stem.endsWith('ship') && stem.length > 6) return stem.slice(0, -4);
  return stem;
}

function stemsOfTitle(title: string): string[] {
  return tokenize(title)
    .map((t) => normTitle(t.norm))
    .filter((w) => !lexicon.stopWords.has(w) && !fillerWords.has(w));
}

/**
 * Whether a title as written agrees with a sourced one: the sourced head word ("professor") with
 * the same rank before it ("assistant", not "associate"; a "vice" president is no president), or,
 * for a title written without the head word, its words all in the sourced title. Any word for
 * heading something ("heads", "director", "leads") agrees with a sourced title that heads.
 */
function titlesAgree(stated: string[], sourced: string[]): boolean {
  if (stated.length === 0) return true;
  if (sourced.length === 0) return false;
  const isHead = (w: string): boolean => lexicon.headTitles.has(w);
  // Title words here are stems ("vic president"): compared with the lexicon's stems.
  const headIndex = sourced.findIndex((w) => lexicon.titleWordStems.has(w) && !lexicon.titleModifierStems.has(w));
  const head = headIndex >= 0 ? sourced[headIndex] : sourced[sourced.length - 1];
  const at = stated.findIndex((w) => w === head || (isHead(w) && isHead(head)));
  if (at >= 0) {
    const ranks = (words: string[], end: number): string[] => {
      const out: string[] = [];
      for (let k = end - 1; k >= 0 && lexicon.titleModifierStems.has(words[k]); k--) {
        if (lexicon.distinctRankStems.has(words[k])) out.push(words[k]);
      }
      return out.sort();
    };
    const statedRanks = ranks(stated, at);
    const sourcedRanks = ranks(sourced, headIndex >= 0 ? headIndex : sourced.length - 1);
    if (statedRanks.join() !== sourcedRanks.join()) return false;
    // The rest of a heading title names what is headed: "Director of Cybersecurity and Critical Technologies".
    const rest = sourced.filter((w, i) => i !== headIndex && !lexicon.titleModifierStems.has(w));
    const statedRest = stated.filter(
      (w, i) => i !== at && !lexicon.titleModifierStems.has(w) && !lexicon.titleWordStems.has(w),
    );
    return statedRest.every((w) => rest.includes(w));
  }
  return stated.every((w) => sourced.includes(w) || (isHead(w) && sourced.some(isHead)));
}

function orgMatches(view: SentenceView, o: EntityMention, orgId: string | undefined): boolean {
  if (!orgId) return false;
  if (mentionIs(view, o, orgId)) return true;
  // "the Council" for the Coastal Security Council: an unknown word after "the" that ends the body's name.
  if (o.id === undefined && o.last === o.first + 1 && view.words[o.first - 1] === 'the') {
    const head = view.words[o.first];
    const endsName = (f: string): boolean => f.includes(' ') && f.toLowerCase().split(/\s+/).at(-1) === head;
    if (view.kb.formsOf(orgId).some(endsName)) return true;
  }
  // One body in two reports' glossaries: an acronym one expands, the name another writes in full.
  const expansion = o.id === undefined ? undefined : view.kb.termById.get(o.id)?.expansion;
  if (expansion !== undefined && namesAgree(view.kb, expansion, orgId)) return true;
  // A body the organisation is part of: "Harvard" for the Belfer Center at Harvard.
  let term = view.kb.termById.get(orgId);
  for (let depth = 0; term?.within && depth < 4; depth++) {
    if (mentionIs(view, o, term.within)) return true;
    term = view.kb.termById.get(term.within);
  }
  return false;
}

function compareRoles(
  view: SentenceView,
  c: Candidate,
  person: EntityMention,
  desc: Description,
  roles: Claim[],
): Verdict | undefined {
  // Organisations in the description, and one written possessively right before it ("Pacific Forum's vice president").
  const linkedBefore = (e: EntityMention): boolean =>
    ['for', 'of', 'and'].includes(view.words[e.first - 1]) &&
    view.entities.some((o) => o.id !== undefined && o.last === e.first - 1);
  // An unknown name that goes on a known one ("Belfer Center for Science and International Affairs") is part of it.
  const orgs = view.entities.filter(
    (e) =>
      e.first >= desc.first &&
      e.last <= desc.last &&
      orgKinds.has(e.kind) &&
      e.kind !== 'person' &&
      !e.weak &&
      !isTitleName(view, e, roles) &&
      !(e.kind === 'name' && linkedBefore(e)) &&
      !ownsNextOrg(view, e) &&
      !unitName(view, e),
  );
  // Title words are read outside every name, the parts of known names included.
  const stated = titleStems(
    view,
    desc,
    view.entities.filter(
      (e) => e.last > desc.first && e.first < desc.last && e.kind !== 'person' && !isTitleName(view, e, roles),
    ),
  );
  if (stated.length === 0 && orgs.length === 0) return undefined;
  const hasTitle = stated.some(
    (w) =>
      lexicon.titleWords.has(w) ||
      lexicon.titleModifiers.has(w) ||
      roles.some((r) => r.value.kind === 'role' && stemsOfTitle(r.value.role.title ?? '').includes(w)),
  );
  const sourcedOf = (r: Claim): { title: string[]; org?: string } =>
    r.value.kind === 'role' ? { title: stemsOfTitle(r.value.role.title ?? ''), org: r.value.role.org } : { title: [] };
  // "Associate Professor, US Army War College, and adjunct fellow": two posts, each judged alone.
  const posts = splitPosts(stated);
  // "who heads maritime security programming at …": what a heading verb heads is the post's field.
  const field = headedField(view, desc);
  const titleOk = (r: Claim): boolean =>
    !hasTitle || (posts.some((p) => titlesAgree(p, sourcedOf(r).title)) && fieldAgrees(field, sourcedOf(r).title));
  const strayPost =
    posts.length > 1 ? posts.find((p) => !roles.some((r) => titlesAgree(p, sourcedOf(r).title))) : undefined;
  // What a heading title heads is the organisation itself: "heads the Belfer Center" is not
  // "directs the Korea Project", though the project is part of the center.
  const headed = headedOrg(view, desc, orgs);
  const orgOk = (r: Claim): boolean =>
    (headed === undefined || mentionIs(view, headed, sourcedOf(r).org ?? '')) &&
    (orgs.length === 0 ||
      orgs.every(
        (o) =>
          orgMatches(view, o, sourcedOf(r).org) ||
          roles.some((x) => x !== r && orgMatches(view, o, sourcedOf(x).org) && titleOk(x)),
      ));
  const agreeing = strayPost
    ? undefined
    : roles.find(
        (r) => titleOk(r) && orgOk(r) && (hasTitle || orgs.some((o) => orgMatches(view, o, sourcedOf(r).org))),
      );
  const start = view.tokens[desc.first].start;
  const end = view.tokens[desc.last - 1].end;
  if (agreeing) {
    // "director of research" where the source's post is director for cybersecurity: the post's field,
    // written and not the source's, is neither support nor a title to contradict.
    const sourcedWords = new Set(sourcedOf(agreeing).title);
    if (fieldStems(view, desc).some((w) => !sourcedWords.has(w))) return undefined;
    return {
      kind: 'agrees',
      claim: agreeing,
      start: person.start,
      end,
      coverage: c.coverage,
      detail: { kind: 'agrees' },
    };
  }
  // "Kim also chairs the working group" she only advises: one more post, but heading a body the
  // person is known to hold another post at is no second post there.
  const body = headedBody(view, desc, orgs);
  const atOwnBody = body ? roles.filter((r) => orgMatches(view, body, sourcedOf(r).org)) : [];
  const headsOwnBody = atOwnBody.length > 0 && !atOwnBody.some(titleOk);
  if (desc.extra && !headsOwnBody && !samePostAtAnotherOfItsKind(view, stated, orgs, roles)) return undefined;
  // "Director of the Korea Project", not "… at Korea Project" when the title names the body.
  const described = (r: Claim): string => {
    if (r.value.kind !== 'role') return '';
    const { title, org } = r.value.role;
    const orgName = org ? view.kb.nameOf(org) : '';
    const named = org && title && view.kb.formsOf(org).some((f) => title.toLowerCase().includes(f.toLowerCase()));
    return [title, org && !named ? `at ${orgName}` : ''].filter(Boolean).join(' ');
  };
  const name = view.kb.nameOf(person.id!);
  // One of several posts is none of theirs: the post of theirs with the same head word is what it should be.
  if (strayPost) {
    const head = strayPost[strayPost.length - 1];
    const r = roles.find((x) => sourcedOf(x).title.includes(head));
    const span = r ? postSpan(view, desc, strayPost) : undefined;
    if (r && span) {
      const holder = holderOf(view, desc, person.id!);
      return {
        kind: 'contradicts',
        claim: r,
        ...span,
        coverage: c.coverage,
        detail: {
          kind: 'role',
          person: view.kb.nameOf(person.id!),
          sourced: described(r),
          written: view.raw.slice(span.start, span.end),
          holder,
        },
      };
    }
  }
  // The organisation is theirs, the title is not (or they head a body their post is only part of).
  const sameOrg = roles.filter((r) => orgs.some((o) => orgMatches(view, o, sourcedOf(r).org)));
  if (
    sameOrg.length > 0 &&
    hasTitle &&
    (!sameOrg.some(titleOk) || (headed !== undefined && !sameOrg.some((r) => titleOk(r) && orgOk(r))))
  ) {
    const r = sameOrg[0];
    const holder = holderOf(view, desc, person.id!);
    // The title is what is wrong: it is what the finding marks.
    const span = titleSpan(view, desc, orgs) ?? { start, end };
    return {
      kind: 'contradicts',
      claim: r,
      ...span,
      coverage: c.coverage,
      detail: {
        kind: 'role',
        person: name,
        sourced: described(r),
        written: view.raw.slice(span.start, span.end),
        holder,
      },
    };
  }
  // The title is theirs, the organisation is not.
  const sameTitle = roles.filter(
    (r) => hasTitle && titlesAgree(stated, sourcedOf(r).title) && sourcedOf(r).title.length > 0,
  );
  const foreignOrg = orgs.find((o) => !roles.some((r) => orgMatches(view, o, sourcedOf(r).org)));
  // The body written is not the one of the post `r`: the finding marks the body.
  const atAnotherBody = (r: Claim, org: EntityMention): Verdict => ({
    kind: 'contradicts',
    claim: r,
    start: org.start,
    end: org.end,
    coverage: c.coverage,
    detail: {
      kind: 'role',
      person: name,
      sourced: described(r),
      written: view.raw.slice(org.start, org.end),
      holder: holderOf(view, desc, person.id!),
    },
  });
  if (sameTitle.length > 0 && foreignOrg) {
    // The post closest in wording to the description.
    const r = sameTitle.sort((a, b) => overlap(stated, sourcedOf(b).title) - overlap(stated, sourcedOf(a).title))[0];
    return atAnotherBody(r, foreignOrg);
  }
  // "Ana Lind, who teaches at the Northland Naval College" (the source: the Northland Army College):
  // no title, and a body of no name of theirs that has their body's head and another of its words.
  const misnamed = !hasTitle && !desc.extra && orgs.length === 1 ? misnamedBody(view, orgs[0], roles) : undefined;
  if (misnamed && foreignOrg) return atAnotherBody(misnamed, foreignOrg);
  return undefined;
}

/** Words of a body's name that say which body it is: not function words, not single letters ("U.S."). */
function nameWords(name: string): string[] {
  return tokenize(name)
    .map((t) => t.norm)
    .filter((w) => w.length > 2 && !lexicon.stopWords.has(w) && !lexicon.prepositions.has(w));
}

/**
 * The person's post whose body a written name garbles: the same head word ("college") and at least one
 * more of its words ("war"), with a word of its own ("naval" for "army"). A name sharing only its head
 * ("Institute") is another body the person may also belong to.
 */
function misnamedBody(view: SentenceView, o: EntityMention, roles: Claim[]): Claim | undefined {
  if (o.id !== undefined) return undefined;
  const written = view.raw.slice(o.start, o.end);
  const words = nameWords(written);
  const head = headWordOf(written);
  return roles.find((r) => {
    if (r.value.kind !== 'role' || !r.value.role.org) return false;
    return view.kb.formsOf(r.value.role.org).some((form) => {
      const own = new Set(nameWords(form));
      const shared = words.filter((w) => own.has(w)).length;
      return headWordOf(form) === head && shared >= 2 && words.some((w) => !own.has(w));
    });
  });
}

/**
 * "Kim also advises the Ministry of Unification on science and technology", the source: she
 * advises the Ministry of Foreign Affairs on it. Another post a person also holds may be anything;
 * their own specific post (a title of several words) at another body of the same kind is the body
 * swapped.
 */
function samePostAtAnotherOfItsKind(
  view: SentenceView,
  stated: string[],
  orgs: EntityMention[],
  roles: Claim[],
): boolean {
  for (const r of roles) {
    if (r.value.kind !== 'role' || !r.value.role.org) continue;
    const title = stemsOfTitle(r.value.role.title ?? '');
    if (title.length < 2 || !title.every((w) => stated.includes(w))) continue;
    const term = view.kb.termById.get(r.value.role.org);
    const head = headWordOf(term?.expansion ?? term?.term ?? '');
    const other = orgs.find(
      (o) => !roles.some((x) => x.value.kind === 'role' && orgMatches(view, o, x.value.role.org)),
    );
    if (other && head !== undefined && headWordOf(view.raw.slice(other.start, other.end)) === head) return true;
  }
  return false;
}

/** What a body's name says it is: "ministry" in "Ministry of Foreign Affairs", "college" in "Naval War College". */
function headWordOf(name: string): string | undefined {
  const words = tokenize(name).map((t) => t.norm);
  const of = words.indexOf('of');
  return of > 0 ? words[of - 1] : words[words.length - 1];
}

/** A head title word ("professor", "fellow"), as a stem; modifiers ("associate", "chief") are not heads. */
const isHeadStem = (w: string): boolean => lexicon.titleWordStems.has(w) && !lexicon.titleModifierStems.has(w);

/**
 * Title stems split into posts: a post is modifiers and a head word, with what follows the head
 * ("director of cybersecurity and critical technologies"); a modifier or head after a head starts
 * the next post.
 */
function splitPosts(stated: string[]): string[][] {
  const posts: string[][] = [];
  let current: string[] = [];
  let headed = false;
  for (const w of stated) {
    const modifier = lexicon.titleModifierStems.has(w);
    if (headed && (modifier || isHeadStem(w))) {
      posts.push(current);
      current = [];
      headed = false;
    }
    current.push(w);
    if (isHeadStem(w)) headed = true;
  }
  if (current.length > 0) posts.push(current);
  // Only posts with a head word are posts; words before any head belong to the first one.
  return posts.filter((p) => p.some(isHeadStem)).length > 1 ? posts : [stated];
}

/** Where a post's head word is written in the description, with the modifiers right before it. */
function postSpan(view: SentenceView, desc: Description, post: string[]): { start: number; end: number } | undefined {
  const head = post.find(isHeadStem);
  for (let k = desc.first; k < desc.last; k++) {
    if (normTitle(view.tokens[k].norm) !== head) continue;
    let first = k;
    while (first > desc.first && lexicon.titleModifierStems.has(view.tokens[first - 1].norm)) first--;
    return { start: view.tokens[first].start, end: view.tokens[k].end };
  }
  return undefined;
}

/** A capitalised title read as a name ("Senior Research Fellow", "Director"): it is a title, not an organisation. */
/** A place right before a capitalised title word names the post's field: "Westmark Chair". */
function namesPostField(view: SentenceView, e: EntityMention): boolean {
  const next = view.tokens[e.last];
  if (!next || view.gapBefore(e.last) !== ' ' || !['country', 'place'].includes(e.kind)) return false;
  return lexicon.titleWords.has(next.lower) && next.raw !== next.lower;
}

/** Whether token k is part of a post's name: "Korea Chair", or the place before "Chair" in "Westmark Chair". */
function inPostName(view: SentenceView, k: number): boolean {
  return view.entities.some((e) => k >= e.first && k < e.last && (isNamedPost(view, e) || namesPostField(view, e)));
}

/** Whether a description writes a title word or a post named for its field. */
function namesPost(view: SentenceView, desc: Description): boolean {
  for (let k = desc.first; k < desc.last; k++) if (lexicon.titleWords.has(view.words[k])) return true;
  return view.entities.some((e) => e.first >= desc.first && e.last <= desc.last && isNamedPost(view, e));
}

/** Words of a post named for its field, "Korea Chair", "Asia Director": a short name ending in a title word. */
const namedPostWords = 3;

function isNamedPost(view: SentenceView, e: EntityMention): boolean {
  if (e.kind !== 'name' || e.last - e.first > namedPostWords || e.last - e.first < 2) return false;
  // "Office of the President" is a body.
  const words = view.words.slice(e.first, e.last);
  return lexicon.titleWords.has(words[words.length - 1]) && !words.some((w) => lexicon.prepositions.has(w));
}

function isTitleName(view: SentenceView, e: EntityMention, roles: Claim[]): boolean {
  if (e.kind !== 'name') return false;
  if (isNamedPost(view, e)) return true;
  const known = new Set(roles.flatMap((r) => (r.value.kind === 'role' ? stemsOfTitle(r.value.role.title ?? '') : [])));
  // "Director of Cybersecurity and Critical Technologies": the words after "Director of" are the
  // person's own title's. "Korea Project" is made of words of someone's post too, but holds no
  // title word and follows none: it is a body.
  const afterTitleOf =
    ['of', 'for'].includes(view.words[e.first - 1]) && lexicon.titleWords.has(view.words[e.first - 2] ?? '');
  if (
    afterTitleOf &&
    view.tokens.slice(e.first, e.last).every((t) => lexicon.stopWords.has(t.lower) || known.has(normTitle(t.norm)))
  ) {
    return true;
  }
  if (!view.words.slice(e.first, e.last).some((w) => lexicon.titleWords.has(w) || w in lexicon.titleAbbreviations)) {
    return false;
  }
  for (let k = e.first; k < e.last; k++) {
    const w = view.words[k];
    if (!(
      lexicon.titleWords.has(w) ||
      lexicon.titleModifiers.has(w) ||
      lexicon.stopWords.has(w) ||
      w in lexicon.titleAbbreviations ||
      known.has(normTitle(view.tokens[k].norm))
    )) {
      return false;
    }
  }
  return true;
}

/** The organisation a heading word heads: "heads X", "director of X", "leads X". */
function headedOrg(view: SentenceView, desc: Description, orgs: EntityMention[]): EntityMention | undefined {
  for (let k = desc.first; k < desc.last; k++) {
    const w = view.words[k];
    // "Director, Belfer Center" in a byline is "Director of the Belfer Center" when the title stands alone.
    const bareTitle = k === desc.first && lexicon.headTitles.has(w) && view.gapBefore(k + 1).trim() === ',';
    const heading =
      lexicon.headVerbs[w] === 'head' || (lexicon.headTitles.has(w) && view.words[k + 1] === 'of') || bareTitle;
    if (!heading) continue;
    let j = k + 1;
    if (view.words[j] === 'of') j++;
    if (view.words[j] === 'the') j++;
    return orgs.find((o) => o.first === j || o.first === j + 1);
  }
  return undefined;
}

/**
 * The body a heading verb or title takes as its object, itself and not a part of it ("chairs the
 * working group", not "directs Pacific Forum's Japan programmes"), or undefined.
 */
function headedBody(view: SentenceView, desc: Description, orgs: EntityMention[]): EntityMention | undefined {
  for (let k = desc.first; k < desc.last; k++) {
    const w = view.words[k];
    if (!lexicon.headingPosts.has(lexicon.headVerbs[w] ?? w)) continue;
    let j = k + 1;
    if (view.words[j] === 'of' || view.words[j] === 'over') j++;
    if (view.words[j] === 'the') j++;
    // "heads the INSS centre for …": a body's name before a unit's head noun names the unit's owner.
    return orgs.find(
      (o) => o.first === j && !o.possessive && !lexicon.bodyHeadStems.has(view.tokens[o.last]?.norm ?? ''),
    );
  }
  return undefined;
}

/** Most words of a field a heading verb takes ("heads maritime security programming"). */
const fieldReach = 4;

/**
 * The content words a heading verb takes as its object, up to a preposition, a name or a mark
 * ("heads maritime security programming at Pacific Forum": maritime, security, programming).
 */
function headedField(view: SentenceView, desc: Description): string[] {
  for (let k = desc.first; k < desc.last; k++) {
    if (lexicon.headVerbs[view.words[k]] !== 'head') continue;
    const out: string[] = [];
    for (let j = k + 1; j < Math.min(desc.last, k + 1 + fieldReach); j++) {
      const w = view.words[j];
      if (j > k + 1 && view.gapBefore(j).trim() !== '') break;
      if (lexicon.prepositions.has(w) || view.entities.some((e) => e.first <= j && j < e.last)) break;
      if (!lexicon.stopWords.has(w) && !lexicon.determiners.has(w)) out.push(view.tokens[j].norm);
    }
    return out;
  }
  return [];
}

/** Letters two field words must share at their start to be one ("cyber", "cybersecurity"). */
const fieldStem = 5;

/**
 * A field written with a heading verb agrees with a sourced heading title that names one when a
 * word of it begins as a word of that field does ("cyber" in "Cybersecurity and Critical
 * Technologies"); a title that names no field, or no field written, agrees.
 */
function fieldAgrees(field: string[], sourced: string[]): boolean {
  const rest = sourced.filter((w) => !lexicon.titleWordStems.has(w) && !lexicon.titleModifierStems.has(w));
  if (field.length === 0 || rest.length === 0) return true;
  const start = (w: string): string => w.slice(0, fieldStem);
  return field.some((w) => rest.some((r) => r.startsWith(start(w)) || w.startsWith(start(r))));
}

function overlap(a: string[], b: string[]): number {
  return a.filter((w) => b.includes(w)).length;
}

/** The title words of a description, from the first to the last: what a wrong title marks. */
function titleSpan(
  view: SentenceView,
  desc: Description,
  orgs: EntityMention[],
): { start: number; end: number } | undefined {
  let first = -1;
  let last = -1;
  for (let k = desc.first; k < desc.last; k++) {
    const field = inPostName(view, k);
    if (!field && orgs.some((o) => k >= o.first && k < o.last)) {
      if (first >= 0) break;
      continue;
    }
    const w = view.words[k];
    const titleish =
      field ||
      lexicon.titleWords.has(w) ||
      lexicon.titleModifiers.has(w) ||
      w in lexicon.headVerbs ||
      w in lexicon.titleAbbreviations ||
      knownTitleStems(view).has(normTitle(view.tokens[k].norm));
    if (titleish) {
      // "co-chairs": the prefix is part of the post as written.
      const joint = k > desc.first && lexicon.jointPrefixes.has(view.words[k - 1]) && view.gapBefore(k) === '-';
      if (first < 0) first = joint ? k - 1 : k;
      last = k;
    } else if (first >= 0 && !lexicon.titleJoiners.has(w)) break;
  }
  return first < 0 ? undefined : { start: view.tokens[first].start, end: view.tokens[last].end };
}

/** Whose post the description names, when the knowledge base gives it to someone else. */
function holderOf(
  view: SentenceView,
  desc: Description,
  personId: string,
): { claim: Claim; person: string } | undefined {
  const words = new Set<string>();
  for (let k = desc.first; k < desc.last; k++) words.add(normTitle(view.tokens[k].norm));
  for (const [id, roles] of view.kb.rolesByPerson) {
    if (id === personId) continue;
    const r = roles.find((x) => {
      const title = x.value.kind === 'role' ? stemsOfTitle(x.value.role.title ?? '') : [];
      return title.length > 1 && title.every((w) => words.has(w));
    });
    if (r) return { claim: r, person: view.kb.nameOf(id) };
  }
  return undefined;
}
