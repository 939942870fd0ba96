// Every message a user reads about a claim, written here and nowhere else: a verdict in, the
// finding's message, the value a quick fix writes, and the words as the memo wrote them out.
import { type Claim, type QuantityValue } from '../../knowledge/types';
import { lexicon } from '../lexicon';
import { type NumberMention } from '../values';
import { isDigit } from '../text/tokens';
import { type Verdict } from './verdict';

export interface Finding {
  verdict: 'contradiction' | 'support';
  claim: Claim;
  /** Offsets of the contradicted words (or of the supporting mention). */
  start: number;
  end: number;
  message: string;
  /** The sourced value, written as the memo should have it: what a quick fix inserts. */
  replacement?: string;
  /** The value as the memo wrote it. */
  written?: string;
  /** How many of the sentence's words the claim's identity covers: ranks supporting sources. */
  coverage?: number;
}

function cite(claim: Claim): string {
  return `${claim.source} (${claim.locator})`;
}

function formatNumber(value: number, unit: string, approx?: boolean, bound?: string): string {
  const n = Number.isInteger(value) ? value.toLocaleString('en-US') : String(Math.round(value * 10) / 10);
  const body = unit === 'percent' ? `${n}%` : unit === 'times' ? `${n} times` : n;
  const prefix =
    bound === 'over'
      ? 'over '
      : bound === 'under'
        ? 'under '
        : bound === 'at-least'
          ? 'at least '
          : bound === 'at-most'
            ? 'at most '
            : approx
              ? 'about '
              : '';
  return prefix + body;
}

function formatQuantity(q: QuantityValue): string {
  if (q.unit === 'money' && q.currency) return formatMoney(q, q.currency);
  return formatNumber(q.value, q.unit, q.approx, q.bound) + (q.of ? ` of ${q.of}` : '');
}

/** Scales an amount of money is written in: "$325 million", not "325,000,000 USD". */
const moneyScales: readonly [number, string][] = [
  [1e12, 'trillion'],
  [1e9, 'billion'],
  [1e6, 'million'],
];

/** "€844 billion", "A$10 billion", "20 billion KRW": the currency's sign when it has one, else its code. */
function formatMoney(q: QuantityValue, currency: string): string {
  const scale = moneyScales.find(([factor]) => q.value >= factor);
  const amount = scale ? formatNumber(q.value / scale[0], 'count', q.approx, q.bound) + ` ${scale[1]}` : undefined;
  const written = amount ?? formatNumber(q.value, 'count', q.approx, q.bound);
  const sign = Object.entries(lexicon.currencies).find(([word, code]) => code === currency && isSign(word))?.[0];
  if (!sign) return `${written} ${currency}`;
  // The sign goes before the figure, after a bound or hedge: "over $100 million".
  const at = [...written].findIndex(isDigit);
  return written.slice(0, at) + sign + written.slice(at);
}

/** "$", "A$", "€": a currency written with a symbol, not a word. */
function isSign(word: string): boolean {
  return word.length <= 3 && [...word].some((c) => c.toLowerCase() === c.toUpperCase() && !isDigit(c));
}

export function formatDate(d: { year?: number; month?: number; day?: number; lastDay?: number }): string {
  const month = d.month ? lexicon.monthNames[d.month - 1] : undefined;
  const days = d.day && d.lastDay ? `${d.day}–${d.lastDay}` : d.day;
  if (month && days && d.year) return `${month} ${days}, ${d.year}`;
  if (month && d.year) return `${month} ${d.year}`;
  if (month && days) return `${month} ${days}`;
  if (month) return month;
  return String(d.year);
}

function ordinalSuffix(n: number): string {
  const mod100 = n % 100;
  if (mod100 >= 11 && mod100 <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

const ordinalNames = Object.entries(lexicon.ordinalWords).reduce<string[]>((acc, [w, n]) => ((acc[n] = w), acc), []);

/** The sourced ordinal written the way the memo wrote its own ("third", "3rd", "#3"). */
export function writeOrdinal(n: number, written: string, words: boolean): string {
  const replacement = words && ordinalNames[n] ? ordinalNames[n] : /^#/.test(written) ? `#${n}` : ordinalSuffix(n);
  return matchCase(replacement, written);
}

/**
 * The sourced value written the way the memo wrote its own ("78 percent", "78%", "50x"); an amount
 * keeps the memo's currency and scale ("$5.8 million" corrected to "$8.5 million", not "8500000").
 */
export function writeLike(raw: string, memo: NumberMention, value: number, unit: string, currency?: string): string {
  const written = raw.slice(memo.valueStart, memo.valueEnd);
  if (unit === 'percent') return /percent|per cent/i.test(written) ? `${value} percent` : `${value}%`;
  if (unit === 'times') return /x$/i.test(written) ? `${value}x` : `${value} times`;
  // The digits as written: "5.8" in "$5.8 million", "10,000" in "10,000 members".
  const digits = /\d[\d,]*(?:\.\d+)?/.exec(written);
  const number = digits ? Number(digits[0].replace(/,/g, '')) : 0;
  // Another currency, or a figure in words ("five million"), is written as the source has it.
  if (!digits || !(number > 0) || memo.currency !== currency) return String(value);
  const scaled = Number((value / (memo.value / number)).toPrecision(12));
  const digitsOut = digits[0].includes(',') ? scaled.toLocaleString('en-US') : String(scaled);
  return written.slice(0, digits.index) + digitsOut + written.slice(digits.index + digits[0].length);
}

export function matchCase(replacement: string, written: string): string {
  return /^\p{Lu}/u.test(written) ? replacement.charAt(0).toUpperCase() + replacement.slice(1) : replacement;
}

/** The memo's words as quoted inside a message: a sentence-initial hedge loses its capital. */
function quoted(written: string): string {
  const first = written.split(/\s+/)[0]?.toLowerCase() ?? '';
  return lexicon.hedges.some((h) => h.words[0] === first)
    ? written.charAt(0).toLowerCase() + written.slice(1)
    : written;
}

/** The source's words after a message: a claim read from a report quotes its sentence in full. */
function sourceWords(claim: Claim): string {
  if (!claim.quote) return '';
  return claim.extracted ? ` The source reads: “${claim.quote}”` : ` The source: “${claim.quote}”.`;
}

/**
 * How a message on a value ends: what the source says, so that the user need not open it. A claim
 * read from a report quotes its sentence; a curated claim gives its statement and the source's words.
 */
function whatItSays(claim: Claim): string {
  return claim.extracted ? `.${sourceWords(claim)}` : `: ${says(claim)}`;
}

/** The source's own words, when the knowledge base has them, else the claim in ours. */
function says(claim: Claim): string {
  // An extracted claim's statement is the report's sentence itself: quoted once, in full.
  if (claim.extracted) return `the source reads: “${claim.quote ?? claim.statement}”`;
  return claim.quote ? `${claim.statement} (the source: “${claim.quote}”)` : claim.statement;
}

/** Names joined as prose ("A, B and C"), each once: a claim may give one side under two spellings. */
function list(all: readonly string[]): string {
  const names = [...new Map(all.map((n) => [n.toLowerCase(), n])).values()];
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** A contradicting verdict as the finding users see. */
export function renderContradiction(v: Verdict): Finding {
  const claim = v.claim;
  const d = v.detail;
  const at = cite(claim);
  const base = { verdict: 'contradiction' as const, claim, start: v.start, end: v.end, coverage: v.coverage };
  switch (d.kind) {
    case 'quantity':
      return {
        ...base,
        message: `${at} puts this at ${formatQuantity(d.sourced)}, not ${quoted(d.written)}${whatItSays(claim)}`,
        replacement: d.replacement,
        written: d.written,
      };
    case 'date': {
      const zone = d.zone ? ` (${d.zone} time)` : '';
      return {
        ...base,
        message: `${at} dates this to ${formatDate(d.sourced)}${zone}, not ${d.written}${whatItSays(claim)}`,
        replacement: d.replacement,
        written: d.written,
      };
    }
    case 'period':
      return {
        ...base,
        message: `${at} gives the period as ${d.sourced.from}–${d.sourced.to}, not ${d.written}${whatItSays(claim)}`,
        replacement: d.replacement,
        written: d.written,
      };
    case 'ordinal': {
      const written = d.written.replace(/^#/, '');
      return {
        ...base,
        message: `${at} has this as the ${ordinalSuffix(d.sourced)}, not the ${written}${whatItSays(claim)}`,
        replacement: d.replacement,
        written: d.written,
      };
    }
    case 'quantifier': {
      const sourced = d.sourced === 'majority' || d.sourced === 'minority' ? `a ${d.sourced}` : d.sourced;
      return {
        ...base,
        message: `${at} says ${sourced}, not ${quoted(d.written)}: ${says(claim)}`,
        written: d.written,
      };
    }
    case 'stance':
      return { ...base, message: `${at} says otherwise: ${says(claim)}`, written: d.written };
    case 'preference':
      return {
        ...base,
        message: `${at} puts ${list(d.preferred)} ahead of ${list(d.over)}, not the other way round: ${says(claim)}`,
        written: d.written,
      };
    case 'entity':
      return {
        ...base,
        message: `${at} names ${d.sourced}, not ${d.written}: ${says(claim)}`,
        replacement: d.replacement,
        written: d.written,
      };
    case 'author':
      return {
        ...base,
        message: `${at} is by ${d.sourced}, not ${d.written}: ${says(claim)}`,
        replacement: d.sourced,
        written: d.written,
      };
    case 'set':
      return {
        ...base,
        message:
          d.problem === 'foreign'
            ? `${at} lists ${list(d.sourced)}; ${d.written} is not among them: ${says(claim)}`
            : d.problem === 'only'
              ? `${at} says this of ${list(d.sourced)}, not only ${d.written}: ${says(claim)}`
              : `${at} says this of ${list(d.sourced)}, ${d.written} included: ${says(claim)}`,
        written: d.written,
      };
    case 'role': {
      const holder = d.holder ? ` (${cite(d.holder.claim)} gives that post to ${d.holder.person}.)` : '';
      return {
        ...base,
        message: `${at} gives ${d.person} as ${d.sourced}, not ${d.written}${whatItSays(claim)}${holder}`,
        written: d.written,
      };
    }
    case 'name':
      return {
        ...base,
        message: `${at} calls it the ${d.sourced}, not ${d.written}: ${says(claim)}`,
        replacement: d.replacement,
        written: d.written,
      };
    case 'swap':
      return {
        ...base,
        message: `${at} says it the other way round, of ${d.sourced}, not ${d.written}: ${says(claim)}`,
        written: d.written,
      };
    case 'agrees':
      return { ...base, message: '' };
  }
}

export function renderSupport(v: Verdict): Finding {
  return { verdict: 'support', claim: v.claim, start: v.start, end: v.end, message: '', coverage: v.coverage };
}

/** Messages and `written` quote the memo as written ("**90%**"), not the masked prose the checker reads. */
export function asWritten(f: Finding, text: string, raw: string): Finding {
  if (text === raw) return f;
  const masked = text.slice(f.start, f.end);
  const original = raw.slice(f.start, f.end);
  if (masked === original) return f;
  let message = f.message.split(masked).join(original);
  // Markup inside the span ("Nearly **90%**", "[90%](url)"): a fix replacing the whole span would
  // leave half of it. The span becomes the last stretch of plain text in it, the value itself.
  let end = f.end;
  while (end > f.start && text[end - 1] !== raw[end - 1]) end--;
  let start = end;
  while (start > f.start && text[start - 1] === raw[start - 1]) start--;
  while (start < end && /\s/.test(raw[start])) start++;
  if (start >= end) return { ...f, message, written: f.written === undefined ? undefined : original };
  // The message quotes the words without their markup ("not nearly 90%", no dangling "**").
  const plain = masked.replace(/\s+/g, ' ').trim();
  for (const form of [original, lowerFirst(original)]) {
    message = message.split(form).join(form === original ? plain : lowerFirst(plain));
  }
  // Mid-sentence now: "Nearly **About 78%**" would read wrongly capitalised.
  const replacement =
    f.replacement && start > f.start && /^\p{Lu}\p{Ll}/u.test(f.replacement)
      ? lowerFirst(f.replacement)
      : f.replacement;
  return {
    ...f,
    start,
    end,
    message,
    replacement,
    written: f.written === undefined ? undefined : raw.slice(start, end),
  };
}

function lowerFirst(words: string): string {
  return words.charAt(0).toLowerCase() + words.slice(1);
}

/**
 * A figure or date the memo states otherwise earlier: "87% here, but 78% on line 5 (“…78% of rural
 * households…”); the sources support 78%." `supported` is the value the sources bear out, if any.
 */
export function renderInconsistency(
  written: string,
  earlier: { written: string; line: number; context: string; memo?: string },
  supported?: string,
): string {
  const sources = supported ? `; the sources support ${supported}` : '';
  const where = earlier.memo ? `in ${earlier.memo}, line ${earlier.line}` : `on line ${earlier.line}`;
  const there = `${earlier.written} ${where} (“${earlier.context}”)`;
  return `${written} here, but ${there} for the same thing${sources}.`;
}

/** A figure, date or superlative with nothing behind it. */
export function renderUnsourced(kind: 'figure' | 'date' | 'superlative', written: string): string {
  const nothing = 'is stated with no citation or attribution, and the knowledge base says nothing on it';
  return `${written}: this ${kind} ${nothing}.`;
}

/** The earlier mention, as linked from an inconsistency. */
export function renderFirstStatement(written: string): string {
  return `${written}: stated here first`;
}

/** An acronym the memo expands two ways: "WHO is expanded as “Western Health Office” here, but …". */
export function renderExpansionConflict(
  acronym: string,
  written: string,
  earlier: { written: string; line: number },
): string {
  return `${acronym} is expanded as “${written}” here, but as “${earlier.written}” on line ${earlier.line}.`;
}

/** One person given two titles: "Osei is “assistant professor” here, but “associate professor” on line 11." */
export function renderAffiliationConflict(
  name: string,
  written: string,
  earlier: { written: string; line: number },
): string {
  return `${name} is placed at “${written}” here, but at “${earlier.written}” on line ${earlier.line}.`;
}

export function renderTitleConflict(name: string, written: string, earlier: { written: string; line: number }): string {
  return `${name} is “${written}” here, but “${earlier.written}” on line ${earlier.line}.`;
}
