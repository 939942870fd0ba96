/**
 * The CLI's project config and the options that came with it (dist/cli.js): --config, the nearest
 * .policylens.yaml, --bibliography, front-matter bibliographies, folders, globs, "-" with
 * --stdin-filename, and --max-warnings. Each test makes its own workspace with the small test
 * knowledge base (test/unit/helpers.ts) and --no-bundled. Run `npm run build` first.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { writeTestKnowledge } from '../unit/helpers';

const CLI = join(process.cwd(), 'dist', 'cli.js');
const T = { timeout: 20000 };

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in `cwd`; `input` is written to its stdin, which is then closed (left open without). */
async function cli(args: string[], cwd: string, input?: string): Promise<Run> {
  assert.ok(existsSync(CLI), `${CLI} exists (run npm run build first)`);
  const child = spawn(process.execPath, [CLI, ...args], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdin.on('error', () => undefined);
  if (input !== undefined) child.stdin.end(input);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const timer = setTimeout(() => child.kill(), 15000);
  const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  clearTimeout(timer);
  return { code, stdout, stderr };
}

const wrong = "Nearly 90% of Korea's total exports go to the Indo-Pacific.";
const unknownKey = 'As argued before [@gamma2020].';
const bib = JSON.stringify([{ id: 'gamma2020', type: 'book', title: 'Gamma', issued: { 'date-parts': [[2020]] } }]);

let root: string;
let kb: string;
const kbArgs = (): string[] => ['--no-bundled', '--knowledge', kb];

/** A new workspace folder holding `files` (path → text). */
function workspace(name: string, files: Record<string, string>): string {
  const folder = join(root, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
  return folder;
}

/** `file:line code` of each finding in text output, sorted. */
const findings = (stdout: string): string[] =>
  stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => /^(.*?):(\d+):\d+: \w+ (\S+)/.exec(l)!)
    .map((m) => `${m[1]}:${m[2]} ${m[3]}`)
    .sort();

before(() => {
  root = realpathSync(mkdtempSync(join(tmpdir(), 'policy-lens-cli-config-')));
  kb = join(root, 'kb');
  writeTestKnowledge(kb);
});

after(() => rmSync(root, { recursive: true, force: true }));

describe('policy-lens check: project config', () => {
  test('the nearest .policylens.yaml sets severities: they shape the output and the exit status', T, async () => {
    const ws = workspace('severities', {
      'memo.md': `${wrong}\n`,
      'quiet/memo.md': `${wrong}\n`,
      'quiet/.policylens.yaml': 'checks:\n  contradiction: hint\n',
    });
    const loud = await cli(['check', ...kbArgs(), 'memo.md'], ws);
    assert.equal(loud.code, 1, loud.stderr);
    assert.match(loud.stdout, /^memo\.md:1:\d+: warning contradiction/m);
    const quiet = await cli(['check', ...kbArgs(), 'quiet/memo.md'], ws);
    assert.equal(quiet.code, 0, quiet.stderr);
    assert.match(quiet.stdout, /^quiet\/memo\.md:1:\d+: hint contradiction/m);
  });

  test('--config names the config for every memo, instead of the nearest', T, async () => {
    const ws = workspace('given', {
      'memo.md': `${wrong}\n`,
      '.policylens.yaml': 'checks:\n  contradiction: error\n',
      'other.yaml': 'checks:\n  contradiction: off\n',
    });
    const nearest = await cli(['check', ...kbArgs(), 'memo.md'], ws);
    assert.match(nearest.stdout, /error contradiction/);
    const given = await cli(['check', ...kbArgs(), '--config', 'other.yaml', 'memo.md'], ws);
    assert.equal(given.code, 0, given.stderr);
    assert.doesNotMatch(given.stdout, /contradiction/);
    const missing = await cli(['check', ...kbArgs(), '--config', 'nowhere.yaml', 'memo.md'], ws);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /nowhere\.yaml/);
  });

  test('a broken config: each problem at file:line:column on stderr, the memo still checked, exit 2', T, async () => {
    const ws = workspace('broken', {
      'memo.md': `${wrong}\n`,
      '.policylens.yaml': 'checks:\n  contradiction: loud\nknowlege: kb\n',
    });
    const run = await cli(['check', ...kbArgs(), 'memo.md'], ws);
    assert.equal(run.code, 2);
    const config = join(ws, '.policylens.yaml');
    assert.match(run.stderr, new RegExp(`^${config}:2:18: error schema: checks.contradiction: must be one of`, 'm'));
    assert.match(run.stderr, new RegExp(`^${config}:3:1: error schema: unknown key "knowlege"`, 'm'));
    assert.match(run.stdout, /warning contradiction/, 'checked with the default severity');
    const syntax = workspace('syntax', { 'memo.md': `${wrong}\n`, '.policylens.yaml': 'checks: [off\n' });
    const bad = await cli(['check', ...kbArgs(), 'memo.md'], syntax);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /\.policylens\.yaml:\d+:\d+: error syntax:/);
    assert.doesNotMatch(bad.stderr, /^\s+at /m);
  });

  test('validate counts the problems of the config nearest the working folder', T, async () => {
    const ws = workspace('validate', { '.policylens.yaml': 'checks:\n  contradiction: loud\n' });
    const run = await cli(['validate', '--no-bundled'], ws);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /; 1 errors/);
    assert.match(run.stderr, /\.policylens\.yaml:2:18/);
  });

  test('the config names knowledge folders and bibliographies, relative to itself', T, async () => {
    const ws = workspace('paths', {
      'drafts/memo.md': `${wrong}\n\n${unknownKey}\n`,
      'refs/gamma.json': bib,
      '.policylens.yaml': `knowledge: ${JSON.stringify(kb)}\nbibliography: refs/gamma.json\n`,
    });
    const run = await cli(['check', '--no-bundled', 'drafts/memo.md'], ws);
    assert.deepEqual(findings(run.stdout), ['drafts/memo.md:1 contradiction'], run.stderr);
  });

  test('ignores: the finding is silent while its sentence stands, and back when it is edited', T, async () => {
    const ws = workspace('ignores', {
      'memo.md': `Intro.\n\n${wrong}\n`,
      '.policylens.yaml': `ignores:\n  - check: contradiction\n    sentence: ${JSON.stringify(wrong)}\n`,
    });
    const silent = await cli(['check', ...kbArgs(), 'memo.md'], ws);
    assert.equal(silent.code, 0, silent.stderr);
    assert.doesNotMatch(silent.stdout, /contradiction/);
    writeFileSync(join(ws, 'memo.md'), `Intro.\n\n${wrong.replace('Nearly', 'Almost')}\n`);
    const back = await cli(['check', ...kbArgs(), 'memo.md'], ws);
    assert.equal(back.code, 1);
    assert.match(back.stdout, /contradiction/);
  });
});

describe('policy-lens check: bibliographies', () => {
  test('--bibliography (repeatable): its keys are known citations', T, async () => {
    const ws = workspace('bibliography', {
      'memo.md': `${unknownKey} Also [@delta2021].\n`,
      'gamma.json': bib,
      'delta.bib': '@book{delta2021, title = {Delta}, year = {2021}}\n',
    });
    const without = await cli(['check', ...kbArgs(), 'memo.md'], ws);
    assert.equal(findings(without.stdout).filter((f) => f.endsWith('unknown-citation')).length, 2);
    const one = await cli(['check', ...kbArgs(), '--bibliography', 'gamma.json', 'memo.md'], ws);
    assert.deepEqual(findings(one.stdout), ['memo.md:1 unknown-citation']);
    const both = await cli(
      ['check', ...kbArgs(), '--bibliography', 'gamma.json', '--bibliography=delta.bib', 'memo.md'],
      ws,
    );
    assert.deepEqual(findings(both.stdout), [], both.stderr);
    const missing = await cli(['check', ...kbArgs(), '--bibliography', 'none.bib', 'memo.md'], ws);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /none\.bib/);
  });

  test("a memo's front matter bibliography: is read, relative to the memo", T, async () => {
    const ws = workspace('front-matter', {
      'drafts/memo.md': `---\nbibliography: ../refs/gamma.json\n---\n\n${unknownKey}\n`,
      'refs/gamma.json': bib,
      'drafts/other.md': `${unknownKey}\n`,
    });
    const run = await cli(['check', ...kbArgs(), 'drafts/memo.md', 'drafts/other.md'], ws);
    assert.deepEqual(findings(run.stdout), ['drafts/other.md:1 unknown-citation'], run.stderr);
  });
});

describe('policy-lens check: folders, globs and standard input', () => {
  const files = {
    'a.md': `${unknownKey}\n`,
    'notes/b.qmd': `${unknownKey}\n`,
    'notes/c.Rmd': `${unknownKey}\n`,
    'notes/d.txt': `${unknownKey}\n`,
    'node_modules/pkg/readme.md': `${unknownKey}\n`,
    '.hidden/e.md': `${unknownKey}\n`,
    'sources/report.md': `${unknownKey}\n`,
    'reports/f.md': `${unknownKey}\n`,
  };

  test('a folder: its memos (.md, .qmd, .Rmd), not node_modules, hidden folders or the sources folder', T, async () => {
    const ws = workspace('walk', files);
    const run = await cli(['check', ...kbArgs(), '.'], ws);
    assert.deepEqual(
      findings(run.stdout).map((f) => f.split(':')[0]),
      ['a.md', 'notes/b.qmd', 'notes/c.Rmd', 'reports/f.md'],
      run.stderr,
    );
    // The config names another sources folder: that one is left out instead.
    writeFileSync(join(ws, '.policylens.yaml'), 'sources: reports\n');
    const configured = await cli(['check', ...kbArgs(), '.'], ws);
    assert.deepEqual(
      findings(configured.stdout).map((f) => f.split(':')[0]),
      ['a.md', 'notes/b.qmd', 'notes/c.Rmd', 'sources/report.md'],
      configured.stderr,
    );
  });

  test('globs are expanded; one that matches nothing is an error', T, async () => {
    const ws = workspace('globs', files);
    const run = await cli(['check', ...kbArgs(), 'notes/*.{qmd,txt}', '**/a.md'], ws);
    assert.deepEqual(
      findings(run.stdout).map((f) => f.split(':')[0]),
      ['a.md', 'notes/b.qmd', 'notes/d.txt'],
      run.stderr,
    );
    const none = await cli(['check', ...kbArgs(), 'drafts/**/*.md'], ws);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /no files match the pattern "drafts\/\*\*\/\*\.md"/);
  });

  test('"-" reads the memo from standard input, named by --stdin-filename, with that folder\'s config', T, async () => {
    const ws = workspace('stdin', { 'quiet/.policylens.yaml': 'checks:\n  contradiction: hint\n' });
    const named = await cli(['check', ...kbArgs(), '--stdin-filename', 'quiet/memo.md', '-'], ws, `${wrong}\n`);
    assert.equal(named.code, 0, named.stderr);
    assert.match(named.stdout, /^quiet\/memo\.md:1:\d+: hint contradiction/m);
    const plain = await cli(['check', ...kbArgs(), '--format', 'json', '-'], ws, `${wrong}\n`);
    assert.equal(plain.code, 1);
    const output = JSON.parse(plain.stdout) as { files: { path: string; diagnostics: { code: string }[] }[] };
    assert.equal(output.files[0].path, '<stdin>');
    assert.deepEqual(
      output.files[0].diagnostics.map((d) => d.code),
      ['contradiction'],
    );
    const stray = await cli(['check', ...kbArgs(), '--stdin-filename', 'x.md', 'memo.md'], ws);
    assert.equal(stray.code, 2);
    assert.match(stray.stderr, /give "-" too/);
  });
});

describe('policy-lens check: --max-warnings and --help', () => {
  test('--max-warnings N: exit 1 only with errors or more than N warnings', T, async () => {
    const ws = workspace('max-warnings', { 'two.md': `${wrong}\n\n${wrong}\n`, 'error.md': `${unknownKey}\n` });
    const codes: number[] = [];
    for (const n of ['0', '1', '2', '5']) {
      codes.push((await cli(['check', ...kbArgs(), '--max-warnings', n, 'two.md'], ws)).code!);
    }
    assert.deepEqual(codes, [1, 1, 0, 0]);
    const error = await cli(['check', ...kbArgs(), '--max-warnings', '100', 'error.md'], ws);
    assert.equal(error.code, 1);
    for (const bad of ['-1', 'many', '1.5']) {
      const run = await cli(['check', ...kbArgs(), `--max-warnings=${bad}`, 'two.md'], ws);
      assert.equal(run.code, 2, bad);
      assert.match(run.stderr, /--max-warnings/);
    }
  });

  test('--consistency workspace (or consistency: in the config) compares the memos checked together', T, async () => {
    const a = 'The steering board meets on 14 March 2025 to approve the second phase.\n';
    const b = 'So far: the steering board meets on 21 March 2025 to approve the second phase.\n';
    const ws = workspace('consistency', { 'a.md': a, 'b.md': b });
    const across = (out: string): string[] =>
      out.split('\n').filter((l) => / inconsistency .* in [ab]\.md, line 1 /.test(l));
    assert.deepEqual(across((await cli(['check', ...kbArgs(), 'a.md', 'b.md'], ws)).stdout), []);
    const flagged = await cli(['check', ...kbArgs(), '--consistency', 'workspace', 'a.md', 'b.md'], ws);
    assert.equal(across(flagged.stdout).length, 2, flagged.stdout);
    writeFileSync(join(ws, '.policylens.yaml'), 'consistency: workspace\n');
    assert.equal(across((await cli(['check', ...kbArgs(), 'a.md', 'b.md'], ws)).stdout).length, 2);
    const bad = await cli(['check', ...kbArgs(), '--consistency', 'everywhere', 'a.md'], ws);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--consistency takes memo or workspace/);
  });

  test('--help lists every option, each with its help', T, async () => {
    const run = await cli(['--help'], root);
    assert.equal(run.code, 0);
    for (const option of [
      '--format F',
      '--knowledge DIR',
      '--sources DIR',
      '--bibliography FILE',
      '--config FILE',
      '--stdin-filename NAME',
      '--max-warnings N',
      '--no-cache',
      '--no-bundled',
      '-h, --help',
      '--version',
    ]) {
      assert.match(run.stdout, new RegExp(`^ +${option.replace(/[-]/g, '\\-')} +\\S`, 'm'), option);
    }
  });
});
