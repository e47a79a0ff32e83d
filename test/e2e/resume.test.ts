import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mockloop, ROOT, STACK } from '../hardening/cli.js';
import { lockText, processStart } from '../../src/io/journal.js';

// `mockloop resume`: a round that stopped part-way (Ctrl-C, a crash) carries on where it was.
// Crashes are made the way they happen: a finished round's journal cut short after some turns,
// its last line torn, and no finished record.

const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'mockloop-resume-'));
  temps.push(d);
  return d;
}

interface Crashed {
  home: string;
  id: string;
  journal: string;
}

/** Plays `answers` through `args`, then leaves the journal as a crash after `keep` candidate turns would. */
async function crashedRound(args: string[], answers: string[], keep: number, home = tempDir()): Promise<Crashed> {
  const file = join(home, 'answers.yaml');
  writeFileSync(file, answers.map((a) => `- ${JSON.stringify(a)}`).join('\n'));
  const r = await mockloop([...args, '--answers', file], { env: { MOCKLOOP_HOME: home } });
  expect(r.code, r.stderr).toBe(0);
  const dir = join(home, 'sessions');
  // the round just played: the journal written last (two rounds can start in the same second,
  // and then their ids sort by their random suffix)
  const journal = readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort((a, b) => statSync(join(dir, a)).mtimeMs - statSync(join(dir, b)).mtimeMs)
    .at(-1)!;
  const id = journal.replace(/\.jsonl$/, '');
  const lines = readFileSync(join(dir, journal), 'utf8').trim().split('\n');
  let turns = 0;
  const cut = lines.findIndex((l) => {
    const e = JSON.parse(l) as { type: string; input?: { type: string } };
    return e.type === 'turn' && e.input?.type === 'turn' && ++turns > keep;
  });
  expect(cut).toBeGreaterThan(0);
  writeFileSync(join(dir, journal), `${lines.slice(0, cut).join('\n')}\n{"type":"tu`);
  unlinkSync(join(dir, `${id}.json`));
  return { home, id, journal: join(dir, journal) };
}

const candidateTurns = (record: { transcript: { role: string; text: string }[] }) =>
  record.transcript.filter((e) => e.role === 'candidate').map((e) => e.text);

describe('mockloop resume', () => {
  const answers = [
    'I ack the page and look at the auth-api latency dashboard before touching anything.',
    'I check the partner integration latency and the connection pool.',
    'I declare an incident, open a channel and post an update for support.',
  ];

  it('with nothing interrupted, says so', async () => {
    const home = tempDir();
    const r = await mockloop(['resume'], { env: { MOCKLOOP_HOME: home }, input: '' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no interrupted round to resume in .*sessions \(mockloop history lists saved rounds\)/);
    expect(STACK.test(r.stderr)).toBe(false);
  });

  it('picks up a crashed round (torn last line) where it stopped, named by the ref history shows', async () => {
    const c = await crashedRound(['run', 'payment-auth-3am'], answers, 2);
    const history = await mockloop(['history'], { env: { MOCKLOOP_HOME: c.home } });
    // history names it by its short ref, which resume accepts
    const ref = c.id.slice(-4);
    expect(history.stdout).toContain(`resume: mockloop resume ${ref} · score as is: mockloop debrief ${ref}`);

    const r = await mockloop(['resume', ref], { env: { MOCKLOOP_HOME: c.home }, input: `${answers[2]}\n/end\n` });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Resuming Incident: .* So far:/);
    expect(r.stdout).toContain(answers[1]);
    expect(r.stdout).toMatch(/── resumed ──[\s\S]*INC-\d+ declared/);
    const record = JSON.parse(readFileSync(c.journal.replace(/\.jsonl$/, '.json'), 'utf8')) as { id: string; transcript: { role: string; text: string }[] };
    expect(record.id).toBe(c.id);
    expect(candidateTurns(record)).toEqual([...answers, '/end']);
    // the torn fragment was cut off before appending: every line of the journal parses
    for (const line of readFileSync(c.journal, 'utf8').trim().split('\n')) expect(() => JSON.parse(line)).not.toThrow();
    const h = JSON.parse((await mockloop(['history', '--json'], { env: { MOCKLOOP_HOME: c.home } })).stdout) as { sessions: { status: string; scored: boolean }[] };
    expect(h.sessions).toEqual([expect.objectContaining({ status: 'complete', scored: true })]);
  }, 60_000);

  it('with no id, picks the latest interrupted round', async () => {
    const first = await crashedRound(['run', 'payment-auth-3am'], answers, 1);
    const second = await crashedRound(['run', 'payment-auth-design'], ['We keep an idempotency key on every authorisation.', 'We shed load at the edge.'], 1, first.home);
    const r = await mockloop(['resume'], { env: { MOCKLOOP_HOME: first.home }, input: '/end\n' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`Saved: ${second.journal.replace(/\.jsonl$/, '.json')}`);
    expect(existsSync(first.journal.replace(/\.jsonl$/, '.json'))).toBe(false);
  }, 60_000);

  it('scores the same as the round played without a break', async () => {
    const home = tempDir();
    const whole = await mockloop(['run', 'payment-auth-3am', '--json', '--no-save'], { env: { MOCKLOOP_HOME: home }, input: `${answers.join('\n')}\n` });
    const c = await crashedRound(['run', 'payment-auth-3am'], answers, 1, home);
    const resumed = await mockloop(['resume', c.id, '--json'], { env: { MOCKLOOP_HOME: c.home }, input: `${answers.slice(1).join('\n')}\n` });
    expect(resumed.code, resumed.stderr).toBe(0);
    type Out = { debrief: { signals: { id: string; score: number }[] }; transcript: { text: string }[] };
    const a = JSON.parse(whole.stdout) as Out;
    const b = JSON.parse(resumed.stdout) as Out;
    expect(b.debrief.signals.map((s) => [s.id, s.score])).toEqual(a.debrief.signals.map((s) => [s.id, s.score]));
    expect(b.transcript.map((e) => e.text)).toEqual(a.transcript.map((e) => e.text));
  }, 60_000);

  it('resumes a drill, which has no scenario file of its own', async () => {
    const c = await crashedRound(['drill', '--signal', 'capacity-planning', '--minutes', '5'], ['We load tested to 3x peak before launch.', 'I set headroom alerts at 70%.'], 1);
    const r = await mockloop(['resume', c.id.slice(0, -2)], { env: { MOCKLOOP_HOME: c.home }, input: 'I set headroom alerts at 70%.\n' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Resuming Drill: /);
    expect(r.stdout).toMatch(/Debrief/);
  }, 60_000);

  it('refuses a round another mockloop is playing, and takes over a stale lock', async () => {
    const c = await crashedRound(['run', 'payment-auth-3am'], answers, 1);
    const lock = c.journal.replace(/\.jsonl$/, '.lock');
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      writeFileSync(lock, lockText(holder.pid!, processStart(holder.pid!)));
      const busy = await mockloop(['resume', c.id], { env: { MOCKLOOP_HOME: c.home }, input: '' });
      expect(busy.code).toBe(1);
      expect(busy.stderr).toContain(`is being played by another mockloop (process ${holder.pid}); if none is running, delete ${lock}`);
      // history and debrief say it is being played, not that it stopped
      const h = await mockloop(['history'], { env: { MOCKLOOP_HOME: c.home } });
      expect(h.stdout).toMatch(/payment-auth-3am +being played now\n/);
      expect(h.stdout).not.toContain('mockloop resume');
      const d = await mockloop(['debrief', c.id], { env: { MOCKLOOP_HOME: c.home } });
      expect(d.stderr).toContain(`this round is being played now (process ${holder.pid})`);
      // and `resume` alone does not pick it
      const none = await mockloop(['resume'], { env: { MOCKLOOP_HOME: c.home }, input: '' });
      expect(none.stderr).toMatch(/no interrupted round to resume/);
    } finally {
      holder.kill();
    }
    await new Promise((resolve) => holder.once('exit', resolve));
    const r = await mockloop(['resume', c.id], { env: { MOCKLOOP_HOME: c.home }, input: '/end\n' });
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(lock)).toBe(false);
  }, 60_000);

  it('two resumes started together: exactly one plays the round', async () => {
    const c = await crashedRound(['run', 'payment-auth-3am'], answers, 1);
    const both = await Promise.all([0, 1].map((i) => mockloop(['resume', c.id], { env: { MOCKLOOP_HOME: c.home }, input: `${answers[1 + i]}\n/end\n` })));
    expect(both.map((r) => r.code).sort()).toEqual([0, 1]);
    expect(both.find((r) => r.code === 1)!.stderr).toMatch(/being played by another mockloop|finished and scored/);
    const events = readFileSync(c.journal, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { type: string });
    expect(events.filter((e) => e.type === 'resume')).toHaveLength(1);
  }, 60_000);

  it('a facilitated round stays facilitated when resumed', async () => {
    const c = await crashedRound(['run', 'payment-auth-3am', '--facilitator'], answers, 1);
    const r = await mockloop(['resume', c.id], { env: { MOCKLOOP_HOME: c.home }, input: '/end\n' });
    expect(r.code, r.stderr).toBe(0);
    // piped, so the review cannot run: but it is asked for, and the sheet is not shown again
    expect(r.stderr).toContain("the facilitator review needs a terminal; the debrief carries the scorer's verdicts only");
    expect(r.stdout).not.toMatch(/^Facilitator sheet/m);
  }, 60_000);

  it('a journal whose lost line was only what the interviewer said still resumes; a lost answer does not', async () => {
    const c = await crashedRound(['run', 'payment-auth-3am'], answers, 2);
    const lines = readFileSync(c.journal, 'utf8').split('\n');
    const effect = lines.findIndex((l, i) => i > 2 && l.includes('"type":"effect"') && l.includes('"role":"system"'));
    writeFileSync(c.journal, lines.map((l, i) => (i === effect ? 'garbage' : l)).join('\n'));
    const ok = await mockloop(['resume', c.id], { env: { MOCKLOOP_HOME: c.home }, input: '/end\n' });
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stderr).toContain(`:${effect + 1}: not valid JSON; skipped`);

    const d = await crashedRound(['run', 'payment-auth-3am'], answers, 2);
    const dl = readFileSync(d.journal, 'utf8').split('\n');
    const turn = dl.findIndex((l) => l.includes(answers[1]!) && l.includes('"type":"turn"'));
    writeFileSync(d.journal, dl.map((l, i) => (i === turn ? 'garbage' : l)).join('\n'));
    const bad = await mockloop(['resume', d.id], { env: { MOCKLOOP_HOME: d.home }, input: '' });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(`cannot resume round ${d.id}: its journal is damaged (line ${turn + 1}), so the round cannot be rebuilt exactly`);
  }, 60_000);

  it('refuses a journal it cannot write to, rather than play a round that would not be saved', async (ctx) => {
    const c = await crashedRound(['run', 'payment-auth-3am'], answers, 1);
    // an immutable file stops even root; where chattr is missing or unsupported there is nothing to test
    if (spawnSync('chattr', ['+i', c.journal]).status !== 0) ctx.skip();
    try {
      const r = await mockloop(['resume', c.id], { env: { MOCKLOOP_HOME: c.home }, input: '/end\n' });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`cannot resume round ${c.id}: its journal ${c.journal} cannot be written (EPERM), so nothing played would be saved`);
    } finally {
      spawnSync('chattr', ['-i', c.journal]);
    }
  }, 60_000);

  it('refuses when the scenario file changed since the round was played', async () => {
    const home = tempDir();
    const file = join(home, 'my-round.yaml');
    copyFileSync(join(ROOT, 'scenarios', 'payment-auth-design.yaml'), file);
    const c = await crashedRound(['run', file], ['We keep an idempotency key on every authorisation.', 'We shed load at the edge.'], 1, home);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/prompt: (\S)/, 'prompt: Changed. $1'));
    const r = await mockloop(['resume', c.id], { env: { MOCKLOOP_HOME: c.home }, input: '' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`cannot resume round ${c.id}: the scenario has changed since it was played (or its journal was edited) (mockloop debrief ${c.id} shows what was played)`);
  }, 60_000);

  it('a finished round, an unknown id and a bad --answers file are clear errors', async () => {
    const home = tempDir();
    const played = await mockloop(['run', 'payment-auth-3am'], { env: { MOCKLOOP_HOME: home }, input: `${answers[0]}\n` });
    expect(played.code).toBe(0);
    const id = readdirSync(join(home, 'sessions')).find((f) => f.endsWith('.json'))!.replace(/\.json$/, '');
    const cases: [string[], RegExp][] = [
      [['resume', id], /finished and scored, so there is nothing to resume \(mockloop debrief /],
      [['resume', 'no-such-round'], /no saved round matches "no-such-round"/],
    ];
    for (const [args, message] of cases) {
      const r = await mockloop(args, { env: { MOCKLOOP_HOME: home }, input: '' });
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(STACK.test(r.stderr)).toBe(false);
    }
    const c = await crashedRound(['run', 'payment-auth-3am'], answers, 1, home);
    const bad = await mockloop(['resume', c.id, '--answers', join(home, 'missing.yaml')], { env: { MOCKLOOP_HOME: home } });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/missing\.yaml/);
    // nothing was lost by the failed attempt
    expect(readFileSync(c.journal, 'utf8')).not.toMatch(/"type":"resume"/);
  }, 60_000);
});
