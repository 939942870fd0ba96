// The extension's version, from package.json: the build writes it in (esbuild `define`, in
// scripts/lib/version.mjs), so the CLI, SARIF output and serverInfo never state their own.
declare const POLICY_LENS_VERSION: string;

export const version: string = POLICY_LENS_VERSION;
