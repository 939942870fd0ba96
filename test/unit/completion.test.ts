import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { doc, service } from './helpers';

describe('citation completion', () => {
  it('offers every key inside [@, with author, year and title', () => {
    const items = service().completion(doc('See [@'), { line: 0, character: 6 })!.items;
    assert.deepEqual(items.map((i) => i.label).sort(), ['alpha2023', 'beta2022']);
    const beta = items.find((i) => i.label === 'beta2022')!;
    assert.match(beta.detail!, /Steiner and Manantan 2022: Networks of the Future/);
    assert.deepEqual(beta.textEdit, {
      range: { start: { line: 0, character: 6 }, end: { line: 0, character: 6 } },
      newText: 'beta2022',
    });
  });
  it('replaces the partial key typed so far', () => {
    const items = service().completion(doc('See [@al'), { line: 0, character: 8 })!.items;
    const alpha = items.find((i) => i.label === 'alpha2023')!;
    assert.deepEqual(alpha.textEdit && 'range' in alpha.textEdit && alpha.textEdit.range.start, {
      line: 0,
      character: 6,
    });
  });
  it('ranks the sources that support the sentence first', () => {
    const first = (text: string): string =>
      service().completion(doc(text), { line: 0, character: text.length })!.items[0].label;
    assert.equal(first('Samsung advocates Open RAN [@'), 'beta2022');
    assert.equal(first("Most of Korea's imports come from the Indo-Pacific [@"), 'alpha2023');
  });
  it('says a source supports the sentence only when the checker finds every checkable part agrees', () => {
    const supports = (text: string): string[] =>
      service()
        .completion(doc(text), { line: 0, character: text.length })!
        .items.filter((i) => (i.data as { supports: boolean }).supports)
        .map((i) => String(i.label));
    assert.deepEqual(supports("About 78 per cent of Korea's exports go to the Indo-Pacific [@"), ['alpha2023']);
    // On topic, but the figure is wrong: no source is said to support it, and none is preselected.
    assert.deepEqual(supports("About 90 per cent of Korea's exports go to the Indo-Pacific [@"), []);
    const wrong = "About 90 per cent of Korea's exports go to the Indo-Pacific [@";
    assert.equal(
      service()
        .completion(doc(wrong), { line: 0, character: wrong.length })!
        .items.some((i) => i.preselect),
      false,
    );
  });
  it('sends the best few hundred of thousands of sources, marked incomplete, narrowed by what is typed', async () => {
    const { completionLimit } = await import('../../server/src/features/completion');
    const s = service();
    s.setExtraSources(
      Array.from({ length: completionLimit + 100 }, (_, i) => ({
        key: `extra${i}`,
        kind: 'bibliography' as const,
        origin: { file: '/r.json', line: 0, character: 0 },
        csl: { id: `extra${i}`, type: 'book', title: `Book ${i}` },
      })),
    );
    const all = s.completion(doc('See [@'), { line: 0, character: 6 })!;
    assert.equal(all.isIncomplete, true);
    assert.equal(all.items.length, completionLimit);
    const typed = s.completion(doc('See [@extra59'), { line: 0, character: 13 })!;
    assert.ok(typed.items.some((i) => i.label === 'extra599'));
    assert.ok(typed.items.every((i) => i.label.startsWith('extra59')));
  });
  it('offers nothing outside a citation or after an e-mail @', () => {
    assert.equal(service().completion(doc('Plain text'), { line: 0, character: 5 }), null);
    assert.equal(service().completion(doc('mail me at a@b'), { line: 0, character: 14 }), null);
  });
});
