// policy-lens: checks memos from the command line with the same service as the editor.
//   policy-lens check [--format text|json|sarif] [--knowledge DIR]... [--sources DIR]... FILE...
//   policy-lens validate [--knowledge DIR]... [--sources DIR]...
// Exit status: 0 nothing at warning or above, 1 something was, 2 usage or I/O error.
import { statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultSettings } from './common/settings';
import { version } from './common/version';
import { defaultKnowledgeCacheDir, KnowledgeCache } from './node/knowledgeCache';
import { formatKnowledgeError, KnowledgeStore, writeSnapshot } from './node/knowledgeFiles';
import { PolicyLensService } from './features/languageService';
import { decodeText, readBounded } from './node/boundedRead';
import { toSarif } from './node/sarif';
import { fileUri, installedDocsBase } from './node/docsLinks';
import { readSourcesInWorker } from './node/ingestInWorker';
import { bundledSourceKeys } from './node/bundledKnowledge';
import { defaultCacheDir, listSourceFiles } from './node/sourceFiles';

/** Files given to `check` larger than this are not read (the service checks up to 2 MB and says so above that). */
const maxCheckedFileBytes = 64 * 1024 * 1024;
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
  const options: Options = {
    command: 'check',
    format: 'text',
    knowledge: [],
    sources: [],
    cache: true,
    bundled: true,
    files: [],
  };
  const args = [...argv];
  const command = args.shift();
  if (command === undefined) throw new UsageError('no command given');
  if (command === '-h' || command === '--help' || command === 'help') return 'help';
  if (command === '--version') return 'version';
  if (command === '__snapshot') {
    // Build step: write the snapshot of the bundled knowledge next to the bundles.
    const out = argv[1];
    if (!out || !writeSnapshot(out))
      throw new UsageError('could not write the knowledge snapshot (the bundled knowledge has errors?)');
    return 'done';
  }
  if (command !== 'check' && command !== 'validate') throw new UsageError(`unknown command "${command}"`);
  options.command = command;
  while (args.length > 0) {
    const arg = args.shift()!;
    const [name, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    const value = (): string => {
      const v = inline ?? args.shift();
      if (v === undefined || v === '') throw new UsageError(`${name} needs a value`);
      return v;
    };
    if (name === '--format') {
      const f = value();
      if (f !== 'text' && f !== 'json' && f !== 'sarif')
        throw new UsageError(`unknown format "${f}" (text, json or sarif)`);
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
  if (options.command === 'validate' && options.files.length > 0)
    throw new UsageError(`validate takes no files (got "${options.files[0]}")`);
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
    await write(`${usage}\n`);
    return 0;
  }
  if (options === 'version') {
    await write(`${version}\n`);
    return 0;
  }
  for (const [what, folder] of [
    ...options.knowledge.map((f) => ['knowledge', f]),
    ...options.sources.map((f) => ['sources', f]),
  ]) {
    try {
      if (!statSync(folder).isDirectory()) throw new Error('not a folder');
    } catch {
      process.stderr.write(`policy-lens: ${what} folder not found: ${folder}\n`);
      return 2;
    }
  }
  // Read in a worker, as the server does: pdfjs is an ES module, and this bundle runs as a script.
  const sourceFiles = options.sources.flatMap((s) => listSourceFiles(resolve(s)));
  const ingested = await readSourcesInWorker(
    sourceFiles,
    options.cache ? defaultCacheDir() : undefined,
    undefined,
    undefined,
    options.bundled ? [...bundledSourceKeys()] : [],
  );
  if (ingested.failure) {
    process.stderr.write(`policy-lens: reading sources failed: ${ingested.failure}\n`);
    return 2;
  }
  const knowledgeFolders = options.knowledge.map((k) => resolve(k));
  // Knowledge folders parsed once are cached (as in the editor) unless --no-cache is given.
  const store = new KnowledgeStore(
    options.cache && knowledgeFolders.length > 0 ? new KnowledgeCache(defaultKnowledgeCacheDir()) : undefined,
  );
  const { kb } = store.load(knowledgeFolders, options.bundled, ingested.sources);
  for (const e of ingested.errors) process.stderr.write(`${formatKnowledgeError(e)}\n`);
  for (const e of kb.errors) process.stderr.write(`${formatKnowledgeError(e)}\n`);
  if (options.command === 'validate') {
    const extracted = kb.claims.filter((c) => c.extracted).length;
    // A report that could not be read is an error of what is being validated, as a broken knowledge file is.
    const errors = kb.errors.length + ingested.errors.length;
    const claims = `${kb.claims.length} claims${extracted ? ` (${extracted} read from reports)` : ''}`;
    await write(`${kb.sources.size} sources, ${kb.terms.length} glossary terms, ${claims}; ${errors} errors\n`);
    store.saveCache();
    return errors > 0 ? 1 : 0;
  }
  const service = new PolicyLensService(kb, defaultSettings);
  const docsBase = installedDocsBase();
  service.setLinks({ docsBase, fileUri });
  const results: { path: string; diagnostics: Diagnostic[]; text: string }[] = [];
  let ioError = false;
  for (const path of options.files) {
    // Named on the command line, so a pipe (`<(…)`) is read too, but never more than the limit.
    const read = readBounded(path, { maxBytes: maxCheckedFileBytes, allowNonRegular: true });
    if (read.failure) {
      const why = read.failure.reason === 'missing' ? 'no such file' : `the file ${read.failure.message}`;
      process.stderr.write(`policy-lens: ${path}: ${why}\n`);
      ioError = true;
      continue;
    }
    // As an editor opens it: a UTF-8 byte order mark is dropped (so columns agree), UTF-16 with a BOM is decoded.
    const text = decodeText(read.bytes);
    if (text === undefined) {
      process.stderr.write(`policy-lens: ${path}: binary file, not checked\n`);
      ioError = true;
      continue;
    }
    const document = TextDocument.create(pathToFileURL(resolve(path)).href, languageOf(path), 1, text);
    results.push({ path, diagnostics: service.diagnostics(document), text });
    service.close(document.uri);
  }
  if (options.format === 'json') {
    const files = results.map(({ path, diagnostics }) => ({ path, diagnostics }));
    await write(`${JSON.stringify({ files }, null, 2)}\n`);
  } else if (options.format === 'sarif') {
    await write(`${JSON.stringify(toSarif(results, version, docsBase), null, 2)}\n`);
  } else {
    const lines: string[] = [];
    for (const { path, diagnostics } of results) {
      for (const d of diagnostics) {
        const at = `${d.range.start.line + 1}:${d.range.start.character + 1}`;
        lines.push(`${path}:${at}: ${severityNames[d.severity ?? 1]} ${d.code} ${d.message}\n`);
      }
    }
    await write(lines.join(''));
  }
  // After the output: a first run over a large knowledge folder writes its cache for the next.
  store.saveCache();
  if (ioError) return 2;
  const serious = results.some((r) =>
    r.diagnostics.some((d) => (d.severity ?? DiagnosticSeverity.Error) <= DiagnosticSeverity.Warning),
  );
  return serious ? 1 : 0;
}

/**
 * Writes to standard output and waits until it is written. A reader that stops early (`policy-lens
 * check … | head`) closes the pipe: the CLI stops quietly. Any other failure (a full disk,
 * `> /dev/full`) is an I/O error: exit status 2 with the reason, not a stack trace.
 */
function write(text: string): Promise<void> {
  if (text === '') return Promise.resolve();
  return new Promise((resolveWrite) => process.stdout.write(text, (e) => (e ? outputFailed(e) : resolveWrite())));
}

function outputFailed(e: NodeJS.ErrnoException): never {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  const reason = e.code === 'ENOSPC' ? 'no space left on the device' : e.message;
  process.stderr.write(`policy-lens: could not write the output: ${reason}\n`);
  process.exit(2);
}

process.stdout.on('error', outputFailed);

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: Error) => {
    // A bug: the stack goes in its report (at the TypeScript lines under node --enable-source-maps).
    process.stderr.write(`policy-lens: internal error: ${e.stack ?? e.message}\n`);
    process.exitCode = 2;
  },
);
