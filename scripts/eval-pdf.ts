// How well PDF text reads as the page does: for each PDF in ../shared/real-reports/pdf, the share of
// its text twin's sentences (text/, the same report as published online) found whole in one passage
// read from the PDF. A sentence is lost when columns are interleaved, a paragraph is cut at a column
// or page break, a running head lands inside it, or a line-end hyphen is left in or taken out wrongly.
//   node scripts/eval-pdf.mjs [--json] [--verbose] [--dir ../shared/real-reports]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { passagesFrom } from '../server/src/ingest/passages';
import { parseProse } from '../server/src/engine/markdown/prose';
import { splitSentences } from '../server/src/engine/text/sentences';
import { readPdf } from '../server/src/node/sourceFiles';

const args = process.argv.slice(2);
const dirArg = args.indexOf('--dir');
const root = dirArg >= 0 ? args[dirArg + 1] : '../shared/real-reports';

/** Letters and digits only, in lower case, one space between words: typography does not count. */
const normalised = (text: string): string =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** The twin's sentences of five words or more (shorter ones are headings and labels), normalised. */
function twinSentences(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  const blocks = path.endsWith('.txt') ? text.split(/\n\s*\n/) : parseProse(text, 'markdown').blocks.map((b) => b.text);
  const out: string[] = [];
  for (const block of blocks) {
    const flat = block.replace(/\s+/g, ' ');
    for (const span of splitSentences(flat)) {
      const sentence = normalised(flat.slice(span.start, span.end));
      if (sentence.split(' ').length >= 5) out.push(sentence);
    }
  }
  return out;
}

async function measure(pdfPath: string, twinPath: string) {
  const pdf = await readPdf(new Uint8Array(readFileSync(pdfPath)));
  const passages = passagesFrom(pdf.pages, 'pdf').map((p) => ` ${normalised(p.text)} `);
  const sentences = twinSentences(twinPath);
  const missed = sentences.filter((s) => !passages.some((p) => p.includes(` ${s} `)));
  return { file: basename(pdfPath), sentences: sentences.length, found: sentences.length - missed.length, missed };
}

async function main(): Promise<void> {
  if (!existsSync(join(root, 'pdf'))) {
    console.error(`${root}/pdf not found: nothing to measure`);
    process.exit(2);
  }
  const results = [];
  for (const name of readdirSync(join(root, 'pdf'))
    .filter((n) => n.endsWith('.pdf'))
    .sort()) {
    const stem = basename(name, '.pdf');
    const twin = ['.md', '.txt'].map((ext) => join(root, 'text', stem + ext)).find((p) => existsSync(p));
    if (twin) results.push(await measure(join(root, 'pdf', name), twin));
  }
  const total = results.reduce((n, r) => n + r.sentences, 0);
  const found = results.reduce((n, r) => n + r.found, 0);
  if (args.includes('--json')) {
    const rows = results.map(({ file, sentences, found }) => ({ file, sentences, found, share: found / sentences }));
    console.log(JSON.stringify({ files: rows, sentences: total, found, share: found / total }, null, 2));
    return;
  }
  console.log('Sentences of each text twin found whole in one passage read from the PDF:\n');
  for (const r of results) {
    console.log(
      `${r.file.padEnd(72)} ${((100 * r.found) / r.sentences).toFixed(1).padStart(5)}%  ${r.found}/${r.sentences}`,
    );
    if (args.includes('--verbose')) for (const s of r.missed) console.log(`    missed: ${s.slice(0, 110)}`);
  }
  console.log(`${'all'.padEnd(72)} ${((100 * found) / total).toFixed(1).padStart(5)}%  ${found}/${total}`);
}

void main();
