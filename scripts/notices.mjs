// Writes the package notices of THIRD-PARTY-NOTICES.md (everything after its "Packages" marker) from
// dist/bundled-packages.json, which the build writes: each npm package whose code or data ships in
// the VSIX, with its version, licence and licence text. Run after `npm run build`.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const file = 'THIRD-PARTY-NOTICES.md';
const marker = '<!-- packages: written by scripts/notices.mjs from dist/bundled-packages.json -->';
const text = readFileSync(file, 'utf8');
const head = text.slice(0, text.indexOf(marker));
const packages = JSON.parse(readFileSync('dist/bundled-packages.json', 'utf8'));

function licenceText(name) {
  const dir = join('node_modules', name);
  const found = readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(f));
  return found ? readFileSync(join(dir, found), 'utf8').trim() : undefined;
}

const sections = packages.map(({ name, version, license }) => {
  const body = licenceText(name);
  const repo = JSON.parse(readFileSync(join('node_modules', name, 'package.json'), 'utf8')).repository;
  const url = typeof repo === 'string' ? repo : repo?.url;
  return [
    `### ${name} ${version}`,
    '',
    `Licence: ${license}${url ? ` · Source: ${url.replace(/^git\+/, '')}` : ''}`,
    '',
    body
      ? ['```text', body, '```'].join('\n')
      : '(The package ships no licence file; its package.json names the licence above.)',
    '',
  ].join('\n');
});
if (!existsSync('dist/bundled-packages.json')) throw new Error('run npm run build first');
writeFileSync(file, `${head}${marker}\n\n${sections.join('\n')}`);
console.log(`${file}: ${packages.length} packages`);
