import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { checkDocsHref, checks } from '../../server/src/common/checks';
import { defaultSettings } from '../../server/src/common/settings';
import { KnowledgeBase } from '../../server/src/knowledge/knowledgeBase';
import { loadKnowledge } from '../../server/src/knowledge/loader';
import { PolicyLensService } from '../../server/src/features/languageService';
import { toSarif } from '../../server/src/node/sarif';
import { doc, service, testClaims, testFiles, testGlossary } from './helpers';

const memo = [
  "Nearly 90% of Korea's exports go to the Indo-Pacific.",
  '',
  "About 67% of Korea's imports come from the Indo-Pacific.",
  '',
  "About 67% of Korea's imports come from the Indo-Pacific [@beta2022].",
  '',
  'As argued [@alpha2032].',
  '',
  'The OEWG met.',
  '',
  'The harbour handled 40 container ships in 2020.',
  '',
  'The harbour handled 45 container ships in 2020.',
  '',
].join('\n');

/** The 0-based line of the first line of `text` that contains `needle`. */
const lineOf = (text: string, needle: string): number => text.split('\n').findIndex((l) => l.includes(needle));

describe('findings explain themselves', () => {
  it('the registry has a docs page for every check and every setting it names', () => {
    for (const c of checks) {
      assert.ok(existsSync(`docs/checks/${c.id}.md`), `docs/checks/${c.id}.md`);
      assert.match(readFileSync(`docs/checks/${c.id}.md`, 'utf8'), new RegExp(`^# ${c.id}\\n`));
      assert.ok(c.setting in defaultSettings.checks, c.setting);
    }
    assert.ok(existsSync('docs/checks/too-large.md'));
    assert.ok(existsSync('docs/checks/knowledge-file.md'));
  });
  it('every diagnostic links to its page in docs/checks/, against the base the server gives', () => {
    const s = service();
    const diagnostics = s.diagnostics(doc(memo));
    assert.deepEqual(new Set(diagnostics.map((d) => d.code)), new Set(checks.map((c) => c.id)));
    for (const d of diagnostics) assert.equal(d.codeDescription?.href, `docs/checks/${d.code}.md`);
    s.setLinks({ docsBase: 'file:///opt/policy-lens/' });
    for (const d of s.diagnostics(doc(memo))) {
      assert.equal(d.codeDescription?.href, `file:///opt/policy-lens/docs/checks/${d.code}.md`);
    }
    const large = s.diagnostics(doc('x'.repeat(3 * 1024 * 1024)));
    assert.equal(large[0].codeDescription?.href, 'file:///opt/policy-lens/docs/checks/too-large.md');
  });
  it('related information points at the claim in its knowledge file, or the glossary entry', () => {
    const byCode = new Map(
      service()
        .diagnostics(doc(memo))
        .map((d) => [d.code, d]),
    );
    const at = (code: string): { uri: string; line: number; message: string } => {
      const info = byCode.get(code)?.relatedInformation?.[0];
      assert.ok(info, `related information on ${code}`);
      return { uri: info.location.uri, line: info.location.range.start.line, message: info.message };
    };
    const claims = 'file:///kb/claims/alpha2023.yaml';
    assert.deepEqual(at('contradiction'), {
      uri: claims,
      line: lineOf(testClaims, 'id: exports'),
      message: "alpha2023 ¶2: About 78 per cent of Korea's exports go to the Indo-Pacific.",
    });
    assert.equal(at('missing-citation').uri, claims);
    assert.equal(at('missing-citation').line, lineOf(testClaims, 'id: imports'));
    assert.equal(at('citation-mismatch').line, lineOf(testClaims, 'id: imports'));
    assert.deepEqual(at('undefined-acronym'), {
      uri: 'file:///kb/glossary.yaml',
      line: lineOf(testGlossary, 'id: oewg'),
      message: 'OEWG: Open-Ended Working Group (glossary)',
    });
    assert.equal(byCode.get('unknown-citation')?.relatedInformation, undefined);
  });
  it('a claim read from a report points at the report and quotes the passage', () => {
    const loaded = loadKnowledge(testFiles());
    const quote = 'Some 78 per cent of exports went to the region.';
    const claims = loaded.claims.map((c) =>
      c.id === 'alpha2023/exports'
        ? { ...c, extracted: true, quote, origin: { file: '/reports/alpha.md', line: 4, character: 0 } }
        : c,
    );
    const s = new PolicyLensService(new KnowledgeBase({ ...loaded, claims }), defaultSettings);
    const d = s.diagnostics(doc(memo)).find((x) => x.code === 'contradiction');
    const at = { line: 4, character: 0 };
    assert.deepEqual(d?.relatedInformation, [
      {
        location: { uri: 'file:///reports/alpha.md', range: { start: at, end: at } },
        message: `alpha2023 ¶2, read from the report: “${quote}”`,
      },
    ]);
  });
  it('SARIF rules come from the registry, each with its helpUri', () => {
    const sarif = toSarif([], '0.1.0', 'file:///opt/policy-lens/') as {
      runs: { tool: { driver: { rules: { id: string; helpUri: string }[] } } }[];
    };
    const rules = sarif.runs[0].tool.driver.rules;
    assert.deepEqual(
      rules.map((r) => r.id),
      checks.map((c) => c.id),
    );
    for (const r of rules) assert.equal(r.helpUri, checkDocsHref(r.id, 'file:///opt/policy-lens/'));
  });
});
