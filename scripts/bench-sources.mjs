// Indexing a large sources folder must not block typing. Generates 100 PDFs of 30 pages, starts the
// server on a workspace holding them, and while the worker reads them sends an edit and a hover every
// 25 ms, timing each answer as the client sees it. Prints medians and p99 during and after indexing.
//   node scripts/bench-sources.mjs [--pdfs N] [--pages N]
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import lspModule from 'vscode-languageserver-protocol/node';
const lsp = lspModule;
import { makePdf, wrap } from './lib/pdf.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const pdfCount = arg('--pdfs', 100);
const pageCount = arg('--pages', 30);

const workspace = mkdtempSync(join(tmpdir(), 'policy-lens-bench-sources-'));
mkdirSync(join(workspace, 'sources'));
const regions = ['Pacific', 'Atlantic', 'Arctic', 'Andean', 'Baltic', 'Sahel', 'Mekong', 'Caspian'];
for (let f = 0; f < pdfCount; f++) {
  const pages = [];
  for (let p = 0; p < pageCount; p++) {
    const paragraphs = [];
    for (let k = 0; k < 5; k++) {
      const r = regions[(f + p + k) % regions.length];
      paragraphs.push(
        `The ${r} Council reported in ${2000 + ((f + k) % 24)} that about ${(f * 7 + p * 3 + k) % 100}% of ` +
          `regional exports and ${(p * 11 + k) % 90}% of imports passed through the ${r} Corridor, while ` +
          `${k + 3} of its ${k + 20} member states ratified the ${r} Accord of ${1990 + ((p + k) % 30)}.`,
      );
    }
    pages.push(paragraphs.flatMap((x) => [...wrap(x), '']));
  }
  writeFileSync(
    join(workspace, 'sources', `report-${2000 + (f % 24)}-${f}.pdf`),
    makePdf(pages, {
      Title: `Regional report ${f}`,
      Author: `Author${f} Writer`,
      CreationDate: `D:${2000 + (f % 24)}0101`,
    }),
  );
}
const memo = Array.from(
  { length: 60 },
  (_, i) =>
    `The Pacific Council reported that about ${i}% of regional exports passed through the Pacific Corridor. ` +
    `The OEWG met again.`,
).join('\n\n');

const child = spawn(process.execPath, ['dist/server.js', '--stdio'], {
  env: { ...process.env, XDG_CACHE_HOME: join(workspace, '.cache') },
});
const connection = lsp.createProtocolConnection(
  new lsp.StreamMessageReader(child.stdout),
  new lsp.StreamMessageWriter(child.stdin),
);
let indexingDone = false;
let indexStart = 0;
let indexEnd = 0;
connection.onRequest(lsp.WorkDoneProgressCreateRequest.type, () => null);
connection.onNotification('$/progress', (p) => {
  if (p.value.kind === 'begin') indexStart = performance.now();
  if (p.value.kind === 'end') {
    indexEnd = performance.now();
    indexingDone = true;
  }
});
connection.listen();
const uri = pathToFileURL(join(workspace, 'memo.md')).href;
await connection.sendRequest(lsp.InitializeRequest.type, {
  processId: process.pid,
  rootUri: pathToFileURL(workspace).href,
  workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'w' }],
  capabilities: { window: { workDoneProgress: true } },
  initializationOptions: { settings: { sources: { folder: 'sources' } } },
});
await connection.sendNotification(lsp.InitializedNotification.type, {});
await connection.sendNotification(lsp.DidOpenTextDocumentNotification.type, {
  textDocument: { uri, languageId: 'markdown', version: 1, text: memo },
});

const during = [];
const afterwards = [];
let version = 1;
const started = performance.now();
while (performance.now() - started < 600_000) {
  const bucket = indexingDone ? afterwards : during;
  version++;
  await connection.sendNotification(lsp.DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version },
    contentChanges: [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: version % 2 ? 'x' : '' },
    ],
  });
  const t = performance.now();
  await connection.sendRequest(lsp.HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 110 } });
  bucket.push(performance.now() - t);
  if (indexingDone && afterwards.length >= 200) break;
  await new Promise((r) => setTimeout(r, 25));
}
const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length
    ? `p50 ${s[Math.floor(s.length / 2)].toFixed(2)} ms, p99 ` +
        `${s[Math.min(s.length - 1, Math.floor(s.length * 0.99))].toFixed(2)} ms, max ` +
        `${s[s.length - 1].toFixed(1)} ms (n=${s.length})`
    : 'n/a';
};
console.log(
  `${pdfCount} PDFs x ${pageCount} pages indexed in ${((indexEnd - indexStart) / 1000).toFixed(1)} s (worker thread)`,
);
console.log(`hover after an edit, while indexing: ${stats(during)}`);
console.log(`hover after an edit, after indexing: ${stats(afterwards)}`);
connection.dispose();
child.kill();
rmSync(workspace, { recursive: true, force: true });
