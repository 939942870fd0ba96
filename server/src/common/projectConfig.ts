// The project configuration (.policylens.yaml) as the server and the CLI use it, and how it merges
// with the settings. No file system and no YAML here: server/src/node/projectConfigFiles.ts finds
// and reads the file, server/src/knowledge/projectConfig.ts parses and validates it.
import { checks } from './checks';
import { type CheckLevel, type CheckLevels, type ConsistencyScope, type PolicyLensSettings } from './settings';

/** The names looked for in each folder, in this order: the first one found there is used. */
export const projectConfigNames = ['.policylens.yaml', '.policylens.yml', '.policylens.json'] as const;

/** The codes `checks:` and `ignores:` take: every check's, and contradictions resting only on reports. */
export const configCheckIds: readonly string[] = [...checks.map((c) => c.id), 'extracted-contradiction'];

/** Which setting each code of `checks:` sets. */
const settingOf = new Map<string, keyof CheckLevels>([
  ...checks.map((c) => [c.id, c.setting] as const),
  ['extracted-contradiction', 'extractedContradiction'],
]);

/** One finding silenced in the config, while its sentence reads the same. */
export interface IgnoredFinding {
  check: string;
  /** The claim the finding rests on, when it rests on one. */
  claim?: string;
  /** The sentence, whitespace normalised (see normalizeSentence). */
  sentence: string;
  /** 0-based line of the entry in the config file (for Show Ignored Findings). */
  line: number;
}

/** A config file as read: every path absolute (resolved against the file's folder). */
export interface ProjectConfig {
  /** The config file's absolute path. */
  file: string;
  knowledgeFolders?: string[];
  sourcesFolder?: string;
  bibliographyFiles?: string[];
  checks?: Partial<Record<string, CheckLevel>>;
  languages?: string[];
  crossrefPrefixes?: string[];
  consistency?: ConsistencyScope;
  ignores: IgnoredFinding[];
}

/**
 * The settings a memo is checked with: defaults < editor settings < the config file, as in
 * markdownlint and ESLint, where the project's file is what everyone who opens the project shares.
 * A key the file gives replaces the setting (`checks` check by check), except the knowledge
 * folders and bibliographies, which are added to the settings' (both are read).
 */
export function applyProjectConfig(
  settings: PolicyLensSettings,
  config: ProjectConfig | undefined,
): PolicyLensSettings {
  if (!config) return settings;
  const levels = { ...settings.checks };
  for (const [id, level] of Object.entries(config.checks ?? {})) {
    const setting = settingOf.get(id);
    if (setting && level) levels[setting] = level;
  }
  return {
    ...settings,
    knowledgeFolders: union(settings.knowledgeFolders, config.knowledgeFolders),
    sourcesFolder: config.sourcesFolder ?? settings.sourcesFolder,
    bibliographyFiles: union(settings.bibliographyFiles, config.bibliographyFiles),
    languages: config.languages ?? settings.languages,
    crossrefPrefixes: config.crossrefPrefixes ?? settings.crossrefPrefixes,
    consistencyScope: config.consistency ?? settings.consistencyScope,
    checks: levels,
  };
}

function union(first: readonly string[], second: readonly string[] = []): string[] {
  return [...new Set([...first, ...second])];
}

/** A sentence as an ignore entry records it: runs of white space (line breaks too) as one space, trimmed. */
export function normalizeSentence(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
