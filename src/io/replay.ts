import type { Debrief } from '../debrief/types.js';
import type { RoundInput } from '../round/state.js';
import type { TranscriptEntry } from '../round/transcript.js';
import type { JournalContents } from './journal.js';

// An interrupted round's journal holds every engine input with the time it was played. The
// engine is deterministic, so feeding them again rebuilds the round and lets it be scored.

const INPUT_TYPES = new Set(['start', 'turn', 'command', 'tick', 'close']);

function isRoundInput(value: unknown): value is RoundInput {
  const v = value as { type?: unknown } | null;
  return typeof v === 'object' && v !== null && typeof v.type === 'string' && INPUT_TYPES.has(v.type);
}

export type Replayed = { debrief: Debrief; transcript: TranscriptEntry[]; warning?: string } | { reason: string };

export async function replayJournal(journal: JournalContents, opts: { scenarios?: string } = {}): Promise<Replayed> {
  const start = journal.start;
  if (!start) return { reason: 'the journal has no start event' };
  if (journal.turns.length === 0) return { reason: 'the journal records no turns' };
  if (!journal.turns.every((t) => isRoundInput(t.input) && typeof t.atMs === 'number')) {
    return { reason: 'the journal was written without engine inputs, so the round cannot be replayed' };
  }
  try {
    const [{ resolveScenario, loadRubric }, { compileRubric }, round] = await Promise.all([
      import('../content/index.js'),
      import('../scoring/index.js'),
      import('../round/index.js'),
    ]);
    const loaded = await resolveScenario(start.scenario.id, opts.scenarios === undefined ? {} : { scenarios: opts.scenarios });
    const ctx = round.prepareRound(loaded.scenario, compileRubric((await loadRubric()).rubric));
    let state = round.createRound(ctx, {
      seed: start.seed,
      ...(start.minutes !== undefined ? { minutes: start.minutes } : {}),
      ...(start.untimed ? { untimed: true } : {}),
    });
    for (const t of journal.turns) state = round.step(ctx, state, t.input as RoundInput, t.atMs).state;
    const { debrief } = round.finishRound(ctx, state);
    const same = journal.transcript.every((e, i) => state.transcript[i]?.text === e.text);
    const out: Replayed = { debrief, transcript: state.transcript };
    if (!same) out.warning = 'the scenario has changed since this round was played; the replayed debrief follows the current scenario';
    return out;
  } catch (err) {
    return { reason: `the round could not be replayed: ${(err as Error).message.split('\n')[0]}` };
  }
}
