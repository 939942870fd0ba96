// Finding and reading project config files (.policylens.yaml) for the server and the CLI: the
// nearest one above a memo wins, as with .markdownlint.jsonc, looking no higher than the workspace
// folder the memo is in (the filesystem root outside any). Each file is read once per version.
import { statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type ProjectConfig, projectConfigNames } from '../common/projectConfig';
import { type PolicyLensSettings } from '../common/settings';
import { maxProjectConfigBytes, parseProjectConfig } from '../knowledge/projectConfig';
import { type KnowledgeError } from '../knowledge/types';
import type { IgnoreTarget } from '../features/codeActions';
import { decodeText, readBounded } from './boundedRead';
import { isInside, ReadPolicy } from './readPolicy';

export interface LoadedProjectConfig {
  config: ProjectConfig;
  /** Problems in the file, at file:line:column; the keys they are about are not used. */
  errors: KnowledgeError[];
}

function stampOf(path: string): string | undefined {
  try {
    const stats = statSync(path);
    return stats.isFile() ? `${stats.size}:${stats.mtimeMs}:${stats.ino}` : undefined;
  } catch {
    return undefined;
  }
}

/** Reads one config file (any of the three names; `.json` is read as JSON, which YAML includes). */
export function readProjectConfig(path: string, policy = ReadPolicy.anything): LoadedProjectConfig {
  const file = resolve(path);
  const at = { file, line: 0, character: 0 };
  const read = readBounded(file, { maxBytes: maxProjectConfigBytes, policy });
  if (read.failure) {
    const message = read.failure.reason === 'missing' ? 'config file not found' : `config file ${read.failure.message}`;
    return { config: { file, ignores: [] }, errors: [{ kind: 'io', message, ...at }] };
  }
  const text = decodeText(read.bytes);
  if (text === undefined) {
    return { config: { file, ignores: [] }, errors: [{ kind: 'io', message: 'config file is not text', ...at }] };
  }
  const { config, errors } = parseProjectConfig(file, text);
  const base = dirname(file);
  const absolute = (p: string): string => (isAbsolute(p) ? p : join(base, p));
  return {
    config: {
      file,
      ...(config.knowledge ? { knowledgeFolders: config.knowledge.map(absolute) } : {}),
      ...(config.sources ? { sourcesFolder: absolute(config.sources) } : {}),
      ...(config.bibliography ? { bibliographyFiles: config.bibliography.map(absolute) } : {}),
      ...(config.checks ? { checks: config.checks } : {}),
      ...(config.languages ? { languages: config.languages } : {}),
      ...(config.crossrefPrefixes ? { crossrefPrefixes: config.crossrefPrefixes } : {}),
      ...(config.consistency ? { consistency: config.consistency } : {}),
      ignores: config.ignores,
    },
    errors,
  };
}

/**
 * Config files found and read, cached until `forget()` (the server calls it when a config file is
 * created, changed or deleted; the CLI never needs to).
 */
export class ProjectConfigFiles {
  private readonly nearestIn = new Map<string, string | undefined>();
  private readonly loaded = new Map<string, { stamp: string; config: LoadedProjectConfig }>();

  constructor(private readonly policy = ReadPolicy.anything) {}

  /** The config file in `folder` itself, if any (the first of the names found). */
  private inFolder(folder: string): string | undefined {
    for (const name of projectConfigNames) {
      const path = join(folder, name);
      if (stampOf(path) !== undefined && this.policy.allows(path)) return path;
    }
    return undefined;
  }

  /** The nearest config at or above `folder`, looking no higher than the root among `roots` holding it. */
  nearest(folder: string, roots: readonly string[] = []): string | undefined {
    const start = resolve(folder);
    const stops = roots.map((r) => resolve(r)).filter((r) => isInside(start, [r]));
    const key = [start, ...stops].join('\0');
    if (this.nearestIn.has(key)) return this.nearestIn.get(key);
    let found: string | undefined;
    for (let dir = start; ;) {
      found = this.inFolder(dir);
      const parent = dirname(dir);
      if (found || stops.includes(dir) || parent === dir) break;
      dir = parent;
    }
    this.nearestIn.set(key, found);
    return found;
  }

  /** The config file at `path`, read again only when the file changed. */
  load(path: string): LoadedProjectConfig {
    const stamp = stampOf(path) ?? 'missing';
    const cached = this.loaded.get(path);
    if (cached && cached.stamp === stamp) return cached.config;
    const config = readProjectConfig(path, this.policy);
    this.loaded.set(path, { stamp, config });
    return config;
  }

  /** The config for a memo at `file` (nearest wins), or undefined when there is none. */
  forFile(file: string, roots: readonly string[] = []): LoadedProjectConfig | undefined {
    const path = this.nearest(dirname(resolve(file)), roots);
    return path ? this.load(path) : undefined;
  }

  /** Configs may have appeared, changed or gone: look again. */
  forget(): void {
    this.nearestIn.clear();
    this.loaded.clear();
  }
}

/** Whether any of `paths` is a config file (created, changed or deleted). */
export function touchesProjectConfig(paths: readonly string[]): boolean {
  return paths.some((p) => (projectConfigNames as readonly string[]).includes(basename(p)));
}

/**
 * The configs a workspace uses: those of its folders (at or above each) and of every memo checked.
 * Knowledge and sources folders are one per workspace, so theirs are pooled (see foldersOf).
 */
export class WorkspaceConfigs {
  private readonly byDocument = new Map<string, string | undefined>();

  constructor(readonly files: ProjectConfigFiles) {}

  /** The memo's config, remembered as in use while the memo is open. */
  forDocument(uri: string, path: string, roots: readonly string[]): LoadedProjectConfig | undefined {
    const found = this.files.nearest(dirname(path), roots);
    this.byDocument.set(uri, found);
    return found ? this.files.load(found) : undefined;
  }

  release(uri: string): void {
    this.byDocument.delete(uri);
  }

  /** Every config in use: the workspace folders' and the open memos', each once. */
  inUse(roots: readonly string[]): LoadedProjectConfig[] {
    const paths = new Set<string>();
    for (const root of roots) {
      const found = this.files.nearest(root, [root]);
      if (found) paths.add(found);
    }
    for (const found of this.byDocument.values()) if (found) paths.add(found);
    return [...paths].map((p) => this.files.load(p));
  }

  forget(): void {
    this.files.forget();
    for (const uri of this.byDocument.keys()) this.byDocument.set(uri, undefined);
  }
}

/**
 * One settings object for what is loaded once for many memos (knowledge folders, the sources
 * folder): the configs' knowledge folders are added to the settings', and the first config naming
 * a sources folder sets it.
 */
export function pooledSettings(
  settings: PolicyLensSettings,
  configs: readonly LoadedProjectConfig[],
): PolicyLensSettings {
  const knowledgeFolders = [...settings.knowledgeFolders];
  let sourcesFolder = settings.sourcesFolder;
  let sourcesFromConfig = false;
  for (const { config } of configs) {
    for (const folder of config.knowledgeFolders ?? []) {
      if (!knowledgeFolders.includes(folder)) knowledgeFolders.push(folder);
    }
    if (config.sourcesFolder && !sourcesFromConfig) {
      sourcesFolder = config.sourcesFolder;
      sourcesFromConfig = true;
    }
  }
  return { ...settings, knowledgeFolders, sourcesFolder };
}

/**
 * Where *Ignore this finding in .policylens.yaml* writes for a memo: its nearest config, else a
 * new `.policylens.yaml` in the workspace folder holding it (else beside the memo).
 */
export function ignoreTargetFor(
  files: ProjectConfigFiles,
  memo: string,
  roots: readonly string[],
  canCreate: boolean,
  policy = ReadPolicy.anything,
): IgnoreTarget | undefined {
  const found = files.nearest(dirname(memo), roots);
  const root = roots.find((r) => isInside(memo, [r])) ?? dirname(memo);
  const path = found ?? join(root, projectConfigNames[0]);
  let text: string | undefined;
  if (found) {
    const read = readBounded(found, { maxBytes: maxProjectConfigBytes, policy });
    text = read.bytes ? decodeText(read.bytes) : undefined;
    if (text === undefined) return undefined;
  } else if (!policy.allows(path)) return undefined;
  return { uri: pathToFileURL(path).href, name: basename(path), text, canCreate };
}
