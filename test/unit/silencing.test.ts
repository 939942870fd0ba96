import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import MarkdownIt from 'markdown-it';
import { doc, service } from './helpers';

const wrong = "Nearly 90% of Korea's exports go to the Indo-Pacific.";
const unknown = 'As argued [@alpha2032].';

function codes(text: string, languageId = 'markdown'): string[] {
  return service()
    .diagnostics(doc(text, languageId))
    .map((d) => `${d.range.start.line}:${d.code}`)
    .sort((a, b) => parseInt(a) - parseInt(b));
}

describe('silencing comments', () => {
  it('a finding is reported without a comment (the tests below can fail)', () => {
    assert.deepEqual(codes(`${wrong}\n\n${unknown}\n`), ['0:contradiction', '2:unknown-citation']);
  });
  it('disable-next-line silences the named check on the next line only', () => {
    const text = `<!-- policy-lens-disable-next-line contradiction -->\n${wrong}\n\n${wrong}\n`;
    assert.deepEqual(codes(text), ['3:contradiction']);
    // Another check named: the contradiction stays.
    assert.deepEqual(codes(`<!-- policy-lens-disable-next-line unknown-citation -->\n${wrong}\n`), ['1:contradiction']);
  });
  it('disable-line silences its own line; no names: every check', () => {
    const text = `${wrong} ${unknown} <!-- policy-lens-disable-line -->\n\n${unknown}\n`;
    assert.deepEqual(codes(text), ['2:unknown-citation']);
    // Two comments on one line: both count.
    const two =
      `${wrong} ${unknown} <!-- policy-lens-disable-line contradiction -->` +
      ' <!-- policy-lens-disable-line unknown-citation -->\n';
    assert.deepEqual(codes(two), []);
    assert.deepEqual(codes(two.replace(' <!-- policy-lens-disable-line unknown-citation -->', '')), [
      '0:unknown-citation',
    ]);
  });
  it('disable and enable make a range, by check', () => {
    const text = [
      '<!-- policy-lens-disable contradiction unknown-citation -->',
      wrong,
      '',
      unknown,
      '',
      '<!-- policy-lens-enable unknown-citation -->',
      wrong,
      '',
      unknown,
      '',
      '<!-- policy-lens-enable -->',
      wrong,
      '',
    ].join('\n');
    assert.deepEqual(codes(text), ['8:unknown-citation', '11:contradiction']);
  });
  it('disable-file covers the whole file, wherever it stands', () => {
    const text = `${wrong}\n\n${unknown}\n\n<!-- policy-lens-disable-file unknown-citation -->\n`;
    assert.deepEqual(codes(text), ['0:contradiction']);
  });
  it('capture and restore keep what was silenced before', () => {
    const text = [
      '<!-- policy-lens-disable unknown-citation -->',
      '<!-- policy-lens-capture -->',
      '<!-- policy-lens-disable -->',
      wrong,
      '<!-- policy-lens-restore -->',
      '',
      wrong,
      '',
      unknown,
      '',
    ].join('\n');
    assert.deepEqual(codes(text), ['6:contradiction']);
  });
  it('takes the settings’ names and any case', () => {
    assert.deepEqual(codes(`<!-- policy-lens-disable-next-line unknownCitation -->\n${unknown}\n`), []);
    assert.deepEqual(codes(`<!-- policy-lens-disable-next-line Unknown-Citation -->\n${unknown}\n`), []);
    // An unknown name silences nothing.
    assert.deepEqual(codes(`<!-- policy-lens-disable-next-line unknown -->\n${unknown}\n`), ['1:unknown-citation']);
  });
  it('extracted-contradiction names only contradictions that rest on extracted claims', () => {
    const text = `<!-- policy-lens-disable-next-line extracted-contradiction -->\n${wrong}\n`;
    assert.deepEqual(codes(text), ['1:contradiction']);
  });
  it('a comment in a code block, a code span or front matter does not count', () => {
    const fenced = `\`\`\`\n<!-- policy-lens-disable -->\n\`\`\`\n\n${wrong}\n`;
    assert.deepEqual(codes(fenced), ['4:contradiction']);
    const indented = `Some text.\n\n    <!-- policy-lens-disable -->\n\n${wrong}\n`;
    assert.deepEqual(codes(indented), ['4:contradiction']);
    const span = `Write \`<!-- policy-lens-disable-line -->\` to silence a line. ${unknown}\n`;
    assert.deepEqual(codes(span), ['0:unknown-citation']);
    const frontMatter = `---\ntitle: <!-- policy-lens-disable -->\n---\n${wrong}\n`;
    assert.deepEqual(codes(frontMatter), ['3:contradiction']);
  });
  it('a comment split over lines does not count (as in markdownlint)', () => {
    assert.deepEqual(codes(`<!-- policy-lens-disable\n-->\n\n${wrong}\n`), ['3:contradiction']);
  });
  it('works in plain text', () => {
    const text = `<!-- policy-lens-disable-next-line -->\n${unknown}\n\n${unknown}\n`;
    assert.deepEqual(codes(text, 'plaintext'), ['3:unknown-citation']);
  });
});

const html = new MarkdownIt({ html: true });

/** Applies the Ignore quick fix of the first `code` finding; checks that the finding is gone after. */
function ignore(text: string, code: string, languageId = 'markdown'): string {
  const s = service();
  const d = doc(text, languageId);
  const diagnostics = s.diagnostics(d).filter((x) => x.code === code);
  assert.ok(diagnostics.length > 0, `no ${code} in ${JSON.stringify(text)}`);
  const action = s.codeActions(d, diagnostics.slice(0, 1)).find((a) => a.title === 'Ignore this finding');
  assert.ok(action, 'an Ignore this finding action');
  assert.equal(action.isPreferred, false);
  const result = TextDocument.applyEdits(d, action.edit!.changes![d.uri]);
  const after = service()
    .diagnostics(doc(result, languageId))
    .filter((x) => x.code === code);
  assert.equal(after.length, diagnostics.length - 1, `silenced in ${JSON.stringify(result)}`);
  return result;
}

/** The HTML without comments and white space around block tags: what a reader sees must not change. */
function rendered(text: string): string {
  const blockTag = /\s*(<\/?(?:p|li|ul|ol|blockquote|table|thead|tbody|tr|th|td)>)\s*/g;
  return html
    .render(text)
    .replace(/<!--[^]*?-->/g, '')
    .replace(blockTag, '$1')
    .trim();
}

describe('Ignore this finding', () => {
  it('puts a disable-next-line comment on its own line above the finding', () => {
    assert.equal(
      ignore(`Intro.\n\n${wrong}\n`, 'contradiction'),
      `Intro.\n\n<!-- policy-lens-disable-next-line contradiction -->\n${wrong}\n`,
    );
  });
  it('keeps CRLF line ends and a byte order mark', () => {
    assert.equal(
      ignore(`\uFEFF${wrong}\r\n\r\nEnd.\r\n`, 'contradiction'),
      `\uFEFF<!-- policy-lens-disable-next-line contradiction -->\r\n${wrong}\r\n\r\nEnd.\r\n`,
    );
  });
  it('stays in the list: indented into the item before, at the marker above the first item', () => {
    const list = `- First point.\n- ${wrong}\n- Last point.\n`;
    const fixed = ignore(list, 'contradiction');
    const comment = '<!-- policy-lens-disable-next-line contradiction -->';
    assert.equal(fixed, `- First point.\n  ${comment}\n- ${wrong}\n- Last point.\n`);
    assert.equal(rendered(fixed), rendered(list));
    const firstItem = `Points:\n\n1. ${wrong}\n2. Other.\n`;
    assert.equal(
      ignore(firstItem, 'contradiction'),
      `Points:\n\n<!-- policy-lens-disable-next-line contradiction -->\n1. ${wrong}\n2. Other.\n`,
    );
    // Items indented differently: the comment goes to the text of the item before, wherever that is.
    for (const list of [
      `  - First point.\n- ${wrong}\n`,
      `  - First point.\n\n- ${wrong}\n`,
      `-   First.\n- ${wrong}\n`,
    ]) {
      assert.equal(rendered(ignore(list, 'contradiction')), rendered(list), list);
    }
    const nested = `- Outer.\n  - ${wrong}\n`;
    const fixedNested = ignore(nested, 'contradiction');
    assert.equal(fixedNested, `- Outer.\n  <!-- policy-lens-disable-next-line contradiction -->\n  - ${wrong}\n`);
    assert.equal(rendered(fixedNested), rendered(nested));
  });
  it('stays in the block quote', () => {
    const quote = `> Intro.\n>\n> ${wrong}\n`;
    const fixed = ignore(quote, 'contradiction');
    assert.equal(fixed, `> Intro.\n>\n> <!-- policy-lens-disable-next-line contradiction -->\n> ${wrong}\n`);
    assert.equal(rendered(fixed), rendered(quote));
    const inList = `> - One.\n> - ${wrong}\n`;
    assert.equal(rendered(ignore(inList, 'contradiction')), rendered(inList));
  });
  it('does not split a hard-wrapped paragraph: the paragraph goes between disable and enable', () => {
    const text = `The first line of it.\n  ${wrong}\nAnd on.\n\nNext ${wrong}\n`;
    const fixed = ignore(text, 'contradiction');
    assert.equal(
      fixed,
      '<!-- policy-lens-disable contradiction -->\nThe first line of it.\n' +
        `  ${wrong}\nAnd on.\n<!-- policy-lens-enable contradiction -->\n\nNext ${wrong}\n`,
    );
    assert.equal(rendered(fixed), rendered(text));
    const inItem = `- Start.\n  ${wrong}\n- Next.\n`;
    const fixedItem = ignore(inItem, 'contradiction');
    assert.equal(
      fixedItem,
      `<!-- policy-lens-disable contradiction -->\n- Start.\n  ${wrong}\n` +
        '  <!-- policy-lens-enable contradiction -->\n- Next.\n',
    );
    assert.equal(rendered(fixedItem), rendered(inItem));
  });
  it('at the end of a file without a final line break', () => {
    assert.equal(
      ignore(`Start.\n${wrong}`, 'contradiction'),
      `<!-- policy-lens-disable contradiction -->\nStart.\n${wrong}\n<!-- policy-lens-enable contradiction -->`,
    );
  });
  it('in a table row, the table goes between disable and enable', () => {
    const table = `| Claim |\n| --- |\n| ${wrong} |\n`;
    const fixed = ignore(table, 'contradiction');
    assert.equal(rendered(fixed), rendered(table));
  });
  it('in plain text', () => {
    assert.equal(
      ignore(`Intro.\n\n${unknown}\n`, 'unknown-citation', 'plaintext'),
      `Intro.\n\n<!-- policy-lens-disable-next-line unknown-citation -->\n${unknown}\n`,
    );
  });
  it('is not offered below an HTML comment left open, which its "-->" would close', () => {
    const text = `<div>\n<!-- \n</div>\n\n${wrong}\n`;
    const s = service();
    const d = doc(text);
    const found = s.diagnostics(d).filter((x) => x.code === 'contradiction');
    assert.equal(found.length, 1);
    assert.deepEqual(
      s.codeActions(d, found).filter((a) => a.title === 'Ignore this finding'),
      [],
    );
  });
  it('is not offered when a "-->" in Markdown text (printed as text) leaves the HTML comment open', () => {
    const text = `<div>\n<!-- \n</div>\n\n- -->\n- ${wrong}\n`;
    const s = service();
    const d = doc(text);
    const found = s.diagnostics(d).filter((x) => x.code === 'contradiction');
    assert.equal(found.length, 1);
    assert.deepEqual(
      s.codeActions(d, found).filter((a) => a.title === 'Ignore this finding'),
      [],
    );
  });
  it('is offered for every check but after the fixes', () => {
    const s = service();
    const d = doc(unknown);
    const actions = s.codeActions(d, s.diagnostics(d));
    assert.equal(actions.at(-1)?.title, 'Ignore this finding');
    assert.ok(actions.length > 1);
  });
});
