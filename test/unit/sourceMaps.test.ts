/**
 * Every bundle ships with a linked source map, so that Node started with --enable-source-maps (the
 * client starts the server so) reports a user's stack trace at the TypeScript file and line.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { buildSync, transformSync } from 'esbuild';

const dist = join(process.cwd(), 'dist');
/** The files `npm run package` puts in the VSIX, as vsce lists them. */
function vsixFiles(): string[] {
  const vsce = join('node_modules', '@vscode', 'vsce', 'vsce');
  const listed = spawnSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { encoding: 'utf8' });
  assert.equal(listed.status, 0, listed.stderr);
  return listed.stdout.split('\n').filter(Boolean);
}

describe('source maps', () => {
  it('the VSIX ships every bundle with the map it links, naming our TypeScript sources, and no .vscode/', () => {
    const files = vsixFiles();
    const bundles = files.filter((file) => /^dist\/[\w.]+\.js$/.test(file) && file !== 'dist/citeproc.js');
    assert.ok(bundles.includes('dist/server.js') && bundles.includes('dist/extension.js'), bundles.join());
    for (const bundle of bundles) {
      const name = bundle.slice('dist/'.length);
      const code = readFileSync(bundle, 'utf8');
      assert.ok(code.trimEnd().endsWith(`//# sourceMappingURL=${name}.map`), `${bundle} links its map`);
      assert.ok(files.includes(`${bundle}.map`), `${bundle}.map ships`);
      const map = JSON.parse(readFileSync(`${bundle}.map`, 'utf8')) as { sources: string[] };
      assert.ok(
        map.sources.some((source) => /^\.\.\/(client|server)\/src\/.+\.ts$/.test(source)),
        `${bundle}.map`,
      );
    }
    assert.deepEqual(
      files.filter((file) => file.startsWith('.vscode/')),
      [],
      'launch and task configurations stay out',
    );
  });

  it('a stack trace from the minified server core names the TypeScript line under --enable-source-maps', () => {
    // frontMatterOf(null) fails on its first line, in server/src/engine/markdown/frontMatter.ts. Only the
    // stack is printed: an uncaught error also prints its minified source line, hundreds of KB that a
    // pipe may cut before the stack.
    const script = "try { require('./dist/core.js').frontMatterOf(null) } catch (e) { console.error(e.stack) }";
    const mapped = spawnSync(process.execPath, ['--enable-source-maps', '-e', script], { encoding: 'utf8' });
    assert.match(mapped.stderr, /\n {4}at .*server\/src\/engine\/markdown\/frontMatter\.ts:\d+:\d+\)/);
    const unmapped = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    assert.match(unmapped.stderr, /\n {4}at .*dist\/core\.js:\d+:\d+\)/, 'without the flag, the bundle line');
  });

  it('without the flag (the server is started so), the server maps a stack trace when it prints one', () => {
    // What dist/server.js does first (the maps are read only when a stack trace is printed), bundled alone.
    const dir = mkdtempSync(join(tmpdir(), 'pl-mapped-stacks-'));
    const mapper = join(dir, 'mappedStacks.js');
    buildSync({ entryPoints: ['server/src/node/mappedStacks.ts'], bundle: true, platform: 'node', outfile: mapper });
    const script =
      `require(${JSON.stringify(mapper)}).mapStackTraces(require('path').resolve('dist')); ` +
      "try { require('./dist/core.js').frontMatterOf(null) } catch (e) { process.stderr.write(e.stack) }";
    const mapped = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    rmSync(dir, { recursive: true, force: true });
    assert.match(mapped.stderr, /^TypeError: /);
    assert.match(mapped.stderr, /\n {4}at .*server\/src\/engine\/markdown\/frontMatter\.ts:\d+:\d+\)?/);
    assert.doesNotMatch(mapped.stderr, /dist\/core\.js:/, 'no frame of the core left at the bundle line');
  });

  it('the CLI launcher leaves its code cache for a mapped stack trace under --enable-source-maps', () => {
    // A stand-in cliMain.js beside a copy of the real launcher, minified with a map from `boom.ts`.
    const dir = mkdtempSync(join(tmpdir(), 'pl-sourcemap-'));
    try {
      copyFileSync(join(dist, 'cli.js'), join(dir, 'cli.js'));
      const source = "function boom(): void {\n  throw new Error('boom');\n}\nboom();\n";
      const options = { loader: 'ts', minify: true, sourcemap: 'external', sourcefile: 'boom.ts' } as const;
      const { code, map } = transformSync(source, options);
      writeFileSync(join(dir, 'cliMain.js'), `${code}//# sourceMappingURL=cliMain.js.map\n`);
      writeFileSync(join(dir, 'cliMain.js.map'), map);
      const mapped = spawnSync(process.execPath, ['--enable-source-maps', join(dir, 'cli.js')], { encoding: 'utf8' });
      assert.match(mapped.stderr, /at boom \(.*boom\.ts:2:9\)/);
      const cached = spawnSync(process.execPath, [join(dir, 'cli.js')], { encoding: 'utf8' });
      assert.match(cached.stderr, /cliMain\.js:1:/, 'with the code cache, the bundle line');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
