// Generates realistic policy memos of a given length for the benchmark: front matter, headings,
// paragraphs, bullet and numbered lists, tables, figures with captions, block quotes, footnotes,
// a code block, acronyms (expanded on first use, mostly), Pandoc citations ([@key, p. 3],
// [@a; @b], in-text @key) and sentences that restate the knowledge base's claims (right or wrong
// value) so the checker does its real work: anchor matching, value extraction and judging.
//   node scripts/bench/memo.mjs WORDS OUT_FILE [KNOWLEDGE_DIR]...   (or import { generateMemo })
// The vocabulary comes from a lexicon: the bundled knowledge (read from knowledge/) plus, for the
// synthetic knowledge bases, the generated sources, terms and claims (scripts/bench/knowledge.mjs).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { capitalize, createRandom } from './random.mjs';
import {
  adjectives,
  cities,
  connectives,
  familyNames,
  headings,
  hedges,
  monthNames,
  nouns,
  ordinalWords,
  places,
  quantifierWords,
  stanceVerbs,
  verbs,
} from './words.mjs';

/** The vocabulary of one knowledge folder as read from disk (used for the small bundled one). */
export function lexiconFromFolder(dir) {
  const lexicon = { sourceKeys: [], terms: [], claims: [] };
  for (const name of readdirSync(dir).sort()) {
    if (name.endsWith('.json') && !name.endsWith('.schema.json')) {
      lexicon.sourceKeys.push(...JSON.parse(readFileSync(join(dir, name), 'utf8')).map((s) => s.id));
    }
    if (/^glossary.*\.ya?ml$/.test(name)) lexicon.terms.push(...parse(readFileSync(join(dir, name), 'utf8')).terms);
  }
  for (const name of readdirSync(join(dir, 'claims')).sort()) {
    const data = parse(readFileSync(join(dir, 'claims', name), 'utf8'));
    for (const claim of data.claims) lexicon.claims.push({ ...claim, source: data.source });
  }
  return lexicon;
}

/** The vocabulary of generated knowledge (generateKnowledge's result), without reading it back. */
export function lexiconFromGenerated({ sources, terms, claimsBySource }) {
  const claims = [];
  for (const [source, list] of claimsBySource) for (const c of list) claims.push({ ...c, source });
  return { sourceKeys: sources.map((s) => s.id), terms, claims };
}

/**
 * A memo of about `words` words. `lexicons` are mixed with the given weights: a memo written
 * against a large knowledge base draws on a subset of its sources (about one per 80 words), as an
 * analyst's memo cites tens to hundreds of sources, not thousands.
 */
export function generateMemo(words, lexicons, seed = 11) {
  const rnd = createRandom(seed * 104729 + words);
  // Narrow each lexicon to the sources this memo draws on.
  const parts = lexicons.map(({ lexicon, weight }) => {
    const wanted = Math.max(2, Math.round(words / 80));
    const keys = lexicon.sourceKeys.length <= wanted ? lexicon.sourceKeys : rnd.sample(lexicon.sourceKeys, wanted);
    const keySet = new Set(keys);
    const claims = lexicon.claims.filter((c) => keySet.has(c.source) && c.about?.length);
    const terms = lexicon.terms.filter((t) => !t.sources?.length || t.sources.some((s) => keySet.has(s.key)));
    return { weight, keys, claims, terms, termById: new Map(lexicon.terms.map((t) => [t.id, t])) };
  });
  const part = () => rnd.weighted(parts.map((p) => [p, p.weight]));
  const expanded = new Set();
  const footnotes = [];
  let figure = 0;
  let table = 0;

  /** A phrase for an anchor: a glossary id becomes one of the term's surface forms. */
  const surface = (p, phrase) => {
    const term = p.termById.get(phrase);
    if (!term) return phrase;
    return rnd.pick([term.term, ...(term.expansion ? [term.expansion] : []), ...(term.aliases ?? [])]);
  };
  const termMention = (term) => {
    if (term.kind === 'acronym' && term.expansion) {
      if (!expanded.has(term.id) && rnd.chance(0.75)) {
        expanded.add(term.id);
        return `the ${term.expansion} (${term.term})`;
      }
      return rnd.chance(0.85) ? `the ${term.term}` : `the ${term.expansion}`;
    }
    return term.term;
  };
  const citation = (p, key) => {
    const r = rnd.next();
    if (r < 0.02) return `[@${key.slice(0, -1)}${key.slice(-1) === 'x' ? 'y' : 'x'}]`; // a typo: an unknown key
    if (r < 0.12 && p.keys.length > 1) return `[@${key}; @${rnd.pick(p.keys)}]`;
    if (r < 0.45) return `[@${key}, p. ${rnd.int(2, 240)}]`;
    if (r < 0.55) return `[see @${key}, ch. ${rnd.int(1, 12)}]`;
    return `[@${key}]`;
  };
  const hedge = () => (rnd.chance(0.5) ? `${rnd.pick(hedges)} ` : '');
  const np = () => `${rnd.chance(0.5) ? 'the ' : ''}${rnd.pick(adjectives)} ${rnd.pick(nouns)}`;

  /** A sentence restating a claim; the value is right three times in four. */
  const claimSentence = () => {
    const p = part();
    if (p.claims.length === 0) return fillerSentence();
    const claim = rnd.pick(p.claims);
    const phrases = claim.about.map((group) => surface(p, rnd.pick(group)));
    const [subject, topic = rnd.pick(nouns), extra] = phrases;
    const wrong = rnd.chance(0.25);
    const where = extra ? ` in ${extra}` : '';
    let body;
    if (claim.quantity) {
      const q = claim.quantity;
      const v = wrong ? Math.max(1, Math.round(q.value * rnd.pick([0.5, 0.7, 1.3, 1.6]))) : q.value;
      const value =
        q.unit === 'percent'
          ? rnd.chance(0.6)
            ? `${v}%`
            : `${v} per cent`
          : q.unit === 'times'
            ? `${v} times`
            : String(v);
      body =
        q.unit === 'percent'
          ? `${capitalize(hedge())}${value} of ${topic} is linked to ${subject}${where}`
          : `${capitalize(subject)} reported ${hedge()}${value} ${q.unit === 'times' ? 'more' : ''} ` +
            `${topic}${where}`.replace(/\s+/g, ' ');
    } else if (claim.year !== undefined) {
      body =
        `${capitalize(subject)} took up ${topic}${where} in ` +
        `${wrong ? claim.year + rnd.pick([-3, -1, 2, 4]) : claim.year}`;
    } else if (claim.date) {
      const d = claim.date;
      const month = d.month ? monthNames[(wrong ? d.month + 2 : d.month - 1) % 12] : '';
      body = `${capitalize(subject)} agreed on ${topic}${where} in ${month ? `${month} ` : ''}${d.year}`;
    } else if (claim.period) {
      const { from, to } = claim.period;
      body = `${capitalize(subject)} runs its ${topic} plan${where} from ${from} to ${wrong ? to + 3 : to}`;
    } else if (claim.ordinal) {
      const n = wrong ? claim.ordinal + 1 : claim.ordinal;
      body = `${capitalize(subject)} held its ${ordinalWords[n - 1] ?? `${n}th`} meeting on ${topic}${where}`;
    } else if (claim.quantifier) {
      const word = quantifierWords[wrong ? rnd.pick(Object.keys(quantifierWords)) : claim.quantifier] ?? 'some';
      body = `${capitalize(word)} members of ${subject} track ${topic}${where}`;
    } else if (claim.stance) {
      const verbsFor = stanceVerbs[claim.stance.predicate] ?? stanceVerbs.generic;
      const positive = (claim.stance.polarity === 'positive') !== wrong;
      body = `${capitalize(subject)} ${verbsFor[positive ? 0 : 1]} ${topic}${where}`;
    } else if (claim.entity) {
      body =
        `${capitalize(subject)} runs its ${topic} work${where} from ` +
        `${wrong ? rnd.pick(cities) : claim.entity.value}`;
    } else if (claim.role) {
      const org = claim.role.org ? p.termById.get(claim.role.org) : undefined;
      body =
        `${capitalize(subject)}, ${claim.role.title ?? 'a senior official'}${org ? ` at the ${org.term}` : ''}, ` +
        `leads the work on ${plural(rnd.pick(nouns))}`;
    } else {
      body = `${capitalize(subject)} puts ${topic} ahead of ${plural(rnd.pick(nouns))}${where}`;
    }
    const cite = rnd.chance(0.65) ? ` ${citation(p, rnd.chance(0.85) ? claim.source : rnd.pick(p.keys))}` : '';
    return `${body}${cite}.`;
  };

  const termSentence = () => {
    const p = part();
    if (p.terms.length === 0) return fillerSentence();
    const term = rnd.pick(p.terms);
    const mention = termMention(term);
    const templates = [
      () => `${capitalize(mention)} ${rnd.pick(verbs)} ${np()} across ${rnd.pick(places)}`,
      () => `${rnd.pick(connectives)} ${mention} ${rnd.pick(verbs)} ${np()}`,
      () => `Officials in ${rnd.pick(cities)} describe ${mention} as a test of ${np()}`,
      () => `The role of ${mention} in ${np()} remains contested, and its ${rnd.pick(nouns)} is under review`,
    ];
    const cite = rnd.chance(0.3) && term.sources?.length ? ` ${citation(p, term.sources[0].key)}` : '';
    return `${rnd.pick(templates)()}${cite}.`;
  };

  const fillerSentence = () => {
    const templates = [
      () => `${rnd.pick(connectives)} ${np()} ${rnd.pick(verbs)} ${np()} in ${rnd.pick(places)}`,
      () => `${capitalize(np())} ${rnd.pick(verbs)} ${np()}, but ${np()} ${rnd.pick(verbs)} ${np()}`,
      () =>
        `Since ${rnd.int(1998, 2024)}, ${np()} has ${rnd.pick(['grown', 'shrunk', 'stalled', 'shifted'])} by ` +
        `${hedge()}${rnd.int(2, 60)}% in ${rnd.pick(places)}`,
      () => `Interviews in ${rnd.pick(cities)} and ${rnd.pick(cities)} suggest that ${np()} ${rnd.pick(verbs)} ${np()}`,
      () =>
        `A ${rnd.pick(['survey', 'review', 'audit', 'study'])} of ${rnd.int(12, 900)} ` +
        `${plural(rnd.pick(nouns))} found that ${np()} ${rnd.pick(verbs)} ${np()}`,
      () =>
        `${capitalize(np())} is ${rnd.pick(['unlikely', 'likely', 'expected', 'set'])} to ` +
        `${rnd.pick(['change', 'widen', 'narrow', 'hold'])} before ${rnd.int(2026, 2040)}`,
      () => `As ${familyNames[rnd.int(0, familyNames.length - 1)]} notes, ${np()} ${rnd.pick(verbs)} ${np()}`,
    ];
    let s = rnd.pick(templates)();
    if (rnd.chance(0.05)) {
      footnotes.push(
        `${capitalize(np())} is discussed at length in the ` +
          `${rnd.pick(['annex', 'companion paper', 'technical note'])}.`,
      );
      s += `[^${footnotes.length}]`;
    }
    return `${s}.`;
  };

  const inTextCitation = () => {
    const p = part();
    if (p.keys.length === 0) return fillerSentence();
    return (
      `As @${rnd.pick(p.keys)} ${rnd.pick(['argues', 'shows', 'notes', 'finds'])}, ${np()} ${rnd.pick(verbs)} ` +
      `${np()}.`
    );
  };
  const figureSentence = () =>
    `${rnd.chance(0.5) ? `Figure ${Math.max(1, figure)}` : `Table ${Math.max(1, table)}`} ` +
    `${rnd.pick(['shows', 'compares', 'summarises'])} ${np()} by ` +
    `${rnd.pick(['country', 'year', 'sector', 'region'])}.`;

  const sentence = () =>
    rnd.weighted([
      [claimSentence, 28],
      [termSentence, 20],
      [fillerSentence, 42],
      [inTextCitation, 5],
      [figureSentence, 5],
    ])();

  const blocks = [];
  let count = 0;
  const add = (text) => {
    blocks.push(text);
    count += text.split(/\s+/).filter(Boolean).length;
  };
  add(
    `---\ntitle: "${capitalize(np())} in ${rnd.pick(places)}: options for ${rnd.int(2026, 2030)}"\nauthor: ` +
      `Policy Lens benchmark memo\ndate: 2026-01-15\n---`,
  );
  add(`# ${capitalize(np())} and ${np()}`);
  add(`**Summary.** ${Array.from({ length: 4 }, sentence).join(' ')}`);
  let section = 0;
  let sinceHeading = 0;
  while (count < words) {
    if (sinceHeading === 0 || sinceHeading > rnd.int(250, 450)) {
      section++;
      add(
        rnd.chance(0.7) || section === 1
          ? `## ${section}. ${rnd.pick(headings)}`
          : `### ${rnd.pick(headings)}: ${np()}`,
      );
      sinceHeading = 1;
      continue;
    }
    const before = count;
    const kind = rnd.weighted([
      ['paragraph', 70],
      ['bullets', 11],
      ['numbered', 5],
      ['figure', 5],
      ['table', 3],
      ['quote', 3],
      ['code', 1],
      ['link', 2],
    ]);
    if (kind === 'paragraph') {
      add(
        Array.from({ length: rnd.int(3, 6) }, sentence)
          .join(' ')
          .replace(/(.{70,90}?) /g, '$1\n'),
      );
    } else if (kind === 'bullets') add(Array.from({ length: rnd.int(3, 6) }, () => `- ${sentence()}`).join('\n'));
    else if (kind === 'numbered') {
      add(Array.from({ length: rnd.int(3, 5) }, (_, i) => `${i + 1}. ${sentence()}`).join('\n'));
    } else if (kind === 'figure') {
      figure++;
      add(
        `![Figure ${figure}: ${np()} in ${rnd.pick(places)}, ` +
          `${rnd.int(2010, 2020)}–${rnd.int(2021, 2025)}](figures/figure-${figure}.png)\n\n*Figure ${figure}.* ` +
          `${capitalize(np())} by ${rnd.pick(['country', 'year', 'sector'])}. Source: ${rnd.pick(familyNames)} ` +
          `(${rnd.int(2015, 2025)}).`,
      );
    } else if (kind === 'table') {
      table++;
      const rows = Array.from(
        { length: rnd.int(3, 6) },
        () =>
          `| ${rnd.pick(places)} | ${rnd.int(1, 99)}% | ${rnd.int(1, 99)}% | ` +
          `${rnd.pick(['rising', 'flat', 'falling'])} |`,
      );
      add(
        `Table ${table}: ${capitalize(np())}, ${rnd.int(2015, 2020)} and ${rnd.int(2021, 2025)}\n\n| Region | ` +
          `${rnd.int(2015, 2020)} | ${rnd.int(2021, 2025)} | Trend |\n| --- | ---: | ---: | --- ` +
          `|\n${rows.join('\n')}`,
      );
    } else if (kind === 'quote') {
      add(
        `> ${sentence()} ${sentence()}\n> — ${rnd.pick(familyNames)}, interview, ` +
          `${monthNames[rnd.int(0, 11)]} ${rnd.int(2019, 2025)}`,
      );
    } else if (kind === 'code') {
      add(
        `\`\`\`text\nindicator,${rnd.int(2015, 2020)},${rnd.int(2021, 2025)}\n` +
          `${rnd.pick(nouns)},${rnd.int(1, 99)},${rnd.int(1, 99)}\n\`\`\``,
      );
    } else {
      add(`See the [${np()} dashboard](https://example.org/${rnd.pick(nouns)}/${rnd.int(1, 999)}) and ${sentence()}`);
    }
    sinceHeading += count - before;
  }
  if (footnotes.length > 0) add(footnotes.map((f, i) => `[^${i + 1}]: ${f}`).join('\n'));
  return `${blocks.join('\n\n')}\n`;
}

function plural(noun) {
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  if (/(s|x|ch|sh)$/.test(noun)) return `${noun}es`;
  return `${noun}s`;
}

export function countWords(text) {
  return text.split(/\s+/).filter(Boolean).length;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [words, out, ...folders] = process.argv.slice(2);
  if (!words || !out) {
    console.error('usage: node scripts/bench/memo.mjs WORDS OUT_FILE [KNOWLEDGE_DIR]...');
    process.exit(2);
  }
  const dirs = folders.length > 0 ? folders : ['knowledge'];
  const text = generateMemo(
    Number(words),
    dirs.map((d) => ({ lexicon: lexiconFromFolder(d), weight: 1 })),
  );
  writeFileSync(out, text);
  console.log(`${out}: ${countWords(text)} words, ${text.length} characters`);
}
