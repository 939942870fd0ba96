// Heap the bundled knowledge takes once loaded and indexed (the server's KnowledgeBase), from the
// built core: `npm run build`, then `node --expose-gc scripts/knowledge-heap.mjs`. Prints MB over
// the heap before loading, the median of five fresh loads, each kept alive while it is measured;
// then the index alone for its claims repeated 200 times (copies with their own ids), where a
// per-claim cost shows.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
if (typeof globalThis.gc !== 'function') {
  console.error('run with node --expose-gc');
  process.exit(2);
}
const { KnowledgeStore } = require('../dist/core.js');
const heap = () => {
  globalThis.gc();
  globalThis.gc();
  return process.memoryUsage().heapUsed;
};
/** Every knowledge measured stays reachable, so that the collector cannot take it early. */
const kept = [];
const runs = [];
for (let i = 0; i < 5; i++) {
  const before = heap();
  const kb = new KnowledgeStore().load([], true, []).kb;
  kept.push(kb);
  runs.push({ mb: (heap() - before) / 1048576, claims: kb.claims.length, terms: kb.terms.length });
}
const median = (list) => list.sort((a, b) => a.mb - b.mb)[2];
const { mb, claims, terms } = median(runs);
console.log(`bundled knowledge: ${claims} claims, ${terms} terms; heap ${mb.toFixed(2)} MB (median of 5)`);

const loaded = new KnowledgeStore().load([], true, []).kb;
const copies = 200;
const claimsRepeated = [];
for (let n = 0; n < copies; n++) for (const c of loaded.claims) claimsRepeated.push({ ...c, id: `${c.id}#${n}` });
const input = { sources: [...loaded.sources.values()], terms: loaded.terms, claims: claimsRepeated, errors: [] };
const indexRuns = [];
for (let i = 0; i < 5; i++) {
  const before = heap();
  const kb = new loaded.constructor(input);
  kept.push(kb);
  indexRuns.push({ mb: (heap() - before) / 1048576, claims: kb.claims.length });
}
const index = median(indexRuns);
console.log(`index of ${index.claims} claims (bundled x${copies}): heap ${index.mb.toFixed(2)} MB (median of 5)`);
