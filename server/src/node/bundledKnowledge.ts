// Where the knowledge shipped with the extension lives, and the citation keys of its sources: the
// keys a report read from the sources folder must not take.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The knowledge folder shipped with the extension: `knowledge/` next to `dist/`. */
export function bundledKnowledgeFolder(): string {
  const candidates = [resolve(__dirname, '..', 'knowledge'), resolve(__dirname, '..', '..', '..', 'knowledge')];
  return candidates.find((c) => existsSync(join(c, 'glossary.yaml'))) ?? candidates[0];
}

/** The keys (ids) of the bundled sources; none if the file cannot be read (it is validated elsewhere). */
export function bundledSourceKeys(): Set<string> {
  try {
    const items: unknown = JSON.parse(readFileSync(join(bundledKnowledgeFolder(), 'sources.json'), 'utf8'));
    if (!Array.isArray(items)) return new Set();
    return new Set(
      items.map((item) => (item as { id?: unknown })?.id).filter((id): id is string => typeof id === 'string'),
    );
  } catch {
    return new Set();
  }
}
