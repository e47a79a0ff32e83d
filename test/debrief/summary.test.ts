import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRubric, loadScenarioFile } from '../../src/content/index.js';
import { renderDebrief } from '../../src/debrief/render.js';
import { displayWidth } from '../../src/debrief/text.js';
import { valuableMisses } from '../../src/debrief/view.js';
import { createRound, parseInput, prepareRound, step, type RoundContext } from '../../src/round/engine.js';
import { finishRound } from '../../src/round/finish.js';
import type { RoundInput } from '../../src/round/state.js';
import { compileRubric } from '../../src/scoring/index.js';
import { incidentDebrief } from './fixtures.js';

// The default terminal debrief: a coach's summary that fits a screen or two; --full keeps the rest.

describe('the summary (the default terminal debrief)', () => {
  const out = renderDebrief(incidentDebrief, { colour: false, width: 80, title: 'Payment auth at 3am', sessionId: '2026-11-28T17-05-09-payment-auth-3am-ab12', ref: 'ab12' });

  it('matches the snapshot at 80 columns', async () => {
    await expect(out).toMatchFileSnapshot('__snapshots__/incident-summary.txt');
    for (const line of out.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(80);
  });

  it.each([40, 60, 120])('fits %i columns (a command to copy is never broken, even at 40)', (width) => {
    const narrow = renderDebrief(incidentDebrief, { colour: false, width, ref: 'ab12' });
    const command = /^(?:More: | *)mockloop [a-z]+( \S+)*$/;
    for (const line of narrow.split('\n')) if (width >= 60 || !command.test(line)) expect(displayWidth(line), line).toBeLessThanOrEqual(width);
  });

  it('says how the overall score is formed', () => {
    const scores = incidentDebrief.targets!.map((t) => incidentDebrief.signals.find((s) => s.id === t)!.score);
    expect(out.replace(/\s+/g, ' ')).toContain(`the average of the ${scores.length} signals this round targeted (${scores.join(', ')})`);
  });

  it('one row per targeted signal: name, level, score and bar', () => {
    for (const id of incidentDebrief.targets!) {
      const s = incidentDebrief.signals.find((x) => x.id === id)!;
      expect(out).toMatch(new RegExp(`^  ${s.name} +${s.label} +${s.score}  [█░]{10}$`, 'm'));
    }
  });

  it('the three misses worth the most, each with its tip, most points first', () => {
    const top = valuableMisses(incidentDebrief);
    expect(top).toHaveLength(3);
    expect([...top].sort((a, b) => b.points - a.points)).toEqual(top);
    for (const m of top) expect(out.replace(/\s+/g, ' ')).toContain(`✗ ${m.label} (`);
    for (const m of top) expect(out.replace(/\s+/g, ' ')).toContain(m.tip);
  });

  it('red flags with their quoted evidence, and the next practice as a command on its own line', () => {
    expect(out).toMatch(/⚑ Blamed the partner \([^)]*\)\n {4}“Honestly the partner broke it, not us\.”/);
    expect(out).toMatch(/\n  mockloop (drill --signal|run) [a-z0-9-]+\n/);
    expect(out.replace(/\s+/g, ' ')).toContain('mockloop debrief ab12 --full');
  });

  it('--full shows every beat, which the summary leaves out', () => {
    const full = renderDebrief(incidentDebrief, { colour: false, width: 80, full: true });
    expect(full).toContain('✓ Stabilised before root-causing');
    expect(out).not.toContain('✓ Stabilised before root-causing');
    expect(full.split('\n').length).toBeGreaterThan(out.split('\n').length);
  });
});

describe('a full round fits 60 lines at 80 columns', () => {
  const scenarios = ['payment-auth-3am', 'hiring-manager-backend'];
  const contexts = new Map<string, RoundContext>();
  beforeAll(async () => {
    const rubric = compileRubric((await loadRubric()).rubric);
    for (const id of scenarios) {
      contexts.set(id, prepareRound((await loadScenarioFile(join(import.meta.dirname, '..', '..', 'scenarios', `${id}.yaml`))).scenario, rubric));
    }
  });

  it.each(scenarios)('%s, every sample answer set', (id) => {
    const ctx = contexts.get(id)!;
    for (const sample of ctx.scenario.samples ?? []) {
      let state = step(ctx, createRound(ctx, { seed: 1 }), { type: 'start' }, 0).state;
      sample.answers.forEach((a, i) => {
        if (state.status !== 'over') state = step(ctx, state, parseInput(a) as RoundInput, (i + 1) * 90_000).state;
      });
      if (state.status !== 'over') state = step(ctx, state, { type: 'close' }, (sample.answers.length + 1) * 90_000).state;
      const { debrief } = finishRound(ctx, state);
      const opts = { colour: false, width: 80, title: ctx.scenario.title, sessionId: `2026-12-01T10-00-00-${id}-ab12`, ref: 'ab12' };
      const summary = renderDebrief(debrief, opts).trimEnd().split('\n');
      expect(summary.length, `${sample.id}:\n${summary.join('\n')}`).toBeLessThanOrEqual(60);
      for (const line of summary) expect(displayWidth(line)).toBeLessThanOrEqual(80);
      // --full still has every hit beat and every red flag
      const full = renderDebrief(debrief, { ...opts, full: true }).replace(/\s+/g, ' ');
      for (const s of debrief.signals.filter((x) => debrief.targets?.includes(x.id))) {
        for (const b of s.beats.filter((x) => x.hit)) expect(full).toContain(b.label);
        for (const f of s.redFlags) expect(full).toContain(f.label);
      }
    }
  });
});
