// Walks a folder tree for files, bounded in depth and count, skipping hidden and named folders,
// in a stable (sorted) order. Unreadable entries are passed over, never thrown.
import { readdirSync, Stats, statSync } from 'node:fs';
import { join } from 'node:path';

export interface WalkOptions {
  maxDepth: number;
  /** Stop after this many files. */
  maxFiles?: number;
  /** Folder names not to enter (hidden ones never are). */
  skip?: ReadonlySet<string>;
}

/** Files below `folder`, each with its stats, for the caller to filter. */
export function walkFiles(folder: string, options: WalkOptions): { path: string; stats: Stats }[] {
  const out: { path: string; stats: Stats }[] = [];
  const limit = options.maxFiles ?? Infinity;
  const walk = (dir: string, depth: number): void => {
    if (depth > options.maxDepth || out.length >= limit) return;
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of names) {
      if (name.startsWith('.') || options.skip?.has(name)) continue;
      const path = join(dir, name);
      let stats: Stats;
      try {
        stats = statSync(path);
      } catch {
        continue;
      }
      if (stats.isDirectory()) walk(path, depth + 1);
      else out.push({ path, stats });
      if (out.length >= limit) return;
    }
  };
  walk(folder, 0);
  return out;
}
