// Which files may be read. In a trusted workspace any; in an untrusted one (VS Code's Restricted
// Mode) only files whose real path, after every symbolic link is followed, lies inside a workspace
// folder: a link in a cloned repository must not let it read (and cache) a file from elsewhere.
import { readlinkSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

export class ReadPolicy {
  /** The workspace folders' real paths; undefined when everything may be read. */
  private readonly roots: string[] | undefined;

  /** `roots`: the workspace folders when the workspace is not trusted, undefined when it is. */
  constructor(roots: readonly string[] | undefined) {
    this.roots = roots?.map(realPathOf);
  }

  static readonly anything = new ReadPolicy(undefined);

  get restricted(): boolean {
    return this.roots !== undefined;
  }

  /** The folders files must lie in, for a worker to build the same policy. */
  get folders(): string[] | undefined {
    return this.roots ? [...this.roots] : undefined;
  }

  /** Whether `path`, with its links followed (as far as it exists), lies inside the workspace. */
  allows(path: string): boolean {
    return this.roots === undefined || isInside(realPathOf(path), this.roots);
  }

  /**
   * Whether a file already opened as `fd` may be read: the kernel's own record of what was opened
   * (/proc/self/fd on Linux), so a link swapped between a check and the open cannot slip past.
   */
  allowsOpened(fd: number, path: string): boolean {
    if (this.roots === undefined) return true;
    let real: string;
    try {
      real = readlinkSync(`/proc/self/fd/${fd}`);
    } catch {
      real = realPathOf(path);
    }
    return isInside(real, this.roots);
  }
}

/** The real path of `path`; for one that does not exist (yet), its nearest existing parent's, joined with the rest. */
export function realPathOf(path: string): string {
  const absolute = resolve(path);
  try {
    return realpathSync.native(absolute);
  } catch {
    const parent = dirname(absolute);
    return parent === absolute ? absolute : join(realPathOf(parent), basename(absolute));
  }
}

/** Whether `path` is one of `folders` or inside one (paths compared as given: resolve links first). */
export function isInside(path: string, folders: readonly string[]): boolean {
  const target = resolve(path);
  return folders.some((folder) => {
    const rel = relative(resolve(folder), target);
    return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
  });
}
