// policy-lens: checks memos from the command line with the same service as the editor.
//   policy-lens check [--format text|json|sarif] [--knowledge DIR]... [--sources DIR]... FILE...
//   policy-lens validate [--knowledge DIR]... [--sources DIR]...
// Exit status: 0 nothing at warning or above, 1 something was, 2 usage or I/O error.
import { readFileSync, statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultSettings } from './common/settings';
import { defaultKnowledgeCacheDir, KnowledgeCache } from './node/knowledgeCache';
import { formatKnowledgeError, KnowledgeStore, writeSnapshot } from './node/knowledgeFiles';
import { PolicyLensService } from './features/languageService';
import { toSarif } from './node/sarif';
import { readSourcesInWorker } from './node/ingestInWorker';
import { defaultCacheDir, listSourceFiles } from './node/sourceFiles';

const version = '0.1.0';
const usage = `Usage:
  policy-lens check [--format text|json|sarif] [--knowledge DIR]... [--sources DIR]... FILE...
  policy-lens validate [--knowledge DIR]... [--sources DIR]...
Options:
  --format F       text (default), json (LSP diagnostics) or sarif (SARIF 2.1.0)
  --knowledge DIR  also load the knowledge folder DIR (repeatable)
  --sources DIR    also read the reports (.md, .txt, .pdf) in DIR as sources (repeatable)
  --no-cache       do not read or write the caches of reports and knowledge folders read before
  --no-bundled     do not load the bundled knowledge base
  -h, --help       show this help;  --version  print the version`;

class UsageError extends Error {}

interface Options {
  command: 'check' | 'validate';
  format: 'text' | 'json' | 'sarif';
  knowledge: string[];
  sources: string[];
  cache: boolean;
  bundled: boolean;
  files: string[];
}

function parseArgs(argv: string[]): Options | 'help' | 'version' | 'done' {
  const options: Options = { command: 'check', format: 'text', knowledge: [], sources: [], cache: true, bundled: true, files: [] };
  const args = [...argv];
  const command = args.shift();
  if (command === undefined) throw new UsageError('no command given');
  if (command === '-h' || command === '--help' || command === 'help') return 'help';
  if (command === '--version') return 'version';
  if (command === '__snapshot') {
    // Build step: write the snapshot of the bundled knowledge next to the bundles.
    const out = argv[1];
    if (!out || !writeSnapshot(out)) throw new UsageError('could not write the knowledge snapshot (the bundled knowledge has errors?)');
    return 'done';
  }
  if (command !== 'check' && command !== 'validate') throw new UsageError(`unknown command "${command}"`);
  options.command = command;
  while (args.length > 0) {
    const arg = args.shift()!;
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? args.shift();
      if (v === undefined || v === '') throw new UsageError(`${name} needs a value`);
      return v;
    };
    if (name === '--format') {
      const f = value();
      if (f !== 'text' && f !== 'json' && f !== 'sarif') throw new UsageError(`unknown format "${f}" (text, json or sarif)`);
      options.format = f;
    } else if (name === '--knowledge') options.knowledge.push(value());
    else if (name === '--sources') options.sources.push(value());
    else if (name === '--no-cache') options.cache = false;
    else if (name === '--no-bundled') options.bundled = false;
    else if (name === '-h' || name === '--help') return 'help';
    else if (name === '--') options.files.push(...args.splice(0));
    else if (name.startsWith('-') && name !== '-') throw new UsageError(`unknown option "${name}"`);
    else options.files.push(arg);
  }
  if (options.command === 'check' && options.files.length === 0) throw new UsageError('no files to check');
  if (options.command === 'validate' && options.files.length > 0) throw new UsageError(`validate takes no files (got "${options.files[0]}")`);
  return options;
}

const severityNames: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };

function languageOf(path: string): string {
  return ['.txt', '.text'].includes(extname(path).toLowerCase()) ? 'plaintext' : 'markdown';
}

async function main(argv: string[]): Promise<number> {
  let options: Options | 'help' | 'version' | 'done';
  try {
    options = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`policy-lens: ${e.message}\n${usage}\n`);
      return 2;
    }
    throw e;
  }
  if (options === 'done') return 0;
  if (options === 'help') {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  if (options === 'version') {
    process.stdout.write(`${version}\n`);
    return 0;
  }
  for (const [what, folder] of [...options.knowledge.map((f) => ['knowledge', f]), ...options.sources.map((f) => ['sources', f])]) {
    try {
      if (!statSync(folder).isDirectory()) throw new Error('not a folder');
    } catch {
      process.stderr.write(`policy-lens: ${what} folder not found: ${folder}\n`);
      return 2;
    }
  }
  // Read in a worker, as the server does: pdfjs is an ES module, and this bundle runs as a script.
  const sourceFiles = options.sources.flatMap((s) => listSourceFiles(resolve(s)));
  const ingested = await readSourcesInWorker(sourceFiles, options.cache ? defaultCacheDir() : undefined);
  if (ingested.failure) {
    process.stderr.write(`policy-lens: reading sources failed: ${ingested.failure}\n`);
    return 2;
  }
  const knowledgeFolders = options.knowledge.map((k) => resolve(k));
  // Knowledge folders parsed once are cached (as in the editor) unless --no-cache is given.
  const store = new KnowledgeStore(options.cache && knowledgeFolders.length > 0 ? new KnowledgeCache(defaultKnowledgeCacheDir()) : undefined);
  const { kb } = store.load(knowledgeFolders, options.bundled, ingested.sources);
  for (const e of ingested.errors) process.stderr.write(`${formatKnowledgeError(e)}\n`);
  for (const e of kb.errors) process.stderr.write(`${formatKnowledgeError(e)}\n`);
  if (options.command === 'validate') {
    const extracted = kb.claims.filter((c) => c.extracted).length;
    process.stdout.write(`${kb.sources.size} sources, ${kb.terms.length} glossary terms, ${kb.claims.length} claims${extracted ? ` (${extracted} read from reports)` : ''}; ${kb.errors.length} errors\n`);
    store.saveCache();
    return kb.errors.length > 0 ? 1 : 0;
  }
  const service = new PolicyLensService(kb, defaultSettings);
  const results: { path: string; diagnostics: Diagnostic[]; text: string }[] = [];
  let ioError = false;
  for (const path of options.files) {
    let text: string;
    try {
      const bytes = readFileSync(path);
      if (bytes.includes(0)) {
        process.stderr.write(`policy-lens: ${path}: binary file, not checked\n`);
        ioError = true;
        continue;
      }
      // Editors drop a UTF-8 byte order mark before a server sees the text; so do we, so columns agree.
      text = bytes.toString('utf8').replace(/^\uFEFF/, '');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      process.stderr.write(`policy-lens: ${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : (e as Error).message}\n`);
      ioError = true;
      continue;
    }
    const document = TextDocument.create(pathToFileURL(resolve(path)).href, languageOf(path), 1, text);
    results.push({ path, diagnostics: service.diagnostics(document), text });
    service.close(document.uri);
  }
  if (options.format === 'json') {
    process.stdout.write(`${JSON.stringify({ files: results.map(({ path, diagnostics }) => ({ path, diagnostics })) }, null, 2)}\n`);
  } else if (options.format === 'sarif') {
    process.stdout.write(`${JSON.stringify(toSarif(results, version), null, 2)}\n`);
  } else {
    for (const { path, diagnostics } of results) {
      for (const d of diagnostics) {
        process.stdout.write(`${path}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${severityNames[d.severity ?? 1]} ${d.code} ${d.message}\n`);
      }
    }
  }
  // After the output: a first run over a large knowledge folder writes its cache for the next.
  store.saveCache();
  if (ioError) return 2;
  const serious = results.some((r) => r.diagnostics.some((d) => (d.severity ?? DiagnosticSeverity.Error) <= DiagnosticSeverity.Warning));
  return serious ? 1 : 0;
}

// A reader that stops early (`policy-lens check … | head`) closes the pipe: stop quietly.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: Error) => {
    process.stderr.write(`policy-lens: internal error: ${e.message}\n`);
    process.exitCode = 2;
  },
);
