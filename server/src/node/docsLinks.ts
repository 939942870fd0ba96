// Links from diagnostics and SARIF rules to docs/checks/: the pages installed with the bundle (in
// the VSIX, next to dist/; in a checkout, the repository's), as `file:` URLs an editor opens.
import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkDocsFolder } from '../common/checks';

/** The package root as a URL ending in `/`: docs/checks/ is resolved against it. */
export function installedDocsBase(): string {
  const candidates = [resolve(__dirname, '..'), resolve(__dirname, '..', '..', '..')];
  const root = candidates.find((c) => existsSync(join(c, checkDocsFolder))) ?? candidates[0];
  return `${pathToFileURL(root).href}/`;
}

/** A knowledge or report file's URI; labels such as `<memory>` are not files. */
export function fileUri(path: string): string | undefined {
  return isAbsolute(path) ? pathToFileURL(path).href : undefined;
}
