// What a memo's YAML front matter says about its bibliography, as Pandoc reads it:
// `bibliography:` (one path or a list) and inline `references:`.
import { parseDocument } from 'yaml';
import { fromCslItems } from '../knowledge/bibliography';
import { Source } from '../knowledge/types';
import { FrontMatter } from '../engine/markdown/prose';

export interface FrontMatterBibliography {
  files: string[];
  references: Source[];
}

export function frontMatterBibliography(frontMatter: FrontMatter | undefined, uri: string): FrontMatterBibliography {
  if (!frontMatter || frontMatter.yaml.length > 1_000_000) return { files: [], references: [] };
  const doc = parseDocument(frontMatter.yaml, { prettyErrors: false });
  if (doc.errors.length > 0) return { files: [], references: [] };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch {
    return { files: [], references: [] };
  }
  if (!data || typeof data !== 'object') return { files: [], references: [] };
  const record = data as { bibliography?: unknown; references?: unknown };
  const files = (Array.isArray(record.bibliography) ? record.bibliography : [record.bibliography]).filter((f): f is string => typeof f === 'string' && f.length > 0);
  const references = Array.isArray(record.references) ? fromCslItems(uri, record.references).sources : [];
  return { files, references };
}
