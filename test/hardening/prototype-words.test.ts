import { describe, expect, it } from 'vitest';
import { loadCatalogue, loadRubric } from '../../src/content/index.js';
import { createRound, parseInput, prepareRound, step } from '../../src/round/engine.js';
import { finishRound } from '../../src/round/finish.js';
import type { RoundInput } from '../../src/round/state.js';
import { compileRubric, scoreText } from '../../src/scoring/index.js';

// Words that are also names on Object.prototype are ordinary words to a candidate: a look-up
// table read by the word must not find the prototype's property instead of nothing.
const NAMES = Object.getOwnPropertyNames(Object.prototype);
const sentences = [
  ...NAMES.map((n) => `Looking back, I should have fixed the ${n} first, and I did not page anyone.`),
  `I wrote ${NAMES.join(', ')} and ${NAMES.join(' ')} in the config.`,
  ...NAMES.map((n) => `${n}'s ${n} ${n}'d ${n}n't ${n}.`),
];

describe('words that are names on Object.prototype', () => {
  it('are scored as words, without throwing', async () => {
    const rubric = compileRubric((await loadRubric()).rubric);
    for (const text of sentences) {
      const report = scoreText(text, rubric);
      for (const s of report.signals) expect(s.score, text).toBeGreaterThanOrEqual(0);
    }
  });

  it('are played through every built-in round without throwing', async () => {
    const rubric = compileRubric((await loadRubric()).rubric);
    const { scenarios } = await loadCatalogue();
    expect(scenarios.length).toBeGreaterThan(0);
    for (const { scenario } of scenarios) {
      const ctx = prepareRound(scenario, rubric);
      let state = step(ctx, createRound(ctx, { seed: 1, untimed: true }), { type: 'start' }, 0).state;
      for (const text of sentences.slice(0, 4)) state = step(ctx, state, parseInput(text) as RoundInput, 0).state;
      expect(state.transcript.filter((e) => e.role === 'candidate').length, scenario.id).toBeGreaterThan(0);
      expect(() => finishRound(ctx, state)).not.toThrow();
    }
  });
});
