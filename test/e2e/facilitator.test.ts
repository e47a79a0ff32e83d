import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN as bin, exitStatus, hasTmux, mockloopCommand, sleep, tmuxServer } from './tmux.js';

// `mockloop run --facilitator` as a team lead runs it: the sheet, then the round; at a terminal,
// the review of the scorer's verdicts before the debrief.

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

if (!hasTmux) console.warn('facilitator.test.ts: tmux is not installed; skipping the facilitator review test');

const server = tmuxServer('facilitator');
const { tmux } = server;
const session = 'review';
const waitFor = (pattern: RegExp, timeoutMs = 20_000, name = session) => server.waitFor(name, pattern, timeoutMs);
const type = (text: string, name = session) => server.type(name, text);

afterAll(() => server.kill());

/** Starts `run payment-auth-3am --facilitator` in a fresh tmux session; returns where its exit status lands. */
function startRound(name: string, home: string, extra: string): string {
  const status = join(home, 'status');
  tmux('new-session', '-d', '-s', name, '-x', '100', '-y', '50', mockloopCommand({ home, args: `run payment-auth-3am --facilitator ${extra}`, status }));
  return status;
}

/** Toggles the first beat of each signal's list and confirms it. */
async function toggleFirstOfEach(name: string): Promise<void> {
  for (let i = 1; i <= 4; i++) {
    await waitFor(new RegExp(`\\? ${i}/4 .*\\(scorer: `), 10_000, name);
    await sleep(150);
    tmux('send-keys', '-t', name, 'Space');
    await sleep(150);
    tmux('send-keys', '-t', name, 'Enter');
  }
}

describe.skipIf(!hasTmux)('the facilitator review at a terminal', () => {
  it('reviews each target signal, then the debrief shows both verdicts', async () => {
    const tty = mkdtempSync(join(tmpdir(), 'mockloop-review-'));
    const status = startRound(session, tty, '--minutes 5 --no-save');

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

    expect(await exitStatus(status)).toBe('exit=0');
    expect(existsSync(join(tty, 'sessions')) ? readdirSync(join(tty, 'sessions')) : []).toEqual([]);
  }, 90_000);

  it('saves the facilitator’s verdicts with the round, so mockloop debrief re-prints both', async () => {
    const home = mkdtempSync(join(tmpdir(), 'mockloop-review-saved-'));
    const name = 'saved';
    const status = startRound(name, home, '--untimed');
    await waitFor(/› \[02:47/, 10_000, name);
    await type('Check the queue depth on the partner integration.', name);
    await waitFor(/› \[02:52/, 10_000, name);
    await type('/end', name);
    await toggleFirstOfEach(name);
    const done = await waitFor(/Saved: [\s\S]*mockloop debrief [\w-]+/, 15_000, name);
    expect(await exitStatus(status)).toBe('exit=0');
    const id = /mockloop debrief ([\w-]+)/.exec(done.slice(done.lastIndexOf('Saved: ')))![1]!;

    const text = mockloop(['debrief', id], '', { MOCKLOOP_HOME: home });
    expect(text.code).toBe(0);
    expect(text.stdout.match(/scorer: [a-z ]+ \d+ · facilitator: [a-z ]+ \d+/g)).toHaveLength(4);
    const md = mockloop(['debrief', id, '--format', 'md'], '', { MOCKLOOP_HOME: home });
    expect(md.stdout.match(/scorer: [a-z ]+ \d+ · facilitator: [a-z ]+ \d+/g)).toHaveLength(4);
    const json = JSON.parse(mockloop(['debrief', id, '--format', 'json'], '', { MOCKLOOP_HOME: home }).stdout) as {
      facilitated?: boolean;
      signals: { facilitator?: unknown; beats: { facilitator?: string }[] }[];
    };
    expect(json.facilitated).toBe(true);
    expect(json.signals.filter((s) => s.facilitator)).toHaveLength(4);
    expect(json.signals.flatMap((s) => s.beats.map((b) => b.facilitator)).filter((v) => v === 'rejected' || v === 'awarded')).toHaveLength(4);
  }, 90_000);

  it('confirming every verdict keeps the scorer’s level on every signal, weak ones answered with no beat included', async () => {
    const home = mkdtempSync(join(tmpdir(), 'mockloop-review-confirm-'));
    const name = 'confirm';
    const status = startRound(name, home, '--untimed --no-save');
    await waitFor(/› \[02:47/, 10_000, name);
    await type('Check the queue depth on the partner integration.', name);
    await waitFor(/› \[02:52/, 10_000, name);
    await type('/skip', name);
    await waitFor(/post-incident review/i, 10_000, name);
    // a claim that earns none of the review's beats: the scorer holds its signals at weak
    await type('On Monday we sat down as a team and talked it over.', name);
    await sleep(500);
    await type('/end', name);
    for (let i = 1; i <= 4; i++) {
      await waitFor(new RegExp(`\\? ${i}/4 .*\\(scorer: `), 10_000, name);
      await sleep(150);
      tmux('send-keys', '-t', name, 'Enter');
    }
    const done = await waitFor(/Debrief:[\s\S]*Next:/, 15_000, name);
    expect(await exitStatus(status)).toBe('exit=0');
    const verdicts = [...done.slice(done.lastIndexOf('Debrief:')).matchAll(/scorer: ([a-z ]+ \d+) · facilitator: ([a-z ]+ \d+)/g)];
    expect(verdicts).toHaveLength(4);
    for (const [, scorer, facilitator] of verdicts) expect(facilitator).toBe(scorer);
    expect(verdicts.filter(([, scorer]) => scorer!.startsWith('weak ')).length).toBeGreaterThan(0);
  }, 90_000);

  it('Ctrl-C in the review keeps the scorer’s verdicts, saves the round and exits 130', async () => {
    const home = mkdtempSync(join(tmpdir(), 'mockloop-review-ctrlc-'));
    const name = 'ctrlc';
    const status = startRound(name, home, '--untimed');
    await waitFor(/› \[02:47/, 10_000, name);
    await type('Check the queue depth on the partner integration.', name);
    await waitFor(/› \[02:52/, 10_000, name);
    await type('/end', name);
    await waitFor(/\? 1\/4 /, 10_000, name);
    await sleep(150);
    tmux('send-keys', '-t', name, 'C-c');
    const after = await waitFor(/Review interrupted; the round is saved with the scorer's verdicts in (\S+)/, 10_000, name);
    expect(after).not.toMatch(/ExitPromptError|\n\s+at .*\.js/);
    expect(after).not.toContain('Debrief:');
    expect(await exitStatus(status)).toBe('exit=130');
    const path = /verdicts in (\S+)/.exec(after)![1]!;
    const record = JSON.parse(readFileSync(path, 'utf8')) as { debrief: { facilitated?: boolean; signals: { facilitator?: unknown }[] } };
    expect(record.debrief.facilitated).toBeUndefined();
    expect(record.debrief.signals.every((s) => s.facilitator === undefined)).toBe(true);
  }, 60_000);
});
