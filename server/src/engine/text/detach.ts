// Strings kept across edits must not keep old versions of the document alive.

/**
 * `s` in memory of its own. V8 stores a slice of 13 or more characters as a view into the string it
 * was cut from, so a paragraph sliced from a 300 KB memo and kept in a cache keeps that version of
 * the whole memo; after a few hundred edits, hundreds of versions. A concatenation is flattened
 * into fresh memory when it is sliced, and the slice then refers to that copy alone.
 */
export function detached(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}
