// The one typed definition of Policy Lens settings, shared by the client and the server.
// package.json `contributes.configuration` must match these defaults (a unit test checks it).

export type CheckLevel = 'error' | 'warning' | 'information' | 'hint' | 'off';

export interface CheckLevels {
  contradiction: CheckLevel;
  citationMismatch: CheckLevel;
  unknownCitation: CheckLevel;
  missingCitation: CheckLevel;
  undefinedAcronym: CheckLevel;
  /** Contradictions that rest only on claims read automatically from the sources folder. */
  extractedContradiction: CheckLevel;
  /** Two sentences of one memo stating different values for the same thing. */
  inconsistency: CheckLevel;
  /** Figures, dates and superlatives stated as fact with no citation, attribution or knowledge. */
  unsourcedFigure: CheckLevel;
}

export interface PolicyLensSettings {
  /** Extra knowledge folders (same format as the bundled `knowledge/`), relative to the workspace. */
  knowledgeFolders: string[];
  /** Bibliography files (CSL-JSON or BibTeX) whose keys count as known citations. */
  bibliographyFiles: string[];
  /** Document language ids the server checks. */
  languages: string[];
  /** Severity of each check, or `off`. */
  checks: CheckLevels;
  /** Style of formatted references (hovers, completion, Insert References): a bundled CSL style. */
  referenceStyle: 'chicago-author-date' | 'apa';
  /** A CSL style file (.csl) that replaces the bundled style, absolute or relative to the workspace. */
  referenceCsl: string;
  /** A CSL locale (en-US, en-GB, de-DE, …); empty: the style's own default, else en-US. */
  referenceLocale: string;
  /** Folder of reports (.md, .txt, .pdf) read into the knowledge base, relative to the workspace. */
  sourcesFolder: string;
  /** Keys starting with these are cross-references (pandoc-crossref, Quarto), not citations. */
  crossrefPrefixes: string[];
  /** What `inconsistency` compares: the sentences of one memo, or of every memo checked together. */
  consistencyScope: ConsistencyScope;
}

export type ConsistencyScope = 'memo' | 'workspace';

export const defaultSettings: PolicyLensSettings = {
  knowledgeFolders: [],
  bibliographyFiles: [],
  languages: ['markdown', 'plaintext', 'quarto', 'rmd'],
  checks: {
    contradiction: 'warning',
    citationMismatch: 'warning',
    unknownCitation: 'error',
    missingCitation: 'information',
    undefinedAcronym: 'hint',
    extractedContradiction: 'information',
    inconsistency: 'warning',
    unsourcedFigure: 'hint',
  },
  referenceStyle: 'chicago-author-date',
  referenceCsl: '',
  referenceLocale: '',
  sourcesFolder: 'sources',
  // pandoc-crossref's `@fig:map`, then Quarto's `@fig-map`.
  crossrefPrefixes: ['fig:', 'tbl:', 'sec:', 'eq:', 'lst:', 'fig-', 'tbl-', 'sec-', 'eq-', 'lst-'],
  consistencyScope: 'memo',
};

/** The settings section name and the flat keys used in package.json. */
export const settingsSection = 'policyLens';

export const settingKeys = {
  knowledgeFolders: 'knowledge.folders',
  bibliographyFiles: 'bibliography.files',
  languages: 'languages',
  checks: 'checks',
  referenceStyle: 'references.style',
  referenceCsl: 'references.csl',
  referenceLocale: 'references.locale',
  sourcesFolder: 'sources.folder',
  crossrefPrefixes: 'citations.crossrefPrefixes',
  consistencyScope: 'consistency.scope',
} as const;

/**
 * Where each setting may differ (its `scope` in package.json). `resource`: per workspace folder, as
 * the server asks for each folder's (knowledge, bibliographies and sources of every folder are read
 * together, each relative to its folder). `window`: one value for the window, because the client
 * uses it (which languages it sends) or the server keeps one (the reference style).
 */
export const settingScopes: Record<keyof PolicyLensSettings, 'resource' | 'window'> = {
  knowledgeFolders: 'resource',
  bibliographyFiles: 'resource',
  languages: 'window',
  checks: 'resource',
  referenceStyle: 'window',
  referenceCsl: 'window',
  referenceLocale: 'window',
  sourcesFolder: 'resource',
  crossrefPrefixes: 'resource',
  consistencyScope: 'resource',
};

const levels: readonly CheckLevel[] = ['error', 'warning', 'information', 'hint', 'off'];

function stringArray(value: unknown, fallback: string[]): string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? [...value] : [...fallback];
}

/**
 * Reads the `policyLens` section as the client sends it (nested objects, as VS Code's
 * `workspace.getConfiguration` returns them) and fills anything missing or mistyped with defaults.
 */
export function normalizeSettings(raw: unknown): PolicyLensSettings {
  const section = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const knowledge = (section.knowledge ?? {}) as Record<string, unknown>;
  const bibliography = (section.bibliography ?? {}) as Record<string, unknown>;
  const references = (section.references ?? {}) as Record<string, unknown>;
  const sources = (section.sources ?? {}) as Record<string, unknown>;
  const citations = (section.citations ?? {}) as Record<string, unknown>;
  const checks = (section.checks ?? {}) as Record<string, unknown>;
  const consistency = (section.consistency ?? {}) as Record<string, unknown>;
  const level = (name: keyof CheckLevels): CheckLevel => {
    const value = checks[name];
    return typeof value === 'string' && (levels as string[]).includes(value)
      ? (value as CheckLevel)
      : defaultSettings.checks[name];
  };
  return {
    knowledgeFolders: stringArray(knowledge.folders, defaultSettings.knowledgeFolders),
    bibliographyFiles: stringArray(bibliography.files, defaultSettings.bibliographyFiles),
    languages: stringArray(section.languages, defaultSettings.languages),
    checks: {
      contradiction: level('contradiction'),
      citationMismatch: level('citationMismatch'),
      unknownCitation: level('unknownCitation'),
      missingCitation: level('missingCitation'),
      undefinedAcronym: level('undefinedAcronym'),
      extractedContradiction: level('extractedContradiction'),
      inconsistency: level('inconsistency'),
      unsourcedFigure: level('unsourcedFigure'),
    },
    referenceStyle: references.style === 'apa' ? 'apa' : defaultSettings.referenceStyle,
    referenceCsl: typeof references.csl === 'string' ? references.csl : defaultSettings.referenceCsl,
    referenceLocale: typeof references.locale === 'string' ? references.locale : defaultSettings.referenceLocale,
    sourcesFolder: typeof sources.folder === 'string' ? sources.folder : defaultSettings.sourcesFolder,
    crossrefPrefixes: stringArray(citations.crossrefPrefixes, defaultSettings.crossrefPrefixes),
    consistencyScope: consistency.scope === 'workspace' ? 'workspace' : defaultSettings.consistencyScope,
  };
}
