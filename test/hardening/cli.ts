import { spawn, type StdioOptions } from 'node:child_process';
import { join } from 'node:path';

// Drives the built binary the way a user does. MOCKLOOP_BIN points at another build when set.

export const ROOT = join(import.meta.dirname, '..', '..');
export const BIN = process.env.MOCKLOOP_BIN ?? join(ROOT, 'bin', 'mockloop.js');

export interface Ran {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export interface RunOptions {
  /** Written to stdin, then stdin is closed. Without it stdin is /dev/null. */
  input?: string;
  env?: Record<string, string | undefined>;
  timeoutMs?: number;
}

export function mockloop(args: string[], opts: RunOptions = {}): Promise<Ran> {
  const stdio: StdioOptions = [opts.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'];
  const started = Date.now();
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    stdio,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, MOCKLOOP_SCENARIOS: '', ...opts.env },
  });
  if (opts.input !== undefined) child.stdin!.end(opts.input);
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 60_000);
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: Date.now() - started });
    });
  });
}

/** Runs jobs with at most `n` at a time (the e2e tables spawn dozens of processes). */
export async function limited<T>(jobs: (() => Promise<T>)[], n = 4): Promise<T[]> {
  const out: T[] = new Array(jobs.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, jobs.length) }, async () => {
      while (next < jobs.length) {
        const i = next++;
        out[i] = await jobs[i]!();
      }
    }),
  );
  return out;
}

export const STACK = /^\s+at .+:\d+:\d+\)?$/m;
/** Anything that could drive a terminal: C0 controls but tab and newline, DEL, C1, bidi overrides. */
export const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
