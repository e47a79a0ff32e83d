import { ROUND_FACTS, SIGNAL_IDS, type RoundFact, type SignalId } from '../rubric/types.js';
import type { ScoreReport, SignalResult } from '../scoring/types.js';
import type { TranscriptEntry } from '../round/transcript.js';
import type { Debrief, PhaseTiming, TimelineEntry } from './types.js';
import { sanitize } from './sanitize.js';
import { isSilent } from '../scoring/summary.js';

export { inlineName, isSilent, overallLine } from '../scoring/summary.js';

// The debrief model: pure functions from a round's results to what the debrief says.
// The renderers only lay this out.

/**
 * Targeted signals first (in the round's order), then the rest in rubric order. Silent signals the
 * round did not target are set apart so the renderers can fold them into one line.
 */
export function arrangeSignals(
  signals: SignalResult[],
  targets: readonly SignalId[] = [],
): { shown: SignalResult[]; folded: SignalResult[] } {
  const rank = (s: SignalResult) => {
    const t = targets.indexOf(s.id);
    return t >= 0 ? t : targets.length + SIGNAL_IDS.indexOf(s.id);
  };
  // with no targets (a story scored on its own) the strongest framing leads
  const ordered = [...signals].sort((a, b) =>
    targets.length === 0 ? b.score - a.score || rank(a) - rank(b) : rank(a) - rank(b),
  );
  const shown: SignalResult[] = [];
  const folded: SignalResult[] = [];
  for (const s of ordered) {
    if (!targets.includes(s.id) && isSilent(s)) folded.push(s);
    else shown.push(s);
  }
  return { shown, folded };
}


/** Time spent in each phase, from when its first line was said to when the next phase began. */
export function phaseTimings(
  phases: readonly { id: string; title: string; minutes: number }[],
  transcript: readonly TranscriptEntry[],
  endMs: number,
): PhaseTiming[] {
  const firstAt = new Map<string, number>();
  for (const e of transcript) if (!firstAt.has(e.phase)) firstAt.set(e.phase, e.atMs);
  const starts = [...firstAt.entries()].sort((a, b) => a[1] - b[1]);
  return phases.map((p) => {
    const start = firstAt.get(p.id);
    if (start === undefined) return { id: p.id, title: p.title, budgetMinutes: p.minutes, spentMs: 0 };
    const next = starts.find(([id, at]) => id !== p.id && at > start);
    return { id: p.id, title: p.title, budgetMinutes: p.minutes, spentMs: Math.max(0, (next ? next[1] : endMs) - start) };
  });
}

export type ActionKinds = Readonly<Record<string, string>>;

function firstLine(text: string, max = 160): string {
  const line = sanitize(text.split('\n').find((l) => l.trim() !== '') ?? '');
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}

const TIMELINE_KINDS: Partial<Record<TranscriptEntry['kind'], TimelineEntry['kind']>> = {
  page: 'event',
  panel: 'asked',
  action: 'did',
  event: 'event',
  fallback: 'unmatched',
};

/**
 * The investigation as the system saw it: each candidate turn paired with what it revealed
 * (a panel), changed (an action) or failed to find (a fallback), plus timed events.
 */
export function investigationTimeline(transcript: readonly TranscriptEntry[]): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  let lastTurn: TranscriptEntry | undefined;
  for (const e of transcript) {
    if (e.role === 'candidate') {
      lastTurn = e;
      continue;
    }
    if (e.role !== 'system' || e.clock === undefined) continue;
    const kind = TIMELINE_KINDS[e.kind];
    if (kind === undefined) continue;
    const what = e.kind === 'page' ? 'page' : e.kind === 'event' ? (e.ref ?? 'event') : lastTurn ? firstLine(lastTurn.text) : '';
    const entry: TimelineEntry = { clock: e.clock, kind, what, result: firstLine(e.text) };
    if (e.ref !== undefined) entry.ref = e.ref;
    out.push(entry);
  }
  return out;
}

/** When the incident was declared, escalated, communicated and mitigated (first time each). */
export function incidentMilestones(
  timeline: readonly TimelineEntry[],
  actionKinds: ActionKinds,
): NonNullable<Debrief['milestones']> {
  const m: NonNullable<Debrief['milestones']> = {};
  for (const t of timeline) {
    if (t.kind !== 'did' || t.ref === undefined) continue;
    const fact = factOfKind(actionKinds[t.ref]);
    if (fact && m[fact] === undefined) m[fact] = t.clock;
  }
  return m;
}

/** The round fact an action of this kind establishes ("mitigate" → "mitigated"), if any. */
export function factOfKind(kind: string | undefined): RoundFact | undefined {
  return (Object.keys(ROUND_FACTS) as RoundFact[]).find((f) => ROUND_FACTS[f] === kind);
}

/**
 * The next thing to practise: the weakest targeted signal (lowest score, rubric order on ties),
 * with the tip of its heaviest missed beat as the reason.
 */
export function nextPractice(signals: SignalResult[], targets: readonly SignalId[] = []): Debrief['next'] {
  const targeted = signals.filter((s) => targets.length === 0 || targets.includes(s.id));
  // the weakest of what was asked; a signal the round never reached only when nothing was asked
  const asked = targeted.filter((s) => s.notReached === undefined);
  const pool = asked.length > 0 ? asked : targeted;
  const weakest = [...pool].sort((a, b) => a.score - b.score || SIGNAL_IDS.indexOf(a.id) - SIGNAL_IDS.indexOf(b.id))[0];
  if (!weakest || weakest.level >= 4) return undefined;
  const missed = weakest.beats.filter((b) => !b.hit && b.notReached === undefined).sort((a, b) => b.weight - a.weight)[0];
  const why = missed ? `${missed.label}: ${missed.tip}` : `${weakest.name} is your weakest signal this round.`;
  return { kind: 'drill', id: weakest.id, signal: weakest.id, why };
}

export interface DebriefInput {
  report: ScoreReport;
  phases: readonly { id: string; title: string; minutes: number }[];
  transcript: readonly TranscriptEntry[];
  endMs: number;
  targets: readonly SignalId[];
  /** Incident rounds: action id → kind, for the milestones. */
  actionKinds?: ActionKinds;
}

/** Builds the Debrief for a finished round. */
export function composeDebrief(input: DebriefInput): Debrief {
  const debrief: Debrief = {
    signals: input.report.signals,
    overall: input.report.overall,
    phases: phaseTimings(input.phases, input.transcript, input.endMs),
    targets: [...input.targets],
  };
  if (input.actionKinds) {
    debrief.timeline = investigationTimeline(input.transcript);
    debrief.milestones = incidentMilestones(debrief.timeline, input.actionKinds);
  }
  const next = nextPractice(input.report.signals, input.targets);
  if (next) debrief.next = next;
  return debrief;
}
