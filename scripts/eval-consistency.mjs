// The memo against itself (test/fixtures/consistency: memos with planted inconsistencies among
// legitimate differences: two years, two places, two subsets, a range and a value inside it).
// A planted pair is found when an inconsistency sits on its later mention and links its earlier
// one; a legitimate pair is flagged when an inconsistency sits on its later mention at all.
// Acronym and title pairs are scored by whichever code the check for them uses.
// With --reports DIR (default ../shared/real-reports/text when it exists) it also counts the
// unsourced-figure hints on real articles, and those on a sentence that carries an attribution of
// its own by a test written apart from the check ("according to", "X said/reported/found", a
// footnote or author-date mark, a link): the issue asks for none of those.
//   node scripts/eval-consistency.mjs [--dir DIR] [--reports DIR] [--json] [--verbose]
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const dirArg = args.indexOf('--dir');
const dir = dirArg >= 0 ? args[dirArg + 1] : 'test/fixtures/consistency';
const asJson = args.includes('--json');
const verbose = args.includes('--verbose');
const codes = new Set(['inconsistency']);
const labels = readFileSync(`${dir}/labels.jsonl`, 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l));
const result = { planted: 0, found: 0, legitimate: 0, flagged: 0, otherAlarms: 0, misses: [], alarms: [] };

for (const memo of [...new Set(labels.map((l) => l.memo))]) {
  let out;
  try {
    out = execFileSync(process.execPath, ['dist/cli.js', 'check', '--format', 'json', '--no-cache', `${dir}/${memo}`], {
      encoding: 'utf8',
    });
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
  const on = (d, place) =>
    d.range.start.line === place.line && d.range.start.character < place.to && d.range.end.character > place.from;
  const used = new Set();
  for (const l of labels.filter((x) => x.memo === memo)) {
    const later = locate(l.later, true);
    const earlier = locate(l.earlier, false);
    const here = diagnostics.filter((d) => on(d, later));
    here.forEach((d) => used.add(d));
    if (l.label === 'planted') {
      result.planted++;
      const linked = here.some((d) =>
        (d.relatedInformation ?? []).some((r) => on({ range: r.location.range }, earlier)),
      );
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
    result.alarms.push(
      `${memo}:${d.range.start.line + 1} ` +
        `"${lines[d.range.start.line].slice(d.range.start.character, d.range.end.character)}" (unlabelled): ` +
        `${d.message}`,
    );
  }
}

const reportsArg = args.indexOf('--reports');
const reports = reportsArg >= 0 ? args[reportsArg + 1] : '../shared/real-reports/text';
const unsourced = { hints: 0, attributed: 0, sentences: [] };
// An attribution in words ("according to", "said"), or a mark that cites: a footnote, an
// author-year parenthesis, a link.
const attributionWords =
  /according to|\b(said|says|reported|reports|found|finds|estimated|estimates|noted|wrote|told|cited)\b/u;
const citationMark = /\[\^?\d+\]|\(\p{Lu}[\p{L}.&\s]+,?\s(19|20)\d{2}\)|https?:|\]\(/u;
const attribution = { test: (sentence) => attributionWords.test(sentence) || citationMark.test(sentence) };
if (existsSync(reports)) {
  for (const file of readdirSync(reports)) {
    let out;
    try {
      out = execFileSync(
        process.execPath,
        ['dist/cli.js', 'check', '--format', 'json', '--no-cache', `${reports}/${file}`],
        { encoding: 'utf8', maxBuffer: 1e8 },
      );
    } catch (e) {
      out = e.stdout;
    }
    const lines = readFileSync(`${reports}/${file}`, 'utf8').split('\n');
    for (const d of JSON.parse(out).files[0].diagnostics.filter((x) => x.code === 'unsourced-figure')) {
      unsourced.hints++;
      // The sentence around the hint, from the full stop before it to the one after.
      const line = lines[d.range.start.line];
      const from = line.lastIndexOf('. ', d.range.start.character) + 1;
      const next = line.indexOf('. ', d.range.end.character);
      const sentence = line.slice(from, next < 0 ? line.length : next + 12).trim();
      if (attribution.test(sentence)) unsourced.attributed++;
      unsourced.sentences.push(
        `${attribution.test(sentence) ? 'ATTRIBUTED ' : ''}${file}:${d.range.start.line + 1} ${sentence.slice(0, 200)}`,
      );
    }
  }
  result.unsourced = { hints: unsourced.hints, attributed: unsourced.attributed };
}

if (asJson) console.log(JSON.stringify(result, null, 1));
else {
  if (verbose) {
    for (const m of result.misses) console.log(`miss  ${m}`);
    for (const a of result.alarms) console.log(`alarm ${a}`);
  }
  if (verbose) for (const u of unsourced.sentences) console.log(`hint  ${u}`);
  console.log(
    `planted inconsistencies found: ${result.found} of ${result.planted}; legitimate differences flagged: ` +
      `${result.flagged} of ${result.legitimate}; other alarms: ${result.otherAlarms}`,
  );
  if (existsSync(reports)) {
    console.log(
      `unsourced-figure on ${reports}: ${unsourced.hints} hints, ${unsourced.attributed} on a sentence with ` +
        `an attribution of its own`,
    );
  }
}
