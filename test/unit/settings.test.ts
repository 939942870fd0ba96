import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import {
  defaultSettings,
  normalizeSettings,
  settingKeys,
  settingScopes,
  settingsSection,
} from '../../server/src/common/settings';

describe('settings', () => {
  it('fills missing and mistyped values with the defaults', () => {
    assert.deepEqual(normalizeSettings(undefined), defaultSettings);
    const s = normalizeSettings({
      knowledge: { folders: ['kb'] },
      checks: { contradiction: 'error', missingCitation: 'loud' },
      languages: 'markdown',
    });
    assert.deepEqual(s.knowledgeFolders, ['kb']);
    assert.equal(s.checks.contradiction, 'error');
    assert.equal(s.checks.missingCitation, defaultSettings.checks.missingCitation);
    assert.deepEqual(s.languages, defaultSettings.languages);
  });

  it('package.json declares every setting with the typed default', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    const properties = pkg.contributes.configuration.properties as Record<string, { default: unknown }>;
    const expected: Record<string, unknown> = {
      [`${settingsSection}.${settingKeys.knowledgeFolders}`]: defaultSettings.knowledgeFolders,
      [`${settingsSection}.${settingKeys.bibliographyFiles}`]: defaultSettings.bibliographyFiles,
      [`${settingsSection}.${settingKeys.languages}`]: defaultSettings.languages,
      [`${settingsSection}.${settingKeys.referenceStyle}`]: defaultSettings.referenceStyle,
      [`${settingsSection}.${settingKeys.referenceCsl}`]: defaultSettings.referenceCsl,
      [`${settingsSection}.${settingKeys.referenceLocale}`]: defaultSettings.referenceLocale,
      [`${settingsSection}.${settingKeys.sourcesFolder}`]: defaultSettings.sourcesFolder,
      [`${settingsSection}.${settingKeys.crossrefPrefixes}`]: defaultSettings.crossrefPrefixes,
      [`${settingsSection}.${settingKeys.consistencyScope}`]: defaultSettings.consistencyScope,
    };
    for (const [check, level] of Object.entries(defaultSettings.checks)) {
      expected[`${settingsSection}.checks.${check}`] = level;
    }
    // Read by vscode-languageclient itself (the client's id is policyLens), not by the server.
    expected[`${settingsSection}.trace.server`] = 'off';
    assert.match(readFileSync('client/src/extension.ts', 'utf8'), /new LanguageClient\('policyLens',/);
    for (const [key, value] of Object.entries(expected)) assert.deepEqual(properties[key]?.default, value, key);
    for (const key of Object.keys(properties)) assert.ok(key in expected, `undeclared in typed settings: ${key}`);
  });

  it('package.json gives every setting the scope the server reads it in', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    const properties = pkg.contributes.configuration.properties as Record<string, { scope?: string }>;
    const expected: Record<string, string> = { [`${settingsSection}.trace.server`]: 'window' };
    for (const [name, key] of Object.entries(settingKeys)) {
      if (name === 'checks') continue;
      expected[`${settingsSection}.${key}`] = settingScopes[name as keyof typeof settingScopes];
    }
    for (const check of Object.keys(defaultSettings.checks)) {
      expected[`${settingsSection}.checks.${check}`] = settingScopes.checks;
    }
    for (const key of Object.keys(properties)) assert.equal(properties[key].scope, expected[key], key);
    // Data read under the read policy: Restricted Mode must not drop the workspace's values of these.
    const restricted: string[] = pkg.capabilities.untrustedWorkspaces.restrictedConfigurations ?? [];
    for (const key of [settingKeys.knowledgeFolders, settingKeys.bibliographyFiles, settingKeys.sourcesFolder]) {
      assert.ok(!restricted.includes(`${settingsSection}.${key}`), key);
    }
  });
});
