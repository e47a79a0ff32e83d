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
