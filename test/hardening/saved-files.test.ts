import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, mockloop, STACK } from './cli.js';

// Saved rounds, journals and the listing cache are read back through a schema: a damaged or
// hand-edited one is bad input (exit 1, one line naming the file), never "This is a bug".

const tmp = mkdtempSync(join(tmpdir(), 'mockloop-saved-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const home = join(tmp, 'home');
const sessions = join(home, 'sessions');
const env = { MOCKLOOP_HOME: home };
let good: { id: string; record: Record<string, unknown>; journal: string };

beforeAll(async () => {
  const answers = join(tmp, 'answers.yaml');
  writeFileSync(answers, '- I would check the queue depth on the partner integration\n- /end\n');
  const r = await mockloop(['run', 'payment-auth-3am', '--answers', answers], { env });
  expect(r.code, r.stderr).toBe(0);
  const name = readdirSync(sessions).find((f) => f.endsWith('.json'))!;
  good = { id: name.replace(/\.json$/, ''), record: JSON.parse(readFileSync(join(sessions, name), 'utf8')) as Record<string, unknown>, journal: readFileSync(join(sessions, name.replace(/\.json$/, '.jsonl')), 'utf8') };
}, 60_000);

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
type Rec = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe.each([
  ['scenario: null', (r: Rec) => void (r.scenario = null), 'scenario must be an object'],
  ['debrief.signals: null', (r: Rec) => void (r.debrief.signals = null), 'debrief.signals must be an array'],
  ['an object where a string belongs', (r: Rec) => void (r.scenario.id = { id: 'x' }), 'scenario.id must be a string'],
  ['a numeric title', (r: Rec) => void (r.scenario.title = 42), 'scenario.title must be a string'],
  ['a transcript entry without text', (r: Rec) => void delete r.transcript[0].text, 'transcript.0 has no text'],
])('a record with %s', (name, damage, reason) => {
  const id = `2000-01-01T00-00-00-${name.replace(/[^a-z]+/g, '-').replace(/-$/, '')}-bad1`;
  const path = () => join(sessions, `${id}.json`);
  beforeAll(() => {
    const r = clone(good.record) as Rec;
    r.id = id;
    damage(r);
    writeFileSync(path(), JSON.stringify(r));
  });
  afterAll(() => rmSync(path(), { force: true }));

  it('debrief exits 1 with the reason', async () => {
    const r = await mockloop(['debrief', id], { env });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(`error: ${path()}: not a saved mockloop round (${reason})`);
  });

  it('history skips it with a one-line warning naming the file, and lists the rest', async () => {
    const r = await mockloop(['history'], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`mockloop: ${path()}: not a saved mockloop round (${reason}); skipped\n`);
    expect(r.stdout).toContain('payment-auth-3am');
    expect(r.stderr).not.toMatch(STACK);
  });
});

describe('journals', () => {
  it('a start event with wrong types is not a journal: debrief exits 1, history skips it', async () => {
    const id = '2000-01-01T00-00-00-bad-start-bad2';
    const [start, ...rest] = good.journal.split('\n');
    const s = JSON.parse(start!) as Rec;
    s.scenario = null;
    s.id = id;
    writeFileSync(join(sessions, `${id}.jsonl`), [JSON.stringify(s), ...rest].join('\n'));
    const d = await mockloop(['debrief', id], { env });
    expect(d.code).toBe(1);
    expect(d.stderr).toMatch(/:1: a start event that is not valid \(scenario must be an object\); skipped\n.*not a mockloop journal/s);
    const h = await mockloop(['history'], { env });
    expect(h.code).toBe(0);
    expect(h.stderr).toContain(`${id}.jsonl: no start event; skipped`);
    rmSync(join(sessions, `${id}.jsonl`));
  });

  it('a journal saved with a UTF-8 byte-order mark is read', async () => {
    const id = '2000-01-01T00-00-00-bom-bad3';
    const s = JSON.parse(good.journal.split('\n')[0]!) as Rec;
    s.id = id;
    writeFileSync(join(sessions, `${id}.jsonl`), `\uFEFF${[JSON.stringify(s), ...good.journal.split('\n').slice(1)].join('\n')}`);
    const d = await mockloop(['debrief', id], { env });
    expect(d.code, d.stderr).toBe(0);
    expect(d.stdout).toMatch(/Debrief/);
    rmSync(join(sessions, `${id}.jsonl`));
  });
});

describe('the listing cache', () => {
  it('with wrong types is rebuilt silently', async () => {
    const first = await mockloop(['list'], { env });
    expect(first.code).toBe(0);
    const cache = join(home, 'cache', 'listings-v1.json');
    const body = JSON.parse(readFileSync(cache, 'utf8')) as Rec;
    body.listings[0].title = { evil: true };
    body.listings[1].signals = null;
    body.listings[2].minutes = 'ninety';
    writeFileSync(cache, JSON.stringify(body));
    const r = await mockloop(['list'], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(first.stdout);
  });
});

describe('the environment', () => {
  it('a sessions directory that cannot be read is exit 1 with one line', async () => {
    const loop = join(tmp, 'loop-home');
    mkdirSync(loop);
    // a symlink to itself: readdir fails (ELOOP) even for root, as EACCES does for a user
    symlinkSync('sessions', join(loop, 'sessions'));
    for (const args of [['history'], ['debrief', 'x'], ['resume']]) {
      const r = await mockloop(args, { env: { MOCKLOOP_HOME: loop } });
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(1);
      expect(r.stderr).toMatch(/sessions: cannot read the saved rounds \(ELOOP\)/);
      expect(r.stderr).not.toMatch(/This is a bug/);
    }
  });

  it('stdout on a full device is exit 1 with one line', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" list > /dev/full`], { encoding: 'utf8', env: { ...process.env, ...env, NO_COLOR: '1' } });
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe('mockloop: cannot write to stdout (ENOSPC)');
  });
});
