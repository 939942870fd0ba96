// Bundles scripts/explain.ts and runs it with the arguments given (see that file).
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { schemaValidatorsPlugin } from './lib/schemaValidators.mjs';
import { versionDefine } from './lib/version.mjs';

mkdirSync('.bench', { recursive: true });
await esbuild.build({
  entryPoints: ['scripts/explain.ts'],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  outfile: '.bench/explain.cjs',
  logLevel: 'warning',
  define: versionDefine,
  plugins: [schemaValidatorsPlugin],
});
const run = spawnSync(process.execPath, ['.bench/explain.cjs', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(run.status ?? 1);
