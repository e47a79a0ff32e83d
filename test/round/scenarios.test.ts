import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRubric, loadScenarioFile } from '../../src/content/index.js';
import { createRound, parseInput, prepareRound, step, type RoundContext } from '../../src/round/engine.js';
import { finishRound } from '../../src/round/finish.js';
import type { RoundInput, RoundState } from '../../src/round/state.js';
import { compileRubric, type CompiledRubric } from '../../src/scoring/index.js';

// Scripted rounds of the built-in scenarios, played through the engine as `run --answers` would.

const scenariosDir = join(import.meta.dirname, '..', '..', 'scenarios');
let rubric: CompiledRubric;
const ctxs = new Map<string, RoundContext>();

beforeAll(async () => {
  rubric = compileRubric((await loadRubric()).rubric);
  for (const id of ['payment-auth-3am', 'payment-auth-design', 'hiring-manager-backend']) {
    ctxs.set(id, prepareRound((await loadScenarioFile(join(scenariosDir, `${id}.yaml`))).scenario, rubric));
  }
});

function play(id: string, turns: string[], stepMs = 90_000): { ctx: RoundContext; state: RoundState } {
  const ctx = ctxs.get(id)!;
  let state = step(ctx, createRound(ctx, { seed: 3 }), { type: 'start' }, 0).state;
  turns.forEach((t, i) => {
    if (state.status === 'over') return;
    state = step(ctx, state, parseInput(t) as RoundInput, (i + 1) * stepMs).state;
  });
  if (state.status !== 'over') state = step(ctx, state, { type: 'close' }, (turns.length + 1) * stepMs).state;
  return { ctx, state };
}

const refsOf = (state: RoundState, kind: string) => state.transcript.filter((e) => e.kind === kind).map((e) => e.ref);

describe('payment-auth-3am', () => {
  const structured = [
    "I'd acknowledge the page and confirm it on the auth-api overview: latency, errors, throughput.",
    'Is it us? Check CPU, memory and pods on auth-api.',
    'Then the database board.',
    'Check the queue depth on the partner integration.',
    'I would not fail open: Northbridge is slow, not down, so fail-open approvals would mismatch what they decide once they recover. I will rate limit new authorisations instead, trading throughput for integrity.',
    'Declare an incident and page the incident manager.',
    'Page the incident comms role and post a status update: degraded latency, partner slowdown, we are rate limiting.',
    'Check the partner status page.',
    'Check the queue depth again.',
    'Once the partner has recovered, check reconciliation for mismatches, then lift the rate limit.',
    'Check the overview again.',
    'In the review I would list contributing factors including our own: no circuit breaker, a manual rate limit at 3am. Action items with owners: a circuit breaker on the partner integration, owned by me, next sprint; a finer-grained SLO for partner calls. I would check three months later that it fired.',
  ];
  const chaotic = [
    'Restart all the pods.',
    'I will fail open so payments go through.',
    'Scale out auth-api to 20 pods.',
    'Roll back the last deploy.',
    'Look at the logs.',
    'It is probably the ledger deploy, roll that back too.',
    'Just wait and see.',
  ];

  it('reveals telemetry for plain-words asks and never triggers fail-open on a negation', () => {
    const { state } = play('payment-auth-3am', ['check the queue depth on the partner integration', 'I would not fail open']);
    expect(refsOf(state, 'panel')).toContain('partner-queue');
    expect(state.incident!.did).not.toContain('fail-open');
  });

  it('the partner recovers at 03:25', () => {
    const { state } = play('payment-auth-3am', Array.from({ length: 10 }, () => 'check the database'));
    const recovery = state.transcript.find((e) => e.kind === 'event' && e.clock === '03:25');
    expect(recovery).toBeDefined();
    expect(state.incident!.state.partner).not.toBe('slow');
  });

  it('a structured triage ranks clearly above a chaotic one on incident judgement', () => {
    const s = play('payment-auth-3am', structured);
    const c = play('payment-auth-3am', chaotic);
    const good = finishRound(s.ctx, s.state);
    const bad = finishRound(c.ctx, c.state);
    const ij = (r: typeof good) => r.debrief.signals.find((x) => x.id === 'incident-judgement')!;
    expect(ij(good).level).toBeGreaterThanOrEqual(3);
    expect(ij(bad).level).toBeLessThanOrEqual(1);
    expect(ij(good).score - ij(bad).score).toBeGreaterThanOrEqual(30);
    expect(c.state.incident!.did).toContain('fail-open');
    expect(bad.debrief.signals.find((x) => x.id === 'data-integrity')!.redFlags.length).toBeGreaterThan(0);
    expect(good.findings.some((f) => f.redFlag)).toBe(false);
    expect(good.debrief.milestones).toMatchObject({ declared: expect.any(String), mitigated: expect.any(String) });
    expect(bad.debrief.milestones?.declared).toBeUndefined();
  });

  it('an unmatched ask gets an in-character fallback, never silence', () => {
    const { state } = play('payment-auth-3am', ['sing the national anthem', 'hmm']);
    expect(refsOf(state, 'fallback')).toHaveLength(2);
    const [a, b] = state.transcript.filter((e) => e.kind === 'fallback').map((e) => e.text);
    expect(a).not.toBe(b);
  });
});

describe('payment-auth-design', () => {
  it('plays every phase, with follow-ups for a thin answer, and wraps up', () => {
    const thin = Array.from({ length: 30 }, () => 'I would use some servers.');
    const { state } = play('payment-auth-design', thin, 30_000);
    const phases = new Set(state.transcript.filter((e) => e.kind === 'prompt').map((e) => e.phase));
    expect([...phases]).toEqual(ctxs.get('payment-auth-design')!.scenario.phases.map((p) => p.id));
    expect(refsOf(state, 'followup').length).toBeGreaterThan(0);
    expect(refsOf(state, 'probe').length).toBeGreaterThan(0);
    expect(state.transcript.at(-1)!.kind).toBe('wrapup');
    // at most maxFollowUps per question: never three follow-ups in a row
    const kinds = state.transcript.filter((e) => e.role === 'interviewer').map((e) => e.kind);
    expect(kinds.join(',')).not.toMatch(/followup,followup,followup/);
  });
});

describe('hiring-manager-backend', () => {
  it('a vague answer draws follow-ups aimed at the missing beats; a strong one fewer', () => {
    const vague = play('hiring-manager-backend', ['We had some reliability issues and fixed them.', 'It was fine.', 'Nothing more.', '/end']);
    const followUps = refsOf(vague.state, 'followup');
    expect(followUps.length).toBe(2);
    const text = vague.state.transcript.filter((e) => e.kind === 'followup').map((e) => e.text);
    expect(new Set(text).size).toBe(2);
  });
});
