import { describe, expect, it } from 'vitest';
import { projectTimeAt, type ProjectTime } from '../../src/language/index.js';

/** [sentence, the words asked about, when in the project the sentence places them] */
const CASES: [string, string, ProjectTime | undefined][] = [
  ['In week one I sized every dependency at the forecast peak.', 'sized every dependency', 'early'],
  ['Before anyone wrote a line of code, I estimated the peak write rate.', 'estimated the peak', 'early'],
  ['We ran the load test three months before launch.', 'load test', 'early'],
  ['We did performance testing in the last sprint, once everything was wired up.', 'performance testing', 'late'],
  ['In the last week before launch we finally ran a load test.', 'ran a load test', 'late'],
  ['We load tested two weeks before go-live.', 'load tested', 'late'],
  ['A couple of days out from launch, QA blasted it with fake traffic.', 'blasted it with fake traffic', 'late'],
  ['We got it feature complete and then I wrote a k6 script.', 'wrote a k6 script', 'late'],
  ['The database fell over at launch.', 'fell over', 'late'],
  // the nearest cue decides
  ['Instead of a load test in the last week, I built the model in the first week.', 'built the model', 'early'],
  // a cue does not reach across "but"
  ['The old team tested in the final week, but I sized the shards before the build.', 'sized the shards', 'early'],
  ['I checked the numbers with the owners.', 'checked the numbers', undefined],
  // three weeks out is neither the final stretch nor time to redesign
  ['We ran the soak test three weeks before launch.', 'soak test', undefined],
];

describe('projectTimeAt: when in the project a clause places what it tells', () => {
  it.each(CASES)('%s [%s]', (sentence, asked, expected) => {
    const start = sentence.indexOf(asked);
    expect(start).toBeGreaterThanOrEqual(0);
    expect(projectTimeAt(sentence, start, start + asked.length)).toBe(expected);
  });

  it('reads a long sentence in time linear in its length', () => {
    const long = `${'the last week before launch and '.repeat(20_000)}we tested.`;
    const t0 = Date.now();
    projectTimeAt(long, long.length - 8, long.length - 1);
    expect(Date.now() - t0).toBeLessThan(5_000);
  });
});
