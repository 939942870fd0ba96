#!/usr/bin/env node
// The `policy-lens` command: runs the CLI bundle (cliMain.js, from cli.ts) with the V8 code cache
// the build wrote beside it. POLICY_LENS_WRITE_CODE_CACHE=1 (used by the build) rewrites the cache.
import { join } from 'node:path';
import { runWithCodeCache } from './node/codeCache';

runWithCodeCache(join(__dirname, 'cliMain.js'), join(__dirname, 'cliMain.codecache'), { writeCache: process.env.POLICY_LENS_WRITE_CODE_CACHE === '1' });
