// Word tables keyed by text from documents. A plain object literal inherits Object.prototype, so
// `"constructor" in units` is true and `irregular["toString"]` is a function; these tables have no
// prototype, so only their own entries are keys (and "__proto__" is an ordinary key).

export function wordTable<T>(entries: Record<string, T> = {}): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, entries);
}
