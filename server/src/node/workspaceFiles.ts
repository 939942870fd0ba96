// Finding and reading files in the workspace for the server: memos for Check Workspace and
// find-all-references, bibliography files. Bounded, so a huge workspace cannot stall the server.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, isAbsolute, resolve, sep } from 'node:path';

export const maxWorkspaceFiles = 2000;
export const maxMemoBytes = 5 * 1024 * 1024;

const skipped = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', '.vscode-test', '.e2e', '.bench']);

export function findMemos(folders: readonly string[], extensions: readonly string[]): string[] {
  const found: string[] = [];
  const walk = (dir: string, depth: number): void => {
    if (depth > 12 || found.length >= maxWorkspaceFiles) return;
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names.sort()) {
      if (name.startsWith('.') || skipped.has(name)) continue;
      const path = join(dir, name);
      let stats;
      try {
        stats = statSync(path);
      } catch {
        continue;
      }
      if (stats.isDirectory()) walk(path, depth + 1);
      else if (extensions.some((e) => name.toLowerCase().endsWith(e)) && stats.size <= maxMemoBytes) found.push(path);
      if (found.length >= maxWorkspaceFiles) return;
    }
  };
  for (const folder of folders) walk(folder, 0);
  return found;
}

/** Reads a text file, or undefined if it cannot be read or is binary. */
export function readText(path: string, maxBytes = maxMemoBytes): string | undefined {
  try {
    if (statSync(path).size > maxBytes) return undefined;
    const bytes = readFileSync(path);
    if (bytes.includes(0)) return undefined;
    return bytes.toString('utf8');
  } catch {
    return undefined;
  }
}

export function isInside(path: string, folders: readonly string[]): boolean {
  const target = resolve(path);
  return folders.some((folder) => {
    const rel = relative(resolve(folder), target);
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel) && !rel.startsWith(`..${sep}`));
  });
}
