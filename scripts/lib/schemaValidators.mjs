// The JSON Schemas of knowledge files and of the project configuration (knowledge/schema/*.schema.json)
// compiled by ajv at build time into plain validator functions (ajv's standalone code), so that
// nothing compiles code at run time. An esbuild plugin serves them as the module `policy-lens:schema-validators`
// (declared in server/src/types/schemaValidators.d.ts).
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const moduleName = 'policy-lens:schema-validators';
/** Each kind of knowledge file, with the property holding its list (none: the file is the list). */
const kinds = { sources: undefined, glossary: 'terms', claims: 'claims', places: 'places' };
/** `.policylens.yaml`: small, validated whole (`projectConfig`). */
const projectConfigSchema = 'policylens';

/** The file's shape with its list entries left open (they are validated one by one). */
function shellSchema(schema, list) {
  const copy = JSON.parse(JSON.stringify(schema));
  if (list) copy.properties[list].items = {};
  else copy.items = {};
  return copy;
}

/** One list entry: validated on its own, so the cost stays linear in the number of entries. */
function itemSchema(schema, list) {
  return { ...(list ? schema.properties[list].items : schema.items), definitions: schema.definitions };
}

/** Source of an ES module exporting `<kind>Shell` and `<kind>Item` for every kind of knowledge file. */
function schemaValidatorsSource() {
  const ajv = new Ajv({ allErrors: true, strict: false, code: { source: true, esm: true } });
  const exported = {};
  for (const [kind, list] of Object.entries(kinds)) {
    const { $id: _id, ...schema } = JSON.parse(readFileSync(schemaFile(kind), 'utf8'));
    ajv.addSchema(shellSchema(schema, list), `${kind}Shell`);
    ajv.addSchema(itemSchema(schema, list), `${kind}Item`);
    exported[`${kind}Shell`] = `${kind}Shell`;
    exported[`${kind}Item`] = `${kind}Item`;
  }
  const { $id: _id, ...config } = JSON.parse(readFileSync(schemaFile(projectConfigSchema), 'utf8'));
  ajv.addSchema(config, 'projectConfig');
  exported.projectConfig = 'projectConfig';
  return standaloneCode(ajv, exported);
}

function schemaFile(kind) {
  return `${root}knowledge/schema/${kind}.schema.json`;
}

/** Serves `policy-lens:schema-validators`, rebuilt (in watch mode too) when a schema changes. */
export const schemaValidatorsPlugin = {
  name: 'schema-validators',
  setup(build) {
    const namespace = 'schema-validators';
    build.onResolve({ filter: /^policy-lens:schema-validators$/ }, () => ({ path: moduleName, namespace }));
    build.onLoad({ filter: /.*/, namespace }, () => ({
      contents: schemaValidatorsSource(),
      loader: 'js',
      // ajv's small run-time helpers (ajv/dist/runtime/*) are bundled from the repository.
      resolveDir: root,
      watchFiles: [...Object.keys(kinds), projectConfigSchema].map(schemaFile),
    }));
  },
};
