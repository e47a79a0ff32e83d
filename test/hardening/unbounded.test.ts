import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_INPUTS } from '../../src/round/engine.js';
import { BIN, mockloop, STACK } from './cli.js';

// Inputs with no end: devices and pipes that never stop, and rounds fed commands forever. Each
// stops at a stated limit with one line, never by running out of memory or time.

const tmp = mkdtempSync(join(tmpdir(), 'mockloop-unbounded-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const env = { MOCKLOOP_HOME: join(tmp, 'home') };

describe('endless inputs are counted as they are read', () => {
  it.each([
    ['score /dev/zero', ['score', '/dev/zero']],
    ['run --answers /dev/zero', ['run', 'payment-auth-3am', '--answers', '/dev/zero']],
  ])('%s stops at the limit with exit 1', async (_name, args) => {
    const r = await mockloop(args, { env, timeoutMs: 30_000 });
    expect(r.signal).toBeNull();
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/^error: \/dev\/zero: file is larger than 4 MiB$/m);
    expect(r.stderr).not.toMatch(STACK);
  });

  it.each([['score /dev/stdin', 'score /dev/stdin'], ['run --answers /dev/stdin', 'run payment-auth-3am --answers /dev/stdin'], ['score -', 'score -']])(
    '`yes | mockloop %s` stops at the limit with exit 1',
    (_name, args) => {
      // a real pipe that never ends: stat says 0 bytes, as it does for `<(yes …)`
      const r = spawnSync('sh', ['-c', `yes 'I checked the dashboards.' | "${process.execPath}" "${BIN}" ${args}`], { encoding: 'utf8', env: { ...process.env, ...env, NO_COLOR: '1' }, timeout: 30_000 });
      expect(r.signal).toBeNull();
      expect(r.status, r.stderr).toBe(1);
      expect(r.stderr).toMatch(/^error: (\/dev\/stdin: file|-: input) is larger than 4 MiB$/m);
    },
  );
});

describe('a round fed commands forever', () => {
  it(`ends after ${MAX_INPUTS} answers and commands, saying why`, async () => {
    const r = await mockloop(['run', 'payment-auth-3am', '--json'], { env, input: '/time\n'.repeat(MAX_INPUTS + 500), timeoutMs: 60_000 });
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { transcript: { role: string; text: string }[] };
    const commands = out.transcript.filter((e) => e.role === 'candidate');
    expect(commands.length).toBe(MAX_INPUTS);
    expect(out.transcript.some((e) => /reached its limit of 1,000 turns \(answers and commands\)/.test(e.text))).toBe(true);
  }, 60_000);
});

describe('Ctrl-C while a long answer is being scored', () => {
  it('stops the round at once, with the answer saved', async () => {
    const home = join(tmp, 'home-ctrl-c');
    const child = spawn(process.execPath, [BIN, 'run', 'payment-auth-design'], { env: { ...process.env, NO_COLOR: '1', MOCKLOOP_HOME: home, MOCKLOOP_SCENARIOS: '' } });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += String(d)));
    child.stdout.resume();
    // seconds of scoring on one thread: "I I I … by default", the worst case of any-order matching
    child.stdin.write(`${'I '.repeat(1_500_000)}by default.\n`);
    const sessions = join(home, 'sessions');
    const journaled = () => existsSync(sessions) && readdirSync(sessions).some((f) => f.endsWith('.jsonl') && statSync(join(sessions, f)).size > 3_000_000);
    const started = Date.now();
    while (!journaled() && Date.now() - started < 60_000) await new Promise((r) => setTimeout(r, 20));
    const sentAt = Date.now();
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const afterSignalMs = Date.now() - sentAt;
    expect(code, stderr).toBe(130);
    expect(stderr).toMatch(/Round interrupted; every answer you sent is saved in /);
    // the scoring alone takes many times this; the signal is heard while it runs
    expect(afterSignalMs).toBeLessThan(5_000);
  }, 90_000);
});
