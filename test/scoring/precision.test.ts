/**
 * Precision: sentences a user reported as earning a beat they do not contain (or missing one
 * they do, or raising the wrong red flag). Each row is one sentence and one beat or red flag it
 * must, or must not, earn. Refs are "signal/beat", "story/beat" or "signal/!red-flag".
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { RubricSpec, SignalId } from '../../src/rubric/types.js';
import { analyze, compileRubric, hitBeats, scoreText } from '../../src/scoring/index.js';

const RUBRIC = fileURLToPath(new URL('../../rubrics/backend-signals.yaml', import.meta.url));
const rubric = compileRubric(parse(readFileSync(RUBRIC, 'utf8')) as RubricSpec);

/** [sentence, ref, earns] */
const rows: [string, string, boolean][] = [
  // "one" is a pronoun or determiner far more often than a quantity
  ['Is this only one region or all of them?', 'story/specifics', false],
  ['We saw this in one of the regions, not the other.', 'story/specifics', false],
  ['Latency went from 450ms to 120ms in two regions.', 'story/specifics', true],
  // stems that are also short words: "ate" is not "at", "use" is not "us"
  ['Since then I always test dependencies at 10x their normal latency.', 'data-integrity/cost-accepted', false],
  ['We ate the extra latency of synchronous writes.', 'data-integrity/cost-accepted', true],
  ['We use the same checklist for every launch.', 'story/takeaway', true],
  // "systemic" is not "system"; "any recent deploys" is triage, not a daily practice
  ['The system was slow for an hour after the failover.', 'post-incident-review/long-term-improvement', false],
  ['We started with structured triage of the dashboards.', 'post-incident-review/long-term-improvement', false],
  ['The real fix was systemic: a guard in the deploy pipeline.', 'post-incident-review/long-term-improvement', true],
  ['I checked for any recent deploys first.', 'reliability-practice/daily-practice', false],
  ['Every change I ship comes with a runbook entry.', 'reliability-practice/daily-practice', true],
  // a design's API call is not an escalation; a call to a person is
  ['Each request is written as pending before we call the bank.', 'incident-judgement/escalation', false],
  ['I called the bank’s on-call at 3:20 and opened a bridge.', 'incident-judgement/escalation', true],
  // "the partner" (the bank) is not treating a team as partners
  ['I will tell you as soon as the partner answers.', 'cross-team/partner-not-provider', false],
  ['We partnered with the platform team from the first week.', 'cross-team/partner-not-provider', true],
  // "No, I won't fail open" is not an outcome of "no failures"
  ["No, I won't fail open.", 'story/outcome', false],
  ['No data was lost and there were no failed payments.', 'story/outcome', true],
  // a rate mentioned is not a capacity model
  ['We did not fail open; instead I rate limited new authorisations to 900 rps.', 'capacity-planning/capacity-model', false],
  ['I built a capacity model projecting peak load at 12k rps.', 'capacity-planning/capacity-model', true],
  // blame on a named colleague is blame
  ["In the review I made it clear the outage was Dave's fault.", 'post-incident-review/!blame-or-spin', true],
  ['Afterwards the director blamed Priya in the channel.', 'post-incident-review/!blame-or-spin', true],
  ["In the review I made it clear the outage was Dave's fault.", 'story/ownership', false],
  ['I made the call to rate-limit at 3:25.', 'story/ownership', true],
  ["It was not Dave's fault: nothing stopped a config without a timeout.", 'post-incident-review/!blame-or-spin', false],
  ['It was my fault, and I said so first in the review.', 'post-incident-review/!blame-or-spin', false],
  // the SLO as a number to hit exactly is the SLO as a ceiling
  ['We treat the SLO as a target to hit exactly, so we spend the whole error budget every month.', 'slo-tradeoffs/!slo-floor-or-ceiling', true],
  ['We spent the whole error budget in March on the migration, on purpose.', 'slo-tradeoffs/!slo-floor-or-ceiling', false],
  ['We spent the whole error budget in March on the migration, on purpose.', 'slo-tradeoffs/spent-deliberately', true],
  // misses: own part, action items, an ordered triage
  ['A contributing factor on our side was that I took 35 minutes to declare.', 'post-incident-review/own-contribution', true],
  ['The partner took 35 minutes to answer.', 'post-incident-review/own-contribution', false],
  ['Action items: a breaker on the bank client, owned by me, due in two weeks.', 'post-incident-review/action-items', true],
  ['The outage was due to a bad config.', 'post-incident-review/action-items', false],
  ['I checked our dashboards, the database and the partner queue before calling Northbridge.', 'incident-judgement/structured-triage', true],
  ['I checked the dashboards.', 'incident-judgement/structured-triage', false],
  // "would" inside a reported finding is the finding
  ['The test showed the session-write database would hit its connection limit at 1.4x headroom.', 'capacity-planning/headroom', true],
  // a question asks, it claims nothing
  ['Which system do you mean?', 'post-incident-review/long-term-improvement', false],
  ['any recent deploys?', 'reliability-practice/daily-practice', false],
  ['What does CPU and connection pool usage look like on payments-db?', 'capacity-planning/headroom', false],
  ['I checked whether there were any recent deploys.', 'incident-judgement/structured-triage', true],
  // a claim before a colon still claims, even when a question follows
  [
    'Before we started I wrote a short pre-mortem doc: assume it went badly, what happened?',
    'reliability-practice/pre-mortem',
    true,
  ],
];

function earns(text: string, ref: string): boolean {
  const [signal, id] = ref.split('/') as [string, string];
  if (id.startsWith('!')) {
    const s = scoreText(text, rubric).signals.find((x) => x.id === (signal as SignalId));
    return s?.redFlags.some((f) => f.id === id.slice(1)) ?? false;
  }
  return hitBeats(analyze(text), rubric).has(ref);
}

describe('precision: each sentence earns exactly what it says', () => {
  it.each(rows)('%s → %s: %s', (text, ref, expected) => {
    expect(rubric.beat(ref) !== undefined || ref.includes('/!'), `unknown ref ${ref}`).toBe(true);
    expect(earns(text, ref)).toBe(expected);
  });
});
