/**
 * The rubric as authored in rubrics/*.yaml (after schema validation).
 * Pattern language: see README "Writing patterns".
 */
export const SIGNAL_IDS = [
  'reliability-practice',
  'incident-judgement',
  'capacity-planning',
  'data-integrity',
  'slo-tradeoffs',
  'pager-empathy',
  'cross-team',
  'post-incident-review',
] as const;
export type SignalId = (typeof SIGNAL_IDS)[number];

export const LEVEL_LABELS = ['no signal', 'weak', 'mixed', 'solid', 'strong'] as const;
export type Level = 0 | 1 | 2 | 3 | 4;

/** A pattern is either a bare string or an object with options. */
export type PatternSpec =
  | string
  | {
      match: string;
      /** 'any' lets the terms appear in any order inside the window. Default 'fixed'. */
      order?: 'fixed' | 'any';
      /** Tokens allowed between consecutive terms. Default 3. */
      gap?: number;
      /** When true the match only counts inside a negation scope ("did not fail open"). */
      negated?: boolean;
      /**
       * When in the project the match's clause must place it (src/language/time.ts): `late` once
       * built, in the final stretch or at launch; `early` at scoping or months ahead; `not-late`
       * anything but late, including no time said.
       */
      time?: PatternTime;
      /**
       * The whole match inside one clause (src/language/clauses.ts): an act and its object told
       * together, not "I changed the code" in one clause and "the alert fired" in the next.
       */
      clause?: boolean;
      /**
       * What must be told beside the match, in the same or a neighbouring sentence: a behaviour
       * people tell in two sentences ("So we dropped it." ... "We had a launch on the Monday.").
       * The match is the evidence and is read for its stance as usual; the partner may sit in a
       * clause that imagines ("doing it properly would have taken a month") but not one that
       * negates it, unless it asks for negation itself.
       */
      with?: string | { match: string; order?: 'fixed' | 'any'; gap?: number; negated?: boolean };
      /**
       * What, told within the same sentences as the partner may be, takes the match back: the red
       * flag "the riskier path, its risk unnamed" is not raised where the risk is named beside it.
       */
      unless?: string;
      /** How many sentences before or after the match the partner (and `unless`) may sit. Default 1. */
      within?: number;
    };

export type PatternTime = 'early' | 'late' | 'not-late';

export interface BeatSpec {
  id: string;
  label: string;
  weight: number;
  patterns: PatternSpec[];
  /** The follow-up an interviewer asks when the beat is missing. */
  probe: string;
  /** One-line coaching tip shown in the debrief when the beat is missed. */
  tip: string;
  /** In an incident round, the beat is this fact about the round (see ROUND_FACTS). */
  roundFact?: RoundFact;
  /**
   * On a story beat: it is also earned by a sentence that tells the practice the candidate keeps
   * now ("Now I put the numbers in the design doc", "that's how I do it now"), read by the stance
   * reader. A signal's own beat does not read it.
   */
  lesson?: boolean;
}

/**
 * Facts about an incident round, each the first action of a kind: the debrief's milestones, and
 * the beats that name one (`roundFact`), read them from the same place.
 */
export const ROUND_FACTS = {
  declared: 'declare',
  escalated: 'escalate',
  communicated: 'communicate',
  mitigated: 'mitigate',
} as const;
export type RoundFact = keyof typeof ROUND_FACTS;

export interface RedFlagSpec {
  id: string;
  label: string;
  /** Score points subtracted when raised. */
  weight: number;
  patterns: PatternSpec[];
  why: string;
  /**
   * The signal's beat earned by standing against this behaviour: refusing it, arguing it is
   * wrong, or pushing back on someone else's proposal of it ("pushed back", "chose the safer path").
   */
  refusalEarns?: string;
}

export interface RubricSample {
  /** Expected level: exact, or an inclusive [min, max] range. */
  level: number | [number, number];
  text: string;
  note?: string;
}

export interface SignalSpec {
  id: SignalId;
  name: string;
  /** Lower-case short name for summaries ("incident judgement"); defaults to the name. */
  short?: string;
  description: string;
  prompts: string[];
  beats: BeatSpec[];
  redFlags: RedFlagSpec[];
  samples?: RubricSample[];
}

export interface ScoringConfig {
  /** Credit for a beat earned only in a hypothetical ("I would have..."). 0..1 */
  hypotheticalCredit: number;
  /** Minimum score for levels 1..4, ascending. */
  levelThresholds: [number, number, number, number];
  /** Minimum score for levels 1..4 in a round (its signals read from several answers); default levelThresholds. */
  roundLevelThresholds?: [number, number, number, number];
  /** Highest level a signal can reach while any red flag of it is raised. */
  redFlagLevelCap: number;
}

/** Phrases of one concept that share a source (`guide`, or the usage they record). */
export interface ConceptEntry {
  source: string;
  phrases: string[];
}

/** A rubric's concepts as plain phrase lists, the shape the pattern compiler reads. */
export function conceptPhrases(concepts: Record<string, ConceptEntry[]> | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, entries] of Object.entries(concepts ?? {})) out[name] = entries.flatMap((e) => e.phrases);
  return out;
}

export interface RubricSpec {
  version: 1;
  scoring: ScoringConfig;
  /** Named synonym sets, referenced from patterns as {name}; each entry says where its phrases come from. */
  concepts: Record<string, ConceptEntry[]>;
  /** Story-shape beats shared by every signal (numbers, outcome, takeaway, ownership). */
  storyBeats: BeatSpec[];
  signals: SignalSpec[];
}
