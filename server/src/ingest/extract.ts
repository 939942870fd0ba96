// Turns a source's passages into typed claims, as a curator would: each figure, year, date and
// ordinal with the words it is attached to ("78% of … exports" → exports) and the rarest names in
// its sentence as anchors; people with their titles and organisations; simple stances. Extracted
// claims carry the sentence they come from, so a warning can quote it.
import { Claim, ClaimValue, Term } from '../knowledge/types';
import { splitSentences } from '../engine/text/sentences';
import {
  DateMention,
  extractValues,
  NumberMention,
  OrdinalMention,
  PeriodMention,
  ValueMention,
  YearMention,
} from '../engine/values';
import { Token, tokenize } from '../engine/text/tokens';
import { Passage } from './passages';

export interface Extraction {
  claims: Claim[];
  terms: Term[];
}

export interface ExtractOptions {
  /** The source's year: resolves "last year" and "this year". */
  year?: number;
  file: string;
}

const stopwords = new Set(
  `a an the of in on at to for from by with and or but as is are was were be been being has have had do does did
this that these those it its their his her our your we they he she them which who whom whose what where when while than then there
here also only just about around nearly almost over under more less most least some any all each every both either neither not no
so such very into onto upon across through during before after above below between among per via can could may might must should
would will shall one two three four five six seven eight nine ten total overall entire whole annual current new other another same
including including up down out off again further once s t its it's already still yet even well`.split(/\s+/),
);

// Words that qualify a noun without naming a topic: skipped in a noun phrase, never the head.
const modifiers = new Set(['total', 'overall', 'entire', 'whole', 'annual', 'current', 'new', 'other', 'all']);
const prepositions = new Set(['through', 'to', 'in', 'from', 'via', 'across', 'into', 'on', 'at', 'by', 'with', 'for']);

// Nouns for events: a sentence that names one is about the event, whatever word a memo uses.
const eventNouns = [
  'session',
  'webinar',
  'dialogue',
  'event',
  'meeting',
  'conference',
  'workshop',
  'seminar',
  'panel',
  'summit',
  'forum',
];

interface Phrase {
  text: string;
  start: number;
  end: number;
}

const titleWords =
  /^(professor|fellow|director|adviser|advisor|president|chair|chairman|head|dean|researcher|analyst|lecturer|ambassador|minister|secretary|moderator|founder|editor|scholar|officer|manager|chief)$/i;
const connectors = new Set(['of', 'the', 'for', 'and', '&', 'on']);
const monthWords = /^(January|February|March|April|May|June|July|August|September|October|November|December)$/;
const sentenceStarters = new Set([
  'The',
  'This',
  'These',
  'That',
  'It',
  'In',
  'On',
  'At',
  'As',
  'A',
  'An',
  'But',
  'And',
  'However',
  'Although',
  'While',
  'Since',
  'Through',
  'Due',
  'Given',
  'Despite',
  'Besides',
  'Apart',
  'Finally',
  'Furthermore',
  'Likewise',
  'Therefore',
  'More',
  'Both',
  'Such',
  'Cyber',
  'Countries',
  'North',
  'South',
  'Korea',
]);

function isCapitalised(t: Token): boolean {
  return /^\p{Lu}/u.test(t.raw) || /^\d+G$/.test(t.raw);
}

/** Capitalised names in a sentence ("South China Sea", "National Intelligence Law"), with their parts. */
function properPhrases(text: string, tokens: readonly Token[]): Phrase[] {
  const out: Phrase[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!isCapitalised(tokens[i])) continue;
    // A capitalised first word is a name only if it is not an ordinary sentence opener.
    if (
      i === 0 &&
      sentenceStarters.has(tokens[i].raw) &&
      !(
        tokens[1] &&
        isCapitalised(tokens[1]) &&
        /^\s$/.test(text.slice(tokens[0].end, tokens[1].start)) &&
        tokens[i].raw !== 'The'
      )
    )
      continue;
    let j = i;
    let last = i;
    while (j + 1 < tokens.length) {
      const gap = text.slice(tokens[j].end, tokens[j + 1].start);
      if (!/^(\s|-|\s&\s|,\s)$/.test(gap) && !/^['’‘]s\s$/.test(gap)) break;
      if (/^['’‘]s\s$/.test(gap)) break;
      const next = tokens[j + 1];
      if (gap === ', ' && !(tokens[j + 2] && isCapitalised(next))) break;
      if (monthWords.test(next.raw)) break;
      if (isCapitalised(next)) last = j + 1;
      else if (!connectors.has(next.lower)) break;
      j++;
    }
    if (last === i && sentenceStarters.has(tokens[i].raw)) continue; // "‘In this region …" after a quote mark
    const whole = {
      text: text.slice(tokens[i].start, tokens[last].end),
      start: tokens[i].start,
      end: tokens[last].end,
    };
    out.push(whole);
    // Parts of a long name are names too: "Indo-Pacific Strategy" in "Indo-Pacific Strategy of Freedom, …".
    const words = tokens.slice(i, last + 1);
    const cut = words.findIndex((t, k) => k > 0 && connectors.has(t.lower));
    if (cut > 0)
      out.push({
        text: text.slice(words[0].start, words[cut - 1].end),
        start: words[0].start,
        end: words[cut - 1].end,
      });
    for (const w of words)
      if (/^(\p{Lu}{2,}|\d+G)$/u.test(w.raw) && words.length > 1) out.push({ text: w.raw, start: w.start, end: w.end });
    i = last;
  }
  return out;
}

function content(t: Token | undefined): boolean {
  return t !== undefined && !stopwords.has(t.lower) && /\p{L}/u.test(t.raw) && !/^\d/.test(t.raw);
}

/** The words a value is attached to: after "of", right after it, or just before it. */
function headPhrase(
  text: string,
  tokens: readonly Token[],
  start: number,
  end: number,
  wide: boolean,
): string | undefined {
  let i = tokens.findIndex((t) => t.start >= end);
  const take = (words: Token[]): string | undefined => {
    const list = words.filter((t) => content(t) && !(isCapitalised(t) && /^['’‘]s/.test(text.slice(t.end, t.end + 2))));
    if (list.length === 0) return undefined;
    return list
      .slice(wide ? -2 : -1)
      .map((t) => t.raw)
      .join(' ')
      .toLowerCase();
  };
  if (i >= 0 && tokens[i].lower === 'times') i++;
  if (i >= 0 && i < tokens.length && tokens[i].lower === 'of') {
    const words: Token[] = [];
    let k = i + 1;
    for (; k < tokens.length && words.length < 6; k++) {
      const gap = text.slice(tokens[k - 1].end, tokens[k].start);
      if (/[,;:.()]/.test(gap)) break;
      const w = tokens[k].lower;
      if (words.length > 0 && stopwords.has(w) && !['the', 'its', 'their'].includes(w) && !modifiers.has(w)) break;
      if (/^\d/.test(w)) {
        words.length = 0;
        continue;
      }
      words.push(tokens[k]);
    }
    // A noun phrase ends before its verb: "natural gas moves through" — a last word followed by a
    // preposition is the verb.
    if (words.length >= 2 && prepositions.has(tokens[k]?.lower ?? '')) words.pop();
    return take(words);
  }
  if (i >= 0 && i < tokens.length && content(tokens[i])) {
    const words: Token[] = [];
    for (let k = i; k < tokens.length && content(tokens[k]) && words.length < 4; k++) {
      if (k > i && /[,;:.()]/.test(text.slice(tokens[k - 1].end, tokens[k].start))) break;
      words.push(tokens[k]);
    }
    return take(words);
  }
  const before = tokens.findIndex((t) => t.start >= start) - 1;
  for (let k = before; k >= 0 && k > before - 4; k--)
    if (content(tokens[k]) && !isCapitalised(tokens[k])) return tokens[k].lower;
  return undefined;
}

export function extractClaims(key: string, passages: readonly Passage[], options: ExtractOptions): Extraction {
  const sentences: { text: string; locator: string; line?: number }[] = [];
  for (const p of passages) {
    if (p.header) continue;
    for (const s of splitSentences(p.text)) {
      sentences.push({ text: p.text.slice(s.start, s.end), locator: p.locator, line: p.line });
    }
  }
  // How common each name is in the source: names in most sentences ("Korea") cannot pin a topic down.
  const frequency = new Map<string, number>();
  const tokensBySentence = sentences.map((s) => tokenize(s.text));
  const phrasesBySentence = sentences.map((s, index) => {
    const phrases = properPhrases(s.text, tokensBySentence[index]);
    for (const name of new Set(phrases.map((p) => p.text.toLowerCase())))
      frequency.set(name, (frequency.get(name) ?? 0) + 1);
    return phrases;
  });
  const common = (name: string): boolean =>
    (frequency.get(name.toLowerCase()) ?? 0) > Math.max(3, sentences.length * 0.35);

  const claims: Claim[] = [];
  const terms = new Map<string, Term>();
  let n = 0;
  // The line of the passage being read: a claim's evidence is that passage of the report.
  let line = 0;
  const add = (locator: string, quote: string, about: string[][], value: ClaimValue, statement: string): void => {
    claims.push({
      id: `${key}/x${++n}`,
      source: key,
      locator,
      statement,
      about,
      property: -1,
      subject: -1,
      value,
      extracted: true,
      quote,
      origin: { file: options.file, line, character: 0 },
    });
  };

  sentences.forEach((sentence, index) => {
    line = sentence.line ?? 0;
    const tokens = tokensBySentence[index];
    const values = extractValues(sentence.text, tokens);
    const names = phrasesBySentence[index];
    const quote = sentence.text.length > 240 ? `${sentence.text.slice(0, 237)}…` : sentence.text;
    for (const v of values) {
      const resolved = resolveRelativeYear(v, sentence.text, options.year);
      if (!resolved) continue;
      // A value glued to a word ("track 2-dialogue", "first-mover") or inside a name ("the Fourth
      // Industrial Revolution") is part of that word or name.
      if (/^-\p{L}/u.test(sentence.text.slice(resolved.end, resolved.end + 2))) continue;
      if (names.some((p) => p.start <= resolved.start && resolved.end <= p.end && p.text.includes(' '))) continue;
      // Names inside the value's own noun phrase ("78% of Korea's exports") belong to the value; the
      // names beside it pin the topic: the two rarest in the source, then the nearest.
      const ownPhraseEnd = nounPhraseEnd(sentence.text, tokens, v.end);
      const overlapping = (p: Phrase): boolean => p.start < ownPhraseEnd && v.start < p.end;
      const salient = names.filter((p) => !overlapping(p) && !common(p.text));
      salient.sort(
        (a, b) =>
          (frequency.get(a.text.toLowerCase()) ?? 0) - (frequency.get(b.text.toLowerCase()) ?? 0) ||
          Math.abs(a.start - v.start) - Math.abs(b.start - v.start),
      );
      let chosen = salient.slice(0, 2);
      // "In this region, 14 of …": a sentence without names of its own refers back to the one before.
      if (chosen.length === 0 && index > 0 && sentences[index - 1].locator === sentence.locator) {
        chosen = phrasesBySentence[index - 1]
          .filter((p) => !common(p.text))
          .sort((a, b) => (frequency.get(a.text.toLowerCase()) ?? 0) - (frequency.get(b.text.toLowerCase()) ?? 0))
          .slice(0, 2);
      }
      // A chosen name brings its parts: "ROK" and "Strengthening ROK-United States Science" with the series title.
      const withParts = chosen.flatMap((c) => [
        c,
        ...names.filter((p) => p !== c && p.start >= c.start && p.end <= c.end),
      ]);
      const salientGroup = [...new Set(withParts.map((p) => p.text))];
      const about: string[][] = [];
      let statementSubject: string;
      if (resolved.kind === 'number' || resolved.kind === 'ordinal') {
        const endOfValue =
          resolved.kind === 'number' && resolved.of !== undefined
            ? endAfterTotal(sentence.text, resolved)
            : resolved.end;
        // A figure needs a name beside it to pin the topic down; an ordinal names the noun right after it.
        if (salientGroup.length === 0) continue;
        if (resolved.kind === 'ordinal' && !content(tokens.find((t) => t.start >= resolved.end))) continue;
        const head = headPhrase(sentence.text, tokens, resolved.start, endOfValue, false);
        if (!head) continue;
        const events = eventNouns.filter((e) => head.split(' ').some((w) => w.startsWith(e)));
        about.push(events.length > 0 ? eventNouns : [head], salientGroup);
        statementSubject = head;
      } else {
        // Years, dates, periods: the name the year belongs to ("National Intelligence Law of 2017",
        // "the 2013 Seoul Cyberspace Conference"), else the event or the nearest names.
        const after = names.find(
          (p) => p.start >= resolved.end && /^\s+$/.test(sentence.text.slice(resolved.end, p.start)),
        );
        const attached =
          names.find(
            (p) => p.end <= resolved.start && /^\s+(?:of\s+)?$/.test(sentence.text.slice(p.end, resolved.start)),
          ) ??
          // "the 2022 Indo-Pacific strategy": a one-word name takes the noun after it.
          (after ? withNoun(sentence.text, tokens, after) : undefined) ??
          // "announced the Indo-Pacific Strategy … in December": the name just before "in <date>".
          [...names]
            .reverse()
            .find(
              (p) =>
                p.end <= resolved.start && /^[\s’'”"]+(?:in|on)\s+$/.test(sentence.text.slice(p.end, resolved.start)),
            );
        const events = eventNouns.filter((e) => tokens.some((t) => t.norm === e || t.norm === `${e}s`));
        if (attached && common(attached.text)) continue;
        if (attached) {
          about.push([
            attached.text,
            ...names
              .filter(
                (p) =>
                  p.start >= attached.start && p.end <= attached.end && p !== attached && p.text.split(' ').length > 1,
              )
              .map((p) => p.text),
          ]);
          statementSubject = attached.text;
        } else if (events.length > 0 && salientGroup.length > 0) {
          about.push(eventNouns, [...new Set(salient.map((p) => p.text))]);
          statementSubject = `the ${events[0]}`;
        } else {
          const noun = nounBefore(tokens, resolved.start);
          if (!noun || salientGroup.length === 0) continue;
          about.push([noun], salientGroup);
          statementSubject = noun;
        }
      }
      const value = toClaimValue(resolved);
      if (!value) continue;
      add(sentence.locator, quote, about, value, `${describeValue(resolved)}: ${statementSubject}`);
    }
    for (const [long, short] of acronymDefinitions(sentence.text)) {
      const id = `${key}-${slug(short)}`;
      if (!terms.has(id)) {
        terms.set(id, {
          id,
          term: short,
          kind: 'acronym',
          expansion: long,
          aliases: [long],
          definition: `${short} stands for ${long} (as used in ${key}, ${sentence.locator}).`,
          sources: [{ key, locator: sentence.locator }],
          expandOnFirstUse: true,
          origin: { file: options.file, line: 0, character: 0 },
        });
      }
    }
    for (const role of extractRoles(sentence.text)) {
      const person = termFor(terms, role.person, 'person', key, sentence.locator);
      const org = role.org ? termFor(terms, role.org, 'organisation', key, sentence.locator) : undefined;
      person.definition = `${person.term}: ${role.title}${role.org ? ` at ${role.org}` : ''} (${key} ${sentence.locator}).`;
      add(
        sentence.locator,
        quote,
        [],
        { kind: 'role', role: { person: person.id, title: role.title, org: org?.id } },
        `${role.person} is ${role.title}${role.org ? ` at ${role.org}` : ''}.`,
      );
    }
    for (const stance of extractStances(sentence.text, names))
      add(
        sentence.locator,
        quote,
        [[stance.subject], [stance.object]],
        { kind: 'stance', stance: { predicate: stance.predicate, polarity: stance.polarity } },
        quote,
      );
  });
  // Name blocks in the header ("Lami Kim / Assistant Professor / U.S. Army War College").
  for (const p of passages.filter((x) => x.header)) {
    const lines = p.text
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    if (
      lines.length === 3 &&
      /^(?:Dr\.?\s+)?\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+){1,2}$/u.test(lines[0]) &&
      lines[1].split(/\s+/).some((w) => titleWords.test(w))
    ) {
      const person = termFor(terms, lines[0], 'person', key, p.locator);
      const org = termFor(terms, lines[2], 'organisation', key, p.locator);
      person.definition = `${person.term}: ${lines[1]} at ${lines[2]} (${key} ${p.locator}).`;
      add(
        p.locator,
        p.text.replace(/\n/g, ', '),
        [],
        { kind: 'role', role: { person: person.id, title: lines[1], org: org.id } },
        `${lines[0]} is ${lines[1]} at ${lines[2]}.`,
      );
    }
  }
  return { claims, terms: [...terms.values()] };
}

/** Where the noun phrase a value starts ends: "78% of Korea's total exports| and …". */
function nounPhraseEnd(text: string, tokens: readonly Token[], from: number): number {
  let k = tokens.findIndex((t) => t.start >= from);
  if (k < 0) return from;
  let end = from;
  if (tokens[k].lower === 'of' || tokens[k].lower === 'times') k++;
  for (let n = 0; k < tokens.length && n < 6; k++, n++) {
    if (n > 0 && /[,;:.()]/.test(text.slice(tokens[k - 1].end, tokens[k].start))) break;
    const w = tokens[k].lower;
    if (stopwords.has(w) && !['the', 'its', 'their'].includes(w) && !modifiers.has(w)) break;
    end = tokens[k].end;
  }
  return end;
}

function withNoun(text: string, tokens: readonly Token[], name: Phrase): Phrase {
  if (name.text.includes(' ')) return name;
  const next = tokens.find((t) => t.start >= name.end);
  if (!next || !content(next) || isCapitalised(next) || !/^\s$/.test(text.slice(name.end, next.start))) return name;
  return { text: text.slice(name.start, next.end), start: name.start, end: next.end };
}

function endAfterTotal(text: string, m: NumberMention): number {
  const total = /^\s+(?:out\s+)?of\s+(?:[^\s\d]+\s+){0,3}\d+/.exec(text.slice(m.end));
  return total ? m.end + total[0].length : m.end;
}

function nounBefore(tokens: readonly Token[], at: number): string | undefined {
  const i = tokens.findIndex((t) => t.start >= at) - 1;
  const words: string[] = [];
  for (let k = i; k >= 0 && k > i - 8; k--) {
    const t = tokens[k];
    if (content(t) && !/ed$/.test(t.raw) && !isCapitalised(t)) {
      words.unshift(t.lower);
      if (words.length === 2) break;
    } else if (words.length > 0) break;
  }
  return words.length > 0 ? words.join(' ') : undefined;
}

/** "December last year" in a 2023 source is December 2022; a year-less date without such words is dropped. */
function resolveRelativeYear(v: ValueMention, text: string, year: number | undefined): ValueMention | undefined {
  if (v.kind !== 'date' || v.year !== undefined) return v;
  const after = text.slice(v.end, v.end + 12).toLowerCase();
  if (year === undefined) return undefined;
  if (/^\s+last year/.test(after)) return { ...v, year: year - 1, end: v.end + after.indexOf('year') + 4 };
  if (/^\s+this year/.test(after)) return { ...v, year, end: v.end + after.indexOf('year') + 4 };
  return undefined;
}

function toClaimValue(v: ValueMention): ClaimValue | undefined {
  switch (v.kind) {
    case 'number':
      // A rank limit ("top 20") or a part of a whole ("ten of them") is no figure of its own.
      if ((v.unit === 'count' && v.value < 2) || v.top || v.subset) return undefined;
      return {
        kind: 'quantity',
        quantity: {
          value: v.value,
          unit: v.unit,
          approx: v.hedge === 'approx' || v.fraction || undefined,
          bound:
            v.hedge === 'over' || v.hedge === 'well-over'
              ? 'over'
              : v.hedge === 'under' || v.hedge === 'well-under'
                ? 'under'
                : v.hedge === 'at-least'
                  ? 'at-least'
                  : v.hedge === 'at-most'
                    ? 'at-most'
                    : undefined,
          of: v.of,
        },
      };
    case 'year':
      return ['before', 'after', 'by', 'until', 'than'].includes(v.preposition ?? '')
        ? undefined
        : { kind: 'year', year: v.year };
    case 'date':
      // Only a date that names its month (and day, if any) exactly is a claim: "late October" is not.
      if (v.year === undefined || (v.months && v.months.lo !== v.months.hi) || (v.days && v.days.lo !== v.days.hi))
        return undefined;
      return { kind: 'date', date: { year: v.year, month: v.months?.lo, day: v.days?.lo } };
    case 'period':
      return { kind: 'period', period: { from: (v as PeriodMention).from, to: (v as PeriodMention).to } };
    case 'ordinal':
      return (v as OrdinalMention).determiner ? { kind: 'ordinal', ordinal: v.value } : undefined;
    default:
      return undefined;
  }
}

function describeValue(v: ValueMention): string {
  switch (v.kind) {
    case 'number':
      return v.unit === 'percent'
        ? `${v.value}%`
        : v.unit === 'times'
          ? `${v.value} times`
          : `${v.value}${v.of ? ` of ${v.of}` : ''}`;
    case 'year':
      return String((v as YearMention).year);
    case 'date': {
      const d = v as DateMention;
      return [d.days?.lo, d.months?.lo, d.year].filter(Boolean).join('/');
    }
    default:
      return v.kind;
  }
}

function slug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'x'
  );
}

function termFor(
  terms: Map<string, Term>,
  name: string,
  kind: 'person' | 'organisation',
  key: string,
  locator: string,
): Term {
  const clean = name
    .replace(/^(Dr\.?|Prof\.?)\s+/, '')
    .replace(/^the\s+/i, '')
    .trim();
  const id = `${key}-${slug(clean)}`;
  let term = terms.get(id);
  if (!term) {
    term = {
      id,
      term: clean,
      kind,
      aliases: [],
      definition: `${clean}, named in ${key} (${locator}).`,
      sources: [{ key, locator }],
      expandOnFirstUse: false,
      origin: { file: key, line: 0, character: 0 },
    };
    terms.set(id, term);
  }
  return term;
}

/** "official development assistance (ODA)", "Cyber capacity building (CCB)": long forms whose initials give the acronym. */
export function acronymDefinitions(sentence: string): [string, string][] {
  const out: [string, string][] = [];
  for (const m of sentence.matchAll(/\(([\p{Lu}][\p{Lu}\p{N}&]{1,9})s?\)/gu)) {
    const acronym = m[1];
    const before = sentence.slice(0, m.index).trimEnd().split(/\s+/);
    // Take as many words back as the acronym has letters (allowing small words in between).
    const words: string[] = [];
    let letters = acronym.replace(/[^\p{Lu}]/gu, '').length;
    for (let k = before.length - 1; k >= 0 && letters > 0 && words.length < 12; k--) {
      const w = before[k].replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
      words.unshift(w);
      if (!/^(of|and|the|for|in|on|&)$/i.test(w)) letters -= w.split('-').length;
    }
    const initials = words
      .filter((w) => !/^(of|and|the|for|in|on|&)$/i.test(w))
      .flatMap((w) => w.split('-'))
      .map((w) => w[0]?.toUpperCase())
      .join('');
    if (letters === 0 && initials === acronym.replace(/[^\p{Lu}]/gu, '')) out.push([words.join(' '), acronym]);
  }
  return out;
}

interface ExtractedRole {
  person: string;
  title: string;
  org?: string;
}

const nameThenTitle =
  /(?:^|[;,.]\s+|\bby\s+)(?:Dr\.?\s+)?(\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+){1,2}),?\s+(?:is\s+(?:a|an|the)\s+)?((?:[\p{Lu}\p{Ll}]+\s+){0,4}?(?:Professor|Fellow|Director|Adviser|Advisor|President|Chair|Head|Researcher|Analyst|Lecturer)(?:\s+of\s+(?:the\s+)?(?:Korea Project|Cybersecurity and Critical Technologies))?)\s+(?:at|of|in|to)\s+(?:the\s+)?([\p{Lu}][^,;.]{2,90}?)(?=\s+and\s+\p{Ll}|[,;.]|$)/gu;

/** "Lami Kim, Assistant Professor at the US Army War College"; "X is a Senior Research Fellow of the Y". */
export function extractRoles(sentence: string): ExtractedRole[] {
  const out: ExtractedRole[] = [];
  for (const m of sentence.matchAll(nameThenTitle)) {
    if (sentenceStarters.has(m[1].split(' ')[0])) continue;
    out.push({ person: m[1], title: m[2].trim(), org: m[3].replace(/\s+$/, '') });
  }
  return out;
}

const stanceVerbs: [RegExp, 'support' | 'bound', 'positive' | 'negative'][] = [
  [/^(?:also\s+)?(?:advocates?|advocated)\s+(?:for\s+)?$/i, 'support', 'positive'],
  [/^(?:also\s+)?(?:supports?|promotes?|backs|champions?|endorses?)\s+$/i, 'support', 'positive'],
  [/^(?:are|is)\s+(?:proponents?|advocates?|supporters?)\s+of\s+(?:the\s+)?$/i, 'support', 'positive'],
  [/^(?:also\s+)?(?:opposes?|rejects?)\s+$/i, 'support', 'negative'],
  [/^(?:are|is)\s+subject\s+to\s+$/i, 'bound', 'positive'],
];

/** "Samsung also advocates for Open RAN": a name, a stance verb, a name. */
function extractStances(
  sentence: string,
  names: Phrase[],
): { subject: string; object: string; predicate: 'support' | 'bound'; polarity: 'positive' | 'negative' }[] {
  const out: { subject: string; object: string; predicate: 'support' | 'bound'; polarity: 'positive' | 'negative' }[] =
    [];
  const ordered = [...names].sort((a, b) => a.start - b.start);
  for (let i = 0; i + 1 < ordered.length; i++) {
    const between = sentence.slice(ordered[i].end, ordered[i + 1].start).replace(/^['’‘]s\s+/, ' ');
    for (const [pattern, predicate, polarity] of stanceVerbs) {
      if (pattern.test(between.trimStart()))
        out.push({ subject: ordered[i].text, object: ordered[i + 1].text, predicate, polarity });
    }
  }
  return out;
}
