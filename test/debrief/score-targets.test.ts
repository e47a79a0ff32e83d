import { describe, expect, it } from 'vitest';
import { renderScoreReport } from '../../src/debrief/render.js';
import { incidentDebrief } from './fixtures.js';

// `mockloop score story.md` has no target signals: no heading should read "(not targeted)",
// which only means something beside signals a round or --signal did target.

const report = { signals: incidentDebrief.signals, overall: incidentDebrief.overall };
const headings = (out: string) => out.split('\n').filter((l) => /^(#+ )?(Incident judgement|SLO trade-offs)\b/.test(l));

describe('score report headings', () => {
  it.each(['text', 'md'] as const)('%s: without targets no signal heading says "not targeted"', (format) => {
    const out = renderScoreReport(report, { format, colour: false });
    expect(headings(out).length).toBeGreaterThan(1);
    for (const h of headings(out)) expect(h).not.toContain('(not targeted)');
  });

  it.each([
    ['text', /^No signal in this story: /m],
    ['md', /^_No signal in this story:_ /m],
  ] as const)('%s: without targets the silent signals are "no signal in this story", not "not targeted"', (format, line) => {
    const silent = { ...report.signals[0]!, id: 'pager-empathy' as const, name: 'Empathy for the pager', score: 0, level: 0 as const, label: 'no signal', beats: [], redFlags: [] };
    const others = report.signals.filter((s) => s.id !== 'pager-empathy');
    const out = renderScoreReport({ ...report, signals: [...others, silent] }, { format, colour: false });
    expect(out).toMatch(line);
    expect(out).not.toContain('not targeted');
  });

  it('md: with --signal, the other signals are marked', () => {
    const out = renderScoreReport(report, { format: 'md', colour: false, targets: ['incident-judgement'] });
    const [target, other] = [headings(out).find((h) => h.includes('Incident judgement')), headings(out).find((h) => h.includes('SLO trade-offs'))];
    expect(target).not.toContain('(not targeted)');
    expect(other).toContain('(not targeted)');
  });

  it('text: with --signal, the other signals come after a "not targeted" heading, in short', () => {
    const out = renderScoreReport(report, { format: 'text', colour: false, targets: ['incident-judgement'] });
    const lines = out.split('\n');
    const at = (re: RegExp) => lines.findIndex((l) => re.test(l));
    expect(at(/^Incident judgement/)).toBeLessThan(at(/^Heard in passing \(not targeted\)$/));
    expect(at(/^Heard in passing \(not targeted\)$/)).toBeLessThan(at(/^SLO trade-offs/));
    // hits listed on a line, without quotes or tips for what it missed
    const slo = lines.slice(at(/^SLO trade-offs/) + 1);
    expect(slo[0]).toMatch(/^ {2}✓ /);
    expect(slo.slice(0, slo.findIndex((l) => l === ''))).not.toContainEqual(expect.stringMatching(/tip:|“/));
  });
});
