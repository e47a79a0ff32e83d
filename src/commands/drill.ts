import { UserError } from '../errors.js';
import { SIGNAL_IDS, type SignalId } from '../rubric/types.js';
import { drillScenario, drillSignal } from '../round/drill.js';
import { readAnswersFile, stdinTurns } from '../io/answers.js';
import type { TurnSource } from '../io/play.js';
import { readPastRounds } from '../io/past-rounds.js';
import { writeErr, writeOut } from '../io/output.js';
import { sessionsDir } from '../io/session-store.js';
import { pickDrill, type DrillPick } from '../debrief/history.js';
import { loadCompiledRubric, playScenario, type PlayRequest, type RunOptions } from './run.js';

export interface DrillOptions extends RunOptions {
  signal?: string;
}

/** The signal history points at, or undefined with no scored rounds (or no readable data directory). */
function fromHistory(signals: SignalId[]): DrillPick | undefined {
  try {
    return pickDrill(readPastRounds(sessionsDir(), () => {}), signals);
  } catch {
    return undefined;
  }
}

export async function drillCommand(opts: DrillOptions): Promise<void> {
  if (opts.signal !== undefined && !(SIGNAL_IDS as readonly string[]).includes(opts.signal)) {
    const { didYouMean } = await import('../content/suggest.js');
    throw new UserError(`unknown signal "${opts.signal}"${didYouMean(opts.signal, SIGNAL_IDS)} (signals: ${SIGNAL_IDS.join(', ')})`);
  }
  if (opts.minutes !== undefined && opts.untimed) throw new UserError('--minutes and --untimed cannot be used together');
  const minutes = opts.minutes === undefined ? undefined : Number(opts.minutes);
  if (minutes !== undefined && (!Number.isFinite(minutes) || minutes <= 0 || minutes > 600)) {
    throw new UserError(`--minutes: expected a number of minutes between 1 and 600, got "${opts.minutes}"`);
  }
  if (opts.seed !== undefined && !/^\d{1,10}$/.test(opts.seed)) throw new UserError(`--seed: expected a whole number, got "${opts.seed}"`);
  let answers: string[] | undefined;
  if (opts.answers !== undefined) answers = await readAnswersFile(opts.answers);
  let turns: TurnSource | undefined;
  if (answers === undefined && !process.stdin.isTTY) turns = await stdinTurns();
  const seed = opts.seed !== undefined ? Number(opts.seed) >>> 0 : answers || turns ? 1 : Math.floor(Math.random() * 2 ** 31);
  const rubric = await loadCompiledRubric();
  const picked = opts.signal === undefined ? fromHistory(rubric.spec.signals.map((s) => s.id)) : undefined;
  const signal = picked?.signal ?? drillSignal(rubric.spec, seed, opts.signal as SignalId | undefined);
  if (opts.signal === undefined) {
    const name = rubric.spec.signals.find((s) => s.id === signal)?.name ?? signal;
    const why = picked ? picked.why : 'no scored rounds yet, so one at random';
    // with --json stdout carries only the JSON object
    (opts.json ? writeErr : writeOut)(`Drilling ${name}: ${why}.\n  (mockloop drill --signal ${signal} picks it yourself)\n\n`);
  }
  const req: PlayRequest = { scenario: drillScenario(rubric.spec, signal, minutes), rubric, json: opts.json === true, save: opts.save !== false, seed };
  if (answers) req.answers = answers;
  if (turns) req.turns = turns;
  if (opts.untimed) req.untimed = true;
  if (opts.scenarios) req.scenarios = opts.scenarios;
  if (opts.full) req.full = true;
  await playScenario(req);
}
