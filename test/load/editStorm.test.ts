/**
 * Load over the protocol, against `node dist/server.js --stdio` (PL_SERVER for another build):
 * an edit storm of 10,000 incremental didChange notifications sent as fast as the pipe takes them,
 * with hovers and completions interleaved and some requests cancelled ($/cancelRequest) while in
 * flight. Asserts that
 *  - every request is answered (a cancelled one may be answered with RequestCancelled, -32800),
 *    each within a liveness bound;
 *  - the diagnostics published for the final version equal a fresh check of the final text (a
 *    second server that only ever saw the final text);
 *  - resident memory (VmRSS of the child, from /proc) stays flat: growth between the 2,000th and the
 *    10,000th edit under 50 MB.
 * Edits go in bursts of 500 between barriers (a hover the server answers only after applying
 * every earlier edit), so the backlog stays bounded while the storm runs as fast as the server checks.
 * Prints edits/s, request latency p50/p99 and RSS figures. No assertion on speed.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PublishDiagnosticsParams, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol/node';
import { LspServer, makeTempDir, mb, percentile, positionAt, prng, rssOf } from './lspClient';

/** User + system CPU seconds of a process so far (Linux /proc). */
function cpuSeconds(pid: number): string {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
      .replace(/^.*\) /, '')
      .split(' ');
    return `${((Number(fields[11]) + Number(fields[12])) / 100).toFixed(1)} s`;
  } catch {
    return 'n/a';
  }
}

const EDITS = Number(process.env.PL_STORM_EDITS ?? 10_000);
const SAMPLE_FROM = Math.min(2000, Math.floor(EDITS / 5));
const MAX_GROWTH = 50 * 1048576;
/** Liveness: any one request answered within this (queued behind thousands of edits). */
const REQUEST_BOUND_MS = 10_000;
/** Edits sent between two barriers. */
const BURST = 500;

const snippets = [
  'The OEWG met. ',
  "Nearly 90% of Korea's total exports go to the Indo-Pacific. ",
  'Samsung does not advocate for Open RAN. ',
  ' [@kim2023]',
  ' [@',
  '[@nokey]',
  '😀',
  '한국',
  '\n',
  '\n\n',
  '**',
  '`',
  'e\u0301',
  '\u200b',
];

describe('edit storm over stdio: 10,000 incremental edits with hovers, completions and cancellations', () => {
  let dir: string;
  let server: LspServer;
  let reference: LspServer | undefined;
  let uri: string;
  let text: string;

  before(async () => {
    dir = makeTempDir('storm');
    uri = pathToFileURL(join(dir, 'memo.md')).href;
    // A realistic memo: the repository's example, front matter, headings, citations and all.
    text = readFileSync(join(process.cwd(), 'examples', 'memo.md'), 'utf8');
    server = new LspServer();
    await server.initialize({});
    await server.open(uri, text, 1);
    await server.waitForDiagnostics((p) => p.uri === uri && p.version === 1, 'diagnostics for the opened memo', 30_000);
  });

  after(async () => {
    await server?.dispose();
    await reference?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test(
    'answers every request, publishes final diagnostics equal to a fresh check, and memory stays flat',
    { timeout: 240_000 },
    async () => {
      const rand = prng(20261122);
      let version = 1;
      let cursor = text.indexOf('## Economic stakes');
      const pending: Promise<void>[] = [];
      const latencies: number[] = [];
      const drains: number[] = [];
      const outcomes = { answered: 0, cancelledAnswered: 0, cancelledRejected: 0 };
      const failures: string[] = [];
      const rss: { edit: number; bytes: number | undefined }[] = [{ edit: 0, bytes: rssOf(server.pid) }];
      const writes: Promise<void>[] = [];
      const start = performance.now();

      // Keeps offsets on code point boundaries so edits look like an editor's.
      const align = (o: number): number => {
        let x = Math.max(0, Math.min(text.length, o));
        while (x > 0 && x < text.length && /[\udc00-\udfff]/.test(text[x]) && /[\ud800-\udbff]/.test(text[x - 1])) x--;
        return x;
      };

      for (let i = 1; i <= EDITS; i++) {
        const r = rand();
        let from = cursor;
        let to = cursor;
        let insert = '';
        if (r < 0.6) insert = 'abcdefghijklmnopqrstuvwxyz .,'[Math.floor(rand() * 29)];
        else if (r < 0.75) from = align(cursor - 1 - Math.floor(rand() * 3));
        else if (r < 0.87) insert = snippets[Math.floor(rand() * snippets.length)];
        else if (r < 0.95) {
          cursor = align(Math.floor(rand() * (text.length + 1)));
          from = to = cursor;
          insert = 'x';
        } else {
          from = align(Math.floor(rand() * text.length));
          to = align(Math.min(text.length, from + Math.floor(rand() * 40)));
        }
        // Keep the memo about its original size (3-5 KB): past 5,000 code units, cut the last 1,500.
        if (text.length > 5000) {
          from = align(text.length - 1500);
          to = text.length;
          insert = '';
        }
        const change: TextDocumentContentChangeEvent = {
          range: { start: positionAt(text, from), end: positionAt(text, to) },
          text: insert,
        };
        text = text.slice(0, from) + insert + text.slice(to);
        cursor = from + insert.length;
        version++;
        writes.push(server.change(uri, version, [change]));

        const at = positionAt(text, cursor);
        const track = (
          kind: string,
          p: Promise<{ ms: number; error?: { code?: number; message: string } }>,
          cancelled = false,
        ): void => {
          pending.push(
            p.then(
              (res) => {
                if (res.error) {
                  if (cancelled && res.error.code === -32800) outcomes.cancelledRejected++;
                  else failures.push(`${kind} at edit ${i}: error ${res.error.code} ${res.error.message}`);
                } else if (cancelled) outcomes.cancelledAnswered++;
                else {
                  outcomes.answered++;
                  latencies.push(res.ms);
                }
              },
              (e: Error) => void failures.push(`${kind} at edit ${i}: ${e.message}`),
            ),
          );
        };
        if (i % 25 === 0) track('hover', server.hover(uri, at, REQUEST_BOUND_MS));
        if (i % 40 === 0) track('completion', server.completion(uri, at, REQUEST_BOUND_MS));
        if (i % 97 === 0) track('cancelled hover', server.cancelledHover(uri, at, REQUEST_BOUND_MS), true);
        if (i % 200 === 0) {
          await Promise.all(writes.splice(0));
          await new Promise((resolve) => setImmediate(resolve));
        }
        // A barrier every 500 edits: the server handles messages in order, so this hover is answered
        // after every edit so far has been applied. It bounds the backlog (the storm still runs as
        // fast as the server checks) and is when the child's resident memory is sampled.
        if (i % BURST === 0 || i === SAMPLE_FROM || i === EDITS) {
          await Promise.all(writes.splice(0));
          const barrier = await server.hover(uri, at, 60_000);
          drains.push(barrier.ms);
          if (i === SAMPLE_FROM || i % 2000 === 0 || i === EDITS) rss.push({ edit: i, bytes: rssOf(server.pid) });
        }
      }
      const sent = performance.now();
      const finalVersion = version;
      const final = await server.waitForDiagnostics(
        (p) => p.uri === uri && p.version === finalVersion,
        `diagnostics for the final version ${finalVersion}`,
        60_000,
      );
      const done = performance.now();
      await Promise.all(pending);

      const at = (edit: number): number | undefined => rss.find((s) => s.edit === edit)?.bytes;
      const published = server.diagnostics.filter((p) => p.uri === uri).length;
      console.log(
        [
          `edit storm: ${EDITS} edits sent in ${((sent - start) / 1000).toFixed(2)} s, final diagnostics ` +
            `after ${((done - start) / 1000).toFixed(2)} s: ${(EDITS / ((done - start) / 1000)).toFixed(0)} ` +
            `edits/s`,
          `  publishDiagnostics for the memo: ${published} (of ${EDITS + 1} versions); final text ` +
            `${text.length} code units, ${final.diagnostics.length} diagnostics`,
          `  requests: ${outcomes.answered} answered; cancelled: ${outcomes.cancelledAnswered} answered ` +
            `anyway, ${outcomes.cancelledRejected} answered with -32800`,
          `  request latency (hover/completion sent mid-burst, queued behind up to ${BURST} edits): p50 ` +
            `${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, max ` +
            `${Math.max(...latencies).toFixed(1)} ms`,
          `  time to drain a burst of ${BURST} edits (barrier hover): p50 ` +
            `${percentile(drains, 50).toFixed(0)} ms, max ${Math.max(...drains).toFixed(0)} ms`,
          `  server CPU time: ${cpuSeconds(server.pid)}`,
          `  server RSS: start ${mb(at(0))}, at edit ${SAMPLE_FROM} ${mb(at(SAMPLE_FROM))}, at edit ${EDITS} ` +
            `${mb(at(EDITS))}; samples ${rss.map((s) => `${s.edit}:${mb(s.bytes)}`).join(', ')}`,
        ].join('\n'),
      );

      assert.deepEqual(failures, [], 'every request is answered (cancelled ones with a result or with -32800)');
      assert.ok(outcomes.answered > EDITS / 25, `hovers and completions were answered: ${outcomes.answered}`);

      // A fresh check of the final text by a server that never saw the edits.
      reference = new LspServer();
      await reference.initialize({});
      await reference.open(uri, text, 1);
      const fresh: PublishDiagnosticsParams = await reference.waitForDiagnostics(
        (p) => p.uri === uri && p.version === 1,
        'fresh diagnostics of the final text',
        30_000,
      );
      assert.deepEqual(
        final.diagnostics,
        fresh.diagnostics,
        'the final diagnostics after the storm equal a fresh check of the final text',
      );

      const first = at(SAMPLE_FROM);
      const last = at(EDITS);
      if (first !== undefined && last !== undefined) {
        assert.ok(
          last - first < MAX_GROWTH,
          `RSS grew ${mb(last - first)} between edit ${SAMPLE_FROM} and edit ${EDITS} (limit ${mb(MAX_GROWTH)})`,
        );
      }
      assert.equal(server.exitInfo, undefined, `the server is still running; stderr:\n${server.stderr.slice(-2000)}`);
    },
  );
});
