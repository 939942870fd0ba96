// Reading a file from the workspace without trusting it: only regular files (a link to /dev/zero
// or a FIFO is refused, and a FIFO is opened without waiting for a writer), never more than a
// limit, counted while reading (stat's size can lie: /proc files, files still growing), and, in
// an untrusted workspace, only what the read policy allows once links are followed.
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { type ReadPolicy } from './readPolicy';

type ReadFailureReason = 'missing' | 'not-a-file' | 'too-large' | 'outside' | 'unreadable';

interface ReadFailure {
  reason: ReadFailureReason;
  /** What went wrong, to follow "the file": "is 22.0 MB, over the 20 MB limit". */
  message: string;
}

export type BoundedRead = { bytes: Buffer; failure?: undefined } | { bytes?: undefined; failure: ReadFailure };

export interface BoundedReadOptions {
  maxBytes: number;
  policy?: ReadPolicy;
  /**
   * Also read FIFOs and devices (still bounded): for files a user names on the command line, such
   * as `<(…)`. Opened blocking then, since waiting for the writer is what they asked for.
   */
  allowNonRegular?: boolean;
}

/** "22 MB", "5 MB", "4.7 MB", "3 KB". */
function megabytes(bytes: number): string {
  const mb = bytes / 1048576;
  if (mb < 1) return `${Math.ceil(bytes / 1024)} KB`;
  return `${mb >= 10 ? Math.round(mb) : Math.round(mb * 10) / 10} MB`;
}

function tooLarge(maxBytes: number, size?: number): BoundedRead {
  // Without a size (a file still growing, a /proc file), it went past the limit while being read.
  const limit = `the ${megabytes(maxBytes)} limit`;
  const message = size === undefined ? `goes on past ${limit}` : `is ${megabytes(size)}, over ${limit}`;
  return { failure: { reason: 'too-large', message } };
}

function openFailure(e: unknown): BoundedRead {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return { failure: { reason: 'missing', message: 'does not exist' } };
  if (code === 'ELOOP') return { failure: { reason: 'unreadable', message: 'is a loop of symbolic links' } };
  if (code === 'EACCES' || code === 'EPERM') {
    return { failure: { reason: 'unreadable', message: 'cannot be read (permission denied)' } };
  }
  return { failure: { reason: 'unreadable', message: `cannot be read (${(e as Error).message})` } };
}

/** Refusals decided from the open file's stats, before a byte is read. */
function refusal(stats: Stats, fd: number, path: string, options: BoundedReadOptions): BoundedRead | undefined {
  if (stats.isDirectory()) return { failure: { reason: 'not-a-file', message: 'is a folder' } };
  if (!stats.isFile() && !options.allowNonRegular) {
    return { failure: { reason: 'not-a-file', message: 'is not a regular file (a device, FIFO or socket)' } };
  }
  if (options.policy && !options.policy.allowsOpened(fd, path)) {
    const message = 'lies outside the workspace once links are followed, and the workspace is not trusted';
    return { failure: { reason: 'outside', message } };
  }
  if (stats.isFile() && stats.size > options.maxBytes) return tooLarge(options.maxBytes, stats.size);
  return undefined;
}

function openFlags(options: BoundedReadOptions): number {
  // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer, possibly forever.
  return options.allowNonRegular ? constants.O_RDONLY : constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
}

/**
 * Where the next read goes. The first read of a file with a size takes one byte more than that
 * size (and than the limit, to tell a file at the limit from one over it), so a whole file is
 * read into one buffer of its size; the read after it, which normally finds the end, and every
 * read of a file whose size is unknown use one scratch buffer, copied from only when it got
 * bytes. Thousands of small knowledge files then cost one small allocation each, not two of
 * 64 KB (which made the garbage collector run again and again).
 */
function nextChunk(stats: Stats, total: number, maxBytes: number): Buffer {
  return total === 0 && stats.size > 0 ? Buffer.allocUnsafe(firstChunkSize(stats, maxBytes)) : scratch;
}

function firstChunkSize(stats: Stats, maxBytes: number): number {
  return stats.size > 0 ? Math.min(maxBytes + 1, stats.size + 1, 1 << 24) : 65536;
}

const scratch = Buffer.allocUnsafe(65536);

/** The first `n` bytes read into `chunk`, copied out of the scratch buffer. */
function kept(chunk: Buffer, n: number): Buffer {
  if (chunk === scratch) return Buffer.from(scratch.subarray(0, n));
  return n === chunk.length ? chunk : chunk.subarray(0, n);
}

function joined(chunks: Buffer[], total: number): Buffer {
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
}

/** Reads at most `maxBytes` of a regular file (see BoundedReadOptions); never throws. */
export function readBounded(path: string, options: BoundedReadOptions): BoundedRead {
  let fd: number;
  try {
    fd = openSync(path, openFlags(options));
  } catch (e) {
    return openFailure(e);
  }
  try {
    const stats = fstatSync(fd);
    const refused = refusal(stats, fd, path, options);
    if (refused) return refused;
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = nextChunk(stats, total, options.maxBytes);
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      total += n;
      if (total > options.maxBytes) return tooLarge(options.maxBytes);
      chunks.push(kept(chunk, n));
    }
    return { bytes: joined(chunks, total) };
  } catch (e) {
    return openFailure(e);
  } finally {
    closeSync(fd);
  }
}

/** The same as readBounded, without blocking the thread while the disk works. */
export async function readBoundedAsync(path: string, options: BoundedReadOptions): Promise<BoundedRead> {
  let handle: FileHandle;
  try {
    handle = await open(path, openFlags(options));
  } catch (e) {
    return openFailure(e);
  }
  try {
    const stats = await handle.stat();
    const refused = refusal(stats, handle.fd, path, options);
    if (refused) return refused;
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      // Never the scratch buffer: another read could fill it while this one waits.
      const chunk = Buffer.allocUnsafe(total === 0 ? firstChunkSize(stats, options.maxBytes) : 65536);
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > options.maxBytes) return tooLarge(options.maxBytes);
      chunks.push(bytesRead === chunk.length ? chunk : chunk.subarray(0, bytesRead));
    }
    return { bytes: joined(chunks, total) };
  } catch (e) {
    return openFailure(e);
  } finally {
    await handle.close();
  }
}

/**
 * A text file's bytes as text, the way editors open them: a UTF-8 byte order mark is dropped, a
 * UTF-16 one (either byte order) selects UTF-16; otherwise UTF-8. Undefined for binary data (NUL
 * characters).
 */
export function decodeText(bytes: Buffer): string | undefined {
  let text: string;
  // A trailing odd byte cannot be a UTF-16 code unit: it is left out.
  const evenEnd = bytes.length - (bytes.length % 2);
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) text = bytes.toString('utf16le', 2, evenEnd);
  else if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    text = Buffer.from(bytes.subarray(2, evenEnd)).swap16().toString('utf16le');
  } else {
    if (bytes.includes(0)) return undefined;
    const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    return bytes.toString('utf8', bom ? 3 : 0);
  }
  return text.includes('\u0000') ? undefined : text;
}
