// Which knowledge files a folder holds, by name, and how large one may be.

export type KnowledgeFileKind = 'sources' | 'glossary' | 'claims' | 'places';

/** Files larger than this are refused with a message rather than parsed. */
export const maxKnowledgeFileBytes = 5 * 1024 * 1024;

/** Why a file of `bytes` is not read. */
export function tooLargeMessage(bytes: number): string {
  const limit = maxKnowledgeFileBytes / 1048576;
  return `file is ${Math.round(bytes / 1048576)} MB; knowledge files over ${limit} MB are not read`;
}

/** Which kind of knowledge file a path names, or undefined for files we do not read. */
export function knowledgeFileKind(path: string): KnowledgeFileKind | undefined {
  const normalized = path.replace(/\\/g, '/');
  const name = normalized.slice(normalized.lastIndexOf('/') + 1);
  if (/\/claims\/[^/]+\.ya?ml$/i.test(normalized)) return 'claims';
  if (/^glossary[^/]*\.ya?ml$/i.test(name)) return 'glossary';
  if (/^places[^/]*\.ya?ml$/i.test(name)) return 'places';
  if (/\.json$/i.test(name) && !/\.schema\.json$/i.test(name) && !/^package(-lock)?\.json$/i.test(name)) {
    return 'sources';
  }
  return undefined;
}

/** The key of each kind's top-level list (a sources file is a list itself). */
export const listKeys: Record<KnowledgeFileKind, string> = {
  sources: '',
  glossary: 'terms',
  claims: 'claims',
  places: 'places',
};
