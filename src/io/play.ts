import { nextTimerMs, parseInput, step, type RoundContext } from '../round/engine.js';
import { formatClock } from '../round/simclock.js';
import type { Effect, RoundInput, RoundState } from '../round/state.js';
import type { RoundClock } from './clock.js';
import type { Stepper } from './stepper.js';

// The round loop: asks a turn source for lines, feeds the engine, and reports every input and
// every effect through one observer (the live transcript, a journal, a test).

/** What a prompt shows: the time left and where the round is. */
export interface PromptInfo {
  state: RoundState;
  /** Null when untimed. */
  remainingMs: number | null;
  phaseTitle: string;
  /** Simulated clock in incident rounds. */
  clock?: string;
  /** A live prompt wakes after this many ms, for a warning or the end of the round. */
  wakeInMs?: number;
  /** The line the candidate was typing when the prompt last woke: shown again, still editable. */
  draft?: string;
}

/** A live prompt woke (a warning is due, or time is up) while the candidate was typing `draft`. */
export interface Woke {
  woke: true;
  draft: string;
}

/** Ctrl-C, SIGTERM or a closed terminal (SIGHUP) while the round plays. */
export class Interrupted extends Error {
  constructor(readonly signal: 'SIGINT' | 'SIGTERM' | 'SIGHUP') {
    super(`interrupted by ${signal}`);
    this.name = 'Interrupted';
  }
}

/** The exit status of a round stopped by each signal: 128 + its number, as a shell reports it. */
export const SIGNAL_EXIT: Record<Interrupted['signal'], number> = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };

export interface TurnSource {
  readonly interactive: boolean;
  /** The prompt keeps its countdown live and wakes at `wakeInMs` with the line being typed. */
  readonly live?: boolean;
  /**
   * The next line the candidate typed, or null when the input has run out. Rejects with
   * Interrupted on Ctrl-C; with the signal's reason when `signal` aborts (time is up).
   */
  next(prompt: PromptInfo, signal: AbortSignal): Promise<string | null | Woke>;
}

export type RoundEvent =
  /**
   * An input about to be played, with the state before it: told first, so what the candidate
   * typed is journaled even if playing it fails.
   */
  | { type: 'input'; input: RoundInput; now: number; state: RoundState }
  /** One engine step: the input (with the wall clock it was played at) and what it produced. */
  | { type: 'step'; input: RoundInput; now: number; effects: Effect[]; state: RoundState }
  /** A message from the edge itself (/help, an unknown command), not part of the round. */
  | { type: 'notice'; text: string };

export type RoundObserver = (event: RoundEvent) => void;

export interface PlayOptions {
  ctx: RoundContext;
  state: RoundState;
  source: TurnSource;
  clock: RoundClock;
  observe: RoundObserver;
  /** Aborted with an Interrupted reason on SIGINT / SIGTERM. */
  interrupt?: AbortSignal;
  /** Help text for /help (the edge knows about /edit and pasting). */
  help: string;
  /** How a step is played (default: in place); may go off the main thread and be aborted. */
  step?: Stepper;
}

const TIME_UP = 'time-up';
/** How a newline inside a paste shows on a prompt line; it becomes a newline again in the answer. */
export const PASTE_MARK = '\u21b5';

function promptInfo(ctx: RoundContext, state: RoundState, now: number): PromptInfo {
  const atMs = Math.max(state.lastAtMs, now - state.startedAt);
  const info: PromptInfo = {
    state,
    remainingMs: state.budgetMs === null ? null : Math.max(0, state.budgetMs - atMs),
    phaseTitle: ctx.scenario.phases[state.phase.index]?.title ?? '',
  };
  // the simulated clock only means something while investigating (the review is on Monday)
  if (state.incident && ctx.scenario.phases[state.phase.index]?.mode === 'investigate') info.clock = formatClock(state.incident.now);
  return info;
}

/**
 * Plays the round until it is over or the input runs out. Returns the last state; throws
 * Interrupted (with `state` attached) on Ctrl-C or SIGTERM.
 */
export async function playRound(opts: PlayOptions): Promise<RoundState> {
  const { ctx, source, clock, observe } = opts;
  let state = opts.state;
  const play = opts.step ?? ((s: RoundState, input: RoundInput, now: number) => step(ctx, s, input, now));
  const feed = async (input: RoundInput) => {
    const now = clock.now();
    observe({ type: 'input', input, now, state });
    const r = await play(state, input, now, opts.interrupt);
    state = r.state;
    observe({ type: 'step', input, now, effects: r.effects, state });
  };
  const interruptedBy = (): Interrupted | undefined => {
    const reason: unknown = opts.interrupt?.reason;
    return opts.interrupt?.aborted ? (reason instanceof Interrupted ? reason : new Interrupted('SIGINT')) : undefined;
  };

  let draft = '';
  try {
    if (state.status === 'new') await feed({ type: 'start' });
    while (state.status !== 'over') {
      const stop = interruptedBy();
      if (stop) throw stop;
      const waiting = new AbortController();
      const onInterrupt = () => waiting.abort(opts.interrupt?.reason);
      opts.interrupt?.addEventListener('abort', onInterrupt);
      // At a terminal, time running out ends the prompt so the interviewer can wrap up.
      let timer: NodeJS.Timeout | undefined;
      const info = promptInfo(ctx, state, clock.now());
      const wakeAt = nextTimerMs(state);
      if (source.live && wakeAt !== null) {
        // the prompt wakes itself, with the line being typed, when a warning or the end is due
        info.wakeInMs = Math.max(0, state.startedAt + wakeAt - clock.now());
        info.draft = draft;
      } else if (source.interactive && state.budgetMs !== null) {
        const left = state.startedAt + state.budgetMs - clock.now();
        timer = setTimeout(() => waiting.abort(TIME_UP), Math.max(0, left));
      }
      let line: string | null | Woke;
      try {
        line = await source.next(info, waiting.signal);
      } catch (err) {
        if (waiting.signal.aborted && waiting.signal.reason === TIME_UP) {
          await feed({ type: 'tick' });
          continue;
        }
        throw interruptedBy() ?? err;
      } finally {
        if (timer) clearTimeout(timer);
        opts.interrupt?.removeEventListener('abort', onInterrupt);
      }
      if (line !== null && typeof line === 'object') {
        draft = line.draft;
        const over = state.budgetMs !== null && clock.now() >= state.startedAt + state.budgetMs;
        // at time-up the half-typed line is the last turn; before it, the clock just ticks
        if (over && draft.trim() !== '') {
          observe({ type: 'notice', text: `Time is up: your unfinished line goes in as your last turn:\n> ${draft.split(PASTE_MARK).join(' ')}` });
          await feed({ type: 'turn', text: draft.split(PASTE_MARK).join('\n') });
          draft = '';
        } else await feed({ type: 'tick' });
        continue;
      }
      draft = '';
      if (line === null) {
        await feed({ type: 'close' });
        break;
      }
      const input = parseInput(line);
      if (input.type === 'unknown') {
        // not scored as an answer: what the commands are, as /help says it
        const what = input.command === '' ? 'A lone / is not a command.' : `Unknown command /${input.command}.`;
        observe({ type: 'notice', text: `${what}\n${opts.help}` });
        continue;
      }
      if (input.type === 'command' && input.command === 'help') {
        observe({ type: 'notice', text: opts.help });
        continue;
      }
      if (input.type === 'turn' && line.trim() === '') continue;
      if (input.type === 'turn') clock.beforeTurn();
      await feed(input);
    }
  } catch (err) {
    if (err instanceof Interrupted) Object.assign(err, { state });
    throw err;
  }
  return state;
}

/** The state an Interrupted error carries from playRound. */
export function stateOf(err: Interrupted): RoundState | undefined {
  return (err as Interrupted & { state?: RoundState }).state;
}
