import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { loadRubric } from '../../src/content/index.js';
import { sanitize } from '../../src/debrief/sanitize.js';
import { readClauses, stanceAt } from '../../src/language/index.js';
import { analyze, compileRubric, scoreText } from '../../src/scoring/index.js';

// Reading stays linear in the length of the text. Each input below once took seconds, growing with
// the square of its length: a regex anchored at the end backtracking over a run of spaces, the
// stance reader tokenising a long sentence afresh for every match in it, the clause reader looking
// up every clause's opener in a list of all of them. The limits are loose (the machine may be
// busy): quadrupling the input may cost at most eight times as much (a square would cost sixteen),
// and 100 KB stays within a few seconds.

const rubric = compileRubric((await loadRubric()).rubric);

function ms(f: () => unknown): number {
  let best = Infinity;
  for (let i = 0; i < 2; i++) {
    const t0 = performance.now();
    f();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

/** Time at n and at 4n characters: 4x the text must cost well under 16x. */
function expectLinear(name: string, gen: (n: number) => string, read: (text: string) => unknown, n = 24_000): void {
  const small = gen(n);
  const large = gen(4 * n);
  read(small); // warm up
  const a = ms(() => read(small));
  const b = ms(() => read(large));
  expect(b, `${name}: ${(small.length / 1024).toFixed(0)} KB in ${a.toFixed(0)} ms, ${(large.length / 1024).toFixed(0)} KB in ${b.toFixed(0)} ms`).toBeLessThan(8 * a + 250);
  expect(b, `${name}: ${(large.length / 1024).toFixed(0)} KB within 5 s`).toBeLessThan(5000);
}

const HEAD = 'we paged the incident manager and declared an incident and rolled back the deploy and wrote a runbook and ';

describe('scoring is linear in the text', () => {
  it.each<[string, (n: number) => string]>([
    ['a run of spaces inside a long sentence', (n) => `${HEAD}${' '.repeat(n)};${' '.repeat(n)}and we load tested at twice the peak.`],
    ['a text of nothing but spaces', (n) => ' '.repeat(n)],
    ['one endless sentence of red flags', (n) => 'I fixed it alone and kept it to myself and '.repeat(Math.ceil(n / 43))],
    ['one endless sentence of proposals refused', (n) => 'the team wanted to skip the dry run and I said no and '.repeat(Math.ceil(n / 53))],
    ['one word repeated', (n) => 'alert '.repeat(Math.ceil(n / 6))],
    ['"I " repeated before a pattern', (n) => `${'I '.repeat(n / 2)}by default.`],
    ['prose with no punctuation', (n) => 'we rate limited the partner queue and paged the incident manager and '.repeat(Math.ceil(n / 70))],
  ])('%s', (name, gen) => {
    expectLinear(name, gen, (t) => scoreText(t, rubric));
  }, 60_000);
});

describe('the readers are linear in the text', () => {
  it('the clause reader: many clauses, many gerunds, many sentences', () => {
    expectLinear('"I " repeated', (n) => `${'I '.repeat(n / 2)}by default.`, (t) => readClauses(t));
    expectLinear('gerund sentences', (n) => 'Checking the logs would help. '.repeat(Math.ceil(n / 30)), (t) => readClauses(t));
  }, 60_000);

  it('the stance reader: a match every few words of one sentence', () => {
    const read = (t: string) => {
      const doc = analyze(t);
      for (let i = 0; i < doc.tokens.length; i += 5) stanceAt(t, doc.tokens[i]!.start);
    };
    expectLinear('stances along one sentence', (n) => 'we did not restart the fleet or hold it together alone and '.repeat(Math.ceil(n / 60)), read, 12_000);
  }, 60_000);

  it('a transcript line with a long run of spaces is tidied in linear time', () => {
    expectLinear('spaces in a line', (n) => `a${' '.repeat(n)}b\n`, (t) => sanitize(t, { multiline: true }));
    expect(sanitize(`a  \u00a0\n  b   \n\n\n\nc  `, { multiline: true })).toBe('a\n  b\n\nc');
  }, 60_000);
});
