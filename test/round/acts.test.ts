import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAction, readClauses, VALUE_UNITS } from '../../src/language/index.js';
import { createRound, step } from '../../src/round/engine.js';
import { evaluateChecks } from '../../src/round/path.js';
import type { Scenario } from '../../src/scenario/types.js';
import { ctxOf, incidentScenario, playLines } from './fixtures.js';

// What a turn does in an incident round: the value the candidate names is the value applied (and
// what follows is the scenario's case for it), every act the turn commits to is played in the
// order said, and two acts that pull opposite ways are not both played.

const base = incidentScenario.incident!;
const scenario: Scenario = {
  ...incidentScenario,
  incident: {
    ...base,
    state: { ...base.state, queueGap: false },
    panels: [
      ...base.panels,
      {
        id: 'limits',
        title: 'Limits',
        ask: ['limits|config'],
        views: [
          { when: { state: { queueGap: true } }, text: 'max_new_rps {value cap} (too low: merchants turned away)' },
          { when: { state: { rateLimited: true } }, text: 'max_new_rps {value cap}' },
          { text: 'max_new_rps unlimited (runbook: {value cap})' },
        ],
      },
    ],
    actions: [
      ...base.actions,
      {
        id: 'cap',
        title: 'Cap new authorisations',
        kind: 'mitigate',
        do: ['cap authorisations'],
        says: 'max_new_rps set to {value}.',
        again: 'The cap is already {value}.',
        set: { rateLimited: true },
        value: {
          name: 'the cap on new authorisations',
          unit: 'per-second',
          default: '800/s',
          state: 'capRps',
          cases: [
            { below: 500, says: 'max_new_rps set to {value}: most merchants now get 429s.', set: { queueGap: true } },
            { atLeast: 500, atMost: 1000 },
            { atLeast: 1150, says: 'max_new_rps set to {value}: above demand, nothing is held back.', set: { rateLimited: false } },
          ],
        },
      },
      { id: 'lift', title: 'Lift the limits', kind: 'mitigate', do: ['lift limits'], says: 'Limits lifted.', set: { rateLimited: false } },
      { id: 'scale', title: 'Scale out', kind: 'mitigate', do: ['scale out'], says: 'Scaled out to 20 pods.', set: { scaled: true } },
    ],
  },
};
const ctx = ctxOf(scenario);
const said = (lines: string[]) => playLines(ctx, lines).state.transcript.filter((e) => e.role !== 'candidate' && e.kind !== 'page' && e.ref !== 'clock');
const system = (lines: string[]) => said(lines).filter((e) => e.role === 'system').map((e) => `${e.ref}: ${e.text}`);

describe('a value the candidate names is read with its unit', () => {
  const value = (text: string) => {
    const c = readClauses(text)[0]!;
    return readAction({ ...c, mood: 'act', verb: c.words[0]!.norm })?.value;
  };
  it.each([
    ['set retention to 24 hours', { number: 24, unit: 'hours', led: true }],
    ['set retention to 2d', { number: 2, unit: 'days', led: true }],
    ['lower retention to a day', { number: 1, unit: 'days', led: true }],
    ['lower retention to two days', { number: 2, unit: 'days', led: true }],
    ['cap authorisations at 800 per second', { number: 800, unit: 'per-second', led: true }],
    ['cap authorisations at 800/s', { number: 800, unit: 'per-second', led: true }],
    ['lower retention from 7 days to 30 hours', { number: 30, unit: 'hours', led: true }],
    ['set max_new_rps to 1,000', { number: 1000, led: true }],
    ['add 6 pods', { number: 6 }],
  ])('%s', (text, expected) => {
    expect(value(text)).toMatchObject(expected);
  });
  it('a number with a suffix that is no unit is no value', () => {
    expect(value('scale out 10x')).toBeUndefined();
  });
  it('the schema offers exactly the units the language reads', () => {
    const schema = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'schemas', 'scenario.schema.json'), 'utf8')) as {
      definitions: { actionValue: { properties: { unit: { enum: string[] } } } };
    };
    expect(schema.definitions.actionValue.properties.unit.enum.sort()).toEqual(Object.keys(VALUE_UNITS).sort());
  });
});

describe('the value named is the value applied', () => {
  it.each([
    ['the runbook value when none is named', 'cap authorisations', 'cap: max_new_rps set to 800/s.', 'max_new_rps 800/s'],
    ['the value named, in its own unit', 'cap authorisations at 600 per second', 'cap: max_new_rps set to 600/s.', 'max_new_rps 600/s'],
    ['converted when named per minute', 'cap authorisations at 36,000 per minute', 'cap: max_new_rps set to 36,000/min.', 'max_new_rps 36,000/min'],
    ['a bare number in the scenario unit', 'cap authorisations at 700', 'cap: max_new_rps set to 700/s.', 'max_new_rps 700/s'],
    [
      'a value whose case has a consequence',
      'cap authorisations at 300 per second',
      'cap: max_new_rps set to 300/s: most merchants now get 429s.',
      'max_new_rps 300/s (too low: merchants turned away)',
    ],
    [
      'a value whose case holds nothing back',
      'cap authorisations at 2,000 per second',
      'cap: max_new_rps set to 2,000/s: above demand, nothing is held back.',
      'max_new_rps unlimited (runbook: 2,000/s)',
    ],
  ])('%s', (_name, line, reply, board) => {
    const out = system([line, 'show me the limits']);
    expect(out[0]).toBe(reply);
    expect(out.find((l) => l.startsWith('limits: '))).toBe(`limits: ${board}`);
  });

  it('keeps the value in the state, and a case sets its own consequences', () => {
    const { state } = playLines(ctx, ['cap authorisations at 300 per second']);
    expect(state.incident!.state).toMatchObject({ capRps: 300, queueGap: true, rateLimited: true });
    expect(state.incident!.values).toEqual({ cap: '300/s' });
  });

  it.each([
    ['a value between the cases', 'cap authorisations at 1,100 per second', /^cap: Cap new authorisations to 1,100\/s: this round models the cap on new authorisations at under 500\/s, 500\/s to 1,000\/s or 1,150\/s and over, so nothing was changed\. Name a value it models to go ahead\.$/],
    ['a value of another measure', 'cap authorisations at 5 hours', /^cap: Cap new authorisations to 5 h: the cap on new authorisations is a rate, and 5 h is not, so nothing was changed\. Name it as a rate to go ahead\.$/],
  ])('is refused, never swapped, when the scenario does not model it: %s', (_name, line, reply) => {
    const { state } = playLines(ctx, [line]);
    expect(system([line])[0]).toMatch(reply);
    expect(state.incident!.did).not.toContain('cap');
    expect(state.incident!.state.rateLimited).toBe(false);
    expect(state.incident!.path.at(-1)).toMatchObject({ kind: 'refused', ref: 'cap' });
  });

  it('the same value again is said as again; a new value is applied and kept on the path', () => {
    expect(system(['cap authorisations at 600 per second', 'cap authorisations at 600 per second'])[1]).toBe('cap: The cap is already 600/s.');
    const { state } = playLines(ctx, ['cap authorisations at 600 per second', 'cap authorisations at 300 per second']);
    expect(state.incident!.state).toMatchObject({ capRps: 300, queueGap: true });
    expect(state.incident!.path.filter((p) => p.ref === 'cap').map((p) => p.result)).toEqual([
      'max_new_rps set to 600/s.',
      'max_new_rps set to 300/s: most merchants now get 429s.',
    ]);
  });

  it('a value named for an action that takes none is said back, not silently dropped', () => {
    const out = system(['rate limit to 650']);
    expect(out[0]).toBe('rate-limit: Rate limit on.');
    expect(out[1]).toBe('value-not-modelled: This round has no setting for the 650 you named here: what happened is what the line above says.');
  });
});

describe('every act a turn commits to is played, in the order said', () => {
  it.each([
    ['three actions', "I'm going to declare an incident and scale out and cap authorisations.", ['declare', 'scale', 'cap']],
    ['the same three, said the other way round', "I'm going to cap authorisations and scale out and declare an incident.", ['cap', 'scale', 'declare']],
    ['a look, then an action', "I'll check the queue depth, then rate limit.", ['queue', 'rate-limit']],
    ['an action, then a look', "I'll rate limit, then check the queue depth.", ['rate-limit', 'queue']],
    ['an act said to come first comes first', "I'll check the queue depth, but I'll rate limit first.", ['rate-limit', 'queue']],
  ])('%s', (_name, line, order) => {
    const { state } = playLines(ctx, [line]);
    expect(state.incident!.path.map((p) => p.ref)).toEqual(order);
    const replies = state.transcript.filter((e) => e.role === 'system' && (e.kind === 'action' || e.kind === 'panel')).map((e) => e.ref);
    expect(replies).toEqual(order);
  });

  it.each([
    ['a verb of the scenario that named nothing it knows is said back', "I'll scale out, and I'll lift the queue.", ['Lift the limits']],
    ['a noun shared by chance, under a verb the scenario does not know, is not', "I'll scale out, and I'll ack the pods alert.", []],
  ])('%s', (_name, line, suggested) => {
    const { state } = playLines(ctx, [line]);
    expect(state.incident!.path.filter((p) => p.kind !== 'unmatched' && p.kind !== 'asked').map((p) => p.ref)).toEqual(['scale']);
    expect(state.incident!.path.filter((p) => p.kind === 'unmatched')).toHaveLength(suggested.length);
    const backs = state.transcript.filter((e) => e.ref === 'did-you-mean').map((e) => e.text);
    expect(backs).toHaveLength(suggested.length);
    suggested.forEach((title, i) => expect(backs[i]).toMatch(new RegExp(`Did you mean: ${title.toLowerCase()}`)));
  });

  it('the path keeps the order said, so a look before a mitigation in one turn counts as first', () => {
    const looked = playLines(ctx, ["I'll check the queue depth, then rate limit."]).state.incident!;
    const acted = playLines(ctx, ["I'll rate limit, then check the queue depth."]).state.incident!;
    const check = (inc: typeof looked) => evaluateChecks(scenario, inc).find((f) => f.beat?.id === 'queue-before-mitigation')!.beat!.hit;
    expect(check(looked)).toBe(true);
    expect(check(acted)).toBe(false);
  });

  it('two acts that pull opposite ways: the first is taken, and the interviewer says which and why', () => {
    const { state } = playLines(ctx, ["I'm going to cap authorisations and lift limits."]);
    expect(state.incident!.did).toEqual(['cap']);
    expect(state.incident!.state.rateLimited).toBe(true);
    const note = state.transcript.find((e) => e.ref === 'conflict')!;
    expect(note.role).toBe('interviewer');
    expect(note.text).toBe(
      'You said "I\'m going to cap authorisations" and "lift limits": they pull the system opposite ways, so I took the first you said: cap new authorisations. Say the other on its own if you mean it.',
    );
    expect(state.incident!.path.map((p) => [p.kind, p.ref])).toEqual([
      ['did', 'cap'],
      ['refused', 'lift'],
    ]);
  });

  it('two values for one action: the first is applied and the interviewer says so', () => {
    const { state } = playLines(ctx, ['cap authorisations at 600 per second, no, cap authorisations at 300 per second']);
    expect(state.incident!.state.capRps).toBe(600);
    expect(state.transcript.find((e) => e.ref === 'conflict')?.text).toMatch(/you gave the cap on new authorisations two values \(600\/s and 300\/s\); I applied the first, 600\/s\./);
  });

  it('acts that do not conflict are all played, even when one sets what another already set the same way', () => {
    const { state } = playLines(ctx, ['rate limit and cap authorisations at 600 per second']);
    expect(state.incident!.did).toEqual(['rate-limit', 'cap']);
    expect(state.transcript.some((e) => e.ref === 'conflict')).toBe(false);
  });

  it('a journal of the turns replays to the same transcript, step for step', () => {
    const played = playLines(ctx, [
      "I'm going to declare an incident and scale out and cap authorisations at 300 per second.",
      'show me the limits',
      "I'm going to cap authorisations and lift limits.",
      'cap authorisations at 5 hours',
    ]);
    let state = createRound(ctx, { seed: 1 });
    for (const { input, now } of played.journal) state = step(ctx, state, input, now).state;
    expect(state).toEqual(played.state);
  });
});
