// The knowledge store's parsed files, saved on disk between runs, so a server that starts again
// (or a CLI run) reads one JSON file instead of parsing and validating every knowledge file. A file
// is reused only while its stamp (size, times, inode) is unchanged; the cache is ignored when it was
// written by other code (the bundle's hash is part of its key) or for other folders.
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { type KnowledgePool } from '../knowledge/compact';
import type { KnowledgeFileKind } from '../knowledge/fileKinds';
import type { ParsedKnowledgeFile } from '../knowledge/types';
import { type Claim, type Source, type Term } from '../knowledge/types';
import { cacheRoot } from './sourceFiles';

/** Bump when the cached shape changes in a way the code hash would not show (4: written in ASCII). */
const format = 4;

/**
 * JSON with every character past ASCII escaped (\u00e9), so the file is ASCII: it is read back as
 * latin1, which copies bytes into a one-byte string, rather than decoding UTF-8 into a two-byte
 * string (a 33 MB cache with one accented letter in it was read twice as slowly).
 */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

export interface CachedFile {
  stamp: string;
  file: ParsedKnowledgeFile;
}

/** Entries as stored: the file path and a claim's source are the file's, not repeated per entry. */
interface StoredFile {
  path: string;
  stamp: string;
  kind: KnowledgeFileKind;
  claimsSource?: string;
  indexes: number[];
  sources: (Omit<Source, 'origin'> & { at: [number, number] })[];
  terms: (Omit<Term, 'origin'> & { at: [number, number] })[];
  /** Claims as tuples (the bulk of a large base): see `StoredClaim`. */
  claims: StoredClaim[];
}

/**
 * id, locator, statement, identity groups (indexes into `groups`), value, line, character, property
 * and subject group, the rest.
 */
type StoredClaim = [
  string,
  string,
  string,
  number[],
  Claim['value'],
  number,
  number,
  number,
  number,
  Pick<Claim, 'note' | 'qualifier' | 'quote' | 'mood'>?,
];

interface StoredCache {
  format: number;
  code: string;
  folders: string[];
  /** Anchor groups, once each; claims refer to them by index. */
  groups: string[][];
  files: StoredFile[];
}

let codeHash: string | undefined;
/** The running bundle's content hash: parsed entries are only as good as the code that parsed them. */
function currentCode(): string {
  if (codeHash === undefined) {
    try {
      codeHash = createHash('sha256').update(readFileSync(__filename)).digest('hex').slice(0, 16);
    } catch {
      codeHash = 'unknown';
    }
  }
  return codeHash;
}

export function defaultKnowledgeCacheDir(): string {
  return join(cacheRoot(), 'knowledge');
}

export class KnowledgeCache {
  constructor(private readonly dir: string) {}

  private pathFor(folders: readonly string[]): string {
    const key = createHash('sha256')
      .update(JSON.stringify([format, currentCode(), [...folders].sort()]))
      .digest('hex')
      .slice(0, 24);
    return join(this.dir, `knowledge-${key}.json`);
  }

  /** The files saved for these folders, by path; empty when there is no usable cache. */
  read(folders: readonly string[], pool: KnowledgePool): Map<string, CachedFile> {
    const out = new Map<string, CachedFile>();
    let stored: StoredCache;
    try {
      stored = JSON.parse(readFileSync(this.pathFor(folders), 'latin1')) as StoredCache;
    } catch {
      return out; // none yet, or unreadable: the files are parsed
    }
    if (
      stored.format !== format ||
      stored.code !== currentCode() ||
      JSON.stringify([...stored.folders].sort()) !== JSON.stringify([...folders].sort())
    ) {
      return out;
    }
    const groups = stored.groups.map((g) => pool.group(g));
    for (const f of stored.files) {
      const source = f.claimsSource === undefined ? undefined : pool.word(f.claimsSource);
      const file: ParsedKnowledgeFile = {
        path: f.path,
        kind: f.kind,
        errors: [],
        indexes: f.indexes,
        claimsSource: source,
        sources: f.sources.map(({ at, ...s }) => ({ ...s, origin: { file: f.path, line: at[0], character: at[1] } })),
        terms: f.terms.map(({ at, ...t }) => ({
          ...t,
          sources: t.sources.map((ref) => ({ key: pool.word(ref.key), locator: pool.word(ref.locator) })),
          origin: { file: f.path, line: at[0], character: at[1] },
        })),
        claims: f.claims.map(([id, locator, statement, about, value, line, character, property, subject, rest]) => ({
          id,
          source: source ?? '',
          locator: pool.word(locator),
          statement,
          about: about.map((i) => groups[i]),
          property,
          subject,
          value,
          ...rest,
          origin: { file: f.path, line, character },
        })),
      };
      out.set(f.path, { stamp: f.stamp, file });
    }
    return out;
  }

  /**
   * Saves the files (replacing the cache for these folders in one step). Written file by file, so
   * that a large base never becomes one huge string in memory. Failures are ignored.
   */
  write(folders: readonly string[], files: Iterable<CachedFile>): void {
    const groupIndex = new Map<readonly string[], number>();
    const groups: string[][] = [];
    const indexOf = (group: readonly string[]): number => {
      let i = groupIndex.get(group);
      if (i === undefined) {
        groupIndex.set(group, (i = groups.length));
        groups.push([...group]);
      }
      return i;
    };
    const target = this.pathFor(folders);
    const temporary = `${target}.${process.pid}.tmp`;
    let fd: number | undefined;
    try {
      mkdirSync(this.dir, { recursive: true });
      fd = openSync(temporary, 'w');
      writeSync(
        fd,
        `{"format":${format},"code":${JSON.stringify(currentCode())},"folders":${asciiJson(folders)},"files":[`,
      );
      let first = true;
      for (const { stamp, file } of files) {
        if (stamp === '' || file.errors.length > 0) continue;
        const stored: StoredFile = {
          path: file.path,
          stamp,
          kind: file.kind,
          claimsSource: file.claimsSource,
          indexes: file.indexes,
          sources: file.sources.map(({ origin, ...s }) => ({ ...s, at: [origin.line, origin.character] })),
          terms: file.terms.map(({ origin, ...t }) => ({ ...t, at: [origin.line, origin.character] })),
          claims: file.claims.map((c): StoredClaim => {
            const tuple: StoredClaim = [
              c.id,
              c.locator,
              c.statement,
              c.about.map(indexOf),
              c.value,
              c.origin.line,
              c.origin.character,
              c.property,
              c.subject,
            ];
            const rest = Object.fromEntries(
              Object.entries({ note: c.note, qualifier: c.qualifier, quote: c.quote, mood: c.mood }).filter(
                ([, v]) => v !== undefined,
              ),
            );
            if (Object.keys(rest).length > 0) tuple.push(rest);
            return tuple;
          }),
        };
        writeSync(fd, `${first ? '' : ','}${asciiJson(stored)}`);
        first = false;
      }
      writeSync(fd, `],"groups":${asciiJson(groups)}}`);
      closeSync(fd);
      fd = undefined;
      renameSync(temporary, target);
    } catch {
      // Caching is an optimisation: a read-only or full disk only makes the next start slower.
      try {
        if (fd !== undefined) closeSync(fd);
        rmSync(temporary, { force: true });
      } catch {
        // nothing more to tidy
      }
    }
  }
}
