import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { PatternSpec } from '../../src/rubric/types.js';
import { analyze, compileLexicon, compilePattern, findMatches } from '../../src/scoring/index.js';

// The order a concept lists its phrases in, and the order of a term's alternatives, never
// changes what a pattern matches: every alternative is tried, with every continuation.

function spans(text: string, pattern: PatternSpec, concepts: Record<string, string[]>): string[] {
  return findMatches(analyze(text), compilePattern(pattern, compileLexicon(concepts))).map(
    (m) => `${m.sentence}:${text.slice(m.start, m.end)}`,
  );
}

describe('alternatives are all tried', () => {
  test.each([
    // a longer alternative listed first used to eat the word the next term needed
    [['rate limit', 'rate'], 'we put a rate limit on it.', '{throttle} limit', ['0:rate limit']],
    [['rate', 'rate limit'], 'we put a rate limit on it.', '{throttle} limit', ['0:rate limit']],
    // a shorter alternative listed first used to stop the match short
    [['load', 'load test'], 'we ran a load test.', '{throttle}', ['0:load test']],
    [['load test', 'load'], 'we ran a load test.', '{throttle}', ['0:load test']],
    // the next term is only in reach after the shorter alternative
    [['canary', 'canary release'], 'a canary deploy went out.', '{throttle} deploy', ['0:canary deploy']],
    [['canary release', 'canary'], 'a canary deploy went out.', '{throttle} deploy', ['0:canary deploy']],
  ])('%j in "%s" for %s', (phrases, text, pattern, expected) => {
    expect(spans(text, pattern, { throttle: phrases })).toEqual(expected);
  });

  test('alternation order in a pattern does not matter', () => {
    const text = 'we paged the incident manager and then paged support.';
    expect(spans(text, 'paged the|the-incident-manager manager', {})).toEqual(spans(text, 'paged the-incident-manager|the manager', {}));
    expect(spans(text, 'paged the|the-incident-manager manager', {})).toEqual(['0:paged the incident manager']);
  });

  test('a word repeated inside a phrase gap still lets the phrase finish', () => {
    // "alpha bravo charlie" with one word of slack: charlie follows the second bravo, not the first
    expect(spans('alpha bravo bravo x charlie.', '{c}', { c: ['alpha bravo charlie'] })).toEqual(['0:alpha bravo bravo x charlie']);
    expect(spans('alpha bravo x y charlie.', '{c}', { c: ['alpha bravo charlie'] })).toEqual([]);
  });
});

const VOCAB = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'not'];
const word = fc.constantFrom(...VOCAB);
const phrase = fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(' '));
const sentence = fc.array(word, { minLength: 1, maxLength: 14 }).map((w) => w.join(' '));
const text = fc.array(sentence, { minLength: 1, maxLength: 4 }).map((s) => `${s.join('. ')}.`);
/** A term: the concept, or an alternation of words (perhaps with the concept among them). */
const term = fc.oneof(
  fc.constant<string[]>(['{c}']),
  fc.uniqueArray(fc.oneof(word, fc.constant('{c}')), { minLength: 1, maxLength: 3 }),
);
const pattern = fc.record({
  terms: fc.array(term, { minLength: 1, maxLength: 3 }),
  order: fc.constantFrom('fixed' as const, 'any' as const),
  gap: fc.integer({ min: 0, max: 3 }),
  negated: fc.boolean(),
});
/** A permutation of n items, as random sort keys. */
const shuffle = <T>(xs: readonly T[], keys: readonly number[]): T[] =>
  xs.map((x, i) => [keys[i % keys.length]! + i / 1000, x] as const).sort((a, b) => a[0] - b[0]).map(([, x]) => x);

describe('property: permuting alternatives never changes the matches', () => {
  test('concept phrases and alternations in any order match the same sentences, with the same spans', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(phrase, { minLength: 1, maxLength: 5 }),
        pattern,
        text,
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 8 }),
        (phrases, p, t, keys) => {
          const spec = (terms: string[][]): PatternSpec => ({ match: terms.map((alts) => alts.join('|')).join(' '), order: p.order, gap: p.gap, negated: p.negated });
          const before = spans(t, spec(p.terms), { c: phrases });
          const after = spans(t, spec(p.terms.map((alts) => shuffle(alts, keys))), { c: shuffle(phrases, [...keys].reverse()) });
          expect(after).toEqual(before);
        },
      ),
      { numRuns: 400 },
    );
  });
});
