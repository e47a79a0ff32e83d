import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { UserError } from '../errors.js';

/** Largest text accepted from a file or stdin (a 1 MB pasted answer fits with room to spare). */
export const MAX_TEXT_BYTES = 4 * 1024 * 1024;

/**
 * Every byte of a stream, counted as it arrives: past the limit reading stops with one line, so
 * an endless source (/dev/zero, `yes`, a pipe that never ends) costs at most the limit.
 */
export async function readLimited(stream: NodeJS.ReadableStream & { destroy?(): unknown }, name: string, what = 'input'): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
      size += b.length;
      if (size > MAX_TEXT_BYTES) throw new UserError(`${name}: ${what} is larger than ${MAX_TEXT_BYTES / 1024 / 1024} MiB`);
      chunks.push(b);
    }
  } finally {
    if (size > MAX_TEXT_BYTES) stream.destroy?.();
  }
  return Buffer.concat(chunks);
}

/** Decode bytes as UTF-8 text, naming the source in a one-line error when they are not text. */
export function decodeText(bytes: Buffer, name: string): string {
  if (bytes.includes(0)) throw new UserError(`${name}: this is a binary file, not text`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new UserError(`${name}: not valid UTF-8 text (save it as UTF-8 and try again)`);
  }
}

/** Read a story or answer text from a path, or from stdin when the path is "-". */
export async function readTextInput(path: string): Promise<string> {
  if (path === '-') return decodeText(await readLimited(process.stdin, '-'), '-');
  let info;
  try {
    info = await stat(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UserError(`${path}: no such file`);
    if (code === 'EACCES') throw new UserError(`${path}: permission denied`);
    throw new UserError(`${path}: cannot read (${code ?? (err as Error).message})`);
  }
  if (info.isDirectory()) throw new UserError(`${path}: is a directory, expected a file`);
  if (info.size > MAX_TEXT_BYTES) throw new UserError(`${path}: file is larger than ${MAX_TEXT_BYTES / 1024 / 1024} MiB`);
  try {
    // the size from stat is only a first check: a device or a pipe reports 0 and never ends
    return decodeText(await readLimited(createReadStream(path, { highWaterMark: 256 * 1024 }), path, 'file'), path);
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw new UserError(`${path}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
}
