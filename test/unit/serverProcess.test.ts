/**
 * The client's server processes (client/src/serverProcess.ts): the one started as the extension
 * loads is handed to the client's first start only, while it runs; restarts fork anew; stopping ends
 * what was never taken. Real child processes (a Node one-liner that waits), no editor.
 */
import { strict as assert } from 'node:assert';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { compileCacheDir, hostIsDebugged, ServerProcesses } from '../../client/src/serverProcess';

const started: ChildProcess[] = [];
after(() => started.forEach((p) => p.kill('SIGKILL')));

function waiting(): ChildProcess {
  const p = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
  started.push(p);
  return p;
}

describe('server processes', () => {
  it('the client takes the early process once; its restart forks a new one', () => {
    const processes = new ServerProcesses(waiting);
    processes.startEarly();
    processes.startEarly(); // a second call starts nothing more
    assert.equal(started.length, 1);
    assert.equal(processes.take(), started[0]);
    const restarted = processes.take();
    assert.notEqual(restarted, started[0]);
    assert.equal(started.length, 2);
    processes.end();
  });

  it('an early process that died is not handed over: a new one is', async () => {
    const processes = new ServerProcesses(waiting);
    processes.startEarly();
    const early = started[started.length - 1];
    early.kill();
    await once(early, 'exit');
    const taken = processes.take();
    assert.notEqual(taken, early);
    assert.equal(taken.exitCode, null);
    processes.end();
  });

  it('stopping ends an early process never taken', async () => {
    const processes = new ServerProcesses(waiting);
    processes.startEarly();
    const early = started[started.length - 1];
    processes.end();
    await once(early, 'exit');
    assert.notEqual(early.signalCode, null);
  });

  it('the server waits for a debugger only when the extension host runs under one', () => {
    assert.equal(hostIsDebugged(['--inspect=9229']), true);
    assert.equal(hostIsDebugged(['--inspect-brk']), true);
    assert.equal(hostIsDebugged(['--enable-source-maps', '--max-old-space-size=4096']), false);
    assert.equal(hostIsDebugged([]), false);
  });

  it("the compiled code is kept in the user's cache folder, beside the server's other caches", () => {
    assert.equal(compileCacheDir({}, '/home/ann'), join('/home/ann', '.cache', 'policy-lens', 'compile-cache'));
    assert.equal(compileCacheDir({ XDG_CACHE_HOME: '/c' }, '/home/ann'), join('/c', 'policy-lens', 'compile-cache'));
  });
});
