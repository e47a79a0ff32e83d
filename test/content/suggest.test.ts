import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance, nearest } from '../../src/content/suggest.js';

describe('editDistance', () => {
  const cases: [string, string, number][] = [
    ['prompt', 'prompt', 0],
    ['promt', 'prompt', 1],
    ['sya', 'say', 1], // a swap of neighbours is one edit
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
  ];
  it.each(cases)('%s -> %s = %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});

describe('didYouMean', () => {
  const keys = ['id', 'title', 'minutes', 'prompt', 'fromBank', 'mode', 'targets', 'probes', 'followUps', 'maxFollowUps', 'maxTurns', 'endWhen'];
  const cases: [string, string][] = [
    ['promt', '; did you mean "prompt"?'],
    ['tittle', '; did you mean "title"?'],
    ['followups', '; did you mean "followUps"?'],
    ['maxturns', '; did you mean "maxTurns"?'],
    ['xyz', ''],
    ['speaker', ''],
  ];
  it.each(cases)('%s', (word, hint) => {
    expect(didYouMean(word, keys)).toBe(hint);
  });
});

describe('nearest', () => {
  const ids = ['payment-auth-3am', 'payment-auth-design', 'hiring-manager-backend', 'capacity-launch-behavioral'];
  const cases: [string, string[]][] = [
    ['payment-3am', ['payment-auth-3am']],
    ['payment-auth-desing', ['payment-auth-design']],
    ['hiring-manager', ['hiring-manager-backend']],
    ['zebra', []],
  ];
  it.each(cases)('%s', (word, expected) => {
    expect(nearest(word, ids)).toEqual(expected);
  });
});
