import type { RubricSpec } from '../../src/rubric/types.js';
import type { Scenario } from '../../src/scenario/types.js';
import { compileRubric } from '../../src/scoring/index.js';
import { createRound, prepareRound, step, type RoundContext } from '../../src/round/engine.js';
import type { Effect, RoundInput, RoundState } from '../../src/round/state.js';
import { parseInput } from '../../src/round/engine.js';

// A small rubric and small scenarios, so the engine's tables do not move when the real
// content is tuned.

export const rubricSpec: RubricSpec = {
  version: 1,
  scoring: { hypotheticalCredit: 0.5, levelThresholds: [1, 30, 55, 80], redFlagLevelCap: 1 },
  concepts: { partner: [{ source: 'test', phrases: ['partner', 'bank', 'downstream'] }] },
  storyBeats: [
    { id: 'outcome', label: 'Outcome', weight: 1, patterns: ['recovered|resolved|outcome'], probe: 'What was the outcome?', tip: 'Say how it ended.' },
  ],
  signals: [
    {
      id: 'incident-judgement',
      name: 'Incident judgement',
      description: 'triage',
      prompts: ['Walk me through a real 3am page.', 'Tell me about an incident you led.'],
      beats: [
        { id: 'triage', label: 'Structured triage', weight: 3, patterns: ['runbook', 'triage'], probe: 'How did you narrow it down?', tip: 'Name your triage steps.' },
        { id: 'escalation', label: 'Escalation', weight: 2, patterns: ['escalat*', 'page incident manager'], probe: 'Who did you pull in?', tip: 'Say when you escalated.' },
        { id: 'comms', label: 'Communication', weight: 1, patterns: ['stakeholder*', 'status update'], probe: 'Who did you keep informed?', tip: 'Say who you told.' },
      ],
      redFlags: [{ id: 'hero', label: 'Hero', weight: 20, patterns: ['all by myself'], why: 'Carrying it alone.' }],
    },
    {
      id: 'data-integrity',
      name: 'Data integrity',
      description: 'integrity',
      prompts: ['Tell me about a data-integrity call.'],
      beats: [
        { id: 'integrity', label: 'Names integrity', weight: 3, patterns: ['integrity', 'mismatch*', 'reconcil*'], probe: 'What could go wrong with the data?', tip: 'Name the integrity risk.' },
      ],
      redFlags: [],
    },
  ],
};

export const rubric = compileRubric(rubricSpec);

export const incidentScenario: Scenario = {
  id: 'tiny-page',
  kind: 'incident',
  title: 'Tiny page',
  minutes: 30,
  signals: ['incident-judgement', 'data-integrity'],
  summary: 'A small page for tests.',
  concepts: { 'my-partner': ['northbridge', 'partner', 'bank'] },
  phases: [
    {
      id: 'triage',
      title: 'The page',
      minutes: 20,
      mode: 'investigate',
      maxTurns: 10,
      prompt: 'You are paged. What do you do?',
      targets: ['incident-judgement/triage'],
      endWhen: { did: ['declare'], state: { partner: 'recovered' } },
      probes: [
        { id: 'fail-open-q', say: 'Do you fail open?', when: { revealed: ['queue'], notDid: ['fail-open', 'rate-limit'] }, targets: ['data-integrity/integrity'] },
        { id: 'tell-comms', say: 'What do you tell comms?', when: { did: ['declare'] } },
      ],
      followUps: [{ id: 'who-knows', say: 'Who else knows?', when: { turn: 4, notDid: ['declare'] } }],
    },
    { id: 'review', title: 'Review', minutes: 10, prompt: 'Walk me through the review.', targets: ['story/outcome', 'incident-judgement/comms'] },
  ],
  incident: {
    start: '02:47',
    day: 'Saturday',
    minutesPerTurn: 5,
    page: { source: 'PagerDuty', title: 'p95 latency high', text: 'auth p95 1.8 s', severity: 'high' },
    state: { partner: 'slow', rateLimited: false, failedOpen: false },
    panels: [
      {
        id: 'overview',
        title: 'Service overview',
        ask: ['dashboard*', 'latency'],
        views: [{ when: { state: { rateLimited: true } }, text: 'p95 690 ms and falling' }, { text: 'p95 1.8 s' }],
      },
      {
        id: 'queue',
        title: 'Partner queue',
        ask: ['queue depth', '{my-partner} integration'],
        views: [
          { when: { after: '03:25' }, text: 'queue draining' },
          { when: { state: { rateLimited: true } }, text: 'queue 140 steady' },
          { text: 'queue 4,800 growing' },
        ],
      },
      { id: 'db', title: 'Database', ask: ['database|db'], views: [{ text: 'db healthy' }] },
    ],
    actions: [
      { id: 'declare', title: 'Declare an incident', kind: 'declare', do: ['declare incident'], says: 'Incident declared.', set: { declared: true } },
      { id: 'rate-limit', title: 'Rate limit', kind: 'mitigate', do: ['rate limit'], says: 'Rate limit on.', again: 'Already on.', set: { rateLimited: true } },
      {
        id: 'fail-open',
        title: 'Fail open',
        kind: 'mitigate',
        do: ['fail open'],
        says: 'Failing open: latency drops.',
        set: { failedOpen: true },
      },
      {
        id: 'restart',
        title: 'Restart pods',
        kind: 'other',
        do: ['restart'],
        says: 'Pods restarted.',
        when: { revealed: ['overview'] },
        otherwise: 'Restart what? You have not looked at anything yet.',
      },
    ],
    events: [{ id: 'partner-recovers', at: '03:25', says: 'Northbridge recovers.', set: { partner: 'recovered' } }],
    fallbacks: ['No such dashboard.', 'Nothing shows that.'],
    checks: [
      { id: 'looked-first', signal: 'incident-judgement', label: 'Looked before acting', weight: 3, rule: { lookedFirst: 2 }, tip: 'Look first.' },
      {
        id: 'queue-before-mitigation',
        signal: 'incident-judgement',
        label: 'Queue before mitigating',
        weight: 2,
        rule: { revealedBefore: { panels: ['queue'], before: 'rate-limit' } },
        tip: 'Check the queue first.',
      },
      { id: 'declared-fast', signal: 'incident-judgement', label: 'Declared within 15 minutes', weight: 2, rule: { actedWithin: { kind: 'declare', minutes: 15 } }, tip: 'Declare early.' },
      { id: 'failed-open', signal: 'data-integrity', label: 'Failed open', weight: 30, rule: { did: 'fail-open' }, tip: '', redFlag: true, why: 'Authorised without the partner.' },
      { id: 'kept-integrity', signal: 'data-integrity', label: 'Did not fail open', weight: 2, rule: { didNot: 'fail-open' }, tip: 'Do not fail open.' },
    ],
  },
  wrapUp: 'Thanks, that is time.',
};

export const designScenario: Scenario = {
  id: 'tiny-design',
  kind: 'design',
  title: 'Tiny design',
  minutes: 45,
  signals: ['incident-judgement'],
  summary: 'design',
  phases: [
    {
      id: 'design',
      title: 'Design',
      minutes: 20,
      prompt: 'Design an authorisation service.',
      targets: ['incident-judgement/comms', 'incident-judgement/triage', 'incident-judgement/escalation'],
      followUps: [{ id: 'own-escalation', say: 'When would you escalate to the partner?', when: { missed: ['incident-judgement/escalation'] } }],
      probes: [
        { id: 'operate', say: 'How would you operate it?', targets: ['data-integrity/integrity'] },
        { id: 'skipped', say: 'Never asked.', when: { hit: ['story/outcome'] } },
        { id: 'capacity', say: 'How would you plan capacity?' },
      ],
    },
    { id: 'story', title: 'Story', minutes: 15, fromBank: 'incident-judgement', targets: ['story/outcome'] },
    { id: 'close', title: 'Close', minutes: 10, fromBank: 'incident-judgement' },
  ],
  wrapUp: 'That is the round.',
};

export const ctxOf = (s: Scenario): RoundContext => prepareRound(s, rubric);

export interface Played {
  state: RoundState;
  effects: Effect[];
  journal: { input: RoundInput; now: number }[];
}

/** Plays typed lines through the engine, `stepMs` of wall time per line. */
export function playLines(ctx: RoundContext, lines: string[], opts: { seed?: number; stepMs?: number; minutes?: number; untimed?: boolean } = {}): Played {
  const journal: Played['journal'] = [];
  const roundOpts: { seed: number; minutes?: number; untimed?: boolean } = { seed: opts.seed ?? 1 };
  if (opts.minutes !== undefined) roundOpts.minutes = opts.minutes;
  if (opts.untimed) roundOpts.untimed = true;
  let state = createRound(ctx, roundOpts);
  const effects: Effect[] = [];
  let now = 1_000_000;
  const feed = (input: RoundInput) => {
    journal.push({ input, now });
    const r = step(ctx, state, input, now);
    state = r.state;
    effects.push(...r.effects);
  };
  feed({ type: 'start' });
  for (const line of lines) {
    now += opts.stepMs ?? 60_000;
    const input = parseInput(line);
    if (input.type === 'unknown') continue;
    feed(input);
    if (state.status === 'over') break;
  }
  return { state, effects, journal };
}

export const lines = (p: Played, kind?: string) =>
  p.state.transcript.filter((e) => e.role !== 'candidate' && (!kind || e.kind === kind)).map((e) => e.text);
