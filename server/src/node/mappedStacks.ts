// Stack traces of our bundles at the TypeScript file and line, as `--enable-source-maps` gives them,
// but paid for only when a stack is read: that flag reads and indexes every bundle's map as the bundle
// loads (about 0.1 s of CPU for the server and its core, on the way to the first diagnostics). Here a
// bundle's map is read the first time one of its frames is printed.
import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { dirname, resolve, sep } from 'node:path';

/** Each bundle's map once read (null: it has none, or it cannot be read). */
const maps = new Map<string, SourceMap | null>();

function mapOf(bundle: string): SourceMap | null {
  let map = maps.get(bundle);
  if (map === undefined) {
    try {
      map = new SourceMap(JSON.parse(readFileSync(`${bundle}.map`, 'utf8')));
    } catch {
      map = null;
    }
    maps.set(bundle, map);
  }
  return map;
}

/** One frame as V8 prints it, at its TypeScript position when it is in a bundle under `folder`. */
function frame(site: NodeJS.CallSite, folder: string): string {
  const file = site.getFileName();
  const line = site.getLineNumber();
  const column = site.getColumnNumber();
  if (!file?.startsWith(folder) || !file.endsWith('.js') || line === null || column === null) return `    at ${site}`;
  const entry = mapOf(file)?.findEntry(line - 1, column - 1);
  if (!entry || !('originalSource' in entry) || !entry.originalSource) return `    at ${site}`;
  const source = resolve(dirname(file), entry.originalSource);
  const at = `${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
  const name = site.getFunctionName() ?? site.getMethodName();
  return name ? `    at ${name} (${at})` : `    at ${at}`;
}

/**
 * From now on, stack traces name the TypeScript sources of the bundles in `folder` (the `dist` folder
 * of the running bundle). Does nothing under `--enable-source-maps`, which maps them already.
 */
export function mapStackTraces(folder: string): void {
  if (process.sourceMapsEnabled) return;
  const inside = folder.endsWith(sep) ? folder : folder + sep;
  Error.prepareStackTrace = (error: Error, sites: NodeJS.CallSite[]): string => {
    const head = Error.prototype.toString.call(error);
    return [head, ...sites.map((site) => frame(site, inside))].join('\n');
  };
}
