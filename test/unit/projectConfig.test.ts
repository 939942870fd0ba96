// The project config (.policylens.yaml): parsing and validation with positions, discovery (nearest
// wins), merging with the settings, and ignored findings (the entry the quick fix writes, and how
// it silences a finding only while its sentence reads the same).
import { strict as assert } from 'node:assert';
import { after, describe, it } from 'node:test';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseProjectConfig } from '../../server/src/knowledge/projectConfig';
import { applyProjectConfig, configCheckIds, normalizeSentence } from '../../server/src/common/projectConfig';
import { defaultSettings } from '../../server/src/common/settings';
import { checks } from '../../server/src/common/checks';
import {
  ignoreTargetFor,
  pooledSettings,
  ProjectConfigFiles,
  readProjectConfig,
  touchesProjectConfig,
} from '../../server/src/node/projectConfigFiles';
import { configWithIgnore, ignoreEntryOf } from '../../server/src/features/ignoreInConfig';
import { doc, service } from './helpers';

const file = '/w/.policylens.yaml';
const parse = (text: string): ReturnType<typeof parseProjectConfig> => parseProjectConfig(file, text);
const at = (e: { line: number; character: number }): string => `${e.line + 1}:${e.character + 1}`;

describe('project config: parsing and validation', () => {
  it('reads every key; a single path is a list of one', () => {
    const { config, errors } = parse(
      [
        'knowledge: kb',
        'sources: reports',
        'bibliography: [refs.bib, more.json]',
        'checks:',
        '  contradiction: error',
        '  unsourced-figure: off',
        'languages: [markdown]',
        'crossrefPrefixes: ["fig:", "thm-"]',
        'ignores:',
        '  - check: contradiction',
        '    claim: alpha-exports',
        '    sentence: Nearly 90% of exports.',
        '',
      ].join('\n'),
    );
    assert.deepEqual(errors, []);
    assert.deepEqual(config.knowledge, ['kb']);
    assert.equal(config.sources, 'reports');
    assert.deepEqual(config.bibliography, ['refs.bib', 'more.json']);
    assert.deepEqual(config.checks, { contradiction: 'error', 'unsourced-figure': 'off' });
    assert.deepEqual(config.languages, ['markdown']);
    assert.deepEqual(config.crossrefPrefixes, ['fig:', 'thm-']);
    assert.deepEqual(config.ignores, [
      { check: 'contradiction', claim: 'alpha-exports', sentence: 'Nearly 90% of exports.', line: 9 },
    ]);
  });

  it('an empty file, or one of comments only, is an empty config', () => {
    for (const text of ['', '# nothing yet\n', '\uFEFF']) {
      const { config, errors } = parse(text);
      assert.deepEqual(errors, [], JSON.stringify(text));
      assert.deepEqual(config, {
        knowledge: undefined,
        sources: undefined,
        bibliography: undefined,
        checks: undefined,
        languages: undefined,
        crossrefPrefixes: undefined,
        consistency: undefined,
        ignores: [],
      });
    }
  });

  it('malformed YAML: a syntax error at its line and column, nothing used, no throw', () => {
    const { config, errors } = parse('checks:\n  contradiction: error\n  missing-citation: [off\n');
    assert.equal(errors.length > 0, true);
    assert.equal(errors[0].kind, 'syntax');
    assert.equal(errors[0].file, file);
    assert.ok(errors[0].line >= 2, at(errors[0]));
    assert.equal(config.checks, undefined);
  });

  it('an unknown key: named, with the known ones, at the key; the other keys are used', () => {
    const { config, errors } = parse('knowlege: kb\nchecks:\n  contradiction: hint\n');
    assert.equal(errors.length, 1);
    assert.match(errors[0].message, /unknown key "knowlege" \(known: knowledge, sources,/);
    assert.equal(at(errors[0]), '1:1');
    assert.equal(config.checks?.contradiction, 'hint');
  });

  it('an unknown check and a wrong level: each named at its place, the good checks kept', () => {
    const { config, errors } = parse('checks:\n  contradicton: off\n  missing-citation: loud\n  inconsistency: off\n');
    const messages = errors.map((e) => `${at(e)} ${e.message}`);
    assert.deepEqual(messages, [
      `2:3 checks: unknown key "contradicton" (known: ${configCheckIds.join(', ')})`,
      '3:21 checks.missing-citation: must be one of error, warning, information, hint, off',
    ]);
    assert.deepEqual(config.checks, { inconsistency: 'off' });
  });

  it('wrong types: a clear message each, and the key is not used', () => {
    const { config, errors } = parse('knowledge: 3\nlanguages: markdown\nchecks: [contradiction]\n');
    assert.deepEqual(
      errors.map((e) => `${at(e)} ${e.message}`),
      [
        '1:12 knowledge: must be a path or a list of paths',
        '2:12 languages: must be a list',
        '3:9 checks: must be a mapping of keys',
      ],
    );
    assert.equal(config.knowledge, undefined);
    assert.equal(config.languages, undefined);
    assert.equal(config.checks, undefined);
  });

  it('a broken ignore entry is dropped with its message; the others hold', () => {
    const text =
      'ignores:\n  - check: contradiction\n  - check: nope\n    sentence: A.\n' +
      '  - check: inconsistency\n    sentence: B.\n';
    const { config, errors } = parse(text);
    assert.deepEqual(
      errors.map((e) => e.message),
      ['ignores.0: missing key "sentence"', `ignores.1.check: must be one of ${configCheckIds.join(', ')}`],
    );
    assert.deepEqual(
      config.ignores.map((i) => [i.check, i.sentence, i.line]),
      [['inconsistency', 'B.', 4]],
    );
  });

  it('a file that is not a mapping, an alias bomb and deep nesting: a message each, no hang', () => {
    assert.match(parse('- a\n- b\n').errors[0].message, /must be a mapping/);
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      ...'bcdefghi'.split('').map((c, i) => {
        const prev = 'abcdefghi'[i];
        return `${c}: &${c} [*${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}]`;
      }),
    ].join('\n');
    assert.equal(parse(bomb).errors.length > 0, true);
    assert.match(parse(`knowledge: ${'['.repeat(5000)}`).errors[0].message, /nested more than/);
  });

  it('JSON is read too, with positions', () => {
    const { config, errors } = parseProjectConfig(
      '/w/.policylens.json',
      '{\n  "checks": { "contradiction": "warning" },\n  "extra": 1\n}\n',
    );
    assert.deepEqual(config.checks, { contradiction: 'warning' });
    assert.deepEqual(
      errors.map((e) => `${at(e)} ${e.message}`),
      [
        '3:3 unknown key "extra" (known: knowledge, sources, bibliography, checks, languages, ' +
          'crossrefPrefixes, consistency, ignores)',
      ],
    );
  });

  it('the schema names exactly the checks of the registry (and extracted-contradiction)', () => {
    const schema = JSON.parse(readFileSync('knowledge/schema/policylens.schema.json', 'utf8')) as {
      properties: { checks: { properties: Record<string, unknown> } };
      definitions: { ignore: { properties: { check: { enum: string[] } } } };
    };
    const ids = [...checks.map((c) => c.id), 'extracted-contradiction'].sort();
    assert.deepEqual(Object.keys(schema.properties.checks.properties).sort(), ids);
    assert.deepEqual([...schema.definitions.ignore.properties.check.enum].sort(), ids);
    assert.deepEqual([...configCheckIds].sort(), ids);
  });
});

describe('project config: merging with the settings', () => {
  it('no config: the settings as they are', () => {
    assert.equal(applyProjectConfig(defaultSettings, undefined), defaultSettings);
  });

  it('the config wins check by check; knowledge folders and bibliographies are added', () => {
    const settings = {
      ...defaultSettings,
      knowledgeFolders: ['kb-from-settings'],
      bibliographyFiles: ['settings.bib'],
      checks: { ...defaultSettings.checks, contradiction: 'hint' as const, inconsistency: 'off' as const },
    };
    const merged = applyProjectConfig(settings, {
      file: '/w/.policylens.yaml',
      knowledgeFolders: ['/w/kb'],
      bibliographyFiles: ['/w/refs.bib'],
      sourcesFolder: '/w/reports',
      checks: { contradiction: 'error', 'extracted-contradiction': 'warning', 'unsourced-figure': 'off' },
      languages: ['markdown'],
      ignores: [],
    });
    assert.deepEqual(merged.knowledgeFolders, ['kb-from-settings', '/w/kb']);
    assert.deepEqual(merged.bibliographyFiles, ['settings.bib', '/w/refs.bib']);
    assert.equal(merged.sourcesFolder, '/w/reports');
    assert.deepEqual(merged.languages, ['markdown']);
    assert.equal(merged.checks.contradiction, 'error');
    assert.equal(merged.checks.extractedContradiction, 'warning');
    assert.equal(merged.checks.unsourcedFigure, 'off');
    // Not in the config: the setting stays.
    assert.equal(merged.checks.inconsistency, 'off');
    assert.equal(merged.checks.unknownCitation, 'error');
    assert.deepEqual(merged.crossrefPrefixes, defaultSettings.crossrefPrefixes);
  });
});

describe('project config: finding the file', () => {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'policy-lens-config-')));
  after(() => rmSync(root, { recursive: true, force: true }));
  const workspace = join(root, 'ws');
  mkdirSync(join(workspace, 'team', 'drafts'), { recursive: true });
  writeFileSync(join(root, '.policylens.yaml'), 'checks:\n  contradiction: hint\n');
  writeFileSync(join(workspace, '.policylens.json'), '{ "knowledge": ["kb"] }\n');
  writeFileSync(join(workspace, 'team', '.policylens.yaml'), 'bibliography: ../refs.bib\nsources: reports\n');

  it('the nearest file wins; paths are relative to it', () => {
    const files = new ProjectConfigFiles();
    const loaded = files.forFile(join(workspace, 'team', 'drafts', 'memo.md'));
    assert.equal(loaded?.config.file, join(workspace, 'team', '.policylens.yaml'));
    assert.deepEqual(loaded?.config.bibliographyFiles, [join(workspace, 'refs.bib')]);
    assert.equal(loaded?.config.sourcesFolder, join(workspace, 'team', 'reports'));
    assert.deepEqual(files.forFile(join(workspace, 'memo.md'))?.config.knowledgeFolders, [join(workspace, 'kb')]);
  });

  it('no higher than the workspace folder holding the memo; outside any, up to the filesystem root', () => {
    const files = new ProjectConfigFiles();
    const elsewhere = join(root, 'other');
    mkdirSync(elsewhere, { recursive: true });
    assert.equal(files.nearest(elsewhere), join(root, '.policylens.yaml'));
    assert.equal(files.nearest(elsewhere, [elsewhere]), undefined);
  });

  it('.yaml before .yml before .json in one folder', () => {
    const folder = join(root, 'three');
    mkdirSync(folder);
    writeFileSync(join(folder, '.policylens.json'), '{}');
    writeFileSync(join(folder, '.policylens.yml'), '{}');
    assert.equal(new ProjectConfigFiles().nearest(folder, [folder]), join(folder, '.policylens.yml'));
  });

  it('a file created later is found after forget(); a changed file is read again', () => {
    const files = new ProjectConfigFiles();
    const folder = join(root, 'later');
    mkdirSync(folder);
    assert.equal(files.nearest(folder, [folder]), undefined);
    writeFileSync(join(folder, '.policylens.yaml'), 'languages: [markdown]\n');
    assert.equal(files.nearest(folder, [folder]), undefined, 'cached until told');
    files.forget();
    assert.equal(files.nearest(folder, [folder]), join(folder, '.policylens.yaml'));
    writeFileSync(join(folder, '.policylens.yaml'), 'languages: [markdown, quarto, rmd]\n');
    assert.deepEqual(files.load(join(folder, '.policylens.yaml')).config.languages, ['markdown', 'quarto', 'rmd']);
  });

  it('a missing or binary config: a message, no throw', () => {
    assert.match(readProjectConfig(join(root, 'none.yaml')).errors[0].message, /not found/);
    writeFileSync(join(root, 'binary.yaml'), Buffer.from([0, 1, 2, 0]));
    assert.match(readProjectConfig(join(root, 'binary.yaml')).errors[0].message, /not text/);
  });

  it('the configs of a workspace pool their knowledge folders; the first sources folder counts', () => {
    const files = new ProjectConfigFiles();
    const pooled = pooledSettings(defaultSettings, [
      files.forFile(join(workspace, 'memo.md'))!,
      files.forFile(join(workspace, 'team', 'memo.md'))!,
    ]);
    assert.deepEqual(pooled.knowledgeFolders, [join(workspace, 'kb')]);
    assert.equal(pooled.sourcesFolder, join(workspace, 'team', 'reports'));
  });

  it('which changed paths are config files', () => {
    assert.equal(touchesProjectConfig(['/w/a.yaml', '/w/x/.policylens.yml']), true);
    assert.equal(touchesProjectConfig(['/w/policylens.yaml', '/w/glossary.yaml']), false);
  });

  it('the ignore quick fix writes to the nearest config, else a new one at the workspace folder', () => {
    const files = new ProjectConfigFiles();
    const nested = ignoreTargetFor(files, join(workspace, 'team', 'drafts', 'memo.md'), [workspace], true);
    assert.equal(nested?.uri.endsWith('/ws/team/.policylens.yaml'), true);
    assert.match(nested?.text ?? '', /bibliography/);
    const fresh = join(root, 'fresh');
    mkdirSync(join(fresh, 'deep'), { recursive: true });
    const made = ignoreTargetFor(files, join(fresh, 'deep', 'memo.md'), [fresh], true);
    assert.equal(made?.uri.endsWith('/fresh/.policylens.yaml'), true);
    assert.equal(made?.text, undefined);
  });
});

describe('ignored findings', () => {
  const wrong = "Nearly 90% of Korea's exports go to the Indo-Pacific.";

  it('the entry: the check, the claim it rests on, and the sentence with white space normalised', () => {
    const s = service();
    const d = s.diagnostics(doc(`Intro.\n\n${wrong}\n`)).find((x) => x.code === 'contradiction')!;
    const entry = ignoreEntryOf(d, normalizeSentence(`  Nearly 90%\n  of Korea's   exports go to the Indo-Pacific.`));
    assert.equal(entry.check, 'contradiction');
    assert.equal(typeof entry.claim, 'string');
    assert.equal(entry.sentence, wrong);
  });

  it('silences the finding while the sentence stands; editing the sentence brings it back', () => {
    const s = service();
    const text = `Intro.\n\n${wrong.replace('of ', 'of\n')}\n`;
    const memo = doc(text);
    const finding = s.diagnostics(memo).find((d) => d.code === 'contradiction')!;
    assert.ok(finding, 'a contradiction to ignore (the test can fail)');
    const claim = (finding.data as { claimId: string }).claimId;
    const settings = defaultSettings;
    s.setDocumentConfig(memo.uri, { settings, ignores: [{ check: 'contradiction', claim, sentence: wrong }] });
    assert.deepEqual(
      s.diagnostics(memo).filter((d) => d.code === 'contradiction'),
      [],
    );
    // Another claim, or another check, named: the finding stays.
    s.setDocumentConfig(memo.uri, { settings, ignores: [{ check: 'contradiction', claim: 'other', sentence: wrong }] });
    assert.equal(s.diagnostics(memo).filter((d) => d.code === 'contradiction').length, 1);
    s.setDocumentConfig(memo.uri, { settings, ignores: [{ check: 'missing-citation', sentence: wrong }] });
    assert.equal(s.diagnostics(memo).filter((d) => d.code === 'contradiction').length, 1);
    // The sentence edited: the entry no longer holds.
    s.setDocumentConfig(memo.uri, { settings, ignores: [{ check: 'contradiction', claim, sentence: wrong }] });
    const edited = doc(text.replace('Nearly 90%', 'Almost 90%'));
    assert.equal(s.diagnostics(edited).filter((d) => d.code === 'contradiction').length, 1);
  });

  it('a config severity shapes the finding (contradiction as error, a check off)', () => {
    const s = service();
    const memo = doc(`${wrong}\n\nAs argued [@alpha2032].\n`);
    const settings = applyProjectConfig(defaultSettings, {
      file: '/w/.policylens.yaml',
      checks: { contradiction: 'error', 'unknown-citation': 'off' },
      ignores: [],
    });
    s.setDocumentConfig(memo.uri, { settings, ignores: [] });
    assert.deepEqual(
      s.diagnostics(memo).map((d) => [d.code, d.severity]),
      [['contradiction', 1]],
    );
  });

  const entry = { check: 'contradiction', claim: 'alpha-exports', sentence: 'Nearly 90% of exports: "quoted".' };

  it('the YAML file gets one more entry; comments and other keys stay', () => {
    const text =
      '# ours\nchecks:\n  contradiction: error # loud\nignores:\n  - check: inconsistency\n    sentence: B.\n';
    const updated = configWithIgnore(text, false, entry)!;
    assert.match(updated, /^# ours\nchecks:\n {2}contradiction: error # loud\nignores:\n {2}- check: inconsistency\n/);
    const { config, errors } = parse(updated);
    assert.deepEqual(errors, []);
    assert.deepEqual(
      config.ignores.map(({ line: _line, ...i }) => i),
      [{ check: 'inconsistency', sentence: 'B.' }, entry],
    );
  });

  it('a new file, a file without ignores, `ignores:` left empty, comments only: each gets a block list', () => {
    for (const text of [undefined, 'checks:\n  contradiction: error\n', 'ignores:\n', '# only a comment\n']) {
      const updated = configWithIgnore(text, false, entry)!;
      assert.doesNotMatch(updated, /\[/, updated);
      const { config, errors } = parse(updated);
      assert.deepEqual(errors, [], updated);
      assert.equal(config.ignores.length, 1, updated);
    }
  });

  it('JSON stays JSON; a file that does not parse, or whose ignores is not a list, gets no fix', () => {
    const json = configWithIgnore('{ "checks": { "contradiction": "error" } }', true, entry)!;
    assert.deepEqual(JSON.parse(json), { checks: { contradiction: 'error' }, ignores: [entry] });
    assert.equal(configWithIgnore('checks: [oops\n', false, entry), undefined);
    assert.equal(configWithIgnore('ignores: 3\n', false, entry), undefined);
    assert.equal(configWithIgnore('{ broken', true, entry), undefined);
  });
});
