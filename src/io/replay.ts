import type { Debrief } from '../debrief/types.js';
import type { RoundContext } from '../round/engine.js';
import type { RoundInput, RoundState } from '../round/state.js';
import type { TranscriptEntry } from '../round/transcript.js';
import type { Scenario } from '../scenario/types.js';
import type { CompiledRubric } from '../scoring/index.js';
import type { SignalId } from '../rubric/types.js';
import { DRILL_MINUTES, drillScenario, drilledSignal } from '../round/drill.js';
import type { JournalContents, StartEvent } from './journal.js';

// An interrupted round's journal holds every engine input with the time it was played. The
// engine is deterministic, so feeding them again rebuilds the round: to score it as it stands
// (`debrief`) or to carry on playing it (`resume`).

const INPUT_TYPES = new Set(['start', 'turn', 'command', 'tick', 'close']);

function isRoundInput(value: unknown): value is RoundInput {
  const v = value as { type?: unknown } | null;
  return typeof v === 'object' && v !== null && typeof v.type === 'string' && INPUT_TYPES.has(v.type);
}

export interface Rebuilt {
  scenario: Scenario;
  rubric: CompiledRubric;
  ctx: RoundContext;
  state: RoundState;
  /** Wall ms since the start of the last input in the journal: where the round's clock stood. */
  atMs: number;
  /** False when replaying no longer produces what the journal recorded (the scenario was edited). */
  same: boolean;
}

export type Replayed = { debrief: Debrief; transcript: TranscriptEntry[]; warning?: string } | { reason: string };

/** A drill's scenario is made from the rubric, not read from a file: make it again. */
function drillOf(start: StartEvent): { signal: SignalId; minutes: number } | undefined {
  const signal = drilledSignal(start.scenario.id);
  if (!signal || start.scenario.kind !== 'behavioral') return undefined;
  const minutes = start.phases?.[0]?.minutes;
  return { signal, minutes: typeof minutes === 'number' && minutes > 0 ? minutes : DRILL_MINUTES };
}

/** Replays the journal's inputs through the engine. Returns why not when it cannot. */
export async function rebuildRound(journal: JournalContents, opts: { scenarios?: string } = {}): Promise<Rebuilt | { reason: string }> {
  const start = journal.start;
  if (!start) return { reason: 'the journal has no start event' };
  if (journal.turns.length === 0) return { reason: 'the journal records no turns' };
  if (!journal.turns.every((t) => isRoundInput(t.input) && typeof t.atMs === 'number')) {
    return { reason: 'the journal was written without engine inputs, so the round cannot be replayed' };
  }
  try {
    const [content, { compileRubric }, round] = await Promise.all([
      import('../content/index.js'),
      import('../scoring/index.js'),
      import('../round/index.js'),
    ]);
    const rubric = compileRubric((await content.loadRubric()).rubric);
    const drill = drillOf(start);
    let scenario: Scenario;
    if (drill) {
      scenario = drillScenario(rubric.spec, drill.signal, drill.minutes);
    } else {
      // a round played from a file is found there again; otherwise by id in the catalogue
      const ref = start.source && (await exists(start.source)) ? start.source : start.scenario.id;
      scenario = (await content.resolveScenario(ref, opts.scenarios === undefined ? {} : { scenarios: opts.scenarios })).scenario;
    }
    const ctx = round.prepareRound(scenario, rubric);
    let state = round.createRound(ctx, {
      seed: start.seed,
      ...(start.minutes !== undefined ? { minutes: start.minutes } : {}),
      ...(start.untimed ? { untimed: true } : {}),
    });
    for (const t of journal.turns) state = round.step(ctx, state, t.input as RoundInput, t.atMs).state;
    // every entry the journal kept is replayed, in order (a torn or lost effect line only drops one)
    let next = 0;
    for (const e of state.transcript) if (next < journal.transcript.length && journal.transcript[next]!.text === e.text) next++;
    const same = next === journal.transcript.length;
    // the clock stood where the last input was played, or later if the round was stopped after it
    const atMs = Math.max(journal.turns[journal.turns.length - 1]!.atMs, journal.stoppedAtMs ?? 0);
    return { scenario, rubric, ctx, state, atMs, same };
  } catch (err) {
    return { reason: `the round could not be replayed: ${(err as Error).message.split('\n')[0]}` };
  }
}

async function exists(path: string): Promise<boolean> {
  const { stat } = await import('node:fs/promises');
  return stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
}

/** Rebuilds the round and scores it as it stands. */
export async function replayJournal(journal: JournalContents, opts: { scenarios?: string } = {}): Promise<Replayed> {
  const rebuilt = await rebuildRound(journal, opts);
  if ('reason' in rebuilt) return rebuilt;
  try {
    const { finishRound } = await import('../round/index.js');
    const { debrief } = finishRound(rebuilt.ctx, rebuilt.state);
    const out: Replayed = { debrief, transcript: rebuilt.state.transcript };
    if (!rebuilt.same) out.warning = 'the scenario has changed since this round was played; the replayed debrief follows the current scenario';
    return out;
  } catch (err) {
    return { reason: `the round could not be replayed: ${(err as Error).message.split('\n')[0]}` };
  }
}
