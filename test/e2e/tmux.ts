import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// Driving mockloop in a real pseudo-terminal (tmux), shared by the terminal tests. Each test file
// gets its own tmux server, so files running in parallel never see each other's windows.

export const ROOT = join(import.meta.dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'mockloop.js');
export const hasTmux = spawnSync('tmux', ['-V']).status === 0;

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface TmuxServer {
  /** Runs a tmux command on this server; returns its output. */
  tmux(...args: string[]): string;
  /** The window's whole scrollback, lines tmux wrapped joined back; with escapes, attributes as SGR. */
  screen(name: string, escapes?: boolean): string;
  /** Waits until the scrollback matches; returns it, or throws with the screen as it stood. */
  waitFor(name: string, pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** Types a line as a user would, then Enter. */
  type(name: string, text: string): Promise<void>;
  /** Stops the server and every window on it. */
  kill(): void;
}

/** A private tmux server (no user config) named after the test file and this process. */
export function tmuxServer(label: string): TmuxServer {
  const socket = `mockloop-${label}-${process.pid}`;
  const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });
  const screen = (name: string, escapes = false) => tmux('capture-pane', '-p', '-J', ...(escapes ? ['-e'] : []), '-S', '-', '-E', '-', '-t', name);
  return {
    tmux,
    screen,
    async waitFor(name, pattern, timeoutMs = 20_000) {
      const until = Date.now() + timeoutMs;
      let last = '';
      while (Date.now() < until) {
        last = screen(name);
        if (pattern.test(last)) return last;
        await sleep(100);
      }
      throw new Error(`timed out waiting for ${pattern}; screen:\n${last}`);
    },
    async type(name, text) {
      tmux('send-keys', '-t', name, '-l', text);
      await sleep(80);
      tmux('send-keys', '-t', name, 'Enter');
    },
    kill() {
      if (hasTmux) spawnSync('tmux', ['-L', socket, 'kill-server']);
    },
  };
}

/**
 * The shell line a test window runs: mockloop with `args` (already shell-quoted) under the given
 * home, no colour unless `env` says otherwise, then its exit status into `status`; the window
 * stays open for a while so its screen can still be read.
 */
export function mockloopCommand(opts: { home: string; args: string; status: string; env?: string }): string {
  const env = `MOCKLOOP_HOME=${JSON.stringify(opts.home)} NO_COLOR=1${opts.env ? ` ${opts.env}` : ''}`;
  return `cd ${JSON.stringify(ROOT)} && ${env} node ${JSON.stringify(BIN)} ${opts.args}; echo "exit=$?" > ${JSON.stringify(opts.status)}; sleep 30`;
}

/** What the window's command wrote as its exit status ("exit=0"), or "still running" after the wait. */
export async function exitStatus(status: string, timeoutMs = 15_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  while (!existsSync(status) && Date.now() < until) await sleep(100);
  return existsSync(status) ? readFileSync(status, 'utf8').trim() : 'still running';
}
