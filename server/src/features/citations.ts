// Citation keys: finding the closest known keys for a mistyped one.

/** Edit distance, capped: beyond `cap` the exact figure does not matter. */
function editDistance(a: string, b: string, cap = 8): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      rowMin = Math.min(rowMin, current[j]);
    }
    if (rowMin > cap) return cap + 1;
    previous = current;
  }
  return previous[b.length];
}

/** Up to three known keys close to `key`, closest first; prefix matches count as close. */
export function closestKeys(key: string, known: Iterable<string>, limit = 3): string[] {
  const lowered = key.toLowerCase();
  const scored: [string, number][] = [];
  for (const candidate of new Set(known)) {
    const c = candidate.toLowerCase();
    const d = c.startsWith(lowered) || lowered.startsWith(c) ? 1 : editDistance(lowered, c);
    if (d <= Math.max(2, Math.floor(key.length / 3))) scored.push([candidate, d]);
  }
  return scored
    .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([k]) => k);
}
