// Helpers for the verdict-level judge tests: each test file builds its own small knowledge base
// (invented entities and claims, not the bundled sources) and asserts what the judges say of single
// sentences. `judgeSentence` gives the raw verdicts; `checkSentence` what a user would see.
import { strict as assert } from 'node:assert';
import { checkSentence, type Finding, judgeSentence, readSentence } from '../../../server/src/engine/check';
import { type Verdict, type VerdictDetail } from '../../../server/src/engine/check/verdict';
import { KnowledgeBase } from '../../../server/src/knowledge/knowledgeBase';
import { loadKnowledge } from '../../../server/src/knowledge/loader';

/** A knowledge base from in-memory files: `sources.json`, `glossary.yaml`, `places.yaml`, `claims/*.yaml`. */
export function knowledge(files: Record<string, string>): KnowledgeBase {
  const loaded = loadKnowledge(Object.entries(files).map(([path, text]) => ({ path: `/kb/${path}`, text })));
  if (loaded.errors.length > 0) throw new Error(`test knowledge has errors: ${JSON.stringify(loaded.errors)}`);
  return new KnowledgeBase(loaded);
}

/** A CSL-JSON sources file with one report per key. */
export function sources(...keys: string[]): string {
  const item = (id: string): object => ({
    id,
    type: 'report',
    title: `Report ${id}`,
    author: [{ literal: 'Test Institute' }],
    issued: { 'date-parts': [[2023]] },
  });
  return JSON.stringify(keys.map(item));
}

export function verdicts(kb: KnowledgeBase, text: string): Verdict[] {
  return judgeSentence(readSentence(kb, text, 0, text.length));
}

export function findings(kb: KnowledgeBase, text: string): Finding[] {
  return checkSentence(kb, text, 0, text.length);
}

/** Verdicts and findings as one line each, for assertion messages. */
export function dump(kb: KnowledgeBase, text: string): string {
  const detail = (v: Verdict): string => JSON.stringify(v.detail, (k, x) => (k === 'claim' ? undefined : x));
  const words = (x: { start: number; end: number }): string => text.slice(x.start, x.end);
  const vs = verdicts(kb, text).map((v) => `  verdict ${v.kind} ${v.claim.id} [${words(v)}] ${detail(v)}`);
  const fs = findings(kb, text).map((f) => `  finding ${f.verdict} ${f.claim.id} [${words(f)}] ${f.message}`);
  return [`in: ${text}`, ...vs, ...fs].join('\n');
}

/** The sentence states the claim: the judge agrees (on `words`, when given) and nothing contradicts. */
export function assertAgrees(kb: KnowledgeBase, text: string, claimId: string, words?: string): void {
  const all = verdicts(kb, text);
  const mine = all.filter((v) => v.claim.id === claimId);
  assert.deepEqual(
    mine.map((v) => v.kind),
    ['agrees'],
    dump(kb, text),
  );
  if (words !== undefined) assert.equal(text.slice(mine[0].start, mine[0].end), words, dump(kb, text));
  assert.deepEqual(
    all.filter((v) => v.kind === 'contradicts').map((v) => v.claim.id),
    [],
    dump(kb, text),
  );
  const shown = findings(kb, text).filter((f) => f.verdict === 'contradiction');
  assert.deepEqual(
    shown.map((f) => f.claim.id),
    [],
    dump(kb, text),
  );
}

export interface Expected {
  /** The words as the detail (and the message) quotes them. */
  written: string;
  /** The words marked, when other than `written` ("2035" of "until 2035"). */
  span?: string;
  /** The detail's kind (quantity, date, set, …). */
  detail: VerdictDetail['kind'];
  /** What a quick fix writes in, when the detail has one; null: none. */
  replacement?: string | null;
}

/** The sentence states something the claim rules out: exactly that contradiction, shown to the user. */
export function assertContradicts(kb: KnowledgeBase, text: string, claimId: string, expected: Expected): Verdict {
  const all = verdicts(kb, text);
  const mine = all.filter((v) => v.claim.id === claimId);
  assert.deepEqual(
    mine.map((v) => v.kind),
    ['contradicts'],
    dump(kb, text),
  );
  const v = mine[0];
  assert.equal(v.detail.kind, expected.detail, dump(kb, text));
  const span = expected.span ?? expected.written;
  assert.equal(text.slice(v.start, v.end), span, dump(kb, text));
  assert.ok('written' in v.detail, dump(kb, text));
  assert.equal(v.detail.written, expected.written, dump(kb, text));
  if (expected.replacement !== undefined) {
    const replacement = 'replacement' in v.detail ? v.detail.replacement : undefined;
    assert.equal(replacement, expected.replacement ?? undefined, dump(kb, text));
  }
  const shown = findings(kb, text).filter((f) => f.verdict === 'contradiction');
  assert.deepEqual(
    shown.map((f) => [f.claim.id, text.slice(f.start, f.end)]),
    [[claimId, span]],
    dump(kb, text),
  );
  return v;
}

/** The sentence is about something else: no claim is judged, and the user sees nothing. */
export function assertSilent(kb: KnowledgeBase, text: string): void {
  assert.deepEqual(
    verdicts(kb, text).map((v) => `${v.kind} ${v.claim.id}`),
    [],
    dump(kb, text),
  );
  assert.deepEqual(findings(kb, text), [], dump(kb, text));
}

/** The assertions above for one knowledge base, with claim ids local to one source ("exports", not "src/exports"). */
export function judging(kb: KnowledgeBase, source: string) {
  const id = (claim: string): string => `${source}/${claim}`;
  return {
    agrees: (text: string, claim: string, words?: string): void => assertAgrees(kb, text, id(claim), words),
    contradicts: (text: string, claim: string, expected: Expected): Verdict =>
      assertContradicts(kb, text, id(claim), expected),
    silent: (text: string): void => assertSilent(kb, text),
  };
}

/** A places file of four invented countries, for judges and readers of lists of countries. */
export const fourCountries = `places:
  - { id: northland, name: Northland, kind: country, demonyms: [ Northlandic ] }
  - { id: westmark, name: Westmark, kind: country, demonyms: [ Westmarkian ] }
  - { id: eastoria, name: Eastoria, kind: country, demonyms: [ Eastorian ] }
  - { id: southport, name: Southport, kind: country, demonyms: [ Southportian ] }
`;
