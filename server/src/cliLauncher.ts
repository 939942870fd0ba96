#!/usr/bin/env node
// The `policy-lens` command: runs the CLI bundle (cliMain.js, from cli.ts) with the V8 code cache
// the build wrote beside it. POLICY_LENS_WRITE_CODE_CACHE=1 (used by the build) rewrites the cache.
import { join } from 'node:path';
import { runWithCodeCache } from './node/codeCache';

const bundle = join(__dirname, 'cliMain.js');
// Node 20 maps stack traces through source maps only in modules it loads itself, not in a
// vm.Script: under `node --enable-source-maps` (to report a bug) the bundle is required instead.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS bundle, loaded by Node itself
if (process.sourceMapsEnabled) require(bundle);
else {
  const writeCache = process.env.POLICY_LENS_WRITE_CODE_CACHE === '1';
  runWithCodeCache(bundle, join(__dirname, 'cliMain.codecache'), { writeCache });
}
