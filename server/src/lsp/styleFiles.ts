import type { KnowledgeError } from '../knowledge/types';
import { decodeText, readBounded } from '../node/boundedRead';
import type { ReadPolicy } from '../node/readPolicy';

const maxStyleBytes = 5 * 1024 * 1024;

/** A .csl file's text, or undefined with the problem recorded (the bundled style is used then). */
export function readStyleFile(path: string, policy: ReadPolicy, problems: KnowledgeError[]): string | undefined {
  const read = readBounded(path, { maxBytes: maxStyleBytes, policy });
  const xml = read.bytes ? decodeText(read.bytes) : undefined;
  const at = { file: path, line: 0, character: 0 };
  const fallback = 'the bundled style is used';
  if (xml !== undefined && /<style\b/.test(xml.slice(0, 5000))) return xml;
  const message =
    xml === undefined ? 'CSL style file not found or not readable' : 'not a CSL style (no <style> element)';
  problems.push({ kind: xml === undefined ? 'io' : 'syntax', message: `${message}; ${fallback}`, ...at });
  return undefined;
}
