import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { defaultSettings } from '../../server/src/common/settings';
import { diagnose } from './helpers';

/** The words under each unsourced-figure hint. */
function hints(text: string, settings = defaultSettings): string[] {
  const lines = text.split('\n');
  return diagnose(text, settings)
    .filter((d) => d.code === 'unsourced-figure')
    .map((d) => lines[d.range.start.line].slice(d.range.start.character, d.range.end.character));
}

describe('unsourced-figure', () => {
  it('marks a figure, a date or a superlative stated as fact with nothing behind it', () => {
    assert.deepEqual(hints('Fishing fleets in the region employ 40,000 people.'), ['40,000']);
    assert.deepEqual(hints('The fisheries treaty was signed on 3 May 2021 in Lima.'), ['3 May 2021']);
    assert.deepEqual(hints('Norway now runs the largest sovereign wealth fund in Europe.'), ['largest']);
    assert.deepEqual(hints('Nearly 45% of the catch is exported to three markets.'), ['Nearly 45%']);
  });
  it('is a hint by default, and can be turned off', () => {
    const [d] = diagnose('Fishing fleets in the region employ 40,000 people.').filter(
      (x) => x.code === 'unsourced-figure',
    );
    assert.equal(d.severity, 4);
    assert.match(String(d.message), /^40,000: this figure is stated with no citation or attribution/);
    assert.deepEqual(
      hints('Fishing fleets in the region employ 40,000 people.', {
        ...defaultSettings,
        checks: { ...defaultSettings.checks, unsourcedFigure: 'off' },
      }),
      [],
    );
  });
  it('is silent on a sentence with a citation or an attribution of its own', () => {
    assert.deepEqual(hints('Fishing fleets in the region employ 40,000 people [@beta2022].'), []);
    assert.deepEqual(hints('According to the ministry, fishing fleets in the region employ 40,000 people.'), []);
    assert.deepEqual(hints('The ministry reported that fishing fleets in the region employ 40,000 people.'), []);
    assert.deepEqual(hints('Fishing fleets in the region reportedly employ 40,000 people.'), []);
    assert.deepEqual(hints('The ministry announced that fishing fleets in the region employ 40,000 people.'), []);
    assert.deepEqual(hints('A 2023 census puts employment in the region’s fishing fleets at 40,000 people.'), []);
    assert.deepEqual(hints('Fishing fleets in the region employ 40,000 people.[12]'), []);
    assert.deepEqual(hints('Fishing fleets in the region employ 40,000 people (FAO 2022).'), []);
    assert.deepEqual(hints('Fishing fleets in the region employ [40,000 people](https://example.org/fleets).'), []);
  });
  it('is silent on questions, recommendations, suppositions, possibilities and the memo’s own framing', () => {
    assert.deepEqual(hints('Do fishing fleets in the region employ 40,000 people?'), []);
    assert.deepEqual(hints('The ministry should train 40,000 people in the fishing fleets.'), []);
    assert.deepEqual(hints('If the fleets employed 40,000 people, wages in the region would fall.'), []);
    assert.deepEqual(hints('Fishing fleets in the region could employ 40,000 people by 2030.'), []);
    assert.deepEqual(hints('This memo covers 12 programmes in the fishing regions.'), []);
    assert.deepEqual(hints('Table 2 lists the fleets of the region by tonnage.'), []);
    assert.deepEqual(hints('CSIS, June 2024'), []);
  });
  it('is silent where the knowledge base speaks of the subject (the other checks take it)', () => {
    assert.deepEqual(hints("About 78% of Korea's total exports go to the Indo-Pacific."), []);
  });
});
