import { describe, expect, it } from 'vitest';
import { recoverRound, renderRecovered } from '../../src/debrief/recovered.js';
import type { TranscriptEntry } from '../../src/round/transcript.js';

const transcript: TranscriptEntry[] = [
  { role: 'system', kind: 'page', text: 'PAGE: auth p99 > 2s', phase: 'triage', atMs: 0, clock: '02:47' },
  { role: 'candidate', kind: 'answer', text: 'declare an incident\u001b]0;title\u0007 now', phase: 'triage', atMs: 65_000 },
  { role: 'system', kind: 'action', text: 'The IM joins.', phase: 'triage', atMs: 65_001, clock: '02:49', ref: 'declare' },
];

describe('recovered rounds', () => {
  const round = recoverRound({
    id: 'x',
    scenario: { id: 'payment-auth-3am', kind: 'incident', title: 'Payment auth | 3am' },
    transcript,
    phases: [{ id: 'triage', title: 'Triage', minutes: 10 }],
    actionKinds: { declare: 'declare' },
    note: 'Not scored.',
  });
  it('recovers timing, timeline and milestones from the transcript alone', () => {
    expect(round.phases).toEqual([{ id: 'triage', title: 'Triage', budgetMinutes: 10, spentMs: 65_001 }]);
    expect(round.milestones).toEqual({ declared: '02:49' });
    expect(round.timeline?.map((t) => t.kind)).toEqual(['event', 'did']);
  });
  it.each(['text', 'md'] as const)('renders %s with the note and a sanitised transcript', (format) => {
    const out = renderRecovered(round, format);
    expect(out).toContain('Not scored.');
    expect(out).toContain('declare an incident now');
    expect(out).not.toMatch(/\u001b|\u0007/);
    expect(out).toMatch(/Declared\**  ?02:49/);
  });
});
