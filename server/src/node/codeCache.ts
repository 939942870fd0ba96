// Runs a CommonJS bundle with a V8 code cache beside it, so a cold CLI run skips parsing and
// compiling the bundle (Node 20 has no module.enableCompileCache). The cache is written at build
// time by running the bundle once; a cache from another bundle or another V8 is ignored.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

/** Cache file layout: the bundle's SHA-256 (hex), a newline, then V8's cached data. */
const digestLength = 64;

/** Loads `bundlePath` as the main module would be loaded, using and optionally writing `cachePath`. */
export function runWithCodeCache(bundlePath: string, cachePath: string, options: { writeCache?: boolean } = {}): void {
  const source = readFileSync(bundlePath, 'utf8');
  // V8 accepts cached data for any source of the same length, so the cache is keyed by content here.
  const digest = createHash('sha256').update(source).digest('hex');
  let cachedData: Buffer | undefined;
  try {
    const file = readFileSync(cachePath);
    if (file.length > digestLength + 1 && file.toString('latin1', 0, digestLength) === digest) {
      cachedData = file.subarray(digestLength + 1);
    }
  } catch {
    // No cache (not built yet, or removed): compile as usual.
  }
  // A shebang is valid at the start of a file, not inside the function wrapper.
  const body = source.startsWith('#!') ? `//${source.slice(2)}` : source;
  const script = new Script(Module.wrap(body), {
    filename: bundlePath,
    cachedData,
    // No importModuleDynamically: with cached data Node 20 loses that callback, so the bundle must
    // not use import() (the CLI reads PDFs with pdfjs in a worker, which Node loads itself).
  });
  if (options.writeCache) {
    // After the run, so the functions it compiled lazily are in the cache too.
    process.once('exit', () =>
      writeFileSync(cachePath, Buffer.concat([Buffer.from(`${digest}\n`, 'latin1'), script.createCachedData()])),
    );
  }
  const mainModule = new Module(bundlePath, undefined);
  mainModule.filename = bundlePath;
  const wrapper = script.runInThisContext() as (
    exports: unknown,
    require: NodeJS.Require,
    module: Module,
    filename: string,
    dirname: string,
  ) => void;
  wrapper.call(
    mainModule.exports,
    mainModule.exports,
    Module.createRequire(bundlePath),
    mainModule,
    bundlePath,
    dirname(bundlePath),
  );
}
