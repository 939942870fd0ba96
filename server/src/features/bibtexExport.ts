// Export Bibliography as BibTeX: CSL items written by Citation.js's BibTeX output, which escapes
// LaTeX specials, braces capitals that must stay capitals and maps CSL types to BibTeX's.
import type BibtexOutput from '@citation-js/plugin-bibtex/lib/output/index.js';
import { type CslItem } from '../knowledge/types';

export function toBibtex(items: readonly CslItem[]): string {
  if (items.length === 0) return '';
  // Loaded on first use: Citation.js takes tens of milliseconds to load.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a deliberate lazy load
  const output = require('@citation-js/plugin-bibtex/lib/output/index.js') as { default: typeof BibtexOutput };
  const bibtexOutput = output.default;
  // Citation.js labels entries by `citation-key`; the CSL id is the key memos cite.
  const names = (list: unknown): unknown =>
    Array.isArray(list)
      ? list.map((n: Record<string, unknown>) => {
          if (!n || typeof n !== 'object' || typeof n['dropping-particle'] !== 'string') return n;
          // BibTeX has one place for "van der": the von part, which the writer fills from this field.
          const { 'dropping-particle': particle, ...rest } = n;
          return { ...rest, 'non-dropping-particle': particle };
        })
      : list;
  return bibtexOutput.bibtex(
    items.map((item) => {
      const copy: Record<string, unknown> = { ...item, 'citation-key': item.id };
      for (const variable of ['author', 'editor'] as const) {
        if (item[variable] !== undefined) copy[variable] = names(item[variable]);
      }
      return copy;
    }),
    { format: 'text' },
  );
}
