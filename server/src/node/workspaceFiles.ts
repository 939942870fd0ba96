// Finding and reading files in the workspace for the server: memos for Check Workspace and
// find-all-references, bibliography files. Bounded, so a huge workspace cannot stall the server,
// and read through the read policy, so Restricted Mode reads nothing from outside.
import { type BoundedRead, decodeText, readBoundedAsync } from './boundedRead';
import { ReadPolicy } from './readPolicy';
import { walkFilesAsync } from './walk';

export { isInside } from './readPolicy';

const maxWorkspaceFiles = 2000;
export const maxMemoBytes = 5 * 1024 * 1024;

const skipped = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', '.vscode-test', '.e2e', '.bench']);

/** Memos (by extension) in the workspace folders, at most maxWorkspaceFiles, each real file once. */
export async function findMemos(
  folders: readonly string[],
  extensions: readonly string[],
  policy = ReadPolicy.anything,
): Promise<string[]> {
  const found: string[] = [];
  const accept = (path: string): boolean => extensions.some((e) => path.toLowerCase().endsWith(e));
  for (const folder of folders) {
    const maxFiles = maxWorkspaceFiles - found.length;
    const { files } = await walkFilesAsync(folder, { maxDepth: 12, maxFiles, skip: skipped, accept, policy });
    for (const { path, stats } of files) if (stats.size <= maxMemoBytes) found.push(path);
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
