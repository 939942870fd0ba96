// A file's valid entries turned into the knowledge base's compact types: sources, glossary terms,
// places and claims (their identity groups and values), with where each came from.
import { lexicon, phraseAt } from '../engine/lexicon';
import { type KnowledgePool } from './compact';
import { locate, origin, type ParsedFile } from './parsedFile';
import { validate } from './schemaErrors';
import {
  type Claim,
  type ClaimValue,
  type CslItem,
  type ParsedKnowledgeFile,
  type SetMember,
  type Term,
  type TermKind,
} from './types';

export function readSources(p: ParsedFile, out: ParsedKnowledgeFile): void {
  const broken = validate(p, undefined, out.errors);
  if (!broken || !Array.isArray(p.data)) return;
  p.data.forEach((item: CslItem, i) => {
    if (broken.has(i)) return;
    out.sources.push({ key: item.id, csl: item, origin: origin(p, [i]), kind: 'knowledge' });
    out.indexes.push(i);
  });
}

interface RawTerm {
  id: string;
  term: string;
  kind: TermKind;
  expansion?: string;
  aliases?: string[];
  definition: string;
  sources?: { key: string; locator: string }[];
  background?: { text: string; from: string };
  expandOnFirstUse?: boolean;
  country?: string;
  year?: number;
  within?: string;
  utcOffset?: number;
  demonyms?: string[];
  members?: string[];
  identifiedBy?: ('country' | 'year')[];
  otherSenses?: string[];
}

interface RawPlace {
  id: string;
  name: string;
  kind: 'country' | 'region' | 'city' | 'sea' | 'state';
  aliases?: string[];
  demonyms?: string[];
  within?: string;
  capitalOf?: string;
  utcOffset?: number;
}

export function readGlossary(p: ParsedFile, out: ParsedKnowledgeFile, pool: KnowledgePool): void {
  const broken = validate(p, 'terms', out.errors);
  if (!broken) return;
  const terms = (p.data as { terms: RawTerm[] }).terms;
  terms.forEach((raw, i) => {
    if (broken.has(i)) return;
    out.terms.push({
      id: pool.word(raw.id),
      term: pool.word(raw.term),
      kind: pool.word(raw.kind) as TermKind,
      expansion: raw.expansion === undefined ? undefined : pool.word(raw.expansion),
      aliases: (raw.aliases ?? []).map((a) => pool.word(a)),
      definition: pool.own(raw.definition.trim()),
      sources: (raw.sources ?? []).map((ref) => ({ key: pool.word(ref.key), locator: pool.word(ref.locator) })),
      background: raw.background && { text: pool.own(raw.background.text), from: pool.word(raw.background.from) },
      expandOnFirstUse: raw.expandOnFirstUse ?? (raw.kind === 'acronym' && raw.expansion !== undefined),
      ...attributes(raw, pool),
      identifiedBy:
        raw.identifiedBy ?? (raw.kind === 'document' || raw.kind === 'event' ? ['country', 'year'] : undefined),
      ...(raw.otherSenses ? { otherSenses: raw.otherSenses.map((w) => pool.word(w)) } : {}),
      origin: origin(p, ['terms', i]),
    });
    out.indexes.push(i);
  });
}

/** The optional attributes glossary entries and places share, pooled, without undefined fields. */
function attributes(raw: RawTerm | RawPlace, pool: KnowledgePool): Partial<Term> {
  const out: Partial<Term> = {};
  if ('country' in raw && raw.country !== undefined) out.country = pool.word(raw.country);
  if ('year' in raw && raw.year !== undefined) out.year = raw.year;
  if (raw.within !== undefined) out.within = pool.word(raw.within);
  if (raw.utcOffset !== undefined) out.utcOffset = raw.utcOffset;
  if (raw.demonyms !== undefined) out.demonyms = raw.demonyms.map((d) => pool.word(d));
  if ('members' in raw && raw.members !== undefined) out.members = raw.members.map((m) => pool.word(m));
  if ('capitalOf' in raw && raw.capitalOf !== undefined) out.capitalOf = pool.word(raw.capitalOf);
  return out;
}

/** Places are general knowledge the reader recognises: terms that never hover. */
export function readPlaces(p: ParsedFile, out: ParsedKnowledgeFile, pool: KnowledgePool): void {
  const broken = validate(p, 'places', out.errors);
  if (!broken) return;
  const places = (p.data as { places: RawPlace[] }).places;
  places.forEach((raw, i) => {
    if (broken.has(i)) return;
    out.terms.push({
      id: pool.word(raw.id),
      term: pool.word(raw.name),
      kind: raw.kind === 'country' ? 'country' : 'place',
      aliases: (raw.aliases ?? []).map((a) => pool.word(a)),
      definition: '',
      sources: [],
      expandOnFirstUse: false,
      gazetteer: true,
      ...attributes(raw, pool),
      origin: origin(p, ['places', i]),
    });
    out.indexes.push(i);
  });
}

const valueKinds = [
  'quantity',
  'year',
  'date',
  'period',
  'ordinal',
  'role',
  'holders',
  'set',
  'stance',
  'preference',
  'quantifier',
  'entity',
] as const;

interface RawAbout {
  subject?: string[];
  property: string[];
  with?: string[][];
}

/** A claim's identity groups in one list, with where its property and subject groups are in it. */
function identity(
  about: string[][] | RawAbout | undefined,
  pool: KnowledgePool,
): Pick<Claim, 'about' | 'property' | 'subject'> {
  if (about === undefined) return { about: [], property: -1, subject: -1 };
  if (Array.isArray(about)) return { about: about.map((g) => pool.group(g)), property: -1, subject: -1 };
  const groups = [about.property, ...(about.subject ? [about.subject] : []), ...(about.with ?? [])];
  return { about: groups.map((g) => pool.group(g)), property: 0, subject: about.subject ? 1 : -1 };
}

/** The value of a claim as the engine reads it: holders are a closed set of agents; set members are lists. */
function claimValue(raw: Record<string, unknown>, kind: (typeof valueKinds)[number], pool: KnowledgePool): ClaimValue {
  if (kind === 'holders') {
    const holders = raw.holders as { people: string[] };
    return { kind: 'set', set: { members: holders.people.map((p) => pool.group([p])), closed: true, slot: 'agent' } };
  }
  if (kind === 'set') {
    const set = raw.set as { members: (string | string[])[]; closed?: boolean; slot?: 'agent' | 'list' };
    const members: SetMember[] = set.members.map((m) => pool.group(typeof m === 'string' ? [m] : m));
    return { kind: 'set', set: { members, closed: set.closed ?? true, slot: set.slot ?? 'list' } };
  }
  return { kind, [kind]: pool.plain(raw[kind]) } as unknown as ClaimValue;
}

/** A quantifier must be one the lexicon knows, or the engine could never compare it. */
function knownQuantifier(word: string): boolean {
  const words = word.toLowerCase().split(/\s+/);
  return [lexicon.quantifiers, lexicon.frequencies].some(
    (list) => phraseAt(list, words, 0)?.words.length === words.length,
  );
}

export function readClaims(p: ParsedFile, out: ParsedKnowledgeFile, pool: KnowledgePool): void {
  const broken = validate(p, 'claims', out.errors);
  if (!broken) return;
  const data = p.data as { source: string; claims: Record<string, unknown>[] };
  const source = pool.word(data.source);
  out.claimsSource = source;
  data.claims.forEach((raw, i) => {
    if (broken.has(i)) return;
    const kind = valueKinds.find((k) => raw[k] !== undefined)!;
    if (kind === 'quantifier' && !knownQuantifier(raw.quantifier as string)) {
      out.errors.push({
        kind: 'schema',
        message:
          `claims.${i}.quantifier: "${raw.quantifier as string}" is not a quantifier the lexicon knows ` +
          '(majority, most, many, few, all, several times …)',
        ...locate(p, ['claims', i, 'quantifier']),
      });
      return;
    }
    const value = claimValue(raw, kind, pool);
    // A role is about its person: the claim applies where the person is named.
    const about =
      raw.about === undefined && value.kind === 'role'
        ? [[value.role.person]]
        : (raw.about as string[][] | RawAbout | undefined);
    out.claims.push({
      id: pool.own(`${source}/${raw.id as string}`),
      source,
      locator: pool.word(raw.locator as string),
      statement: pool.own((raw.statement as string).trim()),
      ...identity(about, pool),
      quote: raw.quote === undefined ? undefined : pool.own(raw.quote as string),
      mood: raw.mood === 'recommends' ? 'recommends' : undefined,
      value,
      note: raw.note === undefined ? undefined : pool.own(raw.note as string),
      qualifier: raw.qualifier === undefined ? undefined : pool.own(raw.qualifier as string),
      origin: origin(p, ['claims', i]),
    });
    out.indexes.push(i);
  });
}
