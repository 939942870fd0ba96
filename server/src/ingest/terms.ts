// Glossary entries a report gives: the acronyms it expands ("official development assistance
// (ODA)", read by the memo reader's reader/expansions.ts) and the people and organisations it names
// with their posts. Ids are the report's key and the name's slug, so one report never repeats one.
import { acronymExpansions } from '../engine/reader/expansions';
import { type Term } from '../knowledge/types';

export class ReportTerms {
  private readonly byId = new Map<string, Term>();

  constructor(
    private readonly key: string,
    private readonly file: string,
  ) {}

  get all(): Term[] {
    return [...this.byId.values()];
  }

  /** Acronyms the sentence expands. */
  addAcronyms(sentence: string, locator: string): void {
    for (const e of acronymExpansions(sentence)) {
      const id = `${this.key}-${slug(e.acronym)}`;
      if (this.byId.has(id)) continue;
      this.byId.set(id, {
        id,
        term: e.acronym,
        kind: 'acronym',
        expansion: e.expansion,
        aliases: [e.expansion],
        definition: `${e.acronym} stands for ${e.expansion} (as used in ${this.key}, ${locator}).`,
        sources: [{ key: this.key, locator }],
        expandOnFirstUse: true,
        origin: { file: this.file, line: 0, character: 0 },
      });
    }
  }

  /** The entry for a person or organisation, made on first mention. */
  named(name: string, kind: 'person' | 'organisation', locator: string): Term {
    const id = `${this.key}-${slug(name)}`;
    let term = this.byId.get(id);
    if (!term) {
      term = {
        id,
        term: name,
        kind,
        aliases: [],
        definition: `${name}, named in ${this.key} (${locator}).`,
        sources: [{ key: this.key, locator }],
        expandOnFirstUse: false,
        origin: { file: this.file, line: 0, character: 0 },
      };
      this.byId.set(id, term);
    }
    return term;
  }
}

/** Lower-case letters and digits joined by hyphens, at most 60 characters. */
function slug(text: string): string {
  let out = '';
  for (const c of text.normalize('NFKD').toLowerCase()) {
    const plain = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (plain) out += c;
    else if (out.length > 0 && !out.endsWith('-')) out += '-';
  }
  return out.replace(/-$/, '').slice(0, 60) || 'x';
}
