import * as nodeFs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

// Writes a whole file or nothing: the text goes to a hidden temporary beside the target, every
// byte is counted (a full disk returns short writes, not always an error), fsynced, then renamed
// over the target. On any failure the temporary is removed and the previous file is untouched.

export interface DurableFs {
  openSync: typeof nodeFs.openSync;
  writeSync: (fd: number, buffer: Uint8Array, offset: number, length: number) => number;
  fsyncSync: typeof nodeFs.fsyncSync;
  closeSync: typeof nodeFs.closeSync;
  renameSync: typeof nodeFs.renameSync;
  rmSync: typeof nodeFs.rmSync;
}

/** Error codes that mean "no room left": the disk, the quota, or the file size limit. */
const FULL = new Set(['ENOSPC', 'EDQUOT', 'EFBIG']);

export function isDiskFull(err: unknown): boolean {
  return FULL.has((err as NodeJS.ErrnoException)?.code ?? '');
}

export function writeFileDurably(path: string, text: string, opts: { mode?: number; fs?: DurableFs } = {}): void {
  const fs = opts.fs ?? nodeFs;
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
  const bytes = Buffer.from(text, 'utf8');
  const fd = fs.openSync(tmp, 'wx', opts.mode ?? 0o600);
  let closed = false;
  try {
    let done = 0;
    while (done < bytes.length) {
      const n = fs.writeSync(fd, bytes, done, bytes.length - done);
      if (!(n > 0)) throw Object.assign(new Error(`no space left: wrote ${done} of ${bytes.length} bytes`), { code: 'ENOSPC' });
      done += n;
    }
    fs.fsyncSync(fd);
    closed = true;
    fs.closeSync(fd);
    fs.renameSync(tmp, path);
  } catch (err) {
    if (!closed) {
      try {
        fs.closeSync(fd);
      } catch {
        // the write already failed; that error is the one worth reporting
      }
    }
    fs.rmSync(tmp, { force: true });
    throw err;
  }
}
