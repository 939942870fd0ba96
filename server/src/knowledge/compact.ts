// Knowledge entries are kept for the life of the server, and a large base has 100,000 claims, so
// what a parser hands back is copied into a compact form once, at load:
// - strings a parser cuts out of a file (V8 "sliced strings") keep the whole file text alive; a
//   kept string is copied out of it;
// - phrases, keys and locators repeat across thousands of entries; each is stored once, and so is
//   each anchor group (a claim's list of alternative phrases), shared by every claim that has it;
// - arrays a parser grew by pushing have spare capacity; copies are exactly sized.

export class KnowledgePool {
  private readonly words = new Map<string, string>();
  private readonly groups = new Map<string, readonly string[]>();

  /** A copy of `s` that does not keep the text it was cut from alive. */
  own(s: string): string {
    // Concatenation makes a new flat string when the slice is taken; V8 copies short strings anyway.
    return s.length < 13 ? s : ` ${s}`.slice(1);
  }

  /** A string that recurs across entries (a key, a phrase, a locator, a unit): one copy for all. */
  word(s: string): string {
    let kept = this.words.get(s);
    if (kept === undefined) {
      kept = this.own(s);
      this.words.set(kept, kept);
    }
    return kept;
  }

  /** An anchor group, shared by every entry that lists the same phrases in the same order. */
  group(phrases: readonly string[]): readonly string[] {
    const key = phrases.join('\u0001');
    let kept = this.groups.get(key);
    if (kept === undefined) {
      kept = Object.freeze(phrases.map((p) => this.word(p)));
      this.groups.set(key, kept);
    }
    return kept;
  }

  /** A deep copy of plain data (a claim's value) with recurring strings pooled and arrays sized. */
  plain<T>(value: T): T {
    if (typeof value === 'string') return this.word(value) as T;
    if (Array.isArray(value)) return value.map((v: unknown) => this.plain(v)) as T;
    if (value !== null && typeof value === 'object') {
      const copy: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) if (v !== undefined && k !== '__proto__') copy[k] = this.plain(v);
      return copy as T;
    }
    return value;
  }
}
