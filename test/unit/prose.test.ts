import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { parseProse } from '../../server/src/engine/markdown/prose';

function prose(text: string): string {
  return parseProse(text)
    .blocks.map((b) => b.text.replace(/\s+/g, ' ').trim())
    .join(' | ');
}

describe('prose extraction', () => {
  it('skips front matter, code blocks and HTML comments', () => {
    const text =
      '---\ntitle: 90% draft\nbibliography: refs.json\n---\n\nReal 78% text.\n\n```\ncode 90%\n```\n\n<!-- ' +
      'note 90% -->\n\n    indented 90%\n';
    assert.equal(prose(text), 'Real 78% text.');
    assert.equal(parseProse(text).frontMatter?.yaml, 'title: 90% draft\nbibliography: refs.json\n');
  });
  it('masks code spans, URLs, link targets, images and HTML', () => {
    assert.equal(
      prose(
        'See `90%` and https://example.org/90 and [the text](http://x.org/90) ![img 90](a.png) <span ' +
          'class="x">ok</span>.',
      ),
      'See and and the text ok .',
    );
  });
  it('keeps offsets: masked text has the document length', () => {
    const text = '# Heading 90%\n\n- A *list* item with `code`.\n> Quoted [@key] text.\n';
    for (const block of parseProse(text).blocks) assert.equal(block.text.length, block.end - block.start);
    assert.equal(prose(text), 'Heading 90% | A list item with . | Quoted text.');
  });
  it('records Pandoc citations with key offsets, not e-mail addresses', () => {
    const text = 'As shown [see @kim2023, p. 3; @pacforum2022] and @kim2023 says, write to a@b.org.';
    const { citations } = parseProse(text).blocks[0];
    assert.deepEqual(
      citations.map((c) => c.keys.map((k) => k.key)),
      [['kim2023', 'pacforum2022'], ['kim2023']],
    );
    for (const c of citations) for (const k of c.keys) assert.equal(text.slice(k.start, k.end), k.key);
    assert.equal(citations[0].bracketed, true);
    assert.equal(citations[1].bracketed, false);
  });
  it('handles suppress-author and braced keys', () => {
    const { citations } = parseProse('Kim says so [-@kim2023]. Also [@{odd key}].').blocks[0];
    assert.deepEqual(
      citations.map((c) => c.keys[0].key),
      ['kim2023', 'odd key'],
    );
  });
  it('splits table cells and skips the delimiter row', () => {
    assert.equal(prose('| a 90% | b |\n|---|---|\n| c | d |\n'), 'a 90% | b | c | d');
  });
  it('treats plain text as paragraphs without Markdown', () => {
    const blocks = parseProse('    indented 90% stays prose\n\nsecond', 'plaintext').blocks;
    assert.equal(blocks.length, 2);
    assert.match(blocks[0].text, /indented 90%/);
  });
  it('survives CRLF line endings', () => {
    const text = 'First line\r\nsecond line.\r\n\r\n```\r\n90%\r\n```\r\nAfter.';
    assert.equal(prose(text), 'First line second line. | After.');
  });
});
