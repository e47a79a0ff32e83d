import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// `mockloop run` as a user runs it: the built binary, an answers file or piped stdin.

const bin = join(import.meta.dirname, '..', '..', 'bin', 'mockloop.js');
const home = mkdtempSync(join(tmpdir(), 'mockloop-run-'));

function mockloop(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    input: input ?? '',
    encoding: 'utf8',
    env: { ...process.env, MOCKLOOP_HOME: home, NO_COLOR: '1', FORCE_COLOR: undefined },
    timeout: 30_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function answersFile(name: string, body: string): string {
  const file = join(home, name);
  writeFileSync(file, body);
  return file;
}

const structured = [
  "I'd acknowledge the page and confirm the regression on the auth-api overview dashboard: latency, errors, throughput.",
  'Is it us? Check CPU, memory and pods on our service.',
  'Then the database board.',
  'Check the queue depth on the partner integration.',
  'I would not fail open: the partner is slow, not down, so fail-open approvals would mismatch their state once they recover. I will rate limit new authorisations instead.',
  'Declare an incident and page the incident manager.',
  '/time',
  'Post an update to incident comms: we are rate limiting, trading throughput for integrity.',
];

const yamlList = (lines: string[]) => lines.map((l) => `- ${JSON.stringify(l)}`).join('\n');

interface Entry {
  role: string;
  text: string;
  kind: string;
  phase: string;
  atMs: number;
  clock?: string;
  ref?: string;
}

describe('mockloop run --answers --json', () => {
  const file = answersFile('structured.yaml', yamlList(structured));
  const r = mockloop(['run', 'payment-auth-3am', '--answers', file, '--json']);

  it('exits 0 and prints exactly one JSON object on stdout', () => {
    expect(r.stderr).not.toMatch(/error|warn|mockloop:/i);
    expect(r.code).toBe(0);
    expect(() => JSON.parse(r.stdout)).not.toThrow();
  });

  it('has the scenario, the transcript and the debrief', () => {
    const out = JSON.parse(r.stdout) as { scenario: object; transcript: Entry[]; debrief: Record<string, unknown> };
    expect(Object.keys(out).sort()).toEqual(['debrief', 'scenario', 'transcript']);
    expect(out.scenario).toEqual({ id: 'payment-auth-3am', kind: 'incident', title: expect.any(String) });
    const roles = new Set(out.transcript.map((e) => e.role));
    expect(roles).toEqual(new Set(['interviewer', 'candidate', 'system']));
    for (const e of out.transcript) {
      expect(typeof e.text).toBe('string');
      expect(typeof e.kind).toBe('string');
      expect(typeof e.phase).toBe('string');
      expect(typeof e.atMs).toBe('number');
    }
    expect(out.transcript[0]).toMatchObject({ role: 'system', kind: 'page', clock: '02:47' });
    const candidate = out.transcript.filter((e) => e.role === 'candidate').map((e) => e.text);
    expect(candidate).toEqual(structured);
    expect(out.transcript.some((e) => e.kind === 'panel' && e.ref === 'partner-queue')).toBe(true);
    const signals = out.debrief.signals as { id: string; score: number; level: number; label: string; beats: unknown[]; redFlags: unknown[] }[];
    expect(signals.map((s) => s.id)).toContain('incident-judgement');
    for (const s of signals) {
      expect(s.score).toBeGreaterThanOrEqual(0);
      expect(s.score).toBeLessThanOrEqual(100);
      expect(Array.isArray(s.beats)).toBe(true);
    }
    expect(out.debrief.timeline).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'asked', ref: 'partner-queue' })]));
    expect(out.debrief.milestones).toMatchObject({ declared: expect.any(String), mitigated: expect.any(String) });
    expect(Array.isArray(out.debrief.phases)).toBe(true);
  });

  it('is deterministic: the same answers give the same output', () => {
    const again = mockloop(['run', 'payment-auth-3am', '--answers', file, '--json']);
    expect(again.stdout).toBe(r.stdout);
  });
});

describe('mockloop run with piped stdin', () => {
  it('takes each stdin line as a turn and prints the transcript as it plays, then the debrief', () => {
    const r = mockloop(['run', 'payment-auth-3am'], 'check the queue depth on the partner integration\n/panels\n\nI would not fail open\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('02:47 Saturday');
    expect(r.stdout).toContain('> check the queue depth on the partner integration');
    expect(r.stdout).toMatch(/Northbridge/);
    expect(r.stdout).toMatch(/Asked for so far:\n.*02:47 .*Northbridge/);
    expect(r.stdout).toMatch(/incident judgement/i);
  });

  it('--json with stdin prints one JSON object', () => {
    const r = mockloop(['run', 'payment-auth-3am', '--json'], 'check the database\n');
    const out = JSON.parse(r.stdout) as { transcript: Entry[] };
    expect(out.transcript.filter((e) => e.role === 'candidate').map((e) => e.text)).toEqual(['check the database']);
  });
});

describe('timing', () => {
  it('--untimed plays without time notices', () => {
    const turns = Array.from({ length: 40 }, (_, i) => `I'd check the database board, take ${i}`);
    const file = answersFile('many.yaml', yamlList(turns));
    const r = mockloop(['run', 'payment-auth-design', '--answers', file, '--untimed', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { transcript: Entry[] };
    expect(out.transcript.some((e) => e.ref === 'half-time' || e.ref === 'time-up' || e.ref === 'phase-time')).toBe(false);
  });

  it('timed scripted play advances 90 s per turn: a short round warns and wraps up', () => {
    const turns = Array.from({ length: 20 }, (_, i) => `Answer number ${i}.`);
    const file = answersFile('short.yaml', yamlList(turns));
    const r = mockloop(['run', 'hiring-manager-backend', '--answers', file, '--minutes', '12', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { transcript: Entry[] };
    const refs = out.transcript.map((e) => e.ref);
    expect(refs).toContain('half-time');
    expect(refs).toContain('five-minutes');
    expect(refs).toContain('time-up');
    // 12 minutes at 90 s a turn: the eighth turn is at 12:00
    expect(out.transcript.filter((e) => e.role === 'candidate')).toHaveLength(8);
  });
});

describe('bad input', () => {
  it('an unknown scenario id exits 1 with the nearest ids', () => {
    const r = mockloop(['run', 'payment-auth-3pm']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: no such file or scenario "payment-auth-3pm"\nclosest ids: payment-auth-3am/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a missing .yaml file is "no such file or scenario" with the closest ids, not a position in it', () => {
    const r = mockloop(['run', 'nosuch.yaml']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: no such file or scenario "nosuch\.yaml"\nclosest ids: [a-z0-9-]+(, [a-z0-9-]+){0,2} \(mockloop list shows all \d+\)\n$/);
    expect(r.stderr).not.toMatch(/:1:1/);
  });

  it('a misspelt option points at the command\'s help', () => {
    const r = mockloop(['run', 'payment-auth-3am', '--minuts', '5']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("error: unknown option '--minuts' (did you mean --minutes?)\nsee mockloop run --help\n");
  });

  it('a broken answers file: file:line:col and the problem, without the parser\'s own position', () => {
    const file = answersFile('broken.yaml', '- "a"\n- [b\n');
    const r = mockloop(['run', 'payment-auth-3am', '--answers', file]);
    expect(r.code).toBe(1);
    const [first, hint, ...rest] = r.stderr.trimEnd().split('\n');
    expect(first).toMatch(new RegExp(`^error: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:1: not valid YAML: \\S`));
    expect(first).not.toMatch(/at line|column/);
    expect(hint).toMatch(/YAML list of strings/);
    expect(rest).toEqual([]);
  });

  it('a lone / or an unknown slash command gets the list of commands and is not scored', () => {
    const file = answersFile('slashes.yaml', yamlList(['/', '/foo', '/end']));
    const r = mockloop(['run', 'payment-auth-3am', '--answers', file, '--no-save']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/A lone \/ is not a command\.\n\s*Commands: \/time \/hint/);
    expect(r.stdout).toMatch(/Unknown command \/foo\.\n\s*Commands: \/time \/hint/);
    const json = JSON.parse(mockloop(['run', 'payment-auth-3am', '--answers', file, '--no-save', '--json']).stdout) as { transcript: Entry[]; debrief: { overall: { words: number } } };
    expect(json.transcript.filter((e) => e.role === 'candidate' && e.kind === 'answer')).toEqual([]);
    expect(json.debrief.overall.words).toBe(0);
  });

  it.each([
    ['not a list', 'just: a mapping\n', /not-a-list\.yaml: expected a YAML list of strings/],
    ['a number entry', '- fine\n- 42\n', /a-number-entry\.yaml: entry 2 is a number, expected a string/],
    ['a mapping entry', '- fine\n- check: the queue\n', /a-mapping-entry\.yaml: entry 2 is a mapping/],
  ])('an answers file that is %s is a one-line error naming the file', (name, body, message) => {
    const file = answersFile(`${name.replace(/ /g, '-')}.yaml`, body);
    const r = mockloop(['run', 'payment-auth-3am', '--answers', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a missing answers file, bad --minutes, --minutes with --untimed', () => {
    expect(mockloop(['run', 'payment-auth-3am', '--answers', join(home, 'nope.yaml')]).stderr).toMatch(/nope\.yaml: no such file/);
    expect(mockloop(['run', 'payment-auth-3am', '--minutes', 'ten']).stderr).toMatch(/--minutes: expected a number/);
    expect(mockloop(['run', 'payment-auth-3am', '--minutes', '10', '--untimed']).code).toBe(1);
  });

  it('the menu without a terminal says to use run <id>', () => {
    const r = mockloop([]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/mockloop run <id>/);
  });
});

describe('mockloop drill', () => {
  it('plays one prompt of the chosen signal with follow-ups, deterministically', () => {
    const file = answersFile('drill.yaml', yamlList(['We had an outage once and fixed it.', 'It went fine.', 'Nothing else.']));
    const r = mockloop(['drill', '--signal', 'incident-judgement', '--answers', file, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { scenario: { id: string }; transcript: Entry[]; debrief: { signals: { id: string }[]; targets: string[] } };
    expect(out.scenario.id).toBe('drill-incident-judgement');
    expect(out.transcript[0]).toMatchObject({ role: 'interviewer', kind: 'prompt' });
    expect(out.transcript.filter((e) => e.kind === 'followup')).toHaveLength(2);
    expect(out.debrief.targets).toEqual(['incident-judgement']);
    expect(out.debrief.signals.map((s) => s.id)).toContain('incident-judgement');
    expect(mockloop(['drill', '--signal', 'incident-judgement', '--answers', file, '--json']).stdout).toBe(r.stdout);
  });

  it('an unknown signal suggests the nearest', () => {
    const r = mockloop(['drill', '--signal', 'incident-judgment']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/did you mean "incident-judgement"/);
  });
});
