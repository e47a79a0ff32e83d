import type { RoundFact, SignalId } from '../rubric/types.js';
import type { Debrief, PhaseTiming, TimelineEntry } from '../debrief/types.js';
import { composeDebrief, factOfKind } from '../debrief/model.js';
import type { Phase, ScenarioKind } from '../scenario/types.js';
import { roundScoring, type ScoreOptions, type Span } from '../scoring/score.js';
import { DISPLAY_SCALE, reportOnDisplayScale } from '../scoring/scale.js';
import type { BeatResult, Doc, PathFinding, ScoreReport } from '../scoring/types.js';
import type { RoundContext } from './engine.js';
import { evaluateChecks } from './path.js';
import { analyze, scoreDoc, signalsAnswered } from './scorer.js';
import { formatClock } from './simclock.js';
import { isSilent, NOT_REACHED, overallLine } from '../scoring/summary.js';
import type { IncidentRun, PathStep, PhaseRun, RoundState } from './state.js';

export interface RoundResult {
  /** What the user sees: scores on the display scale. */
  debrief: Debrief;
  /** The scorer's report, in rubric points. */
  report: ScoreReport;
  /** Incident rounds: the investigation path as beats and red flags. */
  findings: PathFinding[];
}

/** A scenario the `next` suggestion may point at. */
export interface ScenarioSummary {
  id: string;
  kind: ScenarioKind;
  signals: SignalId[];
}

export interface FinishOptions {
  /** Other scenarios, so the debrief can suggest one that targets the weakest signal. */
  catalogue?: readonly ScenarioSummary[];
}

const SEPARATOR = '\n\n';

/**
 * Whether a phase asks for a real story. Story phases keep the rubric's partial credit for a
 * hypothetical; the default is every phase of a behavioral round and every fromBank prompt, and
 * a design or incident phase only when it says `story: true` ("walk me through a real incident").
 */
export function isStoryPhase(kind: ScenarioKind, def: Phase | undefined): boolean {
  return def?.story ?? (kind === 'behavioral' || def?.fromBank !== undefined);
}

/**
 * The candidate's text, all phases, as one document, and where each signal is read in it. Design
 * and incident answers are naturally "I would ...", so outside story phases a hypothetical earns
 * full credit: their tokens lose the hypothetical flag. Story phases keep the rubric's partial
 * credit.
 *
 * A signal is read only from the answers to the questions that ask for it (`answerSignals`): a
 * long answer elsewhere in the round neither raises nor lowers it. Every signal some phase of the
 * scenario targets gets a scope, empty when no such phase was answered.
 */
function candidateDoc(ctx: RoundContext, phases: PhaseRun[]): { doc: Doc; scopes: Partial<Record<SignalId, Span[]>> } {
  const parts: { text: string; fullCredit: boolean; answers: { from: number; to: number; signals: Set<string> }[] }[] = [];
  for (const p of phases) {
    const raw = p.answers.join(SEPARATOR);
    const text = raw.trim();
    if (!text) continue;
    const def = ctx.scenario.phases[p.index];
    const lead = raw.length - raw.trimStart().length;
    let at = -lead;
    const answers = p.answers.map((a, i) => {
      const span = { from: Math.max(0, at), to: Math.min(text.length, at + a.length), signals: answerSignals(def, p, i) };
      at += a.length + SEPARATOR.length;
      return span;
    });
    parts.push({ text, fullCredit: !isStoryPhase(ctx.scenario.kind, def), answers });
  }
  const doc = analyze(parts.map((p) => p.text).join(SEPARATOR));
  const scopes: Partial<Record<SignalId, Span[]>> = {};
  for (const def of ctx.scenario.phases) for (const signal of targetedSignals(def)) scopes[signal as SignalId] ??= [];
  let offset = 0;
  for (const part of parts) {
    const end = offset + part.text.length;
    if (part.fullCredit) {
      for (const t of doc.tokens) {
        if (t.start >= offset && t.end <= end) {
          t.hypothetical = false;
          t.counterfactual = false;
        }
      }
    }
    for (const a of part.answers) {
      if (a.to <= a.from) continue;
      for (const signal of a.signals) (scopes[signal as SignalId] ??= []).push({ start: offset + a.from, end: offset + a.to });
    }
    offset = end + SEPARATOR.length;
  }
  return { doc, scopes };
}

const signalsOf = (refs: readonly string[]): Set<string> => new Set(refs.map((r) => r.split('/')[0]!).filter((s) => s !== 'story'));

/** The signals a phase aims at: its own targets', its probes' and its prompt bank's. */
export function targetedSignals(def: Phase | undefined): Set<string> {
  const out = signalsOf([...(def?.targets ?? []), ...(def?.probes ?? []).flatMap((p) => p.targets ?? [])]);
  if (def?.fromBank) out.add(def.fromBank);
  return out;
}

/**
 * The signals one answer speaks to: its phase's own targets (and prompt bank's), plus the targets
 * of the inline probe it answers. A probe that was asked claims its signals for its own answers;
 * one never asked (the candidate covered it first, or the phase ended) leaves them to the whole
 * phase. A round saved before answers recorded their question reads the whole phase for all.
 */
export function answerSignals(def: Phase | undefined, run: Pick<PhaseRun, 'answered' | 'probesAsked'>, index: number): Set<string> {
  if (run.answered === undefined) return targetedSignals(def);
  const probe = run.answered[index] ?? null;
  const refs = [...(def?.targets ?? [])];
  for (const p of def?.probes ?? []) if (p.id === probe || !run.probesAsked.includes(p.id)) refs.push(...(p.targets ?? []));
  const out = signalsOf(refs);
  if (def?.fromBank) out.add(def.fromBank);
  return out;
}

/**
 * The round's facts: the first action of each kind on the investigation path. The milestones
 * and the rubric beats that name a fact (`roundFact`) both read them from here, so the debrief
 * can never say "Mitigated never" beside a mitigation beat earned by words alone.
 */
function roundFacts(ctx: RoundContext, inc: IncidentRun): { milestones: NonNullable<Debrief['milestones']>; findings: PathFinding[] } {
  const first = new Map<RoundFact, PathStep>();
  for (const p of inc.path) {
    const fact = p.kind === 'did' ? factOfKind(p.actionKind) : undefined;
    if (fact && !first.has(fact)) first.set(fact, p);
  }
  const milestones: NonNullable<Debrief['milestones']> = {};
  for (const [fact, step] of first) milestones[fact] = formatClock(step.at);
  const findings: PathFinding[] = [];
  for (const signal of ctx.rubric.spec.signals) {
    for (const b of signal.beats) {
      if (!b.roundFact) continue;
      const step = first.get(b.roundFact);
      const title = ctx.scenario.incident?.actions.find((a) => a.id === step?.ref)?.title ?? step?.ref ?? '';
      const beat: BeatResult = { id: b.id, label: b.label, weight: b.weight, hit: step !== undefined, source: 'path', probe: b.probe, tip: b.tip };
      if (step) beat.evidence = `${formatClock(step.at)} ${title}${step.said ? ` ("${firstLine(step.said, 120)}")` : ''}`;
      findings.push({ signal: signal.id, beat, decides: b.id });
    }
  }
  return { milestones, findings };
}

function firstLine(text: string, max = 140): string {
  const line = text.split('\n').find((l) => l.trim() !== '')?.trim() ?? '';
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}

function timeline(ctx: RoundContext, state: RoundState): TimelineEntry[] {
  const inc = state.incident;
  const scenario = ctx.scenario.incident;
  if (!inc || !scenario) return [];
  const title = (id: string | undefined) =>
    scenario.panels.find((p) => p.id === id)?.title ?? scenario.actions.find((a) => a.id === id)?.title ?? id ?? '';
  // `what` is the candidate's own words (the debrief quotes it); `result` what the system showed
  return inc.path.map((p) => {
    const clock = formatClock(p.at);
    const said = firstLine(p.said ?? '');
    const entry: TimelineEntry =
      p.kind === 'asked'
        ? { clock, kind: 'asked', what: said, result: `${title(p.ref)}: ${summaryOf(p.result)}` }
        : p.kind === 'did'
          ? { clock, kind: 'did', what: said, result: `${title(p.ref)}: ${summaryOf(p.result)}` }
          : p.kind === 'event'
            ? { clock, kind: 'event', what: p.ref ?? 'event', result: summaryOf(p.result) }
            : p.kind === 'refused'
              ? { clock, kind: 'unmatched', what: said, result: `${title(p.ref)}, not now: ${summaryOf(p.result)}` }
              : { clock, kind: 'unmatched', what: said, result: summaryOf(p.result) };
    if (p.ref !== undefined) entry.ref = p.ref;
    return entry;
  });
}

/** The first lines of a panel or reply, on one line: enough to recall what it showed. */
function summaryOf(text: string, max = 160): string {
  const lines = text
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter((l) => l !== '');
  let out = lines[0] ?? '';
  for (const l of lines.slice(1)) {
    if (out.length >= 60) break;
    out += ` | ${l}`;
  }
  return out.length > max ? `${out.slice(0, max - 1).trimEnd()}…` : out;
}

function phaseTimings(ctx: RoundContext, state: RoundState): PhaseTiming[] {
  const runs = [...state.done, ...(state.status === 'over' ? [] : [state.phase])];
  return ctx.scenario.phases.map((p, i) => {
    const run = runs.find((r) => r.index === i);
    const spentMs = run ? (run.endedAtMs ?? state.lastAtMs) - run.startedAtMs : 0;
    return { id: p.id, title: p.title, budgetMinutes: p.minutes * (state.phaseScale ?? 1), spentMs: Math.max(0, spentMs) };
  });
}

/** A missed beat only the phase titled `phase` would have asked for: not a miss, and its tip says so. */
function notReachedBefore(beat: BeatResult, phase: string): void {
  beat.notReached = phase;
  beat.tip = `Not reached: the round ended before ${phase}.`;
}

/**
 * A beat only a phase the round never reached asks for is not a miss: it says so, with that
 * phase's title, in place of a coaching tip. So is every beat of a targeted signal no started
 * phase asks about, and the signal is "not asked".
 */
function markNotReached(ctx: RoundContext, state: RoundState, report: ScoreReport): void {
  const started = new Set([...state.done, ...(state.status === 'over' ? [] : [state.phase])].map((p) => p.index));
  const reached = new Set<string>();
  const unreached = new Map<string, string>();
  ctx.scenario.phases.forEach((p, i) => {
    const refs = [...(p.targets ?? []), ...(p.probes ?? []).flatMap((q) => q.targets ?? [])];
    for (const ref of refs) {
      if (started.has(i)) reached.add(ref);
      else if (!unreached.has(ref)) unreached.set(ref, p.title);
    }
  });
  for (const signal of report.signals) {
    for (const beat of signal.beats) {
      const ref = `${beat.story ? 'story' : signal.id}/${beat.id}`;
      const phase = unreached.get(ref);
      if (beat.hit || phase === undefined || reached.has(ref) || beat.source === 'path') continue;
      notReachedBefore(beat, phase);
    }
  }
  // a targeted signal no started phase asks for, with nothing heard of it, was not reached: not a
  // gap in what the candidate said
  const asking = ctx.scenario.phases.map((p, i) => ({ i, title: p.title, signals: targetedSignals(p) }));
  for (const signal of report.signals) {
    if (!ctx.scenario.signals.includes(signal.id) || !isSilent(signal)) continue;
    const phases = asking.filter((p) => p.signals.has(signal.id));
    if (phases.length === 0 || phases.some((p) => started.has(p.i))) continue;
    signal.notReached = phases[0]!.title;
    signal.label = NOT_REACHED;
    for (const beat of signal.beats) if (!beat.hit && beat.source !== 'path' && beat.notReached === undefined) notReachedBefore(beat, signal.notReached);
  }
  const unasked = new Set(report.signals.filter((s) => s.notReached !== undefined).map((s) => s.id));
  if (unasked.size === 0) return;
  report.overall.gaps = report.overall.gaps.filter((id) => !unasked.has(id));
  if (!report.overall.salad) report.overall.summary = overallLine(report.signals, ctx.scenario.signals);
}

/** What the scorer reads of a round: the candidate's text, where each signal is read in it, and the path. */
function scoringInput(ctx: RoundContext, state: RoundState) {
  const { scenario } = ctx;
  const phases = [...state.done, ...(state.status === 'over' ? [] : [state.phase])];
  const facts = state.incident ? roundFacts(ctx, state.incident) : undefined;
  const findings = state.incident ? [...evaluateChecks(scenario, state.incident), ...(facts?.findings ?? [])] : [];
  const { doc, scopes } = candidateDoc(ctx, phases);
  const opts: ScoreOptions = { targets: scenario.signals, findings, scopes, expectEpisode: scenario.kind === 'behavioral' };
  return { doc, opts, facts };
}

/** Scores what the candidate typed and did, and builds the debrief. Works on an unfinished round too. */
export function finishRound(ctx: RoundContext, state: RoundState, opts: FinishOptions = {}): RoundResult {
  const { scenario } = ctx;
  const { doc, opts: scoring, facts } = scoringInput(ctx, state);
  const findings = [...(scoring.findings ?? [])];
  const report = scoreDoc(doc, ctx.rubric, scoring);
  markNotReached(ctx, state, report);
  const thresholds = roundScoring(ctx.rubric.spec.scoring).levelThresholds;
  const debrief = composeDebrief({
    report: reportOnDisplayScale(report, thresholds, scenario.signals),
    phases: scenario.phases,
    transcript: state.transcript,
    endMs: state.lastAtMs,
    targets: scenario.signals,
  });
  debrief.scale = { bands: [...DISPLAY_SCALE.bands] };
  debrief.phases = phaseTimings(ctx, state);
  debrief.minutes = scenario.minutes;
  if (state.incident && scenario.incident) {
    debrief.timeline = timeline(ctx, state);
    debrief.milestones = facts?.milestones ?? {};
  }
  if (debrief.next) {
    const signal = debrief.next.signal;
    const pick = (opts.catalogue ?? []).find((s) => s.id !== scenario.id && s.signals[0] === signal) ??
      (opts.catalogue ?? []).find((s) => s.id !== scenario.id && s.signals.includes(signal));
    if (pick) debrief.next = { ...debrief.next, kind: 'scenario', id: pick.id };
  }
  return { debrief, report, findings };
}

/**
 * The signals the round asked for and the candidate answered with at least one claim: held at
 * weak with none of their beats earned, by the scorer and by a facilitator who rejects them all.
 */
export function answeredSignals(ctx: RoundContext, state: RoundState): SignalId[] {
  const { doc, opts } = scoringInput(ctx, state);
  return signalsAnswered(doc, ctx.rubric, opts.scopes ?? {});
}
