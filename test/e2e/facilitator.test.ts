import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// `mockloop run --facilitator` as a team lead runs it: the sheet, then the round; at a terminal,
// the review of the scorer's verdicts before the debrief.

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'mockloop.js');
const home = mkdtempSync(join(tmpdir(), 'mockloop-facilitator-'));

function mockloop(args: string[], input = '', env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, MOCKLOOP_HOME: home, NO_COLOR: '1', FORCE_COLOR: undefined, COLUMNS: '80', ...env },
    timeout: 30_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const turns = [
  "I'd acknowledge the page and confirm the regression on the auth-api overview dashboard.",
  'Check the queue depth on the partner integration.',
  'Declare an incident and page the incident manager.',
  '/end',
];
const answers = join(home, 'answers.yaml');
writeFileSync(answers, turns.map((t) => `- ${JSON.stringify(t)}`).join('\n'));

/** The round opens with the page, after the sheet. */
const ROUND_STARTS = 'page from PagerDuty';
const NO_REVIEW = /facilitator review needs a terminal; the debrief carries the scorer's verdicts only/;

describe('mockloop run --facilitator with scripted turns', () => {
  const r = mockloop(['run', 'payment-auth-3am', '--facilitator', '--answers', answers, '--no-save']);

  it('prints the sheet, then the round, then the debrief with the scorer’s verdicts only', () => {
    expect(r.code).toBe(0);
    const sheet = r.stdout.indexOf('Facilitator sheet: Incident: the 3am authorisation latency page');
    const page = r.stdout.indexOf(ROUND_STARTS);
    const debrief = r.stdout.indexOf('Debrief:');
    expect(sheet).toBe(0);
    expect(page).toBeGreaterThan(sheet);
    expect(debrief).toBeGreaterThan(page);
    for (const heading of ['Telemetry', 'Timed events (clock order)', 'Actions', 'Investigation checks', 'Expected beats', 'Red herrings', 'Common mistakes']) {
      expect(r.stdout.slice(0, page)).toContain(`\n${heading}`);
    }
    expect(r.stdout.slice(0, page)).toContain('[RED HERRING]');
    expect(r.stdout.slice(debrief)).not.toContain('facilitator:');
    expect(r.stderr).toMatch(NO_REVIEW);
  });

  it('fits the sheet to COLUMNS', () => {
    const narrow = mockloop(['run', 'payment-auth-3am', '--facilitator', '--answers', answers, '--no-save'], '', { COLUMNS: '60' });
    const sheet = narrow.stdout.slice(0, narrow.stdout.indexOf(ROUND_STARTS));
    expect(sheet).toContain('Facilitator sheet:');
    expect(sheet.split('\n').filter((l) => [...l].length > 60)).toEqual([]);
  });

  it('piped stdin plays the same way; with --json the sheet goes to stderr and stdout stays one JSON object', () => {
    const piped = mockloop(['run', 'payment-auth-3am', '--facilitator', '--no-save'], `${turns.join('\n')}\n`);
    expect(piped.code).toBe(0);
    expect(piped.stdout.startsWith('Facilitator sheet:')).toBe(true);
    expect(piped.stderr).toMatch(NO_REVIEW);

    const json = mockloop(['run', 'payment-auth-3am', '--facilitator', '--answers', answers, '--no-save', '--json']);
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.stdout) as { debrief: { facilitated?: boolean } };
    expect(parsed.debrief.facilitated).toBeUndefined();
    expect(json.stderr).toContain('Facilitator sheet:');
  });

  it('without --facilitator there is no sheet', () => {
    const plain = mockloop(['run', 'payment-auth-3am', '--answers', answers, '--no-save']);
    expect(plain.stdout).not.toContain('Facilitator sheet');
    expect(plain.stderr).not.toMatch(NO_REVIEW);
  });
});

// The review in a real pseudo-terminal (tmux).

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
if (!hasTmux) console.warn('facilitator.test.ts: tmux is not installed; skipping the facilitator review test');

const socket = `mockloop-facilitator-${process.pid}`;
const session = 'review';
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const screen = () => tmux('capture-pane', '-p', '-J', '-S', '-3000', '-t', session);

async function waitFor(pattern: RegExp, timeoutMs = 10_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < until) {
    last = screen();
    if (pattern.test(last)) return last;
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${pattern}; screen:\n${last}`);
}

async function type(text: string): Promise<void> {
  tmux('send-keys', '-t', session, '-l', text);
  await sleep(80);
  tmux('send-keys', '-t', session, 'Enter');
}

afterAll(() => {
  if (hasTmux) spawnSync('tmux', ['-L', socket, 'kill-server']);
});

describe.skipIf(!hasTmux)('the facilitator review at a terminal', () => {
  it('reviews each target signal, then the debrief shows both verdicts', async () => {
    const tty = mkdtempSync(join(tmpdir(), 'mockloop-review-'));
    const status = join(tty, 'status');
    const cmd = `cd ${JSON.stringify(root)} && MOCKLOOP_HOME=${JSON.stringify(tty)} NO_COLOR=1 node ${JSON.stringify(bin)} run payment-auth-3am --facilitator --minutes 5 --no-save; echo "exit=$?" > ${JSON.stringify(status)}; sleep 30`;
    tmux('new-session', '-d', '-s', session, '-x', '100', '-y', '50', cmd);

    await waitFor(/Facilitator sheet: Incident/);
    await waitFor(/left · 02:47/);
    await type("I'd confirm the page on the auth-api overview dashboard: latency, errors, throughput.");
    await waitFor(/left · 02:52/);
    await type('Check the queue depth on the partner integration.');
    await waitFor(/left · 02:57/);
    await type('/end');

    await waitFor(/Facilitator review of 4 signals/);
    for (let i = 1; i <= 4; i++) {
      await waitFor(new RegExp(`\\? ${i}/4 .*\\(scorer: `));
      await sleep(150);
      tmux('send-keys', '-t', session, 'Space');
      await sleep(150);
      tmux('send-keys', '-t', session, 'Enter');
    }

    const done = await waitFor(/Debrief:[\s\S]*Next:/, 15_000);
    const debrief = done.slice(done.lastIndexOf('Debrief:'));
    const verdicts = debrief.match(/scorer: [a-z ]+ \d+ · facilitator: [a-z ]+ \d+/g) ?? [];
    expect(verdicts).toHaveLength(4);
    // the first beat of each list was toggled: a hit rejected or a miss awarded
    expect(debrief).toMatch(/facilitator: rejected|awarded by the facilitator/);
    expect(debrief).toMatch(/Reviewed by a facilitator/);

    const until = Date.now() + 5000;
    while (!existsSync(status) && Date.now() < until) await sleep(100);
    expect(readFileSync(status, 'utf8').trim()).toBe('exit=0');
    expect(existsSync(join(tty, 'sessions')) ? readdirSync(join(tty, 'sessions')) : []).toEqual([]);
  }, 90_000);
});
