import { describe, expect, test } from 'vitest';
import { finishRound } from '../../src/round/finish.js';
import type { Scenario } from '../../src/scenario/types.js';
import { ctxOf, playLines } from './fixtures.js';

// Played through the round engine: a signal's level comes from the answers to the phase that
// targets it, so a long answer to another phase does not raise it.

const scenario: Scenario = {
  id: 'two-questions',
  kind: 'design',
  title: 'Two questions',
  minutes: 30,
  signals: ['incident-judgement', 'data-integrity'],
  summary: 'Two phases, one signal each.',
  phases: [
    { id: 'incident', title: 'Incident', minutes: 15, prompt: 'How would you handle a page?', targets: ['incident-judgement/triage', 'incident-judgement/escalation'], maxFollowUps: 0 },
    { id: 'data', title: 'Data', minutes: 15, prompt: 'What could go wrong with the data?', targets: ['data-integrity/integrity'], maxFollowUps: 0 },
  ],
  wrapUp: 'That is the round.',
};

const INCIDENT = 'I would start from the runbook and work through it in order.';
const DATA = 'The integrity risk is a mismatch between our ledger and the bank.';
const RAMBLE = Array.from(
  { length: 6 },
  () => 'When something breaks I escalate to the incident manager, I send a status update to stakeholders, and it recovered.',
).join(' ');

function play(answers: string[]) {
  const ctx = ctxOf(scenario);
  const { state } = playLines(ctx, answers, { untimed: true });
  return finishRound(ctx, state).debrief;
}

describe('length does not buy level, through the round engine', () => {
  const cases = [
    { name: 'short answers', answers: [INCIDENT, DATA] },
    { name: 'a long ramble about the incident in the data answer', answers: [INCIDENT, `${DATA} ${RAMBLE}`] },
  ];
  const base = play(cases[0]!.answers).signals.find((s) => s.id === 'incident-judgement')!;
  test.each(cases)('$name: incident judgement keeps its level and score', ({ answers }) => {
    const debrief = play(answers);
    const ij = debrief.signals.find((s) => s.id === 'incident-judgement')!;
    expect(ij.level).toBe(base.level);
    expect(ij.score).toBe(base.score);
    expect(ij.beats.find((b) => b.id === 'escalation')!.hit).toBe(false);
    // the triage beat quotes the candidate's own sentence from the incident answer
    expect(ij.beats.find((b) => b.id === 'triage')!.evidence).toBe(INCIDENT);
    // the data answer still counts for the signal its question asked for
    expect(debrief.signals.find((s) => s.id === 'data-integrity')!.beats.find((b) => b.id === 'integrity')!.hit).toBe(true);
  });

  test('the same ramble in the answer that asks for it does raise it', () => {
    const ij = play([`${INCIDENT} ${RAMBLE}`, DATA]).signals.find((s) => s.id === 'incident-judgement')!;
    expect(ij.score).toBeGreaterThan(base.score);
    expect(ij.beats.find((b) => b.id === 'escalation')!.hit).toBe(true);
  });
});
