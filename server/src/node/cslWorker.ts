// Worker thread: the CSL processor. Compiling a style takes up to seconds (APA 7), and rendering a
// long reference list takes tens of milliseconds; here neither holds up typing in the server.
import { parentPort } from 'node:worker_threads';
import { CslRenderer } from '../features/csl';
import { cslResources } from './cslFiles';

const renderer = new CslRenderer(cslResources());

interface Request {
  id: number;
  method: 'bibliography' | 'references' | 'citation' | 'prepare';
  args: unknown[];
}

parentPort!.on('message', (request: Request) => {
  try {
    const method = renderer[request.method] as (...a: unknown[]) => unknown;
    parentPort!.postMessage({ id: request.id, result: method.apply(renderer, request.args) });
  } catch (e) {
    parentPort!.postMessage({ id: request.id, error: (e as Error).message });
  }
});
