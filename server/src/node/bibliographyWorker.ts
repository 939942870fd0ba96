// Worker thread: parses one large bibliography off the server's main thread (see bibliographies.ts).
// The entries go back in batches, each sent when the main thread asks for it: Node hands all the
// messages waiting on a port over in one go, and copying 50,000 entries in takes about a second.
import { parentPort, workerData } from 'node:worker_threads';
import { parseBibliography } from '../knowledge/bibliography';

const entriesPerMessage = 2000;

const { path, text } = workerData as { path: string; text: string };
const { sources, errors } = parseBibliography(path, text);
let sent = 0;
function sendNext(): void {
  if (sent < sources.length) parentPort!.postMessage({ sources: sources.slice(sent, (sent += entriesPerMessage)) });
  else parentPort!.postMessage({ errors });
}
parentPort!.on('message', sendNext);
sendNext();
