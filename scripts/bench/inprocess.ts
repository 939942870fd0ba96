// In-process ("in the handler") measurements of the language service, bundled by scripts/bench.mjs
// with esbuild into .bench/inprocess.js and run in a fresh Node process per knowledge size:
//   node --expose-gc .bench/inprocess.js CONFIG.json
// It loads the knowledge exactly as the server does (KnowledgeStore: read, parse + validate, index,
// each step timed), then for each memo times the service calls the server's handlers make:
// diagnostics on open (fresh document), diagnostics after a one-character edit, hover and
// completion. Prints one JSON object on stdout. With "loadOnly" it stops after loading.
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultSettings } from '../../server/src/common/settings';
import { knowledgeFileKind } from '../../server/src/knowledge/fileKinds';
import { KnowledgeCache } from '../../server/src/node/knowledgeCache';
import { bundledKnowledgeFolder, KnowledgeStore } from '../../server/src/node/knowledgeFiles';
import { walkFiles } from '../../server/src/node/walk';
import { PolicyLensService } from '../../server/src/features/languageService';

interface Position {
  line: number;
  character: number;
}

interface MemoConfig {
  label: string;
  path: string;
  positions: string;
  opens: number;
  edits: number;
  hovers: number;
  completions: number;
}

interface Config {
  folders: string[];
  bundled: boolean;
  loadOnly?: boolean;
  memos: MemoConfig[];
  /** Write a CPU profile of each phase (load, and per memo: open, edit, hover, completion) here. */
  profileDir?: string;
  /** Load through the on-disk knowledge cache in this folder (as the server does). */
  cacheDir?: string;
  /** After loading (not timed), write the cache for the next run. */
  saveCache?: boolean;
}

interface Positions {
  /** One-character edits: type `insert` at `offset`, or delete the character at `offset` (backspace). */
  keystrokes: { offset: number; insert?: string; remove?: number }[];
  hovers: Position[];
  completions: Position[];
}

const config = JSON.parse(readFileSync(process.argv[2], 'utf8')) as Config;
const gc = (globalThis as { gc?: () => void }).gc;
const mb = (bytes: number): number => Math.round((bytes / 1048576) * 10) / 10;

// Phase profiles through the inspector, so each phase's profile holds that phase only. The
// in-thread session answers synchronously, so post() returns after its callback has run.
let session: Session | undefined;
function startProfile(): void {
  if (!config.profileDir) return;
  if (!session) {
    session = new Session();
    session.connect();
    session.post('Profiler.enable');
    session.post('Profiler.setSamplingInterval', { interval: 200 });
  }
  session.post('Profiler.start');
}
function stopProfile(name: string): void {
  if (!session || !config.profileDir) return;
  session.post('Profiler.stop', (error, result) => {
    if (!error) writeFileSync(join(config.profileDir!, `${name}.cpuprofile`), JSON.stringify(result.profile));
  });
}

function time<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const value = f();
  return [value, performance.now() - t0];
}

// 1. Knowledge, loaded as the server loads it (KnowledgeStore: each file read, parsed and let go of
// in turn; cold: first use in this process), with the store's own split of the time.
const rssBefore = process.memoryUsage().rss;
startProfile();
const store = new KnowledgeStore(config.cacheDir ? new KnowledgeCache(config.cacheDir) : undefined);
// CPU time too (all threads: the collector's included): other load on the machine inflates wall time far more.
const cpuBefore = process.cpuUsage();
const [load, loadMs] = time(() => store.load(config.folders, config.bundled));
const loadCpu = process.cpuUsage(cpuBefore);
stopProfile('load');
const { kb, timings } = load;
const afterLoad = process.memoryUsage();
gc?.();
const retained = process.memoryUsage();
// Sizes from the file system: reading the texts again here would add to the peak measured.
const knowledgeFiles = [...(config.bundled ? [bundledKnowledgeFolder()] : []), ...config.folders].flatMap((f) =>
  walkFiles(f, { maxDepth: 4, skip: new Set(['node_modules', 'schema']) })
    .files.filter(({ path }) => knowledgeFileKind(path))
    .map(({ stats }) => stats.size),
);
const knowledge = {
  files: knowledgeFiles.length,
  megabytes: mb(knowledgeFiles.reduce((n, bytes) => n + bytes, 0)),
  sources: kb.sources.size,
  terms: kb.terms.length,
  claims: kb.claims.length,
  errors: kb.errors.length,
  readMs: timings.readMs,
  parseMs: timings.parseMs,
  indexMs: timings.indexMs,
  loadMs,
  loadCpuMs: (loadCpu.user + loadCpu.system) / 1000,
  parsedFiles: timings.parsedFiles,
  reusedFiles: timings.reusedFiles,
  rssBeforeMb: mb(rssBefore),
  rssAfterLoadMb: mb(afterLoad.rss),
  heapAfterLoadMb: mb(afterLoad.heapUsed),
  heapRetainedMb: mb(retained.heapUsed),
};

if (config.saveCache) store.saveCache();

if (config.loadOnly) {
  process.stdout.write(`${JSON.stringify({ knowledge, peakRssMb: mb(process.resourceUsage().maxRSS * 1024) })}\n`);
  process.exit(0);
}

// 2. The service, as the server builds it.
const service = new PolicyLensService(kb, defaultSettings);
// The server renders references in a worker thread; here the main thread's share is measured, so the
// renderer answers at once (scripts/bench/lsp.mjs measures hovers through the real server).
service.setRenderer({
  bibliography: async (items) => items.map((i) => i.id),
  references: async (items) => items.map((i) => i.id),
  citation: async (cites) => cites.map((c) => c.item.id).join('; '),
  prepare: async () => undefined,
});
const pendingHovers: Promise<unknown>[] = [];
let uriCounter = 0;
const memos = config.memos.map((memo) => {
  const text = readFileSync(memo.path, 'utf8');
  const positions = JSON.parse(readFileSync(memo.positions, 'utf8')) as Positions;
  const open = (): TextDocument =>
    TextDocument.create(pathToFileURL(`/bench/${memo.label}-${uriCounter++}.md`).href, 'markdown', 1, text);

  // The first check in this process: what a freshly started server does on didOpen.
  const firstDoc = open();
  const [firstDiagnostics, firstMs] = time(() => service.diagnostics(firstDoc));
  service.close(firstDoc.uri);
  const openMs: number[] = [];
  const openCpuMs: number[] = [];
  startProfile();
  for (let i = 0; i < memo.opens; i++) {
    const doc = open();
    const cpu = process.cpuUsage();
    openMs.push(time(() => service.diagnostics(doc))[1]);
    const used = process.cpuUsage(cpu);
    openCpuMs.push((used.user + used.system) / 1000);
    service.close(doc.uri);
  }
  stopProfile(`open-${memo.label}`);

  // Typing: one character per edit, each followed by a full diagnostics request, as the server does.
  let doc = open();
  service.diagnostics(doc);
  const editMs: number[] = [];
  const editCpuMs: number[] = [];
  startProfile();
  for (const key of positions.keystrokes.slice(0, memo.edits)) {
    const start = doc.positionAt(key.offset);
    const end = key.remove ? doc.positionAt(key.offset + key.remove) : start;
    const cpu = process.cpuUsage();
    const [, ms] = time(() => {
      TextDocument.update(doc, [{ range: { start, end }, text: key.insert ?? '' }], doc.version + 1);
      return service.diagnostics(doc);
    });
    const used = process.cpuUsage(cpu);
    editCpuMs.push((used.user + used.system) / 1000);
    editMs.push(ms);
  }
  stopProfile(`edit-${memo.label}`);
  const diagnosticsAfterEdits = service.diagnostics(doc).length;
  service.close(doc.uri);
  // Hover and completion on the memo as generated (the positions were computed on it); its
  // diagnostics are cached, as they are in the server by the time the user hovers.
  doc = open();
  const diagnostics = service.diagnostics(doc);
  const hoverMs: number[] = [];
  let hovers = 0;
  startProfile();
  for (let i = 0; i < memo.hovers; i++) {
    const position = positions.hovers[i % positions.hovers.length];
    const [result, ms] = time(() => service.hover(doc, position));
    pendingHovers.push(
      result.then((h) => {
        if (h) hovers++;
      }),
    );
    hoverMs.push(ms);
  }
  stopProfile(`hover-${memo.label}`);
  const completionMs: number[] = [];
  let items = 0;
  startProfile();
  for (let i = 0; i < memo.completions; i++) {
    const position = positions.completions[i % positions.completions.length];
    const [result, ms] = time(() => service.completion(doc, position));
    items = Math.max(items, result?.items.length ?? 0);
    completionMs.push(ms);
  }
  stopProfile(`completion-${memo.label}`);
  service.close(doc.uri);
  const analysis = service.analyze(open());
  return {
    label: memo.label,
    characters: text.length,
    diagnostics: firstDiagnostics.length,
    diagnosticsAfterEdits,
    diagnosticsOnReopen: diagnostics.length,
    blocks: analysis.totalBlocks,
    sentences: analysis.sentences.length,
    firstMs,
    openMs,
    openCpuMs,
    editMs,
    editCpuMs,
    hoverMs,
    get hoverHits() {
      return hovers;
    },
    completionMs,
    completionItems: items,
  };
});

void Promise.all(pendingHovers).then(() => {
  const usage = process.memoryUsage();
  process.stdout.write(
    `${JSON.stringify({
      knowledge,
      memos,
      finalRssMb: mb(usage.rss),
      finalHeapMb: mb(usage.heapUsed),
      peakRssMb: mb(process.resourceUsage().maxRSS * 1024),
    })}\n`,
  );
});
