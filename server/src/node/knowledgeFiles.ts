// Reads knowledge folders from disk for the server and the CLI (the language service itself never
// touches the file system).
import { createHash } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { readBounded } from './boundedRead';
import { ReadPolicy } from './readPolicy';
import { walkFiles, walkFilesAsync, type WalkOptions, type WalkResult } from './walk';
import { join, resolve } from 'node:path';
import { KnowledgePool } from '../knowledge/compact';
import { type CachedFile, type KnowledgeCache } from './knowledgeCache';
import { assembleInSlices } from '../knowledge/assemble';
import { knowledgeFileKind, maxKnowledgeFileBytes, tooLargeMessage } from '../knowledge/fileKinds';
import { loadKnowledge, parseKnowledgeFile } from '../knowledge/loader';
import type { LoadedKnowledge, ParsedKnowledgeFile } from '../knowledge/types';
import { KnowledgeBase } from '../knowledge/knowledgeBase';
import { type KnowledgeError, type KnowledgeFile } from '../knowledge/types';
import { type IngestedKnowledge, mergeIngested } from '../knowledge/merge';
import { bundledKnowledgeFolder } from './bundledKnowledge';

export { bundledKnowledgeFolder };

/** A knowledge file found on disk, with a stamp that changes when the file does. */
interface KnowledgeFileEntry {
  path: string;
  stamp: string;
}

/** The knowledge files of the extra folders as listed, before they are read. */
interface Listing {
  folders: readonly string[];
  listed: KnowledgeFileEntry[];
  listMs: number;
  /** Problems found so far (a missing folder, a limit reached); reading adds its own. */
  ioErrors: KnowledgeError[];
}

/**
 * At most this many knowledge files are read from one folder (a base of 10,000 sources has about
 * that many), and at most knowledgeWalkEntries entries are looked at to find them: a folder set to
 * `/` or a home folder ends with a message instead of reading the whole disk.
 */
const maxKnowledgeFiles = 20_000;
const knowledgeWalkEntries = 100_000;

const knowledgeWalk = (policy: ReadPolicy): WalkOptions => ({
  maxDepth: 4,
  maxFiles: maxKnowledgeFiles,
  maxEntries: knowledgeWalkEntries,
  skip: new Set(['node_modules', 'schema']),
  accept: (path) => knowledgeFileKind(path) !== undefined,
  policy,
});

/** The knowledge files a walk found, with a stamp each; limits reached and oversized files are reported. */
function knowledgeEntries(folder: string, walked: WalkResult | undefined, errors: KnowledgeError[]) {
  if (!walked) {
    errors.push({ kind: 'io', message: `knowledge folder not found: ${folder}`, file: folder, line: 0, character: 0 });
    return [];
  }
  if (walked.stoppedAt) {
    const limit =
      walked.stoppedAt === 'maxFiles'
        ? `${maxKnowledgeFiles.toLocaleString('en')} knowledge files`
        : `${knowledgeWalkEntries.toLocaleString('en')} files and folders`;
    const message = `knowledge folder has more than ${limit}; only those found first are read`;
    errors.push({ kind: 'io', message: `${message} (is this the right folder?)`, file: folder, line: 0, character: 0 });
  }
  const files: KnowledgeFileEntry[] = [];
  for (const { path, stats } of walked.files) {
    if (stats.size > maxKnowledgeFileBytes) {
      errors.push({
        kind: 'io',
        message: tooLargeMessage(stats.size),
        file: path,
        line: 0,
        character: 0,
      });
      continue;
    }
    files.push({ path, stamp: `${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}:${stats.ino}` });
  }
  return files;
}

function isFolder(folder: string): boolean {
  try {
    return statSync(folder).isDirectory();
  } catch {
    return false;
  }
}

/** Every knowledge file below `folder` (schemas excluded). Errors are reported, not thrown. */
function listKnowledgeFolder(folder: string, errors: KnowledgeError[], policy = ReadPolicy.anything) {
  return knowledgeEntries(folder, isFolder(folder) ? walkFiles(folder, knowledgeWalk(policy)) : undefined, errors);
}

/** listKnowledgeFolder without blocking the thread. */
async function listKnowledgeFolderAsync(folder: string, errors: KnowledgeError[], policy: ReadPolicy) {
  const folderStats = await stat(folder).catch(() => undefined);
  const walked = folderStats?.isDirectory() ? await walkFilesAsync(folder, knowledgeWalk(policy)) : undefined;
  return knowledgeEntries(folder, walked, errors);
}

function readKnowledgeText(path: string, errors: KnowledgeError[], policy = ReadPolicy.anything): string | undefined {
  const read = readBounded(path, { maxBytes: maxKnowledgeFileBytes, policy });
  if (read.failure) {
    errors.push({ kind: 'io', message: `the file ${read.failure.message}`, file: path, line: 0, character: 0 });
    return undefined;
  }
  return decodeUtf8(read.bytes);
}

/** Every knowledge file below `folder` (schemas excluded), read as UTF-8. Errors are reported, not thrown. */
function readKnowledgeFolder(folder: string, errors: KnowledgeError[]): KnowledgeFile[] {
  return listKnowledgeFolder(folder, errors).flatMap(({ path }) => {
    const text = readKnowledgeText(path, errors);
    return text === undefined ? [] : [{ path, text }];
  });
}

/** One decoder for every file: without `stream`, each decode starts afresh. */
const utf8 = new TextDecoder('utf-8', { fatal: false });

/** Decodes UTF-8 strictly: invalid bytes become U+FFFD, which the loader reports as an encoding error. */
function decodeUtf8(bytes: Buffer): string {
  return utf8.decode(bytes);
}

export interface KnowledgeLoad {
  kb: KnowledgeBase;
  loaded: LoadedKnowledge;
  /** Where the time went (ms), and how many files were parsed afresh rather than reused. */
  timings: { readMs: number; parseMs: number; indexMs: number; parsedFiles: number; reusedFiles: number };
}

/**
 * The bundled knowledge, loaded and checked at build time (dist/knowledge.snapshot.json), used when
 * the knowledge files still hash to what the snapshot was made from: a cold start then parses no
 * YAML and compiles no schema. Anything else (a stale or missing snapshot) loads the files.
 */
interface Snapshot {
  hash: string;
  loaded: LoadedKnowledge;
}

function hashFiles(files: readonly KnowledgeFile[]): string {
  const hash = createHash('sha256');
  for (const f of files) {
    hash
      .update(f.path.slice(f.path.replace(/\\/g, '/').lastIndexOf('/knowledge/')))
      .update('\u0000')
      .update(f.text)
      .update('\u0000');
  }
  return hash.digest('hex');
}

function snapshotPath(): string {
  return resolve(__dirname, 'knowledge.snapshot.json');
}

/** Writes the snapshot of the bundled knowledge (at build time); false if the knowledge has errors. */
export function writeSnapshot(out: string): boolean {
  const errors: KnowledgeError[] = [];
  const files = readKnowledgeFolder(bundledKnowledgeFolder(), errors);
  const loaded = loadKnowledge(files);
  if (errors.length > 0 || loaded.errors.length > 0) return false;
  writeFileSync(out, JSON.stringify({ hash: hashFiles(files), loaded } satisfies Snapshot));
  return true;
}

function bundledKnowledge(ioErrors: KnowledgeError[]): { files: KnowledgeFile[]; loaded?: LoadedKnowledge } {
  const files = readKnowledgeFolder(bundledKnowledgeFolder(), ioErrors);
  try {
    const snapshot = JSON.parse(readFileSync(snapshotPath(), 'utf8')) as Snapshot;
    if (snapshot.hash === hashFiles(files)) {
      // The snapshot was made where the extension was built; its entries point at the files here.
      const folder = bundledKnowledgeFolder();
      const relocate = <T extends { origin: { file: string } }>(x: T): T => ({
        ...x,
        origin: {
          ...x.origin,
          file: join(
            folder,
            x.origin.file.slice(x.origin.file.replace(/\\/g, '/').lastIndexOf('/knowledge/') + '/knowledge/'.length),
          ),
        },
      });
      const loaded = snapshot.loaded;
      return {
        files,
        loaded: {
          ...loaded,
          sources: loaded.sources.map(relocate),
          terms: loaded.terms.map(relocate),
          claims: loaded.claims.map(relocate),
        },
      };
    }
  } catch {
    // no snapshot (a development build): load the files
  }
  return { files };
}

/** The bundled gazetteer of places alone, read and parsed once per process. */
let placesMemo: ParsedKnowledgeFile[] | undefined;
function bundledPlaces(ioErrors: KnowledgeError[]): ParsedKnowledgeFile[] {
  if (placesMemo) return placesMemo;
  const path = join(bundledKnowledgeFolder(), 'places.yaml');
  const text = readKnowledgeText(path, ioErrors);
  placesMemo = text === undefined ? [] : [parseKnowledgeFile({ path, text }, new KnowledgePool())];
  return placesMemo;
}

/** Loads the bundled knowledge plus extra folders (and reports read from sources folders) into one knowledge base. */
export function loadKnowledgeFolders(
  extraFolders: readonly string[],
  includeBundled = true,
  ingested: readonly IngestedKnowledge[] = [],
): KnowledgeLoad {
  return new KnowledgeStore().load(extraFolders, includeBundled, ingested);
}

export function formatKnowledgeError(e: KnowledgeError): string {
  return `${e.file}:${e.line + 1}:${e.character + 1}: error ${e.kind}: ${e.message}`;
}

/**
 * Loads knowledge again and again (the server reloads when files change). Each file is read, parsed
 * and let go of one at a time, so file texts never pile up. A file that has not changed since the
 * last load (same size, times and inode) is not read again. A file that breaks (syntax, encoding
 * or schema) is reported, and its last good version stays in use.
 */
export class KnowledgeStore {
  /** Per path: the last version that had no problems of its own, and its stamp when read. */
  private lastGood = new Map<string, CachedFile>();
  /** The folders whose files the on-disk cache was read for, and whether it needs writing. */
  private cachedFolders?: string;
  /** The folders of the last load: the cache written is theirs. */
  private loadedFolders: readonly string[] = [];
  private cacheStale = false;

  /** With a cache, parsed files are also kept on disk for the next run (see `saveCache`). */
  constructor(private readonly cache?: KnowledgeCache) {}

  /**
   * Loads the bundled knowledge, `extraFolders` and `ingested` reports into one knowledge base.
   * `policy` decides which files may be read (Restricted Mode reads nothing from outside).
   */
  load(
    extraFolders: readonly string[],
    includeBundled = true,
    ingested: readonly IngestedKnowledge[] = [],
    policy = ReadPolicy.anything,
  ): KnowledgeLoad {
    const ioErrors: KnowledgeError[] = [];
    const t = performance.now();
    const listed = extraFolders.flatMap((f) => listKnowledgeFolder(f, ioErrors, policy));
    const listing = { folders: extraFolders, listed, listMs: performance.now() - t, ioErrors };
    const steps = this.loadSteps(listing, includeBundled, ingested, policy, Infinity);
    let step = steps.next();
    while (!step.done) step = steps.next();
    return step.value;
  }

  /**
   * The same load for a server: folders are listed without blocking, and files are parsed in
   * slices of about `budgetMs`, with `pause()` awaited between them so requests are answered.
   */
  async loadInSlices(
    extraFolders: readonly string[],
    includeBundled: boolean,
    ingested: readonly IngestedKnowledge[],
    policy: ReadPolicy,
    pause: () => Promise<void>,
    budgetMs = 20,
  ): Promise<KnowledgeLoad> {
    const ioErrors: KnowledgeError[] = [];
    const t = performance.now();
    const listed: KnowledgeFileEntry[] = [];
    for (const folder of extraFolders) listed.push(...(await listKnowledgeFolderAsync(folder, ioErrors, policy)));
    const listing = { folders: extraFolders, listed, listMs: performance.now() - t, ioErrors };
    const steps = this.loadSteps(listing, includeBundled, ingested, policy, budgetMs);
    let step = steps.next();
    while (!step.done) {
      await pause();
      step = steps.next();
    }
    return step.value;
  }

  private *loadSteps(
    listing: Listing,
    includeBundled: boolean,
    ingested: readonly IngestedKnowledge[],
    policy: ReadPolicy,
    budgetMs: number,
  ): Generator<void, KnowledgeLoad, void> {
    const { ioErrors } = listing;
    const timings = { readMs: listing.listMs, parseMs: 0, indexMs: 0, parsedFiles: 0, reusedFiles: 0 };
    const read = yield* this.readFiles(listing, includeBundled, timings, policy, budgetMs);
    const { bundled, inMemory, files, kept, next } = read;
    // Files removed since the last load are forgotten.
    if (timings.parsedFiles > 0 || next.size !== this.lastGood.size) this.cacheStale = true;
    this.lastGood = next;
    let t = performance.now();
    const textOf = (path: string): string | undefined => inMemory.get(path) ?? readKnowledgeText(path, [], policy);
    const loaded = mergeIngested(yield* assembleInSlices(files, bundled.loaded, textOf, budgetMs), ingested);
    loaded.errors.unshift(...ioErrors, ...kept);
    timings.parseMs += performance.now() - t;
    t = performance.now();
    const kb = new KnowledgeBase(loaded);
    timings.indexMs = performance.now() - t;
    return { kb, loaded, timings };
  }

  /** Reads and parses what changed; the string pool lives only as long as this, not the knowledge. */
  private *readFiles(
    listing: Listing,
    includeBundled: boolean,
    timings: KnowledgeLoad['timings'],
    policy: ReadPolicy,
    budgetMs: number,
  ) {
    const { folders: extraFolders, listed, ioErrors } = listing;
    let t = performance.now();
    const pool = new KnowledgePool();
    const folderKey = JSON.stringify(extraFolders);
    if (folderKey !== JSON.stringify(this.loadedFolders)) this.cacheStale = true;
    this.loadedFolders = [...extraFolders];
    if (this.cache && extraFolders.length > 0 && this.cachedFolders !== folderKey) {
      // First load for these folders in this process: what an earlier run parsed, if unchanged.
      this.cachedFolders = folderKey;
      for (const [path, cached] of this.cache.read(extraFolders, pool)) {
        if (!this.lastGood.has(path)) this.lastGood.set(path, cached);
      }
      timings.parseMs += performance.now() - t;
      t = performance.now();
    }
    const bundled = includeBundled ? bundledKnowledge(ioErrors) : { files: [] };
    // Bundled files are already read (to check the snapshot); they are parsed only without one.
    const inMemory = new Map((bundled.loaded ? [] : bundled.files).map((f) => [f.path, f.text]));
    const entries: KnowledgeFileEntry[] = [...[...inMemory.keys()].map((path) => ({ path, stamp: '' })), ...listed];
    timings.readMs += performance.now() - t;
    const kept: KnowledgeError[] = [];
    const files: ParsedKnowledgeFile[] = [];
    const next = new Map<string, CachedFile>();
    let sliceStart = performance.now();
    for (const { path, stamp } of entries) {
      const previous = this.lastGood.get(path);
      if (previous && stamp !== '' && previous.stamp === stamp) {
        files.push(previous.file);
        next.set(path, previous);
        timings.reusedFiles++;
        continue;
      }
      if (performance.now() - sliceStart > budgetMs) {
        yield;
        sliceStart = performance.now();
      }
      t = performance.now();
      const text = inMemory.get(path) ?? readKnowledgeText(path, ioErrors, policy);
      const read = performance.now();
      timings.readMs += read - t;
      if (text === undefined) continue;
      const file = parseKnowledgeFile({ path, text }, pool);
      timings.parseMs += performance.now() - read;
      timings.parsedFiles++;
      if (file.errors.length === 0 || !previous) {
        files.push(file);
        if (file.errors.length === 0) next.set(path, { stamp, file });
        continue;
      }
      kept.push(
        ...file.errors.map((e) => ({
          ...e,
          message: `${e.message} (the last good version of this file is still in use)`,
        })),
      );
      files.push(previous.file);
      next.set(path, previous);
    }
    // Without the bundled sources the gazetteer of places stays: it is general knowledge the reader
    // needs ("Australian" is Australia's), not knowledge of a source.
    if (!includeBundled) files.unshift(...bundledPlaces(ioErrors));
    return { bundled, inMemory, files, kept, next };
  }

  /**
   * Writes what the last load parsed to the on-disk cache, if anything changed. Separate from
   * `load` so that a server can do it after it has answered (it takes a moment for large bases).
   */
  saveCache(): void {
    if (!this.cache || !this.cacheStale || this.loadedFolders.length === 0) return;
    this.cacheStale = false;
    this.cache.write(this.loadedFolders, this.lastGood.values());
  }
}
