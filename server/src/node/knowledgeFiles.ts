// Reads knowledge folders from disk for the server and the CLI (the language service itself never
// touches the file system).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileErrors, knowledgeFileKind, loadKnowledge, LoadedKnowledge, maxKnowledgeFileBytes } from '../knowledge/loader';
import { KnowledgeBase } from '../knowledge/knowledgeBase';
import { KnowledgeError, KnowledgeFile } from '../knowledge/types';
import { IngestedKnowledge, mergeIngested } from '../knowledge/merge';

/** The knowledge folder shipped with the extension: `knowledge/` next to `dist/`. */
export function bundledKnowledgeFolder(): string {
  const candidates = [resolve(__dirname, '..', 'knowledge'), resolve(__dirname, '..', '..', '..', 'knowledge')];
  return candidates.find((c) => existsSync(join(c, 'glossary.yaml'))) ?? candidates[0];
}

/** Every knowledge file below `folder` (schemas excluded), read as UTF-8. Errors are reported, not thrown. */
export function readKnowledgeFolder(folder: string, errors: KnowledgeError[]): KnowledgeFile[] {
  const files: KnowledgeFile[] = [];
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    errors.push({ kind: 'io', message: `knowledge folder not found: ${folder}`, file: folder, line: 0, character: 0 });
    return files;
  }
  const walk = (dir: string, depth: number): void => {
    if (depth > 4) return;
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith('.') || name === 'node_modules' || name === 'schema') continue;
      const path = join(dir, name);
      let stats;
      try {
        stats = statSync(path);
      } catch {
        continue;
      }
      if (stats.isDirectory()) walk(path, depth + 1);
      else if (knowledgeFileKind(path)) {
        if (stats.size > maxKnowledgeFileBytes) {
          errors.push({ kind: 'io', message: `file is ${Math.round(stats.size / 1048576)} MB; knowledge files over ${maxKnowledgeFileBytes / 1048576} MB are not read`, file: path, line: 0, character: 0 });
          continue;
        }
        try {
          files.push({ path, text: decodeUtf8(readFileSync(path)) });
        } catch (e) {
          errors.push({ kind: 'io', message: (e as Error).message, file: path, line: 0, character: 0 });
        }
      }
    }
  };
  walk(folder, 0);
  return files;
}

/** Decodes UTF-8 strictly: invalid bytes become U+FFFD, which the loader reports as an encoding error. */
function decodeUtf8(bytes: Buffer): string {
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
}

export interface KnowledgeLoad {
  kb: KnowledgeBase;
  loaded: LoadedKnowledge;
  files: KnowledgeFile[];
}

/** Loads the bundled knowledge plus extra folders (and reports read from sources folders) into one knowledge base. */
export function loadKnowledgeFolders(extraFolders: readonly string[], includeBundled = true, ingested: readonly IngestedKnowledge[] = []): KnowledgeLoad {
  const ioErrors: KnowledgeError[] = [];
  const folders = [...(includeBundled ? [bundledKnowledgeFolder()] : []), ...extraFolders];
  const files = folders.flatMap((f) => readKnowledgeFolder(f, ioErrors));
  const loaded = mergeIngested(loadKnowledge(files), ingested);
  loaded.errors.unshift(...ioErrors);
  return { kb: new KnowledgeBase(loaded), loaded, files };
}

export function formatKnowledgeError(e: KnowledgeError): string {
  return `${e.file}:${e.line + 1}:${e.character + 1}: error ${e.kind}: ${e.message}`;
}

/**
 * Loads knowledge again and again (the server reloads when files change). A file that breaks
 * (syntax, encoding or schema) is reported, and its last good version stays in use.
 */
export class KnowledgeStore {
  private lastGood = new Map<string, string>();

  load(extraFolders: readonly string[], includeBundled = true, ingested: readonly IngestedKnowledge[] = []): KnowledgeLoad {
    const ioErrors: KnowledgeError[] = [];
    const folders = [...(includeBundled ? [bundledKnowledgeFolder()] : []), ...extraFolders];
    const read = folders.flatMap((f) => readKnowledgeFolder(f, ioErrors));
    const kept: KnowledgeError[] = [];
    const files = read.map((file) => {
      const errors = fileErrors(file);
      const previous = this.lastGood.get(file.path);
      if (errors.length === 0) {
        this.lastGood.set(file.path, file.text);
        return file;
      }
      if (previous === undefined) return file;
      kept.push(...errors.map((e) => ({ ...e, message: `${e.message} (the last good version of this file is still in use)` })));
      return { path: file.path, text: previous };
    });
    const loaded = mergeIngested(loadKnowledge(files), ingested);
    loaded.errors.unshift(...ioErrors, ...kept);
    return { kb: new KnowledgeBase(loaded), loaded, files };
  }
}
