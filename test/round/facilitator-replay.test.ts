import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRubric, loadScenarioFile } from '../../src/content/index.js';
import { LEVEL_LABELS, type Level, type SignalId } from '../../src/rubric/types.js';
import type { Scenario } from '../../src/scenario/types.js';
import { compileRubric } from '../../src/scoring/index.js';
import { createRound, parseInput, prepareRound, step, type RoundContext } from '../../src/round/engine.js';
import { answeredSignals, finishRound } from '../../src/round/finish.js';
import { applyJudgement, scorerJudgement, type Judgement } from '../../src/round/facilitator.js';
import { answeredFloor, roundScoring } from '../../src/scoring/score.js';
import { displayScore } from '../../src/scoring/scale.js';
import type { RoundInput } from '../../src/round/state.js';
import type { Debrief } from '../../src/debrief/types.js';
import { ctxOf, designScenario, incidentScenario, playLines, rubricSpec } from './fixtures.js';

// The facilitator's review of a real round scores the judged beats by the scorer's own rule: the
// combination of beats and red flags, then the floor of a signal asked for and answered with no
// beat (weak, not no signal), then the salad cap. Confirming every verdict gives back exactly
// the scorer's score and level.

interface Reviewed {
  debrief: Debrief;
  answered: SignalId[];
  signals: SignalId[];
  storyExpected: boolean;
}

function review(ctx: RoundContext, state: Parameters<typeof finishRound>[1]): Reviewed {
  return {
    debrief: finishRound(ctx, state).debrief,
    answered: answeredSignals(ctx, state),
    signals: ctx.scenario.signals,
    storyExpected: ctx.scenario.kind === 'behavioral',
  };
}

const judge = (r: Reviewed, judgement: Judgement) => applyJudgement(r.debrief, judgement, rubricSpec.scoring, { answered: r.answered, storyExpected: r.storyExpected });

/** The scorer's hits with some beats added (awarded) or taken away (rejected), on one signal. */
function overturn(r: Reviewed, signal: SignalId, change: { award?: string[]; reject?: string[] }): Judgement {
  const base = scorerJudgement(r.debrief, r.signals);
  const keys = (base[signal] ?? []).filter((k) => !(change.reject ?? []).includes(k));
  return { ...base, [signal]: [...keys, ...(change.award ?? [])] };
}

// ---------------------------------------------------------------------------------------------
// Small rounds on the test rubric (levels at 1, 30, 55, 80): the numbers do not move when the
// real content is tuned.

const rounds = {
  /** The design prompt answered with a claim that earns no beat; the story phase skipped to. */
  designNoBeat: () => playLines(ctxOf(designScenario), ['I would put the service behind a load balancer and keep two replicas of it.', '/end']),
  /** The design prompt met with a question only: asked, but nothing claimed. */
  designQuestion: () => playLines(ctxOf(designScenario), ['What traffic do we expect at peak?', '/end']),
  /** Looks first, checks the queue, rate-limits rather than failing open, declares. */
  incident: () =>
    playLines(ctxOf(incidentScenario), ['Check the latency dashboard.', 'Check the queue depth.', 'No, I keep the partner integration as it is and rate limit.', 'Declare incident.', '/end']),
};

const reviewed = (name: keyof typeof rounds): Reviewed => {
  const scenario = name === 'incident' ? incidentScenario : designScenario;
  return review(ctxOf(scenario), rounds[name]().state);
};

interface Case {
  name: string;
  round: keyof typeof rounds;
  signal: SignalId;
  award?: string[];
  reject?: string[];
  scorer: { score: number; level: Level };
  facilitator: { score: number; level: Level };
}

const cases: Case[] = [
  {
    name: 'answered with no beat: the scorer says weak, and confirming it stays weak',
    round: 'designNoBeat',
    signal: 'incident-judgement',
    scorer: { score: 1, level: 1 },
    facilitator: { score: 1, level: 1 },
  },
  {
    name: 'answered with no beat, one small miss awarded: the score rises, still weak',
    round: 'designNoBeat',
    signal: 'incident-judgement',
    award: ['comms'],
    scorer: { score: 1, level: 1 },
    // 1 of 6 own and 1 story-shape: 1/7
    facilitator: { score: 14, level: 1 },
  },
  {
    name: 'answered with no beat, the heaviest miss awarded: weak rises to mixed',
    round: 'designNoBeat',
    signal: 'incident-judgement',
    award: ['triage'],
    scorer: { score: 1, level: 1 },
    // 3/7
    facilitator: { score: 43, level: 2 },
  },
  {
    name: 'asked but nothing claimed (a question): no signal, for the facilitator too',
    round: 'designQuestion',
    signal: 'incident-judgement',
    scorer: { score: 0, level: 0 },
    facilitator: { score: 0, level: 0 },
  },
  {
    name: 'asked but nothing claimed, a miss awarded: no signal rises to weak',
    round: 'designQuestion',
    signal: 'incident-judgement',
    award: ['comms'],
    scorer: { score: 0, level: 0 },
    facilitator: { score: 14, level: 1 },
  },
  {
    name: 'beats from the investigation path, all confirmed',
    round: 'incident',
    signal: 'incident-judgement',
    scorer: { score: 50, level: 2 },
    facilitator: { score: 50, level: 2 },
  },
  {
    name: 'a missed text beat awarded beside the path’s: mixed rises to solid',
    round: 'incident',
    signal: 'incident-judgement',
    award: ['triage'],
    scorer: { score: 50, level: 2 },
    // 3 + 7 path of 13 own and 1 story-shape: 10/14
    facilitator: { score: 71, level: 3 },
  },
  {
    name: 'every hit rejected on an answered signal: weak, as the scorer holds an answer with no beat',
    round: 'incident',
    signal: 'incident-judgement',
    reject: ['path/looked-first', 'path/queue-before-mitigation', 'path/declared-fast'],
    scorer: { score: 50, level: 2 },
    facilitator: { score: 1, level: 1 },
  },
  {
    name: 'a strong signal confirmed',
    round: 'incident',
    signal: 'data-integrity',
    scorer: { score: 83, level: 4 },
    facilitator: { score: 83, level: 4 },
  },
];

// the cases give rubric points; the debrief shows both verdicts on the display scale
const shown = (v: { score: number; level: Level }) => ({ score: displayScore(v.score, v.level, roundScoring(rubricSpec.scoring).levelThresholds), level: v.level });

describe('the facilitator’s level on a replayed round', () => {
  it.each(cases)('$name', (c) => {
    const r = reviewed(c.round);
    const scorer = r.debrief.signals.find((s) => s.id === c.signal)!;
    expect({ score: scorer.score, level: scorer.level }).toEqual(shown(c.scorer));
    const after = judge(r, overturn(r, c.signal, c)).signals.find((s) => s.id === c.signal)!;
    expect(after.facilitator).toEqual({ ...shown(c.facilitator), label: LEVEL_LABELS[c.facilitator.level] });
    // the scorer's own verdict is kept beside the facilitator's
    expect({ score: after.score, level: after.level }).toEqual(shown(c.scorer));
  });

  it('reads which signals were answered from the scorer', () => {
    expect(reviewed('designNoBeat').answered).toContain('incident-judgement');
    expect(reviewed('designQuestion').answered).not.toContain('incident-judgement');
  });
});

describe('answeredFloor', () => {
  const cfg = { hypotheticalCredit: 0.5, levelThresholds: [8, 25, 46, 71] as [number, number, number, number], redFlagLevelCap: 1 };
  const cases: { name: string; r: { score: number; level: Level }; answered: boolean; expected: { score: number; level: Level } }[] = [
    { name: 'answered, no beat: weak at the first threshold', r: { score: 0, level: 0 }, answered: true, expected: { score: 8, level: 1 } },
    { name: 'answered, a hypothetical below the first threshold: weak', r: { score: 6, level: 0 }, answered: true, expected: { score: 8, level: 1 } },
    { name: 'not answered: no signal stays', r: { score: 0, level: 0 }, answered: false, expected: { score: 0, level: 0 } },
    { name: 'answered with beats: the level its beats earn', r: { score: 30, level: 2 }, answered: true, expected: { score: 30, level: 2 } },
    { name: 'capped by a red flag: unchanged', r: { score: 3, level: 1 }, answered: true, expected: { score: 3, level: 1 } },
  ];
  it.each(cases)('$name', ({ r, answered, expected }) => expect(answeredFloor(r, answered, cfg)).toEqual(expected));
});

// ---------------------------------------------------------------------------------------------
// Every sample round of the built-in scenarios, played as `run --answers` plays them: the
// facilitator who confirms every verdict lands where the scorer did, on every signal reviewed.

const scenariosDir = join(import.meta.dirname, '..', '..', 'scenarios');
const builtin = compileRubric((await loadRubric()).rubric);
const scenarios: Scenario[] = [];
for (const f of readdirSync(scenariosDir).filter((x) => x.endsWith('.yaml')).sort()) scenarios.push((await loadScenarioFile(join(scenariosDir, f))).scenario);
const samples = scenarios.flatMap((scenario) => (scenario.samples ?? []).map((sample) => ({ name: `${scenario.id}: ${sample.id}`, scenario, answers: sample.answers })));

function replay(scenario: Scenario, answers: readonly string[]): Reviewed {
  const ctx = prepareRound(scenario, builtin);
  const stepMs = 90_000;
  let state = step(ctx, createRound(ctx, { seed: 1 }), { type: 'start' }, 0).state;
  answers.forEach((t, i) => {
    if (state.status !== 'over') state = step(ctx, state, parseInput(t) as RoundInput, (i + 1) * stepMs).state;
  });
  if (state.status !== 'over') state = step(ctx, state, { type: 'close' }, (answers.length + 1) * stepMs).state;
  return review(ctx, state);
}

const replays = new Map<string, Reviewed>();
const replayed = (s: (typeof samples)[number]): Reviewed => {
  if (!replays.has(s.name)) replays.set(s.name, replay(s.scenario, s.answers));
  return replays.get(s.name)!;
};

describe('confirming every verdict of a built-in sample round reproduces the scorer', () => {
  it.each(samples)('$name', (sample) => {
    const r = replayed(sample);
    const after = applyJudgement(r.debrief, scorerJudgement(r.debrief, r.signals), builtin.spec.scoring, { answered: r.answered, storyExpected: r.storyExpected });
    for (const id of r.signals) {
      const scorer = r.debrief.signals.find((s) => s.id === id)!;
      const judged = after.signals.find((s) => s.id === id)!;
      expect({ id, ...judged.facilitator }).toEqual({ id, score: scorer.score, level: scorer.level, label: scorer.label });
      // nothing overturned: every hit accepted, every miss left as missed
      expect(judged.beats.map((b) => b.facilitator)).toEqual(scorer.beats.map((b) => (b.hit ? 'accepted' : undefined)));
    }
  });

  it('the samples include targeted signals answered with no beat (held at weak)', () => {
    const heldAtWeak = samples.flatMap((sample) => {
      const r = replayed(sample);
      return r.debrief.signals.filter((s) => r.signals.includes(s.id) && s.level === 1 && s.redFlags.length === 0 && s.beats.every((b) => !b.hit));
    });
    expect(heldAtWeak.length).toBeGreaterThan(0);
  });
});
