// fast-check arbitraries for realistic-but-hostile memos: Markdown structure, sentences that make the
// BUNDLED knowledge base fire (contradictions, citations, acronyms), and Unicode that stresses
// UTF-16 offsets (surrogate pairs, ZWJ sequences, CJK, right-to-left, zero-width, CRLF, tabs).
// Shared by the property tests; not a test file itself.
import * as fc from 'fast-check';

/** Sentences that trigger real findings with the bundled knowledge (kim2023, pacforum2022). */
export const memoSentences: readonly string[] = [
  "Nearly 90% of Korea's total exports go to the Indo-Pacific.",
  "About 78% of Korea's exports go to the Indo-Pacific [@kim2023].",
  'About 67% of its imports come from the region.',
  'Samsung does not advocate for Open RAN.',
  'Samsung advocates Open RAN [@pacforum2022].',
  'The OEWG met.',
  'The Open-Ended Working Group (OEWG) met again, and the OEWG will meet later.',
  "14 of Korea's 27 development cooperation partners are in the Indo-Pacific [@kim2023].",
  "15 of Korea's 27 development cooperation partners are in the Indo-Pacific.",
  '2023 marked the 70th anniversary of diplomatic relations between Korea and the EU.',
  "South Korea's Indo-Pacific Strategy was announced in March 2023.",
  "Roughly 64% of Korea's crude oil passes through the South China Sea [@pacforum2022].",
  '6G is expected to be about fifty times faster than 5G.',
  'John Park moderated the October 2022 Pacific Forum session.',
  'Mark Manantan moderated the October 2022 Pacific Forum session [@pacforum2022].',
  'So Jeong Kim, a Senior Research Fellow at the Institute for National Security Strategy, argues.',
  'So Jeong Kim, a Junior Research Fellow at Harvard University, argues.',
  "Huawei and ZTE are subject to China's National Intelligence Law of 2017.",
  'Advanced economies favoured Huawei over Samsung for their 5G networks.',
  'Cite [@kim2023] and [@nokey] and [see @pacforum2022, p. 3; @kim2O23].',
  'As @kim2023 argues, the UN GGE and the ODA budget matter.',
  'Write to someone@example.com or see <https://example.com/a_b> and www.example.org/x.',
  'The U.S. and the R.O.K. met on Jan. 5, e.g. in Seoul. Dr. Kim spoke.',
  'Is this true? Yes! It is… “quoted.” (Parenthetical.)',
];

/** Pieces that stress offsets: astral characters, grapheme clusters, bidi, zero-width, CJK. */
export const unicodePieces: readonly string[] = [
  '😀',
  '👩‍💻',
  '🇰🇷',
  '👍🏽',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  '𠜎𠜱',
  '😀'.repeat(31),
  '한국의 총수출',
  '中文句子。',
  '日本語の文です。',
  'العربية',
  'עברית',
  '\u200b',
  '\u200c',
  '\u200d',
  '\u200e',
  '\u200f',
  '\u202e',
  '\u2066x\u2069',
  '\ufeff',
  'e\u0301',
  '\u00a0',
  '\t',
  '…',
  '“quoted”',
  '‘single’',
  '\u2028',
  '\u2029',
  '\u0085',
  '\u000b',
  '\u000c',
  '\u0000',
  '\ufffd',
  '\u{10ffff}',
];

/** Markdown and citation syntax, balanced and not. */
export const markupPieces: readonly string[] = [
  '[@kim2023]',
  '[@pacforum2022, p. 4]',
  '[@nokey]',
  '[-@kim2023]',
  '@kim2023',
  '@{weird key}',
  '[@',
  '@',
  '[',
  ']',
  '[^1]',
  '`code 90%`',
  '``',
  '`',
  '**',
  '*',
  '_',
  '~~',
  '\\*',
  '\\[',
  '<!-- comment -->',
  '<!--',
  '-->',
  '<span>',
  '</span>',
  '<br/>',
  '[link](https://example.com/x_(y))',
  '![img](p.png)',
  '[ref][1]',
  '<https://example.com>',
  'http://example.com/a.b.',
  '# not a heading',
  '|',
  ':---:',
  '---',
  '```',
  '~~~',
  '$$',
  '&amp;',
  '&#x1F600;',
];

const wrappers: readonly [string, string][] = [
  ['**', '**'],
  ['*', '*'],
  ['_', '_'],
  ['`', '`'],
  ['~~', '~~'],
  ['<b>', '</b>'],
  ['[', '](https://x.org)'],
  ['<!-- ', ' -->'],
];

/** A memo sentence with one word wrapped in emphasis/markup, or with a piece inserted inside it. */
const decoratedSentence: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(...memoSentences),
    fc.nat(),
    fc.constantFrom(...wrappers),
    fc.boolean(),
    fc.constantFrom(...unicodePieces, ...markupPieces),
  )
  .map(([sentence, n, [open, close], wrap, piece]) => {
    const words = sentence.split(' ');
    const i = n % words.length;
    if (wrap) words[i] = open + words[i] + close;
    else words[i] = words[i] + piece;
    return words.join(' ');
  });

const inline: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...memoSentences) },
  { weight: 3, arbitrary: decoratedSentence },
  { weight: 2, arbitrary: fc.constantFrom(...unicodePieces) },
  { weight: 2, arbitrary: fc.constantFrom(...markupPieces) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 10 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 10 }) },
);

const separator = fc.constantFrom(' ', ' ', ' ', '', '\t', '  ', '\u00a0');

/** One line of prose (no line breaks other than the odd exotic one inside a piece). */
export const lineArb: fc.Arbitrary<string> = fc
  .array(fc.tuple(inline, separator), { minLength: 1, maxLength: 6 })
  .map((parts) => parts.map(([a, b]) => a + b).join(''));

/** A very long line: one sentence (or piece) repeated, as pasted text or a one-line dump. */
const longLine: fc.Arbitrary<string> = fc
  .tuple(
    fc.oneof(fc.constantFrom(...memoSentences), decoratedSentence, fc.constantFrom(...unicodePieces)),
    fc.integer({ min: 20, max: 160 }),
  )
  .map(([s, k]) => Array.from({ length: k }, () => s).join(' '));

const lines = (min: number, max: number): fc.Arbitrary<string[]> =>
  fc.array(lineArb, { minLength: min, maxLength: max });

/** One Markdown block; "\n" stands for a line break and is replaced by the document's EOLs later. */
const block: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: lines(1, 3).map((l) => l.join('\n')) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.integer({ min: 1, max: 7 }), lineArb, fc.boolean())
      .map(([n, l, closing]) => `${'#'.repeat(n)} ${l}${closing ? ' ##' : ''}`),
  },
  { weight: 1, arbitrary: fc.tuple(lineArb, fc.constantFrom('===', '---', '-')).map(([l, u]) => `${l}\n${u}`) },
  {
    weight: 2,
    arbitrary: fc
      .array(
        fc.tuple(
          fc.constantFrom('- ', '* ', '+ ', '1. ', '2) ', '- [ ] ', '- [x] '),
          fc.integer({ min: 0, max: 3 }),
          lineArb,
        ),
        { minLength: 1, maxLength: 4 },
      )
      .map((items) => items.map(([m, depth, l]) => `${'  '.repeat(depth)}${m}${l}`).join('\n')),
  },
  { weight: 1, arbitrary: lines(1, 3).map((l) => l.map((x, i) => `${'>'.repeat(1 + (i % 2))} ${x}`).join('\n')) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.array(lineArb, { minLength: 2, maxLength: 3 }),
        fc.array(fc.array(lineArb, { minLength: 2, maxLength: 3 }), { minLength: 1, maxLength: 3 }),
      )
      .map(([head, rows]) =>
        [
          `| ${head.join(' | ')} |`,
          `|${head.map(() => '---').join('|')}|`,
          ...rows.map((r) => `| ${r.join(' | ')} |`),
        ].join('\n'),
      ),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom('```', '```text', '~~~', '````md'), lines(1, 3), fc.boolean())
      .map(([f, l, closed]) => `${f}\n${l.join('\n')}${closed ? `\n${f.replace(/[a-z]+$/, '')}` : ''}`),
  },
  { weight: 1, arbitrary: lineArb.map((l) => `    ${l}`) },
  { weight: 1, arbitrary: lines(1, 2).map((l) => `<div>\n${l.join('\n')}\n</div>`) },
  { weight: 1, arbitrary: lines(1, 2).map((l) => `<!--\n${l.join('\n')}\n-->`) },
  { weight: 1, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: longLine },
);

const frontMatter: fc.Arbitrary<string> = fc.constantFrom(
  '',
  '',
  '',
  '---\ntitle: "A memo: 90% sure"\nauthor: Policy Lens\n---\n',
  '---\ntitle: x\nreferences:\n- id: fmkey\n  title: Front matter source\n  type: report\n---\n',
  '---\nbibliography: refs.bib\n...\n',
  '---\ntitle: [unclosed\n---\n',
  '---\nnot closed front matter\n',
  '--- \t\nempty: true\n---',
);

export type Eol = '\n' | '\r\n' | '\r';

/** Replaces each "\n" placeholder by the next EOL of the cycle (one kind, or a mix). */
function withEols(text: string, eols: Eol[]): string {
  let i = 0;
  return text.replace(/\n/g, () => eols[i++ % eols.length]);
}

const eolCycle: fc.Arbitrary<Eol[]> = fc.oneof(
  fc.constantFrom<Eol[]>(['\n'], ['\r\n'], ['\r']),
  fc.array(fc.constantFrom<Eol>('\n', '\r\n', '\r'), { minLength: 2, maxLength: 5 }),
);

/** A whole memo: optional front matter, blocks separated by blank lines (or not), mixed EOLs. */
export const memoArb: fc.Arbitrary<string> = fc
  .tuple(
    frontMatter,
    fc.array(fc.tuple(block, fc.constantFrom('\n\n', '\n\n', '\n', '\n\n\n')), { minLength: 1, maxLength: 10 }),
    eolCycle,
    fc.boolean(),
  )
  .map(([fm, blocks, eols, finalEol]) =>
    withEols(
      fm +
        blocks
          .map(([b, sep]) => b + sep)
          .join('')
          .replace(/\n+$/, finalEol ? '\n' : ''),
      eols,
    ),
  );

/** Text an edit inserts: prose, pieces, markup, line breaks, or nothing (a deletion). */
export const insertArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: inline },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '',
      '',
      ' ',
      '\n',
      '\r\n',
      '\r',
      '\n\n',
      '.',
      '9',
      '%',
      '[@',
      '`',
      '```\n',
      '---\n',
      '# ',
      '| ',
    ),
  },
  { weight: 1, arbitrary: lineArb.map((l) => `\n${l}\n`) },
);

export interface EditSpec {
  /** Where the edit starts, as a fraction of the document (resolved against the text at that moment). */
  at: number;
  /** How many UTF-16 code units it removes (clamped to the text). */
  remove: number;
  text: string;
}

export const editSpecArb: fc.Arbitrary<EditSpec> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 60 })),
  text: insertArb,
});

/** Points in a document as fractions, resolved against whatever text is current. */
export const probeArb: fc.Arbitrary<number[]> = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), {
  minLength: 3,
  maxLength: 10,
});
