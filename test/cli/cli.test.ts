/**
 * Black-box tests of the command-line contract (dist/cli.js):
 *
 *   policy-lens check [--format text|json|sarif] [--knowledge DIR]... [--no-bundled] FILE...
 *   policy-lens validate [--knowledge DIR]... [--no-bundled]
 *
 * Exit status: 0 nothing at warning or above, 1 something was (or, for validate, the knowledge has
 * errors), 2 usage or I/O error.
 *
 * Assertions about specific findings use the small test knowledge base (test/unit/helpers.ts,
 * written to a temp folder) with --no-bundled, so they do not depend on the bundled knowledge.
 * Every run leaves the child's stdin open: the CLI must never wait for input.
 *
 * Run `npm run build` first; paths are resolved from process.cwd() (the repository root).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { testClaims, testGlossary, testSources, writeTestKnowledge } from '../unit/helpers';
// @ts-expect-error: a plain ES module without type declarations
import { makePdf, textToPdf } from '../../scripts/lib/pdf.mjs';

const ROOT = process.cwd();
const CLI = join(ROOT, 'dist', 'cli.js');
const T = { timeout: 20000 };
/** A guard against a hung CLI (for example one waiting for stdin): not a timing assertion. */
const EXIT_GUARD_MS = 15000;
const packageVersion = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI with stdin left open (never written, never closed) and returns once it exits. */
async function cli(args: string[], cwd = ROOT, script = CLI): Promise<Run> {
  assert.ok(existsSync(script), `${script} exists (run npm run build first)`);
  const child = spawn(process.execPath, [script, ...args], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdin.on('error', () => undefined);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  let timer: NodeJS.Timeout | undefined;
  try {
    return await new Promise<Run>((resolve, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new Error(
              `policy-lens ${args.join(' ')} did not exit (is it waiting for ` +
                `stdin?)\nstdout:\n${stdout}\nstderr:\n${stderr}`,
            ),
          ),
        EXIT_GUARD_MS,
      );
      child.on('error', reject);
      child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    });
  } finally {
    clearTimeout(timer);
    if (child.exitCode === null && child.signalCode === null) child.kill();
  }
}

interface LspDiagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: number;
  code: string;
  source: string;
  message: string;
  data?: Record<string, unknown>;
  relatedInformation?: { location: { uri: string; range: LspDiagnostic['range'] }; message: string }[];
}

interface JsonOutput {
  files: { path: string; diagnostics: LspDiagnostic[] }[];
}

function parseJson(run: Run): JsonOutput {
  try {
    return JSON.parse(run.stdout) as JsonOutput;
  } catch (e) {
    throw new Error(`stdout is not JSON (${(e as Error).message}):\n${run.stdout}\nstderr:\n${run.stderr}`, {
      cause: e,
    });
  }
}

/** 0-based line/character → the text between two positions, for "\n" or "\r\n" line breaks. */
function textAt(text: string, range: LspDiagnostic['range']): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }): number =>
    lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return text.slice(offset(range.start), offset(range.end));
}

const noStackTrace = (stderr: string): void =>
  assert.doesNotMatch(stderr, /^\s+at .+[(:]\d+/m, `no stack trace on stderr:\n${stderr}`);

const contradictionSentence = "Nearly 90% of Korea's total exports go to the Indo-Pacific.";
const supportedSentence = "About 78% of Korea's total exports go to the Indo-Pacific.";

// The main memo: a contradiction (warning) on line 3, a mistyped citation key (error) on line 5,
// an acronym used unexpanded (hint) on line 5, an unknown key (error) on line 7.
const memoText = [
  '# Memo',
  '',
  contradictionSentence,
  '',
  'The OEWG continues to discuss capacity building [@alpha202].',
  '',
  'See [@nosuchkey].',
  '',
].join('\n');

let dir: string;
let kb: string;
let memo: string;
const kbArgs = (): string[] => ['--no-bundled', '--knowledge', kb];

function writeMemo(name: string, text: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

before(() => {
  dir = realpathSync(mkdtempSync(join(tmpdir(), 'policy-lens-cli-')));
  kb = join(dir, 'kb');
  writeTestKnowledge(kb);
  memo = writeMemo('memo.md', memoText);
});

after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------

describe('policy-lens check: output formats', () => {
  test(
    'text: one "file:line:col: severity code message" line per finding, 1-based; exit 1 for a warning',
    T,
    async () => {
      const run = await cli(['check', ...kbArgs(), memo]);
      assert.equal(run.code, 1, run.stderr);
      assert.equal(run.stderr, '');
      const lines = run.stdout.trimEnd().split('\n');
      const pattern = /^(.+):(\d+):(\d+): (error|warning|information|hint) (\S+) (.+)$/;
      for (const line of lines) assert.match(line, pattern);
      for (const line of lines) assert.ok(line.startsWith(`${memo}:`), `names the file as given: ${line}`);
      const contradiction = lines.find((l) => l.includes(' contradiction '));
      assert.ok(contradiction, run.stdout);
      assert.ok(contradiction.startsWith(`${memo}:3:1: warning contradiction `), contradiction);
      assert.match(contradiction, /alpha2023/);
      assert.match(contradiction, /78\s*%/);
      const col = memoText.split('\n')[4].indexOf('alpha202') + 1;
      assert.ok(
        lines.some((l) => l.startsWith(`${memo}:5:${col}: error unknown-citation `) && l.includes('alpha2023')),
        `mistyped key at 5:${col}:\n${run.stdout}`,
      );
      assert.ok(
        lines.some((l) => l.startsWith(`${memo}:7:7: error unknown-citation `)),
        run.stdout,
      );
      assert.ok(
        lines.some((l) => l.startsWith(`${memo}:5:5: hint undefined-acronym `)),
        run.stdout,
      );
      assert.equal(lines.length, 4, run.stdout);
    },
  );

  test('text is the default format', T, async () => {
    const plain = await cli(['check', ...kbArgs(), memo]);
    const text = await cli(['check', '--format', 'text', ...kbArgs(), memo]);
    assert.equal(text.code, plain.code);
    assert.equal(text.stdout, plain.stdout);
  });

  test(
    'json: {"files":[{"path","diagnostics"}]} with LSP diagnostics (0-based ranges, numeric severity, source, data)',
    T,
    async () => {
      const run = await cli(['check', '--format', 'json', ...kbArgs(), memo]);
      assert.equal(run.code, 1, run.stderr);
      const out = parseJson(run);
      assert.deepEqual(Object.keys(out), ['files']);
      assert.equal(out.files.length, 1);
      assert.equal(out.files[0].path, memo);
      const diagnostics = out.files[0].diagnostics;
      assert.equal(diagnostics.length, 4, JSON.stringify(diagnostics));
      for (const d of diagnostics) {
        for (const p of [d.range.start, d.range.end]) {
          assert.ok(
            Number.isInteger(p.line) && p.line >= 0 && Number.isInteger(p.character) && p.character >= 0,
            JSON.stringify(d.range),
          );
        }
        assert.ok(Number.isInteger(d.severity) && d.severity >= 1 && d.severity <= 4, `severity ${d.severity}`);
        assert.equal(typeof d.code, 'string');
        assert.equal(d.source, 'policy-lens');
        assert.equal(typeof d.message, 'string');
        assert.ok(d.message.length > 0);
        assert.equal(typeof d.data, 'object');
      }
      const contradiction = diagnostics.find((d) => d.code === 'contradiction');
      assert.ok(contradiction);
      assert.deepEqual(contradiction.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 10 } });
      assert.equal(textAt(memoText, contradiction.range), 'Nearly 90%');
      assert.equal(contradiction.severity, 2);
      assert.equal(contradiction.data?.source, 'alpha2023');
      assert.equal(contradiction.data?.claimId, 'alpha2023/exports');
      assert.equal(contradiction.data?.locator, '¶2');
      assert.match(String(contradiction.data?.sourcedValue), /^about 78\s*%$/i);
      assert.ok(contradiction.message.includes('alpha2023'), contradiction.message);
      assert.match(contradiction.message, /78\s*%/, 'the message gives the sourced value');
      const acronym = diagnostics.find((d) => d.code === 'undefined-acronym');
      assert.ok(acronym);
      assert.equal(acronym.severity, 4);
      assert.equal(textAt(memoText, acronym.range), 'OEWG');
    },
  );

  test('json and text report the same findings (text positions are the json ones plus one)', T, async () => {
    const json = parseJson(await cli(['check', '--format', 'json', ...kbArgs(), memo]));
    const text = await cli(['check', ...kbArgs(), memo]);
    const names: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };
    const expected = json.files[0].diagnostics.map(
      (d) =>
        `${memo}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${names[d.severity]} ${d.code} ${d.message}`,
    );
    assert.deepEqual(text.stdout.trimEnd().split('\n').sort(), expected.sort());
  });

  test('--format=json (inline value) works like --format json', T, async () => {
    const a = await cli(['check', '--format=json', ...kbArgs(), memo]);
    const b = await cli(['check', '--format', 'json', ...kbArgs(), memo]);
    assert.equal(a.code, b.code);
    assert.deepEqual(parseJson(a), parseJson(b));
  });

  test(
    'sarif: SARIF 2.1.0 with tool name, rules, and results with ruleId, level, message and a 1-based region',
    T,
    async () => {
      const run = await cli(['check', '--format', 'sarif', ...kbArgs(), memo]);
      assert.equal(run.code, 1, run.stderr);
      const sarif = JSON.parse(run.stdout);
      assert.equal(sarif.version, '2.1.0');
      assert.match(String(sarif.$schema), /sarif/i);
      assert.equal(sarif.runs.length, 1);
      const runObj = sarif.runs[0];
      assert.equal(runObj.tool.driver.name, 'policy-lens');
      assert.equal(runObj.tool.driver.version, packageVersion);
      const rules: { id: string }[] = runObj.tool.driver.rules ?? [];
      const results: {
        ruleId: string;
        ruleIndex?: number;
        level: string;
        message: { text: string };
        locations: {
          physicalLocation: {
            artifactLocation: { uri: string };
            region: { startLine: number; startColumn: number; endLine: number; endColumn: number };
          };
        }[];
      }[] = runObj.results;
      assert.equal(results.length, 4, JSON.stringify(results));
      for (const r of results) {
        assert.equal(typeof r.ruleId, 'string');
        assert.ok(['error', 'warning', 'note', 'none'].includes(r.level), r.level);
        assert.equal(typeof r.message.text, 'string');
        assert.ok(r.message.text.length > 0);
        assert.equal(r.locations.length, 1);
        const loc = r.locations[0].physicalLocation;
        assert.equal(loc.artifactLocation.uri, pathToFileURL(memo).href);
        assert.ok(loc.region.startLine >= 1 && loc.region.startColumn >= 1, JSON.stringify(loc.region));
        if (r.ruleIndex !== undefined) assert.equal(rules[r.ruleIndex]?.id, r.ruleId, 'ruleIndex points at the rule');
        if (rules.length > 0) {
          assert.ok(
            rules.some((rule) => rule.id === r.ruleId),
            `rule ${r.ruleId} is declared`,
          );
        }
      }
      const contradiction = results.find((r) => r.ruleId === 'contradiction');
      assert.ok(contradiction);
      assert.equal(contradiction.level, 'warning');
      assert.deepEqual(contradiction.locations[0].physicalLocation.region, {
        startLine: 3,
        startColumn: 1,
        endLine: 3,
        endColumn: 11,
      });
      assert.match(contradiction.message.text, /alpha2023/);
      const unknown = results.filter((r) => r.ruleId === 'unknown-citation');
      assert.equal(unknown.length, 2);
      for (const r of unknown) assert.equal(r.level, 'error');
      assert.deepEqual(unknown.map((r) => r.locations[0].physicalLocation.region.startLine).sort(), [5, 7]);
      const hint = results.find((r) => r.ruleId === 'undefined-acronym');
      assert.ok(hint);
      assert.equal(hint.level, 'note');
      // Each rule links to its docs page, installed with the CLI.
      for (const rule of rules as { id: string; helpUri?: string }[]) {
        const page = fileURLToPath(rule.helpUri ?? 'file:///none');
        assert.ok(page.endsWith(join('docs', 'checks', `${rule.id}.md`)) && existsSync(page), page);
      }
    },
  );

  test('sarif results match the json diagnostics one for one', T, async () => {
    const json = parseJson(await cli(['check', '--format', 'json', ...kbArgs(), memo]));
    const sarif = JSON.parse((await cli(['check', '--format', 'sarif', ...kbArgs(), memo])).stdout);
    const fromJson = json.files[0].diagnostics.map(
      (d) =>
        `${d.code} ${d.range.start.line + 1}:${d.range.start.character + 1}-` +
        `${d.range.end.line + 1}:${d.range.end.character + 1} ${d.message}`,
    );
    const fromSarif = (
      sarif.runs[0].results as {
        ruleId: string;
        message: { text: string };
        locations: {
          physicalLocation: { region: { startLine: number; startColumn: number; endLine: number; endColumn: number } };
        }[];
      }[]
    ).map((r) => {
      const g = r.locations[0].physicalLocation.region;
      return `${r.ruleId} ${g.startLine}:${g.startColumn}-${g.endLine}:${g.endColumn} ${r.message.text}`;
    });
    assert.deepEqual(fromSarif.sort(), fromJson.sort());
  });

  test('json and sarif carry inconsistencies (with the earlier mention) and unsourced figures', T, async () => {
    const path = writeMemo(
      'itself.md',
      '# Memo\n\nThe pilot ran 18 mobile clinics across three provinces.\n\nThe pilot ran 21 mobile clinics ' +
        'across three provinces.\n',
    );
    const json = parseJson(await cli(['check', '--format', 'json', ...kbArgs(), path])).files[0].diagnostics;
    assert.deepEqual(
      json.map((d) => `${d.code} ${d.range.start.line + 1}`),
      ['unsourced-figure 3', 'unsourced-figure 5', 'inconsistency 5'],
    );
    const inconsistency = json.find((d) => d.code === 'inconsistency')!;
    assert.deepEqual(
      inconsistency.relatedInformation?.map((r) => r.location.range.start),
      [{ line: 2, character: 14 }],
    );
    const sarif = JSON.parse((await cli(['check', '--format', 'sarif', ...kbArgs(), path])).stdout).runs[0];
    const ids = (sarif.tool.driver.rules as { id: string }[]).map((r) => r.id);
    assert.ok(ids.includes('inconsistency') && ids.includes('unsourced-figure'), ids.join());
    const results = sarif.results as {
      ruleId: string;
      level: string;
      relatedLocations?: { physicalLocation: { region: { startLine: number } } }[];
    }[];
    assert.deepEqual(
      results.map((r) => `${r.ruleId} ${r.level}`),
      ['unsourced-figure note', 'unsourced-figure note', 'inconsistency warning'],
    );
    assert.equal(results[2].relatedLocations?.[0].physicalLocation.region.startLine, 3);
  });

  test('a clean memo: no output in text, empty diagnostics in json, no results in sarif; exit 0', T, async () => {
    const clean = writeMemo('clean.md', '# Notes\n\nNothing here is checked against the sources.\n');
    const text = await cli(['check', ...kbArgs(), clean]);
    assert.equal(text.code, 0, text.stderr);
    assert.equal(text.stdout, '');
    const json = await cli(['check', '--format', 'json', ...kbArgs(), clean]);
    assert.equal(json.code, 0);
    assert.deepEqual(parseJson(json), { files: [{ path: clean, diagnostics: [] }] });
    const sarif = await cli(['check', '--format', 'sarif', ...kbArgs(), clean]);
    assert.equal(sarif.code, 0);
    assert.deepEqual(JSON.parse(sarif.stdout).runs[0].results, []);
  });

  test('an empty file is checked without error: exit 0', T, async () => {
    const empty = writeMemo('empty.md', '');
    const run = await cli(['check', '--format', 'json', ...kbArgs(), empty]);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(parseJson(run).files, [{ path: empty, diagnostics: [] }]);
  });
});

describe('policy-lens check: findings and exit status', () => {
  test('only information and hints: they are printed and the exit status is 0', T, async () => {
    const path = writeMemo('minor.md', `${supportedSentence}\n\nThe OEWG met again.\n`);
    const run = await cli(['check', '--format', 'json', ...kbArgs(), path]);
    assert.equal(run.code, 0, run.stdout);
    const codes = parseJson(run)
      .files[0].diagnostics.map((d) => `${d.code}/${d.severity}`)
      .sort();
    assert.deepEqual(codes, ['missing-citation/3', 'undefined-acronym/4']);
    const text = await cli(['check', ...kbArgs(), path]);
    assert.equal(text.code, 0);
    assert.match(text.stdout, /:1:1: information missing-citation .*\[@alpha2023\]/);
    assert.match(text.stdout, /:3:5: hint undefined-acronym /);
  });

  test('a correctly cited, supported sentence gives no findings: exit 0', T, async () => {
    const path = writeMemo('cited.md', "About 78% of Korea's total exports go to the Indo-Pacific [@alpha2023].\n");
    const run = await cli(['check', '--format', 'json', ...kbArgs(), path]);
    assert.equal(run.code, 0);
    assert.deepEqual(parseJson(run).files[0].diagnostics, []);
  });

  test('a single warning (contradiction) makes the exit status 1', T, async () => {
    const path = writeMemo('warning.md', `${contradictionSentence}\n`);
    const run = await cli(['check', '--format', 'json', ...kbArgs(), path]);
    assert.equal(run.code, 1);
    assert.deepEqual(
      parseJson(run).files[0].diagnostics.map((d) => d.code),
      ['contradiction'],
    );
  });

  test('silencing comments hold as in the editor: a silenced contradiction is not reported, exit 0', T, async () => {
    const text =
      `<!-- policy-lens-disable-next-line contradiction ` +
      `-->\n${contradictionSentence}\n\n${contradictionSentence}\n`;
    const both = await cli(['check', '--format', 'json', ...kbArgs(), writeMemo('silenced.md', text)]);
    assert.equal(both.code, 1);
    assert.deepEqual(
      parseJson(both).files[0].diagnostics.map((d) => [d.range.start.line, d.code]),
      [[3, 'contradiction']],
    );
    const path = writeMemo('silenced-all.md', `<!-- policy-lens-disable contradiction -->\n${contradictionSentence}\n`);
    const run = await cli(['check', ...kbArgs(), path]);
    assert.equal(run.code, 0);
    assert.equal(run.stdout, '');
  });

  test('.qmd and .Rmd memos are checked as Markdown; cross-references are not citations', T, async () => {
    const chunk = '```{r}\nx <- "@nosuchkey"\n```';
    const text = `See @fig-map, [@tbl:trade] and @sec-intro.\n\n${chunk}\n\n${contradictionSentence}\n`;
    const qmd = writeMemo('memo.qmd', text);
    const rmd = writeMemo('memo.Rmd', text);
    const run = await cli(['check', '--format', 'json', ...kbArgs(), qmd, rmd]);
    assert.equal(run.code, 1, run.stderr);
    for (const file of parseJson(run).files) {
      assert.deepEqual(
        file.diagnostics.map((d) => [d.range.start.line, d.code]),
        [[6, 'contradiction']],
        file.path,
      );
    }
  });

  test('a citation of the wrong source is a warning (citation-mismatch) naming the right one: exit 1', T, async () => {
    const path = writeMemo('mismatch.md', "About 78% of Korea's total exports go to the Indo-Pacific [@beta2022].\n");
    const run = await cli(['check', '--format', 'json', ...kbArgs(), path]);
    assert.equal(run.code, 1);
    const [d, ...rest] = parseJson(run).files[0].diagnostics;
    assert.deepEqual(rest, []);
    assert.equal(d.code, 'citation-mismatch');
    assert.equal(d.severity, 2);
    assert.match(d.message, /alpha2023/);
  });

  test(
    'unknown citation [@nosuchkey]: code unknown-citation, severity 1 (error), range on the key, exit 1',
    T,
    async () => {
      const text = 'As argued elsewhere [@nosuchkey].\n';
      const path = writeMemo('unknown.md', text);
      const run = await cli(['check', '--format', 'json', ...kbArgs(), path]);
      assert.equal(run.code, 1);
      const diagnostics = parseJson(run).files[0].diagnostics;
      assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
      const d = diagnostics[0];
      assert.equal(d.code, 'unknown-citation');
      assert.equal(d.severity, 1);
      assert.match(textAt(text, d.range), /^@?nosuchkey$/);
      assert.match(d.message, /nosuchkey/);
      assert.doesNotMatch(d.message, /alpha2023|beta2022/, 'nothing close to suggest');
    },
  );

  test('a mistyped key [@alpha202] suggests the close key alpha2023', T, async () => {
    const text = 'As argued elsewhere [@alpha202].\n';
    const path = writeMemo('typo.md', text);
    const run = await cli(['check', '--format', 'json', ...kbArgs(), path]);
    assert.equal(run.code, 1);
    const d = parseJson(run).files[0].diagnostics.find((x) => x.code === 'unknown-citation');
    assert.ok(d);
    assert.equal(d.severity, 1);
    assert.match(textAt(text, d.range), /^@?alpha202$/);
    assert.match(d.message, /alpha2023/);
    assert.doesNotMatch(d.message, /beta2022/);
    assert.deepEqual(d.data?.suggestions, ['alpha2023']);
  });

  test('known keys are not reported as unknown', T, async () => {
    const path = writeMemo('known.md', 'See [@alpha2023; @beta2022, p. 4] and @alpha2023 [-@beta2022].\n');
    const run = await cli(['check', '--format', 'json', ...kbArgs(), path]);
    const codes = parseJson(run).files[0].diagnostics.map((d) => d.code);
    assert.ok(!codes.includes('unknown-citation'), codes.join(', '));
  });

  test('keys in code spans, code blocks, HTML comments, e-mail addresses and URLs are not citations', T, async () => {
    const path = writeMemo(
      'code.md',
      [
        'Write citations as `[@nosuchkey]` in Pandoc.',
        '',
        '```',
        '[@nosuchkey2]',
        '```',
        '',
        'Mail someone@example.com or see <https://example.com/@foo>.',
        '',
        '    [@indented]',
        '',
        '<!-- [@incomment] -->',
        '',
        'But this one counts [@realtypo].',
        '',
      ].join('\n'),
    );
    const run = await cli(['check', '--format', 'json', ...kbArgs(), path]);
    const unknown = parseJson(run)
      .files[0].diagnostics.filter((d) => d.code === 'unknown-citation')
      .map((d) => d.data?.key);
    assert.deepEqual(unknown, ['realtypo']);
    assert.equal(run.code, 1);
  });

  test(
    'several files: each is reported under its own path, in order; the worst decides the exit status',
    T,
    async () => {
      const a = writeMemo('a.md', 'Nothing to see.\n');
      const b = writeMemo('b.md', `Intro.\n${contradictionSentence}\n`);
      const run = await cli(['check', '--format', 'json', ...kbArgs(), a, b]);
      assert.equal(run.code, 1);
      const out = parseJson(run);
      assert.deepEqual(
        out.files.map((f) => f.path),
        [a, b],
      );
      assert.deepEqual(out.files[0].diagnostics, []);
      assert.deepEqual(
        out.files[1].diagnostics.map((d) => [d.code, d.range.start.line]),
        [['contradiction', 1]],
      );
      const text = await cli(['check', ...kbArgs(), a, b]);
      assert.equal(text.stdout, `${b}:2:1: warning contradiction ${out.files[1].diagnostics[0].message}\n`);
    },
  );

  test('relative paths are reported as given', T, async () => {
    writeMemo('relative.md', `${contradictionSentence}\n`);
    const run = await cli(['check', ...kbArgs(), 'relative.md'], dir);
    assert.equal(run.code, 1, run.stderr);
    assert.ok(run.stdout.startsWith('relative.md:1:1: warning contradiction '), run.stdout);
  });

  test('a .txt file is checked as plain text', T, async () => {
    const path = writeMemo('notes.txt', `Notes\n${contradictionSentence}\n`);
    const run = await cli(['check', ...kbArgs(), path]);
    assert.equal(run.code, 1);
    assert.match(run.stdout, new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2:1: warning contradiction `));
  });

  test('CRLF line endings: lines and columns are still right', T, async () => {
    const path = writeMemo('crlf.md', `# Memo\r\n\r\n${contradictionSentence}\r\n`);
    const run = await cli(['check', '--format', 'json', ...kbArgs(), path]);
    const d = parseJson(run).files[0].diagnostics.find((x) => x.code === 'contradiction');
    assert.ok(d);
    assert.deepEqual(d.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 10 } });
  });

  test('a UTF-8 byte order mark is not part of the text: the first column is still column 1', T, async () => {
    const path = writeMemo(
      'bom.md',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${contradictionSentence}\n`)]),
    );
    const run = await cli(['check', ...kbArgs(), path]);
    assert.equal(run.code, 1);
    assert.ok(run.stdout.startsWith(`${path}:1:1: warning contradiction `), run.stdout);
    const json = parseJson(await cli(['check', '--format', 'json', ...kbArgs(), path]));
    assert.deepEqual(json.files[0].diagnostics[0].range.start, { line: 0, character: 0 });
  });

  for (const [order, bom, encode] of [
    ['little-endian', [0xff, 0xfe], (t: string) => Buffer.from(t, 'utf16le')],
    ['big-endian', [0xfe, 0xff], (t: string) => Buffer.from(t, 'utf16le').swap16()],
  ] as const) {
    test(`a UTF-16 (${order}) memo with a byte order mark is read as text, as editors open it`, T, async () => {
      const path = writeMemo(
        `utf16-${order}.md`,
        Buffer.concat([Buffer.from(bom), encode(`# Memo\n\n${contradictionSentence}\n`)]),
      );
      const run = await cli(['check', ...kbArgs(), path]);
      assert.equal(run.code, 1, run.stderr);
      assert.ok(run.stdout.startsWith(`${path}:3:1: warning contradiction `), run.stdout + run.stderr);
    });
  }

  test(
    'characters outside the BMP: json uses UTF-16 characters (LSP) and sarif matches its columnKind',
    T,
    async () => {
      const path = writeMemo('emoji.md', `🙂 ${contradictionSentence}\n`);
      const json = parseJson(await cli(['check', '--format', 'json', ...kbArgs(), path]));
      const d = json.files[0].diagnostics.find((x) => x.code === 'contradiction');
      assert.ok(d);
      assert.deepEqual(d.range, { start: { line: 0, character: 3 }, end: { line: 0, character: 13 } });
      const sarif = JSON.parse((await cli(['check', '--format', 'sarif', ...kbArgs(), path])).stdout);
      const region = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'contradiction').locations[0]
        .physicalLocation.region;
      const kind = sarif.runs[0].columnKind ?? 'unicodeCodePoints';
      assert.equal(region.startColumn, kind === 'utf16CodeUnits' ? 4 : 3, `columnKind ${kind}`);
    },
  );

  test('--knowledge is repeatable: sources in one folder, claims in another', T, async () => {
    const split = join(dir, 'split');
    mkdirSync(join(split, 'one'), { recursive: true });
    mkdirSync(join(split, 'two', 'claims'), { recursive: true });
    writeFileSync(join(split, 'one', 'sources.json'), testSources);
    writeFileSync(join(split, 'one', 'glossary.yaml'), testGlossary);
    writeFileSync(join(split, 'two', 'claims', 'alpha2023.yaml'), testClaims);
    const path = writeMemo('split.md', `${contradictionSentence}\n`);
    const run = await cli([
      'check',
      '--no-bundled',
      '--knowledge',
      join(split, 'one'),
      '--knowledge',
      join(split, 'two'),
      '--format',
      'json',
      path,
    ]);
    assert.equal(run.code, 1, run.stderr);
    assert.equal(run.stderr, '');
    assert.deepEqual(
      parseJson(run).files[0].diagnostics.map((d) => d.data?.claimId),
      ['alpha2023/exports'],
    );
    // Without the second folder there is no claim to contradict.
    const without = await cli(['check', '--no-bundled', '--knowledge', join(split, 'one'), '--format', 'json', path]);
    assert.equal(without.code, 0);
    // Only the hint that, with no claim on it, the figure has nothing behind it.
    assert.deepEqual(
      parseJson(without).files[0].diagnostics.map((d) => d.code),
      ['unsourced-figure'],
    );
  });

  test('--no-bundled with no knowledge folder: every citation key is unknown', T, async () => {
    const path = writeMemo('nobundle.md', 'See [@alpha2023].\n');
    const run = await cli(['check', '--no-bundled', '--format', 'json', path]);
    assert.equal(run.code, 1);
    assert.deepEqual(
      parseJson(run).files[0].diagnostics.map((d) => d.code),
      ['unknown-citation'],
    );
  });

  test('a broken knowledge file is reported on stderr and the memo is still checked', T, async () => {
    const broken = join(dir, 'kb-broken-check');
    cpSync(kb, broken, { recursive: true });
    writeFileSync(
      join(broken, 'glossary-extra.yaml'),
      'terms:\n  - id: extra-one\n    term: Extra One\n    kind: concept\n    definition: fine: no\n',
    );
    const path = writeMemo('with-broken-kb.md', `${contradictionSentence}\n`);
    const run = await cli(['check', '--no-bundled', '--knowledge', broken, path]);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /:1:1: warning contradiction /);
    assert.ok(run.stderr.includes(`${join(broken, 'glossary-extra.yaml')}:5:17: error syntax`), run.stderr);
  });
});

// ---------------------------------------------------------------------------------------------

describe('policy-lens: help, version and usage errors', () => {
  for (const args of [['--help'], ['-h'], ['help'], ['check', '--help'], ['validate', '-h']]) {
    test(`${args.join(' ')} prints the usage on stdout and exits 0`, T, async () => {
      const run = await cli(args);
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /Usage/);
      assert.match(run.stdout, /policy-lens check/);
      assert.match(run.stdout, /--format/);
      assert.match(run.stdout, /--knowledge/);
      assert.equal(run.stderr, '');
    });
  }

  test('--version prints the package version and exits 0', T, async () => {
    const run = await cli(['--version']);
    assert.equal(run.code, 0);
    assert.equal(run.stdout.trim(), packageVersion);
  });

  const usageErrors: [string, string[], RegExp][] = [
    ['no command', [], /command/],
    ['an unknown command', ['frobnicate', 'memo.md'], /frobnicate/],
    ['an unknown option', ['check', '--bogus', 'memo.md'], /--bogus/],
    ['an unknown single-dash option', ['check', '-x', 'memo.md'], /-x/],
    ['an unknown format', ['check', '--format', 'xml', 'memo.md'], /xml/],
    ['an unknown inline format', ['check', '--format=html', 'memo.md'], /html/],
    ['--format without a value', ['check', 'memo.md', '--format'], /--format/],
    ['--knowledge without a value', ['check', 'memo.md', '--knowledge'], /--knowledge/],
    ['check without files', ['check'], /file/],
    ['check with options but no files', ['check', '--format', 'json', '--no-bundled'], /file/],
  ];
  for (const [label, args, mentions] of usageErrors) {
    test(`${label}: exit 2, message and usage on stderr, nothing on stdout, no stack trace`, T, async () => {
      const run = await cli(args, dir);
      assert.equal(run.code, 2, `exit status for ${JSON.stringify(args)}; stderr:\n${run.stderr}`);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, mentions);
      assert.match(run.stderr, /Usage/);
      noStackTrace(run.stderr);
    });
  }
});

describe('policy-lens check: I/O errors', () => {
  test('a missing file: exit 2, the path on stderr, no stack trace', T, async () => {
    const missing = join(dir, 'does-not-exist.md');
    const run = await cli(['check', ...kbArgs(), missing]);
    assert.equal(run.code, 2);
    assert.ok(run.stderr.includes(missing), run.stderr);
    noStackTrace(run.stderr);
  });

  test('a missing file among good ones: exit 2 even though the others have warnings', T, async () => {
    const bad = writeMemo('has-warning.md', `${contradictionSentence}\n`);
    const missing = join(dir, 'also-missing.md');
    const run = await cli(['check', ...kbArgs(), bad, missing]);
    assert.equal(run.code, 2);
    assert.ok(run.stderr.includes(missing), run.stderr);
    noStackTrace(run.stderr);
  });

  test('a folder with no memos in it: exit 2 with a message naming it', T, async () => {
    const folder = join(dir, 'a-folder.md');
    mkdirSync(folder, { recursive: true });
    const run = await cli(['check', ...kbArgs(), folder]);
    assert.equal(run.code, 2);
    assert.ok(run.stderr.includes(folder), run.stderr);
    noStackTrace(run.stderr);
  });

  test('a binary file: exit 2 with a message naming it, and it is not checked', T, async () => {
    const binary = writeMemo(
      'image.md',
      Buffer.from([
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x01,
      ]),
    );
    const run = await cli(['check', '--format', 'json', ...kbArgs(), binary]);
    assert.equal(run.code, 2);
    assert.ok(run.stderr.includes(binary), run.stderr);
    noStackTrace(run.stderr);
    const files = parseJson(run).files;
    assert.ok(!files.some((f) => f.path === binary && f.diagnostics.length > 0), 'no findings for a binary file');
  });

  test('output that cannot be written (> /dev/full): exit 2 with the reason, no stack trace', T, async () => {
    const child = spawn(process.execPath, [CLI, 'check', ...kbArgs(), memo], {
      stdio: ['ignore', openSync('/dev/full', 'w'), 'pipe'],
    });
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(code, 2, stderr);
    assert.match(stderr, /^policy-lens: could not write the output: no space left on the device$/m);
    noStackTrace(stderr);
  });

  test('a memo that is a device (/dev/zero): read no further than the limit, exit 2 with a message', T, async () => {
    const run = await cli(['check', ...kbArgs(), '/dev/zero']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /\/dev\/zero: the file goes on past the 64 MB limit/);
  });

  test('a knowledge folder that does not exist: exit 2 with a message naming it', T, async () => {
    const missing = join(dir, 'no-such-knowledge');
    const run = await cli(['check', '--no-bundled', '--knowledge', missing, memo]);
    assert.equal(run.code, 2);
    assert.ok(run.stderr.includes(missing), run.stderr);
    noStackTrace(run.stderr);
  });

  test('a file given as a knowledge folder: exit 2', T, async () => {
    const run = await cli(['check', '--no-bundled', '--knowledge', memo, memo]);
    assert.equal(run.code, 2);
    assert.ok(run.stderr.includes(memo), run.stderr);
    noStackTrace(run.stderr);
  });

  test('"--" ends the options: a file named like an option is a file (here a missing one: exit 2)', T, async () => {
    const run = await cli(['check', ...kbArgs(), '--', '--format'], dir);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--format/);
    assert.doesNotMatch(run.stderr, /Usage/, 'not a usage error');
  });
});

describe('policy-lens never waits for stdin', () => {
  // cli() never writes to or closes the child's stdin; a CLI that read it would hang and fail here.
  // Only "-" reads it (see the tests of standard input).
  for (const args of [['check', '--no-bundled', 'memo.md'], ['validate', '--no-bundled'], ['check'], ['--help']]) {
    test(`policy-lens ${args.join(' ')} exits with stdin left open`, T, async () => {
      const run = await cli(args, dir);
      assert.notEqual(run.code, null, 'exited normally');
      assert.equal(run.signal, null);
    });
  }
});

// ---------------------------------------------------------------------------------------------

describe('policy-lens validate', () => {
  const counts = (stdout: string): { sources: number; terms: number; claims: number; errors: number } => {
    const m = /(\d+) sources?, (\d+) glossary terms?, (\d+) claims?; (\d+) errors?/.exec(stdout);
    assert.ok(m, `a counts line: ${stdout}`);
    return { sources: Number(m[1]), terms: Number(m[2]), claims: Number(m[3]), errors: Number(m[4]) };
  };
  const errorLine = /^(.+):(\d+):(\d+): error (\S+): (.+)$/;

  /** A copy of the test knowledge with extra files written into it. */
  function knowledgeWith(name: string, files: Record<string, string>): string {
    const folder = join(dir, `kb-${name}`);
    rmSync(folder, { recursive: true, force: true });
    cpSync(kb, folder, { recursive: true });
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(folder, path, '..'), { recursive: true });
      writeFileSync(join(folder, path), text);
    }
    return folder;
  }

  async function validateBad(folder: string): Promise<{ run: Run; errors: RegExpExecArray[] }> {
    const run = await cli(['validate', '--no-bundled', '--knowledge', folder]);
    assert.equal(run.code, 1, `exit 1 on bad knowledge; stdout ${run.stdout}; stderr:\n${run.stderr}`);
    const lines = run.stderr
      .trimEnd()
      .split('\n')
      .filter((l) => l.length > 0);
    const errors = lines.map((l) => errorLine.exec(l));
    assert.ok(
      errors.every((e) => e !== null),
      `every stderr line is file:line:col: error kind: message:\n${run.stderr}`,
    );
    noStackTrace(run.stderr);
    return { run, errors: errors as RegExpExecArray[] };
  }

  test('good knowledge: exit 0 and a counts line with no errors', T, async () => {
    const run = await cli(['validate', '--no-bundled', '--knowledge', kb]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stderr, '');
    assert.deepEqual(counts(run.stdout), { sources: 2, terms: 10, claims: 16, errors: 0 });
  });

  test(
    'a report in --sources that cannot be read is an error: it is counted, and the exit status is 1',
    T,
    async () => {
      const sources = join(dir, 'sources-unreadable');
      mkdirSync(sources, { recursive: true });
      writeFileSync(join(sources, 'broken.pdf'), '%PDF-1.4 not really a PDF');
      const run = await cli(['validate', '--no-bundled', '--no-cache', '--sources', sources]);
      assert.equal(run.code, 1, run.stdout + run.stderr);
      assert.match(run.stderr, /broken\.pdf:1:1: error io: could not read this source/);
      assert.equal(counts(run.stdout).errors, 1);
    },
  );

  test('an image-only PDF (pages with no text) is reported, not taken as a source with nothing in it', T, async () => {
    const sources = join(dir, 'sources-scanned');
    mkdirSync(sources, { recursive: true });
    writeFileSync(join(sources, 'scan-2020.pdf'), makePdf([[], []], { Title: 'A scanned report' }));
    const run = await cli(['validate', '--no-bundled', '--no-cache', '--sources', sources]);
    assert.equal(run.code, 1, run.stdout + run.stderr);
    assert.match(
      run.stderr,
      /scan-2020\.pdf:1:1: error io: could not read this source: the PDF has no text \(scanned pages need OCR first\)/,
    );
    assert.equal(counts(run.stdout).sources, 0);
  });

  test('no knowledge at all: exit 0 with zero counts', T, async () => {
    const run = await cli(['validate', '--no-bundled']);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(counts(run.stdout), { sources: 0, terms: 0, claims: 0, errors: 0 });
  });

  test('a YAML syntax error: exit 1, file:line:col of the error; the other files still load', T, async () => {
    const folder = knowledgeWith('syntax', {
      'glossary-extra.yaml': [
        'terms:',
        '  - id: extra-one',
        '    term: Extra One',
        '    kind: concept',
        '    definition: fine: no',
        '',
      ].join('\n'),
    });
    const { run, errors } = await validateBad(folder);
    assert.equal(errors.length, 1, run.stderr);
    const [, file, line, col, kind] = errors[0];
    assert.equal(file, join(folder, 'glossary-extra.yaml'));
    assert.equal(`${line}:${col}`, '5:17');
    assert.equal(kind, 'syntax');
    assert.deepEqual(counts(run.stdout), { sources: 2, terms: 10, claims: 16, errors: 1 });
  });

  test(
    'an unknown field (schema violation): exit 1 at the field; the good entry beside it still loads',
    T,
    async () => {
      const folder = knowledgeWith('schema', {
        'glossary-extra.yaml': [
          'terms:',
          '  - id: extra-one',
          '    term: Extra One',
          '    kind: concept',
          '    definition: One.',
          '  - id: extra-two',
          '    term: Extra Two',
          '    kind: concept',
          '    colour: red',
          '    definition: Two.',
          '',
        ].join('\n'),
      });
      const { run, errors } = await validateBad(folder);
      assert.equal(errors.length, 1, run.stderr);
      const [, file, line, col, kind, message] = errors[0];
      assert.equal(file, join(folder, 'glossary-extra.yaml'));
      assert.equal(`${line}:${col}`, '9:5');
      assert.equal(kind, 'schema');
      assert.match(message, /colour/);
      assert.deepEqual(counts(run.stdout), { sources: 2, terms: 11, claims: 16, errors: 1 });
    },
  );

  test('a missing required field: exit 1 pointing into the broken entry', T, async () => {
    const folder = knowledgeWith('required', {
      'glossary-extra.yaml': ['terms:', '  - id: extra-one', '    term: Extra One', '    kind: concept', ''].join('\n'),
    });
    const { run, errors } = await validateBad(folder);
    assert.equal(errors.length, 1, run.stderr);
    const [, file, line, , kind, message] = errors[0];
    assert.equal(file, join(folder, 'glossary-extra.yaml'));
    assert.ok(Number(line) >= 2 && Number(line) <= 4, `inside the entry: line ${line}`);
    assert.equal(kind, 'schema');
    assert.match(message, /definition/);
    assert.deepEqual(counts(run.stdout), { sources: 2, terms: 10, claims: 16, errors: 1 });
  });

  test('a duplicate glossary id: exit 1 at the second id; the first one loads', T, async () => {
    const folder = knowledgeWith('duplicate', {
      'glossary-extra.yaml': [
        'terms:',
        '  - id: extra-one',
        '    term: Extra One',
        '    kind: concept',
        '    definition: One.',
        '  - id: extra-one',
        '    term: Extra One Again',
        '    kind: concept',
        '    definition: Again.',
        '',
      ].join('\n'),
    });
    const { run, errors } = await validateBad(folder);
    assert.equal(errors.length, 1, run.stderr);
    const [, file, line, col, kind, message] = errors[0];
    assert.equal(file, join(folder, 'glossary-extra.yaml'));
    assert.equal(`${line}:${col}`, '6:9');
    assert.equal(kind, 'duplicate');
    assert.match(message, /extra-one/);
    assert.deepEqual(counts(run.stdout), { sources: 2, terms: 11, claims: 16, errors: 1 });
  });

  test('a duplicate source key: exit 1; the first source loads', T, async () => {
    const folder = knowledgeWith('duplicate-source', {
      'more-sources.json': JSON.stringify(
        [
          { id: 'alpha2023', type: 'article', title: 'Again' },
          { id: 'gamma2021', type: 'report', title: 'Third' },
        ],
        null,
        2,
      ),
    });
    const { run, errors } = await validateBad(folder);
    assert.equal(errors.length, 1, run.stderr);
    assert.equal(errors[0][4], 'duplicate');
    assert.match(errors[0][5], /alpha2023/);
    assert.deepEqual(counts(run.stdout), { sources: 3, terms: 10, claims: 16, errors: 1 });
  });

  test('a claims file for an unknown source: exit 1 at its "source" line; everything else loads', T, async () => {
    const folder = knowledgeWith('unknown-source', {
      'claims/gamma2020.yaml': [
        'source: gamma2020',
        'claims:',
        '  - id: x',
        '    locator: p1',
        '    statement: Something happened in 2020.',
        '    about: [[something]]',
        '    year: 2020',
        '',
      ].join('\n'),
    });
    const { run, errors } = await validateBad(folder);
    assert.equal(errors.length, 1, run.stderr);
    const [, file, line, col, kind, message] = errors[0];
    assert.equal(file, join(folder, 'claims', 'gamma2020.yaml'));
    assert.equal(`${line}:${col}`, '1:9');
    assert.equal(kind, 'reference');
    assert.match(message, /gamma2020/);
    assert.deepEqual(counts(run.stdout), { sources: 2, terms: 10, claims: 16, errors: 1 });
  });

  test('a role naming an unknown person: exit 1 at the person; the good claim in the same file loads', T, async () => {
    const folder = knowledgeWith('unknown-person', {
      'claims/alpha-extra.yaml': [
        'source: alpha2023',
        'claims:',
        '  - id: extra-year',
        '    locator: p3',
        '    statement: Something happened in 2019.',
        '    about: [[something]]',
        '    year: 2019',
        '  - id: ghost-role',
        '    locator: p4',
        '    statement: Nobody is a director.',
        '    role: { person: nobody, title: Director }',
        '',
      ].join('\n'),
    });
    const { run, errors } = await validateBad(folder);
    assert.equal(errors.length, 1, run.stderr);
    const [, file, line, col, kind, message] = errors[0];
    assert.equal(file, join(folder, 'claims', 'alpha-extra.yaml'));
    assert.equal(`${line}:${col}`, '11:21');
    assert.equal(kind, 'reference');
    assert.match(message, /nobody/);
    assert.deepEqual(counts(run.stdout), { sources: 2, terms: 10, claims: 17, errors: 1 });
  });

  test('a glossary entry citing an unknown source: exit 1 at the key; the entry itself still loads', T, async () => {
    const folder = knowledgeWith('unknown-cited', {
      'glossary-extra.yaml': [
        'terms:',
        '  - id: extra-one',
        '    term: Extra One',
        '    kind: concept',
        '    definition: One.',
        '    sources: [{ key: nosuch2020, locator: p1 }]',
        '',
      ].join('\n'),
    });
    const { run, errors } = await validateBad(folder);
    assert.equal(errors.length, 1, run.stderr);
    const [, file, line, , kind, message] = errors[0];
    assert.equal(file, join(folder, 'glossary-extra.yaml'));
    assert.equal(line, '6');
    assert.equal(kind, 'reference');
    assert.match(message, /nosuch2020/);
    assert.deepEqual(counts(run.stdout), { sources: 2, terms: 11, claims: 16, errors: 1 });
  });

  test('errors in several folders are all reported, each with its own file', T, async () => {
    const one = knowledgeWith('multi-one', {
      'glossary-extra.yaml':
        'terms:\n  - id: extra-one\n    term: Extra One\n    kind: concept\n    definition: fine: no\n',
    });
    const two = join(dir, 'kb-multi-two');
    mkdirSync(join(two, 'claims'), { recursive: true });
    writeFileSync(join(two, 'claims', 'delta.yaml'), 'source: delta1999\nclaims: []\n');
    const run = await cli(['validate', '--no-bundled', '--knowledge', one, '--knowledge', two]);
    assert.equal(run.code, 1);
    assert.ok(run.stderr.includes(`${join(one, 'glossary-extra.yaml')}:5:17: error syntax`), run.stderr);
    assert.ok(run.stderr.includes(`${join(two, 'claims', 'delta.yaml')}:1:9: error reference`), run.stderr);
    assert.equal(counts(run.stdout).errors, 2);
  });

  test('a knowledge folder that does not exist: exit 2', T, async () => {
    const run = await cli(['validate', '--no-bundled', '--knowledge', join(dir, 'nowhere')]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /nowhere/);
    noStackTrace(run.stderr);
  });

  test('an unknown option: exit 2', T, async () => {
    const run = await cli(['validate', '--strict']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--strict/);
  });
});

describe('the CLI copied out of the repository', () => {
  // Inside the repository pdfjs finds a DOMMatrix in node_modules (the native @napi-rs/canvas);
  // a copied dist/, like the VSIX, has no node_modules above it and must read PDFs all the same.
  test(
    'reads a PDF from a sources folder and reports the contradiction that rests on it',
    { timeout: 30000 },
    async () => {
      const copy = realpathSync(mkdtempSync(join(tmpdir(), 'policy-lens-copied-')));
      try {
        cpSync(join(ROOT, 'dist'), join(copy, 'dist'), { recursive: true });
        assert.throws(
          () => createRequire(join(copy, 'dist', 'pdfjs', 'pdf.min.mjs')).resolve('@napi-rs/canvas'),
          'the copy sees no node_modules',
        );
        mkdirSync(join(copy, 'reports'));
        const report =
          'Freedonia Trade Outlook\n\nJane Doe Commentary\n\nThe Pacific region takes about 40% of ' +
          "Freedonia's total exports and roughly 25% of its imports.\n";
        writeFileSync(join(copy, 'reports', 'doe-2019-freedonia.pdf'), textToPdf(report));
        writeFileSync(join(copy, 'memo.md'), "Nearly 90% of Freedonia's exports go to the Pacific region.\n");
        const run = await cli(
          ['check', '--no-bundled', '--no-cache', '--sources', 'reports', 'memo.md'],
          copy,
          join(copy, 'dist', 'cli.js'),
        );
        assert.doesNotMatch(run.stderr, /could not read|DOMMatrix|canvas/, run.stderr);
        assert.match(
          run.stdout,
          // A warning: the report's figure is pinned by its own noun and a name written once (certain identity).
          /^memo\.md:1:\d+: warning contradiction doe2019 \(p\. 1 ¶1\) puts this at about 40%, not nearly 90%/m,
          `${run.stdout}${run.stderr}`,
        );
      } finally {
        rmSync(copy, { recursive: true, force: true });
      }
    },
  );
});

describe('a reader that stops early', () => {
  test('closing the output pipe ends the CLI quietly, without a stack trace', async () => {
    const { spawn } = await import('node:child_process');
    const memo = join(process.cwd(), 'examples', 'memo.md');
    const child = spawn(process.execPath, [join(process.cwd(), 'dist', 'cli.js'), 'check', memo, memo, memo, memo], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((r) => child.on('close', r));
    assert.doesNotMatch(stderr, /EPIPE|at .*cli\.js/);
    assert.ok(code === 0 || code === 1, `exit ${code}`);
  });
});
