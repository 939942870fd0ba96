// The memos a command line names: files as given, folders walked for memos (.md, .qmd, .Rmd…;
// not node_modules, hidden folders or a sources folder), and globs (`docs/**/*.md`), matched by
// picomatch under the glob's fixed leading folder, as ESLint and markdownlint-cli2 expand them.
import { statSync } from 'node:fs';
import picomatch from 'picomatch';
import { markdownExtensions } from '../features/languages';
import { isInside } from './readPolicy';
import { walkFiles } from './walk';

/** One argument's memos, or why it names none. */
export type Expanded = { files: string[]; walked: boolean } | { problem: string };

const walkLimits = { maxDepth: 32, maxFiles: 20_000, skip: new Set(['node_modules']) };

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Expands one argument. `sourcesFoldersFor(folder)` names the sources folders to leave out of a
 * walk from `folder` (the reports there are sources, not memos).
 */
export function expandMemoArgument(arg: string, sourcesFoldersFor: (folder: string) => string[]): Expanded {
  if (isFolder(arg)) {
    const skipped = sourcesFoldersFor(arg);
    const accept = (path: string): boolean => markdownExtensions.some((e) => path.toLowerCase().endsWith(e));
    const { files } = walkFiles(arg, { ...walkLimits, accept });
    const memos = files.map((f) => f.path).filter((p) => !isInside(p, skipped));
    return memos.length > 0 ? { files: memos, walked: true } : { problem: `${arg}: no memos in this folder` };
  }
  // A file is taken as named, even one whose name looks like a glob; a missing one is reported later.
  if (exists(arg) || !picomatch.scan(arg).isGlob) return { files: [arg], walked: false };
  const { base } = picomatch.scan(arg);
  const matches = picomatch(arg.replace(/\\/g, '/'));
  const folder = base === '' ? '.' : base;
  const skipped = sourcesFoldersFor(folder);
  const { files } = walkFiles(folder, walkLimits);
  const found = files.map((f) => f.path).filter((p) => matches(p.replace(/\\/g, '/')) && !isInside(p, skipped));
  return found.length > 0 ? { files: found, walked: true } : { problem: `no files match the pattern "${arg}"` };
}
