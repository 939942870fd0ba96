// The one version, read from package.json; every esbuild build of server or client code defines it.
import { readFileSync } from 'node:fs';

const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));

/** esbuild's `define` for server/src/common/version.ts. */
export const versionDefine = { POLICY_LENS_VERSION: JSON.stringify(packageJson.version) };
