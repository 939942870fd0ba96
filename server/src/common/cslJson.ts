// CSL-JSON, the bibliography format Citation Style Language processors read: shared by the
// knowledge base, the server's requests and the client.

export interface CslName {
  family?: string;
  given?: string;
  literal?: string;
  /** "van" in "Vincent van Gogh": part of the name as written, not sorted on in some styles. */
  'non-dropping-particle'?: string;
  'dropping-particle'?: string;
}

interface CslDate {
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
