import { describe, expect, it } from 'vitest';
import {
  arrangeSignals,
  composeDebrief,
  incidentMilestones,
  inlineName,
  investigationTimeline,
  nextPractice,
  overallLine,
  phaseTimings,
} from '../../src/debrief/model.js';
import type { TranscriptEntry } from '../../src/round/transcript.js';
import { allSignals, beat, flag, signal } from './fixtures.js';

describe('overallLine', () => {
  it.each([
    [
      'the seed example',
      [signal('incident-judgement', 90, 4), signal('data-integrity', 85, 4), signal('capacity-planning', 20, 1)],
      ['incident-judgement', 'data-integrity', 'capacity-planning'],
      'Strong across incident judgement and data-integrity decisions; gaps on capacity and scale thinking.',
    ],
    [
      'strongest first, solid and mixed groups',
      [signal('cross-team', 70, 3), signal('pager-empathy', 80, 4), signal('slo-tradeoffs', 50, 2)],
      ['cross-team', 'pager-empathy', 'slo-tradeoffs'],
      'Strong on empathy for the pager; solid on cross-team coordination; mixed on SLO trade-offs.',
    ],
    ['a silent untargeted signal is not a gap', [signal('cross-team', 70, 3), signal('pager-empathy', 0, 0)], ['cross-team'], 'Solid on cross-team coordination.'],
    ['a silent targeted signal is a gap', [signal('cross-team', 0, 0)], ['cross-team'], 'Gaps on cross-team coordination.'],
    ['without targets, anything that said something is judged', [signal('cross-team', 30, 1), signal('pager-empathy', 0, 0)], [], 'Weak on cross-team coordination.'],
    [
      'without targets, a strong story is not told about gaps it never meant to fill',
      [signal('capacity-planning', 90, 4), signal('cross-team', 12, 1)],
      [],
      'Strong on capacity and scale thinking.',
    ],
    ['nothing at all', [signal('cross-team', 0, 0)], [], 'No signal yet: nothing said reached the rubric.'],
    [
      'a round speaks of what it asked: a solid signal it did not target has its own line',
      [signal('cross-team', 40, 2), signal('pager-empathy', 70, 3)],
      ['cross-team'],
      'Mixed on cross-team coordination.',
    ],
    [
      'three gaps joined with commas',
      [signal('cross-team', 10, 1), signal('pager-empathy', 0, 0), signal('slo-tradeoffs', 5, 1)],
      ['cross-team', 'pager-empathy', 'slo-tradeoffs'],
      'Gaps on cross-team coordination, SLO trade-offs and empathy for the pager.',
    ],
  ] as const)('%s', (_name, signals, targets, expected) => {
    expect(overallLine([...signals], [...targets])).toBe(expected);
  });

  it.each([
    ['Incident judgement', 'incident judgement'],
    ['SLO trade-offs', 'SLO trade-offs'],
    ['Empathy for the pager', 'empathy for the pager'],
  ])('inlineName(%s)', (name, expected) => expect(inlineName(name)).toBe(expected));
});

describe('arrangeSignals', () => {
  it('puts targets first in target order and folds silent untargeted signals', () => {
    const signals = allSignals([signal('slo-tradeoffs', 30, 1, [beat('b', { hit: true })]), signal('pager-empathy', 0, 0, [], [flag('f', 'x')])]);
    const { shown, folded } = arrangeSignals(signals, ['post-incident-review', 'cross-team']);
    expect(shown.map((s) => s.id)).toEqual(['post-incident-review', 'cross-team', 'slo-tradeoffs', 'pager-empathy']);
    expect(folded.map((s) => s.id)).toEqual(['reliability-practice', 'incident-judgement', 'capacity-planning', 'data-integrity']);
  });
});

const t = (role: TranscriptEntry['role'], kind: TranscriptEntry['kind'], phase: string, atMs: number, text: string, extra: Partial<TranscriptEntry> = {}): TranscriptEntry => ({
  role,
  kind,
  phase,
  atMs,
  text,
  ...extra,
});

const transcript: TranscriptEntry[] = [
  t('system', 'page', 'triage', 0, 'PAGE: auth latency', { clock: '02:47' }),
  t('candidate', 'answer', 'triage', 20_000, "I'd check the partner queue depth\u001b[2J"),
  t('system', 'panel', 'triage', 20_100, 'Queue depth: 12,400\nrising', { clock: '02:49', ref: 'partner-queue' }),
  t('candidate', 'answer', 'triage', 60_000, 'check kafka lag'),
  t('system', 'fallback', 'triage', 60_100, 'Nothing by that name.', { clock: '02:51' }),
  t('candidate', 'answer', 'triage', 90_000, 'Declare an incident and page the IM'),
  t('system', 'action', 'triage', 90_100, 'The IM joins.', { clock: '02:53', ref: 'declare' }),
  t('system', 'event', 'triage', 90_200, 'Partner status page: degraded.', { clock: '02:53', ref: 'partner-status' }),
  t('interviewer', 'prompt', 'review', 300_000, 'Walk me through the review.'),
  t('candidate', 'answer', 'review', 400_000, 'We wrote it up.'),
];

describe('phaseTimings', () => {
  it('measures each phase from its first line to the next phase, and marks unreached phases', () => {
    const phases = [
      { id: 'triage', title: 'Triage', minutes: 5 },
      { id: 'review', title: 'Review', minutes: 3 },
      { id: 'extra', title: 'Extra', minutes: 2 },
    ];
    expect(phaseTimings(phases, transcript, 480_000)).toEqual([
      { id: 'triage', title: 'Triage', budgetMinutes: 5, spentMs: 300_000 },
      { id: 'review', title: 'Review', budgetMinutes: 3, spentMs: 180_000 },
      { id: 'extra', title: 'Extra', budgetMinutes: 2, spentMs: 0 },
    ]);
  });
});

describe('investigationTimeline and milestones', () => {
  const timeline = investigationTimeline(transcript);
  it('pairs each turn with what it revealed, did or missed, sanitised', () => {
    expect(timeline).toEqual([
      { clock: '02:47', kind: 'event', what: 'page', result: 'PAGE: auth latency' },
      { clock: '02:49', kind: 'asked', what: "I'd check the partner queue depth", result: 'Queue depth: 12,400', ref: 'partner-queue' },
      { clock: '02:51', kind: 'unmatched', what: 'check kafka lag', result: 'Nothing by that name.' },
      { clock: '02:53', kind: 'did', what: 'Declare an incident and page the IM', result: 'The IM joins.', ref: 'declare' },
      { clock: '02:53', kind: 'event', what: 'partner-status', result: 'Partner status page: degraded.', ref: 'partner-status' },
    ]);
  });
  it('records the first declare/escalate/communicate/mitigate from the action kinds', () => {
    expect(incidentMilestones(timeline, { declare: 'declare', 'partner-queue': 'investigate' })).toEqual({ declared: '02:53' });
  });
});

describe('nextPractice', () => {
  it('picks the weakest targeted signal and the tip of its heaviest missed beat', () => {
    const signals = [
      signal('cross-team', 40, 2, [beat('light', { weight: 1, tip: 'light tip' }), beat('heavy', { weight: 3, label: 'Heavy', tip: 'heavy tip' })]),
      signal('pager-empathy', 0, 0),
      signal('slo-tradeoffs', 70, 3),
    ];
    expect(nextPractice(signals, ['slo-tradeoffs', 'cross-team'])).toEqual({ kind: 'drill', id: 'cross-team', signal: 'cross-team', why: 'Heavy: heavy tip' });
  });
  it('has nothing to suggest when every target is strong', () => {
    expect(nextPractice([signal('cross-team', 95, 4)], ['cross-team'])).toBeUndefined();
  });
});

describe('composeDebrief', () => {
  it('adds a timeline and milestones only for incident rounds', () => {
    const report = { signals: allSignals([]), overall: { score: 0, level: 0 as const, label: 'no signal', strengths: [], gaps: [], summary: '', words: 0, statements: 0, salad: false } };
    const base = { report, phases: [{ id: 'triage', title: 'Triage', minutes: 5 }], transcript, endMs: 480_000, targets: ['cross-team' as const] };
    const design = composeDebrief(base);
    expect(design.timeline).toBeUndefined();
    expect(design.targets).toEqual(['cross-team']);
    const incident = composeDebrief({ ...base, actionKinds: { declare: 'declare' } });
    expect(incident.milestones).toEqual({ declared: '02:53' });
    expect(incident.timeline).toHaveLength(5);
  });
});
