import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRubric, loadScenarioFile } from '../../src/content/index.js';
import { renderMarkdown, renderTerminal } from '../../src/debrief/render.js';
import { createRound, parseInput, prepareRound, step, type RoundContext } from '../../src/round/engine.js';
import { finishRound } from '../../src/round/finish.js';
import type { RoundInput, RoundState } from '../../src/round/state.js';
import { compileRubric } from '../../src/scoring/index.js';

// Facts about an incident round (declared, mitigated) have one source: the investigation path.
// The milestone line and the beat that names the fact must say the same thing.

let ctx: RoundContext;

beforeAll(async () => {
  const rubric = compileRubric((await loadRubric()).rubric);
  ctx = prepareRound((await loadScenarioFile(join(import.meta.dirname, '..', '..', 'scenarios', 'payment-auth-3am.yaml'))).scenario, rubric);
});

function play(turns: string[]): RoundState {
  let state = step(ctx, createRound(ctx, { seed: 3 }), { type: 'start' }, 0).state;
  turns.forEach((t, i) => {
    if (state.status !== 'over') state = step(ctx, state, parseInput(t) as RoundInput, (i + 1) * 60_000).state;
  });
  if (state.status !== 'over') state = step(ctx, state, { type: 'close' }, (turns.length + 1) * 60_000).state;
  return state;
}

function mitigation(state: RoundState) {
  const { debrief } = finishRound(ctx, state);
  const beat = debrief.signals.find((s) => s.id === 'incident-judgement')!.beats.find((b) => b.id === 'mitigation')!;
  return { debrief, beat };
}

describe('round facts', () => {
  it('a round that applies the rate limit: milestone and beat both say mitigated, at the same time', () => {
    const state = play([
      'Confirm the page on the auth-api overview: latency, errors, throughput.',
      'Check the queue depth on the partner integration.',
      'I declare an incident and page the incident manager.',
      "I won't fail open. I'll rate limit new authorisations instead.",
      '/end',
    ]);
    const { debrief, beat } = mitigation(state);
    const applied = state.incident!.path.find((p) => p.kind === 'did' && p.ref === 'rate-limit')!;
    expect(applied).toBeDefined();
    expect(debrief.milestones?.mitigated).toBeDefined();
    expect(beat.hit).toBe(true);
    expect(beat.evidence).toContain(debrief.milestones!.mitigated!);
    const text = renderTerminal(debrief, { width: 80 });
    expect(text).toContain(`Mitigated ${debrief.milestones!.mitigated}`);
    expect(text).not.toContain('Mitigated never');
    expect(renderMarkdown(debrief)).toContain(`**Mitigated** ${debrief.milestones!.mitigated}`);
  });

  it('words about a mitigation that was never applied: neither the milestone nor the beat claims it', () => {
    const state = play([
      'Confirm the page on the auth-api overview: latency, errors, throughput.',
      'I declare an incident and page the incident manager.',
      '/skip',
      'In the review I said we mitigated by rate limiting and stabilised the service before root-causing.',
      '/end',
    ]);
    const { debrief, beat } = mitigation(state);
    expect(state.incident!.path.some((p) => p.kind === 'did' && p.actionKind === 'mitigate')).toBe(false);
    expect(debrief.milestones?.mitigated).toBeUndefined();
    expect(beat.hit).toBe(false);
    const text = renderTerminal(debrief, { width: 80, full: true });
    expect(text).toContain('Mitigated never');
    expect(text).not.toMatch(/✓ Mitigated first/);
  });
});
