// Reads knowledge folders from disk for the server and the CLI (the language service itself never
// touches the file system).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { walkFiles } from './walk';
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
  for (const { path, stats } of walkFiles(folder, { maxDepth: 4, skip: new Set(['node_modules', 'schema']) })) {
    if (!knowledgeFileKind(path)) continue;
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

/**
 * The bundled knowledge, loaded and checked at build time (dist/knowledge.snapshot.json), used when
 * the knowledge files still hash to what the snapshot was made from: a cold start then parses no
 * YAML and compiles no schema. Anything else (a stale or missing snapshot) loads the files.
 */
interface Snapshot {
  hash: string;
  loaded: LoadedKnowledge;
}

function hashFiles(files: readonly KnowledgeFile[]): string {
  const hash = createHash('sha256');
  for (const f of files) hash.update(f.path.slice(f.path.replace(/\\/g, '/').lastIndexOf('/knowledge/'))).update('\u0000').update(f.text).update('\u0000');
  return hash.digest('hex');
}

function snapshotPath(): string {
  return resolve(__dirname, 'knowledge.snapshot.json');
}

/** Writes the snapshot of the bundled knowledge (at build time); false if the knowledge has errors. */
export function writeSnapshot(out: string): boolean {
  const errors: KnowledgeError[] = [];
  const files = readKnowledgeFolder(bundledKnowledgeFolder(), errors);
  const loaded = loadKnowledge(files);
  if (errors.length > 0 || loaded.errors.length > 0) return false;
  writeFileSync(out, JSON.stringify({ hash: hashFiles(files), loaded } satisfies Snapshot));
  return true;
}

function bundledKnowledge(ioErrors: KnowledgeError[]): { files: KnowledgeFile[]; loaded?: LoadedKnowledge } {
  const files = readKnowledgeFolder(bundledKnowledgeFolder(), ioErrors);
  try {
    const snapshot = JSON.parse(readFileSync(snapshotPath(), 'utf8')) as Snapshot;
    if (snapshot.hash === hashFiles(files)) {
      // The snapshot was made where the extension was built; its entries point at the files here.
      const folder = bundledKnowledgeFolder();
      const relocate = <T extends { origin: { file: string } }>(x: T): T => ({ ...x, origin: { ...x.origin, file: join(folder, x.origin.file.slice(x.origin.file.replace(/\\/g, '/').lastIndexOf('/knowledge/') + '/knowledge/'.length)) } });
      const loaded = snapshot.loaded;
      return { files, loaded: { ...loaded, sources: loaded.sources.map(relocate), terms: loaded.terms.map(relocate), claims: loaded.claims.map(relocate) } };
    }
  } catch {
    // no snapshot (a development build): load the files
  }
  return { files };
}

/** Loads the bundled knowledge plus extra folders (and reports read from sources folders) into one knowledge base. */
export function loadKnowledgeFolders(extraFolders: readonly string[], includeBundled = true, ingested: readonly IngestedKnowledge[] = []): KnowledgeLoad {
  const ioErrors: KnowledgeError[] = [];
  const bundled = includeBundled ? bundledKnowledge(ioErrors) : { files: [] };
  const extra = extraFolders.flatMap((f) => readKnowledgeFolder(f, ioErrors));
  const loaded = mergeIngested(bundled.loaded ? loadKnowledge(extra, bundled.loaded) : loadKnowledge([...bundled.files, ...extra]), ingested);
  loaded.errors.unshift(...ioErrors);
  return { kb: new KnowledgeBase(loaded), loaded, files: [...bundled.files, ...extra] };
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
    const bundled = includeBundled ? bundledKnowledge(ioErrors) : { files: [] };
    const read = [...(bundled.loaded ? [] : bundled.files), ...extraFolders.flatMap((f) => readKnowledgeFolder(f, ioErrors))];
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
    const loaded = mergeIngested(loadKnowledge(files, bundled.loaded), ingested);
    loaded.errors.unshift(...ioErrors, ...kept);
    return { kb: new KnowledgeBase(loaded), loaded, files: [...(bundled.loaded ? bundled.files : []), ...files] };
  }
}
