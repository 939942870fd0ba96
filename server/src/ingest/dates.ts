// Dates as reports write them on their title page: "June 2024", "26 June 2024", "April 26, 2023",
// "2024-06-26", after a publisher or series ("RUSI Policy Brief, May 2025"); and a PDF's own dates
// ("D:20240626000000Z").
import { lexicon } from '../engine/lexicon';

/** CSL date parts: year, then month and day when known. */
export type DateParts = [number, number?, number?];

/** Longer than this, a line is prose, not a date line. */
const maxDateLineLength = 160;

const isoDate = /((?:19|20)\d{2})-(\d{2})(?:-(\d{2}))?$/;
/** "26 June 2024", "June 26, 2024", "June 2024", "Jun. 2024": a month word and a year ending the line. */
const wordDate = /(?:(\d{1,2})\s+)?(\p{L}+)\.?\s+(?:(\d{1,2})(?:st|nd|rd|th)?,?\s+)?((?:19|20)\d{2})$/u;

const validDay = (day: number | undefined): boolean => day === undefined || (day >= 1 && day <= 31);

/**
 * The date a date line gives: a line that ends with a date, with at most a short label before it
 * (a publisher, a series, "Published"). A sentence ending with a date is not one (it ends with a stop).
 */
export function dateOfLine(line: string): DateParts | undefined {
  const text = line.replace(/[*_]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (text.length > maxDateLineLength) return undefined;
  const iso = isoDate.exec(text);
  if (iso && (iso.index === 0 || /[\s,:|–—·]$/.test(text.slice(0, iso.index)))) {
    const [year, month, day] = [Number(iso[1]), Number(iso[2]), iso[3] ? Number(iso[3]) : undefined];
    return month >= 1 && month <= 12 && validDay(day) ? [year, month, day] : undefined;
  }
  const m = wordDate.exec(text);
  if (!m) return undefined;
  const month = lexicon.months[m[2].toLowerCase()];
  if (!month) return undefined;
  const day = m[1] ? Number(m[1]) : m[3] ? Number(m[3]) : undefined;
  const before = text.slice(0, m.index).trim();
  // The label before the date is short and set off ("CSIS, June 2024"), or a word or two ("Published").
  if (before && !/[,:|–—·-]$/.test(before) && before.split(' ').length > 2) return undefined;
  return validDay(day) ? [Number(m[4]), month, day] : undefined;
}

/** A PDF date ("D:20240626093000+01'00'"), as date parts. */
export function dateOfPdf(value: string | undefined): DateParts | undefined {
  const m = value ? /^(?:D:)?((?:19|20)\d{2})(\d{2})?(\d{2})?/.exec(value.trim()) : null;
  if (!m) return undefined;
  const month = m[2] ? Number(m[2]) : undefined;
  const day = m[3] ? Number(m[3]) : undefined;
  if (month !== undefined && (month < 1 || month > 12)) return [Number(m[1])];
  return [Number(m[1]), month, validDay(day) ? day : undefined];
}

/** The date of a front matter or sidecar value: "2024-06-26", "June 2024", 2024, a Date. */
export function dateOfValue(value: unknown): DateParts | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    return [value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate()];
  }
  if (typeof value === 'number' && Number.isInteger(value) && value > 1000 && value < 3000) return [value];
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const iso = /^((?:19|20)\d{2})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(text);
  if (iso) return [Number(iso[1]), iso[2] ? Number(iso[2]) : undefined, iso[3] ? Number(iso[3]) : undefined];
  return dateOfLine(text);
}
