import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { loadKnowledgeFolders } from '../../server/src/node/knowledgeFiles';
import { tokenize } from '../../server/src/engine/text/tokens';

const { kb } = loadKnowledgeFolders([]);
const sourcesDir = '../shared/sources';
const texts: Record<string, string> = {
  kim2023: `${sourcesDir}/kim-2023-indo-pacific-cyber.txt`,
  pacforum2022: `${sourcesDir}/pacific-forum-2022-5g6g-key-findings.txt`,
};
const haveSources = existsSync(texts.kim2023) && existsSync(texts.pacforum2022);

/** Body paragraphs as knowledge/README.md numbers them: blocks ending in sentence punctuation. */
function paragraphs(key: string): string[] {
  const blocks = readFileSync(texts[key], 'utf8')
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter(Boolean);
  // Header lines ("Held with support …", "October 27, 2022 (US) | …") end without a full stop.
  return blocks.filter((b) => /[.!?…]["’”)]?$/.test(b));
}

describe('bundled knowledge', () => {
  it('loads without errors and covers both sources', () => {
    assert.deepEqual(kb.errors, []);
    assert.deepEqual([...kb.sources.keys()].sort(), ['kim2023', 'pacforum2022']);
    assert.ok(kb.claims.length >= 100, `${kb.claims.length} claims`);
    assert.ok(kb.terms.length >= 60, `${kb.terms.length} terms`);
  });

  it("indexes each claim's property hits and identity groups as its anchors say", () => {
    const lists = new Set(kb.claimAnchors.flatMap((a) => a.groups.flatMap((g) => g.entries)));
    assert.ok(lists.size > 0);
    for (const hits of lists) {
      const own = hits.filter((h) => h.group === kb.claimAnchors[h.claim].propertyGroup);
      assert.deepEqual(
        [...(kb.propertyHits.get(hits) ?? [])],
        own.length ? own.flatMap((h) => [h.claim, h.group]) : [],
      );
    }
    let withIdentity = 0;
    kb.claimAnchors.forEach(({ groups, propertyGroup }, i) => {
      const numbers = [...kb.identityGroupIds.subarray(kb.identityGroupStart[i], kb.identityGroupStart[i + 1])];
      const expected = groups.filter((_, g) => g !== propertyGroup);
      assert.equal(numbers.length, expected.length, kb.claims[i].id);
      numbers.forEach((n, k) => assert.equal(kb.identityGroups[n], expected[k], kb.claims[i].id));
      if (numbers.length > 0) withIdentity++;
    });
    assert.ok(withIdentity > 0);
  });

  it('uses locators of the documented forms', () => {
    for (const claim of kb.claims) assert.match(claim.locator, /^(¶\d+(–\d+)?|title|header|speakers)$/, claim.id);
    for (const term of kb.terms) {
      for (const s of term.sources) {
        assert.match(
          s.locator,
          /^(¶\d+(–\d+)?(, ¶\d+(–\d+)?)*|title|header|speakers)(, (title|header|speakers|¶\d+))*$/,
          term.id,
        );
      }
    }
  });

  it(
    'points each figure, year and ordinal at a paragraph that states it',
    { skip: !haveSources && 'needs ../shared/sources' },
    () => {
      const words: Record<number, string> = {
        3: 'third',
        4: '4th',
        5: '5th',
        6: 'six',
        14: '14',
        17: '17',
        50: 'fifty',
        60: '60th',
        21: '21st',
      };
      let checked = 0;
      for (const claim of kb.claims) {
        const m = /^¶(\d+)$/.exec(claim.locator);
        if (!m) continue;
        const value =
          claim.value.kind === 'quantity'
            ? claim.value.quantity.value
            : claim.value.kind === 'year'
              ? claim.value.year
              : claim.value.kind === 'ordinal'
                ? claim.value.ordinal
                : undefined;
        if (value === undefined || claim.note) continue; // derived figures say how in their note
        const paragraph = paragraphs(claim.source)[Number(m[1]) - 1] ?? '';
        const forms = [String(value), words[value]].filter(Boolean) as string[];
        assert.ok(
          forms.some((f) => paragraph.toLowerCase().includes(f.toLowerCase())),
          `${claim.id}: ${value} not in ${claim.source} ${claim.locator}: ${paragraph.slice(0, 80)}`,
        );
        checked++;
      }
      assert.ok(checked >= 10, `checked ${checked}`);
    },
  );

  it('has a hover for every acronym in the sources', { skip: !haveSources && 'needs ../shared/sources' }, () => {
    for (const key of Object.keys(texts)) {
      const text = readFileSync(texts[key], 'utf8');
      const acronyms = new Set([...text.matchAll(/\b(?:[A-Z]{2,}s?|[56]G)\b/g)].map((m) => m[0]));
      for (const acronym of acronyms) {
        const tokens = tokenize(`The ${acronym} matters.`);
        const hit = kb.termMatcher.matchLongest(tokens).find((h) => h.start === 4);
        assert.ok(hit, `no glossary entry hovers "${acronym}" (${key})`);
      }
    }
  });

  it(
    'is written in our own words: no eight-word run of a source sentence',
    { skip: !haveSources && 'needs ../shared/sources' },
    () => {
      const runs = new Set<string>();
      for (const file of Object.values(texts)) {
        const tokens = tokenize(readFileSync(file, 'utf8'));
        const words = tokens.map((t) => t.raw.toLowerCase());
        for (let i = 0; i + 8 <= words.length; i++) {
          // Runs that are mostly capitalised are names ("the Korea-U.S. Cyber Security Working Group"):
          // names carry over.
          if (tokens.slice(i, i + 8).filter((t) => /^\p{Lu}/u.test(t.raw)).length >= 6) continue;
          runs.add(words.slice(i, i + 8).join(' '));
        }
      }
      const ours = [...kb.claims.map((c) => [c.id, c.statement]), ...kb.terms.map((t) => [t.id, t.definition])];
      for (const [id, text] of ours) {
        const words = tokenize(text).map((t) => t.raw.toLowerCase());
        for (let i = 0; i + 8 <= words.length; i++) {
          assert.ok(!runs.has(words.slice(i, i + 8).join(' ')), `${id} copies "${words.slice(i, i + 8).join(' ')}"`);
        }
      }
    },
  );
});
