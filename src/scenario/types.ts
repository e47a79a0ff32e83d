import type { PatternSpec, SignalId } from '../rubric/types.js';

export type ScenarioKind = 'design' | 'incident' | 'behavioral';
export const SCENARIO_KINDS: readonly ScenarioKind[] = ['incident', 'design', 'behavioral'];

/** "signal-id/beat-id", or "story/beat-id" for the shared story-shape beats. */
export type BeatRef = string;

export type StateValue = string | number | boolean;

/**
 * A condition on the round so far. Every key given must hold (AND); an empty
 * condition always holds. hit/missed look at all candidate text in the current phase.
 */
export interface Condition {
  hit?: BeatRef[];
  missed?: BeatRef[];
  revealed?: string[];
  notRevealed?: string[];
  did?: string[];
  notDid?: string[];
  state?: Record<string, StateValue>;
  /** Simulated clock "HH:MM" at or after. */
  after?: string;
  /** Simulated clock "HH:MM" strictly before. */
  before?: string;
  /** At least this many candidate turns in the current phase. */
  turn?: number;
  /** The story the candidate's text in this phase tells: an outage or a launch, a success or a failure. */
  shape?: { kind?: 'outage' | 'launch'; outcome?: 'success' | 'failure' };
}

export interface Probe {
  id: string;
  say: string;
  when?: Condition;
  /** Beats this probe is aimed at; missed ones may draw follow-ups after its answer. */
  targets?: BeatRef[];
}

export interface FollowUp {
  id: string;
  say: string;
  when?: Condition;
  /** Ask again each time the condition holds (default: once). */
  repeat?: boolean;
  /** Asked only when no other follow-up applies and a target beat is still missed. */
  fallback?: boolean;
}

export interface Phase {
  id: string;
  title: string;
  minutes: number;
  /** The interviewer's opening line; or take one from a signal's prompt bank. */
  prompt?: string;
  fromBank?: SignalId;
  /** 'investigate' turns on telemetry panels and actions (incident rounds). */
  mode?: 'answer' | 'investigate';
  /**
   * The phase asks for a real story, so a hypothetical ("I would ...") earns only the rubric's
   * partial credit. Default: true for fromBank phases and every phase of a behavioral round,
   * false otherwise (design and incident answers are naturally hypothetical).
   */
  story?: boolean;
  targets?: BeatRef[];
  probes?: Probe[];
  followUps?: FollowUp[];
  /** At most this many follow-ups per question (default 2). */
  maxFollowUps?: number;
  /** investigate mode: the phase ends after this many turns, or when endWhen holds. */
  maxTurns?: number;
  endWhen?: Condition;
}

export interface PanelView {
  when?: Condition;
  text: string;
}

export interface Panel {
  id: string;
  title: string;
  /** Phrases a candidate might use to ask for this panel (patterns). */
  ask: PatternSpec[];
  /** First view whose condition holds is shown; the last should have no condition. */
  views: PanelView[];
  redHerring?: boolean;
  note?: string;
}

export type ActionKind = 'declare' | 'escalate' | 'communicate' | 'mitigate' | 'investigate' | 'other';

export interface Action {
  id: string;
  title: string;
  kind: ActionKind;
  /** Phrases that trigger the action (patterns; negated phrasing never triggers). */
  do: PatternSpec[];
  says: string;
  set?: Record<string, StateValue>;
  /** Said when the action is triggered again. */
  again?: string;
  when?: Condition;
  /** Said instead of `says` when `when` does not hold. */
  otherwise?: string;
  /** The action takes a value ("retention to 24 hours"): the value the candidate names is the one applied. */
  value?: ActionValueSpec;
}

/**
 * How an action's value plays: the unit its cases are written in, the runbook's value (applied when
 * the candidate names none), and what the system does at each value. A value no case covers is
 * refused, saying what the round models; it is never replaced by another.
 */
export interface ActionValueSpec {
  /** What the value is, for the system's words: "retention on clickstream-raw". */
  name: string;
  /** A unit id from the language's units (hours, days, per-second, tb, percent, ...). */
  unit: string;
  /** The runbook's value as typed: "2 days", "800/s". */
  default: string;
  /** State key that holds the value applied, in `unit`. */
  state?: string;
  /** First case whose range holds decides the reply and the state; {value} in text is the value applied. */
  cases: ValueCase[];
}

export interface ValueCase {
  /** The value is at least this (in the spec's unit). */
  atLeast?: number;
  /** The value is at most this. */
  atMost?: number;
  /** The value is below this. */
  below?: number;
  /** Said instead of the action's `says`. */
  says?: string;
  /** Said instead of the action's `again` when the same value is applied again. */
  again?: string;
  /** Set on top of the action's `set`. */
  set?: Record<string, StateValue>;
}

export interface TimedEvent {
  id: string;
  at: string;
  when?: Condition;
  says: string;
  set?: Record<string, StateValue>;
}

export type CheckRule =
  | { lookedFirst: number }
  | { revealedBefore: { panels: string[]; before: string } }
  | { actedWithin: { kind?: ActionKind; action?: string; minutes: number } }
  | { did: string }
  | { didNot: string };

/** A beat earned (or a red flag raised) by what the candidate did, not what they typed. */
export interface PathCheck {
  id: string;
  signal: SignalId;
  label: string;
  weight: number;
  rule: CheckRule;
  tip: string;
  /** A red flag raised when the rule holds (e.g. didNot inverted: did fail open). */
  redFlag?: boolean;
  why?: string;
}

export interface Incident {
  /** Simulated clock at the page, "HH:MM". */
  start: string;
  day?: string;
  minutesPerTurn: number;
  /**
   * Minutes a turn that reveals no panel and does (or tries) no action moves the clock: nothing
   * was looked at or changed, only thought. Default: minutesPerTurn.
   */
  minutesPerMiss?: number;
  page: { source: string; title: string; text: string; severity?: string };
  state: Record<string, StateValue>;
  panels: Panel[];
  actions: Action[];
  events: TimedEvent[];
  /** In-character replies for an ask that matches nothing, used in turn. */
  fallbacks: string[];
  checks?: PathCheck[];
}

export interface Facilitator {
  summary: string;
  timeline?: { at: string; what: string }[];
  expected?: string[];
  redHerrings?: string[];
  commonMistakes?: string[];
  notes?: string;
}

export interface ScenarioSample {
  id: string;
  note?: string;
  answers: string[];
  /** Expected level per signal: exact, or an inclusive [min, max] range. */
  expect: Partial<Record<SignalId, number | [number, number]>>;
}

export interface Scenario {
  id: string;
  kind: ScenarioKind;
  title: string;
  minutes: number;
  signals: SignalId[];
  summary: string;
  /** Scenario-local synonym sets, merged over the rubric's for this scenario's patterns. */
  concepts?: Record<string, string[]>;
  phases: Phase[];
  incident?: Incident;
  facilitator?: Facilitator;
  samples?: ScenarioSample[];
  /** Closing line said when the round ends. */
  wrapUp?: string;
  /**
   * Closing lines that depend on where the round got to: the first whose `when` holds when the
   * round ends is said instead of `wrapUp` (which stays the line when none holds).
   */
  wrapUps?: WrapUp[];
}

export interface WrapUp {
  when?: Condition;
  text: string;
}
