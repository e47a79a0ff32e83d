import { describe, expect, it } from 'vitest';
import { REGRETTED, signalView } from '../../src/debrief/view.js';
import type { RedFlagResult } from '../../src/scoring/types.js';
import { signal } from './fixtures.js';

const flag = (regretted: boolean): RedFlagResult => ({
  id: 'heroic-solo',
  label: 'Heroic-solo framing',
  weight: 20,
  why: 'Carrying it alone is a posture mismatch.',
  evidence: 'I worked on it alone for an hour.',
  source: 'text',
  ...(regretted ? { regretted: true } : {}),
});

describe('a red flag looked back on with regret', () => {
  it('says why it weighs less, and an endorsed one does not', () => {
    const [regretted] = signalView(signal('incident-judgement', 40, 2, [], [flag(true)]), []).flags;
    const [endorsed] = signalView(signal('incident-judgement', 10, 1, [], [flag(false)]), []).flags;
    expect(regretted!.why).toContain(REGRETTED);
    expect(endorsed!.why).not.toContain(REGRETTED);
  });
});
