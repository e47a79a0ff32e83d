import { describe, expect, it } from 'vitest';
import type { Phase, Scenario } from '../../src/scenario/types.js';
import { ctxOf, playLines } from './fixtures.js';

// Incident rounds: what a candidate's question does. A question asks (it can reveal a panel); it
// never performs an action, and neither does an action only mused about ("I could roll back").
// An unmatched question while the interviewer waits for an answer is still an ask.

function incidentRound(phase: Partial<Phase> = {}): Scenario {
  return {
    id: 'inline-incident',
    kind: 'incident',
    title: 'Inline incident',
    minutes: 60,
    signals: ['incident-judgement'],
    summary: 'inline',
    phases: [
      { id: 'page', title: 'The page', minutes: 40, mode: 'investigate', maxTurns: 10, prompt: 'You are paged. What do you do?', ...phase },
      { id: 'review', title: 'Review', minutes: 10, prompt: 'Walk me through the review.' },
    ],
    incident: {
      start: '14:00',
      minutesPerTurn: 2,
      page: { source: 'pager', title: '5xx up', text: 'orders-api 5xx 4%' },
      state: { rolledBack: false },
      panels: [
        { id: 'logs', title: 'Logs', ask: ['logs'], views: [{ text: 'pool exhausted' }] },
        { id: 'db', title: 'Database', ask: ['database|db'], views: [{ text: 'db healthy' }] },
      ],
      actions: [
        { id: 'rollback', title: 'Roll back', kind: 'mitigate', do: ['roll back', 'rollback|revert'], says: 'Rolling back.', set: { rolledBack: true } },
      ],
      events: [],
      fallbacks: ['No such dashboard.', 'Nothing shows that.'],
    },
  };
}

/** The system's and interviewer's lines in the investigate phase, as kind:ref. */
function replies(scenario: Scenario, answers: string[]): string[] {
  const ctx = ctxOf(scenario);
  return playLines(ctx, answers)
    .state.transcript.filter((e) => e.role !== 'candidate' && e.phase === 'page' && e.kind !== 'page' && e.ref !== 'clock')
    .slice(1)
    .map((e) => `${e.kind}:${e.ref}`);
}

describe('a question or a musing never performs an action', () => {
  const table: [string, string[]][] = [
    ['should we roll back? not yet', ['fallback:fallback']],
    ['Can we roll back?', ['fallback:fallback']],
    ['I could roll back, but first I want the logs', ['panel:logs']],
    ['should we roll back', ['fallback:fallback']],
    ['maybe roll back', ['fallback:fallback']],
    ['perhaps we revert the deploy', ['fallback:fallback']],
    ['we might roll back once I have seen the logs', ['panel:logs']],
    ['is the database ok?', ['panel:db']],
    ["I'd roll back", ['action:rollback']],
    ['I would roll back', ['action:rollback']],
    ['I will roll back', ['action:rollback']],
    ["let's roll back", ['action:rollback']],
    ['Roll back now.', ['action:rollback']],
    ['Maybe it is the deploy. Roll back.', ['action:rollback']],
    ['I could check the logs, but I will roll back first', ['action:rollback', 'panel:logs']],
  ];
  it.each(table)('%s → %j', (line, expected) => {
    expect(replies(incidentRound(), [line])).toEqual(expected);
  });
});

describe('an unmatched question while a probe is pending is an ask', () => {
  const phase: Partial<Phase> = {
    probes: [{ id: 'hypothesis', say: 'What is your hypothesis?', when: { revealed: ['logs'] }, targets: ['incident-judgement/triage'] }],
  };
  const table: [string, string[], string[]][] = [
    [
      'a question gets the fallback and the probe stays pending',
      ['logs', 'is the kafka consumer lag ok?', 'The pool.'],
      ['panel:logs', 'probe:hypothesis', 'fallback:fallback', 'followup:beat:incident-judgement/triage'],
    ],
    [
      'a statement that matches nothing answers the probe: the system stays quiet',
      ['logs', 'the kafka consumer lag', 'The pool.'],
      ['panel:logs', 'probe:hypothesis', 'followup:beat:incident-judgement/triage'],
    ],
  ];
  it.each(table)('%s', (_, answers, expected) => {
    expect(replies(incidentRound(phase), answers)).toEqual(expected);
  });

  it('the pending probe is not counted as answered', () => {
    const ctx = ctxOf(incidentRound(phase));
    const { state } = playLines(ctx, ['logs', 'is the kafka consumer lag ok?']);
    expect(state.phase.question).toMatchObject({ kind: 'probe', ref: 'hypothesis', followUpsAsked: 0 });
    expect(state.incident!.path.map((p) => p.kind)).toEqual(['asked', 'unmatched']);
  });
});

describe('a decision that matches no action gets the closest one', () => {
  const scenario = incidentRound();
  scenario.incident!.actions.push({ id: 'restart', title: 'Restart the pods', kind: 'mitigate', do: ['restart pods'], says: 'Pods restarted.' });
  const say = (line: string) => {
    const p = playLines(ctxOf(scenario), [line]);
    return p.state.transcript.filter((e) => e.role === 'system' && e.phase === 'page' && e.kind !== 'page' && e.ref !== 'clock').map((e) => e.text);
  };
  it('names the nearest action in the scenario\'s words', () => {
    expect(say("I'll scale the pods down")).toEqual(["I didn't catch an action. Did you mean: restart the pods?"]);
  });
  it('with nothing near, says so and points at /hint', () => {
    expect(say("I'm going to grab a coffee")).toEqual(["I didn't catch an action. /hint lists what you can do."]);
  });
  it('an explanation is not a decision: it gets the fallback', () => {
    expect(say('The pods are fine')).toEqual(['No such dashboard.']);
  });
});
