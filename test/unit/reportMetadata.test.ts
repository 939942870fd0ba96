import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { describe, it } from 'node:test';
import { dateOfLine, dateOfPdf } from '../../server/src/ingest/dates';
import { readDocumentHead } from '../../server/src/ingest/documentHead';
import { citationKey, deriveMetadata } from '../../server/src/ingest/metadata';
import { parseName, parseNameList } from '../../server/src/ingest/personNames';
import { bundledSourceKeys } from '../../server/src/node/bundledKnowledge';
import { finishReports, readReport } from '../../server/src/node/sourceFiles';
// @ts-expect-error: a plain ES module without type declarations
import { makePdf } from '../../scripts/lib/pdf.mjs';

const family = (text: string): string | undefined => parseName(text).family;

describe('report metadata: names', () => {
  it('reads given and family names, honorifics, particles and apostrophes', () => {
    assert.deepEqual(parseName('Jane Doe'), { family: 'Doe', given: 'Jane' });
    assert.deepEqual(parseName('Doe, Jane'), { family: 'Doe', given: 'Jane' });
    assert.deepEqual(parseName('Dr. Louise Marie Hurel'), { family: 'Hurel', given: 'Louise Marie' });
    assert.deepEqual(parseName('Ursula von der Leyen'), {
      given: 'Ursula',
      'non-dropping-particle': 'von der',
      family: 'Leyen',
    });
    assert.deepEqual(parseName('Joost van Dijk'), { given: 'Joost', 'non-dropping-particle': 'van', family: 'Dijk' });
    assert.equal(family('Alex O’Neill'), 'O’Neill');
    assert.equal(family("Mary O'Neill"), "O'Neill");
    assert.equal(family('Eugene EG Tan'), 'Tan');
  });

  it('keeps an East Asian name written family name first in its order, decided by its shape', () => {
    assert.deepEqual(parseName('Bae Sang-jin'), { family: 'Bae', given: 'Sang-jin' });
    assert.deepEqual(parseName('Ha Chae Kyoun'), { family: 'Ha', given: 'Chae Kyoun' });
    assert.deepEqual(parseName('Lee Hsien Loong'), { family: 'Lee', given: 'Hsien Loong' });
    assert.deepEqual(parseName('BAE Sang-jin'), { family: 'Bae', given: 'Sang-jin' });
    assert.deepEqual(parseName('Sang-jin BAE'), { family: 'Bae', given: 'Sang-jin' });
    // Two single words: English order, family name last.
    assert.equal(family('Sunha Bae'), 'Bae');
    assert.equal(family('Bich Tran'), 'Tran');
    assert.equal(family('Masashi Umehara'), 'Umehara');
    // Three one-syllable words are read in the order given, family name first: "So Jeong Kim", written
    // given name first, is read wrongly; from its shape alone it cannot be told from "Ha Chae Kyoun".
    assert.equal(family('So Jeong Kim'), 'So');
    // Western names of short words are not taken for family-first ones.
    assert.equal(family('Tom Lee'), 'Lee');
    assert.equal(family('Max Bergmann'), 'Bergmann');
  });

  it('reads lists of authors, and refuses lines that are not people', () => {
    assert.deepEqual(
      parseNameList('Ann Lee, Bo Park and Carl Smith')?.map((n) => n.family),
      ['Lee', 'Park', 'Smith'],
    );
    assert.deepEqual(
      parseNameList('Ann Lee; Carl Smith & Dana Wu')?.map((n) => n.family),
      ['Lee', 'Smith', 'Wu'],
    );
    for (const notPeople of [
      'The White House',
      'Executive Summary',
      'Institute for Security Studies',
      'Senior Fellow',
      'June 2024',
      'Ann Lee and the Institute',
      'Public Virtual Event',
    ]) {
      assert.equal(parseNameList(notPeople), undefined, notPeople);
    }
    // Words the document writes in lower case are not names, most of them at least.
    assert.equal(parseNameList('Harbour Trade Outlook', new Set(['harbour', 'trade'])), undefined);
    assert.deepEqual(
      parseNameList('Grace Harbour', new Set(['harbour']))?.map((n) => n.family),
      ['Harbour'],
    );
  });
});

describe('report metadata: dates', () => {
  it('reads date lines, with a label before the date, and PDF dates', () => {
    assert.deepEqual(dateOfLine('June 2024'), [2024, 6, undefined]);
    assert.deepEqual(dateOfLine('26 June 2024'), [2024, 6, 26]);
    assert.deepEqual(dateOfLine('April 26, 2023'), [2023, 4, 26]);
    assert.deepEqual(dateOfLine('CSIS, June 2024'), [2024, 6, undefined]);
    assert.deepEqual(dateOfLine('Freedonia Institute Policy Brief, May 2025'), [2025, 5, undefined]);
    assert.deepEqual(dateOfLine('2024-06-26'), [2024, 6, 26]);
    assert.equal(dateOfLine('The accord was signed in June 2024.'), undefined);
    assert.equal(dateOfLine('The ministers met to discuss trade in June 2024'), undefined);
    assert.equal(dateOfLine('Securing Trade 2024'), undefined);
    assert.deepEqual(dateOfPdf('D:20240626093000Z'), [2024, 6, 26]);
  });
});

describe('report metadata: where each field comes from', () => {
  const markdown = [
    '<!-- copied from the web -->\n# Trade in the Pacific: A Review',
    'By Ann Lee and Bo Park',
    'Freedonia Institute, 26 June 2024',
    '_A summary of the review that runs on for a while and ends like a sentence does._',
  ];

  it('takes the first heading as the title (no #, no comment), the byline and the date line', () => {
    const head = readDocumentHead(
      markdown.map((b) => b.replace(/<!--.*?-->\n?/, '')),
      true,
    );
    assert.deepEqual(head, {
      title: 'Trade in the Pacific: A Review',
      authors: [
        { family: 'Lee', given: 'Ann' },
        { family: 'Park', given: 'Bo' },
      ],
      issued: [2024, 6, 26],
    });
    // One name a line, and a date, in one block (as a PDF's title page reads).
    const pdfHead = readDocumentHead(['Trade in the Pacific', 'Ann Lee\nBo Park\nJune 2024', 'Body text.'], false);
    assert.deepEqual(
      [pdfHead.title, pdfHead.authors?.map((a) => a.family), pdfHead.issued],
      ['Trade in the Pacific', ['Lee', 'Park'], [2024, 6, undefined]],
    );
  });

  it('dates a PDF printed from a web page by its first page, not by when it was printed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pl-printed-'));
    const page = ['Harbour Trade in the Pacific', '', 'Jane Doe and Ann Lee', '', '26 June 2024', '', 'The body.'];
    writeFileSync(join(dir, 'printed.pdf'), makePdf([page], { CreationDate: 'D:20261125120000Z', Title: 'Printed' }));
    const read = await readReport(join(dir, 'printed.pdf'), readFileSync(join(dir, 'printed.pdf')));
    assert.deepEqual(
      [read.csl.title, read.csl.author?.map((a) => a.family), read.csl.issued?.['date-parts']],
      ['Harbour Trade in the Pacific', ['Doe', 'Lee'], [[2024, 6, 26]]],
    );
    assert.equal(finishReports([read]).sources[0].source.key, 'doe2024');
  });

  it('prefers the sidecar, then front matter, then the document, then the PDF, then the file name', () => {
    const pdfInfo = { Title: 'Info Title', Author: 'Info Author', CreationDate: 'D:20261125000000Z' };
    const headBlocks = ['Page Title', 'Jane Roe', 'March 2021'];
    const all = {
      fileName: 'file-name-2019.pdf',
      sidecar: {
        title: 'Sidecar Title',
        author: [{ family: 'Side', given: 'Car' }],
        issued: { 'date-parts': [[2018]] },
      },
      frontMatter: { title: 'Front Title', author: 'Fran Matter', date: '2017-02-03' },
      pdfInfo,
      headBlocks,
    };
    const summary = (hints: Parameters<typeof deriveMetadata>[0]): unknown[] => {
      const csl = deriveMetadata(hints);
      return [csl.title, csl.author?.[0]?.family ?? csl.author?.[0]?.literal, csl.issued?.['date-parts']?.[0]];
    };
    assert.deepEqual(summary(all), ['Sidecar Title', 'Side', [2018]]);
    assert.deepEqual(summary({ ...all, sidecar: undefined }), ['Front Title', 'Matter', [2017, 2, 3]]);
    assert.deepEqual(summary({ ...all, sidecar: undefined, frontMatter: undefined }), ['Page Title', 'Roe', [2021, 3]]);
    // The PDF's CreationDate is when it was printed: only without a date on the page.
    assert.deepEqual(summary({ fileName: 'x-2019.pdf', pdfInfo, headBlocks: [] }), [
      'Info Title',
      'Author',
      [2026, 11, 25],
    ]);
    assert.deepEqual(summary({ fileName: 'file-name-2019.pdf', headBlocks: [] }), [
      'file name 2019',
      undefined,
      [2019],
    ]);
    // A YAML sidecar may give the author as text and the date as a string, as Pandoc's do.
    const yamlSidecar = { sidecar: { author: 'Ann Lee and Bo Park', issued: '2022-05-01' } } as never;
    assert.deepEqual(summary({ fileName: 'x.pdf', headBlocks: [], ...(yamlSidecar as object) }), [
      'x',
      'Lee',
      [2022, 5, 1],
    ]);
  });
});

describe('report metadata: citation keys', () => {
  const csl = (family: string | undefined, year: number, title = 'A Title'): Parameters<typeof citationKey>[0] => ({
    id: '',
    type: 'report',
    title,
    ...(family ? { author: [{ family }] } : {}),
    issued: { 'date-parts': [[year]] },
  });

  it('is the first family name in lower case and the year, accents and apostrophes taken off', () => {
    assert.equal(citationKey(csl('O’Neill', 2024), 'a.pdf', new Set()), 'oneill2024');
    assert.equal(citationKey(csl('Müller', 2020), 'a.pdf', new Set()), 'muller2020');
    assert.equal(citationKey({ ...csl('Leyen', 2024) }, 'a.pdf', new Set()), 'leyen2024');
  });

  it('without an author, is the first significant word of the title', () => {
    assert.equal(citationKey(csl(undefined, 2025, 'The Rules of the Road'), 'a.pdf', new Set()), 'rules2025');
    assert.equal(citationKey(csl(undefined, 2023, 'Leaders’ Joint Statement'), 'a.pdf', new Set()), 'leaders2023');
  });

  it('adds a, b… to keys taken, in the order of the paths, and never takes a bundled key', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pl-keys-'));
    const text = (title: string): string => `# ${title}\n\nSaeyoung Kim\n\nMay 2023\n\nThe body of the report.\n`;
    const names = ['b-second.md', 'a-first.md', 'c-third.md'];
    names.forEach((n, i) => writeFileSync(join(dir, n), text(`Report number ${i}`)));
    const read = await Promise.all(names.map((n) => readReport(join(dir, n), readFileSync(join(dir, n)))));
    const keysOf = (reports: typeof read): string[] =>
      finishReports(reports, bundledSourceKeys()).sources.map(
        (s) => `${basename(s.source.origin.file)} ${s.source.key}`,
      );
    assert.ok(bundledSourceKeys().has('kim2023'), 'the bundled knowledge has kim2023');
    const keys = keysOf(read);
    assert.deepEqual(keys, ['a-first.md kim2023a', 'b-second.md kim2023b', 'c-third.md kim2023c']);
    assert.deepEqual(keysOf([...read].reverse()), keys);
  });
});

const realReports = '../shared/real-reports';

describe(
  'report metadata: the real reports',
  { skip: !existsSync(realReports) && `needs ${realReports} (the real reports)` },
  () => {
    interface Expected {
      key: string;
      title: string;
      authors: string[];
      year: number;
    }
    const expected = (
      JSON.parse(readFileSync('test/fixtures/real-report-metadata.json', 'utf8')) as {
        reports: Record<string, Expected>;
      }
    ).reports;

    for (const format of ['text', 'pdf']) {
      it(`gives each report in ${format}/ the key, title, authors and year a reader would`, async () => {
        const dir = join(realReports, format);
        const files = readdirSync(dir).sort();
        const read = await Promise.all(files.map((f) => readReport(join(dir, f), readFileSync(join(dir, f)))));
        const { sources } = finishReports(read);
        const rows = sources.map(({ source }) => {
          const stem = basename(source.origin.file, extname(source.origin.file));
          const want = expected[stem];
          const got = {
            key: source.key,
            title: source.csl.title,
            authors: (source.csl.author ?? []).map((a) => a.family ?? a.literal),
            year: source.csl.issued?.['date-parts']?.[0]?.[0],
          };
          const right = (['key', 'title', 'authors', 'year'] as const).filter(
            (f) => JSON.stringify(got[f]) === JSON.stringify(want[f]),
          );
          return { stem, got, right };
        });
        for (const r of rows) console.log(`  ${format} ${r.stem}: ${r.right.length}/4 ${r.got.key}`);
        const allRight = rows.filter((r) => r.right.length === 4).length;
        console.log(`  ${format}: ${allRight}/${rows.length} reports with key, title, authors and year right`);
        assert.equal(rows.length, format === 'text' ? 11 : 5);
        // Measured: every one right (11/11 and 5/5). A report may slip only with a reason written here.
        assert.deepEqual(
          rows.filter((r) => r.right.length < 4).map((r) => [r.stem, r.got]),
          [],
        );
      });
    }
  },
);
