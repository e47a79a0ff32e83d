import * as fs from 'node:fs';
import { mkdtempSync, readFileSync, writeFileSync, chmodSync, rmSync, readdirSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lockPath, lockRound, lockText, openJournal, parseLock, processStart, parseJournal, readJournal, reopenJournal, roundHolder, type JournalFs } from '../../src/io/journal.js';
import { dataDir, listSessionFiles, readRecord, resolveSession, sessionId } from '../../src/io/session-store.js';
import type { TranscriptEntry } from '../../src/round/transcript.js';

const scenario = { id: 'payment-auth-3am', kind: 'incident' as const, title: 'Payment auth at 3am' };
const startedAt = new Date('2026-11-28T17:05:09.123Z');
const entry = (text: string, atMs: number): TranscriptEntry => ({ role: 'candidate', kind: 'answer', phase: 'triage', atMs, text });

const temps: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'mockloop-journal-'));
  temps.push(d);
  return d;
}
afterEach(() => {
  for (const d of temps.splice(0)) {
    try {
      chmodSync(d, 0o700);
    } catch {
      // already gone
    }
    rmSync(d, { recursive: true, force: true });
  }
});

describe('sessionId', () => {
  it('is sortable by time and names the scenario', () => {
    expect(sessionId('payment-auth-3am', startedAt, 'ab12')).toBe('2026-11-28T17-05-09-payment-auth-3am-ab12');
    expect(sessionId('../Weird Name!', startedAt, 'ff00')).toBe('2026-11-28T17-05-09-weird-name-ff00');
  });
});

describe('dataDir', () => {
  it('uses MOCKLOOP_HOME when set', () => {
    expect(dataDir({ MOCKLOOP_HOME: '/tmp/x' })).toBe('/tmp/x');
    expect(dataDir({})).toMatch(/mockloop$/);
  });
});

describe('openJournal', () => {
  it('writes one fsynced line per event and a finished record', () => {
    const dir = tempDir();
    const calls: string[] = [];
    const spyFs: JournalFs = {
      mkdirSync: fs.mkdirSync,
      openSync: fs.openSync,
      closeSync: fs.closeSync,
      writeSync: (fd, data) => {
        calls.push('write');
        return fs.writeSync(fd, data);
      },
      fsyncSync: (fd) => {
        calls.push('fsync');
        fs.fsyncSync(fd);
      },
    };
    const journal = openJournal({ scenario, seed: 7, startedAt, dir, fs: spyFs, random: () => 'ab12' });
    expect(journal.saving).toBe(true);
    expect(journal.id).toBe('2026-11-28T17-05-09-payment-auth-3am-ab12');
    journal.append({ type: 'turn', input: 'check the queue', atMs: 1000 });
    journal.append({ type: 'effect', entry: entry('check the queue', 1000) });
    const path = journal.finish({ status: 'complete', endedAt: new Date(startedAt.getTime() + 60_000), transcript: [entry('check the queue', 1000)], debrief: null });
    // every event written then fsynced before the next: start, turn, effect, end
    expect(calls).toEqual(['write', 'fsync', 'write', 'fsync', 'write', 'fsync', 'write', 'fsync']);
    expect(path).toBe(join(dir, `${journal.id}.json`));
    const record = readRecord(path!);
    expect(record).toMatchObject({ version: 1, id: journal.id, scenario, seed: 7, status: 'complete', startedAt: startedAt.toISOString() });
    const contents = readJournal(join(dir, `${journal.id}.jsonl`));
    expect(contents.start).toMatchObject({ v: 1, type: 'start', seed: 7 });
    expect(contents.turns).toEqual([{ type: 'turn', input: 'check the queue', atMs: 1000 }]);
    expect(contents.end).toMatchObject({ status: 'complete' });
    expect(contents.problems).toEqual([]);
  });

  it('gives two rounds started in the same second different files', () => {
    const dir = tempDir();
    const a = openJournal({ scenario, seed: 1, startedAt, dir, random: () => 'aaaa' });
    let n = 0;
    const b = openJournal({ scenario, seed: 2, startedAt, dir, random: () => (n++ === 0 ? 'aaaa' : 'bbbb') });
    expect(a.id).not.toBe(b.id);
    a.append({ type: 'turn', input: 'a', atMs: 1 });
    b.append({ type: 'turn', input: 'b', atMs: 1 });
    a.finish({ status: 'complete', endedAt: startedAt, transcript: [] });
    b.finish({ status: 'complete', endedAt: startedAt, transcript: [] });
    expect(readdirSync(dir).sort()).toEqual([`${a.id}.json`, `${a.id}.jsonl`, `${b.id}.json`, `${b.id}.jsonl`].sort());
    expect(readRecord(join(dir, `${b.id}.json`)).seed).toBe(2);
  });

  it('--no-save keeps the round off disk', () => {
    const dir = tempDir();
    const j = openJournal({ scenario, seed: 1, startedAt, dir: join(dir, 'sessions'), save: false });
    j.append({ type: 'turn', input: 'x', atMs: 1 });
    expect(j.saving).toBe(false);
    expect(j.finish({ status: 'complete', endedAt: startedAt, transcript: [] })).toBeUndefined();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('plays on without saving when the data directory cannot be created (a path under a regular file)', () => {
    const dir = tempDir();
    const file = join(dir, 'not-a-dir');
    writeFileSync(file, 'x');
    const warnings: string[] = [];
    const j = openJournal({ scenario, seed: 1, startedAt, env: { MOCKLOOP_HOME: join(file, 'home') }, warn: (m) => warnings.push(m) });
    expect(j.saving).toBe(false);
    expect(j.reason).toMatch(/cannot save rounds in .*: ENOTDIR/);
    expect(warnings).toHaveLength(1);
    j.append({ type: 'turn', input: 'x', atMs: 1 });
    expect(j.finish({ status: 'complete', endedAt: startedAt, transcript: [] })).toBeUndefined();
    expect(warnings).toHaveLength(1);
  });

  it.skipIf(process.getuid?.() === 0)('plays on without saving when the data directory is read-only', () => {
    const dir = tempDir();
    chmodSync(dir, 0o500);
    const warnings: string[] = [];
    const j = openJournal({ scenario, seed: 1, startedAt, env: { MOCKLOOP_HOME: dir }, warn: (m) => warnings.push(m) });
    expect(j.saving).toBe(false);
    expect(j.reason).toMatch(/EACCES/);
    expect(warnings).toHaveLength(1);
  });

  it('stops saving (and says so once) when a write fails mid-round', () => {
    const dir = tempDir();
    let writes = 0;
    const failing: JournalFs = { ...fs, writeSync: (fd, data) => { if (++writes > 2) throw Object.assign(new Error('no space'), { code: 'ENOSPC' }); return fs.writeSync(fd, data); } };
    const warnings: string[] = [];
    const j = openJournal({ scenario, seed: 1, startedAt, dir, fs: failing, warn: (m) => warnings.push(m) });
    j.append({ type: 'turn', input: 'a', atMs: 1 });
    j.append({ type: 'turn', input: 'b', atMs: 2 });
    j.append({ type: 'turn', input: 'c', atMs: 3 });
    expect(j.saving).toBe(false);
    expect(warnings).toEqual([expect.stringContaining('ENOSPC')]);
    expect(j.finish({ status: 'complete', endedAt: startedAt, transcript: [] })).toBeUndefined();
    expect(readJournal(join(dir, `${j.id}.jsonl`)).turns).toHaveLength(1);
  });
});

describe('reading a journal', () => {
  const start = JSON.stringify({ v: 1, type: 'start', id: 'x', scenario, seed: 1, startedAt: startedAt.toISOString() });
  const turn = (i: number) => JSON.stringify({ type: 'turn', input: `t${i}`, atMs: i });
  const effect = (i: number) => JSON.stringify({ type: 'effect', entry: entry(`t${i}`, i) });

  it.each([
    ['a clean journal', [start, turn(1), effect(1)].join('\n') + '\n', 1, [], false],
    ['a crash mid-write: torn last line ignored', [start, turn(1), effect(1), '{"type":"turn","inp'].join('\n'), 1, [], true],
    ['a torn last line followed by the newline never written', [start, turn(1), effect(1), '{"type":"eff'].join('\n') + '\n\n', 1, [], true],
    ['a corrupt middle line is reported with its line number', [start, turn(1), '{garbage', effect(1), turn(2), effect(2)].join('\n') + '\n', 2, [{ line: 3, message: 'not valid JSON; skipped' }], false],
    ['an unknown event', [start, '{"type":"mystery"}', turn(1), effect(1)].join('\n'), 1, [{ line: 2, message: 'unknown event type "mystery"; skipped' }], false],
  ] as const)('%s', (_name, text, transcriptLength, problems, torn) => {
    const j = parseJournal(text);
    expect(j.start?.seed).toBe(1);
    expect(j.transcript).toHaveLength(transcriptLength);
    expect(j.problems).toEqual(problems);
    expect(j.torn).toBe(torn);
  });

  it('recovers a real journal truncated by a simulated crash', () => {
    const dir = tempDir();
    const j = openJournal({ scenario, seed: 3, startedAt, dir });
    j.append({ type: 'turn', input: 'first', atMs: 10 });
    j.append({ type: 'effect', entry: entry('first', 10) });
    const path = join(dir, `${j.id}.jsonl`);
    // the process dies halfway through writing the next line
    appendFileSync(path, '{"type":"effect","entry":{"role":"cand');
    const contents = readJournal(path);
    expect(contents.torn).toBe(true);
    expect(contents.problems).toEqual([]);
    expect(contents.transcript.map((e) => e.text)).toEqual(['first']);
    expect(contents.end).toBeUndefined();
  });
});

describe('resolveSession', () => {
  it('finds by id, unambiguous prefix or path, and prefers the record', () => {
    const dir = tempDir();
    for (const id of ['2026-01-01T10-00-00-a-0001', '2026-01-02T10-00-00-b-0002']) {
      writeFileSync(join(dir, `${id}.jsonl`), '');
    }
    writeFileSync(join(dir, '2026-01-02T10-00-00-b-0002.json'), '{}');
    expect(resolveSession('2026-01-01', dir)).toEqual({ kind: 'journal', path: join(dir, '2026-01-01T10-00-00-a-0001.jsonl') });
    expect(resolveSession('2026-01-02T10-00-00-b-0002', dir)).toEqual({ kind: 'record', path: join(dir, '2026-01-02T10-00-00-b-0002.json') });
    expect(() => resolveSession('2026-01', dir)).toThrow(/matches 2 saved rounds/);
    expect(() => resolveSession('nope', dir)).toThrow(/no saved round matches "nope"/);
    // the short ref history shows: the random suffix alone
    expect(resolveSession('0001', dir)).toEqual({ kind: 'journal', path: join(dir, '2026-01-01T10-00-00-a-0001.jsonl') });
    expect(() => resolveSession('0003', dir)).toThrow(/no saved round matches "0003"/);
    expect(resolveSession(join(dir, '2026-01-02T10-00-00-b-0002.jsonl'), '/nonexistent').kind).toBe('journal');
    expect(listSessionFiles(dir).map((s) => s.id)).toEqual(['2026-01-01T10-00-00-a-0001', '2026-01-02T10-00-00-b-0002']);
    expect(readFileSync(join(dir, '2026-01-02T10-00-00-b-0002.json'), 'utf8')).toBe('{}');
    expect(() => readRecord(join(dir, '2026-01-02T10-00-00-b-0002.json'))).toThrow(/not a saved mockloop round/);
  });

  it.each([
    [2, false],
    [5, false],
    [7, true],
  ])('an ambiguous prefix matching %i rounds lists at most five, and says when there are more', (n, more) => {
    const dir = tempDir();
    for (let i = 1; i <= n; i++) writeFileSync(join(dir, `2026-02-0${i}T10-00-00-r-000${i}.jsonl`), '');
    let message = '';
    try {
      resolveSession('2026-02', dir);
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toContain(`matches ${n} saved rounds`);
    expect(message.split('\n').filter((l) => /^ {2}2026-02-/.test(l))).toHaveLength(Math.min(n, 5));
    if (more) expect(message).toContain(`… and ${n - 5} more`);
    else expect(message).not.toMatch(/… and \d+ more/);
  });
});

describe('reopenJournal and the round lock', () => {
  it('holds <id>.lock while the round plays and lets it go when the journal ends', () => {
    const dir = tempDir();
    const journal = openJournal({ scenario, seed: 7, startedAt, dir, random: () => 'cd34' });
    const path = join(dir, `${journal.id}.jsonl`);
    expect(parseLock(readFileSync(lockPath(path), 'utf8'))?.pid).toBe(process.pid);
    // this process holds it, so it does not count as someone else playing the round
    expect(roundHolder(path)).toBeUndefined();
    journal.close('interrupted', new Date(startedAt.getTime() + 5_000));
    expect(fs.existsSync(lockPath(path))).toBe(false);
  });

  it.each([
    ['a pid that is not running', lockText(2147483646, undefined)],
    ['garbage', 'not a pid'],
    ['an empty file', ''],
    ['a bare pid (not provably ours)', `${process.pid}\n`],
    ['a live pid that was reused by a later process', lockText(process.pid === 1 ? 2 : 1, 'not-its-start-time')],
  ])('does not count a lock holding %s as a round being played', (_name, content) => {
    const dir = tempDir();
    const path = join(dir, 'r.jsonl');
    writeFileSync(lockPath(path), content);
    expect(roundHolder(path)).toBeUndefined();
  });

  it('appends after the old events, cutting off a torn last line first, and marks the resume', () => {
    const dir = tempDir();
    const first = openJournal({ scenario, seed: 7, startedAt, dir, random: () => 'ef56' });
    first.append({ type: 'turn', input: { type: 'start' }, atMs: 0 });
    first.append({ type: 'effect', entry: entry('first', 0) });
    const path = first.close('interrupted', new Date(startedAt.getTime() + 5_000))!;
    appendFileSync(path, '{"type":"turn","inp');
    const before = parseJournal(readFileSync(path, 'utf8'));
    expect(before.torn).toBe(true);

    const again = reopenJournal(path, before.start!, { at: new Date(startedAt.getTime() + 60_000) });
    expect(again.id).toBe(first.id);
    again.append({ type: 'effect', entry: entry('second', 90_000) });
    const record = again.finish({ status: 'complete', endedAt: new Date(startedAt.getTime() + 120_000), transcript: [entry('first', 0), entry('second', 90_000)], debrief: null });
    expect(record).toBe(join(dir, `${first.id}.json`));
    expect(readRecord(record!)).toMatchObject({ id: first.id, seed: 7, startedAt: startedAt.toISOString(), status: 'complete' });

    const after = parseJournal(readFileSync(path, 'utf8'));
    expect(after).toMatchObject({ torn: false, problems: [], resumes: 1, end: { status: 'complete' } });
    expect(after.transcript.map((e) => e.text)).toEqual(['first', 'second']);
    expect(fs.existsSync(lockPath(path))).toBe(false);
  });

  it('a resumed round that is interrupted again reads as interrupted', () => {
    const text = [
      JSON.stringify({ v: 1, type: 'start', id: 'x', scenario, seed: 1, startedAt: startedAt.toISOString() }),
      JSON.stringify({ type: 'end', status: 'interrupted' }),
      JSON.stringify({ type: 'resume', at: startedAt.toISOString() }),
    ].join('\n');
    expect(parseJournal(text)).toMatchObject({ resumes: 1, problems: [] });
    expect(parseJournal(text).end).toBeUndefined();
    expect(parseJournal(`${text}\n${JSON.stringify({ type: 'end', status: 'interrupted' })}\n`).end).toMatchObject({ status: 'interrupted' });
  });

  it('an unwritable journal plays on without saving and says why', () => {
    const dir = tempDir();
    const warnings: string[] = [];
    const j = reopenJournal(join(dir, 'missing', 'r.jsonl'), { v: 1, type: 'start', id: 'r', scenario, seed: 1, startedAt: startedAt.toISOString() }, { warn: (m) => warnings.push(m) });
    expect(j.saving).toBe(false);
    expect(warnings[0]).toMatch(/cannot save to .*r\.jsonl: ENOENT/);
  });
});

describe('lockRound', () => {
  it('is held once per process, refused to another live process, and taken over when stale', async () => {
    const dir = tempDir();
    const path = join(dir, 'r.jsonl');
    const a = lockRound(path);
    expect('release' in a).toBe(true);
    // the same process asking again keeps it
    expect('release' in lockRound(path)).toBe(true);
    (a as { release(): void }).release();
    expect(fs.existsSync(lockPath(path))).toBe(false);

    const { spawn } = await import('node:child_process');
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      writeFileSync(lockPath(path), lockText(other.pid!, processStart(other.pid!)));
      expect(lockRound(path)).toEqual({ heldBy: other.pid });
      // releasing a lock that is not ours leaves it alone
      const mine = lockRound(join(dir, 'other.jsonl'));
      writeFileSync(lockPath(join(dir, 'other.jsonl')), lockText(other.pid!, processStart(other.pid!)));
      (mine as { release(): void }).release();
      expect(readFileSync(lockPath(join(dir, 'other.jsonl')), 'utf8')).toBe(lockText(other.pid!, processStart(other.pid!)));
    } finally {
      other.kill();
    }
    await new Promise((resolve) => other.once('exit', resolve));
    const taken = lockRound(path);
    expect('release' in taken).toBe(true);
    expect(readFileSync(lockPath(path), 'utf8')).toBe(lockText(process.pid, processStart(process.pid)));
    // no temporary files are left beside it
    expect(readdirSync(dir).sort()).toEqual(['other.lock', 'r.lock']);
  });
});

describe('where a stopped round stood', () => {
  const start = JSON.stringify({ v: 1, type: 'start', id: 'x', scenario, seed: 1, startedAt: startedAt.toISOString() });
  it('is the latest stop recorded in an end event', () => {
    const text = [start, JSON.stringify({ type: 'end', status: 'interrupted', atMs: 120_000 }), JSON.stringify({ type: 'resume', at: '' }), JSON.stringify({ type: 'end', status: 'interrupted', atMs: 300_000 })].join('\n');
    expect(parseJournal(text).stoppedAtMs).toBe(300_000);
    expect(parseJournal(start).stoppedAtMs).toBeUndefined();
  });

  it('is where a resumed round carries on: time spent at the prompt before Ctrl-C still counts', async () => {
    const { rebuildRound } = await import('../../src/io/replay.js');
    const journal = parseJournal(
      [
        JSON.stringify({ v: 1, type: 'start', id: 'x', scenario: { id: 'payment-auth-3am', kind: 'incident', title: 't' }, seed: 1, startedAt: startedAt.toISOString() }),
        JSON.stringify({ type: 'turn', input: { type: 'start' }, atMs: 0 }),
        JSON.stringify({ type: 'end', status: 'interrupted', atMs: 40_000 }),
      ].join('\n'),
    );
    const rebuilt = await rebuildRound(journal);
    expect('reason' in rebuilt ? rebuilt.reason : rebuilt.atMs).toBe(40_000);
  });
});
