import type { Level, SignalId } from '../rubric/types.js';

export interface Token {
  /** Lower-cased surface form ("didn't" is split into "did" + "not"). */
  norm: string;
  /** Porter stem of norm (numbers keep norm). */
  stem: string;
  /** Character offsets into the analysed text. */
  start: number;
  end: number;
  sentence: number;
  isNumber: boolean;
  /** Capitalised and not the first word of its sentence, nor "I": a name ("Dave's fault"). */
  name?: boolean;
  /** Inside a NegEx-style negation scope. */
  negated: boolean;
  /** Inside a hypothetical scope ("I would have ...", "we should ..."). */
  hypothetical: boolean;
  /** Inside a counterfactual scope ("would", "might", "could have"): imagined rather than meant. */
  counterfactual?: boolean;
}

export interface Sentence {
  index: number;
  start: number;
  end: number;
  text: string;
  /** Says who did what: an agent (I, we, the team...) or a past-tense action, and enough words to be a claim. */
  statement: boolean;
  /** A comma-separated list of short terms rather than prose. */
  list: boolean;
  /** Ends in a question mark: it asks, it does not claim. */
  question?: boolean;
  firstToken: number;
  lastToken: number; // exclusive
}

export interface Doc {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
  words: number;
}

export interface Match {
  sentence: number;
  /** Character offsets of the matched span in the analysed text. */
  start: number;
  end: number;
  negated: boolean;
  hypothetical: boolean;
  /** Some of the match is counterfactual ("if we had not load tested, it would have fallen over"). */
  counterfactual?: boolean;
  /** Token indices of the match, first and last inclusive. */
  firstToken: number;
  lastToken: number;
}

export interface BeatResult {
  id: string;
  label: string;
  weight: number;
  hit: boolean;
  /** Earned only in a hypothetical ("I would have..."): partial credit. */
  hypothetical?: boolean;
  /** The sentence that earned the beat, quoted. */
  evidence?: string;
  start?: number;
  end?: number;
  /** 'text' = what the candidate typed; 'path' = what they did in an incident round. */
  source: 'text' | 'path';
  /** Shared story-shape beat rather than a signal's own. */
  story?: boolean;
  probe?: string;
  tip: string;
  /** Missed only because the round ended before the phase that asks for it: that phase's title. */
  notReached?: string;
  /** A missed beat: what hitting it would add to its signal's score, on the display scale (scoring/scale.ts). */
  worth?: number;
  /** A human facilitator's verdict on this beat (absent: not reviewed, or a miss left as missed). */
  facilitator?: FacilitatorVerdict;
}

export type FacilitatorVerdict = 'accepted' | 'rejected' | 'awarded';

export interface RedFlagResult {
  id: string;
  label: string;
  weight: number;
  /** The candidate looks back on it with regret (owning up in the answer): it costs nothing and does not cap the level. */
  regretted?: boolean;
  evidence: string;
  start?: number;
  end?: number;
  why: string;
  source: 'text' | 'path';
}

export interface SignalResult {
  id: SignalId;
  name: string;
  score: number;
  level: Level;
  label: string;
  beats: BeatResult[];
  redFlags: RedFlagResult[];
  /** Level was capped because the text reads as a list of rubric terms. */
  salad?: boolean;
  /** A round's targeted signal never asked for: the round ended before this phase, which asks for it. */
  notReached?: string;
  /** Score and level from the beats as a facilitator judged them; score and level above stay the scorer's. */
  facilitator?: { score: number; level: Level; label: string };
}

export interface ScoreReport {
  signals: SignalResult[];
  overall: {
    score: number;
    level: Level;
    label: string;
    /** Signals at level 3 or above, strongest first. */
    strengths: SignalId[];
    /** Signals below level 2. */
    gaps: SignalId[];
    /** A one-line summary in an interviewer's debrief style. */
    summary: string;
    words: number;
    statements: number;
    salad: boolean;
    /** In a round: the level is below the one the average alone gives, because most targeted signals are below it. */
    held?: boolean;
  };
}

/** A beat or red flag decided outside the text (an incident round's investigation path). */
export interface PathFinding {
  signal: SignalId;
  beat?: BeatResult;
  /** The id of the signal's own rubric beat this finding decides in place of the text (a round fact). */
  decides?: string;
  redFlag?: RedFlagResult;
}
