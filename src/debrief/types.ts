import type { RoundFact, SignalId } from '../rubric/types.js';
import type { ScoreReport, SignalResult } from '../scoring/types.js';

export interface PhaseTiming {
  id: string;
  title: string;
  budgetMinutes: number;
  spentMs: number;
}

/** One step of an incident round's investigation, in simulated time. */
export interface TimelineEntry {
  clock: string;
  kind: 'asked' | 'did' | 'event' | 'unmatched';
  what: string;
  /** What it revealed or changed. */
  result: string;
  ref?: string;
}

export interface Debrief {
  signals: SignalResult[];
  overall: ScoreReport['overall'];
  phases: PhaseTiming[];
  /** The round's whole time in minutes, as `list` shows it (the phases' budgets may add up to less). */
  minutes?: number;
  /** Incident rounds only. */
  timeline?: TimelineEntry[];
  /** When each round fact first happened, on the simulated clock. */
  milestones?: Partial<Record<RoundFact, string>>;
  /** The next thing to practise, from the weakest target signal. */
  next?: { kind: 'scenario' | 'drill'; id: string; signal: SignalId; why: string };
  /** The signals the round targeted, in the scenario's order (listed first in the debrief). */
  targets?: SignalId[];
  /** A facilitator reviewed the scorer's verdicts (see SignalResult.facilitator, BeatResult.facilitator). */
  facilitated?: boolean;
  /**
   * The scores are on the display scale: where each level starts (scoring/scale.ts). A debrief
   * saved without it holds rubric points, and is placed on the display scale when read.
   */
  scale?: { bands: number[] };
}
