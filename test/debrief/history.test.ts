import { describe, expect, it } from 'vitest';
import { buildHistory, pickDrill, renderHistoryText, retakeDiffs, roundEnding, shortRefs, sparkline, beatLabels, type PastRound } from '../../src/debrief/history.js';
import type { Debrief } from '../../src/debrief/types.js';
import type { SignalId } from '../../src/rubric/types.js';
import { allSignals, beat, signal } from './fixtures.js';

const overall: Debrief['overall'] = { score: 0, level: 0, label: 'no signal', strengths: [], gaps: [], summary: '', words: 40, statements: 4, salad: false };

/** A scored round: per signal its score and the beats hit. */
function round(id: string, scenario: string, startedAt: string, scores: Partial<Record<SignalId, [number, string[]]>>, targets: SignalId[]): PastRound {
  const signals = allSignals(
    Object.entries(scores).map(([sid, [score, hits]]) =>
      signal(sid as SignalId, score, score >= 80 ? 4 : score >= 60 ? 3 : score >= 40 ? 2 : score > 0 ? 1 : 0, ['a', 'b', 'c'].map((b) => beat(b, { hit: hits.includes(b), label: `Beat ${b}` }))),
    ),
  );
  return { id, scenario: { id: scenario, kind: 'incident', title: scenario }, startedAt, status: 'complete', debrief: { signals, overall, phases: [], targets } };
}

const ij = 'incident-judgement' as const;
const ct = 'cross-team' as const;
const rounds: PastRound[] = [
  // deliberately out of order: history sorts by start time
  round('r3', 'payment-auth-3am', '2026-03-01T10:00:00Z', { [ij]: [80, ['a', 'c']], [ct]: [30, ['a']] }, [ij, ct]),
  round('r1', 'payment-auth-3am', '2026-01-01T10:00:00Z', { [ij]: [30, ['a']], [ct]: [50, ['a', 'b']] }, [ij, ct]),
  round('r2', 'payment-auth-design', '2026-02-01T10:00:00Z', { 'capacity-planning': [65, ['a']] }, ['capacity-planning']),
  { id: 'r4', scenario: { id: 'payment-auth-3am', kind: 'incident', title: 'x', signals: [ij, ct] }, startedAt: '2026-04-01T10:00:00Z', status: 'interrupted', debrief: null },
];

describe('sparkline', () => {
  it.each([
    [[0, 12, 13, 25, 50, 75, 99, 100], '▁▁▂▃▅▇██'],
    [[], ''],
    [[-5, 150], '▁█'],
  ])('%o → %s', (scores, expected) => expect(sparkline(scores)).toBe(expected));
});

describe('retakeDiffs', () => {
  it('compares the latest scored attempt of each scenario with the one before', () => {
    expect(retakeDiffs(rounds)).toEqual([
      { scenario: 'payment-auth-3am', previous: 'r1', latest: 'r3', gained: ['incident-judgement/c'], lost: ['cross-team/b'] },
    ]);
  });
  it('needs two scored attempts', () => {
    expect(retakeDiffs(rounds.filter((r) => r.id !== 'r1'))).toEqual([]);
  });
  it('uses only the last two of three attempts', () => {
    const more = [...rounds, round('r5', 'payment-auth-3am', '2026-05-01T10:00:00Z', { [ij]: [90, ['a', 'b', 'c']] }, [ij, ct])];
    expect(retakeDiffs(more)).toEqual([
      { scenario: 'payment-auth-3am', previous: 'r3', latest: 'r5', gained: ['incident-judgement/b'], lost: ['cross-team/a'] },
    ]);
  });
});

describe('buildHistory', () => {
  const h = buildHistory(rounds);
  it('lists sessions oldest first with levels for the targeted signals', () => {
    expect(h.sessions.map((s) => s.id)).toEqual(['r1', 'r2', 'r3', 'r4']);
    expect(h.sessions[0]!.signals).toEqual({ [ij]: { level: 1, label: 'weak', score: 30 }, [ct]: { level: 2, label: 'mixed', score: 50 } });
    expect(h.sessions[3]).toMatchObject({ status: 'interrupted', scored: false, signals: {} });
  });
  it('gives each targeted signal its trend over scored rounds', () => {
    expect(h.trends).toEqual({ [ij]: [30, 80], 'capacity-planning': [65], [ct]: [50, 30] });
  });
  it('filters to one signal', () => {
    const only = buildHistory(rounds, { signal: 'capacity-planning' });
    expect(only.sessions.map((s) => s.id)).toEqual(['r2']);
    expect(only.trends).toEqual({ 'capacity-planning': [65] });
    const ijOnly = buildHistory(rounds, { signal: ij });
    expect(ijOnly.retakes).toEqual([{ scenario: 'payment-auth-3am', previous: 'r1', latest: 'r3', gained: ['incident-judgement/c'], lost: [] }]);
  });
  it('renders a readable summary', () => {
    const text = renderHistoryText(h, { beatLabels: beatLabels(rounds) });
    expect(text).toContain('Past rounds (4): mockloop debrief <ref> re-prints one');
    expect(text).toContain('  r1   2026-01-01 10:00  payment-auth-3am     complete');
    expect(text).toContain('incident-judgement  ▃▇  30 → 80');
    expect(text).toContain('    + Beat c (incident-judgement/c)');
    expect(text).toContain('    − Beat b (cross-team/b)');
    expect(text).toMatch(/ r4 .* interrupted\n {6}resume: mockloop resume r4 · score as is: mockloop debrief r4\n/);
  });
  it('names each round by its id suffix when that is unique, else by the whole id', () => {
    expect(shortRefs(['2026-01-01T10-00-00-a-ab12', '2026-01-02T10-00-00-b-cd34', '2026-01-03T10-00-00-c-cd34', 'odd', '2026-01-04T10-00-00-d-2026'])).toEqual([
      'ab12',
      '2026-01-02T10-00-00-b-cd34',
      '2026-01-03T10-00-00-c-cd34',
      'odd',
      '2026-01-04T10-00-00-d-2026',
    ]);
  });
  it('lists at most eight beats gained or lost per retake, then says how many more', () => {
    const many = Array.from({ length: 11 }, (_, i) => `cross-team/b${i}`);
    const text = renderHistoryText({ ...h, retakes: [{ scenario: 'payment-auth-3am', previous: 'r1', latest: 'r3', gained: many, lost: many.slice(0, 8) }] });
    expect(text.match(/^ {4}\+ /gm)).toHaveLength(9);
    expect(text).toContain('    + … and 3 more beats hit (mockloop history --json lists them)');
    expect(text.match(/^ {4}− /gm)).toHaveLength(8);
    expect(text).not.toContain('more beats missed');
  });
  it('says how to start when there is nothing yet', () => {
    expect(renderHistoryText(buildHistory([]))).toMatch(/No saved rounds yet/);
  });
});

describe('rounds with no answers (ended at once with /end)', () => {
  /** The same round, scored with nothing typed: every signal at 0, no words. */
  function empty(id: string, startedAt: string): PastRound {
    const r = round(id, 'payment-auth-3am', startedAt, { [ij]: [0, []], [ct]: [0, []] }, [ij, ct]);
    return { ...r, debrief: { ...r.debrief!, overall: { ...overall, words: 0, statements: 0 } } };
  }
  const withEmpty = [...rounds, empty('r5', '2026-05-01T10:00:00Z')];

  it.each([
    ['after the last real attempt', withEmpty],
    ['between two real attempts', [...rounds, empty('r2b', '2026-02-15T10:00:00Z')]],
  ])('stay out of trends and retake diffs (%s)', (_, list) => {
    const hist = buildHistory(list);
    expect(hist.trends).toEqual({ [ij]: [30, 80], 'capacity-planning': [65], [ct]: [50, 30] });
    expect(hist.retakes).toEqual([
      { scenario: 'payment-auth-3am', previous: 'r1', latest: 'r3', gained: ['incident-judgement/c'], lost: ['cross-team/b'] },
    ]);
  });

  it('are still listed, marked, and a round with answers is not', () => {
    const hist = buildHistory(withEmpty);
    expect(hist.sessions.map((s) => s.id)).toEqual(['r1', 'r2', 'r3', 'r4', 'r5']);
    expect(hist.sessions[4]).toMatchObject({ scored: true, noAnswers: true });
    expect(hist.sessions.filter((s) => s.noAnswers).map((s) => s.id)).toEqual(['r5']);
    const text = renderHistoryText(hist);
    expect(text).toContain('Past rounds (5)');
    expect(text).toMatch(/2026-05-01 10:00 {2}payment-auth-3am +complete \(no answers\)\n/);
    expect(text).toContain('incident-judgement  ▃▇  30 → 80');
    expect(text).not.toContain('→ 0');
  });
});

describe('pickDrill', () => {
  it('with no scored rounds: nothing to go on (the caller picks at random)', () => {
    expect(pickDrill([])).toBeUndefined();
    expect(pickDrill(rounds.filter((r) => r.id === 'r4'))).toBeUndefined();
  });
  it('the weakest signal by its latest score, and says so', () => {
    // cross-team's latest is 30 (r3), below capacity 65 and incident judgement 80
    const pick = pickDrill(rounds)!;
    expect(pick).toMatchObject({ signal: ct, reason: 'weakest' });
    expect(pick.why).toMatch(/weakest signal: weak \(30\/100\).*2026-03-01/);
  });
  it('once every practised signal is solid: the one never practised, then the least recently practised', () => {
    const solid = [
      round('a', 'payment-auth-3am', '2026-01-01T10:00:00Z', { [ij]: [80, ['a']] }, [ij]),
      round('b', 'payment-auth-design', '2026-02-01T10:00:00Z', { 'capacity-planning': [70, ['a']] }, ['capacity-planning']),
    ];
    expect(pickDrill(solid, [ij, 'capacity-planning', ct])).toMatchObject({ signal: ct, reason: 'least-recent' });
    const pick = pickDrill(solid, [ij, 'capacity-planning'])!;
    expect(pick).toMatchObject({ signal: ij, reason: 'least-recent' });
    expect(pick.why).toMatch(/least recently.*2026-01-01/);
  });
});

describe('how a round ended', () => {
  const base = round('e1', 'payment-auth-3am', '2026-06-01T10:00:00Z', { [ij]: [30, ['a']] }, [ij]);
  it('a complete round stopped early reads "ended early"; played through or out of time reads "complete"', () => {
    const h = buildHistory([
      { ...base, ended: 'end' },
      { ...base, id: 'e2', startedAt: '2026-06-02T10:00:00Z', ended: 'done' },
      { ...base, id: 'e3', startedAt: '2026-06-03T10:00:00Z', ended: 'time' },
      { ...base, id: 'e4', startedAt: '2026-06-04T10:00:00Z' },
    ]);
    expect(h.sessions.map((s) => [s.id, s.ended, s.endedEarly])).toEqual([
      ['e1', 'end', true],
      ['e2', 'done', undefined],
      ['e3', 'time', undefined],
      ['e4', undefined, undefined],
    ]);
    const text = renderHistoryText(h);
    expect(text).toMatch(/ e1 .*payment-auth-3am +ended early\n/);
    expect(text).toMatch(/ e2 .*payment-auth-3am +complete\n/);
    expect(text).toMatch(/ e4 .*payment-auth-3am +complete\n/);
  });
  it.each([
    ['recorded', { status: 'complete', ended: 'done' as const, transcript: [{ role: 'candidate' as const, kind: 'command' as const, text: '/end' }] }, 'done'],
    ['an old record whose last word was /end', { status: 'complete', transcript: [{ role: 'candidate' as const, kind: 'command' as const, text: '/end' }] }, 'end'],
    ['an old record that ran out of time', { status: 'complete', transcript: [{ role: 'system' as const, kind: 'notice' as const, text: 'Time is up.', ref: 'time-up' }] }, 'time'],
    ['an old record with /end earlier, then answers', { status: 'complete', transcript: [{ role: 'candidate' as const, kind: 'command' as const, text: '/end' }, { role: 'candidate' as const, kind: 'answer' as const, text: 'more' }] }, undefined],
    ['an interrupted round', { status: 'interrupted', ended: 'end' as const, transcript: [] }, undefined],
  ])('roundEnding: %s', (_name, record, expected) => {
    expect(roundEnding(record)).toBe(expected);
  });
});
