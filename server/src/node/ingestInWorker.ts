// Reads reports in a worker thread (dist/ingestWorker.js beside the bundle): PDF text extraction
// is CPU-heavy, and pdfjs is an ES module that the worker imports as a module Node loaded itself.
// Used by the server (so typing stays instant while a folder is read) and by the CLI.
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ReadPolicy } from './readPolicy';
import type { finishReports } from './sourceFiles';

export type IngestResult = ReturnType<typeof finishReports>;

export interface IngestProgress {
  done: number;
  total: number;
  path: string;
}

/**
 * Reads `files` through the cache in `cacheDir`; no report gets a key of `reservedKeys` (those of
 * the bundled sources, when they are loaded). Resolves with what the worker found; if the worker
 * fails or exits early, with no sources and the failure in `failure`.
 */
export function readSourcesInWorker(
  files: readonly string[],
  cacheDir: string | undefined,
  onProgress?: (p: IngestProgress) => void,
  policy = ReadPolicy.anything,
  reservedKeys: readonly string[] = [],
): Promise<IngestResult & { failure?: string }> {
  return new Promise((resolveResult) => {
    if (files.length === 0) return resolveResult({ sources: [], errors: [] });
    let settled = false;
    const settle = (result: IngestResult & { failure?: string }): void => {
      if (settled) return;
      settled = true;
      resolveResult(result);
    };
    // The policy goes as the folders it allows: the worker builds the same one.
    const workerData = { files, cacheDir, readableFolders: policy.folders, reservedKeys };
    const worker = new Worker(join(__dirname, 'ingestWorker.js'), { workerData });
    worker.on('message', (m: { type: string; result: IngestResult } & IngestProgress) => {
      if (m.type === 'progress') onProgress?.({ done: m.done, total: m.total, path: m.path });
      else if (m.type === 'done') settle(m.result);
    });
    worker.on('error', (e) => settle({ sources: [], errors: [], failure: e.message }));
    worker.on('exit', (code) =>
      settle({ sources: [], errors: [], failure: `the reader stopped (exit code ${code}) before it finished` }),
    );
  });
}
