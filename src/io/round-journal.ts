import type { Debrief } from '../debrief/types.js';
import type { RoundEnding } from '../debrief/history.js';
import type { TranscriptEntry } from '../round/transcript.js';
import type { Scenario } from '../scenario/types.js';
import { openJournal, reopenJournal, type Journal, type StartEvent } from './journal.js';
import type { RoundObserver } from './play.js';
import { writeErr } from './output.js';

// Saving a round as it plays: one observer on the round loop journals every engine input before
// it is played (with its time since the start, so the round can be replayed) and every transcript
// line it produced.

export interface RoundSaver {
  observe: RoundObserver;
  journal: Journal;
  /** Writes the finished record; returns its path (undefined when not saving). */
  finish(transcript: TranscriptEntry[], debrief: Debrief, ended?: RoundEnding): string | undefined;
  /** Ends the journal of an interrupted round; returns its path. */
  interrupted(atMs?: number): string | undefined;
}

export interface SaveOptions {
  scenario: Scenario;
  seed: number;
  save: boolean;
  minutes?: number;
  untimed?: boolean;
  /** The scenario file, when played from a file. */
  source?: string;
  /** A facilitated round: resuming it keeps the facilitator's review. */
  facilitator?: boolean;
  /** Carry on an interrupted round: append to its journal rather than start a new one. */
  resume?: { path: string; start: StartEvent };
}

export function saveRound(opts: SaveOptions): RoundSaver {
  const { scenario } = opts;
  const warn = (message: string) => writeErr(`mockloop: ${message}\n`);
  const journal = opts.resume ? reopenJournal(opts.resume.path, opts.resume.start, { warn }) : openJournal({
    scenario: { id: scenario.id, kind: scenario.kind, title: scenario.title, signals: scenario.signals },
    seed: opts.seed,
    startedAt: new Date(),
    save: opts.save,
    phases: scenario.phases.map((p) => ({ id: p.id, title: p.title, minutes: p.minutes })),
    ...(scenario.incident ? { actionKinds: Object.fromEntries(scenario.incident.actions.map((a) => [a.id, a.kind])) } : {}),
    ...(opts.minutes !== undefined ? { minutes: opts.minutes } : {}),
    ...(opts.untimed ? { untimed: true } : {}),
    ...(opts.source !== undefined ? { source: opts.source } : {}),
    ...(opts.facilitator ? { facilitator: true } : {}),
    warn,
  });
  return {
    journal,
    observe(event) {
      if (event.type === 'input') {
        // before the engine sees it: a turn that breaks the scorer is still saved
        const atMs = event.state.status === 'new' ? 0 : event.now - event.state.startedAt;
        journal.append({ type: 'turn', input: event.input, atMs });
        return;
      }
      if (event.type !== 'step') return;
      for (const effect of event.effects) if (effect.type === 'entry') journal.append({ type: 'effect', entry: effect.entry });
    },
    finish(transcript, debrief, ended) {
      return journal.finish({ status: 'complete', ...(ended ? { ended } : {}), endedAt: new Date(), transcript, debrief });
    },
    interrupted(atMs) {
      return journal.close('interrupted', new Date(), atMs);
    },
  };
}
