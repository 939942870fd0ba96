// What a sentence is about can be said before it: earlier in its paragraph or in the heading
// above it. A claim that needs a name to set it apart applies only when that name is in reach.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { defaultSettings } from '../../server/src/common/settings';
import { PolicyLensService } from '../../server/src/features/languageService';
import { KnowledgeBase } from '../../server/src/knowledge/knowledgeBase';
import { loadKnowledge } from '../../server/src/knowledge/loader';
import { doc } from './helpers';

const files = [
  {
    path: '/kb/sources.json',
    text: JSON.stringify([
      { id: 'north2021', type: 'report', title: 'Northland notes', issued: { 'date-parts': [[2021]] } },
    ]),
  },
  {
    path: '/kb/glossary.yaml',
    text: `terms:
  - id: northland-forum
    term: Northland Forum
    kind: organisation
    definition: An invented policy institute.
`,
  },
  {
    path: '/kb/claims/north2021.yaml',
    text: `source: north2021
claims:
  - id: session-date
    locator: header
    statement: The Northland Forum held its webinar on 4 March 2021.
    about:
      property: [ held, hold, convened ]
      subject: [ webinar, session ]
      with: [ [ northland-forum ] ]
    date: { year: 2021, month: 3, day: 4 }
`,
  },
];

function contradictions(text: string): string[] {
  const loaded = loadKnowledge(files);
  assert.deepEqual(loaded.errors, []);
  const service = new PolicyLensService(new KnowledgeBase(loaded), defaultSettings);
  return service
    .diagnostics(doc(text))
    .filter((d) => d.code === 'contradiction')
    .map((d) => text.split('\n')[d.range.start.line]);
}

describe('context of a sentence', () => {
  it('stays silent when nothing names what the session is', () => {
    assert.deepEqual(contradictions('The session was held on 5 March 2021.\n'), []);
  });

  it('reads the name from earlier in the paragraph', () => {
    assert.equal(
      contradictions('The Northland Forum ran a webinar. The session was held on 5 March 2021.\n').length,
      1,
    );
  });

  it('reads the name from the heading above the paragraph', () => {
    const memo = '# Notes\n\n## The Northland Forum webinar\n\nThe session was held on 5 March 2021.\n';
    assert.deepEqual(contradictions(memo), ['The session was held on 5 March 2021.']);
  });

  it('stops at the next heading', () => {
    const memo =
      '## The Northland Forum webinar\n\nThe session was held on 4 March 2021.\n\n## Elsewhere\n\nThe session ' +
      'was held on 5 March 2021.\n';
    assert.deepEqual(contradictions(memo), []);
  });

  it('does not carry a paragraph over to the next one', () => {
    assert.deepEqual(
      contradictions('The Northland Forum ran a webinar.\n\nThe session was held on 5 March 2021.\n'),
      [],
    );
  });
});
