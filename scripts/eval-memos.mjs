// The checker on whole memos with planted errors (test/fixtures/memos: three memos written blind
// from the sources, each with 12 planted errors and 3 correct sentences that look suspicious).
// Prints the errors caught, the misses and every false alarm: a contradiction or citation mismatch
// on a line with no planted error.
//   node scripts/eval-memos.mjs [--dir DIR] [--json]
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const dirArg = args.indexOf('--dir');
const dir = dirArg >= 0 ? args[dirArg + 1] : 'test/fixtures/memos';
const asJson = args.includes('--json');
const labels = readFileSync(`${dir}/labels.jsonl`, 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l));
const result = { errors: 0, caught: 0, falseAlarms: 0, correctFlagged: 0, misses: [], alarms: [] };

for (const memo of [...new Set(labels.map((l) => l.memo))]) {
  let out;
  try {
    out = execFileSync(process.execPath, ['dist/cli.js', 'check', '--format', 'json', '--no-cache', `${dir}/${memo}`], {
      encoding: 'utf8',
    });
  } catch (e) {
    out = e.stdout; // exit status 1: the memo has findings
  }
  const diagnostics = JSON.parse(out).files[0].diagnostics.filter(
    (d) => d.code === 'contradiction' || d.code === 'citation-mismatch',
  );
  const lines = readFileSync(`${dir}/${memo}`, 'utf8').split('\n');
  const mine = labels.filter((l) => l.memo === memo);
  // Each finding goes to the nearest labelled phrase on its line.
  const owner = (d) => {
    const line = d.range.start.line;
    const onLine = mine.filter((l) => l.line - 1 === line);
    let best;
    let bestDistance = Infinity;
    for (const l of onLine) {
      const col = lines[line].indexOf(l.text);
      const distance =
        col < 0 ? 0 : Math.max(0, col - d.range.end.character, d.range.start.character - (col + l.text.length));
      if (distance < bestDistance) [best, bestDistance] = [l, distance];
    }
    return best;
  };
  const flagged = new Set();
  for (const d of diagnostics) {
    const label = owner(d);
    if (label) flagged.add(label);
    if (!label || label.label !== 'error') {
      const text = lines[d.range.start.line].slice(d.range.start.character, d.range.end.character);
      if (label) result.correctFlagged++;
      else result.falseAlarms++;
      result.alarms.push(`${memo}:${d.range.start.line + 1} "${text}": ${d.message}`);
    }
  }
  for (const l of mine.filter((x) => x.label === 'error')) {
    result.errors++;
    if (flagged.has(l)) result.caught++;
    else result.misses.push(`${memo}:${l.line} [${l.kind}] ${l.text} (the source: ${l.correct_value})`);
  }
}

if (asJson) console.log(JSON.stringify(result, null, 1));
else {
  for (const m of result.misses) console.log(`miss  ${m}`);
  for (const a of result.alarms) console.log(`alarm ${a}`);
  console.log(
    `planted errors caught: ${result.caught} of ${result.errors}; false alarms: ${result.falseAlarms}; ` +
      `correct sentences flagged: ${result.correctFlagged}`,
  );
}
