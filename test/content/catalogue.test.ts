import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContentError, UserError } from '../../src/errors.js';
import { BUILTIN_SCENARIOS, loadCatalogue, loadScenarioFile, resolveScenario, scenarioDirs, validateContent, type ContentCheck } from '../../src/content/index.js';

const VALID = 'test/fixtures/valid';
const RUBRIC = `${VALID}/rubric.yaml`;
const fixtureIds = ['fixture-behavioral', 'fixture-design', 'fixture-incident'];

describe('scenario search path', () => {
  it('is built-in first, then --scenarios, then MOCKLOOP_SCENARIOS', () => {
    const dirs = scenarioDirs({ scenarios: `a${path.delimiter}b`, env: { MOCKLOOP_SCENARIOS: `c${path.delimiter}${path.delimiter}` } });
    expect(dirs.map((d) => d.dir)).toEqual([BUILTIN_SCENARIOS, path.resolve('a'), path.resolve('b'), path.resolve('c')]);
    expect(dirs.map((d) => d.builtin)).toEqual([true, false, false, false]);
  });
});

describe('loadCatalogue', () => {
  it('loads the scenarios of an extra directory with positions', async () => {
    const { scenarios, problems } = await loadCatalogue({ scenarios: VALID, rubric: RUBRIC, env: {} });
    // the pack's own rubric.yaml sits beside its scenarios and is not mistaken for one
    expect(problems.filter((p) => p.file.startsWith(VALID))).toEqual([]);
    const fixtures = scenarios.filter((s) => s.file.startsWith(VALID));
    expect(fixtures.map((s) => s.scenario.id).sort()).toEqual(fixtureIds);
    const incident = fixtures.find((s) => s.scenario.id === 'fixture-incident')!;
    expect(incident.file).toBe(`${VALID}/incident.yaml`);
    expect(incident.locate(['incident', 'panels', 0, 'id'])).toEqual({ line: 34, col: 11 });
  });

  it('reads MOCKLOOP_SCENARIOS like --scenarios', async () => {
    const { scenarios } = await loadCatalogue({ rubric: RUBRIC, env: { MOCKLOOP_SCENARIOS: VALID } });
    expect(scenarios.filter((s) => s.file.startsWith(VALID))).toHaveLength(3);
  });

  it('lists the good scenarios and reports the broken ones and a missing directory', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mockloop-pack-'));
    writeFileSync(path.join(dir, 'good.yaml'), 'id: pack-good\nkind: design\ntitle: Good\nminutes: 5\nsignals: [cross-team]\nsummary: s\nphases: [{ id: a, title: A, minutes: 1, prompt: Go. }]\n');
    writeFileSync(path.join(dir, 'bad.yml'), 'id: pack-bad\nkind: design\n');
    writeFileSync(path.join(dir, 'notes.txt'), 'not content');
    const missing = path.join(dir, 'missing');
    const { scenarios, problems } = await loadCatalogue({ scenarios: `${dir}${path.delimiter}${missing}`, rubric: RUBRIC, env: {} });
    expect(scenarios.map((s) => s.scenario.id)).toContain('pack-good');
    expect(scenarios.map((s) => s.scenario.id)).not.toContain('pack-bad');
    const ours = problems.filter((p) => p.file.startsWith(dir));
    expect(ours.map((p) => `${path.basename(p.file)}:${p.line}:${p.col}: ${p.message}`)).toEqual([
      'bad.yml:1:1: missing required key "title" in scenario',
      'bad.yml:1:1: missing required key "minutes" in scenario',
      'bad.yml:1:1: missing required key "signals" in scenario',
      'bad.yml:1:1: missing required key "summary" in scenario',
      'bad.yml:1:1: missing required key "phases" in scenario',
      'missing:1:1: scenario directory not found',
    ]);
  });
});

describe('resolveScenario', () => {
  const opts = { scenarios: VALID, rubric: RUBRIC, env: {} };

  it('finds a scenario by id', async () => {
    const found = await resolveScenario('fixture-design', opts);
    expect(found.scenario.title).toBe('Fixture design');
  });

  it('loads a scenario by file', async () => {
    const found = await resolveScenario(`${VALID}/behavioral.yml`, opts);
    expect(found.scenario.id).toBe('fixture-behavioral');
  });

  it('finds <id>.yaml directly, without reading the broken files beside it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mockloop-byname-'));
    writeFileSync(path.join(dir, 'pack-direct.yaml'), 'id: pack-direct\nkind: design\ntitle: Direct\nminutes: 5\nsignals: [cross-team]\nsummary: s\nphases: [{ id: a, title: A, minutes: 1, prompt: Go. }]\n');
    writeFileSync(path.join(dir, 'broken.yaml'), 'id: [\n');
    const found = await resolveScenario('pack-direct', { scenarios: dir, rubric: RUBRIC, env: {} });
    expect(found.scenario.title).toBe('Direct');
    // the same id asked for by a broken <id>.yaml is that file's problems
    writeFileSync(path.join(dir, 'pack-broken.yaml'), 'id: pack-broken\nkind: desing\n');
    const err = await resolveScenario('pack-broken', { scenarios: dir, rubric: RUBRIC, env: {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ContentError);
    expect((err as Error).message).toMatch(/pack-broken\.yaml:2:7: kind must be one of design, incident, behavioral, not "desing"/);
  });

  const unknown: [string, RegExp][] = [
    ['fixture-desing', /^closest ids: fixture-design \(mockloop list shows all \d+\)$/],
    ['fixture', /^closest ids: fixture-behavioral, fixture-design, fixture-incident \(/],
    // nothing close: still the three nearest, so there is something to try
    ['zzz-nothing-like-it', /^closest ids: [a-z-]+, [a-z-]+, [a-z-]+ \(mockloop list shows all \d+\)$/],
    ['missing/fixture-desing.yaml', /^closest ids: fixture-design \(/],
  ];
  it.each(unknown)('an unknown id or missing file %s is a UserError naming the closest ids', async (id, hint) => {
    const err = await resolveScenario(id, opts).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as Error).message.split('\n')[0]).toBe(`no such file or scenario "${id}"`);
    expect((err as UserError).hint).toMatch(hint);
  });

  it('a broken file is a ContentError with positioned problems', async () => {
    const err = await loadScenarioFile('test/fixtures/broken/unknown-key.yaml', RUBRIC).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ContentError);
    expect((err as ContentError).problems).toHaveLength(1);
    expect((err as Error).message).toBe('test/fixtures/broken/unknown-key.yaml:11:5: unknown key "promt" in phase; did you mean "prompt"?');
  });

  it('a directory where a file was expected is one problem', async () => {
    const err = await loadScenarioFile(VALID, RUBRIC).catch((e: unknown) => e);
    expect((err as Error).message).toBe(`${VALID}:1:1: is a directory, expected a YAML file`);
  });
});

describe('validateContent checks', () => {
  it('runs the given whole-set checks after loading, with what loaded', async () => {
    const seen: string[] = [];
    const countScenarios: ContentCheck = (ctx) => {
      seen.push(...ctx.scenarios.map((s) => s.scenario.id));
      const s = ctx.scenarios.find((x) => x.scenario.id === 'fixture-design')!;
      const { line, col } = s.locate(['phases', 0, 'probes', 0]);
      return [{ file: s.file, line, col, message: `self-test saw rubric ${ctx.rubric?.file}` }];
    };
    const report = await validateContent([VALID], { checks: [countScenarios] });
    expect(seen.sort()).toEqual(fixtureIds);
    expect(report.problems.map((p) => `${p.file}:${p.line}:${p.col}: ${p.message}`)).toEqual([
      `${VALID}/design.yaml:13:9: self-test saw rubric ${RUBRIC}`,
    ]);
  });
});
