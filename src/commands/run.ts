import { dirname, resolve } from 'node:path';
import { UserError } from '../errors.js';
import type { StartEvent } from '../io/journal.js';
import type { Scenario } from '../scenario/types.js';
import { createRound, prepareRound, type RoundContext } from '../round/engine.js';
import { answeredSignals, finishRound, type ScenarioSummary } from '../round/finish.js';
import type { RoundState } from '../round/state.js';
import type { TranscriptEntry } from '../round/transcript.js';
import { compileRubric, type CompiledRubric } from '../scoring/index.js';
import { readAnswersFile, stdinTurns } from '../io/answers.js';
import { realClock, simulatedClock } from '../io/clock.js';
import { formatEntry, type LiveStyle } from '../io/live.js';
import { saveRound } from '../io/round-journal.js';
import { stepper } from '../io/stepper.js';
import { shortRefOf } from '../io/session-store.js';
import { Interrupted, SIGNAL_EXIT, playRound, stateOf, type RoundObserver, type TurnSource } from '../io/play.js';
import { stdoutStyle } from '../io/colour.js';
import { jsonOutput } from '../debrief/render-json.js';
import { write, writeErr, writeOut } from '../io/output.js';
import { wrapPath } from '../debrief/text.js';

export interface RunOptions {
  minutes?: string;
  untimed?: boolean;
  answers?: string;
  json?: boolean;
  /** commander's --no-save */
  save?: boolean;
  seed?: string;
  scenarios?: string;
  /** Print the facilitator sheet first; at a terminal, review the scorer's verdicts before the debrief. */
  facilitator?: boolean;
  /** End with the whole debrief rather than the summary. */
  full?: boolean;
}

/** Paths on stderr are laid out for a terminal only: piped, a path stays on one line. */
function stderrWidth(width: number): number {
  return process.stderr.isTTY ? width : Number.POSITIVE_INFINITY;
}

/** Simulated wall time per scripted turn: deterministic runs, with timing that still means something. */
export const SCRIPTED_TURN_MS = 90_000;

function parseMinutes(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || n > 600) throw new UserError(`--minutes: expected a number of minutes between 1 and 600, got "${value}"`);
  return n;
}

function parseSeed(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,10}$/.test(value)) throw new UserError(`--seed: expected a whole number, got "${value}"`);
  return Number(value) >>> 0;
}

export async function loadCompiledRubric(): Promise<CompiledRubric> {
  const { loadRubric } = await import('../content/index.js');
  const loaded = await loadRubric();
  return compileRubric(loaded.rubric);
}

async function catalogueSummaries(scenarios: string | undefined): Promise<ScenarioSummary[]> {
  try {
    const { scenarioListings } = await import('../content/listing-cache.js');
    const { listings } = await scenarioListings(scenarios ? { scenarios } : {});
    return listings.map((s) => ({ id: s.id, kind: s.kind, signals: s.signals }));
  } catch {
    return [];
  }
}

export interface PlayRequest {
  scenario: Scenario;
  rubric: CompiledRubric;
  minutes?: number;
  untimed?: boolean;
  /** Scripted turns; undefined = the terminal (stdin must be a TTY). */
  answers?: string[];
  /** Turns as they arrive (piped stdin), in place of answers. */
  turns?: TurnSource;
  json?: boolean;
  save: boolean;
  seed?: number;
  scenarios?: string;
  /** More observers (a journal): every input and effect of the round. */
  observers?: RoundObserver[];
  /** Facilitator mode: the sheet before the round, the review after it (terminal only). */
  facilitator?: boolean;
  /** The scenario file it was loaded from, kept in the journal so the round can be resumed. */
  source?: string;
  /** Carry on an interrupted round from where its journal left it. */
  resume?: ResumePoint;
  /** End with the whole debrief rather than the summary. */
  full?: boolean;
}

/** Where an interrupted round stood, rebuilt from its journal. */
export interface ResumePoint {
  state: RoundState;
  /** Wall ms since the start of the last thing played: the round's clock carries on from here. */
  atMs: number;
  journalPath: string;
  start: StartEvent;
}

/** Plays one round to its debrief: the shared body of run, drill and the menu. */
export async function playScenario(req: PlayRequest): Promise<void> {
  const { scenario, rubric } = req;
  const interactive = req.answers === undefined && req.turns === undefined;
  const ctx: RoundContext = prepareRound(scenario, rubric);
  const seed = req.resume?.state.seed ?? req.seed ?? (interactive ? Math.floor(Math.random() * 2 ** 31) : 1);
  const roundOpts: Parameters<typeof createRound>[1] = { seed };
  if (req.minutes !== undefined) roundOpts.minutes = req.minutes;
  if (req.untimed) roundOpts.untimed = true;
  const initial: RoundState = req.resume?.state ?? createRound(ctx, roundOpts);
  const saver = saveRound({
    scenario,
    seed,
    save: req.save,
    ...(req.minutes !== undefined ? { minutes: req.minutes } : {}),
    ...(req.untimed ? { untimed: true } : {}),
    ...(req.source !== undefined ? { source: req.source } : {}),
    ...(req.resume ? { resume: { path: req.resume.journalPath, start: req.resume.start } } : {}),
    ...(req.facilitator ? { facilitator: true } : {}),
  });

  const style = stdoutStyle();
  const live: LiveStyle = { colour: style.colour, width: style.width, echoCandidate: !interactive };
  // with --json stdout carries only the JSON object: at a terminal the round plays on stderr
  const liveStream = req.json ? (interactive ? process.stderr : undefined) : process.stdout;
  const out = (text: string) => {
    if (liveStream) write(liveStream, `${text}\n`);
  };
  const transcript: TranscriptEntry[] = [...initial.transcript];
  if (req.resume) {
    // what was said before the interruption, so the candidate can pick up the thread
    out(`Resuming ${scenario.title} (started ${req.resume.start.startedAt.slice(0, 16).replace('T', ' ')} UTC). So far:\n`);
    for (const entry of transcript) {
      const text = formatEntry(entry, { ...live, echoCandidate: true });
      if (text !== undefined) out(text);
    }
    out('\n── resumed ──');
  }
  const observers: RoundObserver[] = [
    (event) => {
      if (event.type === 'notice') {
        out(event.text.split('\n').map((l) => `  ${l}`).join('\n'));
        return;
      }
      if (event.type !== 'step') return;
      for (const effect of event.effects) {
        if (effect.type !== 'entry') continue;
        transcript.push(effect.entry);
        const text = formatEntry(effect.entry, live);
        if (text !== undefined) out(text);
      }
    },
    ...(req.observers ?? []),
    saver.observe,
  ];
  const observe: RoundObserver = (event) => observers.forEach((o) => o(event));

  const facilitation = req.facilitator ? await import('../io/facilitator-review.js') : undefined;
  if (facilitation) {
    // the sheet is for the game master's eyes: stdout, unless stdout carries the JSON (a resumed round showed it at the start)
    if (!req.resume) write(liveStream === process.stdout ? process.stdout : process.stderr, `${facilitation.sheetText(scenario, rubric, style)}\n`);
    if (!interactive) writeErr("mockloop: the facilitator review needs a terminal; the debrief carries the scorer's verdicts only\n");
  }

  let source: TurnSource;
  let help: string;
  if (interactive) {
    const terminal = await import('../io/terminal.js');
    source = terminal.terminalSource(req.json ? process.stderr : process.stdout);
    help = terminal.TERMINAL_HELP;
  } else {
    const lines = [...(req.answers ?? [])];
    source = req.turns ?? { interactive: false, next: async () => lines.shift() ?? null };
    help = 'Commands: /time /hint /panels /skip /end /help';
  }

  const resumeAt = req.resume ? req.resume.state.startedAt + req.resume.atMs : undefined;
  // a resumed round's clock carries on from where it stopped: the time away does not count
  const clock = interactive ? realClock(resumeAt) : simulatedClock(SCRIPTED_TURN_MS, resumeAt ?? 0);
  const interrupt = new AbortController();
  const onSigint = () => interrupt.abort(new Interrupted('SIGINT'));
  const onSigterm = () => interrupt.abort(new Interrupted('SIGTERM'));
  // the terminal was closed: the same orderly stop as Ctrl-C
  const onSighup = () => interrupt.abort(new Interrupted('SIGHUP'));
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigterm);
  process.on('SIGHUP', onSighup);

  let state: RoundState;
  try {
    state = await playRound({
      ctx,
      step: stepper(ctx),
      state: initial,
      source,
      clock,
      observe,
      interrupt: interrupt.signal,
      help,
    });
  } catch (err) {
    if (!(err instanceof Interrupted)) {
      // every turn was journaled before it was played: say where, and let the lock go
      const path = saver.interrupted();
      if (path) writeErr(`mockloop: every answer you sent is saved in ${path} (mockloop debrief ${saver.journal.id})\n`);
      throw err;
    }
    if (interactive) (await import('../io/terminal.js')).releaseTerminal();
    const last = stateOf(err) ?? initial;
    const code = SIGNAL_EXIT[err.signal];
    if (!req.save) throw new UserError(`\nRound interrupted; nothing saved (--no-save).`, code);
    // the time spent at the prompt before Ctrl-C still counts when the round is resumed
    const path = saver.interrupted(Math.max(0, clock.now() - last.startedAt));
    if (!path) throw new UserError(`\nRound interrupted; nothing saved (${saver.journal.reason ?? 'not saving'}).`, code);
    throw new UserError(
      `\nRound interrupted; every answer you sent is saved in${process.stderr.isTTY ? `\n${wrapPath(path, style.width).join('\n')}` : ` ${path}`}\n  carry on: mockloop resume ${saver.journal.id}\n  score it: mockloop debrief ${saver.journal.id}`,
      code,
    );
  } finally {
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigterm);
    process.off('SIGHUP', onSighup);
  }
  if (interactive) (await import('../io/terminal.js')).releaseTerminal();

  let { debrief } = finishRound(ctx, state, { catalogue: await catalogueSummaries(req.scenarios) });
  if (facilitation && interactive) {
    try {
      const answered = answeredSignals(ctx, state);
      debrief = await facilitation.reviewDebrief(debrief, scenario, rubric, { output: req.json ? process.stderr : process.stdout, width: style.width }, answered);
    } catch (err) {
      if (!(err instanceof Interrupted)) throw err;
      // Ctrl-C in the review keeps the scorer's verdicts
      const path = saver.finish(transcript, debrief, state.overReason);
      if (!path) throw new UserError(`\nReview interrupted; nothing saved (${req.save ? (saver.journal.reason ?? 'not saving') : '--no-save'}).`, 130);
      throw new UserError(`\nReview interrupted; the round is saved with the scorer's verdicts in ${path} (mockloop debrief ${saver.journal.id})`, 130);
    }
  }
  const savedPath = saver.finish(transcript, debrief, state.overReason);
  const ref = savedPath ? shortRefOf(saver.journal.id, dirname(savedPath)) : undefined;
  // a long path breaks after a "/", never inside a name
  if (savedPath) writeErr(`${wrapPath(savedPath, stderrWidth(style.width), 'Saved: ').join('\n')}\n  (mockloop debrief ${ref})\n`);
  // the warning has been said; a round that meant to save and could not is not a success
  else if (saver.journal.recordFailed) process.exitCode = 1;
  if (req.json) {
    const payload = { scenario: { id: scenario.id, kind: scenario.kind, title: scenario.title }, transcript, debrief };
    writeOut(jsonOutput(payload));
    return;
  }
  const { renderDebrief } = await import('../debrief/render.js');
  out('');
  writeOut(
    renderDebrief(debrief, {
      format: 'text',
      colour: style.colour,
      width: style.width,
      title: scenario.title,
      ...(savedPath && ref ? { sessionId: saver.journal.id, ref } : {}),
      ...(req.full ? { full: true } : {}),
    }),
  );
}

export async function runCommand(idOrFile: string, opts: RunOptions): Promise<void> {
  const minutes = parseMinutes(opts.minutes);
  if (minutes !== undefined && opts.untimed) throw new UserError('--minutes and --untimed cannot be used together');
  const seed = parseSeed(opts.seed);
  const { resolveScenario } = await import('../content/index.js');
  const loaded = await resolveScenario(idOrFile, opts.scenarios ? { scenarios: opts.scenarios } : {});
  const rubric = await loadCompiledRubric();
  let answers: string[] | undefined;
  let turns: TurnSource | undefined;
  if (opts.answers !== undefined) answers = await readAnswersFile(opts.answers);
  else if (!process.stdin.isTTY) turns = await stdinTurns();
  const req: PlayRequest = { scenario: loaded.scenario, rubric, answers, json: opts.json === true, save: opts.save !== false, source: resolve(loaded.file) } as PlayRequest;
  if (turns) req.turns = turns;
  if (minutes !== undefined) req.minutes = minutes;
  if (opts.untimed) req.untimed = true;
  if (seed !== undefined) req.seed = seed;
  if (opts.scenarios) req.scenarios = opts.scenarios;
  if (opts.facilitator) req.facilitator = true;
  if (opts.full) req.full = true;
  await playScenario(req);
}
