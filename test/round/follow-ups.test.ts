import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { prepareRound } from '../../src/round/index.js';
import type { RubricSpec } from '../../src/rubric/types.js';
import type { Scenario } from '../../src/scenario/types.js';
import { compileRubric } from '../../src/scoring/score.js';
import { ctxOf, designScenario, playLines } from './fixtures.js';

// Follow-ups that listen: a question that takes a call for granted needs one in the last turn,
// an either-or question already answered is not asked, and a story's shape is read before a
// follow-up names it.

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const rubric = compileRubric(parse(readFileSync(join(root, 'rubrics', 'backend-signals.yaml'), 'utf8')) as RubricSpec);
const real = (id: string) => prepareRound(parse(readFileSync(join(root, 'scenarios', `${id}.yaml`), 'utf8')) as Scenario, rubric);
const asked = (ctx: ReturnType<typeof real>, lines: string[]) =>
  playLines(ctx, lines).state.transcript.filter((e) => e.role === 'interviewer' && e.kind !== 'prompt').map((e) => e.ref);

describe('a trade-off question needs a call in the last turn', () => {
  const scenario: Scenario = {
    ...designScenario,
    phases: [
      {
        id: 'design',
        title: 'Design',
        minutes: 20,
        prompt: 'The partner is slow. What do you do?',
        targets: ['incident-judgement/escalation'],
        followUps: [
          { id: 'trade-off', say: 'What was the trade-off there, and why did you make the call you made?', when: { missed: ['incident-judgement/escalation'] } },
          { id: 'plain', say: 'Who did you pull in?', when: { missed: ['incident-judgement/escalation'] } },
        ],
      },
    ],
  };
  const ctx = ctxOf(scenario);
  const first = (line: string) => playLines(ctx, [line]).state.transcript.find((e) => e.kind === 'followup')?.ref;
  it('no call: the trade-off question is not asked', () => {
    expect(first('Let me look at the partner queue first.')).toBe('plain');
  });
  it('a call made: it is', () => {
    expect(first("I won't fail open; I'll rate limit new traffic.")).toBe('trade-off');
  });
  it('payment-auth-3am: looking at a board is not a call', () => {
    const ctx3am = real('payment-auth-3am');
    expect(asked(ctx3am, ["What's the queue depth on the partner integration?", 'Let me look at the reconciliation board first.'])).not.toContain(
      'beat:incident-judgement/names-tradeoff',
    );
  });
});

describe('an either-or question already answered is skipped', () => {
  const ctx = real('rate-limiter-design');
  it('the candidate chose a sliding window and said why', () => {
    const refs = asked(ctx, ['I would use a sliding window counter in Redis, because a token bucket lets a burst through at the boundary. Keys per customer.']);
    expect(refs).not.toContain('algorithm-choice');
  });
  it('the candidate named neither', () => {
    expect(asked(ctx, ['Redis in front of every gateway node, keyed per customer.'])).toContain('algorithm-choice');
  });
});

describe("a story's shape is read before a follow-up names it", () => {
  const scenario: Scenario = {
    ...designScenario,
    phases: [
      {
        id: 'story',
        title: 'Story',
        minutes: 20,
        prompt: 'Walk me through a real incident you led.',
        targets: ['incident-judgement/escalation'],
        followUps: [
          {
            id: 'launch-went-well',
            say: 'That sounds like a launch that went well.',
            when: { missed: ['incident-judgement/escalation'], shape: { kind: 'launch', outcome: 'success' } },
          },
          { id: 'plain', say: 'Who did you pull in?', when: { missed: ['incident-judgement/escalation'] } },
        ],
      },
    ],
  };
  const ctx = ctxOf(scenario);
  const first = (line: string) => playLines(ctx, [line]).state.transcript.find((e) => e.kind === 'followup')?.ref;
  it('an outage told as a one-person rescue is not called a launch', () => {
    expect(first('At 3am the payments API went down, I was paged, errors hit 40% and I fixed it alone.')).toBe('plain');
  });
  it('a launch that went well is', () => {
    expect(first('We launched the new checkout and it went well: the load test held and there were no incidents.')).toBe('launch-went-well');
  });
});
