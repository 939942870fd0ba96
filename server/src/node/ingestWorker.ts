// Worker thread: reads reports (PDF text extraction is CPU-heavy) off the server's main thread, so
// hover, completion and checking stay instant while a sources folder is indexed.
import { parentPort, workerData } from 'node:worker_threads';
import { ReadPolicy } from './readPolicy';
import { finishReports, type ReadReport, readReportCached } from './sourceFiles';

interface Job {
  files: string[];
  cacheDir?: string;
  /** The workspace folders reads must stay inside, when the workspace is not trusted. */
  readableFolders?: string[];
  /** Keys no report may take: the bundled sources'. */
  reservedKeys?: string[];
}

async function run(job: Job): Promise<void> {
  const reports: ReadReport[] = [];
  const policy = new ReadPolicy(job.readableFolders);
  for (const [i, path] of job.files.entries()) {
    parentPort!.postMessage({ type: 'progress', done: i, total: job.files.length, path });
    try {
      reports.push(await readReportCached(path, job.cacheDir, policy));
    } catch (e) {
      reports.push({ path, csl: { id: '', type: 'document', title: path }, passages: [], error: (e as Error).message });
    }
  }
  // Keys and claims are worked out here too: extraction is CPU work the main thread must not do.
  parentPort!.postMessage({ type: 'done', result: finishReports(reports, new Set(job.reservedKeys)) });
}

void run(workerData as Job);
