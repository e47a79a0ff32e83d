import { describe, expect, it } from 'vitest';
import { finishRound } from '../../src/round/finish.js';
import type { Phase, Scenario } from '../../src/scenario/types.js';
import { ctxOf, playLines } from './fixtures.js';

// How a real interviewer behaves, in small inline scenarios: which answers earn a story's credit,
// and which follow-up (if any) comes after each answer.

function oneRound(kind: Scenario['kind'], phases: Phase[]): Scenario {
  return { id: 'inline', kind, title: 'Inline', minutes: 60, signals: ['incident-judgement'], summary: 'inline', phases };
}

describe('story phases: a hypothetical earns partial credit only where a real story is asked for', () => {
  const realIncident: Phase = {
    id: 'incident',
    title: 'A real incident',
    minutes: 10,
    prompt: 'Walk me through a real incident where the partner was slow.',
    targets: ['incident-judgement/escalation'],
  };
  const hypothetical = 'I have not been on call for this, but I would escalate to the incident manager.';
  const table: [string, Scenario['kind'], Partial<Phase>, boolean][] = [
    ['design phase asking for a real story, story: true', 'design', { story: true }, true],
    ['design phase by default', 'design', {}, false],
    ['incident-round answer phase with story: true', 'incident', { story: true }, true],
    ['fromBank phase of a design round by default', 'design', { prompt: undefined, fromBank: 'incident-judgement' }, true],
    ['behavioral phase by default', 'behavioral', {}, true],
    ['behavioral phase with story: false', 'behavioral', { story: false }, false],
  ];
  it.each(table)('%s → partial credit: %s', (_, kind, extra, partial) => {
    const phase: Phase = { ...realIncident, ...extra };
    if (extra.prompt === undefined && 'prompt' in extra) delete phase.prompt;
    const scenario = oneRound(kind, [phase]);
    if (kind === 'incident') {
      scenario.incident = {
        start: '02:00', minutesPerTurn: 5, page: { source: 'pager', title: 't', text: 't' }, state: {},
        panels: [{ id: 'p', title: 'P', ask: ['dashboard'], views: [{ text: 'ok' }] }], actions: [], events: [], fallbacks: ['no'],
      };
    }
    const ctx = ctxOf(scenario);
    const { report } = finishRound(ctx, playLines(ctx, [hypothetical]).state);
    const beat = report.signals.find((s) => s.id === 'incident-judgement')!.beats.find((b) => b.id === 'escalation')!;
    expect(beat.hit).toBe(true);
    expect(beat.hypothetical ?? false).toBe(partial);
  });

  it('the same real story scores the same either way; only "I would" loses credit', () => {
    const score = (story: boolean, line: string) => {
      const ctx = ctxOf(oneRound('design', [{ ...realIncident, story }]));
      return finishRound(ctx, playLines(ctx, [line]).state).report.signals.find((s) => s.id === 'incident-judgement')!.score;
    };
    const real = 'At 3am the partner slowed down and I escalated to the incident manager.';
    expect(score(true, real)).toBe(score(false, real));
    expect(score(true, hypothetical)).toBeLessThan(score(false, hypothetical));
  });
});
