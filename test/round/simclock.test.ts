import { describe, expect, it } from 'vitest';
import { describeRamps, parseClock, renderRamps } from '../../src/round/simclock.js';

// A number on a board that moves with the simulated clock.

describe('renderRamps', () => {
  const start = parseClock('02:47');
  const table: [string, string, string][] = [
    ['queue {ramp 4,800 +350/min from 02:47}', '02:47', 'queue 4,800'],
    ['queue {ramp 4,800 +350/min from 02:47}', '03:07', 'queue 11,800'],
    ['queue {ramp 4800 +350/min from 02:47}', '02:49', 'queue 5500'],
    ['budget {ramp 69 -0.25/min from 03:00}%', '03:20', 'budget 64%'],
    ['before its start {ramp 69 -0.25/min from 03:00}', '02:50', 'before its start 69'],
    ['disk {ramp 91 +0.5/min from 02:47 max 99}%', '04:00', 'disk 99%'],
    ['disk {ramp 91.0 +0.5/min from 02:47 max 99.5}%', '04:00', 'disk 99.5%'],
    ['backlog {ramp 2100 -600/min from 02:47 min 0}', '02:57', 'backlog 0'],
    ['no ramp here', '03:00', 'no ramp here'],
  ];
  it.each(table)('%s at %s', (text, at, expected) => {
    expect(renderRamps(text, parseClock(at), start)).toBe(expected);
  });

  it('shows a ramp at its start to a reader who sees every view', () => {
    expect(describeRamps('queue {ramp 8,700 +350/min from 03:00} and growing')).toBe('queue 8,700 and growing');
  });
});
