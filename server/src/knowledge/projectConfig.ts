// Reads a .policylens.yaml (or .yml, or .json: JSON is YAML too) from its text: parsed with
// positions, validated against knowledge/schema/policylens.schema.json (compiled at build time),
// every problem at file:line:column. A broken key is dropped with its message; the rest is used.
import type { ErrorObject } from 'ajv';
import { isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { projectConfig as validateConfig } from 'policy-lens:schema-validators';
import { lineStarts, positionOf } from '../engine/text/lines';
import { nestingBeyond } from '../engine/text/nesting';
import { configCheckIds, type IgnoredFinding } from '../common/projectConfig';
import { type CheckLevel, type ConsistencyScope } from '../common/settings';
import { type KnowledgeError } from './types';

/** A config file as written: paths still relative to the file. */
interface ProjectConfigText {
  knowledge?: string[];
  sources?: string;
  bibliography?: string[];
  checks?: Partial<Record<string, CheckLevel>>;
  languages?: string[];
  crossrefPrefixes?: string[];
  consistency?: ConsistencyScope;
  ignores: IgnoredFinding[];
}

export interface ParsedProjectConfig {
  config: ProjectConfigText;
  errors: KnowledgeError[];
}

/** Config files over this are refused: a real one is a few hundred bytes, with ignores a few KB. */
export const maxProjectConfigBytes = 1024 * 1024;
const maxNesting = 20;
const topLevelKeys = [
  'knowledge',
  'sources',
  'bibliography',
  'checks',
  'languages',
  'crossrefPrefixes',
  'consistency',
  'ignores',
];

type Path = (string | number)[];

export function parseProjectConfig(file: string, source: string): ParsedProjectConfig {
  const errors: KnowledgeError[] = [];
  const empty: ParsedProjectConfig = { config: { ignores: [] }, errors };
  const at = { file, line: 0, character: 0 };
  if (source.length > maxProjectConfigBytes) {
    const limit = `${maxProjectConfigBytes / 1048576} MB`;
    errors.push({ kind: 'io', message: `config file is over ${limit}; not read`, ...at });
    return empty;
  }
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const deep = nestingBeyond(text, maxNesting);
  if (deep >= 0) {
    const message = `brackets nested more than ${maxNesting} levels deep`;
    errors.push({ kind: 'syntax', message, file, ...positionOf(lineStarts(text), deep) });
    return empty;
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const pos = lines.linePos(e.pos[0]);
      errors.push({ kind: 'syntax', message: firstLine(e.message), file, line: pos.line - 1, character: pos.col - 1 });
    }
    return empty;
  }
  let data: unknown;
  try {
    // maxAliasCount stops "billion laughs" alias bombs before they expand.
    data = doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (e) {
    errors.push({ kind: 'syntax', message: firstLine((e as Error).message), ...at });
    return empty;
  }
  const locate = (path: Path, property?: string): Omit<KnowledgeError, 'kind' | 'message'> => {
    const target = nodeAt(doc.contents, path, property);
    const range = target?.range ?? [0, 0, 0];
    const start = lines.linePos(range[0]);
    const end = lines.linePos(range[1]);
    return { file, line: start.line - 1, character: start.col - 1, endLine: end.line - 1, endCharacter: end.col - 1 };
  };
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    errors.push({ kind: 'schema', message: 'the file must be a mapping of keys (knowledge:, checks:, …)', ...at });
    return empty;
  }
  const raw = data as Record<string, unknown>;
  if (!validateConfig(raw)) {
    const seen = new Set<string>();
    // The branches of "a path or a list of paths" fail too; their summary says it.
    for (const e of (validateConfig.errors ?? []).filter((x) => !x.schemaPath.includes('/anyOf/'))) {
      const path = pathOf(e.instancePath);
      const property = e.keyword === 'additionalProperties' ? String(e.params.additionalProperty) : undefined;
      const message = describe(e, path, property);
      if (seen.has(message)) continue;
      seen.add(message);
      errors.push({ kind: 'schema', message, ...locate(path, property) });
      drop(raw, property === undefined ? path : [...path, property]);
    }
  }
  errors.sort((a, b) => a.line - b.line || a.character - b.character);
  const ignores = Array.isArray(raw.ignores) ? (raw.ignores as Record<string, unknown>[]) : [];
  return {
    config: {
      knowledge: asList(raw.knowledge),
      sources: typeof raw.sources === 'string' ? raw.sources : undefined,
      bibliography: asList(raw.bibliography),
      checks: raw.checks as ProjectConfigText['checks'],
      languages: raw.languages as string[] | undefined,
      crossrefPrefixes: raw.crossrefPrefixes as string[] | undefined,
      consistency: raw.consistency as ConsistencyScope | undefined,
      ignores: ignores.flatMap((entry, i) =>
        entry === undefined
          ? []
          : [
              {
                check: String(entry.check),
                ...(typeof entry.claim === 'string' ? { claim: entry.claim } : {}),
                sentence: String(entry.sentence),
                line: locate(['ignores', i]).line,
              },
            ],
      ),
    },
    errors,
  };
}

function asList(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? (value as string[]) : undefined;
}

/** Removes what an error is about: a top-level key, one check, or one entry of `ignores` (kept as a hole). */
function drop(raw: Record<string, unknown>, path: Path): void {
  const [key, index] = path;
  if (typeof key !== 'string') return;
  const value = raw[key];
  if (key === 'ignores' && typeof index === 'number' && Array.isArray(value)) value[index] = undefined;
  else if (key === 'checks' && typeof index === 'string' && value && typeof value === 'object') {
    delete (value as Record<string, unknown>)[index];
  } else delete raw[key];
}

function nodeAt(root: unknown, path: Path, property?: string): Node | undefined {
  let node: unknown = root;
  let target = root as Node | undefined;
  for (const segment of [...path, ...(property === undefined ? [] : [property])]) {
    let child: unknown;
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === segment);
      // An unknown key is pointed at by its name, anything else by its value.
      child = segment === property ? pair?.key : pair?.value;
    } else if (isSeq(node)) child = node.items[Number(segment)];
    if (!child) break;
    node = child;
    target = child as Node;
  }
  return target;
}

function pathOf(instancePath: string): Path {
  if (!instancePath) return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function describe(e: ErrorObject, path: Path, property: string | undefined): string {
  const where = path.length > 0 ? path.join('.') : 'file';
  switch (e.keyword) {
    case 'additionalProperties': {
      const known =
        path.length === 0 ? topLevelKeys : path[0] === 'checks' ? configCheckIds : ['check', 'claim', 'sentence'];
      return `${path.length > 0 ? `${where}: ` : ''}unknown key "${property}" (known: ${known.join(', ')})`;
    }
    case 'required':
      return `${where}: missing key "${String(e.params.missingProperty)}"`;
    case 'enum':
      return `${where}: must be one of ${(e.params.allowedValues as unknown[]).map((v) => String(v)).join(', ')}`;
    case 'anyOf':
      return `${where}: must be a path or a list of paths`;
    case 'type':
      return `${where}: must be ${typeNames[String(e.params.type)] ?? `a ${String(e.params.type)}`}`;
    default:
      return `${where}: ${e.message ?? 'is invalid'}`;
  }
}

const typeNames: Record<string, string> = { array: 'a list', object: 'a mapping of keys', string: 'a string' };

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
