import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const requireFromHere = createRequire(join(process.cwd(), 'package.json'));

describe('third-party notices', () => {
  it('every package the build ships has its notice in THIRD-PARTY-NOTICES.md', () => {
    const shipped = JSON.parse(readFileSync('dist/bundled-packages.json', 'utf8')) as {
      name: string;
      version: string;
    }[];
    const notices = readFileSync('THIRD-PARTY-NOTICES.md', 'utf8');
    const missing = shipped.filter((p) => !notices.includes(`\n### ${p.name} `));
    assert.deepEqual(
      missing.map((p) => p.name),
      [],
      'run `node scripts/notices.mjs` after `npm run build`',
    );
    assert.ok(shipped.some((p) => p.name === 'citeproc') && shipped.some((p) => p.name === 'style-chicago'));
  });

  it('citeproc-js ships unmodified, as its own file with its licence header, and the notices go in the VSIX', () => {
    const shipped = readFileSync('dist/citeproc.js');
    assert.ok(
      shipped.equals(readFileSync(requireFromHere.resolve('citeproc'))),
      'dist/citeproc.js is a byte-for-byte copy',
    );
    assert.match(shipped.subarray(0, 2000).toString('utf8'), /Common Public Attribution License \(CPAL\)/);
    assert.match(readFileSync('.vscodeignore', 'utf8'), /^!THIRD-PARTY-NOTICES\.md$/m);
    assert.match(readFileSync('.vscodeignore', 'utf8'), /^!dist\/citeproc\.js$/m);
  });

  it('the bundled styles and locales carry their CC BY-SA attribution', () => {
    for (const file of [
      'dist/csl/apa.csl',
      'dist/csl/chicago-author-date.json',
      'dist/csl/locales/locales-en-US.xml',
    ]) {
      assert.match(readFileSync(file, 'utf8'), /creativecommons\.org\/licenses\/by-sa\/3\.0/, file);
    }
  });
});
