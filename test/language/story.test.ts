import { describe, expect, it } from 'vitest';
import { alternatives, answersAlternatives, makesDecision, presupposesDecision, storyShape } from '../../src/language/index.js';

describe('storyShape', () => {
  const table: [string, string, string][] = [
    ['We launched the new checkout on Black Friday and it went well: the load test held and there were no incidents.', 'launch', 'success'],
    ['At 3am the payments API went down, I was paged, errors hit 40% and I fixed it alone by restarting everything.', 'outage', 'unknown'],
    ['The database crashed and we lost an hour of orders; the rollback failed.', 'outage', 'failure'],
    ['I like building things.', 'unknown', 'unknown'],
  ];
  it.each(table)('%s', (text, kind, outcome) => {
    expect(storyShape(text)).toEqual({ kind, outcome });
  });
});

describe('makesDecision', () => {
  const table: [string, boolean][] = [
    ["I'll rate limit new authorisations.", true],
    ["I won't fail open.", true],
    ["Scaling out wouldn't help.", true],
    ['What does the queue look like?', false],
    ['The partner is slow.', false],
    ['queue depth', false],
  ];
  it.each(table)('%s → %s', (text, expected) => {
    expect(makesDecision(text)).toBe(expected);
  });
});

describe('questions that take a call for granted, and either-or questions', () => {
  it('finds the presupposition', () => {
    expect(presupposesDecision('What was the trade-off there, and why did you make the call you made?')).toBe(true);
    expect(presupposesDecision('Who else knows this is happening right now?')).toBe(false);
  });
  it('reads the options of an either-or question', () => {
    expect(alternatives('Token bucket or sliding window? What does your choice get wrong at the edges?')).toEqual([
      ['token', 'bucket'],
      ['sliding', 'window'],
    ]);
    expect(alternatives('Do you fail open?')).toEqual([]);
  });
  it('an answer that names an option answers the question', () => {
    const q = 'Token bucket or sliding window? What does your choice get wrong at the edges?';
    expect(answersAlternatives(q, 'I would use a sliding window log in Redis, because bursts at the boundary are what hurt us.')).toBe(true);
    expect(answersAlternatives(q, 'Redis behind every gateway node.')).toBe(false);
  });
});
