import type { SignalId } from '../rubric/types.js';
import { levelFor } from './score.js';
import type { BeatResult, ScoreReport, SignalResult } from './types.js';
import type { Debrief } from '../debrief/types.js';

// The one score scale a user sees. The scorer works in rubric points (the weighted share of a
// signal's beats, minus red flags), and a level comes from points by thresholds that differ
// between a story scored alone and a round (rubric `levelThresholds`, `roundLevelThresholds`):
// 25 points is solid in a story and mixed in a round. Every score shown (score, debriefs, drill,
// history, the facilitator's review) is instead placed on fixed display bands, one per level, so
// a number always means the same level: the points within a level's band are mapped linearly onto
// that level's display band. The level itself is never changed here.

/** The lowest display score of each level, 0 no signal to 4 strong; strong runs to 100. */
export const DISPLAY_BANDS: readonly [number, number, number, number, number] = [0, 10, 25, 50, 75];

/** What a saved debrief carries to say its scores are on the display scale (older ones hold points). */
export const DISPLAY_SCALE = { bands: [...DISPLAY_BANDS] } as const;

/**
 * The round thresholds every debrief saved before the display scale was scored with: its scores
 * are rubric points under these, and are placed on the display scale when read.
 */
export const LEGACY_ROUND_THRESHOLDS: readonly number[] = [8, 25, 46, 71];

/** The display scores of a level, lowest and highest, both inclusive. */
export function displayBand(level: number): [number, number] {
  const l = Math.max(0, Math.min(4, Math.trunc(level)));
  return [DISPLAY_BANDS[l]!, l === 4 ? 100 : DISPLAY_BANDS[l + 1]! - 1];
}

/** The rubric points of a level under `thresholds` (minimum points for levels 1..4), both inclusive; empty when lo > hi. */
function pointsBand(level: number, thresholds: readonly number[]): [number, number] {
  const lo = level === 0 ? 0 : (thresholds[level - 1] ?? 100);
  const hi = level === 4 ? 100 : (thresholds[level] ?? 101) - 1;
  return [lo, Math.min(100, hi)];
}

/**
 * A signal's display score from its rubric points and its level: the points, held within the
 * level's band of points (a capped level, such as weak with a red flag, keeps points above it),
 * mapped linearly onto the level's display band. Monotone in the points within a level, and every
 * level's display band is exact: a level's lowest points give its lowest display score, 100
 * points at strong give 100, and 0 points at no signal give 0.
 */
export function displayScore(points: number, level: number, thresholds: readonly number[]): number {
  const l = Math.max(0, Math.min(4, Math.trunc(level)));
  const [dlo, dhi] = displayBand(l);
  const [plo, phi] = pointsBand(l, thresholds);
  if (!Number.isFinite(points) || phi <= plo) return dlo;
  const p = Math.min(phi, Math.max(plo, points));
  // strong is closed at 100; the lower bands are half-open, so their top point stays below the next band
  if (l === 4) return Math.round(dlo + ((p - plo) * (dhi - dlo)) / (phi - plo));
  return Math.min(dhi, dlo + Math.floor(((p - plo) * (dhi + 1 - dlo)) / (phi + 1 - plo)));
}

/**
 * What hitting a missed beat would add to its signal's display score: its share of the signal's
 * weight in points, the level those points reach (no higher than a cap already holding the
 * signal), on the display scale. A story-shape beat adds nothing to a signal with none of its own.
 */
function worthOf(s: SignalResult, beat: BeatResult, thresholds: readonly number[]): number {
  const possible = s.beats.reduce((n, b) => n + b.weight, 0);
  if (possible <= 0 || (beat.story && s.level === 0)) return 0;
  const share = Math.round((100 * beat.weight) / possible);
  const points = Math.min(100, s.score + share);
  const capped = s.level < levelFor(s.score, thresholds);
  let level: number = levelFor(points, thresholds);
  if (capped) level = Math.min(level, s.level);
  level = Math.max(level, s.level);
  return Math.max(0, displayScore(points, level, thresholds) - displayScore(s.score, s.level, thresholds));
}

/** A signal scored in points, on the display scale: its score, its facilitator's, and what each miss is worth. */
export function signalOnDisplayScale(s: SignalResult, thresholds: readonly number[]): SignalResult {
  const out: SignalResult = {
    ...s,
    score: displayScore(s.score, s.level, thresholds),
    beats: s.beats.map((b) => (b.hit ? b : { ...b, worth: worthOf(s, b, thresholds) })),
  };
  if (s.facilitator) out.facilitator = { ...s.facilitator, score: displayScore(s.facilitator.score, s.facilitator.level, thresholds) };
  return out;
}

/**
 * The overall display score: the average of the targeted signals' display scores (a story scored
 * alone: its strongest), kept within the overall level's band. The level is the scorer's, set on
 * points; where the average lies outside its band (a level held by most signals, a salad cap, the
 * floor of a round in which something was heard) the score is the nearest one inside it, and the
 * debrief says why.
 */
export function overallDisplayScore(signals: readonly Pick<SignalResult, 'id' | 'score'>[], level: number, targets: readonly SignalId[] = []): number {
  const judged = targets.length > 0 ? signals.filter((s) => targets.includes(s.id)) : signals;
  const raw =
    targets.length > 0
      ? judged.length > 0
        ? Math.round(judged.reduce((n, s) => n + s.score, 0) / judged.length)
        : 0
      : judged.reduce((n, s) => Math.max(n, s.score), 0);
  const [lo, hi] = displayBand(level);
  return Math.min(hi, Math.max(lo, raw));
}

/** A score report in rubric points, on the display scale (its levels unchanged). */
export function reportOnDisplayScale(report: ScoreReport, thresholds: readonly number[], targets: readonly SignalId[] = []): ScoreReport {
  const signals = report.signals.map((s) => signalOnDisplayScale(s, thresholds));
  return { signals, overall: { ...report.overall, score: overallDisplayScore(signals, report.overall.level, targets) } };
}

/**
 * A saved debrief on the display scale. One saved before the scale holds rubric points under the
 * round thresholds of its day: its scores are placed on the scale by the level each was given,
 * which is kept, so an old round reads like a new one. One already on the scale is returned as is.
 */
export function debriefOnDisplayScale(d: Debrief): Debrief {
  if (d.scale) return d;
  const signals = d.signals.map((s) => signalOnDisplayScale(s, LEGACY_ROUND_THRESHOLDS));
  const overall = { ...d.overall, score: overallDisplayScore(signals, d.overall.level, d.targets ?? []) };
  return { ...d, signals, overall, scale: { bands: [...DISPLAY_SCALE.bands] } };
}
