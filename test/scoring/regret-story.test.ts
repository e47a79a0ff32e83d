import { describe, expect, test } from 'vitest';
import { compileRubric, scoreText } from '../../src/scoring/index.js';
import type { RubricSpec } from '../../src/rubric/types.js';

// A regret story: the candidate owns up somewhere in the answer ("I'm not proud of this one",
// "looking back"), so their red-flag act is looked back on, not a practice they stand by. It costs
// nothing, does not cap the level, and earns the move the red flag's refusal would earn.
const spec: RubricSpec = {
  version: 1,
  scoring: { hypotheticalCredit: 0.5, levelThresholds: [10, 30, 50, 70], redFlagLevelCap: 1 },
  concepts: {},
  storyBeats: [{ id: 'numbers', label: 'Numbers', weight: 1, patterns: ['#num', '#time'], probe: 'How big?', tip: 'Use numbers.' }],
  signals: [
    {
      id: 'incident-judgement',
      name: 'Incident judgement under pressure',
      description: 'd',
      prompts: ['Walk me through a 3am page.'],
      beats: [
        { id: 'confirmed', label: 'Confirmed the page', weight: 2, patterns: ['check* the dashboard*'], probe: 'p', tip: 't' },
        { id: 'escalated', label: 'Escalated', weight: 3, patterns: ['ask* for help'], probe: 'p', tip: 't' },
      ],
      redFlags: [
        { id: 'heroic', label: 'Heroic solo', weight: 20, patterns: ['by myself all night'], why: 'Judgement, not heroics.', refusalEarns: 'escalated' },
      ],
    },
  ],
};
const rubric = compileRubric(spec);
const ij = (text: string) => scoreText(text, rubric).signals[0]!;

const STORY = 'I was paged at 2am and checked the dashboards. I stayed up by myself all night until the queue drained at 6am.';

describe('a regret story', () => {
  const cases: [string, string, boolean][] = [
    ['owned up before the act', `I'm not so proud of this one. ${STORY} Customers waited four hours.`, true],
    ['owned up long after the act', `${STORY} Customers waited four hours. Support heard nothing. The queue was fine by noon. Looking back, that night was about my pride.`, true],
    ['"I had to admit it"', `${STORY} The next morning my lead asked why nobody else was called, and I had to admit it.`, true],
    ['"I handled it badly"', `I'll be honest, the first one of these I handled badly. ${STORY} Customers waited four hours.`, true],
    ['"that one\'s on me"', `${STORY} Customers waited four hours. That one's on me.`, true],
    ['"I\'d do that very differently now"', `${STORY} Customers waited four hours. I'd do that very differently now.`, true],
    ['told with pride', `${STORY} Customers waited four hours, and I was proud of how it went.`, false],
    ['told flatly', `${STORY} The queue drained and the morning shift took over.`, false],
  ];
  test.each(cases)('%s', (_name, text, regretted) => {
    const r = ij(text);
    const flag = r.redFlags.find((f) => f.id === 'heroic')!;
    expect(flag).toBeDefined();
    expect(flag.regretted === true).toBe(regretted);
    expect(r.beats.find((b) => b.id === 'escalated')!.hit).toBe(regretted);
    if (regretted) expect(r.level).toBeGreaterThan(1);
    else expect(r.level).toBe(1);
  });
});
