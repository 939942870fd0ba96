import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { type TextDocumentEdit, type TextEdit } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { readSentence } from '../../server/src/engine/check';
import { findInconsistencies, readStatements, type Statement } from '../../server/src/engine/check/consistency';
import { acronymExpansions, conflictingExpansions } from '../../server/src/engine/reader/expansions';
import { conflictingAffiliations, conflictingTitles, personTitles } from '../../server/src/engine/reader/titles';
import { defaultSettings } from '../../server/src/common/settings';
import { loadKnowledgeFolders } from '../../server/src/node/knowledgeFiles';
import { PolicyLensService } from '../../server/src/features/languageService';
import { doc, service, testKnowledge } from './helpers';

const kb = testKnowledge();

/** The inconsistencies between the sentences given, each read alone, as [later, earlier] values. */
function pairs(...sentences: string[]): [string, string][] {
  const statements = sentences.map((s) => readStatements(readSentence(kb, s, 0, s.length)));
  const found = findInconsistencies(statements);
  return found.map((f) => [f.later.written, f.earlier.written]);
}

function inconsistencies(text: string, s = service()) {
  return s.diagnostics(doc(text)).filter((d) => d.code === 'inconsistency');
}

describe('inconsistency: the engine', () => {
  it('finds the same figure or date stated differently', () => {
    assert.deepEqual(pairs('Fibre reaches 78% of rural households.', 'Fibre now reaches 87% of rural households.'), [
      ['87%', '78%'],
    ]);
    assert.deepEqual(
      pairs(
        'The pilot served 12,400 patients in its first year.',
        'In its first year, the pilot served 14,200 patients.',
      ),
      [['14,200', '12,400']],
    );
    assert.deepEqual(
      pairs(
        'The agreement was signed on 27 October 2023.',
        'The agreement was signed on 28 October 2023 after long talks.',
      ),
      [['28 October 2023', '27 October 2023']],
    );
    assert.deepEqual(
      pairs('Access fees are $21 million a year.', 'Access fees amount to $12 million a year under the agreement.'),
      [['$12 million', '$21 million']],
    );
  });
  it('stays silent on another year, place, subset, instance or event', () => {
    assert.deepEqual(
      pairs(
        'In 2021, 41% of rural households had a fixed connection.',
        'In 2024, 63% of rural households had a fixed connection.',
      ),
      [],
    );
    assert.deepEqual(
      pairs(
        'In Norway, 92% of rural households have a fixed connection.',
        'In Portugal, 71% of rural households have a fixed connection.',
      ),
      [],
    );
    assert.deepEqual(
      pairs('Fibre reaches 78% of rural households.', 'Some 39% of connected rural households subscribe to fibre.'),
      [],
    );
    assert.deepEqual(
      pairs(
        'In its first year the pilot served 14,200 patients.',
        'In its second year the pilot served 16,900 patients.',
      ),
      [],
    );
    assert.deepEqual(
      pairs('The agreement was signed on 27 October 2023.', 'The agreement took effect on 1 January 2024.'),
      [],
    );
    assert.deepEqual(
      pairs('Women made up 64% of patients.', 'Among patients under 18, women and girls made up 52%.'),
      [],
    );
  });
  it('stays silent on a hedged value, a range, a threshold, a change or a reference point', () => {
    assert.deepEqual(
      pairs('Fibre reaches 78% of rural households.', 'Fibre reaches about 80% of rural households.'),
      [],
    );
    assert.deepEqual(
      pairs(
        'Councils spent between $600 million and $900 million on backhaul.',
        'Councils spent $750 million on backhaul.',
      ),
      [],
    );
    assert.deepEqual(
      pairs('Losses above $157 million count as severe damage.', 'Losses below $40 million count as severe damage.'),
      [],
    );
    assert.deepEqual(
      pairs(
        'Waiting times fell to 9 days on average.',
        'Waiting times fell to 9 days on average, from 31 days before the pilot.',
      ),
      [],
    );
    assert.deepEqual(
      pairs(
        'Fibre coverage of rural households grew 12% last year.',
        'Fibre coverage of rural households grew 20% last year in the north.',
      ),
      [],
    );
  });
  it('stays silent on recommendations, questions and suppositions', () => {
    assert.deepEqual(pairs('The pilot ran 18 mobile clinics.', 'The ministry should run 30 mobile clinics.'), []);
    assert.deepEqual(
      pairs('The pilot ran 18 mobile clinics.', 'If the pilot ran 30 mobile clinics, it would reach everyone.'),
      [],
    );
    assert.deepEqual(pairs('The pilot ran 18 mobile clinics.', 'Did the pilot run 30 mobile clinics?'), []);
  });
  it('agrees with a value stated once already', () => {
    assert.deepEqual(
      pairs(
        'Fibre reaches 78% of rural households.',
        'Fibre reaches 78% of rural households.',
        'Fibre reaches 87% of rural households.',
      ),
      [['87%', '78%']],
    );
    // Once a later value has been flagged, a third mention agreeing with it is not flagged again.
    assert.deepEqual(
      pairs(
        'Fibre reaches 78% of rural households.',
        'Fibre reaches 87% of rural households.',
        'Fibre reaches 87% of rural households.',
      ),
      [['87%', '78%']],
    );
  });

  it('compares statements by the words they share, a word written twice counted twice', () => {
    // Counts of no measure in no year ("Table 2 lists 40 …") are filed together: only those sharing
    // two words are the same thing, and the earlier statement's words count each time written.
    const count = (written: string, value: number, words: string[]): Statement => ({
      kind: 'number',
      unit: 'count',
      interval: { lo: value, hi: value },
      start: 0,
      end: written.length,
      written,
      measured: [],
      words,
      modifiers: {},
      time: [],
      places: [],
    });
    const found = (...sentences: Statement[]): [string, string][] =>
      findInconsistencies(sentences.map((s) => [s])).map((f) => [f.later.written, f.earlier.written]);
    assert.deepEqual(found(count('40', 40, ['tabl', 'port']), count('41', 41, ['tabl', 'ship'])), []);
    assert.deepEqual(found(count('40', 40, ['tabl', 'port', 'ship']), count('41', 41, ['tabl', 'port'])), [
      ['41', '40'],
    ]);
    assert.deepEqual(found(count('40', 40, ['port', 'port']), count('41', 41, ['port', 'ship'])), [['41', '40']]);
    // Half the words of the shorter must be shared: two of six are too few.
    const six = ['tabl', 'port', 'ship', 'crew', 'dock', 'fuel'];
    assert.deepEqual(found(count('40', 40, six), count('41', 41, ['tabl', 'port', 'a', 'b', 'c', 'd'])), []);
  });
});

describe('inconsistency: the diagnostic', () => {
  const memo =
    '# Memo\n\nThe pilot ran 18 mobile clinics across three provinces.\n\n## Results\n\nThe pilot ran 21 ' +
    'mobile clinics across three provinces.\n';
  it('sits on the later value, names and links the earlier one', () => {
    const [d, ...rest] = inconsistencies(memo);
    assert.equal(rest.length, 0);
    assert.equal(d.severity, 2);
    assert.deepEqual(d.range, { start: { line: 6, character: 14 }, end: { line: 6, character: 16 } });
    assert.match(
      String(d.message),
      /^21 here, but 18 on line 3 \(“The pilot ran 18 mobile clinics across three…”\) for the same thing\.$/,
    );
    assert.deepEqual(
      d.relatedInformation?.map((r) => [r.location.range.start, r.message]),
      [[{ line: 2, character: 14 }, '18: stated here first']],
    );
  });
  it('offers to make either value match the other', () => {
    const s = service();
    const d = doc(memo);
    const actions = s.codeActions(d, inconsistencies(memo, s));
    assert.deepEqual(
      actions.map((a) => a.title),
      ['Change to “18” (as on line 3)', 'Change line 3 to “21”', 'Ignore this finding'],
    );
    const apply = (i: number): string => {
      const edits = (actions[i].edit!.changes?.[d.uri] ??
        (actions[i].edit!.documentChanges![0] as TextDocumentEdit).edits) as TextEdit[];
      return applyEdits(
        d.getText(),
        edits.map((e) => ({ start: d.offsetAt(e.range.start), end: d.offsetAt(e.range.end), text: e.newText })),
      );
    };
    assert.match(apply(0), /ran 18 mobile clinics across three provinces\.\n\n## Results\n\nThe pilot ran 18 mobile/);
    assert.match(apply(1), /ran 21 mobile clinics across three provinces\.\n\n## Results\n\nThe pilot ran 21 mobile/);
  });
  it('says which value the sources support', () => {
    const text =
      "About 78% of Korea's total exports go to the Indo-Pacific [@alpha2023].\n\nSome 87% of Korea's total " +
      'exports go to the Indo-Pacific.\n';
    const [d] = inconsistencies(text);
    assert.ok(d, 'an inconsistency');
    assert.match(String(d.message), /the sources support 78% \(alpha2023 \(¶2\)\)\.$/);
  });
  it('is off when its setting is off, and a table cell or heading states nothing', () => {
    const off = service({ ...defaultSettings, checks: { ...defaultSettings.checks, inconsistency: 'off' } });
    assert.deepEqual(inconsistencies(memo, off), []);
    assert.deepEqual(
      inconsistencies(
        '| Case | Clinics |\n| --- | --- |\n| The pilot ran 18 mobile clinics | a |\n| The pilot ran 21 ' +
          'mobile clinics | b |\n',
      ),
      [],
    );
  });
});

describe('inconsistency: an acronym expanded two ways', () => {
  const conflicts = (text: string): string[][] =>
    conflictingExpansions(acronymExpansions(text)).map((c) => [c.later.expansion, c.earlier.expansion]);
  it('reads expansions in either order, the fewest words that spell the acronym', () => {
    assert.deepEqual(
      acronymExpansions(
        'Funding from the World Health Organization (WHO) and the OEWG (Open-Ended Working Group).',
      ).map((e) => [e.acronym, e.expansion]),
      [
        ['WHO', 'World Health Organization'],
        ['OEWG', 'Open-Ended Working Group'],
      ],
    );
    assert.deepEqual(acronymExpansions('The clinics (18 in all) and the 5G (fifth generation) rollout.'), []);
  });
  it('reads numbered acronyms: a hyphenated number ends the long form, a glued one need not', () => {
    assert.deepEqual(
      acronymExpansions(
        'Under Harbour Policy Directive 12 (HPD-12), the Quill Harbour Forum (QHF2024) met; ' +
          'the Quill Plan (QP-7) did not.',
      ).map((e) => [e.acronym, e.expansion]),
      [
        ['HPD-12', 'Harbour Policy Directive 12'],
        ['QHF2024', 'Quill Harbour Forum'],
      ],
    );
  });
  it('finds a second expansion that differs, not one in other spelling, case or number', () => {
    assert.deepEqual(
      conflicts('The World Health Organization (WHO) agreed. The Western Health Office (WHO) did not.'),
      [['Western Health Office', 'World Health Organization']],
    );
    assert.deepEqual(
      conflicts('The World Health Organization (WHO) agreed. The World Health Organisation (WHO) did too.'),
      [],
    );
    assert.deepEqual(
      conflicts(
        'A Base Station (BS) is small. Base Stations (BSs) are many. The mobile network operator (MNO) and ' +
          'Mobile Network Operators (MNOs).',
      ),
      [],
    );
  });
  it('reports it on the later expansion with a fix to the first', () => {
    const text = 'The World Health Organization (WHO) agreed.\n\nThe Western Health Office (WHO) did not.\n';
    const s = service();
    const [d, ...rest] = inconsistencies(text, s);
    assert.equal(rest.length, 0);
    assert.equal(
      d.message,
      'WHO is expanded as “Western Health Office” here, but as “World Health Organization” on line 1.',
    );
    assert.deepEqual(
      s.codeActions(doc(text), [d]).map((a) => a.title),
      [
        'Change to “World Health Organization” (as on line 1)',
        'Change line 1 to “Western Health Office”',
        'Ignore this finding',
      ],
    );
  });
});

describe('inconsistency: one person given two titles', () => {
  const titles = (...sentences: string[]) => sentences.flatMap((s) => personTitles(readSentence(kb, s, 0, s.length)));
  const conflicts = (...sentences: string[]): string[][] =>
    conflictingTitles(titles(...sentences)).map((c) => [c.later.written, c.earlier.written]);
  it('reads a title in apposition to a name', () => {
    assert.deepEqual(
      titles('Dr Amara Osei, an associate professor of public health, designed it.').map((t) => [
        t.name.join(' '),
        t.written,
      ]),
      [['Amara Osei', 'associate professor']],
    );
  });
  it('finds the same person given another title', () => {
    assert.deepEqual(
      conflicts(
        'Dr Amara Osei, an associate professor of public health, designed it.',
        'Dr Osei, an assistant professor of public health, presented it.',
      ),
      [['assistant professor', 'associate professor']],
    );
    assert.deepEqual(
      conflicts(
        'Lena Berg, a senior fellow at the institute, wrote it.',
        'At the launch, Berg, a director at the institute, presented it.',
      ),
      [['director', 'senior fellow']],
    );
  });
  it('stays silent on the same title, another time, a second role, or two people of one surname', () => {
    assert.deepEqual(
      conflicts('Dr Amara Osei, an associate professor, designed it.', 'Osei, an associate professor, presented it.'),
      [],
    );
    assert.deepEqual(
      conflicts(
        'Dr Amara Osei, an associate professor, designed it.',
        'Osei, a former assistant professor, presented it.',
      ),
      [],
    );
    assert.deepEqual(
      conflicts(
        'Dr Amara Osei, an associate professor, designed it.',
        'Osei, also a director of the clinic, presented it.',
      ),
      [],
    );
    assert.deepEqual(
      conflicts(
        'So Jeong Kim, a senior researcher, wrote it.',
        'Min Kim, a professor, replied.',
        'In reply, Kim, a professor, added more.',
      ),
      [],
    );
  });
});

describe('inconsistency: one person placed at two bodies', () => {
  const titles = (...sentences: string[]) => sentences.flatMap((s) => personTitles(readSentence(kb, s, 0, s.length)));
  const conflicts = (...sentences: string[]): string[][] =>
    conflictingAffiliations(kb, titles(...sentences)).map((c) => [
      c.later.affiliation!.written,
      c.earlier.affiliation!.written,
    ]);
  it('reads the body a title is held at', () => {
    assert.deepEqual(
      titles('Lena Berg, a senior fellow at the Halden Institute, wrote it.').map((t) => t.affiliation?.written),
      ['Halden Institute'],
    );
    assert.deepEqual(
      titles('Dr Amara Osei, an associate professor of public health, designed it.').map((t) => t.affiliation),
      [undefined],
    );
  });
  it('finds the same person placed at another body', () => {
    assert.deepEqual(
      conflicts(
        'Lena Berg, a senior fellow at the Halden Institute, wrote it.',
        'At the launch, Berg, a senior fellow at the Marsh Institute, presented it.',
      ),
      [['Marsh Institute', 'Halden Institute']],
    );
    // A surname opening the sentence, once the memo has given the name in full.
    assert.deepEqual(
      conflicts(
        'Lena Berg, a senior fellow at the Halden Institute, wrote it.',
        'Berg, a senior fellow at the Marsh Institute, presented it.',
      ),
      [['Marsh Institute', 'Halden Institute']],
    );
    assert.deepEqual(
      conflicts(
        'Meanwhile, a fellow at the Halden Institute wrote it.',
        'Meanwhile, a fellow at the Marsh Institute presented it.',
      ),
      [],
    );
  });
  it('stays silent on the same body, a body named only by its kind, another time or a second role', () => {
    const first = 'Lena Berg, a senior fellow at the Halden Institute, wrote it.';
    assert.deepEqual(conflicts(first, 'Berg, a director at the Halden Institute, presented it.'), []);
    assert.deepEqual(conflicts(first, 'Berg, a director at the institute, presented it.'), []);
    assert.deepEqual(conflicts(first, 'Berg, a former fellow at the Marsh Institute, presented it.'), []);
    assert.deepEqual(conflicts(first, 'Berg, also a fellow at the Marsh Institute, presented it.'), []);
    assert.deepEqual(conflicts(first, 'Berg, a fellow at Halden Institute Europe, presented it.'), []);
  });
  it('is reported as an inconsistency that links the first mention', () => {
    const text = [
      'Lena Berg, a senior fellow at the Halden Institute, wrote the study.',
      '',
      'In 2024 Berg, a senior fellow at the Marsh Institute, presented it.',
    ].join('\n');
    const found = service()
      .diagnostics(doc(text))
      .filter((d) => d.code === 'inconsistency');
    assert.deepEqual(
      found.map((d) => [d.range.start.line, d.message, d.relatedInformation?.[0].location.range.start.line]),
      [[2, 'Berg is placed at “Marsh Institute” here, but at “Halden Institute” on line 1.', 0]],
    );
  });
});

describe('inconsistency across memos (consistency scope: workspace)', () => {
  const memoA = '# A\n\nThe steering board meets on 14 March 2025 to approve the second phase.\n';
  const memoB = '# B\n\nSo far: the steering board meets on 21 March 2025 to approve the second phase.\n';
  const open = (name: string, text: string) => TextDocument.create(`file:///ws/${name}`, 'markdown', 1, text);
  const inconsistencies = (s: PolicyLensService, d: TextDocument) =>
    s.diagnostics(d).filter((x) => x.code === 'inconsistency');
  it('reports a value another open memo states differently, on each memo, linked to the other', () => {
    const s = service({ ...defaultSettings, consistencyScope: 'workspace' });
    const a = open('a.md', memoA);
    const b = open('b.md', memoB);
    assert.deepEqual(inconsistencies(s, a), [], 'alone, a memo has nothing to differ from');
    const [onB, ...rest] = inconsistencies(s, b);
    assert.deepEqual(rest, []);
    assert.match(String(onB.message), /^21 March 2025 here, but 14 March 2025 in a\.md, line 3 /);
    assert.equal(onB.relatedInformation?.[0].location.uri, 'file:///ws/a.md');
    assert.deepEqual(
      s
        .codeActions(b, [onB])
        .map((x) => x.title)
        .filter((t) => t.startsWith('Change')),
      ['Change to “14 March 2025” (as the other memo has it)'],
    );
    assert.equal(s.takeComparedWithChanged().join(), 'file:///ws/a.md', 'the first memo is to be published again');
    assert.match(String(inconsistencies(s, a)[0]?.message), /^14 March 2025 here, but 21 March 2025 in b\.md/);
    s.close('file:///ws/b.md');
    assert.deepEqual(inconsistencies(s, a), [], 'closing the other memo takes its finding away');
  });
  it('compares each memo only with itself by default', () => {
    const s = service();
    s.diagnostics(open('a.md', memoA));
    assert.deepEqual(inconsistencies(s, open('b.md', memoB)), []);
  });
});

describe('inconsistency: the memos written blind from the sources', () => {
  it('finds none in test/fixtures/memos', () => {
    const s = new PolicyLensService(loadKnowledgeFolders([], true).kb, defaultSettings);
    const dir = 'test/fixtures/memos';
    const memos = readdirSync(dir).filter((f) => f.endsWith('.md'));
    assert.ok(memos.length >= 3, 'the memos are there');
    for (const memo of memos) {
      const found = s
        .diagnostics(doc(readFileSync(`${dir}/${memo}`, 'utf8')))
        .filter((d) => d.code === 'inconsistency');
      assert.deepEqual(
        found.map((d) => `${memo}:${d.range.start.line + 1} ${d.message}`),
        [],
      );
    }
  });
});

/** Applies non-overlapping edits to a text. */
function applyEdits(text: string, edits: { start: number; end: number; text: string }[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}
