import { describe, expect, test } from 'vitest';
import { conceptPhraseProblem, negatedPhraseProblems } from '../../src/content/patterns.js';
import { analyze, compileLexicon, compilePattern, findMatches } from '../../src/scoring/index.js';

// A negation inside a concept phrase negates the words after it, and a negated word never
// matches, so such a phrase can never match: validation says so, and the pattern form works.
describe('a concept phrase that holds a negation', () => {
  const cases: [string, boolean][] = [
    ['reliability nobody asked for', true],
    ['not my job', true],
    ["wasn't our call", true],
    ['no-one told us', true],
    ['rather than paging', true],
    ['instead of waiting', true],
    ['refused to page', true],
    ['gold plating', false],
    ['nobleman', false],
    ['notice period', false],
  ];
  test.each(cases)('"%s" is reported: %s', (phrase, reported) => {
    const problem = conceptPhraseProblem('c', phrase) ?? negatedPhraseProblems('c', [phrase]).get(0);
    expect(problem !== undefined).toBe(reported);
    if (reported) expect(problem).toMatch(/holds a negation .* so it never matches; write it in a pattern instead/);
  });

  test('read together, each phrase is judged on its own: no negation reaches the next', () => {
    const problems = negatedPhraseProblems('c', ['not my job', 'paging the team', 'gold plating', 'rather than paging', 'no']);
    expect([...problems.keys()]).toEqual([0, 3]);
    expect(problems.get(3)).toContain('after "rather than"');
  });

  test('it could never match; the same words in a pattern do', () => {
    const text = 'We spent a quarter on reliability nobody asked for.';
    const lexicon = compileLexicon({ over: ['reliability nobody asked for'] });
    expect(findMatches(analyze(text), compilePattern('{over}', lexicon))).toHaveLength(0);
    expect(findMatches(analyze(text), compilePattern('reliability nobody asked-for', lexicon))).toHaveLength(1);
  });
});
