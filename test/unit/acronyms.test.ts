// Acronym hints by sense: the first use of an acronym in prose is expanded, unless it is expanded
// right there, is a word of a longer proper name, stands in a heading in capitals, or is written
// in another sense than the glossary's (no hint and no hover then).
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { defaultSettings } from '../../server/src/common/settings';
import { PolicyLensService } from '../../server/src/features/languageService';
import { KnowledgeBase } from '../../server/src/knowledge/knowledgeBase';
import { loadKnowledge } from '../../server/src/knowledge/loader';
import { doc } from './helpers';

const glossary = `terms:
  - id: oewg
    term: OEWG
    kind: acronym
    expansion: Open-Ended Working Group
    definition: A UN working group open to all member states.
  - id: ict
    term: ICT
    kind: acronym
    expansion: information and communications technology
    definition: Computing and telecommunications.
  - id: gps
    term: GPS
    kind: acronym
    expansion: global pivotal state
    otherSenses: [ navigation, satellite, receiver ]
    definition: An invented foreign-policy vision.
`;

function service(): PolicyLensService {
  const loaded = loadKnowledge([
    { path: '/kb/sources.json', text: '[]' },
    { path: '/kb/glossary.yaml', text: glossary },
  ]);
  assert.deepEqual(loaded.errors, []);
  return new PolicyLensService(new KnowledgeBase(loaded), defaultSettings);
}

/** The acronyms hinted, as written, with their line. */
function hints(text: string): string[] {
  const lines = text.split('\n');
  return service()
    .diagnostics(doc(text))
    .filter((d) => d.code === 'undefined-acronym')
    .map(
      (d) => `${d.range.start.line}:${lines[d.range.start.line].slice(d.range.start.character, d.range.end.character)}`,
    );
}

describe('acronym hints', () => {
  it('hint the first use in prose only', () => {
    assert.deepEqual(hints('The OEWG met. The OEWG met again.\n'), ['0:OEWG']);
  });

  it('take an expansion in brackets in any wording that spells it', () => {
    assert.deepEqual(hints('The OEWG (Open-ended Working Group on security) met. The OEWG met again.\n'), []);
    assert.deepEqual(hints('The Open Ended Working Group (OEWG) met.\n'), []);
    // Brackets that do not spell it are no expansion.
    assert.deepEqual(hints('The OEWG (see below) met.\n'), ['0:OEWG']);
  });

  it('skip a word of a proper name and hint the next use', () => {
    assert.deepEqual(hints('The Ministry of Science and ICT leads.\n'), []);
    assert.deepEqual(hints('The Ministry of Science and ICT leads.\n\nThe ICT sector grows.\n'), ['2:ICT']);
  });

  it('skip a heading in capitals but not a heading in mixed case', () => {
    assert.deepEqual(hints('# THE OEWG AT WORK\n\nThe OEWG met.\n'), ['2:OEWG']);
    assert.deepEqual(hints('# The OEWG at work\n\nThe OEWG met.\n'), ['0:OEWG']);
  });

  it('stay silent, and give no hover, where the word is used in another sense', async () => {
    const s = service();
    const text = 'GPS navigation failed at sea.\n';
    const d = doc(text);
    assert.deepEqual(
      s.diagnostics(d).filter((x) => x.code === 'undefined-acronym'),
      [],
    );
    assert.equal(await s.hover(d, { line: 0, character: 1 }), null);
    assert.notEqual(await s.hover(doc('Korea wants to become a GPS.\n'), { line: 0, character: 25 }), null);
    assert.deepEqual(hints('Korea wants to become a GPS.\n'), ['0:GPS']);
  });
});
