import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// The binary plays what the candidate typed: their value, every act of a turn in order, and no
// question about what their answer already covered.

const dir = mkdtempSync(join(tmpdir(), 'mockloop-acts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Entry {
  role: string;
  kind: string;
  text: string;
  ref?: string;
}

function run(id: string, turns: string[]): Entry[] {
  const file = join(dir, `${id}-${turns.length}-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, turns.map((t) => `- ${JSON.stringify(t)}`).join('\n'));
  const r = spawnSync(process.execPath, ['bin/mockloop.js', 'run', id, '--answers', file, '--json', '--no-save'], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', MOCKLOOP_SCENARIOS: '', MOCKLOOP_HOME: dir },
    timeout: 30000,
  });
  expect(r.status, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { transcript: Entry[] }).transcript;
}

describe('mockloop run: the candidate’s own value', () => {
  it('retention set to 24 hours is 24 hours, with what that deletes, on the boards and from the interviewer', () => {
    const t = run('broker-disk-full', [
      'Show me the broker disk dashboard.',
      "I'll set retention on clickstream-raw to 24 hours.",
      'show me the topic config',
      '/end',
    ]);
    const action = t.find((e) => e.ref === 'cut-retention')!;
    expect(action.text).toMatch(/^clickstream-raw retention\.ms 7 d -> 24 h\./);
    expect(action.text).toMatch(/data-lake export .* has not read yet/);
    expect(t.find((e) => e.ref === 'topic-config')!.text).toMatch(/retention\.ms 24 h \(was 7 d\)/);
    expect(t.find((e) => e.ref === 'export-gap')!.text).toMatch(/You set retention on clickstream-raw to 24 h\./);
    expect(t.find((e) => e.kind === 'wrapup')!.text).toMatch(/Retention at 24 h freed the disk, and deleted hours/);
    expect(t.some((e) => / 2 d\b/.test(e.text) && e.role === 'system' && e.kind === 'action')).toBe(false);
  });

  it('the runbook’s 2 days, named, plays as before', () => {
    const t = run('broker-disk-full', ["I'll lower retention on clickstream-raw to 2 days.", '/end']);
    expect(t.find((e) => e.ref === 'cut-retention')!.text).toMatch(/^clickstream-raw retention\.ms 7 d -> 2 d\. The log cleaner deletes old segments/);
  });

  it('a rate limit the boards cannot draw is refused with what they can, never replaced by 800', () => {
    const t = run('payment-auth-3am', ["I'm going to rate limit new authorisations to 600 per second.", '/end']);
    const reply = t.find((e) => e.ref === 'rate-limit')!.text;
    expect(reply).toMatch(/to 600\/s: this round models the limit on new authorisations at 800\/s or 1,150\/s and over, so nothing was changed/);
    expect(reply).not.toMatch(/set to 800/);
  });
});

describe('mockloop run: every act of a turn, in order', () => {
  it('looks, then acts, then escalates, as said', () => {
    const t = run('broker-disk-full', [
      "I'm going to check the consumer lag, then cut retention on clickstream-raw to 2 days, quota the producer and page the mobile team.",
      '/end',
    ]);
    const refs = t.filter((e) => e.role === 'system' && (e.kind === 'panel' || e.kind === 'action')).map((e) => e.ref);
    expect(refs).toEqual(['consumer-lag', 'cut-retention', 'throttle-producer', 'page-mobile']);
  });

  it('two acts that pull opposite ways: the interviewer says which was taken and why', () => {
    const t = run('payment-auth-3am', ["I'm going to fail open and then turn fail-open off.", '/end']);
    expect(t.filter((e) => e.kind === 'action').map((e) => e.ref)).toEqual(['fail-open']);
    expect(t.find((e) => e.ref === 'conflict')).toMatchObject({ role: 'interviewer' });
    expect(t.find((e) => e.ref === 'conflict')!.text).toMatch(/so I took the first you said: fail open on the partner integration/);
  });
});
