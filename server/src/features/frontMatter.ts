// What a memo's YAML front matter says about its bibliography, as Pandoc reads it:
// `bibliography:` (one path or a list) and inline `references:`.
import { parseDocument } from 'yaml';
import { fromCslItems } from '../knowledge/bibliography';
import { type KnowledgeError, type Source } from '../knowledge/types';
import { type FrontMatter } from '../engine/markdown/frontMatter';

export interface FrontMatterBibliography {
  files: string[];
  references: Source[];
  /** Pandoc's `csl:` (a .csl path, relative to the memo) and `lang:` (the locale). */
  csl?: string;
  lang?: string;
  /** Keys named by `nocite:` (`*` for every bibliography entry). */
  nocite: string[];
  /** Problems in inline `references:` (reported on the memo's front matter). */
  errors: KnowledgeError[];
}

// A key in `nocite:` as Pandoc reads it there: `@key`, `@{key}` or `@*`.
const nociteKey = /@(\*|\{[^}\n]{1,500}\}|[\p{L}\p{N}_](?:[\p{L}\p{N}_]|[:.#$%&\-+?<>~/](?=[\p{L}\p{N}_]))*)/gu;

export function frontMatterBibliography(frontMatter: FrontMatter | undefined, uri: string): FrontMatterBibliography {
  const none: FrontMatterBibliography = { files: [], references: [], nocite: [], errors: [] };
  if (!frontMatter || frontMatter.yaml.length > 1_000_000) return none;
  const doc = parseDocument(frontMatter.yaml, { prettyErrors: false });
  if (doc.errors.length > 0) return none;
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch {
    return none;
  }
  if (!data || typeof data !== 'object') return none;
  const record = data as Record<'bibliography' | 'references' | 'csl' | 'lang' | 'nocite', unknown>;
  const files = (Array.isArray(record.bibliography) ? record.bibliography : [record.bibliography]).filter(
    (f): f is string => typeof f === 'string' && f.length > 0,
  );
  const inline = Array.isArray(record.references) ? fromCslItems(uri, record.references) : { sources: [], errors: [] };
  const nociteText = (Array.isArray(record.nocite) ? record.nocite : [record.nocite])
    .filter((n): n is string => typeof n === 'string')
    .join(' ');
  const nocite = [...nociteText.matchAll(nociteKey)].map((m) => m[1].replace(/^\{(.*)\}$/, '$1'));
  return {
    files,
    references: inline.sources,
    errors: inline.errors,
    nocite,
    ...(typeof record.csl === 'string' && record.csl ? { csl: record.csl } : {}),
    ...(typeof record.lang === 'string' && record.lang ? { lang: record.lang } : {}),
  };
}
