// SARIF 2.1.0 output for code-scanning tools.
import { Diagnostic } from 'vscode-languageserver-types';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const rules = [
  { id: 'contradiction', text: 'A claim contradicts the sources.' },
  { id: 'citation-mismatch', text: 'The cited source does not support the claim; another source does.' },
  { id: 'unknown-citation', text: 'A citation key that no knowledge or bibliography defines.' },
  { id: 'missing-citation', text: 'A sourced fact stated without a citation.' },
  { id: 'undefined-acronym', text: 'An acronym used before it is expanded.' },
  { id: 'inconsistency', text: 'A figure or date the memo states differently elsewhere.' },
  { id: 'unsourced-figure', text: 'A figure, date or superlative stated with no citation, attribution or knowledge behind it.' },
];

function regionOf(range: Diagnostic['range']): Record<string, number> {
  return { startLine: range.start.line + 1, startColumn: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
}

const levels: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'note', 4: 'note' };

export function toSarif(results: { path: string; diagnostics: Diagnostic[] }[], version: string): unknown {
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'policy-lens', version, rules: rules.map((r) => ({ id: r.id, shortDescription: { text: r.text } })) } },
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
                  region: { startLine: d.range.start.line + 1, startColumn: d.range.start.character + 1, endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1 },
                },
              },
            ],
            // The earlier mention of an inconsistency.
            relatedLocations: d.relatedInformation?.map((r, id) => ({
              id,
              message: { text: r.message },
              physicalLocation: {
                artifactLocation: { uri: r.location.uri.startsWith('file:') ? r.location.uri : pathToFileURL(resolve(path)).href },
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
