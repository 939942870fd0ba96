// Walks a folder tree for files, bounded in depth, in files found and in entries looked at,
// skipping hidden and named folders, in a stable (sorted) order. Links are followed, but every
// folder and file is visited once, by its device and inode: a link to `.` or a loop of links
// adds nothing, and two links to one report list it once. Unreadable entries are passed over,
// never thrown. The async walk does its file system work off the main thread and lets other
// work in between folders.
import { type Dirent, readdirSync, type Stats, statSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { type ReadPolicy } from './readPolicy';

export interface WalkOptions {
  maxDepth: number;
  /** Stop after this many files. */
  maxFiles?: number;
  /** Stop after looking at this many entries (files and folders, wanted or not). */
  maxEntries?: number;
  /** Folder names not to enter (hidden ones never are). */
  skip?: ReadonlySet<string>;
  /** Only files and folders it allows (after following links) are listed or entered. */
  policy?: ReadPolicy;
  /** Only files it accepts are listed or count towards maxFiles (by path, before any stat). */
  accept?: (path: string) => boolean;
}

interface WalkedFile {
  path: string;
  stats: Stats;
}

export interface WalkResult {
  files: WalkedFile[];
  /** Set when a limit stopped the walk early: the files listed are only the first ones. */
  stoppedAt?: 'maxFiles' | 'maxEntries';
}

/** Entries looked at before a walk gives up, when the caller names no limit. */
const defaultMaxEntries = 100_000;

class WalkState {
  readonly files: WalkedFile[] = [];
  readonly seen = new Set<string>();
  entries = 0;
  stoppedAt?: WalkResult['stoppedAt'];
  readonly maxFiles: number;
  readonly maxEntries: number;

  constructor(readonly options: WalkOptions) {
    this.maxFiles = options.maxFiles ?? Infinity;
    this.maxEntries = options.maxEntries ?? defaultMaxEntries;
  }

  get done(): boolean {
    return this.stoppedAt !== undefined;
  }

  /** Counts an entry; false once a limit is reached. */
  count(): boolean {
    if (this.files.length >= this.maxFiles) this.stoppedAt = 'maxFiles';
    else if (++this.entries > this.maxEntries) this.stoppedAt = 'maxEntries';
    return !this.done;
  }

  /** First visit of this file or folder (by device and inode), and allowed by the policy. */
  firstVisit(path: string, stats: Stats): boolean {
    const id = `${stats.dev}:${stats.ino}`;
    if (this.seen.has(id)) return false;
    this.seen.add(id);
    return this.options.policy?.allows(path) ?? true;
  }

  add(path: string, stats: Stats): void {
    this.files.push({ path, stats });
    if (this.files.length >= this.maxFiles) this.stoppedAt = 'maxFiles';
  }

  result(): WalkResult {
    return this.stoppedAt ? { files: this.files, stoppedAt: this.stoppedAt } : { files: this.files };
  }
}

/**
 * Whether an entry needs no stat: a plain file (no link) that the caller does not want. Most
 * entries of a large tree are such files; a stat each would be most of the walk's time.
 */
function unwanted(entry: Dirent, path: string, options: WalkOptions): boolean {
  return entry.isFile() && options.accept !== undefined && !options.accept(path);
}

const byName = (a: Dirent, b: Dirent): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** Files below `folder`, each with its stats, for the caller to filter. */
export function walkFiles(folder: string, options: WalkOptions): WalkResult {
  const state = new WalkState(options);
  const walk = (dir: string, depth: number): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true }).sort(byName);
    } catch {
      return;
    }
    for (const entry of entries) {
      const name = entry.name;
      if (name.startsWith('.') || options.skip?.has(name)) continue;
      if (!state.count()) return;
      const path = join(dir, name);
      if (unwanted(entry, path, options)) continue;
      let stats: Stats;
      try {
        stats = statSync(path);
      } catch {
        continue;
      }
      if (stats.isDirectory()) {
        if (depth < options.maxDepth && state.firstVisit(path, stats)) walk(path, depth + 1);
      } else if ((options.accept?.(path) ?? true) && state.firstVisit(path, stats)) state.add(path, stats);
      if (state.done) return;
    }
  };
  const root = statOrUndefined(folder);
  if (root?.isDirectory() && state.firstVisit(folder, root)) walk(folder, 0);
  return state.result();
}

/** walkFiles without blocking: the file system calls run in Node's thread pool. */
export async function walkFilesAsync(folder: string, options: WalkOptions): Promise<WalkResult> {
  const state = new WalkState(options);
  const walk = async (dir: string, depth: number): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = (await readdir(dir, { withFileTypes: true })).sort(byName);
    } catch {
      return;
    }
    for (const entry of entries) {
      const name = entry.name;
      if (name.startsWith('.') || options.skip?.has(name)) continue;
      if (!state.count()) return;
      const path = join(dir, name);
      if (unwanted(entry, path, options)) continue;
      let stats: Stats;
      try {
        stats = await stat(path);
      } catch {
        continue;
      }
      if (stats.isDirectory()) {
        if (depth < options.maxDepth && state.firstVisit(path, stats)) await walk(path, depth + 1);
      } else if ((options.accept?.(path) ?? true) && state.firstVisit(path, stats)) state.add(path, stats);
      if (state.done) return;
    }
  };
  let root: Stats | undefined;
  try {
    root = await stat(folder);
  } catch {
    root = undefined;
  }
  if (root?.isDirectory() && state.firstVisit(folder, root)) await walk(folder, 0);
  return state.result();
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
