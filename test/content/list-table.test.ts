import { describe, expect, it } from 'vitest';
import { formatTable, type ScenarioListing } from '../../src/commands/list.js';

const rows: ScenarioListing[] = [
  { id: 'payment-auth-design', kind: 'design', title: 'Design: payment authorisation at 50k rps', minutes: 60, signals: ['reliability-practice', 'pager-empathy', 'capacity-planning', 'data-integrity'] },
  { id: 'rl', kind: 'design', title: 'Design: a distributed rate limiter (the coding-round twist)', minutes: 45, signals: ['slo-tradeoffs'] },
] as ScenarioListing[];

describe('list table', () => {
  it('is one aligned line per scenario when it fits', () => {
    const lines = formatTable(rows, 200).split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^ID\s+KIND\s+MIN\s+TITLE\s+SIGNALS$/);
    expect(lines[2]).toMatch(/^rl\s+design\s+45\s+Design: a distributed rate limiter \(the coding-round twist\)\s+slo-tradeoffs$/);
  });

  it.each([40, 60, 80])('at %i columns, stacks each scenario without cutting anything', (width) => {
    const text = formatTable(rows, width);
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(width);
    expect(text).not.toContain('…');
    const words = text.replace(/\s+/g, ' ');
    for (const r of rows) {
      expect(words).toContain(`${r.id} ${r.kind}, ${r.minutes} min`);
      expect(words).toContain(r.title);
      expect(words).toContain(`signals: ${r.signals.join(', ')}`);
    }
  });
});
