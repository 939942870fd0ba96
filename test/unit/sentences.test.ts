import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { splitSentences } from '../../server/src/engine/text/sentences';

function split(text: string): string[] {
  return splitSentences(text).map((s) => text.slice(s.start, s.end));
}

describe('sentences', () => {
  it('splits on full stops followed by a capital', () => {
    assert.deepEqual(split('One. Two! Three? Four'), ['One.', 'Two!', 'Three?', 'Four']);
  });
  it('keeps abbreviations, initials and decimals inside a sentence', () => {
    assert.deepEqual(split('The U.S. Army War College hosted Dr. Kim. Next one.'), [
      'The U.S. Army War College hosted Dr. Kim.',
      'Next one.',
    ]);
    assert.deepEqual(split('Growth was 3.5 per cent, e.g. in Korea. Then more.'), [
      'Growth was 3.5 per cent, e.g. in Korea.',
      'Then more.',
    ]);
    assert.deepEqual(split('John F. Kennedy spoke. He left.'), ['John F. Kennedy spoke.', 'He left.']);
    assert.deepEqual(split('It runs faster than 7Q. In 2031 it ships.'), [
      'It runs faster than 7Q.',
      'In 2031 it ships.',
    ]);
    // Letters glued to a number are no abbreviation ("s" of "U.S."): the decade ends its sentence.
    assert.deepEqual(split('Ties began in the early 1990s. Following that, aid grew.'), [
      'Ties began in the early 1990s.',
      'Following that, aid grew.',
    ]);
  });
  it('keeps closing quotes with their sentence', () => {
    assert.deepEqual(split('He said “no.” Then left.'), ['He said “no.”', 'Then left.']);
  });
  it('does not split before a lower-case word', () => {
    assert.deepEqual(split('approx. ten people. Fine.'), ['approx. ten people.', 'Fine.']);
  });
});
