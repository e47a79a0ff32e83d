import type { Debrief } from '../debrief/types.js';
import type { TranscriptEntry } from '../round/transcript.js';
import type { Scenario } from '../scenario/types.js';
import { openJournal, type Journal } from './journal.js';
import type { RoundObserver } from './play.js';

// Saving a round as it plays: one observer on the round loop journals every engine input (with
// its time since the start, so the round can be replayed) and every transcript line.

export interface RoundSaver {
  observe: RoundObserver;
  journal: Journal;
  /** Writes the finished record; returns its path (undefined when not saving). */
  finish(transcript: TranscriptEntry[], debrief: Debrief): string | undefined;
  /** Ends the journal of an interrupted round; returns its path. */
  interrupted(): string | undefined;
}

export function saveRound(opts: { scenario: Scenario; seed: number; save: boolean; minutes?: number; untimed?: boolean }): RoundSaver {
  const { scenario } = opts;
  const journal = openJournal({
    scenario: { id: scenario.id, kind: scenario.kind, title: scenario.title, signals: scenario.signals },
    seed: opts.seed,
    startedAt: new Date(),
    save: opts.save,
    phases: scenario.phases.map((p) => ({ id: p.id, title: p.title, minutes: p.minutes })),
    ...(scenario.incident ? { actionKinds: Object.fromEntries(scenario.incident.actions.map((a) => [a.id, a.kind])) } : {}),
    ...(opts.minutes !== undefined ? { minutes: opts.minutes } : {}),
    ...(opts.untimed ? { untimed: true } : {}),
    warn: (message) => process.stderr.write(`mockloop: ${message}\n`),
  });
  return {
    journal,
    observe(event) {
      if (event.type !== 'step') return;
      journal.append({ type: 'turn', input: event.input, atMs: event.now - event.state.startedAt });
      for (const effect of event.effects) if (effect.type === 'entry') journal.append({ type: 'effect', entry: effect.entry });
    },
    finish(transcript, debrief) {
      return journal.finish({ status: 'complete', endedAt: new Date(), transcript, debrief });
    },
    interrupted() {
      return journal.close('interrupted', new Date());
    },
  };
}
