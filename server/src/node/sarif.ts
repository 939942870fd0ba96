// SARIF 2.1.0 output for code-scanning tools.
import { type Diagnostic } from 'vscode-languageserver-types';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

import { checkDocsHref, checks } from '../common/checks';

const rules = checks.map((c) => ({ id: c.id, text: c.summary }));

function regionOf(range: Diagnostic['range']): Record<string, number> {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

const levels: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'note', 4: 'note' };

/** `docsBase`: what docs/checks/ is relative to (a URL ending in `/`), for each rule's `helpUri`. */
export function toSarif(
  results: { path: string; diagnostics: Diagnostic[] }[],
  version: string,
  docsBase: string,
): unknown {
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'policy-lens',
            version,
            rules: rules.map((r) => ({
              id: r.id,
              shortDescription: { text: r.text },
              helpUri: checkDocsHref(r.id, docsBase),
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: results.flatMap(({ path, diagnostics }) =>
          diagnostics.map((d) => ({
            ruleId: String(d.code),
            ruleIndex: rules.findIndex((r) => r.id === d.code),
            level: levels[d.severity ?? 1],
            message: { text: d.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: pathToFileURL(resolve(path)).href },
                  region: {
                    startLine: d.range.start.line + 1,
                    startColumn: d.range.start.character + 1,
                    endLine: d.range.end.line + 1,
                    endColumn: d.range.end.character + 1,
                  },
                },
              },
            ],
            // The earlier mention of an inconsistency.
            relatedLocations: d.relatedInformation?.map((r, id) => ({
              id,
              message: { text: r.message },
              physicalLocation: {
                artifactLocation: {
                  uri: r.location.uri.startsWith('file:') ? r.location.uri : pathToFileURL(resolve(path)).href,
                },
                region: regionOf(r.location.range),
              },
            })),
            properties: d.data ? { data: d.data } : undefined,
          })),
        ),
      },
    ],
  };
}
