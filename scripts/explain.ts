// For developers: how the checker reads sentences, step by step. Prints, for each sentence given,
// the claims it is about (identity), each judge's verdict, and what a user would see.
//   node scripts/explain.mjs "Nearly 90% of Korea's exports go to the Indo-Pacific." [--knowledge DIR]
//   node scripts/explain.mjs --paragraph "A whole paragraph: each sentence read with what came before it."
//   node scripts/explain.mjs --sources DIR "A sentence." : against the reports (.md, .txt) in DIR, no bundled knowledge
//   node scripts/explain.mjs --sources DIR --claims [WORD] : the claims read from those reports (from files named WORD)
import { judgeSentence, readSentence, checkSentence } from '../server/src/engine/check';
import { splitSentences } from '../server/src/engine/text/sentences';
import { tokenize } from '../server/src/engine/text/tokens';
import { findTerms } from '../server/src/engine/reader/terms';
import { findCandidates } from '../server/src/engine/check/candidates';
import { coverageOf } from '../server/src/engine/check/settle';
import { type KnowledgeBase } from '../server/src/knowledge/knowledgeBase';
import { loadKnowledgeFolders } from '../server/src/node/knowledgeFiles';
import { finishReports, listSourceFiles, readReport } from '../server/src/node/sourceFiles';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

const args = process.argv.slice(2);
const folders: string[] = [];
const sourceFolders: string[] = [];
const cited = new Set<string>();
const sentences: string[] = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--knowledge') folders.push(args[++i]);
  else if (args[i] === '--sources') sourceFolders.push(args[++i]);
  else if (args[i] === '--cite') cited.add(args[++i]);
  else if (!args[i].startsWith('--')) sentences.push(args[i]);
}
const paragraph = args.includes('--paragraph');
let kb: KnowledgeBase;
void main();

async function main(): Promise<void> {
  // PDFs need pdfjs (an ES module the bundle cannot load): reports here are text and Markdown.
  const files = sourceFolders.flatMap((f) => listSourceFiles(f)).filter((f) => !f.toLowerCase().endsWith('.pdf'));
  const reports = await Promise.all(files.map((f) => readReport(f, readFileSync(f))));
  const ingested = finishReports(reports).sources;
  const bundled = !args.includes('--no-bundled') && sourceFolders.length === 0;
  if (args.includes('--claims')) {
    for (const source of ingested) {
      if (sentences.length > 0 && !sentences.some((w) => basename(source.source.origin.file).includes(w))) continue;
      console.log(`\n# ${source.source.key} (${basename(source.source.origin.file)})`);
      for (const c of source.claims) {
        const about = c.about.map((group) => group.join('|')).join(' / ');
        console.log(`${c.id} ${c.locator} ${c.identity} ${JSON.stringify(c.value)} about: ${about}`);
        console.log(`    ${c.statement.slice(0, 600)}`);
      }
    }
    return;
  }
  kb = loadKnowledgeFolders(folders, bundled, ingested).kb;
  for (const input of sentences) {
    const spans = paragraph ? splitSentences(input) : [{ start: 0, end: input.length }];
    const tokens = tokenize(input);
    const terms = findTerms(kb, tokens);
    spans.forEach((span, i) => {
      const recent = terms.filter((m) => m.end <= span.start).map((m) => m.value.id);
      const before = i > 0 ? spans[i - 1] : undefined;
      const previous = before
        ? new Set(tokens.filter((t) => t.start >= before.start && t.end <= before.end).map((t) => t.norm))
        : undefined;
      explain(input, span.start, span.end, { ids: new Set(recent), recent, previous, cited });
    });
  }
}

function explain(
  input: string,
  start: number,
  end: number,
  context: { ids: Set<string>; recent: string[]; previous?: Set<string>; cited: Set<string> },
): void {
  const view = readSentence(kb, input, start, end, input, undefined, context);
  const text = view.text;
  console.log(`\n» ${input.slice(start, end)}`);
  console.log(
    `  clauses: ${view.clauses
      .map(
        (c) =>
          `${c.kind}[${view.tokens
            .slice(c.first, c.last)
            .map((t) => t.raw)
            .join(' ')}]`,
      )
      .join(' | ')}`,
  );
  const entity = (e: (typeof view.entities)[number]): string =>
    `${text.slice(e.start, e.end)}=${e.id ?? e.kind}` +
    `${e.countries.length ? `(${e.countries.join(',')})` : ''}${e.year ? `(${e.year})` : ''}`;
  console.log(`  entities: ${view.entities.map(entity).join(', ')}`);
  console.log(`  values: ${view.values.map((v) => `${v.kind}:${text.slice(v.start, v.end)}`).join(', ')}`);
  console.log(
    `  negations: ${view.negations
      .map(
        (n) =>
          `${view.tokens
            .slice(n.cueFirst, n.cueLast)
            .map((t) => t.raw)
            .join(' ')}→[${view.tokens
            .slice(n.first, n.last)
            .map((t) => t.raw)
            .join(' ')}]`,
      )
      .join(', ')}`,
  );
  for (const c of findCandidates(view)) {
    console.log(
      `  candidate ${c.claim.id} (${c.claim.value.kind}) property: ` +
        c.property.map((p) => text.slice(p.start, p.end)).join(', ') +
        `${c.nameError ? ` nameError:${c.nameError.form}` : ''}${c.swapped ? ' swapped' : ''}`,
    );
  }
  const verdicts = judgeSentence(view);
  for (const v of verdicts) {
    console.log(`  verdict ${v.kind} ${v.claim.id} [${text.slice(v.start, v.end)}] ${JSON.stringify(v.detail)}`);
  }
  const agreeing = verdicts.filter((v) => v.kind === 'agrees');
  if (agreeing.length) {
    console.log(`  coverage of the agreeing claims: ${coverageOf(view, agreeing).toFixed(2)} (support needs 0.5)`);
  }
  for (const f of checkSentence(kb, input, start, end, input, undefined, context)) {
    console.log(`  => ${f.verdict}: ${f.message || f.claim.id}`);
  }
}
