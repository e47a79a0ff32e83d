import type { Problem } from '../errors.js';
import { LEVEL_LABELS, type SignalId } from '../rubric/types.js';
import { compileRubric, scoreText, type CompiledRubric } from '../scoring/index.js';
import { displayScore } from '../scoring/scale.js';
import { createRound, prepareRound } from '../round/engine.js';
import { finishRound } from '../round/finish.js';
import { playRound } from '../io/play.js';
import { simulatedClock } from '../io/clock.js';
import { SCRIPTED_TURN_MS } from '../commands/run.js';
import type { ContentCheck, ValidationContext } from './validate.js';

// Content that tests itself: every sample answer in the rubric and in each scenario is scored
// (scenario samples are played through the round engine exactly as `run --answers` plays them)
// and reported at its expectation when it lands outside it.

type Expected = number | [number, number];

function within(level: number, expected: Expected): boolean {
  return Array.isArray(expected) ? level >= expected[0] && level <= expected[1] : level === expected;
}

function describeExpected(expected: Expected): string {
  return Array.isArray(expected) ? `${expected[0]}–${expected[1]}` : String(expected);
}

function landed(signal: string, level: number, score: number, expected: Expected): string {
  return `sample lands at ${signal} level ${level} (${LEVEL_LABELS[level] ?? '?'}, ${score}/100); expected ${describeExpected(expected)}`;
}

const compiled = new WeakMap<object, CompiledRubric>();
function compiledOf(spec: Parameters<typeof compileRubric>[0]): CompiledRubric {
  let c = compiled.get(spec);
  if (!c) compiled.set(spec, (c = compileRubric(spec)));
  return c;
}

function rubricSampleProblems(ctx: ValidationContext): Problem[] {
  const problems: Problem[] = [];
  for (const loaded of ctx.rubrics) {
    const rubric = compiledOf(loaded.rubric);
    loaded.rubric.signals.forEach((signal, i) => {
      (signal.samples ?? []).forEach((sample, j) => {
        const result = scoreText(sample.text, rubric, { signals: [signal.id] }).signals[0];
        if (!result || within(result.level, sample.level)) return;
        const at = loaded.locate(['signals', i, 'samples', j, 'level']);
        const shown = displayScore(result.score, result.level, loaded.rubric.scoring.levelThresholds);
        problems.push({ file: loaded.file, ...at, message: landed(signal.id, result.level, shown, sample.level) });
      });
    });
  }
  return problems;
}

async function scenarioSampleProblems(ctx: ValidationContext): Promise<Problem[]> {
  if (!ctx.rubric) return [];
  const rubric = compiledOf(ctx.rubric.rubric);
  const problems: Problem[] = [];
  for (const loaded of ctx.scenarios) {
    const samples = loaded.scenario.samples ?? [];
    if (samples.length === 0) continue;
    const round = prepareRound(loaded.scenario, rubric);
    for (const [j, sample] of samples.entries()) {
      const lines = [...sample.answers];
      const state = await playRound({
        ctx: round,
        state: createRound(round, { seed: 1 }),
        source: { interactive: false, next: async () => lines.shift() ?? null },
        clock: simulatedClock(SCRIPTED_TURN_MS),
        observe: () => {},
        help: '',
      });
      const { debrief } = finishRound(round, state);
      for (const [signal, expected] of Object.entries(sample.expect) as [SignalId, Expected][]) {
        const result = debrief.signals.find((s) => s.id === signal);
        const level = result?.level ?? 0;
        if (within(level, expected)) continue;
        const at = loaded.locate(['samples', j, 'expect', signal]);
        problems.push({ file: loaded.file, ...at, message: `${sample.id}: ${landed(signal, level, result?.score ?? 0, expected)}` });
      }
    }
  }
  return problems;
}

/** The self-test check `mockloop validate` runs after the structural checks pass. */
export const sampleChecks: ContentCheck = async (ctx) => [...rubricSampleProblems(ctx), ...(await scenarioSampleProblems(ctx))];
