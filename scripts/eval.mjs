// Measures the checker on labelled memo sentences the way a user meets it: every case becomes a
// paragraph of one memo, checked by the CLI (`--format json`). Prints, per kind and overall,
// contradiction precision and recall, false alarms on supported and unverifiable sentences, false
// support (a contradicted sentence that a missing-citation or citation-mismatch finding says a source
// supports), whether messages carry the sourced value, and top-1 accuracy of the suggested source.
// A supported sentence that cites a key other than its source expects a citation-mismatch naming it.
//   node scripts/eval.mjs [--cases FILE] [--json] [-- extra CLI args]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const args = process.argv.slice(2);
const dash = args.indexOf('--');
const cliExtra = dash >= 0 ? args.splice(dash).slice(1) : [];
const casesArg = args.indexOf('--cases');
const casesFile = resolve(casesArg >= 0 ? args[casesArg + 1] : '../shared/eval/claims-dev.jsonl');
const asJson = args.includes('--json');
const verbose = args.includes('--verbose');

const cases = readFileSync(casesFile, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l));
const dir = mkdtempSync(join(tmpdir(), 'policy-lens-eval-'));
const memo = join(dir, 'memo.md');
// One paragraph per case, separated by blank lines: case i starts on line 2i.
writeFileSync(memo, cases.map((c) => c.text).join('\n\n') + '\n');
let out;
try {
  out = execFileSync(process.execPath, ['dist/cli.js', 'check', '--format', 'json', ...cliExtra, memo], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
} catch (e) {
  if (e.status !== 1) throw e;
  out = e.stdout;
}
rmSync(dir, { recursive: true, force: true });
// The cases are unrelated sentences in one memo: the memo's consistency with itself is not theirs.
const diagnostics = JSON.parse(out).files[0].diagnostics.filter((d) => d.code !== 'inconsistency');
const byCase = cases.map(() => []);
for (const d of diagnostics) byCase[d.range.start.line / 2]?.push(d);

const stats = new Map();
const row = (kind) => {
  if (!stats.has(kind)) {
    stats.set(kind, {
      contradicted: 0,
      detected: 0,
      falsePositives: 0,
      falseAlarms: 0,
      falseSupport: 0,
      withValue: 0,
      supported: 0,
      top1: 0,
      unverifiable: 0,
    });
  }
  return stats.get(kind);
};
// Keys a case's text cites, as Pandoc reads them: "[@kim2023, para. 2]", "[@a; @b]".
const citedKeys = (text) =>
  [...text.matchAll(/\[[^\]]*\]/g)].flatMap((m) => [...m[0].matchAll(/@([\w:.#$%&+?<>~/-]*\w)/g)].map((k) => k[1]));
const misses = [];
cases.forEach((c, i) => {
  const found = byCase[i];
  const contradictions = found.filter((d) => d.code === 'contradiction');
  const mismatches = found.filter((d) => d.code === 'citation-mismatch');
  const vouching = found.filter((d) => d.code === 'missing-citation' || d.code === 'citation-mismatch');
  // A supported sentence citing another source expects the mismatch; it is not a false alarm then.
  const cited = citedKeys(c.text);
  const wrongKey = c.label === 'supported' && cited.length > 0 && !cited.includes(c.source);
  const alarms = [...contradictions, ...(wrongKey ? [] : mismatches)];
  const suggestion = (wrongKey ? mismatches : found.filter((d) => d.code === 'missing-citation'))[0]?.data
    ?.suggestions?.[0];
  for (const kind of [c.kind, 'all']) {
    const s = row(kind);
    if (c.label === 'contradicted') {
      s.contradicted++;
      if (vouching.length > 0) s.falseSupport++;
      if (contradictions.length > 0) {
        s.detected++;
        if (contradictions.some((d) => new RegExp(c.expect, 'i').test(d.message))) s.withValue++;
      }
    } else {
      s.falsePositives += contradictions.length > 0 ? 1 : 0;
      s.falseAlarms += alarms.length;
      if (c.label === 'supported') {
        s.supported++;
        if (suggestion === c.source || (cited.includes(c.source) && found.length === 0)) s.top1++;
      } else s.unverifiable++;
    }
  }
  const ok =
    c.label === 'contradicted'
      ? vouching.length === 0 && contradictions.some((d) => new RegExp(c.expect, 'i').test(d.message))
      : alarms.length === 0 &&
        (c.label !== 'supported' || suggestion === c.source || (cited.includes(c.source) && found.length === 0));
  if (!ok) misses.push({ id: c.id, label: c.label, text: c.text, found: found.map((d) => `${d.code}: ${d.message}`) });
});

const ratio = (a, b) => (b === 0 ? '—' : (a / b).toFixed(2));
const table = [...stats.entries()]
  .sort(([a], [b]) => (a === 'all' ? 1 : b === 'all' ? -1 : a.localeCompare(b)))
  .map(([kind, s]) => ({
    kind,
    precision: ratio(s.detected, s.detected + s.falsePositives),
    recall: ratio(s.detected, s.contradicted),
    contradicted: s.contradicted,
    'false alarms': s.falseAlarms,
    'false support': s.contradicted ? s.falseSupport : '—',
    'value in message': s.detected ? `${s.withValue}/${s.detected}` : '—',
    'suggestion top-1': s.supported ? `${s.top1}/${s.supported}` : '—',
  }));
if (asJson) {
  process.stdout.write(JSON.stringify({ cases: cases.length, table, misses }, null, 2) + '\n');
} else {
  console.log(`Policy Lens checker on ${casesFile.replace(process.cwd() + '/', '')} (${cases.length} cases)\n`);
  const cols = Object.keys(table[0]);
  const widths = cols.map((c) => Math.max(c.length, ...table.map((r) => String(r[c]).length)));
  console.log(cols.map((c, i) => c.padEnd(widths[i])).join('  '));
  for (const r of table) console.log(cols.map((c, i) => String(r[c]).padEnd(widths[i])).join('  '));
  const all = stats.get('all');
  console.log(
    `\ncontradiction precision ${ratio(all.detected, all.detected + all.falsePositives)}, recall ` +
      `${ratio(all.detected, all.contradicted)}; false alarms on supported/unverifiable: ${all.falseAlarms}; ` +
      `false support: ${all.falseSupport}; sourced value in message: ${all.withValue}/${all.detected}; ` +
      `suggestion top-1: ${ratio(all.top1, all.supported)}`,
  );
  if (misses.length > 0 && verbose) {
    console.log(`\nNot right (${misses.length}):`);
    for (const m of misses) {
      console.log(`- ${m.id} [${m.label}] ${m.text}\n    ${m.found.join('\n    ') || '(nothing)'}`);
    }
  } else if (misses.length > 0) console.log(`${misses.length} cases not right; --verbose lists them.`);
}
