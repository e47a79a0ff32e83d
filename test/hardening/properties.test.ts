import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue, loadRubric, parseContent, contentKindOf } from '../../src/content/index.js';
import { rubricFromDocument, scenarioFromDocument } from '../../src/content/load.js';
import { createRound, parseInput, prepareRound, step, type RoundContext } from '../../src/round/engine.js';
import type { RoundInput, RoundState } from '../../src/round/state.js';
import { ROUND_COMMANDS } from '../../src/round/state.js';
import { compileRubric, type CompiledRubric } from '../../src/scoring/index.js';
import type { RubricSpec } from '../../src/rubric/types.js';
import type { Scenario } from '../../src/scenario/types.js';

// Properties over random input: the content loader reports problems instead of throwing, and the
// round engine never throws, keeps its state plain JSON, and replays deterministically.

const yamlish = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc
    .array(
      fc.oneof(
        fc.constantFrom('id: x', 'kind: incident', 'kind: design', 'phases:', '  - id: a', '    minutes: 5', 'signals: [cross-team]', '&a [1]', '*a', '- ', '? ', ': ', '"', "'", '{', '[', '!!binary', '%YAML 1.2', '---', '...', '\t', '#', '|', '>'),
        fc.string({ maxLength: 20 }),
      ),
      { maxLength: 20 },
    )
    .map((parts) => parts.join('\n')),
);

/** Any JSON-ish value: what a YAML file can parse to. */
const anyValue = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.string({ maxLength: 12 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), tie('list'), tie('map')),
  list: fc.array(tie('value'), { maxLength: 4 }),
  map: fc.dictionary(fc.constantFrom('id', 'kind', 'title', 'minutes', 'signals', 'phases', 'probes', 'incident', 'storyBeats', 'scoring', 'concepts', 'samples', 'x'), tie('value'), { maxKeys: 6 }),
})).value;

/** A scenario-shaped object with random holes and wrong types in it. */
const scenarioish = fc.record(
  {
    id: fc.oneof(fc.constant('random-round'), anyValue),
    kind: fc.oneof(fc.constantFrom('design', 'incident', 'behavioral'), anyValue),
    title: fc.oneof(fc.constant('Random'), anyValue),
    minutes: fc.oneof(fc.integer({ min: -5, max: 90 }), anyValue),
    signals: fc.oneof(fc.constant(['cross-team']), anyValue),
    summary: fc.oneof(fc.constant('A round.'), anyValue),
    phases: fc.oneof(fc.array(fc.record({ id: fc.string({ maxLength: 6 }), title: anyValue, minutes: anyValue, prompt: anyValue }, { requiredKeys: [] }), { maxLength: 3 }), anyValue),
    incident: anyValue,
  },
  { requiredKeys: [] },
);

let rubric: RubricSpec;
let compiled: CompiledRubric;
let scenarios: Scenario[];

beforeAll(async () => {
  rubric = (await loadRubric()).rubric;
  compiled = compileRubric(rubric);
  scenarios = (await loadCatalogue({ env: {} })).scenarios.map((s) => s.scenario);
});

/** Runs the loader the way validate does: parse, then check as the kind it looks like. */
function load(text: string): unknown[] {
  const doc = parseContent('random.yaml', text);
  if (contentKindOf(doc.value) === 'rubric') return rubricFromDocument(doc).problems;
  return scenarioFromDocument(doc, rubric).problems;
}

describe('the content loader never throws', () => {
  it('on random YAML-ish text', () => {
    fc.assert(
      fc.property(yamlish, (text) => {
        const problems = load(text);
        expect(Array.isArray(problems)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const doc = parseContent('random.yaml', bytes);
        expect(doc.value !== undefined || doc.problems.length > 0).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('on random objects, reporting problems with positions for anything that is not a valid scenario', () => {
    fc.assert(
      fc.property(scenarioish, (value) => {
        const problems = load(JSON.stringify(value)) as { line: number; col: number; message: string }[];
        for (const p of problems) {
          expect(p.line).toBeGreaterThanOrEqual(1);
          expect(p.col).toBeGreaterThanOrEqual(1);
          expect(p.message).not.toMatch(/\n/);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('on random objects dressed as a rubric', () => {
    fc.assert(
      fc.property(anyValue, anyValue, anyValue, (signals, storyBeats, scoring) => {
        expect(Array.isArray(load(JSON.stringify({ version: 1, signals, storyBeats, scoring })))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

// ---- the round engine ----

const slash = fc.constantFrom(...ROUND_COMMANDS.map((c) => `/${c}`), '/', '/nope', '/END', '/skip now', '/time?');
const phrase = fc.constantFrom(
  'check the queue depth on the partner integration',
  'declare an incident and page the incident manager',
  'rate limit new authorisations',
  'fail open',
  'I would look at the dashboards',
  'roll back the deploy',
  'post an update to incident comms',
  'we measured p99 latency and set an SLO',
);
const line = fc.oneof(phrase, slash, fc.string({ maxLength: 60 }), fc.constant(''), fc.constant('\u001b[2J\u0007\r\u202e'));

/** Lines as the round loop would feed them, or the clock ticking. */
type Move = { kind: 'line'; text: string } | { kind: 'tick' };
const move: fc.Arbitrary<Move> = fc.oneof(
  { weight: 5, arbitrary: line.map((text) => ({ kind: 'line' as const, text })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'tick' as const }) },
);
/** Wall-clock offsets: mostly forward, sometimes backwards, huge, or not finite. */
const nowStep = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 10 * 60_000 }) },
  { weight: 1, arbitrary: fc.integer({ min: -60_000, max: 0 }) },
  { weight: 1, arbitrary: fc.constantFrom(0, 24 * 3600_000, 365 * 24 * 3600_000) },
);

function toInput(m: Move): RoundInput | undefined {
  if (m.kind === 'tick') return { type: 'tick' };
  const input = parseInput(m.text);
  return input.type === 'unknown' ? undefined : input;
}

function play(ctx: RoundContext, seed: number, untimed: boolean, moves: Move[], steps: number[], close: boolean): RoundState[] {
  const t0 = 1_700_000_000_000;
  let state = createRound(ctx, untimed ? { seed, untimed } : { seed });
  const states: RoundState[] = [];
  let now = t0;
  state = step(ctx, state, { type: 'start' }, now).state;
  states.push(state);
  moves.forEach((m, i) => {
    now += steps[i % steps.length] ?? 0;
    const input = toInput(m);
    if (!input || state.status === 'over') return;
    state = step(ctx, state, input, now).state;
    states.push(state);
  });
  if (close && state.status !== 'over') states.push(step(ctx, state, { type: 'close' }, now).state);
  return states;
}

describe('the round engine on random input, for every built-in scenario', () => {
  it('never throws, keeps its state JSON-serialisable, and replays to the same states', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(3);
    for (const scenario of scenarios) {
      const ctx = prepareRound(scenario, compiled);
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: 2 ** 31 - 1 }),
          fc.boolean(),
          fc.array(move, { maxLength: 12 }),
          fc.array(nowStep, { minLength: 1, maxLength: 12 }),
          fc.boolean(),
          (seed, untimed, moves, steps, close) => {
            const states = play(ctx, seed, untimed, moves, steps, close);
            for (const s of states) expect(JSON.parse(JSON.stringify(s))).toEqual(s);
            expect(play(ctx, seed, untimed, moves, steps, close)).toEqual(states);
          },
        ),
        { numRuns: 15, seed: 20261128 },
      );
    }
  });

  it('takes a 1 MB turn in one step, in reasonable time', () => {
    const scenario = scenarios.find((s) => s.id === 'payment-auth-3am')!;
    const ctx = prepareRound(scenario, compiled);
    const big = 'I checked the queue depth on the partner integration and declared an incident. '.repeat(13_000);
    let state = step(ctx, createRound(ctx, { seed: 1 }), { type: 'start' }, 0).state;
    const t = performance.now();
    state = step(ctx, state, { type: 'turn', text: big }, 90_000).state;
    expect(performance.now() - t).toBeLessThan(10_000);
    expect(state.status).not.toBe('new');
  });
});

// escape sequences and controls a hostile pack or answer might hold
const nasty = fc.constantFrom('\u001b[6n', '\u001b]52;c;ZXZpbA==\u0007', '\u001b]0;title\u001b\\', '\u009b31m', '\u202e', '\u2066', '\u0000', '\r', '\u0007', '\u001bP1$r\u001b\\', '\u001b[2J', '\u001b');
const hostile = fc.array(fc.oneof(nasty, fc.string({ maxLength: 8 })), { maxLength: 12 }).map((parts) => parts.join(''));
/** A short unit repeated up to 20,000 times: "I I I …", ". . .", runs of spaces. */
const repetitive = fc.tuple(fc.oneof(fc.constantFrom('I ', ' ', '. ', '12:30 ', 'not ', 'on-call-', '\n', 'a', 'by default '), fc.string({ minLength: 1, maxLength: 4 })), fc.integer({ min: 1, max: 20_000 })).map(([unit, n]) => unit.repeat(n));

describe('scoring, journals and saved rounds on hostile input', () => {
  it('scoring never throws on random bytes, NUL, escapes and huge repetitive text', async () => {
    const { scoreText } = await import('../../src/scoring/index.js');
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b).toString('latin1')), hostile, repetitive), (text) => {
        const report = scoreText(text, compiled);
        expect(report.signals).toHaveLength(8);
      }),
      { numRuns: 60, seed: 20261206 },
    );
  });

  it('a journal of random bytes or lines is parsed, never thrown on', async () => {
    const { parseJournal } = await import('../../src/io/journal.js');
    const line = fc.oneof(fc.string({ maxLength: 40 }), anyValue.map((v) => JSON.stringify(v)), anyValue.map((v) => JSON.stringify({ type: 'start', scenario: v, id: v, seed: v, startedAt: v })), anyValue.map((v) => JSON.stringify({ type: 'effect', entry: v })));
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b).toString('utf8')), fc.array(line, { maxLength: 8 }).map((l) => l.join('\n'))), (text) => {
        const j = parseJournal(text);
        expect(Array.isArray(j.problems)).toBe(true);
        if (j.start) expect(typeof j.start.scenario.title).toBe('string');
        for (const e of j.transcript) expect(typeof e.text).toBe('string');
      }),
      { numRuns: 300 },
    );
  });

  it('a saved record of any shape is checked, never thrown on', async () => {
    const { savedProblem } = await import('../../src/io/saved-schema.js');
    fc.assert(
      fc.property(anyValue, anyValue, anyValue, (scenario, transcript, debrief) => {
        const problem = savedProblem('record', { version: 1, id: 'x', startedAt: 't', status: 'complete', scenario, transcript, debrief });
        expect(problem === undefined || (typeof problem === 'string' && !problem.includes('\n'))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('output is terminal-safe whatever it holds, keeping only colour when colour is on', async () => {
    const { terminalSafe } = await import('../../src/io/output.js');
    fc.assert(
      fc.property(fc.oneof(hostile, fc.string({ maxLength: 60 })), (text) => {
        expect(terminalSafe(text, false)).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
        expect(terminalSafe(text, true).replace(/\u001b\[[0-9;]*m/g, '')).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
      }),
      { numRuns: 500 },
    );
  });

  it('escapes in every string field of every built-in scenario load and play', () => {
    for (const scenario of scenarios) {
      fc.assert(
        fc.property(hostile, (evil) => {
          // every string: ids and references are refused, never thrown on
          expect(Array.isArray(scenarioFromDocument(parseContent('evil.yaml', JSON.stringify(poisonStrings(scenario, evil))), rubric).problems)).toBe(true);
          // every prose string: the scenario loads and plays
          const loaded = scenarioFromDocument(parseContent('evil.yaml', JSON.stringify(poisonStrings(scenario, evil, PROSE_KEYS))), rubric);
          expect(loaded.problems).toEqual([]);
          {
            const ctx = prepareRound(loaded.loaded!.scenario, compiled);
            let state = step(ctx, createRound(ctx, { seed: 1 }), { type: 'start' }, 0).state;
            state = step(ctx, state, { type: 'turn', text: `${evil} I checked the dashboards` }, 60_000).state;
            expect(JSON.parse(JSON.stringify(state))).toEqual(state);
          }
        }),
        { numRuns: 5, seed: 20261206 },
      );
    }
  });
});

const PROSE_KEYS = new Set('title summary prompt say text note says again otherwise label tip why what expected wrapUp day source'.split(' '));

/** The scenario with `evil` put in front of every string under `keys` (every string when absent). */
function poisonStrings(value: unknown, evil: string, keys?: Set<string>, key = ''): unknown {
  if (typeof value === 'string') return !keys || keys.has(key) ? evil + value : value;
  if (Array.isArray(value)) return value.map((v) => poisonStrings(v, evil, keys, key));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, poisonStrings(v, evil, keys, k)]));
  return value;
}
