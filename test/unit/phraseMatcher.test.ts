// The phrase matcher: longest matches, left to right, and a form opening with "the" that gives way
// to a longer name starting right after the article.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { PhraseMatcher } from '../../server/src/engine/text/phraseMatcher';
import { tokenize } from '../../server/src/engine/text/tokens';

function longest(phrases: string[], text: string): string[] {
  const matcher = new PhraseMatcher<string>();
  for (const p of phrases) matcher.add(p, p);
  return matcher.matchLongest(tokenize(text)).map((m) => m.value);
}

describe('phrase matcher', () => {
  it('takes the longest match at each place, left to right, without overlaps', () => {
    assert.deepEqual(longest(['Gulf', 'Eastern Gulf', 'Gulf Council'], 'The Eastern Gulf Council met.'), [
      'Eastern Gulf',
    ]);
  });

  it('lets a form opening with "the" give way to a longer name starting right after it', () => {
    const phrases = ['the Eastern Gulf', 'Eastern Gulf Shipping Council'];
    assert.deepEqual(longest(phrases, 'Ships of the Eastern Gulf Shipping Council sailed.'), [
      'Eastern Gulf Shipping Council',
    ]);
    // No longer name: the form with its article stays.
    assert.deepEqual(longest(phrases, 'Ships of the Eastern Gulf sailed.'), ['the Eastern Gulf']);
  });
});
