// One build's side of scripts/ab.mjs: the knowledge loaded as the server loads it, and a service
// whose fresh checks (open) and one-character edits are timed in CPU. Bundled by scripts/ab.mjs
// against the sources of each build compared, so both run in one process.
import { readFileSync } from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { defaultSettings } from '../../server/src/common/settings';
import { KnowledgeStore } from '../../server/src/node/knowledgeFiles';
import { PolicyLensService } from '../../server/src/features/languageService';

export interface Keystroke {
  offset: number;
  insert?: string;
  remove?: number;
}

export interface Timed {
  cpuMs: number;
  diagnostics: Diagnostic[];
}

function cpuOf(f: () => Diagnostic[]): Timed {
  const before = process.cpuUsage();
  const diagnostics = f();
  const used = process.cpuUsage(before);
  return { cpuMs: (used.user + used.system) / 1000, diagnostics };
}

/** A service over the bundled knowledge and `folders`, checking the memo at `memoPath`. */
export function checker(folders: string[], memoPath: string) {
  const loadCpu = process.cpuUsage();
  const { kb } = new KnowledgeStore().load(folders, true);
  const used = process.cpuUsage(loadCpu);
  const service = new PolicyLensService(kb, defaultSettings);
  const text = readFileSync(memoPath, 'utf8');
  let opened = 0;
  const typed = TextDocument.create('file:///ab/typed.md', 'markdown', 1, text);
  service.diagnostics(typed);
  return {
    loadCpuMs: (used.user + used.system) / 1000,
    /** A fresh document with the memo's text: nothing cached. */
    open(): Timed {
      const document = TextDocument.create(`file:///ab/open-${opened++}.md`, 'markdown', 1, text);
      const timed = cpuOf(() => service.diagnostics(document));
      service.close(document.uri);
      return timed;
    },
    /** One keystroke in the document kept open, then its diagnostics, as the server's handler does. */
    edit(key: Keystroke): Timed {
      const start = typed.positionAt(key.offset);
      const end = key.remove ? typed.positionAt(key.offset + key.remove) : start;
      return cpuOf(() => {
        TextDocument.update(typed, [{ range: { start, end }, text: key.insert ?? '' }], typed.version + 1);
        return service.diagnostics(typed);
      });
    },
  };
}
