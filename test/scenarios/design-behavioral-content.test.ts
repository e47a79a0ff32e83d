import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkScenarioFile } from '../../src/content/index.js';
import { createRound, parseInput, prepareRound, step, type RoundContext } from '../../src/round/engine.js';
import { finishRound } from '../../src/round/finish.js';
import type { RoundState } from '../../src/round/state.js';
import type { TranscriptEntry } from '../../src/round/transcript.js';
import { SIGNAL_IDS, type RubricSpec } from '../../src/rubric/types.js';
import type { Scenario, ScenarioSample } from '../../src/scenario/types.js';
import { analyze, compileRubric, hitBeats, type CompiledRubric } from '../../src/scoring/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const scenariosDir = join(root, 'scenarios');
const rubricFile = join(root, 'rubrics', 'backend-signals.yaml');

/** The design and behavioral rounds this file checks (and the kind each must be). */
const rounds: [file: string, kind: 'design' | 'behavioral'][] = [
  ['payment-auth-design.yaml', 'design'],
  ['telemetry-ingestion-design.yaml', 'design'],
  ['rate-limiter-design.yaml', 'design'],
  ['hiring-manager-backend.yaml', 'behavioral'],
  ['capacity-launch-behavioral.yaml', 'behavioral'],
  ['post-incident-review-behavioral.yaml', 'behavioral'],
  ['cross-team-platform-behavioral.yaml', 'behavioral'],
];
const present = rounds.filter(([file]) => existsSync(join(scenariosDir, file)));

const schema = JSON.parse(readFileSync(join(root, 'schemas', 'scenario.schema.json'), 'utf8')) as object;
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

function readScenario(file: string): { text: string; scenario: Scenario } {
  const text = readFileSync(join(scenariosDir, file), 'utf8');
  return { text, scenario: parse(text) as Scenario };
}

interface RubricBeats {
  signals: { id: string; beats: { id: string }[] }[];
  storyBeats: { id: string }[];
}

/** Every beat ref the rubric defines, or null while the rubric is not written yet. */
function rubricBeatRefs(): Set<string> | null {
  if (!existsSync(rubricFile)) return null;
  const rubric = parse(readFileSync(rubricFile, 'utf8')) as RubricBeats;
  const refs = new Set<string>();
  for (const signal of rubric.signals ?? []) for (const beat of signal.beats ?? []) refs.add(`${signal.id}/${beat.id}`);
  for (const beat of rubric.storyBeats ?? []) refs.add(`story/${beat.id}`);
  return refs;
}

/** All beat refs a scenario points at: phase targets, probe targets, follow-up conditions. */
function beatRefsOf(scenario: Scenario): string[] {
  const refs: string[] = [];
  for (const phase of scenario.phases) {
    refs.push(...(phase.targets ?? []));
    for (const probe of phase.probes ?? []) {
      refs.push(...(probe.targets ?? []), ...(probe.when?.hit ?? []), ...(probe.when?.missed ?? []));
    }
    for (const followUp of phase.followUps ?? []) refs.push(...(followUp.when?.hit ?? []), ...(followUp.when?.missed ?? []));
  }
  return refs;
}

function levelRange(expected: number | [number, number]): [number, number] {
  return typeof expected === 'number' ? [expected, expected] : expected;
}

describe('design and behavioral scenarios', () => {
  it('has the built-in rounds the product names', () => {
    expect(present.map(([file]) => file)).toEqual(expect.arrayContaining(['payment-auth-design.yaml', 'hiring-manager-backend.yaml']));
  });

  describe.each(present)('%s', (file, kind) => {
    const { text, scenario } = readScenario(file);

    it('starts with the schema modeline', () => {
      expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../schemas/scenario.schema.json');
    });

    it('validates against the scenario schema', () => {
      const ok = validate(scenario);
      expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
      expect(ok).toBe(true);
    });

    it(`is a ${kind} round whose id matches its file name`, () => {
      expect(scenario.kind).toBe(kind);
      expect(`${scenario.id}.yaml`).toBe(file);
    });

    it('opens every phase with a prompt or a prompt-bank signal, and phase budgets fit the round', () => {
      for (const phase of scenario.phases) {
        expect(Boolean(phase.prompt) || Boolean(phase.fromBank), phase.id).toBe(true);
      }
      const total = scenario.phases.reduce((sum, phase) => sum + phase.minutes, 0);
      expect(total).toBeLessThanOrEqual(scenario.minutes);
    });

    it('aims every phase at beats, with follow-ups or targeted probes and a fallback', () => {
      for (const phase of scenario.phases) {
        expect(phase.targets?.length ?? 0, `${phase.id} targets`).toBeGreaterThan(0);
        const missedFollowUps = (phase.followUps ?? []).filter((f) => (f.when?.missed?.length ?? 0) > 0);
        expect(missedFollowUps.length, `${phase.id} follow-ups for missed beats`).toBeGreaterThan(0);
        expect((phase.followUps ?? []).some((f) => f.fallback), `${phase.id} fallback`).toBe(true);
        for (const probe of phase.probes ?? []) expect(probe.targets?.length ?? 0, `${phase.id}/${probe.id}`).toBeGreaterThan(0);
      }
    });

    it('only aims at beats of the signals it lists (or shared story beats)', () => {
      const signals = new Set<string>([...scenario.signals, 'story']);
      for (const ref of beatRefsOf(scenario)) expect(signals.has(ref.split('/')[0] ?? ''), ref).toBe(true);
      for (const phase of scenario.phases) if (phase.fromBank) expect(scenario.signals).toContain(phase.fromBank);
    });

    it('follow-ups are aimed at beats the phase or its probes target', () => {
      for (const phase of scenario.phases) {
        const aimed = new Set([...(phase.targets ?? []), ...(phase.probes ?? []).flatMap((p) => p.targets ?? [])]);
        for (const followUp of phase.followUps ?? []) {
          for (const ref of followUp.when?.missed ?? []) expect(aimed.has(ref), `${phase.id}/${followUp.id}: ${ref}`).toBe(true);
        }
      }
    });

    it('uses unique ids for phases, and for probes and follow-ups within a phase', () => {
      const phaseIds = scenario.phases.map((p) => p.id);
      expect(new Set(phaseIds).size).toBe(phaseIds.length);
      for (const phase of scenario.phases) {
        const ids = [...(phase.probes ?? []), ...(phase.followUps ?? [])].map((x) => x.id);
        expect(new Set(ids).size, phase.id).toBe(ids.length);
      }
    });

    it('refers only to beats the rubric defines', () => {
      const known = rubricBeatRefs();
      if (!known) return;
      const unknown = [...new Set(beatRefsOf(scenario))].filter((ref) => !known.has(ref));
      expect(unknown).toEqual([]);
    });

    it('loads through the content loader with no problems (schema and rubric references)', async () => {
      const rubric = existsSync(rubricFile) ? (parse(readFileSync(rubricFile, 'utf8')) as RubricSpec) : undefined;
      const checked = await checkScenarioFile(join(scenariosDir, file), rubric);
      expect(checked.problems.map((p) => `${p.line}:${p.col}: ${p.message}`)).toEqual([]);
    });

    it('has a facilitator sheet and a wrap-up line', () => {
      expect(scenario.facilitator?.summary).toBeTruthy();
      expect(scenario.facilitator?.expected?.length ?? 0).toBeGreaterThanOrEqual(3);
      expect(scenario.facilitator?.commonMistakes?.length ?? 0).toBeGreaterThanOrEqual(2);
      expect(scenario.wrapUp).toBeTruthy();
    });

    it('has a strong and a weak sample, each expecting a level for every target signal', () => {
      const samples = scenario.samples ?? [];
      expect(samples.length).toBeGreaterThanOrEqual(2);
      for (const sample of samples) {
        expect(Object.keys(sample.expect).sort(), sample.id).toEqual([...scenario.signals].sort());
      }
      const strong = samples.filter((s) => Object.values(s.expect).every((e) => levelRange(e!)[0] >= 3));
      const weak = samples.filter((s) => Object.values(s.expect).every((e) => levelRange(e!)[1] <= 1));
      expect(strong.length, 'strong samples').toBeGreaterThan(0);
      expect(weak.length, 'weak samples').toBeGreaterThan(0);
    });

    it("gives a strong sample at least one turn per phase prompt and probe", () => {
      const questions = scenario.phases.reduce((n, phase) => n + 1 + (phase.probes ?? []).filter((p) => !p.when).length, 0);
      for (const sample of scenario.samples ?? []) {
        const strong = Object.values(sample.expect).every((e) => levelRange(e!)[0] >= 3);
        if (strong) expect(sample.answers.length, sample.id).toBeGreaterThanOrEqual(questions);
      }
    });
  });
});

describe('the scenario library', () => {
  it('targets every signal with at least three scenarios', () => {
    const files = readdirSync(scenariosDir).filter((f) => f.endsWith('.yaml'));
    const count = new Map<string, string[]>(SIGNAL_IDS.map((id) => [id, []]));
    for (const file of files) {
      const scenario = readScenario(file).scenario;
      for (const signal of scenario.signals ?? []) count.get(signal)?.push(scenario.id);
    }
    const thin = [...count].filter(([, ids]) => ids.length < 3).map(([id, ids]) => `${id}: ${ids.join(', ') || 'none'}`);
    expect(thin).toEqual([]);
  });
});

/** Plays a sample's turns through the round engine, untimed, one simulated second per turn. */
function playSample(ctx: RoundContext, sample: ScenarioSample): RoundState {
  let state = step(ctx, createRound(ctx, { seed: 7, untimed: true }), { type: 'start' }, 0).state;
  sample.answers.forEach((answer, i) => {
    const input = parseInput(answer);
    if (state.status === 'over' || input.type === 'unknown') return;
    state = step(ctx, state, input, (i + 1) * 1000).state;
  });
  return state;
}

function inRange(level: number, expected: number | [number, number]): boolean {
  const [min, max] = levelRange(expected);
  return level >= min && level <= max;
}

const rubricSpec = existsSync(rubricFile) ? (parse(readFileSync(rubricFile, 'utf8')) as RubricSpec) : undefined;

describe('samples played through the round engine', () => {
  // Collection runs even when skipped, so compile only when the rubric exists.
  const rubric: CompiledRubric | undefined = rubricSpec && compileRubric(rubricSpec);
  const cases = (rubric ? present : []).flatMap(([file]) => {
    const { scenario } = readScenario(file);
    return (scenario.samples ?? []).map((sample) => [`${scenario.id} / ${sample.id}`, scenario, sample] as const);
  });

  if (!rubric) it.skip('needs rubrics/backend-signals.yaml', () => {});
  else describe.each(cases)('%s', (_name, scenario, sample) => {
    const ctx = prepareRound(scenario, rubric);
    const state = playSample(ctx, sample);
    const entries = state.transcript;

    it('asks each phase prompt, then its inline probes in the order written', () => {
      const prompts = entries.filter((e) => e.kind === 'prompt').map((e) => e.ref);
      expect(prompts).toEqual(scenario.phases.slice(0, prompts.length).map((p) => p.id));
      for (const phase of scenario.phases) {
        const asked = entries.filter((e) => e.kind === 'probe' && e.phase === phase.id).map((e) => e.ref);
        const written = (phase.probes ?? []).map((p) => p.id).filter((id) => asked.includes(id));
        expect(asked, phase.id).toEqual(written);
      }
    });

    it('asks follow-ups only for beats the answer so far has missed, at most two per question', () => {
      const followUps = (phaseId: string) => scenario.phases.find((p) => p.id === phaseId)?.followUps ?? [];
      let answers: string[] = [];
      let phase = '';
      let perQuestion = 0;
      for (const entry of entries as TranscriptEntry[]) {
        if (entry.phase !== phase) [phase, answers] = [entry.phase, []];
        if (entry.kind === 'answer') answers.push(entry.text);
        if (entry.kind === 'prompt' || entry.kind === 'probe') perQuestion = 0;
        if (entry.kind !== 'followup') continue;
        perQuestion++;
        expect(perQuestion, `${phase}: ${entry.ref}`).toBeLessThanOrEqual(2);
        const hits = hitBeats(analyze(answers.join('\n\n')), rubric);
        const own = followUps(phase).find((f) => f.id === entry.ref);
        const aimedAt = entry.ref?.startsWith('beat:') ? [entry.ref.slice(5)] : (own?.when?.missed ?? []);
        for (const ref of aimedAt) expect(hits.has(ref), `${phase}: ${entry.ref} asked although ${ref} was hit`).toBe(false);
      }
    });

    const strong = Object.values(sample.expect).every((e) => levelRange(e!)[0] >= 3);
    if (strong) {
      it('has enough turns to play every phase to the wrap-up', () => {
        expect(state.status).toBe('over');
        expect(entries.some((e) => e.kind === 'wrapup')).toBe(true);
        const unconditional = scenario.phases.flatMap((p) => (p.probes ?? []).filter((probe) => !probe.when).map((probe) => probe.id));
        const asked = entries.filter((e) => e.kind === 'probe').map((e) => e.ref);
        expect(asked).toEqual(expect.arrayContaining(unconditional));
      });
    }
    const weak = Object.values(sample.expect).every((e) => levelRange(e!)[1] <= 1);
    if (weak) {
      it('draws a follow-up in every phase it plays, aimed at what it left out', () => {
        const played = [...new Set(entries.filter((e) => e.kind === 'answer').map((e) => e.phase))];
        const probed = new Set(entries.filter((e) => e.kind === 'followup').map((e) => e.phase));
        expect(played.filter((id) => !probed.has(id))).toEqual([]);
      });
    }

    it('lands at the expected level on each target signal', () => {
      const { report } = finishRound(ctx, state);
      const landed = Object.fromEntries(report.signals.map((r) => [r.id, r.level]));
      const off = Object.entries(sample.expect)
        .filter(([id, expected]) => !inRange(landed[id] ?? -1, expected!))
        .map(([id, expected]) => `${id}: ${landed[id]} not in ${JSON.stringify(expected)}`);
      expect(off).toEqual([]);
    });
  });
});
