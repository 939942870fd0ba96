// The quantifier judge: shares in words ("a majority", "few") and frequencies ("once", "several
// times"), against a small invented knowledge base.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { findings, judging, knowledge, sources, verdicts } from './judging';

const kb = knowledge({
  'sources.json': sources('ports2022'),
  'places.yaml': `places:
  - { id: northland, name: Northland, kind: country, demonyms: [ Northlandic ] }
  - { id: westmark, name: Westmark, kind: country, demonyms: [ Westmarkian ] }
  - { id: eastoria, name: Eastoria, kind: country, demonyms: [ Eastorian ] }
`,
  'glossary.yaml': `terms:
  - id: skylink
    term: Skylink
    kind: technology
    definition: A satellite network.
  - id: port-strategy
    term: Port Security Strategy
    kind: document
    country: northland
    definition: Northland's plan for its ports.
`,
  'claims/ports2022.yaml': `source: ports2022
claims:
  - id: ports-skylink
    locator: ¶2
    statement: A majority of Northland's ports run on Skylink.
    about: { property: [ port, ports ], subject: [ northland ], with: [ [ skylink ] ] }
    quantifier: majority
  - id: operators-trust
    locator: ¶3
    statement: Few port operators trust foreign cloud providers.
    about: { property: [ operator, operators ], with: [ [ cloud provider, cloud providers ] ] }
    quantifier: few
  - id: mentions-westmark
    locator: ¶4
    statement: The Port Security Strategy mentions Westmark several times.
    about:
      property: [ mention, mentions, mentioned, refers, refer ]
      subject: [ port-strategy, strategy ]
      with: [ [ westmark ] ]
    quantifier: several times
  - id: mentions-eastoria
    locator: ¶4
    statement: The Port Security Strategy mentions Eastoria once.
    about:
      property: [ mention, mentions, mentioned, refers, refer ]
      subject: [ port-strategy, strategy ]
      with: [ [ eastoria ] ]
    quantifier: once
  - id: harbours-drones
    locator: ¶5
    statement: Many of Northland's harbours use drones.
    about: { property: [ harbour, harbours ], subject: [ northland ], with: [ [ drone, drones ] ] }
    quantifier: many
`,
});
const { agrees, contradicts, silent } = judging(kb, 'ports2022');

describe('judge: quantifier', () => {
  it('agrees with a quantifier, share or count inside the sourced range', () => {
    const ports = 'ports-skylink';
    agrees("A majority of Northland's ports run on Skylink.", ports, 'A majority');
    agrees("Most of Northland's ports run on Skylink.", ports, 'Most');
    agrees("About 70% of Northland's ports run on Skylink.", ports, 'About 70%');
    agrees("Nine of Northland's 14 ports run on Skylink.", ports, 'Nine');
    agrees('Few port operators trust foreign cloud providers.', 'operators-trust', 'Few');
    agrees('Only a handful of port operators trust foreign cloud providers.', 'operators-trust', 'Only a handful');
  });

  it('agrees with a frequency inside the sourced one', () => {
    agrees('The Port Security Strategy mentions Westmark several times.', 'mentions-westmark', 'several times');
    agrees('The Port Security Strategy mentions Eastoria once.', 'mentions-eastoria', 'once');
    agrees('The Port Security Strategy mentions Eastoria only once.', 'mentions-eastoria', 'only once');
  });

  it('contradicts a share whose range does not meet the sourced one', () => {
    const ports = 'ports-skylink';
    const v = contradicts("Only a minority of Northland's ports run on Skylink.", ports, {
      detail: 'quantifier',
      written: 'a minority',
    });
    assert.deepEqual(v.detail.kind === 'quantifier' && [v.detail.sourced, v.detail.range], [
      'majority',
      { lo: 50.01, hi: 95 },
    ]);
    contradicts("Few of Northland's ports run on Skylink.", ports, { detail: 'quantifier', written: 'Few' });
    contradicts("About 30% of Northland's ports run on Skylink.", ports, {
      detail: 'quantifier',
      written: 'About 30%',
    });
    contradicts("All of Northland's ports run on Skylink.", ports, { detail: 'quantifier', written: 'All' });
    const trust = 'operators-trust';
    contradicts('Most port operators trust foreign cloud providers.', trust, { detail: 'quantifier', written: 'Most' });
    contradicts('The vast majority of port operators trust foreign cloud providers.', trust, {
      detail: 'quantifier',
      written: 'The vast majority',
    });
  });

  it('reads "a single mention", "one time" as once, but "more than one mention" as no frequency', () => {
    contradicts('Westmark gets but a single mention in the Port Security Strategy.', 'mentions-westmark', {
      detail: 'quantifier',
      written: 'single mention',
    });
    contradicts('The Port Security Strategy refers to Westmark just one time.', 'mentions-westmark', {
      detail: 'quantifier',
      written: 'one time',
    });
    agrees('Eastoria gets one mention in the Port Security Strategy.', 'mentions-eastoria', 'one mention');
    silent('Westmark gets more than one mention in the Port Security Strategy.');
  });

  it('contradicts a frequency whose range does not meet the sourced one', () => {
    contradicts('The Port Security Strategy mentions Westmark once.', 'mentions-westmark', {
      detail: 'quantifier',
      written: 'once',
    });
    const eastoria = 'mentions-eastoria';
    contradicts('The Port Security Strategy mentions Eastoria repeatedly.', eastoria, {
      detail: 'quantifier',
      written: 'repeatedly',
    });
    contradicts('The Port Security Strategy mentions Eastoria twice.', eastoria, {
      detail: 'quantifier',
      written: 'twice',
    });
    contradicts('The Port Security Strategy never mentions Eastoria.', eastoria, {
      detail: 'quantifier',
      written: 'never',
    });
  });

  it('reads a quantifier that only overlaps the sourced range as detail: no support, no contradiction', () => {
    const text = "Several of Northland's ports run on Skylink.";
    assert.deepEqual(
      verdicts(kb, text).map((v) => [v.kind, v.claim.id]),
      [['narrower', 'ports2022/ports-skylink']],
    );
    assert.deepEqual(findings(kb, text), []);
  });

  it('reads a much stronger word inside a vague one as detail: "most" where the source says "many"', () => {
    const text = "Most of Northland's harbours use drones.";
    assert.deepEqual(
      verdicts(kb, text).map((v) => [v.kind, v.claim.id]),
      [['narrower', 'ports2022/harbours-drones']],
    );
    assert.deepEqual(findings(kb, text), []);
    agrees('Numerous harbours of Northland use drones.', 'harbours-drones', 'Numerous');
  });

  it('says nothing of another owner, another property, another instance or a recommendation', () => {
    silent("Only a minority of Eastoria's ports run on Skylink.");
    silent("A majority of Northland's airports run on Skylink.");
    silent('A later strategy mentions Eastoria repeatedly.');
    silent("Westmark's Port Security Strategy mentions Eastoria repeatedly.");
    silent('Northland should ensure that all of its ports run on Skylink.');
  });

  it('reads "not all" as fewer than all: no contradiction of a majority', () => {
    assert.deepEqual(
      findings(kb, "Not all of Northland's ports run on Skylink.").filter((f) => f.verdict === 'contradiction'),
      [],
    );
  });
});
