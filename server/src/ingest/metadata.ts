// Metadata for an ingested source: from a sidecar (YAML or CSL-JSON), else from the PDF's own
// metadata and first page, else from the file name; and a Pandoc-style citation key.
import { CslItem } from '../knowledge/types';

export interface MetadataHints {
  fileName: string;
  /** A sidecar's CSL item, if one was found. */
  sidecar?: Partial<CslItem>;
  /** The PDF Info dictionary (Title, Author, CreationDate). */
  pdfInfo?: { Title?: string; Author?: string; CreationDate?: string };
  /** The first lines of the first page. */
  firstLines: string[];
}

function yearFrom(text: string | undefined): number | undefined {
  const m = text ? /(?:^D:)?((?:19|20)\d{2})/.exec(text) : null;
  return m ? Number(m[1]) : undefined;
}

function nameParts(name: string): { family: string; given?: string } {
  const clean = name.replace(/^(Dr\.?|Prof\.?|Professor) +/i, '').trim();
  if (clean.includes(',')) {
    const [family, given] = clean.split(',', 2).map((s) => s.trim());
    return { family, given };
  }
  const parts = clean.split(/\s+/);
  return parts.length === 1
    ? { family: clean }
    : { family: parts[parts.length - 1], given: parts.slice(0, -1).join(' ') };
}

/** A person's name: two or three capitalised words. */
const personName = /^(?:Dr\.?\s+)?(\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}[\p{Ll}'’-]+){1,2})$/u;

export function deriveMetadata(hints: MetadataHints): CslItem {
  const base = hints.fileName.replace(/\.[^.]+$/, '');
  const csl: CslItem = { id: '', type: 'report', ...hints.sidecar } as CslItem;
  const titleLine = hints.firstLines.find((l) => l.trim().length > 12 && !/^(pacific forum|history)/i.test(l.trim()));
  csl.title ??= hints.pdfInfo?.Title?.trim() || titleLine?.trim() || base.replace(/[-_]+/g, ' ');
  if (!csl.author) {
    const author = hints.pdfInfo?.Author?.trim();
    if (author)
      csl.author = author
        .slice(0, 500)
        .split(/;| and /)
        .map((a) => a.trim())
        .filter(Boolean)
        .map(nameParts);
    else {
      // A byline among the first lines: "So Jeong Kim Opinions", "By Jane Doe".
      const byline = hints.firstLines
        .slice(1, 4)
        .map((l) =>
          l
            .replace(/^by\s+/i, '')
            .replace(/\s+(Opinions?|Commentary|Analysis)$/i, '')
            .trim(),
        )
        .find(
          (l) =>
            personName.test(l) &&
            !/\b(Event|Forum|Report|Findings|Session|Virtual|Public|Online|Centre|Center|Institute|University)\b/.test(
              l,
            ),
        );
      if (byline) csl.author = [nameParts(byline)];
    }
  }
  const year = yearFrom(hints.pdfInfo?.CreationDate) ?? yearFrom(base);
  if (!csl.issued && year) csl.issued = { 'date-parts': [[year]] };
  return csl;
}

/** Pandoc users expect author + year: "kim2023". Organisation or unknown authors fall back to the file name. */
export function citationKey(csl: CslItem, fileName: string, taken: ReadonlySet<string>): string {
  const year = csl.issued?.['date-parts']?.[0]?.[0];
  const family = csl.author?.[0]?.family ?? csl.author?.[0]?.literal;
  const fromName = fileName
    .replace(/\.[^.]+$/, '')
    .split(/[-_\s]+/)
    .find((w) => /^\p{L}/u.test(w));
  const stemWord = (family ?? fromName ?? 'source')
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]/gu, '')
    .toLowerCase();
  const base = `${stemWord}${year ?? ''}`;
  if (!taken.has(base)) return base;
  for (const suffix of 'abcdefghijklmnopqrstuvwxyz') if (!taken.has(base + suffix)) return base + suffix;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}
