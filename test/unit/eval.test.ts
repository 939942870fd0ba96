// The checker's measured quality must not slip: the dev set from ../shared and our own
// independently written set (test/fixtures/claims-extra.jsonl), through the CLI as `npm run eval` runs it.
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

interface Row {
  kind: string;
  precision: string;
  recall: string;
  'false alarms': number;
  'false support': number | string;
  'value in message': string;
  'suggestion top-1': string;
}

function evaluate(cases: string, extra: string[] = []): Row {
  const out = execFileSync(
    process.execPath,
    ['scripts/eval.mjs', '--cases', cases, '--json', ...(extra.length ? ['--', ...extra] : [])],
    { encoding: 'utf8' },
  );
  const all = (JSON.parse(out).table as Row[]).find((r) => r.kind === 'all')!;
  return all;
}
const fraction = (text: string): number => {
  const [a, b] = text.split('/').map(Number);
  return b === undefined ? Number(text) : a / b;
};

// Floors at the figures last measured (README, "Checker quality"): a change that loses ground on
// any set fails here. The dev sets come from ../shared; the others were written by people who saw
// neither the engine nor the knowledge files (test/fixtures/README.md says who wrote what).
interface Floor {
  cases: string;
  precision: number;
  recall: number;
  falseAlarms: number;
  falseSupport: number;
  top1: number;
  extra?: string[];
}
const floors: Floor[] = [
  {
    cases: '../shared/eval/claims-dev.jsonl',
    precision: 1,
    recall: 0.96,
    falseAlarms: 0,
    falseSupport: 0,
    top1: 0.9,
  },
  {
    cases: '../shared/eval/claims-dev2.jsonl',
    precision: 1,
    recall: 0.98,
    falseAlarms: 0,
    falseSupport: 0,
    top1: 0.7,
  },
  {
    cases: 'test/fixtures/claims-extra.jsonl',
    precision: 1,
    recall: 0.93,
    falseAlarms: 0,
    falseSupport: 0,
    top1: 0.8,
  },
  {
    // Written blind (the writer read only the two sources): 0.93/0.83 with 4 false alarms when first
    // measured; its false alarms were then read and their causes fixed (subsets, another post, a zone).
    cases: 'test/fixtures/claims-blind2.jsonl',
    precision: 1,
    recall: 0.98,
    falseAlarms: 0,
    falseSupport: 0,
    top1: 0.68,
  },
  {
    // Written blind: 0.95/0.68 with 2 false alarms and 4 false support when first measured; two
    // false supports and one false alarm were then read and their causes fixed (doubted clauses, a
    // count out of a source's part, a name listed among a set's members that is none of them); then
    // the causes of its negation, quantifier, stance and attribution misses (0.68 to 0.80, one false
    // support fewer: a split "leaves X out of"), and of its entity, role, list and zone misses (0.88);
    // in round 8 its last false support (a document named as the speaker: "It is the 2019 strategy
    // that notes"), its false alarm (another session named by its ordinal) and more list misses (0.92).
    cases: 'test/fixtures/claims-blind3.jsonl',
    precision: 1,
    recall: 0.92,
    falseAlarms: 0,
    falseSupport: 0,
    top1: 0.75,
  },
  {
    // Written blind: 0.95/0.65 with 2 false alarms and 5 false support at the start of round 7 and
    // again at its end; its five false supports and one false alarm were then read and their causes
    // fixed (a label's list from its colon, a place a calendar day away, "local date", "sceptical
    // of", "unmentioned", a scene-setting opening phrase). Round 8 fixed the causes of its misses of
    // every kind and its false alarm (a share of a part: "Most of the gas … is LNG"): 0.72 to 0.90.
    cases: 'test/fixtures/claims-blind4.jsonl',
    precision: 1,
    recall: 0.9,
    falseAlarms: 0,
    falseSupport: 0,
    top1: 0.8,
  },
  {
    // Written blind: 1.00/0.75 with 5 false supports at the start of round 8 and, identically, case
    // for case, after its reader work; then its false supports and misses were read and their causes
    // fixed (a concessive between commas, "barely" as a hedge, "×", staying out of, dismissing a
    // concern, another owner of a known name, an unchecked scarcity, "a small fraction"): 0.85, one
    // false support left. Round 9: 0.88 (another owner of a unit: "NATO's ESIWA"; the field a
    // heading verb takes: "heads maritime security programming").
    cases: 'test/fixtures/claims-blind5.jsonl',
    precision: 1,
    recall: 0.88,
    falseAlarms: 0,
    falseSupport: 1,
    top1: 0.7,
  },
  {
    // Written from the sources by a helper who never saw the engine, to vary the wording of known
    // facts: 0.95/0.65 with 4 false alarms and 2 false supports when first measured. Round 9's two
    // reader branches (dates, zones, figures, lists and quantifiers; entity, role, negation, stance,
    // attribution and other events, roles and documents) together: 1.00/0.82, none of either.
    cases: 'test/fixtures/claims-tune7a.jsonl',
    precision: 1,
    recall: 0.82,
    falseAlarms: 0,
    falseSupport: 0,
    top1: 0.7,
  },
  {
    // Written the same way: 0.93/0.68 with 4 false alarms and 2 false supports at first; 1.00/0.88 after round 9.
    cases: 'test/fixtures/claims-tune7b.jsonl',
    precision: 1,
    recall: 0.89,
    falseAlarms: 0,
    falseSupport: 0,
    top1: 0.75,
  },
  {
    // Written blind at the end of round 11 and measured at its start commit and its end: 0.96/0.85
    // with 2 false alarms and 1 false support both times. Read in round 12 and fixed at their causes.
    cases: 'test/fixtures/claims-blind11.jsonl',
    precision: 1,
    recall: 0.92,
    falseAlarms: 0,
    falseSupport: 0,
    top1: 0.75,
  },
  {
    // Written blind at the start of round 12: 0.98/0.90 with 1 false alarm and 1 false support at its
    // start commit and after the round's first fixes; those were then read and fixed at their causes,
    // then its misses read: 1.00/0.93.
    cases: 'test/fixtures/claims-blind12.jsonl',
    precision: 1,
    recall: 0.95,
    falseAlarms: 0,
    falseSupport: 0,
    top1: 0.8,
  },
  {
    // Written blind in round 12 and measured at its start commit and its end, unread then: 0.96/0.82
    // with 2 false alarms and no false support both times. Round 13 read its false alarms and misses.
    cases: 'test/fixtures/claims-blind13.jsonl',
    precision: 1,
    recall: 0.9,
    falseAlarms: 0,
    falseSupport: 0,
    top1: 0.75,
  },
  {
    // Written blind at the start of round 13: 0.98/0.78 with 1 false alarm at its start commit; the
    // false alarm was read and its cause fixed, then its misses read.
    cases: 'test/fixtures/claims-blind14.jsonl',
    precision: 1,
    recall: 0.9,
    falseAlarms: 0,
    falseSupport: 0,
    top1: 0.85,
  },
  {
    // Written blind in round 13 and measured at its start commit and its end, unread then: 0.96/0.82,
    // then 0.96/0.83, with 2 false alarms and 2 false supports both times. Round 14 read them and fixed
    // their causes, then read its misses: 1.00/0.90.
    cases: 'test/fixtures/claims-blind15.jsonl',
    precision: 1,
    recall: 0.93,
    falseAlarms: 0,
    falseSupport: 0,
    top1: 0.85,
  },
  {
    // Written blind in round 14 and measured at its start commit and its end, unread then: 1.00/0.77
    // with 1 false support both times. Round 15 read its false support and misses: 1.00/0.90.
    cases: 'test/fixtures/claims-blind16.jsonl',
    precision: 1,
    recall: 0.93,
    falseAlarms: 0,
    falseSupport: 0,
    top1: 0.8,
  },
  {
    // Written blind at the start of round 14: 0.98/0.82 with 1 false alarm and 3 false supports at its
    // start commit; those were read and their causes fixed, then its misses read: 1.00/0.90.
    cases: 'test/fixtures/claims-blind17.jsonl',
    precision: 1,
    recall: 0.95,
    falseAlarms: 0,
    falseSupport: 0,
    top1: 0.85,
  },
  {
    // Written blind at the start of round 15: 0.98/0.87 with 1 false alarm at its start commit; that
    // and its misses were read and fixed at their causes: 1.00/1.00.
    cases: 'test/fixtures/claims-blind18.jsonl',
    precision: 1,
    recall: 1,
    falseAlarms: 0,
    falseSupport: 0,
    top1: 0.85,
  },
  {
    // Written blind in round 15 and measured at its start commit and its end, unread: 0.98/0.82 and
    // 0.98/0.85, 1 false alarm both times. Round 16 read it and fixed the causes (a title after a person
    // taken for a list member; a bracketed "must" taken for advice; …): 1.00/0.98.
    cases: 'test/fixtures/claims-blind19.jsonl',
    precision: 1,
    recall: 0.98,
    falseAlarms: 0,
    falseSupport: 0,
    top1: 0.85,
  },
  {
    // Written blind in the middle of round 15: 0.96/0.78 with 2 false alarms and 2 false supports on
    // the round's start commit and, the same, on the commit it was written at; those and its misses
    // were then read and fixed at their causes: 1.00/0.88.
    cases: 'test/fixtures/claims-blind20.jsonl',
    precision: 1,
    recall: 0.92,
    falseAlarms: 0,
    falseSupport: 0,
    top1: 0.65,
  },
  {
    // Written blind at the start of round 16: 0.98/0.90 with 1 false alarm at its start commit; that and
    // some of its misses were read and fixed at their causes: 1.00/0.93.
    cases: 'test/fixtures/claims-blind21.jsonl',
    precision: 1,
    recall: 0.93,
    falseAlarms: 0,
    falseSupport: 0,
    top1: 0.9,
  },
  {
    // Written blind in round 16 and measured at its start commit and its end, unread: 0.98/0.87 with
    // 1 false alarm both times. Round 17 read it and fixed the false alarm's cause (a stage "not yet
    // moved beyond") and some misses: 1.00/0.93.
    cases: 'test/fixtures/claims-blind22.jsonl',
    precision: 1,
    recall: 0.93,
    falseAlarms: 0,
    falseSupport: 0,
    top1: 0.8,
  },
  {
    // Written blind at the start of round 17: 0.98/0.85 with 1 false alarm and 1 false support at its
    // start commit; those and some of its misses were read and fixed at their causes: 1.00/0.92.
    cases: 'test/fixtures/claims-blind23.jsonl',
    precision: 1,
    recall: 0.93,
    falseAlarms: 0,
    falseSupport: 0,
    top1: 0.85,
  },
  {
    // Written blind in round 17 and measured at its start commit and its end, unread: 1.00/0.83 with
    // 2 false supports at the start, 1.00/0.85 with 1 at the end. Round 18 read it and fixed the false
    // support's cause (the value's own country owning a body placed elsewhere) and some misses: 1.00/0.88.
    cases: 'test/fixtures/claims-blind24.jsonl',
    precision: 1,
    recall: 0.88,
    falseAlarms: 0,
    falseSupport: 0,
    top1: 0.75,
  },
  {
    // Written blind at the start of round 18: 0.98/0.88 with 1 false alarm at its start commit; that
    // and some of its misses were read and fixed at their causes: 1.00/0.93.
    cases: 'test/fixtures/claims-blind25.jsonl',
    precision: 1,
    recall: 0.93,
    falseAlarms: 0,
    falseSupport: 0,
    top1: 0.85,
  },
  {
    // Written blind in the middle of round 18: 0.95/0.90 with 3 false alarms and 1 false support on the
    // round's start commit and on the commit it was written at; those were read and fixed at their
    // causes: 1.00/0.92.
    cases: 'test/fixtures/claims-blind28.jsonl',
    precision: 1,
    recall: 0.93,
    falseAlarms: 0,
    falseSupport: 0,
    top1: 0.9,
  },
  {
    // Written blind in round 18 and measured at its start commit and its end, unread: 0.98/0.87 with 1
    // false alarm and 1 false support both times. Round 19 read it and fixed both at their causes (a
    // share another country takes; a comma inside "October 28, 2022"): 1.00/0.90.
    cases: 'test/fixtures/claims-blind26.jsonl',
    precision: 1,
    recall: 0.92,
    falseAlarms: 0,
    falseSupport: 0,
    top1: 0.85,
  },
  {
    // Written blind in round 18 and measured at its start commit and its end, unread: 0.98/0.85 with 1
    // false alarm and 1 false support at the start, 0.98/0.87 with the same at the end. Round 19 read it
    // and fixed both at their causes (a document quoted "as saying"; "regional" partners): 1.00/0.88.
    cases: 'test/fixtures/claims-blind27.jsonl',
    precision: 1,
    recall: 0.9,
    falseAlarms: 0,
    falseSupport: 0,
    top1: 0.75,
  },
  {
    // Written blind in the middle of round 19: 0.98/0.87 with 1 false alarm on the round's start commit;
    // that was read and fixed at its cause (a count of the partners outside a region): 1.00/0.87.
    cases: 'test/fixtures/claims-blind30.jsonl',
    precision: 1,
    recall: 0.93,
    falseAlarms: 0,
    falseSupport: 0,
    top1: 0.7,
  },
  {
    // Written blind in round 19 and measured at its start commit and its end, unread: 1.00/0.82 with 1
    // false support both times. Round 20 read it and fixed the false support at its cause (an unknown
    // name opening the clause whose subject the claim only glosses) and some misses: 1.00/0.87, none.
    cases: 'test/fixtures/claims-blind29.jsonl',
    precision: 1,
    recall: 0.87,
    falseAlarms: 0,
    falseSupport: 0,
    top1: 0.75,
  },
  {
    // Written blind at the start of round 20: 1.00/0.77 with 1 false support on the round's start
    // commit; read, and the false support fixed at its cause (a name a verb of giving takes first is
    // who receives, not who acts): 1.00/0.83.
    cases: 'test/fixtures/claims-blind32.jsonl',
    precision: 1,
    recall: 0.83,
    falseAlarms: 0,
    falseSupport: 0,
    top1: 0.6,
  },
  {
    // Written blind in round 20 and measured at its start commit and its end, unread: 0.94/0.80 with 3
    // false alarms and 1 false support both times. The floor holds what was measured.
    cases: 'test/fixtures/claims-blind31.jsonl',
    precision: 0.94,
    recall: 0.8,
    falseAlarms: 3,
    falseSupport: 1,
    top1: 0.75,
  },

  {
    // Written blind in round 11: 0.93/0.85 with false alarms on 4 sentences and 2 false supports when
    // first measured; those were read and their causes fixed.
    cases: 'test/fixtures/claims-blind9.jsonl',
    precision: 1,
    recall: 0.9,
    falseAlarms: 0,
    falseSupport: 0,
    top1: 0.8,
  },
  {
    // Written blind in round 11: 0.96/0.88, 2 false alarms, at its start and at the end of the round's
    // work (1 false support, then none); the false alarms were then read and their causes fixed.
    cases: 'test/fixtures/claims-blind10.jsonl',
    precision: 1,
    recall: 0.95,
    falseAlarms: 0,
    falseSupport: 0,
    top1: 0.75,
  },
  {
    cases: 'test/fixtures/claims-blind.jsonl',
    precision: 1,
    recall: 0.9,
    falseAlarms: 0,
    falseSupport: 0,
    top1: 0.7,
  },
  {
    cases: 'test/fixtures/joint-statement-cases.jsonl',
    precision: 0.94,
    recall: 0.57,
    falseAlarms: 1,
    falseSupport: 0,
    top1: 0.6,
    extra: ['--knowledge', 'test/fixtures/knowledge-joint-statement'],
  },
];

describe('checker quality', () => {
  for (const floor of floors) {
    const shared = floor.cases.startsWith('../shared/');
    it(
      `keeps its figures on ${floor.cases}`,
      { skip: shared && !existsSync(floor.cases) && 'needs ../shared/eval' },
      () => {
        const all = evaluate(floor.cases, floor.extra);
        assert.ok(Number(all.precision) >= floor.precision, `precision ${all.precision}`);
        assert.ok(Number(all.recall) >= floor.recall, `recall ${all.recall}`);
        assert.ok(all['false alarms'] <= floor.falseAlarms, `false alarms ${all['false alarms']}`);
        assert.ok(Number(all['false support']) <= floor.falseSupport, `false support ${all['false support']}`);
        assert.ok(fraction(all['suggestion top-1']) >= floor.top1, `top-1 ${all['suggestion top-1']}`);
      },
    );
  }
});

// Report passages are read as sources (issue 13): memo sentences that change one fact of a real
// report, or state one, or say what no report addresses, checked with the eleven reports as the only
// sources. report-cases.jsonl and report-cases-3.jsonl (written blind, measured once at 0.30, then
// tuned on) are tuning sets; report-cases-2.jsonl was written from report text not used for tuning;
// report-cases-5.jsonl on report facts no other case uses, before the round's reading changes;
// report-cases-4.jsonl was written blind (0.43 recall with 2 false alarms), then tuned on in round 6.
// Floors at the figures measured (`npm run eval:reports -- --cases FILE`); no false support on any.
describe('facts of real reports read as sources', () => {
  const dir = '../shared/real-reports/text';
  // Round 18 lowered -17, -26 and -30 by one case each: the sentence had been flagged for a wrong reason
  // ("February 2025, not 2003", a year that dates another noun: "a failed 2003 attempt").
  const sets = [
    { cases: 'test/fixtures/report-cases.jsonl', precision: 1, recall: 1, falseAlarms: 0, value: 1 },
    { cases: 'test/fixtures/report-cases-2.jsonl', precision: 1, recall: 1, falseAlarms: 0, value: 1 },
    // 0.80 until round 13, with one sentence flagged for a wrong reason ("3, not 700": a frequency read
    // as a count of bands); a figure in a unit symbol is now compared only with one in that unit.
    { cases: 'test/fixtures/report-cases-3.jsonl', precision: 1, recall: 0.8, falseAlarms: 0, value: 0.9 },
    { cases: 'test/fixtures/report-cases-5.jsonl', precision: 1, recall: 0.73, falseAlarms: 0, value: 1 },
    { cases: 'test/fixtures/report-cases-4.jsonl', precision: 1, recall: 0.8, falseAlarms: 0, value: 1 },
    // Written blind, measured at 0.27 in round 7, then tuned on (bios' posts, a count's predicate, a
    // share of a name's owned part, who did what, a pronoun sentence's lists), and in round 8 (technology
    // names, a figure of a name written everywhere set apart by the words written with it).
    { cases: 'test/fixtures/report-cases-6.jsonl', precision: 1, recall: 0.7, falseAlarms: 0, value: 1 },
    // Written blind in round 8: 0.90/0.30 (one false alarm) at its start, 0.91/0.33 at the end of its
    // work; the false alarm was then read and its cause fixed (figures between a list's members).
    { cases: 'test/fixtures/report-cases-7.jsonl', precision: 1, recall: 0.63, falseAlarms: 0, value: 0.8 },
    // Written in round 9 by two helpers who never saw the engine, for tuning: 0.50 and 0.53 at the start.
    { cases: 'test/fixtures/report-cases-9a.jsonl', precision: 1, recall: 0.9, falseAlarms: 0, value: 1 },
    { cases: 'test/fixtures/report-cases-9b.jsonl', precision: 1, recall: 0.87, falseAlarms: 0, value: 1 },
    // Written blind in round 11: 0.94/0.40 (one false alarm) at its start, 0.94/0.42 at the end of its
    // work; the false alarm was then read and its cause fixed (a comma grouping a figure's thousands).
    // Round 12 read its misses: 0.53.
    { cases: 'test/fixtures/report-cases-12.jsonl', precision: 1, recall: 0.63, falseAlarms: 0, value: 0.9 },
    // Written blind at the end of round 11: 1.00/0.55 and 1.00/0.63 at that round's start and end.
    // Round 12 read its misses: 0.72.
    { cases: 'test/fixtures/report-cases-13.jsonl', precision: 1, recall: 0.78, falseAlarms: 0, value: 1 },
    // Written blind at the start of round 12: 0.95/0.45 with 1 false alarm and 1 false support; those
    // were read and fixed, then its misses read: 1.00/0.57. In round 13 one sentence flagged for the
    // wrong reason (a frequency read as a count, as in report-cases-3) went silent, and another was found.
    { cases: 'test/fixtures/report-cases-14.jsonl', precision: 1, recall: 0.7, falseAlarms: 0, value: 0.9 },
    // Written blind in round 12 and measured at its start commit and its end, unread since: 1.00/0.50
    // and 1.00/0.55.
    // Round 13 read its misses: 0.57.
    { cases: 'test/fixtures/report-cases-15.jsonl', precision: 1, recall: 0.68, falseAlarms: 0, value: 0.9 },
    // Written blind at the start of round 13: 0.91/0.53 with 2 false alarms at its start commit; those
    // were read and their causes fixed (a frequency read as a count; another verb's year), then its
    // misses read: 1.00/0.60.
    { cases: 'test/fixtures/report-cases-16.jsonl', precision: 1, recall: 0.68, falseAlarms: 0, value: 0.9 },
    // Written blind in round 13 and measured at its start commit and its end, unread then: 0.90/0.45
    // and 0.91/0.50, 2 false alarms both times. Round 14 read them and fixed their causes (a decade's
    // "s." read as an abbreviation; a date given to the words before it, not its verb): 1.00/0.50.
    { cases: 'test/fixtures/report-cases-17.jsonl', precision: 1, recall: 0.63, falseAlarms: 0, value: 0.9 },
    // Written blind in round 14 and measured at its start commit and its end, unread then: 0.96/0.55
    // with 1 false alarm both times. Round 15 read the false alarm (an anniversary of another alliance
    // tied to the report's only by a place) and fixed its cause: 1.00/0.55.
    { cases: 'test/fixtures/report-cases-18.jsonl', precision: 1, recall: 0.65, falseAlarms: 0, value: 0.9 },
    // Written blind at the start of round 14: 1.00/0.50 with 1 false support; its cause was read and
    // fixed (one name of a pair the report writes as one value), then some of its misses read: 0.55.
    { cases: 'test/fixtures/report-cases-19.jsonl', precision: 1, recall: 0.65, falseAlarms: 0, value: 0.9 },
    // Written blind at the start of round 15: 0.95/0.47 with 1 false alarm; its cause was read and
    // fixed (a date of another act in the same sentence), then some of its misses read: 1.00/0.53.
    { cases: 'test/fixtures/report-cases-20.jsonl', precision: 1, recall: 0.65, falseAlarms: 0, value: 0.9 },
    // Written blind in round 15 and measured at its start commit and its end, unread: 0.92/0.57 with
    // 2 false alarms both times. Round 16 read them and fixed their causes (a total against the figure
    // of a part the report gives as an example; a whole opening a label's value): 1.00/0.65.
    { cases: 'test/fixtures/report-cases-21.jsonl', precision: 1, recall: 0.75, falseAlarms: 0, value: 0.9 },
    // Written blind in the middle of round 15: 1.00/0.70 with 1 false support (a rank the report's
    // sentence, echoed whole, does not state); its cause was read and fixed.
    { cases: 'test/fixtures/report-cases-22.jsonl', precision: 1, recall: 0.82, falseAlarms: 0, value: 0.9 },
    // Written blind at the start of round 16: 0.97/0.75 with 1 false alarm (a count another sentence of
    // the paragraph gives as its whole); its cause was read and fixed: 1.00/0.75.
    { cases: 'test/fixtures/report-cases-23.jsonl', precision: 1, recall: 0.85, falseAlarms: 0, value: 0.9 },
    // Written blind in round 16 and measured at its start commit and its end, unread: 1.00/0.55 both
    // times, no false alarm. Round 17 read its misses; none of this round's fixes reached them.
    { cases: 'test/fixtures/report-cases-24.jsonl', precision: 1, recall: 0.68, falseAlarms: 0, value: 0.9 },
    // Written blind at the start of round 17: 1.00/0.63 with 1 false support (a list's last item after
    // "and, to a limited extent,"); its cause and some misses were read and fixed: 1.00/0.65.
    { cases: 'test/fixtures/report-cases-25.jsonl', precision: 1, recall: 0.72, falseAlarms: 0, value: 0.9 },
    // Written blind in round 17 and measured at its start commit and its end, unread: 0.96/0.55 with
    // 1 false alarm both times. Round 18 read it and fixed the false alarm's cause (a year written as
    // "the previous year" of another): 1.00/0.55.
    { cases: 'test/fixtures/report-cases-26.jsonl', precision: 1, recall: 0.55, falseAlarms: 0, value: 0.9 },
    // Written blind at the start of round 18: 0.95/0.50 with 1 false alarm (a subject compared with the
    // report's, "Japan, like the UK, …"); its cause was read and fixed: 1.00/0.50.
    { cases: 'test/fixtures/report-cases-27.jsonl', precision: 1, recall: 0.57, falseAlarms: 0, value: 0.9 },
    // Written blind in the middle of round 18: 1.00/0.57 with no false result on the start commit and on the
    // commit it was written at.
    { cases: 'test/fixtures/report-cases-30.jsonl', precision: 1, recall: 0.65, falseAlarms: 0, value: 0.9 },
    // Written blind in round 18 and measured at its start commit and its end, unread: 1.00/0.63 with 1
    // false support both times (0.58 on the PDF subset, text and PDF alike).
    // Round 19 read it and fixed the false support at its cause (a post given to a person by name that
    // no claim checked): 1.00/0.63, none.
    { cases: 'test/fixtures/report-cases-28.jsonl', precision: 1, recall: 0.75, falseAlarms: 0, value: 0.9 },
    // Written blind in the middle of round 19: 1.00/0.53 with no false result on the start commit.
    { cases: 'test/fixtures/report-cases-32.jsonl', precision: 1, recall: 0.6, falseAlarms: 0, value: 0.9 },
    // Written blind in round 19 and measured at its start commit and its end, unread: 0.96/0.57 with 1
    // false alarm both times (0.92/0.58 on the PDF subset at the start). Round 20 read it and fixed the
    // false alarm at its cause (an owner before its unnamed programme is not who acts): 1.00/0.65.
    { cases: 'test/fixtures/report-cases-31.jsonl', precision: 1, recall: 0.65, falseAlarms: 0, value: 0.9 },
    // Written blind at the start of round 20: 1.00/0.53 with no false result on the start commit (0.53
    // on the PDF subset, text and PDF alike); read, then 1.00/0.63.
    { cases: 'test/fixtures/report-cases-34.jsonl', precision: 1, recall: 0.63, falseAlarms: 0, value: 0.9 },
    // Written blind in round 20 and measured at its start commit and its end, unread: 0.95/0.50 with 1
    // false alarm at the start (0.52 on the PDF subset), 0.96/0.55 with 1 at the end (0.62 on the PDF
    // subset, text and PDF alike). The floor holds what was measured.
    { cases: 'test/fixtures/report-cases-33.jsonl', precision: 0.96, recall: 0.55, falseAlarms: 1, value: 0.9 },
  ];
  for (const set of sets) {
    it(
      `finds changed facts of the reports without false alarms (${set.cases})`,
      { skip: !existsSync(dir) && 'needs ../shared/real-reports' },
      () => {
        const all = evaluate(set.cases, ['--no-bundled', '--no-cache', '--sources', dir]);
        assert.ok(Number(all.precision) >= set.precision, `precision ${all.precision}`);
        assert.ok(Number(all.recall) >= set.recall, `recall ${all.recall}`);
        assert.ok(all['false alarms'] <= set.falseAlarms, `false alarms ${all['false alarms']}`);
        assert.equal(Number(all['false support']), 0, `false support ${all['false support']}`);
        assert.ok(fraction(all['value in message']) >= set.value, `value in message ${all['value in message']}`);
      },
    );
  }
});

// Real published reports (../shared/real-reports, read at run time, never copied) are written by
// people who never saw our sources: nothing in them may be called contradicted, and a source may be
// said to support only the few sentences that really state its facts. Measured: 0 contradictions
// and 2 "supports it" hints over the eleven reports (the README's "Checker quality").
describe('real reports', () => {
  const dir = '../shared/real-reports/text';
  it(
    'raise no contradiction and almost no support',
    { skip: !existsSync(dir) && 'needs ../shared/real-reports' },
    () => {
      const files = readdirSync(dir)
        .filter((f) => /\.(md|txt)$/.test(f))
        .map((f) => join(dir, f));
      assert.ok(files.length >= 10, `${files.length} reports`);
      const out = JSON.parse(
        execFileSync(process.execPath, ['dist/cli.js', 'check', '--format', 'json', '--no-cache', ...files], {
          encoding: 'utf8',
          maxBuffer: 64 << 20,
        }),
      ) as { files: { path: string; diagnostics: { code: string; message: string }[] }[] };
      const contradictions = out.files.flatMap((f) =>
        f.diagnostics
          .filter((d) => d.code === 'contradiction' || d.code === 'citation-mismatch')
          .map((d) => `${f.path}: ${d.message}`),
      );
      assert.deepEqual(contradictions, []);
      const support = out.files.flatMap((f) => f.diagnostics.filter((d) => d.code === 'missing-citation'));
      assert.ok(support.length <= 3, `${support.length} sentences said to be supported`);
    },
  );
});

// The same reports checked as memos with all eleven as the sources folder: each sentence echoes
// itself, and a sentence of one report speaks of another's facts only where it says what they say.
// Measured: 5 contradictions over about 1,700 sentences (72 before claims read from reports needed
// the memo to echo their sentence), each a place where two reports read differently.
describe('real reports checked against themselves', () => {
  const dir = '../shared/real-reports/text';
  it('raise almost no contradiction', { skip: !existsSync(dir) && 'needs ../shared/real-reports' }, () => {
    const memos = mkdtempSync(join(tmpdir(), 'policy-lens-self-'));
    try {
      for (const f of readdirSync(dir).filter((name) => /\.(md|txt)$/.test(name))) {
        copyFileSync(join(dir, f), join(memos, f.replace(/\.txt$/, '.md')));
      }
      const args = ['dist/cli.js', 'check', '--format', 'json', '--no-cache', '--no-bundled', '--sources', dir, memos];
      const run = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
      const out = JSON.parse(run.stdout) as { files: { diagnostics: { code: string }[] }[] };
      const contradictions = out.files.flatMap((f) => f.diagnostics.filter((d) => d.code === 'contradiction'));
      assert.ok(out.files.length >= 10, `${out.files.length} memos`);
      assert.ok(contradictions.length <= 5, `${contradictions.length} contradictions`);
    } finally {
      rmSync(memos, { recursive: true, force: true });
    }
  });
});

// Three memos written blind from the sources, with 12 planted errors each (test/fixtures/memos).
describe('memos with planted errors', () => {
  it('catch their errors and raise no false alarm', () => {
    const out = JSON.parse(
      execFileSync(process.execPath, ['scripts/eval-memos.mjs', '--json'], { encoding: 'utf8' }),
    ) as { caught: number; errors: number; falseAlarms: number; correctFlagged: number; alarms: string[] };
    assert.equal(out.errors, 36);
    assert.deepEqual(out.alarms, []);
    assert.ok(out.caught >= 35, `caught ${out.caught} of ${out.errors}`);
  });
});
