/** "(same sentence as above)" always refers to the quote just above it. */
import { describe, expect, it } from 'vitest';
import { signalView } from '../../src/debrief/view.js';
import { beat, signal } from './fixtures.js';

const S1 = 'I rate-limited new authorisations at 3:25am.';
const S2 = 'We did not fail open.';
const long = (tail: string) => `${'We kept every pending request in the ledger and reconciled it with the bank '.repeat(5)}${tail}`;

describe('quotes in a signal view', () => {
  it.each([
    [
      'a later hit on an earlier sentence sits under it',
      [
        beat('a', { hit: true, weight: 5, evidence: S1, start: 0, end: 10 }),
        beat('b', { hit: true, weight: 4, evidence: S2, start: 20, end: 30 }),
        beat('c', { hit: true, weight: 3, evidence: S1, start: 0, end: 10 }),
      ],
      [['a', S1, false], ['c', undefined, true], ['b', S2, false]],
    ],
    [
      'two long sentences that clip to the same words are both quoted',
      [
        beat('a', { hit: true, weight: 5, evidence: long('first.'), start: 0, end: 400 }),
        beat('b', { hit: true, weight: 4, evidence: long('second.'), start: 500, end: 900 }),
      ],
      [['a', 'clipped', false], ['b', 'clipped', false]],
    ],
    [
      'a beat from the path does not separate a quote from its repeat',
      [
        beat('a', { hit: true, weight: 5, evidence: S1, start: 0, end: 10 }),
        beat('p', { hit: true, weight: 4, evidence: 'at 03:10 declared', source: 'path' }),
        beat('c', { hit: true, weight: 3, evidence: S1, start: 0, end: 10 }),
      ],
      [['a', S1, false], ['c', undefined, true], ['p', undefined, false]],
    ],
  ] as const)('%s', (_name, beats, expected) => {
    const hits = signalView(signal('incident-judgement', 50, 3, [...beats]), []).hits;
    expect(hits.map((h) => h.label)).toEqual(expected.map(([id]) => id));
    hits.forEach((h, i) => {
      const [, evidence, above] = expected[i]!;
      if (evidence === 'clipped') expect(h.evidence).toMatch(/more characters\]$/);
      else expect(h.evidence).toBe(evidence);
      expect(h.quotedAbove === true).toBe(above);
    });
  });
});
