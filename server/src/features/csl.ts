// Formats CSL-JSON items as references and short citations. A small formatter for the item types
// memos cite (reports, articles, books, chapters, web pages) in Chicago author-date and APA.
import { CslDate, CslItem, CslName } from '../knowledge/types';

export type ReferenceStyle = 'chicago-author-date' | 'apa';

function year(date: CslDate | undefined): string {
  const part = date?.['date-parts']?.[0]?.[0];
  if (part !== undefined) return String(part);
  return date?.literal ?? 'n.d.';
}

function nameInverted(n: CslName): string {
  if (n.literal) return n.literal;
  return [n.family, n.given].filter(Boolean).join(', ');
}

function nameDirect(n: CslName): string {
  if (n.literal) return n.literal;
  return [n.given, n.family].filter(Boolean).join(' ');
}

function initials(n: CslName): string {
  if (n.literal) return n.literal;
  const given = (n.given ?? '').split(/[\s-]+/).filter(Boolean).map((g) => `${g[0]}.`).join(' ');
  return [n.family, given].filter(Boolean).join(', ');
}

function joinNames(names: string[], and: string): string {
  if (names.length <= 1) return names.join('');
  if (names.length === 2) return `${names[0]} ${and} ${names[1]}`;
  return `${names.slice(0, -1).join(', ')}, ${and} ${names[names.length - 1]}`;
}

function creators(item: CslItem): CslName[] {
  if (item.author && item.author.length > 0) return item.author;
  if (item.editor && item.editor.length > 0) return item.editor;
  const org = item.publisher ?? item['container-title'];
  return org ? [{ literal: org }] : [];
}

/** "Kim 2023", "Steiner and Manantan 2022": the in-text form. */
export function shortCitation(item: CslItem): string {
  const names = creators(item);
  const family = names.map((n) => n.family ?? n.literal ?? '');
  const who = family.length > 2 ? `${family[0]} et al.` : joinNames(family, 'and');
  return `${who || item.title || item.id} ${year(item.issued)}`.trim();
}

function sentence(text: string | undefined): string {
  if (!text) return '';
  return /[.?!]$/.test(text) ? text : `${text}.`;
}

export function formatReference(item: CslItem, style: ReferenceStyle = 'chicago-author-date'): string {
  const names = creators(item);
  const y = year(item.issued);
  const title = item.title ?? item.id;
  const container = item['container-title'];
  const publisher = item.publisher;
  const place = item['publisher-place'];
  const link = item.DOI ? `https://doi.org/${item.DOI}` : item.URL;
  const quotedTitleTypes = new Set(['article', 'article-journal', 'article-magazine', 'article-newspaper', 'chapter', 'paper-conference', 'webpage', 'post', 'post-weblog', 'entry-encyclopedia']);
  if (style === 'apa') {
    const who = joinNames(names.map(initials), '&');
    const parts = [`${who ? who + ' ' : ''}(${y}).`, quotedTitleTypes.has(item.type) ? sentence(title) : `*${sentence(title).replace(/\.$/, '')}*.`];
    if (item.genre) parts.push(`[${item.genre}].`);
    if (container) parts.push(`*${container}*.`);
    if (publisher && publisher !== who) parts.push(sentence(publisher));
    if (link) parts.push(link);
    return parts.join(' ');
  }
  // Chicago inverts the first name only, and keeps the comma before "and" even for two.
  const rest = names.slice(1).map(nameDirect);
  const who = names.length === 0 ? '' : names.length === 1 ? nameInverted(names[0]) : `${[nameInverted(names[0]), ...rest.slice(0, -1)].join(', ')}, and ${rest[rest.length - 1]}`;
  const parts = [sentence(who), `${y}.`];
  parts.push(quotedTitleTypes.has(item.type) ? `“${sentence(title)}”` : `*${sentence(title).replace(/\.$/, '')}*.`);
  if (item.genre) parts.push(sentence(item.genre));
  if (item['event-title']) parts.push(sentence(`Presented at ${item['event-title']}`));
  if (container) parts.push(`*${container}*.`);
  const pub = [place, publisher].filter(Boolean).join(': ');
  if (pub) parts.push(sentence(pub));
  if (link) parts.push(sentence(link));
  return parts.filter(Boolean).join(' ');
}
