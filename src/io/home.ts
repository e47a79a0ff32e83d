import { mkdirSync } from 'node:fs';
import path from 'node:path';
import envPaths from 'env-paths';

// Where mockloop keeps things: MOCKLOOP_HOME when set, else the platform's directories.
// Light on purpose: the listing cache reads it on the fast path of `list`.

type Env = Record<string, string | undefined>;

function home(env: Env): string | undefined {
  const h = env.MOCKLOOP_HOME;
  return h !== undefined && h !== '' ? path.resolve(h) : undefined;
}

/** Saved rounds live under here. */
export function dataDir(env: Env = process.env): string {
  return home(env) ?? envPaths('mockloop', { suffix: '' }).data;
}

/** Caches that only cost speed when lost. */
export function cacheDir(env: Env = process.env): string {
  const h = home(env);
  return h ? path.join(h, 'cache') : envPaths('mockloop', { suffix: '' }).cache;
}

/**
 * mkdir -p that always ends. Node's own `{ recursive: true }` spins forever where a directory can
 * exist but nothing can be made in it (under /proc: ENOENT for the child, EEXIST for the parent).
 * Here each level is tried once after its parent, and the error is thrown.
 */
export function makeDirs(dir: string, opts: { mode?: number; mkdir?: (dir: string, opts: { mode?: number }) => unknown } = {}): void {
  const mk = opts.mkdir ?? mkdirSync;
  const mode = opts.mode === undefined ? {} : { mode: opts.mode };
  const code = (err: unknown) => (err as NodeJS.ErrnoException).code;
  try {
    mk(dir, mode);
  } catch (err) {
    if (code(err) === 'EEXIST') return;
    const parent = path.dirname(dir);
    if (code(err) !== 'ENOENT' || parent === dir) throw err;
    makeDirs(parent, opts);
    try {
      mk(dir, mode);
    } catch (again) {
      if (code(again) !== 'EEXIST') throw again;
    }
  }
}
