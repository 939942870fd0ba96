// A small knowledge base written for the tests (not the bundled one), and helpers to check
// in-memory documents with it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultSettings, type PolicyLensSettings } from '../../server/src/common/settings';
import { KnowledgeBase } from '../../server/src/knowledge/knowledgeBase';
import { loadKnowledge } from '../../server/src/knowledge/loader';
import { type KnowledgeFile } from '../../server/src/knowledge/types';
import { PolicyLensService } from '../../server/src/features/languageService';
import { inThreadRenderer } from '../../server/src/features/csl';
import { cslResources } from '../../server/src/node/cslFiles';

export const testSources = JSON.stringify(
  [
    {
      id: 'alpha2023',
      type: 'article',
      title: 'Trade and the Indo-Pacific',
      author: [{ family: 'Kim', given: 'So Jeong' }],
      issued: { 'date-parts': [[2023]] },
    },
    {
      id: 'beta2022',
      type: 'report',
      title: 'Networks of the Future',
      author: [
        { family: 'Steiner', given: 'Jake' },
        { family: 'Manantan', given: 'Mark' },
      ],
      issued: { 'date-parts': [[2022, 10]] },
      publisher: 'Pacific Forum',
    },
  ],
  null,
  2,
);

export const testGlossary = `terms:
  - id: oewg
    term: OEWG
    kind: acronym
    expansion: Open-Ended Working Group
    definition: A UN working group open to all member states.
    sources: [{ key: alpha2023, locator: ¶7 }]
  - id: open-ran
    term: Open RAN
    kind: technology
    aliases: [Open Radio Access Network, OpenRAN]
    definition: Open, interoperable interfaces for the radio part of mobile networks.
    sources: [{ key: beta2022, locator: ¶10 }]
  - id: us
    term: US
    kind: acronym
    expansion: United States
    aliases: [U.S., United States]
    definition: The United States of America.
    expandOnFirstUse: false
  - id: samsung
    term: Samsung
    kind: organisation
    definition: A South Korean electronics maker.
  - id: huawei
    term: Huawei
    kind: organisation
    definition: A Chinese telecoms equipment maker.
  - id: inss
    term: INSS
    kind: acronym
    expansion: Institute for National Security Strategy
    aliases: [Institute for National Security]
    definition: A Korean think tank.
  - id: pacific-forum
    term: Pacific Forum
    kind: organisation
    definition: A policy institute in Honolulu.
  - id: so-jeong-kim
    term: So Jeong Kim
    kind: person
    definition: A researcher.
  - id: mark-manantan
    term: Mark Manantan
    kind: person
    definition: A director at Pacific Forum.
  - id: john-park
    term: John Park
    kind: person
    definition: A director at Harvard.
`;

export const testClaims = `source: alpha2023
claims:
  - id: exports
    locator: ¶2
    statement: About 78 per cent of Korea's exports go to the Indo-Pacific.
    about: [[export], [Indo-Pacific]]
    quantity: { value: 78, unit: percent, approx: true }
  - id: imports
    locator: ¶2
    statement: About 67 per cent of Korea's imports come from the Indo-Pacific.
    about: [[import], [Indo-Pacific]]
    quantity: { value: 67, unit: percent, approx: true }
  - id: partners
    locator: ¶10
    statement: Fourteen of Korea's 27 development partners are in the region.
    about: [[partner], [development cooperation, development]]
    quantity: { value: 14, unit: count, of: 27 }
  - id: law-year
    locator: ¶5
    statement: China's National Intelligence Law dates from 2017.
    about: [[National Intelligence Law]]
    year: 2017
  - id: strategy-date
    locator: ¶1
    statement: The strategy was announced in December 2022.
    about: [[Indo-Pacific Strategy], [announce, unveil, publish]]
    date: { year: 2022, month: 12 }
  - id: anniversary
    locator: ¶12
    statement: 2023 is the sixtieth year of Korea-EU diplomatic ties.
    about: [[anniversary], [diplomatic relations, diplomatic ties]]
    ordinal: 60
  - id: majority-partners
    locator: ¶2
    statement: Most of Korea's top trading partners are in the region.
    about: [[trading partner]]
    quantifier: majority
  - id: kim-inss
    locator: ¶14
    statement: So Jeong Kim is a Senior Research Fellow at INSS.
    role: { person: so-jeong-kim, title: Senior Research Fellow, org: inss }
  - id: manantan-pf
    locator: header
    statement: Mark Manantan directs cybersecurity work at Pacific Forum.
    role: { person: mark-manantan, title: Director of Cybersecurity and Critical Technologies, org: pacific-forum }
  - id: park-role
    locator: speakers
    statement: John Park directs the Korea Project.
    role: { person: john-park, title: Director of the Korea Project }
`;

export const testClaims2 = `source: beta2022
claims:
  - id: samsung-open-ran
    locator: ¶11
    statement: Samsung advocates Open RAN.
    about: [[Samsung], [Open RAN]]
    stance: { predicate: support, polarity: positive }
  - id: speed
    locator: ¶4
    statement: 6G should be some fifty times faster than 5G.
    about: [[6G], [faster, speed]]
    quantity: { value: 50, unit: times }
  - id: preference
    locator: ¶5
    statement: Advanced economies chose Samsung over Huawei for 5G.
    about: [[Samsung, Huawei], [favor, favour, prefer, choose, chose, pick]]
    preference: { preferred: [samsung], over: [huawei] }
  - id: moderator
    locator: header
    statement: Mark Manantan moderated the session.
    about: [[moderate, moderator, chair]]
    holders: { people: [mark-manantan] }
  - id: consulate
    locator: header
    statement: The Consulate General in Honolulu supported the event.
    about: [[Consulate General, consulate]]
    entity: { value: Honolulu, kind: place }
  - id: participants
    locator: ¶1
    statement: More than twenty people took part.
    about: [[participant, attendee]]
    quantity: { value: 20, unit: count, bound: over }
`;

export function testFiles(): KnowledgeFile[] {
  return [
    { path: '/kb/sources.json', text: testSources },
    { path: '/kb/glossary.yaml', text: testGlossary },
    { path: '/kb/claims/alpha2023.yaml', text: testClaims },
    { path: '/kb/claims/beta2022.yaml', text: testClaims2 },
  ];
}

/** Writes the test knowledge (testFiles) into `dir` as a knowledge folder on disk. */
export function writeTestKnowledge(dir: string): void {
  for (const { path, text } of testFiles()) {
    const target = join(dir, path.slice('/kb/'.length));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
}

export function testKnowledge(): KnowledgeBase {
  const loaded = loadKnowledge(testFiles());
  if (loaded.errors.length > 0) throw new Error(`test knowledge has errors: ${JSON.stringify(loaded.errors)}`);
  return new KnowledgeBase(loaded);
}

let counter = 0;
export function doc(text: string, languageId = 'markdown'): TextDocument {
  return TextDocument.create(`file:///memo-${++counter}.md`, languageId, 1, text);
}

/** One CSL processor for all tests (in this thread): its engines are compiled once. */
export const testRenderer = inThreadRenderer(cslResources());

export function service(settings: PolicyLensSettings = defaultSettings): PolicyLensService {
  const s = new PolicyLensService(testKnowledge(), settings);
  s.setRenderer(testRenderer);
  return s;
}

export function diagnose(text: string, settings?: PolicyLensSettings): ReturnType<PolicyLensService['diagnostics']> {
  return service(settings).diagnostics(doc(text));
}
