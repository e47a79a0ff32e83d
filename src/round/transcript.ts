/** One line of a round as it happened. This shape is part of the JSON contract of `run --json`. */
export interface TranscriptEntry {
  role: 'interviewer' | 'candidate' | 'system';
  text: string;
  /** What the line is: the page, a phase prompt, an inline probe, a revealed panel, ... */
  kind:
    | 'page'
    | 'prompt'
    | 'probe'
    | 'followup'
    | 'answer'
    | 'command'
    | 'panel'
    | 'action'
    | 'event'
    | 'fallback'
    | 'notice'
    | 'wrapup';
  phase: string;
  /** Wall-clock milliseconds since the round started. */
  atMs: number;
  /** Simulated clock, "HH:MM", in incident rounds. */
  clock?: string;
  /** The id of the probe, panel, action or event the line comes from. */
  ref?: string;
  /** The panel's or action's title, or the page's headline, for display. */
  title?: string;
}
