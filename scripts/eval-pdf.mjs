// Bundles scripts/eval-pdf.ts (the PDF reading measured against the real reports' text twins) and
// runs it with the arguments given; see that file. `npm run eval:pdf` builds dist/pdfjs first.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { schemaValidatorsPlugin } from './lib/schemaValidators.mjs';
import { versionDefine } from './lib/version.mjs';

mkdirSync('.bench', { recursive: true });
await esbuild.build({
  entryPoints: ['scripts/eval-pdf.ts'],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  outfile: '.bench/eval-pdf.cjs',
  logLevel: 'warning',
  define: versionDefine,
  plugins: [schemaValidatorsPlugin],
});
const run = spawnSync(process.execPath, ['.bench/eval-pdf.cjs', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(run.status ?? 1);
