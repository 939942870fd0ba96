// Parsed bibliographies kept on disk between starts of the server, by file and content: a window
// opened again finds the settings' BibTeX parsed already, without loading Citation.js's BibTeX reader
// (about 0.1 s of CPU on the way to the first diagnostics, for a file of a few entries). Nothing is
// hashed with node:crypto (loading it costs more than the read saves): a stored parse keeps the text
// it was made from and is used only for that very text, path and build of the code.
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BibliographyLoad } from '../knowledge/bibliography';

/** Raised when what is stored changes shape. */
const format = 1;
/**
 * Texts up to this are kept: writing the parse of a larger one (a JSON text of megabytes) would hold
 * the server up longer than parsing it again in its worker thread.
 */
const maxCachedChars = 1024 * 1024;

interface Stored {
  format: number;
  code: string;
  path: string;
  text: string;
  load: BibliographyLoad;
}

let codeStamp: string | undefined;
/** The running bundle's size and time: a parse is only as good as the code that made it. */
function currentCode(): string {
  if (codeStamp === undefined) {
    try {
      const stats = statSync(__filename);
      codeStamp = `${stats.size}:${stats.mtimeMs}`;
    } catch {
      codeStamp = 'unknown';
    }
  }
  return codeStamp;
}

/** FNV-1a over the path: a file name per bibliography (two paths sharing one only miss the cache). */
function nameFor(path: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < path.length; i++) hash = Math.imul(hash ^ path.charCodeAt(i), 0x01000193);
  return `bibliography-${(hash >>> 0).toString(16).padStart(8, '0')}.json`;
}

export class BibliographyCache {
  constructor(private readonly dir: string) {}

  /** The parse stored for exactly this text of `path`, if any (anything else counts as none). */
  read(path: string, text: string): BibliographyLoad | undefined {
    if (text.length > maxCachedChars) return undefined;
    try {
      const stored = JSON.parse(readFileSync(join(this.dir, nameFor(path)), 'utf8')) as Partial<Stored>;
      const same = stored.format === format && stored.code === currentCode() && stored.path === path;
      if (!same || stored.text !== text || !stored.load) return undefined;
      const { sources, errors } = stored.load;
      return Array.isArray(sources) && Array.isArray(errors) ? { sources, errors } : undefined;
    } catch {
      return undefined;
    }
  }

  /** Keeps the parse of `text` for `path`, in place of an older one; a failure to write is no error. */
  write(path: string, text: string, load: BibliographyLoad): void {
    if (text.length > maxCachedChars) return;
    try {
      mkdirSync(this.dir, { recursive: true });
      const file = join(this.dir, nameFor(path));
      const stored: Stored = { format, code: currentCode(), path, text, load };
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify(stored));
      renameSync(temporary, file);
    } catch {
      // A read-only or full disk: the file is parsed again next time.
    }
  }
}
