// Compares two builds of the checker in one process, on a loaded machine: the CPU time of fresh
// checks (open) or of one-character edits, the two builds alternated step by step, and whether
// they find the same diagnostics. BASE is a checkout of the other build (`git archive COMMIT | tar
// -x -C DIR`, with node_modules linked): scripts/bench/abHarness.ts is bundled against its sources
// and against this tree's.
//   node --expose-gc scripts/ab.mjs BASE open|edit MEMO N [KNOWLEDGE_FOLDER]
// MEMO is one of .bench/memos (its .positions.json gives the keystrokes). Prints the medians and
// the median of the paired differences (this build minus BASE).
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { schemaValidatorsPlugin } from './lib/schemaValidators.mjs';
import { versionDefine } from './lib/version.mjs';

const [baseArg, mode, memo, runs, folder] = process.argv.slice(2);
if (!baseArg || (mode !== 'open' && mode !== 'edit') || !memo || !(Number(runs) > 0)) {
  console.error('usage: node --expose-gc scripts/ab.mjs BASE open|edit MEMO N [KNOWLEDGE_FOLDER]');
  process.exit(2);
}
const harness = readFileSync(join('scripts', 'bench', 'abHarness.ts'), 'utf8');
// In .bench/, so that each bundle finds the bundled knowledge at ../knowledge (this tree's, for both).
const builds = {};
for (const [name, tree] of [
  ['base', resolve(baseArg)],
  ['this', resolve('.')],
]) {
  const outfile = resolve('.bench', `ab-${name}.js`);
  await esbuild.build({
    stdin: { contents: harness, resolveDir: join(tree, 'scripts', 'bench'), sourcefile: 'abHarness.ts', loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
    define: versionDefine,
    plugins: [schemaValidatorsPlugin],
    nodePaths: [resolve('node_modules')],
    outfile,
  });
  builds[name] = createRequire(import.meta.url)(outfile).checker(folder ? [resolve(folder)] : [], resolve(memo));
  console.log(`${name}: knowledge loaded in ${builds[name].loadCpuMs.toFixed(0)} ms of CPU`);
}
const keystrokes = JSON.parse(readFileSync(memo.replace(/\.md$/, '.positions.json'), 'utf8')).keystrokes;
const cpu = { base: [], this: [] };
let differing = 0;
for (let i = 0; i < Number(runs); i++) {
  const found = {};
  // Alternated, so that neither build always runs right after the other's garbage.
  for (const name of i % 2 ? ['base', 'this'] : ['this', 'base']) {
    const timed = mode === 'open' ? builds[name].open() : builds[name].edit(keystrokes[i % keystrokes.length]);
    cpu[name].push(timed.cpuMs);
    found[name] = JSON.stringify(timed.diagnostics);
  }
  if (found.base !== found.this) differing++;
}
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const paired = median(cpu.this.map((ms, i) => ms - cpu.base[i]));
console.log(
  `${mode} × ${runs}: CPU median ${median(cpu.base).toFixed(2)} ms (base) → ${median(cpu.this).toFixed(2)} ms ` +
    `(this build); median paired difference ${paired.toFixed(2)} ms; runs whose diagnostics differ: ${differing}`,
);
