// Bundles the extension client, the language server and the CLI with esbuild; with --tests also
// bundles every test/**/*.test.ts into out/ so that `node --test` runs them without a TS loader.
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, statSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const args = new Set(process.argv.slice(2));
const production = !args.has('--dev');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  metafile: true,
};

function findTests(dir) {
  const found = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === 'e2e' || name === 'fixtures') continue;
    if (statSync(path).isDirectory()) found.push(...findTests(path));
    else if (name.endsWith('.test.ts')) found.push(path);
  }
  return found;
}

const builds = [
  esbuild.build({ ...common, entryPoints: { extension: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: { server: 'server/src/server.ts', core: 'server/src/core.ts', cli: 'server/src/cli.ts', ingestWorker: 'server/src/node/ingestWorker.ts' }, outdir: 'dist' }),
];
if (args.has('--tests')) {
  rmSync('out', { recursive: true, force: true });
  builds.push(
    esbuild.build({
      ...common,
      minify: false,
      sourcemap: 'inline',
      entryPoints: findTests('test'),
      outdir: 'out/test',
      outbase: 'test',
      packages: 'external',
    }),
  );
}
// pdfjs-dist reads PDFs in the sources folder; it is an ES module loaded on first use, shipped
// next to the bundles rather than bundled, so the server bundle stays small.
mkdirSync('dist/pdfjs', { recursive: true });
for (const file of ['pdf.min.mjs', 'pdf.worker.min.mjs']) copyFileSync(`node_modules/pdfjs-dist/legacy/build/${file}`, `dist/pdfjs/${file}`);
const results = await Promise.all(builds);
// The bundled knowledge, loaded and checked once here, so a cold start reads a snapshot instead.
execFileSync(process.execPath, ['dist/cli.js', '__snapshot', 'dist/knowledge.snapshot.json'], { stdio: 'inherit' });
if (args.has('--sizes')) {
  for (const result of results.slice(0, 2)) {
    for (const [file, info] of Object.entries(result.metafile.outputs)) console.log(`${file}\t${info.bytes} bytes`);
  }
}
