import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compileRubric, scoreText } from '../../src/scoring/index.js';
import type { RubricSpec } from '../../src/rubric/types.js';

// A small rubric that exercises the mechanism; the real content is tested separately.
const spec: RubricSpec = {
  version: 1,
  scoring: { hypotheticalCredit: 0.5, levelThresholds: [10, 30, 50, 70], redFlagLevelCap: 2 },
  concepts: {
    declare: [{ source: 'test', phrases: ['declare', 'open an incident'] }],
    mitigate: [{ source: 'test', phrases: ['rate limit', 'throttle'] }],
  },
  storyBeats: [
    { id: 'numbers', label: 'Specific numbers', weight: 1, patterns: ['#num', '#time'], probe: 'How big?', tip: 'Use numbers.' },
  ],
  signals: [
    {
      id: 'incident-judgement',
      name: 'Incident judgement under pressure',
      short: 'incident judgement',
      description: 'd',
      prompts: ['Walk me through a 3am page.'],
      beats: [
        { id: 'confirmed', label: 'Confirmed the page', weight: 2, patterns: ['confirm* dashboard*'], probe: 'How did you confirm?', tip: 'Confirm first.' },
        { id: 'declared', label: 'Declared', weight: 3, patterns: ['{declare} incident'], probe: 'When did you declare?', tip: 'Declare early.' },
        { id: 'no-fail-open', label: 'Kept integrity', weight: 3, patterns: [{ match: 'fail open', negated: true }, '{mitigate}'], probe: 'Fail open?', tip: 'Name the trade-off.' },
        { id: 'breaker', label: 'Circuit breaker', weight: 2, patterns: ['circuit breaker'], probe: 'What changed?', tip: 'Follow through.' },
      ],
      redFlags: [
        { id: 'heroic', label: 'Heroic solo', weight: 20, patterns: ['carry alone', 'by myself all night', 'single-handedly'], why: 'Judgement, not heroics.' },
      ],
    },
    {
      id: 'capacity-planning',
      name: 'Capacity and scale thinking',
      description: 'd',
      prompts: ['p'],
      beats: [{ id: 'model', label: 'Capacity model', weight: 3, patterns: ['capacity model'], probe: 'p', tip: 't' }],
      redFlags: [],
    },
  ],
};
const rubric = compileRubric(spec);
const ij = (text: string) => scoreText(text, rubric).signals.find((s) => s.id === 'incident-judgement')!;

describe('score', () => {
  test('evidence quotes the sentence that earned the beat, with offsets', () => {
    const text = 'I was paged at 2:47am. I confirmed it on the dashboards within four minutes. We declared an incident at 3:00am.';
    const r = ij(text);
    const declared = r.beats.find((b) => b.id === 'declared')!;
    expect(declared.hit).toBe(true);
    expect(declared.evidence).toBe('We declared an incident at 3:00am.');
    expect(text.slice(declared.start, declared.end)).toBe(declared.evidence);
    const missed = r.beats.find((b) => b.id === 'breaker')!;
    expect(missed).toMatchObject({ hit: false, tip: 'Follow through.' });
  });

  const levels: [string, string, number, number][] = [
    ['nothing', 'I like turtles and I think they are great.', 0, 0],
    ['one beat', 'I was paged and then I declared an incident quickly.', 1, 2],
    [
      'all beats',
      'I confirmed the regression on the dashboards at 2:51am. I declared an incident at 3:00am. We did not fail open; we throttled new requests. I shipped a circuit breaker the next sprint.',
      4,
      4,
    ],
  ];
  test.each(levels)('%s', (_name, text, min, max) => {
    const r = ij(text);
    expect(r.level).toBeGreaterThanOrEqual(min);
    expect(r.level).toBeLessThanOrEqual(max);
  });

  test('negated red flag is not raised; plain one is, and caps the level', () => {
    const good = 'I confirmed the regression on the dashboards at 2:51am. I declared an incident at 3:00am. I did not try to carry it alone, so we throttled and I shipped a circuit breaker.';
    expect(ij(good).redFlags).toEqual([]);
    const bad = 'I confirmed the regression on the dashboards at 2:51am. I declared an incident at 3:00am. I fixed it single-handedly, we throttled and I shipped a circuit breaker.';
    const r = ij(bad);
    expect(r.redFlags.map((f) => f.id)).toEqual(['heroic']);
    expect(r.redFlags[0]!.evidence).toContain('single-handedly');
    expect(r.level).toBeLessThanOrEqual(2);
    expect(r.score).toBeLessThan(ij(good).score);
  });

  test('done scores above hypothetical', () => {
    const done = 'I declared an incident at 3:00am. I added a circuit breaker afterwards.';
    const would = 'I declared an incident at 3:00am. I would have added a circuit breaker afterwards.';
    const a = ij(done);
    const b = ij(would);
    expect(b.beats.find((x) => x.id === 'breaker')).toMatchObject({ hit: true, hypothetical: true });
    expect(a.score).toBeGreaterThan(b.score);
  });

  test('keyword salad never scores above level 1', () => {
    const salads = [
      'declare incident, capacity model, circuit breaker, rate limit, confirm dashboards, 3am',
      'I did declare incident, capacity model, circuit breaker, rate limit, confirm dashboards.',
      '- declare incident\n- circuit breaker\n- rate limit\n- capacity model\n- confirm dashboards',
      'Declared incident circuit breaker throttle capacity model confirmed dashboards.',
    ];
    for (const text of salads) {
      const report = scoreText(text, rubric);
      for (const s of report.signals) expect(s.level, `${text} / ${s.id}`).toBeLessThanOrEqual(1);
      expect(report.overall.salad).toBe(true);
    }
  });

  test('questions and requests alone claim nothing: held at weak, but not called a list of terms', () => {
    for (const text of ['check p95 latency\n\nis the database ok?', 'What does the queue depth look like? Is the error rate up?']) {
      const report = scoreText(text, rubric);
      for (const s of report.signals) expect(s.level, `${text} / ${s.id}`).toBeLessThanOrEqual(1);
      expect(report.overall.salad).toBe(false);
      expect(report.signals.some((s) => s.salad)).toBe(false);
    }
  });

  test('story beats only count once the signal has a beat of its own', () => {
    const r = scoreText('At 3:00am I ate 2 sandwiches and I slept for 8 hours.', rubric);
    for (const s of r.signals) expect(s.level).toBe(0);
  });

  test('--signal restriction and overall summary', () => {
    const text = 'I confirmed the regression on the dashboards at 2:51am. I declared an incident at 3:00am. We did not fail open; we throttled. I shipped a circuit breaker.';
    const r = scoreText(text, rubric, { signals: ['incident-judgement'] });
    expect(r.signals.map((s) => s.id)).toEqual(['incident-judgement']);
    const all = scoreText(text, rubric, { targets: ['incident-judgement', 'capacity-planning'] });
    expect(all.overall.summary).toBe('Strong on incident judgement under pressure; gaps on capacity and scale thinking.');
  });

  test('path findings count like beats and red flags', () => {
    const text = 'I declared an incident at 3:00am and paged the incident manager.';
    const base = ij(text).score;
    const withPath = scoreText(text, rubric, {
      findings: [
        { signal: 'incident-judgement', beat: { id: 'path:looked', label: 'Looked first', weight: 3, hit: true, source: 'path', tip: 't', evidence: '02:49 asked for latency' } },
      ],
    }).signals[0]!;
    expect(withPath.score).toBeGreaterThan(base);
    expect(withPath.beats.some((b) => b.source === 'path')).toBe(true);
  });

  test('property: any input gives scores in range and never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => {
        const r = scoreText(text, rubric);
        for (const s of r.signals) {
          expect(s.score).toBeGreaterThanOrEqual(0);
          expect(s.score).toBeLessThanOrEqual(100);
          expect([0, 1, 2, 3, 4]).toContain(s.level);
          for (const b of s.beats) if (b.hit && b.source === 'text') expect(text.slice(b.start, b.end).length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('level thresholds: an answer, or a signal read across a round', () => {
  const strict = compileRubric({ ...spec, scoring: { ...spec.scoring, roundLevelThresholds: [60, 80, 90, 95] } });
  const text = 'I was paged at 2:47am. I confirmed it on the dashboards. We declared an incident at 3:00am and throttled the partner.';
  const level = (opts: Parameters<typeof scoreText>[2]) => scoreText(text, strict, opts).signals.find((s) => s.id === 'incident-judgement')!.level;
  test('a story scored against one named signal is an answer, at the answer thresholds', () => {
    expect(level({ targets: ['incident-judgement'] })).toBe(level({}));
    expect(level({})).toBeGreaterThan(1);
  });
  test('a round (its signals read from scopes) takes the round thresholds', () => {
    expect(level({ targets: ['incident-judgement'], scopes: { 'incident-judgement': [{ start: 0, end: text.length }] } })).toBeLessThan(level({}));
  });
});
