// Folders under server/src import only downward. From the bottom: `types/` and `common/` (shared
// with the client), the engine's text primitives and lexicon, the knowledge model (types, loading,
// index), the engine proper (reading and checking sentences), the LSP features and the reading of
// reports (siblings), the file system layer (`node/`), and the entry points at the top (`server.ts`
// and its `lsp/`, `core.ts`, the CLI). An import of a higher layer, or of a sibling, fails here
// with the file and the import named. The engine and the knowledge model are also pure: no Node
// built-in, no LSP package.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const root = join(process.cwd(), 'server', 'src');

/**
 * Layers from the bottom: a file belongs to the longest prefix that names it. Folders of one layer
 * import each other freely (the tokenizer reads the lexicon's data, the lexicon stems with the
 * tokenizer); layers of the same height are siblings and import neither each other nor anything higher.
 */
const layers: { prefix: string; layer: string; height: number }[] = [
  { prefix: 'types/', layer: 'types', height: 0 },
  { prefix: 'common/', layer: 'common', height: 1 },
  { prefix: 'engine/text/', layer: 'text and lexicon', height: 2 },
  { prefix: 'engine/lexicon/', layer: 'text and lexicon', height: 2 },
  { prefix: 'knowledge/', layer: 'knowledge', height: 3 },
  { prefix: 'engine/', layer: 'engine', height: 4 },
  { prefix: 'features/', layer: 'features', height: 5 },
  { prefix: 'ingest/', layer: 'ingest', height: 5 },
  { prefix: 'node/', layer: 'node', height: 6 },
  // The entry points: the server loads the core and wires lsp/; the launcher starts the CLI.
  { prefix: 'lsp/', layer: 'entry points', height: 7 },
  { prefix: 'server.ts', layer: 'entry points', height: 7 },
  { prefix: 'core.ts', layer: 'entry points', height: 7 },
  { prefix: 'cli.ts', layer: 'entry points', height: 7 },
  { prefix: 'cliLauncher.ts', layer: 'entry points', height: 7 },
];

/**
 * Upward imports in files other engineers own right now, pending their work: `file -> import`.
 * None today; an entry that no longer occurs fails the test, so the list only shrinks.
 */
const knownPending: string[] = [];

function layerOf(file: string): { prefix: string; layer: string; height: number } {
  const matches = layers.filter((l) => file === l.prefix || file.startsWith(l.prefix));
  assert.ok(matches.length > 0, `${file} is in no layer: add its folder to the layers of this test`);
  return matches.reduce((a, b) => (b.prefix.length > a.prefix.length ? b : a));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

/** Every module a file names: imports, re-exports, `import()` types and calls, `require` calls. */
function importsOf(path: string): string[] {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      if (ts.isStringLiteral(node.moduleSpecifier)) found.push(node.moduleSpecifier.text);
    } else if (ts.isImportTypeNode(node)) {
      const argument = node.argument;
      if (ts.isLiteralTypeNode(argument) && ts.isStringLiteral(argument.literal)) found.push(argument.literal.text);
    } else if (ts.isCallExpression(node) && node.arguments.length === 1 && ts.isStringLiteral(node.arguments[0])) {
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require')) {
        found.push(node.arguments[0].text);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The file an import names, relative to server/src: itself, `.ts` added, or a folder's index. */
function modulePath(target: string): string {
  if (/\.[a-z]+$/.test(target)) return target;
  const asFolder = join(root, target);
  return existsSync(asFolder) && statSync(asFolder).isDirectory() ? `${target}/index.ts` : `${target}.ts`;
}

const files = sourceFiles(root).map((path) => ({ path, name: relative(root, path).split('\\').join('/') }));

test('the import scan sees the imports it must judge', () => {
  const service = files.find((f) => f.name === 'features/languageService.ts');
  assert.ok(service, 'features/languageService.ts exists');
  assert.ok(
    importsOf(service.path).some((i) => i.startsWith('../engine/')),
    'the service imports the engine',
  );
  assert.ok(files.length > 50, `found ${files.length} files under server/src`);
});

test('folders under server/src import only downward', () => {
  const upward: string[] = [];
  for (const file of files) {
    const from = layerOf(file.name);
    for (const specifier of importsOf(file.path)) {
      if (!specifier.startsWith('.')) continue;
      const target = relative(root, resolve(dirname(file.path), specifier))
        .split('\\')
        .join('/');
      if (target.startsWith('..')) continue; // outside server/src (package.json, knowledge schemas)
      const to = layerOf(modulePath(target));
      if (to.layer === from.layer || to.height < from.height) continue;
      upward.push(`${file.name} -> ${specifier} (${from.layer} may not import ${to.layer})`);
    }
  }
  const pending = new Set(knownPending);
  assert.deepEqual(
    upward.filter((u) => !pending.has(u.split(' (')[0])),
    [],
    'upward imports: move the shared piece down a layer',
  );
  const fixed = knownPending.filter((p) => !upward.some((u) => u.startsWith(`${p} (`)));
  assert.deepEqual(fixed, [], 'known pending imports that are gone: remove them from knownPending');
});

test('the engine and the knowledge model import no Node built-in and no LSP package', () => {
  const impure: string[] = [];
  for (const file of files) {
    if (!file.name.startsWith('engine/') && !file.name.startsWith('knowledge/')) continue;
    for (const specifier of importsOf(file.path)) {
      if (/^node:|^vscode-languageserver/.test(specifier)) impure.push(`${file.name} -> ${specifier}`);
    }
  }
  assert.deepEqual(impure, []);
});
