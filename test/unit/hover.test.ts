import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { MarkupContent } from 'vscode-languageserver-types';
import { doc, service } from './helpers';

function hoverText(text: string, line: number, character: number): string | undefined {
  const h = service().hover(doc(text), { line, character });
  return h ? (h.contents as MarkupContent).value : undefined;
}

describe('hover', () => {
  it('shows an acronym with its expansion, definition and sources', () => {
    const value = hoverText('The OEWG met.', 0, 5)!;
    assert.match(value, /\*\*OEWG\*\*: Open-Ended Working Group/);
    assert.match(value, /A UN working group/);
    assert.match(value, /@alpha2023` ¶7/);
  });
  it('works on aliases and multi-word terms', () => {
    assert.match(hoverText('We like the Open Radio Access Network.', 0, 20)!, /Open RAN/);
  });
  it('shows the formatted reference on a citation key', () => {
    const value = hoverText('As shown [@beta2022].', 0, 13)!;
    assert.match(value, /Steiner, Jake, and Mark Manantan\. 2022\. \*Networks of the Future\*\./);
  });
  it('shows what the source says on a contradicted span, once the document is checked', () => {
    const s = service();
    const d = doc("Nearly 90% of Korea's exports go to the Indo-Pacific.");
    // A hover never runs a whole-document check itself (the server checks first, in slices).
    assert.doesNotMatch((s.hover(d, { line: 0, character: 8 })?.contents as MarkupContent | undefined)?.value ?? '', /What the source says/);
    s.diagnostics(d);
    const value = (s.hover(d, { line: 0, character: 8 })!.contents as MarkupContent).value;
    assert.match(value, /What the source says/);
    assert.match(value, /About 78%/);
  });
  it('finds a citation on the hovered line before the document is checked', () => {
    assert.match(hoverText('Line one.\nAs shown [@alpha2023] here.', 1, 13)!, /Trade and the Indo-Pacific/);
  });
  it('returns nothing on plain words', () => {
    assert.equal(hoverText('Nothing to see here.', 0, 3), undefined);
  });
});
