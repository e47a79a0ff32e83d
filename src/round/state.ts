import type { ActionKind, BeatRef, StateValue } from '../scenario/types.js';
import type { TranscriptEntry } from './transcript.js';

/** What the candidate (or the clock) feeds the engine. */
export type RoundInput =
  | { type: 'start' }
  | { type: 'turn'; text: string }
  | { type: 'command'; command: RoundCommand }
  /** Time passing with no input: lets timers fire while the candidate is thinking. */
  | { type: 'tick' }
  /** The candidate's input ran out (end of an answers file or of stdin): the round ends. */
  | { type: 'close' };

export const ROUND_COMMANDS = ['skip', 'end', 'hint', 'panels', 'time', 'help'] as const;
export type RoundCommand = (typeof ROUND_COMMANDS)[number];

/** What the engine asks the edge to show or do. */
export type Effect =
  | { type: 'entry'; entry: TranscriptEntry }
  | { type: 'phase'; id: string; title: string; index: number }
  | { type: 'warning'; which: 'half' | 'five' | 'one'; remainingMs: number }
  | { type: 'over'; reason: 'done' | 'time' | 'end' };

export interface StepResult {
  state: RoundState;
  effects: Effect[];
}

/** The question the candidate is answering: what its follow-ups are judged against. */
export interface Question {
  kind: 'prompt' | 'probe' | 'followup';
  /** The prompt's phase id, or the probe id. */
  ref: string;
  targets: BeatRef[];
  followUpsAsked: number;
  /** Beats the follow-ups to this question were aimed at: none is asked about twice per question. */
  aimed?: BeatRef[];
}

export interface PhaseRun {
  index: number;
  id: string;
  startedAtMs: number;
  /** Wall time spent, filled when the phase ends. */
  endedAtMs?: number;
  /** Candidate turns in this phase, as typed. */
  answers: string[];
  /**
   * What each answer responded to, parallel to `answers`: the probe's id for an answer to an
   * inline probe or to a follow-up on it, absent (or null) for the phase's own prompt and its
   * follow-ups. A probe's answers also speak to the signals the probe targets.
   */
  answered?: (string | null)[];
  /** The opening line actually asked (fromBank prompts are resolved here). */
  prompt: string;
  question: Question;
  /** Next probe index to consider (answer mode: in order; investigate: first unasked that holds). */
  nextProbe: number;
  probesAsked: string[];
  /** Follow-up ids asked in this phase ("beat:<ref>" for a rubric probe). */
  followUpsAsked: string[];
}

/** One step of the investigation, in the order it happened. */
export interface PathStep {
  seq: number;
  /** Simulated minutes since midnight of the page's day. */
  at: number;
  kind: 'asked' | 'did' | 'event' | 'unmatched' | 'refused';
  /** Panel, action or event id. */
  ref?: string;
  actionKind?: ActionKind;
  /** The candidate's turn that caused it. */
  said?: string;
  result: string;
}

export interface IncidentRun {
  /** Simulated minutes since midnight at the page. */
  startAt: number;
  now: number;
  state: Record<string, StateValue>;
  revealed: string[];
  did: string[];
  fired: string[];
  fallbackIndex: number;
  path: PathStep[];
  /** The value each valued action last applied, as shown ("24 h"); absent in older states. */
  values?: Record<string, string>;
}

export interface RoundState {
  version: 1;
  scenarioId: string;
  kind: 'design' | 'incident' | 'behavioral';
  seed: number;
  /** The round's budget in ms; null when untimed. */
  budgetMs: number | null;
  status: 'new' | 'playing' | 'over';
  overReason?: 'done' | 'time' | 'end';
  /** Wall clock (ms) when the round started, from the `start` input. */
  startedAt: number;
  /** Wall-clock ms since start at the last input. */
  lastAtMs: number;
  warned: { half: boolean; five: boolean; one?: boolean };
  /** Phase budgets are the scenario's times this (a round played with --minutes); absent means 1. */
  phaseScale?: number;
  phase: PhaseRun;
  /** Finished phases, in order. */
  done: PhaseRun[];
  incident?: IncidentRun;
  transcript: TranscriptEntry[];
  turns: number;
  /** Answers and commands the candidate has sent, for the per-round cap (absent in older states). */
  inputs?: number;
}
