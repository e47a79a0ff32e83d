import { describe, expect, it } from 'vitest';
import { renderDebrief } from '../../src/debrief/render.js';
import { incidentDebrief } from './fixtures.js';

// One turn that revealed several panels is one entry in the terminal's investigation timeline:
// the words once, then a line per thing revealed. The Markdown keeps every row.

const ask = 'is it us? show me our pods, the database and the runbook';
const debrief = {
  ...incidentDebrief,
  timeline: [
    { clock: '02:52', kind: 'asked' as const, what: ask, result: 'auth-api process metrics: 12/12 pods ready, no restarts in 7 days' },
    { clock: '02:52', kind: 'asked' as const, what: ask, result: 'payments-db: query p95 4.1 ms (baseline 3.8 ms)' },
    { clock: '02:52', kind: 'asked' as const, what: ask, result: 'Runbook: auth-api authorisation latency' },
    { clock: '02:57', kind: 'asked' as const, what: 'and the partner queue?', result: 'Partner integration: queue depth 4,800 and growing (+350/min) (baseline < 50), the longest line here by some way' },
  ],
};

describe('investigation timeline (terminal)', () => {
  const out = renderDebrief(debrief, { format: 'text', full: true, colour: false, width: 80 });
  const section = out.slice(out.indexOf('Investigation'));

  it('quotes a turn once however much it revealed, with a line per result', () => {
    expect(section.split(ask)).toHaveLength(2);
    const results = section.split('\n').filter((l) => l.trimStart().startsWith('→'));
    expect(results.slice(0, 3).map((l) => l.trim().slice(2, 18))).toEqual(['auth-api process', 'payments-db: que', 'Runbook: auth-ap']);
    for (const l of section.split('\n')) expect(l.length).toBeLessThanOrEqual(80);
  });

  it('wraps a lone result whole', () => {
    expect(section.replace(/\s+/g, ' ')).toContain('(baseline < 50), the longest line here by some way');
  });

  it('leaves the Markdown with a row per result', () => {
    const md = renderDebrief(debrief, { format: 'md' });
    expect(md.split(ask).length - 1).toBe(3);
  });
});
