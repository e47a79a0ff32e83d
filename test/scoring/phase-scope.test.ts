import { describe, expect, test } from 'vitest';
import { analyze, compileRubric, levelMostReach, scoreDoc } from '../../src/scoring/index.js';
import type { Level, RubricSpec, SignalId } from '../../src/rubric/types.js';
import type { Span } from '../../src/scoring/score.js';
import { overallBasis } from '../../src/debrief/view.js';

// Length does not buy level: in a round, a signal is read only from the answers to the questions
// that target it. Evidence said elsewhere neither raises nor lowers it.

const spec: RubricSpec = {
  version: 1,
  scoring: { hypotheticalCredit: 0.5, levelThresholds: [10, 30, 50, 70], redFlagLevelCap: 1 },
  concepts: {},
  storyBeats: [{ id: 'outcome', label: 'Outcome', weight: 2, patterns: ['it worked'], probe: 'p', tip: 't' }],
  signals: [
    {
      id: 'capacity-planning',
      name: 'Capacity planning',
      description: 'd',
      prompts: ['p'],
      beats: [
        { id: 'model', label: 'A capacity model', weight: 4, patterns: ['capacity model'], probe: 'p', tip: 't' },
        { id: 'load-test', label: 'A load test', weight: 4, patterns: ['load test'], probe: 'p', tip: 't' },
        { id: 'headroom', label: 'Headroom', weight: 4, patterns: ['headroom'], probe: 'p', tip: 't' },
      ],
      redFlags: [{ id: 'reactive', label: 'Reactive', weight: 30, why: 'w', patterns: ['added servers when it fell over'] }],
    },
    {
      id: 'pager-empathy',
      name: 'Pager empathy',
      description: 'd',
      prompts: ['p'],
      beats: [{ id: 'fewer-pages', label: 'Fewer pages', weight: 4, patterns: ['fewer pages'], probe: 'p', tip: 't' }],
      redFlags: [],
    },
  ],
} as unknown as RubricSpec;
const rubric = compileRubric(spec);

/** Answers in order, each with the signals its question targets; returns the text and the scopes. */
function round(answers: { text: string; targets: SignalId[] }[]): { text: string; scopes: Partial<Record<SignalId, Span[]>> } {
  let text = '';
  const scopes: Partial<Record<SignalId, Span[]>> = { 'capacity-planning': [], 'pager-empathy': [] };
  for (const a of answers) {
    if (text) text += '\n\n';
    const start = text.length;
    text += a.text;
    for (const t of a.targets) scopes[t]!.push({ start, end: text.length });
  }
  return { text, scopes };
}

function signal(text: string, scopes: Partial<Record<SignalId, Span[]>> | undefined, id: SignalId) {
  const report = scoreDoc(analyze(text), rubric, { ...(scopes ? { scopes } : {}), targets: ['capacity-planning', 'pager-empathy'], expectEpisode: false });
  return report.signals.find((s) => s.id === id)!;
}

const CAPACITY_ANSWER = 'We built a capacity model for the launch before we wrote any code.';
const RAMBLE =
  'We had fewer pages after that. Also we ran a load test, we kept headroom on the database, ' +
  'we kept headroom on the cache, we ran another load test, and it worked. ' +
  'I think a capacity model and a load test and headroom matter a lot, and it worked out in the end.';

describe('a signal is read from the answers that target it', () => {
  const cases: { name: string; answers: { text: string; targets: SignalId[] }[]; id: SignalId; hits: string[]; flags?: string[]; level?: Level }[] = [
    {
      name: 'a beat in its own answer counts',
      answers: [{ text: CAPACITY_ANSWER, targets: ['capacity-planning'] }],
      id: 'capacity-planning',
      hits: ['model'],
    },
    {
      name: 'a long ramble in another phase earns no beat, story-shape beat included',
      answers: [
        { text: CAPACITY_ANSWER, targets: ['capacity-planning'] },
        { text: RAMBLE, targets: ['pager-empathy'] },
      ],
      id: 'capacity-planning',
      hits: ['model'],
    },
    {
      name: 'the ramble still counts for the signal its question asked for',
      answers: [
        { text: CAPACITY_ANSWER, targets: ['capacity-planning'] },
        { text: RAMBLE, targets: ['pager-empathy'] },
      ],
      id: 'pager-empathy',
      hits: ['fewer-pages', 'outcome'],
    },
    {
      name: 'a red flag said in another phase does not lower the signal',
      answers: [
        { text: CAPACITY_ANSWER, targets: ['capacity-planning'] },
        { text: 'On another team we added servers when it fell over.', targets: ['pager-empathy'] },
      ],
      id: 'capacity-planning',
      hits: ['model'],
      flags: [],
    },
    {
      name: 'a red flag in its own answer counts',
      answers: [{ text: `${CAPACITY_ANSWER} Later we added servers when it fell over.`, targets: ['capacity-planning'] }],
      id: 'capacity-planning',
      hits: ['model'],
      flags: ['reactive'],
    },
    {
      name: 'asked and answered with no beat: weak, not no signal',
      answers: [
        { text: 'We mostly waited to see what traffic would do.', targets: ['capacity-planning'] },
        { text: RAMBLE, targets: ['pager-empathy'] },
      ],
      id: 'capacity-planning',
      hits: [],
      level: 1,
    },
    {
      name: 'never asked (an empty scope): nothing is read, however much was said',
      answers: [{ text: RAMBLE, targets: ['pager-empathy'] }],
      id: 'capacity-planning',
      hits: [],
      level: 0,
    },
  ];
  test.each(cases)('$name', ({ answers, id, hits, flags, level }) => {
    const { text, scopes } = round(answers);
    const s = signal(text, scopes, id);
    expect(s.beats.filter((b) => b.hit).map((b) => b.id).sort()).toEqual([...hits].sort());
    if (flags) expect(s.redFlags.map((f) => f.id)).toEqual(flags);
    if (level !== undefined) expect(s.level).toBe(level);
    // evidence is always the candidate's own sentence, from an answer the signal may be read in
    for (const b of s.beats.filter((x) => x.hit)) {
      expect(text).toContain(b.evidence!);
      expect(scopes[id]!.some((r) => b.start! >= r.start && b.end! <= r.end)).toBe(true);
    }
  });

  test('a long off-phase ramble does not raise the level or the score', () => {
    const short = round([{ text: CAPACITY_ANSWER, targets: ['capacity-planning'] }]);
    const long = round([
      { text: CAPACITY_ANSWER, targets: ['capacity-planning'] },
      ...Array.from({ length: 5 }, () => ({ text: RAMBLE, targets: ['pager-empathy'] as SignalId[] })),
    ]);
    const before = signal(short.text, short.scopes, 'capacity-planning');
    const after = signal(long.text, long.scopes, 'capacity-planning');
    expect(after.level).toBe(before.level);
    expect(after.score).toBe(before.score);
    // without scopes (a story scored on its own) the same ramble does lift it: the scope is what holds it
    expect(signal(long.text, undefined, 'capacity-planning').level).toBeGreaterThan(before.level);
  });
});

describe('the overall level of a round', () => {
  const cases: { levels: Level[]; most: Level }[] = [
    { levels: [4], most: 4 },
    { levels: [4, 4, 1, 1], most: 1 },
    { levels: [4, 4, 3, 1], most: 3 },
    { levels: [4, 3, 2, 2, 2, 2], most: 2 },
    { levels: [3, 3, 3, 1, 0], most: 3 },
    { levels: [3, 3, 2, 1, 0], most: 2 },
    { levels: [1, 4, 4], most: 4 },
    { levels: [], most: 0 },
  ];
  test.each(cases)('most of $levels reach $most', ({ levels, most }) => {
    expect(levelMostReach(levels.map((level) => ({ level })))).toBe(most);
  });

  test('a mean carried by one high signal does not make the round solid', () => {
    const { text, scopes } = round([
      { text: `${CAPACITY_ANSWER} We ran a load test at twice the peak and kept headroom on every database, and it worked.`, targets: ['capacity-planning'] },
      { text: 'We talked about the alerts a bit.', targets: ['pager-empathy'] },
    ]);
    const report = scoreDoc(analyze(text), rubric, { scopes, targets: ['capacity-planning', 'pager-empathy'], expectEpisode: false });
    const levels = report.signals.map((s) => s.level);
    expect(Math.max(...levels)).toBeGreaterThanOrEqual(3);
    expect(report.overall.level).toBeLessThanOrEqual(Math.min(...levels));
  });

  test('a round ended before most of its signals were asked is weak overall, not no signal', () => {
    const { text, scopes } = round([{ text: `${CAPACITY_ANSWER} We ran a load test at twice the peak and kept headroom on every database, and it worked.`, targets: ['capacity-planning'] }]);
    const report = scoreDoc(analyze(text), rubric, { scopes, targets: ['capacity-planning', 'pager-empathy'], expectEpisode: false });
    expect(report.signals.map((s) => s.level)).toEqual([expect.any(Number), 0]);
    expect(report.signals[0]!.level).toBeGreaterThanOrEqual(3);
    expect(report.overall.level).toBe(1);
    expect(report.overall.label).toBe('weak');
    // the average alone gives mixed (30 in this rubric), and the debrief says why it is weak
    expect(report.overall.score).toBeGreaterThanOrEqual(30);
    expect(report.overall.held).toBe(true);
  });

  test('a round in which nothing targeted was heard stays at no signal', () => {
    const { text, scopes } = round([{ text: 'Could you repeat the question?', targets: ['pager-empathy'] }]);
    const report = scoreDoc(analyze(text), rubric, { scopes, targets: ['capacity-planning', 'pager-empathy'], expectEpisode: false });
    expect(report.signals.map((s) => s.score)).toEqual([0, 0]);
    expect(report.overall.level).toBe(0);
  });
});

describe('the debrief says when the overall level is held by its signals', () => {
  const sig = (id: SignalId, score: number, level: Level) => ({ id, name: id, score, level, label: '', beats: [], redFlags: [] });
  const cases = [
    {
      name: 'held: a signal scored below the average is levelled above the overall',
      signals: [sig('capacity-planning', 90, 4), sig('pager-empathy', 20, 1), sig('slo-tradeoffs', 48, 3)],
      overall: { score: 52, level: 2 as Level, label: 'mixed' },
      held: true,
    },
    {
      name: 'not held: the average alone gives the level',
      signals: [sig('capacity-planning', 60, 3), sig('pager-empathy', 20, 1), sig('slo-tradeoffs', 35, 2)],
      overall: { score: 38, level: 2 as Level, label: 'mixed' },
      held: false,
    },
  ];
  test('the scorer says when it held the level, and the debrief takes its word', () => {
    const signals = [sig('capacity-planning', 80, 4), sig('pager-empathy', 0, 0), sig('slo-tradeoffs', 0, 0)];
    const overall = { score: 27, level: 1 as Level, label: 'weak' };
    const targets = signals.map((s) => s.id);
    expect(overallBasis({ signals, targets, overall: { ...overall, held: true } })).toContain('held at weak because only 1 of the 3 reach higher');
    expect(overallBasis({ signals, targets, overall: { ...overall, held: false } })).not.toContain('held');
  });

  test.each(cases)('$name', ({ signals, overall, held }) => {
    const line = overallBasis({ signals, targets: signals.map((s) => s.id), overall });
    expect(line).toContain('the average of the 3 signals');
    expect(line.includes('held at mixed because only 2 of the 3 reach higher')).toBe(held);
  });
});
