// Finding and reading files in the workspace for the server: memos for Check Workspace and
// find-all-references, bibliography files. Bounded, so a huge workspace cannot stall the server,
// and read through the read policy, so Restricted Mode reads nothing from outside.
import { type BoundedRead, decodeText, readBoundedAsync } from './boundedRead';
import { realpathSync } from 'node:fs';
import { isInside, ReadPolicy } from './readPolicy';
import { walkFilesAsync } from './walk';

export { isInside };

/** The path with links resolved, or the path itself when it cannot be. */
function realPathOf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

const maxWorkspaceFiles = 2000;
export const maxMemoBytes = 5 * 1024 * 1024;

const skipped = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', '.vscode-test', '.e2e', '.bench']);

/**
 * Memos (by extension) in the workspace folders, at most maxWorkspaceFiles, each real file once.
 * Nothing in `notMemos` (the sources folders: reports, not memos) is one, by its path or real path.
 */
export async function findMemos(
  folders: readonly string[],
  extensions: readonly string[],
  policy = ReadPolicy.anything,
  notMemos: readonly string[] = [],
): Promise<string[]> {
  const found: string[] = [];
  const excluded = [...notMemos, ...notMemos.map(realPathOf)];
  const accept = (path: string): boolean =>
    extensions.some((e) => path.toLowerCase().endsWith(e)) && !isInside(path, excluded);
  for (const folder of folders) {
    const maxFiles = maxWorkspaceFiles - found.length;
    const { files } = await walkFilesAsync(folder, { maxDepth: 12, maxFiles, skip: skipped, accept, policy });
    for (const { path, stats } of files) {
      if (stats.size <= maxMemoBytes && !(excluded.length > 0 && isInside(realPathOf(path), excluded))) {
        found.push(path);
      }
    }
    if (found.length >= maxWorkspaceFiles) break;
  }
  return found;
}

/** A text file read and decoded (see decodeText), or why not: "binary" when it holds NUL characters. */
export async function readTextFile(
  path: string,
  maxBytes: number,
  policy = ReadPolicy.anything,
): Promise<{ text: string } | { problem: string }> {
  const read: BoundedRead = await readBoundedAsync(path, { maxBytes, policy });
  if (read.failure) return { problem: read.failure.message };
  const text = decodeText(read.bytes);
  return text === undefined ? { problem: 'binary file (not text)' } : { text };
}
