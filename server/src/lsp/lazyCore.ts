// The core (dist/core.js) is loaded on first use, after the handshake: see core.ts. Only types of
// it are imported here, so the bundler leaves it out of the server's entry bundle.
import { join } from 'node:path';
import type * as Core from '../core';

let loadedCore: typeof Core | undefined;

export function core(): typeof Core {
  // A runtime path, so the bundler leaves it alone and the core stays a file of its own.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a deliberate lazy load of our own bundle
  if (!loadedCore) loadedCore = require(join(__dirname, 'core.js')) as typeof Core;
  return loadedCore;
}

export type WorkerRenderer = InstanceType<typeof Core.WorkerRenderer>;
export type CoreModule = typeof Core;
