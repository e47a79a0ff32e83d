import { closeSync, existsSync, openSync } from 'node:fs';
import { basename } from 'node:path';
import { UserError } from '../errors.js';
import { readAnswersFile, stdinTurns } from '../io/answers.js';
import { lockPath, lockRound, readJournal, stoppedRounds } from '../io/journal.js';
import type { TurnSource } from '../io/play.js';
import { readRecord, resolveSession, sessionsDir } from '../io/session-store.js';
import { playScenario, type PlayRequest } from './run.js';
import { writeErr } from '../io/output.js';

export interface ResumeOptions {
  answers?: string;
  json?: boolean;
  /** At a terminal, review the scorer's verdicts before the debrief (the sheet was shown at the start). */
  facilitator?: boolean;
  /** End with the whole debrief rather than the summary. */
  full?: boolean;
  scenarios?: string;
}

const idOf = (journalPath: string) => basename(journalPath).replace(/\.jsonl$/, '');

/** The newest round that stopped before it finished and is not being played elsewhere. */
function latestStopped(dir: string): string {
  const latest = stoppedRounds(dir).at(-1);
  if (!latest) throw new UserError(`no interrupted round to resume in ${dir} (mockloop history lists saved rounds)`);
  return latest.journal;
}

/** A record that reads as a saved round; one cut short by a full disk does not finish the round. */
function finishedRecord(path: string): boolean {
  if (!existsSync(path)) return false;
  try {
    readRecord(path);
    return true;
  } catch {
    return false;
  }
}

/** `mockloop resume [session]`: carry on an interrupted round where it stopped. */
export async function resumeCommand(ref: string | undefined, opts: ResumeOptions): Promise<void> {
  const dir = sessionsDir();
  let journalPath: string;
  if (ref === undefined) {
    journalPath = latestStopped(dir);
  } else {
    const found = resolveSession(ref, dir);
    journalPath = found.path;
    if (found.kind === 'record') {
      // a finished round (its record) is refused once the lock is held, below
      journalPath = found.path.replace(/\.json$/, '.jsonl');
      if (journalPath === found.path || !existsSync(journalPath)) {
        if (finishedRecord(found.path)) throw new UserError(`round ${idOf(found.path.replace(/\.json$/, '.jsonl'))} is finished and scored, so there is nothing to resume`);
        throw new UserError(`${found.path}: not a mockloop journal; resume takes a round's id or its .jsonl journal (mockloop history lists them)`);
      }
    }
  }
  // nothing beside a file that is not a round's journal is ever touched, its .lock least of all
  if (!journalPath.endsWith('.jsonl') || !readJournal(journalPath).start) {
    throw new UserError(`${journalPath}: not a mockloop journal (no start event); resume takes a round's id or its .jsonl journal`);
  }
  const id = idOf(journalPath);
  // held from here to the end of the round (the journal keeps it), so two resumes cannot both play it
  const lock = lockRound(journalPath);
  if ('heldBy' in lock) {
    throw new UserError(`round ${id} is being played by another mockloop (process ${lock.heldBy}); if none is running, delete ${lockPath(journalPath)}`);
  }
  if ('foreign' in lock) {
    throw new UserError(`round ${id} has a lock file mockloop did not write (${lock.foreign}); it is left alone: if no mockloop is playing this round, delete it`);
  }
  try {
    await resumeLocked(journalPath, id, opts);
  } finally {
    lock.release();
  }
}

async function resumeLocked(journalPath: string, id: string, opts: ResumeOptions): Promise<void> {
  // another mockloop may have finished it between the first look and taking the lock
  if (finishedRecord(journalPath.replace(/\.jsonl$/, '.json'))) {
    throw new UserError(`round ${id} is finished and scored, so there is nothing to resume (mockloop debrief ${id} shows it)`);
  }
  // a round picked up again exists to be finished and saved: refuse rather than play it unsaved
  try {
    closeSync(openSync(journalPath, 'a'));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw new UserError(`cannot resume round ${id}: its journal ${journalPath} cannot be written (${code}), so nothing played would be saved`);
  }
  const journal = readJournal(journalPath);
  for (const p of journal.problems) writeErr(`${journalPath}:${p.line}: ${p.message}\n`);
  const start = journal.start;
  if (!start) throw new UserError(`${journalPath}: not a mockloop journal (no start event)`);
  const { rebuildRound } = await import('../io/replay.js');
  const rebuilt = await rebuildRound(journal, opts.scenarios === undefined ? {} : { scenarios: opts.scenarios });
  if ('reason' in rebuilt) throw new UserError(`cannot resume round ${id}: ${rebuilt.reason} (mockloop debrief ${id} shows what was played)`);
  if (!rebuilt.same) {
    const why =
      journal.problems.length > 0
        ? `its journal is damaged (line ${journal.problems[0]!.line}), so the round cannot be rebuilt exactly`
        : 'the scenario has changed since it was played (or its journal was edited)';
    throw new UserError(`cannot resume round ${id}: ${why} (mockloop debrief ${id} shows what was played)`);
  }

  let answers: string[] | undefined;
  let turns: TurnSource | undefined;
  if (opts.answers !== undefined) answers = await readAnswersFile(opts.answers);
  else if (!process.stdin.isTTY) turns = await stdinTurns();
  const req: PlayRequest = {
    scenario: rebuilt.scenario,
    rubric: rebuilt.rubric,
    json: opts.json === true,
    save: true,
    seed: rebuilt.state.seed,
    resume: { state: rebuilt.state, atMs: rebuilt.atMs, journalPath, start },
  };
  if (answers) req.answers = answers;
  if (turns) req.turns = turns;
  if (start.minutes !== undefined) req.minutes = start.minutes;
  if (start.untimed) req.untimed = true;
  if (start.source !== undefined) req.source = start.source;
  if (opts.scenarios) req.scenarios = opts.scenarios;
  // a facilitated round stays facilitated: the review comes at the end as it would have
  if (opts.facilitator || start.facilitator) req.facilitator = true;
  if (opts.full) req.full = true;
  await playScenario(req);
}
