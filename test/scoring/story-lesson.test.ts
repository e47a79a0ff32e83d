import { describe, expect, test } from 'vitest';
import { compileRubric, scoreText } from '../../src/scoring/index.js';
import type { BeatSpec, RubricSpec } from '../../src/rubric/types.js';

// A story beat marked `lesson: true` is also earned by a sentence that tells the practice the
// candidate keeps now, in whatever words; only beside a signal beat the answer earned.
function rubricWith(lesson: boolean): RubricSpec {
  const takeaway: BeatSpec = { id: 'takeaway', label: 'A takeaway', weight: 3, patterns: ['lesson|takeaway'], probe: 'p', tip: 't' };
  if (lesson) takeaway.lesson = true;
  return {
    version: 1,
    scoring: { hypotheticalCredit: 0.5, levelThresholds: [10, 30, 50, 70], redFlagLevelCap: 1 },
    concepts: {},
    storyBeats: [takeaway],
    signals: [
      {
        id: 'capacity-planning',
        name: 'Capacity planning',
        description: 'd',
        prompts: ['Tell me about a launch you sized.'],
        beats: [{ id: 'model', label: 'Built a model', weight: 3, patterns: ['worked out the load'], probe: 'p', tip: 't' }],
        redFlags: [],
      },
    ],
  };
}

const takeaway = (text: string, lesson = true) => scoreText(text, compileRubric(rubricWith(lesson))).signals[0]!.beats.find((b) => b.id === 'takeaway')!;

describe('a story beat earned by a lesson', () => {
  // [answer, earned, the quote]
  const rows: [string, boolean, string | undefined][] = [
    ["I worked out the load on each dependency in the first sprint. That's how I do it now.", true, "That's how I do it now."],
    ['I worked out the load on each dependency. These days a launch is not approved until that sheet exists.', true, 'These days a launch is not approved until that sheet exists.'],
    // the story told on, not a practice kept
    ['I worked out the load on each dependency. Now I was sure the gateway was the ceiling.', false, undefined],
    // no signal beat earned: a story beat stands beside one, never alone
    ["We launched on the Friday. That's how I do it now.", false, undefined],
  ];
  test.each(rows)('%s', (text, earned, quote) => {
    const b = takeaway(text);
    expect(b.hit).toBe(earned);
    expect(b.evidence).toBe(quote);
  });

  test('a beat without `lesson` is earned by its patterns alone', () => {
    expect(takeaway("I worked out the load on each dependency in the first sprint. That's how I do it now.", false).hit).toBe(false);
  });
});
