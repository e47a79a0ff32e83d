import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, mockloop, STACK } from './cli.js';

// Ctrl-C and SIGTERM in the middle of a round fed by a pipe that stays open: the round stops at
// once, says where what was typed is saved, and the journal reads back.

const home = mkdtempSync(join(tmpdir(), 'mockloop-signals-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

interface Stopped {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** From the (last) signal to exit. */
  afterSignalMs: number;
}

/** Starts a round, answers the page with two turns once it is asked, then sends the signal(s). */
function interrupt(signals: NodeJS.Signals[]): Promise<Stopped> {
  const child = spawn(process.execPath, [BIN, 'run', 'payment-auth-3am'], {
    env: { ...process.env, NO_COLOR: '1', MOCKLOOP_HOME: home, MOCKLOOP_SCENARIOS: '' },
  });
  let stdout = '';
  let stderr = '';
  let sentAt = 0;
  let answered = false;
  child.stderr.on('data', (d: Buffer) => (stderr += String(d)));
  child.stdout.on('data', (d: Buffer) => {
    stdout += String(d);
    if (!answered && /What do you do/.test(stdout)) {
      answered = true;
      child.stdin.write('I would check the queue depth on the partner integration\n');
      child.stdin.write('Declare an incident and page the incident manager\n');
    }
    // both turns played (the second one opened the incident): now the signal, stdin still open
    if (answered && sentAt === 0 && /INC-\d+ declared/.test(stdout)) {
      sentAt = Date.now();
      signals.forEach((s, i) => setTimeout(() => child.kill(s), i * 5));
    }
  });
  const guard = setTimeout(() => child.kill('SIGKILL'), 60_000);
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      resolve({ code, signal, stdout, stderr, afterSignalMs: Date.now() - sentAt });
    });
  });
}

function savedJournal(r: Stopped): { path: string; id: string } {
  const m = /saved in (\S+\.jsonl)\s.*?mockloop resume (\S+)\s.*?mockloop debrief \2\s/s.exec(r.stderr);
  expect(m, r.stderr).not.toBeNull();
  return { path: m![1]!, id: m![2]! };
}

describe.each([
  ['SIGINT', 130],
  ['SIGTERM', 143],
  // the terminal was closed
  ['SIGHUP', 129],
] as const)('%s mid-round', (signal, status) => {
  let r: Stopped;
  it(`exits ${status} at once and prints where the journal is`, async () => {
    r = await interrupt([signal]);
    expect(r.code).toBe(status);
    expect(r.afterSignalMs).toBeLessThan(5_000);
    expect(r.stderr).toMatch(/Round interrupted; every answer you sent is saved in /);
    expect(STACK.test(r.stderr)).toBe(false);
    // the end event is written and the lock let go
    const { path } = savedJournal(r);
    expect(readFileSync(path, 'utf8')).toMatch(/"type":"end","status":"interrupted"/);
    expect(existsSync(path.replace(/\.jsonl$/, '.lock'))).toBe(false);
  }, 90_000);

  it('the journal is valid JSONL with both turns, and debrief <id> reads it', async () => {
    const { path, id } = savedJournal(r);
    const events = readFileSync(path, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { type: string; input?: { type: string; text?: string } });
    expect(events[0]!.type).toBe('start');
    expect(events.filter((e) => e.type === 'turn' && e.input?.type === 'turn').map((e) => e.input!.text)).toEqual([
      'I would check the queue depth on the partner integration',
      'Declare an incident and page the incident manager',
    ]);
    const d = await mockloop(['debrief', id], { env: { MOCKLOOP_HOME: home } });
    expect(d.code).toBe(0);
    expect(d.stdout).toMatch(/Debrief/);
  }, 60_000);

  it('resume <id> replays what was said, plays on from piped answers, and saves one finished round', async () => {
    const { path, id } = savedJournal(r);
    const more = 'I roll back the partner client timeout change and watch p95 latency on the dashboard\n/end\n';
    const res = await mockloop(['resume', id], { env: { MOCKLOOP_HOME: home }, input: more });
    expect(res.code, res.stderr).toBe(0);
    expect(STACK.test(res.stderr)).toBe(false);
    // the recap shows the earlier turns, then the round carries on and is scored
    expect(res.stdout).toMatch(/Resuming .* So far:/);
    expect(res.stdout).toMatch(/Declare an incident and page the incident manager[\s\S]*── resumed ──[\s\S]*I roll back the partner client/);
    expect(res.stdout).toMatch(/Debrief/);
    expect(res.stderr).toContain(`Saved: ${path.replace(/\.jsonl$/, '.json')}`);
    const record = JSON.parse(readFileSync(path.replace(/\.jsonl$/, '.json'), 'utf8')) as { id: string; status: string; transcript: { role: string; text: string }[] };
    expect(record).toMatchObject({ id, status: 'complete' });
    expect(record.transcript.filter((e) => e.role === 'candidate').map((e) => e.text)).toEqual([
      'I would check the queue depth on the partner integration',
      'Declare an incident and page the incident manager',
      'I roll back the partner client timeout change and watch p95 latency on the dashboard',
      '/end',
    ]);
    // the journal keeps everything: the first part, the resume, the rest; no lock is left behind
    const events = readFileSync(path, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { type: string; status?: string });
    expect(events.filter((e) => e.type === 'resume')).toHaveLength(1);
    expect(events.filter((e) => e.type === 'end').map((e) => e.status)).toEqual(['interrupted', 'complete']);
    expect(existsSync(path.replace(/\.jsonl$/, '.lock'))).toBe(false);
    // a finished round is not resumed again
    const again = await mockloop(['resume', id], { env: { MOCKLOOP_HOME: home }, input: '' });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/finished and scored, so there is nothing to resume \(mockloop debrief /);
  }, 60_000);
});

describe('a second Ctrl-C during shutdown', () => {
  it('exits at once', async () => {
    const r = await interrupt(['SIGINT', 'SIGINT']);
    // either the first handler finished (130) or the second signal ended it (killed by SIGINT)
    expect(r.code === 130 || r.signal === 'SIGINT').toBe(true);
    expect(r.afterSignalMs).toBeLessThan(5_000);
    expect(STACK.test(r.stderr)).toBe(false);
  }, 90_000);
});
