// What makes the server's first check faster, done before it is needed: the compile cache, and
// work a first check would otherwise pay for on its way to the first diagnostics.
import * as nodeModule from 'node:module';

/** `module.enableCompileCache` (Node 22.8 and later); absent from Node 20's types. */
type EnableCompileCache = (directory: string) => unknown;

/**
 * Keeps the compiled code of what the server loads from now on (the core) in `directory`, written
 * as the server exits, and of its worker threads (they inherit NODE_COMPILE_CACHE). The client
 * starts the process before it knows its storage, so the cache is turned on here, after
 * `initialize`. A NODE_COMPILE_CACHE of the user's own is kept; Node 20 has no compile cache.
 */
export function enableCompileCache(directory: string | undefined): void {
  const enable = (nodeModule as { enableCompileCache?: EnableCompileCache }).enableCompileCache;
  if (!directory || !enable || process.env.NODE_COMPILE_CACHE) return;
  try {
    enable(directory);
    process.env.NODE_COMPILE_CACHE = directory;
  } catch {
    // An unwritable folder: the server runs without the cache.
  }
}

/**
 * The first number formatted with `toLocaleString` loads ICU's number data (about 70 ms on Node 24,
 * measured in a profile of the first check): done while the server waits for the client.
 */
export function warmUp(): void {
  void (1000).toLocaleString('en-US');
}
