import { SIGNAL_IDS, type RubricSpec, type SignalId } from '../rubric/types.js';
import type { Scenario } from '../scenario/types.js';
import { seededIndex } from './simclock.js';

// A drill is a one-phase behavioral round: one prompt from a signal's bank, graded on that
// signal's beats and the shared story beats, with follow-ups for what the answer left out.

export const DRILL_MINUTES = 10;

export function drillSignal(rubric: RubricSpec, seed: number, signal?: SignalId): SignalId {
  if (signal) return signal;
  const ids = rubric.signals.map((s) => s.id).filter((id) => (SIGNAL_IDS as readonly string[]).includes(id));
  return ids[seededIndex(seed, 'drill-signal', ids.length)] ?? SIGNAL_IDS[0];
}

const DRILL_PREFIX = 'drill-';

/** The signal a drill's scenario id names ("drill-pager-empathy"), or undefined for any other id. */
export function drilledSignal(scenarioId: string): SignalId | undefined {
  const rest = scenarioId.startsWith(DRILL_PREFIX) ? scenarioId.slice(DRILL_PREFIX.length) : '';
  return (SIGNAL_IDS as readonly string[]).includes(rest) ? (rest as SignalId) : undefined;
}

export function drillScenario(rubric: RubricSpec, signal: SignalId, minutes = DRILL_MINUTES): Scenario {
  const spec = rubric.signals.find((s) => s.id === signal);
  if (!spec) throw new Error(`the rubric has no signal ${signal}`);
  return {
    id: `${DRILL_PREFIX}${signal}`,
    kind: 'behavioral',
    title: `Drill: ${spec.name}`,
    minutes,
    signals: [signal],
    summary: `One prompt from the ${spec.name} bank, with follow-ups.`,
    phases: [
      {
        id: 'drill',
        title: spec.name,
        minutes,
        fromBank: signal,
        targets: [...spec.beats.map((b) => `${signal}/${b.id}`), ...rubric.storyBeats.map((b) => `story/${b.id}`)],
        maxFollowUps: 2,
      },
    ],
  };
}
