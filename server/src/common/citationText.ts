// What Insert Citation types at the cursor and what Export Bibliography says, shared by the client
// and its tests.

/**
 * The text for citing `key` at `character` of `line`: inside an open bracket citation another key
 * (`; @key`), elsewhere a whole citation separated from the word before it by a space, as Pandoc
 * memos write them ("networks [@key]", not "networks[@key]").
 */
export function citationInsertion(line: string, character: number, key: string): string {
  const before = line.slice(0, character);
  const open = before.lastIndexOf('[');
  if (open >= 0 && !before.slice(open).includes(']') && before.slice(open).includes('@')) return `; @${key}`;
  const previous = before[before.length - 1];
  const space = previous !== undefined && !/\s/.test(previous) && previous !== '(' ? ' ' : '';
  return `${space}[@${key}]`;
}

/** Export Bibliography's message: how many sources, in which format, and the pandoc command for this memo. */
export function exportMessage(
  count: number,
  bibtex: boolean,
  exportedFile: string,
  memoFile: string | undefined,
): string {
  const memo = memoFile ? `"${memoFile}"` : 'your memo';
  const format = bibtex ? 'BibTeX' : 'CSL-JSON';
  const command = `pandoc --citeproc --bibliography "${exportedFile}" ${memo}`;
  return `Exported ${count} source(s) as ${format}. Render with: ${command}`;
}
