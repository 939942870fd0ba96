import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type CodeAction, type TextDocumentEdit } from 'vscode-languageserver-types';
import { doc, service } from './helpers';

function fix(text: string, code: string, titlePattern?: RegExp): { action: CodeAction; result: string } {
  const s = service();
  const d = doc(text);
  const diagnostics = s.diagnostics(d).filter((x) => x.code === code);
  assert.ok(diagnostics.length > 0, `no ${code} in ${text}`);
  const actions = s.codeActions(d, diagnostics);
  const action = titlePattern ? actions.find((a) => titlePattern.test(a.title))! : actions[0];
  assert.ok(action, `no action for ${code}`);
  const edits = action.edit!.changes![d.uri];
  return { action, result: TextDocument.applyEdits(d, edits) };
}

describe('quick fixes', () => {
  it('replace a value inside markup without breaking the markup', () => {
    assert.equal(
      fix("Nearly **90%** of Korea's exports go to the Indo-Pacific.", 'contradiction').result,
      "Nearly **about 78%** of Korea's exports go to the Indo-Pacific.",
    );
    assert.equal(
      fix("Nearly __90%__ of Korea's exports go to the Indo-Pacific.", 'contradiction').result,
      "Nearly __about 78%__ of Korea's exports go to the Indo-Pacific.",
    );
    assert.equal(
      fix("Nearly [90%](https://example.org) of Korea's exports go to the Indo-Pacific.", 'contradiction').result,
      "Nearly [about 78%](https://example.org) of Korea's exports go to the Indo-Pacific.",
    );
    assert.equal(
      fix("Nearly [90%][r] of Korea's exports go to the Indo-Pacific.\n\n[r]: https://example.org\n", 'contradiction')
        .result,
      "Nearly [about 78%][r] of Korea's exports go to the Indo-Pacific.\n\n[r]: https://example.org\n",
    );
  });
  it('replaces a contradicted value with the sourced one', () => {
    const { action, result } = fix("Nearly 90% of Korea's exports go to the Indo-Pacific.", 'contradiction');
    assert.equal(result, "About 78% of Korea's exports go to the Indo-Pacific.");
    assert.equal(action.isPreferred, true);
    assert.match(action.title, /alpha2023 ¶2/);
    assert.equal(
      fix('The strategy: the Indo-Pacific Strategy was announced in March 2023.', 'contradiction').result,
      'The strategy: the Indo-Pacific Strategy was announced in December 2022.',
    );
  });
  it('inserts the suggested citation before the full stop', () => {
    assert.equal(
      fix("About 67% of Korea's imports come from the Indo-Pacific.", 'missing-citation').result,
      "About 67% of Korea's imports come from the Indo-Pacific [@alpha2023].",
    );
  });
  it('replaces a mismatched key', () => {
    assert.equal(
      fix("About 67% of Korea's imports come from the Indo-Pacific [@beta2022, p. 2].", 'citation-mismatch').result,
      "About 67% of Korea's imports come from the Indo-Pacific [@alpha2023, p. 2].",
    );
  });
  it('offers the closest keys for an unknown one', () => {
    assert.equal(fix('As argued [@alpha2032].', 'unknown-citation').result, 'As argued [@alpha2023].');
  });
  it('expands an acronym on first use', () => {
    assert.equal(fix('The OEWG met.', 'undefined-acronym').result, 'The Open-Ended Working Group (OEWG) met.');
  });
  // A diagnostic made for version 1, asked about after an edit that left its range in place but
  // changed the text under it: no fix may be offered (the old code inserted into the middle of a word).
  for (const [code, before, after] of [
    [
      'missing-citation',
      "About 67% of Korea's imports come from the Indo-Pacific.",
      "Now about 67% of Korea's imports come from the Indo-Pacific.",
    ],
    [
      'missing-citation',
      "About 67% of Korea's imports come from the Indo-Pacific.",
      "About 67% of Korea's imports come from the Indo-Pacific region.",
    ],
    [
      'citation-mismatch',
      "About 67% of Korea's imports come from the Indo-Pacific [@beta2022, p. 2].",
      "About 67% of Korea's imports come from the Indo-Pacific [@beta2022, p. 2, 3].",
    ],
    ['unknown-citation', 'As argued [@alpha2032].', 'As argued [@alpha2099].'],
    ['undefined-acronym', 'The OEWG met.', 'The OECD met.'],
  ]) {
    it(`offers no ${code} fix once the text under the diagnostic has changed (${after.slice(0, 20)}…)`, () => {
      const s = service();
      const original = doc(before);
      const diagnostics = s.diagnostics(original).filter((d) => d.code === code);
      assert.ok(diagnostics.length > 0, `a ${code} in ${before}`);
      assert.ok(s.codeActions(original, diagnostics).length > 0, 'a fix while the text is unchanged');
      const changed = TextDocument.create(original.uri, 'markdown', 2, after);
      assert.deepEqual(
        s.codeActions(changed, diagnostics).map((a) => a.title),
        [],
      );
    });
  }
  it('with versionedEdits, every fix is a documentChanges edit naming the document version', () => {
    const s = service();
    const d = TextDocument.create(
      'file:///memo.md',
      'markdown',
      7,
      "About 67% of Korea's imports come from the Indo-Pacific [@beta2022].\n\nThe OEWG met [@alpha2032].",
    );
    const actions = s.codeActions(d, s.diagnostics(d), { versionedEdits: true });
    assert.deepEqual([...new Set(actions.map((a) => a.diagnostics![0].code))].sort(), [
      'citation-mismatch',
      'undefined-acronym',
      'unknown-citation',
    ]);
    for (const action of actions) {
      assert.equal(action.edit!.changes, undefined, action.title);
      const [change] = action.edit!.documentChanges as TextDocumentEdit[];
      assert.deepEqual(change.textDocument, { uri: d.uri, version: 7 }, action.title);
      assert.ok(change.edits.length > 0);
    }
  });
  it('offers no replacement once the text under the diagnostic has changed', () => {
    const s = service();
    const original = doc("Nearly 90% of Korea's exports go to the Indo-Pacific.");
    const diagnostics = s.diagnostics(original);
    const changed = TextDocument.create(
      original.uri,
      'markdown',
      2,
      "Nearly 91% of Korea's exports go to the Indo-Pacific.",
    );
    assert.deepEqual(
      s.codeActions(
        changed,
        diagnostics.filter((d) => d.code === 'contradiction'),
      ),
      [],
    );
  });
});

describe('Ignore this finding in .policylens.yaml', () => {
  const ignoreIn = (saveFileCommand?: string): CodeAction | undefined => {
    const s = service();
    const d = doc("Nearly 90% of Korea's exports go to the Indo-Pacific.");
    const diagnostics = s.diagnostics(d).filter((x) => x.code === 'contradiction');
    const ignoreTarget = { uri: 'file:///ws/.policylens.yaml', name: '.policylens.yaml', text: '', canCreate: true };
    return s
      .codeActions(d, diagnostics, { ignoreTarget, saveFileCommand })
      .find((a) => a.title === 'Ignore this finding in .policylens.yaml');
  };

  it('asks a client that can save to save the config after the edit, so the finding goes at once', () => {
    const action = ignoreIn('policyLens.saveFile');
    assert.ok(action?.edit, 'the action edits the config');
    assert.deepEqual(action.command, {
      title: 'Save .policylens.yaml',
      command: 'policyLens.saveFile',
      arguments: ['file:///ws/.policylens.yaml'],
    });
    // A client that named no such command (Neovim, Emacs) gets the edit alone.
    assert.equal(ignoreIn()?.command, undefined);
  });
});
