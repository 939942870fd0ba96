// For developers: how the checker reads sentences, step by step. Prints, for each sentence given,
// the claims it is about (identity), each judge's verdict, and what a user would see.
//   node scripts/explain.mjs "Nearly 90% of Korea's exports go to the Indo-Pacific." [--knowledge DIR]
import { judgeSentence, readSentence, checkSentence } from '../server/src/engine/check';
import { findCandidates } from '../server/src/engine/check/candidates';
import { loadKnowledgeFolders } from '../server/src/node/knowledgeFiles';

const args = process.argv.slice(2);
const folders: string[] = [];
const sentences: string[] = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--knowledge') folders.push(args[++i]);
  else sentences.push(args[i]);
}
const kb = loadKnowledgeFolders(folders, !args.includes('--no-bundled')).kb;
for (const text of sentences) {
  const view = readSentence(kb, text, 0, text.length);
  console.log(`\n» ${text}`);
  console.log(`  clauses: ${view.clauses.map((c) => `${c.kind}[${view.tokens.slice(c.first, c.last).map((t) => t.raw).join(' ')}]`).join(' | ')}`);
  console.log(`  entities: ${view.entities.map((e) => `${text.slice(e.start, e.end)}=${e.id ?? e.kind}${e.countries.length ? `(${e.countries.join(',')})` : ''}${e.year ? `(${e.year})` : ''}`).join(', ')}`);
  console.log(`  values: ${view.values.map((v) => `${v.kind}:${text.slice(v.start, v.end)}`).join(', ')}`);
  console.log(`  negations: ${view.negations.map((n) => `${view.tokens.slice(n.cueFirst, n.cueLast).map((t) => t.raw).join(' ')}→[${view.tokens.slice(n.first, n.last).map((t) => t.raw).join(' ')}]`).join(', ')}`);
  for (const c of findCandidates(view)) {
    console.log(`  candidate ${c.claim.id} (${c.claim.value.kind}) property: ${c.property.map((p) => text.slice(p.start, p.end)).join(', ')}${c.nameError ? ` nameError:${c.nameError.form}` : ''}${c.swapped ? ' swapped' : ''}`);
  }
  for (const v of judgeSentence(view)) console.log(`  verdict ${v.kind} ${v.claim.id} [${text.slice(v.start, v.end)}] ${JSON.stringify(v.detail)}`);
  for (const f of checkSentence(kb, text, 0, text.length)) console.log(`  => ${f.verdict}: ${f.message || f.claim.id}`);
}
