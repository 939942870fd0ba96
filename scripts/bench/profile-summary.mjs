// Summarises a V8 .cpuprofile (from `node --cpu-prof`): the functions with the most self time and
// the most inclusive time, so a benchmark report can name the code path that dominates. Frames in
// a bundle with a source map next to it (.bench/inprocess.js.map) are named by their source file.
//   node scripts/bench/profile-summary.mjs FILE.cpuprofile [TOP]
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const base64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Generated line (0-based) → [source index, original line] of its first mapping. */
function firstMappingPerLine(map) {
  const lines = [];
  let source = 0;
  let originalLine = 0;
  let line = 0;
  let segment = [];
  let value = 0;
  let shift = 0;
  let first = true;
  const flush = () => {
    if (segment.length >= 4) {
      source += segment[1];
      originalLine += segment[2];
      if (first) {
        lines[line] = [source, originalLine];
        first = false;
      }
    }
    segment = [];
  };
  for (const ch of map.mappings) {
    if (ch === ';' || ch === ',') {
      flush();
      if (ch === ';') {
        line++;
        first = true;
      }
      continue;
    }
    const digit = base64.indexOf(ch);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      segment.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  flush();
  return lines;
}

const maps = new Map();
function sourceLocation(url, line) {
  if (!url.startsWith('file://')) return undefined;
  if (!maps.has(url)) {
    const mapFile = `${fileURLToPath(url)}.map`;
    if (!existsSync(mapFile)) maps.set(url, undefined);
    else {
      const map = JSON.parse(readFileSync(mapFile, 'utf8'));
      maps.set(url, { sources: map.sources, lines: firstMappingPerLine(map) });
    }
  }
  const m = maps.get(url);
  const hit = m?.lines[line];
  if (!hit) return undefined;
  return `${m.sources[hit[0]].replace(/^(\.\.\/)+/, '')}:${hit[1] + 1}`;
}

export function summarizeProfile(file, top = 15) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map();
  const dt = profile.timeDeltas ?? [];
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (dt[i] ?? 0)));
  const label = (n) => {
    const f = n.callFrame;
    const where = f.url
      ? (sourceLocation(f.url, f.lineNumber) ?? `${f.url.replace(/^.*\//, '')}:${f.lineNumber + 1}`)
      : '';
    return `${f.functionName || '(anonymous)'} ${where}`.trim();
  };
  // Samples taken while the bench itself starts or stops the profiler (inspector dispatch) and
  // idle samples are not the code under test: they are left out, from the total too.
  const overhead = /^dispatch$|node:inspector|^(start|stop)Profile |^\(idle\)|^\(program\)/;
  const selfBy = new Map();
  const totalBy = new Map();
  for (const id of [...self.keys()]) {
    let skip = false;
    for (let cur = id; cur !== undefined && !skip; cur = parent.get(cur)) skip = overhead.test(label(nodes.get(cur)));
    if (skip) self.delete(id);
  }
  for (const [id, t] of self) {
    const n = nodes.get(id);
    selfBy.set(label(n), (selfBy.get(label(n)) ?? 0) + t);
    // Inclusive time: count each function once per sample stack.
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const l = label(nodes.get(cur));
      if (seen.has(l)) continue;
      seen.add(l);
      totalBy.set(l, (totalBy.get(l) ?? 0) + t);
    }
  }
  const all = [...self.values()].reduce((a, b) => a + b, 0);
  // Frames that enclose everything (the root, Node's module loader, the bench's own driver) say nothing.
  const generic =
    /^\(root\)|run_main|^Module\.|^\(anonymous\) (inprocess\.js:1|scripts\/bench\/)|^time scripts\/bench\//;
  const rank = (m, skip) =>
    [...m.entries()]
      .filter(([name]) => !skip || !generic.test(name))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, t]) => ({ name, ms: t / 1000, share: t / all }));
  return { totalMs: all / 1000, self: rank(selfBy, false), inclusive: rank(totalBy, true) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const s = summarizeProfile(process.argv[2], Number(process.argv[3] ?? 15));
  console.log(`total sampled ${s.totalMs.toFixed(0)} ms\nself time:`);
  for (const r of s.self) {
    console.log(`  ${r.ms.toFixed(0).padStart(8)} ms ${(r.share * 100).toFixed(1).padStart(5)}%  ${r.name}`);
  }
  console.log('inclusive time:');
  for (const r of s.inclusive) {
    console.log(`  ${r.ms.toFixed(0).padStart(8)} ms ${(r.share * 100).toFixed(1).padStart(5)}%  ${r.name}`);
  }
}
