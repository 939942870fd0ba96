/**
 * Tests for syntaxes/pandoc-citations.tmLanguage.json, the injection grammar that
 * highlights Pandoc citations in Markdown.
 *
 * The real TextMate engine (vscode-textmate + vscode-oniguruma) tokenises text with
 * a registry that serves a Markdown base grammar (test/grammar/fixtures/
 * markdown-base.tmLanguage.json, a cut-down copy of VS Code's built-in one with the
 * same regexes and scope names) and injects our grammar into it, the way VS Code
 * does for a `contributes.grammars` entry with `injectTo: ["text.html.markdown"]`.
 *
 * Paths are resolved from process.cwd(): run from the repository root.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vsctm from 'vscode-textmate';
import * as oniguruma from 'vscode-oniguruma';

const ROOT = process.cwd();
const INJECTION_PATH = path.join(ROOT, 'syntaxes', 'pandoc-citations.tmLanguage.json');
const MARKDOWN_PATH = path.join(ROOT, 'test', 'grammar', 'fixtures', 'markdown-base.tmLanguage.json');
const WASM_PATH = path.join(ROOT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm');

const MARKDOWN_SCOPE = 'text.html.markdown';
const INJECTION_SCOPE = 'text.pandoc-citation.injection';

// Scope names the grammar promises (a token "has" a scope when one of its scopes is
// that name or starts with that name followed by a dot).
const GROUP = 'meta.citation.pandoc';
const IN_TEXT = 'meta.citation.in-text.pandoc';
const ANY_CITATION = 'meta.citation';
const KEY = 'variable.other.citation-key.pandoc';
const AT = 'punctuation.definition.citation-key.pandoc';
const BEGIN = 'punctuation.definition.citation.begin.pandoc';
const END = 'punctuation.definition.citation.end.pandoc';
const SUPPRESS = 'keyword.operator.suppress-author.pandoc';
const SEPARATOR = 'punctuation.separator.citation.pandoc';
const LOCATOR = 'meta.locator.pandoc';
const LOCATOR_LABEL = 'keyword.other.locator-label.pandoc';
const LOCATOR_VALUE = 'string.unquoted.locator.pandoc';
const PARAGRAPH = 'meta.paragraph.markdown';

interface Token {
  text: string;
  start: number;
  end: number;
  scopes: string[];
}

interface Line {
  text: string;
  tokens: Token[];
}

let grammarPromise: Promise<vsctm.IGrammar> | undefined;

function markdownGrammar(): Promise<vsctm.IGrammar> {
  grammarPromise ??= (async () => {
    await oniguruma.loadWASM(fs.readFileSync(WASM_PATH));
    const files: Record<string, string> = {
      [MARKDOWN_SCOPE]: MARKDOWN_PATH,
      [INJECTION_SCOPE]: INJECTION_PATH,
    };
    const registry = new vsctm.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
        createOnigString: (text: string) => new oniguruma.OnigString(text),
      }),
      loadGrammar: async (scopeName: string) => {
        const file = files[scopeName];
        return file ? vsctm.parseRawGrammar(fs.readFileSync(file, 'utf8'), file) : null;
      },
      // What VS Code derives from `"injectTo": ["text.html.markdown"]`.
      getInjections: (scopeName: string) => (scopeName === MARKDOWN_SCOPE ? [INJECTION_SCOPE] : undefined),
    });
    const grammar = await registry.loadGrammar(MARKDOWN_SCOPE);
    assert.ok(grammar, 'the Markdown fixture grammar loads');
    return grammar;
  })();
  return grammarPromise;
}

/** Tokenises a Markdown document line by line, carrying the rule stack across lines. */
async function tokenize(markdown: string): Promise<Line[]> {
  const grammar = await markdownGrammar();
  let state = vsctm.INITIAL;
  return markdown.split('\n').map((text) => {
    const result = grammar.tokenizeLine(text, state);
    state = result.ruleStack;
    return {
      text,
      tokens: result.tokens
        .filter((t) => t.startIndex < text.length)
        .map((t) => ({
          text: text.slice(t.startIndex, t.endIndex),
          start: t.startIndex,
          end: Math.min(t.endIndex, text.length),
          scopes: t.scopes,
        })),
    };
  });
}

async function tokenizeLine(text: string): Promise<Line> {
  const [line] = await tokenize(text);
  return line;
}

function hasScope(token: Token, scope: string): boolean {
  return token.scopes.some((s) => s === scope || s.startsWith(`${scope}.`));
}

function dump(line: Line): string {
  return [
    `line: ${JSON.stringify(line.text)}`,
    ...line.tokens.map((t) => `  ${JSON.stringify(t.text).padEnd(28)} ${t.scopes.slice(1).join(' ')}`),
  ].join('\n');
}

/** Texts of the maximal runs of consecutive tokens that have `scope`, in order. */
function runs(line: Line, scope: string): string[] {
  const found: string[] = [];
  let current: string | undefined;
  for (const token of line.tokens) {
    if (hasScope(token, scope)) {
      current = (current ?? '') + token.text;
    } else if (current !== undefined) {
      found.push(current);
      current = undefined;
    }
  }
  if (current !== undefined) found.push(current);
  return found;
}

function assertRuns(line: Line, scope: string, expected: string[]): void {
  assert.deepEqual(runs(line, scope), expected, `runs of ${scope}\n${dump(line)}`);
}

/** Tokens covering the `nth` occurrence of `needle` in the line. */
function tokensAt(line: Line, needle: string, nth = 0): Token[] {
  let index = -1;
  for (let i = 0; i <= nth; i++) {
    index = line.text.indexOf(needle, index + 1);
    assert.ok(index >= 0, `${JSON.stringify(needle)} (#${nth}) occurs in ${JSON.stringify(line.text)}`);
  }
  const end = index + needle.length;
  return line.tokens.filter((t) => t.start < end && t.end > index);
}

function assertScoped(line: Line, needle: string, scope: string, nth = 0): void {
  const tokens = tokensAt(line, needle, nth);
  assert.ok(
    tokens.length > 0 && tokens.every((t) => hasScope(t, scope)),
    `${JSON.stringify(needle)} should have ${scope}\n${dump(line)}`,
  );
}

function assertNotScoped(line: Line, needle: string, scope: string, nth = 0): void {
  const tokens = tokensAt(line, needle, nth);
  assert.ok(
    tokens.every((t) => !hasScope(t, scope)),
    `${JSON.stringify(needle)} should not have ${scope}\n${dump(line)}`,
  );
}

/** No citation scopes anywhere in the line. */
function assertNoCitation(line: Line): void {
  assertRuns(line, ANY_CITATION, []);
  assertRuns(line, KEY, []);
}

function collectRegexes(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) {
    for (const item of node) collectRegexes(item, out);
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (['match', 'begin', 'end', 'while'].includes(key) && typeof value === 'string') out.push(value);
      else collectRegexes(value, out);
    }
  }
  return out;
}

test('the injection grammar declares its scope, an L: selector excluding code, and valid regexes', async () => {
  await markdownGrammar(); // loads the WASM Oniguruma used below
  const raw = JSON.parse(fs.readFileSync(INJECTION_PATH, 'utf8')) as {
    scopeName: string;
    injectionSelector: string;
    patterns: unknown[];
  };
  assert.equal(raw.scopeName, INJECTION_SCOPE);
  assert.match(raw.injectionSelector, /^L:/, 'left priority, so [@key] wins over Markdown link rules');
  for (const excluded of ['comment', 'markup.fenced_code', 'markup.inline.raw', 'markup.raw', 'meta.embedded']) {
    assert.match(
      raw.injectionSelector,
      new RegExp(`[-(|]\\s*${excluded.replace('.', '\\.')}\\b`),
      `excludes ${excluded}`,
    );
  }
  const regexes = collectRegexes(raw);
  assert.ok(regexes.length >= 8, 'grammar has its rules');
  for (const source of regexes) {
    assert.doesNotThrow(() => new oniguruma.OnigScanner([source]), `compiles: ${source}`);
  }
});

test('[@key]: brackets, @ and key get citation scopes, and win over a Markdown link reference', async () => {
  const line = await tokenizeLine('As shown [@doe99].');
  assertRuns(line, GROUP, ['[@doe99]']);
  assertScoped(line, '[', BEGIN);
  assertScoped(line, ']', END);
  assertScoped(line, '@', AT);
  assertRuns(line, KEY, ['@doe99']);
  assertNotScoped(line, '[@doe99]', 'meta.link.reference.markdown');
  assertNotScoped(line, 'As shown', ANY_CITATION);
});

test('[@key, p. 3]: the locator is scoped as label and value', async () => {
  const line = await tokenizeLine('Costs rose [@doe99, p. 3] overall.');
  assertRuns(line, GROUP, ['[@doe99, p. 3]']);
  assertRuns(line, KEY, ['@doe99']);
  assertRuns(line, LOCATOR, ['p. 3']);
  assertRuns(line, LOCATOR_LABEL, ['p.']);
  assertRuns(line, LOCATOR_VALUE, ['3']);
  assertNotScoped(line, 'overall', ANY_CITATION);
});

test('[see @a, pp. 33-35; also @b, ch. 1]: prefixes, keys, locators and ; separators', async () => {
  const line = await tokenizeLine('Blah [see @doe99, pp. 33-35; also @smith04, ch. 1] blah.');
  assertRuns(line, GROUP, ['[see @doe99, pp. 33-35; also @smith04, ch. 1]']);
  assertRuns(line, KEY, ['@doe99', '@smith04']);
  assertRuns(line, SEPARATOR, [';']);
  assertRuns(line, LOCATOR, ['pp. 33-35', 'ch. 1']);
  assertRuns(line, LOCATOR_LABEL, ['pp.', 'ch.']);
  assertRuns(line, LOCATOR_VALUE, ['33-35', '1']);
  assertScoped(line, 'see', GROUP);
  assertNotScoped(line, 'see', KEY);
  assertNotScoped(line, 'also', KEY);
});

test('suppress-author: the - before @ is an operator, not part of the key', async () => {
  const line = await tokenizeLine('Smith says so [-@smith04] and [@doe99; -@roe07, p. 4].');
  assertRuns(line, SUPPRESS, ['-', '-']);
  assertRuns(line, KEY, ['@smith04', '@doe99', '@roe07']);
  assertRuns(line, GROUP, ['[-@smith04]', '[@doe99; -@roe07, p. 4]']);
  assertRuns(line, LOCATOR, ['p. 4']);
});

test('in-text @key is a citation, also at the start of a line, and the line stays a paragraph', async () => {
  const line = await tokenizeLine('@kim2023 says `@code` is fine, and so does @lee_2020.');
  assertRuns(line, IN_TEXT, ['@kim2023', '@lee_2020']);
  assertRuns(line, KEY, ['@kim2023', '@lee_2020']);
  assertScoped(line, '@', AT);
  assertNotScoped(line, 'says', ANY_CITATION);
  // The injection must not claim column 0 before the paragraph rule starts: the whole
  // line stays inside the paragraph, so the code span after it is still code.
  assert.ok(
    line.tokens.every((t) => hasScope(t, PARAGRAPH)),
    `whole line in a paragraph\n${dump(line)}`,
  );
  assertScoped(line, '@code', 'markup.inline.raw.string.markdown');
  assertNotScoped(line, '@code', KEY);
});

test('in-text @key [p. 33]: the bracketed locator belongs to the in-text citation', async () => {
  const line = await tokenizeLine('@kim2023 [p. 33] says so, as does @roe07 [chap. 2; @doe99, pp. 4-5].');
  assertRuns(line, IN_TEXT, ['@kim2023 [p. 33]', '@roe07 [chap. 2; @doe99, pp. 4-5]']);
  assertRuns(line, KEY, ['@kim2023', '@roe07', '@doe99']);
  assertRuns(line, LOCATOR, ['p. 33', 'chap. 2', 'pp. 4-5']);
  assertRuns(line, BEGIN, ['[', '[']);
  assertRuns(line, END, [']', ']']);
  assertRuns(line, GROUP, []);
  assertNotScoped(line, 'says', ANY_CITATION);
});

test('citation keys follow Pandoc: internal punctuation only, braces for anything else', async () => {
  const cases: Array<[string, string[]]> = [
    ['See @Foo_bar.baz. here.', ['@Foo_bar.baz']], // a final period is not internal
    ['See @Foo_bar--baz here.', ['@Foo_bar']], // repeated punctuation ends the key
    ['See @{Foo_bar.baz.} here.', ['@{Foo_bar.baz.}']], // braces keep everything
    ['See @doi:10.1000/182 here.', ['@doi:10.1000/182']],
    ["See @пункт3's view.", ['@пункт3']], // Unicode letters; ' ends the key
    ['See @_private and @1984orwell, then @kim2023: done.', ['@_private', '@1984orwell', '@kim2023']],
    ['Not keys: @.dot, @-dash, @ space, (@) and @{has space}.', []],
  ];
  for (const [text, keys] of cases) {
    assertRuns(await tokenizeLine(text), KEY, keys);
  }
  const braced = await tokenizeLine('See [@{Foo_bar.baz.}, p. 2].');
  assertScoped(braced, '{', 'punctuation.definition.citation-key.begin.pandoc');
  assertScoped(braced, '}', 'punctuation.definition.citation-key.end.pandoc');
  assertRuns(braced, LOCATOR, ['p. 2']);
});

test('e-mail addresses and @ after a word are not citations', async () => {
  const line = await tokenizeLine(
    'Write to name@example.org, first.last@example.org or <jane.doe@example.org>; x.@key is text, but @kim2023 cites.',
  );
  assertRuns(line, KEY, ['@kim2023']);
  assertRuns(line, IN_TEXT, ['@kim2023']);
  assertNotScoped(line, 'name@example.org', ANY_CITATION);
  assertScoped(line, 'jane.doe@example.org', 'markup.underline.link.markdown');
  const bracket = await tokenizeLine('Ask [email jo@example.org for a copy] or see [@doe99].');
  assertRuns(bracket, GROUP, ['[@doe99]']);
  assertRuns(bracket, KEY, ['@doe99']);
});

test('a backslash-escaped @ is not a citation', async () => {
  const line = await tokenizeLine('Escaped \\@doe99 and [\\@doe99], real @kim2023.');
  assertRuns(line, KEY, ['@kim2023']);
  assertRuns(line, GROUP, []);
});

test('@ inside inline code is not a citation', async () => {
  const line = await tokenizeLine('Run `@doe99` or `` [@doe99, p. 3] `` before citing [@real2024].');
  assertRuns(line, KEY, ['@real2024']);
  assertRuns(line, GROUP, ['[@real2024]']);
  assertScoped(line, '@doe99', 'markup.inline.raw.string.markdown');
  assertNotScoped(line, '@doe99', ANY_CITATION);
  assertNotScoped(line, '[@doe99, p. 3]', ANY_CITATION);
});

test('@ inside fenced code blocks is not a citation, and citations resume after the fence', async () => {
  const lines = await tokenize(
    [
      'Before [@before].',
      '',
      '```',
      '@fenced [@doe99, p. 3] and @kim2023 [p. 4]',
      '```',
      '',
      '~~~ python',
      'print("@kim2023")',
      '~~~',
      '',
      '```js',
      "const who = '@kim2023'; // [@doe99]",
      '```',
      '',
      'After @after.',
    ].join('\n'),
  );
  assertRuns(lines[0], KEY, ['@before']);
  for (const index of [3, 7, 11]) {
    assertScoped(lines[index], '@', 'markup.fenced_code.block.markdown');
    assertNoCitation(lines[index]);
  }
  assertScoped(lines[11], 'const', 'meta.embedded.block.javascript');
  assertRuns(lines[14], KEY, ['@after']);
});

test('@ inside indented code blocks, HTML comments and YAML front matter is not a citation', async () => {
  const lines = await tokenize(
    [
      '---',
      'author: "@kim2023 [@doe99]"',
      '---',
      '',
      'Intro [@intro].',
      '',
      '    @indented [@doe99, p. 3]',
      '',
      '<!-- @comment [@doe99] -->',
      '',
      'Outro @outro.',
    ].join('\n'),
  );
  assertScoped(lines[1], 'author', 'meta.embedded.block.frontmatter');
  assertNoCitation(lines[1]);
  assertRuns(lines[4], KEY, ['@intro']);
  assertScoped(lines[6], '@indented', 'markup.raw.block.markdown');
  assertNoCitation(lines[6]);
  assertScoped(lines[8], '@comment', 'comment.block.html');
  assertNoCitation(lines[8]);
  assertRuns(lines[10], KEY, ['@outro']);
});

test('links, link URLs and spans take precedence over bracketed citations', async () => {
  const line = await tokenizeLine(
    'See [the site of @doe](https://example.org), [a post](https://medium.com/@author), [@doe99]{.smallcaps} ' +
      'and [@real].',
  );
  assertRuns(line, GROUP, ['[@real]']);
  assertRuns(line, KEY, ['@real']);
  assertScoped(line, 'https://medium.com/@author', 'markup.underline.link.markdown');
  assertNotScoped(line, 'https://medium.com/@author', ANY_CITATION);
});

test('footnotes are not citations, but a citation next to one still is', async () => {
  const line = await tokenizeLine('Materials include @fenner2012a[^1], a note ^[see @roe07] and [^2].');
  assertRuns(line, KEY, ['@fenner2012a', '@roe07']);
  assertRuns(line, GROUP, []);
  assertRuns(line, IN_TEXT, ['@fenner2012a', '@roe07']);
  assertNotScoped(line, '[^1]', ANY_CITATION);
  assertNotScoped(line, '[^2]', ANY_CITATION);
});

test('citations are highlighted in headings and block quotes', async () => {
  const lines = await tokenize(
    ['# Findings of @kim2023, confirmed [@doe99, p. 3]', '', '> As [-@roe07] argues.'].join('\n'),
  );
  assertScoped(lines[0], 'Findings', 'markup.heading.markdown');
  assertRuns(lines[0], KEY, ['@kim2023', '@doe99']);
  assertRuns(lines[0], GROUP, ['[@doe99, p. 3]']);
  assertScoped(lines[2], '[-@roe07]', 'markup.quote.markdown');
  assertRuns(lines[2], GROUP, ['[-@roe07]']);
  assertRuns(lines[2], SUPPRESS, ['-']);
});

test('a bracket without its ] on the same line is no citation group, and nothing leaks to the next line', async () => {
  const lines = await tokenize(['Hard-wrapped [see @doe99, pp. 33-35; also', '@smith04, ch. 1] and more.'].join('\n'));
  assertRuns(lines[0], GROUP, []);
  assertRuns(lines[0], KEY, ['@doe99']); // still shown as a key
  assertRuns(lines[1], KEY, ['@smith04']);
  assertRuns(lines[1], GROUP, []);
  assertNotScoped(lines[1], 'and more', ANY_CITATION);
});

test('braced locators, bare page numbers, lists of pages and section signs', async () => {
  const line = await tokenizeLine(
    'A [@smith{ii, A, D-Z}, with a suffix] B [@citekey, 89, and suffix] C [@item1 pp. 33, 35-37, and nowhere ' +
      'else] D [@doe99, § 4].',
  );
  assertRuns(line, KEY, ['@smith', '@citekey', '@item1', '@doe99']);
  assertRuns(line, LOCATOR, ['{ii, A, D-Z}', '89', 'pp. 33, 35-37', '§ 4']);
  assertRuns(line, LOCATOR_VALUE, ['ii, A, D-Z', '89', '33, 35-37', '4']);
  assertRuns(line, LOCATOR_LABEL, ['pp.', '§']);
  assertNotScoped(line, 'with a suffix', LOCATOR);
  assertNotScoped(line, 'and nowhere else', LOCATOR);
});

test('brackets without a citation key are left alone', async () => {
  const line = await tokenizeLine('Plain [see p. 3], [TODO] and a real one [@doe99].');
  assertRuns(line, GROUP, ['[@doe99]']);
  assertRuns(line, KEY, ['@doe99']);
  assertRuns(line, LOCATOR, []);
});
