import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue, loadRubric, resolveScenario } from '../../src/content/index.js';
import { compileRubric, type CompiledRubric } from '../../src/scoring/index.js';
import type { Scenario } from '../../src/scenario/types.js';
import { describeCondition, facilitatorSheet, type BeatLabels } from '../../src/round/facilitator.js';
import { renderFacilitatorSheet } from '../../src/debrief/render-facilitator.js';
import { renderDebrief } from '../../src/debrief/render.js';
import { displayWidth } from '../../src/debrief/text.js';
import { clockAfterStart, parseClock } from '../../src/round/simclock.js';
import { applyJudgement } from '../../src/round/facilitator.js';
import { incidentDebrief } from './fixtures.js';

let rubric: CompiledRubric;
let labels: BeatLabels;
const scenarios = new Map<string, Scenario>();

beforeAll(async () => {
  rubric = compileRubric((await loadRubric()).rubric);
  labels = (ref) => rubric.beat(ref)?.spec.label;
  for (const id of ['payment-auth-3am', 'payment-auth-design']) scenarios.set(id, (await resolveScenario(id)).scenario);
}, 30_000);

const sheetOf = (id: string, width = 80, colour = false) => renderFacilitatorSheet(facilitatorSheet(scenarios.get(id)!, labels), { width, colour });

/** The lines of one section: from its heading to the next unindented line. */
function section(text: string, heading: string): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith(heading));
  expect(start, `section ${heading}`).toBeGreaterThanOrEqual(0);
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((l) => l !== '' && !l.startsWith(' '));
  return end < 0 ? rest : rest.slice(0, end);
}

describe.each(['payment-auth-3am', 'payment-auth-design'])('facilitator sheet for %s', (id) => {
  it('matches the snapshot at 80 columns without colour', async () => {
    await expect(sheetOf(id)).toMatchFileSnapshot(`__snapshots__/facilitator-${id}.txt`);
  });

  it.each([80, 60, 40])('fits %i columns and has no escape codes without colour', (width) => {
    const text = sheetOf(id, width);
    expect(text).not.toMatch(/\u001b/);
    const wide = text.split('\n').filter((l) => displayWidth(l) > width);
    expect(wide).toEqual([]);
  });

  it('with colour, says the same words', () => {
    const coloured = sheetOf(id, 80, true);
    expect(coloured).toMatch(/\u001b\[/);
    expect(coloured.replace(/\u001b\[[0-9;]*m/g, '')).toBe(sheetOf(id));
  });

  it('has the summaries, every expected line, every phase’s beats, the common mistakes and the notes', () => {
    const s = scenarios.get(id)!;
    const flat = sheetOf(id, 1000);
    expect(flat).toContain(s.summary.trim());
    expect(flat).toContain(s.facilitator!.summary.trim());
    for (const e of s.facilitator!.expected ?? []) expect(flat).toContain(e);
    for (const m of s.facilitator!.commonMistakes ?? []) expect(flat).toContain(m);
    for (const p of s.phases) for (const ref of p.targets ?? []) expect(flat).toContain(`- ${labels(ref)}`);
    if (s.facilitator!.notes) expect(flat).toContain(s.facilitator!.notes.trim());
  });
});

describe('every built-in scenario', () => {
  it('has a sheet that fits 80 columns and names every panel and action', async () => {
    const { scenarios: all } = await loadCatalogue();
    expect(all.length).toBeGreaterThanOrEqual(3);
    for (const { scenario } of all) {
      const text = renderFacilitatorSheet(facilitatorSheet(scenario, labels), { width: 80 });
      expect(text.split('\n').filter((l) => displayWidth(l) > 80), scenario.id).toEqual([]);
      const flat = renderFacilitatorSheet(facilitatorSheet(scenario, labels), { width: 1000 });
      for (const p of scenario.incident?.panels ?? []) expect(flat, scenario.id).toContain(p.title);
      for (const a of scenario.incident?.actions ?? []) expect(flat, scenario.id).toContain(a.title);
    }
  }, 30_000);
});

describe('incident telemetry on the sheet', () => {
  it('marks every red-herring panel, and lists the facilitator’s red herrings', () => {
    const s = scenarios.get('payment-auth-3am')!;
    const flat = sheetOf('payment-auth-3am', 1000);
    const herrings = s.incident!.panels.filter((p) => p.redHerring);
    expect(herrings.length).toBeGreaterThan(0);
    for (const p of herrings) expect(flat).toContain(`${p.title} [RED HERRING] (${p.id})`);
    for (const p of s.incident!.panels.filter((x) => !x.redHerring)) expect(flat).not.toContain(`${p.title} [RED HERRING]`);
    const listed = section(flat, 'Red herrings').join('\n');
    for (const r of s.facilitator!.redHerrings ?? []) expect(listed).toContain(r);
    for (const p of herrings) expect(listed).toContain(p.title);
  });

  it('lists every panel view, the last one as the default', () => {
    const s = scenarios.get('payment-auth-3am')!;
    const flat = sheetOf('payment-auth-3am', 1000);
    for (const p of s.incident!.panels) {
      for (const v of p.views) expect(flat).toContain(v.text.split('\n')[0]!.trim());
    }
    const defaults = flat.split('\n').filter((l) => l.trim() === 'default:').length;
    expect(defaults).toBe(s.incident!.panels.filter((p) => p.views.some((v) => !v.when)).length);
  });

  it('lists the timed events in clock order, each with what the system says', () => {
    const s = scenarios.get('payment-auth-3am')!;
    const lines = section(sheetOf('payment-auth-3am', 1000), 'Timed events');
    const clocks = lines.flatMap((l) => /^ {2}(\d\d:\d\d) {2}/.exec(l)?.[1] ?? []);
    expect(clocks).toHaveLength(s.incident!.events.length);
    const start = parseClock(s.incident!.start);
    const order = clocks.map((c) => clockAfterStart(c, start));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    for (const e of s.incident!.events) expect(lines.join('\n')).toContain(`system: ${e.says}`);
  });

  it('sorts events written out of order, across midnight', () => {
    const s = structuredClone(scenarios.get('payment-auth-3am')!);
    s.incident!.start = '23:50';
    s.incident!.events = [
      { id: 'late', at: '00:20', says: 'late' },
      { id: 'early', at: '23:55', says: 'early' },
      { id: 'middle', at: '00:05', says: 'middle' },
    ];
    expect(facilitatorSheet(s, labels).incident!.events.map((e) => e.id)).toEqual(['early', 'middle', 'late']);
  });

  it('lists every action with what it changes and every check with what earns or costs it', () => {
    const s = scenarios.get('payment-auth-3am')!;
    const flat = sheetOf('payment-auth-3am', 1000);
    for (const a of s.incident!.actions) {
      expect(flat).toContain(`${a.title} (${a.kind}, ${a.id})`);
      for (const [k, v] of Object.entries(a.set ?? {})) expect(flat).toContain(`${k} = ${String(v)}`);
    }
    const checks = section(flat, 'Investigation checks').join('\n');
    for (const k of s.incident!.checks ?? []) {
      expect(checks).toContain(k.redFlag ? `${k.label} (red flag, −${k.weight} on ${k.signal})` : `${k.label} (beat, ${k.weight} on ${k.signal})`);
    }
  });
});

describe('describeCondition', () => {
  const cases: [string, Parameters<typeof describeCondition>[0], string | undefined][] = [
    ['no condition', undefined, undefined],
    ['empty condition', {}, undefined],
    ['after', { after: '03:25' }, 'after 03:25'],
    ['before', { before: '03:25' }, 'before 03:25'],
    ['state set by an action', { state: { rateLimited: true } }, 'once “rate-limit new authorisations” (state rateLimited = true)'],
    ['state set by an event', { state: { partner: 'recovered' } }, 'once the 03:25 event partner-recovers fired (state partner = recovered)'],
    ['state as at the page', { state: { partner: 'slow' } }, 'while state partner = slow (as at the page)'],
    ['did', { did: ['declare-incident'] }, 'once they did “Declare an incident”'],
    ['notDid, two', { notDid: ['rate-limit', 'fail-open'] }, 'unless they did “Rate-limit new authorisations” or “Fail open on the partner integration”'],
    ['revealed', { revealed: ['database'] }, 'once they asked for payments-db (Postgres 15, primary + 2 replicas)'],
    ['turn', { turn: 4 }, 'from their turn 4 in the phase'],
    ['missed beat', { missed: ['incident-judgement/escalation'] }, 'while they missed “Declared the incident or brought others in”'],
    ['together', { after: '03:00', did: ['declare-incident'] }, 'after 03:00, once they did “Declare an incident”'],
  ];
  it.each(cases)('%s', (_name, when, expected) => {
    expect(describeCondition(when, scenarios.get('payment-auth-3am')!, labels)).toBe(expected);
  });
});

describe('the debrief with the facilitator’s verdicts', () => {
  const cfg = { hypotheticalCredit: 0.5, levelThresholds: [1, 30, 55, 80] as [number, number, number, number], redFlagLevelCap: 1 };
  // reject the first hit of incident judgement, award the miss of data integrity
  const judged = applyJudgement(
    incidentDebrief,
    { 'incident-judgement': ['path/declared-early', 'named-tradeoff'], 'data-integrity': ['no-fail-open', 'reconcile'] },
    cfg,
  );

  it.each(['text', 'md'] as const)('%s shows both levels and marks each reviewed beat', (format) => {
    const out = renderDebrief(judged, { format, width: 120, colour: false, title: 'Drill' });
    const ij = judged.signals.find((s) => s.id === 'incident-judgement')!;
    const di = judged.signals.find((s) => s.id === 'data-integrity')!;
    for (const s of [ij, di]) expect(out).toContain(`scorer: ${s.label} ${s.score} · facilitator: ${s.facilitator!.label} ${s.facilitator!.score}`);
    expect(out).toMatch(/Stabilised before root-causing.*facilitator: rejected/);
    expect(out).toMatch(/Named the trade-off.*facilitator: accepted/);
    expect(out).toMatch(/Reconciled afterwards.*awarded by the facilitator/);
    // an unreviewed signal carries no marks
    expect(out).not.toMatch(/Reached the partner.*facilitator/);
  });

  it('text without a review shows no facilitator marks', () => {
    expect(renderDebrief(incidentDebrief, { format: 'text', width: 80 })).not.toContain('facilitator');
    expect(renderDebrief(incidentDebrief, { format: 'md' })).not.toContain('facilitator');
  });

  it('json carries the fields', () => {
    const json = JSON.parse(renderDebrief(judged, { format: 'json' })) as typeof judged;
    expect(json.facilitated).toBe(true);
    const ij = json.signals.find((s) => s.id === 'incident-judgement')!;
    expect(ij.facilitator).toEqual(judged.signals.find((s) => s.id === 'incident-judgement')!.facilitator);
    expect(ij.beats.find((b) => b.id === 'stabilise-first')!.facilitator).toBe('rejected');
  });
});
