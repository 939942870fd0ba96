/**
 * Property-based tests (fast-check) of the language service with the BUNDLED knowledge base, so
 * that real claims fire, on random Markdown and Unicode (CRLF and lone CR, tabs, emoji and other
 * surrogate pairs, ZWJ sequences, CJK, right-to-left and zero-width characters, very long lines)
 * mixed with memo sentences that trigger contradictions, citations and acronym hints.
 *
 * Invariants:
 *  - nothing throws (diagnostics, hover, completion, code actions);
 *  - every range (diagnostic, hover, completion edit, quick-fix edit) lies inside the document,
 *    start <= end, in UTF-16 code units as LSP requires, and never splits a surrogate pair;
 *  - the text under a contradiction's range is `data.written` (what the message quotes and the
 *    quick fix checks before replacing);
 *  - diagnostics after a series of incremental edits (TextDocument.update on one document, checked
 *    after each edit, so the per-block cache is exercised) equal a fresh check of the final text;
 *  - each quick fix changes only text inside its diagnostic's range (or inserts inside/at its end).
 *
 * Runs: PL_FC_RUNS (default 100) per property; PL_FC_SEED to replay a failure (fast-check prints
 * the seed and path of a counterexample).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import * as fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { frontMatterOf } from '../../server/src/engine/markdown/frontMatter';
import { inThreadRenderer } from '../../server/src/features/csl';
import { cslResources } from '../../server/src/node/cslFiles';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  CodeAction,
  Diagnostic,
  DiagnosticRelatedInformation,
  Position,
  Range,
  TextEdit,
} from 'vscode-languageserver-types';
import { type KnowledgeBase } from '../../server/src/knowledge/knowledgeBase';
import { loadKnowledgeFolders } from '../../server/src/node/knowledgeFiles';
import { PolicyLensService } from '../../server/src/features/languageService';
import { type EditSpec, editSpecArb, memoArb, memoSentences, probeArb } from './memoArbitraries';

const RUNS = Number(process.env.PL_FC_RUNS ?? 100);
const SEED = process.env.PL_FC_SEED === undefined ? undefined : Number(process.env.PL_FC_SEED);
const params = (numRuns = RUNS): fc.Parameters<unknown> => ({
  numRuns,
  ...(SEED === undefined ? {} : { seed: SEED }),
  includeErrorInReport: true,
});
const T = { timeout: 60_000 };

// The bundled knowledge, read from the repository (paths resolve from the repo root, process.cwd()).
let kbCache: KnowledgeBase | undefined;
function bundledKb(): KnowledgeBase {
  kbCache ??= loadKnowledgeFolders([join(process.cwd(), 'knowledge')], false).kb;
  return kbCache;
}
let uriCounter = 0;
function freshDoc(text: string): TextDocument {
  return TextDocument.create(`file:///property/memo-${++uriCounter}.md`, 'markdown', 1, text);
}
let renderer: ReturnType<typeof inThreadRenderer> | undefined;
function freshService(): PolicyLensService {
  const service = new PolicyLensService(bundledKb());
  // One CSL processor for every run: its engines are compiled once.
  service.setRenderer((renderer ??= inThreadRenderer(cslResources())));
  return service;
}

// ---------------------------------------------------------------------------------------------
// Independent geometry: LSP lines end at \r\n, \r or \n; characters are UTF-16 code units.

interface Lines {
  starts: number[];
  /** Offset of each line's end, before its line break. */
  ends: number[];
}

function lineTable(text: string): Lines {
  const starts = [0];
  const ends: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 || c === 10) {
      ends.push(i);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  ends.push(text.length);
  return { starts, ends };
}

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;
/** True when `offset` falls between the two halves of a surrogate pair. */
function splitsPair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset));
}
/** True when `offset` falls between the \r and \n of a CRLF. */
function splitsCrlf(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && text.charCodeAt(offset - 1) === 13 && text.charCodeAt(offset) === 10;
}

/** A diagnostic's message as text (LSP 3.18 allows MarkupContent). */
function messageOf(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

function fail(message: string, text: string): never {
  assert.fail(
    `${message}\n  document (${text.length} code units): ` +
      `${JSON.stringify(text.length > 600 ? text.slice(0, 600) + '…' : text)}`,
  );
}

/** The offset of a position, after checking that the position exists in the document. */
function offsetOf(text: string, lines: Lines, p: Position, what: string): number {
  if (!Number.isInteger(p.line) || !Number.isInteger(p.character) || p.line < 0 || p.character < 0) {
    fail(`${what}: malformed position ${JSON.stringify(p)}`, text);
  }
  if (p.line >= lines.starts.length) {
    fail(`${what}: line ${p.line} is past the last line (${lines.starts.length - 1})`, text);
  }
  const length = lines.ends[p.line] - lines.starts[p.line];
  if (p.character > length) {
    fail(`${what}: character ${p.character} is past the end of line ${p.line} (length ${length})`, text);
  }
  return lines.starts[p.line] + p.character;
}

/** Checks a range lies inside the document with start <= end; returns its offsets. */
function checkRange(text: string, lines: Lines, r: Range, what: string): [number, number] {
  const start = offsetOf(text, lines, r.start, `${what} start`);
  const end = offsetOf(text, lines, r.end, `${what} end`);
  if (start > end) fail(`${what}: start ${JSON.stringify(r.start)} is after end ${JSON.stringify(r.end)}`, text);
  return [start, end];
}

function checkNoSplit(text: string, lines: Lines, r: Range, what: string): void {
  const [start, end] = checkRange(text, lines, r, what);
  for (const [o, side] of [
    [start, 'start'],
    [end, 'end'],
  ] as const) {
    if (splitsPair(text, o)) {
      fail(
        `${what}: range ${side} (offset ${o}) splits a surrogate pair; range text ` +
          `${JSON.stringify(text.slice(start, end))}`,
        text,
      );
    }
  }
}

/** Code-point-aligned offset nearest to `fraction` of the text, never inside a CRLF. */
function pointAt(text: string, fraction: number): number {
  let o = Math.min(text.length, Math.floor(fraction * (text.length + 1)));
  while (o > 0 && (splitsPair(text, o) || splitsCrlf(text, o))) o--;
  return o;
}

function actionEdits(action: CodeAction, uri: string): TextEdit[] {
  const changes = action.edit?.changes ?? {};
  for (const key of Object.keys(changes)) {
    assert.equal(key, uri, `quick fix "${action.title}" edits only the document it was asked about`);
  }
  const edits = [...(changes[uri] ?? [])];
  for (const change of action.edit?.documentChanges ?? []) {
    if ('textDocument' in change) {
      assert.equal(change.textDocument.uri, uri);
      edits.push(...(change.edits as TextEdit[]));
    } else assert.fail(`quick fix "${action.title}" creates, renames or deletes files: ${JSON.stringify(change)}`);
  }
  return edits;
}

/** Every feature of the service on one document; returns what it produced for further checks. */
async function exercise(service: PolicyLensService, document: TextDocument, probes: number[]) {
  const text = document.getText();
  const diagnostics = service.diagnostics(document);
  const actions = service.codeActions(document, diagnostics);
  const hoverPromises = probes.map((f) => {
    const position = document.positionAt(pointAt(text, f));
    return { position, hover: service.hover(document, position) };
  });
  const hovers = await Promise.all(hoverPromises.map(async (h) => ({ position: h.position, hover: await h.hover })));
  const completions = probes.slice(0, 4).map((f) => {
    const position = document.positionAt(pointAt(text, f));
    return { position, items: service.completion(document, position)?.items ?? [] };
  });
  return { text, diagnostics, actions, hovers, completions };
}

/** All ranges the service returned, labelled. */
function rangesOf(result: Awaited<ReturnType<typeof exercise>>, uri: string): [Range, string][] {
  const out: [Range, string][] = [];
  for (const d of result.diagnostics) out.push([d.range, `diagnostic ${String(d.code)} "${messageOf(d)}"`]);
  for (const { position, hover } of result.hovers) {
    if (hover?.range) out.push([hover.range, `hover at ${JSON.stringify(position)}`]);
  }
  for (const { position, items } of result.completions) {
    for (const item of items) {
      const edit = item.textEdit;
      if (edit && 'range' in edit) out.push([edit.range, `completion ${item.label} at ${JSON.stringify(position)}`]);
      else if (edit) {
        out.push(
          [edit.replace, `completion ${item.label} (replace) at ${JSON.stringify(position)}`],
          [edit.insert, `completion ${item.label} (insert)`],
        );
      }
    }
  }
  for (const action of result.actions) {
    for (const e of actionEdits(action, uri)) out.push([e.range, `quick fix "${action.title}"`]);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

describe('property: the language service on random memos (bundled knowledge)', () => {
  test('sanity: the bundled knowledge loads and the memo sentences make real claims fire', T, () => {
    const kb = bundledKb();
    assert.ok(
      kb.claims.length > 0 && kb.sources.size > 0 && kb.terms.length > 0,
      `bundled knowledge: ${kb.sources.size} sources, ${kb.terms.length} terms, ${kb.claims.length} claims`,
    );
    const document = freshDoc(memoSentences.join('\n\n'));
    const codes = new Set(
      freshService()
        .diagnostics(document)
        .map((d) => d.code),
    );
    for (const code of ['contradiction', 'unknown-citation', 'undefined-acronym']) {
      assert.ok(codes.has(code), `the sentence pool triggers ${code}: got ${[...codes].join(', ')}`);
    }
  });

  test('nothing throws, and every range lies inside the document with start <= end', T, async () => {
    await fc.assert(
      fc.asyncProperty(memoArb, probeArb, async (text, probes) => {
        const document = freshDoc(text);
        const result = await exercise(freshService(), document, probes);
        const lines = lineTable(text);
        for (const [range, what] of rangesOf(result, document.uri)) checkRange(text, lines, range, what);
        for (const { hover } of result.hovers) {
          if (!hover) continue;
          const c = hover.contents;
          const value =
            typeof c === 'string'
              ? c
              : Array.isArray(c)
                ? c.map((p) => (typeof p === 'string' ? p : p.value)).join('')
                : c.value;
          assert.ok(value.trim().length > 0, 'a hover has content');
        }
        for (const d of result.diagnostics) {
          const m = messageOf(d);
          assert.ok(m.length > 0 && !m.includes('undefined') && !m.includes('[object'), `readable message: ${m}`);
        }
      }),
      params(),
    );
  });

  test('no range splits a surrogate pair (positions are UTF-16 code units on code point boundaries)', T, async () => {
    await fc.assert(
      fc.asyncProperty(memoArb, probeArb, async (text, probes) => {
        const document = freshDoc(text);
        const result = await exercise(freshService(), document, probes);
        const lines = lineTable(text);
        for (const [range, what] of rangesOf(result, document.uri)) checkNoSplit(text, lines, range, what);
      }),
      params(),
    );
  });

  test('the text under a contradiction range is data.written, and the other codes name what they cover', T, () => {
    fc.assert(
      fc.property(memoArb, (text) => {
        const document = freshDoc(text);
        for (const d of freshService().diagnostics(document)) {
          const under = document.getText(d.range);
          const data = (d.data ?? {}) as Record<string, unknown>;
          if (d.code === 'contradiction' && typeof data.written === 'string') {
            assert.equal(
              under,
              data.written,
              `contradiction "${messageOf(d)}": the range covers ${JSON.stringify(under)} but data.written is ` +
                `${JSON.stringify(data.written)}\n  document: ${JSON.stringify(text.slice(0, 400))}`,
            );
          }
          if (d.code === 'unknown-citation') {
            assert.equal(
              under,
              data.key,
              `unknown-citation range covers the key: ${JSON.stringify(under)} vs ${JSON.stringify(data.key)}`,
            );
          }
          if (d.code === 'undefined-acronym') {
            assert.ok(
              messageOf(d).startsWith(`${under} is not expanded`),
              `undefined-acronym range ${JSON.stringify(under)} is the acronym of "${messageOf(d)}"`,
            );
          }
        }
      }),
      params(),
    );
  });

  test('diagnostics after random incremental edits equal a fresh check of the final text', T, () => {
    fc.assert(
      fc.property(
        memoArb,
        fc.array(fc.array(editSpecArb, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 25 }),
        probeArb,
        (initial, batches, probes) => {
          const service = freshService();
          let document = freshDoc(initial);
          let shadow = initial;
          service.diagnostics(document);
          for (const batch of batches) {
            // One didChange with 1..3 content changes, applied in order, each against the text the previous one left.
            const changes: { range: Range; text: string }[] = [];
            let working = TextDocument.create(document.uri, 'markdown', document.version, shadow);
            for (const spec of batch) {
              const { start, end } = resolveEdit(shadow, spec);
              changes.push({
                range: { start: working.positionAt(start), end: working.positionAt(end) },
                text: spec.text,
              });
              shadow = shadow.slice(0, start) + spec.text + shadow.slice(end);
              working = TextDocument.create(document.uri, 'markdown', document.version, shadow);
            }
            document = TextDocument.update(document, changes, document.version + 1);
            assert.equal(document.getText(), shadow, 'the test applies edits the way TextDocument does');
            service.diagnostics(document);
            // Interleave the other requests an editor sends while typing.
            const p = document.positionAt(pointAt(shadow, probes[batches.indexOf(batch) % probes.length]));
            service.hover(document, p);
            service.completion(document, p);
          }
          // An inconsistency links its earlier mention by the document's URI, which differs between the two.
          const sameUri = (ds: Diagnostic[]): Diagnostic[] =>
            ds.map((d) =>
              d.relatedInformation
                ? {
                    ...d,
                    relatedInformation: d.relatedInformation.map((r) => ({
                      ...r,
                      location: { ...r.location, uri: '' },
                    })),
                  }
                : d,
            );
          const incremental = sameUri(service.diagnostics(document));
          const fresh = sameUri(freshService().diagnostics(freshDoc(shadow)));
          assert.deepEqual(
            incremental,
            fresh,
            `incremental and fresh diagnostics differ for the final text ${JSON.stringify(shadow.slice(0, 400))}`,
          );
        },
      ),
      params(Math.max(20, Math.floor(RUNS / 2))),
    );
  });

  test('each quick fix changes only text inside its diagnostic range (or inserts inside it / at its end)', T, () => {
    fc.assert(
      fc.property(memoArb, (text) => {
        const document = freshDoc(text);
        const service = freshService();
        const lines = lineTable(text);
        for (const d of service.diagnostics(document)) {
          const [dStart, dEnd] = checkRange(text, lines, d.range, `diagnostic ${String(d.code)}`);
          for (const action of service.codeActions(document, [d])) {
            assert.equal(action.kind, 'quickfix');
            const edits = actionEdits(action, document.uri);
            assert.ok(edits.length > 0, `quick fix "${action.title}" has an edit`);
            // The one fix that writes outside the finding: comment lines, and nothing else.
            if (action.title === 'Ignore this finding') {
              checkIgnoreEdits(document, edits);
              continue;
            }
            const spans = edits
              .map((e) => checkRange(text, lines, e.range, `quick fix "${action.title}"`))
              .sort((a, b) => a[0] - b[0]);
            // An inconsistency's fix may instead change its earlier mention, which it links (relatedInformation).
            const related = (d.relatedInformation ?? [])
              .filter((r) => r.location.uri === document.uri)
              .map((r) => checkRange(text, lines, r.location.range, `related information of ${String(d.code)}`));
            const insideDiagnostic = spans.every(([s, e]) => dStart <= s && e <= dEnd);
            const [aStart, aEnd] = insideDiagnostic
              ? [dStart, dEnd]
              : (related.find(([rs, re]) => spans.every(([s, e]) => rs <= s && e <= re)) ?? [dStart, dEnd]);
            for (const [s, e] of spans) {
              assert.ok(
                aStart <= s && e <= aEnd,
                `quick fix "${action.title}" edits [${s}, ${e}) outside its diagnostic [${dStart}, ${dEnd}) ` +
                  `${JSON.stringify(text.slice(dStart, dEnd))}`,
              );
            }
            for (let i = 1; i < spans.length; i++) {
              assert.ok(spans[i - 1][1] <= spans[i][0], `quick fix "${action.title}" has overlapping edits`);
            }
            const after = TextDocument.applyEdits(document, edits);
            const tail = text.length - aEnd;
            assert.equal(
              after.slice(0, aStart),
              text.slice(0, aStart),
              `quick fix "${action.title}" keeps the text before the diagnostic`,
            );
            assert.equal(
              after.slice(after.length - tail),
              text.slice(aEnd),
              `quick fix "${action.title}" keeps the text after the diagnostic`,
            );
            assert.ok(
              !hasLoneSurrogate(after) || hasLoneSurrogate(text),
              `quick fix "${action.title}" does not break a surrogate pair`,
            );
          }
        }
      }),
      params(),
    );
  });

  test('Ignore this finding silences it and changes nothing a reader sees', T, () => {
    fc.assert(
      fc.property(memoArb, (text) => {
        const document = freshDoc(text);
        const service = freshService();
        const diagnostics = service.diagnostics(document);
        // A few findings a memo: each one is a fresh check of the whole memo after the edit.
        for (const d of diagnostics.slice(0, 3)) {
          const ignore = service.codeActions(document, [d]).find((a) => a.title === 'Ignore this finding');
          if (!ignore) continue;
          const after = TextDocument.applyEdits(document, actionEdits(ignore, document.uri));
          const count = (list: Diagnostic[]): number => list.filter((x) => x.code === d.code).length;
          const left = count(freshService().diagnostics(freshDoc(after)));
          const shown = JSON.stringify(after.slice(0, 400));
          assert.ok(left < count(diagnostics), `a ${String(d.code)} is silenced in ${shown}`);
          assert.equal(rendered(after), rendered(text), `the rendering is the same after ${shown}`);
        }
      }),
      params(Math.max(20, Math.floor(RUNS / 4))),
    );
  });

  test("a contradiction's quick fix resolves that contradiction", T, () => {
    fc.assert(
      fc.property(memoArb, (text) => {
        const document = freshDoc(text);
        const service = freshService();
        for (const d of service.diagnostics(document).filter((x) => x.code === 'contradiction')) {
          const claimId = (d.data as { claimId?: string }).claimId;
          for (const action of service.codeActions(document, [d])) {
            const edits = actionEdits(action, document.uri);
            const after = freshDoc(TextDocument.applyEdits(document, edits));
            const start = document.offsetAt(d.range.start);
            const still = freshService()
              .diagnostics(after)
              .filter(
                (x) =>
                  x.code === 'contradiction' &&
                  (x.data as { claimId?: string }).claimId === claimId &&
                  after.offsetAt(x.range.start) === start,
              );
            assert.deepEqual(
              still,
              [],
              `after "${action.title}" the contradiction of ${claimId} is gone in ` +
                `${JSON.stringify(after.getText().slice(0, 300))}`,
            );
          }
        }
      }),
      params(Math.max(20, Math.floor(RUNS / 2))),
    );
  });

  test(
    'code actions for stale diagnostics (the document changed since) never throw and stay inside the diagnostic',
    T,
    () => {
      fc.assert(
        fc.property(memoArb, fc.array(editSpecArb, { minLength: 1, maxLength: 5 }), (text, specs) => {
          const service = freshService();
          const before = freshDoc(text);
          const stale: Diagnostic[] = service.diagnostics(before);
          let shadow = text;
          for (const spec of specs) {
            const { start, end } = resolveEdit(shadow, spec);
            shadow = shadow.slice(0, start) + spec.text + shadow.slice(end);
          }
          const now = TextDocument.create(before.uri, 'markdown', 2, shadow);
          for (const action of service.codeActions(now, stale)) {
            const d = action.diagnostics?.[0];
            assert.ok(d, `quick fix "${action.title}" names its diagnostic`);
            if (action.title === 'Ignore this finding') {
              checkIgnoreEdits(now, actionEdits(action, now.uri));
              continue;
            }
            for (const e of actionEdits(action, now.uri)) {
              const within = (r: Diagnostic['range']): boolean =>
                now.offsetAt(r.start) <= now.offsetAt(e.range.start) &&
                now.offsetAt(e.range.end) <= now.offsetAt(r.end);
              // An inconsistency's fix may change its linked earlier mention instead, and only while its
              // text is unchanged.
              const earlier: DiagnosticRelatedInformation | undefined = (d.relatedInformation ?? []).find(
                (r) => r.location.uri === now.uri && within(r.location.range),
              );
              if (earlier) {
                assert.equal(
                  now.getText(earlier.location.range),
                  (d.data as { earlier?: string }).earlier,
                  'the earlier mention is still what was checked',
                );
              }
              assert.ok(within(d.range) || earlier, `stale quick fix "${action.title}" edits outside its diagnostic`);
            }
            if (d.code === 'contradiction') {
              const written = (d.data as { written?: string }).written;
              if (written !== undefined) {
                assert.equal(
                  now.getText(d.range),
                  written,
                  'a contradiction fix is offered only while the text is still what was checked',
                );
              }
            }
          }
        }),
        params(Math.max(20, Math.floor(RUNS / 2))),
      );
    },
  );
});

/** Ignore this finding inserts whole comment lines at line starts or ends, and changes nothing else. */
function checkIgnoreEdits(document: TextDocument, edits: TextEdit[]): void {
  const eol = '(?:\\r\\n|\\r|\\n)?';
  const comment = new RegExp(`^${eol}[ \\t>]*<!-- policy-lens-(?:disable-next-line|disable|enable) [a-z-]+ -->${eol}$`);
  for (const e of edits) {
    assert.deepEqual(e.range.start, e.range.end, 'Ignore this finding only inserts');
    assert.match(e.newText, comment);
    const line = document.getText({ start: { line: e.range.start.line, character: 0 }, end: e.range.start });
    const lineStart = line === '' || (e.range.start.line === 0 && line === '\ufeff');
    const rest = document.getText({ start: e.range.start, end: { line: e.range.start.line + 1, character: 0 } });
    const lineEnd = /^(?:\r\n|\r|\n)?$/.test(rest);
    if (/[\r\n]$/.test(e.newText)) {
      assert.ok(lineStart, `a comment line goes in at a line start: ${JSON.stringify(line)}`);
    } else assert.ok(lineEnd, `a comment line goes in at a line end: ${JSON.stringify(rest)}`);
  }
}

const markdownIt = new MarkdownIt({ html: true });

/** The HTML without comments and white space around block tags: what a reader sees (front matter is metadata). */
function rendered(text: string): string {
  const blockTag = /\s*(<\/?(?:p|li|ul|ol|blockquote|table|thead|tbody|tr|th|td|h[1-6])>)\s*/g;
  const body = text.slice(frontMatterOf(text)?.end ?? 0);
  return markdownIt
    .render(body)
    .replace(/<!--[^]*?-->/g, '')
    .replace(blockTag, '$1')
    .replace(/>\s+</g, '><')
    .trim();
}

function hasLoneSurrogate(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isHigh(c)) {
      if (!isLow(text.charCodeAt(i + 1))) return true;
      i++;
    } else if (isLow(c)) return true;
  }
  return false;
}

/** An edit spec resolved against `text`: code-point aligned, never splitting a CRLF (as editors do). */
function resolveEdit(text: string, spec: EditSpec): { start: number; end: number } {
  const start = pointAt(text, spec.at);
  let end = Math.min(text.length, start + spec.remove);
  while (end < text.length && (splitsPair(text, end) || splitsCrlf(text, end))) end++;
  return { start, end };
}

// ---------------------------------------------------------------------------------------------
// Regressions: minimal inputs for what the properties above found (kept asserting the right behaviour).

describe('property regressions: minimal counterexamples', () => {
  const check = (text: string): { document: TextDocument; diagnostics: Diagnostic[]; service: PolicyLensService } => {
    const document = freshDoc(text);
    const service = freshService();
    return { document, diagnostics: service.diagnostics(document), service };
  };

  test(
    'emphasis inside a contradicted figure: the range text equals data.written and a quick fix is offered',
    T,
    () => {
      const { document, diagnostics, service } = check(
        "Nearly **90%** of Korea's total exports go to the Indo-Pacific.",
      );
      const d = diagnostics.find((x) => x.code === 'contradiction');
      assert.ok(d, 'the contradiction is still found through the emphasis');
      const written = (d.data as { written?: string }).written;
      assert.equal(
        document.getText(d.range),
        written,
        `range ${JSON.stringify(document.getText(d.range))} vs data.written ${JSON.stringify(written)}`,
      );
      assert.ok(!/ {2}/.test(messageOf(d)), `the message quotes the memo, not the masked text: ${messageOf(d)}`);
      assert.ok(service.codeActions(document, [d]).length > 0, 'a quick fix is offered');
    },
  );

  test('emphasis inside a contradicted stance: the range text equals data.written', T, () => {
    const { document, diagnostics } = check('Samsung does *not* advocate for Open RAN.');
    const d = diagnostics.find((x) => x.code === 'contradiction');
    assert.ok(d, 'the contradiction is found');
    assert.equal(document.getText(d.range), (d.data as { written?: string }).written);
  });

  test(
    '"15 of Korea\'s 27": the range text equals data.written, and the quick fix keeps the words between the figures',
    T,
    () => {
      const text = "15 of Korea's 27 development cooperation partners are in the Indo-Pacific.";
      const { document, diagnostics, service } = check(text);
      const d = diagnostics.find((x) => x.code === 'contradiction');
      assert.ok(d, 'the contradiction is found');
      assert.equal(document.getText(d.range), (d.data as { written?: string }).written, 'range text vs data.written');
      const fix = service.codeActions(document, [d])[0];
      assert.ok(fix, 'a quick fix is offered (data.sourcedValue is set)');
      const after = TextDocument.applyEdits(document, actionEdits(fix, document.uri));
      assert.ok(after.includes("Korea's"), `the fix keeps "Korea's": ${after}`);
      assert.deepEqual(
        check(after).diagnostics.filter((x) => x.code === 'contradiction'),
        [],
        `the fix resolves it: ${after}`,
      );
    },
  );

  test(
    '"X of Y" followed by emoji: the contradiction range ends at the total and never splits a surrogate pair',
    T,
    () => {
      // The total is read from a 60-code-unit window after the first figure: an odd number of code
      // units before the emoji puts the window's end between the halves of one.
      const text = `14 of Korea's 300${'😀'.repeat(29)} development cooperation partners are in the Indo-Pacific.`;
      const { document, diagnostics } = check(text);
      const d = diagnostics.find((x) => x.code === 'contradiction');
      assert.ok(d, 'the contradiction is found');
      checkNoSplit(text, lineTable(text), d.range, 'contradiction');
      assert.equal(
        document.getText(d.range),
        "14 of Korea's 300",
        'the range covers the figures, not the characters glued to them',
      );
    },
  );
});
