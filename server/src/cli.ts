// policy-lens: checks memos from the command line with the same service as the editor.
//   policy-lens check [options] FILE|FOLDER|GLOB|- ...
//   policy-lens validate [--knowledge DIR]... [--sources DIR]... [--config FILE]
// Exit status: 0 nothing at warning or above (or no more warnings than --max-warnings), 1 something
// was, 2 usage, configuration or I/O error.
import { statSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs as parseCommandLine } from 'node:util';
import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type ConsistencyScope, defaultSettings } from './common/settings';
import { applyProjectConfig } from './common/projectConfig';
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
import { type LoadedProjectConfig, ProjectConfigFiles, readProjectConfig } from './node/projectConfigFiles';
import { expandMemoArgument } from './node/memoArguments';
import { BibliographyStore } from './node/bibliographies';
import { readDocumentSources } from './node/documentSources';
import { ReadPolicy } from './node/readPolicy';
import { type KnowledgeError, type Source } from './knowledge/types';

/** Files given to `check` larger than this are not read (the service checks up to 2 MB and says so above that). */
const maxCheckedFileBytes = 64 * 1024 * 1024;

interface OptionInfo {
  name: string;
  type: 'string' | 'boolean';
  multiple?: boolean;
  short?: string;
  /** The value's name in the help (`DIR`); none for a flag. */
  value?: string;
  help: string;
}

/** Every option, once: the parser's table and the help are made from it. */
const optionTable: readonly OptionInfo[] = [
  { name: 'format', type: 'string', value: 'F', help: 'text (default), json (LSP diagnostics) or sarif (SARIF 2.1.0)' },
  {
    name: 'knowledge',
    type: 'string',
    multiple: true,
    value: 'DIR',
    help: 'also load the knowledge folder DIR (repeatable)',
  },
  {
    name: 'sources',
    type: 'string',
    multiple: true,
    value: 'DIR',
    help: 'also read the reports (.md, .txt, .pdf) in DIR as sources (repeatable)',
  },
  {
    name: 'bibliography',
    type: 'string',
    multiple: true,
    value: 'FILE',
    help: 'a CSL-JSON, YAML or BibTeX file whose keys count as known citations (repeatable)',
  },
  {
    name: 'config',
    type: 'string',
    value: 'FILE',
    help: 'use this project config for every memo, not the nearest .policylens.yaml',
  },
  {
    name: 'stdin-filename',
    type: 'string',
    value: 'NAME',
    help: 'the name of the memo read from standard input (-): printed, and where its config is looked for',
  },
  {
    name: 'max-warnings',
    type: 'string',
    value: 'N',
    help: 'exit 1 only when there are errors or more than N warnings',
  },
  {
    name: 'consistency',
    type: 'string',
    value: 'SCOPE',
    help: 'memo (default): inconsistencies within each memo; workspace: also across the memos checked',
  },
  { name: 'no-cache', type: 'boolean', help: 'do not read or write the caches of reports and knowledge folders' },
  { name: 'no-bundled', type: 'boolean', help: 'do not load the bundled knowledge base (its places stay)' },
  { name: 'help', type: 'boolean', short: 'h', help: 'show this help' },
  { name: 'version', type: 'boolean', help: 'print the version' },
];

function helpText(): string {
  const names = optionTable.map(
    (o) => `${o.short ? `-${o.short}, ` : '    '}--${o.name}${o.value ? ` ${o.value}` : ''}`,
  );
  const width = Math.max(...names.map((n) => n.length)) + 2;
  const lines = optionTable.map((o, i) => `  ${names[i].padEnd(width)}${o.help}`);
  return `Usage:
  policy-lens check [options] FILE|FOLDER|GLOB|- ...
  policy-lens validate [--knowledge DIR]... [--sources DIR]... [--config FILE]
Folders are searched for memos (.md, .qmd, .Rmd), skipping node_modules, hidden folders and the sources
folder; "-" reads a memo from standard input. Each memo uses the nearest .policylens.yaml above it.
Options:
${lines.join('\n')}`;
}

class UsageError extends Error {}

interface Options {
  command: 'check' | 'validate';
  format: 'text' | 'json' | 'sarif';
  knowledge: string[];
  sources: string[];
  bibliography: string[];
  config?: string;
  stdinFilename?: string;
  maxWarnings?: number;
  consistency?: ConsistencyScope;
  cache: boolean;
  bundled: boolean;
  files: string[];
}

function parseArgs(argv: string[]): Options | 'help' | 'version' | 'done' {
  const [command, ...rest] = argv;
  if (command === undefined) throw new UsageError('no command given');
  if (command === '-h' || command === '--help' || command === 'help') return 'help';
  if (command === '--version') return 'version';
  if (command === '__snapshot') {
    // Build step: write the snapshot of the bundled knowledge next to the bundles.
    const out = argv[1];
    if (!out || !writeSnapshot(out)) {
      throw new UsageError('could not write the knowledge snapshot (the bundled knowledge has errors?)');
    }
    return 'done';
  }
  if (command !== 'check' && command !== 'validate') throw new UsageError(`unknown command "${command}"`);
  const table = Object.fromEntries(
    optionTable.map((o) => [
      o.name,
      { type: o.type, ...(o.multiple ? { multiple: true } : {}), ...(o.short ? { short: o.short } : {}) },
    ]),
  );
  let parsed: ReturnType<typeof parseCommandLine<{ options: typeof table; allowPositionals: true }>>;
  try {
    parsed = parseCommandLine({ args: rest, options: table, allowPositionals: true, strict: true });
  } catch (e) {
    // Node's messages name the option; the first sentence is enough ("Unknown option '--x'").
    throw new UsageError((e as Error).message.split('. ')[0].replace(/\.$/, ''));
  }
  const values = parsed.values as Record<string, string | string[] | boolean | undefined>;
  if (values.help) return 'help';
  if (values.version) return 'version';
  const list = (name: string): string[] => {
    const given = (values[name] as string[] | undefined) ?? [];
    if (given.some((v) => v === '')) throw new UsageError(`--${name} needs a value`);
    return given;
  };
  const text = (name: string): string | undefined => {
    const given = values[name] as string | undefined;
    if (given === '') throw new UsageError(`--${name} needs a value`);
    return given;
  };
  const format = text('format') ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'sarif') {
    throw new UsageError(`unknown format "${format}" (text, json or sarif)`);
  }
  const maxWarnings = text('max-warnings');
  if (maxWarnings !== undefined && !/^\d+$/.test(maxWarnings)) {
    throw new UsageError(`--max-warnings takes a whole number (got "${maxWarnings}")`);
  }
  const consistency = text('consistency');
  if (consistency !== undefined && consistency !== 'memo' && consistency !== 'workspace') {
    throw new UsageError(`--consistency takes memo or workspace (got "${consistency}")`);
  }
  const options: Options = {
    command,
    consistency,
    format,
    knowledge: list('knowledge'),
    sources: list('sources'),
    bibliography: list('bibliography'),
    config: text('config'),
    stdinFilename: text('stdin-filename'),
    maxWarnings: maxWarnings === undefined ? undefined : Number(maxWarnings),
    cache: values['no-cache'] !== true,
    bundled: values['no-bundled'] !== true,
    files: parsed.positionals,
  };
  if (options.command === 'check' && options.files.length === 0) throw new UsageError('no files to check');
  if (options.command === 'validate' && options.files.length > 0) {
    throw new UsageError(`validate takes no files (got "${options.files[0]}")`);
  }
  if (options.files.filter((f) => f === '-').length > 1) throw new UsageError('"-" (standard input) can be given once');
  if (options.stdinFilename !== undefined && !options.files.includes('-')) {
    throw new UsageError('--stdin-filename names the memo read from standard input: give "-" too');
  }
  return options;
}

const severityNames: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };

function languageOf(path: string): string {
  return ['.txt', '.text'].includes(extname(path).toLowerCase()) ? 'plaintext' : 'markdown';
}

/** One memo to check: a file, or standard input under the name --stdin-filename gives. */
interface Memo {
  /** As printed. */
  path: string;
  /** Where it is (for its URI and its config); for standard input, the name given or the working folder. */
  location: string;
  stdin: boolean;
  config?: LoadedProjectConfig;
}

/** Standard input, read to its end, but never more than the limit. */
async function readStdin(): Promise<Buffer | string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxCheckedFileBytes) return `standard input goes on past the ${maxCheckedFileBytes / 1048576} MB limit`;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

async function main(argv: string[]): Promise<number> {
  let options: Options | 'help' | 'version' | 'done';
  try {
    options = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`policy-lens: ${e.message}\n${helpText()}\n`);
      return 2;
    }
    throw e;
  }
  if (options === 'done') return 0;
  if (options === 'help') {
    await write(`${helpText()}\n`);
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
  for (const file of [...options.bibliography, ...(options.config ? [options.config] : [])]) {
    try {
      if (!statSync(file).isFile()) throw new Error('not a file');
    } catch {
      process.stderr.write(`policy-lens: file not found: ${file}\n`);
      return 2;
    }
  }
  // Project configs: the one --config names for every memo, else each memo's nearest.
  const configFiles = new ProjectConfigFiles();
  const given = options.config ? readProjectConfig(options.config) : undefined;
  const configAt = (folder: string): LoadedProjectConfig | undefined =>
    given ?? configFiles.forFile(resolve(folder, 'memo.md'));
  const flagSources = options.sources.map((s) => resolve(s));
  // A walk leaves out the sources folder the editor would read: the config's, else `sources` beside it.
  const sourcesFoldersFor = (folder: string): string[] => {
    const config = configAt(folder)?.config;
    const base = config ? dirname(config.file) : resolve(folder);
    return [...flagSources, config?.sourcesFolder ?? join(base, defaultSettings.sourcesFolder)];
  };
  const memos: Memo[] = [];
  let ioError = false;
  for (const arg of options.files) {
    if (arg === '-') {
      const name = options.stdinFilename;
      memos.push({ path: name ?? '<stdin>', location: resolve(name ?? 'stdin.md'), stdin: true });
      continue;
    }
    const expanded = expandMemoArgument(arg, sourcesFoldersFor);
    if ('problem' in expanded) {
      process.stderr.write(`policy-lens: ${expanded.problem}\n`);
      ioError = true;
      continue;
    }
    for (const file of expanded.files) {
      // A folder or glob lists the memos of the languages checked; a file named on its own is always checked.
      const config = configAt(dirname(file));
      const languages = applyProjectConfig(defaultSettings, config?.config).languages;
      if (expanded.walked && !languages.includes(languageOf(file))) continue;
      memos.push({ path: file, location: resolve(file), stdin: false });
    }
  }
  for (const memo of memos) memo.config = configAt(dirname(memo.location));
  // Configs in use (validate: the nearest to the working folder), each once; their problems are usage errors.
  const configs = new Map<string, LoadedProjectConfig>();
  if (options.command === 'validate') {
    const found = configAt('.');
    if (found) configs.set(found.config.file, found);
  }
  for (const memo of memos) if (memo.config) configs.set(memo.config.config.file, memo.config);
  const configProblems: KnowledgeError[] = [...configs.values()].flatMap((c) => c.errors);
  for (const e of configProblems) process.stderr.write(`${formatKnowledgeError(e)}\n`);
  const fromConfigs = (pick: (c: LoadedProjectConfig) => string[]): string[] => [...configs.values()].flatMap(pick);
  const knowledgeFolders = [
    ...new Set([...options.knowledge.map((k) => resolve(k)), ...fromConfigs((c) => c.config.knowledgeFolders ?? [])]),
  ];
  const sourceFolders = [
    ...new Set([...flagSources, ...fromConfigs((c) => (c.config.sourcesFolder ? [c.config.sourcesFolder] : []))]),
  ];
  // Read in a worker, as the server does: pdfjs is an ES module, and this bundle runs as a script.
  const sourceFiles = sourceFolders.flatMap((s) => listSourceFiles(s));
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
    const errors = kb.errors.length + ingested.errors.length + configProblems.length;
    const claims = `${kb.claims.length} claims${extracted ? ` (${extracted} read from reports)` : ''}`;
    // Places of the gazetteer are general knowledge, not glossary entries.
    const glossary = kb.terms.filter((t) => !t.gazetteer).length;
    await write(`${kb.sources.size} sources, ${glossary} glossary terms, ${claims}; ${errors} errors\n`);
    store.saveCache();
    return errors > 0 ? 1 : 0;
  }
  const base = { ...defaultSettings, consistencyScope: options.consistency ?? defaultSettings.consistencyScope };
  const service = new PolicyLensService(kb, base);
  const docsBase = installedDocsBase();
  service.setLinks({ docsBase, fileUri });
  // --bibliography files count for every memo, as the editor's bibliography setting does.
  const bibliographies = new BibliographyStore();
  const policy = ReadPolicy.anything;
  const shared: Source[] = [];
  for (const file of options.bibliography) {
    const load = await bibliographies.use('settings', resolve(file), policy);
    for (const source of load.sources) shared.push(source);
    for (const e of load.errors) process.stderr.write(`${formatKnowledgeError(e)}\n`);
  }
  service.setExtraSources(shared);
  const results: { path: string; diagnostics: Diagnostic[]; text: string }[] = [];
  const opened: { document: TextDocument; result: number }[] = [];
  for (const memo of memos) {
    let bytes: Buffer;
    if (memo.stdin) {
      const read = await readStdin();
      if (typeof read === 'string') {
        process.stderr.write(`policy-lens: ${read}\n`);
        ioError = true;
        continue;
      }
      bytes = read;
    } else {
      // Named on the command line, so a pipe (`<(…)`) is read too, but never more than the limit.
      const read = readBounded(memo.path, { maxBytes: maxCheckedFileBytes, allowNonRegular: true });
      if (read.failure) {
        const why = read.failure.reason === 'missing' ? 'no such file' : `the file ${read.failure.message}`;
        process.stderr.write(`policy-lens: ${memo.path}: ${why}\n`);
        ioError = true;
        continue;
      }
      bytes = read.bytes;
    }
    // As an editor opens it: a UTF-8 byte order mark is dropped (so columns agree), UTF-16 with a BOM is decoded.
    const text = decodeText(bytes);
    if (text === undefined) {
      process.stderr.write(`policy-lens: ${memo.path}: binary file, not checked\n`);
      ioError = true;
      continue;
    }
    const uri = pathToFileURL(memo.location).href;
    const document = TextDocument.create(uri, languageOf(memo.location), 1, text);
    // As the server does: the memo's config (settings over the defaults, ignores), then its front matter.
    const config = memo.config?.config;
    service.setDocumentConfig(uri, config && { settings: applyProjectConfig(base, config), ignores: config.ignores });
    const readable = (): boolean => true;
    const configBibliographies = config?.bibliographyFiles ?? [];
    const own = await readDocumentSources(document, service, bibliographies, {
      policy,
      readable,
      configBibliographies,
    });
    for (const e of own.problems) process.stderr.write(`${formatKnowledgeError(e)}\n`);
    service.setDocumentSources(uri, own.sources);
    service.setDocumentStyle(uri, own.style, own.nocite);
    results.push({ path: memo.path, diagnostics: service.diagnostics(document), text });
    // Compared across memos, each stays open until all are read, then is checked again below.
    if (service.settingsFor(uri).consistencyScope === 'workspace') {
      opened.push({ document, result: results.length - 1 });
    } else {
      service.close(uri);
      bibliographies.release(uri);
    }
  }
  for (const { document, result } of opened) results[result].diagnostics = service.diagnostics(document);
  for (const { document } of opened) {
    service.close(document.uri);
    bibliographies.release(document.uri);
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
  if (ioError || configProblems.length > 0) return 2;
  return exitStatus(results, options.maxWarnings);
}

/** 1 when something at warning or above was found; with --max-warnings, when errors or more warnings than N were. */
function exitStatus(results: readonly { diagnostics: Diagnostic[] }[], maxWarnings: number | undefined): number {
  const all = results.flatMap((r) => r.diagnostics);
  const errors = all.filter((d) => (d.severity ?? DiagnosticSeverity.Error) === DiagnosticSeverity.Error).length;
  const warnings = all.filter((d) => d.severity === DiagnosticSeverity.Warning).length;
  if (maxWarnings === undefined) return errors + warnings > 0 ? 1 : 0;
  return errors > 0 || warnings > maxWarnings ? 1 : 0;
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
