// What the client does when the connection to the server errs or closes. The library's default
// shuts the server down on a write error with no count ("write EPIPE" when a request races the
// death of the process), so a killed server was not restarted. A write error is never the end:
// the close that follows decides, restarting the server up to `maxRestarts` times in 3 minutes.
import {
  CloseAction,
  type CloseHandlerResult,
  type ErrorHandler,
  ErrorAction,
  type ErrorHandlerResult,
} from 'vscode-languageclient/node';

const window = 3 * 60 * 1000;

export function restartingErrorHandler(name: string, maxRestarts: number): ErrorHandler {
  const restarts: number[] = [];
  return {
    error: (): ErrorHandlerResult => ({ action: ErrorAction.Continue }),
    closed: (): CloseHandlerResult => {
      const now = Date.now();
      restarts.push(now);
      while (restarts.length > 0 && now - restarts[0] > window) restarts.shift();
      if (restarts.length <= maxRestarts) return { action: CloseAction.Restart };
      return {
        action: CloseAction.DoNotRestart,
        message: `The ${name} server stopped ${restarts.length} times in 3 minutes: not restarted. See the output.`,
      };
    },
  };
}
