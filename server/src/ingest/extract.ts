// Turns a report's passages into typed claims, read by the memo reader: every body sentence is a
// SentenceView (reading.ts); its figures, years, dates, periods and ranks become claims with their
// property, identity and qualifiers (figures.ts, measures.ts), its people with posts become role
// claims (roles.ts), its stances between names stance claims (stances.ts), and its acronyms and
// people glossary entries (terms.ts). Each claim carries the report's sentence in full, its
// locator and how certain its identity is: contradictions resting on a weak one are information.
import { lexicon, phraseAt } from '../engine/lexicon';
import { type SentenceView } from '../engine/reader/sentence';
import { type Claim, type ClaimValue, type SourceSentence, type Term } from '../knowledge/types';
import { agentsIn, passiveAgentsIn } from './agents';
import { figureClaims } from './figures';
import { countNames, isDistinctive, type Name, namesIn } from './names';
import { listsIn } from './lists';
import { isContentWord } from './measures';
import { objectsIn } from './objects';
import { type Passage } from './passages';
import { readPassages, type ReportSentence } from './reading';
import { bylineRole, type ExtractedRole, rolesIn } from './roles';
import { stancesIn } from './stances';
import { ReportTerms } from './terms';

export interface Extraction {
  claims: Claim[];
  terms: Term[];
  /** The body sentences as written: what a memo sentence echoing one is compared with. */
  sentences: SourceSentence[];
}

export interface ExtractOptions {
  /** The report's year: resolves "last year" and "this year". */
  year?: number;
  file: string;
}

export function extractClaims(key: string, passages: readonly Passage[], options: ExtractOptions): Extraction {
  const sentences = readPassages(passages);
  const counts = countNames(sentences);
  // A name written in a couple of sentences pins their facts down; others speak of the report at large.
  const names = [...counts.sentences.keys()];
  const throughout = names.filter((name) => !isDistinctive(counts, name));
  const distinctive = names.filter((name) => isDistinctive(counts, name));
  const terms = new ReportTerms(key, options.file);
  const claims: Claim[] = [];
  const add = (
    at: { locator: string; line: number; text: string },
    claim: Pick<Claim, 'about' | 'value'> & Partial<Claim>,
  ): void => {
    claims.push({
      id: `${key}/x${claims.length + 1}`,
      source: key,
      locator: at.locator,
      // The report's sentence in full is what it states: hovers and messages quote it whole.
      statement: at.text,
      property: claim.about.length > 0 ? 0 : -1,
      subject: claim.about.length > 1 ? 1 : -1,
      extracted: true,
      identity: 'weak',
      quote: at.text,
      origin: { file: options.file, line: at.line, character: 0 },
      ...claim,
    });
  };
  const addRole = (at: { locator: string; line: number; text: string }, role: ExtractedRole): void => {
    const person = terms.named(role.person, 'person', at.locator);
    const org = role.org ? terms.named(role.org, 'organisation', at.locator) : undefined;
    person.definition = `${person.term}: ${role.title}${role.org ? ` at ${role.org}` : ''} (${key} ${at.locator}).`;
    const value: ClaimValue = { kind: 'role', role: { person: person.id, title: role.title, org: org?.id } };
    add(at, { about: [[person.id]], value, identity: 'certain' });
  };
  sentences.forEach((sentence, i) => {
    // A sentence opening with a pronoun goes on about what the one before it in its paragraph named:
    // its claims (figures, lists, objects, agents) quote both, so that a memo naming what the first
    // named ("a leak from a Chinese company") is held to them.
    const before = sentences[i - 1];
    const antecedents = before?.locator === sentence.locator ? antecedentsOf(sentence, before) : [];
    const paragraphBefore = before?.locator === sentence.locator ? before.view : undefined;
    const at = antecedents.length > 0 ? { ...sentence, text: `${before.text} ${sentence.text}` } : sentence;
    // A figure after "The target is …" keeps what its own words set apart, and may also be of what
    // the sentence before named: both are claims.
    const definite = antecedents.length > 0 && !lexicon.subjectPronouns.has(sentence.view.words[0] ?? '');
    const figures = figureClaims(sentence, counts, options.year, definite ? [] : antecedents, paragraphBefore);
    if (definite) {
      const seen = new Set(figures.map((f) => JSON.stringify([f.about, f.value])));
      for (const f of figureClaims(sentence, counts, options.year, antecedents, paragraphBefore)) {
        if (!seen.has(JSON.stringify([f.about, f.value]))) figures.push(f);
      }
    }
    // "… from 7 to 11 July. This final session of the OEWG marked …": what the next sentence calls
    // this one's event also tells its dates apart.
    const after = sentences[i + 1];
    const renamed = after?.locator === sentence.locator ? renamedBy(after.view) : undefined;
    for (const { unnamed, ...figure } of figures) {
      const dated = renamed && (figure.value.kind === 'date' || figure.value.kind === 'period');
      const about = dated
        ? figure.about.map((group, g) =>
            g === 0 ? [...group, renamed.noun] : /^\d{4}$/.test(group[0] ?? '') ? group : [...group, ...renamed.names],
          )
        : figure.about;
      const quoted = dated ? { ...at, text: `${at.text} ${after.text}` } : at;
      add(quoted, { ...figure, about, reportNames: { throughout, distinctive, unnamed } });
    }
    for (const list of listsIn(sentence.view, counts, paragraphBefore)) {
      add(at, { ...list, reportNames: { throughout, distinctive } });
    }
    for (const agent of [...agentsIn(sentence.view, counts), ...passiveAgentsIn(sentence.view, counts)]) {
      add(at, { ...agent, reportNames: { throughout, distinctive } });
    }
    for (const object of objectsIn(sentence.view, counts, antecedents)) {
      add(at, { ...object, reportNames: { throughout, distinctive } });
    }
    terms.addAcronyms(sentence.text, sentence.locator);
    for (const role of rolesIn(sentence.view)) addRole(sentence, role);
    for (const s of stancesIn(sentence.view, namesIn(sentence.view))) {
      const value: ClaimValue = { kind: 'stance', stance: { predicate: s.predicate, polarity: s.polarity } };
      add(sentence, { about: [[s.subject], [s.object]], value });
    }
  });
  // Bylines in the header ("Lami Kim / Assistant Professor / U.S. Army War College").
  for (const p of passages) {
    if (!p.header) continue;
    // "Presidential Policy Directive 41 (PPD-41): …" as a heading defines its acronym as body text would.
    terms.addAcronyms(p.text, p.locator);
    const role = bylineRole(p.text);
    if (role) addRole({ locator: p.locator, line: p.line ?? 0, text: p.text.split('\n').join(', ') }, role);
  }
  const texts = sentences.map(({ text, locator, line, inPassage }) => ({ text, locator, line, inPassage }));
  return { claims: withOwnersOfNames(withExpansions(claims, terms.all)), terms: terms.all, sentences: texts };
}

/**
 * "EU CIT" in a claim's names, where the report expands CIT: "EU Cybersecurity Incident Taxonomy" is the
 * same name, so a memo writing the expansion is on the same thing.
 */
function withExpansions(claims: Claim[], terms: readonly Term[]): Claim[] {
  const expansions = new Map(
    terms.filter((t) => t.kind === 'acronym' && t.expansion).map((t) => [t.term, t.expansion!] as const),
  );
  if (expansions.size === 0) return claims;
  const expand = (phrase: string): string[] => {
    const words = phrase.split(' ');
    const at = words.findIndex((w) => expansions.has(w));
    if (at < 0 || words.length === 1) return [phrase];
    return [phrase, [...words.slice(0, at), expansions.get(words[at])!, ...words.slice(at + 1)].join(' ')];
  };
  return claims.map((c) => ({ ...c, about: c.about.map((group) => [...new Set(group.flatMap(expand))]) }));
}

/** Most words of the noun after "This" that renames the sentence before's event ("final session"). */
const maxRenamingWords = 3;

/**
 * "This final session of the Open-Ended Working Group (OEWG) marked …": a sentence opening with
 * "this" and a noun, and the names of its phrase up to its verb, renames what the sentence before
 * described. The noun and the names, if any.
 */
function renamedBy(view: SentenceView): { noun: string; names: string[] } | undefined {
  const { words, tokens } = view;
  if (words[0] !== 'this' || !tokens[1] || tokens[1].raw !== tokens[1].lower) return undefined;
  let k = 1;
  while (k < Math.min(tokens.length, 1 + maxRenamingWords) && isContentWord(view, k) && !view.entityAt(k)) k++;
  if (k === 1 || !lexicon.instanceNounStems.has(tokens[k - 1].norm)) return undefined;
  const noun = words.slice(1, k).join(' ');
  const names: string[] = [];
  if (words[k] === 'of') {
    for (let j = k + 1; j < tokens.length && !lexicon.finiteVerbs.has(words[j]); j++) {
      const e = view.entityAt(j);
      if (e) {
        names.push(view.text.slice(e.start, e.end));
        j = e.last - 1;
      }
    }
  }
  return { noun, names };
}

/** Words a name's "of the" part must have to stand for it alone ("Biden-Harris Administration"). */
const minOwnerWords = 2;

/**
 * "the second State Visit of the Biden-Harris Administration": a name that is another's "of the" part
 * is also told apart by that part alone, which a memo writes in other words ("a State Visit hosted by
 * the Biden-Harris administration").
 */
function withOwnersOfNames(claims: Claim[]): Claim[] {
  const ownerOf = (phrase: string): string | undefined => {
    const at = phrase.indexOf(' of the ');
    if (at <= 0) return undefined;
    const owner = phrase.slice(at + ' of the '.length);
    const words = owner.split(/\s+/);
    return words.length >= minOwnerWords && words.every((w) => /^\p{Lu}/u.test(w)) ? owner : undefined;
  };
  return claims.map((c) => ({
    ...c,
    about: c.about.map((group, g) =>
      g === 0 ? group : [...new Set(group.flatMap((p) => [p, ownerOf(p)].filter((x): x is string => !!x)))],
    ),
  }));
}

/**
 * The names a sentence opening with a subject pronoun ("It", "They") stands for: those of the
 * sentence before it (a name the report writes everywhere then counts as it does in the sentence).
 */
function antecedentsOf(sentence: ReportSentence, before: ReportSentence): Name[] {
  if (!lexicon.subjectPronouns.has(sentence.view.words[0] ?? '') && !opensWithDefiniteNoun(sentence.view)) return [];
  return namesIn(before.view);
}

/**
 * "The group, linked to …", "The company is …": a sentence opening with "the" and a bare common noun,
 * then a comma or its verb, goes on about what the sentence before named.
 */
function opensWithDefiniteNoun(view: SentenceView): boolean {
  const { words, tokens } = view;
  if (words[0] !== 'the' || tokens.length < 3 || view.entityAt(1) || tokens[1].raw !== tokens[1].lower) return false;
  // "The paper has also benefited …": the report speaking of itself names nothing before.
  if (
    !isContentWord(view, 1) ||
    phraseAt(lexicon.documentGenres, words, 1) ||
    phraseAt(lexicon.sourceNouns, words, 1)
  ) {
    return false;
  }
  const next = words[2];
  return (
    view.gapBefore(2).includes(',') ||
    lexicon.auxiliaries.has(next) ||
    lexicon.copulas.has(next) ||
    lexicon.finiteVerbs.has(next)
  );
}
