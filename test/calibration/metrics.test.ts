import { describe, expect, it } from 'vitest';
import { foldOf, settle, TUNE_PERCENT } from '../../src/calibration/corpus.js';
import { chooseThresholds, relevel, type Verdict } from '../../src/calibration/evaluate.js';
import { exact, levelAt, pairwiseOrder, qwk, within1 } from '../../src/calibration/metrics.js';
import { leakedPhrases, rubricPhrases, wordsOf } from '../../src/calibration/patterns.js';
import type { RubricSpec } from '../../src/rubric/types.js';

const pairs = (xs: [number, number][]) => xs.map(([a, b]) => ({ a, b }));

describe('quadratic weighted kappa', () => {
  it.each([
    ['perfect agreement', pairs([[0, 0], [1, 1], [2, 2], [3, 3], [4, 4]]), 1],
    ['complete reversal', pairs([[0, 4], [4, 0]]), -1],
    // hand-computed: observed weighted disagreement 2/16 against 40/16 expected by chance
    ['one off by one', pairs([[0, 0], [1, 2], [2, 2], [4, 4]]), 1 - (1 / 16) / ((1 / 4) * (1 * (0 + 4 + 4 + 16) + 1 * (1 + 1 + 1 + 9) + 1 * (4 + 0 + 0 + 4) + 1 * (16 + 4 + 4 + 0)) / 16)],
  ])('%s', (_name, items, expected) => {
    expect(qwk(items)).toBeCloseTo(expected, 10);
  });

  it('is chance-corrected: a rater who always says 2 gets no credit for agreeing on the 2s', () => {
    expect(qwk(pairs([[2, 0], [2, 2], [2, 4]]))).toBeCloseTo(0, 10);
  });

  it('is symmetric and undefined on nothing', () => {
    const items = pairs([[0, 1], [3, 4], [2, 2], [1, 3], [4, 4]]);
    expect(qwk(items)).toBeCloseTo(qwk(items.map(({ a, b }) => ({ a: b, b: a }))), 12);
    expect(qwk([])).toBeNaN();
  });

  it('exact and within one', () => {
    const items = pairs([[0, 0], [1, 2], [3, 1], [4, 4]]);
    expect(exact(items)).toBe(0.5);
    expect(within1(items)).toBe(0.75);
  });
});

describe('pairwise order within a signal', () => {
  it('counts only pairs in one group whose human levels differ; a score tie is half', () => {
    const items = [
      { group: 'x', human: 1, score: 10 },
      { group: 'x', human: 3, score: 50 }, // agrees with the first
      { group: 'x', human: 2, score: 50 }, // ties the second (half), beats the first (agree)
      { group: 'x', human: 2, score: 5 }, // same level as the third: not a pair; below the first: disagree
      { group: 'y', human: 4, score: 0 }, // alone in its group
    ];
    // pairs: (1,3) agree, (1,2@50) agree, (1,2@5) disagree, (3,2@50) tie, (3,2@5) agree
    expect(pairwiseOrder(items)).toBeCloseTo(3.5 / 5, 12);
  });
});

describe('settling labels', () => {
  it.each([
    [[2, 2], 2],
    [[2, 3], undefined],
    [[2, 3, 3], 3],
    [[0, 4, 2], 2],
    [[1, 3, 0], 1],
    [[4], 4],
  ])('%j settles at %s', (levels, expected) => {
    expect(settle(levels)).toBe(expected);
  });
});

describe('the sealed split', () => {
  it('is a fixed function of the id, near the intended share', () => {
    const ids = Array.from({ length: 4000 }, (_, i) => `id-${i}`);
    expect(ids.map(foldOf)).toEqual(ids.map(foldOf));
    const tune = ids.filter((id) => foldOf(id) === 'tune').length / ids.length;
    expect(Math.abs(tune - TUNE_PERCENT / 100)).toBeLessThan(0.03);
  });
});

describe('level thresholds', () => {
  const v = (score: number, extra: Partial<Verdict> = {}): Verdict => ({ score, level: 0, flagged: false, salad: false, ownBeat: true, ...extra });

  it('relevel keeps the scorer caps: no own beat is 0, a red flag or salad at most 1', () => {
    expect(levelAt(50, [8, 25, 46, 71])).toBe(3);
    expect(relevel(v(50), [8, 25, 46, 71])).toBe(3);
    expect(relevel(v(50, { ownBeat: false }), [8, 25, 46, 71])).toBe(0);
    expect(relevel(v(90, { flagged: true }), [8, 25, 46, 71])).toBe(1);
    expect(relevel(v(90, { salad: true }), [8, 25, 46, 71])).toBe(1);
  });

  it('chooses thresholds that separate the levels when a separation exists', () => {
    const items = [5, 6, 20, 22, 40, 41, 60, 61, 90, 95].map((score, i) => ({ v: v(score), human: Math.floor(i / 2) }));
    const t = chooseThresholds(items, [8, 25, 46, 71]);
    expect(items.every((x) => relevel(x.v, t) === x.human)).toBe(true);
    expect(t).toEqual([...t].sort((a, b) => a - b));
  });
});

describe('leakage check', () => {
  const spec = {
    concepts: { thing: [{ source: 'test', phrases: ['a sealed only phrase', 'two words'] }] },
    storyBeats: [],
    signals: [{ beats: [{ patterns: ['open text phrase here', 'alt|other words here now', { match: 'wild* card phrase goes' }] }], redFlags: [] }],
  } as unknown as RubricSpec;

  it('takes runs of three or more plain words from patterns and concepts', () => {
    expect(rubricPhrases(spec)).toEqual(['a sealed only phrase', 'card phrase goes', 'open text phrase here', 'words here now']);
  });

  it('reports a phrase found in a sealed text and in no open text, and only that', () => {
    const open = ['The open text phrase here was said.'];
    const sealed = ['Someone wrote A sealed-only phrase!', 'and the open text phrase here too'];
    expect(leakedPhrases(rubricPhrases(spec), open, sealed)).toEqual(['a sealed only phrase']);
    expect(wordsOf("It’s  the END.")).toBe(" it's the end ");
  });
});
