// The server's CSL processor: one worker thread (dist/cslWorker.js beside the bundle), started on
// first use and kept, so its compiled styles are reused. Requests are answered in order.
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CiteRequest, ReferenceRenderer, StyleChoice } from '../features/csl';
import type { CslItem } from '../knowledge/types';

export class WorkerRenderer implements ReferenceRenderer {
  private worker?: Worker;
  private nextId = 0;
  private waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  private call<T>(method: string, args: unknown[]): Promise<T> {
    if (!this.worker) {
      const worker = new Worker(join(__dirname, 'cslWorker.js'));
      worker.on('message', (m: { id: number; result?: unknown; error?: string }) => {
        const waiter = this.waiting.get(m.id);
        this.waiting.delete(m.id);
        if (m.error !== undefined) waiter?.reject(new Error(m.error));
        else waiter?.resolve(m.result);
      });
      const fail = (why: string): void => {
        if (this.worker === worker) this.worker = undefined;
        for (const waiter of this.waiting.values()) waiter.reject(new Error(why));
        this.waiting.clear();
      };
      worker.on('error', (e) => fail(`the CSL processor failed: ${e.message}`));
      worker.on('exit', (code) => fail(`the CSL processor stopped (exit code ${code})`));
      // An idle worker must not keep the server alive when its connection closes.
      worker.unref();
      this.worker = worker;
    }
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker!.postMessage({ id, method, args });
    });
  }

  bibliography(items: CslItem[], style: StyleChoice): Promise<string[]> {
    return this.call('bibliography', [items, style]);
  }

  references(items: CslItem[], style: StyleChoice): Promise<string[]> {
    return this.call('references', [items, style]);
  }

  citation(cites: CiteRequest[], style: StyleChoice): Promise<string> {
    return this.call('citation', [cites, style]);
  }

  prepare(style: StyleChoice): Promise<void> {
    return this.call('prepare', [style]);
  }

  dispose(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }
}
