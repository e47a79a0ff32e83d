import { describe, expect, it } from 'vitest';
import { LEVEL_LABELS, type Level, type ScoringConfig } from '../../src/rubric/types.js';
import type { Debrief } from '../../src/debrief/types.js';
import type { BeatResult, RedFlagResult, SignalResult } from '../../src/scoring/types.js';
import { combine } from '../../src/scoring/index.js';
import { displayScore, signalOnDisplayScale } from '../../src/scoring/scale.js';
import { applyJudgement, beatKey, scorerJudgement, type Judgement } from '../../src/round/facilitator.js';

const cfg: ScoringConfig = { hypotheticalCredit: 0.5, levelThresholds: [1, 30, 55, 80], redFlagLevelCap: 1 };

const b = (id: string, weight: number, hit: boolean, over: Partial<BeatResult> = {}): BeatResult => ({
  id,
  label: id,
  weight,
  hit,
  source: 'text',
  tip: `tip for ${id}`,
  ...(hit ? { evidence: `I did ${id}.` } : {}),
  ...over,
});

// the facilitator's verdict is shown on the display scale, as the debrief shows the scorer's: the
// cases below reason in rubric points (`points`) and expect what the debrief shows
const shown = (score: number, level: number) => displayScore(score, level, cfg.levelThresholds);
const points = (v: { score: number; level: Level }) => ({ score: shown(v.score, v.level), level: v.level });

/** A signal as the debrief holds it: scored by the rubric, shown on the display scale. */
function signalOf(beats: BeatResult[], redFlags: RedFlagResult[] = [], salad = false): SignalResult {
  const { score, level } = combine(beats, redFlags, cfg);
  const s: SignalResult = { id: 'incident-judgement', name: 'Incident judgement', score, level, label: LEVEL_LABELS[level], beats, redFlags };
  if (salad) {
    s.salad = true;
    if (s.level > 1) Object.assign(s, { level: 1, label: LEVEL_LABELS[1], score: Math.min(s.score, cfg.levelThresholds[1] - 1) });
  }
  return { ...signalOnDisplayScale(s, cfg.levelThresholds), beats };
}

const debriefOf = (s: SignalResult): Debrief => ({
  signals: [s, { id: 'cross-team', name: 'Cross-team', score: 0, level: 0, label: 'no signal', beats: [b('partner', 2, false)], redFlags: [] }],
  overall: { score: s.score, level: s.level, label: s.label, strengths: [], gaps: [], summary: '', words: 10, statements: 2, salad: s.salad === true },
  phases: [],
});

const beats = [
  b('triage', 4, true),
  b('escalation', 3, true),
  b('comms', 2, false),
  b('tradeoff', 1, false),
  b('outcome', 1, true, { story: true }),
  b('declared', 2, true, { source: 'path' }),
];
const flag: RedFlagResult = { id: 'hero', label: 'Hero', weight: 10, evidence: 'all by myself', why: 'alone', source: 'text' };

interface Case {
  name: string;
  flags?: RedFlagResult[];
  salad?: boolean;
  /** Keys the facilitator leaves checked. */
  hits: string[];
  marks: Record<string, string | undefined>;
  /** Score and level expected from the facilitator's beats. */
  expected: { score: number; level: Level };
}

const cases: Case[] = [
  {
    name: 'accept all: the facilitator agrees with the scorer',
    hits: ['triage', 'escalation', 'story/outcome', 'path/declared'],
    marks: { triage: 'accepted', escalation: 'accepted', comms: undefined, tradeoff: undefined, 'story/outcome': 'accepted', 'path/declared': 'accepted' },
    // 4+3+2 own of 12, story 1 * 9/12; 9.75/13 → 75
    expected: { score: 75, level: 3 },
  },
  {
    name: 'reject one: a hit the facilitator does not believe',
    hits: ['escalation', 'story/outcome', 'path/declared'],
    marks: { triage: 'rejected', escalation: 'accepted', comms: undefined, tradeoff: undefined, 'story/outcome': 'accepted', 'path/declared': 'accepted' },
    // 5 own of 12, story 5/12; 5.4167/13 → 42
    expected: { score: 42, level: 2 },
  },
  {
    name: 'award one: a miss the facilitator heard',
    hits: ['triage', 'escalation', 'comms', 'story/outcome', 'path/declared'],
    marks: { triage: 'accepted', escalation: 'accepted', comms: 'awarded', tradeoff: undefined, 'story/outcome': 'accepted', 'path/declared': 'accepted' },
    // 11 own of 12, story 11/12; 11.9167/13 → 92
    expected: { score: 92, level: 4 },
  },
  {
    name: 'salad cap: awarding cannot lift a recited list above weak',
    salad: true,
    hits: ['triage', 'escalation', 'comms', 'tradeoff', 'story/outcome', 'path/declared'],
    marks: { triage: 'accepted', escalation: 'accepted', comms: 'awarded', tradeoff: 'awarded', 'story/outcome': 'accepted', 'path/declared': 'accepted' },
    expected: { score: 29, level: 1 },
  },
  {
    name: 'red flag cap: the scorer’s red flag still caps the level',
    flags: [flag],
    hits: ['triage', 'escalation', 'comms', 'tradeoff', 'story/outcome', 'path/declared'],
    marks: { triage: 'accepted', escalation: 'accepted', comms: 'awarded', tradeoff: 'awarded', 'story/outcome': 'accepted', 'path/declared': 'accepted' },
    // everything earned (100) minus the flag's 10, level capped at 1
    expected: { score: 90, level: 1 },
  },
  {
    name: 'reject everything own: no own beat means no signal (a story scored on its own: nothing was asked, so no floor)',
    hits: ['story/outcome'],
    marks: { triage: 'rejected', escalation: 'rejected', comms: undefined, tradeoff: undefined, 'story/outcome': 'accepted', 'path/declared': 'rejected' },
    expected: { score: 0, level: 0 },
  },
];

describe('applyJudgement', () => {
  it.each(cases)('$name', (c) => {
    const scorer = signalOf(beats, c.flags ?? [], c.salad);
    const before = debriefOf(scorer);
    const judgement: Judgement = { 'incident-judgement': c.hits };
    const after = applyJudgement(before, judgement, cfg);
    const s = after.signals[0]!;

    expect(after.facilitated).toBe(true);
    expect(Object.fromEntries(s.beats.map((x) => [beatKey(x), x.facilitator]))).toEqual(c.marks);
    expect(s.facilitator).toEqual({ ...points(c.expected), label: LEVEL_LABELS[c.expected.level] });
    // the scorer's verdicts stay as they were
    expect(s.score).toBe(scorer.score);
    expect(s.level).toBe(scorer.level);
    expect(s.beats.map((x) => x.hit)).toEqual(beats.map((x) => x.hit));
    // a signal not reviewed is untouched
    expect(after.signals[1]).toEqual(before.signals[1]);
    // the input is not changed
    expect(before.signals[0]!.beats.every((x) => x.facilitator === undefined)).toBe(true);
  });

  it('accepting the scorer’s own hits reproduces the scorer’s score and level', () => {
    const scorer = signalOf(beats);
    const d = debriefOf(scorer);
    const after = applyJudgement(d, scorerJudgement(d, ['incident-judgement']), cfg);
    expect(after.signals[0]!.facilitator).toEqual({ score: scorer.score, level: scorer.level, label: scorer.label });
    expect(after.signals[1]!.facilitator).toBeUndefined();
  });

  it('a signal the round asked for and got a claim on stays weak with every beat rejected, as the scorer holds it', () => {
    const d = debriefOf(signalOf(beats));
    const none: Judgement = { 'incident-judgement': [] };
    expect(applyJudgement(d, none, cfg, { answered: ['incident-judgement'] }).signals[0]!.facilitator).toEqual({ score: shown(1, 1), level: 1, label: 'weak' });
    expect(applyJudgement(d, none, cfg).signals[0]!.facilitator).toEqual({ score: 0, level: 0, label: 'no signal' });
    // the floor only lifts no signal: beats that earn more keep what they earn
    const some = applyJudgement(d, { 'incident-judgement': ['triage'] }, cfg, { answered: ['incident-judgement'] }).signals[0]!.facilitator!;
    expect(some).toEqual(applyJudgement(d, { 'incident-judgement': ['triage'] }, cfg).signals[0]!.facilitator);
  });

  it('an awarded hypothetical-only miss counts in full; an accepted hypothetical keeps partial credit', () => {
    const hypo = [b('triage', 4, true, { hypothetical: true }), b('escalation', 4, false)];
    const d = debriefOf(signalOf(hypo));
    const accepted = applyJudgement(d, { 'incident-judgement': ['triage'] }, cfg).signals[0]!.facilitator!;
    const awarded = applyJudgement(d, { 'incident-judgement': ['triage', 'escalation'] }, cfg).signals[0]!.facilitator!;
    expect(accepted.score).toBe(shown(25, 1));
    expect(awarded.score).toBe(shown(75, 3));
  });

  it('in a round that expects stories, only hypothetical hits are weak at most, as the scorer holds them; an awarded real hit lifts that', () => {
    const hypo = [b('triage', 4, true, { hypothetical: true }), b('escalation', 4, true, { hypothetical: true }), b('comms', 2, false)];
    const d = debriefOf(signalOf(hypo));
    const all: Judgement = { 'incident-judgement': ['triage', 'escalation'] };
    const told = applyJudgement(d, all, cfg, { storyExpected: true }).signals[0]!.facilitator!;
    const design = applyJudgement(d, all, cfg).signals[0]!.facilitator!;
    expect(told.level).toBe(1);
    expect(design.level).toBeGreaterThan(1);
    const awarded = applyJudgement(d, { 'incident-judgement': ['triage', 'escalation', 'comms'] }, cfg, { storyExpected: true }).signals[0]!.facilitator!;
    expect(awarded.level).toBeGreaterThan(1);
  });
});
