// Where citeproc-js, the bundled CSL styles and the locales are on disk: beside the bundles in
// dist/ (copied there at build time, see scripts/build.mjs), or in node_modules when run from the
// sources (tests). Read on first use only.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Citeproc, CslResources, ReferenceStyle } from '../features/csl';

/** The folder holding citeproc.js and csl/ (dist), or undefined when running from the sources. */
function distFolder(): string | undefined {
  return existsSync(join(__dirname, 'citeproc.js')) && existsSync(join(__dirname, 'csl')) ? __dirname : undefined;
}

function packagePath(request: string): string {
  return require.resolve(request);
}

const localeName = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

export function cslResources(): CslResources {
  const dist = distFolder();
  const styles = new Map<string, string | object>();
  return {
    citeproc: () => {
      // A runtime path: citeproc-js ships as its own, unmodified file (see THIRD-PARTY-NOTICES.md).
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load of a file beside the bundle
      return require(dist ? join(dist, 'citeproc.js') : packagePath('citeproc')) as Citeproc;
    },
    bundledStyle: (name: ReferenceStyle) => {
      let style = styles.get(name);
      if (style === undefined) {
        const xml = dist ? join(dist, 'csl', `${name}.csl`) : '';
        const json = dist ? join(dist, 'csl', `${name}.json`) : '';
        if (dist && existsSync(xml)) style = readFileSync(xml, 'utf8');
        else if (dist && existsSync(json)) style = JSON.parse(readFileSync(json, 'utf8')) as object;
        else style = sourceStyle(name);
        styles.set(name, style);
      }
      return style;
    },
    locale: (lang: string) => {
      if (!localeName.test(lang)) return undefined;
      const file = dist
        ? join(dist, 'csl', 'locales', `locales-${lang}.xml`)
        : join(packagePath('citeproc-locales/package.json'), '..', 'locales', `locales-${lang}.xml`);
      return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    },
  };
}

/** The styles as their npm packages carry them: APA's XML, Chicago in citeproc-js's JSON form of it. */
function sourceStyle(name: ReferenceStyle): string | object {
  if (name === 'apa') {
    return (
      JSON.parse(readFileSync(packagePath('@citation-js/plugin-csl/lib/styles.json'), 'utf8')) as Record<string, string>
    ).apa;
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the package is a CommonJS module of data
  return JSON.parse(JSON.stringify(require('style-chicago'))) as object;
}
