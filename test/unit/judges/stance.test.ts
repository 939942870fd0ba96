// The stance judge: who supports, opposes, mentions or expands what, after negation, against a
// small invented knowledge base.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { judgeSentence, readSentence } from '../../../server/src/engine/check';
import { dump, judging, knowledge, sources, verdicts } from './judging';

const kb = knowledge({
  'sources.json': sources('opi2022'),
  'places.yaml': `places:
  - { id: northland, name: Northland, kind: country, demonyms: [ Northlandic ] }
  - { id: westmark, name: Westmark, kind: country, demonyms: [ Westmarkian ] }
  - { id: eastoria, name: Eastoria, kind: country, demonyms: [ Eastorian ] }
`,
  'glossary.yaml': `terms:
  - id: open-port-initiative
    term: Open Port Initiative
    kind: programme
    aliases: [ OPI ]
    definition: A scheme for sharing port security data.
  - id: harbor-forum
    term: Harbor Forum
    kind: event
    definition: A yearly meeting on maritime security.
  - id: port-strategy
    term: Port Security Strategy
    kind: document
    country: northland
    definition: Northland's plan for its ports.
`,
  'claims/opi2022.yaml': `source: opi2022
claims:
  - id: northland-backs-opi
    locator: ¶2
    statement: Northland supports the Open Port Initiative.
    about: { property: [ open-port-initiative ], subject: [ northland ] }
    stance: { predicate: support, polarity: positive }
  - id: westmark-opposes-localisation
    locator: ¶3
    statement: Westmark opposes data localisation rules.
    about: { property: [ data localisation, data localization ], subject: [ westmark ] }
    stance: { predicate: support, polarity: negative }
  - id: strategy-silent-on-quantum
    locator: ¶4
    statement: The Port Security Strategy does not mention quantum computing.
    about: { property: [ quantum computing, quantum ], subject: [ port-strategy, strategy ] }
    stance: { predicate: mention, polarity: negative }
  - id: aid-increase
    locator: ¶5
    statement: Northland will expand its maritime aid to island states.
    about: { property: [ maritime aid ], subject: [ northland ] }
    stance: { predicate: increase, polarity: positive }
  - id: patrols-make-strait-safer
    locator: ¶7
    statement: Joint patrols make the strait safer.
    about: { property: [ strait ], with: [ [ joint patrols, patrols ] ] }
    stance: { predicate: harm, polarity: negative, affirm: [ safer, security, secure ] }
  - id: westmark-role-in-shipping-rules
    locator: ¶6
    statement: Westmark plays a leading part in writing shipping rules.
    about: { property: [ shipping rules ], subject: [ westmark ] }
    stance: { predicate: role, polarity: positive }
  - id: forum-online
    locator: ¶8
    statement: The Harbor Forum met online.
    about: { property: [ online, virtual, in-person, in person ], subject: [ harbor-forum, forum ] }
    stance: { predicate: remote, polarity: positive }
  - id: opi-platform-open
    locator: ¶9
    statement: The Open Port Initiative runs on an open, non-proprietary platform.
    about: { property: [ platform ], subject: [ open-port-initiative ] }
    stance:
      { predicate: generic, polarity: positive, affirm: [ open, non-proprietary ], contrary: [ proprietary, closed ] }
  - id: tidal-grid-early
    locator: ¶10
    statement: Tidal power grids are still at an early stage.
    about: { property: [ maturity, mature, stage ], subject: [ tidal power grids, tidal grids ] }
    stance: { predicate: maturity, polarity: positive }
  - id: osei-welcomes-aid
    locator: ¶11
    statement: Osei welcomes the strategy's pledge of more maritime aid.
    about: { property: [ maritime aid, pledge ], subject: [ Osei ] }
    stance: { predicate: evaluate, polarity: positive }
  - id: communique-not-consensus
    locator: ¶7
    statement: The communiqué does not speak for every delegation.
    about: { property: [ consensus ], with: [ [ communique, communiqué, report ] ] }
    stance: { predicate: consensus, polarity: negative }
  - id: transit-ports-linked
    locator: ¶12
    statement: Security in transit ports is bound up with Northland's own.
    about: { property: [ transit ports ], with: [ [ precondition, peripheral, secondary concern ] ] }
    stance: { predicate: link, polarity: positive }
  - id: communique-not-agreed-views
    locator: ¶3
    statement: The communiqué does not give the agreed views of the delegations.
    about:
      property: [ agreed views, collective view, views of all participants, views of every participant ]
      with: [ [ communique, communiqué ] ]
    stance: { predicate: consensus, polarity: negative }
`,
});
const { agrees, contradicts, silent } = judging(kb, 'opi2022');

describe('judge: stance', () => {
  it('ends a negation at the comma that opens what is so instead ("…, extending instead to …")', () => {
    for (const text of [
      'The Port Security Strategy is not a naval plan, extending instead to customs and trade.',
      'The Port Security Strategy is not a naval plan, instead covering customs and trade.',
    ]) {
      const view = readSentence(kb, text, 0, text.length);
      assert.deepEqual(
        view.negations.map((n) => view.words.slice(n.first, n.last).join(' ')),
        ['a naval plan'],
        text,
      );
    }
  });

  it('ends a negation at a comma that opens a participle clause with its object, not inside a list', () => {
    const scopes = (text: string): string[] => {
      const view = readSentence(kb, text, 0, text.length);
      return view.negations.map((n) => view.words.slice(n.first, n.last).join(' '));
    };
    const scope = (text: string): string => scopes(text).join(' | ');
    assert.equal(scope('The communiqué disclaims consensus, offering only a summary of the talks.'), 'consensus');
    assert.equal(scope('The plan does not cover ports, leaving them to the provinces.'), 'cover ports');
    // A list goes on with nouns: "funding or training" is still denied.
    assert.equal(scope('The plan does not cover ports, funding or training.'), 'cover ports funding or training');
    assert.equal(scope('The plan does not cover ports, including their cranes.'), 'cover ports including their cranes');
    // An apposition summing up the clause ("…, a step X welcomed") is not denied with it.
    assert.equal(scope('Northland pledged not to arm its ships, a step Westmark welcomed.'), 'to arm its ships');
    // Not one after a frame set off right after the cue: what follows the frame is what is denied.
    assert.equal(
      scope("Arming its ships is not, on Westmark's reading, a step towards war."),
      'on westmark reading a step towards war',
    );
  });

  it("agrees with words of the claim's class and polarity", () => {
    const backs = 'northland-backs-opi';
    agrees('Northland supports the Open Port Initiative.', backs, 'supports');
    agrees('Northland is a strong backer of the Open Port Initiative.', backs, 'backer');
    agrees('Northland has endorsed the OPI.', backs, 'endorsed');
    agrees('Northland will expand its maritime aid to island states.', 'aid-increase', 'expand');
    agrees('Northland will boost its maritime aid.', 'aid-increase', 'boost');
  });

  it('reads "no" before a word that belittles ("no passing", "no mere") as no negation', () => {
    const silentOn = 'strategy-silent-on-quantum';
    contradicts('Quantum computing is no passing reference in the strategy.', silentOn, {
      detail: 'stance',
      written: 'reference',
    });
    agrees('The strategy makes no reference to quantum computing.', silentOn);
  });

  it('reads "no distinction between A and B" as denying neither A nor B', () => {
    const text = 'Westmark sees no distinction between port security and the Open Port Initiative.';
    const view = readSentence(kb, text, 0, text.length);
    assert.deepEqual(view.negations, [], text);
    const plain = 'Westmark sees no port security in the Open Port Initiative.';
    assert.equal(readSentence(kb, plain, 0, plain.length).negations.length, 1, plain);
  });

  it('reads a cool judgement of a thing as the opposite of welcoming it: "lukewarm about", "sceptical of"', () => {
    const welcomes = 'osei-welcomes-aid';
    agrees("Osei welcomes the strategy's pledge of more maritime aid.", welcomes, 'welcomes');
    contradicts("Osei is lukewarm about the strategy's pledge of more maritime aid.", welcomes, {
      detail: 'stance',
      written: 'lukewarm',
    });
    contradicts("Osei is sceptical of the strategy's maritime aid pledge.", welcomes, {
      detail: 'stance',
      written: 'sceptical',
    });
  });

  it("reads a label's value that is an indefinite noun phrase as describing what the label names", () => {
    const consensus = 'communique-not-consensus';
    contradicts('• Status of the communiqué: a consensus report.', consensus, {
      detail: 'stance',
      written: 'consensus',
    });
    // The noun phrase may go on with a participle: it still ends at its noun.
    contradicts('• Status of the communiqué: a consensus report endorsed by every delegation.', consensus, {
      detail: 'stance',
      written: 'consensus',
    });
  });

  it('reads the views of every participant as a consensus, and "not necessarily" as leaving it open', () => {
    const agreed = 'communique-not-agreed-views';
    contradicts('The communiqué reflects the views of every participant.', agreed, {
      detail: 'stance',
      written: 'views of every participant',
    });
    silent('The communiqué does not necessarily reflect the views of all participants.');
  });

  it('reads "a secondary concern", like "peripheral", as denying a link', () => {
    contradicts(
      "Security in transit ports is at best a secondary concern for Northland's own.",
      'transit-ports-linked',
      {
        detail: 'stance',
        written: 'secondary concern',
      },
    );
    agrees("Security in transit ports is a precondition for Northland's own.", 'transit-ports-linked');
  });

  it('reads "agreed views", "collective view" as words of consensus', () => {
    const claim = 'communique-not-agreed-views';
    contradicts('• Status: the communiqué reflects the agreed views of all delegations.', claim, {
      detail: 'stance',
      written: 'agreed views',
    });
    agrees('The communiqué is not the collective view of the delegations.', claim);
  });

  it('reads "little room for", "little appetite for" as denying what follows', () => {
    contradicts('Northland has shown little appetite for backing the Open Port Initiative.', 'northland-backs-opi', {
      detail: 'stance',
      written: 'little appetite for backing',
    });
  });

  it('reads "not the only", "not solely" as adding others, not as denying', () => {
    agrees('Northland is not the only backer of the Open Port Initiative.', 'northland-backs-opi');
    agrees('Northland backs the Open Port Initiative, though not solely for trade reasons.', 'northland-backs-opi');
  });

  it('reads "X is, its authors stress, a …" as describing X, past the frame that interrupts it', () => {
    const text = 'The communiqué is, its authors stress, a consensus report backed by every delegation.';
    const found = verdicts(kb, text).filter((v) => v.claim.id === 'opi2022/communique-not-consensus');
    assert.deepEqual(
      found.map((v) => v.kind),
      ['contradicts'],
      dump(kb, text),
    );
  });

  it('reads a negation that a frame cuts off as negating the clause going on after the frame', () => {
    contradicts('Northland does not, it should be stressed, back the Open Port Initiative.', 'northland-backs-opi', {
      detail: 'stance',
      written: 'not, it should be stressed, back',
    });
    agrees('Northland does, it should be stressed, back the Open Port Initiative.', 'northland-backs-opi', 'back');
  });

  it('agrees with a negative stance stated by words against, or by silence', () => {
    const opposes = 'westmark-opposes-localisation';
    agrees('Westmark opposes data localisation rules.', opposes, 'opposes');
    agrees('Westmark rejects data localisation.', opposes, 'rejects');
    agrees('Westmark is sceptical of data localization.', opposes, 'sceptical');
    const silent = 'strategy-silent-on-quantum';
    agrees('The Port Security Strategy is silent on quantum computing.', silent, 'is silent');
    agrees('The Port Security Strategy makes no mention of quantum computing.', silent, 'makes no mention');
    agrees('The Port Security Strategy omits quantum computing.', silent, 'omits');
  });

  it('contradicts the opposite word for how a thing is, said of it as its predicate', () => {
    contradicts('The Harbor Forum was an in-person event.', 'forum-online', { detail: 'stance', written: 'in-person' });
    silent('The Harbor Forum, unlike in-person events, was open to all.');
    silent('An in-person Harbor Forum is planned for 2030.');
  });

  it("contradicts the opposite word opening a label's value when the label names the thing", () => {
    contradicts('Harbor Forum format: in-person roundtable.', 'forum-online', {
      detail: 'stance',
      written: 'in-person',
    });
    // A label naming it by a common noun and a number may be another one.
    silent('Forum 4 format: in-person roundtable.');
  });

  it("contradicts the opposite word before the thing when a label's value is only that noun phrase", () => {
    contradicts('• Setting: in-person, members-only Harbor Forum.', 'forum-online', {
      detail: 'stance',
      written: 'in-person',
    });
    // A verb between them makes it a clause of its own: "met in person before the forum".
    silent('• Setting: delegates met in person before the Harbor Forum.');
  });

  it('contradicts the opposite stance, marking a negation with its word', () => {
    const backs = 'northland-backs-opi';
    contradicts('Northland opposes the Open Port Initiative.', backs, { detail: 'stance', written: 'opposes' });
    contradicts('Northland does not support the Open Port Initiative.', backs, {
      detail: 'stance',
      written: 'not support',
    });
    contradicts('Northland never supported the Open Port Initiative.', backs, {
      detail: 'stance',
      written: 'never supported',
    });
    contradicts('Northland has rejected the OPI.', backs, { detail: 'stance', written: 'rejected' });
    contradicts('Northland will cut its maritime aid to island states.', 'aid-increase', {
      detail: 'stance',
      written: 'cut',
    });
    // "do little to" denies what follows as "not" does.
    contradicts('Northland will do little to expand its maritime aid.', 'aid-increase', {
      detail: 'stance',
      written: 'do little to expand',
    });
    contradicts('Northland will not expand its maritime aid.', 'aid-increase', {
      detail: 'stance',
      written: 'not expand',
    });
  });

  it('reads a later clause opening with "it" as going on about the sentence\'s subject', () => {
    const backs = 'northland-backs-opi';
    contradicts('Northland is a coastal power, though it has kept its distance from the Open Port Initiative.', backs, {
      detail: 'stance',
      written: 'kept its distance from',
    });
    agrees('Northland is a coastal power, and it has endorsed the OPI.', backs, 'endorsed');
    // The pronoun opens no clause of its own: the words are not tied to the subject.
    silent('Northland is a coastal power; the Open Port Initiative is one it has kept its distance from.');
  });

  it('reads overlapping phrases of the lexicon whole: "played little role" is little role, not role', () => {
    const rules = 'westmark-role-in-shipping-rules';
    contradicts('Westmark has played little role in shipping rules.', rules, {
      detail: 'stance',
      written: 'played little',
    });
    contradicts('Westmark has little role in shipping rules.', rules, { detail: 'stance', written: 'little role' });
    agrees('Westmark has played a major role in shipping rules.', rules, 'major role');
  });

  it('reads an idiom of standing back as the opposite of a role: "kept a low profile", "on the sidelines"', () => {
    const rules = 'westmark-role-in-shipping-rules';
    contradicts('Westmark has kept a low profile in shipping rules.', rules, {
      detail: 'stance',
      written: 'low profile',
    });
    contradicts('Westmark stayed on the sidelines of shipping rules.', rules, {
      detail: 'stance',
      written: 'on the sidelines',
    });
    contradicts('Westmark has stayed out of shipping rules.', rules, { detail: 'stance', written: 'stayed out of' });
  });

  it('reads a clause on past a reporting frame that interrupts it: "X, Kim suggests, has …"', () => {
    const backs = 'northland-backs-opi';
    contradicts('The Open Port Initiative, Kim suggests, has since been rejected by Northland.', backs, {
      detail: 'stance',
      written: 'rejected',
    });
    agrees('The OPI, the report notes, has been endorsed by Northland.', backs, 'endorsed');
    // A relative clause is no frame: its words are said of something else.
    silent('Northland, which Westmark opposes, backed nothing else.');
  });

  it("reads a class word modifying the property as naming it, when the clause's predicate says otherwise", () => {
    contradicts('Greater maritime aid from Northland will be cut.', 'aid-increase', {
      detail: 'stance',
      written: 'cut',
    });
    agrees('Greater maritime aid from Northland is planned.', 'aid-increase', 'Greater');
  });

  it('reads idioms of giving up a stance whole: "turned their backs on" is no backing', () => {
    const backs = 'northland-backs-opi';
    contradicts('Northland has turned its back on the Open Port Initiative.', backs, {
      detail: 'stance',
      written: 'turned its back on',
    });
    contradicts('Northland has given up on the OPI.', backs, { detail: 'stance', written: 'given up on' });
    contradicts('Northland remains unconvinced by the OPI.', backs, { detail: 'stance', written: 'unconvinced by' });
  });

  it('reads a word that plays a thing down as lessening the class word after it: "downplays its aid"', () => {
    contradicts('Northland downplays its maritime aid to island states.', 'aid-increase', {
      detail: 'stance',
      written: 'downplays',
    });
  });

  it('reads a fronted "far from" phrase as negated only up to its comma', () => {
    const backs = 'northland-backs-opi';
    contradicts('Far from backing the Open Port Initiative, Northland opposes it.', backs, {
      detail: 'stance',
      written: 'Far from backing',
    });
    agrees('Far from opposing the Open Port Initiative, Northland endorses it.', backs);
  });

  it('reads a verb whose particle follows its object as negating that object: "leaves X out of"', () => {
    const backs = 'northland-backs-opi';
    contradicts('Northland leaves the Open Port Initiative out of its plans.', backs, {
      detail: 'stance',
      written: 'leaves',
    });
    contradicts('Northland has ruled the OPI out.', backs, { detail: 'stance', written: 'ruled' });
    // "not rule out" is no denial; a particle past a comma belongs to another phrase.
    agrees('Northland does not rule out backing the Open Port Initiative.', backs, 'backing');
    agrees('Northland left its envoy in place, out of caution, and endorsed the OPI.', backs, 'endorsed');
  });

  it('reads a doubting verb as denying its "that" clause, and a doubt denied as agreeing', () => {
    const backs = 'northland-backs-opi';
    contradicts('Analysts doubt that Northland supports the Open Port Initiative.', backs, {
      detail: 'stance',
      written: 'doubt that Northland supports',
    });
    contradicts('Analysts question whether Northland backs the OPI.', backs, {
      detail: 'stance',
      written: 'question whether Northland backs',
    });
    contradicts('Analysts dispute the claim that Northland supports the Open Port Initiative.', backs, {
      detail: 'stance',
      written: 'dispute the claim that Northland supports',
    });
    contradicts('Kim is unconvinced that Northland backs the OPI.', backs, {
      detail: 'stance',
      written: 'unconvinced that Northland backs',
    });
    agrees('No analyst doubts that Northland supports the Open Port Initiative.', backs, 'supports');
    // A doubt about something else leaves the stance alone.
    agrees('Northland supports the Open Port Initiative, though Westmark doubts that it will last.', backs, 'supports');
  });

  it('reads a claim\'s own word governed by a class word as its object: "undermine security"', () => {
    const safer = 'patrols-make-strait-safer';
    contradicts('Joint patrols could undermine security in the strait.', safer, {
      detail: 'stance',
      written: 'undermine',
    });
    agrees('Joint patrols make the strait safer.', safer, 'safer');
    agrees('Joint patrols strengthen security in the strait.', safer, 'strengthen');
  });

  it('contradicts a negative stance stated the other way', () => {
    const opposes = 'westmark-opposes-localisation';
    contradicts('Westmark supports data localisation rules.', opposes, { detail: 'stance', written: 'supports' });
    contradicts('Westmark does not oppose data localisation.', opposes, { detail: 'stance', written: 'not oppose' });
    const silent = 'strategy-silent-on-quantum';
    contradicts('The Port Security Strategy mentions quantum computing.', silent, {
      detail: 'stance',
      written: 'mentions',
    });
    contradicts('The Port Security Strategy highlights quantum computing.', silent, {
      detail: 'stance',
      written: 'highlights',
    });
  });

  it("contradicts a denial when the sentence states the very thing as fact, of the claim's subject", () => {
    contradicts('The communiqué represents a consensus of all delegations.', 'communique-not-consensus', {
      detail: 'stance',
      written: 'consensus',
    });
    // A pronoun subject in a sentence citing the source stands for what the source is about.
    const pronoun = 'It is presented as reflecting a consensus of all delegations.';
    const cited = (keys: string[]): string[] =>
      judgeSentence(
        readSentence(kb, pronoun, 0, pronoun.length, pronoun, undefined, { ids: new Set(), cited: new Set(keys) }),
      ).map((v) => `${v.kind} ${v.claim.id}`);
    assert.deepEqual(cited(['opi2022']), ['contradicts opi2022/communique-not-consensus']);
    assert.deepEqual(cited(['other2020']), []);
    // A relative clause set off by a comma states it too.
    contradicts(
      'The communiqué, which the chair describes as a consensus text, lists the talks.',
      'communique-not-consensus',
      { detail: 'stance', written: 'consensus' },
    );
    // The word after what it is said of, or in a question, is no such statement.
    silent('States slowly built consensus through the report.');
    silent('Does the communiqué represent a consensus?');
  });

  it("reads a label's value as saying the stance on what the label names", () => {
    const backs = 'northland-backs-opi';
    contradicts('• Open Port Initiative: Northland has never endorsed it.', backs, {
      detail: 'stance',
      written: 'never endorsed',
    });
    agrees('• Open Port Initiative: Northland has endorsed it.', backs, 'endorsed');
  });

  it('reads a verb that disowns its object as denying it: "disclaims consensus status"', () => {
    const denial = 'communique-not-consensus';
    agrees('The communiqué disclaims consensus status: the views are its drafters own.', denial, 'consensus');
    agrees('The report explicitly disavows any consensus among the delegations.', denial, 'consensus');
    const backs = 'northland-backs-opi';
    contradicts('Northland has renounced its support for the Open Port Initiative.', backs, {
      detail: 'stance',
      written: 'renounced its support',
    });
  });

  it('reads a word said of the subject after a linking verb as denying it: "X goes unmentioned"', () => {
    const backs = 'northland-backs-opi';
    contradicts("Northland's support for the Open Port Initiative goes unmentioned in its plans.", backs, {
      detail: 'stance',
      written: 'support for the Open Port Initiative goes unmentioned',
    });
    contradicts("Northland's support for the OPI is largely absent.", backs, {
      detail: 'stance',
      written: 'support for the OPI is largely absent',
    });
    // A class word holding the cue states the stance itself; the cue does not turn it.
    contradicts('Westmark is largely absent from shipping rules.', 'westmark-role-in-shipping-rules', {
      detail: 'stance',
      written: 'largely absent',
    });
    // Others' attitude to it denies nothing.
    agrees("Northland's support for the Open Port Initiative is ignored by Westmark.", backs, 'support');
  });

  it('reads staying out of a thing as denying a part in it: "X has kept out of Y"', () => {
    const role = 'westmark-role-in-shipping-rules';
    agrees('Westmark plays a leading part in writing shipping rules.', role, 'leading');
    contradicts('Westmark has largely kept out of shipping rules.', role, { detail: 'stance', written: 'kept out of' });
    contradicts('Westmark steered clear of shipping rules.', role, { detail: 'stance', written: 'steered clear of' });
  });

  it('reads dismissing a concern as unfounded as denying what the concern says', () => {
    const backs = 'northland-backs-opi';
    contradicts('The review dismisses as unfounded the concern that Northland supports the OPI.', backs, {
      detail: 'stance',
      written: 'dismisses',
    });
    contradicts('Analysts reject as overblown the fear that Northland backs the Open Port Initiative.', backs, {
      detail: 'stance',
      written: 'reject',
    });
  });

  it('reads a state the subject has reached, or already is in, as said of it; not one to come', () => {
    const early = 'tidal-grid-early';
    contradicts('Tidal power grids have already reached maturity.', early, { detail: 'stance', written: 'maturity' });
    contradicts('Tidal power grids are already mature.', early, { detail: 'stance', written: 'mature' });
    silent('Tidal power grids will reach maturity by 2040.');
    silent('Tidal power grids are expected to be mature by 2040.');
  });

  it('reads "has not moved beyond the early stage" as still at it, not as denying it', () => {
    const early = 'tidal-grid-early';
    agrees('Tidal power grids have not yet moved beyond an early stage.', early);
    agrees("Tidal power grids haven't got past the early stage of their development.", early);
    agrees('Tidal power grids are not beyond an early stage.', early);
    contradicts('Tidal power grids have moved well beyond the early stage.', early, {
      detail: 'stance',
      written: 'early stage',
    });
  });

  it('reads a thing said to be declining or dwindling as less of it', () => {
    const aid = 'aid-increase';
    contradicts("Northland's maritime aid to island states is declining.", aid, {
      detail: 'stance',
      written: 'declining',
    });
    contradicts("Northland's maritime aid has dwindled.", aid, { detail: 'stance', written: 'dwindled' });
  });

  it('reads "a risk to" as harm, and "little risk to" as its opposite, whole', () => {
    const safer = 'patrols-make-strait-safer';
    contradicts('Joint patrols pose a threat to the strait.', safer, { detail: 'stance', written: 'threat to' });
    agrees('Joint patrols pose little risk to the strait.', safer, 'little risk to');
    agrees('Joint patrols pose no risk to the strait.', safer, 'risk to');
  });

  it('reads no stance in a word of a known name: "Open" in "Open Port Initiative"', () => {
    const open = 'opi-platform-open';
    contradicts('The Open Port Initiative runs on a proprietary platform.', open, {
      detail: 'stance',
      written: 'proprietary',
    });
    agrees('The Open Port Initiative runs on an open platform.', open, 'open');
  });

  it('says nothing of another actor, a recommendation, a mixed stance or no stance word', () => {
    silent('Eastoria opposes the Open Port Initiative.');
    silent('Eastoria supports data localisation rules.');
    silent('Northland should oppose the Open Port Initiative.');
    silent('Northland both supports and criticises the Open Port Initiative.');
    silent('Northland launched the Open Port Initiative in 2020.');
  });

  it('says nothing of a supposition', () => {
    silent('If Northland opposed the Open Port Initiative, it would collapse.');
  });
});

describe('judge: stance, on restrictions, "neither … nor" and a described document', () => {
  const small = knowledge({
    'sources.json': sources('pr2023'),
    'places.yaml': `places:
  - { id: northland, name: Northland, kind: country, demonyms: [ Northlandic ] }
  - { id: westmark, name: Westmark, kind: country, demonyms: [ Westmarkian ] }
`,
    'glossary.yaml': `terms:
  - id: open-port-initiative
    term: Open Port Initiative
    kind: programme
    definition: A scheme for sharing port security data.
  - id: raiders
    term: Saltmere raiders
    kind: group
    definition: A smuggling network.
`,
    'claims/pr2023.yaml': `source: pr2023
claims:
  - id: raids-far-reaching
    locator: ¶1
    statement: The Saltmere raiders have lately struck ports in every part of the world.
    about: { property: [ raids, attacks ], subject: [ raiders ] }
    stance: { predicate: scope, polarity: positive }
  - id: both-back-opi
    locator: ¶2
    statement: Both Northland and Westmark back the Open Port Initiative.
    about: { property: [ open-port-initiative ], subject: [ northland, westmark ] }
    stance: { predicate: support, polarity: positive }
  - id: review-not-consensus
    locator: ¶3
    statement: The review does not speak for every delegation.
    about: { property: [ consensus ], with: [ [ review, document ] ] }
    stance: { predicate: consensus, polarity: negative }
`,
  });
  const { agrees: agreesHere, contradicts: contradictsHere } = judging(small, 'pr2023');

  it('reads "is critical of", "criticises" as a cool judgement, against one that welcomes', () => {
    contradicts("Osei is critical of the strategy's pledge of more maritime aid.", 'osei-welcomes-aid', {
      detail: 'stance',
      written: 'critical of',
    });
    // "critical" alone is a word of importance: "critical infrastructure" judges nothing.
    silent("Osei links the strategy's pledge of more maritime aid to critical infrastructure.");
  });

  it('reads "solely at", "only against" as narrowing a scope the source says is wide', () => {
    contradictsHere(
      "The Saltmere raiders' recent attacks were aimed solely at Northlandic ports.",
      'raids-far-reaching',
      {
        detail: 'stance',
        written: 'solely at',
      },
    );
  });

  it('reads "neither X nor Y has yet …" as denying the predicate of both, past an adverbial "yet"', () => {
    contradictsHere(
      'Neither Northland nor Westmark has yet come out in favour of the Open Port Initiative.',
      'both-back-opi',
      { detail: 'stance', written: 'Neither Northland nor Westmark has yet come out in favour of' },
    );
  });

  it('reads "is not a consensus document" as the negated predicate of the document, not another one', () => {
    agreesHere('The review is not a consensus document.', 'review-not-consensus');
  });
});
