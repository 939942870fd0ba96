// Clauses of a sentence: where a reporting frame starts, and where a comma only interrupts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { splitClauses } from '../../server/src/engine/reader/clauses';
import { tokenize } from '../../server/src/engine/text/tokens';

function kinds(text: string): string[] {
  const tokens = tokenize(text);
  const words = tokens.map((t) => t.lower);
  return splitClauses(text, tokens, words).map(
    (c) =>
      `${c.kind}[${tokens
        .slice(c.first, c.last)
        .map((t) => t.raw)
        .join(' ')}]`,
  );
}

describe('clauses', () => {
  it('reads a concessive set off by commas after the subject as interrupting the main clause', () => {
    assert.deepEqual(kinds('Tidal power, though still costly, is expected to grow fivefold.'), [
      'main[Tidal power]',
      'parenthetical[though still costly]',
      'main[is expected to grow fivefold]',
    ]);
    // One name set against another is left as it was read.
    assert.deepEqual(kinds('Aster, though not Borealis, is bound by the code.'), [
      'main[Aster]',
      'subordinate[though not Borealis is bound by the code]',
    ]);
  });

  it('reads a concessive set off by commas before an infinitive as interrupting the main clause', () => {
    assert.deepEqual(kinds('Planners expected tidal power, while still costly, to grow fivefold.'), [
      'main[Planners expected tidal power]',
      'parenthetical[while still costly]',
      'main[to grow fivefold]',
    ]);
  });

  it('ends no clause at the comma that groups thousands', () => {
    assert.deepEqual(kinds('Among its costly projects, Tollpol points to a 4,500-drone fleet.'), [
      'main[Among its costly projects Tollpol points to a 4 500 drone fleet]',
    ]);
    assert.deepEqual(kinds('Its costly projects include a 4,500-drone fleet, Tollpol said.'), [
      'main[Its costly projects include a 4 500 drone fleet]',
      'reporting[Tollpol said]',
    ]);
  });

  it('reads a closing frame with a reporting verb as reporting', () => {
    assert.deepEqual(kinds('The session was held online, organizers said.'), [
      'main[The session was held online]',
      'reporting[organizers said]',
    ]);
    assert.deepEqual(kinds('Exports rose, the report wrote in 2023.'), [
      'main[Exports rose]',
      'reporting[the report wrote in 2023]',
    ]);
  });

  it('reads a verb under a modal of duty as what the clause says, not a reporting frame', () => {
    assert.deepEqual(kinds('Beyond storms, harbours should contend with silting, rising seas and old cranes.'), [
      'main[Beyond storms harbours should contend with silting rising seas and old cranes]',
    ]);
    // Plain frames still report: "…, the auditors warn".
    assert.deepEqual(kinds('Ports face silting and old cranes, the auditors warn.'), [
      'main[Ports face silting and old cranes]',
      'reporting[the auditors warn]',
    ]);
  });

  it('reads a bar between cells as a break between clauses', () => {
    assert.deepEqual(kinds('Asia date: Oct 28 | US date: Oct 27'), [
      'label[Asia date]',
      'main[Oct 28]',
      'main[US date]',
      'main[Oct 27]',
    ]);
  });

  it('reads an opening name with a reporting verb and "that" as reporting', () => {
    assert.deepEqual(kinds('Osei also notes that the port was sold.'), [
      'reporting[Osei also notes that]',
      'main[the port was sold]',
    ]);
    assert.deepEqual(kinds('Osei notes the sale.'), ['main[Osei notes the sale]']);
  });

  it('reads an opening name\'s proposition noun and "that" as reporting', () => {
    assert.deepEqual(kinds("It is Osei's contention that the port was sold."), [
      'reporting[It is Osei contention that]',
      'main[the port was sold]',
    ]);
    assert.deepEqual(kinds("Osei's view is that the port was sold."), [
      'reporting[Osei view is that]',
      'main[the port was sold]',
    ]);
    // Not a frame: the name's thing is the subject ("Osei's port was sold").
    assert.deepEqual(kinds("Osei's port was sold."), ['main[Osei port was sold]']);
  });

  it('reads a fronted purpose as a clause of its own', () => {
    assert.deepEqual(kinds('To mark the anniversary of the pact, the two governments met.'), [
      'subordinate[To mark the anniversary of the pact]',
      'main[the two governments met]',
    ]);
  });

  it('reads a fronted "where" clause as a clause of its own, not a relative one', () => {
    assert.deepEqual(kinds('Where ports compete on price, the shipping lines favour the larger hubs.'), [
      'subordinate[Where ports compete on price]',
      'main[the shipping lines favour the larger hubs]',
    ]);
  });

  it('reads a stretch opening with an auxiliary as the predicate, not a frame', () => {
    const clauses = kinds('The session, held in October, was framed as a public event.');
    assert.ok(!clauses.some((c) => c.startsWith('reporting')), clauses.join(' | '));
  });

  it('ends a frame after a comma at its "that": what follows is what is reported', () => {
    assert.deepEqual(kinds('In an op-ed, Ana Osei argues that ports need cranes.'), [
      'main[In an op ed]',
      'reporting[Ana Osei argues that]',
      'main[ports need cranes]',
    ]);
  });

  it('reads an opening "X is explicit that" as a frame, like a reporting verb', () => {
    assert.deepEqual(kinds('The Guild is explicit that its review is no audit.'), [
      'reporting[The Guild is explicit that]',
      'main[its review is no audit]',
    ]);
  });

  it('reads ", as Kim notes" as a frame, and ", as transit points for …" as none', () => {
    assert.deepEqual(kinds('The fleet, as Osei notes, was small.'), [
      'main[The fleet]',
      'reporting[as Osei notes]',
      'main[was small]',
    ]);
    assert.deepEqual(kinds('The port, as we noted, was small.'), [
      'main[The port]',
      'reporting[as we noted]',
      'main[was small]',
    ]);
    const noun = kinds('Smugglers use ports, as well as bays, as transit points for their cargo.');
    assert.ok(!noun.some((c) => c.startsWith('reporting')), noun.join(' | '));
  });

  it('reads "the authors point out" as a frame, and "to the point that" as none', () => {
    assert.deepEqual(kinds('Trade grew fourfold, the authors point out.'), [
      'main[Trade grew fourfold]',
      'reporting[the authors point out]',
    ]);
    const noun = kinds('Trade grew, to the point that ports ran short of cranes.');
    assert.ok(!noun.some((c) => c.startsWith('reporting')), noun.join(' | '));
  });

  it('reads a verb opening the stretch after a relative clause as the main clause going on, not a frame', () => {
    assert.deepEqual(kinds('Ana Osei, who directs the port desk, presented as one of the panellists.'), [
      'main[Ana Osei]',
      'relative[who directs the port desk]',
      'main[presented as one of the panellists]',
    ]);
    // A frame with its own speaker after a relative clause is still one.
    const framed = kinds('The plan, which came out in May, is costly, Osei noted.');
    assert.ok(framed.includes('reporting[Osei noted]'), framed.join(' | '));
  });

  it('reads what a reporting verb takes with its preposition as what is reported, not more of the frame', () => {
    assert.deepEqual(kinds('Among the navy’s new projects, Odo points to a 5,000-ton frigate.'), [
      'main[Among the navy new projects Odo points to a 5 000 ton frigate]',
    ]);
    // A phrase after the verb that says where or when it was written stays in the frame.
    assert.deepEqual(kinds('The navy plans a new frigate, Odo wrote in a 2023 commentary.'), [
      'main[The navy plans a new frigate]',
      'reporting[Odo wrote in a 2023 commentary]',
    ]);
  });
  it('reads an opening frame whose verb says where it was said before its "that"', () => {
    assert.deepEqual(kinds('Ana Osei argued in a 2023 commentary that ports need cranes.'), [
      'reporting[Ana Osei argued in a 2023 commentary that]',
      'main[ports need cranes]',
    ]);
    // Without a "that" it stays one clause.
    assert.deepEqual(kinds('Ana Osei argued in a commentary for new cranes.'), [
      'main[Ana Osei argued in a commentary for new cranes]',
    ]);
  });

  it('reads a passive verb after an interrupting frame as the main clause going on, not another frame', () => {
    assert.deepEqual(kinds('In 2019, Osei argues, such aid was already treated as a tool.'), [
      'main[In 2019]',
      'reporting[Osei argues]',
      'main[such aid was already treated as a tool]',
    ]);
    // "it was argued" still reports.
    assert.ok(kinds('In 2019, it was argued, aid was a tool.').includes('reporting[it was argued]'));
  });
  it('reads ", at which …" and ", among whom …" as relative clauses', () => {
    assert.deepEqual(kinds('Osei chaired the 2013 port summit, at which cranes were one of six topics.'), [
      'main[Osei chaired the 2013 port summit]',
      'relative[at which cranes were one of six topics]',
    ]);
  });
  it('reads a name with commas in it ("Ports, Trade and Fisheries") as inside the relative clause', () => {
    assert.deepEqual(kinds('Ana Lind, who heads the Ports, Trade and Fisheries desk, was the contact.'), [
      'main[Ana Lind]',
      'relative[who heads the Ports Trade and Fisheries desk]',
      'main[was the contact]',
    ]);
  });

  it('reads a report\'s passive with its infinitive ("the crew said to have …") as no reporting frame', () => {
    assert.deepEqual(kinds('Grey Heron, the crew said to have breached the port, is linked to the navy.'), [
      'main[Grey Heron the crew said to have breached the port is linked to the navy]',
    ]);
    assert.deepEqual(kinds('Grey Heron, the crew said, breached the port.'), [
      'main[Grey Heron]',
      'reporting[the crew said]',
      'main[breached the port]',
    ]);
  });

  it('reads the comma of "March 3, 2021" as inside the date, and "the United States" as no reporting verb', () => {
    assert.deepEqual(kinds('The summit opened on March 3, 2021 in the United States, its hosts said.'), [
      'main[The summit opened on March 3 2021 in the United States]',
      'reporting[its hosts said]',
    ]);
    const clauses = kinds('Envoys attended, 30 in the United States, and the talks ran long.');
    assert.ok(!clauses.some((c) => c.startsWith('reporting')), clauses.join(' | '));
    // Nor does it end a fronted subordinate clause; its comma after the year does.
    assert.deepEqual(kinds('If the summit opened on March 3, 2021, few noticed.'), [
      'subordinate[If the summit opened on March 3 2021]',
      'main[few noticed]',
    ]);
  });

  it('reads a pair of dashes as an aside the clause goes on after; one dash as a break', () => {
    assert.deepEqual(kinds('The summit — held, for delegates in Lisbon, on 3 March — drew forty envoys.'), [
      'main[The summit]',
      'parenthetical[held for delegates in Lisbon on 3 March]',
      'main[drew forty envoys]',
    ]);
    assert.deepEqual(kinds('The summit drew forty envoys — a record.'), [
      'main[The summit drew forty envoys]',
      'main[a record]',
    ]);
  });
});
