import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { compileRubric, scoreText } from '../../src/scoring/index.js';
import type { RubricSpec } from '../../src/rubric/types.js';

// The salad rules against the real rubric: recital earns nothing, but a dense sentence that
// says who did (or would do) what is a story, however many signals it touches.
const rubric = compileRubric(parse(readFileSync('rubrics/backend-signals.yaml', 'utf8')) as RubricSpec);
const hits = (text: string, signal: string) =>
  scoreText(text, rubric)
    .signals.find((s) => s.id === signal)!
    .beats.filter((b) => b.hit && !b.story)
    .map((b) => b.id);

describe('salad rules on the real rubric', () => {
  const stories: [string, string, string[]][] = [
    [
      'On my last team we updated the runbook as part of every feature change, in the same pull request, and we wrote a pre-mortem before every risky change to the authorisation path.',
      'reliability-practice',
      ['daily-practice', 'pre-mortem'],
    ],
    [
      'I would build dashboards for p95 latency, error rate and the partner queue depth before launch, and only page on symptoms the on-call engineer can act on: partner p95 latency, queue depth on the partner integration and error budget burn rate.',
      'reliability-practice',
      ['operability-basics'],
    ],
    // a judgement of what happened, told in the past: a story, not a recital
    [
      'We had most of the quarter\'s error budget left and spent a slice of it on a slow ramp. The trade-off was worth it to our users: a small, known risk to the budget in exchange for seeing saturation before the real peak did.',
      'slo-tradeoffs',
      ['explicit-tradeoff'],
    ],
  ];
  test.each(stories)('%s', (text, signal, expected) => {
    expect(hits(text, signal)).toEqual(expect.arrayContaining(expected));
  });

  const recitals = [
    "I'm passionate about reliability, SLOs, error budgets and burn-rate alerting, capacity planning with headroom and load testing, data integrity with idempotency and reversible migrations, on-call empathy and page reduction, and blameless post-incident reviews with action items and follow-through.",
    'Incident response is about structured triage, escalation, communication and trade-offs like failing open versus rate limiting, and capacity is about models, headroom, failure-mode analysis and load testing above peak.',
  ];
  test.each(recitals)('recital: %s', (text) => {
    for (const s of scoreText(text, rubric).signals) expect(s.level, s.id).toBeLessThanOrEqual(1);
  });
});

describe('red flags and hypotheticals on the real rubric', () => {
  const flags = (text: string) => scoreText(text, rubric).signals.flatMap((s) => s.redFlags.map((f) => `${s.id}/${f.id}`));
  const cases: [string, string[]][] = [
    // advice is meant, so it can be blame
    ['After the outage the action item was that their team should be more careful.', ['post-incident-review/blame-or-spin']],
    // a counterfactual is imagined, not claimed
    ['If we had not load tested in week one, it would have fallen over at launch.', []],
    ["We didn't load test, and it fell over at launch.", ['capacity-planning/reactive-capacity']],
  ];
  test.each(cases)('%s', (text, expected) => {
    expect(flags(text)).toEqual(expected);
  });
});
