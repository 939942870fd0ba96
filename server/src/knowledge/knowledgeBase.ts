// The loaded knowledge, indexed once: phrase matchers for glossary terms and claim anchors, and
// look-ups by key and id. Everything on the typing path reads these indexes and builds nothing.
import { PhraseMatcher } from '../engine/text/phraseMatcher';
import { singularOfAcronym, tokenize } from '../engine/text/tokens';
import { type Claim, type KnowledgeError, type LoadedKnowledge, type Source, type Term } from './types';

export interface AnchorHit {
  claim: number;
  group: number;
}

/** One anchor group of claims (`about`), indexed: shared by every claim that names the same phrases. */
export interface AnchorGroup {
  /** The group's phrases with every surface form of the glossary terms they name. */
  readonly phrases: readonly string[];
  /** The anchor matcher's entries (hit lists) for those phrases. */
  readonly entries: readonly AnchorHit[][];
  /** The glossary ids the group names, so an earlier sentence can satisfy it. */
  readonly ids: ReadonlySet<string>;
}

/** What the index knows of one claim. */
export interface ClaimAnchors {
  /** Its anchor groups, in the order of `claim.about`. */
  readonly groups: readonly AnchorGroup[];
  /** The group its values bind to: the property; else the group fewest other claims share. */
  readonly propertyGroup: number;
}

/** An anchor group while the index is built: its matcher entries come last, and its key decides focus. */
interface BuildingGroup extends AnchorGroup {
  entries: AnchorHit[][];
  readonly key: string;
}

let nextVersion = 1;

/** The longest name, in words, that a name written with one word wrong is matched against. */
export const nearMissMaxWords = 9;

export class KnowledgeBase {
  readonly version = nextVersion++;
  readonly sources = new Map<string, Source>();
  readonly terms: Term[];
  readonly termById = new Map<string, Term>();
  readonly claims: Claim[];
  readonly errors: KnowledgeError[];
  /** Every surface form of every glossary term. */
  readonly termMatcher = new PhraseMatcher<Term>();
  /** Every anchor phrase, once, pointing at all the (claim, group) pairs that use it. */
  readonly anchorMatcher = new PhraseMatcher<AnchorHit[]>();
  /** Per claim, by its index in `claims`: its anchor groups as indexed, and the group its values bind to. */
  readonly claimAnchors: readonly ClaimAnchors[];
  /**
   * Per anchor matcher entry, the hits in a claim's property group: only those make the claim a
   * candidate. A phrase thousands of claims name ("exports", a region) is the property of few of
   * them, so a sentence that writes it visits those few rather than every claim naming it. Kept as
   * claim indexes, each followed by its group's index, in one typed array per entry: a sentence
   * reads tens of these per phrase, and reading them touches no claim object.
   */
  readonly propertyHits = new Map<readonly AnchorHit[], Int32Array>();
  /**
   * Every claim's identity groups (all but its property group) as numbers into `anchorGroups`:
   * claim i's are `identityGroupIds[identityGroupStart[i]]` up to `identityGroupStart[i + 1]`. Most
   * claims a property phrase reaches lack one of them, which these rule out without visiting the claim.
   */
  readonly identityGroupStart: Int32Array;
  readonly identityGroupIds: Int32Array;
  /** The distinct identity groups, numbered as `identityGroupIds` number them. */
  readonly identityGroups: readonly AnchorGroup[];
  /** Claim index by claim, for findings that carry the claim. */
  readonly claimIndex = new Map<Claim, number>();
  /** Role claims per person id. */
  readonly rolesByPerson = new Map<string, Claim[]>();
  /** Known role titles (from role claims), for spotting a title in a sentence. */
  readonly titleMatcher = new PhraseMatcher<string>();
  /** Claims per source key. */
  readonly claimsBySource = new Map<string, Claim[]>();
  /** Memo of the closest known keys to a mistyped one (the keys do not change for this knowledge). */
  readonly closestKeysMemo = new Map<string, string[]>();
  private nearMissMemo?: Map<string, { term: Term; form: string; open: number }[]>;

  constructor(loaded: LoadedKnowledge) {
    for (const source of loaded.sources) this.sources.set(source.key, source);
    this.terms = loaded.terms;
    this.claims = loaded.claims;
    this.errors = loaded.errors;
    const formsByKey = new Map<string, string[]>();
    for (const term of this.terms) {
      this.termById.set(term.id, term);
      const forms = surfaceForms(term);
      this.formsByTerm.set(term, forms);
      for (const form of forms) {
        this.termMatcher.add(form, term);
        const key = form.toLowerCase();
        if (!this.termByForm.has(key)) this.termByForm.set(key, term);
      }
    }
    // A capital stands for its country in claims ("Seoul and Washington" for South Korea and the US).
    const capitals = new Map<string, string[]>();
    for (const term of this.terms) {
      if (term.capitalOf) {
        capitals.set(term.capitalOf, [...(capitals.get(term.capitalOf) ?? []), ...this.formsByTerm.get(term)!]);
      }
    }
    for (const term of this.terms) {
      const forms = capitals.has(term.id)
        ? [...this.formsByTerm.get(term)!, ...capitals.get(term.id)!]
        : this.formsByTerm.get(term)!;
      formsByKey.set(term.id.toLowerCase(), forms);
      for (const form of forms) formsByKey.set(form.toLowerCase(), forms);
    }
    // Claims often share anchor groups: each distinct group is expanded, keyed and stored once, as
    // one AnchorGroup every claim naming it shares. The loader shares one array per distinct group,
    // so most look-ups hit the first map.
    const interned = new Map<string, BuildingGroup>();
    const internedArrays = new Map<readonly string[], BuildingGroup>();
    const intern = (group: readonly string[]): BuildingGroup => {
      let entry = internedArrays.get(group);
      if (entry) return entry;
      const raw = group.join('\u0001');
      entry = interned.get(raw);
      if (!entry) {
        const phrases = expandGroup(group, formsByKey);
        interned.set(raw, (entry = { phrases, entries: [], ids: this.idsNamed(group), key: groupKey(phrases) }));
      }
      internedArrays.set(group, entry);
      return entry;
    };
    const groupsOf = this.claims.map((claim) => claim.about.map(intern));
    // How many claims share a group decides each claim's focus: the group fewest others have.
    const groupUse = new Map<string, number>();
    for (const groups of groupsOf) for (const g of groups) groupUse.set(g.key, (groupUse.get(g.key) ?? 0) + 1);
    const focusGroup = (groups: BuildingGroup[]): number => {
      let best = 0;
      for (let i = 1; i < groups.length; i++) {
        if (groupUse.get(groups[i].key)! < groupUse.get(groups[best].key)!) best = i;
      }
      return best;
    };
    // One matcher entry per distinct phrase: a phrase many claims share ("exports") is matched once.
    // Each distinct group's phrases are looked up once, not once per claim that has the group.
    const byPhrase = new Map<string, { phrase: string; hits: AnchorHit[] }>();
    const phraseEntriesOf = new Map<BuildingGroup, { phrase: string; hits: AnchorHit[] }[]>();
    const phraseEntries = (group: BuildingGroup): { phrase: string; hits: AnchorHit[] }[] => {
      let entries = phraseEntriesOf.get(group);
      if (!entries) {
        const found = new Set<{ phrase: string; hits: AnchorHit[] }>();
        for (const phrase of group.phrases) {
          const key = phrase.toLowerCase();
          let entry = byPhrase.get(key);
          if (!entry) byPhrase.set(key, (entry = { phrase, hits: [] }));
          found.add(entry);
        }
        phraseEntriesOf.set(group, (entries = [...found]));
      }
      return entries;
    };
    groupsOf.forEach((groups, claim) =>
      groups.forEach((group, groupIndex) => {
        const hit = { claim, group: groupIndex };
        for (const entry of phraseEntries(group)) entry.hits.push(hit);
      }),
    );
    // Exactly sized copies of the lists grown above (they are kept for the life of the knowledge).
    for (const entry of byPhrase.values()) entry.hits = entry.hits.slice();
    for (const { phrase, hits } of byPhrase.values()) this.anchorMatcher.add(phrase, hits);
    // Each group's matcher entries (hit lists) of its phrases: a sentence's matches are looked up by
    // entry, so only claims whose rarest group matched are ever visited.
    for (const [group, entries] of phraseEntriesOf) group.entries = entries.map((entry) => entry.hits);
    this.claimAnchors = this.claims.map((c, i) => {
      const groups = groupsOf[i];
      const property = c.property >= 0 && c.property < c.about.length ? c.property : focusGroup(groups);
      return { groups, propertyGroup: property };
    });
    for (const { hits } of byPhrase.values()) {
      const isProperty = (hit: AnchorHit): boolean => hit.group === this.claimAnchors[hit.claim].propertyGroup;
      const count = hits.reduce((n, hit) => (isProperty(hit) ? n + 1 : n), 0);
      if (count === 0) continue;
      const own = new Int32Array(2 * count);
      for (let i = 0, k = 0; i < hits.length; i++) {
        if (!isProperty(hits[i])) continue;
        own[k++] = hits[i].claim;
        own[k++] = hits[i].group;
      }
      this.propertyHits.set(hits, own);
    }
    const groupNumbers = new Map<AnchorGroup, number>();
    const identityIds: number[] = [];
    this.identityGroupStart = new Int32Array(this.claims.length + 1);
    this.claimAnchors.forEach(({ groups, propertyGroup }, i) => {
      this.identityGroupStart[i] = identityIds.length;
      groups.forEach((group, g) => {
        if (g === propertyGroup) return;
        let n = groupNumbers.get(group);
        if (n === undefined) groupNumbers.set(group, (n = groupNumbers.size));
        identityIds.push(n);
      });
    });
    this.identityGroupStart[this.claims.length] = identityIds.length;
    this.identityGroupIds = Int32Array.from(identityIds);
    this.identityGroups = [...groupNumbers.keys()];
    this.claims.forEach((c, i) => this.claimIndex.set(c, i));

    for (const claim of this.claims) {
      const list = this.claimsBySource.get(claim.source) ?? [];
      list.push(claim);
      this.claimsBySource.set(claim.source, list);
      if (claim.value.kind === 'role') {
        const roles = this.rolesByPerson.get(claim.value.role.person) ?? [];
        roles.push(claim);
        this.rolesByPerson.set(claim.value.role.person, roles);
        if (claim.value.role.title) this.titleMatcher.add(claim.value.role.title, claim.value.role.title);
      }
    }
  }

  /** The glossary ids a group's phrases name (as an id or as a surface form). */
  private idsNamed(group: readonly string[]): ReadonlySet<string> {
    const ids = new Set<string>();
    for (const phrase of group) {
      const id = (this.termById.get(phrase) ?? this.termByForm.get(phrase.toLowerCase()))?.id;
      if (id !== undefined) ids.add(id);
    }
    return ids;
  }

  /**
   * Multi-word names with one capitalised word left open ("* Cyberspace Conference"), for names
   * written with one word wrong. Built on first use: most sentences never need it.
   */
  get nearMissIndex(): ReadonlyMap<string, { term: Term; form: string; open: number }[]> {
    if (this.nearMissMemo) return this.nearMissMemo;
    const index = new Map<string, { term: Term; form: string; open: number }[]>();
    for (const term of this.terms) {
      // Names of things, not of ideas: an acronym's or a group's wording varies too much to call a word wrong.
      if (
        !['event', 'document', 'organisation', 'programme', 'place', 'country', 'person'].includes(term.kind) ||
        term.gazetteer
      ) {
        continue;
      }
      for (const form of this.formsByTerm.get(term) ?? []) {
        const tokens = tokenize(form);
        if (tokens.length < 2 || tokens.length > nearMissMaxWords) continue;
        tokens.forEach((t, k) => {
          if (!/^\p{Lu}/u.test(t.raw) || t.raw.length < 2) return;
          const key = tokens.map((x, j) => (j === k ? '*' : x.norm)).join(' ');
          const list = index.get(key) ?? [];
          if (!list.some((e) => e.term === term)) list.push({ term, form, open: k });
          index.set(key, list);
        });
      }
    }
    return (this.nearMissMemo = index);
  }

  /** Terms by id and by every surface form, lower-cased: built once, read on the typing path. */
  private readonly termByForm = new Map<string, Term>();

  /** All surface forms of a term or a literal phrase. */
  formsOf(idOrPhrase: string): readonly string[] {
    const term = this.termById.get(idOrPhrase) ?? this.termByForm.get(idOrPhrase.toLowerCase());
    return term ? (this.formsByTerm.get(term) ?? surfaceForms(term)) : [idOrPhrase];
  }

  /** Each term's surface forms, worked out once. */
  private readonly formsByTerm = new Map<Term, string[]>();

  /** A readable name for a glossary id, or the phrase itself. */
  nameOf(idOrPhrase: string): string {
    const term = this.termById.get(idOrPhrase);
    if (!term) return idOrPhrase;
    return term.kind === 'acronym' && term.expansion ? term.expansion : term.term;
  }
}

export function surfaceForms(term: Term): string[] {
  const forms = [
    term.term,
    ...(term.expansion ? [term.expansion] : []),
    ...term.aliases,
    ...(term.demonyms ?? []),
    ...initialled(term),
  ];
  return [...new Set(forms.filter((f) => f.trim().length > 0))];
}

/** A person's name with given names as initials, as briefings write it: "S.J. Kim", "S. J. Kim", "L. Kim". */
function initialled(term: Term): string[] {
  if (term.kind !== 'person') return [];
  const words = term.term.split(/\s+/).filter(Boolean);
  if (words.length < 2) return [];
  const family = words[words.length - 1];
  const initials = words.slice(0, -1).map((w) =>
    w
      .split('-')
      .map((p) => p[0]?.toUpperCase())
      .join('.'),
  );
  return [`${initials.join('.')}. ${family}`, `${initials.join('. ')}. ${family}`];
}

function expandGroup(group: readonly string[], formsByKey: Map<string, string[]>): string[] {
  const out = new Set<string>();
  for (const phrase of group) {
    out.add(phrase);
    // "CBMs" is the plural of the acronym "CBM": its forms are the acronym's.
    const forms =
      formsByKey.get(phrase.toLowerCase()) ?? formsByKey.get(singularOfAcronym(phrase)?.toLowerCase() ?? '') ?? [];
    for (const form of forms) out.add(form);
    const inverted = headOfPlaceInverted(phrase);
    if (inverted) out.add(inverted);
  }
  return [...out];
}

/** "Bank of Bangladesh" is also written "Bangladesh Bank": a one-word head of a one-word name, the other way round. */
function headOfPlaceInverted(phrase: string): string | undefined {
  const words = phrase.split(' ');
  const capitalised = (w: string): boolean => w.length > 1 && w[0] !== w[0].toLowerCase();
  if (words.length !== 3 || words[1] !== 'of' || !capitalised(words[0]) || !capitalised(words[2])) return undefined;
  return `${words[2]} ${words[0]}`;
}

function groupKey(group: string[]): string {
  return [...group]
    .map((g) => g.toLowerCase())
    .sort()
    .join('|');
}
