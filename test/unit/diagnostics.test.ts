import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { defaultSettings } from '../../server/src/common/settings';
import { textFingerprint } from '../../server/src/features/diagnostics';
import { diagnose, doc, service } from './helpers';

function codes(text: string): string[] {
  return diagnose(text).map((d) => String(d.code));
}
function contradiction(text: string) {
  const found = diagnose(text).filter((d) => d.code === 'contradiction');
  assert.equal(
    found.length,
    1,
    `expected one contradiction in: ${text}\n${JSON.stringify(found.map((d) => d.message))}`,
  );
  const d = found[0];
  const lines = text.split('\n');
  return {
    ...d,
    message: d.message as string,
    covered: lines[d.range.start.line].slice(d.range.start.character, d.range.end.character),
  };
}

describe('contradictions', () => {
  it('flags a wrong percentage with the sourced value, source and locator', () => {
    const d = contradiction("Nearly 90% of Korea's total exports go to the Indo-Pacific.");
    assert.equal(d.covered, 'Nearly 90%');
    assert.equal(d.severity, 2);
    assert.equal(d.source, 'policy-lens');
    // The value, then what the source says, so the user need not open it.
    assert.equal(
      d.message,
      "alpha2023 (¶2) puts this at about 78%, not nearly 90%: About 78 per cent of Korea's exports go to the " +
        'Indo-Pacific.',
    );
    assert.deepEqual(d.data, {
      code: 'contradiction',
      source: 'alpha2023',
      claimId: 'alpha2023/exports',
      locator: '¶2',
      sourcedValue: 'About 78%',
      written: 'Nearly 90%',
      statement: "About 78 per cent of Korea's exports go to the Indo-Pacific.",
      extracted: false,
      seen: textFingerprint('Nearly 90%'),
    });
  });
  it('accepts hedged values that agree', () => {
    assert.deepEqual(codes("About 70% of Korea's imports come from the Indo-Pacific [@alpha2023]."), []);
    assert.deepEqual(codes('6G is expected to be about 50 times faster than 5G [@beta2022].'), []);
  });
  it('flags counts, "X of Y", years, dates and ordinals', () => {
    assert.equal(
      contradiction("Ten of Korea's 27 development cooperation-focused partners lie in the Indo-Pacific.").covered,
      'Ten',
    );
    const both = contradiction("Ten of Korea's 30 development cooperation-focused partners lie in the Indo-Pacific.");
    assert.equal(both.covered, "Ten of Korea's 30");
    assert.equal((both.data as { sourcedValue: string }).sourcedValue, "14 of Korea's 27");
    const bold = contradiction("Nearly **90%** of Korea's total exports go to the Indo-Pacific.");
    // The finding shrinks to the value inside the emphasis (a fix keeps the markup whole); the
    // message drops the markup.
    assert.equal((bold.data as { written: string }).written, '90%');
    assert.match(bold.message, /not nearly 90%: About 78 per cent/);
    assert.equal(contradiction("China's National Intelligence Law of 2019 compels Huawei to comply.").covered, '2019');
    const date = contradiction('The Indo-Pacific Strategy was announced in March 2023.');
    assert.equal(date.covered, 'March 2023');
    assert.match(date.message, /December 2022/);
    assert.equal(
      contradiction('2023 marked the 70th anniversary of diplomatic relations between Korea and the EU.').covered,
      '70th',
    );
    assert.equal(contradiction('6G is projected to run about ten times faster than 5G.').covered, 'about ten times');
  });
  it('flags negated and reversed stances', () => {
    assert.equal(contradiction('Samsung does not advocate for Open RAN.').covered, 'not advocate');
    assert.match(contradiction("Samsung doesn't back Open RAN.").message, /Samsung advocates Open RAN/);
    assert.ok(contradiction('Samsung opposes Open RAN.'));
    assert.deepEqual(codes('Samsung not only builds radios but also champions Open RAN [@beta2022].'), []);
    assert.deepEqual(codes('Samsung is a strong advocate of Open RAN [@beta2022].'), []);
  });
  it('flags swapped parties and quantifier flips', () => {
    assert.equal(
      contradiction('Advanced economies have favored Huawei over Samsung for 5G.').covered,
      'Huawei over Samsung',
    );
    assert.deepEqual(codes('Advanced economies chose Samsung over Huawei [@beta2022].'), []);
    assert.ok(contradiction("Only a minority of Korea's trading partners are in the region."));
  });
  it('flags wrong roles, organisations, places and one-of-a-kind parts', () => {
    assert.equal(
      contradiction('So Jeong Kim is a Senior Research Fellow at the Korea Internet & Security Agency.').covered,
      'Korea Internet & Security Agency',
    );
    const manantan = contradiction("Mark Manantan is Director of the Korea Project at Harvard's Belfer Center.");
    assert.match(manantan.message, /Director of Cybersecurity and Critical Technologies/);
    assert.match(manantan.message, /John Park/);
    assert.equal(contradiction('John Park moderated the session.').covered, 'John Park');
    assert.equal(
      contradiction('The webinar had support from the Consulate General in Los Angeles.').covered,
      'Los Angeles',
    );
    assert.deepEqual(
      codes(
        'So Jeong Kim, a Senior Research Fellow at the Institute for National Security Strategy, spoke [@alpha2023].',
      ),
      [],
    );
  });
  it('stays silent on sentences the knowledge does not cover', () => {
    for (const text of [
      'About 78% of the analysts we surveyed expect 6G trials before 2028.',
      "Korea's exports to the United States rose 5% last year.",
      'The draft has 12 sections and 2 annexes.',
      'So Jeong Kim spoke at the Pacific Forum webinar.',
    ]) {
      assert.deepEqual(
        codes(text).filter((c) => c === 'contradiction' || c === 'citation-mismatch'),
        [],
        text,
      );
    }
  });
});

describe('citations', () => {
  it('suggests the supporting source when a citation is missing', () => {
    const [d] = diagnose("About 67% of Korea's imports come from the Indo-Pacific.");
    assert.equal(d.code, 'missing-citation');
    assert.equal(d.severity, 3);
    assert.deepEqual((d.data as { suggestions: string[] }).suggestions, ['alpha2023']);
  });
  it('flags a citation of the wrong source, naming the right one', () => {
    const [d] = diagnose("About 67% of Korea's imports come from the Indo-Pacific [@beta2022].");
    assert.equal(d.code, 'citation-mismatch');
    assert.match(d.message as string, /alpha2023 \(¶2\) does/);
  });
  it('flags a contradiction of the cited source itself', () => {
    assert.deepEqual(codes("Nearly 90% of Korea's exports go to the Indo-Pacific [@alpha2023]."), ['contradiction']);
  });
  it('reports unknown keys as errors with the closest known keys', () => {
    const [d] = diagnose('As argued [@alpha2032].');
    assert.equal(d.code, 'unknown-citation');
    assert.equal(d.severity, 1);
    assert.deepEqual((d.data as { suggestions: string[] }).suggestions, ['alpha2023']);
  });
  it('says on an unknown key what Restricted Mode did not read, and nothing once it has read everything', () => {
    const s = service();
    const memo = doc('As argued [@alpha2032] and [@alpha2023].');
    s.setNotRead(memo.uri, ['../shared/refs.bib', '../shared/kb', 'a.bib', 'b.bib']);
    const restricted = s.diagnostics(memo);
    assert.deepEqual(
      restricted.map((d) => d.code),
      ['unknown-citation'],
    );
    assert.equal(
      restricted[0].message,
      'Unknown citation key "alpha2032"; did you mean @alpha2023? Restricted Mode did not read ' +
        '../shared/refs.bib, ../shared/kb, a.bib and 1 more (outside the workspace, which is not trusted); ' +
        'it may be defined there.',
    );
    s.setNotRead(memo.uri, []);
    assert.equal(s.diagnostics(memo)[0].message, 'Unknown citation key "alpha2032"; did you mean @alpha2023?');
  });
  it('attaches a citation after the full stop to its sentence', () => {
    assert.deepEqual(codes("About 67% of Korea's imports come from the Indo-Pacific. [@alpha2023]"), []);
  });
});

describe('acronyms and prose', () => {
  it('hints at the first unexpanded use only', () => {
    const found = diagnose('The OEWG met. The OEWG met again.').filter((d) => d.code === 'undefined-acronym');
    assert.equal(found.length, 1);
    assert.equal(found[0].range.start.character, 4);
    assert.equal(found[0].severity, 4);
    assert.deepEqual((found[0].data as { expansion: string }).expansion, 'Open-Ended Working Group');
  });
  it('accepts an expansion in the same sentence or earlier', () => {
    assert.deepEqual(codes('The Open-Ended Working Group (OEWG) met. The OEWG met again.'), []);
    assert.deepEqual(codes('The Open-Ended Working Group met.\n\nLater the OEWG met.'), []);
    assert.deepEqual(codes('The U.S. and the US agree.'), []);
  });
  it('checks nothing inside code, links, comments or front matter', () => {
    const text =
      "---\nnote: Nearly 90% of Korea's exports go to the Indo-Pacific.\n---\n\n`Nearly 90% of Korea's " +
      "exports go to the Indo-Pacific.`\n\n<!-- Nearly 90% of Korea's exports go to the Indo-Pacific. " +
      "-->\n\n```\nNearly 90% of Korea's exports go to the Indo-Pacific.\n```\n";
    assert.deepEqual(codes(text), []);
  });
  it('honours per-check severities and off', () => {
    const settings = {
      ...defaultSettings,
      checks: { ...defaultSettings.checks, contradiction: 'error' as const, undefinedAcronym: 'off' as const },
    };
    const found = diagnose("The OEWG agreed. Nearly 90% of Korea's exports go to the Indo-Pacific.", settings);
    assert.deepEqual(
      found.map((d) => [d.code, d.severity]),
      [['contradiction', 1]],
    );
  });
});

describe('document size', () => {
  it('does not check a document over the size bound, and says so once', async () => {
    const { maxDocumentLength } = await import('../../server/src/features/languageService');
    const big = "Nearly 90% of Korea's exports go to the Indo-Pacific.\n\n".repeat(Math.ceil(maxDocumentLength / 50));
    const found = diagnose(big);
    assert.equal(found.length, 1);
    assert.equal(found[0].code, 'too-large');
    assert.match(found[0].message as string, /Not checked: this document is \d+\.\d MB/);
  });
});

describe('knowledge reloads', () => {
  it('checks an unchanged open document again against new knowledge', async () => {
    const { KnowledgeBase } = await import('../../server/src/knowledge/knowledgeBase');
    const { loadKnowledge } = await import('../../server/src/knowledge/loader');
    const { testFiles } = await import('./helpers');
    const s = service();
    const d = doc("Nearly 90% of Korea's exports go to the Indo-Pacific.");
    assert.equal(s.diagnostics(d).length, 1);
    const withoutClaims = testFiles().filter((f) => !f.path.includes('alpha2023'));
    s.setKnowledge(new KnowledgeBase(loadKnowledge(withoutClaims)));
    // No contradiction now; with no claim on it, the figure has nothing behind it.
    assert.deepEqual(
      s.diagnostics(d).map((x) => x.code),
      ['unsourced-figure'],
    );
  });
});

describe('paragraphs longer than one piece (50,000 characters)', () => {
  // A hard-wrapped .txt memo with no blank line is one paragraph; it used to be skipped whole.
  const filler = 'The committee met again in the spring and reviewed its working methods in detail.';
  const wrong = "Nearly 90% of Korea's total exports go to the Indo-Pacific.";
  function longParagraph(sentences: string[]): string {
    const lines: string[] = [];
    let line = '';
    for (const word of sentences.join(' ').split(' ')) {
      if (line && line.length + word.length + 1 > 78) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    return [...lines, line].join('\n') + '\n';
  }

  for (const languageId of ['plaintext', 'markdown']) {
    it(`finds contradictions at the start, middle and end of a 150,000-character ${languageId} paragraph`, () => {
      const fill = Array.from({ length: 1000 }, () => filler);
      const text = longParagraph([wrong, ...fill, wrong, ...fill, wrong]);
      assert.ok(text.length > 150_000 && !text.includes('\n\n'));
      const document = doc(text, languageId);
      const found = service()
        .diagnostics(document)
        .filter((d) => d.code === 'contradiction');
      const expected: number[] = [];
      for (let at = text.indexOf('Nearly'); at >= 0; at = text.indexOf('Nearly', at + 1)) expected.push(at);
      assert.deepEqual(
        found.map((d) => document.offsetAt(d.range.start)),
        expected,
      );
      for (const d of found) {
        assert.equal(document.getText(d.range).replace(/\s+/g, ' '), 'Nearly 90%');
        assert.match(String(d.message), /puts this at about 78%, not nearly 90%/);
      }
    });
  }
});
