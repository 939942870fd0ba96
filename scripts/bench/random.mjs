// A small seeded random generator, so that every bench run generates the same memos and the same
// synthetic knowledge (the numbers then differ only by the code under test and the machine).

/** mulberry32: fast, 32-bit state, good enough for test data. */
export function createRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min, max) => min + Math.floor(next() * (max - min + 1));
  const pick = (list) => list[Math.floor(next() * list.length)];
  const chance = (p) => next() < p;
  /** Picks `n` distinct items (or all of them when the list is shorter). */
  const sample = (list, n) => {
    const copy = [...list];
    const out = [];
    while (out.length < n && copy.length > 0) out.push(copy.splice(Math.floor(next() * copy.length), 1)[0]);
    return out;
  };
  /** Picks by weight: `weighted([['a', 3], ['b', 1]])`. */
  const weighted = (entries) => {
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let r = next() * total;
    for (const [value, w] of entries) {
      r -= w;
      if (r < 0) return value;
    }
    return entries[entries.length - 1][0];
  };
  return { next, int, pick, chance, sample, weighted };
}

export const capitalize = (s) => s.charAt(0).toUpperCase() + s.slice(1);
