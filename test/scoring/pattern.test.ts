import { describe, expect, test } from 'vitest';
import { analyze, compileLexicon, compilePattern, findMatches, PatternError } from '../../src/scoring/index.js';
import type { PatternSpec } from '../../src/rubric/types.js';

const lexicon = compileLexicon({
  declare: ['declare', 'open an incident', 'raise a sev'],
  escalate: ['escalat*', 'page incident manager', 'pull in'],
});

function matched(text: string, pattern: PatternSpec): string[] {
  return findMatches(analyze(text), compilePattern(pattern, lexicon)).map((m) => text.slice(m.start, m.end));
}

describe('pattern matching', () => {
  const cases: [string, PatternSpec, string[]][] = [
    // stems and inflections
    ['We escalated to the incident manager.', 'escalate', ['escalated']],
    ['Escalation was quick.', 'escalate', ['Escalation']],
    ['I declared an incident at 3:00am.', '{declare} incident', ['declared an incident']],
    ['I opened an incident.', '{declare}', ['opened an incident']],
    ['I paged the incident manager.', '{escalate}', ['paged the incident manager']],
    ['We raised a SEV2 within minutes.', '{declare}', ['raised a SEV2'].slice(0, 0)],
    // gaps and order
    ['We rolled the bad deploy back.', 'roll back', ['rolled the bad deploy back']],
    ['We rolled the very very bad deploy back.', 'roll back', []],
    ['The back of the queue rolled over.', 'roll back', []],
    ['The back of the queue rolled over.', { match: 'roll back', order: 'any' }, ['back of the queue rolled']],
    ['Rollback plan was written.', { match: 'plan rollback', order: 'any' }, ['Rollback plan']],
    // hyphens, contractions, spelling, prefixes
    ['We wrote a pre-mortem before the change.', 'pre-mortem', ['pre-mortem']],
    ['We wrote a pre mortem before the change.', 'pre-mortem', ['pre mortem']],
    ['The on-call engineer slept.', 'on-call', ['on-call']],
    ['Authorisation latency rose.', 'authorization latency', ['Authorisation latency']],
    ['Writes were idempotent.', 'idempot*', ['idempotent']],
    // number and time classes
    ['At 2:47am on a Saturday I was paged.', '#time', ['2:47am']],
    ['p95 was 1.8 seconds, up from 450ms.', '#num second*', ['1.8 seconds']],
    ['We cut pages from forty to six a week.', 'from #num to #num', ['from forty to six']],
    ['Is this only one region?', '#num region', []],
    // names: capitalised, not the sentence's first word, not "I"
    ["The outage was Dave's fault.", '#name fault', ["Dave's fault"]],
    ['Fault lines were drawn.', '#name line*', []],
    ["I'd say it was my fault.", '#name fault', []],
    // sentences are the unit
    ['We checked the partner. The queue was deep.', 'partner queue', []],
  ];
  test.each(cases)('%s ~ %j', (text, pattern, expected) => {
    expect(matched(text, pattern)).toEqual(expected);
  });
});

describe('a match told beside its partner (with, unless, within)', () => {
  const dropped: PatternSpec = { match: 'dropped it', with: 'constraint', unless: 'risk' };
  const cases: [string, PatternSpec, string[]][] = [
    // the partner in the same sentence, the one before or the one after
    ['The constraint slowed the import, so we dropped it.', dropped, ['dropped it']],
    ['The unique constraint slowed the import. So we dropped it.', dropped, ['dropped it']],
    ['So we dropped it. The constraint had slowed the import for weeks.', dropped, ['dropped it']],
    // too far away, or missing
    ['The constraint slowed the import. The launch was close. So we dropped it.', dropped, []],
    ['The constraint slowed the import. The launch was close. So we dropped it.', { ...dropped, within: 2 }, ['dropped it']],
    ['The import was slow. So we dropped it.', dropped, []],
    // a partner negated does not count, unless it asks for negation; an imagined one does
    ['There was no constraint on it. So we dropped it.', dropped, []],
    ['There was no constraint on it. So we dropped it.', { match: 'dropped it', with: { match: 'constraint', negated: true } }, ['dropped it']],
    ['Keeping the constraint would have cost a week. So we dropped it.', dropped, ['dropped it']],
    // unless: what takes the match back, beside it; told as not done, it takes nothing back
    ['The constraint slowed the import. I named the risk to the ledger and we dropped it.', dropped, []],
    ['The constraint slowed the import. We saw no risk, so we dropped it.', dropped, ['dropped it']],
  ];
  test.each(cases)('%s ~ %j', (text, pattern, expected) => {
    expect(matched(text, pattern)).toEqual(expected);
  });
});

describe('a match inside one clause (clause)', () => {
  const rewrote: PatternSpec = { match: 'changed|rewrote alert', gap: 6, clause: true };
  const cases: [string, PatternSpec, string[]][] = [
    ['I rewrote the text of our nightly alert.', rewrote, ['rewrote the text of our nightly alert']],
    ['I changed the alert so it waits five minutes.', rewrote, ['changed the alert']],
    // the act in one clause, the noun in the next: not told together
    ['I changed the code and the alert fired.', rewrote, []],
    ['I changed the code and the alert fired.', { ...rewrote, clause: false }, ['changed the code and the alert']],
    ['When I changed jobs, the alert was already gone.', rewrote, []],
  ];
  test.each(cases)('%s ~ %j', (text, pattern, expected) => {
    expect(matched(text, pattern)).toEqual(expected);
  });
});

describe('negation scope', () => {
  const cases: [string, PatternSpec, boolean][] = [
    ['We did not fail open.', 'fail open', false],
    ['We did not fail open.', { match: 'fail open', negated: true }, true],
    ['We failed open.', { match: 'fail open', negated: true }, false],
    ["We didn't fail open.", 'fail open', false],
    ['We never failed open.', 'fail open', false],
    ['I rate-limited instead of failing open.', 'fail open', false],
    ['I rate-limited instead of failing open.', 'rate limit', true],
    ['I rate-limited rather than fail open.', { match: 'fail open', negated: true }, true],
    ["We didn't fail open, instead we rate limited.", 'rate limit', true],
    ['We did not fail open but we did rate limit.', 'rate limit', true],
    ['We did not roll back; we failed over.', 'fail over', true],
    ["I didn't try to carry it alone.", 'carry alone', false],
    ['I did not treat those pages as their problem.', 'their problem', false],
    ['Not only did we fail open, we lost data.', 'fail open', true],
    ['It was not just a slowdown.', 'slowdown', true],
    ['We avoided failing open.', 'fail open', false],
    ['I refused to skip the verification.', 'skip verification', false],
    ['I decided against failing open.', 'fail open', false],
    ['No data was lost.', 'no data lost', true],
    ['There was no data loss, which surprised us.', 'no data loss', true],
    ['Nothing paged overnight for a month.', 'page', false],
    ['The error rate declined to zero after we rolled back.', 'roll back', true],
    // a negated verb of omission affirms what follows it, and is itself negated
    ['We never skip the verification.', 'verification', true],
    ['We never skip the verification.', 'skip verification', false],
    ["I didn't even skip the dry run.", 'dry run', true],
    ['We shipped it without skipping the review.', 'review', true],
    // a new subject opens a new clause: the negation stays with the noun it governs
    ['When the search came back with no answer I paged the storage team.', 'page storage team', true],
    ['We had no runbook so I paged the storage team.', 'page storage team', true],
    ['There was no reason to page the storage team.', 'page storage team', false],
    ['We never ran the verification.', 'verification', false],
  ];
  test.each(cases)('%s ~ %j → %s', (text, pattern, expected) => {
    expect(matched(text, pattern).length > 0).toBe(expected);
  });
});

describe('hypothetical scope', () => {
  const cases: [string, boolean][] = [
    ['I added a circuit breaker.', false],
    ['I would have added a circuit breaker.', true],
    ["I'd add a circuit breaker.", true],
    // "'d" before a past participle is "had": it happened
    ["We'd added a circuit breaker the week before.", false],
    ["We'd already built a circuit breaker into the client.", false],
    ["I'd proceed with a circuit breaker.", true],
    ['We should add a circuit breaker.', true],
    ['We could have added a circuit breaker.', true],
    ['We could see the circuit breaker trip.', false],
    ['If I had added a circuit breaker, nothing would page.', true],
    ['If I were adding a circuit breaker, I would start small.', true],
    ['If the estimates were wrong, a circuit breaker would catch it.', true],
    ['If it failed, the circuit breaker tripped.', false],
    ['I plan to add a circuit breaker.', true],
    ['I would not page anyone, but I added a circuit breaker.', false],
    ['I would test at 12x, with a circuit breaker in front.', true],
    ['I would test at 12x; I added a circuit breaker.', false],
    // a finding reported in the past: what was found, not imagined
    ['The game day showed the circuit breaker would trip at 1.4x.', false],
    ['The test found that a circuit breaker would have saved us.', false],
    ['The test passed, but I would add a circuit breaker.', true],
    ['We found nothing; I would add a circuit breaker.', true],
    // a belief held in the past: what was believed, not imagined
    ['We assumed the retries would stop at the circuit breaker.', false],
    ['I figured the old circuit breaker would hold.', false],
    // a habit in the past: what used to happen, not what is imagined
    ["Whenever the pool filled up we'd bolt on a circuit breaker.", false],
    ['Every time a partner stalled, we would add a circuit breaker.', false],
    ['We would usually add a circuit breaker.', false],
    ['When a partner stalls, I would add a circuit breaker.', true],
    ['When it failed we would have added a circuit breaker.', true],
    ['When I am on call I would add a circuit breaker.', true],
    // a "would" inside a fronted clause of time or reason imagines nothing past its comma
    ['When the partner would not answer, I added a circuit breaker.', false],
    ["Because the vendor wouldn't fix it, we added a circuit breaker.", false],
    // near misses: a condition's clause, or the main clause imagining in its own words
    ['If the partner would not answer, I would add a circuit breaker.', true],
    ['When the partner would not answer, we could have added a circuit breaker.', true],
    // a general habit told with a condition is done practice
    ['If we ever get paged twice for the same thing, I add a circuit breaker.', false],
    ['If a partner ever stalls, we put a circuit breaker in front of it.', false],
    ['If we had ever been paged twice, I would have added a circuit breaker.', true],
    // a recurring time put before the subject tells a habit
    ["Every Monday I'd go through the alerts and add a circuit breaker where one was missing.", false],
    ['After each incident we would add a circuit breaker to whatever had cascaded.', false],
    ["On Fridays I'd check every partner call had a circuit breaker.", false],
    // near misses: a condition before it, a recurring subject, or a recurring time after the verb
    ["If I joined your team, every Monday I'd add a circuit breaker where one was missing.", true],
    ['Every partner call would go through a circuit breaker.', true],
    ["I'd add a circuit breaker every sprint.", true],
    // a preference held, not an act imagined
    ["I'd rather page someone than skip the circuit breaker.", false],
    // a modal in a clause that a told act holds is that clause's own: what was worked out or checked
    ['I worked out how many calls would hit the circuit breaker at peak.', false],
    ['We checked which dependency would trip the circuit breaker first.', false],
    ['I wrote down what the on-call should do when the circuit breaker opens.', false],
    ['I always check which dependency would trip the circuit breaker first.', false],
    ["I said we'd put a circuit breaker in front of the partner.", false],
    // near misses: the holding clause imagined, meant or conditional, or no holding clause at all
    ["I'd work out how many calls would hit the circuit breaker at peak.", true],
    ['I wanted to know how many calls would hit the circuit breaker at peak.', true],
    ['I asked them what would happen to the circuit breaker if the partner stalled.', true],
    ['I said we would add a circuit breaker if the partner stalled again.', true],
    ['Each partner call would go through a circuit breaker.', true],
    ['The question is which dependency would trip the circuit breaker first.', true],
    ['Next time I will check which dependency would trip the circuit breaker first.', true],
  ];
  test.each(cases)('%s → hypothetical %s', (text, expected) => {
    const m = findMatches(analyze(text), compilePattern('circuit breaker', lexicon));
    expect(m).toHaveLength(1);
    expect(m[0]!.hypothetical).toBe(expected);
  });
});

describe('pattern errors', () => {
  const cases: [PatternSpec, RegExp][] = [
    ['{nope} incident', /unknown concept \{nope\}/],
    ['a||b', /empty alternative/],
    ['#date', /unknown word class "#date"/],
    ['{Declare', /malformed concept reference/],
    ['   ', /empty pattern/],
    ['fail open!', /unexpected character/],
  ];
  test.each(cases)('%j', (pattern, message) => {
    expect(() => compilePattern(pattern, lexicon)).toThrow(PatternError);
    expect(() => compilePattern(pattern, lexicon)).toThrow(message);
  });
});
