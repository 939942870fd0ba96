// Schema validation of a parsed knowledge file, entry by entry, and its errors in words a
// knowledge author reads ("claims.3: missing field \"locator\""), at the field at fault.
import type { ErrorObject } from 'ajv';
import { locate, type ParsedFile } from './parsedFile';
import { validators } from './schemas';
import type { KnowledgeError } from './types';

/** At most this many schema errors are reported per file; the rest are counted. */
const maxErrorsPerFile = 50;

function pathOf(instancePath: string): (string | number)[] {
  if (!instancePath) return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

const valueFields =
  'quantity, year, date, period, ordinal, role, holders, set, stance, preference, quantifier or entity';

function allowed(values: unknown[]): string {
  return values.map((v) => JSON.stringify(v)).join(', ');
}

function describe(e: ErrorObject): string {
  const where = e.instancePath ? e.instancePath.slice(1).replace(/\//g, '.') : 'file';
  switch (e.keyword) {
    case 'additionalProperties':
      return `${where}: unknown field "${(e.params as { additionalProperty: string }).additionalProperty}"`;
    case 'required':
      return `${where}: missing field "${(e.params as { missingProperty: string }).missingProperty}"`;
    case 'enum':
      return `${where}: must be one of ${allowed((e.params as { allowedValues: unknown[] }).allowedValues)}`;
    case 'oneOf':
      if (e.instancePath.endsWith('/about')) return `${where}: a list of phrase groups, or { property, subject, with }`;
      if (/\/members\/\d+$/.test(e.instancePath)) return `${where}: a phrase or a list of phrases`;
      return `${where}: a claim needs exactly one value field (${valueFields})`;
    default:
      return `${where}: ${e.message ?? 'is invalid'}`;
  }
}

/**
 * Validates the file and reports errors; returns the indexes of top-level array entries
 * (`terms[i]`, `claims[i]`, or the i-th CSL item) that are broken, or undefined if the whole file is.
 */
export function validate(
  p: ParsedFile,
  listKey: string | undefined,
  errors: KnowledgeError[],
): Set<number> | undefined {
  if (p.valid) return new Set();
  const { shell, item } = validators[p.kind];
  let reported = 0;
  let suppressed = 0;
  const report = (list: ErrorObject[], prefix: (string | number)[]): void => {
    // oneOf errors repeat the branch failures; report the summary only.
    const seen = new Set<string>();
    for (const e of list.filter((x) => !(x.keyword === 'required' && x.schemaPath.includes('/oneOf/')))) {
      const path = [...prefix, ...pathOf(e.instancePath)];
      const property =
        e.keyword === 'additionalProperties'
          ? (e.params as { additionalProperty: string }).additionalProperty
          : undefined;
      const message = describe({ ...e, instancePath: path.length ? '/' + path.join('/') : '' });
      if (seen.has(message)) continue;
      seen.add(message);
      if (reported >= maxErrorsPerFile) {
        suppressed++;
        continue;
      }
      reported++;
      errors.push({ kind: 'schema', message, ...locate(p, path, property) });
    }
  };
  if (!shell(p.data)) {
    report(shell.errors ?? [], []);
    return undefined;
  }
  const list = (listKey === undefined ? p.data : (p.data as Record<string, unknown>)[listKey]) as unknown[];
  const broken = new Set<number>();
  list.forEach((entry, i) => {
    if (item(entry)) return;
    broken.add(i);
    report(item.errors ?? [], listKey === undefined ? [i] : [listKey, i]);
  });
  if (suppressed > 0) {
    errors.push({
      kind: 'schema',
      message: `${suppressed} more schema errors in this file are not listed`,
      file: p.file.path,
      line: 0,
      character: 0,
    });
  }
  return broken;
}
