// Finding and reading files in the workspace for the server: memos for Check Workspace and
// find-all-references, bibliography files. Bounded, so a huge workspace cannot stall the server.
import { readFileSync, statSync } from 'node:fs';
import { walkFiles } from './walk';
import { relative, isAbsolute, resolve, sep } from 'node:path';

export const maxWorkspaceFiles = 2000;
export const maxMemoBytes = 5 * 1024 * 1024;

const skipped = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', '.vscode-test', '.e2e', '.bench']);

export function findMemos(folders: readonly string[], extensions: readonly string[]): string[] {
  const found: string[] = [];
  for (const folder of folders) {
    for (const { path, stats } of walkFiles(folder, { maxDepth: 12, maxFiles: maxWorkspaceFiles - found.length, skip: skipped })) {
      if (extensions.some((e) => path.toLowerCase().endsWith(e)) && stats.size <= maxMemoBytes) found.push(path);
    }
    if (found.length >= maxWorkspaceFiles) break;
  }
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
