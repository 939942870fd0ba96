// Validators for the knowledge files' JSON Schemas, generated at build time by
// scripts/lib/schemaValidators.mjs (ajv standalone code): `<kind>Shell` checks a file's shape with
// its list entries left open, `<kind>Item` one entry of the list; `projectConfig` a whole .policylens.yaml.
declare module 'policy-lens:schema-validators' {
  import type { ValidateFunction } from 'ajv';

  export const sourcesShell: ValidateFunction;
  export const sourcesItem: ValidateFunction;
  export const glossaryShell: ValidateFunction;
  export const glossaryItem: ValidateFunction;
  export const claimsShell: ValidateFunction;
  export const claimsItem: ValidateFunction;
  export const placesShell: ValidateFunction;
  export const placesItem: ValidateFunction;
  export const projectConfig: ValidateFunction;
}
