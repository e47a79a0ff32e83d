import { describe, expect, it } from 'vitest';
import { LEVEL_LABELS, type Level } from '../../src/rubric/types.js';
import { levelFor } from '../../src/scoring/score.js';
import {
  debriefOnDisplayScale,
  DISPLAY_BANDS,
  displayBand,
  displayScore,
  LEGACY_ROUND_THRESHOLDS,
  overallDisplayScore,
  reportOnDisplayScale,
  signalOnDisplayScale,
} from '../../src/scoring/scale.js';
import type { BeatResult, ScoreReport, SignalResult } from '../../src/scoring/types.js';
import type { Debrief } from '../../src/debrief/types.js';
import { overallBasis } from '../../src/debrief/view.js';

// One display scale for every score a user sees: rubric points are mapped within each level's
// band onto fixed display bands, whichever thresholds levelled them.

const ANSWER = [3, 20, 25, 58];
const ROUND = [8, 25, 46, 71];
const thresholdSets: [string, number[]][] = [
  ['answer thresholds', ANSWER],
  ['round thresholds', ROUND],
  ['legacy round thresholds', [...LEGACY_ROUND_THRESHOLDS]],
  ['a test rubric', [1, 30, 55, 80]],
  ['narrow bands', [1, 2, 3, 99]],
];
const POINTS = Array.from({ length: 101 }, (_, i) => i);

describe('the display bands', () => {
  const bands: [Level, number, number][] = [
    [0, 0, 9],
    [1, 10, 24],
    [2, 25, 49],
    [3, 50, 74],
    [4, 75, 100],
  ];
  it.each(bands)('level %i (%s) is %i–%i', (level, lo, hi) => {
    expect(displayBand(level)).toEqual([lo, hi]);
    expect(DISPLAY_BANDS[level]).toBe(lo);
  });
  it('the bands tile 0–100 with no gap or overlap', () => {
    for (let l = 0; l < 4; l++) expect(displayBand(l)[1] + 1).toBe(displayBand(l + 1)[0]);
    expect(displayBand(0)[0]).toBe(0);
    expect(displayBand(4)[1]).toBe(100);
  });
});

describe.each(thresholdSets)('displayScore with %s', (_, t) => {
  const natural = (p: number) => levelFor(p, t);

  it('is monotone in the points at the level they reach', () => {
    const shown = POINTS.map((p) => displayScore(p, natural(p), t));
    for (let i = 1; i < shown.length; i++) expect(shown[i]!).toBeGreaterThanOrEqual(shown[i - 1]!);
  });

  it('keeps every score inside its level’s display band', () => {
    for (const p of POINTS) {
      const [lo, hi] = displayBand(natural(p));
      const d = displayScore(p, natural(p), t);
      expect(d, `${p} points`).toBeGreaterThanOrEqual(lo);
      expect(d, `${p} points`).toBeLessThanOrEqual(hi);
    }
  });

  it('maps each threshold onto the bottom of its level’s band exactly', () => {
    t.forEach((threshold, i) => expect(displayScore(threshold, i + 1, t)).toBe(DISPLAY_BANDS[i + 1]));
  });

  it('maps 0 points to 0 and 100 points to 100', () => {
    expect(displayScore(0, 0, t)).toBe(0);
    expect(displayScore(100, 4, t)).toBe(100);
  });

  it('holds a capped level’s points inside its band (a red flag keeps weak at most)', () => {
    for (const level of [0, 1, 2, 3, 4] as Level[]) {
      const [lo, hi] = displayBand(level);
      for (const p of [0, 50, 100]) {
        const d = displayScore(p, level, t);
        expect(d).toBeGreaterThanOrEqual(lo);
        expect(d).toBeLessThanOrEqual(hi);
      }
    }
  });
});

describe('displayScore, point by point', () => {
  const table: [string, number, Level, number[], number][] = [
    // a story alone: 25 points is solid, at the bottom of solid
    ['story: 25 points, solid', 25, 3, ANSWER, 50],
    ['story: 24 points, the top of mixed', 24, 2, ANSWER, 45],
    ['story: 20 points, the bottom of mixed', 20, 2, ANSWER, 25],
    ['story: 57 points, the top of solid', 57, 3, ANSWER, 74],
    ['story: 58 points, the bottom of strong', 58, 4, ANSWER, 75],
    // a round: 44 points is mixed, near its top
    ['round: 44 points, mixed', 44, 2, ROUND, 47],
    ['round: 25 points, the bottom of mixed', 25, 2, ROUND, 25],
    ['round: 70 points, the top of solid', 70, 3, ROUND, 74],
    ['round: 71 points, the bottom of strong', 71, 4, ROUND, 75],
    ['round: 86 points, strong', 86, 4, ROUND, 88],
    // caps and floors
    ['weak held by a red flag at 60 points: the top of weak', 60, 1, ROUND, 24],
    ['weak by the answered floor at 0 points: the bottom of weak', 0, 1, ROUND, 10],
    ['not a number: the bottom of its band', Number.NaN, 2, ROUND, 25],
  ];
  it.each(table)('%s → %i', (_, points, level, t, expected) => {
    expect(displayScore(points, level, t)).toBe(expected);
  });

  it('the same points read as the same level’s band wherever they are shown', () => {
    // 25 points: solid for a story, mixed in a round; each shows in its own level's band
    expect(displayScore(25, levelFor(25, ANSWER), ANSWER)).toBeGreaterThanOrEqual(50);
    expect(displayScore(25, levelFor(25, ROUND), ROUND)).toBeLessThan(50);
  });
});

const beat = (id: string, weight: number, hit: boolean, over: Partial<BeatResult> = {}): BeatResult => ({ id, label: id, weight, hit, source: 'text', tip: 't', ...over });
const signal = (id: SignalResult['id'], score: number, level: Level, beats: BeatResult[] = [beat('a', 5, true), beat('b', 5, false)]): SignalResult => ({
  id,
  name: id,
  score,
  level,
  label: LEVEL_LABELS[level],
  beats,
  redFlags: [],
});

describe('a report on the display scale', () => {
  const report: ScoreReport = {
    signals: [signal('incident-judgement', 30, 3), signal('data-integrity', 10, 1), signal('cross-team', 0, 0, [beat('x', 5, false)])],
    overall: { score: 30, level: 3, label: 'solid', strengths: [], gaps: [], summary: '', words: 100, statements: 5, salad: false },
  };
  const shown = reportOnDisplayScale(report, ANSWER);

  it('keeps every level and label', () => {
    expect(shown.signals.map((s) => [s.level, s.label])).toEqual(report.signals.map((s) => [s.level, s.label]));
    expect(shown.overall.level).toBe(report.overall.level);
  });

  it('shows each score in its level’s band; a story’s overall is its strongest signal', () => {
    expect(shown.signals.map((s) => s.score)).toEqual([53, 16, 0]);
    expect(shown.overall.score).toBe(53);
  });

  it('says what each missed beat would add, on the display scale', () => {
    // 30 + 50 points = 80: strong
    expect(shown.signals[0]!.beats.find((b) => b.id === 'b')!.worth).toBe(displayScore(80, 4, ANSWER) - 53);
    expect(shown.signals[0]!.beats.find((b) => b.id === 'a')!.worth).toBeUndefined();
  });

  it('a miss on a capped signal adds only what the cap leaves', () => {
    const capped = signalOnDisplayScale({ ...signal('incident-judgement', 40, 1), redFlags: [{ id: 'f', label: 'f', weight: 10, evidence: 'e', why: 'w', source: 'text' }] }, ANSWER);
    expect(capped.score).toBe(24);
    expect(capped.beats.find((b) => b.id === 'b')!.worth).toBe(0);
  });

  it('does not change the report it was given', () => {
    expect(report.signals[0]!.score).toBe(30);
  });
});

describe('the overall display score', () => {
  const s = (id: SignalResult['id'], score: number) => ({ id, score });
  it('a round: the average of its targeted signals, when it lies in the overall level’s band', () => {
    expect(overallDisplayScore([s('incident-judgement', 30), s('data-integrity', 40), s('cross-team', 90)], 2, ['incident-judgement', 'data-integrity'])).toBe(35);
    // an average of 50 at mixed: the nearest mixed score
    expect(overallDisplayScore([s('incident-judgement', 60), s('data-integrity', 40)], 2, ['incident-judgement', 'data-integrity'])).toBe(49);
  });
  it('held at a lower level: the top of that level’s band', () => {
    expect(overallDisplayScore([s('incident-judgement', 80), s('data-integrity', 78), s('cross-team', 40)], 2, ['incident-judgement', 'data-integrity', 'cross-team'])).toBe(49);
  });
  it('raised to weak by a heard signal: the bottom of weak', () => {
    expect(overallDisplayScore([s('incident-judgement', 10), s('data-integrity', 0), s('cross-team', 0)], 1, ['incident-judgement', 'data-integrity', 'cross-team'])).toBe(10);
  });
  it('no targets: the strongest signal', () => {
    expect(overallDisplayScore([s('incident-judgement', 60), s('data-integrity', 30)], 3)).toBe(60);
  });
});

describe('a debrief saved before the display scale', () => {
  const old: Debrief = {
    signals: [signal('incident-judgement', 62, 3), signal('data-integrity', 35, 2), signal('cross-team', 44, 1)],
    overall: { score: 47, level: 2, label: 'mixed', strengths: [], gaps: [], summary: '', words: 100, statements: 5, salad: false, held: true },
    phases: [],
    targets: ['incident-judgement', 'data-integrity', 'cross-team'],
  };
  const now = debriefOnDisplayScale(old);

  it('is placed on the scale by the level each score was given, levels kept', () => {
    expect(now.signals.map((s) => [s.level, s.score])).toEqual([
      [3, displayScore(62, 3, LEGACY_ROUND_THRESHOLDS)],
      [2, displayScore(35, 2, LEGACY_ROUND_THRESHOLDS)],
      [1, 24],
    ]);
    for (const x of [...now.signals, now.overall]) {
      const [lo, hi] = displayBand(x.level);
      expect(x.score).toBeGreaterThanOrEqual(lo);
      expect(x.score).toBeLessThanOrEqual(hi);
    }
    expect(now.overall.level).toBe(2);
    expect(now.scale).toEqual({ bands: [...DISPLAY_BANDS] });
  });

  it('is converted once: a debrief already on the scale is left as it is', () => {
    expect(debriefOnDisplayScale(now)).toBe(now);
  });
});

describe('the debrief says how the overall score was formed when its level’s band moved it', () => {
  const ids = ['incident-judgement', 'data-integrity', 'cross-team', 'pager-empathy'] as const;
  const of = (levels: [number, Level][]) => levels.map(([score, level], i) => signal(ids[i]!, score, level));
  const basis = (signals: SignalResult[], overall: { score: number; level: Level; held?: boolean; salad?: boolean }) =>
    overallBasis({ signals, targets: signals.map((s) => s.id), overall: { ...overall, label: LEVEL_LABELS[overall.level] } });

  it('the average inside the band: just the average', () => {
    expect(basis(of([[40, 2], [30, 2]]), { score: 35, level: 2 })).toBe('the average of the 2 signals this round targeted (40, 30)');
  });
  it('held: the average, and the level most signals reach', () => {
    expect(basis(of([[80, 4], [78, 4], [30, 2], [40, 2]]), { score: 49, level: 2, held: true })).toBe(
      'the average of the 4 signals this round targeted (80, 78, 30, 40) is 57, held at mixed because only 2 of the 4 reach higher',
    );
  });
  it('a round that reads as a list of terms: capped at weak', () => {
    expect(basis(of([[24, 1], [24, 1], [40, 2]]), { score: 24, level: 1, salad: true })).toContain('is 29, capped at weak because the answers read as a list of terms');
  });
  it('raised to weak: something targeted was heard', () => {
    expect(basis(of([[10, 1], [0, 0], [0, 0]]), { score: 10, level: 1 })).toBe(
      'the average of the 3 signals this round targeted (10, 0, 0) is 3, raised to weak: a round in which a targeted signal was heard is weak at least',
    );
  });
  it('the rubric’s average reaches a band the shown scores do not: said so', () => {
    expect(basis(of([[83, 4], [81, 4], [24, 1], [77, 4]]), { score: 75, level: 4 })).toBe(
      'the average of the 4 signals this round targeted (83, 81, 24, 77) is 66, but their rubric points average strong',
    );
    expect(basis(of([[66, 3], [36, 2], [0, 0], [0, 0]]), { score: 24, level: 1 })).toBe(
      'the average of the 4 signals this round targeted (66, 36, 0, 0) is 26, but their rubric points average only weak',
    );
  });
});
