/**
 * What the Marketplace shows of the package: its icon must be a PNG of at least 128×128 pixels
 * (the Marketplace takes no SVG) that the VSIX ships, and the banner a colour with a theme.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

describe('marketplace fields', () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
    icon?: string;
    galleryBanner?: { color?: string; theme?: string };
  };

  it('the icon is a PNG of at least 128×128 pixels, and goes in the VSIX', () => {
    assert.ok(pkg.icon, 'package.json names an icon');
    const png = readFileSync(pkg.icon);
    assert.deepEqual([...png.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], 'a PNG signature');
    assert.equal(png.subarray(12, 16).toString('latin1'), 'IHDR');
    assert.ok(png.readUInt32BE(16) >= 128 && png.readUInt32BE(20) >= 128, 'at least 128×128');
    const ignore = readFileSync('.vscodeignore', 'utf8').split('\n');
    const folder = pkg.icon.slice(0, pkg.icon.lastIndexOf('/'));
    assert.ok(ignore.includes(`!${pkg.icon}`) || ignore.includes(`!${folder}/**`), 'shipped in the VSIX');
  });

  it('the banner has a colour and a theme', () => {
    assert.match(pkg.galleryBanner?.color ?? '', /^#[0-9A-Fa-f]{6}$/);
    assert.ok(['dark', 'light'].includes(pkg.galleryBanner?.theme ?? ''));
  });
});
