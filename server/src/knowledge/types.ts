// The in-memory shape of the knowledge base. Files on disk follow knowledge/schema/*.schema.json;
// the loader turns them into these types and records where every entry came from.

export interface FileLocation {
  /** Absolute path (or a label such as `<memory>` in tests). */
  file: string;
  /** 0-based line and character of the entry in that file. */
  line: number;
  character: number;
}

export interface CslName {
  family?: string;
  given?: string;
  literal?: string;
}

export interface CslDate {
  'date-parts'?: (number | string)[][];
  literal?: string;
}

/** A CSL-JSON item: the fields we read, plus whatever else the file holds. */
export interface CslItem {
  id: string;
  type: string;
  title?: string;
  author?: CslName[];
  editor?: CslName[];
  issued?: CslDate;
  'container-title'?: string;
  publisher?: string;
  'publisher-place'?: string;
  genre?: string;
  'event-title'?: string;
  'event-date'?: CslDate;
  URL?: string;
  DOI?: string;
  note?: string;
  [field: string]: unknown;
}

export interface Source {
  key: string;
  csl: CslItem;
  origin: FileLocation;
  /** Where the source came from: the knowledge base, a bibliography file, or a report read from the sources folder. */
  kind: 'knowledge' | 'bibliography' | 'ingested';
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
  | 'group';

export interface SourceRef {
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
  origin: FileLocation;
}

export type QuantityUnit = 'percent' | 'times' | 'count';
export type Bound = 'over' | 'under' | 'at-least' | 'at-most';

export interface QuantityValue {
  value: number;
  unit: QuantityUnit;
  approx?: boolean;
  bound?: Bound;
  of?: number;
}

export interface DateValue {
  year: number;
  month?: number;
  day?: number;
}

export type Quantifier = 'none' | 'few' | 'minority' | 'some' | 'many' | 'majority' | 'most' | 'all';
export type StancePredicate = 'support' | 'cooperate' | 'role' | 'bound' | 'capable' | 'generic';

export type ClaimValue =
  | { kind: 'quantity'; quantity: QuantityValue }
  | { kind: 'year'; year: number }
  | { kind: 'date'; date: DateValue }
  | { kind: 'period'; period: { from: number; to: number } }
  | { kind: 'ordinal'; ordinal: number }
  | { kind: 'role'; role: { person: string; title?: string; org?: string } }
  | { kind: 'holders'; holders: { people: string[]; exclusive: boolean } }
  | { kind: 'stance'; stance: { predicate: StancePredicate; polarity: 'positive' | 'negative'; contrary?: string[] } }
  | { kind: 'preference'; preference: { preferred: string[]; over: string[] } }
  | { kind: 'quantifier'; quantifier: Quantifier }
  | { kind: 'entity'; entity: { value: string; kind: 'place' | 'organisation' | 'person' } };

export type ClaimKind = ClaimValue['kind'];

export interface Claim {
  /** `source/local-id`, unique across the knowledge base. */
  id: string;
  source: string;
  locator: string;
  statement: string;
  /** Topic anchors: every group must match a sentence; each group lists alternative phrases. */
  about: readonly (readonly string[])[];
  value: ClaimValue;
  note?: string;
  qualifier?: string;
  /** Read automatically from a source file rather than curated: weaker evidence. */
  extracted?: boolean;
  /** The source's own sentence an extracted claim comes from. */
  quote?: string;
  origin: FileLocation;
}

export type KnowledgeErrorKind = 'syntax' | 'schema' | 'duplicate' | 'reference' | 'io';

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
