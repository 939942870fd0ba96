// Bibliography files, read and parsed once per version of each file and shared by everything that
// uses them (the settings, and every memo whose front matter names them), then let go of when
// nothing does. Large files are parsed in a worker thread, so hover and completion stay instant.
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { type BibliographyLoad, parseBibliography } from '../knowledge/bibliography';
import { type Source } from '../knowledge/types';
import { type BibliographyCache } from './bibliographyCache';
import { decodeText, readBoundedAsync } from './boundedRead';
import { type ReadPolicy, realPathOf } from './readPolicy';

/** Bibliographies over this are not read (a 50,000-entry CSL-JSON file is about 15 MB). */
const maxBibliographyBytes = 20 * 1024 * 1024;
/**
 * Texts longer than this are parsed off the main thread: CSL-JSON takes about 2 ms a KB to parse
 * (measured on 40-160 KB files), so a larger one would hold up hover and completion.
 */
const parseInWorkerAbove = 64 * 1024;
/** Memory a bibliography worker may take; a file needing more is refused with a message. */
const bibliographyWorkerHeapMb = 640;

type Parser = (path: string, text: string) => Promise<BibliographyLoad>;

interface Entry {
  /** Size, times and inode when read: a different stamp means the file changed. */
  stamp: string;
  load: Promise<BibliographyLoad>;
  users: Set<string>;
}

export class BibliographyStore {
  private readonly entries = new Map<string, Entry>();

  /**
   * How texts are parsed: over parseInWorkerAbove in a worker thread, others here (tests count them);
   * with a cache, a text parsed in an earlier run is taken from it.
   */
  constructor(
    private readonly parseLarge: Parser = parseBibliographyInWorker,
    private readonly parseSmall: (path: string, text: string) => BibliographyLoad = parseBibliography,
    private readonly cache?: BibliographyCache,
  ) {}

  /**
   * The bibliography at `path`, for `user` (a document URI, or "settings"). Read and parsed only
   * if no one has it in this version yet; failures (a missing, refused or binary file) are errors.
   */
  async use(user: string, path: string, policy: ReadPolicy): Promise<BibliographyLoad> {
    const key = realPathOf(path);
    const stats = await stat(path).catch(() => undefined);
    const stamp = stats ? `${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}:${stats.ino}` : 'missing';
    let entry = this.entries.get(key);
    if (!entry || entry.stamp !== stamp) {
      entry = { stamp, load: this.read(path, policy), users: entry?.users ?? new Set() };
      this.entries.set(key, entry);
    }
    entry.users.add(user);
    return entry.load;
  }

  /** `user` now uses only `paths`; bibliographies no one uses any more are let go. */
  keepOnly(user: string, paths: readonly string[]): void {
    const kept = new Set(paths.map(realPathOf));
    for (const [key, entry] of this.entries) {
      if (!kept.has(key)) entry.users.delete(user);
      if (entry.users.size === 0) this.entries.delete(key);
    }
  }

  release(user: string): void {
    this.keepOnly(user, []);
  }

  /** The users of any of `paths` (after a file changed on disk), so that they read it again. */
  usersOf(paths: readonly string[]): Set<string> {
    const users = new Set<string>();
    for (const path of paths) for (const user of this.entries.get(realPathOf(path))?.users ?? []) users.add(user);
    return users;
  }

  /** The real paths of the files held (for the server to watch them). */
  paths(): string[] {
    return [...this.entries.keys()];
  }

  /** How many files are held (for tests and logs). */
  get size(): number {
    return this.entries.size;
  }

  private async read(path: string, policy: ReadPolicy): Promise<BibliographyLoad> {
    const failed = (message: string): BibliographyLoad => ({
      sources: [],
      errors: [{ kind: 'io', message, file: path, line: 0, character: 0 }],
    });
    const read = await readBoundedAsync(path, { maxBytes: maxBibliographyBytes, policy });
    if (read.failure) return failed(`bibliography not read: the file ${read.failure.message}`);
    const text = decodeText(read.bytes);
    if (text === undefined) return failed('bibliography not read: the file is binary, not text');
    const cached = this.cache?.read(path, text);
    if (cached) return cached;
    try {
      const load = text.length <= parseInWorkerAbove ? this.parseSmall(path, text) : await this.parseLarge(path, text);
      this.cache?.write(path, text, load);
      return load;
    } catch (e) {
      return failed(`bibliography not read: parsing failed: ${(e as Error).message}`);
    }
  }
}

/**
 * parseBibliography in a worker thread of its own (dist/bibliographyWorker.js beside this bundle),
 * with a heap limit, so that one huge file cannot take the server's memory with it.
 */
function parseBibliographyInWorker(path: string, text: string): Promise<BibliographyLoad> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(join(__dirname, 'bibliographyWorker.js'), {
      workerData: { path, text },
      resourceLimits: { maxOldGenerationSizeMb: bibliographyWorkerHeapMb },
    });
    const sources: Source[] = [];
    // Batches of entries, then the errors; the next batch is asked for once other work had a turn.
    worker.on('message', (message: Partial<BibliographyLoad>) => {
      if (message.sources) {
        for (const source of message.sources) sources.push(source);
        setImmediate(() => worker.postMessage('next'));
        return;
      }
      resolve({ sources, errors: message.errors ?? [] });
      void worker.terminate();
    });
    worker.once('error', (e: Error & { code?: string }) => {
      const outOfMemory = e.code === 'ERR_WORKER_OUT_OF_MEMORY';
      reject(outOfMemory ? new Error(`it needs over ${bibliographyWorkerHeapMb} MB of memory; split the file`) : e);
    });
    worker.once('exit', (code) => reject(new Error(`the parser stopped (exit code ${code})`)));
  });
}
