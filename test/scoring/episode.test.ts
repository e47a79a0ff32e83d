import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { RubricSpec } from '../../src/rubric/types.js';
import { compileRubric, scoreText } from '../../src/scoring/index.js';

const rubric = compileRubric(parse(readFileSync(fileURLToPath(new URL('../../rubrics/backend-signals.yaml', import.meta.url)), 'utf8')) as RubricSpec);
const level = (text: string, signal: string, expectEpisode?: boolean): number =>
  scoreText(text, rubric, expectEpisode === undefined ? {} : { expectEpisode }).signals.find((s) => s.id === signal)!.level;

const VIEWS =
  'Capacity planning has to happen at the scoping stage, never after the build. You want a capacity model for every dependency, ' +
  'a load test at twelve times the projected peak rather than ten, and headroom measured against the database write limit. ' +
  'The model should show the session database at 1.4x headroom so the team can move it to a primary-replica setup before launch.';
const EPISODE =
  'At the scoping stage I built a capacity model for every dependency and ran a load test at twelve times the projected peak. ' +
  'It showed the session database at 1.4x headroom, so we moved it to a primary-replica setup before launch, and it peaked at 65%.';

describe('an answer with nothing the candidate did in it is held at weak', () => {
  it('views and generic advice, however well phrased, stay at weak or below', () => {
    expect(level(VIEWS, 'capacity-planning')).toBeLessThanOrEqual(1);
  });

  it('the same content told as something the candidate did is not held', () => {
    expect(level(EPISODE, 'capacity-planning')).toBeGreaterThanOrEqual(2);
  });

  it('rounds told in the present or the conditional (incident, design) are not held for it', () => {
    expect(level(VIEWS, 'capacity-planning', false)).toBeGreaterThan(level(VIEWS, 'capacity-planning'));
  });
});

describe('what an answer is made of, beyond a story', () => {
  const HYPOTHETICAL =
    "If I were planning capacity for a new service, I'd build a capacity model for every dependency at the scoping stage and " +
    "I'd run a load test at twelve times the projected peak. I'd want headroom measured against the database write limit.";
  it('only what the candidate would do is weak at most, however complete', () => {
    expect(level(HYPOTHETICAL, 'capacity-planning')).toBeLessThanOrEqual(1);
    // its beats are still heard, as hypothetical hits the debrief marks "~"
    const cp = scoreText(HYPOTHETICAL, rubric).signals.find((s) => s.id === 'capacity-planning')!;
    expect(cp.beats.filter((b) => b.hit && !b.story).every((b) => b.hypothetical)).toBe(true);
    expect(cp.beats.filter((b) => b.hit && !b.story).length).toBeGreaterThanOrEqual(2);
  });

  it('a habit or a describing "-ed" word is not something that happened', () => {
    const habit = 'We always align on shared goals with the platform team. We treat them as partners and we do joint planning. I have always pushed for that.';
    expect(level(habit, 'cross-team')).toBeLessThanOrEqual(1);
    const told = 'Last spring we agreed shared goals with the platform team, and I planned the quota change jointly with their lead.';
    expect(level(told, 'cross-team')).toBeGreaterThanOrEqual(1);
  });
});
