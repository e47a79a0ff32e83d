import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { createRound, parseInput, prepareRound, step, type RoundContext } from '../../src/round/index.js';
import type { RubricSpec } from '../../src/rubric/types.js';
import type { Scenario } from '../../src/scenario/types.js';
import { compileRubric } from '../../src/scoring/score.js';

// The standard triage questions, action phrasings and explanations, written apart from the
// scenarios (triage/*.yaml), played as the first turn of a fresh round of every incident scenario.
// An ask must open a board that answers it; an action phrasing must do the action it names; an
// explanation must do nothing.

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const triageDir = join(dirname(fileURLToPath(import.meta.url)), 'triage');
const rubric = compileRubric(parse(readFileSync(join(root, 'rubrics', 'backend-signals.yaml'), 'utf8')) as RubricSpec);

interface Ask {
  text: string;
  about: string;
}
interface Lines {
  actions: { text: string; action: string }[];
  explanations: { text: string }[];
}

const asks = parse(readFileSync(join(triageDir, 'asks.yaml'), 'utf8')) as Ask[];

/** Per scenario, the boards that answer each topic of the shared list. */
const answers: Record<string, Record<string, string[]>> = {
  'payment-auth-3am': {
    'customer-impact': ['service-overview', 'slo'],
    scope: ['service-overview', 'infra-nodes', 'partner-queue', 'service-process', 'load-balancer'],
    'since-when': ['service-overview', 'alert-history', 'partner-queue'],
    'recent-changes': ['deploys'],
    dependencies: ['partner-queue', 'database', 'partner-status'],
    saturation: ['service-process', 'partner-queue', 'database', 'infra-nodes'],
    'error-budget': ['slo'],
    'errors-latency': ['service-overview', 'traces'],
    'logs-traces': ['logs', 'traces'],
    'on-call-contacts': ['oncall'],
    'partner-or-vendor-status': ['partner-status', 'partner-queue'],
    runbook: ['runbook', 'alert-history'],
  },
  'replica-lag-stale-reads': {
    'customer-impact': ['wallet-overview', 'support-tickets'],
    scope: ['wallet-overview', 'app-process', 'db-primary', 'replica-lag'],
    'since-when': ['wallet-overview', 'replica-lag', 'alert-history'],
    'recent-changes': ['change-log'],
    dependencies: ['db-primary', 'replica-lag'],
    saturation: ['app-process', 'db-primary', 'replica-lag'],
    'error-budget': ['slo'],
    'errors-latency': ['wallet-overview', 'traces'],
    'logs-traces': ['app-logs', 'traces'],
    'on-call-contacts': ['oncall'],
    'partner-or-vendor-status': ['vendor-status'],
    runbook: ['runbook', 'alert-history'],
  },
  'connection-leak-bad-deploy': {
    'customer-impact': ['orders-overview'],
    scope: ['orders-overview', 'app-process', 'orders-db', 'app-pool'],
    'since-when': ['orders-overview', 'alert-history', 'deploys'],
    'recent-changes': ['deploys'],
    dependencies: ['orders-db'],
    saturation: ['app-pool', 'app-process', 'orders-db'],
    'error-budget': ['slo'],
    'errors-latency': ['orders-overview', 'traces'],
    'logs-traces': ['app-logs', 'traces'],
    'on-call-contacts': ['oncall'],
    'partner-or-vendor-status': ['vendor-status'],
    runbook: ['runbook', 'alert-history'],
  },
  'broker-disk-full': {
    'customer-impact': ['broker-disk', 'consumer-lag', 'broker-health'],
    scope: ['broker-disk', 'broker-health', 'consumer-lag', 'partition-placement'],
    'since-when': ['broker-disk', 'topic-bytes', 'alert-history'],
    'recent-changes': ['change-log'],
    dependencies: ['consumer-lag', 'producer-clients'],
    saturation: ['broker-disk', 'broker-health', 'broker-cpu'],
    'error-budget': ['slo'],
    'errors-latency': ['client-latency'],
    'logs-traces': ['client-latency', 'controller-logs'],
    'on-call-contacts': ['oncall'],
    'partner-or-vendor-status': ['vendor-status'],
    runbook: ['runbook', 'alert-history'],
  },
  'alert-storm-flapping-dependency': {
    'customer-impact': ['consumer-impact'],
    scope: ['consumer-impact', 'alert-groups', 'flag-overview'],
    'since-when': ['consumer-impact', 'alert-history', 'alert-groups', 'flag-overview'],
    'recent-changes': ['deploys'],
    dependencies: ['config-db', 'consumer-impact'],
    saturation: ['flag-overview', 'config-db', 'k8s-nodes'],
    'error-budget': ['consumer-impact'],
    'errors-latency': ['flag-overview'],
    'logs-traces': ['flag-logs', 'traces'],
    'on-call-contacts': ['oncall'],
    'partner-or-vendor-status': ['vendor-status'],
    runbook: ['runbook', 'alert-history'],
  },
};

/** The system's replies to one line played as the first turn of a fresh round. */
function firstTurn(ctx: RoundContext, line: string) {
  let state = createRound(ctx, { seed: 1 });
  state = step(ctx, state, { type: 'start' }, 0).state;
  const before = state.transcript.length;
  const input = parseInput(line);
  if (input.type === 'unknown') throw new Error(`not a turn: ${line}`);
  state = step(ctx, state, input, 30_000).state;
  const replies = state.transcript.slice(before).filter((e) => e.role === 'system');
  return {
    panels: replies.filter((e) => e.kind === 'panel').map((e) => e.ref!),
    actions: replies.filter((e) => e.kind === 'action').map((e) => e.ref!),
  };
}

/** Share of items that pass, and the ones that did not, for the failure message. */
function rate<T>(items: T[], pass: (item: T) => boolean, show: (item: T) => string): { rate: number; misses: string[] } {
  const misses = items.filter((i) => !pass(i)).map(show);
  return { rate: (items.length - misses.length) / items.length, misses };
}

describe.each(Object.keys(answers))('standard triage in %s', (id) => {
  const scenario = parse(readFileSync(join(root, 'scenarios', `${id}.yaml`), 'utf8')) as Scenario;
  const ctx = prepareRound(scenario, rubric);
  const lines = parse(readFileSync(join(triageDir, `${id}.yaml`), 'utf8')) as Lines;
  const actionId = (title: string) => scenario.incident!.actions.find((a) => a.title === title)?.id;

  it('the lists cover it: 40+ asks, 20+ action phrasings, 8+ explanations', () => {
    expect(asks.length).toBeGreaterThanOrEqual(40);
    expect(lines.actions.length).toBeGreaterThanOrEqual(20);
    expect(lines.explanations.length).toBeGreaterThanOrEqual(8);
    expect(lines.actions.filter((a) => !actionId(a.action)).map((a) => a.action)).toEqual([]);
    expect(asks.filter((a) => !answers[id]![a.about]).map((a) => a.about)).toEqual([]);
  });

  it('at least 90% of the asks open a board that answers them', () => {
    const r = rate(
      asks,
      (a) => firstTurn(ctx, a.text).panels.some((p) => answers[id]![a.about]!.includes(p)),
      (a) => `${a.about}: ${a.text} -> ${firstTurn(ctx, a.text).panels.join(', ') || 'nothing'}`,
    );
    expect(r.rate, r.misses.join('\n')).toBeGreaterThanOrEqual(0.9);
  });

  it('at least 90% of the action phrasings do the action they name', () => {
    const r = rate(
      lines.actions,
      (a) => firstTurn(ctx, a.text).actions.includes(actionId(a.action)!),
      (a) => `${a.action}: ${a.text} -> ${firstTurn(ctx, a.text).actions.join(', ') || 'nothing'}`,
    );
    expect(r.rate, r.misses.join('\n')).toBeGreaterThanOrEqual(0.9);
  });

  it('no explanation does anything', () => {
    const r = rate(
      lines.explanations,
      (e) => firstTurn(ctx, e.text).actions.length === 0,
      (e) => `${e.text} -> ${firstTurn(ctx, e.text).actions.join(', ')}`,
    );
    expect(r.misses).toEqual([]);
  });
});

describe.each(Object.keys(answers))('who is hit, asked as all-or-some, in %s', (id) => {
  const scenario = parse(readFileSync(join(root, 'scenarios', `${id}.yaml`), 'utf8')) as Scenario;
  const ctx = prepareRound(scenario, rubric);
  it.each(['is it every customer or just some of them?', 'all users or only a few?', 'are any merchants not affected?'])('%s', (line) => {
    expect(firstTurn(ctx, line).panels.some((p) => answers[id]!.scope!.includes(p))).toBe(true);
  });
});
