// In-process peers, run in their own Node process so their memory and JIT do not touch the
// Policy Lens numbers:
//   node scripts/bench/peers.mjs CONFIG.json  → one JSON object on stdout
// CONFIG: { memo, keystrokes: [{offset, insert?, remove?}], markdownlintRuns, harperEdits }
// - markdownlint (the library markdownlint-cli2 runs): warm lint of the memo; it has no
//   incremental mode, so a one-character edit costs one full lint.
// - harper.js (Harper's WebAssembly build, LocalLinter): setup, a first lint, then re-lints after
//   one-character edits, the way an editor integration calls it.
// A peer that is not installed or fails is reported as { error } rather than stopping the bench.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const text = readFileSync(config.memo, 'utf8');

/** The version of an installed package, found from the file its entry point resolves to. */
function versionOf(specifier, name) {
  for (let dir = dirname(fileURLToPath(import.meta.resolve(specifier))); dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8'));
      if (pkg.name === name) return pkg.version;
    }
  }
  return undefined;
}

function edited(i) {
  const key = config.keystrokes[i % config.keystrokes.length];
  return text.slice(0, key.offset) + (key.insert ?? 'x') + text.slice(key.offset + (key.remove ?? 0));
}

async function markdownlint() {
  const { lint } = await import('markdownlint/sync');
  const version = versionOf('markdownlint/sync', 'markdownlint');
  const t0 = performance.now();
  const first = lint({ strings: { memo: text } });
  const firstMs = performance.now() - t0;
  for (let i = 0; i < 2; i++) lint({ strings: { memo: edited(i) } }); // warm-up
  const lintMs = [];
  for (let i = 0; i < config.markdownlintRuns; i++) {
    const doc = edited(i + 2);
    const t = performance.now();
    lint({ strings: { memo: doc } });
    lintMs.push(performance.now() - t);
  }
  return { version, firstMs, lintMs, problems: first.memo.length };
}

async function harper() {
  const { LocalLinter } = await import('harper.js');
  const { binary } = await import('harper.js/binary');
  const version = versionOf('harper.js', 'harper.js');
  const t0 = performance.now();
  const linter = new LocalLinter({ binary });
  await linter.setup();
  const setupMs = performance.now() - t0;
  const t1 = performance.now();
  const first = await linter.lint(text, { language: 'markdown' });
  const firstMs = performance.now() - t1;
  const lintMs = [];
  for (let i = 0; i < config.harperEdits; i++) {
    const doc = edited(i);
    const t = performance.now();
    await linter.lint(doc, { language: 'markdown' });
    lintMs.push(performance.now() - t);
  }
  return { version, setupMs, firstMs, lintMs, problems: first.length };
}

const result = {};
for (const [name, run] of [
  ['markdownlint', markdownlint],
  ['harper', harper],
]) {
  if (config.skip?.includes(name)) continue;
  try {
    result[name] = await run();
  } catch (e) {
    result[name] = { error: String(e?.message ?? e).split('\n')[0] };
  }
}
process.stdout.write(`${JSON.stringify(result)}\n`);
