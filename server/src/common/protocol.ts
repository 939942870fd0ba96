// Custom requests between the VS Code client and the server (shared, typed once).
import type { CslItem } from './cslJson';

export const listSourcesRequest = 'policyLens/listSources';
export interface ListSourcesParams {
  uri?: string;
  position?: { line: number; character: number };
}
/** One source as the Insert Citation picker shows it. */
export interface SourceSummary {
  key: string;
  short: string;
  /** The formatted reference, as plain text (the picker shows no Markdown). */
  reference: string;
  title: string;
  authors: string;
  /** Every claim the knowledge base has from this source: the picker searches them all. */
  claims: string[];
  /** True when the source supports the sentence at the cursor. */
  supports: boolean;
}
export type ListSourcesResult = SourceSummary[];

export const referencesEditRequest = 'policyLens/referencesEdit';
export interface DocumentParams {
  uri: string;
}
export interface ReferencesEditResult {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  newText: string;
}

export const exportBibliographyRequest = 'policyLens/exportBibliography';
export type ExportBibliographyResult = CslItem[];

/** The same sources as BibTeX text (Citation.js's writer). */
export const exportBibtexRequest = 'policyLens/exportBibtex';
export type ExportBibtexResult = string;

export const checkWorkspaceRequest = 'policyLens/checkWorkspace';
export interface CheckWorkspaceParams {
  /** A token of the client's for `$/progress` reports (LSP work-done progress); else the server makes one. */
  workDoneToken?: string | number;
}
export interface CheckWorkspaceResult {
  /** Memos checked (reports in the sources folder and other files are not memos). */
  files: number;
  /** Findings the Problems view lists: errors, warnings and information (hints are not listed). */
  problems: number;
  /** True when the check was cancelled (from its progress) before every memo was checked. */
  cancelled?: boolean;
}

/**
 * Sent by the server when a Check Workspace ends (the user's, or its re-run on start): whether it is to
 * run again when the server next starts (`checkWorkspace` in `initialize`). Not once it was cancelled:
 * the client keeps this in the workspace's state.
 */
export const checkWorkspaceRememberedNotification = 'policyLens/checkWorkspaceRemembered';
export interface CheckWorkspaceRemembered {
  remembered: boolean;
}

/** Sent by the client when the user trusts the workspace: what Restricted Mode skipped is read at once. */
export const workspaceTrustedNotification = 'policyLens/workspaceTrusted';

/** Sent after each knowledge load: what the checks rest on, for the editor's language status. */
export const knowledgeStatusNotification = 'policyLens/knowledgeStatus';
export interface KnowledgeStatus {
  /** Sources, terms and claims loaded (bundled, knowledge folders and reports together). */
  sources: number;
  terms: number;
  claims: number;
  /** Reports read from the sources folder, and those that could not be read. */
  reports: number;
  unreadReports: number;
  /** Problems in knowledge files (syntax, schema, references). */
  errors: number;
}

/** Every finding ignored in the project configs in use, with where its entry is. */
export const ignoredFindingsRequest = 'policyLens/ignoredFindings';
interface IgnoredFindingLocation {
  /** The config file's URI; `line` is the entry's, 0-based. */
  uri: string;
  line: number;
  check: string;
  claim?: string;
  sentence: string;
}
export type IgnoredFindingsResult = IgnoredFindingLocation[];
