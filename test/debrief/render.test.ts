import { describe, expect, it } from 'vitest';
import { renderDebrief, renderScoreReport } from '../../src/debrief/render.js';
import { displayWidth } from '../../src/debrief/text.js';
import { allSignals, beat, designDebrief, flag, incidentDebrief, signal } from './fixtures.js';
import type { Debrief } from '../../src/debrief/types.js';

const rounds = [
  ['incident', incidentDebrief, 'Payment auth at 3am'],
  ['design', designDebrief, 'Payment authorisation at 50k rps'],
] as const;

describe.each(rounds)('%s round', (name, debrief, title) => {
  it('terminal, no colour, width 80', async () => {
    const out = renderDebrief(debrief, { format: 'text', full: true, colour: false, width: 80, title });
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
    const out = renderDebrief(incidentDebrief, { full: true, colour: false });
    expect(out).toMatch(/✓ Stabilised before root-causing\n {6}“I'd rate-limit/);
    expect(out).toMatch(/✓ Declared within ten minutes \(from what you did in the round\)/);
    expect(out).toMatch(/~ Named the trade-off \(only as a hypothetical: partial credit\)/);
    expect(out).toMatch(/✗ Followed the runbook\n {6}tip: Name the runbook step/);
    expect(out).toMatch(/⚑ Blamed the partner\n {6}“Honestly the partner broke it, not us.”\n {6}why it counts against: Blame/);
  });

  it('lists targeted signals first, in the round order, and folds silent untargeted ones into one line', () => {
    const out = renderDebrief(incidentDebrief, { full: true, colour: false });
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
    const out = renderDebrief(d, { full: true, colour: false });
    expect(out.split('At 50k rps peak').length - 1).toBe(1);
    expect(out).toContain('✓ Load-tested with margin (same sentence as above)');
  });

  it('colours only when asked', () => {
    expect(renderDebrief(incidentDebrief, { full: true, colour: true })).toMatch(/\u001b\[3\dm/);
    expect(renderDebrief(incidentDebrief, { full: true, colour: false })).not.toMatch(/\u001b/);
  });

  it.each([40, 60, 100])('wraps to width %i', (width) => {
    const out = renderDebrief(designDebrief, { full: true, colour: false, width });
    const widest = Math.max(...out.split('\n').map(displayWidth));
    expect(widest).toBeLessThanOrEqual(width);
  });

  it('strips escape sequences from candidate text even with colour on', () => {
    const out = renderDebrief(incidentDebrief, { full: true, colour: true });
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
    expect(out.replace(/\s+/g, ' ')).toMatch(/No signal in this story:?_? reliability as daily practice/);
  });
  it('json is the report', () => {
    expect(JSON.parse(renderScoreReport(report, { format: 'json' }))).toEqual(report);
  });
});

describe('terminal debrief of a short round', () => {
  const ij = 'incident-judgement' as const;
  const di = 'data-integrity' as const;
  const pe = 'pager-empathy' as const;
  // weights 1..6: the heaviest misses are the ones shown
  const misses = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => beat(`${prefix}-miss-${i + 1}`, { weight: i + 1, tip: `Tip for ${prefix} miss ${i + 1}.` }));
  const short: Debrief = {
    signals: allSignals([
      { ...signal(ij, 30, 1, [beat('checked-dashboards', { hit: true, weight: 3, evidence: 'Queue depth, latency, rate limit, fail open.' }), ...misses('ij', 6)]), salad: true },
      { ...signal(di, 0, 0, misses('di', 5)), salad: true },
      signal(pe, 10, 1, misses('pe', 4), [flag('blamed-the-partner', 'Partner broke it.')]),
    ]),
    overall: { score: 10, level: 1, label: 'weak', strengths: [], gaps: [ij, di, pe], summary: '', words: 9, statements: 0, salad: true },
    phases: [],
    targets: [ij, di, pe],
  };

  it('matches the snapshot at 80 columns without colour', async () => {
    const out = renderDebrief(short, { full: true, colour: false, width: 80, title: 'Payment auth at 3am', sessionId: '2026-11-28T17-05-09-payment-auth-3am-ab12' });
    await expect(out).toMatchFileSnapshot('__snapshots__/short-round.txt');
    for (const line of out.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(80);
  });

  it('shows every hit and red flag but only the three heaviest misses, then counts the rest', () => {
    const out = renderDebrief(short, { full: true, colour: false, sessionId: 'abc-123' });
    expect(out).toContain('✓ checked dashboards');
    expect(out).toContain('⚑ blamed the partner');
    for (const shown of ['ij miss 6', 'ij miss 5', 'ij miss 4', 'pe miss 4', 'pe miss 3', 'pe miss 2']) expect(out).toContain(`✗ ${shown}\n`);
    for (const hidden of ['ij miss 3', 'ij miss 1', 'pe miss 1']) expect(out).not.toContain(`✗ ${hidden}\n`);
    const flat = out.replace(/\s+/g, ' ');
    expect(flat).toContain('✗ ij miss 4 tip: Tip for ij miss 4. … and 3 more missed beats (mockloop debrief abc-123 --format md lists them all)');
    expect(flat).toContain('… and 1 more missed beat (mockloop debrief abc-123 --format md lists them all)');
  });

  it('gives a signal with nothing hit and no red flag one line with its heaviest tip', () => {
    const out = renderDebrief(short, { full: true, colour: false });
    const section = out.slice(out.indexOf('Data-integrity'), out.indexOf('Empathy'));
    expect(section.trim().split('\n')).toEqual([expect.stringMatching(/^Data-integrity/), '  ✗ none of its 5 beats hit; start with: Tip for di miss 5.']);
  });

  it('says the list of terms note once, in the overall section', () => {
    const out = renderDebrief(short, { full: true, colour: false });
    expect(out.split('list of terms').length - 1).toBe(1);
    expect(out.indexOf('list of terms')).toBeLessThan(out.indexOf('Incident judgement'));
    expect(out.replace(/\s+/g, ' ')).toContain('level capped on incident judgement, data-integrity decisions.');
  });

  it('without a session id points at --format md, and markdown still lists every miss', () => {
    expect(renderDebrief(short, { full: true, colour: false })).toContain('… and 3 more missed beats (--format md lists them all)');
    const md = renderDebrief(short, { format: 'md' });
    for (let i = 1; i <= 6; i++) expect(md).toContain(`ij miss ${i}`);
    expect(md.split('list of terms').length - 1).toBe(2);
  });

  it('score names no session either', () => {
    const out = renderScoreReport({ signals: short.signals, overall: short.overall }, { colour: false, targets: [ij, di, pe] });
    expect(out).toContain('(--format md lists them all)');
    expect(out).not.toContain('mockloop debrief');
  });
});
