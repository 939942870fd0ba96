// End-to-end test of the packaged Policy Lens extension in real VS Code: code-server (the VS Code
// workbench + extension host, served to a browser) driven through headless Chromium.
//
//   node --test test/e2e/vscode.e2e.mjs                 # VSIX: <repo>/policy-lens.vsix
//   POLICY_LENS_VSIX=x.vsix node --test test/e2e/vscode.e2e.mjs
//   node test/e2e/vscode.e2e.mjs path/to/x.vsix         # direct run, VSIX as argument
//
// Needs scripts/e2e/install.sh (code-server under .e2e/, chromium) and a VSIX (npm run package).
// Environment overrides:
//   POLICY_LENS_VSIX     the VSIX to install
//   CODE_SERVER          code-server command (default <repo>/.e2e/bin/code-server, made by install.sh)
//   CHROMIUM             Chromium binary (default /usr/bin/chromium)
//   E2E_SCREENSHOT_DIR   where the README screenshots go (default <repo>/docs/images)
//   E2E_ARTIFACTS_DIR    failure screenshots and logs (default <repo>/test-results/e2e, git-ignored)
//   E2E_TIMEOUT_MS       global watchdog (default 720000)
//   E2E_RELOADS          window reloads timed in step n (default 2)
//   E2E_OPENS            memos opened while the server runs, timed in step o (default 3)
//   E2E_KEEP_TMP=1       keep the temporary user-data / extensions / workspace folders
import test, { after, before, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium } from 'playwright-core';
import { textToPdf } from '../../scripts/lib/pdf.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');
const cliVsix = process.argv[2] && process.argv[2].endsWith('.vsix') ? process.argv[2] : undefined;
const vsixPath = path.resolve(cliVsix || process.env.POLICY_LENS_VSIX || path.join(repoRoot, 'policy-lens.vsix'));
const codeServer = process.env.CODE_SERVER || path.join(repoRoot, '.e2e/bin/code-server');
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
const screenshotDir = path.resolve(process.env.E2E_SCREENSHOT_DIR || path.join(repoRoot, 'docs/images'));
const artifactsDir = path.resolve(process.env.E2E_ARTIFACTS_DIR || path.join(repoRoot, 'test-results/e2e'));
const WATCHDOG_MS = Number(process.env.E2E_TIMEOUT_MS || 12 * 60_000);

// The fixture's sentences (test/e2e/fixture/memo.md)
const CONTRADICTED = "Nearly 90% of Korea's total exports go to the Indo-Pacific.";
const WRONG_VALUE = '90%';
const HOVER_WORD = 'OEWG';
const COMPLETION_LINE = 'Further reading:';
const CITATION_KEYS = ['kim2023', 'pacforum2022'];
const BIBTEX_KEY = 'uber2020';
const BIBTEX_REFERENCE =
  'Über, Jörg, and Lami Kim. 2020. “Networks of Trust in the Indo-Pacific.” Asian Security Review 12 (3): 33–58.';
// How Insert References writes the two cited entries into the memo (Markdown, Chicago author-date).
const BIBTEX_ENTRY =
  'Über, Jörg, and Lami Kim. 2020. “Networks of Trust in the Indo-Pacific.” *Asian Security Review* 12 (3): 33–58.';
const KNOWLEDGE_ENTRY = 'Kim, So Jeong. 2023.';
const SCREENSHOTS = ['diagnostics.png', 'hover.png', 'completion.png', 'quickfix.png'];
// Step g: a report written into sources/ as a PDF at test time, and a memo sentence it contradicts.
const SOURCE_REPORT =
  "Freedonia Trade Outlook\n\nJane Doe Commentary\n\nThe Pacific region takes about 40% of Freedonia's total " +
  'exports and roughly 25% of its imports.\n';
const PDF_CONTRADICTED = "Nearly 90% of Freedonia's exports go to the Pacific region.";
// Step j: the workspace's .policylens.yaml names shipping.json (key lee2021) and makes unsourced-figure a
// warning (its default is a hint).
const CONFIG_KEY = 'lee2021';
const CONFIG_TITLE = 'Port Congestion in East Asia';
const UNSOURCED = 'Freight rates rose by 12% last year.';
// Step k: a contradicted sentence under `<!-- policy-lens-disable-next-line contradiction -->`.
const SILENCED = "About 40% of Korea's natural gas travels through the South China Sea.";
const DISABLE_COMMENT = '<!-- policy-lens-disable-next-line contradiction -->';
// Step l: a contradicted sentence silenced with the quick fix "Ignore this finding in .policylens.yaml".
const IGNORED = "About 50% of Korea's crude oil travels through the South China Sea.";
const IGNORED_VALUE = '50%';
// Step n: how often the window is reloaded to time its first diagnostics again.
const RELOADS = Number(process.env.E2E_RELOADS ?? 2);
// Step o: memos opened (and closed) once the server runs, timed: copies of fixture/second.md, each
// opened once, so that each opening sends didOpen and no diagnostic is left from an earlier one.
// Steps p and q: second.md, never opened, is in Problems after Check Workspace, and after a reload.
const SECOND_MEMO = 'second.md';
const SECOND_HEADING = 'Second memo';
const OPENS = Number(process.env.E2E_OPENS ?? 3);
const openedMemo = (i) => `opened-${i}.md`;

const t0 = Date.now();
const log = (msg) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s] ${msg}`);

// ---------------------------------------------------------------------------------------------
// Process bookkeeping: code-server runs in its own process group; at the end every descendant
// (extension host, file watcher, Markdown server, the Policy Lens server, ...) is ended by PID.
// ---------------------------------------------------------------------------------------------
const rootPids = new Set();

function childrenOf() {
  const map = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!map.has(ppid)) map.set(ppid, []);
      map.get(ppid).push(Number(name));
    } catch {
      /* exited meanwhile */
    }
  }
  return map;
}

function descendants(pid, map = childrenOf()) {
  const out = [];
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop();
    for (const c of map.get(p) || []) {
      out.push(c);
      stack.push(c);
    }
  }
  return out;
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Signals every process group in rootPids and every descendant of those roots and of this
 * process (code-server's helpers; Chromium, should Playwright not have closed it).
 */
function signalTree(signal) {
  const map = childrenOf();
  const pids = new Set(descendants(process.pid, map));
  for (const root of rootPids) {
    pids.add(root);
    for (const d of descendants(root, map)) pids.add(d);
    try {
      process.kill(-root, signal);
    } catch {
      /* group gone */
    }
  }
  for (const p of pids) {
    try {
      process.kill(p, signal);
    } catch {
      /* gone */
    }
  }
  return [...pids];
}

/** SIGTERM the trees, wait, SIGKILL what is left. Returns the PIDs that were signalled. */
async function killAll() {
  const pids = signalTree('SIGTERM');
  for (let i = 0; i < 30 && pids.some(alive); i++) await sleep(100);
  const left = pids.filter(alive);
  if (left.length) {
    log(`SIGKILL ${left.join(' ')}`);
    signalTree('SIGKILL');
    for (const p of left) {
      try {
        process.kill(p, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
  }
  rootPids.clear();
  return pids;
}

// Last resort, synchronous: on exit (watchdog, crash) SIGKILL whatever is still there.
let tmpToRemove; // the temporary folder, removed on exit too (watchdog, crash)
process.on('exit', () => {
  signalTree('SIGKILL');
  if (tmpToRemove) {
    try {
      rmSync(tmpToRemove, { recursive: true, force: true });
    } catch {
      /* ignore */
    }
  }
});
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    signalTree('SIGKILL');
    process.exit(130);
  });
}

let browser;
const watchdog = setTimeout(() => {
  console.error(`watchdog: the VS Code e2e suite ran longer than ${WATCHDOG_MS} ms; killing everything`);
  signalTree('SIGKILL');
  try {
    browser?.close();
  } catch {
    /* ignore */
  }
  process.exit(1);
}, WATCHDOG_MS);
watchdog.unref();

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Polls `fn` until it returns something truthy. On timeout the error names `what` and, when
 * given, what `detail()` reports about the current state of the page.
 */
async function waitFor(what, fn, { timeout = 30_000, interval = 250, detail } = {}) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) {
      let extra = '';
      if (detail) extra = `\n  state: ${await detail().catch((e) => `(detail failed: ${e.message})`)}`;
      throw new Error(`timed out after ${timeout} ms waiting for ${what}${last ? `: ${last.message}` : ''}${extra}`);
    }
    await sleep(interval);
  }
}

/**
 * Screen rectangle of `needle` in the editor's rendered lines (Monaco renders spaces as
 * U+00A0 and splits lines into token spans). Also returns the rectangle of its line.
 */
function textRect(page, needle) {
  return page.evaluate((needle) => {
    for (const line of document.querySelectorAll('.editor-instance .monaco-editor .view-lines .view-line')) {
      const nodes = [];
      let text = '';
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        nodes.push([walker.currentNode, text.length]);
        text += walker.currentNode.data;
      }
      const i = text.replace(/\u00a0/g, ' ').indexOf(needle);
      if (i < 0) continue;
      const at = (k, isEnd) => {
        for (const [n, off] of nodes) {
          if (isEnd ? k <= off + n.data.length : k < off + n.data.length) return [n, k - off];
        }
        return null;
      };
      const range = document.createRange();
      range.setStart(...at(i, false));
      range.setEnd(...at(i + needle.length, true));
      const r = range.getBoundingClientRect();
      const l = line.getBoundingClientRect();
      return {
        x: r.x,
        y: r.y,
        width: r.width,
        height: r.height,
        line: { x: l.x, y: l.y, width: l.width, height: l.height },
      };
    }
    return null;
  }, needle);
}

/** The active editor's visible text, lines in screen order, spaces normalised. */
function editorLines(page) {
  return page.evaluate(() => {
    const lines = [...document.querySelectorAll('.editor-instance .monaco-editor .view-lines .view-line')].map(
      (el) => ({ top: el.getBoundingClientRect().top, text: el.textContent.replace(/\u00a0/g, ' ') }),
    );
    return lines.sort((a, b) => a.top - b.top).map((l) => l.text);
  });
}

/** What the editor shows of diagnostics: squiggles by kind and the status bar's problem counts. */
function diagnosticsState(page) {
  return page.evaluate(() => {
    const counts = {};
    for (const kind of ['error', 'warning', 'info', 'hint']) {
      counts[kind] = document.querySelectorAll(`.editor-instance .monaco-editor .squiggly-${kind}`).length;
    }
    const problems = document.querySelector('.statusbar-item[id$="status.problems"]')?.textContent?.trim();
    return JSON.stringify({ squiggles: counts, statusBarProblems: problems ?? null });
  });
}

/** The text of every output-channel log of the extension (`Policy Lens.log`) under `folder`. */
function extensionLogs(folder) {
  if (!existsSync(folder)) return '';
  return readdirSync(folder, { recursive: true })
    .filter((f) => path.basename(String(f)) === 'Policy Lens.log')
    .map((f) => readFileSync(path.join(folder, String(f)), 'utf8'))
    .join('\n');
}

/**
 * The server's own marks on the way to its first diagnostics (the line it logs with them: initialize,
 * core loaded, initialized, memo opened, settings, loads done, checked, in ms after its process
 * started), from the newest extension log that has it, logged at or after `since`; undefined if none.
 */
function serverStartupMarks(logs, since) {
  const text = extensionLogs(logs);
  const line =
    /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d\.\d{3}) .*policy-lens: first diagnostics \([^)]*\) (.*) ms after the server/gm;
  let latest;
  for (const m of text.matchAll(line)) {
    const when = new Date(`${m[1]}T${m[2]}`).getTime();
    if (when >= since && (!latest || when > latest.when)) latest = { when, marks: m[3] };
  }
  return latest?.marks;
}

/**
 * The newest line the server logged with the first diagnostics of `memo` after it was opened, at or
 * after `since`: when it was logged (ms since the epoch) and the server's own time from `didOpen` to
 * publishing them; undefined if none.
 */
function serverOpenToPublish(logs, memo, since) {
  const text = extensionLogs(logs);
  const name = memo.replace(/\./g, '\\.');
  const line = new RegExp(
    `^(\\d{4}-\\d\\d-\\d\\d) (\\d\\d:\\d\\d:\\d\\d\\.\\d{3}) .*policy-lens: ${name} opened; ` +
      'its diagnostics published (\\d+) ms later',
    'gm',
  );
  let latest;
  for (const m of text.matchAll(line)) {
    const when = new Date(`${m[1]}T${m[2]}`).getTime();
    if (when >= since && (!latest || when > latest.when)) latest = { when, ms: Number(m[3]) };
  }
  return latest;
}

/**
 * The newest line the client logged when the diagnostics of `memo` reached the extension host
 * (`onDidChangeDiagnostics`), at or after `since`: when (ms since the epoch), and the client's
 * start-up marks it carries on the first memo's line; undefined if none.
 */
function clientDiagnosticsArrival(logs, memo, since) {
  const text = extensionLogs(logs);
  const name = memo.replace(/\./g, '\\.');
  const line = new RegExp(
    `^(\\d{4}-\\d\\d-\\d\\d) (\\d\\d:\\d\\d:\\d\\d\\.\\d{3}) .*policy-lens client: diagnostics of ${name} ` +
      'reached the extension host(?: \\(client: (.*)\\))?$',
    'gm',
  );
  let latest;
  for (const m of text.matchAll(line)) {
    const when = new Date(`${m[1]}T${m[2]}`).getTime();
    if (when >= since && (!latest || when > latest.when)) latest = { when, marks: m[3] };
  }
  return latest;
}

/** The text of the *Policy Lens Trace* output channel's files under `folder` (none while tracing is off). */
function traceLogs(folder) {
  if (!existsSync(folder)) return '';
  return readdirSync(folder, { recursive: true })
    .filter((f) => String(f).endsWith('Policy Lens Trace.log'))
    .map((f) => readFileSync(path.join(folder, String(f)), 'utf8'))
    .join('\n');
}

/** Screen rectangles of the editor's squiggles of the given kinds (error, warning, info, hint). */
function squiggles(page, kinds = ['error', 'warning', 'info', 'hint']) {
  const selector = kinds.map((k) => `.editor-instance .monaco-editor .squiggly-${k}`).join(', ');
  return page.locator(selector).evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }),
  );
}

/** The squiggle of one of `kinds` on the line showing `needle`, or undefined (also when it is off screen). */
async function squiggleOnLine(page, needle, kinds) {
  const at = await textRect(page, needle);
  if (!at) return undefined;
  return (await squiggles(page, kinds)).find((r) => overlaps(r, at.line));
}

/**
 * When the extension host began activating Policy Lens (ms since the epoch), from the newest
 * extension host log (`exthost.log`, `remoteexthost.log`) under `logs` that records it; undefined when none does yet.
 */
function activationTime(logs) {
  if (!existsSync(logs)) return undefined;
  let latest;
  for (const f of readdirSync(logs, { recursive: true })) {
    if (!/^(remote)?exthost\.log$/.test(path.basename(String(f)))) continue;
    const text = readFileSync(path.join(logs, String(f)), 'utf8');
    // 2026-11-26 05:03:01.123 [info] ExtensionService#_doActivateExtension policy-lens.policy-lens, …
    const stamp = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d\.\d{3}).*_doActivateExtension policy-lens\.policy-lens\b/gm;
    for (const m of text.matchAll(stamp)) {
      const when = new Date(`${m[1]}T${m[2]}`).getTime(); // local time, as the log writes it
      if (!latest || when > latest) latest = when;
    }
  }
  return latest;
}

/** The Policy Lens server processes among the descendants of code-server. */
function serverPids() {
  return [...rootPids]
    .flatMap((root) => descendants(root))
    .filter((pid) => {
      try {
        const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        return cmd.includes('policy-lens') && cmd.includes('dist/server.js');
      } catch {
        return false;
      }
    });
}

/** When the newest Policy Lens server process started (ms since the epoch, to 10 ms), from /proc. */
function serverStartTime() {
  const bootSeconds = Number(/^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))[1]);
  const ticksPerSecond = 100; // USER_HZ, 100 on Linux
  let latest;
  for (const pid of serverPids()) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const startTicks = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
      const when = (bootSeconds + startTicks / ticksPerSecond) * 1000;
      if (!latest || when > latest) latest = when;
    } catch {
      /* exited meanwhile */
    }
  }
  return latest;
}

const median = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : Math.round((sorted[mid - 1] + sorted[mid]) / 2);
};

const center = (r) => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 });
const overlaps = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

// Monaco renders a diagnostic in a hover as `.hover-row > .marker.hover-contents` and a
// provider's Markdown hover as `.hover-row.markdown-hover > .hover-contents`.
const HOVER_ANY = '.monaco-hover:visible';
const HOVER_MARKER = '.monaco-hover:visible .marker.hover-contents';
const HOVER_MARKDOWN = '.monaco-hover:visible .markdown-hover';

/** Text of the visible hover parts matching `selector`. */
async function visibleHoverText(page, selector = HOVER_ANY) {
  return (await page.locator(selector).allInnerTexts()).join('\n---\n');
}

async function hideHover(page) {
  await page.mouse.move(5, 5);
  await page.keyboard.press('Escape');
  await sleep(300);
}

async function shot(page, name) {
  const file = path.join(screenshotDir, name);
  await page.screenshot({ path: file });
  log(`screenshot ${path.relative(repoRoot, file)}`);
}

// ---------------------------------------------------------------------------------------------
// The suite
// ---------------------------------------------------------------------------------------------
describe('VS Code (code-server + Chromium) with the Policy Lens VSIX', () => {
  let tmp;
  let page;
  let workspace;
  let codeServerLog;
  let failures = 0;
  // Wall-clock marks (ms since the epoch) from opening the window to the first diagnostic: step a prints them.
  const timeline = {};

  async function onFailure(name, err) {
    failures++;
    mkdirSync(artifactsDir, { recursive: true });
    if (page) {
      const file = path.join(artifactsDir, `${name}.png`);
      await page.screenshot({ path: file }).catch(() => {});
      log(`failure screenshot: ${path.relative(repoRoot, file)}`);
    }
    throw err;
  }

  /** A test step that saves a screenshot to test-results/e2e/ when it fails. */
  function step(name, file, fn, timeout = 90_000) {
    test(name, { timeout }, async () => {
      const t = Date.now();
      try {
        await fn();
      } catch (err) {
        await onFailure(file, err);
      } finally {
        log(`${name}: ${Date.now() - t} ms`);
      }
    });
  }

  before(
    async () => {
      assert.ok(existsSync(vsixPath), `VSIX not found: ${vsixPath} (build it with \`npm run package\`)`);
      assert.ok(existsSync(codeServer), `code-server not found: ${codeServer} (run scripts/e2e/install.sh)`);
      assert.ok(existsSync(chromiumPath), `Chromium not found: ${chromiumPath} (run scripts/e2e/install.sh)`);
      mkdirSync(screenshotDir, { recursive: true });
      mkdirSync(artifactsDir, { recursive: true });

      tmp = mkdtempSync(path.join(tmpdir(), 'policy-lens-vscode-'));
      if (process.env.E2E_KEEP_TMP !== '1') tmpToRemove = tmp;
      const userData = path.join(tmp, 'user-data');
      const extensions = path.join(tmp, 'extensions');
      workspace = path.join(tmp, 'workspace');
      const config = path.join(tmp, 'config.yaml');
      mkdirSync(path.join(userData, 'User'), { recursive: true });
      mkdirSync(extensions, { recursive: true });
      cpSync(path.join(here, 'fixture'), workspace, { recursive: true });
      for (let i = 1; i <= OPENS; i++) cpSync(path.join(workspace, SECOND_MEMO), path.join(workspace, openedMemo(i)));
      writeFileSync(config, 'auth: none\ncert: false\n');
      writeFileSync(
        path.join(userData, 'User/settings.json'),
        JSON.stringify(
          {
            'security.workspace.trust.enabled': false,
            'workbench.startupEditor': 'none',
            'workbench.tips.enabled': false,
            'workbench.welcomePage.walkthroughs.openOnInstall': false,
            'workbench.secondarySideBar.defaultVisibility': 'hidden',
            'chat.disableAIFeatures': true,
            'telemetry.telemetryLevel': 'off',
            'update.mode': 'none',
            'extensions.autoUpdate': false,
            'extensions.autoCheckUpdates': false,
            'extensions.ignoreRecommendations': true,
            'git.enabled': false,
            'editor.minimap.enabled': false,
            'editor.hover.delay': 300,
            'files.autoSave': 'off',
            // A BibTeX bibliography beside the memo (fixture/refs.bib), as Zotero exports it.
            'policyLens.bibliography.files': ['refs.bib'],
          },
          null,
          2,
        ),
      );
      const common = ['--config', config, '--user-data-dir', userData, '--extensions-dir', extensions];

      // 1. install the VSIX
      let t = Date.now();
      const inst = spawnSync(codeServer, [...common, '--install-extension', vsixPath, '--force'], {
        encoding: 'utf8',
        timeout: 120_000,
        env: { ...process.env, XDG_CONFIG_HOME: tmp },
      });
      log(`--install-extension: ${Date.now() - t} ms, exit ${inst.status}`);
      assert.equal(inst.status, 0, `code-server --install-extension failed:\n${inst.stdout}\n${inst.stderr}`);
      assert.match(inst.stdout + inst.stderr, /successfully installed/i, `${inst.stdout}\n${inst.stderr}`);

      // 2. start code-server in its own process group
      const port = await freePort();
      codeServerLog = path.join(artifactsDir, 'code-server.log');
      const out = createWriteStream(codeServerLog);
      t = Date.now();
      const cs = spawn(
        codeServer,
        [
          ...common,
          '--auth',
          'none',
          '--bind-addr',
          `127.0.0.1:${port}`,
          '--disable-telemetry',
          '--disable-update-check',
          '--disable-getting-started-override',
          workspace,
        ],
        {
          detached: true,
          stdio: ['ignore', 'pipe', 'pipe'],
          env: { ...process.env, XDG_CONFIG_HOME: tmp },
        },
      );
      rootPids.add(cs.pid);
      cs.stdout.pipe(out);
      cs.stderr.pipe(out);
      let exited = null;
      cs.on('exit', (code, signal) => {
        exited = { code, signal };
      });
      const base = `http://127.0.0.1:${port}`;
      await waitFor(
        'code-server /healthz',
        async () => {
          if (exited) throw new Error(`code-server exited early (${JSON.stringify(exited)}); see ${codeServerLog}`);
          const r = await fetch(`${base}/healthz`).catch(() => null);
          return r && r.ok;
        },
        { timeout: 60_000 },
      );
      log(`code-server up on ${base} (pid ${cs.pid}) in ${Date.now() - t} ms`);

      // 3. Chromium
      t = Date.now();
      browser = await chromium.launch({
        executablePath: chromiumPath,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          '--disable-dev-shm-usage',
        ],
      });
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      page = await context.newPage();
      page.on('pageerror', (e) => log(`page error: ${e.message}`));
      timeline.windowOpen = Date.now();
      await page.goto(`${base}/?folder=${encodeURIComponent(workspace)}`);
      await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      // the Explorer lists the fixture once the workbench has connected to the server
      await page
        .locator('.explorer-folders-view .monaco-list-row', { hasText: 'memo.md' })
        .first()
        .waitFor({ timeout: 60_000 });
      timeline.workbenchReady = Date.now();
      log(`workbench ready in ${Date.now() - t} ms`);

      // 4. open memo.md: click it in the Explorer (Quick Open as a fallback)
      t = Date.now();
      const memoLine = page.locator('.editor-instance .monaco-editor .view-line', { hasText: 'Indo-Pacific' }).first();
      await waitFor(
        'memo.md open in an editor',
        async () => {
          if (await memoLine.count()) return true;
          const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'memo.md' }).first();
          if (await row.count()) {
            await row.click();
          } else {
            await page.keyboard.press('Control+P');
            const input = page.locator('.quick-input-widget input');
            await input.waitFor({ state: 'visible', timeout: 5_000 });
            await input.fill('memo.md');
            await page
              .locator('.quick-input-widget .monaco-list-row', { hasText: 'memo.md' })
              .first()
              .waitFor({ timeout: 5_000 });
            await page.keyboard.press('Enter');
          }
          await memoLine.waitFor({ timeout: 10_000 });
          return true;
        },
        { timeout: 60_000, interval: 1_000 },
      );
      timeline.memoOpen = Date.now();
      log(`memo.md open in ${Date.now() - t} ms`);
    },
    { timeout: 4 * 60_000 },
  );

  after(
    async () => {
      const t = Date.now();
      if (failures && tmp) {
        // keep the workbench / extension host logs next to the failure screenshots
        const logs = path.join(tmp, 'user-data/logs');
        if (existsSync(logs)) cpSync(logs, path.join(artifactsDir, 'vscode-logs'), { recursive: true });
      }
      await browser?.close().catch(() => {});
      const pids = await killAll();
      const survivors = pids.filter(alive);
      log(
        `cleanup: ended ${pids.length} ` +
          `process(es)${survivors.length ? `, STILL ALIVE: ${survivors.join(' ')}` : ''} in ${Date.now() - t} ms`,
      );
      if (tmp && process.env.E2E_KEEP_TMP !== '1') rmSync(tmp, { recursive: true, force: true });
      else if (tmp) log(`kept ${tmp}`);
      clearTimeout(watchdog);
    },
    { timeout: 30_000 },
  );

  /**
   * Waits for the first squiggle in the memo's editor (Policy Lens is the only source of diagnostics in
   * it) and prints the time it took from `marks.windowOpen`, with the extension's activation from the
   * extension host's log. Returns the milliseconds from activation to that diagnostic (undefined when
   * the log does not say when activation began). Printed, not asserted tightly: the machine is shared.
   */
  async function timeFirstDiagnostic(label, marks) {
    const firstAt = await page.waitForFunction(
      () =>
        document.querySelector(
          '.editor-instance .monaco-editor :is(.squiggly-error, .squiggly-warning, .squiggly-info, .squiggly-hint)',
        ) && Date.now(),
      null,
      { polling: 50, timeout: 90_000 },
    );
    const first = await firstAt.jsonValue();
    // Marks from an earlier window (before a reload) do not count.
    const fresh = (mark) => (mark && mark >= marks.windowOpen - 1000 ? mark : undefined);
    const activated = fresh(activationTime(path.join(tmp, 'user-data', 'logs')));
    const serverStarted = fresh(serverStartTime());
    const since = (mark) => (mark ? `+${mark - marks.windowOpen} ms` : '?');
    const fromActivation = activated ? first - activated : undefined;
    log(
      `first diagnostics (${label}): window opened; workbench ready ${since(marks.workbenchReady)}, ` +
        `memo open ${since(marks.memoOpen)}, Policy Lens activated ${since(activated)}, ` +
        `server process started ${since(serverStarted)}, first diagnostic ${since(first)} = ` +
        `${fromActivation ?? '?'} ms after activation, ${serverStarted ? first - serverStarted : '?'} ms after the ` +
        'server started',
    );
    // The server's side of it: its marks, and from its check's end to the squiggle on screen (the
    // extension host, the window and the editor's rendering). The log is written a moment later.
    const logs = path.join(tmp, 'user-data', 'logs');
    const loggedFrom = marks.windowOpen - 1000;
    const serverMarks = await waitFor('the server log line', () => serverStartupMarks(logs, loggedFrom), {
      timeout: 5_000,
      interval: 200,
    }).catch(() => undefined);
    const checked = serverMarks && /checked \+(\d+)/.exec(serverMarks);
    const toSquiggle = checked && serverStarted ? first - serverStarted - Number(checked[1]) : undefined;
    const after = toSquiggle !== undefined ? `; its check ended ${toSquiggle} ms before the first squiggle showed` : '';
    log(
      serverMarks
        ? `  server (${label}): ${serverMarks} ms after its process started${after}`
        : `  server (${label}): no startup line in the extension log`,
    );
    // The extension host's side: when the diagnostics reached it (the client logs it), and the
    // client's own marks (activate, start, running) in ms after the extension's module loaded.
    const arrival = await waitFor('the client log line', () => clientDiagnosticsArrival(logs, 'memo.md', loggedFrom), {
      timeout: 5_000,
      interval: 200,
    }).catch(() => undefined);
    log(
      arrival
        ? `  extension host (${label}): the diagnostics reached it ${since(arrival.when)}, ` +
            `${first - arrival.when} ms before the first squiggle showed` +
            (arrival.marks ? `; client: ${arrival.marks}` : '')
        : `  extension host (${label}): no client line in the extension log`,
    );
    return fromActivation;
  }

  /**
   * Clicks `value` in the editor and opens the quick fix menu there (Ctrl+., else the light bulb) until
   * it lists an entry matching `title`; returns that entry.
   */
  async function openQuickFixMenu(value, title) {
    const at = await waitFor(`"${value}" on screen`, () => textRect(page, value));
    await page.mouse.click(center(at).x, center(at).y);
    const menuRow = page.locator('.action-widget:visible .monaco-list-row', { hasText: title }).first();
    await waitFor(
      `the quick fix menu with an entry ${title}`,
      async () => {
        if (await menuRow.count()) return true;
        await page.keyboard.press('Control+Period');
        const shown = await menuRow.waitFor({ state: 'visible', timeout: 8_000 }).then(
          () => true,
          () => false,
        );
        if (shown) return true;
        // fall back to the light bulb in the gutter (it may go as the menu opens: short timeouts)
        const bulb = page
          .locator('.lightBulbWidget:visible, .codicon-lightbulb:visible, .codicon-lightbulb-autofix:visible')
          .first();
        if (await bulb.count()) await bulb.click({ timeout: 3_000 }).catch(() => {});
        await menuRow.waitFor({ state: 'visible', timeout: 3_000 });
        return true;
      },
      {
        timeout: 60_000,
        interval: 500,
        detail: async () =>
          JSON.stringify({
            actionWidget: await page.locator('.action-widget:visible .monaco-list-row').allInnerTexts(),
            diagnostics: await diagnosticsState(page),
          }),
      },
    );
    return menuRow;
  }

  /** Runs a command from the palette (F1), choosing the row with `title`. */
  async function runCommand(title) {
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    await page.keyboard.type(title, { delay: 20 });
    const row = page.locator('.quick-input-widget:visible .monaco-list-row', { hasText: title }).first();
    await row.waitFor({ state: 'visible', timeout: 15_000 });
    await row.click();
  }

  /**
   * Waits until the Explorer shows a problem count on `file`'s row (VS Code's decoration of a file
   * with diagnostics, drawn as the `::after` content of an element of the row), and returns it.
   */
  async function explorerProblemCount(file, timeout) {
    const count = await waitFor(
      `a problem count on ${file} in the Explorer`,
      () =>
        page.evaluate((name) => {
          for (const row of document.querySelectorAll('.explorer-folders-view .monaco-list-row')) {
            if (row.textContent.trim() !== name) continue;
            for (const el of row.querySelectorAll('*')) {
              const badge = /^"(\d+)"$/.exec(window.getComputedStyle(el, '::after').content);
              if (badge) return badge[1];
            }
          }
          return undefined;
        }, file),
      {
        timeout,
        interval: 500,
        detail: async () =>
          JSON.stringify(await page.locator('.explorer-folders-view .monaco-list-row').allInnerTexts()),
      },
    );
    return Number(count);
  }

  /** *File: Save All* from the command palette; waits until no editor tab has unsaved changes. */
  async function saveAll() {
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    await page.keyboard.type('File: Save All', { delay: 20 });
    const row = page.locator('.quick-input-widget:visible .monaco-list-row', { hasText: 'Save All' }).first();
    await row.waitFor({ state: 'visible', timeout: 15_000 });
    await page.keyboard.press('Enter');
    await waitFor('no unsaved editor', async () => (await page.locator('.tab.dirty').count()) === 0, {
      timeout: 15_000,
      detail: async () => JSON.stringify(await page.locator('.tabs-container .tab').allInnerTexts()),
    });
  }

  /**
   * Hovers `target` (a rectangle, or an async function giving one, asked again on each try) until the
   * visible hover parts matching `selector` satisfy `test`; returns their text.
   */
  async function hoverUntil(what, target, selector, test, timeout = 30_000) {
    await hideHover(page);
    return waitFor(
      what,
      async () => {
        const rect = typeof target === 'function' ? await target() : target;
        if (!rect) return false;
        // nudge the mouse inside the rectangle so Monaco (re)computes the hover
        await page.mouse.move(center(rect).x - 1, center(rect).y);
        await page.mouse.move(center(rect).x, center(rect).y, { steps: 2 });
        await sleep(700);
        const s = await visibleHoverText(page, selector);
        return test(s) && s;
      },
      { timeout, interval: 100, detail: async () => `hover: ${JSON.stringify(await visibleHoverText(page))}` },
    );
  }

  step('a. a warning squiggle appears on the contradicted sentence', 'a-diagnostics', async () => {
    const fromActivation = await timeFirstDiagnostic('first window', timeline);
    // Generous: the issue wants under 1 s, but timings flake on a shared 2-CPU machine.
    if (fromActivation !== undefined) assert.ok(fromActivation < 30_000, `${fromActivation} ms after activation`);
    const sentence = await waitFor('the contradicted sentence on screen', () => textRect(page, CONTRADICTED));
    const squiggle = await waitFor(
      'a .squiggly-warning on the contradicted sentence',
      async () => {
        const rects = await page.locator('.editor-instance .monaco-editor .squiggly-warning').evaluateAll((els) =>
          els.map((e) => {
            const r = e.getBoundingClientRect();
            return { x: r.x, y: r.y, width: r.width, height: r.height };
          }),
        );
        return rects.find(
          (r) => overlaps(r, sentence.line) && r.x < sentence.x + sentence.width && sentence.x < r.x + r.width,
        );
      },
      { timeout: 60_000, detail: () => diagnosticsState(page) },
    );
    // the marker hover names the diagnostic's source
    await page.mouse.move(center(squiggle).x, center(squiggle).y);
    const text = await waitFor(
      'the diagnostic hover naming policy-lens',
      async () => {
        const s = await visibleHoverText(page, HOVER_MARKER);
        return /policy-lens/i.test(s) && s;
      },
      { timeout: 15_000, detail: async () => `hover: ${JSON.stringify(await visibleHoverText(page))}` },
    );
    // let the hover finish loading its quick fix link before the screenshot (not asserted)
    await waitFor(
      'the hover to list quick fixes',
      async () => /Quick Fix|No quick fixes/i.test(await visibleHoverText(page)),
      { timeout: 5_000 },
    ).catch(() => {});
    log(`diagnostic hover: ${JSON.stringify(text.slice(0, 300))}`);
    await shot(page, 'diagnostics.png');
    await hideHover(page);
  });

  step(`b. hovering ${HOVER_WORD} shows "Open-Ended Working Group"`, 'b-hover', async () => {
    const word = await waitFor(`${HOVER_WORD} on screen`, () => textRect(page, HOVER_WORD));
    await hideHover(page);
    const text = await waitFor(
      'a hover with "Open-Ended Working Group"',
      async () => {
        // nudge the mouse inside the word so Monaco (re)computes the hover
        await page.mouse.move(center(word).x - 1, center(word).y);
        await page.mouse.move(center(word).x, center(word).y, { steps: 2 });
        await sleep(700);
        // the provider's Markdown hover, not the text of a diagnostic at the same place
        const s = await visibleHoverText(page, HOVER_MARKDOWN);
        return s.includes('Open-Ended Working Group') && s;
      },
      { timeout: 30_000, interval: 100, detail: async () => `hover: ${JSON.stringify(await visibleHoverText(page))}` },
    );
    log(`hover: ${JSON.stringify(text.slice(0, 300))}`);
    await shot(page, 'hover.png');
    await hideHover(page);
  });

  step('c. typing [@ offers citation completions kim2023 and pacforum2022', 'c-completion', async () => {
    const line = await waitFor(`"${COMPLETION_LINE}" on screen`, () => textRect(page, COMPLETION_LINE));
    await page.mouse.click(line.x + line.width + 2, center(line).y);
    await page.keyboard.press('End');
    await page.keyboard.type(' [@', { delay: 80 });
    const labels = await waitFor(
      `the suggest widget listing ${CITATION_KEYS.join(' and ')}`,
      async () => {
        const rows = await page.locator('.editor-widget.suggest-widget:visible .monaco-list-row').allInnerTexts();
        return CITATION_KEYS.every((k) => rows.some((r) => r.includes(k))) && rows;
      },
      {
        timeout: 30_000,
        detail: async () =>
          JSON.stringify({
            suggestWidget: await page.locator('.editor-widget.suggest-widget:visible').allInnerTexts(),
            line: (await editorLines(page)).find((l) => l.includes(COMPLETION_LINE)),
          }),
      },
    );
    log(`suggestions: ${JSON.stringify(labels.map((l) => l.replace(/\s+/g, ' ')))}`);
    await shot(page, 'completion.png');
    await page.keyboard.press('Escape');
    // take the typing back so later screenshots show the memo as it was (best effort)
    await page.keyboard.press('Control+Z');
    await sleep(300);
    const undone = (await editorLines(page)).find((l) => l.includes(COMPLETION_LINE));
    if (undone?.trim() !== COMPLETION_LINE) log(`after undo the line reads ${JSON.stringify(undone)}`);
  });

  step('d. the "Replace…" quick fix puts the sourced value in place of the wrong one', 'd-quickfix', async () => {
    await page.keyboard.press('Escape');
    const menuRow = await openQuickFixMenu(WRONG_VALUE, /^\s*Replace/);
    const entries = await page.locator('.action-widget:visible .monaco-list-row').allInnerTexts();
    log(`quick fixes: ${JSON.stringify(entries)}`);
    await shot(page, 'quickfix.png');
    const title = (await menuRow.innerText()).trim();
    await menuRow.click();
    const after = await waitFor(
      'the sentence to change',
      async () => {
        const l = (await editorLines(page)).find((s) => s.includes("of Korea's total exports"));
        return l && !l.includes(WRONG_VALUE) && l;
      },
      { timeout: 15_000, detail: async () => JSON.stringify(await editorLines(page)) },
    );
    log(`applied "${title}": ${JSON.stringify(after)}`);
    assert.match(after, /\b78\s?(%|per ?cent|percent)/, `the sentence after the fix has no 78%: ${after}`);
    // and the buffer really changed: save, read it back from disk
    await page.keyboard.press('Control+S');
    const saved = await waitFor(
      'memo.md saved with the fix',
      () => {
        const s = readFileSync(path.join(workspace, 'memo.md'), 'utf8');
        return !s.includes(`Nearly ${WRONG_VALUE}`) && s;
      },
      { timeout: 10_000 },
    );
    assert.match(saved, /\b78\s?(%|per ?cent|percent)[^\n]*total exports/);
  });

  step(
    'j. the workspace .policylens.yaml adds a bibliography and makes unsourced-figure a warning',
    'j-project-config',
    async () => {
      await page.keyboard.press('Escape');
      // unsourced-figure is a hint by default: a warning squiggle comes from the config's `checks:`
      const figure = await waitFor(
        'a warning squiggle on the unsourced figure',
        () => squiggleOnLine(page, UNSOURCED, ['warning']),
        { timeout: 30_000, detail: () => diagnosticsState(page) },
      );
      const marker = await hoverUntil('the diagnostic hover naming unsourced-figure', figure, HOVER_MARKER, (s) =>
        s.includes('unsourced-figure'),
      );
      log(`unsourced figure: ${JSON.stringify(marker.slice(0, 200))}`);
      // the key is known only from the config's `bibliography:` (else an unknown-citation error)
      const key = await waitFor(`${CONFIG_KEY} on screen`, () => textRect(page, CONFIG_KEY));
      assert.equal(
        (await squiggles(page, ['error'])).find((r) => overlaps(r, key)),
        undefined,
        `an error squiggle on ${CONFIG_KEY}: ${await diagnosticsState(page)}`,
      );
      const text = await hoverUntil(`a hover with the reference of ${CONFIG_KEY}`, key, HOVER_MARKDOWN, (s) =>
        s.includes(CONFIG_TITLE),
      );
      log(`${CONFIG_KEY} hover: ${JSON.stringify(text.slice(0, 200))}`);
      await hideHover(page);
    },
  );

  step('k. an inline disable comment silences the contradiction under it', 'k-inline-disable', async () => {
    await page.keyboard.press('Escape');
    // The memo has been checked: the contradiction below the silenced sentence is shown.
    await waitFor('a warning squiggle on the sentence after it', () => squiggleOnLine(page, IGNORED, ['warning']), {
      timeout: 30_000,
      detail: () => diagnosticsState(page),
    });
    assert.ok(await textRect(page, SILENCED), 'the silenced sentence on screen');
    assert.equal(await squiggleOnLine(page, SILENCED), undefined, `a squiggle on the silenced sentence`);
    // Without its comment the sentence is flagged: empty the comment's line, then undo.
    const comment = await waitFor('the disable comment on screen', () => textRect(page, DISABLE_COMMENT));
    await page.mouse.click(comment.x + comment.width + 2, center(comment).y);
    await page.keyboard.press('End');
    await page.keyboard.press('Shift+Home');
    await page.keyboard.press('Backspace');
    await waitFor('the comment gone', async () => !(await editorLines(page)).some((l) => l.includes('policy-lens-')));
    await waitFor('a warning squiggle on the sentence without its comment', () =>
      squiggleOnLine(page, SILENCED, ['warning']),
    );
    await page.keyboard.press('Control+Z');
    await waitFor('the comment back', async () => (await editorLines(page)).some((l) => l.includes(DISABLE_COMMENT)));
    await waitFor(
      'no squiggle on the sentence with its comment back',
      async () => (await textRect(page, SILENCED)) && !(await squiggleOnLine(page, SILENCED)),
      { timeout: 30_000, detail: () => diagnosticsState(page) },
    );
  });

  step(
    'l. the quick fix "Ignore this finding in .policylens.yaml" silences the finding and records it there',
    'l-ignore-quickfix',
    async () => {
      await page.keyboard.press('Escape');
      await waitFor('a warning squiggle on the sentence to ignore', () => squiggleOnLine(page, IGNORED, ['warning']), {
        timeout: 30_000,
        detail: () => diagnosticsState(page),
      });
      const menuRow = await openQuickFixMenu(IGNORED_VALUE, /Ignore this finding in \.policylens\.yaml/);
      log(
        `quick fixes: ${JSON.stringify(await page.locator('.action-widget:visible .monaco-list-row').allInnerTexts())}`,
      );
      await menuRow.click();
      // VS Code (1.139) makes the edit in an editor of the config; the fix's command then saves it, so
      // the entry is on disk without the user saving (no Save All here: that would hide a regression).
      const config = path.join(workspace, '.policylens.yaml');
      const saved = await waitFor(
        '.policylens.yaml on disk with the ignored finding',
        () => {
          const s = readFileSync(config, 'utf8');
          return s.includes(IGNORED) && s;
        },
        { timeout: 15_000, detail: async () => JSON.stringify(readFileSync(config, 'utf8')) },
      );
      log(`.policylens.yaml: ${JSON.stringify(saved)}`);
      assert.match(saved, /^ignores:\n\s+- check: contradiction\n\s+claim: \S+\n\s+sentence: /m, saved);
      assert.match(saved, /^checks:\n\s+unsourced-figure: warning$/m, `the rest of the config kept:\n${saved}`);
      await waitFor(
        'the squiggle on the ignored sentence gone',
        async () => (await textRect(page, IGNORED)) && !(await squiggleOnLine(page, IGNORED)),
        { timeout: 30_000, detail: () => diagnosticsState(page) },
      );
    },
  );

  step('m. the language status item shows the knowledge the checks rest on', 'm-language-status', async () => {
    await page.keyboard.press('Escape');
    const item = page.locator('.statusbar-item[id$="status.languageStatus"]').first();
    await item.waitFor({ state: 'visible', timeout: 15_000 });
    const hoverText = async () =>
      (await page.locator(':is(.monaco-hover, .workbench-hover, .hover-language-status):visible').allInnerTexts()).join(
        '\n',
      );
    const text = await waitFor(
      'the language status hover with Policy Lens sources and claims',
      async () => {
        if (!/Policy Lens/.test(await hoverText())) await item.click();
        await sleep(300);
        const s = await hoverText();
        return /Policy Lens: [\d,]+ sources?/.test(s) && /[\d,]+ claims?/.test(s) && s;
      },
      { timeout: 30_000, interval: 500, detail: async () => JSON.stringify(await hoverText()) },
    );
    log(`language status: ${JSON.stringify(text.replace(/\s+/g, ' ').slice(0, 300))}`);
    await page.keyboard.press('Escape');
    await hideHover(page);
  });

  step(
    'g. hovering a key from the BibTeX bibliography shows the cite and reference rendered by the CSL processor',
    'g-bibtex-hover',
    async () => {
      await page.keyboard.press('Escape');
      const key = await waitFor(`${BIBTEX_KEY} on screen`, () => textRect(page, BIBTEX_KEY));
      await hideHover(page);
      const text = await waitFor(
        'a hover with the Chicago reference',
        async () => {
          await page.mouse.move(center(key).x - 1, center(key).y);
          await page.mouse.move(center(key).x, center(key).y, { steps: 2 });
          await sleep(700);
          const s = await visibleHoverText(page, HOVER_MARKDOWN);
          return s.includes(BIBTEX_REFERENCE) && s;
        },
        {
          timeout: 30_000,
          interval: 100,
          detail: async () => `hover: ${JSON.stringify(await visibleHoverText(page))}`,
        },
      );
      assert.ok(text.includes('(Über and Kim 2020, 4)'), `the cite with its locator: ${text}`);
      log(`BibTeX hover: ${JSON.stringify(text.slice(0, 300))}`);
      await hideHover(page);
    },
  );

  step("h. Insert References fills the memo's References heading, once", 'h-insert-references', async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    await page.keyboard.type('Policy Lens: Insert References', { delay: 20 });
    const row = page.locator('.quick-input-widget:visible .monaco-list-row', { hasText: 'Insert References' }).first();
    await row.waitFor({ state: 'visible', timeout: 15_000 });
    await page.keyboard.press('Enter');
    await waitFor(
      'the references in the editor',
      async () => (await editorLines(page)).some((l) => l.includes('Über, Jörg, and Lami Kim. 2020.')),
      { timeout: 30_000, detail: async () => JSON.stringify(await editorLines(page)) },
    );
    await page.keyboard.press('Control+S');
    const saved = await waitFor(
      'memo.md saved with its references',
      () => {
        const s = readFileSync(path.join(workspace, 'memo.md'), 'utf8');
        return s.includes(BIBTEX_ENTRY) && s;
      },
      { timeout: 30_000, detail: async () => JSON.stringify(await editorLines(page)) },
    );
    assert.equal(saved.match(/References/g)?.length, 1, `one References heading:\n${saved}`);
    assert.ok(saved.indexOf('## References') < saved.indexOf(KNOWLEDGE_ENTRY), saved);
    assert.ok(saved.indexOf(KNOWLEDGE_ENTRY) < saved.indexOf(BIBTEX_ENTRY), `sorted by author:\n${saved}`);
  });

  step('f. if the server process dies, the client restarts it and diagnostics come back', 'f-restart', async () => {
    const [first] = await waitFor('the Policy Lens server process', () => serverPids().length > 0 && serverPids(), {
      timeout: 15_000,
    });
    process.kill(first, 'SIGKILL');
    log(`killed the server (pid ${first})`);
    const second = await waitFor('a new server process', () => serverPids().find((pid) => pid !== first), {
      timeout: 30_000,
    });
    log(`the client started a new server (pid ${second})`);
    // A new wrong figure must be flagged by the restarted server.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type("About 57 percent of Korea's imports come from the Indo-Pacific.");
    const sentence = await waitFor('the new sentence on screen', () => textRect(page, '57 percent'));
    await waitFor(
      'a squiggle on the new sentence',
      async () => {
        const rects = await page.locator('.editor-instance .monaco-editor .squiggly-warning').evaluateAll((els) =>
          els.map((e) => {
            const r = e.getBoundingClientRect();
            return { x: r.x, y: r.y, width: r.width, height: r.height };
          }),
        );
        return rects.find((r) => overlaps(r, sentence.line));
      },
      { timeout: 60_000, detail: () => diagnosticsState(page) },
    );
  });

  step(
    'i. a PDF dropped into sources/ is read, and a contradiction resting on it is reported',
    'i-sources-pdf',
    async () => {
      // Made here, not committed: a one-page report in Helvetica (scripts/lib/pdf.mjs).
      mkdirSync(path.join(workspace, 'sources'), { recursive: true });
      writeFileSync(path.join(workspace, 'sources', 'doe-2019-freedonia.pdf'), textToPdf(SOURCE_REPORT));
      log('wrote sources/doe-2019-freedonia.pdf');
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+End');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter');
      await page.keyboard.type(PDF_CONTRADICTED);
      const sentence = await waitFor('the sentence about Freedonia on screen', () => textRect(page, PDF_CONTRADICTED));
      // A contradiction resting only on a report is a Warning when the claim's identity is certain (as
      // here: the figure's own noun and a name the report writes once), else Information. Until the
      // report is read, the fixture's config makes "90%" an unsourced-figure warning at the same place:
      // the step waits for the hover of the squiggle on the sentence to quote the report.
      const quoting = /doe2019 \(p\. 1 ¶1\) puts this at about 40%/;
      const squiggle = async () => (await squiggles(page, ['info', 'warning'])).find((r) => overlaps(r, sentence.line));
      const reportHover = (timeout) =>
        hoverUntil('the diagnostic hover quoting the report', squiggle, HOVER_MARKER, (s) => quoting.test(s), timeout);
      // The PDF reaches the server through VS Code's file watcher. In one run of four on a loaded
      // machine no finding came within 60 s (its cause not found: the server logged no event); the
      // file is written again once, so that the step tests reading the PDF rather than the watcher.
      let text = await reportHover(25_000).catch(() => undefined);
      if (!text) {
        log('no finding from the report after 25 s: writing the PDF again');
        writeFileSync(path.join(workspace, 'sources', 'doe-2019-freedonia.pdf'), textToPdf(SOURCE_REPORT));
        text = await reportHover(45_000);
      }
      log(`diagnostic hover: ${JSON.stringify(text.slice(0, 300))}`);
      const logs = extensionLogs(path.join(tmp, 'user-data', 'logs'));
      assert.match(logs, /1 source\(s\) read from /, 'the extension log says the report was read');
      assert.doesNotMatch(
        logs,
        /could not read this source|DOMMatrix/,
        'the extension log reports no unreadable source',
      );
      await hideHover(page);
    },
  );

  step(
    `o. time to first diagnostics of a memo opened while the server runs (${OPENS}×)`,
    'o-open-timing',
    async () => {
      const logs = path.join(tmp, 'user-data', 'logs');
      const onScreen = [];
      const published = [];
      const reached = [];
      for (let i = 1; i <= OPENS; i++) {
        // Opened from the Explorer, as step a opens memo.md (a single click: a preview editor).
        await page.keyboard.press('Escape');
        const memo = openedMemo(i);
        const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: memo }).first();
        await row.waitFor({ state: 'visible', timeout: 15_000 });
        const opened = Date.now();
        await row.click();
        // The first squiggle in the editor once it shows the second memo (polled every 50 ms).
        const shownAt = await page.waitForFunction(
          (heading) => {
            const lines = [...document.querySelectorAll('.editor-instance .monaco-editor .view-line')];
            if (!lines.some((l) => l.textContent.replace(/\u00a0/g, ' ').includes(heading))) return false;
            const squiggle = ':is(.squiggly-error, .squiggly-warning, .squiggly-info, .squiggly-hint)';
            return document.querySelector(`.editor-instance .monaco-editor ${squiggle}`) && Date.now();
          },
          SECOND_HEADING,
          { polling: 50, timeout: 60_000 },
        );
        const shown = await shownAt.jsonValue();
        const server = await waitFor(`the server's line for ${memo}`, () => serverOpenToPublish(logs, memo, opened), {
          timeout: 10_000,
          interval: 200,
        }).catch(() => undefined);
        const arrival = await waitFor(
          `the client's line for ${memo}`,
          () => clientDiagnosticsArrival(logs, memo, opened),
          {
            timeout: 5_000,
            interval: 200,
          },
        ).catch(() => undefined);
        onScreen.push(shown - opened);
        if (server) published.push(server.when - opened);
        if (arrival) reached.push(arrival.when - opened);
        const serverSide = server
          ? `the server published ${server.ms} ms after its didOpen, logged ${server.when - opened} ms after the open`
          : 'no line from the server in the extension log';
        const hostSide = arrival ? `; in the extension host ${arrival.when - opened} ms after the open` : '';
        log(`${memo} opened: first diagnostic on screen ${shown - opened} ms after the open; ${serverSide}${hostSide}`);
        // Closed again (the server clears its diagnostics), so that the next opening starts from none.
        await runCommand('View: Close Editor');
        await waitFor(
          `${memo} closed`,
          async () => !(await editorLines(page)).some((l) => l.includes(SECOND_HEADING)),
          { timeout: 15_000 },
        );
      }
      log(
        `memo opened while the server runs, median of ${OPENS}: first diagnostic on screen ${median(onScreen)} ms ` +
          `after the open, publish logged ${published.length ? median(published) : '?'} ms after it, in the ` +
          `extension host ${reached.length ? median(reached) : '?'} ms after it`,
      );
    },
    3 * 60_000,
  );

  step("p. Check Workspace lists a closed memo's findings in Problems", 'p-check-workspace', async () => {
    await runCommand('Policy Lens: Check Workspace');
    await page
      .locator('.notifications-toasts', { hasText: 'Policy Lens checked' })
      .first()
      .waitFor({ state: 'visible', timeout: 60_000 });
    const count = await explorerProblemCount(SECOND_MEMO, 30_000);
    log(`${SECOND_MEMO}, never opened: ${count} problem(s) after Check Workspace`);
  });

  step(
    'r. policyLens.trace.server traces the protocol in the Policy Lens Trace output channel',
    'r-trace',
    async () => {
      // The workspace's settings: VS Code did not notice a change of the user's settings.json after
      // the earlier steps (it did in a run of steps a and r alone); the workspace's files it watches.
      mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
      const settingsFile = path.join(workspace, '.vscode', 'settings.json');
      const settings = { 'policyLens.trace.server': 'off' };
      const logs = path.join(tmp, 'user-data', 'logs');
      // Some traffic: hovering a word asks the server for a hover.
      const hoverWord = async () => {
        const word = await textRect(page, HOVER_WORD);
        if (word) {
          await page.mouse.move(center(word).x - 1, center(word).y);
          await page.mouse.move(center(word).x, center(word).y, { steps: 2 });
        }
        await sleep(700);
        await hideHover(page);
      };
      // VS Code notices a change of settings.json after a moment (more on a loaded machine): line
      // numbers, switched in the same write, show when it has.
      const lineNumbers = () => page.locator('.editor-instance .monaco-editor .line-numbers').count();
      const applied = (what, shown) =>
        waitFor(`settings.json applied (${what})`, async () => (await lineNumbers()) > 0 === shown, {
          timeout: 60_000,
          interval: 500,
        });
      const tracing = { ...settings, 'policyLens.trace.server': 'messages', 'editor.lineNumbers': 'off' };
      writeFileSync(settingsFile, JSON.stringify(tracing, null, 2));
      await applied('trace on', false);
      const traced = await waitFor(
        'protocol messages in the trace channel',
        async () => {
          await hoverWord();
          const text = traceLogs(logs);
          return /(Sending|Received) (request|notification|response) /.test(text) && text;
        },
        { timeout: 30_000, interval: 500 },
      );
      log(`trace: ${JSON.stringify(traced.split('\n').slice(0, 3))}`);
      // Off again: nothing more is traced.
      writeFileSync(settingsFile, JSON.stringify(settings, null, 2));
      await applied('trace off', true);
      await sleep(1_000);
      const before = traceLogs(logs).length;
      await hoverWord();
      await sleep(2_000);
      assert.equal(traceLogs(logs).length, before, 'nothing traced once the setting is off');
    },
  );

  step(
    `n. time to first diagnostics after reloading the window (${RELOADS}×)`,
    'n-reload-timing',
    async () => {
      // Saved first, or leaving the page would ask about unsaved changes.
      await saveAll();
      const samples = [];
      for (let i = 1; i <= RELOADS; i++) {
        const marks = { windowOpen: Date.now() };
        await page.reload();
        await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
        marks.workbenchReady = Date.now();
        await page
          .locator('.editor-instance .monaco-editor .view-line', { hasText: 'Indo-Pacific' })
          .first()
          .waitFor({ timeout: 60_000 });
        marks.memoOpen = Date.now();
        const ms = await timeFirstDiagnostic(`window reload ${i}`, marks);
        if (ms !== undefined) samples.push(ms);
      }
      if (samples.length > 0) {
        log(`first diagnostics after activation, median of ${samples.length} reload(s): ${median(samples)} ms`);
      }
    },
    4 * 60_000,
  );

  step(
    "q. after the reload, Check Workspace's findings for the closed memo are in Problems again",
    'q-check-workspace-restart',
    async () => {
      // The server found them again in the background (Check Workspace ran here before).
      const count = await explorerProblemCount(SECOND_MEMO, 60_000);
      log(`${SECOND_MEMO}, never opened: ${count} problem(s) after the reload`);
      const logs = extensionLogs(path.join(tmp, 'user-data', 'logs'));
      assert.match(logs, /Check Workspace, run here before, ran again on start: \d+ memo\(s\) not open/);
      await page.keyboard.press('Escape');
    },
  );

  step(
    'e. screenshots saved for the README',
    'e-screenshots',
    async () => {
      const missing = SCREENSHOTS.filter((f) => {
        const file = path.join(screenshotDir, f);
        return !existsSync(file) || statSync(file).mtimeMs < t0;
      });
      assert.deepEqual(missing, [], `not written by this run: ${missing.join(', ')} (in ${screenshotDir})`);
    },
    5_000,
  );
});
