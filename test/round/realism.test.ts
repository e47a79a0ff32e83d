import { describe, expect, it } from 'vitest';
import { finishRound } from '../../src/round/finish.js';
import type { Phase, Scenario } from '../../src/scenario/types.js';
import { ctxOf, playLines } from './fixtures.js';

// How a real interviewer behaves, in small inline scenarios: which answers earn a story's credit,
// and which follow-up (if any) comes after each answer.

function oneRound(kind: Scenario['kind'], phases: Phase[]): Scenario {
  return { id: 'inline', kind, title: 'Inline', minutes: 60, signals: ['incident-judgement'], summary: 'inline', phases };
}

describe('story phases: a hypothetical earns partial credit only where a real story is asked for', () => {
  const realIncident: Phase = {
    id: 'incident',
    title: 'A real incident',
    minutes: 10,
    prompt: 'Walk me through a real incident where the partner was slow.',
    targets: ['incident-judgement/escalation'],
  };
  const hypothetical = 'I have not been on call for this, but I would escalate to the incident manager.';
  const table: [string, Scenario['kind'], Partial<Phase>, boolean][] = [
    ['design phase asking for a real story, story: true', 'design', { story: true }, true],
    ['design phase by default', 'design', {}, false],
    ['incident-round answer phase with story: true', 'incident', { story: true }, true],
    ['fromBank phase of a design round by default', 'design', { prompt: undefined, fromBank: 'incident-judgement' }, true],
    ['behavioral phase by default', 'behavioral', {}, true],
    ['behavioral phase with story: false', 'behavioral', { story: false }, false],
  ];
  it.each(table)('%s → partial credit: %s', (_, kind, extra, partial) => {
    const phase: Phase = { ...realIncident, ...extra };
    if (extra.prompt === undefined && 'prompt' in extra) delete phase.prompt;
    const scenario = oneRound(kind, [phase]);
    if (kind === 'incident') {
      scenario.incident = {
        start: '02:00', minutesPerTurn: 5, page: { source: 'pager', title: 't', text: 't' }, state: {},
        panels: [{ id: 'p', title: 'P', ask: ['dashboard'], views: [{ text: 'ok' }] }], actions: [], events: [], fallbacks: ['no'],
      };
    }
    const ctx = ctxOf(scenario);
    const { report } = finishRound(ctx, playLines(ctx, [hypothetical]).state);
    const beat = report.signals.find((s) => s.id === 'incident-judgement')!.beats.find((b) => b.id === 'escalation')!;
    expect(beat.hit).toBe(true);
    expect(beat.hypothetical ?? false).toBe(partial);
  });

  it('the same real story scores the same either way; only "I would" loses credit', () => {
    const score = (story: boolean, line: string) => {
      const ctx = ctxOf(oneRound('design', [{ ...realIncident, story }]));
      return finishRound(ctx, playLines(ctx, [line]).state).report.signals.find((s) => s.id === 'incident-judgement')!.score;
    };
    const real = 'At 3am the partner slowed down and I escalated to the incident manager.';
    expect(score(true, real)).toBe(score(false, real));
    expect(score(true, hypothetical)).toBeLessThan(score(false, hypothetical));
  });
});

/** The interviewer's lines after the opening prompt, as kind:ref. */
function questions(phase: Phase, answers: string[]): string[] {
  const ctx = ctxOf(oneRound('design', [phase]));
  return playLines(ctx, answers)
    .state.transcript.filter((e) => e.role === 'interviewer' && e.kind !== 'wrapup')
    .slice(1)
    .map((e) => `${e.kind}:${e.ref}`);
}

const IJ = (beat: string) => `incident-judgement/${beat}`;
const designPhase = (extra: Partial<Phase>): Phase => ({ id: 'design', title: 'Design', minutes: 30, prompt: 'Design an authorisation service.', ...extra });

describe('a beat is followed up at most once per question', () => {
  const escalate = { id: 'own-escalation', say: 'When would you escalate?', when: { missed: [IJ('escalation')] } };
  const table: [string, Partial<Phase>, string[], string[]][] = [
    [
      "the phase's own follow-up, then not the rubric's probe for the same beat: on to the next probe",
      { targets: [IJ('escalation')], followUps: [escalate], probes: [{ id: 'next', say: 'And capacity?' }] },
      ['Servers.', 'More servers.', 'Fine.'],
      ['followup:own-escalation', 'probe:next'],
    ],
    [
      'on to the next missed target',
      { targets: [IJ('escalation'), IJ('comms')], followUps: [escalate] },
      ['Servers.', 'More servers.', 'Fine.'],
      ['followup:own-escalation', 'followup:beat:incident-judgement/comms'],
    ],
    [
      'a second angle on the same beat waits for another question',
      {
        targets: [IJ('escalation')],
        followUps: [escalate, { id: 'who-first', say: 'Who is the first person you call?', when: { missed: [IJ('escalation')] } }],
        probes: [{ id: 'again', say: 'The partner is down now. What then?', targets: [IJ('escalation')] }],
      },
      ['Servers.', 'More servers.', 'Wait.', 'Still wait.'],
      ['followup:own-escalation', 'probe:again', 'followup:who-first'],
    ],
    [
      'a follow-up aimed at two beats counts for both',
      { targets: [IJ('escalation'), IJ('comms')], followUps: [{ id: 'both', say: 'Who did you call and tell?', when: { missed: [IJ('escalation'), IJ('comms')] } }] },
      ['Servers.', 'More servers.'],
      ['followup:both'],
    ],
    [
      'the fallback is aimed at no beat: it may still follow while targets are missed',
      { targets: [IJ('escalation')], followUps: [escalate, { id: 'least-sure', fallback: true, say: 'Which part are you least sure about?' }] },
      ['Servers.', 'More servers.', 'Fine.'],
      ['followup:own-escalation', 'followup:least-sure'],
    ],
  ];
  it.each(table)('%s', (_, extra, answers, expected) => {
    expect(questions(designPhase(extra), answers)).toEqual(expected);
  });
});

describe('follow-ups belong to the current question', () => {
  const integrity = 'data-integrity/integrity';
  const escalate = { id: 'own-escalation', say: 'When would you escalate?', when: { missed: [IJ('escalation')] } };
  const reconcile = { id: 'reconcile', say: 'How would you find the mismatched payments?', when: { missed: [integrity] } };
  const dig = { id: 'dig', say: 'You said runbook: who wrote it?', when: { hit: [IJ('triage')] } };
  const fallback = { id: 'least-sure', fallback: true, say: 'Which part are you least sure about?' };
  const table: [string, Partial<Phase>, string[], string[]][] = [
    [
      "not after an opening answer that hit all the prompt's targets, although its beat is missed",
      { targets: [IJ('triage')], followUps: [reconcile], probes: [{ id: 'data', say: 'What about the data?', targets: [integrity] }] },
      ['I would start from the runbook.', 'No idea.', 'Still no idea.'],
      ['probe:data', 'followup:reconcile'],
    ],
    [
      'not before the probe it is aimed at',
      {
        targets: [IJ('triage')],
        followUps: [reconcile],
        probes: [
          { id: 'ops', say: 'How would you operate it?', targets: [IJ('escalation')] },
          { id: 'data', say: 'What about the data?', targets: [integrity] },
        ],
      },
      ['Runbook.', 'Escalate to the incident manager.', 'No idea.'],
      ['probe:ops', 'probe:data', 'followup:reconcile'],
    ],
    [
      "not after a probe aimed elsewhere, while the prompt's beat is still missed",
      {
        targets: [IJ('escalation'), IJ('triage')],
        maxFollowUps: 1,
        followUps: [escalate, { id: 'own-triage', say: 'How would you narrow it down?', when: { missed: [IJ('triage')] } }],
        probes: [{ id: 'data', say: 'What about the data?', targets: [integrity] }, { id: 'end', say: 'Anything else?' }],
      },
      ['Servers.', 'More servers.', 'We reconcile nightly.', 'No.'],
      ['followup:own-triage', 'probe:data', 'probe:end'],
    ],
    [
      'one with no missed condition keeps being asked when it holds',
      { targets: [IJ('triage')], followUps: [dig], probes: [{ id: 'data', say: 'What about the data?', targets: [integrity] }] },
      ['I would start from the runbook.', 'Me.', 'We reconcile nightly.'],
      ['followup:dig', 'probe:data'],
    ],
    [
      'the fallback only while the current question misses a target',
      { targets: [IJ('triage')], followUps: [fallback], probes: [{ id: 'data', say: 'What about the data?', targets: [integrity] }] },
      ['I would start from the runbook.', 'Servers.', 'Hmm.', 'Hmm.'],
      ['probe:data', 'followup:beat:data-integrity/integrity', 'followup:least-sure'],
    ],
  ];
  it.each(table)('%s', (_, extra, answers, expected) => {
    expect(questions(designPhase(extra), answers)).toEqual(expected);
  });
});

describe('a fully answered probe draws no follow-up', () => {
  const integrity = 'data-integrity/integrity';
  const dig = { id: 'dig', say: 'You said runbook: who wrote it?', when: { hit: [IJ('triage')] } };
  const fallback = { id: 'least-sure', fallback: true, say: 'Which part are you least sure about?' };
  const data = { id: 'data', say: 'What about the data?', targets: [integrity] };
  const next = { id: 'next', say: 'And capacity?' };
  const table: [string, Partial<Phase>, string[], string[]][] = [
    [
      'a follow-up on another condition waits: the probe was answered',
      { targets: [IJ('escalation')], followUps: [dig, fallback], probes: [data, next] },
      ['We escalate to the incident manager.', 'We run the runbook and reconcile mismatches nightly.'],
      ['probe:data', 'probe:next'],
    ],
    [
      'answered on its follow-up: nothing more is asked about it, neither fallback nor other conditions',
      { targets: [IJ('escalation')], followUps: [dig, fallback], probes: [data, next] },
      ['We escalate to the incident manager.', 'Servers.', 'We run the runbook and reconcile mismatches nightly.'],
      ['probe:data', 'followup:beat:data-integrity/integrity', 'probe:next'],
    ],
    [
      'after the opening prompt and a probe with no targets, a held condition is still followed up',
      { targets: [IJ('escalation')], followUps: [dig], probes: [next, data] },
      ['We escalate to the incident manager.', 'We follow the runbook.', 'We reconcile nightly.'],
      ['probe:next', 'followup:dig', 'probe:data'],
    ],
  ];
  it.each(table)('%s', (_, extra, answers, expected) => {
    expect(questions(designPhase(extra), answers)).toEqual(expected);
  });
});
