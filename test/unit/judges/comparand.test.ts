// What a multiple is compared with (judges/comparand.ts, used by the quantity judge): "40 times
// faster than Fibrenet" is not "40 times faster than Coppernet". A glossary term and a phrase as
// the sourced comparand, against a small invented knowledge base.
import { describe, it } from 'node:test';
import { judging, knowledge, sources } from './judging';

const kb = knowledge({
  'sources.json': sources('net2024'),
  'glossary.yaml': `terms:
  - id: fibrenet
    term: Fibrenet
    kind: technology
    aliases: [ Fibrenet cable ]
    definition: A wired network.
  - id: coppernet
    term: Coppernet
    kind: technology
    definition: An older wired network.
  - id: skylink
    term: Skylink
    kind: technology
    definition: A satellite network.
  - id: q7
    term: Q7
    kind: technology
    definition: A chip for port cranes.
`,
  'claims/net2024.yaml': `source: net2024
claims:
  - id: skylink-speed
    locator: ¶5
    statement: Skylink is 40 times faster than Fibrenet.
    about: { property: [ faster, speed ], subject: [ skylink ] }
    quantity: { value: 40, unit: times, than: fibrenet }
  - id: q7-efficiency
    locator: ¶6
    statement: The Q7 chip is 1.5 times as efficient as the Q5.
    about: { property: [ efficient, efficiency ], subject: [ q7 ] }
    quantity: { value: 1.5, unit: times, than: Q5 }
`,
});
const { agrees, contradicts, silent } = judging(kb, 'net2024');

describe('judge: comparand', () => {
  it('agrees with the figure compared with the sourced comparand, by any of its names', () => {
    const speed = 'skylink-speed';
    agrees('Skylink is 40 times faster than Fibrenet.', speed, '40 times');
    agrees('Skylink is forty times faster than Fibrenet.', speed, 'forty times');
    agrees('Skylink is about 40 times faster than the Fibrenet cable.', speed, 'about 40 times');
    const efficiency = 'q7-efficiency';
    agrees('The Q7 is 1.5 times more efficient than Q5.', efficiency, '1.5 times');
    // "50% more" is 1.5 times as much.
    agrees('The Q7 is 50% more efficient than the Q5.', efficiency, '50%');
  });

  it('contradicts another comparand, known or not, with the sourced one as the fix', () => {
    const speed = 'skylink-speed';
    contradicts('Skylink is 40 times faster than Coppernet.', speed, {
      detail: 'entity',
      written: 'Coppernet',
      replacement: 'Fibrenet',
    });
    contradicts('Skylink is roughly forty times faster than Coppernet.', speed, {
      detail: 'entity',
      written: 'Coppernet',
      replacement: 'Fibrenet',
    });
    contradicts('Skylink is 40 times faster than Starwave.', speed, {
      detail: 'entity',
      written: 'Starwave',
      replacement: 'Fibrenet',
    });
    const efficiency = 'q7-efficiency';
    contradicts('The Q7 is 1.5 times more efficient than Q3 chips.', efficiency, {
      detail: 'entity',
      written: 'Q3',
      replacement: 'Q5',
    });
    contradicts('The Q7 is 1.5 times more efficient than Q9 models.', efficiency, {
      detail: 'entity',
      written: 'Q9',
      replacement: 'Q5',
    });
  });

  it('says nothing of another subject, another property, a recommendation or a comparison without a figure', () => {
    silent('Coppernet is 40 times faster than Fibrenet.');
    silent('The Q5 is 1.5 times more efficient than Q3 chips.');
    silent('Skylink is 40 times cheaper than Coppernet.');
    silent('Skylink should be 40 times faster than Coppernet.');
    silent('Skylink is faster than Coppernet.');
  });
});
