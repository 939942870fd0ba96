// Bundles the extension client, the language server and the CLI with esbuild; with --tests also
// bundles every test/**/*.test.ts into out/ so that `node --test` runs them without a TS loader.
// With --watch (npm run watch) it rebuilds the bundles, unminified, on every save until stopped.
import * as esbuild from 'esbuild';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { schemaValidatorsPlugin } from './lib/schemaValidators.mjs';
import { versionDefine } from './lib/version.mjs';

const args = new Set(process.argv.slice(2));
const watch = args.has('--watch');
const production = !args.has('--dev') && !watch;
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // Linked maps beside every bundle (shipped in the VSIX): Node started with --enable-source-maps
  // reports a user's stack trace at the TypeScript file, line and column, minified or not. Without
  // the sources' text, which the repository has: the VSIX grows by 0.7 MB instead of 1.8 MB.
  sourcemap: 'linked',
  sourcesContent: false,
  minify: production,
  logLevel: 'warning',
  metafile: true,
  define: versionDefine,
  plugins: [schemaValidatorsPlugin],
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

// Citation.js's core can fetch URLs (a feature Policy Lens never calls); its HTTP modules are left
// out of the bundles, which load no network module at all (test/security/network.test.ts).
const noNetwork = {
  name: 'no-network',
  setup(build) {
    build.onResolve({ filter: /^(sync-fetch|node-fetch)$/ }, (args) => ({ path: args.path, namespace: 'no-network' }));
    build.onLoad({ filter: /.*/, namespace: 'no-network' }, () => ({
      contents: 'module.exports = function () { throw new Error("Policy Lens makes no network requests"); };',
      loader: 'js',
    }));
  },
};

const productBundles = [
  { ...common, entryPoints: { extension: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] },
  {
    ...common,
    entryPoints: {
      server: 'server/src/server.ts',
      core: 'server/src/core.ts',
      cli: 'server/src/cliLauncher.ts',
      cliMain: 'server/src/cli.ts',
      ingestWorker: 'server/src/node/ingestWorker.ts',
      cslWorker: 'server/src/node/cslWorker.ts',
      bibliographyWorker: 'server/src/node/bibliographyWorker.ts',
    },
    outdir: 'dist',
    plugins: [...common.plugins, noNetwork],
  },
];
const builds = watch ? [] : productBundles.map((options) => esbuild.build(options));
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
for (const file of ['pdf.min.mjs', 'pdf.worker.min.mjs']) {
  copyFileSync(`node_modules/pdfjs-dist/legacy/build/${file}`, `dist/pdfjs/${file}`);
}
// The CSL processor, styles and locales, beside the bundles and loaded by the CSL worker on first
// use. citeproc-js is shipped as its own file, unmodified, under its licence (THIRD-PARTY-NOTICES.md).
const require = createRequire(import.meta.url);
mkdirSync('dist/csl/locales', { recursive: true });
copyFileSync(require.resolve('citeproc'), 'dist/citeproc.js');
const citationJsStyles = JSON.parse(readFileSync(require.resolve('@citation-js/plugin-csl/lib/styles.json'), 'utf8'));
writeFileSync('dist/csl/apa.csl', citationJsStyles.apa);
writeFileSync('dist/csl/chicago-author-date.json', JSON.stringify(require('style-chicago')));
const localeDir = join(dirname(require.resolve('citeproc-locales/package.json')), 'locales');
for (const name of readdirSync(localeDir)) {
  if (name.endsWith('.xml')) copyFileSync(join(localeDir, name), join('dist/csl/locales', name));
}
if (watch) await watchBundles();
else await finishBuild();

/**
 * Rebuilds the product bundles on every change. It reports in lines that .vscode/tasks.json's
 * problem matcher reads: one per error or warning (`file:line:column: error: text`) between
 * `[watch] build started` and `[watch] build finished`.
 */
async function watchBundles() {
  // No knowledge snapshot: one made by older code may not match it; without one the server loads the files.
  rmSync('dist/knowledge.snapshot.json', { force: true });
  let running = 0;
  const report = {
    name: 'watch-report',
    setup(build) {
      build.onStart(() => {
        if (running++ === 0) console.log('[watch] build started');
      });
      build.onEnd(({ errors, warnings }) => {
        for (const [severity, messages] of [
          ['error', errors],
          ['warning', warnings],
        ]) {
          for (const { location, text } of messages) {
            const where = location ? `${location.file}:${location.line}:${location.column + 1}` : 'esbuild';
            console.log(`${where}: ${severity}: ${text}`);
          }
        }
        if (--running === 0) console.log('[watch] build finished');
      });
    },
  };
  for (const options of productBundles) {
    const plugins = [...(options.plugins ?? []), report];
    const context = await esbuild.context({ ...options, logLevel: 'silent', plugins });
    await context.watch();
  }
}

/** After the bundles: the shipped-packages list, the knowledge snapshot and the CLI code cache. */
async function finishBuild() {
  const results = await Promise.all(builds);
  // Every npm package whose code or data ships in the VSIX, for THIRD-PARTY-NOTICES.md (scripts/notices.mjs
  // writes the notices from it, and a unit test checks that each one has its notice).
  const shipped = new Set(['citeproc', 'style-chicago', '@citation-js/plugin-csl', 'citeproc-locales', 'pdfjs-dist']);
  for (const result of results.slice(0, 2)) {
    for (const input of Object.keys(result.metafile.inputs)) {
      const m = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
      if (m) shipped.add(m[1]);
    }
  }
  const packages = [...shipped].sort().map((name) => {
    const json = JSON.parse(readFileSync(join('node_modules', name, 'package.json'), 'utf8'));
    return { name, version: json.version, license: json.license ?? json.licenses?.[0]?.type ?? 'UNKNOWN' };
  });
  writeFileSync('dist/bundled-packages.json', JSON.stringify(packages, null, 1) + '\n');
  // The bundled knowledge, loaded and checked once here, so a cold start reads a snapshot instead.
  execFileSync(process.execPath, ['dist/cli.js', '__snapshot', 'dist/knowledge.snapshot.json'], { stdio: 'inherit' });
  // The CLI's V8 code cache: one run over the example memo (every check fires in it) compiles what a
  // check compiles, and the launcher saves it. Exit status 1 only means the memo has findings.
  const warmUp = spawnSync(process.execPath, ['dist/cli.js', 'check', '--format', 'json', 'examples/memo.md'], {
    env: { ...process.env, POLICY_LENS_WRITE_CODE_CACHE: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (warmUp.status !== 0 && warmUp.status !== 1) {
    throw new Error(`writing the CLI code cache failed (exit ${warmUp.status})`);
  }
  if (args.has('--sizes')) {
    for (const result of results.slice(0, 2)) {
      for (const [file, info] of Object.entries(result.metafile.outputs)) console.log(`${file}\t${info.bytes} bytes`);
    }
  }
}
