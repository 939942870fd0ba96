/**
 * Bad documents over the protocol (node dist/server.js --stdio; PL_SERVER for another build):
 * an enormous memo (20 MB), binary junk (random bytes decoded as UTF-8), a pathological 5 MB
 * single line, and two documents under the size limit that are expensive to check (a 1.9 MB memo of
 * distinct paragraphs, a 200 KB line that makes a block-prefix regex backtrack).
 *
 * For each, in a server of its own: a small memo is open and checked first; then the bad document
 * is opened and at once a hover and a completion are asked on the small memo. They must be answered
 * within 2 s while the bad document is being processed (the checker must not block the editor's
 * other documents), and diagnostics for the bad document must arrive within a bound, or a clear
 * notice that it was skipped. Prints the figures.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol/node';
import { LspServer, makeTempDir, mb, peakRssOf, prng, rssOf } from './lspClient';

/** The editor's other documents must stay responsive: a hover answered within this. */
const RESPONSIVE_MS = Number(process.env.PL_RESPONSIVE_MS ?? 2000);
/** Diagnostics (or a skip notice) for the bad document within this. */
const HANDLED_MS = 60_000;

const dir = makeTempDir('bad-input');
const smallUri = pathToFileURL(join(dir, 'small.md')).href;
const smallText = 'The OEWG met in New York.\n\nCite [@';

/** A memo of distinct paragraphs (so the per-block cache cannot help), about `size` code units. */
function uniqueMemo(size: number): string {
  const memo = readFileSync(join(process.cwd(), 'examples', 'memo.md'), 'utf8').replace(/^---[\s\S]*?\n---\n/, '');
  const parts: string[] = [];
  let length = 0;
  let n = 0;
  while (length < size) {
    const copy = memo.replace(/\n\n/g, () => ` Section ${++n}.\n\n`);
    parts.push(copy);
    length += copy.length;
  }
  return parts.join('').slice(0, size);
}

function binaryJunk(bytes: number): string {
  const rand = prng(7);
  const buffer = Buffer.alloc(bytes);
  for (let i = 0; i < bytes; i++) buffer[i] = Math.floor(rand() * 256);
  return buffer.toString('utf8');
}

function hoverText(hover: unknown): string {
  const h = hover as Hover | null;
  if (!h) return '';
  const c = h.contents;
  return typeof c === 'string'
    ? c
    : Array.isArray(c)
      ? c.map((p) => (typeof p === 'string' ? p : p.value)).join('\n')
      : (c as MarkupContent).value;
}

interface BadDocument {
  name: string;
  file: string;
  make: () => string;
}

const badDocuments: BadDocument[] = [
  {
    name: 'an enormous memo (20 MB of real memo paragraphs)',
    file: 'enormous.md',
    make: () => uniqueMemo(20 * 1024 * 1024),
  },
  {
    name: 'binary junk (512 KB of random bytes decoded as UTF-8, NULs and all)',
    file: 'junk.md',
    make: () => binaryJunk(512 * 1024),
  },
  {
    name: 'a pathological single line of 5 MB',
    file: 'line.md',
    make: () => `# a${' '.repeat(2_500_000)}${'#'.repeat(2_500_000)}x`,
  },
  {
    name: 'a 1.9 MB memo of distinct paragraphs (under the 2 MB size limit)',
    file: 'large.md',
    make: () => uniqueMemo(1_900_000),
  },
  {
    name: 'a 200 KB pathological line under the size limit ("# a", spaces, "#"s, "x")',
    file: 'heading.md',
    make: () => `# a${' '.repeat(100_000)}${'#'.repeat(100_000)}x`,
  },
];

describe('bad documents over stdio: each is handled within a bound and never blocks another document', () => {
  const servers: LspServer[] = [];
  after(async () => {
    await Promise.all(servers.map((s) => s.dispose()));
    rmSync(dir, { recursive: true, force: true });
  });

  for (const bad of badDocuments) {
    test(bad.name, { timeout: 120_000 }, async () => {
      const server = new LspServer();
      servers.push(server);
      await server.initialize({});
      await server.open(smallUri, smallText, 1);
      await server.waitForDiagnostics((p) => p.uri === smallUri, 'diagnostics for the small memo', 30_000);
      const text = bad.make();
      const uri = pathToFileURL(join(dir, bad.file)).href;
      const since = server.notifications.length;
      const start = performance.now();
      await server.open(uri, text, 1);
      const written = performance.now();

      // The small memo, while the bad one is being read and checked.
      const oewg = { line: 0, character: 5 };
      let hover: { result: unknown; ms: number };
      try {
        hover = await server.hover(smallUri, oewg, RESPONSIVE_MS);
      } catch (e) {
        assert.fail(
          `${bad.name}: a hover on another, small document was not answered within ${RESPONSIVE_MS} ms while ` +
            `this one was being processed (${(e as Error).message})`,
        );
      }
      const completion = await server
        .completion(smallUri, { line: 2, character: 7 }, RESPONSIVE_MS)
        .catch((e: Error) => assert.fail(`${bad.name}: completion on the small document: ${e.message}`));
      assert.match(hoverText(hover.result), /Open-Ended Working Group/, 'the hover on the small memo is the real one');
      assert.ok(
        Array.isArray(completion.result) ? completion.result.length > 0 : completion.result !== null,
        'completion on the small memo offers sources',
      );

      const published = await server
        .waitForDiagnostics((p) => p.uri === uri, `diagnostics (or a skip notice) for ${bad.file}`, HANDLED_MS, since)
        .catch((e: Error) => assert.fail(`${bad.name}: ${e.message}`));
      const handled = performance.now();
      const notices = server.messages.slice(0).filter((m) => m.includes(bad.file) || /large|skip|not checked/i.test(m));
      const codes = [...new Set(published.diagnostics.map((d) => String(d.code)))];
      const messages = published.diagnostics.map((d) => d.message);
      const quotedMessages = messages.length > 0 && messages.length < 3 ? ` "${messages.join('" "')}"` : '';
      console.log(
        `${bad.name}: ${text.length} code units; written in ${(written - start).toFixed(0)} ms; small-memo ` +
          `hover ${hover.ms.toFixed(0)} ms, completion ${completion.ms.toFixed(0)} ms; ` +
          `diagnostics after ${(handled - start).toFixed(0)} ms: ${published.diagnostics.length} ` +
          `(${codes.join(', ') || 'none'})` +
          `${quotedMessages}; ` +
          `server RSS ${mb(rssOf(server.pid))} (peak ` +
          `${mb(peakRssOf(server.pid))})${notices.length ? `; notices: ${notices.join(' | ')}` : ''}`,
      );
      // Skipped documents say so: a diagnostic or a message that explains why.
      const checkCodes = new Set([
        'contradiction',
        'citation-mismatch',
        'unknown-citation',
        'missing-citation',
        'undefined-acronym',
      ]);
      for (const d of published.diagnostics.filter((x) => !checkCodes.has(String(x.code)))) {
        assert.ok(
          typeof d.message === 'string' && d.message.length > 20,
          `a notice diagnostic explains itself: ${JSON.stringify(d)}`,
        );
      }
      if (text.length > 10_000_000) {
        assert.ok(
          published.diagnostics.length > 0 || notices.length > 0,
          `${bad.name}: real findings or a clear notice that it was not checked`,
        );
      }

      // And the small memo still gets fresh diagnostics quickly after an edit.
      const editSince = server.notifications.length;
      const editStart = performance.now();
      await server.change(smallUri, 2, [
        {
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          text: "Nearly 90% of Korea's total exports go to the Indo-Pacific. ",
        },
      ]);
      const after = await server.waitForDiagnostics(
        (p) => p.uri === smallUri && p.version === 2,
        'diagnostics for the edited small memo',
        30_000,
        editSince,
      );
      const editMs = performance.now() - editStart;
      assert.ok(
        after.diagnostics.some((d) => d.code === 'contradiction'),
        'the small memo is checked after the edit',
      );
      assert.ok(
        editMs < RESPONSIVE_MS,
        `${bad.name}: an edit to the small memo was checked after ${editMs.toFixed(0)} ms (bound ` +
          `${RESPONSIVE_MS} ms): the open bad document is rechecked with it`,
      );
      assert.equal(server.exitInfo, undefined, `the server is still running; stderr:\n${server.stderr.slice(-2000)}`);
      await server.dispose();
    });
  }
});
