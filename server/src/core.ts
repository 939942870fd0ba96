// Everything the server needs once it is running: knowledge loading (YAML, JSON Schema), Markdown
// parsing and the language service. Bundled apart from the server's entry point and loaded right
// after `initialize` is answered, so that an editor's handshake never waits for it.
export { formatKnowledgeError, KnowledgeStore } from './node/knowledgeFiles';
export { defaultKnowledgeCacheDir, KnowledgeCache } from './node/knowledgeCache';
export { BibliographyStore } from './node/bibliographies';
export { BibliographyCache } from './node/bibliographyCache';
export { findMemos, isInside, maxMemoBytes, readTextFile } from './node/workspaceFiles';
export { defaultCacheDir, finishReports, listSourceFilesAsync } from './node/sourceFiles';
export { PolicyLensService } from './features/languageService';
export { frontMatterOf } from './engine/markdown/frontMatter';
export { WorkerRenderer } from './node/cslInWorker';
export { fileUri, installedDocsBase } from './node/docsLinks';
export {
  ignoreTargetFor,
  ProjectConfigFiles,
  WorkspaceConfigs,
  pooledSettings,
  touchesProjectConfig,
} from './node/projectConfigFiles';
export { readDocumentSources, readStyleFile } from './node/documentSources';
