import { LEVEL_LABELS, SIGNAL_IDS, type Level, type SignalId } from '../../src/rubric/types.js';
import type { BeatResult, RedFlagResult, SignalResult } from '../../src/scoring/types.js';
import type { Debrief } from '../../src/debrief/types.js';

const NAMES: Record<SignalId, string> = {
  'reliability-practice': 'Reliability as daily practice',
  'incident-judgement': 'Incident judgement',
  'capacity-planning': 'Capacity and scale thinking',
  'data-integrity': 'Data-integrity decisions',
  'slo-tradeoffs': 'SLO trade-offs',
  'pager-empathy': 'Empathy for the pager',
  'cross-team': 'Cross-team coordination',
  'post-incident-review': 'Post-incident review',
};

export function beat(id: string, over: Partial<BeatResult> = {}): BeatResult {
  return { id, label: id.replace(/-/g, ' '), weight: 2, hit: false, source: 'text', tip: `Practise ${id.replace(/-/g, ' ')}.`, ...over };
}

export function flag(id: string, evidence: string, over: Partial<RedFlagResult> = {}): RedFlagResult {
  return { id, label: id.replace(/-/g, ' '), weight: 10, evidence, why: `${id} reads badly to an interviewer.`, source: 'text', ...over };
}

export function signal(id: SignalId, score: number, level: Level, beats: BeatResult[] = [], redFlags: RedFlagResult[] = []): SignalResult {
  return { id, name: NAMES[id], score, level, label: LEVEL_LABELS[level], beats, redFlags };
}

/** All eight signals; the ones given replace the silent defaults. */
export function allSignals(given: SignalResult[]): SignalResult[] {
  return SIGNAL_IDS.map((id) => given.find((s) => s.id === id) ?? signal(id, 0, 0, [beat(`${id}-beat`)]));
}

export const incidentDebrief: Debrief = {
  signals: allSignals([
    signal('incident-judgement', 78, 4, [
      beat('stabilise-first', { hit: true, weight: 3, label: 'Stabilised before root-causing', evidence: "I'd rate-limit the partner calls first and look for the cause after.", tip: 'Say what you did to stop the bleeding before you chased the cause.' }),
      beat('declared-early', { hit: true, label: 'Declared within ten minutes', source: 'path', tip: 'Declare early; you can always downgrade.' }),
      beat('named-tradeoff', { hit: true, hypothetical: true, label: 'Named the trade-off', evidence: 'I would have weighed failing open against the fraud exposure.', tip: 'Name what you gave up.' }),
      beat('runbook', { label: 'Followed the runbook', tip: 'Name the runbook step you ran and what it told you.' }),
    ]),
    signal('data-integrity', 64, 3, [
      beat('no-fail-open', { hit: true, weight: 3, label: 'Kept authorisations strict', evidence: 'We did not fail open, because a wrong approval is money we cannot claw back.', tip: '' }),
      beat('reconcile', { label: 'Reconciled afterwards', tip: 'Say how you checked that no transaction was lost or doubled.' }),
    ]),
    signal(
      'cross-team',
      22,
      1,
      [beat('partner-contact', { label: 'Reached the partner through their channel', tip: 'Say who you called at the partner and what you asked for.' })],
      [flag('blame-partner', 'Honestly the partner \u001b[31mbroke\u001b[0m it, not us.', { label: 'Blamed the partner', why: 'Blame reads as a lack of ownership in a shared incident.' })],
    ),
    signal('post-incident-review', 0, 0, [beat('action-items', { label: 'Action items with owners', tip: 'Name the action items, who owned them, and whether they shipped.' })]),
    signal('slo-tradeoffs', 35, 1, [beat('error-budget', { hit: true, label: 'Spoke to the error budget', evidence: 'We were burning the monthly budget in an hour.', weight: 1 })]),
  ]),
  overall: { score: 41, level: 2, label: 'mixed', strengths: ['incident-judgement', 'data-integrity'], gaps: ['cross-team', 'post-incident-review'], summary: '', words: 412, statements: 23, salad: false },
  phases: [
    { id: 'triage', title: 'Triage', budgetMinutes: 15, spentMs: 12 * 60_000 + 30_000 },
    { id: 'mitigate', title: 'Mitigate and communicate', budgetMinutes: 10, spentMs: 11 * 60_000 },
    { id: 'review', title: 'Post-incident review', budgetMinutes: 5, spentMs: 0 },
  ],
  timeline: [
    { clock: '02:47', kind: 'asked', what: "I'd check the queue depth on the partner integration", result: 'Partner queue depth: 12,400 and rising; p99 4.2s.', ref: 'partner-queue' },
    { clock: '02:51', kind: 'did', what: 'Declare an incident and page the incident manager', result: 'The incident manager joins the bridge.', ref: 'declare' },
    { clock: '02:55', kind: 'unmatched', what: 'look at the kafka lag', result: 'Nothing by that name on the dashboards you have.' },
    { clock: '03:00', kind: 'event', what: 'partner-status', result: 'The partner posts a status page update: degraded performance.', ref: 'partner-status' },
    { clock: '03:03', kind: 'did', what: 'post an update in #payments-incident for support and the merchant team', result: 'Support acknowledges and pins the update.', ref: 'comms' },
  ],
  milestones: { declared: '02:51', communicated: '03:03' },
  next: { kind: 'drill', id: 'post-incident-review', signal: 'post-incident-review', why: 'Action items with owners: Name the action items, who owned them, and whether they shipped.' },
  targets: ['incident-judgement', 'data-integrity', 'cross-team', 'post-incident-review'],
};

export const designDebrief: Debrief = {
  signals: allSignals([
    signal('capacity-planning', 88, 4, [
      beat('capacity-model', { hit: true, weight: 3, label: 'Built a capacity model', evidence: 'At 50k rps peak with a 3x headroom target we need 40 nodes | not 12.' }),
      beat('load-test', { hit: true, label: 'Load-tested with margin', evidence: 'We load-tested to *150%* of the forecast before launch.' }),
    ]),
    signal('reliability-practice', 55, 2, [
      beat('operability', { hit: true, label: 'Operability from day one', evidence: 'Dashboards and alerts ship with the first version, not after.' }),
      beat('premortem', { label: 'Ran a pre-mortem', tip: 'Describe the pre-mortem: what failure you imagined and what you changed.' }),
    ]),
  ]),
  overall: { score: 71, level: 3, label: 'solid', strengths: ['capacity-planning'], gaps: [], summary: '', words: 380, statements: 19, salad: false },
  phases: [
    { id: 'requirements', title: 'Requirements', budgetMinutes: 5, spentMs: 4 * 60_000 + 10_000 },
    { id: 'design', title: 'High-level design', budgetMinutes: 20, spentMs: 23 * 60_000 + 5_000 },
  ],
  next: { kind: 'scenario', id: 'payment-auth-3am', signal: 'reliability-practice', why: 'Ran a pre-mortem: Describe the pre-mortem: what failure you imagined and what you changed.' },
  targets: ['capacity-planning', 'reliability-practice'],
};
