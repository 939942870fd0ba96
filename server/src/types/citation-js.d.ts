// The parts of @citation-js/plugin-bibtex that Policy Lens uses (the package ships no types).
declare module '@citation-js/plugin-bibtex/lib/input/file.js' {
  export interface BibtexEntry {
    type: string;
    label: string;
    properties: Record<string, string>;
  }
  /** Parses a whole BibTeX/BibLaTeX file; throws on a syntax error ("invalid syntax at line N col M"). */
  export function parse(text: string): BibtexEntry[];
}
declare module '@citation-js/plugin-bibtex/lib/input/entries.js' {
  import type { BibtexEntry } from '@citation-js/plugin-bibtex/lib/input/file.js';
  /** Entries to CSL-JSON items: @string macros, crossref, names, dates, LaTeX to Unicode. */
  export function parse(entries: BibtexEntry[]): Record<string, unknown>[];
}
declare module '@citation-js/plugin-bibtex/lib/output/index.js' {
  const output: {
    bibtex: (items: unknown[], options?: { format?: string }) => string;
    biblatex: (items: unknown[], options?: { format?: string }) => string;
  };
  export default output;
}
declare module '@citation-js/plugin-bibtex/lib/config.js' {
  const config: { parse: { sentenceCase: 'always' | 'english' | 'never'; strict: boolean; biblatex: boolean } };
  export default config;
}
