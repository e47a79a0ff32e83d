import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// Two scripted rounds of the same scenario into a fresh MOCKLOOP_HOME, read back as a user would.

const home = mkdtempSync(join(tmpdir(), 'mockloop-home-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

function mockloop(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['bin/mockloop.js', ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', MOCKLOOP_SCENARIOS: '', MOCKLOOP_HOME: home, ...env },
    timeout: 30000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function answers(name: string, turns: string[]): string {
  const file = join(home, name);
  writeFileSync(file, turns.map((t) => `- ${JSON.stringify(t)}`).join('\n'));
  return file;
}

const thin = answers('thin.yaml', ['I would restart the service and see if it helps', '/end']);
const better = answers('better.yaml', [
  "I'd check the queue depth on the partner integration and the authorisation latency dashboard",
  'Declare an incident and page the incident manager',
  'We did not fail open; I would rate limit calls to the partner to protect the queue',
  'Post an update to support and the merchant team with what we know and when the next update comes',
  'In the review we listed action items with owners and I followed up until each one shipped',
  '/end',
]);

const sessions = () => readdirSync(join(home, 'sessions')).sort();

describe('saved rounds: run, history, debrief', () => {
  const first = mockloop(['run', 'payment-auth-3am', '--answers', thin]);
  const second = mockloop(['run', 'payment-auth-3am', '--answers', better]);

  it('saves each round and says where on stderr', () => {
    expect(first.status).toBe(0);
    expect(second.status).toBe(0);
    expect(first.stderr).toMatch(/Saved: .*sessions\/.*payment-auth-3am-[0-9a-f]{4}\.json/);
    expect(sessions().filter((f) => f.endsWith('.json'))).toHaveLength(2);
    expect(sessions().filter((f) => f.endsWith('.jsonl'))).toHaveLength(2);
  });

  it('history --json lists both rounds, the trends and the retake diff', () => {
    const r = mockloop(['history', '--json']);
    expect(r.status).toBe(0);
    const h = JSON.parse(r.stdout) as {
      sessions: { id: string; scenario: { id: string }; status: string; ended?: string; signals: Record<string, { score: number }> }[];
      trends: Record<string, number[]>;
      retakes: { scenario: string; previous: string; latest: string; gained: string[]; lost: string[] }[];
    };
    // both answers files stop with /end before the review: complete, and ended early
    expect(h.sessions.map((s) => [s.scenario.id, s.status, s.ended])).toEqual([
      ['payment-auth-3am', 'complete', 'end'],
      ['payment-auth-3am', 'complete', 'end'],
    ]);
    const ij = h.trends['incident-judgement'];
    expect(ij).toHaveLength(2);
    expect(ij![1]!).toBeGreaterThan(ij![0]!);
    expect(h.retakes).toHaveLength(1);
    expect(h.retakes[0]).toMatchObject({ scenario: 'payment-auth-3am', previous: h.sessions[0]!.id, latest: h.sessions[1]!.id });
    expect(h.retakes[0]!.gained.length).toBeGreaterThan(0);
    for (const ref of h.retakes[0]!.gained) expect(ref).toMatch(/^[a-z-]+\/[a-z0-9-]+$/);
  });

  it('history prints sparklines in text', () => {
    const r = mockloop(['history']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/incident-judgement\s+[▁▂▃▄▅▆▇█]{2}/);
    expect(r.stdout).toMatch(/Retakes/);
  });

  it('debrief <id prefix> --format md re-prints the saved debrief', () => {
    const id = sessions().find((f) => f.endsWith('.json'))!.replace(/\.json$/, '');
    const r = mockloop(['debrief', id.slice(0, -2), '--format', 'md']);
    if (r.status !== 0) {
      // the prefix may be shared by both rounds when they started in the same second
      expect(r.stderr).toMatch(/matches 2 saved rounds/);
    }
    const full = mockloop(['debrief', id, '--format', 'md']);
    expect(full.status).toBe(0);
    expect(full.stdout).toMatch(/^# Debrief: /);
    expect(full.stdout).toMatch(/^## Incident judgement/im);
    expect(full.stdout).toMatch(/\| Phase \| Spent \| Budget \|/);
  });

  it('rebuilds the same debrief from the journal when the record is missing (an interrupted round)', () => {
    const id = sessions().filter((f) => f.endsWith('.json'))[1]!.replace(/\.json$/, '');
    const saved = JSON.parse(mockloop(['debrief', id, '--format', 'json']).stdout) as { signals: { id: string; score: number }[] };
    unlinkSync(join(home, 'sessions', `${id}.json`));
    const r = mockloop(['debrief', id, '--format', 'json']);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/interrupted.*replaying the journal \(mockloop resume \S+ carries it on\)/);
    const replayed = JSON.parse(r.stdout) as typeof saved;
    expect(replayed.signals.map((s) => [s.id, s.score])).toEqual(saved.signals.map((s) => [s.id, s.score]));
    // both rounds may start in the same second, so the file order need not be the order they ran in
    const h = JSON.parse(mockloop(['history', '--json']).stdout) as { sessions: { id: string; status: string }[] };
    expect(h.sessions).toHaveLength(2);
    for (const s of h.sessions) expect(s.status).toBe(s.id === id ? 'interrupted' : 'complete');
  });

  it('--no-save keeps the round off disk', () => {
    const before = sessions();
    const r = mockloop(['run', 'payment-auth-3am', '--answers', thin, '--no-save']);
    expect(r.status).toBe(0);
    expect(r.stderr).not.toMatch(/Saved:/);
    expect(sessions()).toEqual(before);
  });

  it('an unwritable data directory is reported once and the round still plays', () => {
    const file = join(home, 'a-file');
    writeFileSync(file, 'x');
    const r = mockloop(['run', 'payment-auth-3am', '--answers', thin], { MOCKLOOP_HOME: join(file, 'home') });
    expect(r.status).toBe(0);
    expect(r.stderr.match(/cannot save rounds/g)).toHaveLength(1);
    expect(r.stdout).toMatch(/Debrief/);
  });

  it('debrief with no ref, in text or Markdown, is the latest round', () => {
    // a home of its own: the other groups of this file save rounds into the shared one
    const own = { MOCKLOOP_HOME: mkdtempSync(join(tmpdir(), 'mockloop-latest-')) };
    const older = /mockloop debrief (\S+)\)/.exec(mockloop(['run', 'payment-auth-3am', '--answers', better], own).stderr)![1]!;
    const latestRef = /mockloop debrief (\S+)\)/.exec(mockloop(['run', 'payment-auth-3am', '--answers', thin], own).stderr)![1]!;
    for (const format of [[], ['--format', 'md']]) {
      const none = mockloop(['debrief', ...format], own);
      const named = mockloop(['debrief', latestRef, ...format], own);
      expect(none.status).toBe(0);
      expect(none.stdout).toBe(named.stdout);
    }
    expect(mockloop(['debrief'], own).stdout).not.toBe(mockloop(['debrief', older], own).stdout);
    rmSync(own.MOCKLOOP_HOME, { recursive: true, force: true });
  });

  it('debrief --timeline adds the time per phase and the investigation to the summary', () => {
    const ref = /mockloop debrief (\S+)\)/.exec(second.stderr)![1]!;
    const summary = mockloop(['debrief', ref]).stdout;
    const timeline = mockloop(['debrief', ref, '--timeline']).stdout;
    expect(summary).not.toMatch(/Investigation \(simulated clock\)/);
    expect(timeline).toMatch(/Time per phase[\s\S]*Investigation \(simulated clock\)\n  02:47 /);
    expect(timeline.startsWith(summary.trimEnd())).toBe(true);
  });

  it('drill with no --signal practises the weakest signal in history, and says why', () => {
    const h = JSON.parse(mockloop(['history', '--json']).stdout) as { sessions: { noAnswers?: boolean; signals: Record<string, { score: number }> }[] };
    // each signal's score in the latest round with answers that targeted it
    const latest: Record<string, { score: number }> = {};
    for (const s of h.sessions) if (!s.noAnswers) Object.assign(latest, s.signals);
    const lowest = Math.min(...Object.values(latest).map((v) => v.score));
    const file = answers('drill.yaml', ['We paged the platform team and they helped.', '/end']);
    const r = mockloop(['drill', '--answers', file, '--no-save', '--json']);
    expect(r.status).toBe(0);
    const signal = /^Drilling .+: your weakest signal: [a-z ]+ \((\d+)\/100\)[^\n]*\n {2}\(mockloop drill --signal ([a-z-]+) picks it yourself\)/.exec(r.stderr);
    expect(signal, r.stderr).not.toBeNull();
    expect(Number(signal![1])).toBe(lowest);
    expect(latest[signal![2]!]!.score).toBe(lowest);
    expect((JSON.parse(r.stdout) as { scenario: { id: string } }).scenario.id).toBe(`drill-${signal![2]}`);
    // with no history: one at random, and it says so
    const empty = mkdtempSync(join(tmpdir(), 'mockloop-empty-'));
    const fresh = mockloop(['drill', '--answers', file, '--no-save'], { MOCKLOOP_HOME: empty });
    expect(fresh.stdout).toMatch(/^Drilling .+: no scored rounds yet, so one at random\./);
    rmSync(empty, { recursive: true, force: true });
  });

  it('debrief of an unknown id is a one-line error', () => {
    const r = mockloop(['debrief', 'nope']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^error: no saved round matches "nope"/);
  });
});

describe('a round ended at once with /end', () => {
  const own = mkdtempSync(join(tmpdir(), 'mockloop-home-'));
  afterAll(() => rmSync(own, { recursive: true, force: true }));
  const env = { MOCKLOOP_HOME: own };
  const endNow = answers('end-now.yaml', ['/end']);
  const runs = [
    mockloop(['run', 'payment-auth-3am', '--answers', better], env),
    mockloop(['run', 'payment-auth-3am', '--answers', endNow], env),
  ];

  it('is listed as (no answers) and left out of trends and retakes', () => {
    for (const r of runs) expect(r.status).toBe(0);
    const h = JSON.parse(mockloop(['history', '--json'], env).stdout) as {
      sessions: { noAnswers?: boolean; signals: Record<string, { score: number }> }[];
      trends: Record<string, number[]>;
      retakes: unknown[];
    };
    expect(h.sessions.map((s) => s.noAnswers === true)).toEqual([false, true]);
    expect(h.trends['incident-judgement']).toEqual([h.sessions[0]!.signals['incident-judgement']!.score]);
    expect(h.trends['incident-judgement']![0]).toBeGreaterThan(0);
    expect(h.retakes).toEqual([]);
    const text = mockloop(['history'], env).stdout;
    expect(text).toMatch(/payment-auth-3am +ended early \(no answers\)\n/);
    expect(text).not.toMatch(/→ 0/);
  });

  it('the terminal debrief of a short round stays short and names the commands that show the rest', () => {
    // one look and one blind fix: a few beats hit, most missed
    const glance = answers('glance.yaml', ['I would check the dashboard and restart the service to see if it helps', '/end']);
    const short = mockloop(['run', 'payment-auth-3am', '--answers', glance], env);
    const debrief = short.stdout.slice(short.stdout.indexOf('Debrief'));
    expect(debrief.split('\n').length).toBeLessThan(60);
    // "Saved" names the round by the short ref history shows, and the debrief says what shows more
    const ref = /mockloop debrief (\S+)\)/.exec(short.stderr)![1]!;
    expect(ref).toMatch(/^[0-9a-f]{4}$/);
    expect(mockloop(['history'], env).stdout).toMatch(new RegExp(`^  ${ref} `, 'm'));
    expect(debrief.replace(/\s+/g, ' ')).toContain(`mockloop debrief ${ref} --full`);
    const full = mockloop(['debrief', ref, '--full'], env).stdout;
    expect(full.split('\n').length).toBeGreaterThan(debrief.split('\n').length);
    expect(full.replace(/\s+/g, ' ')).toMatch(new RegExp(`… and \\d+ more missed beats \\(mockloop debrief ${ref} --format md lists them all\\)`));
    const md = mockloop(['debrief', ref, '--format', 'md'], env).stdout;
    expect(md.split('\n').length).toBeGreaterThan(full.split('\n').length);
  });
});

describe('history says how a complete round ended', () => {
  const own = mkdtempSync(join(tmpdir(), 'mockloop-ended-'));
  afterAll(() => rmSync(own, { recursive: true, force: true }));
  const env = { MOCKLOOP_HOME: own };
  const files = () => readdirSync(join(own, 'sessions')).filter((f) => f.endsWith('.json')).sort();

  it('a round stopped with /end is "ended early"; one played through is "complete"; an old record stays readable', () => {
    const early = answers('early.yaml', ['I would check the partner queue depth and the latency dashboard', '/end']);
    expect(mockloop(['run', 'payment-auth-3am', '--answers', early], env).status).toBe(0);
    const [earlyFile] = files();
    // every phase skipped: the round reaches its end
    const through = answers('through.yaml', Array.from({ length: 6 }, () => '/skip'));
    expect(mockloop(['run', 'capacity-launch-behavioral', '--answers', through], env).status).toBe(0);
    const saved = JSON.parse(readFileSync(join(own, 'sessions', earlyFile!), 'utf8')) as { ended?: string };
    expect(saved.ended).toBe('end');

    const h = JSON.parse(mockloop(['history', '--json'], env).stdout) as { sessions: { scenario: { id: string }; status: string; ended?: string; endedEarly?: boolean }[] };
    const by = Object.fromEntries(h.sessions.map((s) => [s.scenario.id, s]));
    expect(by['payment-auth-3am']).toMatchObject({ status: 'complete', ended: 'end', endedEarly: true });
    expect(by['capacity-launch-behavioral']).toMatchObject({ status: 'complete', ended: 'done' });
    expect(by['capacity-launch-behavioral']!.endedEarly).toBeUndefined();
    const text = mockloop(['history'], env).stdout;
    expect(text).toMatch(/payment-auth-3am +ended early\n/);
    expect(text).toMatch(/capacity-launch-behavioral +complete \(no answers\)\n/);

    // a record saved before the ending was kept: read as before, its /end found in the transcript
    const old = JSON.parse(readFileSync(join(own, 'sessions', earlyFile!), 'utf8')) as Record<string, unknown>;
    delete old.ended;
    writeFileSync(join(own, 'sessions', earlyFile!), JSON.stringify(old, null, 2));
    const again = mockloop(['history'], env);
    expect(again.stderr).toBe('');
    expect(again.stdout).toMatch(/payment-auth-3am +ended early\n/);
  });
});
