// Parsed files put together into one knowledge: the first definition of a key or id wins, and
// duplicates and dangling references are reported at the entry at fault.
import { locateLater, type ParsedFile } from './parsedFile';
import type {
  Claim,
  FileLocation,
  KnowledgeError,
  LoadedKnowledge,
  ParsedKnowledgeFile,
  Term,
  TermKind,
} from './types';

/**
 * Puts parsed files together: sources first (glossary and claims refer to them), then glossary,
 * then claims; the first definition of a key or id wins, and later ones are reported, as are
 * references to sources or glossary entries that no file defines. `textOf` gives a file's text
 * again, for the exact position of such an error (they are rare, so positions are found only then).
 */
export function assembleKnowledge(
  files: readonly ParsedKnowledgeFile[],
  base?: LoadedKnowledge,
  textOf: (path: string) => string | undefined = () => undefined,
): LoadedKnowledge {
  const steps = assembleInSlices(files, base, textOf, Infinity);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/**
 * assembleKnowledge in slices: it yields once a slice has taken `budgetMs`, between files (finding
 * the position of an error parses its file again, which for many files adds up).
 */
export function* assembleInSlices(
  files: readonly ParsedKnowledgeFile[],
  base: LoadedKnowledge | undefined,
  textOf: (path: string) => string | undefined,
  budgetMs: number,
): Generator<void, LoadedKnowledge, void> {
  let sliceStart = performance.now();
  const due = (): boolean => performance.now() - sliceStart > budgetMs;
  const result: LoadedKnowledge = base
    ? { sources: [...base.sources], terms: [...base.terms], claims: [...base.claims], errors: [...base.errors] }
    : { sources: [], terms: [], claims: [], errors: [] };
  const reparsed = new Map<string, ParsedFile>();
  const at: Locator = (f, path, fallback) => locateLater(f, path, textOf, reparsed, fallback);
  for (const f of files) result.errors.push(...f.errors);
  const sourceKeys = new Set(result.sources.map((s) => s.key));
  for (const f of files) {
    f.sources.forEach((source, j) => {
      if (sourceKeys.has(source.key)) {
        result.errors.push({
          kind: 'duplicate',
          message: `duplicate source key "${source.key}"`,
          ...at(f, [f.indexes[j], 'id'], source.origin),
        });
        return;
      }
      sourceKeys.add(source.key);
      result.sources.push(source);
    });
    if (due()) {
      yield;
      sliceStart = performance.now();
    }
  }
  const termIds = new Set(result.terms.map((t) => t.id));
  for (const f of files) {
    f.terms.forEach((term, j) => {
      // A glossary entry of a place the gazetteer lists is that place, described: one term, the
      // glossary's, with the names of both.
      const merged = termIds.has(term.id) ? mergeWithPlace(result.terms, term) : false;
      if (merged) return;
      if (termIds.has(term.id)) {
        result.errors.push({
          kind: 'duplicate',
          message: `duplicate glossary id "${term.id}"`,
          ...at(f, ['terms', f.indexes[j], 'id'], term.origin),
        });
        return;
      }
      termIds.add(term.id);
      result.terms.push(term);
    });
    if (due()) {
      yield;
      sliceStart = performance.now();
    }
  }
  const claimIds = new Set(result.claims.map((c) => c.id));
  for (const f of files) {
    if (f.claimsSource === undefined) continue;
    if (!sourceKeys.has(f.claimsSource)) {
      result.errors.push({
        kind: 'reference',
        message: `source "${f.claimsSource}" is not defined in any sources file`,
        ...at(f, ['source']),
      });
      continue;
    }
    f.claims.forEach((claim, j) => {
      if (claimIds.has(claim.id)) {
        result.errors.push({
          kind: 'duplicate',
          message: `duplicate claim id "${claim.id.slice(claim.source.length + 1)}" in source ${claim.source}`,
          ...at(f, ['claims', f.indexes[j], 'id'], claim.origin),
        });
        return;
      }
      claimIds.add(claim.id);
      result.claims.push(claim);
    });
    if (due()) {
      yield;
      sliceStart = performance.now();
    }
  }
  checkReferences(
    files,
    result,
    at,
    base ? { terms: base.terms.length, claims: base.claims.length } : { terms: 0, claims: 0 },
  );
  return result;
}

type Locator = (
  f: ParsedKnowledgeFile,
  path: (string | number)[],
  fallback?: FileLocation,
) => Omit<KnowledgeError, 'kind' | 'message'>;

/**
 * Dangling references: unknown source keys in glossary entries, unknown people and organisations
 * in claims. Entries are shared with the files they came from (a server keeps those to reload
 * quickly), so a term that loses a reference is replaced by a copy rather than changed.
 */
function checkReferences(
  files: readonly ParsedKnowledgeFile[],
  result: LoadedKnowledge,
  at: Locator,
  checked: { terms: number; claims: number },
): void {
  const sourceKeys = new Set(result.sources.map((s) => s.key));
  const termById = new Map(result.terms.map((t) => [t.id, t]));
  const byPath = new Map(files.map((f) => [f.path, f]));
  /** The file an entry came from and its index in that file's list (only looked up for an error). */
  const place = (entry: Term | Claim, list: 'terms' | 'claims'): [ParsedKnowledgeFile | undefined, number] => {
    const f = byPath.get(entry.origin.file);
    const j = f ? (f[list] as (Term | Claim)[]).indexOf(entry) : -1;
    return [f, f && j >= 0 ? f.indexes[j] : -1];
  };
  const refError = (
    entry: Term | Claim,
    list: 'terms' | 'claims',
    path: (string | number)[],
    message: string,
  ): void => {
    const [f, index] = place(entry, list);
    const location = f
      ? at(f, [list, index, ...path], entry.origin)
      : { file: entry.origin.file, line: entry.origin.line, character: entry.origin.character };
    result.errors.push({ kind: 'reference', message, ...location });
  };
  for (let i = checked.terms; i < result.terms.length; i++) {
    const term = result.terms[i];
    if (term.sources.every((ref) => sourceKeys.has(ref.key))) continue;
    term.sources.forEach((ref, j) => {
      if (!sourceKeys.has(ref.key)) {
        refError(term, 'terms', ['sources', j, 'key'], `glossary entry "${term.id}" cites unknown source "${ref.key}"`);
      }
    });
    result.terms[i] = { ...term, sources: term.sources.filter((ref) => sourceKeys.has(ref.key)) };
  }
  const claims = result.claims.slice(0, checked.claims);
  for (let i = checked.claims; i < result.claims.length; i++) {
    const claim = result.claims[i];
    const missing: [string, (string | number)[]][] = [];
    const value = claim.value;
    const requireTerm = (id: string, path: (string | number)[], kinds: TermKind[]): void => {
      const term = termById.get(id);
      if (!term) missing.push([`claim "${claim.id}" refers to unknown glossary id "${id}"`, path]);
      else if (!kinds.includes(term.kind)) {
        missing.push([`claim "${claim.id}": "${id}" is a ${term.kind}, expected ${kinds.join(' or ')}`, path]);
      }
    };
    if (value.kind === 'role') {
      requireTerm(value.role.person, ['role', 'person'], ['person']);
      if (value.role.org) {
        requireTerm(value.role.org, ['role', 'org'], ['organisation', 'group', 'programme', 'event', 'acronym']);
      }
    }
    if (
      value.kind === 'entity' &&
      termById.has(value.entity.value) === false &&
      /^[a-z0-9-]+$/.test(value.entity.value) &&
      value.entity.value.includes('-')
    ) {
      missing.push([`claim "${claim.id}" refers to unknown glossary id "${value.entity.value}"`, ['entity', 'value']]);
    }
    for (const [message, path] of missing) refError(claim, 'claims', path, message);
    if (missing.length === 0) claims.push(claim);
  }
  result.claims = claims;
}

/**
 * Merges `term` into the term of the same id in `terms` when exactly one of them comes from the
 * gazetteer: the glossary's entry stays, with the gazetteer's aliases and demonyms added.
 */
function mergeWithPlace(terms: Term[], term: Term): boolean {
  const k = terms.findIndex((t) => t.id === term.id);
  const other = terms[k];
  if (!other || !!other.gazetteer === !!term.gazetteer) return false;
  const [entry, place] = term.gazetteer ? [other, term] : [term, other];
  const union = (a: readonly string[] = [], b: readonly string[] = []): string[] => [...new Set([...a, ...b])];
  // The entry's own attributes win; the place fills in those it leaves out.
  const filled = Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== undefined)) as Partial<Term>;
  terms[k] = {
    ...place,
    ...filled,
    aliases: union(
      entry.aliases,
      [place.term, ...place.aliases].filter((n) => n !== entry.term),
    ),
    demonyms: union(entry.demonyms, place.demonyms),
    gazetteer: undefined,
  } as Term;
  return true;
}
