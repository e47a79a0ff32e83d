import { describe, expect, it } from 'vitest';
import { isFramedList } from '../../src/language/index.js';

describe('a framed list recites rather than tells', () => {
  it.each([
    ['For me it is about partnership: platform teams, data teams, shared docs, alignment.', true],
    ["For me incident response is really about structure, ownership, calm and communication.", true],
    ["I'm a big believer in runbooks, alert hygiene, error budgets and blameless reviews.", true],
    ['You want headroom, a capacity model, load tests above peak and failure-mode analysis.', true],
    // a framing phrase with a story after it is not a list
    ['For me the turning point was when I paged the database team at 2am and they found the lock.', false],
    // a list without a frame is the scorer's other list rule, not this one
    ['We checked the queue, the database, the deploy log and the partner status page.', false],
    ['It is about trust.', false],
  ])('%s', (sentence, expected) => {
    expect(isFramedList(sentence)).toBe(expected);
  });
});
