import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { prepareRound } from '../../src/round/index.js';
import type { RubricSpec } from '../../src/rubric/types.js';
import type { Scenario } from '../../src/scenario/types.js';
import { compileRubric } from '../../src/scoring/score.js';
import { ctxOf, designScenario, incidentScenario, playLines } from './fixtures.js';

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

describe('a question aimed at beats the answer already covered is not asked', () => {
  const scenario: Scenario = {
    ...designScenario,
    phases: [
      {
        id: 'design',
        title: 'Design',
        minutes: 20,
        prompt: 'The partner is slow. What do you do?',
        targets: ['incident-judgement/triage'],
        probes: [
          { id: 'integrity', say: 'What could go wrong with the data?', targets: ['data-integrity/integrity'] },
          { id: 'both', say: 'Who did you pull in, and who did you tell?', targets: ['incident-judgement/escalation', 'incident-judgement/comms'] },
          { id: 'scripted', say: 'How would you plan capacity?' },
        ],
      },
      { id: 'close', title: 'Close', minutes: 10, prompt: 'Anything else?' },
    ],
  };
  const ctx = ctxOf(scenario);
  const questions = (line: string) =>
    playLines(ctx, [line]).state.transcript.filter((e) => e.role === 'interviewer' && e.kind !== 'prompt').map((e) => e.ref);
  const hintAfter = (line: string) => playLines(ctx, [line, '/hint']).state.transcript.find((e) => e.ref === 'hint')!.text;
  it.each([
    ['covers nothing a probe is aimed at: the first probe is asked', 'I follow the triage runbook.', 'integrity'],
    ['covers the first probe: the next one is asked', 'I follow the triage runbook and check for mismatches before anything else.', 'both'],
    [
      'covers only part of the next probe: it is asked',
      'I follow the triage runbook, check for mismatches and escalate to the partner.',
      'both',
    ],
    [
      'covers both probes: the scripted probe, aimed at no beat, is asked',
      'I follow the triage runbook, check for mismatches, escalate to the partner and send a status update to stakeholders.',
      'scripted',
    ],
  ])('%s', (_name, line, first) => {
    expect(questions(line)[0]).toBe(first);
  });
  it('/hint and the interviewer agree: what /hint calls covered is never asked about', () => {
    const line = 'I follow the triage runbook and check for mismatches before anything else.';
    expect(questions(line)).not.toContain('integrity');
    // the question now open is the probe asked, and /hint points at what it is after
    expect(hintAfter(line)).toBe('Say when you escalated.');
  });
  it('in an investigation too: a probe whose beats were covered is passed over', () => {
    const tiny = ctxOf(incidentScenario);
    const probes = (line: string) => playLines(tiny, [line]).state.transcript.filter((e) => e.kind === 'probe').map((e) => e.ref);
    expect(probes('Show me the queue depth.')).toEqual(['fail-open-q']);
    expect(probes('Show me the queue depth; whatever it says, a mismatch with the partner is the risk to watch.')).toEqual([]);
  });
});
