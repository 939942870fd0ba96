// Reads knowledge files (given as text: no file system here) into typed entries, validating each
// against its JSON Schema. Every problem becomes a KnowledgeError with file, line and column, and
// only the broken entries are dropped: the rest of the file, and every other file, still loads.
// The steps, one file each: fileKinds (which files), parsedFile (text to data with positions),
// schemaErrors (validation), entries (compact sources, terms and claims), assemble (files together).
import { assembleKnowledge } from './assemble';
import { KnowledgePool } from './compact';
import { readClaims, readGlossary, readPlaces, readSources } from './entries';
import { knowledgeFileKind } from './fileKinds';
import { parseFile } from './parsedFile';
import type { KnowledgeFile, LoadedKnowledge, ParsedKnowledgeFile } from './types';

/**
 * Parses and validates one file and returns its valid entries, compact (see compact.ts). Problems
 * between files (duplicates, references) are found when files are assembled. A `pool` shared by
 * the files of one load stores strings and anchor groups they have in common once.
 */
export function parseKnowledgeFile(file: KnowledgeFile, pool = new KnowledgePool()): ParsedKnowledgeFile {
  const kind = knowledgeFileKind(file.path) ?? 'sources';
  const out: ParsedKnowledgeFile = {
    path: file.path,
    kind,
    errors: [],
    sources: [],
    terms: [],
    claims: [],
    indexes: [],
  };
  const p = parseFile(file, kind, out.errors);
  if (!p) return out;
  if (kind === 'sources') readSources(p, out);
  else if (kind === 'glossary') readGlossary(p, out, pool);
  else if (kind === 'places') readPlaces(p, out, pool);
  else readClaims(p, out, pool);
  return out;
}

/**
 * Loads knowledge files. `base` is knowledge already loaded and checked (the bundled snapshot): the
 * files are added to it, and duplicates and references are checked against it too.
 */
export function loadKnowledge(files: readonly KnowledgeFile[], base?: LoadedKnowledge): LoadedKnowledge {
  const pool = new KnowledgePool();
  const texts = new Map(files.map((f) => [f.path, f.text]));
  const parsed = files.filter((f) => knowledgeFileKind(f.path)).map((f) => parseKnowledgeFile(f, pool));
  return assembleKnowledge(parsed, base, (path) => texts.get(path));
}
