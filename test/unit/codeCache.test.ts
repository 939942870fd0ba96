/**
 * The CLI launcher (dist/cli.js, from server/src/cliLauncher.ts) runs dist/cliMain.js with the V8
 * code cache the build wrote. Tested on a copy of the real launcher beside stand-in bundles.
 */
import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { after, describe, it } from 'node:test';

const dist = join(process.cwd(), 'dist');
const dir = mkdtempSync(join(tmpdir(), 'pl-codecache-'));
after(() => rmSync(dir, { recursive: true, force: true }));
copyFileSync(join(dist, 'cli.js'), join(dir, 'cli.js'));
const cache = join(dir, 'cliMain.codecache');

function run(bundle: string, writeCache: boolean): string {
  writeFileSync(join(dir, 'cliMain.js'), bundle);
  const result = spawnSync(process.execPath, [join(dir, 'cli.js'), 'an-argument'], {
    encoding: 'utf8',
    env: { ...process.env, POLICY_LENS_WRITE_CODE_CACHE: writeCache ? '1' : '' },
  });
  assert.equal(result.stderr, '');
  return result.stdout.trim();
}

describe('CLI code cache', () => {
  it('the build wrote a cache for the current dist/cliMain.js', () => {
    const digest = createHash('sha256')
      .update(readFileSync(join(dist, 'cliMain.js'), 'utf8'))
      .digest('hex');
    assert.equal(readFileSync(join(dist, 'cliMain.codecache')).toString('latin1', 0, 65), `${digest}\n`);
  });

  it('runs the bundle as a module (shebang, __dirname, require, argv) and writes a cache keyed by its content', () => {
    const bundle =
      `#!/usr/bin/env node\nconst { basename } = require('node:path');\nconsole.log(basename(__dirname), typeof ` +
      `module.exports, process.argv[2]);`;
    assert.equal(run(bundle, true), `${basename(dir)} object an-argument`);
    const written = readFileSync(cache);
    assert.equal(written.toString('latin1', 0, 65), `${createHash('sha256').update(bundle).digest('hex')}\n`);
    assert.ok(written.length > 100, 'V8 data follows the digest');
    assert.equal(run(bundle, false), `${basename(dir)} object an-argument`, 'the same bundle, run from its cache');
  });

  it('ignores a cache written for another bundle of the same length (V8 itself compares only lengths)', () => {
    run(`console.log('first');`, true);
    assert.equal(run(`console.log('other');`, false), 'other');
  });

  it('runs without a cache, and with a corrupt one', () => {
    rmSync(cache, { force: true });
    assert.equal(run(`console.log('no cache');`, false), 'no cache');
    writeFileSync(cache, 'not a cache at all, but long enough to have a digest-sized head: 0123456789abcdef0123456789');
    assert.equal(run(`console.log('corrupt');`, false), 'corrupt');
  });
});
