// Starts the language server process. The extension host loads the extension's module as soon as a
// memo opens, but calls `activate` only after it has made the extension's context (its storage asks
// the window, which is busy opening: a second or two in code-server, measured by the real-editor
// suite). The server process is started when the module loads, so that Node boots and loads the
// server meanwhile; the client takes that process when it starts, and a restart forks a new one.
import { type ChildProcess, fork, type ForkOptions } from 'node:child_process';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The extension host itself runs under a debugger: the server then waits for one on port 6009. */
export function hostIsDebugged(execArgv: readonly string[] = process.execArgv): boolean {
  return execArgv.some((arg) => /^--(inspect|debug)(-brk)?(=|$)/.test(arg));
}

/**
 * The folder for the server's compiled code, beside the caches the server keeps outside an editor
 * ($XDG_CACHE_HOME/policy-lens, else ~/.cache/policy-lens): the process starts before the extension's
 * storage is known, so it cannot be there. Node keys what it keeps by its version and the code's hash.
 */
export function compileCacheDir(env: NodeJS.ProcessEnv, home: string): string {
  return join(env.XDG_CACHE_HOME || join(home, '.cache'), 'policy-lens', 'compile-cache');
}

/** Forks `dist/server.js` over stdio, as vscode-languageclient would (its parent's id for it to watch). */
export function forkServer(serverModule: string, debug: boolean, cwd: string | undefined): ChildProcess {
  // With source maps on, a stack trace the server logs names the TypeScript file and line.
  const execArgv = ['--enable-source-maps', ...(debug ? ['--nolazy', '--inspect=6009'] : [])];
  const options: ForkOptions = {
    execArgv,
    cwd,
    env: {
      ...process.env,
      // Node 22.1 and later (the extension host's, in VS Code and code-server) keep the compiled code
      // of the server, its core and its workers there, written as the server exits, so that the next
      // start skips compiling them; Node 20 ignores it. A NODE_COMPILE_CACHE of the user's own is kept.
      NODE_COMPILE_CACHE: process.env.NODE_COMPILE_CACHE ?? compileCacheDir(process.env, homedir()),
      // Electron's Node runs as plain Node in the child (no-ops in Node itself).
      ELECTRON_RUN_AS_NODE: '1',
      ELECTRON_NO_ASAR: '1',
    },
    silent: true, // stdin, stdout and stderr piped: stdio is the protocol
  };
  // --load-core-now: the server loads its core before `initialize` comes (see server.ts).
  return fork(serverModule, ['--stdio', '--load-core-now', `--clientProcessId=${process.pid}`], options);
}

/** A server process started ahead of the client, handed over once; then each start forks anew. */
export class ServerProcesses {
  private early: ChildProcess | undefined;
  private current: ChildProcess | undefined;

  constructor(private readonly start: () => ChildProcess) {}

  /** Starts the process the client will take first. */
  startEarly(): void {
    this.early ??= this.start();
  }

  /** For the client's start: the early process while it is still running, else a new one. */
  take(): ChildProcess {
    const early = this.early;
    this.early = undefined;
    const alive = early && early.exitCode === null && early.signalCode === null && !early.killed;
    if (early && !alive) early.kill();
    this.current = alive ? early : this.start();
    return this.current;
  }

  /**
   * After the client stopped: a process never taken is ended now, one that has not exited on `exit`
   * in 2 s then (it writes its compile cache as it exits), as vscode-languageclient does with its own.
   */
  end(): void {
    const running = (p: ChildProcess | undefined): p is ChildProcess =>
      p !== undefined && p.exitCode === null && p.signalCode === null;
    if (running(this.early)) this.early.kill();
    const current = this.current;
    if (running(current)) setTimeout(() => running(current) && current.kill(), 2000).unref();
    this.early = undefined;
    this.current = undefined;
  }
}
