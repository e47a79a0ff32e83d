import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileDurably, type DurableFs } from '../../src/io/durable-write.js';
import { lockPath, lockRound, lockText, processStart } from '../../src/io/journal.js';
import { BIN, mockloop } from './cli.js';

// A full disk, a lock beside someone else's file, an answer that breaks the scorer: the candidate's
// words and the user's files survive every one of them.

const tmp = mkdtempSync(join(tmpdir(), 'mockloop-loss-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const answers = join(tmp, 'answers.yaml');
writeFileSync(answers, '- I would check the queue depth on the partner integration\n- /end\n');

/** A disk that takes `room` more bytes, in short writes, then reports nothing written. */
function fullAfter(room: number): DurableFs {
  let left = room;
  return {
    ...fs,
    writeSync: (fd, buffer, offset, length) => {
      const n = Math.min(length, left, 4096);
      left -= n;
      return n === 0 ? 0 : fs.writeSync(fd, buffer, offset, n);
    },
  };
}

describe('a full disk', () => {
  it('keeps the previous file whole when a write comes up short', () => {
    const dir = join(tmp, 'short');
    mkdirSync(dir);
    const path = join(dir, 'r.json');
    writeFileSync(path, '{"old":true}\n');
    expect(() => writeFileDurably(path, 'x'.repeat(20_000), { fs: fullAfter(8192) })).toThrow(/no space/);
    expect(readFileSync(path, 'utf8')).toBe('{"old":true}\n');
    expect(readdirSync(dir)).toEqual(['r.json']);
  });

  it('writes every byte when the writes are short but the disk has room', () => {
    const path = join(tmp, 'room.json');
    writeFileDurably(path, 'y'.repeat(20_000), { fs: fullAfter(1e9) });
    expect(readFileSync(path, 'utf8')).toBe('y'.repeat(20_000));
  });

  it('a round that cannot save its record says so, exits 1, and debrief rebuilds it from the journal', async () => {
    const home = join(tmp, 'home-full');
    // 16 KiB per file: the journal of a short round fits, its record (with the debrief) does not
    const r = spawnSync('sh', ['-c', `ulimit -f 16; exec "${process.execPath}" "${BIN}" run payment-auth-3am --answers "${answers}"`], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', MOCKLOOP_HOME: home, MOCKLOOP_SCENARIOS: '' },
    });
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).not.toMatch(/Saved:/);
    expect(r.stderr).toMatch(/could not save the record: disk full; the journal at \S+\.jsonl still has every answer/);
    const files = readdirSync(join(home, 'sessions'));
    expect(files.filter((f) => f.endsWith('.json'))).toEqual([]);
    const id = files.find((f) => f.endsWith('.jsonl'))!.replace(/\.jsonl$/, '');
    const d = await mockloop(['debrief', id], { env: { MOCKLOOP_HOME: home } });
    expect(d.code, d.stderr).toBe(0);
    expect(d.stdout).toMatch(/Debrief:/);
  });

  it('a record cut short beside its journal is rebuilt from the journal, and the round can be resumed', async () => {
    const home = join(tmp, 'home-cut');
    const r = await mockloop(['run', 'payment-auth-3am', '--answers', answers], { env: { MOCKLOOP_HOME: home } });
    expect(r.code, r.stderr).toBe(0);
    const dir = join(home, 'sessions');
    const record = join(dir, readdirSync(dir).find((f) => f.endsWith('.json'))!);
    writeFileSync(record, readFileSync(record).subarray(0, 4096));
    const id = record.replace(/^.*\/|\.json$/g, '');
    const d = await mockloop(['debrief', id], { env: { MOCKLOOP_HOME: home } });
    expect(d.code, d.stderr).toBe(0);
    expect(d.stderr).toMatch(/not a saved mockloop round.*rebuilding the round from its journal/);
    expect(d.stdout).toMatch(/Debrief:/);
    const again = await mockloop(['resume', id, '--answers', answers], { env: { MOCKLOOP_HOME: home } });
    expect(again.stderr).not.toMatch(/finished and scored/);
  });
});

describe('resume beside files that are not rounds', () => {
  for (const [name, lock] of [
    ['composer.json', 'composer.lock'],
    ['Gemfile', 'Gemfile.lock'],
    ['notes.jsonl', 'notes.lock'],
  ] as const) {
    it(`resume ${name} leaves ${lock} alone`, async () => {
      const dir = join(tmp, `foreign-${name.replace('.', '-')}`);
      mkdirSync(dir);
      writeFileSync(join(dir, name), name.endsWith('l') ? '{"type":"turn"}\n' : '{"require":{}}\n');
      writeFileSync(join(dir, lock), 'dependency lock: not ours\n');
      const r = await mockloop(['resume', join(dir, name)], { env: { MOCKLOOP_HOME: join(tmp, 'home-foreign') } });
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toMatch(/not a mockloop journal/);
      expect(readFileSync(join(dir, lock), 'utf8')).toBe('dependency lock: not ours\n');
    });
  }

  it('a lock that mockloop did not write is never removed, even beside a real journal', async () => {
    const home = join(tmp, 'home-lock');
    const input = 'I would check the queue depth on the partner integration\n';
    await mockloop(['run', 'payment-auth-3am'], { input, env: { MOCKLOOP_HOME: home } });
    const dir = join(home, 'sessions');
    // a journal without a record: write one by hand from a finished round
    const journal = join(dir, readdirSync(dir).find((f) => f.endsWith('.jsonl'))!);
    rmSync(journal.replace(/\.jsonl$/, '.json'), { force: true });
    const lock = journal.replace(/\.jsonl$/, '.lock');
    writeFileSync(lock, 'hand-written, not a process id\n');
    const r = await mockloop(['resume', journal, '--answers', answers], { env: { MOCKLOOP_HOME: home } });
    expect(r.code).toBe(1);
    expect(existsSync(lock)).toBe(true);
    expect(readFileSync(lock, 'utf8')).toBe('hand-written, not a process id\n');
  });
});

describe('a stale lock whose process id was reused', () => {
  it('is taken over, where a lock of the same live process started at that time is not', () => {
    const dir = mkdtempSync(join(tmp, 'reused-'));
    const journal = join(dir, 'r.jsonl');
    // pid 1 is always alive; a lock naming it with another start time is a crashed round's
    writeFileSync(lockPath(journal), lockText(1, 'started-long-ago'));
    const taken = lockRound(journal);
    expect('release' in taken).toBe(true);
    (taken as { release(): void }).release();
    writeFileSync(lockPath(journal), lockText(1, processStart(1)));
    expect(lockRound(journal)).toEqual({ heldBy: 1 });
  });
});

describe('an answer that breaks the scorer', () => {
  it('is journaled before it is scored', async () => {
    const { saveRound } = await import('../../src/io/round-journal.js');
    const { playRound } = await import('../../src/io/play.js');
    const { simulatedClock } = await import('../../src/io/clock.js');
    const { createRound, prepareRound } = await import('../../src/round/engine.js');
    const { incidentScenario, rubric } = await import('../round/fixtures.js');
    const home = join(tmp, 'home-broken-scorer');
    const saved = process.env.MOCKLOOP_HOME;
    process.env.MOCKLOOP_HOME = home;
    try {
      const saver = saveRound({ scenario: incidentScenario, seed: 1, save: true });
      let armed = false;
      // a scorer that fails on the first answer, as a stack overflow or a bug would
      const ready = prepareRound(incidentScenario, rubric);
      const ctx = { ...ready, get scenario(): typeof incidentScenario { if (armed) throw new Error('the scorer broke'); return ready.scenario; } };
      const lines = ['the answer that breaks the scorer', 'a later answer'];
      const play = playRound({
        ctx,
        state: createRound(ctx, { seed: 1 }),
        source: { interactive: false, next: async () => { armed = true; return lines.shift() ?? null; } },
        clock: simulatedClock(),
        observe: saver.observe,
        help: '',
      });
      await expect(play).rejects.toThrow('the scorer broke');
      saver.interrupted();
      const journal = readFileSync(saver.journal.path!, 'utf8');
      expect(journal).toContain('the answer that breaks the scorer');
      expect(existsSync(lockPath(saver.journal.path!))).toBe(false);
    } finally {
      if (saved === undefined) delete process.env.MOCKLOOP_HOME;
      else process.env.MOCKLOOP_HOME = saved;
    }
  });

  it('150,000 numbers in one piped answer are scored and saved, and the lock is let go', async () => {
    const home = join(tmp, 'home-numbers');
    const numbers = Array.from({ length: 150_000 }, (_, i) => (i % 2 ? `${i % 24}:${String(i % 60).padStart(2, '0')}` : String(i))).join(' ');
    const r = await mockloop(['run', 'payment-auth-3am', '--json'], { input: `${numbers}\n`, env: { MOCKLOOP_HOME: home } });
    expect(r.code, r.stderr.slice(0, 400)).toBe(0);
    const dir = join(home, 'sessions');
    const files = readdirSync(dir);
    expect(files.some((f) => f.endsWith('.lock'))).toBe(false);
    const journal = readFileSync(join(dir, files.find((f) => f.endsWith('.jsonl'))!), 'utf8');
    expect(journal).toContain(' 149998 ');
  }, 60_000);
});
