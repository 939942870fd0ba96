// Generates a synthetic knowledge folder in the format of knowledge/README.md: CSL-JSON sources,
// glossary YAML and one claims/<key>.yaml per source, with about ten claims and a few glossary
// terms per source. Deterministic for a given size and seed.
//   node scripts/bench/knowledge.mjs N OUT_DIR      (or import { writeKnowledge })
// Large bases are split into several sources-NN.json / glossary-NN.yaml files (the README allows
// any number of them), so that no file comes near the loader's 5 MB per-file limit.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { capitalize, createRandom } from './random.mjs';
import {
  cities,
  conceptHead,
  conceptModifier,
  conceptTail,
  familyNames,
  givenNames,
  monthNames,
  orgField,
  orgFocus,
  orgKind,
  orgScope,
  places,
  stanceVerbs,
  topics,
} from './words.mjs';

/** How a claim's quantifier reads in its statement. */
const quantifierWords = {
  few: 'few',
  minority: 'a minority of',
  some: 'some',
  many: 'many',
  majority: 'a majority of',
  most: 'most',
};

const sourcesPerFile = 2000;
const q = (s) => JSON.stringify(s); // a JSON string is a valid YAML double-quoted scalar

const stripThe = (place) => place.replace(/^the /, '');

/** Builds the knowledge in memory: { sources, terms, claimsBySource }. */
export function generateKnowledge(count, seed = 7) {
  const rnd = createRandom(seed * 7919 + count);
  const keys = new Set();
  const acronyms = new Set();
  const concepts = new Set();
  const people = new Set();
  const sources = [];
  const terms = [];
  const claimsBySource = new Map();

  for (let i = 0; i < count; i++) {
    const family = rnd.pick(familyNames);
    const year = rnd.int(2008, 2025);
    let key = `${family.toLowerCase().replace(/[^a-z]/g, '')}${year}`;
    for (let n = 0; keys.has(key); n++) {
      key = `${family.toLowerCase()}${year}${n < 26 ? String.fromCharCode(97 + n) : `-${n}`}`;
    }
    keys.add(key);

    // Glossary: an organisation or programme acronym, a concept, sometimes a person.
    let expansion;
    let acronym;
    for (let attempt = 0; attempt < 40; attempt++) {
      const words = [
        rnd.pick(orgScope),
        rnd.pick(orgField),
        ...(rnd.chance(0.6) ? [rnd.pick(orgFocus)] : []),
        rnd.pick(orgKind),
      ];
      expansion = words.join(' ');
      acronym = words
        .flatMap((w) => w.split(/[\s-]+/))
        .map((w) => w[0])
        .join('')
        .toUpperCase();
      if (!acronyms.has(acronym)) break;
      acronym = `${acronym}-${attempt + 2}`;
      if (!acronyms.has(acronym)) break;
    }
    acronyms.add(acronym);
    const acronymId = `${acronym.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${i}`;
    const locator = () => `¶${rnd.int(1, 24)}`;
    terms.push({
      id: acronymId,
      term: acronym,
      kind: 'acronym',
      expansion,
      aliases: [expansion],
      definition:
        `A ${rnd.pick(['body', 'programme', 'forum', 'network'])} that works on ` +
        `${expansion.split(' ').slice(1, -1).join(' ').toLowerCase()} across ${rnd.pick(places)}. ` +
        `${capitalize(key)} describes its mandate and membership.`,
      sources: [{ key, locator: locator() }],
    });
    let concept;
    for (let attempt = 0; attempt < 40; attempt++) {
      concept = [rnd.pick(conceptModifier), rnd.pick(conceptHead), rnd.pick(conceptTail)].filter(Boolean).join(' ');
      if (!concepts.has(concept)) break;
      concept = `${concept} ${rnd.pick(['approach', 'principle', 'practice', 'test', 'rule', 'benchmark'])}`;
      if (!concepts.has(concept)) break;
    }
    concepts.add(concept);
    const conceptId = `${concept.replace(/[^a-z0-9]+/g, '-')}-${i}`;
    terms.push({
      id: conceptId,
      term: concept,
      kind: 'concept',
      aliases: [concept.replace(/-/g, ' ')].filter((a) => a !== concept),
      definition:
        `The idea that ${concept.split(' ')[0].replace(/-/g, ' ')} policy should be judged by its ` +
        `${concept.split(' ')[1]}. Used in ${key} to compare national approaches.`,
      sources: [{ key, locator: locator() }],
    });
    let personId;
    if (rnd.chance(0.35)) {
      let name = `${rnd.pick(givenNames)} ${rnd.pick(familyNames)}`;
      while (people.has(name)) name = `${rnd.pick(givenNames)} ${rnd.pick(familyNames)}`;
      people.add(name);
      personId = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${i}`;
      terms.push({
        id: personId,
        term: name,
        kind: 'person',
        definition: `An analyst quoted in ${key}.`,
        sources: [{ key, locator: locator() }],
      });
    }

    // The source itself.
    const authors = Array.from({ length: rnd.int(1, 3) }, (_, k) => ({
      family: k === 0 ? family : rnd.pick(familyNames),
      given: rnd.pick(givenNames),
    }));
    const type = rnd.weighted([
      ['report', 4],
      ['article-journal', 3],
      ['article', 2],
      ['book', 1],
      ['webpage', 1],
    ]);
    const title =
      `${capitalize(concept)} and the ${expansion}: ` +
      `${rnd.pick(['evidence from', 'lessons for', 'options for', 'a review of', 'the case of'])} ` +
      `${rnd.pick(places)}`;
    const csl = {
      id: key,
      type,
      title,
      author: authors,
      issued: { 'date-parts': [rnd.chance(0.5) ? [year, rnd.int(1, 12)] : [year]] },
    };
    if (type === 'article-journal') {
      Object.assign(csl, {
        'container-title': `Journal of ${rnd.pick(orgField)} ${rnd.pick(['Policy', 'Studies', 'Affairs'])}`,
        volume: String(rnd.int(1, 60)),
        page: `${rnd.int(1, 300)}-${rnd.int(301, 400)}`,
      });
    } else {
      csl.publisher =
        `${rnd.pick(cities)} ${rnd.pick(['Institute', 'Centre', 'Forum', 'Council'])} for ${rnd.pick(orgField)} ` +
        `${rnd.pick(['Policy', 'Studies'])}`;
    }
    if (rnd.chance(0.6)) csl.URL = `https://example.org/${key}`;
    sources.push(csl);

    // About ten claims; every claim names this source's own subject plus a topic.
    const claims = [];
    const nClaims = rnd.int(8, 12);
    const place = rnd.pick(places);
    for (let c = 0; c < nClaims; c++) {
      const topic = rnd.pick(topics);
      const subject = rnd.weighted([
        [[acronymId], 5],
        [[conceptId], 3],
        [[stripThe(place)], 2],
      ]);
      const about = [subject, topic];
      if (rnd.chance(0.3)) about.push([stripThe(rnd.pick(places))]);
      const kind =
        personId && c === 0
          ? 'role'
          : rnd.weighted([
              ['quantity', 35],
              ['year', 10],
              ['date', 10],
              ['period', 5],
              ['quantifier', 10],
              ['stance', 15],
              ['entity', 5],
              ['ordinal', 5],
              ['preference', 5],
            ]);
      const subjectName = subject[0] === acronymId ? acronym : subject[0] === conceptId ? concept : subject[0];
      const claim = { id: `${kind}-${c + 1}`, locator: locator(), about };
      const y = rnd.int(1995, 2025);
      switch (kind) {
        case 'quantity': {
          const unit = rnd.weighted([
            ['percent', 6],
            ['count', 3],
            ['times', 1],
          ]);
          const value = unit === 'percent' ? rnd.int(2, 98) : unit === 'times' ? rnd.int(2, 12) : rnd.int(3, 4000);
          claim.quantity = { value, unit, ...(rnd.chance(0.4) ? { approx: true } : {}) };
          claim.statement =
            unit === 'percent'
              ? `About ${value} per cent of ${topic[0]}s tied to the ${subjectName} are in ${place}.`
              : unit === 'times'
                ? `${topic[0]} under the ${subjectName} grew ${value} times over the decade.`
                : `The ${subjectName} counted ${value} ${topic[0]}s.`;
          break;
        }
        case 'year':
          claim.year = y;
          claim.statement = `The ${subjectName} first reported on ${topic[0]} in ${y}.`;
          break;
        case 'date': {
          const month = rnd.int(1, 12);
          claim.date = { year: y, month, ...(rnd.chance(0.5) ? { day: rnd.int(1, 28) } : {}) };
          claim.statement = `The ${subjectName} agreed a ${topic[0]} plan in ${monthNames[month - 1]} ${y}.`;
          break;
        }
        case 'period':
          claim.period = { from: y, to: y + rnd.int(2, 15) };
          claim.statement = `The ${subjectName}'s ${topic[0]} plan runs from ${y} to ${claim.period.to}.`;
          break;
        case 'quantifier': {
          claim.quantifier = rnd.pick(['few', 'minority', 'some', 'many', 'majority', 'most']);
          const members = capitalize(quantifierWords[claim.quantifier]);
          claim.statement = `${members} members of the ${subjectName} track ${topic[0]}.`;
          break;
        }
        case 'stance': {
          const predicate = rnd.pick(Object.keys(stanceVerbs));
          claim.stance = { predicate, polarity: rnd.chance(0.8) ? 'positive' : 'negative' };
          claim.statement =
            `The ${subjectName} ${stanceVerbs[predicate][claim.stance.polarity === 'positive' ? 0 : 1]} ` +
            `${topic[0]} work.`;
          break;
        }
        case 'entity':
          claim.entity = { value: rnd.pick(cities), kind: 'place' };
          claim.statement = `The ${subjectName}'s ${topic[0]} secretariat sits in ${claim.entity.value}.`;
          break;
        case 'ordinal':
          claim.ordinal = rnd.int(1, 9);
          claim.statement = `The latest ${topic[0]} meeting of the ${subjectName} was its number ${claim.ordinal}.`;
          break;
        case 'preference':
          claim.preference = { preferred: [topic[0]], over: [rnd.pick(topics)[0]] };
          claim.statement = `The ${subjectName} puts ${topic[0]} ahead of ${claim.preference.over[0]}.`;
          break;
        case 'role':
          claim.about = [[personId], ['director', 'head', 'chair']];
          claim.role = { person: personId, title: `Director of ${capitalize(topic[0])}`, org: acronymId };
          claim.statement =
            `${terms.find((t) => t.id === personId).term} directs ${topic[0]} work at the ` + subjectName + '.';
          break;
      }
      claims.push(claim);
    }
    claimsBySource.set(key, claims);
  }
  return { sources, terms, claimsBySource };
}

function termYaml(t) {
  const lines = [`  - id: ${t.id}`, `    term: ${q(t.term)}`, `    kind: ${t.kind}`];
  if (t.expansion) lines.push(`    expansion: ${q(t.expansion)}`);
  if (t.aliases?.length) lines.push(`    aliases: [ ${t.aliases.map(q).join(', ')} ]`);
  lines.push(`    definition: >-`, `      ${t.definition}`);
  if (t.sources?.length) {
    lines.push('    sources:', ...t.sources.map((s) => `      - { key: ${s.key}, locator: ${q(s.locator)} }`));
  }
  return lines.join('\n');
}

function valueYaml(claim) {
  for (const kind of ['quantity', 'date', 'period', 'role', 'stance', 'preference', 'entity']) {
    if (claim[kind] === undefined) continue;
    const body = Object.entries(claim[kind])
      .map(([k, v]) => `${k}: ${Array.isArray(v) ? `[ ${v.map(q).join(', ')} ]` : typeof v === 'string' ? q(v) : v}`)
      .join(', ');
    return `    ${kind}: { ${body} }`;
  }
  for (const kind of ['year', 'ordinal', 'quantifier']) {
    if (claim[kind] !== undefined) return `    ${kind}: ${claim[kind]}`;
  }
  throw new Error(`claim ${claim.id} has no value`);
}

function claimsYaml(key, claims) {
  const out = [`# Synthetic claims for the benchmark (scripts/bench/knowledge.mjs).`, `source: ${key}`, 'claims:'];
  for (const c of claims) {
    out.push(`  - id: ${c.id}`, `    locator: ${q(c.locator)}`, `    statement: ${q(c.statement)}`, '    about:');
    for (const group of c.about) out.push(`      - [ ${group.map(q).join(', ')} ]`);
    out.push(valueYaml(c));
  }
  return out.join('\n') + '\n';
}

/** Writes a knowledge folder with `count` synthetic sources to `dir` (replacing it). */
export function writeKnowledge(dir, count, seed = 7) {
  const { sources, terms, claimsBySource } = generateKnowledge(count, seed);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'claims'), { recursive: true });
  const chunks = Math.ceil(sources.length / sourcesPerFile);
  for (let c = 0; c < chunks; c++) {
    const name = chunks === 1 ? '' : `-${String(c + 1).padStart(2, '0')}`;
    const slice = sources.slice(c * sourcesPerFile, (c + 1) * sourcesPerFile);
    writeFileSync(join(dir, `sources${name}.json`), JSON.stringify(slice, null, 1) + '\n');
    const keys = new Set(slice.map((s) => s.id));
    const own = terms.filter((t) => keys.has(t.sources[0].key));
    writeFileSync(
      join(dir, `glossary${name}.yaml`),
      `# Synthetic glossary for the benchmark ` +
        `(scripts/bench/knowledge.mjs).\nterms:\n${own.map(termYaml).join('\n')}\n`,
    );
  }
  for (const [key, claims] of claimsBySource) {
    writeFileSync(join(dir, 'claims', `${key}.yaml`), claimsYaml(key, claims));
  }
  return {
    sources: sources.length,
    terms: terms.length,
    claims: [...claimsBySource.values()].reduce((n, c) => n + c.length, 0),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [count, dir] = process.argv.slice(2);
  if (!count || !dir) {
    console.error('usage: node scripts/bench/knowledge.mjs N OUT_DIR');
    process.exit(2);
  }
  console.log(writeKnowledge(dir, Number(count)));
}
