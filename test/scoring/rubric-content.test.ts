/**
 * Content tests for rubrics/backend-signals.yaml: the rubric's words, not the scorer's mechanism.
 * The seed's model answers score strong on their own signals, the seed's red-flag shapes score
 * weak and raise the flag, negation and hypotheticals behave, keyword salad stays weak, and every
 * beat (and every pattern) can actually be hit.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { SIGNAL_IDS, type PatternSpec, type RubricSpec, type SignalId } from '../../src/rubric/types.js';
import { analyze, compilePattern, compileRubric, findMatches, hitBeats, scoreText } from '../../src/scoring/index.js';
import type { ScoreReport, SignalResult } from '../../src/scoring/types.js';

const RUBRIC = fileURLToPath(new URL('../../rubrics/backend-signals.yaml', import.meta.url));
const SEED = fileURLToPath(new URL('../fixtures/seed/', import.meta.url));

const spec = parse(readFileSync(RUBRIC, 'utf8')) as RubricSpec;
const rubric = compileRubric(spec);

function signal(r: ScoreReport, id: SignalId): SignalResult {
  const s = r.signals.find((x) => x.id === id);
  if (!s) throw new Error(`no result for ${id}`);
  return s;
}
const score = (text: string, id: SignalId): SignalResult => signal(scoreText(text, rubric), id);
const seed = (file: string): string => readFileSync(`${SEED}${file}`, 'utf8');
const beatHit = (s: SignalResult, beat: string) => s.beats.find((b) => b.id === beat);
function describeResult(s: SignalResult): string {
  const hit = s.beats.filter((b) => b.hit).map((b) => (b.hypothetical ? `${b.id}(hyp)` : b.id));
  return `score ${s.score}, level ${s.level}; beats [${hit.join(', ')}]; flags [${s.redFlags.map((f) => f.id).join(', ')}]`;
}

describe('rubric shape', () => {
  it('has the eight signals in the fixed order, with the modeline for editors', () => {
    expect(spec.signals.map((s) => s.id)).toEqual([...SIGNAL_IDS]);
    expect(readFileSync(RUBRIC, 'utf8').split('\n', 1)[0]).toBe('# yaml-language-server: $schema=../schemas/rubric.schema.json');
  });

  it.each(spec.signals.map((s) => [s.id, s] as const))('%s: 5-9 beats with probes and tips, prompts, red flags, samples', (_id, s) => {
    expect(s.beats.length).toBeGreaterThanOrEqual(5);
    expect(s.beats.length).toBeLessThanOrEqual(9);
    for (const b of s.beats) {
      expect(b.weight, b.id).toBeGreaterThanOrEqual(1);
      expect(b.weight, b.id).toBeLessThanOrEqual(5);
      expect(b.probe.endsWith('?'), `${b.id} probe is a question`).toBe(true);
      expect(b.tip.length, b.id).toBeGreaterThan(20);
    }
    expect(s.prompts.length).toBeGreaterThanOrEqual(5);
    expect(s.redFlags.length).toBeGreaterThanOrEqual(1);
    const levels = (s.samples ?? []).map((x) => (Array.isArray(x.level) ? x.level : [x.level, x.level]));
    expect(levels.some(([lo]) => lo! >= 3)).toBe(true);
    expect(levels.some(([, hi]) => hi! <= 1)).toBe(true);
  });
});

describe("the rubric's own samples land where they say", () => {
  const cases = spec.signals.flatMap((s) => (s.samples ?? []).map((x, i) => [`${s.id} #${i}`, s.id, x] as const));
  it.each(cases)('%s', (_name, id, sample) => {
    const [lo, hi] = Array.isArray(sample.level) ? sample.level : [sample.level, sample.level];
    const s = score(sample.text, id);
    expect(s.level >= lo && s.level <= hi, describeResult(s)).toBe(true);
  });
});

describe("the seed's worked examples score strong on their own signals", () => {
  it.each([
    ['framing-1-incident-judgement.md', 'incident-judgement'],
    ['framing-2-pager-empathy.md', 'pager-empathy'],
    ['capacity-launch.md', 'capacity-planning'],
  ] as const)('%s on %s', (file, id) => {
    const s = score(seed(file), id);
    expect(s.level, describeResult(s)).toBe(4);
    expect(s.redFlags, describeResult(s)).toEqual([]);
  });

  it('framing 1 hits every incident-judgement beat the seed says lands', () => {
    const s = score(seed('framing-1-incident-judgement.md'), 'incident-judgement');
    for (const beat of ['structured-triage', 'names-tradeoff', 'escalation', 'communication', 'followed-through']) {
      expect(beatHit(s, beat)?.hit, beat).toBe(true);
    }
  });

  it('the capacity story is not flagged for the week-four load test it argued against', () => {
    const s = score(seed('capacity-launch.md'), 'capacity-planning');
    expect(s.redFlags.map((f) => f.id)).not.toContain('reactive-capacity');
  });
});

// The seed's red-flag shapes, written out as short answers.
const redFlagShapes: [SignalId, string, string][] = [
  [
    'incident-judgement',
    'heroic-solo',
    'We had a big outage on the checkout service one weekend and it was a really long night for me. I was up for 14 hours on the call, and I honestly think I was holding the whole thing together by myself in the end.',
  ],
  [
    'reliability-practice',
    'reliability-as-project',
    'Our service kept falling over, so we did a reliability sprint in Q3. We fixed the worst bugs and then went back to feature work.',
  ],
  [
    'capacity-planning',
    'reactive-capacity',
    'We built the new search backend first and load tested it in week four, after it was built. It fell over at launch so we threw more hardware at it.',
  ],
  [
    'data-integrity',
    'elided-integrity',
    'We needed the new column so we just ran the migration on the primary. We did not bother to verify the rows, and shipped it and fixed the data later.',
  ],
  [
    'pager-empathy',
    'pager-cost-elsewhere',
    'We shipped the sync feature on schedule. It paged the platform team every night for a month, but the platform team handled the operational consequences.',
  ],
  [
    'post-incident-review',
    'blame-or-spin',
    'The outage was the other team’s fault, an intern on their side pushed a bad config. In the postmortem I made clear it was not my fault.',
  ],
  [
    'cross-team',
    'service-provider',
    'We needed a Kafka topic, so we filed a ticket with the platform team and waited for them to do it. They just provide the infra.',
  ],
  [
    'slo-tradeoffs',
    'slo-floor-or-ceiling',
    'We always aim for 100% availability. As long as we are above the SLO it is fine, and we never spend the error budget.',
  ],
];

describe("the seed's red-flag shapes score weak and raise the flag", () => {
  it.each(redFlagShapes)('%s: %s', (id, flag, text) => {
    const s = score(text, id);
    expect(s.redFlags.map((f) => f.id), describeResult(s)).toContain(flag);
    expect(s.level, describeResult(s)).toBeLessThanOrEqual(1);
  });
});

describe('minimal pairs', () => {
  // [signal, red flag, plain (raises it), negated (must not)]
  const negatedFlags: [SignalId, string, string, string][] = [
    [
      'incident-judgement',
      'heroic-solo',
      'I handled the whole outage alone through the night.',
      "I didn't try to carry it alone; I paged my secondary within ten minutes.",
    ],
    [
      'pager-empathy',
      'pager-cost-elsewhere',
      'Those pages were their problem, so we moved on to the next feature.',
      'I did not treat those pages as their problem, so I fixed the retry loop that caused them.',
    ],
    [
      'reliability-practice',
      'reliability-as-project',
      'We ran a reliability sprint after the outage.',
      'We never ran a reliability sprint; runbook updates go into every pull request.',
    ],
    [
      'data-integrity',
      'elided-integrity',
      'Everyone was in a hurry that week, so in the end we skipped the verification and moved on.',
      'We refused to skip the verification, even though it cost us two days.',
    ],
  ];
  it.each(negatedFlags)('%s/%s: plain raises it, negated does not', (id, flag, plain, negated) => {
    expect(score(plain, id).redFlags.map((f) => f.id)).toContain(flag);
    expect(score(negated, id).redFlags.map((f) => f.id)).not.toContain(flag);
  });

  // Declining the risky move is itself the beat; a bare mention of the trade-off is not the refusal.
  const declined: [SignalId, string, string][] = [
    ['incident-judgement', 'names-tradeoff', 'I did not fail open, because the partner was slow rather than down.'],
    ['incident-judgement', 'names-tradeoff', 'I rate-limited new requests instead of failing open.'],
    ['data-integrity', 'safer-path', 'I refused to skip the reconciliation step before cutover.'],
    ['slo-tradeoffs', 'held-budget', 'With the budget nearly gone, we decided not to spend any more of it that month.'],
  ];
  it.each(declined)('%s/%s from a declined move: %s', (id, beat, text) => {
    expect(beatHit(score(text, id), beat)?.hit).toBe(true);
  });

  // Standing against someone else's proposal of a red flag's behaviour earns the flag's
  // `refusalEarns` beat and raises no flag; the same proposal taken up raises the flag.
  const stoodAgainst: [SignalId, string, string, string, string][] = [
    [
      'capacity-planning',
      'scoping-stage',
      'reactive-capacity',
      'My manager wanted to run the only load test in the last two weeks before launch. I pushed back on that.',
      'My manager wanted to run the only load test in the last two weeks before launch, so we did.',
    ],
    [
      'incident-judgement',
      'escalation',
      'heroic-solo',
      'The other engineer on the bridge wanted me to keep digging into it by myself overnight. I refused.',
      'I kept digging into it by myself overnight and got it back up before anyone woke.',
    ],
  ];
  it.each(stoodAgainst)('%s/%s earned by standing against %s', (id, beat, flag, refused, endorsed) => {
    const r = score(refused, id);
    expect(r.redFlags.map((f) => f.id)).not.toContain(flag);
    expect(beatHit(r, beat)?.hit).toBe(true);
    // the round engine's view of what is already said agrees, so it does not probe for it
    expect(hitBeats(analyze(refused), rubric).has(`${id}/${beat}`)).toBe(true);
    expect(score(endorsed, id).redFlags.map((f) => f.id)).toContain(flag);
  });

  // The same capacity work reads by when it happened: at scoping it is the beat, in the final
  // stretch or once the system was built it is reactive capacity work.
  const byTime: [string, boolean][] = [
    ['In week one I sized every dependency at the forecast peak and load tested the design.', false],
    ['Before anyone wrote code, we ran a load test against a prototype at twice the forecast.', false],
    ['We did performance testing in the last sprint, once everything was wired up.', true],
    ['In the last week before launch we finally ran a load test.', true],
    ['Once the service was functionally complete, I ran it at forecast volume.', true],
  ];
  it.each(byTime)('capacity-planning by when: %s', (text, late) => {
    const r = score(text, 'capacity-planning');
    expect(r.redFlags.some((f) => f.id === 'reactive-capacity')).toBe(late);
    if (late) expect(beatHit(r, 'scoping-stage')?.hit).not.toBe(true);
  });

  const doneVsHypothetical: [SignalId, string, string, string][] = [
    [
      'incident-judgement',
      'escalation',
      'Once I saw it was real, I declared an incident at 3:05am and paged the incident manager from my phone.',
      'Once I saw it was real, I would declare an incident and page the incident manager from my phone.',
    ],
    [
      'capacity-planning',
      'capacity-model',
      'In week one I built a capacity model for each dependency at the projected peak.',
      'I would build a capacity model for each dependency at the projected peak.',
    ],
    [
      'post-incident-review',
      'own-contribution',
      'I said in the review that my config change removed the timeout.',
      'I would say in the review if my config change had removed the timeout.',
    ],
  ];
  it.each(doneVsHypothetical)('%s/%s: done earns full credit, hypothetical partial', (id, beat, done, hypothetical) => {
    const d = score(done, id);
    const h = score(hypothetical, id);
    expect(beatHit(d, beat)?.hit).toBe(true);
    expect(beatHit(d, beat)?.hypothetical ?? false).toBe(false);
    expect(beatHit(h, beat)?.hit).toBe(true);
    expect(beatHit(h, beat)?.hypothetical).toBe(true);
    expect(h.score).toBeLessThan(d.score);
  });

  const salads = [
    'pre-mortem, runbook, SLO, burn rate, error budget, capacity model',
    'Pre-mortem, runbook, SLO, burn rate, error budget, capacity model, circuit breaker, blameless postmortem, action items, headroom, load test, idempotency, dual writes.',
    'Structured triage, escalation, incident comms, fail open vs rate limit, rollback, post-incident review.',
  ];
  it.each(salads)('keyword salad stays at most weak on every signal: %s', (text) => {
    for (const s of scoreText(text, rubric).signals) expect(s.level, `${s.id}: ${describeResult(s)}`).toBeLessThanOrEqual(1);
  });

  it('the same words in real sentences score higher than the salad', () => {
    const real =
      'Before the cutover I wrote a pre-mortem and updated the runbook in the same pull request. ' +
      'I built a capacity model for each dependency and load tested at 12x, above the projected peak of 10x.';
    const salad = 'pre-mortem, runbook, capacity model, load test, headroom, projected peak';
    for (const id of ['reliability-practice', 'capacity-planning'] as const) {
      expect(score(real, id).score, id).toBeGreaterThan(score(salad, id).score);
    }
  });
});

// Sentences that must earn nothing on the named beat or red flag: known false positives.
const mustNot: [string, string, string][] = [
  // [ref (signal/beat or signal/!flag), why, sentence]
  ['data-integrity/!elided-integrity', 'capacity wording', 'We found the limit in the capacity model at scoping, not in a load test.'],
  ['data-integrity/!elided-integrity', 'capacity wording', 'I did the estimate in week one rather than a load test in week four.'],
  ['data-integrity/!elided-integrity', 'no data involved', 'He deployed the change without checking the rollout plan.'],
  ['capacity-planning/!reactive-capacity', 'a finding before launch', 'In the load test it fell over at 3x, so we added back-pressure before launch.'],
  ['post-incident-review/action-items', 'vague', 'We wrote down the timeline and some action items.'],
  ['reliability-practice/alerts-actionable', 'action items are not alert actionability', 'We came out of the review with three action items.'],
  ['pager-empathy/actionable-pages', 'action items are not alert actionability', 'We came out of the review with three action items.'],
  ['cross-team/hard-conversation', 'docs are not an options doc', 'We can write the docs later.'],
  ['cross-team/changed-decision', 'present-tense admission', "Honestly, I haven't thought about that."],
  ['post-incident-review/contributing-factors', 'filler word', 'Honestly, it was a long night for everyone.'],
  ['reliability-practice/daily-practice', 'a library default is not a habit', 'Whatever the library does by default.'],
  ['incident-judgement/confirmed-page', '"lookups" is not "looked"', 'The profile lookups were showing a p99 of 400ms.'],
];

describe('known false positives stay fixed', () => {
  it.each(mustNot)('%s (%s): %s', (ref, _why, sentence) => {
    const [sig, id] = ref.split('/') as [SignalId, string];
    const s = score(sentence, sig);
    if (id.startsWith('!')) expect(s.redFlags.map((f) => f.id), describeResult(s)).not.toContain(id.slice(1));
    else expect(beatHit(s, id)?.hit ?? false, describeResult(s)).toBe(false);
  });
});

// How engineers actually say it: each must earn the beat or raise the flag.
const phrasings: [string, string][] = [
  ['capacity-planning/capacity-model', 'We sized it for 2,500 msg/s against an estimate of 1,800 msg/s.'],
  ['capacity-planning/capacity-model', 'I did a back-of-the-envelope estimate of the write QPS.'],
  ['capacity-planning/scoping-stage', 'We did the sizing three months ahead of peak season.'],
  ['capacity-planning/margin-load-test', 'We ran a 4x load test with replayed production traffic.'],
  ['capacity-planning/headroom', 'The broker had a limit of 3,000 msg/s per partition.'],
  ['capacity-planning/changes-shipped', 'Because of that we added back-pressure on the producers.'],
  ['data-integrity/reversible', 'We ran dual writes to both stores for two weeks.'],
  ['data-integrity/verification', 'We compared shadow reads and the checksums matched on every shard.'],
  ['data-integrity/names-integrity-question', 'The risk was that the two stores could drift out of sync.'],
  ['data-integrity/safer-path', 'I pushed for idempotency keys on every write.'],
  ['incident-judgement/escalation', 'I paged the IC and woke up the DBA.'],
  ['incident-judgement/escalation', 'It was a SEV1, so I opened the incident channel.'],
  ['incident-judgement/communication', 'I posted to the status page every 30 minutes.'],
  ['incident-judgement/structured-triage', 'I went through the playbook step by step.'],
  ['cross-team/changed-decision', 'That was a better design than mine, so we used it.'],
  ['cross-team/changed-decision', 'Their suggestion changed our design.'],
  ['cross-team/hard-conversation', 'After two meetings we landed on seven days of retention.'],
  ['post-incident-review/action-items', 'We came up with action items and I assigned owners to each.'],
  ['post-incident-review/!blame-or-spin', 'The root cause was a junior engineer who pushed a bad change.'],
  ['post-incident-review/!blame-or-spin', 'The action item asked their team to be more careful with config.'],
  ['post-incident-review/!performative-action-items', "I'm not sure what happened to those action items."],
  ['reliability-practice/safe-rollout', 'We ran the new logic in shadow mode for a week.'],
  ['reliability-practice/runbook', 'I put the rollback steps in the runbook.'],
  ['slo-tradeoffs/pushback', 'I said no and offered an async version instead.'],
];

describe('engineers\' own phrasings are recognised', () => {
  it.each(phrasings)('%s: %s', (ref, sentence) => {
    const [sig, id] = ref.split('/') as [SignalId, string];
    const s = score(sentence, sig);
    if (id.startsWith('!')) expect(s.redFlags.map((f) => f.id), describeResult(s)).toContain(id.slice(1));
    else expect(beatHit(s, id)?.hit, describeResult(s)).toBe(true);
  });
});

// One real sentence per beat: each must earn its beat (not hypothetically, not as salad).
const beatCases: [string, string][] = [
  ['story/specifics', 'The page came in at 2:47am on a Saturday, while I was asleep at home with my phone beside me.'],
  ['story/outcome', 'After that change, latency was back to baseline by the time the sun came up.'],
  ['story/takeaway', 'Since then I always start the project with a few days of quiet thinking about how it grows.'],
  ['story/ownership', 'I decided to rate-limit the queue myself.'],

  ['reliability-practice/daily-practice', 'Runbook changes are part of every feature pull request on my team.'],
  ['reliability-practice/pre-mortem', 'Before the schema change I wrote a pre-mortem with the team.'],
  ['reliability-practice/runbook', 'I updated the runbook with the drain steps when we shipped the worker.'],
  ['reliability-practice/alerts-actionable', 'I tuned the alerts so we only page when a customer is affected.'],
  ['reliability-practice/raised-concern', 'I raised the risk of a stuck consumer with my manager even though it was off the roadmap.'],
  ['reliability-practice/operability-basics', 'When I took the service over I added a dashboard for queue age.'],
  ['reliability-practice/safe-rollout', 'We canaried the change on 5% of traffic behind a feature flag.'],

  ['incident-judgement/confirmed-page', 'I confirmed the regression on the dashboards before touching anything.'],
  ['incident-judgement/structured-triage', 'I followed the triage runbook in order and ruled out the database first.'],
  ['incident-judgement/hypothesis', 'My hypothesis was a slow dependency, and the queue depth confirmed it.'],
  ['incident-judgement/names-tradeoff', 'The trade-off was integrity against speed of recovery.'],
  ['incident-judgement/escalation', 'About ten minutes in, once I was sure what I was seeing, I declared an incident from my phone.'],
  ['incident-judgement/communication', 'I communicated the decision to the incident-comms role and posted updates every 15 minutes.'],
  ['incident-judgement/mitigation', 'We rolled back the deploy to stop the bleeding.'],
  ['incident-judgement/followed-through', 'I led the circuit breaker work from the review in the following sprint.'],

  ['capacity-planning/scoping-stage', 'My manager agreed to give me the time, and I did the capacity work at the scoping stage, while the design was still on paper.'],
  ['capacity-planning/capacity-model', 'I built a capacity model that projected each dependency at peak.'],
  ['capacity-planning/headroom', 'The key-management service had 4x headroom at the projected peak.'],
  ['capacity-planning/failure-modes', 'I wrote a failure-mode analysis for each saturation point.'],
  ['capacity-planning/margin-load-test', 'To be safe I deliberately ran the load test well above what anyone expected for the launch.'],
  ['capacity-planning/specific-finding', 'The model surfaced a bottleneck in the session-write database.'],
  ['capacity-planning/changes-shipped', 'After going through the numbers with the team, I proposed moving the session writes onto a separate database.'],
  ['capacity-planning/peak-outcome', 'On the launch weekend the traffic peaked at 8.6x our old baseline, which was a bit under what we had expected.'],

  ['data-integrity/names-integrity-question', 'The question was which writes could be in flight during the copy.'],
  ['data-integrity/downstream-consumers', 'The trouble was that a finance job downstream read from that table every night to produce its reports.'],
  ['data-integrity/safer-path', 'The team wanted to move quickly, but I pushed for the harder but safer path, even though it was more work for us.'],
  ['data-integrity/cost-accepted', 'We accepted a four-hour maintenance window to do it offline.'],
  ['data-integrity/reversible', 'We kept the old table for a month so the migration stayed reversible.'],
  ['data-integrity/verification', 'We compared row counts and checksums between the old and new stores.'],
  ['data-integrity/clean-outcome', 'The cutover finished with zero mismatches.'],

  ['slo-tradeoffs/error-budget', 'We had 70% of the error budget left that month.'],
  ['slo-tradeoffs/spent-deliberately', 'I proposed we spend some of the budget deliberately on the daytime migration.'],
  ['slo-tradeoffs/held-budget', 'When the budget was nearly exhausted I froze feature releases for two weeks.'],
  ['slo-tradeoffs/pushback', 'I pushed back on the bulk-export request because of what it would cost the SLO.'],
  ['slo-tradeoffs/explicit-tradeoff', 'I walked everyone through it and argued that the customer benefit of shipping early was real.'],
  ['slo-tradeoffs/slo-calibration', 'We split the SLO into a more granular one per partner.'],
  ['slo-tradeoffs/shared-agreement', 'After a couple of long meetings, the product manager and I sat down and wrote the rules we would both follow.'],

  ['pager-empathy/noticed-unnecessary-pages', 'Most of the pages were noisy alerts that resolved on their own.'],
  ['pager-empathy/took-on-work', 'I audited every page from the last month.'],
  ['pager-empathy/encode-decision', 'I encoded the on-call decision into a circuit breaker.'],
  ['pager-empathy/actionable-pages', 'I deleted five alerts that never led to any action.'],
  ['pager-empathy/measured-reduction', 'Over the next two months the pages for the service dropped from about 35 a week to 3, which people noticed.'],
  ['pager-empathy/paging-metric', 'I track pages per week in our on-call handoff.'],
  ['pager-empathy/other-teams-pager', 'I scoped the retries carefully so that they did not wake the database team at night.'],

  ['cross-team/coordinated', 'I worked closely with the platform team on the migration plan.'],
  ['cross-team/partner-not-provider', 'This time I brought the platform team in early, while we were still sketching the design on a whiteboard.'],
  ['cross-team/understood-constraints', 'I asked about their constraints before proposing anything.'],
  ['cross-team/changed-decision', 'In that first meeting they pointed out a limit on their side that I had missed, and it changed our design.'],
  ['cross-team/hard-conversation', 'We disagreed on retention, so I wrote an options doc.'],
  ['cross-team/shared-ownership', 'Both teams ended up with a shared runbook for the cluster.'],
  ['cross-team/contributed', 'I sent the pull requests to their repo myself.'],

  ['post-incident-review/led-review', 'A few days after things calmed down, I led the post-incident review with everyone who had been involved.'],
  ['post-incident-review/contributing-factors', 'We listed the contributing factors, including the missing alert.'],
  ['post-incident-review/own-contribution', 'It was uncomfortable to say, but one of the reasons was my config change from the day before.'],
  ['post-incident-review/action-items', 'The review produced three action items and I owned two.'],
  ['post-incident-review/follow-through', 'I shipped both fixes in the next sprint and tracked the third to done.'],
  ['post-incident-review/long-term-improvement', 'The longer-term fix was a deploy guardrail across all services.'],
  ['post-incident-review/blameless', 'We ran it as a blameless review and kept it on the system.'],
];

describe('every beat is reachable from a real sentence', () => {
  it('the table covers every beat in the rubric', () => {
    const refs = [
      ...spec.storyBeats.map((b) => `story/${b.id}`),
      ...spec.signals.flatMap((s) => s.beats.map((b) => `${s.id}/${b.id}`)),
    ];
    expect(beatCases.map(([ref]) => ref).sort()).toEqual(refs.sort());
  });

  it.each(beatCases)('%s: %s', (ref, sentence) => {
    const [sig, beat] = ref.split('/') as [string, string];
    // two sentences, so the answer is a statement and story beats have an own beat to ride on
    const s =
      sig === 'story'
        ? score(`${sentence} About ten minutes in, once I was sure what I was seeing, I declared an incident and paged the incident manager from my phone.`, 'incident-judgement')
        : score(sentence, sig as SignalId);
    const b = beatHit(s, beat);
    expect(b?.hit, `${ref}: ${describeResult(s)}`).toBe(true);
    expect(b?.hypothetical ?? false, ref).toBe(false);
  });
});

/** A text built from the first alternative of each term: proves a pattern can match at all. */
function exemplar(p: PatternSpec): string {
  const source = typeof p === 'string' ? p : p.match;
  const words = source.split(/\s+/).map((term) => {
    const alt = term.split('|')[0]!;
    if (alt === '#num') return '12';
    if (alt === '#time') return '3am';
    // a name is capitalised and not the sentence's first word
    if (alt === '#name') return 'and Dave';
    const concept = /^\{([a-z0-9-]+)\}$/.exec(alt);
    if (concept) return spec.concepts[concept[1]!]![0]!.phrases[0]!;
    return alt.replace(/\*$/, '').replace(/-/g, ' ');
  });
  let body = words.join(' ');
  if (typeof p !== 'string' && p.negated) body = `we did not ${body}`;
  // a pattern bound to a time in the project is said at that time
  if (typeof p !== 'string' && p.time === 'late') body = `in the last week before launch ${body}`;
  if (typeof p !== 'string' && p.time === 'early') body = `in week one ${body}`;
  // a pattern told beside a partner has it said in the next sentence, or in its own when it must be
  if (typeof p !== 'string' && p.with !== undefined) body = `${body}${p.within === 0 ? ',' : '.'} ${exemplar(p.with)}`;
  return body;
}

describe('every pattern can match', () => {
  const all: [string, PatternSpec][] = [
    ...spec.storyBeats.flatMap((b) => b.patterns.map((p) => [`story/${b.id}`, p] as [string, PatternSpec])),
    ...spec.signals.flatMap((s) => [
      ...s.beats.flatMap((b) => b.patterns.map((p) => [`${s.id}/${b.id}`, p] as [string, PatternSpec])),
      ...s.redFlags.flatMap((f) => f.patterns.map((p) => [`${s.id}/!${f.id}`, p] as [string, PatternSpec])),
    ]),
  ];
  it('has patterns to check', () => expect(all.length).toBeGreaterThan(300));
  it('each pattern matches a sentence built from its own first alternatives', () => {
    const dead: string[] = [];
    for (const [ref, p] of all) {
      const compiled = compilePattern(p, rubric.lexicon);
      const text = exemplar(p);
      if (findMatches(analyze(text), compiled).length === 0) dead.push(`${ref}: ${JSON.stringify(p)} vs "${text}"`);
    }
    expect(dead).toEqual([]);
  });
});
