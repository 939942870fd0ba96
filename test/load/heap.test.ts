/**
 * Memory over many edits: cached blocks of a long memo must not keep old versions of the memo
 * alive (a slice of a string is a view into it). A memo of about 200,000 characters (the example
 * memo's paragraphs, numbered so none repeats) gets 100 edits, each a sentence inserted at the
 * start of a paragraph (a full re-parse each time, the other blocks reused), and the heap after a
 * forced GC must stay within a few MB of the heap after the first check.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentAnalyzer } from '../../server/src/engine/analysis';
import { PolicyLensService } from '../../server/src/features/languageService';
import { loadKnowledgeFolders } from '../../server/src/node/knowledgeFiles';

const EDITS = 100;
/** Growth allowed over EDITS edits; the old code grew about 0.15 MB an edit here (15 MB). */
const MAX_GROWTH_MB = 6;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapMb = (): number => {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1048576;
};

describe('heap over many edits of a long memo', () => {
  const name = `${EDITS} paragraph edits of a 200,000-character memo: heap growth under ${MAX_GROWTH_MB} MB`;
  test(name, { timeout: 120_000 }, () => {
    const kb = loadKnowledgeFolders([], true).kb;
    const example = readFileSync(join(process.cwd(), 'examples', 'memo.md'), 'utf8').replace(/^---[\s\S]*?\n---\n/, '');
    let text = '';
    for (let copy = 1; text.length < 200_000; copy++) text += example.replace(/\n\n/g, () => ` Part ${copy}.\n\n`);
    const service = new PolicyLensService(kb);
    let document = TextDocument.create('file:///heap/memo.md', 'markdown', 1, text);
    service.diagnostics(document);
    const fresh = heapMb();
    for (let edit = 1; edit <= EDITS; edit++) {
      const current = document.getText();
      const breaks: number[] = [];
      for (let i = current.indexOf('\n\n'); i >= 0; i = current.indexOf('\n\n', i + 2)) breaks.push(i + 2);
      const at = document.positionAt(breaks[(edit * 7919) % breaks.length]);
      const change = { range: { start: at, end: at }, text: `Edit ${edit} adds a sentence here. ` };
      document = TextDocument.update(document, [change], edit + 1);
      service.diagnostics(document);
    }
    const after = heapMb();
    // The service is used after the measurement, or V8 may collect it (and its caches) before.
    assert.ok(service.diagnostics(document).length > 0);
    const memo = `memo of ${text.length} code units`;
    console.log(`heap: ${fresh.toFixed(1)} MB at first, ${after.toFixed(1)} MB after ${EDITS} edits`, memo);
    assert.ok(after - fresh < MAX_GROWTH_MB, `heap grew ${(after - fresh).toFixed(1)} MB over ${EDITS} edits`);
  });
});

describe('heap over overtaken checks of a long memo', () => {
  // A check overtaken by the next keystroke leaves the blocks it finished in the cache until a
  // check completes: those must not hold on to the version of the memo they were cut from.
  const name = `${EDITS} overtaken checks of a 200,000-character memo: heap growth under ${MAX_GROWTH_MB} MB`;
  test(name, { timeout: 120_000 }, () => {
    const kb = loadKnowledgeFolders([], true).kb;
    const example = readFileSync(join(process.cwd(), 'examples', 'memo.md'), 'utf8').replace(/^---[\s\S]*?\n---\n/, '');
    let text = '';
    for (let copy = 1; text.length < 200_000; copy++) text += example.replace(/\n\n/g, () => ` Part ${copy}.\n\n`);
    const analyzer = new DocumentAnalyzer();
    analyzer.analyze(text, kb);
    const fresh = heapMb();
    for (let edit = 1; edit <= EDITS; edit++) {
      // A new first paragraph each time: the check stops once it has read that block.
      const steps = analyzer.analyzeInSlices(`Edit ${edit} adds a paragraph here.\n\n${text}`, kb, 'markdown', 0);
      steps.next();
      steps.next();
    }
    const after = heapMb();
    assert.ok(analyzer.analyze(text, kb).sentences.length > 0);
    console.log(`heap: ${fresh.toFixed(1)} MB at first, ${after.toFixed(1)} MB after ${EDITS} overtaken checks`);
    assert.ok(
      after - fresh < MAX_GROWTH_MB,
      `heap grew ${(after - fresh).toFixed(1)} MB over ${EDITS} overtaken checks`,
    );
  });
});
