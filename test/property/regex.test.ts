/**
 * Liveness of every regular expression (and scanning loop) that Policy Lens applies to user text:
 * memo text, workspace bibliography files, workspace knowledge files and front matter.
 *
 * Each regex literal in server/src/**\/*.ts is listed in `inventory` below with where it comes
 * from, what text it sees, and which public function reaches it; the cases feed those public
 * functions adversarial input (long runs of the characters a pattern matches, nested and unclosed
 * brackets, "<!--" repeated, backticks, 200,000 '@', 200,000 '.', 200 KB single lines) and assert
 * that each call finishes well within a generous bound: 200 KB in under 2 s (functions that the
 * analyzer only ever gives one block get a block of maxBlockLength code units). This is a liveness
 * bound against catastrophic backtracking and quadratic scans, not a performance target.
 *
 * Each case runs in a child process (two at a time) and is timed by that process's own CPU time, so
 * the bound holds on a busy machine; a wall-clock watchdog kills a runaway case and reports it
 * instead of hanging the test run. PL_REGEX_BOUND_MS changes the bound.
 *
 * The inventory test parses server/src with the TypeScript compiler and fails when a regex literal
 * is not listed: a new pattern applied to user text must be triaged (and given a case) here.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { type ChildProcess, fork } from 'node:child_process';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { KnowledgeBase } from '../../server/src/knowledge/knowledgeBase';
import { echoVerdicts } from '../../server/src/engine/check/echo';
import { readSentence } from '../../server/src/engine/check';
import { extractClaims } from '../../server/src/ingest/extract';
import { deriveMetadata } from '../../server/src/ingest/metadata';
import { pagesFromItems, type PdfPageItems } from '../../server/src/ingest/pdfLayout';
import { parseBibliography } from '../../server/src/knowledge/bibliography';
import { dependentParent, splitLocator } from '../../server/src/features/csl';
import { referencesEdit } from '../../server/src/features/references';
import { loadKnowledge } from '../../server/src/knowledge/loader';
import { loadKnowledgeFolders } from '../../server/src/node/knowledgeFiles';
import { readReport } from '../../server/src/node/sourceFiles';
import { inflatedSizeProblem } from '../../server/src/node/pdfStreams';
import { maxBlockLength } from '../../server/src/engine/analysis';
import { markdownToPlain, PolicyLensService } from '../../server/src/features/languageService';
import { textFingerprint } from '../../server/src/features/diagnostics';
import { splitSentences } from '../../server/src/engine/text/sentences';
import { extractValues } from '../../server/src/engine/values';
import { tokenize } from '../../server/src/engine/text/tokens';

const BOUND_MS = Number(process.env.PL_REGEX_BOUND_MS ?? 2000);
/** Wall-clock time after which a case's process is killed: it has failed its bound by then. */
const WATCHDOG_MS = BOUND_MS + 1500;
const PROBE_ENV = 'PL_REGEX_PROBE';
const BIG = 200_000;
/** The analyzer checks blocks up to this length; longer blocks are skipped before sentence analysis. */
const BLOCK = maxBlockLength;

// ---------------------------------------------------------------------------------------------
// Inventory: [file function, what text it sees, public function that reaches it, literals].

type InventoryEntry = [where: string, appliedTo: string, via: Via, literals: string[]];
type Via =
  | 'parseProse'
  | 'splitSentences'
  | 'tokenize'
  | 'extractValues'
  | 'checkSentence'
  | 'diagnostics'
  | 'hover'
  | 'completion'
  | 'codeActions'
  | 'documentLinks'
  | 'parseBibliography'
  | 'loadKnowledge'
  | 'ingest'
  | 'echoVerdicts'
  | 'referencesEdit'
  | 'splitLocator'
  | 'cslMarkdown'
  /** Anchored or single-character patterns on short strings (a BOM test, a path split): no case needed. */
  | 'trivial';

const inventory: InventoryEntry[] = [
  ['ingest/extract.ts extractClaims', "report: a claim's group's first phrase", 'ingest', ['/^\\d{4}$/']],
  [
    'ingest/extract.ts withOwnersOfNames.ownerOf',
    "report: a name a claim's group gives",
    'ingest',
    ['/\\s+/', '/^\\p{Lu}/u'],
  ],
  [
    'node/pdfStreams.ts flateStreams',
    "a PDF in the workspace sources folder: a stream's dictionary (at most 4 KB)",
    'ingest',
    ['/\\/Subtype\\s*\\/Image\\b/', '/\\/(?:FlateDecode|Fl)\\b/g'],
  ],
  [
    'lsp/stdioConnection.ts stdioConnection',
    'an error message from the protocol library (may quote a header)',
    'trivial',
    ['/Content-Length|header/i'],
  ],
  [
    'ingest/terms.ts slug',
    'report text: an acronym or a name read from a source document (workspace sources folder)',
    'ingest',
    ['/-$/'],
  ],
  [
    'ingest/dates.ts const isoDate',
    'report metadata: a date line (at most 160 characters), a PDF date, a front matter or sidecar date',
    'ingest',
    ['/((?:19|20)\\d{2})-(\\d{2})(?:-(\\d{2}))?$/'],
  ],
  [
    'ingest/dates.ts const wordDate',
    'report metadata: a date line (at most 160 characters), a PDF date, a front matter or sidecar date',
    'ingest',
    ['/(?:(\\d{1,2})\\s+)?(\\p{L}+)\\.?\\s+(?:(\\d{1,2})(?:st|nd|rd|th)?,?\\s+)?((?:19|20)\\d{2})$/u'],
  ],
  [
    'ingest/dates.ts dateOfLine',
    'report metadata: a date line (at most 160 characters), a PDF date, a front matter or sidecar date',
    'ingest',
    ['/[*_]+/g', '/[,:|–—·-]$/', '/[\\s,:|–—·]$/', '/\\s+/g'],
  ],
  [
    'ingest/dates.ts dateOfPdf',
    'report metadata: a date line (at most 160 characters), a PDF date, a front matter or sidecar date',
    'ingest',
    ['/^(?:D:)?((?:19|20)\\d{2})(\\d{2})?(\\d{2})?/'],
  ],
  [
    'ingest/dates.ts dateOfValue',
    'report metadata: a date line (at most 160 characters), a PDF date, a front matter or sidecar date',
    'ingest',
    ['/^((?:19|20)\\d{2})(?:-(\\d{2})(?:-(\\d{2}))?)?/'],
  ],
  [
    'ingest/documentHead.ts bylineNames',
    'report metadata: the first blocks of a report (its first 20,000 characters)',
    'ingest',
    ['/\\s+/', '/^[:\\s]+/'],
  ],
  [
    'ingest/documentHead.ts endsWithStop',
    'report metadata: the first blocks of a report (its first 20,000 characters)',
    'ingest',
    ['/\\.["’”)]?$/', '/\\.\\.\\.$/'],
  ],
  [
    'ingest/documentHead.ts isProse',
    'report metadata: the first blocks of a report (its first 20,000 characters)',
    'ingest',
    ['/[.!?…]["’”)]?$/'],
  ],
  [
    'ingest/documentHead.ts phraseAt',
    'report metadata: the first blocks of a report (its first 20,000 characters)',
    'ingest',
    ['/[^\\p{L}\\s]/gu'],
  ],
  [
    'ingest/documentHead.ts plain',
    'report metadata: the first blocks of a report (its first 20,000 characters)',
    'ingest',
    ['/[*_`]+/g', '/\\s#+$/', '/^#{1,6}\\s+/'],
  ],
  [
    'ingest/documentHead.ts readDocumentHead',
    'report metadata: the first blocks of a report (its first 20,000 characters)',
    'ingest',
    ['/\\r?\\n/', '/\\s+/g', '/^#{1,6}\\s/', '/^\\p{Ll}/u'],
  ],
  [
    'ingest/documentHead.ts readDocumentHead.isHeading',
    'report metadata: the first blocks of a report (its first 20,000 characters)',
    'ingest',
    ['/^#{1,6}\\s/', '/^[^\\n]+\\r?\\n=+[ \\t]*$/'],
  ],
  [
    'ingest/documentHead.ts words',
    'report metadata: the first blocks of a report (its first 20,000 characters)',
    'ingest',
    ['/\\s+/'],
  ],
  [
    'ingest/metadata.ts authorsOfPdf',
    'report metadata: sidecar, front matter and PDF Info fields (500 characters), the file name, a title',
    'ingest',
    ['/\\s*;\\s*/', '/\\sand\\s/'],
  ],
  [
    'ingest/metadata.ts citationKey',
    'report metadata: sidecar, front matter and PDF Info fields (500 characters), the file name, a title',
    'ingest',
    ['/\\.[^.]+$/', '/[-_]+/g'],
  ],
  [
    'ingest/metadata.ts keyWord',
    'report metadata: sidecar, front matter and PDF Info fields (500 characters), the file name, a title',
    'ingest',
    ['/[^\\p{L}\\p{N}]/gu'],
  ],
  [
    'ingest/metadata.ts significantWord',
    'report metadata: sidecar, front matter and PDF Info fields (500 characters), the file name, a title',
    'ingest',
    ['/[\\s\\-–—:/]+/', '/^\\p{L}/u'],
  ],
  [
    'ingest/metadata.ts text',
    'report metadata: sidecar, front matter and PDF Info fields (500 characters), the file name, a title',
    'ingest',
    ['/\\s+/g'],
  ],
  [
    'ingest/metadata.ts yearOfFileName',
    'report metadata: sidecar, front matter and PDF Info fields (500 characters), the file name, a title',
    'ingest',
    ['/[-_\\s.]+/', '/^(?:19|20)\\d{2}$/'],
  ],
  [
    'ingest/personNames.ts capitalised',
    'report metadata: a byline or author field (a list at most 600 characters, a name at most 500)',
    'ingest',
    ['/^\\p{Lu}\\p{Ll}/u'],
  ],
  [
    'ingest/personNames.ts const eastAsianSyllable',
    'report metadata: a byline or author field (a list at most 600 characters, a name at most 500)',
    'ingest',
    ['/^[bcdfghjklmnpqrstvwxyz]{0,3}[aeiouwy]{1,4}(?:ng|n|m|k|l|p|t)?$/'],
  ],
  [
    'ingest/personNames.ts const nameWord',
    'report metadata: a byline or author field (a list at most 600 characters, a name at most 500)',
    'ingest',
    ["/^(?:\\p{Lu}[\\p{L}'’.-]*|\\p{Lu}\\.?)$/u"],
  ],
  [
    'ingest/personNames.ts inCapitals',
    'report metadata: a byline or author field (a list at most 600 characters, a name at most 500)',
    'ingest',
    ['/^\\p{Lu}{2,}$/u'],
  ],
  [
    'ingest/personNames.ts isPersonName',
    'report metadata: a byline or author field (a list at most 600 characters, a name at most 500)',
    'ingest',
    ['/\\s+/'],
  ],
  [
    'ingest/personNames.ts parseName',
    'report metadata: a byline or author field (a list at most 600 characters, a name at most 500)',
    'ingest',
    ['/\\s+/g', '/^(\\p{L}+)\\.?\\s+/u'],
  ],
  [
    'ingest/personNames.ts parseNameList',
    'report metadata: a byline or author field (a list at most 600 characters, a name at most 500)',
    'ingest',
    ['/\\s*[,;]\\s*(?:and\\s+|&\\s+)?|\\s+(?:and|&)\\s+/'],
  ],
  [
    'node/sourceFiles.ts headOf',
    'report text: the first 20,000 characters of a report in the sources folder',
    'ingest',
    ['/\\r?\\n[ \\t]*\\r?\\n/', '/(?<!\\p{L})\\p{Ll}+(?!\\p{L})/gu'],
  ],
  [
    'ingest/metadata.ts deriveMetadata',
    'report metadata: sidecar, front matter and PDF Info fields (500 characters), the file name, a title',
    'ingest',
    ['/\\.[^.]+$/', '/[-_]+/g'],
  ],
  [
    'ingest/passages.ts const sentenceEnd',
    'report text: pages of a PDF, .md or .txt in the sources folder',
    'ingest',
    ['/[.!?…]["’”)]?$/'],
  ],
  [
    'ingest/passages.ts passagesFrom',
    'report text: pages of a PDF, .md or .txt in the sources folder',
    'ingest',
    ['/\\s+/g', '/[ \\t\\u00a0]*\\r?\\n[ \\t\\u00a0]*/g'],
  ],
  [
    'ingest/passages.ts textBlocks',
    'report text: a page of a .txt in the sources folder',
    'ingest',
    ['/\\r?\\n[ \\t\\u00a0]*\\r?\\n/g'],
  ],
  [
    'ingest/hyphenation.ts const wordPattern',
    'PDF text: each line of a PDF in the sources folder',
    'ingest',
    ['/\\p{L}+(?:[-‐]\\p{L}+)*/gu'],
  ],
  [
    'ingest/hyphenation.ts const hyphenAtEnd',
    'PDF text: a line of a PDF (its last 64 characters when joining)',
    'ingest',
    ['/(\\p{L}+)[-‐]$/u'],
  ],
  [
    'ingest/hyphenation.ts const wordAtStart',
    'PDF text: the first 64 characters of a line of a PDF',
    'ingest',
    ['/^(\\p{L}+)/u'],
  ],
  ['ingest/hyphenation.ts documentWords', 'PDF text: a word of a line of a PDF', 'trivial', ['/[-‐]/']],
  ['ingest/hyphenation.ts joinedLines', 'PDF text: one line of a PDF', 'trivial', ['/‐$/']],
  [
    'ingest/pdfLayout.ts const sentenceFinal',
    'PDF text: the last line of a paragraph of a PDF',
    'ingest',
    ['/[.!?…]["\'’”)\\]]*$/'],
  ],
  ['ingest/pdfLayout.ts const bullet', 'PDF text: a line of a PDF', 'trivial', ['/^[•◦▪‣●]/']],
  ['ingest/pdfLayout.ts continues', 'PDF text: the first line of a paragraph of a PDF', 'trivial', ['/^\\p{Ll}/u']],
  [
    'ingest/pdfMargins.ts const lonePageNumber',
    'PDF text: a line in the top or bottom rows of a page (at most 20 characters)',
    'ingest',
    ['/^(?:page\\s+)?[-–—]?\\s*(?:\\d{1,4}|x{0,3}(?:ix|iv|v?i{0,3}))\\s*[-–—]?(?:\\s+of\\s+\\d{1,4})?$/i'],
  ],
  [
    'ingest/pdfMargins.ts marginKey',
    'PDF text: a line in the top or bottom rows of a page',
    'ingest',
    ['/\\s+/g', '/\\d+/g'],
  ],
  [
    'knowledge/fileKinds.ts knowledgeFileKind',
    'file path (workspace folder walk)',
    'loadKnowledge',
    [
      '/\\\\/g',
      '/\\/claims\\/[^/]+\\.ya?ml$/i',
      '/^glossary[^/]*\\.ya?ml$/i',
      '/\\.json$/i',
      '/\\.schema\\.json$/i',
      '/^package(-lock)?\\.json$/i',
      '/^places[^/]*\\.ya?ml$/i',
    ],
  ],
  [
    'knowledge/parsedFile.ts firstLine',
    'YAML error message (quotes the file)',
    'loadKnowledge',
    ['/ at line \\d+, column \\d+:?$/'],
  ],
  [
    'knowledge/schemaErrors.ts pathOf',
    'schema error path (keys from the file)',
    'loadKnowledge',
    ['/~1/g', '/~0/g', '/^\\d+$/'],
  ],
  [
    'knowledge/schemaErrors.ts describe',
    'schema error path (keys from the file)',
    'loadKnowledge',
    ['/\\//g', '/\\/members\\/\\d+$/'],
  ],
  [
    'engine/check/binding.ts bindingScore',
    'memo: one sentence and its gaps',
    'checkSentence',
    ['/[,;:.()]/', '/[^s]s$/'],
  ],
  ['engine/check/binding.ts bindingScore.unbroken', 'memo: one sentence and its gaps', 'checkSentence', ['/[,;:]/']],
  [
    'engine/check/candidates.ts aboutAnotherInstance',
    'memo: one sentence and its gaps',
    'checkSentence',
    ["/s['’]\\s*$/"],
  ],
  [
    'engine/check/candidates.ts namesAnotherOfItsKind',
    'memo: one word of a sentence',
    'checkSentence',
    ['/^\\d/', "/['’]s$/"],
  ],
  ['engine/check/candidates.ts afterComplement', 'memo: one token', 'checkSentence', ['/^\\p{Lu}/u']],
  ['engine/check/candidates.ts anotherOfTheSameName', 'memo: one sentence and its gaps', 'checkSentence', ['/\\s+/']],
  ['engine/check/candidates.ts ownerOf', 'memo: one sentence and its gaps', 'checkSentence', ['/[,;:(]/']],
  ['engine/check/candidates.ts partOfNamedWhole', 'memo: the gap between two words', 'checkSentence', ['/[,;:(]/']],
  [
    'engine/check/judges/ordinal.ts namesAnotherInstance',
    'memo: the gap between two words',
    'checkSentence',
    ['/[,;:(]/'],
  ],
  ['engine/check/judges/set.ts judgeList.named', 'memo: one token', 'checkSentence', ['/^\\p{Lu}/u']],
  [
    'engine/check/judges/comparand.ts comparandConflict',
    'memo: one sentence and its gaps',
    'checkSentence',
    ['/\\d/', '/^\\p{Lu}|\\d/u'],
  ],
  ['engine/reader/zones.ts zoneOf', 'memo: one sentence and its gaps', 'checkSentence', ['/[,;]/']],
  ['engine/check/judges/ordinal.ts judgeOrdinal', 'memo: one sentence and its gaps', 'checkSentence', ['/#/']],
  ['engine/check/judges/quantifier.ts quantifierRange', 'memo: one sentence and its gaps', 'checkSentence', ['/\\s+/']],
  [
    'engine/check/judges/quantity.ts shareOfNarrowedPart',
    'memo: the gap between two words',
    'checkSentence',
    ['/[,;:()–—]/'],
  ],
  [
    'engine/check/judges/preference.ts judgePreference',
    'memo: one sentence and its gaps',
    'checkSentence',
    ['/[,:;]/'],
  ],
  ['engine/check/judges/role.ts orgMatches.endsName', 'knowledge: a name of a body', 'checkSentence', ['/\\s+/']],
  ['engine/check/judges/role.ts postBoundary', 'memo: one sentence and its gaps', 'checkSentence', ['/[,;:(]/']],
  [
    'engine/check/judges/role.ts describe',
    'memo: one sentence and its gaps',
    'checkSentence',
    ['/[,(:]/', '/^\\s*[–—]\\s*$/'],
  ],
  [
    'engine/check/judges/set.ts judgeList.paraphrases',
    'memo: one sentence and its gaps',
    'checkSentence',
    ['/[^\\p{L}\\p{N}]+/u'],
  ],
  [
    'engine/check/names.ts nearMissNames',
    'memo: one sentence and its gaps',
    'checkSentence',
    ["/^[\\s\\-–'’s]*$/", '/^\\p{Lu}/u', "/^['’]s\\b/", '/^,\\s$/'],
  ],
  ['engine/check/names.ts nameGoesOn', 'memo: one token as written', 'checkSentence', ['/^\\p{Lu}/u']],
  [
    'engine/check/names.ts wrongExpansions',
    'memo: one sentence and its gaps',
    'checkSentence',
    [
      '/[^\\p{Lu}]/gu',
      '/[^\\p{L}]+/u',
      '/^\\p{Lu}/u',
      '/^\\s*\\(([^()]{6,120})\\)/',
      '/s$/',
      "/[,;:.()\\u0022“”]|['’]s/",
    ],
  ],
  ['engine/check/render.ts matchCase', 'memo: a value mention as written', 'checkSentence', ['/^\\p{Lu}/u']],
  ['engine/check/render.ts quoted', 'memo: a value mention as written', 'checkSentence', ['/\\s+/']],
  ['engine/check/render.ts renderContradiction', 'memo: a value mention as written', 'checkSentence', ['/-/g', '/^#/']],
  [
    'engine/check/render.ts writeLike',
    'memo: a value mention as written',
    'checkSentence',
    ['/percent|per cent/i', '/x$/i', '/\\d[\\d,]*(?:\\.\\d+)?/', '/,/g'],
  ],
  ['engine/check/render.ts writeOrdinal', 'memo: a value mention as written', 'checkSentence', ['/^#/']],
  ['engine/check/settle.ts coverageOf', 'memo: one word of a sentence', 'checkSentence', ['/^\\d/']],
  [
    'engine/check/settle.ts coordinatedWithKnown.joins',
    'memo: the text between two adjacent names',
    'checkSentence',
    ['/^,?\\s+\\S+\\s+$/'],
  ],
  ['engine/check/settle.ts unaccountedNames', 'memo: one sentence and its gaps', 'checkSentence', ['/\\s/']],
  ['engine/check/settle.ts unaccountedPost', 'memo: one sentence and its gaps', 'checkSentence', ['/[.;:()]/']],
  ['engine/lexicon/index.ts splitWords', 'the lexicon data file (bundled)', 'trivial', ['/[\\s-]+/']],
  [
    'engine/lexicon/index.ts stemsOf',
    'the lexicon data file (bundled)',
    'trivial',
    ["/['’]s\\b/g", '/[^\\p{L}\\p{N}&]+/u'],
  ],
  ['engine/reader/acronyms.ts expandedAt', 'memo: an acronym as written', 'diagnostics', ['/s$/']],
  [
    'engine/reader/acronyms.ts initialsOf',
    'memo: up to 160 characters in brackets or before them',
    'diagnostics',
    ['/[^\\p{L}]+/u'],
  ],
  ['engine/reader/acronyms.ts spells', 'memo: an acronym as written', 'diagnostics', ['/[^\\p{Lu}]/gu']],
  [
    'engine/reader/acronyms.ts expandedInBrackets',
    'memo: 170 characters either side of an acronym',
    'diagnostics',
    ['/^\\s*\\(([^()\\n]{3,160})\\)/', '/\\(\\s*$/', '/^\\s*\\)/', '/[.;:!?\\n]/', '/\\s+/'],
  ],
  [
    'engine/reader/acronyms.ts insideProperName',
    'memo: 40 characters either side of an acronym',
    'diagnostics',
    [
      '/\\p{Lu}\\p{Ll}+\\s+(and|of|&|for)\\s+$/u',
      '/^\\s+(and|of|&|for)\\s+\\p{Lu}\\p{Ll}+/u',
      '/\\p{Lu}\\p{Ll}+\\s+$/u',
    ],
  ],
  [
    'engine/reader/acronyms.ts inCapitalHeading',
    'memo: one line',
    'diagnostics',
    ['/^\\s{0,3}#{1,6}\\s/', '/\\p{Ll}/u', '/^\\s*#+\\s*/'],
  ],
  ['engine/reader/terms.ts otherSenseNear', 'knowledge: a glossary phrase', 'checkSentence', ['/\\s+/']],
  [
    'engine/check/candidates.ts findCandidates',
    'memo: the gap between two words',
    'checkSentence',
    ["/^[\\s\\-–'’]*$/"],
  ],
  ['engine/reader/agents.ts agentOf', 'memo: one word of a sentence', 'checkSentence', ['/^\\d/']],
  ['engine/reader/entities.ts letterPairAbbreviation.single', 'memo: one token', 'checkSentence', ['/^\\p{Lu}$/u']],
  [
    'engine/reader/entities.ts isTechnologyName',
    'memo: one word of a sentence',
    'checkSentence',
    ['/^\\d(\\p{Lu}+)\\d*$/u'],
  ],
  ['engine/reader/entities.ts isBody', "knowledge: an acronym's expansion", 'checkSentence', ['/[^\\p{L}]+/u']],
  [
    'engine/check/judges/set.ts judgeList',
    'memo: the gap between two values',
    'checkSentence',
    ['/^\\s*(,|and|or|,\\s*and|,\\s*or)\\s*$/'],
  ],
  [
    'engine/check/render.ts asWritten',
    'memo: one character; the sourced value; a masked span',
    'checkSentence',
    ['/\\s/', '/^\\p{Lu}\\p{Ll}/u', '/\\s+/g'],
  ],
  ['engine/check/judges/entity.ts compatible', 'memo: one token', 'checkSentence', ['/^\\p{Lu}/u']],
  ['engine/check/judges/entity.ts nationalBody', 'memo: the gap before a token', 'checkSentence', ['/[,.;:)]/']],
  [
    'engine/check/members.ts const ownerPrefix',
    "knowledge: a name a report's claim gives",
    'checkSentence',
    ["/^[^\\s'’]+(?:\\s[^\\s'’]+)?['’]s\\s+/"],
  ],
  ['engine/check/settle.ts passiveAgentOfClause', 'memo: the gap before a token', 'checkSentence', ['/[,;:()]/']],
  ['engine/check/judges/set.ts ordinalOf', "knowledge: a list's member", 'checkSentence', ['/^(\\d+)(st|nd|rd|th)$/i']],
  [
    'engine/check/judges/set.ts otherOrdinals',
    'memo: the gap between two values, or a value and a word',
    'checkSentence',
    ['/^\\s+$/', '/^\\s*(,|and|or|,\\s*and|,\\s*or)\\s*$/'],
  ],
  ['engine/check/settle.ts unknownSubject', 'memo: a name as written', 'checkSentence', ['/^\\p{Lu}{2,}$/u']],
  ['engine/check/judges/entity.ts ownerOf', 'memo: a possessive name as written', 'checkSentence', ["/['’]s?$/"]],
  ['engine/check/judges/entity.ts ownerOf.inName', 'memo: one token', 'checkSentence', ['/^\\p{Lu}/u']],
  ['engine/reader/agents.ts coordinated', 'memo: one sentence and its gaps', 'checkSentence', ['/[/–-]/']],
  ['engine/reader/agents.ts governed', 'memo: one sentence and its gaps', 'checkSentence', ['/^\\p{Lu}/u']],
  [
    'engine/reader/agents.ts joins',
    'memo: one sentence and its gaps',
    'checkSentence',
    ['/^[\\s,]*(and|or|&)[\\s]+(the\\s+)?$/i', '/^[–-]$/', '/^\\s*[,/;]\\s*$/', '/^\\s*–\\s*$/'],
  ],
  ['engine/reader/agents.ts listRun', 'memo: one word of a sentence', 'checkSentence', ['/ing$/']],
  [
    'engine/reader/agents.ts listSegments',
    'memo: one sentence and its gaps',
    'checkSentence',
    ['/[,;/]/', '/[:()[\\]]/', '/\\s[–—]\\s/'],
  ],
  ['engine/reader/agents.ts rangeJoiners', 'memo: one sentence and its gaps', 'checkSentence', ['/[,;:()]/']],
  ['engine/reader/clauses.ts openingReportFrame', 'memo: one token as written', 'checkSentence', ['/^\\p{Lu}/u']],
  ['engine/reader/clauses.ts openingPropositionFrame', 'memo: one token as written', 'checkSentence', ['/^\\p{Lu}/u']],
  [
    'engine/reader/clauses.ts isReportingFrame',
    'memo: one sentence and its gaps',
    'checkSentence',
    ['/[,;:(]/', '/[,;:)]/', '/^\\p{Lu}/u'],
  ],
  [
    'engine/reader/clauses.ts splitClauses',
    'memo: one sentence and its gaps',
    'checkSentence',
    ['/[.;]/', '/\\s[—–]\\s|—/', '/^\\d+$/', '/^\\p{Lu}/u', '/[;|]/'],
  ],
  [
    'engine/reader/clauses.ts groupingComma',
    'memo: one token as written',
    'checkSentence',
    ['/^\\d{4}$/', '/^\\d{1,2}(st|nd|rd|th)?$/'],
  ],
  ['engine/check/judges/set.ts judgeList.opensSegment', 'memo: the gap before a token', 'checkSentence', ['/[,;:(]/']],
  [
    'engine/reader/entities.ts addModifiers',
    'memo: one sentence and its gaps',
    'checkSentence',
    ['/^(\\s+of\\s+|\\s*\\(\\s*|\\s+)(\\d{4})\\b(?!\\s*[–—-]\\s*\\d)/'],
  ],
  [
    'engine/reader/entities.ts adjacent',
    'memo: one sentence and its gaps',
    'checkSentence',
    ["/^(['’]s)?\\s+(\\d{4}\\s+)?$/"],
  ],
  ['engine/reader/entities.ts const yearPattern', 'memo: one sentence and its gaps', 'checkSentence', ['/^\\d{4}$/']],
  [
    'engine/reader/entities.ts findEntities',
    'memo: one sentence and its gaps',
    'checkSentence',
    ["/^['’]s\\b/", "/s['’](?!\\p{L})/u"],
  ],
  [
    'engine/reader/entities.ts isNameWord',
    'memo: one sentence and its gaps',
    'checkSentence',
    ['/[:;(]\\s*$/', '/^\\p{Lu}/u'],
  ],
  ['engine/reader/polarity.ts isBareFigureAt', 'memo: one word of a sentence', 'checkSentence', ['/^\\d/']],
  ['engine/reader/polarity.ts findNegations', 'memo: one sentence and its gaps', 'checkSentence', ["/n['’]$/"]],
  ['engine/values/dates.ts isMonthAt', 'memo: one sentence (values read from it)', 'extractValues', ['/^\\d/']],
  ['engine/values/dates.ts isYearText', 'memo: one sentence (values read from it)', 'extractValues', ['/^\\d{4}$/']],
  [
    'engine/values/dates.ts readDate',
    'memo: one sentence (values read from it)',
    'extractValues',
    ['/^[\\s,]*$/', '/^[\\s.]*$/', '/^\\d{1,2}$/'],
  ],
  [
    'engine/values/dates.ts dayNumber',
    'memo: one word of a sentence',
    'extractValues',
    ['/^(\\d{1,2})(?:st|nd|rd|th)?$/i'],
  ],
  [
    'engine/values/dates.ts readYear',
    'memo: one sentence (values read from it)',
    'extractValues',
    ['/^\\s?(?:[–—-]|to|through|until)\\s?(\\d{4}|\\d{2})(?![\\p{L}\\p{N}%]|\\.\\d|\\s+per\\s?c)/u'],
  ],
  [
    'engine/values/index.ts extractValues',
    'memo: one sentence (values read from it)',
    'extractValues',
    ['/^[.,]?\\d/', '/^\\d/', '/^\\d{1,2}$/'],
  ],
  ['engine/values/index.ts isLetterAfter', 'memo: one sentence (values read from it)', 'extractValues', ['/\\p{L}/u']],
  [
    'engine/values/numbers.ts currencyAround',
    'memo: one sentence (values read from it)',
    'extractValues',
    ['/^\\p{Lu}/u'],
  ],
  ['engine/check/echoNames.ts reportNames.capital', 'report: one token', 'checkSentence', ['/^\\p{Lu}/u']],
  [
    'engine/check/echoLists.ts listsIn',
    'memo or report: one sentence and its gaps',
    'checkSentence',
    ['/[,;:()]/', '/[:()]/'],
  ],
  ['engine/check/echoLists.ts leadingName', 'memo or report: one token', 'checkSentence', ['/^\\p{Lu}/u']],
  [
    'engine/check/echo.ts const glued',
    'report: the text after a figure (anchored, one character class)',
    'echoVerdicts',
    ['/^[.,]?[\\p{L}\\p{N}]/u'],
  ],
  ['engine/values/numbers.ts isLetter', 'memo: one sentence (values read from it)', 'extractValues', ['/\\p{L}/u']],
  ['engine/values/numbers.ts ofATotal', 'memo: one token', 'extractValues', ['/^\\d+$/']],
  [
    'engine/values/numbers.ts linkTotals',
    'memo: one sentence (values read from it)',
    'extractValues',
    ['/^\\s+(?:out\\s+)?of\\s+(?:[^\\s\\d]+\\s+){0,3}$/'],
  ],
  [
    'engine/values/numbers.ts readDigits',
    'memo: one sentence (values read from it)',
    'extractValues',
    [
      '/(\\d{1,2})\\/(\\d{1,3})(?![\\d/])/y',
      '/,/g',
      '/\\d/',
      '/\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?/y',
      '/^(top|bottom|first|last)$/i',
      '/^(x|bn|mn|tn|k|m|b)(?!\\p{L})/iu',
      '/^\\p{Lu}/u',
    ],
  ],
  [
    'engine/values/numbers.ts readFraction',
    'memo: one sentence (values read from it)',
    'extractValues',
    ['/^[\\s-]$/', '/^\\d+$/', '/^\\d{1,2}$/', '/^\\d{1,3}$/'],
  ],
  [
    'engine/values/numbers.ts readNumberWords',
    'memo: one sentence (values read from it)',
    'extractValues',
    ['/^([a-z]+)fold$/', '/^(top|bottom)$/i'],
  ],
  [
    'engine/values/numbers.ts unitAfter',
    'memo: one sentence (values read from it)',
    'extractValues',
    ['/^\\s?%/', '/^\\s?(x\\b|×)/i'],
  ],
  [
    'engine/values/ordinals.ts hasDeterminer',
    'memo: one sentence (values read from it)',
    'extractValues',
    ["/['’]s\\s+$/"],
  ],
  [
    'engine/values/ordinals.ts outOf',
    'memo: one sentence (values read from it)',
    'extractValues',
    ['/^\\s+(?:out\\s+)?of\\s+(\\d{1,5})(?![\\d\\p{L}])/u'],
  ],
  [
    'engine/values/ordinals.ts readOrdinalDigits',
    'memo: one sentence (values read from it)',
    'extractValues',
    ['/^(\\d+)(st|nd|rd|th)?$/i'],
  ],
  [
    'engine/values/ordinals.ts readOrdinalWord',
    'memo: one sentence (values read from it)',
    'extractValues',
    ['/^[\\s-]$/'],
  ],
  [
    'knowledge/knowledgeBase.ts (top)',
    'file path or knowledge file text (workspace folder walk)',
    'loadKnowledge',
    ['/^\\p{Lu}/u'],
  ],
  [
    'knowledge/knowledgeBase.ts initialled',
    'file path or knowledge file text (workspace folder walk)',
    'loadKnowledge',
    ['/\\s+/'],
  ],
  [
    'knowledge/assemble.ts checkReferences',
    'file path or knowledge file text (workspace folder walk)',
    'loadKnowledge',
    ['/^[a-z0-9-]+$/'],
  ],
  [
    'knowledge/entries.ts knownQuantifier',
    'file path or knowledge file text (workspace folder walk)',
    'loadKnowledge',
    ['/\\s+/'],
  ],
  ['lsp/session.ts runIndexer.report', 'a file path (split on separators)', 'trivial', ['/[\\\\/]/']],
  // The memo against itself: short strings (a gap between tokens, a value as written, a bracket's
  // contents of at most 160 characters, 300 characters before a bracket), anchored or bounded.
  ['engine/check/consistency.ts isFunctionWord', 'memo: one word', 'diagnostics', ['/^\\d/']],
  ['engine/check/consistency.ts readStatements', 'memo: the gap between two tokens', 'diagnostics', ['/[,;:()]/']],
  ['engine/check/consistency.ts measuredBy.phrase', 'memo: the gap between two tokens', 'diagnostics', ['/[,;:()]/']],
  ['engine/check/consistency.ts measuredBy', 'memo: the gap between two tokens', 'diagnostics', ['/[,;:()]/']],
  [
    'engine/check/unsourced.ts firstFigure',
    'memo: one token; two characters after a value',
    'diagnostics',
    ['/\\p{L}/u', '/^\\s*[.)]/'],
  ],
  [
    'engine/check/unsourced.ts superlative',
    'memo: one word; the text from a token to the next',
    'diagnostics',
    ["/['’]s\\s*$/", '/^\\p{L}+est$/u'],
  ],
  [
    'engine/check/unsourced.ts const referenceMark',
    'memo: a sentence and 12 characters after it',
    'diagnostics',
    ['/\\[\\^?\\d+\\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]|\\(\\s*\\p{Lu}[^()]{0,80}\\b\\d{4}[a-z]?[^()]{0,20}\\)|\\]\\(|https?:\\/\\//u'],
  ],
  ['engine/reader/expansions.ts const bracketed', 'memo: a sentence', 'diagnostics', ['/\\(([^()\\n]{2,160})\\)/g']],
  [
    'engine/reader/expansions.ts const acronymPattern',
    "memo: a bracket's contents (at most 160 characters)",
    'diagnostics',
    ['/^\\p{Lu}[\\p{Lu}\\p{N}&-]*\\p{Lu}s?$/u'],
  ],
  [
    'engine/reader/expansions.ts acronymExpansions',
    'memo: an acronym; 20 characters before a bracket',
    'diagnostics',
    ['/s$/', '/(\\p{Lu}[\\p{Lu}\\p{N}&-]*\\p{Lu})s?\\s*$/u'],
  ],
  [
    'engine/reader/expansions.ts longFormBefore',
    'memo: 300 characters before a bracket; an acronym; a few words',
    'diagnostics',
    ["/[\\p{L}\\p{N}&'’-]+/gu", '/[^\\p{Lu}]/gu', '/[.;:!?]\\s/'],
  ],
  [
    'engine/reader/expansions.ts expansionKey',
    'memo: an expansion (at most 300 characters)',
    'diagnostics',
    ['/[-‐–]/g', '/is(e|ed|ing|ation|ations)\\b/gi'],
  ],
  [
    'engine/reader/titles.ts personTitles',
    'memo: the gap between two tokens',
    'diagnostics',
    ['/^\\s*,\\s*$/', '/[,;:()]/'],
  ],
  [
    'engine/reader/titles.ts nameBefore',
    'memo: one token; the gap between two tokens',
    'diagnostics',
    ['/^\\p{Lu}\\p{Ll}/u', '/^\\s+$/'],
  ],
  ['features/consistency.ts contextOf', 'memo: about 60 characters around a value', 'diagnostics', ['/\\s+/g']],
  [
    'engine/analysis.ts isShortForm',
    'memo: a glossary term as written',
    'diagnostics',
    ['/s$/', '/\\p{Lu}/u', '/\\p{Ll}/u'],
  ],
  [
    'features/codeActions.ts citationInsertPoint',
    'memo: the text under a diagnostic',
    'codeActions',
    ['/[.!?…]["\'’”)]*$/'],
  ],
  [
    'features/diagnostics.ts plainFileUri',
    "a knowledge file's path",
    'trivial',
    ['/\\\\/g', '/^(\\/|[A-Za-z]:\\/)/', '/[?#]/g'],
  ],
  ['features/languages.ts proseLanguage', 'a document URI', 'trivial', ['/[?#].*$/', '/\\.(qmd|rmd)$/i']],
  ['features/silencing.ts fold', 'memo: one word of a silencing comment', 'diagnostics', ['/[-_]/g']],
  [
    'features/silencing.ts const directive',
    'memo: a line holding "policy-lens-"',
    'diagnostics',
    ['/<!--\\s*policy-lens-((?:dis|en)able(?:-file)?|disable-(?:next-)?line|capture|restore)(?=\\s|-->)/g'],
  ],
  ['features/silencing.ts lineText', 'memo: one line', 'diagnostics', ['/\\r?\\n$|\\r$/']],
  ['features/silencing.ts codeSpans', 'memo: a block holding a silencing comment', 'diagnostics', ['/`+/g']],
  ['features/silencing.ts silencingOf', 'memo: the names in a silencing comment', 'diagnostics', ['/\\s+/']],
  [
    'features/silencing.ts silencingEdits',
    'memo: the whole text (its first line break)',
    'codeActions',
    ['/\\r\\n|\\r|\\n/'],
  ],
  [
    'features/silencing.ts prefixSegments',
    'memo: the first line of a block with a finding, or of the list item before it',
    'codeActions',
    [
      '/^(?:[ \\t]*>[ \\t]?|[ \\t]*(?:[-+*]|\\d{1,9}[.)])(?=[ \\t]|$)[ \\t]*)*[ \\t]*/',
      '/[ \\t]*>[ \\t]?|[ \\t]*(?:[-+*]|\\d{1,9}[.)])[ \\t]*|[ \\t]+/g',
    ],
  ],
  ['features/silencing.ts containerPrefixes', 'memo: one list-marker prefix', 'codeActions', ['/^[ \\t]*/']],
  [
    'features/silencing.ts isMarker',
    'memo: one block-quote or list-marker prefix',
    'codeActions',
    ['/^[ \\t]*(?:[-+*]|\\d{1,9}[.)])/'],
  ],
  ['features/silencing.ts blank', 'memo: one list-marker prefix', 'codeActions', ['/[^\\t]/g']],
  [
    'features/completion.ts const partialKey',
    'memo: the line before the cursor (first 20,000)',
    'completion',
    ['/(?:^|[\\s[;-])@([\\p{L}\\p{N}_:.#$%&+?<>~/-]*)$/u'],
  ],
  [
    'features/completion.ts sentenceScores',
    'memo: text around the cursor (2,000 each side)',
    'completion',
    ['/[.!?]\\s/', '/[.!?\\n]/'],
  ],
  [
    'knowledge/bibliography.ts parseBibliography',
    'file path',
    'trivial',
    ['/\\.(bib|bibtex|biblatex)$/i', '/\\.ya?ml$/i'],
  ],
  [
    'knowledge/bibliography.ts splitBibtex',
    'bibliography file text (workspace)',
    'parseBibliography',
    ['/[A-Za-z]/', '/\\s/'],
  ],
  ['knowledge/bibliography.ts startsEntry', 'bibliography file text (workspace)', 'parseBibliography', ['/[A-Za-z]/']],
  [
    'knowledge/bibliography.ts const verbatimField',
    'bibliography file text: one entry (workspace)',
    'parseBibliography',
    ['/\\b(?:url|doi|eprint|file|pdf|urlraw|verba|verbb|verbc)[ \\t]*=[ \\t]*\\{/gi'],
  ],
  [
    'knowledge/bibliography.ts const prototypeMacros',
    "Object.prototype's own property names",
    'trivial',
    ['/^[A-Za-z][A-Za-z_]*$/'],
  ],
  [
    'knowledge/bibliography.ts parserErrorAt',
    "the BibTeX parser's error message (first 300 code units)",
    'parseBibliography',
    ['/^(.*?) at line (\\d+) col (\\d+)/'],
  ],
  [
    'features/csl.ts const markdownSpecials',
    'CSL data (knowledge, bibliography files, front matter references) as citeproc renders it',
    'cslMarkdown',
    ['/[\\\\`*_[\\]<>]/g'],
  ],
  [
    'features/csl.ts dependentParent',
    'a .csl style file (settings or front matter; first 20,000 code units)',
    'cslMarkdown',
    ['/<link\\b[^>]{0,500}\\brel="independent-parent"[^>]{0,500}>/', '/\\bhref="([^"]{1,500})"/'],
  ],
  [
    'features/csl.ts const locatorValue',
    "memo: a cite's suffix ([@a, pp. 3–5])",
    'splitLocator',
    ['/^[\\p{L}\\p{N}]*\\p{N}[\\p{L}\\p{N}.:/]*(?:[ \\t]*[-–—,&][ \\t]*[\\p{L}\\p{N}]*\\p{N}[\\p{L}\\p{N}.:/]*)*/u'],
  ],
  [
    'features/csl.ts splitLocator',
    "memo: a cite's suffix ([@a, pp. 3–5])",
    'splitLocator',
    ['/^,?[ \\t]*/', '/[.¶§]$/', '/\\p{L}/u'],
  ],
  [
    'features/frontMatter.ts const nociteKey',
    'memo: front matter nocite',
    'parseProse',
    ['/@(\\*|\\{[^}\\n]{1,500}\\}|[\\p{L}\\p{N}_](?:[\\p{L}\\p{N}_]|[:.#$%&\\-+?<>~/](?=[\\p{L}\\p{N}_]))*)/gu'],
  ],
  ['features/frontMatter.ts frontMatterBibliography', 'memo: one nocite key', 'parseProse', ['/^\\{(.*)\\}$/']],
  [
    'features/languageService.ts markdownToPlain',
    'CSL data as citeproc renders it (Markdown)',
    'cslMarkdown',
    ['/\\\\([\\\\`*_[\\]<>])|\\*/g'],
  ],
  [
    'features/references.ts const referencesHeading',
    'memo: one line',
    'referencesEdit',
    ['/^ {0,3}#{1,6}[ \\t]+(?:references|bibliography|works cited|literature cited|sources)[ \\t]*#*[ \\t]*$/i'],
  ],
  [
    'features/references.ts const refsDiv',
    'memo: one line',
    'referencesEdit',
    ['/^ {0,3}:{3,}[ \\t]*\\{[^}\\n]{0,200}#refs\\b[^}\\n]{0,200}\\}[ \\t]*$|^ {0,3}:{3,}[ \\t]*refs[ \\t]*$/'],
  ],
  [
    'features/references.ts proseLines',
    'memo: one line',
    'referencesEdit',
    ['/\\r$/', '/^[`~]+$/', '/^ {0,3}(`{3,}|~{3,})/'],
  ],
  [
    'engine/markdown/generatedSections.ts generatedSections',
    'memo: one line',
    'parseProse',
    ['/^[`~]+$/', '/^ {0,3}(`{3,}|~{3,})/'],
  ],
  ['engine/markdown/citations.ts bracketedCites', 'memo: one bracketed citation', 'parseProse', ['/[\\s;-]/']],
  ['common/citationText.ts citationInsertion', 'memo: one character before the cursor', 'trivial', ['/\\s/']],
  [
    'node/cslFiles.ts const localeName',
    'a locale name (settings or front matter lang)',
    'trivial',
    ['/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/'],
  ],
  ['node/documentSources.ts readStyleFile', 'a .csl file (first 5,000 code units)', 'trivial', ['/<style\\b/']],
  ['node/documentSources.ts readDocumentSources', 'front matter csl: value', 'trivial', ['/\\.csl$/i']],
  // The project config (.policylens.yaml): a file of the workspace, at most 1 MB, parsed by `yaml`.
  [
    'knowledge/projectConfig.ts firstLine',
    'YAML error message (quotes the file)',
    'trivial',
    ['/ at line \\d+, column \\d+:?$/'],
  ],
  [
    'knowledge/projectConfig.ts pathOf',
    'schema error path (keys from the file)',
    'trivial',
    ['/~1/g', '/~0/g', '/^\\d+$/'],
  ],
  [
    'common/projectConfig.ts normalizeSentence',
    'memo: one sentence (or line) with a finding',
    'diagnostics',
    ['/\\s+/g'],
  ],
  ['cli.ts parseArgs', "a command-line argument or Node's message about one", 'trivial', ['/\\.$/', '/^\\d+$/']],
  ['node/memoArguments.ts expandMemoArgument', 'a glob given on the command line; a path', 'trivial', ['/\\\\/g']],
  ['features/hover.ts escape', 'knowledge text and citation keys', 'hover', ['/([\\\\`*_[\\]<>])/g', '/^(\\s*)#/']],
  ['features/navigation.ts sourceLinks', 'CSL URL or DOI (workspace data)', 'documentLinks', ['/^https?:\\/\\//i']],
  [
    'engine/markdown/frontMatter.ts findFrontMatter',
    'memo: whole document, blocks, lines, table rows',
    'parseProse',
    ['/^---[ \\t]*(\\r\\n|\\r|\\n)/', '/^(---|\\.\\.\\.)[ \\t]*$/'],
  ],
  [
    'engine/markdown/prose.ts tableCells',
    'memo: whole document, blocks, lines, table rows',
    'parseProse',
    ['/^[\\s|:-]*$/'],
  ],
  [
    'engine/markdown/masking.ts maskLinePrefixes',
    'memo: whole document, blocks, lines, table rows',
    'parseProse',
    [
      '/^[ \\t]*(?:>[ \\t]?)*/',
      '/^(?:[-*+]|\\d{1,9}[.)])(?:[ \\t]+\\[[ xX]\\])?[ \\t]+/',
      '/^#{1,6}[ \\t]*/',
      '/^[ \\t]*(=+|-+)[ \\t]*$/',
    ],
  ],
  [
    'engine/markdown/citations.ts const keyBody',
    'memo: whole document, blocks, lines, table rows',
    'parseProse',
    ['/[\\p{L}\\p{N}_](?:[\\p{L}\\p{N}_]|[:.#$%&\\-+?<>~/](?=[\\p{L}\\p{N}_]))*/uy'],
  ],
  [
    'engine/markdown/masking.ts maskInline',
    'memo: whole document, blocks, lines, table rows',
    'parseProse',
    [
      '/[!-/:-@[-`{-~]/',
      '/<(?:https?|mailto|ftp):[^\\s<>]*>/gi',
      '/\\b(?:https?:\\/\\/|www\\.)[^\\s<>]*[^\\s<>.,;:!?\'")\\]]/gi',
      '/<\\/?[A-Za-z][A-Za-z0-9-]*(?:\\s[^<>]{0,500})?\\/?>/g',
      '/!\\[[^\\]\\n]{0,500}\\]\\([^()\\n]{0,2000}\\)/g',
      '/\\]\\([^()\\n]{0,2000}\\)|\\]\\[[^\\]\\n]{0,200}\\]|\\[\\^[^\\]\\n]{1,100}\\]/g',
      '/[\\p{L}\\p{N}]/u',
    ],
  ],
  [
    'engine/markdown/citations.ts findCitations',
    'memo: whole document, blocks, lines, table rows',
    'parseProse',
    ['/[\\p{L}\\p{N}_@.\\-+]/u'],
  ],
  [
    'engine/text/sentences.ts wordBefore',
    'memo: block text (blocks up to maxBlockLength)',
    'splitSentences',
    ['/[\\p{L}.]/u'],
  ],
  [
    'engine/text/sentences.ts splitSentences',
    'memo: block text (blocks up to maxBlockLength)',
    'splitSentences',
    ['/[.!?…"\'’”)\\]]/', '/[\\p{Lu}\\p{N}"\'‘“([\\p{Lo}]/u', '/\\./g', '/\\d/', '/^\\p{Lu}$/u', '/\\p{N}/u'],
  ],
  ['engine/text/phraseMatcher.ts add', 'knowledge phrases', 'loadKnowledge', ['/\\p{L}/u']],
  ['engine/text/tokens.ts const wordPattern', 'memo: text and single tokens', 'tokenize', ['/[\\p{L}\\p{N}]+|&/gu']],
  [
    'engine/text/tokens.ts const possessive',
    'memo: text and single tokens',
    'tokenize',
    ["/^['’‘]s(?![\\p{L}\\p{N}])/u"],
  ],
  ['engine/text/tokens.ts isUpper', 'memo: text and single tokens', 'tokenize', ['/\\p{Lu}/u']],
  [
    'engine/text/tokens.ts stem',
    'memo: text and single tokens',
    'tokenize',
    ['/\\d/', '/(?:ss|us|is)$/', '/(?:ches|shes|sses|xes|zes)$/'],
  ],
  [
    'engine/text/tokens.ts americanSpelling',
    'memo: text and single tokens',
    'tokenize',
    [
      '/(?<=[a-z]{2})is(e|ed|es|ing|ation|ations)$/',
      '/(?<=[a-z]{2})ys(e|ed|es|ing)$/',
      '/(?<=[a-z]{3})our(s|ed|ing|able|ite|ites)?$/',
    ],
  ],
  ['engine/text/tokens.ts undouble', 'memo: text and single tokens', 'tokenize', ['/([bdgmnprt])\\1$/']],
  [
    'knowledge/parsedFile.ts parseJsonArray',
    'a knowledge or bibliography JSON file (workspace)',
    'loadKnowledge',
    ['/^\\s*\\[/'],
  ],
  [
    'knowledge/parsedFile.ts parseYamlList',
    'a glossary or claims YAML file (workspace): whether it has anchors or aliases',
    'loadKnowledge',
    ['/(^|[\\s[{,])[&*][^\\s,\\]}]/m'],
  ],
  ['node/knowledgeFiles.ts hashFiles', "a bundled knowledge file's path (backslashes)", 'trivial', ['/\\\\/g']],
  [
    'node/knowledgeCache.ts asciiJson',
    'the JSON of parsed knowledge entries (cache)',
    'trivial',
    ['/[\\u007f-\\uffff]/g'],
  ],
  [
    'node/knowledgeFiles.ts bundledKnowledge.relocate',
    "a bundled knowledge file's path (backslashes)",
    'trivial',
    ['/\\\\/g'],
  ],
  [
    'engine/markdown/prose.ts reparseAfterEdit',
    'the text an edit removed or inserted, at most 200 characters checked',
    'diagnostics',
    ['/[\\r\\n]/'],
  ],
];

// ---------------------------------------------------------------------------------------------
// Cases: adversarial inputs for the public functions that reach the patterns above.

interface Case {
  id: string;
  via: Via;
  /** What the input attacks. */
  note: string;
  input: () => string;
  run: (input: string) => unknown;
}

/** A PDF page of `lines`, one text item each, 12 units apart from the top down. */
function pdfPage(lines: string[]): PdfPageItems {
  const items = lines.map((str, i) => ({ str, x: 50, y: 780 - 12 * (i % 60), width: 5 * str.length, height: 10 }));
  return { items, width: 600, height: 800 };
}

/** The ingest pipeline for a report in the workspace sources folder: pages, passages, metadata, claims and terms. */
async function ingest(text: string, name = 'report.md'): Promise<number> {
  const path = join(process.cwd(), 'no-such-workspace', 'sources', name);
  const report = await readReport(path, Buffer.from(text));
  if (report.error) throw new Error(report.error);
  const extraction = extractClaims('report2024', report.passages, { file: path, year: report.year });
  return extraction.claims.length + extraction.terms.length;
}
const ingestCase = (id: string, note: string, input: () => string, name?: string): Case => ({
  id: `report: ${id}`,
  via: 'ingest',
  note,
  input,
  run: (s) => ingest(s, name),
});

let kbCache: KnowledgeBase | undefined;
const knowledge = (): KnowledgeBase => (kbCache ??= loadKnowledgeFolders([join(process.cwd(), 'knowledge')], false).kb);
let docCounter = 0;
const memoDoc = (text: string): TextDocument =>
  TextDocument.create(`file:///regex/memo-${++docCounter}.md`, 'markdown', 1, text);

/** The whole editor path for a memo: diagnostics, then hover and completion at the end and in the middle. */
function memo(text: string): number {
  const service = new PolicyLensService(knowledge());
  const document = memoDoc(text);
  const diagnostics = service.diagnostics(document);
  for (const offset of [text.length, Math.floor(text.length / 2)]) {
    const position = document.positionAt(offset);
    void service.hover(document, position).catch(() => undefined);
    service.completion(document, position);
  }
  const withFrontMatter = service as unknown as {
    frontMatterBibliography?: (d: TextDocument) => unknown;
    documentLinks?: (d: TextDocument) => unknown;
  };
  withFrontMatter.frontMatterBibliography?.call(service, document);
  withFrontMatter.documentLinks?.call(service, document);
  return diagnostics.length;
}

/** One paragraph of at most maxBlockLength code units (what the analyzer gives one sentence check). */
function paragraph(unit: string, head = '', tail = ''): string {
  const room = BLOCK - head.length - tail.length - 1;
  return head + unit.repeat(Math.max(1, Math.floor(room / unit.length))) + tail;
}

const memoCase = (id: string, note: string, input: () => string, via: Via = 'parseProse'): Case => ({
  id,
  via,
  note,
  input,
  run: memo,
});

const cases: Case[] = [
  // prose.ts: front matter, block prefixes, tables (whole document and every line; no block-length guard).
  memoCase(
    'front matter: unclosed, 3,000 lines of "---   …x"',
    'findFrontMatter per-line fences',
    () => '---\n' + `---${' '.repeat(60)}x\n`.repeat(3000),
  ),
  memoCase(
    'front matter: 40,000 lines of "...x"',
    'findFrontMatter closing fence',
    () => '---\n' + '...x\n'.repeat(40_000),
  ),
  memoCase(
    'table: delimiter-like row "|-" + 200,000 spaces + "x|"',
    'tableCells delimiter-row regex: \\s* around (\\|…)* backtracks',
    () => `| a |\n|---|\n|-${' '.repeat(BIG)}x|`,
  ),
  memoCase(
    'table: delimiter-like row of 100,000 "|-"',
    'tableCells delimiter-row regex, pipes',
    () => `| a |\n|---|\n${'|-'.repeat(BIG / 2)}x`,
  ),
  memoCase('table: 20,000 rows', 'tableCells per row', () => '| a | b |\n|---|---|\n' + '| - | : |\n'.repeat(20_000)),
  memoCase(
    'ATX heading: "# a" + 100,000 spaces + 100,000 "#" + "x"',
    'maskLinePrefixes closing-sequence regex /[ \\t]+#+[ \\t]*$/',
    () => `# a${' '.repeat(BIG / 2)}${'#'.repeat(BIG / 2)}x`,
  ),
  memoCase(
    'ATX heading: "# a" + 100,000 " #"',
    'maskLinePrefixes closing sequence, alternating',
    () => `# a${' #'.repeat(BIG / 2)} x`,
  ),
  memoCase('ATX heading: 200,000 tabs', 'maskLinePrefixes heading marker', () => `###### ${'\t'.repeat(BIG)}#`),
  memoCase('setext heading: 200,000 "="', 'maskLinePrefixes setext underline', () => `Title\n${'='.repeat(BIG)}`),
  memoCase('blockquote: 200,000 ">"', 'maskLinePrefixes quote prefix', () => `${'>'.repeat(BIG)} x`),
  memoCase('blockquote: 100,000 "> "', 'maskLinePrefixes quote prefix with spaces', () => `${'> '.repeat(BIG / 2)}x`),
  memoCase(
    'list item: marker + 100,000 " \\t" + "[x]"',
    'maskLinePrefixes task-list marker',
    () => `- ${' \t'.repeat(BIG / 2)}[x] item`,
  ),
  // prose.ts: inline masking and citations (every block, whatever its length).
  memoCase('200,000 backslashes', 'maskInline escapes', () => `x ${'\\'.repeat(BIG)}`),
  memoCase('33,000 "<http:"', 'maskInline autolinks', () => `x ${'<http:'.repeat(BIG / 6)}`),
  memoCase(
    '"www." + 200,000 "."',
    'maskInline raw URL: [^\\s<>]* then a final class',
    () => `x www.${'.'.repeat(BIG)}`,
  ),
  memoCase(
    '"http://" + 100,000 ")."',
    'maskInline raw URL trailing punctuation',
    () => `x http://${').'.repeat(BIG / 2)}`,
  ),
  memoCase('40,000 "www.,"', 'maskInline raw URL, many starts', () => `x ${'www.,'.repeat(BIG / 5)}`),
  memoCase('66,000 unclosed "<a "', 'maskInline HTML tags', () => `x ${'<a '.repeat(BIG / 3)}`),
  memoCase('"<a" + 100,000 " x" (no ">")', 'maskInline HTML attributes {0,500}', () => `x <a${' x'.repeat(BIG / 2)}`),
  memoCase('100,000 "!["', 'maskInline images', () => `x ${'!['.repeat(BIG / 2)}`),
  memoCase('"![a](" + 200,000 "b"', 'maskInline image target {0,2000}', () => `x ![a](${'b'.repeat(BIG)}`),
  memoCase('100,000 "]("', 'maskInline link targets', () => `x ${']('.repeat(BIG / 2)}`),
  memoCase('100,000 "]["', 'maskInline reference links', () => `x ${']['.repeat(BIG / 2)}`),
  memoCase('100,000 "[^"', 'maskInline footnote markers', () => `x ${'[^'.repeat(BIG / 2)}`),
  memoCase('200,000 "_"', 'maskInline emphasis markers', () => `x ${'_'.repeat(BIG)}`),
  memoCase('100,000 "a_"', 'maskInline intra-word underscores', () => `x ${'a_'.repeat(BIG / 2)}`),
  memoCase('50,000 "<!--"', 'maskInline HTML comments, unclosed', () => `x ${'<!--'.repeat(BIG / 4)}`),
  memoCase('200,000 backticks', 'maskInline code spans: one long run', () => `x ${'`'.repeat(BIG)}`),
  memoCase('100,000 "`a"', 'maskInline code spans: many short ones', () => `x ${'`a'.repeat(BIG / 2)}`),
  memoCase(
    'backtick runs of 1..600, none closed',
    'maskInline code spans: each run searches for its closer',
    () => `x ${Array.from({ length: 600 }, (_, i) => '`'.repeat(i + 1)).join('x')}`,
  ),
  memoCase('200,000 unclosed "[" then "]"', 'findCitations bracket search', () => `x ${'['.repeat(BIG)}]`),
  memoCase(
    '100,000 "[" then 100,000 "]"',
    'findCitations nested brackets',
    () => `x ${'['.repeat(BIG / 2)}${']'.repeat(BIG / 2)}`,
  ),
  memoCase('"[" + 66,000 " @{" + "]"', 'findCitations brace keys without "}"', () => `x [${' @{'.repeat(BIG / 3)}]`),
  memoCase('50,000 "[@a;" + "]"', 'findCitations many keys in one citation', () => `x ${'[@a;'.repeat(BIG / 4)}]`),
  memoCase('200,000 "@"', 'findCitations in-text keys', () => `x ${'@'.repeat(BIG)}`),
  memoCase(
    '66,000 " @a" (unknown keys)',
    'findCitations and unknown-citation diagnostics',
    () => `x${' @a'.repeat(BIG / 3)}`,
  ),
  memoCase('"@" + 100,000 "a."', 'keyBody: punctuation inside a key', () => `x @${'a.'.repeat(BIG / 2)}`),
  memoCase(
    '200,000 "." in one line',
    'whole pipeline on a long line of dots (checked in pieces of maxBlockLength)',
    () => '.'.repeat(BIG),
    'diagnostics',
  ),
  // sentences.ts, values.ts, check.ts: reached for blocks up to maxBlockLength.
  memoCase(
    'one paragraph of maxBlockLength "." then "x"',
    'splitSentences: closing-punctuation scan restarts at every "."',
    () => paragraph('.', '', 'x'),
    'splitSentences',
  ),
  memoCase(
    'one paragraph of ". a"',
    'splitSentences: lower-case after a stop',
    () => paragraph('. a'),
    'splitSentences',
  ),
  memoCase(
    'one paragraph of "U.S. "',
    'splitSentences abbreviations; then checkSentence: every anchor hit searches all term matches',
    () => paragraph('U.S. '),
    'checkSentence',
  ),
  memoCase(
    'one paragraph: "." + spaces + "a"',
    'splitSentences whitespace scan',
    () => paragraph(' ', '.', 'a'),
    'splitSentences',
  ),
  {
    id: 'splitSentences: "a." repeated then " A"',
    via: 'splitSentences',
    note: 'wordBefore walks back over letters and dots',
    input: () => paragraph('a.', '', ' A'),
    run: (s) => splitSentences(s).length,
  },
  {
    id: 'splitSentences: "e.g" + 200,000 "." to the end',
    via: 'splitSentences',
    note: 'a run of dots ending the text after a dotted word: each dot rescanned the run and the word',
    input: () => `e.g${'.'.repeat(BIG)}`,
    run: (s) => splitSentences(s).length,
  },
  {
    id: 'splitSentences: 200,000 "." from offset 100,000 (as for the second piece of a long block)',
    via: 'splitSentences',
    note: 'wordBefore walking back over the dots before `from`',
    input: () => '.'.repeat(BIG),
    run: (s) => splitSentences(s, BIG / 2, BIG).length,
  },
  memoCase(
    'one 200,000-character paragraph of "The OEWG met [@kim2023]. "',
    'a block checked in pieces of maxBlockLength',
    () => 'The OEWG met in 2019 [@kim2023]. '.repeat(BIG / 33),
    'diagnostics',
  ),
  {
    id: 'tokenize: one 200,000-letter word',
    via: 'tokenize',
    note: 'wordPattern and stem on a huge token',
    input: () => 'a'.repeat(BIG),
    run: (s) => tokenize(s).length,
  },
  {
    id: 'tokenize: 200,000 "s"',
    via: 'tokenize',
    note: 'stem suffix regexes on a huge token',
    input: () => 's'.repeat(BIG),
    run: (s) => tokenize(s).length,
  },
  {
    id: 'tokenize: 66,000 "a\'s"',
    via: 'tokenize',
    note: 'possessive lookahead',
    input: () => "a's".repeat(BIG / 3),
    run: (s) => tokenize(s).length,
  },
  {
    id: 'tokenize: 200,000 "&"',
    via: 'tokenize',
    note: '& tokens',
    input: () => '&'.repeat(BIG),
    run: (s) => tokenize(s).length,
  },
  ...[
    ['maxBlockLength digits', () => paragraph('1')],
    ['"1," repeated', () => paragraph('1,')],
    ['"1,000," repeated', () => paragraph('1,000,')],
    ['"1." repeated', () => paragraph('1.')],
    ['"one " repeated', () => paragraph('one ')],
    ['"twenty-first " repeated', () => paragraph('twenty-first ')],
    ['"2016–2030 " repeated', () => paragraph('2016–2030 ')],
    ['"March 27, 2022 " repeated', () => paragraph('March 27, 2022 ')],
    ['"Korea\'s third " repeated', () => paragraph("Korea's third ")],
    ['"1 of 2 of " repeated', () => paragraph('1 of 2 of ')],
    ['"~" repeated then "5"', () => paragraph('~', '', '5')],
    ['"\'s" + spaces + "third"', () => paragraph(' ', "Korea's", 'third')],
    ['"5 of " + words + "27"', () => paragraph('word ', '5 of ', '27')],
  ].map(([label, input]): Case => ({
    id: `extractValues: ${label as string}`,
    via: 'extractValues',
    note: 'value mentions',
    input: input as () => string,
    run: (s) => extractValues(s, tokenize(s)).length,
  })),
  memoCase(
    'one sentence repeating "Nearly 90% of Korea\'s total exports go to the Indo-Pacific, "',
    'checkSentence: nearest()/binding() per value x anchor x token',
    () => paragraph("Nearly 90% of Korea's total exports go to the Indo-Pacific, ", '', '.'),
    'checkSentence',
  ),
  memoCase(
    '"John Park" + spaces + "x moderated the October 2022 Pacific Forum session."',
    'checkSentence cueGroup /^\\s*(?:has|…|\\s)*$/',
    () => paragraph(' ', 'John Park', 'x moderated the October 2022 Pacific Forum session.'),
    'checkSentence',
  ),
  memoCase(
    '"The Consulate General in Seoul" + spaces + "Busan supported the event."',
    'checkSentence splitList /\\s*(?:,\\s*and|,|and|&)\\s+/g',
    () => paragraph(' ', 'The Consulate General in Seoul', 'Busan supported the event.'),
    'checkSentence',
  ),
  memoCase(
    '"Mark Manantan, director at Pacific Forum, and " repeated',
    'checkSentence checkRoles per person',
    () => paragraph('Mark Manantan, director at Pacific Forum, and ', '', '.'),
    'checkSentence',
  ),
  memoCase(
    '"Samsung does not advocate for Open RAN and " repeated',
    'checkSentence stances and clauses',
    () => paragraph('Samsung does not advocate for Open RAN and ', '', '.'),
    'checkSentence',
  ),
  memoCase(
    '"Does Samsung advocate Open RAN?" + spaces + "x"',
    'checkSentence question test /\\?\\s*$/',
    () => paragraph(' ', 'Does Samsung advocate Open RAN?', 'x'),
    'checkSentence',
  ),
  memoCase(
    '"Samsung" + " ;" repeated + " advocates Open RAN."',
    'checkSentence clause boundaries',
    () => paragraph(' ;', 'Samsung', ' advocates Open RAN.'),
    'checkSentence',
  ),
  memoCase(
    '"14 of " + "Korea " repeated + "27 development cooperation partners"',
    'checkSentence totals',
    () => paragraph('Korea ', '14 of ', '27 development cooperation partners are in the Indo-Pacific.'),
    'checkSentence',
  ),
  memoCase(
    '"OEWG " repeated (acronym hints)',
    'isShortForm and acronym diagnostics',
    () => paragraph('OEWG '),
    'diagnostics',
  ),
  // completion.ts and hover.ts: the line at the cursor (first 20,000 code units).
  memoCase(
    '" @" repeated on one 19,990-unit line, completion at its end',
    'partialKey on the line prefix',
    () => `x${' @'.repeat(9995)}`,
    'completion',
  ),
  memoCase(
    '"-@aaaa…" repeated, completion at the end',
    'partialKey: many starts, key characters between',
    () => `-${('@' + 'a'.repeat(50) + '-').repeat(380)}`,
    'completion',
  ),
  memoCase(
    '200,000 "word " then "[@"',
    'sentenceScores around the cursor',
    () => `${'word '.repeat(BIG / 5)}[@`,
    'completion',
  ),
  memoCase(
    '"OEWG " on a 19,995-unit line (hover)',
    'termAt and the hover markdown escape',
    () => 'OEWG '.repeat(3999),
    'hover',
  ),
  memoCase(
    '[@kim2023] repeated (document links)',
    'sourceLinks',
    () => `x ${'[@kim2023] '.repeat(BIG / 11)}`,
    'documentLinks',
  ),
  {
    id: 'codeActions: missing-citation fix over 100,000 ".)" + "x"',
    via: 'codeActions',
    note: 'citationInsertPoint trailing-punctuation regex',
    input: () => `${'.)'.repeat(BIG / 2)}x`,
    run: (text) => {
      const document = memoDoc(text);
      const range = { start: { line: 0, character: 0 }, end: document.positionAt(text.length) };
      const d: Diagnostic = {
        range,
        code: 'missing-citation',
        source: 'policy-lens',
        message: 'x',
        data: { suggestions: ['kim2023'], seen: textFingerprint(text) },
      };
      return new PolicyLensService(knowledge()).codeActions(document, [d]).length;
    },
  },
  // silencing.ts: comments that silence findings (parsed only when a memo holds "policy-lens-").
  memoCase(
    '50,000 unclosed "<!-- policy-lens-disable " on one line',
    'silencingOf directive regex, no "-->"',
    () => `The OEWG met.\n\n${'<!-- policy-lens-disable '.repeat(BIG / 25)}`,
    'diagnostics',
  ),
  memoCase(
    '20,000 lines of "<!-- policy-lens-disable-next-line -->"',
    'silencingOf per line',
    () => `The OEWG met.\n${'<!-- policy-lens-disable-next-line a b -->\n'.repeat(BIG / 40)}`,
    'diagnostics',
  ),
  memoCase(
    'a paragraph of 6,000 "`a <!-- policy-lens-disable-line -->"',
    'silencingOf code spans, once per block',
    () => `The OEWG met ${'`a <!-- policy-lens-disable-line --> '.repeat(BIG / 36)}`,
    'diagnostics',
  ),
  memoCase(
    'a directive, then 100,000 backtick runs of growing length',
    'codeSpans pairs runs in one pass',
    () =>
      `The OEWG met. <!-- policy-lens-disable-line ` +
      `-->${Array.from({ length: 600 }, (_, i) => '`'.repeat(i + 1) + ' x').join(' ')}`,
    'diagnostics',
  ),
  ...['> ', '- ', '1. ', ' \t'].map((unit): Case => ({
    id: `codeActions: Ignore this finding on a line of 100,000 "${unit}" then a finding`,
    via: 'codeActions',
    note: 'containerPrefixes over a long prefix of quotes and list markers',
    input: () => `${unit.repeat(Math.floor(BIG / 2 / unit.length))}The OEWG met.`,
    run: (text) => {
      const document = memoDoc(text);
      const range = { start: { line: 0, character: 0 }, end: document.positionAt(text.length) };
      const data = { seen: textFingerprint(text) };
      const d: Diagnostic = { range, code: 'undefined-acronym', source: 'policy-lens', message: 'x', data };
      return new PolicyLensService(knowledge()).codeActions(document, [d]).length;
    },
  })),
  ingestCase(
    '200,000 "\r\n" with spaces',
    'textBlocks separators and line numbers',
    () => ' \r\n'.repeat(BIG / 3),
    'report.txt',
  ),
  ingestCase(
    '20,000 short paragraphs',
    'passage line numbers, one pass',
    () => 'A sentence of a report here.\n\n'.repeat(20_000),
    'report.txt',
  ),
  // Front matter YAML (the server reads its bibliography).
  memoCase(
    'front matter: 50,000 "["',
    'front matter YAML, deep flow nesting (the YAML library costs ~6 µs a level)',
    () => `---\na: ${'['.repeat(BIG / 4)}\n---\nThe OEWG met.\n`,
  ),
  memoCase('front matter: alias bomb', 'front matter YAML aliases', () => `---\n${aliasBomb()}---\nThe OEWG met.\n`),
  // bibliography.ts: workspace .bib / CSL files (settings and front matter `bibliography:`).
  ...[
    ['a field list of 200,000 spaces then "!"', () => `@misc{key,${' '.repeat(BIG)}!}`],
    ['25,000 empty entries "@misc{}"', () => '@misc{}\n'.repeat(BIG / 8)],
    ['10,000 entries', () => '@misc{k,title={x}}\n'.repeat(10_000)],
    ['@string with 200,000 spaces', () => `@string{a${' '.repeat(BIG)}!}`],
    ['33,000 unclosed "@misc{"', () => '@misc{'.repeat(BIG / 6)],
    ['200,000 "@"', () => '@'.repeat(BIG)],
    ['33,000 "a and " authors', () => `@misc{k, author={${'a and '.repeat(BIG / 6)}}}`],
    ['50,000 "a # " concatenations', () => `@misc{k, title=${'a # '.repeat(BIG / 4)}}`],
    ['title of 200,000 "{"', () => `@misc{k, title=${'{'.repeat(BIG)}}`],
    ['66,000 "@a(" entries never closed', () => '@a(\n'.repeat(BIG / 4)],
    ['url of 200,000 backslashes', () => `@misc{k, url = {${'\\'.repeat(BIG)}}}`],
    ['50,000 "url={" in one entry', () => `@misc{k, ${'url={'.repeat(BIG / 5)}}`],
    [
      'one bad entry among 5,000 good ones',
      () =>
        `${'@misc{k,title={x}}\n'.repeat(2500)}@misc{bad, title = {C:\\dir\\}}\n${'@misc{j,title={y}}\n'.repeat(2500)}`,
    ],
  ].map(([label, input]): Case => ({
    id: `BibTeX: ${label as string}`,
    via: 'parseBibliography',
    note: 'parseBibtex / readFields / readValue / names',
    input: input as () => string,
    run: (s) => parseBibliography('/workspace/refs.bib', s).sources.length,
  })),
  {
    id: 'splitLocator: ", p. " + 100,000 "1-"',
    via: 'splitLocator',
    note: 'locatorValue ranges',
    input: () => `, p. ${'1-'.repeat(BIG / 2)}x`,
    run: (s) => splitLocator(s).locator?.length,
  },
  {
    id: 'splitLocator: 200,000 "1."',
    via: 'splitLocator',
    note: 'locatorValue dots',
    input: () => '1.'.repeat(BIG / 2),
    run: (s) => splitLocator(s).locator?.length,
  },
  {
    id: 'splitLocator: 200,000 spaces',
    via: 'splitLocator',
    note: 'leading comma and spaces',
    input: () => `,${' '.repeat(BIG)}x`,
    run: (s) => splitLocator(s).suffix?.length,
  },
  {
    id: 'markdownToPlain: 100,000 "\\*"',
    via: 'cslMarkdown',
    note: 'escapes and emphasis',
    input: () => '\\*'.repeat(BIG / 2),
    run: (s) => markdownToPlain(s).length,
  },
  {
    id: 'dependentParent: 20,000 "<link "',
    via: 'cslMarkdown',
    note: 'bounded attribute scans',
    input: () => '<link '.repeat(BIG / 6),
    run: (s) => dependentParent(s)?.length,
  },
  {
    id: 'referencesEdit: 20,000 heading-like lines',
    via: 'referencesEdit',
    note: 'referencesHeading / refsDiv per line',
    input: () => `## References and${' x'.repeat(10)}\n::: {#ref${'s'.repeat(200)}\n`.repeat(5000),
    run: (s) => referencesEdit(memoDoc(s), ['e']).newText.length,
  },
  {
    id: 'referencesEdit: 100,000 "<!-- policy-lens:references -->" lines',
    via: 'referencesEdit',
    note: 'generatedSections per line',
    input: () => '<!-- policy-lens:references -->\n'.repeat(6000),
    run: (s) => referencesEdit(memoDoc(s), ['e']).newText.length,
  },
  memoCase(
    'front matter: nocite of 60,000 "@a, "',
    'nociteKey',
    () => `---\nnocite: "${'@a, '.repeat(BIG / 4)}"\n---\nText.\n`,
  ),
  memoCase(
    '[ + 66,000 "@a; " + ]',
    'bracketedCites: many cites in one citation',
    () => `x [${'@a; '.repeat(BIG / 4)}]`,
  ),
  // The YAML library spends ~4 µs per nesting level: 100,000 levels keep these about the others' cost.
  {
    id: 'CSL JSON bibliography: 100,000 "["',
    via: 'parseBibliography',
    note: 'YAML/JSON parser depth',
    input: () => '['.repeat(BIG / 2),
    run: (s) => parseBibliography('/workspace/refs.json', s).errors.length,
  },
  {
    id: 'CSL YAML bibliography: alias bomb',
    via: 'parseBibliography',
    note: 'maxAliasCount',
    input: () => `references:\n${aliasBomb()}`,
    run: (s) => parseBibliography('/workspace/refs.yaml', s).errors.length,
  },
  // ingest/*: reports in the workspace sources folder (.md, .txt, PDF text), read in a worker thread.
  ingestCase(
    '200,000 spaces then "x"',
    'passagesFrom line-break normalisation /[ \\t\\u00a0]*\\n[ \\t\\u00a0]*/g',
    () => `${' '.repeat(BIG)}x`,
    'report.txt',
  ),
  ingestCase('100,000 " \\n"', 'passagesFrom paragraph split', () => ' \n'.repeat(BIG / 2), 'report.txt'),
  ingestCase('200,000 blank lines', 'passagesFrom paragraph split', () => '\n'.repeat(BIG)),
  ingestCase(
    '4,000 sentences "Nearly 78% of Korea\'s exports go to the Indo-Pacific."',
    'extractClaims per sentence',
    () => "Nearly 78% of Korea's exports go to the Indo-Pacific. ".repeat(3700),
  ),
  {
    id: 'echo: a 240-word memo sentence against 500 report sentences sharing all its words',
    via: 'echoVerdicts',
    note: 'every report sentence is a candidate echo, every figure a candidate pair',
    input: () => 'In 2021 nearly 78% of Zyx exports, 41% of imports and 9 ports went to the Zyx Sea. '.repeat(500),
    run: (report) => {
      // The report's sentences as the sources folder hands them over, without reading its claims.
      const sentences = report
        .split('. ')
        .map((text, i) => ({ text: `${text}.`, locator: `¶${i + 1}`, line: i, inPassage: 0 }));
      const source = {
        key: 'zyx2024',
        csl: { id: 'zyx2024', type: 'report' as const, title: 'Zyx' },
        origin: { file: '/s/zyx.txt', line: 0, character: 0 },
        kind: 'ingested' as const,
        sentences,
      };
      const kb = new KnowledgeBase({ sources: [source], terms: [], claims: [], errors: [] });
      const memo = 'In 2022 some 87% of Zyx exports, 14% of imports and 19 ports went to the Zyx Sea, '.repeat(14);
      return echoVerdicts(readSentence(kb, memo, 0, memo.length)).verdicts.length;
    },
  },
  ingestCase('one paragraph repeating "The Zyx Policy Forum (ZPF) "', 'acronym definitions', () =>
    paragraph('The Zyx Policy Forum (ZPF) ', '', '.'),
  ),
  ingestCase('one paragraph repeating "Ada Zyx, Director of the Zyx Forum, "', 'roles in a sentence', () =>
    paragraph('Ada Zyx, Director of the Zyx Forum, ', '', '.'),
  ),
  ingestCase('"14 of 27 " repeated', 'totals', () => paragraph('14 of 27 ', 'Partners: ', '.')),
  ingestCase('"last year " repeated', 'relative years', () => paragraph('last year ', 'In 2023 ', '.')),
  ingestCase('"Samsung also advocates for Open RAN. " repeated', 'stance verbs', () =>
    'Samsung also advocates for Open RAN. '.repeat(5000),
  ),
  ingestCase('200,000 "("', 'punctuation runs', () => '('.repeat(BIG)),
  {
    id: 'report: PDF streams: "stream\\n" repeated, no "obj" and no "endstream"',
    via: 'ingest',
    note: 'inflatedSizeProblem: the dictionary search stays within 4 KB',
    input: () => 'stream\n'.repeat(BIG / 7),
    run: (s) => inflatedSizeProblem(Buffer.from(s, 'latin1')),
  },
  {
    id: 'report: PDF streams: a 200,000-character dictionary of "/Subtype " and "/Fl"',
    via: 'ingest',
    note: 'the Image and FlateDecode patterns on the dictionary',
    input: () => `1 0 obj\n<< ${'/Subtype /Fl '.repeat(BIG / 13)}>>\nstream\nxx\nendstream\n`,
    run: (s) => inflatedSizeProblem(Buffer.from(s, 'latin1')),
  },
  ingestCase('one paragraph of "-" then "x (ABC)"', 'acronym expansions with a long run before', () =>
    paragraph('-', 'Zyx ', 'x (ABC).'),
  ),
  ingestCase(
    'words, 50,000 "-", then "(ABCDEF)"',
    'acronym expansions: the long form before',
    () => `Alpha Beta ${'-'.repeat(BLOCK)} Gamma Delta Epsilon Zeta (ABCDEF).`,
  ),
  ingestCase(
    '"Alpha Beta (AB) " 3,000 times',
    'acronym expansions: many candidates',
    () => `${'Alpha Beta (AB) '.repeat(3000)}.`,
  ),
  ingestCase('"Ada Zyx " repeated', 'roles: names without titles', () => paragraph('Ada Zyx ')),
  ingestCase('"Ada Zyx, " and title words repeated', 'roles: title runs', () =>
    paragraph('Senior Research ', 'Ada Zyx, ', 'Fellow'),
  ),
  {
    id: 'pagesFromItems: a PDF line of 200,000 letters ending in "-", then a line',
    via: 'ingest',
    note: 'hyphenAtEnd, sentenceFinal, wordPattern on one long line',
    input: () => `${'a'.repeat(BIG)}-`,
    run: (s) => pagesFromItems([pdfPage([s, 'bc and more', '1'.repeat(BIG)])])[0].text.length,
  },
  {
    id: 'pagesFromItems: 20,000 lines "ab-" (every line a broken word)',
    via: 'ingest',
    note: 'lineJoint once per line, not on the paragraph so far',
    input: () => 'ab-\n'.repeat(20_000),
    run: (s) => pagesFromItems([pdfPage(s.split('\n'))])[0].text.length,
  },
  {
    id: 'pagesFromItems: a margin line of 200,000 spaces and digits',
    via: 'ingest',
    note: 'lonePageNumber, marginKey',
    input: () => `page ${' 1'.repeat(BIG / 2)}`,
    run: (s) => pagesFromItems([pdfPage([s, 'text']), pdfPage([s, 'text'])]).length,
  },
  {
    id: 'deriveMetadata: PDF Author of 200,000 spaces then "x"',
    via: 'ingest',
    note: 'author split /\\s*(?:;|\\band\\b)\\s*/',
    input: () => `Ada Zyx${' '.repeat(BIG)}x`,
    run: (s) =>
      deriveMetadata({ fileName: 'report.pdf', pdfInfo: { Author: s, Title: s, CreationDate: s }, headBlocks: [s] })
        .title?.length,
  },
  {
    id: 'deriveMetadata: head blocks of 20,000 "# " and of 100,000 ", "',
    via: 'ingest',
    note: 'plain (heading marks), bylineNames, parseNameList, dateOfLine on long head blocks',
    input: () => '# '.repeat(10_000),
    run: (s) =>
      deriveMetadata({ fileName: 'r.md', headBlocks: [s, `By ${', '.repeat(BIG / 2)}x`, `${s}#`], markdown: true })
        .title?.length,
  },
  {
    id: 'deriveMetadata: front matter and sidecar authors of 200,000 " and "',
    via: 'ingest',
    note: 'authorsOfValue, authorsOfPdf, parseName honorific loop',
    input: () => 'Dr '.repeat(BIG / 3) + 'Ann Lee',
    run: (s) =>
      deriveMetadata({
        fileName: 'r.pdf',
        headBlocks: [],
        frontMatter: { author: [s, ' and '.repeat(BIG / 5)], date: s },
        pdfInfo: { Author: `${s};`.repeat(3) },
      }).author?.length,
  },
  {
    id: 'deriveMetadata: file name of 200,000 "-_"',
    via: 'ingest',
    note: 'file-name title',
    input: () => '-_'.repeat(BIG / 2),
    run: (s) => deriveMetadata({ fileName: `${s}.pdf`, headBlocks: [] }).title?.length,
  },
  // loader.ts: workspace knowledge folders.
  ...[
    ['glossary "terms: " + 100,000 "["', '/workspace/kb/glossary.yaml', () => `terms: ${'['.repeat(BIG / 2)}`],
    [
      'glossary with a 200,000-character unknown field',
      '/workspace/kb/glossary.yaml',
      () => `terms:\n  - id: a\n    term: A\n    kind: concept\n    definition: d\n    ${'k'.repeat(BIG)}: 1\n`,
    ],
    [
      'glossary with an unclosed 200,000-character quoted scalar',
      '/workspace/kb/glossary.yaml',
      () => `terms: "${'a'.repeat(BIG)}`,
    ],
    [
      'glossary with 28,000 empty entries (schema errors: ajv allErrors)',
      '/workspace/kb/glossary.yaml',
      () => `terms:\n${'  - {}\n'.repeat(BIG / 7)}`,
    ],
    [
      'sources.json with 6,000 sources',
      '/workspace/kb/sources.json',
      () => `[${Array.from({ length: 6000 }, (_, i) => `{"id":"k${i}","type":"book","title":"t${i}"}`).join(',')}]`,
    ],
    [
      'claims file under a 200,000-character path',
      `/workspace/${'claims/'.repeat(BIG / 7)}x.yaml`,
      () => 'source: x\nclaims: []\n',
    ],
  ].map(([label, path, input]): Case => ({
    id: `knowledge: ${label as string}`,
    via: 'loadKnowledge',
    note: 'loader: YAML, schema errors, paths',
    input: input as () => string,
    run: (s) => loadKnowledge([{ path: path as string, text: s }]).errors.length,
  })),
];

function aliasBomb(): string {
  const rows = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
  for (let i = 1; i < 9; i++) {
    rows.push(
      `${'abcdefghi'[i]}: &${'abcdefghi'[i]} [${Array(9)
        .fill(`*${'abcdefghi'[i - 1]}`)
        .join(',')}]`,
    );
  }
  return rows.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------
// Probe side (a child process): run one case, time it by CPU, report.

const WARM_UP = '(warm up)';

interface Result {
  id: string;
  /** CPU time of the case's process (user + system), ms. */
  ms: number;
  wallMs: number;
  length: number;
  error?: string;
}

if (process.env[PROBE_ENV] === '1') {
  process.on('message', (id: string) => {
    if (id === WARM_UP) {
      // Load the knowledge base and compile the hot paths (memo and report) before anything is timed:
      // the bound is on backtracking, and the JIT's first compilations would otherwise count against it.
      memo("The OEWG met. Nearly 90% of Korea's total exports go to the Indo-Pacific [@kim2023].");
      const report = 'In 2021 the Zyx Forum (ZF), led by Ada Zyx, counted 14 of 27 members and $5.8 million. ';
      void ingest(report.repeat(1500)).finally(() =>
        process.send!({ id, ms: 0, wallMs: 0, length: 0 } satisfies Result),
      );
      return;
    }
    const c = cases.find((x) => x.id === id)!;
    const input = c.input();
    const wall = performance.now();
    const cpu = process.cpuUsage();
    const report = (error?: unknown): void => {
      const used = process.cpuUsage(cpu);
      const r: Result = {
        id,
        ms: (used.user + used.system) / 1000,
        wallMs: performance.now() - wall,
        length: input.length,
      };
      if (error !== undefined) r.error = String((error as Error).stack ?? error);
      process.send!(r);
    };
    try {
      Promise.resolve(c.run(input)).then(() => report(), report);
    } catch (e) {
      report(e);
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Main side: a pool of two workers, each case under a watchdog.

class Probe {
  private child: ChildProcess | undefined;
  private warm: Promise<void> | undefined;

  private ensure(): ChildProcess {
    if (!this.child) {
      const env: NodeJS.ProcessEnv = { ...process.env, [PROBE_ENV]: '1' };
      delete env.NODE_TEST_CONTEXT;
      this.child = fork(__filename, [], { env, execArgv: [], stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
      this.child.on('error', () => undefined);
    }
    return this.child;
  }

  /** Loads the knowledge base in the probe before any case is timed. */
  warmUp(): Promise<void> {
    this.warm ??= this.send(WARM_UP, 60_000).then(() => undefined);
    return this.warm;
  }

  send(id: string, limit = WATCHDOG_MS): Promise<Result | { id: string; timedOut: true }> {
    const child = this.ensure();
    return new Promise((resolve) => {
      const done = (r: Result | { id: string; timedOut: true }): void => {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(r);
      };
      const onMessage = (r: Result): void => {
        if (r.id === id) done(r);
      };
      const onExit = (code: number | null, signal: string | null): void => {
        this.child = undefined;
        this.warm = undefined;
        done({ id, ms: NaN, wallMs: NaN, length: 0, error: `probe process exited (${code ?? signal})` });
      };
      const timer = setTimeout(() => {
        child.off('exit', onExit);
        this.child = undefined;
        this.warm = undefined;
        child.kill('SIGKILL');
        done({ id, timedOut: true });
      }, limit);
      child.on('message', onMessage);
      child.on('exit', onExit);
      child.send(id);
    });
  }

  stop(): void {
    this.child?.kill('SIGKILL');
    this.child = undefined;
  }
}

if (process.env[PROBE_ENV] !== '1') {
  const probes = [new Probe(), new Probe()];
  const free = [...probes];
  const waiting: ((p: Probe) => void)[] = [];
  const acquire = (): Promise<Probe> =>
    free.length > 0 ? Promise.resolve(free.pop()!) : new Promise((r) => waiting.push(r));
  const release = (p: Probe): void => {
    const next = waiting.shift();
    if (next) next(p);
    else free.push(p);
  };
  const figures: string[] = [];

  describe(
    'regex liveness: adversarial input to every public function that applies a regex to user text',
    { concurrency: 2 },
    () => {
      after(async () => {
        console.log(
          `regex liveness (bound ${BOUND_MS} ms of CPU per case, watchdog ${WATCHDOG_MS} ms wall): CPU ms, ` +
            `wall ms, input size, case\n${figures.sort().join('\n')}`,
        );
        probes.forEach((p) => p.stop());
      });

      for (const c of cases) {
        test(`${c.via}: ${c.id}`, { timeout: 90_000 }, async () => {
          const probe = await acquire();
          try {
            await probe.warmUp();
            const r = await probe.send(c.id);
            if ('timedOut' in r) {
              figures.push(`  TIMEOUT  ${c.id}`);
              assert.fail(
                `${c.id}: still running after ${WATCHDOG_MS} ms (process killed). Attacks: ${c.note}. A regex ` +
                  `is backtracking catastrophically or a scan is quadratic.`,
              );
            }
            figures.push(
              `  ${r.ms.toFixed(0).padStart(6)}  ${r.wallMs.toFixed(0).padStart(6)}  ` +
                `${String(r.length).padStart(7)}  ${c.id}`,
            );
            assert.equal(r.error, undefined, `${c.id}: threw instead of answering: ${r.error}`);
            assert.ok(
              r.ms < BOUND_MS,
              `${c.id}: took ${r.ms.toFixed(0)} ms of CPU for ${r.length} code units (bound ${BOUND_MS} ms). ` +
                `Attacks: ${c.note}.`,
            );
          } finally {
            release(probe);
          }
        });
      }
    },
  );

  describe('regex inventory', () => {
    test('every regex literal in server/src is listed with where it comes from and what reaches it', () => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const ts = require('typescript') as typeof import('typescript');
      const root = join(process.cwd(), 'server', 'src');
      const files = (function walk(dir: string): string[] {
        return readdirSync(dir).flatMap((n) =>
          statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : n.endsWith('.ts') ? [join(dir, n)] : [],
        );
      })(root);
      const found = new Map<string, Set<string>>();
      const dynamic: string[] = [];
      for (const file of files) {
        const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
        const rel = relative(root, file).split('\\').join('/');
        const visit = (node: import('typescript').Node, fn: string): void => {
          let name = fn;
          if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) && node.name) name = node.name.getText();
          else if (
            ts.isVariableDeclaration(node) &&
            ts.isIdentifier(node.name) &&
            node.initializer &&
            (ts.isArrowFunction(node.initializer) || ts.isFunctionExpression(node.initializer))
          ) {
            name = (fn ? `${fn}.` : '') + node.name.text;
          } else if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && !fn) {
            name = `const ${node.name.text}`;
          }
          if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
            const key = `${rel} ${name || '(top)'}`;
            if (!found.has(key)) found.set(key, new Set());
            found.get(key)!.add(node.getText());
          }
          if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && node.expression.getText() === 'RegExp') {
            dynamic.push(`${rel}: ${node.getText()}`);
          }
          ts.forEachChild(node, (child) => visit(child, name));
        };
        visit(source, '');
      }
      const listed = new Map(inventory.map(([where, , , literals]) => [where, new Set(literals)]));
      const missing: string[] = [];
      for (const [where, literals] of found) {
        for (const l of literals) {
          if (!listed.get(where)?.has(l)) {
            missing.push(`  ["${where}", "<what text it sees>", "<public function>", [${JSON.stringify(l)}]],`);
          }
        }
      }
      const stale: string[] = [];
      for (const [where, literals] of listed) {
        for (const l of literals) if (!found.get(where)?.has(l)) stale.push(`${where} ${l}`);
      }
      if (stale.length > 0) {
        console.log(
          `regex inventory: ${stale.length} listed literal(s) no longer in the source (remove them):\n  ` +
            `${stale.join('\n  ')}`,
        );
      }
      assert.deepEqual(dynamic, [], 'regular expressions built at run time (new RegExp) need a case here too');
      assert.deepEqual(
        missing,
        [],
        `regex literals not in the inventory of test/property/regex.test.ts; triage each (what text does it ` +
          `see? is it linear?), add a case if it sees user text, and list it:\n${missing.join('\n')}`,
      );
    });

    test('every public function named in the inventory has adversarial cases', () => {
      const exercised = new Set(cases.map((c) => c.via));
      const named = new Set(inventory.map(([, , via]) => via).filter((v) => v !== 'trivial'));
      assert.deepEqual(
        [...named].filter((v) => !exercised.has(v)),
        [],
      );
    });
  });
}
