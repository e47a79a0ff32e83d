import { describe, expect, it } from 'vitest';
import { renderDebrief, renderScoreReport } from '../../src/debrief/render.js';
import { displayWidth } from '../../src/debrief/text.js';
import { designDebrief, incidentDebrief } from './fixtures.js';

const rounds = [
  ['incident', incidentDebrief, 'Payment auth at 3am'],
  ['design', designDebrief, 'Payment authorisation at 50k rps'],
] as const;

describe.each(rounds)('%s round', (name, debrief, title) => {
  it('terminal, no colour, width 80', async () => {
    const out = renderDebrief(debrief, { format: 'text', colour: false, width: 80, title });
    await expect(out).toMatchFileSnapshot(`__snapshots__/${name}.txt`);
    for (const line of out.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(80);
    expect(out).not.toMatch(/\u001b/);
  });

  it('markdown', async () => {
    await expect(renderDebrief(debrief, { format: 'md', title })).toMatchFileSnapshot(`__snapshots__/${name}.md`);
  });

  it('json is the Debrief as it is', async () => {
    const out = renderDebrief(debrief, { format: 'json' });
    await expect(out).toMatchFileSnapshot(`__snapshots__/${name}.json`);
    expect(JSON.parse(out)).toEqual(debrief);
  });
});

describe('terminal renderer', () => {
  it('marks hits, misses, red flags, path and hypothetical beats with symbols that read without colour', () => {
    const out = renderDebrief(incidentDebrief, { colour: false });
    expect(out).toMatch(/✓ Stabilised before root-causing\n {6}“I'd rate-limit/);
    expect(out).toMatch(/✓ Declared within ten minutes \(from what you did in the round\)/);
    expect(out).toMatch(/~ Named the trade-off \(only as a hypothetical: partial credit\)/);
    expect(out).toMatch(/✗ Followed the runbook\n {6}tip: Name the runbook step/);
    expect(out).toMatch(/⚑ Blamed the partner\n {6}“Honestly the partner broke it, not us.”\n {6}why it counts against: Blame/);
  });

  it('lists targeted signals first, in the round order, and folds silent untargeted ones into one line', () => {
    const out = renderDebrief(incidentDebrief, { colour: false });
    const order = ['Incident judgement', 'Data-integrity decisions', 'Cross-team coordination', 'Post-incident review', 'SLO trade-offs'].map((n) =>
      out.indexOf(`\n${n} `),
    );
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(out.replace(/\s+/g, ' ')).toContain('No signal (not targeted): reliability as daily practice, capacity and scale thinking, empathy for the pager.');
    expect(out).not.toMatch(/\nCapacity and scale thinking /);
  });

  it('quotes a sentence once per signal even when it earns several beats', () => {
    const d = structuredClone(designDebrief);
    const cap = d.signals.find((s) => s.id === 'capacity-planning')!;
    cap.beats[1]!.evidence = cap.beats[0]!.evidence;
    const out = renderDebrief(d, { colour: false });
    expect(out.split('At 50k rps peak').length - 1).toBe(1);
    expect(out).toContain('✓ Load-tested with margin (same sentence as above)');
  });

  it('colours only when asked', () => {
    expect(renderDebrief(incidentDebrief, { colour: true })).toMatch(/\u001b\[3\dm/);
    expect(renderDebrief(incidentDebrief, { colour: false })).not.toMatch(/\u001b/);
  });

  it.each([40, 60, 100])('wraps to width %i', (width) => {
    const out = renderDebrief(designDebrief, { colour: false, width });
    const widest = Math.max(...out.split('\n').map(displayWidth));
    expect(widest).toBeLessThanOrEqual(width);
  });

  it('strips escape sequences from candidate text even with colour on', () => {
    const out = renderDebrief(incidentDebrief, { colour: true });
    expect(out).not.toContain('\u001b[31mbroke');
    expect(out).toContain('partner broke it');
  });
});

describe('markdown renderer', () => {
  it('escapes candidate text so it cannot become structure', () => {
    const out = renderDebrief(designDebrief, { format: 'md' });
    expect(out).toContain('> We load\\-tested to \\*150%\\* of the forecast'.replace('\\-', '-'));
    expect(out).toContain('40 nodes \\| not 12');
  });

  it('puts phase timing and the timeline in tables', () => {
    const out = renderDebrief(incidentDebrief, { format: 'md' });
    expect(out).toContain('| Triage | 12:30 | 15:00 |');
    expect(out).toContain('| Mitigate and communicate | 11:00 | 10:00 | over by 1:00 |');
    expect(out).toMatch(/\| 02:51 \| did \| Declare an incident/);
    expect(out).toContain('**Declared** 02:51 · **Escalated** never');
  });
});

describe('renderScoreReport', () => {
  const report = { signals: incidentDebrief.signals, overall: incidentDebrief.overall };
  it.each(['text', 'md'] as const)('%s shows every signal that said something and folds the rest', (format) => {
    const out = renderScoreReport(report, { format, colour: false });
    expect(out).toContain('Incident judgement');
    expect(out).toContain('SLO trade-offs');
    expect(out.replace(/\s+/g, ' ')).toMatch(/No signal \(not targeted\):?_? reliability as daily practice/);
  });
  it('json is the report', () => {
    expect(JSON.parse(renderScoreReport(report, { format: 'json' }))).toEqual(report);
  });
});
