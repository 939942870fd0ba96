// The memo against itself (test/fixtures/consistency: memos with planted inconsistencies among
// legitimate differences: two years, two places, two subsets, a range and a value inside it).
// A planted pair is found when an inconsistency sits on its later mention and links its earlier
// one; a legitimate pair is flagged when an inconsistency sits on its later mention at all.
// Acronym and title pairs are scored by whichever code the check for them uses.
//   node scripts/eval-consistency.mjs [--dir DIR] [--json] [--verbose]
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const dirArg = args.indexOf('--dir');
const dir = dirArg >= 0 ? args[dirArg + 1] : 'test/fixtures/consistency';
const asJson = args.includes('--json');
const verbose = args.includes('--verbose');
const codes = new Set(['inconsistency']);
const labels = readFileSync(`${dir}/labels.jsonl`, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const result = { planted: 0, found: 0, legitimate: 0, flagged: 0, otherAlarms: 0, misses: [], alarms: [] };

for (const memo of [...new Set(labels.map((l) => l.memo))]) {
  let out;
  try {
    out = execFileSync(process.execPath, ['dist/cli.js', 'check', '--format', 'json', '--no-cache', `${dir}/${memo}`], { encoding: 'utf8' });
  } catch (e) {
    out = e.stdout; // exit status 1: the memo has findings
  }
  const diagnostics = JSON.parse(out).files[0].diagnostics.filter((d) => codes.has(d.code));
  const text = readFileSync(`${dir}/${memo}`, 'utf8');
  const lines = text.split('\n');
  /** Where a phrase is written: its line and columns (the last occurrence for a later mention). */
  const locate = (phrase, last) => {
    const at = last ? text.lastIndexOf(phrase) : text.indexOf(phrase);
    if (at < 0) throw new Error(`${memo}: "${phrase}" not found`);
    const line = text.slice(0, at).split('\n').length - 1;
    const col = at - (text.lastIndexOf('\n', at - 1) + 1);
    return { line, from: col, to: col + phrase.length };
  };
  const on = (d, place) => d.range.start.line === place.line && d.range.start.character < place.to && d.range.end.character > place.from;
  const used = new Set();
  for (const l of labels.filter((x) => x.memo === memo)) {
    const later = locate(l.later, true);
    const earlier = locate(l.earlier, false);
    const here = diagnostics.filter((d) => on(d, later));
    here.forEach((d) => used.add(d));
    if (l.label === 'planted') {
      result.planted++;
      const linked = here.some((d) => (d.relatedInformation ?? []).some((r) => on({ range: r.location.range }, earlier)));
      if (linked) result.found++;
      else result.misses.push(`${memo}:${later.line + 1} ${l.later} (earlier: ${l.earlier}) — ${l.note}`);
    } else {
      result.legitimate++;
      if (here.length > 0) {
        result.flagged++;
        result.alarms.push(`${memo}:${later.line + 1} ${l.later} — ${l.note}: ${here[0].message}`);
      }
    }
  }
  for (const d of diagnostics.filter((x) => !used.has(x))) {
    result.otherAlarms++;
    result.alarms.push(`${memo}:${d.range.start.line + 1} "${lines[d.range.start.line].slice(d.range.start.character, d.range.end.character)}" (unlabelled): ${d.message}`);
  }
}

if (asJson) console.log(JSON.stringify(result, null, 1));
else {
  if (verbose) {
    for (const m of result.misses) console.log(`miss  ${m}`);
    for (const a of result.alarms) console.log(`alarm ${a}`);
  }
  console.log(`planted inconsistencies found: ${result.found} of ${result.planted}; legitimate differences flagged: ${result.flagged} of ${result.legitimate}; other alarms: ${result.otherAlarms}`);
}
