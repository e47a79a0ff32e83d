import type { PathCheck, Scenario } from '../scenario/types.js';
import type { PathFinding } from '../scoring/types.js';
import { formatClock } from './simclock.js';
import type { IncidentRun, PathStep } from './state.js';

// The investigation path graded as beats and red flags: what the candidate looked at and did,
// in what order, in simulated time.

const QUOTE_MAX = 120;

function quote(said: string | undefined): string {
  if (!said) return '';
  const one = said.replace(/\s+/g, ' ').trim();
  return ` ("${one.length > QUOTE_MAX ? `${one.slice(0, QUOTE_MAX - 1)}…` : one}")`;
}

interface Verdict {
  holds: boolean;
  /** What happened, in the debrief's words, when the rule holds (or what was found instead). */
  evidence: string;
}

function titleOf(scenario: Scenario, id: string): string {
  const inc = scenario.incident;
  return inc?.panels.find((p) => p.id === id)?.title ?? inc?.actions.find((a) => a.id === id)?.title ?? id;
}

function firstStep(path: PathStep[], pred: (p: PathStep) => boolean): PathStep | undefined {
  return path.find(pred);
}

function judge(scenario: Scenario, inc: IncidentRun, check: PathCheck): Verdict {
  const { path } = inc;
  const at = (p: PathStep) => formatClock(p.at);
  const after = (p: PathStep) => Math.round(p.at - inc.startAt);
  const rule = check.rule;
  if ('lookedFirst' in rule) {
    const mitigation = firstStep(path, (p) => p.kind === 'did' && p.actionKind === 'mitigate');
    const looked: string[] = [];
    for (const p of path) {
      if (mitigation && p.seq >= mitigation.seq) break;
      if (p.kind === 'asked' && p.ref && !looked.includes(p.ref)) looked.push(p.ref);
    }
    const names = looked.map((id) => titleOf(scenario, id)).join(', ');
    const before = mitigation ? `before the first mitigation at ${at(mitigation)}` : 'and never mitigated blind';
    return {
      holds: looked.length >= rule.lookedFirst,
      evidence: `looked at ${looked.length} dashboard${looked.length === 1 ? '' : 's'}${names ? ` (${names})` : ''} ${before}`,
    };
  }
  if ('revealedBefore' in rule) {
    const { panels, before } = rule.revealedBefore;
    const target = firstStep(path, (p) => p.ref === before && (p.kind === 'asked' || p.kind === 'did'));
    const seen = firstStep(
      path,
      (p) => p.kind === 'asked' && p.ref !== undefined && panels.includes(p.ref) && (!target || p.seq < target.seq),
    );
    if (seen) {
      const tail = target ? `before ${titleOf(scenario, before)} at ${at(target)}` : `before any ${titleOf(scenario, before)}`;
      return { holds: true, evidence: `${at(seen)} asked for ${titleOf(scenario, seen.ref!)} ${tail}${quote(seen.said)}` };
    }
    return { holds: false, evidence: target ? `${titleOf(scenario, before)} at ${at(target)} came first` : 'never looked' };
  }
  if ('actedWithin' in rule) {
    const { kind, action, minutes } = rule.actedWithin;
    const done = firstStep(path, (p) => p.kind === 'did' && (action ? p.ref === action : p.actionKind === kind));
    if (!done) return { holds: false, evidence: `never did it` };
    const mins = after(done);
    return {
      holds: mins <= minutes,
      evidence: `${at(done)} ${titleOf(scenario, done.ref!)}, ${mins} minutes after the page${quote(done.said)}`,
    };
  }
  if ('didNot' in rule) {
    const done = firstStep(path, (p) => p.kind === 'did' && p.ref === rule.didNot);
    if (done) return { holds: false, evidence: `${at(done)} ${titleOf(scenario, rule.didNot)}${quote(done.said)}` };
    return { holds: true, evidence: `never: ${titleOf(scenario, rule.didNot)}, through ${formatClock(inc.now)}` };
  }
  const done = firstStep(path, (p) => p.kind === 'did' && p.ref === rule.did);
  if (done) return { holds: true, evidence: `${at(done)} ${titleOf(scenario, rule.did)}${quote(done.said)}` };
  return { holds: false, evidence: `never: ${titleOf(scenario, rule.did)}` };
}

/** Each check as a beat (hit or missed) or, when a red-flag rule holds, a red flag. */
export function evaluateChecks(scenario: Scenario, inc: IncidentRun): PathFinding[] {
  const out: PathFinding[] = [];
  for (const check of scenario.incident?.checks ?? []) {
    const v = judge(scenario, inc, check);
    if (check.redFlag) {
      if (v.holds) {
        out.push({
          signal: check.signal,
          redFlag: { id: check.id, label: check.label, weight: check.weight, evidence: v.evidence, why: check.why ?? check.tip, source: 'path' },
        });
      }
      continue;
    }
    out.push({
      signal: check.signal,
      beat: {
        id: check.id,
        label: check.label,
        weight: check.weight,
        hit: v.holds,
        ...(v.holds ? { evidence: v.evidence } : {}),
        source: 'path',
        tip: check.tip,
      },
    });
  }
  return out;
}
