// End-to-end check of the Policy Lens language server in a real LSP client: Neovim 0.7 headless.
//
//   node --test test/e2e/neovim.e2e.mjs
//
// Needs `nvim` (scripts/e2e/install.sh installs Debian's neovim 0.7.2) and a built server
// (dist/server.js). Environment overrides:
//   POLICY_LENS_SERVER   server script (default <repo>/dist/server.js), started as `node SCRIPT --stdio`
//   NVIM                 nvim binary (default: nvim on PATH)
import test, { before, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');
const serverScript = path.resolve(process.env.POLICY_LENS_SERVER || path.join(repoRoot, 'dist/server.js'));
const nvim = process.env.NVIM || 'nvim';
const luaScript = path.join(here, 'neovim_lsp.lua');
const TIMEOUT_S = 60; // outer `timeout`; the Lua watchdog fires first (30 s)

const CONTRADICTED = "Nearly 90% of Korea's total exports go to the Indo-Pacific.";
// Under `<!-- policy-lens-disable-next-line contradiction -->`, and a contradicted sentence without one.
const SILENCED = "About 40% of Korea's natural gas travels through the South China Sea.";
const NOT_SILENCED = "About 50% of Korea's crude oil travels through the South China Sea.";
// The fixture's .policylens.yaml names shipping.json (key lee2021) and makes unsourced-figure a warning.
const CONFIG_KEY_SENTENCE = 'Port congestion worsened in 2021 [@lee2021].';
const UNSOURCED = 'Freight rates rose by 12% last year.';
const WARNING = 2; // LSP DiagnosticSeverity

/** Runs the Lua client once; resolves with the parsed JSON events and raw output. */
function runNeovim(memoPath) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      'timeout',
      [
        '-k',
        '5',
        String(TIMEOUT_S),
        nvim,
        '--headless',
        '-u',
        'NONE',
        '-i',
        'NONE',
        '-n',
        '-c',
        `luafile ${luaScript}`,
      ],
      {
        cwd: path.dirname(memoPath),
        env: {
          ...process.env,
          PL_SERVER_CMD: JSON.stringify([process.execPath, serverScript, '--stdio']),
          PL_MEMO: memoPath,
          PL_HOVER_WORD: 'OEWG',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
        // own process group (`timeout` also makes one): nvim exits with os.exit() and leaves
        // the server running if it ignores the closed stdin; the group kill below ends it.
        detached: true,
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* group already gone */
      }
      const events = [];
      for (const line of stdout.split('\n')) {
        const l = line.trim();
        if (!l.startsWith('{')) continue;
        try {
          events.push(JSON.parse(l));
        } catch {
          /* not ours */
        }
      }
      resolve({ code, signal, events, stdout, stderr });
    });
  });
}

/** The text of a hover result (MarkupContent, MarkedString or MarkedString[]). */
function hoverText(result) {
  if (!result || result === null) return '';
  const c = result.contents;
  const one = (x) => (typeof x === 'string' ? x : x && typeof x.value === 'string' ? x.value : '');
  return Array.isArray(c) ? c.map(one).join('\n') : one(c);
}

describe('Neovim 0.7 (headless) + Policy Lens server', () => {
  let run;
  let workspace;
  const started = Date.now();

  before(
    async () => {
      assert.ok(existsSync(serverScript), `server not built: ${serverScript} (run the build first)`);
      workspace = mkdtempSync(path.join(tmpdir(), 'policy-lens-nvim-'));
      cpSync(path.join(here, 'fixture'), workspace, { recursive: true });
      try {
        run = await runNeovim(path.join(workspace, 'memo.md'));
      } finally {
        rmSync(workspace, { recursive: true, force: true });
      }
      const summary = run.events.map((e) => e.event).join(', ');
      console.log(
        `# nvim exited code=${run.code} signal=${run.signal} in ${Date.now() - started} ms; events: ${summary}`,
      );
      if (run.code !== 0) console.log(`# nvim stderr:\n${run.stderr.replace(/^/gm, '#   ')}`);
    },
    { timeout: (TIMEOUT_S + 10) * 1000 },
  );

  test('nvim runs the client to the end (no watchdog, no server crash)', () => {
    const bad = run.events.find((e) => ['error', 'watchdog', 'server-exit'].includes(e.event));
    assert.equal(bad, undefined, `unexpected event: ${JSON.stringify(bad)}\nstderr: ${run.stderr}`);
    assert.ok(
      run.events.some((e) => e.event === 'initialized'),
      `server never initialized; stderr: ${run.stderr}`,
    );
    assert.equal(run.code, 0, `nvim exit code ${run.code}`);
  });

  test('diagnostics arrive, one with code "contradiction" on the contradicted sentence', () => {
    const ev = run.events.find((e) => e.event === 'diagnostics');
    assert.ok(ev, 'no diagnostics event');
    assert.ok(ev.received, 'server published no diagnostics for memo.md (push diagnostics; Neovim 0.7 has no pull)');
    const diags = ev.diagnostics;
    const c = diags.find((d) => d.code === 'contradiction');
    assert.ok(c, `no diagnostic with code "contradiction"; got: ${JSON.stringify(diags, null, 1)}`);
    assert.equal(c.source, 'policy-lens');
    const memoLines = readFileSync(path.join(here, 'fixture/memo.md'), 'utf8').split('\n');
    const line = memoLines.findIndex((l) => l.includes(CONTRADICTED));
    assert.equal(c.range.start.line, line, `contradiction is on line ${c.range.start.line}, expected ${line}`);
  });

  test('the .policylens.yaml (bibliography, a severity) and an inline disable comment apply', () => {
    const diags = run.events.find((e) => e.event === 'diagnostics')?.diagnostics;
    assert.ok(Array.isArray(diags), 'no diagnostics received');
    const memoLines = readFileSync(path.join(here, 'fixture/memo.md'), 'utf8').split('\n');
    const onLine = (text) => {
      const line = memoLines.findIndex((l) => l.includes(text));
      assert.ok(line >= 0, `not in the fixture: ${text}`);
      return diags.filter((d) => d.range.start.line === line);
    };
    const all = JSON.stringify(diags, null, 1);
    const unsourced = onLine(UNSOURCED).find((d) => d.code === 'unsourced-figure');
    assert.equal(unsourced?.severity, WARNING, `unsourced-figure as a warning (the config's), got: ${all}`);
    assert.deepEqual(
      onLine(CONFIG_KEY_SENTENCE).map((d) => d.code),
      [],
      `the key from the config's bibliography is known: ${all}`,
    );
    assert.ok(
      onLine(NOT_SILENCED).some((d) => d.code === 'contradiction'),
      `a contradiction without a comment: ${all}`,
    );
    assert.deepEqual(
      onLine(SILENCED).map((d) => d.code),
      [],
      `nothing on the sentence under the disable comment: ${all}`,
    );
  });

  test('hover on OEWG returns text containing "Open-Ended Working Group"', () => {
    const ev = run.events.find((e) => e.event === 'hover');
    assert.ok(ev, 'no hover event');
    assert.equal(ev.error ?? null, null, `hover error: ${ev.error}`);
    const text = hoverText(ev.result);
    assert.match(text, /Open-Ended Working Group/, `hover text: ${JSON.stringify(text)}`);
  });
});
