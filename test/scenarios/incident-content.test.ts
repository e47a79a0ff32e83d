import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { parse, parseDocument, visit } from 'yaml';
import { describe, expect, it } from 'vitest';
import { createRound, evaluateChecks, finishRound, formatClock, parseInput, prepareRound, step, type RoundInput, type RoundState, type TranscriptEntry } from '../../src/round/index.js';
import { conceptPhrases, type PatternSpec, type RubricSpec } from '../../src/rubric/types.js';
import type { Condition, Scenario } from '../../src/scenario/types.js';
import { analyze } from '../../src/scoring/analyze.js';
import { compilePattern, findMatches, mergeLexicon, type Lexicon } from '../../src/scoring/pattern.js';
import { compileRubric, type CompiledRubric } from '../../src/scoring/score.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const scenariosDir = join(root, 'scenarios');
const rubricFile = join(root, 'rubrics', 'backend-signals.yaml');

/** The incident rounds this file checks. */
const incidents = ['payment-auth-3am', 'replica-lag-stale-reads', 'connection-leak-bad-deploy', 'broker-disk-full', 'alert-storm-flapping-dependency'];

const schema = JSON.parse(readFileSync(join(root, 'schemas', 'scenario.schema.json'), 'utf8')) as object;
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

function readScenario(id: string): { text: string; scenario: Scenario } {
  const text = readFileSync(join(scenariosDir, `${id}.yaml`), 'utf8');
  return { text, scenario: parse(text) as Scenario };
}

interface RubricShape {
  concepts?: RubricSpec['concepts'];
  signals: { id: string; beats: { id: string }[] }[];
  storyBeats: { id: string }[];
}

/** The built-in rubric, or null while it is not written yet (its own tests judge it). */
function readRubric(): RubricShape | null {
  if (!existsSync(rubricFile)) return null;
  try {
    const rubric = parse(readFileSync(rubricFile, 'utf8')) as RubricShape | null;
    return rubric && Array.isArray(rubric.signals) ? rubric : null;
  } catch {
    return null;
  }
}

function rubricBeatRefs(rubric: RubricShape): Set<string> {
  const refs = new Set<string>();
  for (const signal of rubric.signals ?? []) for (const beat of signal.beats ?? []) refs.add(`${signal.id}/${beat.id}`);
  for (const beat of rubric.storyBeats ?? []) refs.add(`story/${beat.id}`);
  return refs;
}

/** Every condition in the scenario, labelled by where it sits. */
function conditionsOf(s: Scenario): [where: string, cond: Condition][] {
  const out: [string, Condition][] = [];
  for (const phase of s.phases) {
    if (phase.endWhen) out.push([`phase ${phase.id} endWhen`, phase.endWhen]);
    for (const p of phase.probes ?? []) if (p.when) out.push([`probe ${p.id}`, p.when]);
    for (const f of phase.followUps ?? []) if (f.when) out.push([`follow-up ${f.id}`, f.when]);
  }
  for (const panel of s.incident?.panels ?? []) {
    panel.views.forEach((v, i) => v.when && out.push([`panel ${panel.id} view ${i}`, v.when]));
  }
  for (const a of s.incident?.actions ?? []) if (a.when) out.push([`action ${a.id}`, a.when]);
  for (const e of s.incident?.events ?? []) if (e.when) out.push([`event ${e.id}`, e.when]);
  (s.wrapUps ?? []).forEach((w, i) => w.when && out.push([`wrap-up ${i}`, w.when]));
  return out;
}

function beatRefsOf(s: Scenario): string[] {
  const refs: string[] = [];
  for (const phase of s.phases) {
    refs.push(...(phase.targets ?? []));
    for (const p of phase.probes ?? []) refs.push(...(p.targets ?? []), ...(p.when?.hit ?? []), ...(p.when?.missed ?? []));
    for (const f of phase.followUps ?? []) refs.push(...(f.when?.hit ?? []), ...(f.when?.missed ?? []));
  }
  return refs;
}

/** Compiles a scenario's asks and dos with its own concepts over the rubric's. */
function matcherFor(s: Scenario): { panelsFor(text: string): string[]; actionsFor(text: string): string[] } {
  const lexicon: Lexicon = mergeLexicon(mergeLexicon(new Map(), conceptPhrases(readRubric()?.concepts)), s.concepts);
  const compile = (specs: PatternSpec[]) => specs.map((spec) => compilePattern(spec, lexicon));
  const panels = (s.incident?.panels ?? []).map((p) => ({ id: p.id, patterns: compile(p.ask) }));
  const actions = (s.incident?.actions ?? []).map((a) => ({ id: a.id, patterns: compile(a.do) }));
  const hits = (list: { id: string; patterns: ReturnType<typeof compile> }[], text: string) => {
    const doc = analyze(text);
    return list.filter((x) => x.patterns.some((p) => findMatches(doc, p).length > 0)).map((x) => x.id);
  };
  return { panelsFor: (text) => hits(panels, text), actionsFor: (text) => hits(actions, text) };
}

describe.each(incidents)('incident scenario %s', (id) => {
  const { text, scenario } = readScenario(id);
  const incident = scenario.incident!;
  const panelIds = new Set(incident?.panels.map((p) => p.id));
  const actionIds = new Set(incident?.actions.map((a) => a.id));
  const stateKeys = new Set([
    ...Object.keys(incident?.state ?? {}),
    ...incident.actions.flatMap((a) => Object.keys(a.set ?? {})),
    ...incident.events.flatMap((e) => Object.keys(e.set ?? {})),
  ]);

  it('starts with the schema modeline and validates against the schema', () => {
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../schemas/scenario.schema.json');
    const ok = validate(scenario);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(ok).toBe(true);
    expect(scenario.id).toBe(id);
    expect(scenario.kind).toBe('incident');
  });

  it('has the telemetry, actions, events, facilitator sheet and samples an incident round needs', () => {
    expect(incident.panels.length).toBeGreaterThanOrEqual(6);
    expect(incident.panels.filter((p) => p.redHerring).length).toBeGreaterThanOrEqual(1);
    expect(incident.actions.length).toBeGreaterThanOrEqual(3);
    expect(incident.actions.filter((a) => a.kind === 'mitigate').length).toBeGreaterThanOrEqual(2);
    for (const kind of ['declare', 'escalate', 'communicate'] as const) {
      expect(incident.actions.some((a) => a.kind === kind), `an action of kind ${kind}`).toBe(true);
    }
    expect(incident.events.length).toBeGreaterThanOrEqual(1);
    expect(incident.fallbacks.length).toBeGreaterThanOrEqual(3);
    expect(scenario.facilitator?.summary).toBeTruthy();
    expect(scenario.facilitator?.timeline?.length ?? 0).toBeGreaterThanOrEqual(3);
    expect(scenario.facilitator?.redHerrings?.length ?? 0).toBeGreaterThanOrEqual(1);
    expect(scenario.samples?.length ?? 0).toBeGreaterThanOrEqual(2);
    expect(scenario.phases.some((p) => p.mode === 'investigate')).toBe(true);
    expect(scenario.phases.at(-1)?.targets?.some((t) => t.startsWith('post-incident-review/'))).toBe(true);
  });

  it('changes its telemetry with time or state, most specific view first', () => {
    for (const panel of incident.panels) {
      expect(panel.views.at(-1)?.when, `${panel.id}: last view has no condition`).toBeUndefined();
    }
    expect(incident.panels.filter((p) => p.views.length > 1).length).toBeGreaterThanOrEqual(3);
    for (const a of incident.actions.filter((x) => x.when)) {
      expect(a.otherwise, `${a.id}: an action with a precondition says why it did not happen`).toBeTruthy();
    }
  });

  it('grades the path with beats and at least one red flag', () => {
    const checks = incident.checks ?? [];
    expect(checks.some((c) => 'lookedFirst' in c.rule)).toBe(true);
    expect(checks.some((c) => 'revealedBefore' in c.rule)).toBe(true);
    expect(checks.some((c) => 'actedWithin' in c.rule)).toBe(true);
    const flags = checks.filter((c) => c.redFlag);
    expect(flags.length).toBeGreaterThanOrEqual(1);
    for (const f of flags) expect(f.why, `${f.id} says why`).toBeTruthy();
  });

  it('refers only to panels, actions and state keys it defines', () => {
    const bad: string[] = [];
    for (const [where, c] of conditionsOf(scenario)) {
      for (const p of [...(c.revealed ?? []), ...(c.notRevealed ?? [])]) if (!panelIds.has(p)) bad.push(`${where}: panel ${p}`);
      for (const a of [...(c.did ?? []), ...(c.notDid ?? [])]) if (!actionIds.has(a)) bad.push(`${where}: action ${a}`);
      for (const k of Object.keys(c.state ?? {})) if (!stateKeys.has(k)) bad.push(`${where}: state ${k}`);
    }
    for (const check of incident.checks ?? []) {
      const r = check.rule;
      const ids =
        'revealedBefore' in r
          ? [...r.revealedBefore.panels.map((p) => ['panel', p]), ['panel or action', r.revealedBefore.before]]
          : 'actedWithin' in r
            ? r.actedWithin.action
              ? [['action', r.actedWithin.action]]
              : []
            : 'did' in r
              ? [['action', r.did]]
              : 'didNot' in r
                ? [['action', r.didNot]]
                : [];
      for (const [what, ref] of ids) {
        const known = what === 'panel' ? panelIds.has(ref!) : what === 'action' ? actionIds.has(ref!) : panelIds.has(ref!) || actionIds.has(ref!);
        if (!known) bad.push(`check ${check.id}: ${what} ${ref}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('has unique ids and no action named like a panel', () => {
    const ids = (xs: { id: string }[] | undefined) => (xs ?? []).map((x) => x.id);
    for (const list of [scenario.phases, incident.panels, incident.actions, incident.events, incident.checks, scenario.samples]) {
      const l = ids(list);
      expect(new Set(l).size).toBe(l.length);
    }
    expect(ids(incident.actions).filter((a) => panelIds.has(a))).toEqual([]);
  });

  it('points only at beats the rubric defines (once the rubric exists)', () => {
    const rubric = readRubric();
    if (!rubric) return;
    const known = rubricBeatRefs(rubric);
    expect(beatRefsOf(scenario).filter((r) => !known.has(r))).toEqual([]);
  });

  it('compiles every ask and do pattern', () => {
    expect(() => matcherFor(scenario)).not.toThrow();
  });

  it('loses no text to a YAML comment: a plain scalar with " #" (a channel name, #num) must be quoted', () => {
    const cut: string[] = [];
    visit(parseDocument(text), {
      Scalar(_, node) {
        if (node.comment) cut.push(`${String(node.value)} #${node.comment}`);
      },
    });
    expect(cut).toEqual([]);
  });
});

/** [what the candidate types, panels it must reveal, actions it must trigger, ids it must NOT reveal or trigger] */
type Case = [text: string, panels: string[], actions: string[], not?: string[]];

const phrasings: Record<string, Case[]> = {
  'payment-auth-3am': [
    ['Check the dashboards.', ['service-overview'], []],
    ['Check grafana', ['service-overview'], []],
    ['Look at p95 latency, error rate and throughput.', ['service-overview'], []],
    ['What do the logs say?', ['logs'], []],
    ['Any recent deploys?', ['deploys'], []],
    ['Is the database ok?', ['database'], []],
    ['What does the partner queue depth look like?', ['partner-queue'], []],
    ["What's the partner status page say?", ['partner-status'], [], ['partner-queue']],
    ['Pull up the traces.', ['traces'], []],
    ['Is it us? Check CPU, memory, GC and pods for auth-api.', ['service-process'], []],
    ['Let me read the runbook.', ['runbook'], []],
    ['Who is the incident manager on call?', ['oncall'], [], ['page-im']],
    ['Check the reconciliation dashboard for mismatches.', ['reconciliation'], []],
    ['Declare an incident and page the incident manager.', [], ['declare-incident', 'page-im']],
    ["I'm declaring a SEV-2.", [], ['declare-incident']],
    ['Page the payments comms rotation for the incident-comms role.', [], ['page-comms']],
    ['Post a status update to stakeholders.', [], ['post-update']],
    ['I would not fail open.', [], [], ['fail-open']],
    ["I'm not going to fail open.", [], [], ['fail-open']],
    ["Failing open would be risky here because the partner is slow, not down.", [], [], ['fail-open']],
    ['Rather than failing open, I will rate-limit new authorisations.', [], ['rate-limit'], ['fail-open']],
    ['I will fail open.', [], ['fail-open']],
    ["Let's fail open so payments go through.", [], ['fail-open']],
    ['Flip the fail-open flag.', [], ['fail-open']],
    ['Turn off fail open.', [], ['close-fail-open'], ['fail-open']],
    ['Rate limit incoming authorisation requests.', [], ['rate-limit']],
    ["I'd put a rate limit on new authorisations.", [], ['rate-limit']],
    ['Throttle new authorisations to 800 per second.', [], ['rate-limit']],
    ['Lift the rate limit.', [], ['lift-rate-limit'], ['rate-limit']],
    ["I'll remove the rate limit now that the partner is healthy.", [], ['lift-rate-limit'], ['rate-limit']],
    ['Call the Northbridge NOC.', [], ['contact-partner']],
    ['Reach out to the partner and open a ticket with them.', [], ['contact-partner']],
    ['Scale out the service to more pods.', [], ['scale-out']],
    ['Restart the auth-api pods.', [], ['restart-service']],
    ['Roll back the last deploy.', [], ['rollback-ledger']],
    ['I would not restart anything yet.', [], [], ['restart-service']],
    // played as candidates type
    ['p95?', ['service-overview'], []],
    ['db?', ['database'], []],
    ['logs', ['logs'], []],
    ['recent deploys?', ['deploys'], []],
    ['queue?', ['partner-queue'], []],
    ['pull the traces in honeycomb', ['traces'], []],
    ['check the k8s pods', ['service-process'], []],
    ['is the LB healthy', ['load-balancer'], []],
    ['what about the CDN', ['load-balancer'], []],
    ['any cert expiry? DNS ok?', ['network'], [], ['database']],
    ['Check the TLS certificate on the partner connection', ['network'], [], ['database']],
    ["what's the error budget burn", ['slo'], []],
    ['what did the last on-call do?', ['alert-history'], []],
    ['bump the replica count to 30', [], ['scale-out'], ['database']],
    ['roll back whatever went out last', [], ['rollback-ledger']],
    ['failover to the secondary region', [], ['region-failover'], ['page-im']],
    ['can I ask Dev what he thinks?', [], ['page-secondary'], ['page-im']],
    ['page the secondary', [], ['page-secondary'], ['page-im']],
    ['open an incident channel and get the IC on', [], ['declare-incident', 'page-im']],
    ['ring the bank', [], ['contact-partner']],
    ['open the circuit breaker on northbridge', [], ['circuit-breaker'], ['fail-open']],
    ["don't restart anything yet. Also don't fail open. I'd rather throttle the new authorizations to what the bank can handle", [], ['rate-limit'], ['restart-service', 'fail-open']],
    // reported by players: what an ask must reveal, and what it must leave alone
    ['Is the database ok? What does CPU and connection pool usage look like on payments-db?', ['database'], [], ['network']],
    ["No, I won't fail open: goods would ship before the partner's decline comes back, and the state changes under us.", [], [], ['deploys', 'fail-open']],
    ["I'd raise the rate limit back in steps once the partner recovers.", [], ['raise-rate-limit'], ['network', 'deploys', 'rate-limit', 'lift-rate-limit']],
    ['Raise the rate limit to 1000 per second.', [], ['raise-rate-limit'], ['rate-limit', 'lift-rate-limit']],
    ['Remove the rate limit.', [], ['lift-rate-limit'], ['raise-rate-limit']],
    ['Rate limit new authorisations to 800 per second.', [], ['rate-limit'], ['raise-rate-limit']],
    ["what's the timeout configured on the partner client?", ['partner-client'], []],
    ['what retries does the partner client do?', ['partner-client'], []],
    ['how full are the disks on the auth-api nodes?', ['infra-nodes'], []],
    ['Can we route some traffic to our backup acquirer?', ['acquirers'], [], ['service-overview', 'region-failover']],
    ['Is there a second acquirer we could use?', ['acquirers'], []],
    ['how much traffic are we getting?', ['service-overview'], []],
    ['what changed recently?', ['deploys'], []],
  ],
  'replica-lag-stale-reads': [
    ['Check the dashboards.', ['wallet-overview'], []],
    ['How far behind are the replicas?', ['replica-lag'], []],
    ['What does replication lag look like?', ['replica-lag'], []],
    ['Is the primary database ok?', ['db-primary'], []],
    ['Any recent deploys or migrations?', ['change-log'], []],
    ['What do the logs say?', ['app-logs'], []],
    ['Are any wallets negative?', ['negative-balances'], []],
    ['Route balance reads to the primary.', [], ['route-reads-primary']],
    ['Cancel the index build.', [], ['pause-migration']],
    ['Pause withdrawals for now.', [], ['pause-withdrawals']],
    ['Page the DBA.', [], ['page-dba']],
    ['I would not fail over to a lagging replica.', [], [], ['failover']],
    ['Reconcile the affected wallets against the ledger.', [], ['run-reconciliation']],
    // played as candidates type
    ['lag?', ['replica-lag'], []],
    ['db?', ['db-primary'], []],
    ['check pg_stat_activity for long running queries', ['db-primary'], []],
    ['what does pgbouncer say', ['db-primary'], []],
    ['whether anything is failing in honeycomb traces', ['traces'], []],
    ['is the LB healthy', ['load-balancer'], []],
    ['is it DNS? any cert expiry?', ['load-balancer'], []],
    ['check redis', ['cache'], []],
    ["what's our SLO and error budget?", ['slo'], []],
    ['what did the last on-call do? has this happened before?', ['alert-history'], []],
    ["don't fail over yet. Let's pin balance reads to the writer", [], ['route-reads-primary'], ['failover']],
    ['ok, reads to primary', [], ['route-reads-primary']],
    ['kill the migration', [], ['pause-migration']],
    ['stop withdrawals', [], ['pause-withdrawals']],
    ['get the dba and ask her opinion', [], ['page-dba']],
    ['call risk ops', [], ['page-risk']],
    ['roll back the last deploy', [], ['rollback-deploy']],
    ['revert the deploy', [], ['rollback-deploy']],
    ['what are the redis evictions?', ['cache'], []],
    ['scale up the primary instance size', [], ['resize-db']],
    ['add more read replicas', [], ['resize-db']],
    ['flush the cache', [], ['flush-cache']],
    ['promote replica-1', [], ['failover']],
    ['restart the replicas', [], ['restart-replicas']],
    // a pool question is not a network question; a disk question gets disk figures
    ['Is the database ok? What does CPU and connection pool usage look like on the db?', ['db-primary'], [], ['load-balancer']],
    ['how full is the disk on the primary?', ['db-primary'], []],
  ],
  'connection-leak-bad-deploy': [
    ['Check grafana.', ['orders-overview'], []],
    ['What does the connection pool look like?', ['app-pool'], []],
    ['Is the database ok?', ['orders-db'], []],
    ['Any recent deploys?', ['deploys'], []],
    ['Pull up the traces.', ['traces'], []],
    ['Is it the marketing campaign?', ['campaign-traffic'], []],
    ['Roll back the deploy.', [], ['rollback']],
    ["Let's revert to v5.11.4.", [], ['rollback']],
    ['Turn off the export endpoint with the feature flag.', [], ['disable-export']],
    ['Double the pool size.', [], ['raise-pool']],
    ['I would not raise the pool size on a shared database.', [], [], ['raise-pool']],
    ['Freeze deploys to orders-api.', [], ['freeze-deploys']],
    // played as candidates type
    ['5xx?', ['orders-overview'], []],
    ['db?', ['orders-db'], []],
    ['pool?', ['app-pool'], []],
    ['check hikari', ['app-pool'], []],
    ['check pg_stat_activity', ['orders-db'], []],
    ['check the canary analysis', ['deploys'], []],
    ['is the LB healthy?', ['load-balancer'], []],
    ['is it DNS? cert expiry?', ['load-balancer'], []],
    ['what did the last on-call do?', ['alert-history'], []],
    ["what's the error budget", ['slo'], []],
    ['check the k8s pods', ['app-process'], []],
    ['can I ask Chloe what she thinks', [], ['page-author']],
    ['kill the idle in transaction sessions', [], ['kill-idle-sessions']],
    ['The export path never closes its connections.', [], [], ['kill-idle-sessions']],
    ["don't roll back yet, I want to understand it. Check hikari", ['app-pool'], [], ['rollback']],
    ['ok now revert to the previous version', [], ['rollback']],
    ['Is the database ok? What does CPU and connection pool usage look like on the db?', ['orders-db', 'app-pool'], [], ['load-balancer']],
    ["what's the connection timeout configured on hikari?", ['app-pool'], [], ['load-balancer']],
    ["what's the timeout configured on the client?", ['app-pool'], []],
    ['how full are the disks on the nodes?', ['node-drain'], []],
  ],
  'broker-disk-full': [
    ['How fast is the disk filling?', ['broker-disk'], []],
    ['Which topic is growing?', ['topic-bytes'], []],
    ['Who is producing to it?', ['producer-clients'], []],
    ['What does consumer lag look like on clickstream-raw?', ['consumer-lag'], []],
    ['Any under-replicated partitions?', ['broker-health'], []],
    ['Lower retention on clickstream-raw to 2 days.', [], ['cut-retention']],
    ['Grow the EBS volume on broker-3.', [], ['expand-disk']],
    ['Put a quota on the mobile-analytics producer.', [], ['throttle-producer']],
    ['Page the mobile team.', [], ['page-mobile']],
    ['I would never delete segment files by hand.', [], [], ['delete-segments']],
    ['Delete the oldest segment files.', [], ['delete-segments']],
    // played as candidates type
    ['disk?', ['broker-disk'], []],
    ['topic?', ['topic-bytes'], []],
    ['producers?', ['producer-clients'], []],
    ['consumer lag?', ['consumer-lag'], []],
    ['check ISR', ['broker-health'], []],
    ["what's the retention on clickstream-raw", ['topic-config'], [], ['cut-retention']],
    ['what quotas are set on the producer?', ['topic-config'], [], ['throttle-producer']],
    ['check kafka-ui / akhq', ['topic-config'], []],
    ['is it DNS? cert expiry? is the LB healthy?', ['listeners'], []],
    ['what did the last on-call do?', ['alert-history'], []],
    ['quota the mobile client', [], ['throttle-producer']],
    ["don't touch the segments. I'd rather bump the EBS volume", [], ['expand-disk'], ['delete-segments']],
    ['ask Tom what he thinks', [], ['page-mobile']],
    ['halt the v8.2 rollout', [], ['halt-rollout'], ['throttle-producer']],
    ['let payments know', [], ['page-payments']],
    ['is there an lb in front of the brokers?', ['listeners'], []],
    ['sev2', [], ['declare-incident']],
    ['page IC', [], ['page-im']],
    ['Lower the producer quota in steps.', [], ['throttle-producer']],
    ['Reduce the quota on the mobile producer.', [], ['throttle-producer']],
  ],
  'alert-storm-flapping-dependency': [
    ['alerts?', ['alert-groups'], []],
    ['errors?', ['flag-overview'], []],
    ["What's the error rate on flag-service?", ['flag-overview'], []],
    ['check grafana', ['flag-overview'], []],
    ['lb?', ['health-check'], []],
    ['is the LB healthy', ['health-check'], []],
    ['db?', ['config-db'], []],
    ['logs', ['flag-logs'], []],
    ['recent deploys?', ['deploys'], []],
    ['is it flapping?', ['alert-history'], []],
    ['what did the last on-call do?', ['alert-history'], []],
    ['Show me the PagerDuty incidents grouped by alert.', ['alert-groups'], []],
    ['who else is being paged?', ['alert-groups'], []],
    ['whats paging and who', ['alert-groups'], []],
    ['is checkout actually broken?', ['consumer-impact'], []],
    ['what is the customer impact?', ['consumer-impact'], []],
    ["what's that payments webhook alert?", ['payments-webhooks'], []],
    ['check the k8s pods', ['k8s-nodes'], []],
    ['Still flapping. Put everything in maintenance mode.', [], ['silence-everything'], ['alert-history']],
    ['I will not put everything in maintenance mode.', [], [], ['silence-everything']],
    ['silence the dependency alerts', [], ['silence-dependency-alerts'], ['silence-everything']],
    ['Silence only the FlagServiceDependencyDown alert for four hours.', [], ['silence-dependency-alerts'], ['silence-everything']],
    ['mute the duplicate pages', [], ['silence-dependency-alerts']],
    ['stop paging the other teams', [], ['silence-dependency-alerts']],
    ['Mute all alerts until the morning.', [], ['silence-everything']],
    ['tell the other on-calls', [], ['notify-teams']],
    ['Tell everyone they can go back to sleep.', [], ['notify-teams']],
    ['post in the oncall channel', [], ['notify-teams']],
    ["It's quiet now, I'm going back to bed.", [], [], ['notify-teams']],
    ['fix the health check', [], ['relax-health-check']],
    ['switch the lb to livez', [], ['relax-health-check']],
    ['Raise the health check timeout to 1 second.', [], ['relax-health-check']],
    ['Remove the database ping from the health check.', [], ['relax-health-check']],
    ['merge the open incidents', [], ['group-alerts']],
    ['page the DBA', [], ['page-dba']],
    ['pause the backup', [], ['pause-backup']],
    ['restart the flag-service pods', [], ['restart-flag-service']],
    ['roll back the last deploy', [], ['rollback-flag-service']],
    ['declare a sev3', [], ['declare-incident']],
    ['page the IC', [], ['page-im']],
    ['ask Grace what she thinks', [], ['page-im']],
    ['bump the timeout to 2s and require 3 failures', [], ['relax-health-check']],
    ["don't silence everything. Add an inhibition rule so the dependency alerts are suppressed while HealthCheckFailing fires", [], ['silence-dependency-alerts'], ['silence-everything']],
    ["ping the on-calls in slack and say it's a false alarm, they can ack and sleep", [], ['notify-teams']],
    ['pull the traces in honeycomb', ['traces'], []],
    ['is it DNS? cert expiry?', ['network'], []],
    ["what's the CDN doing", ['network'], []],
    ["what's the error budget burn rate on checkout?", ['consumer-impact'], []],
    ['queue?', ['payments-webhooks'], []],
    ['revert the flag-service deploy', [], ['rollback-flag-service']],
    ['ack all the pages', [], ['ack-pages']],
    ['disable the FlagServiceDependencyDown alert entirely', [], ['silence-dependency-alerts']],
    ['raise the alert threshold to 5 minutes', [], ['tune-alerts'], ['relax-health-check']],
    ['scale up flag-service', [], ['scale-out']],
    ['failover to the other region', [], ['region-failover']],
    ["let's pause the backup", [], ['pause-backup']],
    ['Is the config database ok? What does connection pool usage look like?', ['config-db'], [], ['network']],
  ],
};

describe.each(Object.keys(phrasings))('the many ways people ask, %s', (id) => {
  const { scenario } = readScenario(id);
  const m = matcherFor(scenario);
  it.each(phrasings[id]!)('%s', (text, panels, actions, not = []) => {
    const gotPanels = m.panelsFor(text);
    const gotActions = m.actionsFor(text);
    expect(gotPanels).toEqual(expect.arrayContaining(panels));
    expect(gotActions).toEqual(expect.arrayContaining(actions));
    for (const x of not) expect([...gotPanels, ...gotActions]).not.toContain(x);
  });
});

// ---- played through the round engine ----

const fixtureRubric = join(root, 'test', 'fixtures', 'valid', 'rubric.yaml');

/** The built-in rubric once it exists; until then the fixture rubric (reveals and actions do not depend on it). */
function engineRubric(): CompiledRubric {
  const builtin = readRubric();
  if (builtin) {
    try {
      return compileRubric(builtin as unknown as RubricSpec);
    } catch {
      // a rubric mid-edit: fall through to the fixture
    }
  }
  return compileRubric(parse(readFileSync(fixtureRubric, 'utf8')) as RubricSpec);
}

interface Played {
  state: RoundState;
  transcript: TranscriptEntry[];
  /** Per candidate turn: the panels revealed and actions taken (or refused) in answer to it. */
  turns: { text: string; clock?: string; panels: string[]; actions: string[]; phase: string }[];
}

function play(scenario: Scenario, answers: string[], rubric = engineRubric()): Played {
  const ctx = prepareRound(scenario, rubric);
  let state = createRound(ctx, { seed: 1, untimed: true });
  state = step(ctx, state, { type: 'start' }, 0).state;
  const turns: Played['turns'] = [];
  answers.forEach((text, i) => {
    if (state.status === 'over') return;
    const clock = state.incident ? formatClock(state.incident.now) : undefined;
    const phase = state.phase.id;
    const r = step(ctx, state, parseInput(text) as RoundInput, (i + 1) * 30_000);
    state = r.state;
    const entries = r.effects.flatMap((e) => (e.type === 'entry' ? [e.entry] : []));
    turns.push({
      text,
      clock,
      phase,
      panels: entries.filter((e) => e.kind === 'panel').map((e) => e.ref!),
      actions: entries.filter((e) => e.kind === 'action').map((e) => e.ref!),
    });
  });
  return { state, transcript: state.transcript, turns };
}

/** Panels and actions each scenario's strong sample must reach, and what its chaotic sample must do. */
const keyPaths: Record<string, { strong: { panels: string[]; actions: string[] }; chaotic: { actions: string[] } }> = {
  'payment-auth-3am': {
    strong: {
      panels: ['service-overview', 'service-process', 'database', 'partner-queue', 'reconciliation'],
      actions: ['declare-incident', 'page-im', 'page-comms', 'post-update', 'rate-limit', 'contact-partner', 'lift-rate-limit'],
    },
    chaotic: { actions: ['restart-service', 'scale-out', 'fail-open'] },
  },
  'replica-lag-stale-reads': {
    strong: {
      panels: ['wallet-overview', 'app-process', 'change-log', 'replica-lag', 'db-primary', 'negative-balances'],
      actions: ['route-reads-primary', 'declare-incident', 'page-im', 'page-dba', 'pause-migration', 'post-update', 'run-reconciliation'],
    },
    chaotic: { actions: ['restart-replicas', 'failover'] },
  },
  'connection-leak-bad-deploy': {
    strong: {
      panels: ['orders-overview', 'app-pool', 'orders-db', 'deploys', 'app-logs'],
      actions: ['declare-incident', 'page-im', 'rollback', 'page-author', 'freeze-deploys', 'post-update'],
    },
    chaotic: { actions: ['scale-out', 'raise-pool', 'restart-pods'] },
  },
  'alert-storm-flapping-dependency': {
    strong: {
      panels: ['alert-groups', 'alert-history', 'flag-overview', 'consumer-impact', 'health-check', 'config-db'],
      actions: ['declare-incident', 'page-im', 'silence-dependency-alerts', 'notify-teams', 'relax-health-check'],
    },
    chaotic: { actions: ['restart-flag-service', 'silence-everything'] },
  },
  'broker-disk-full': {
    strong: {
      panels: ['broker-disk', 'topic-bytes', 'producer-clients', 'consumer-lag'],
      actions: ['declare-incident', 'page-im', 'cut-retention', 'throttle-producer', 'page-mobile', 'page-payments', 'post-update'],
    },
    chaotic: { actions: ['restart-broker', 'delete-segments'] },
  },
};

describe.each(incidents)('%s played through the round engine', (id) => {
  const { scenario } = readScenario(id);
  const samples = scenario.samples ?? [];
  const strong = samples[0]!;
  const chaotic = samples.find((s) => s.id.includes('chaotic'))!;
  const investigate = scenario.phases.find((p) => p.mode === 'investigate')!;

  it('has a strong and a chaotic sample', () => {
    expect(strong.id).toMatch(/strong/);
    expect(chaotic).toBeDefined();
  });

  it.each(samples.map((s) => [s.id, s] as const))('sample %s: every investigate turn gets an answer from the system', (_, sample) => {
    const p = play(scenario, sample.answers);
    for (const t of p.turns.filter((x) => x.phase === investigate.id)) {
      const answered = p.transcript.some((e) => e.role !== 'candidate' && e.atMs > 0 && e.phase === investigate.id);
      expect(answered, t.text).toBe(true);
    }
    expect(p.turns.length).toBe(sample.answers.length);
  });

  it('strong sample: reaches the key panels and actions, finishes the investigation, then reviews', () => {
    const p = play(scenario, strong.answers);
    const inc = p.state.incident!;
    expect(inc.revealed).toEqual(expect.arrayContaining(keyPaths[id]!.strong.panels));
    expect(inc.did).toEqual(expect.arrayContaining(keyPaths[id]!.strong.actions));
    expect(p.turns.at(-1)!.phase).not.toBe(investigate.id);
    expect(inc.fired.length).toBeGreaterThanOrEqual(1);
  });

  it('strong sample: earns every path beat and raises no red flag', () => {
    const inc = play(scenario, strong.answers).state.incident!;
    const findings = evaluateChecks(scenario, inc);
    expect(findings.filter((f) => f.redFlag).map((f) => f.redFlag!.id)).toEqual([]);
    expect(findings.filter((f) => f.beat && !f.beat.hit).map((f) => f.beat!.id)).toEqual([]);
  });

  it('chaotic sample: acts before looking and raises a red flag', () => {
    const inc = play(scenario, chaotic.answers).state.incident!;
    expect(inc.did).toEqual(expect.arrayContaining(keyPaths[id]!.chaotic.actions));
    const findings = evaluateChecks(scenario, inc);
    expect(findings.some((f) => f.redFlag)).toBe(true);
    const looked = (scenario.incident!.checks ?? []).find((c) => 'lookedFirst' in c.rule)!;
    expect(findings.find((f) => f.beat?.id === looked.id)?.beat?.hit).toBe(false);
    expect(inc.did.filter((a) => scenario.incident!.actions.find((x) => x.id === a)?.kind === 'declare')).toEqual([]);
  });

  it('negated phrasing never triggers a mitigation', () => {
    const p = play(scenario, [
      'I would not fail open.',
      "I'm not going to restart anything yet.",
      "I don't want to scale out into a slow dependency.",
      'I would not roll back the deploy without evidence.',
    ]);
    expect(p.state.incident!.did.filter((a) => scenario.incident!.actions.find((x) => x.id === a)?.kind === 'mitigate')).toEqual([]);
  });

  it('a turn that matches nothing gets an in-character fallback', () => {
    const p = play(scenario, ['Hmm, let me think about my breakfast.']);
    expect(p.transcript.some((e) => e.kind === 'fallback')).toBe(true);
  });
});

describe('replica-lag-stale-reads telemetry follows what the candidate did', () => {
  const { scenario } = readScenario('replica-lag-stale-reads');
  const panelText = (p: Played, id: string) => p.transcript.filter((e) => e.ref === id && e.kind === 'panel').at(-1)?.text ?? '';

  it('a disk question on the primary shows disk space', () => {
    expect(panelText(play(scenario, ['how full is the disk on the primary?']), 'db-primary')).toMatch(/data 58% of 4 TB/);
  });

  it('a restarted replica shows a longer lag than the other', () => {
    const p = play(scenario, ['Restart the replicas.', 'lag?']);
    expect(panelText(p, 'replica-lag')).toMatch(/replica-2 lag 131 s/);
  });

  it('wallets stop going negative once the lag is gone, even without touching the reads', () => {
    const p = play(scenario, ['Check the dashboards.', 'lag?', 'kill the migration', 'lag?', 'lag?', 'lag?', 'Are any wallets negative?']);
    expect(p.state.incident!.state['lagging']).toBe(false);
    expect(panelText(p, 'negative-balances')).toMatch(/none new/);
  });
});

describe('connection-leak-bad-deploy: timeout and disk questions get figures', () => {
  const { scenario } = readScenario('connection-leak-bad-deploy');
  const panelText = (p: Played, id: string) => p.transcript.filter((e) => e.ref === id && e.kind === 'panel').at(-1)?.text ?? '';
  it('the pool shows its connection timeout; the nodes show their disks', () => {
    expect(panelText(play(scenario, ["what's the timeout configured on the client?"]), 'app-pool')).toMatch(/connection-timeout 5 s/);
    expect(panelText(play(scenario, ['how full are the disks on the nodes?']), 'node-drain')).toMatch(/disks 31-47% used/);
  });
});

describe('broker-disk-full: what the candidate did shows up', () => {
  const { scenario } = readScenario('broker-disk-full');
  const panelText = (p: Played, id: string) => p.transcript.filter((e) => e.ref === id && e.kind === 'panel').at(-1)?.text ?? '';

  it('only the mobile team can halt the rollout, and halting it does not stop the growth', () => {
    const p = play(scenario, ['halt the v8.2 rollout', 'page the mobile team', 'halt the v8.2 rollout', 'which topic is growing?']);
    expect(p.state.incident!.path.find((x) => x.ref === 'halt-rollout')?.kind).toBe('refused');
    expect(p.state.incident!.did).toContain('halt-rollout');
    expect(p.state.incident!.state['growthStopped']).toBe(false);
    expect(panelText(p, 'topic-bytes')).toMatch(/440 MB\/s/);
  });

  it('a broker that went offline comes back once its disk is freed', () => {
    const p = play(scenario, ['disk?', 'disk?', 'disk?', 'disk?', 'Grow the EBS volume on broker-3.', 'Any under-replicated partitions?']);
    expect(p.state.incident!.fired).toContain('disk-full');
    expect(panelText(p, 'broker-health')).toMatch(/back online/);
  });
});

describe('alert-storm-flapping-dependency: the real alert in the pile', () => {
  const { scenario } = readScenario('alert-storm-flapping-dependency');
  const panelText = (p: Played, id: string) => p.transcript.filter((e) => e.ref === id && e.kind === 'panel').at(-1)?.text ?? '';

  it('maintenance mode hides the payments alert and its owner finds out late', () => {
    const p = play(scenario, ['alerts?', 'Put everything in maintenance mode.', 'alerts?', 'alerts?', 'alerts?', 'check the payments queue']);
    expect(p.transcript.some((e) => e.ref === 'payments-lost')).toBe(true);
    expect(panelText(p, 'payments-webhooks')).toMatch(/48,000/);
  });

  it('a scoped silence leaves the payments alert with its owner, who drains it', () => {
    const p = play(scenario, ['alerts?', 'Silence the FlagServiceDependencyDown alerts.', 'alerts?', 'alerts?', 'alerts?', 'check the payments queue']);
    expect(p.transcript.some((e) => e.ref === 'payments-lost')).toBe(false);
    expect(panelText(p, 'payments-webhooks')).toMatch(/draining/);
  });

  it('left alone, the flapping stops when the backup finishes, and is back tomorrow', () => {
    const p = play(scenario, ['alerts?', 'alerts?', 'alerts?', 'alerts?', 'alerts?', 'alerts?', 'alerts?', 'alerts?', 'alerts?', 'alerts?', 'lb?']);
    expect(p.transcript.some((e) => e.ref === 'backup-done')).toBe(true);
    expect(p.state.incident!.state['flapping']).toBe(false);
  });
});

describe('payment-auth-3am telemetry moves with time and with what the candidate did', () => {
  const { scenario } = readScenario('payment-auth-3am');
  const panelText = (p: Played, id: string) => p.transcript.filter((e) => e.ref === id && e.kind === 'panel').at(-1)?.text ?? '';

  it('the partner queue and the error budget move with the clock while nothing is done', () => {
    const p = play(scenario, ['What does the partner queue depth look like?', 'db', 'partner queue?', 'slo?', 'logs', 'partner queue?', 'slo?']);
    const depths = p.transcript.filter((e) => e.ref === 'partner-queue' && e.kind === 'panel').map((e) => /queue depth\s+([\d,]+)/.exec(e.text)?.[1]);
    expect(new Set(depths).size).toBe(depths.length);
    const budgets = p.transcript.filter((e) => e.ref === 'slo' && e.kind === 'panel').map((e) => /budget left\s+(\d+)%/.exec(e.text)?.[1]);
    expect(Number(budgets[1])).toBeLessThan(Number(budgets[0]));
  });

  it('a rate limit drains the partner queue', () => {
    const before = play(scenario, ['What does the partner queue depth look like?']);
    const after = play(scenario, ['What does the partner queue depth look like?', "I'll rate-limit new authorisations.", 'Queue depth again?']);
    expect(panelText(before, 'partner-queue')).toMatch(/4,800 and growing/);
    expect(panelText(after, 'partner-queue')).toMatch(/140 and steady/);
  });

  it('fail-open restores latency now and leaves mismatches after the partner recovers', () => {
    const answers = ['Check the dashboards.', 'I will fail open.', 'p95?', 'p95?', 'p95?', 'p95?', 'p95?', 'p95?', 'Check the reconciliation dashboard.'];
    const p = play(scenario, answers);
    expect(p.turns[2]!.panels).toContain('service-overview');
    expect(panelText(p, 'service-overview')).toBeTruthy();
    expect(p.transcript.find((e) => e.ref === 'service-overview' && e.clock === '02:57')?.text).toMatch(/150 ms/);
    expect(panelText(p, 'reconciliation')).toMatch(/684 mismatches/);
    expect(p.state.incident!.fired).toEqual(expect.arrayContaining(['late-declines', 'partner-recovers']));
  });

  it('without a fail-open the reconciliation stays clean', () => {
    const p = play(scenario, ['Rate limit incoming authorisation requests.', 'p95?', 'p95?', 'p95?', 'p95?', 'p95?', 'p95?', 'p95?', 'Check reconciliation.']);
    expect(panelText(p, 'reconciliation')).toMatch(/0 mismatches across 41,820/);
  });

  it('the strong sample lifts the rate limit only after the partner has recovered', () => {
    const p = play(scenario, scenario.samples![0]!.answers);
    const path = p.state.incident!.path;
    const recovered = path.find((x) => x.kind === 'event' && x.ref === 'partner-recovers');
    const lifted = path.find((x) => x.kind === 'did' && x.ref === 'lift-rate-limit');
    expect(recovered).toBeDefined();
    expect(lifted!.seq).toBeGreaterThan(recovered!.seq);
    expect(p.transcript.some((e) => e.ref === 'partner-back')).toBe(true);
  });

  it('a candidate who declared but never mitigated still gets a turn after the partner recovers', () => {
    const p = play(scenario, ['p95?', 'db?', 'logs', 'recent deploys?', 'pods?', 'queue?', 'declare sev2', 'page IC', 'p95 again?', 'anything else?']);
    const afterRecovery = p.turns.find((t) => t.clock === '03:27');
    expect(afterRecovery?.phase).toBe('triage');
    expect(afterRecovery?.panels).toContain('service-overview');
    expect(p.turns.at(-1)!.phase).toBe('review');
  });

  it('the fail-open probe is not offered once the partner has recovered', () => {
    const p = play(scenario, ['p95?', 'db?', 'logs', 'recent deploys?', 'pods?', 'traces', 'runbook', 'queue?', 'ok']);
    expect(p.transcript.some((e) => e.ref === 'do-you-fail-open')).toBe(false);
  });

  it('a rate limit can be raised a step, and a step too early brings the queue back', () => {
    const refused = play(scenario, ['Raise the rate limit to 1000 per second.']);
    expect(refused.state.incident!.path.find((x) => x.ref === 'raise-rate-limit')?.kind).toBe('refused');
    const p = play(scenario, ['queue?', "I'll rate-limit new authorisations.", 'Raise the rate limit to 1000 per second.', 'queue depth?']);
    expect(p.turns[2]!.actions).toEqual(['raise-rate-limit']);
    expect(p.state.incident!.state['rateLimited']).toBe(true);
    expect(panelText(p, 'partner-queue')).toMatch(/1,900 and growing/);
  });

  it('the disk question shows disk figures', () => {
    const p = play(scenario, ['how full are the disks on the auth-api nodes?']);
    expect(panelText(p, 'infra-nodes')).toMatch(/disk 38-44% used/);
  });

  it('the partner client panel shows the 5 s timeout', () => {
    const p = play(scenario, ["what's the timeout configured on the partner client?"]);
    expect(panelText(p, 'partner-client')).toMatch(/timeout\s+5 s/);
  });

  it('nobody speaks before they are introduced: Lena only once comms is paged', () => {
    const p = play(scenario, ['Declare a SEV-2.', 'Post a status update to support.', 'Post another status update.']);
    const said = p.transcript.filter((e) => e.role !== 'candidate').map((e) => e.text).join('\n');
    expect(said).not.toMatch(/Lena/);
    expect(said).toMatch(/Sam, on the EU support shift/);
  });

  it.each([
    ['a round ended at once claims no recovery', ['/end'], /still slow/],
    ['a round ended before 03:25 claims no recovery', ['p95?', 'db?', '/end'], /still slow; in this scenario/],
    ['fail-open is named at the end', ['I will fail open.', 'p95?', 'p95?', 'p95?', 'p95?', 'p95?', 'p95?', 'p95?', '/end'], /fail-open was on are still being reconciled/],
    ['a limit left on after the recovery is named', ['queue?', "I'll rate-limit new authorisations.", 'p95?', 'p95?', 'p95?', 'p95?', 'p95?', 'p95?', '/end'], /rate limit was still/],
  ] as const)('wrap-up: %s', (_, answers, said) => {
    const p = play(scenario, [...answers]);
    const wrap = p.transcript.filter((e) => e.kind === 'wrapup').map((e) => e.text);
    expect(wrap).toHaveLength(1);
    expect(wrap[0]).toMatch(said);
    if (!/03:32/.test(String(said))) expect(wrap[0]).not.toMatch(/back to baseline/);
  });

  it('wrap-up: the strong sample reaches the full recovery and says so', () => {
    const p = play(scenario, scenario.samples![0]!.answers);
    expect(p.transcript.filter((e) => e.kind === 'wrapup').map((e) => e.text)).toEqual([expect.stringMatching(/back to baseline by 03:32/)]);
  });

  it('a turn that finds nothing costs a minute, one that looks or acts costs five', () => {
    const p = play(scenario, ['Hmm, let me think about my breakfast.', 'I would not fail open.', 'p95?', 'Declare a SEV-2.', 'db?']);
    expect(p.turns.map((t) => t.clock)).toEqual(['02:47', '02:48', '02:49', '02:54', '02:59']);
  });

  it('status updates need a declared incident first', () => {
    const p = play(scenario, ['Post a status update to stakeholders.', 'Declare an incident.', 'Post a status update to stakeholders.']);
    expect(p.turns[0]!.actions).toEqual(['post-update']);
    expect(p.state.incident!.did).toEqual(['declare-incident', 'post-update']);
  });
});

describe.skipIf(readRubric() === null)('samples score where they say they do (built-in rubric)', () => {
  const cases = incidents.flatMap((id) => (readScenario(id).scenario.samples ?? []).map((sample) => [id, sample.id] as const));
  it.each(cases)('%s / %s', (id, sampleId) => {
    const { scenario } = readScenario(id);
    const sample = scenario.samples!.find((x) => x.id === sampleId)!;
    const rubric = engineRubric();
    const { state } = play(scenario, sample.answers, rubric);
    const { report } = finishRound(prepareRound(scenario, rubric), state);
    const off: string[] = [];
    for (const [signal, expected] of Object.entries(sample.expect)) {
      const [lo, hi] = typeof expected === 'number' ? [expected, expected] : expected!;
      const got = report.signals.find((x) => x.id === signal)?.level;
      if (got === undefined || got < lo || got > hi) off.push(`${signal}: ${got} not in [${lo}, ${hi}]`);
    }
    expect(off).toEqual([]);
  });
});

// For authors: DUMP_PLAY=<scenario>:<sample> prints that sample's transcript as the engine plays it.
describe.skipIf(!process.env.DUMP_PLAY)('transcript dump', () => {
  it('prints the transcript', () => {
    const [id, sampleId] = process.env.DUMP_PLAY!.split(':');
    const { scenario } = readScenario(id!);
    const sample = scenario.samples!.find((s) => s.id === sampleId)!;
    const p = play(scenario, sample.answers);
    for (const e of p.transcript) console.log(`[${e.clock ?? ''}] ${e.role}/${e.kind}${e.ref ? `(${e.ref})` : ''}: ${e.text.slice(0, 300)}`);
    console.log(JSON.stringify(p.state.incident?.did), p.state.status);
  });
});

describe('payment-auth-3am: time judgements on the clock the candidate saw', () => {
  const { scenario } = readScenario('payment-auth-3am');
  it('declaring on the sixth turn, two of them answers to the interviewer, is within 20 minutes', () => {
    const p = play(scenario, [
      'Show me the latency and error rate.',
      "What's the queue depth on the partner integration?",
      "No, I won't fail open: the bank may decline what we approve.",
      'Is the database ok?',
      'It is the partner, not us.',
      'I declare an incident and page the incident manager.',
    ]);
    const declared = p.state.incident!.path.find((s) => s.kind === 'did' && s.ref === 'declare-incident')!;
    expect(declared.at - p.state.incident!.startAt).toBeLessThanOrEqual(20);
    const check = evaluateChecks(scenario, p.state.incident!).find((f) => f.beat?.label.startsWith('Declared'));
    expect(check?.beat?.hit).toBe(true);
  });
});
