// The checks Policy Lens reports, in one place: the diagnostic code, the setting that sets its
// severity, a one-line summary (SARIF rule text) and its page in docs/checks/. Diagnostic links
// and SARIF rules are made from this list, so a new check cannot go without its page (tested).
import { type CheckLevels } from './settings';

export interface CheckInfo {
  /** The diagnostic code, the SARIF rule id, the name in silencing comments and the docs page. */
  id:
    | 'contradiction'
    | 'citation-mismatch'
    | 'unknown-citation'
    | 'missing-citation'
    | 'undefined-acronym'
    | 'inconsistency'
    | 'unsourced-figure';
  setting: keyof CheckLevels;
  summary: string;
}

export const checks: readonly CheckInfo[] = [
  { id: 'contradiction', setting: 'contradiction', summary: 'A claim contradicts the sources.' },
  {
    id: 'citation-mismatch',
    setting: 'citationMismatch',
    summary: 'The cited source does not support the claim; another source does.',
  },
  {
    id: 'unknown-citation',
    setting: 'unknownCitation',
    summary: 'A citation key that no knowledge or bibliography defines.',
  },
  { id: 'missing-citation', setting: 'missingCitation', summary: 'A sourced fact stated without a citation.' },
  { id: 'undefined-acronym', setting: 'undefinedAcronym', summary: 'An acronym used before it is expanded.' },
  {
    id: 'inconsistency',
    setting: 'inconsistency',
    summary: 'The memo states a value, an expansion or a title differently in two places.',
  },
  {
    id: 'unsourced-figure',
    setting: 'unsourcedFigure',
    summary: 'A figure, date or superlative stated as fact with no citation, attribution or knowledge behind it.',
  },
];

/**
 * Where the pages are, relative to the package root. The project has no public repository URL
 * yet (package.json names none), so links are made from this path against a base: the server and
 * the CLI pass the `file:` URL of the folder they were installed in. Set a repository and pass its
 * `…/blob/main/` URL instead to link to the web.
 */
export const checkDocsFolder = 'docs/checks/';

/** The page of a check (or of the `too-large` notice), against `base` (a URL ending in `/`). */
export function checkDocsHref(id: string, base = ''): string {
  return `${base}${checkDocsFolder}${id}.md`;
}
