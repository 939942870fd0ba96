// The in-memory shape of the knowledge base. Files on disk follow knowledge/schema/*.schema.json;
// the loader turns them into these types and records where every entry came from.

export interface FileLocation {
  /** Absolute path (or a label such as `<memory>` in tests). */
  file: string;
  /** 0-based line and character of the entry in that file. */
  line: number;
  character: number;
}

import type { CslItem, CslName } from '../common/cslJson';
import type { KnowledgeFileKind } from './fileKinds';

// CSL-JSON is shared with the client (common/); the knowledge base's own types name it from here too.
export type { CslItem, CslName };

export interface Source {
  key: string;
  csl: CslItem;
  origin: FileLocation;
  /** Where the source came from: the knowledge base, a bibliography file, or a report read from the sources folder. */
  kind: 'knowledge' | 'bibliography' | 'ingested';
  /** A report's body sentences as written, in order: a memo sentence echoing one is compared with it. */
  sentences?: readonly SourceSentence[];
}

export interface SourceSentence {
  text: string;
  locator: string;
  /** 0-based line of its passage in the report file. */
  line: number;
  /** Its index among its passage's sentences: 0 opens a paragraph. */
  inPassage: number;
}

export type TermKind =
  | 'acronym'
  | 'concept'
  | 'organisation'
  | 'person'
  | 'event'
  | 'document'
  | 'programme'
  | 'place'
  | 'technology'
  | 'group'
  | 'country';

interface SourceRef {
  key: string;
  locator: string;
}

export interface Term {
  id: string;
  term: string;
  kind: TermKind;
  expansion?: string;
  aliases: string[];
  definition: string;
  sources: SourceRef[];
  background?: { text: string; from: string };
  expandOnFirstUse: boolean;
  /** The country it belongs to or comes from (a term id). */
  country?: string;
  /** The year of a document or event. */
  year?: number;
  /** The place or organisation it is part of (a term id). */
  within?: string;
  /** A place's time zone, hours from UTC. */
  utcOffset?: number;
  /** Adjectives for a country or region ("Japanese"). */
  demonyms?: readonly string[];
  /** The people or bodies a group stands for. */
  members?: readonly string[];
  /** Attributes that tell it from others of the same name: another value written with it means another entity. */
  identifiedBy?: readonly ('country' | 'year')[];
  /** Words near the name that show it means something else: "navigation" for GPS, global pivotal state. */
  otherSenses?: readonly string[];
  /** A capital's country: "Seoul" can stand for the government of South Korea. */
  capitalOf?: string;
  /** General knowledge (a places file): recognised in memos, never hovered. */
  gazetteer?: boolean;
  origin: FileLocation;
}

type QuantityUnit = 'percent' | 'times' | 'count' | 'money';
export type Bound = 'over' | 'under' | 'at-least' | 'at-most';

export interface QuantityValue {
  value: number;
  unit: QuantityUnit;
  approx?: boolean;
  bound?: Bound;
  of?: number;
  /** What a multiple is compared with ("50 times faster than 5G"): a term id or phrase. */
  than?: string;
  /** ISO 4217 code of an amount of money. */
  currency?: string;
  /** The unit symbol of a measurement ("mhz" for "700 MHz"): compared only with one in that unit. */
  measure?: string;
}

export interface DateValue {
  year: number;
  month?: number;
  day?: number;
  /** The last day of a span of days in the month ("7 to 11 July": day 7, lastDay 11). */
  lastDay?: number;
  /** The place whose calendar the date is in (a term id): one event has a US and an Asian date. */
  zone?: string;
}

/** A quantifier or frequency word of the lexicon ("majority", "several times"). */
type Quantifier = string;
type StancePredicate =
  | 'support'
  | 'increase'
  | 'evaluate'
  | 'harm'
  | 'complement'
  | 'link'
  | 'role'
  | 'bound'
  | 'capable'
  | 'cooperate'
  | 'happen'
  | 'maturity'
  | 'access'
  | 'remote'
  | 'consensus'
  | 'approve'
  | 'mention'
  | 'capture'
  | 'scope'
  | 'generic';

export type EntityKind = TermKind | 'place';

/** One member of a set: alternative names for it (term ids or phrases). */
export type SetMember = readonly string[];

export type ClaimValue =
  | { kind: 'quantity'; quantity: QuantityValue }
  | { kind: 'year'; year: number }
  | { kind: 'date'; date: DateValue }
  | { kind: 'period'; period: { from: number; to: number } }
  | { kind: 'ordinal'; ordinal: number }
  | { kind: 'role'; role: { person: string; title?: string; org?: string } }
  | {
      kind: 'stance';
      stance: { predicate: StancePredicate; polarity: 'positive' | 'negative'; contrary?: string[]; affirm?: string[] };
    }
  | { kind: 'preference'; preference: { preferred: string[]; over: string[] } }
  | { kind: 'quantifier'; quantifier: Quantifier }
  | { kind: 'entity'; entity: { value: string; kind: EntityKind; slot?: 'agent' | 'object' | 'owner' | 'any' } }
  | { kind: 'set'; set: { members: SetMember[]; closed: boolean; slot: 'agent' | 'list' } };

export type ClaimKind = ClaimValue['kind'];

interface ReportNames {
  /** Written in more than two sentences: what the report is about at large. */
  throughout: readonly string[];
  /** Written in one or two: each pins the facts of its own sentences down. */
  distinctive: readonly string[];
  /** The claim's identity is words, not names: a memo naming what the report never does is on something else. */
  unnamed?: boolean;
}

export interface Claim {
  /** `source/local-id`, unique across the knowledge base. */
  id: string;
  source: string;
  locator: string;
  statement: string;
  /**
   * Identity: every group must match the sentence (or, but for the property, its paragraph); each
   * group lists alternative phrases.
   */
  about: readonly (readonly string[])[];
  /** Which group of `about` is the property (values bind to it; always in the sentence); -1: the rarest. */
  property: number;
  /** Which group names the subject, or -1. */
  subject: number;
  value: ClaimValue;
  /** The source recommends this rather than reports it. */
  mood?: 'recommends';
  note?: string;
  qualifier?: string;
  /**
   * The year an extracted figure's sentence dates it to, written apart from it ("the addition of 69
   * entities … in May 2019"): a memo figure its own sentence dates to another year is another fact.
   */
  datedTo?: number;
  /** Read automatically from a source file rather than curated: weaker evidence. */
  extracted?: boolean;
  /**
   * How surely an extracted claim's identity picks out one fact: `certain` when its property is the
   * figure's own noun phrase and a name the report writes in at most two sentences pins it down.
   */
  identity?: 'certain' | 'weak';
  /** The names an extracted claim's report writes (lower-cased): which ones a memo on its fact may write. */
  reportNames?: ReportNames;
  /** The source's own words: a short phrase of a curated claim, or the sentence an extracted claim comes from. */
  quote?: string;
  origin: FileLocation;
}

type KnowledgeErrorKind = 'syntax' | 'schema' | 'duplicate' | 'reference' | 'io';

export interface KnowledgeError {
  kind: KnowledgeErrorKind;
  message: string;
  file: string;
  /** 0-based; the CLI and messages print them 1-based. */
  line: number;
  character: number;
  endLine?: number;
  endCharacter?: number;
}

/** One knowledge file as read from disk (or memory): the loader never touches the file system itself. */
export interface KnowledgeFile {
  path: string;
  text: string;
}

/** Knowledge loaded from files: their valid entries, and every problem found in them. */
export interface LoadedKnowledge {
  sources: Source[];
  terms: Term[];
  claims: Claim[];
  errors: KnowledgeError[];
}

/** One knowledge file, parsed and validated on its own, its valid entries in compact form. */
export interface ParsedKnowledgeFile {
  path: string;
  kind: KnowledgeFileKind;
  /** Problems the file has on its own: encoding, syntax, schema. */
  errors: KnowledgeError[];
  sources: Source[];
  terms: Term[];
  claims: Claim[];
  /** Per entry (sources, terms or claims, in order): its index in the file's list, to locate later errors. */
  indexes: number[];
  /** A claims file's `source:` key. */
  claimsSource?: string;
}
