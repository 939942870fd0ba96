// Parsed bibliographies kept on disk between starts of the server, by file and content: a window
// opened again finds the settings' BibTeX parsed already, without loading Citation.js's BibTeX reader
// (about 0.1 s of CPU on the way to the first diagnostics, for a file of a few entries).
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type BibliographyLoad } from '../knowledge/bibliography';
import { currentCode } from './knowledgeCache';

/** Raised when what is stored changes shape. */
const format = 1;
/**
 * Texts up to this are kept: writing the parse of a larger one (a JSON text of megabytes) would hold
 * the server up longer than parsing it again in its worker thread.
 */
export const maxCachedBibliographyChars = 1024 * 1024;

const hash = (...parts: string[]): string =>
  createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 24);

export class BibliographyCache {
  constructor(private readonly dir: string) {}

  /** One file per bibliography path (a new content replaces the old), named for its content and the code. */
  private prefixFor(path: string): string {
    return `bibliography-${hash(path)}-`;
  }

  private fileFor(path: string, text: string): string {
    return join(this.dir, `${this.prefixFor(path)}${hash(String(format), currentCode(), text)}.json`);
  }

  /** The parse of `text` stored for `path`, if any (anything unreadable or of another shape counts as none). */
  async read(path: string, text: string): Promise<BibliographyLoad | undefined> {
    if (text.length > maxCachedBibliographyChars) return undefined;
    try {
      const stored = JSON.parse(await readFile(this.fileFor(path, text), 'utf8')) as Partial<BibliographyLoad>;
      if (!Array.isArray(stored.sources) || !Array.isArray(stored.errors)) return undefined;
      return { sources: stored.sources, errors: stored.errors };
    } catch {
      return undefined;
    }
  }

  /** Keeps the parse of `text` for `path`, in place of an older one; a failure to write is no error. */
  write(path: string, text: string, load: BibliographyLoad): void {
    if (text.length > maxCachedBibliographyChars) return;
    try {
      mkdirSync(this.dir, { recursive: true });
      const file = this.fileFor(path, text);
      const prefix = this.prefixFor(path);
      for (const old of readdirSync(this.dir)) {
        if (old.startsWith(prefix) && join(this.dir, old) !== file) rmSync(join(this.dir, old), { force: true });
      }
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify(load));
      renameSync(temporary, file);
    } catch {
      // A read-only or full disk: the file is parsed again next time.
    }
  }
}
