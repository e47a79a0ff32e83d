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
