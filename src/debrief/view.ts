import type { SignalId } from '../rubric/types.js';
import type { BeatResult, RedFlagResult, SignalResult } from '../scoring/types.js';
import type { Debrief } from './types.js';
import { arrangeSignals, inlineName, isSilent, overallLine } from './model.js';
import { clipQuote, sanitize } from './sanitize.js';

// What every text renderer shows, already ordered, folded and sanitised; terminal and Markdown
// differ only in layout.

export interface HitView {
  label: string;
  evidence?: string;
  fromPath: boolean;
  hypothetical: boolean;
  story: boolean;
  /** The sentence was already quoted for an earlier beat of this signal. */
  quotedAbove?: boolean;
}
export interface MissView {
  label: string;
  tip: string;
  fromPath: boolean;
  story: boolean;
}
export interface FlagView {
  label: string;
  evidence: string;
  why: string;
  fromPath: boolean;
}
export interface SignalView {
  id: SignalId;
  name: string;
  score: number;
  level: number;
  label: string;
  targeted: boolean;
  salad: boolean;
  /** The round ended before the phase that asks about this signal: that phase's title. */
  notReached?: string;
  hits: HitView[];
  misses: MissView[];
  flags: FlagView[];
}

export interface ReportView {
  overall: { score: number; level: number; label: string; line: string };
  signals: SignalView[];
  /** Untargeted signals with nothing to say, folded into one line. */
  folded: string[];
  /** What the folded line opens with: in a round they were not targeted; a story alone has no targets. */
  foldedLead: string;
  /** Names of the shown signals whose level was capped because the text reads as a list of terms. */
  salad: string[];
}

const byWeight = <T extends { weight: number }>(a: T, b: T) => b.weight - a.weight;

function hitView(b: BeatResult): HitView {
  const v: HitView = { label: sanitize(b.label), fromPath: b.source === 'path', hypothetical: b.hypothetical === true, story: b.story === true };
  const evidence = b.evidence === undefined ? '' : clipQuote(sanitize(b.evidence));
  if (evidence !== '' && b.source !== 'path') v.evidence = evidence;
  return v;
}

/** Said of a red flag the candidate looks back on with regret: why it weighs less. */
export const REGRETTED = 'You look back on it with regret, so it costs nothing and does not cap the level.';

function flagView(f: RedFlagResult): FlagView {
  const why = f.regretted ? `${sanitize(f.why)} ${REGRETTED}` : sanitize(f.why);
  return { label: sanitize(f.label), evidence: f.source === 'path' ? '' : clipQuote(sanitize(f.evidence)), why, fromPath: f.source === 'path' };
}

/**
 * One sentence often earns several beats: quote it once per signal. Hits that quote the same
 * sentence are placed together (each group where its heaviest hit stands), so "same sentence as
 * above" always refers to the quote just above it. Sentences are told apart by their whole text
 * and position, never by the clipped quote (two long sentences can clip to the same words).
 */
function dedupeQuotes(beats: readonly BeatResult[]): HitView[] {
  const groups = new Map<string, HitView[]>();
  const order: HitView[][] = [];
  beats.forEach((b, i) => {
    const v = hitView(b);
    const key = v.evidence === undefined ? `#${i}` : `${b.start ?? ''}:${b.end ?? ''}:${b.evidence ?? ''}`;
    let group = groups.get(key);
    if (!group) {
      groups.set(key, (group = []));
      order.push(group);
    }
    group.push(v);
  });
  return order.flatMap((group) =>
    group.map((h, k) => {
      if (k === 0 || h.evidence === undefined) return h;
      const { evidence: _omit, ...rest } = h;
      return { ...rest, quotedAbove: true };
    }),
  );
}

export function signalView(s: SignalResult, targets: readonly SignalId[]): SignalView {
  return {
    id: s.id,
    name: sanitize(s.name),
    score: s.score,
    level: s.level,
    label: s.label,
    // a story scored on its own has no targets: no signal is "not targeted" then
    targeted: targets.length === 0 || targets.includes(s.id),
    salad: s.salad === true,
    ...(s.notReached !== undefined ? { notReached: sanitize(s.notReached) } : {}),
    hits: dedupeQuotes(s.beats.filter((b) => b.hit).sort(byWeight)),
    misses: s.beats
      .filter((b) => !b.hit)
      .sort((a, b) => Number(a.notReached !== undefined) - Number(b.notReached !== undefined) || byWeight(a, b))
      .map((b) => ({ label: sanitize(b.label), tip: sanitize(b.tip), fromPath: b.source === 'path', story: b.story === true })),
    flags: [...s.redFlags].sort(byWeight).map(flagView),
  };
}

export function reportView(
  signals: SignalResult[],
  overall: { score: number; level: number; label: string },
  targets: readonly SignalId[] = [],
  /** A written story scored on its own (`mockloop score`), not a round. */
  story = false,
): ReportView {
  const { shown, folded } = arrangeSignals(signals, targets);
  const views = shown.map((s) => signalView(s, targets));
  return {
    overall: { score: overall.score, level: overall.level, label: overall.label, line: overallLine(signals, targets) },
    signals: views,
    folded: folded.map((s) => inlineName(sanitize(s.name))),
    // a story scored on its own targets nothing: its folded signals are simply absent from it
    foldedLead: targets.length > 0 ? 'No signal (not targeted)' : story ? 'No signal in this story' : 'No signal',
    salad: views.filter((s) => s.salad).map((s) => s.name),
  };
}

export function debriefView(d: Debrief): ReportView {
  return reportView(d.signals, d.overall, d.targets ?? []);
}

/** The command that practises `next`. */
export function nextCommand(next: NonNullable<Debrief['next']>): string {
  return next.kind === 'scenario' ? `mockloop run ${next.id}` : `mockloop drill --signal ${next.signal}`;
}

export const MILESTONES = [
  ['declared', 'Declared'],
  ['escalated', 'Escalated'],
  ['communicated', 'Communicated'],
  ['mitigated', 'Mitigated'],
] as const;

/** A missed beat worth practising, with what it would have added to its signal's score. */
export interface MissWorth {
  signal: SignalId;
  signalName: string;
  label: string;
  tip: string;
  fromPath: boolean;
  /** What the beat would add to its signal's score, on the display scale (without it: its share of the signal's weight). */
  points: number;
}

/**
 * The misses that would have moved the round most: every missed beat of the targeted signals
 * (all signals when nothing was targeted), valued by the points it would add to its signal, the
 * weaker signal first on a tie. A story-shape beat missed on several signals is listed once.
 */
export function valuableMisses(d: Debrief, count = 3): MissWorth[] {
  const targets = d.targets ?? [];
  // what the round never asked about is not a miss worth the most: what was asked comes first
  const pool = d.signals.filter((s) => (targets.length === 0 ? !isSilent(s) : targets.includes(s.id) && s.notReached === undefined));
  const all: (MissWorth & { weakness: number })[] = [];
  for (const s of pool) {
    const possible = s.beats.reduce((n, b) => n + b.weight, 0);
    if (possible <= 0) continue;
    for (const b of s.beats) {
      if (b.hit || b.notReached !== undefined) continue;
      all.push({
        signal: s.id,
        signalName: sanitize(s.name),
        label: sanitize(b.label),
        tip: sanitize(b.tip),
        fromPath: b.source === 'path',
        points: b.worth ?? Math.round((100 * b.weight) / possible),
        weakness: s.score,
      });
    }
  }
  all.sort((a, b) => b.points - a.points || a.weakness - b.weakness);
  const seen = new Set<string>();
  const out: MissWorth[] = [];
  for (const { weakness: _w, ...m } of all) {
    if (seen.has(m.label)) continue;
    seen.add(m.label);
    out.push(m);
    if (out.length === count) break;
  }
  return out;
}

/**
 * How the overall score was formed, in words: the average of the targeted signals, or the
 * strongest; and when the level is held below what the average alone would give (a round's
 * overall level is one most of its targeted signals reach), that too. A score always lies in its
 * level's band of the display scale, so where the average lies outside the overall level's band
 * (held, capped, or raised to weak) the overall score is the nearest inside it, and this says so.
 */
export function overallBasis(d: Pick<Debrief, 'signals' | 'targets'> & { overall?: Pick<Debrief['overall'], 'score' | 'level' | 'label' | 'held'> }): string {
  const targets = d.targets ?? [];
  if (targets.length === 0) return "your strongest signal's score";
  const targeted = targets.flatMap((t) => d.signals.find((s) => s.id === t) ?? []);
  const scores = targeted.map((s) => s.score);
  if (scores.length === 1) return 'the score of the one signal this round targeted';
  const listed = `the average of the ${scores.length} signals this round targeted (${scores.join(', ')})`;
  const o = d.overall;
  const mean = Math.round(scores.reduce((n, x) => n + x, 0) / scores.length);
  // the average is shown beside the overall score when the level's band kept the score from it
  const moved = o !== undefined && o.score !== mean;
  const basis = moved ? `${listed} is ${mean}` : listed;
  if (o === undefined) return basis;
  // a signal scored no higher than the average yet levelled higher (no red flag or salad holding
  // it down) shows the average alone would have given a higher level
  // the scorer says so; a debrief saved before it did is judged from its signals
  const held =
    !('salad' in o && o.salad) &&
    (o.held !== undefined
      ? o.held
      : targeted.some((s) => s.score <= mean && s.level > o.level && !s.salad && s.redFlags.every((f) => f.regretted)));
  if (!held) {
    if (!moved) return basis;
    if ('salad' in o && o.salad) return `${basis}, capped at ${o.label} because the answers read as a list of terms`;
    if (o.score > mean && o.level === 1) return `${basis}, raised to ${o.label}: a round in which a targeted signal was heard is weak at least`;
    // the level is the scorer's, from the average of the signals' rubric points: the scale's bands
    // differ in width, so the average of the shown scores can fall in the band beside it
    return `${basis}, but their rubric points average ${o.score > mean ? '' : 'only '}${o.label}`;
  }
  const above = targeted.filter((s) => s.level > o.level).length;
  // "most" would overstate it when exactly half are higher: say how many
  return above > 0 && above < targeted.length
    ? `${basis}, held at ${o.label} because only ${above} of the ${targeted.length} reach higher`
    : `${basis}, held at ${o.label} because most of them are ${o.label} or below`;
}

/** Every red flag raised on the shown signals, with the signal it counts against. */
export function raisedFlags(view: ReportView): (FlagView & { signalName: string })[] {
  return view.signals.flatMap((s) => s.flags.map((f) => ({ ...f, signalName: s.name })));
}
