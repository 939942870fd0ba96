// The validators of each kind of knowledge file.
import type { ValidateFunction } from 'ajv';
import * as schemaValidators from 'policy-lens:schema-validators';
import type { KnowledgeFileKind } from './fileKinds';

interface Validators {
  /** The file's shape with its list entries left open. */
  shell: ValidateFunction;
  /** One list entry. */
  item: ValidateFunction;
}

/**
 * The knowledge/schema/*.schema.json validators, compiled at build time (no code is generated at
 * run time). Each list entry is validated on its own: the cost stays linear in the number of
 * entries, and a file with thousands of broken entries reports a bounded number of errors.
 */
export const validators: Record<KnowledgeFileKind, Validators> = {
  sources: { shell: schemaValidators.sourcesShell, item: schemaValidators.sourcesItem },
  glossary: { shell: schemaValidators.glossaryShell, item: schemaValidators.glossaryItem },
  claims: { shell: schemaValidators.claimsShell, item: schemaValidators.claimsItem },
  places: { shell: schemaValidators.placesShell, item: schemaValidators.placesItem },
};
