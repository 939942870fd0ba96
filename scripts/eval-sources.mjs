// Issue 7's measurement: with no curated knowledge loaded, read the two source documents from a
// sources folder (as plain text, then as PDFs generated from them) and run the claims set. Prints
// recall on number, year and date contradictions and the false-alarm count.
//   node scripts/eval-sources.mjs [--cases FILE] [--json]
// With --reports, the eleven real reports of ../shared/real-reports/text are the sources folder and
// the cases are test/fixtures/report-cases.jsonl (memo sentences that change one fact of a report,
// or state one, or say what no report addresses): prints scripts/eval.mjs's table for them.
//   node scripts/eval-sources.mjs --reports [--cases FILE] [--json] [--verbose]
// With --reports --pdf, only the cases on the reports that also come as PDFs, with them as text, then as PDF.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { textToPdf } from './lib/pdf.mjs';

const args = process.argv.slice(2);
const casesArg = args.indexOf('--cases');
const reports = args.includes('--reports');
const defaultCases = reports ? 'test/fixtures/report-cases.jsonl' : '../shared/eval/claims-dev.jsonl';
const cases = casesArg >= 0 ? args[casesArg + 1] : defaultCases;
if (reports) {
  const flags = ['--json', '--verbose'].filter((f) => args.includes(f));
  const run = (casesFile, folder) =>
    execFileSync(
      process.execPath,
      ['scripts/eval.mjs', '--cases', casesFile, ...flags, '--', '--no-bundled', '--no-cache', '--sources', folder],
      { stdio: 'inherit' },
    );
  if (!args.includes('--pdf')) {
    run(cases, '../shared/real-reports/text');
    process.exit(0);
  }
  // --pdf: the cases on reports that also come as PDFs, checked twice: with the text folder, then with a
  // folder where those reports are their PDFs instead (the other reports stay text).
  const pdfDir = '../shared/real-reports/pdf';
  const twins = new Set(
    readdirSync(pdfDir)
      .filter((n) => n.endsWith('.pdf'))
      .map((n) => basename(n, '.pdf')),
  );
  const stem = (name) => name.replace(/\.(md|txt)$/, '');
  const lines = readFileSync(cases, 'utf8')
    .split('\n')
    .filter((l) => l.trim());
  const onPdf = lines.filter((l) => twins.has(stem(JSON.parse(l).report ?? '')));
  const work = mkdtempSync(join(tmpdir(), 'policy-lens-reports-pdf-'));
  const subset = join(work, 'cases.jsonl');
  writeFileSync(subset, onPdf.join('\n') + '\n');
  const mixed = join(work, 'sources');
  mkdirSync(mixed);
  for (const name of readdirSync('../shared/real-reports/text')) {
    if (twins.has(stem(name))) copyFileSync(join(pdfDir, stem(name) + '.pdf'), join(mixed, stem(name) + '.pdf'));
    else copyFileSync(join('../shared/real-reports/text', name), join(mixed, name));
  }
  console.log(`${onPdf.length} of ${lines.length} cases are on the ${twins.size} reports that come as PDFs.\n`);
  console.log('With those reports as text:');
  run(subset, '../shared/real-reports/text');
  console.log('\nWith those reports as PDFs:');
  run(subset, mixed);
  rmSync(work, { recursive: true, force: true });
  process.exit(0);
}
const sourcesDir = '../shared/sources';
const kinds = ['number', 'year', 'date'];

function measure(folder) {
  const out = execFileSync(
    process.execPath,
    ['scripts/eval.mjs', '--cases', cases, '--json', '--', '--no-bundled', '--no-cache', '--sources', folder],
    { encoding: 'utf8' },
  );
  const { table } = JSON.parse(out);
  let detected = 0;
  let contradicted = 0;
  for (const row of table.filter((r) => kinds.includes(r.kind))) {
    contradicted += row.contradicted;
    detected += Math.round(Number(row.recall) * row.contradicted) || 0;
  }
  const all = table.find((r) => r.kind === 'all');
  return {
    recall: contradicted ? detected / contradicted : 0,
    detected,
    contradicted,
    falseAlarms: all['false alarms'],
    precision: all.precision,
  };
}

const text = mkdtempSync(join(tmpdir(), 'policy-lens-sources-txt-'));
const pdf = mkdtempSync(join(tmpdir(), 'policy-lens-sources-pdf-'));
for (const name of readdirSync(sourcesDir).filter((n) => n.endsWith('.txt'))) {
  copyFileSync(join(sourcesDir, name), join(text, name));
  // The PDF carries no metadata: key and year come from the file name, as for a bare download.
  writeFileSync(join(pdf, basename(name, '.txt') + '.pdf'), textToPdf(readFileSync(join(sourcesDir, name), 'utf8')));
}
const results = { text: measure(text), pdf: measure(pdf) };
rmSync(text, { recursive: true, force: true });
rmSync(pdf, { recursive: true, force: true });
if (args.includes('--json')) console.log(JSON.stringify(results, null, 2));
else {
  console.log(`Reading ../shared/sources with no curated knowledge, checked on ${cases}:\n`);
  console.log('format  recall (number, year, date)  false alarms  precision');
  for (const [format, r] of Object.entries(results)) {
    console.log(
      `${format.padEnd(6)}  ${r.recall.toFixed(2)} (${r.detected}/${r.contradicted})`.padEnd(37) +
        `  ${String(r.falseAlarms).padEnd(12)}  ${r.precision}`,
    );
  }
}
