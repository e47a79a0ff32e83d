import * as nodeFs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import type { TranscriptEntry } from '../round/transcript.js';
import { makeDirs } from './home.js';
import { UserError } from '../errors.js';
import { isDiskFull } from './durable-write.js';
import { savedProblem } from './saved-schema.js';
import { listSessionFiles, sessionId, sessionsDir, writeRecord, type SessionFiles, type SessionRecord, type SessionScenario } from './session-store.js';
import type { RoundEnding } from '../debrief/history.js';

// The round's journal: one JSON event per line, each written and fsynced as it happens, so a
// crash or Ctrl-C loses nothing that was already on screen.

export interface StartEvent {
  v: 1;
  type: 'start';
  id: string;
  scenario: SessionScenario;
  seed: number;
  startedAt: string;
  /** Phase budgets and action kinds, so a journal alone can still show timing and milestones. */
  phases?: { id: string; title: string; minutes: number }[];
  actionKinds?: Record<string, string>;
  minutes?: number;
  untimed?: boolean;
  /** The scenario file, when the round was played from a file rather than by id. */
  source?: string;
  /** Played with --facilitator: a resumed round keeps the review. */
  facilitator?: boolean;
}
/** What the candidate typed (or the engine input it became), at wall ms since the start. */
export interface TurnEvent {
  type: 'turn';
  input: unknown;
  atMs: number;
}
export interface EffectEvent {
  type: 'effect';
  entry: TranscriptEntry;
}
export interface EndEvent {
  type: 'end';
  status: 'complete' | 'interrupted';
  /** How a complete round ended: played through, out of time, or stopped early (absent in older journals). */
  ended?: RoundEnding;
  endedAt?: string;
  /** Wall ms since the start when the round stopped: a resumed round's clock carries on from here. */
  atMs?: number;
}
/** The round was picked up again after an interruption (`mockloop resume`). */
export interface ResumeEvent {
  type: 'resume';
  at: string;
}
export type JournalEvent = StartEvent | TurnEvent | EffectEvent | EndEvent | ResumeEvent;

export interface Journal {
  id: string;
  /** The .jsonl path while saving; undefined when not saving. */
  path?: string;
  /** Why nothing is being saved (unwritable data directory, --no-save, a write that failed). */
  reason?: string;
  /** The round's finished record could not be written (the journal still holds the round). */
  recordFailed?: boolean;
  readonly saving: boolean;
  append(event: TurnEvent | EffectEvent): void;
  /**
   * Ends the round: appends the end event, writes the finished record atomically and returns its
   * path (undefined when not saving).
   */
  finish(result: { status: 'complete' | 'interrupted'; ended?: RoundEnding; endedAt: Date; transcript: TranscriptEntry[]; debrief?: SessionRecord['debrief'] }): string | undefined;
  /** Ends the journal without a record (e.g. Ctrl-C before scoring); returns the journal path. */
  close(status: 'complete' | 'interrupted', endedAt: Date, atMs?: number): string | undefined;
}

/** The file operations the journal uses; injectable so tests can watch the fsyncs. */
export interface JournalFs {
  mkdirSync: typeof nodeFs.mkdirSync;
  openSync: typeof nodeFs.openSync;
  writeSync: (fd: number, data: string) => number;
  fsyncSync: typeof nodeFs.fsyncSync;
  closeSync: typeof nodeFs.closeSync;
}

export interface OpenJournalOptions {
  scenario: SessionScenario;
  seed: number;
  startedAt: Date;
  phases?: StartEvent['phases'];
  actionKinds?: StartEvent['actionKinds'];
  minutes?: number;
  untimed?: boolean;
  source?: string;
  facilitator?: boolean;
  /** false for --no-save. */
  save?: boolean;
  env?: NodeJS.ProcessEnv;
  /** Overrides the sessions directory (default: <data>/sessions). */
  dir?: string;
  fs?: JournalFs;
  random?: () => string;
  /** Told once, the first time saving fails. */
  warn?: (message: string) => void;
}

const randomSuffix = () => randomBytes(2).toString('hex');

function errText(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  return e.code ? `${e.code}${e.path ? ` (${e.path})` : ''}` : String(e.message ?? err);
}

function noopJournal(id: string, reason: string): Journal {
  return {
    id,
    reason,
    saving: false,
    append() {},
    finish: () => undefined,
    close: () => undefined,
  };
}

export function openJournal(opts: OpenJournalOptions): Journal {
  const fs = opts.fs ?? nodeFs;
  const random = opts.random ?? randomSuffix;
  const warn = opts.warn ?? (() => {});
  const provisionalId = sessionId(opts.scenario.id, opts.startedAt, random());
  if (opts.save === false) return noopJournal(provisionalId, 'not saving this round (--no-save)');

  const dir = opts.dir ?? sessionsDir(opts.env ?? process.env);
  let fd: number | undefined;
  let id = provisionalId;
  try {
    makeDirs(dir, { mode: 0o700, mkdir: (d, o) => fs.mkdirSync(d, o) });
    // 'wx' fails if the name exists, so two rounds started in the same second never share a file
    for (let attempt = 0; fd === undefined; attempt++) {
      try {
        fd = fs.openSync(join(dir, `${id}.jsonl`), 'wx', 0o600);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 20) throw err;
        id = sessionId(opts.scenario.id, opts.startedAt, random());
      }
    }
  } catch (err) {
    const reason = `cannot save rounds in ${dir}: ${errText(err)}; playing on without saving`;
    warn(reason);
    return noopJournal(id, reason);
  }

  const start: StartEvent = { v: 1, type: 'start', id, scenario: opts.scenario, seed: opts.seed, startedAt: opts.startedAt.toISOString() };
  if (opts.phases) start.phases = opts.phases;
  if (opts.actionKinds) start.actionKinds = opts.actionKinds;
  if (opts.minutes !== undefined) start.minutes = opts.minutes;
  if (opts.untimed) start.untimed = true;
  if (opts.source !== undefined) start.source = opts.source;
  if (opts.facilitator) start.facilitator = true;
  const journal = journalOn(fd, dir, start, fs, warn);
  journal.write(start);
  return journal;
}

/**
 * Reopens an interrupted round's journal to carry on playing it: new events are appended after
 * the old ones, and finishing writes the round's record under its original id.
 */
export function reopenJournal(path: string, start: StartEvent, opts: { fs?: JournalFs; warn?: (message: string) => void; at?: Date } = {}): Journal {
  const fs = opts.fs ?? nodeFs;
  const warn = opts.warn ?? (() => {});
  let fd: number;
  try {
    dropTornTail(path);
    fd = fs.openSync(path, 'a', 0o600);
  } catch (err) {
    const reason = `cannot save to ${path}: ${errText(err)}; playing on without saving`;
    warn(reason);
    return noopJournal(start.id, reason);
  }
  const journal = journalOn(fd, dirname(path), start, fs, warn);
  journal.write({ type: 'resume', at: (opts.at ?? new Date()).toISOString() });
  return journal;
}

/**
 * A round being played holds `<id>.lock`, so the same round is never played in two places at
 * once. The lock says it is mockloop's, which process holds it and when that process started: a
 * lock whose process is gone, or whose process id now belongs to a process started later (a reused
 * id), is stale and may be taken over. A file whose content does not prove mockloop wrote it is
 * never removed.
 */
export function lockPath(journalPath: string): string {
  return journalPath.replace(/\.jsonl$/, '') + '.lock';
}

interface LockContent {
  pid: number;
  /** The holder's start time in clock ticks since boot (Linux), to tell a reused process id. */
  started?: string;
}

const LOCK_TAG = 'mockloop-round-lock';

export function lockText(pid: number, started: string | undefined): string {
  return `${JSON.stringify({ lock: LOCK_TAG, pid, ...(started !== undefined ? { started } : {}) })}\n`;
}

/** The lock's content when mockloop wrote it; undefined for anything else. */
export function parseLock(text: string): LockContent | undefined {
  let value: { lock?: unknown; pid?: unknown; started?: unknown };
  try {
    value = JSON.parse(text) as typeof value;
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || value.lock !== LOCK_TAG) return undefined;
  if (typeof value.pid !== 'number' || !Number.isInteger(value.pid) || value.pid <= 0) return undefined;
  if (value.started !== undefined && typeof value.started !== 'string') return undefined;
  return value.started === undefined ? { pid: value.pid } : { pid: value.pid, started: value.started };
}

/** When the process started, from /proc (field 22 of its stat line); undefined where there is no /proc. */
export function processStart(pid: number): string | undefined {
  try {
    const stat = nodeFs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the command name (field 2) may hold spaces and parentheses: count from the last ')'
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

function alive(lock: LockContent): boolean {
  try {
    process.kill(lock.pid, 0);
  } catch (err) {
    // EPERM: alive, but someone else's
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  if (lock.started === undefined) return true;
  const now = processStart(lock.pid);
  return now === undefined || now === lock.started;
}

type LockState = { kind: 'none' | 'mine' | 'stale' | 'foreign' } | { kind: 'held'; pid: number };

function lockState(path: string, mine: string): LockState {
  let text: string;
  try {
    text = nodeFs.readFileSync(path, 'utf8');
  } catch {
    return { kind: 'none' };
  }
  if (text === mine) return { kind: 'mine' };
  const lock = parseLock(text);
  if (!lock) return { kind: 'foreign' };
  if (lock.pid === process.pid && lock.started === processStart(process.pid)) return { kind: 'mine' };
  return alive(lock) ? { kind: 'held', pid: lock.pid } : { kind: 'stale' };
}

const myLock = () => lockText(process.pid, processStart(process.pid));

/** The process playing this round right now, if any (other than this one). */
export function roundHolder(journalPath: string): number | undefined {
  const state = lockState(lockPath(journalPath), myLock());
  return state.kind === 'held' ? state.pid : undefined;
}

export type RoundLock = { release(): void } | { heldBy: number } | { foreign: string };

/**
 * Takes the round's lock, atomically: the content is written to a private file that is then hard
 * linked into place, which fails if a lock exists, so two processes can never both hold it and a
 * lock is never seen half written. A lock this process already holds is kept; a stale one is
 * replaced once; one mockloop did not write is left alone. Best effort otherwise: a directory that
 * cannot hold a lock does not stop a round.
 */
export function lockRound(journalPath: string): RoundLock {
  const path = lockPath(journalPath);
  const mine = myLock();
  const release = () => {
    try {
      if (nodeFs.readFileSync(path, 'utf8') === mine) nodeFs.rmSync(path, { force: true });
    } catch {
      // gone already, or never ours
    }
  };
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    nodeFs.writeFileSync(tmp, mine, { mode: 0o600 });
  } catch {
    return { release() {} };
  }
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        nodeFs.linkSync(tmp, path);
        return { release };
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') return { release() {} };
      }
      const state = lockState(path, mine);
      if (state.kind === 'mine') return { release };
      if (state.kind === 'held') return { heldBy: state.pid };
      if (state.kind === 'foreign') return { foreign: path };
      if (state.kind === 'stale') {
        if (attempt > 0) return { heldBy: 0 };
        nodeFs.rmSync(path, { force: true });
      }
    }
  } finally {
    nodeFs.rmSync(tmp, { force: true });
  }
}

/** A crash mid-write leaves half a line at the end; cut it off so appended events start on a line of their own. */
function dropTornTail(path: string): void {
  const text = nodeFs.readFileSync(path);
  if (text.length === 0 || text[text.length - 1] === 0x0a) return;
  nodeFs.truncateSync(path, text.lastIndexOf(0x0a) + 1);
}

function journalOn(fd: number, dir: string, start: StartEvent, fs: JournalFs, warn: (message: string) => void): Journal & { write(event: JournalEvent): void } {
  const { id, startedAt } = start;
  const path = join(dir, `${id}.jsonl`);
  const lock = fs === nodeFs ? lockRound(path) : undefined;
  const unlock = lock && 'release' in lock ? lock.release : () => {};
  let open = true;
  const journal: Journal & { write(event: JournalEvent): void } = {
    id,
    path,
    write,
    get saving() {
      return open && journal.reason === undefined;
    },
    append(event) {
      write(event);
    },
    finish(result) {
      write({ type: 'end', status: result.status, ...(result.ended ? { ended: result.ended } : {}), endedAt: result.endedAt.toISOString() });
      closeFd();
      if (journal.reason !== undefined) return undefined;
      const record: SessionRecord = {
        version: 1,
        id,
        scenario: start.scenario,
        startedAt,
        endedAt: result.endedAt.toISOString(),
        status: result.status,
        ...(result.ended ? { ended: result.ended } : {}),
        seed: start.seed,
        transcript: result.transcript,
        debrief: result.debrief ?? null,
      };
      try {
        return writeRecord(dir, record);
      } catch (err) {
        // the previous file (if any) is untouched; every turn is already in the journal
        journal.reason = `could not save the record: ${isDiskFull(err) ? 'disk full' : errText(err)}; the journal at ${path} still has every answer (mockloop debrief ${id} rebuilds the round from it)`;
        journal.recordFailed = true;
        warn(journal.reason);
        return undefined;
      }
    },
    close(status, endedAt, atMs) {
      write({ type: 'end', status, endedAt: endedAt.toISOString(), ...(atMs !== undefined ? { atMs } : {}) });
      closeFd();
      return journal.reason === undefined ? path : undefined;
    },
  };

  function fail(err: unknown) {
    if (journal.reason !== undefined) return;
    journal.reason = `saving the round failed: ${errText(err)}; playing on without saving`;
    warn(journal.reason);
  }
  function write(event: JournalEvent) {
    if (!open || journal.reason !== undefined) return;
    try {
      const line = `${JSON.stringify(event)}\n`;
      // a full disk can take part of a line and report it as written; what is torn stops the journal
      if (fs.writeSync(fd, line) < Buffer.byteLength(line)) throw Object.assign(new Error('short write'), { code: 'ENOSPC' });
      fs.fsyncSync(fd);
    } catch (err) {
      fail(err);
    }
  }
  function closeFd() {
    if (!open) return;
    open = false;
    unlock();
    try {
      fs.closeSync(fd);
    } catch {
      // already written and fsynced; nothing left to lose
    }
  }

  return journal;
}

export interface JournalProblem {
  line: number;
  message: string;
}

export interface JournalContents {
  start?: StartEvent;
  turns: TurnEvent[];
  transcript: TranscriptEntry[];
  end?: EndEvent;
  /** Corrupt lines other than a torn last line. */
  problems: JournalProblem[];
  /** The last line was cut short (a crash mid-write) and was ignored. */
  torn: boolean;
  /** How many times the round was picked up again after an interruption. */
  resumes: number;
  /** The latest moment (wall ms since the start) at which the round was stopped, when recorded. */
  stoppedAtMs?: number;
}

/** Parses a journal's text. A torn last line is ignored; a corrupt line elsewhere is reported and skipped. */
export function parseJournal(text: string): JournalContents {
  const out: JournalContents = { turns: [], transcript: [], problems: [], torn: false, resumes: 0 };
  // an editor may save it with a byte-order mark
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  // index of the last non-empty line
  let last = lines.length - 1;
  while (last >= 0 && lines[last]!.trim() === '') last--;
  for (let i = 0; i <= last; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    let event: Partial<JournalEvent> & { type?: unknown };
    try {
      event = JSON.parse(line) as typeof event;
    } catch {
      if (i === last) out.torn = true;
      else out.problems.push({ line: i + 1, message: 'not valid JSON; skipped' });
      continue;
    }
    switch (event?.type) {
      case 'start': {
        const problem = savedProblem('start', event);
        if (out.start) out.problems.push({ line: i + 1, message: 'a second start event; skipped' });
        else if (problem) out.problems.push({ line: i + 1, message: `a start event that is not valid (${problem}); skipped` });
        else out.start = event as StartEvent;
        break;
      }
      case 'turn':
        out.turns.push(event as TurnEvent);
        break;
      case 'effect': {
        const entry = (event as EffectEvent).entry;
        if (savedProblem('entry', entry) === undefined) out.transcript.push(entry);
        else out.problems.push({ line: i + 1, message: 'an effect without a transcript entry; skipped' });
        break;
      }
      case 'end': {
        out.end = event as EndEvent;
        const at = out.end.atMs;
        if (typeof at === 'number' && Number.isFinite(at)) out.stoppedAtMs = Math.max(out.stoppedAtMs ?? 0, at);
        break;
      }
      case 'resume':
        // picked up again: the round is no longer ended
        delete out.end;
        out.resumes++;
        break;
      default:
        out.problems.push({ line: i + 1, message: `unknown event type ${JSON.stringify(event?.type)}; skipped` });
    }
  }
  return out;
}

/** Reads and parses a journal; a file that cannot be read is the user's problem, named in one line. */
export function readJournal(path: string): JournalContents {
  let text: string;
  try {
    text = nodeFs.readFileSync(path, 'utf8');
  } catch (err) {
    throw new UserError(`${path}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  return parseJournal(text);
}

/** Rounds that stopped before they finished (a journal, no record) and are not being played now; oldest first. */
export function stoppedRounds(dir: string): (SessionFiles & { journal: string })[] {
  return listSessionFiles(dir).filter(
    (f): f is SessionFiles & { journal: string } => f.journal !== undefined && !f.record && roundHolder(f.journal) === undefined && startsRound(f.journal),
  );
}

/** A journal with a valid start event: a 0-byte file left by a full disk is not a round to resume. */
function startsRound(path: string): boolean {
  try {
    return readJournal(path).start !== undefined;
  } catch {
    return false;
  }
}
