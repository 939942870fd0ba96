import {
  type Connection,
  createConnection,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver/node';

/** A connection, and what to call when `shutdown` is answered: the end of stdin after it is a clean exit. */
export interface ServerConnection {
  connection: Connection;
  shuttingDown(): void;
}

/**
 * Over stdio the server reads messages itself, to hear about a broken stream: a header without a
 * usable Content-Length leaves the rest of the stream unframed, and vscode-jsonrpc cannot find the
 * next message again. Rather than fall silent, the server says why and exits; editors restart it.
 */
export function stdioConnection(): ServerConnection {
  const reader = new StreamMessageReader(process.stdin);
  let shutDown = false;
  reader.onError((error) => {
    // A bad message in a sound frame: the next one is read.
    if (!/Content-Length|header/i.test(error.message)) return;
    const why = error.message.split('\n')[0];
    process.stderr.write(
      `policy-lens: the editor sent a message with a broken header (${why}); the stream cannot be ` +
        'followed past it, so the server exits and the editor can start it again\n',
    );
    process.exit(3);
  });
  // The library exits when stdin ends only for the streams it opens itself.
  reader.onClose(() => process.exit(shutDown ? 0 : 1));
  const made = createConnection(ProposedFeatures.all, reader, new StreamMessageWriter(process.stdout));
  // What the library does for its own stdio: console output goes to the editor's log, never into the protocol stream.
  /* eslint-disable no-console -- redirecting console, not writing to it */
  console.log = console.info = console.debug = (...args: unknown[]) => made.console.log(args.map(String).join(' '));
  console.warn = (...args: unknown[]) => made.console.warn(args.map(String).join(' '));
  console.error = (...args: unknown[]) => made.console.error(args.map(String).join(' '));
  /* eslint-enable no-console */
  return { connection: made, shuttingDown: () => (shutDown = true) };
}
