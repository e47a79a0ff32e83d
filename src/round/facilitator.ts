import { LEVEL_LABELS, type Level, type ScoringConfig, type SignalId } from '../rubric/types.js';
import type { Action, Condition, Incident, PathCheck, Scenario, StateValue } from '../scenario/types.js';
import type { Debrief } from '../debrief/types.js';
import type { BeatResult, SignalResult } from '../scoring/types.js';
import { answeredFloor, capAtWeak, capImagined, combine, roundScoring } from '../scoring/score.js';
import { displayScore } from '../scoring/scale.js';
import { clockAfterStart, describeRamps, parseClock } from './simclock.js';

// Facilitator mode: the sheet a human game master reads before the round, and the facilitator's
// verdicts on the scorer's beats applied to the debrief. Pure: no terminal, no process.

// ---------------------------------------------------------------------------------------------
// The sheet

export interface SheetView {
  /** In words: "after 03:25", "default". */
  condition: string;
  text: string;
}

export interface SheetPanel {
  id: string;
  title: string;
  redHerring: boolean;
  note?: string;
  views: SheetView[];
}

export interface SheetEvent {
  id: string;
  at: string;
  /** In words, or undefined when it always fires. */
  condition?: string;
  says: string;
  sets: string[];
}

export interface SheetAction {
  id: string;
  title: string;
  kind: Action['kind'];
  condition?: string;
  says: string;
  otherwise?: string;
  sets: string[];
}

export interface SheetCheck {
  id: string;
  signal: SignalId;
  label: string;
  weight: number;
  redFlag: boolean;
  /** What the candidate must do (or not) for it to hold, in words. */
  rule: string;
  why?: string;
}

export interface SheetIncident {
  page: Incident['page'];
  start: string;
  day?: string;
  minutesPerTurn: number;
  /** Minutes a turn that finds nothing costs, when different from minutesPerTurn. */
  minutesPerMiss?: number;
  panels: SheetPanel[];
  events: SheetEvent[];
  actions: SheetAction[];
  checks: SheetCheck[];
}

export interface SheetPhase {
  title: string;
  minutes: number;
  investigate: boolean;
  prompt: string;
  probes: { say: string; condition?: string }[];
}

/** The scenario's own heading fields, then what a game master needs to run it. */
export interface FacilitatorSheet extends Pick<Scenario, 'id' | 'kind' | 'title' | 'minutes' | 'signals' | 'summary'> {
  facilitatorSummary?: string;
  /** What the interviewer asks, phase by phase. */
  phases: SheetPhase[];
  incident?: SheetIncident;
  timeline: { at: string; what: string }[];
  expected: string[];
  /** Per phase, the labels of the beats it grades. */
  phaseBeats: { phase: string; beats: string[] }[];
  redHerrings: string[];
  commonMistakes: string[];
  notes?: string;
}

/** Looks up a beat's label by reference ("signal-id/beat-id" or "story/beat-id"). */
export type BeatLabels = (ref: string) => string | undefined;

const showValue = (v: StateValue) => (typeof v === 'string' ? v : String(v));
const setsOf = (set: Record<string, StateValue> | undefined) => Object.entries(set ?? {}).map(([k, v]) => `${k} = ${showValue(v)}`);

function listWords(items: string[], joiner = 'or'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${joiner} ${items[items.length - 1]}`;
}

function lowerFirst(s: string): string {
  return /^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s;
}

/** Puts conditions into words, with the scenario's own titles for panels, actions and beats. */
export function describeCondition(when: Condition | undefined, scenario: Scenario, labels: BeatLabels): string | undefined {
  if (!when) return undefined;
  const inc = scenario.incident;
  const panel = (id: string) => inc?.panels.find((p) => p.id === id)?.title ?? id;
  const action = (id: string) => inc?.actions.find((a) => a.id === id)?.title ?? id;
  const beat = (ref: string) => labels(ref) ?? ref;
  const parts: string[] = [];
  if (when.after) parts.push(`after ${when.after}`);
  if (when.before) parts.push(`before ${when.before}`);
  if (when.state) {
    for (const [key, value] of Object.entries(when.state)) parts.push(describeState(key, value, scenario));
  }
  if (when.did?.length) parts.push(`once they did ${listWords(when.did.map((a) => `“${action(a)}”`), 'and')}`);
  if (when.notDid?.length) parts.push(`unless they did ${listWords(when.notDid.map((a) => `“${action(a)}”`))}`);
  if (when.revealed?.length) parts.push(`once they asked for ${listWords(when.revealed.map(panel), 'and')}`);
  if (when.notRevealed?.length) parts.push(`until they ask for ${listWords(when.notRevealed.map(panel))}`);
  if (when.hit?.length) parts.push(`once they covered ${listWords(when.hit.map((r) => `“${beat(r)}”`), 'and')}`);
  if (when.missed?.length) parts.push(`while they missed ${listWords(when.missed.map((r) => `“${beat(r)}”`), 'and')}`);
  if (when.turn !== undefined) parts.push(`from their turn ${when.turn} in the phase`);
  return parts.length > 0 ? parts.join(', ') : undefined;
}

/** "once rate-limited (state rateLimited = true)": what sets the value, then the value itself. */
function describeState(key: string, value: StateValue, scenario: Scenario): string {
  const inc = scenario.incident;
  const raw = `state ${key} = ${showValue(value)}`;
  const setter = inc?.actions.find((a) => a.set?.[key] === value);
  if (setter) return `once “${lowerFirst(setter.title)}” (${raw})`;
  const event = inc?.events.find((e) => e.set?.[key] === value);
  if (event) return `once the ${event.at} event ${event.id} fired (${raw})`;
  if (inc && inc.state[key] === value) return `while ${raw} (as at the page)`;
  return `when ${raw}`;
}

function describeRule(check: PathCheck, scenario: Scenario): string {
  const inc = scenario.incident;
  const title = (id: string) => `“${inc?.panels.find((p) => p.id === id)?.title ?? inc?.actions.find((a) => a.id === id)?.title ?? id}”`;
  const rule = check.rule;
  if ('lookedFirst' in rule) return `asked for at least ${rule.lookedFirst} panels before the first mitigation`;
  if ('revealedBefore' in rule) {
    return `asked for ${listWords(rule.revealedBefore.panels.map(title))} before ${title(rule.revealedBefore.before)}`;
  }
  if ('actedWithin' in rule) {
    const what = rule.actedWithin.action ? title(rule.actedWithin.action) : `any ${rule.actedWithin.kind ?? ''} action`.replace('  ', ' ');
    return `did ${what} within ${rule.actedWithin.minutes} minutes of the page`;
  }
  if ('did' in rule) return `did ${title(rule.did)}`;
  return `never did ${title(rule.didNot)}`;
}

/** Minutes after the page, so events sort in clock order across midnight. */
function clockOrder(at: string, start: string): number {
  const s = parseClock(start);
  return clockAfterStart(at, s) - s;
}

export function facilitatorSheet(scenario: Scenario, labels: BeatLabels): FacilitatorSheet {
  const f = scenario.facilitator;
  const inc = scenario.incident;
  const sheet: FacilitatorSheet = {
    id: scenario.id,
    kind: scenario.kind,
    title: scenario.title,
    minutes: scenario.minutes,
    signals: [...scenario.signals],
    summary: scenario.summary,
    phases: scenario.phases.map((p) => ({
      title: p.title,
      minutes: p.minutes,
      investigate: p.mode === 'investigate',
      prompt: p.prompt ?? `a prompt from the ${p.fromBank ?? 'signal'} prompt bank`,
      probes: (p.probes ?? []).map((q) => {
        const c = describeCondition(q.when, scenario, labels);
        return c ? { say: q.say, condition: c } : { say: q.say };
      }),
    })),
    timeline: [...(f?.timeline ?? [])],
    expected: [...(f?.expected ?? [])],
    phaseBeats: scenario.phases.map((p) => ({ phase: p.title, beats: (p.targets ?? []).map((r) => labels(r) ?? r) })),
    redHerrings: [...(f?.redHerrings ?? [])],
    commonMistakes: [...(f?.commonMistakes ?? [])],
  };
  if (f?.summary) sheet.facilitatorSummary = f.summary;
  if (f?.notes) sheet.notes = f.notes;
  if (inc) {
    const cond = (when: Condition | undefined) => describeCondition(when, scenario, labels);
    sheet.incident = {
      page: inc.page,
      start: inc.start,
      ...(inc.day ? { day: inc.day } : {}),
      minutesPerTurn: inc.minutesPerTurn,
      ...(inc.minutesPerMiss !== undefined && inc.minutesPerMiss !== inc.minutesPerTurn ? { minutesPerMiss: inc.minutesPerMiss } : {}),
      panels: inc.panels.map((p) => {
        const panel: SheetPanel = {
          id: p.id,
          title: p.title,
          redHerring: p.redHerring === true,
          views: p.views.map((v) => ({ condition: cond(v.when) ?? 'default', text: describeRamps(v.text) })),
        };
        if (p.note) panel.note = p.note;
        return panel;
      }),
      events: inc.events
        .map((e, i) => ({ e, i }))
        .sort((a, b) => clockOrder(a.e.at, inc.start) - clockOrder(b.e.at, inc.start) || a.i - b.i)
        .map(({ e }) => {
          const event: SheetEvent = { id: e.id, at: e.at, says: e.says, sets: setsOf(e.set) };
          const c = cond(e.when);
          if (c) event.condition = c;
          return event;
        }),
      actions: inc.actions.map((a) => {
        const action: SheetAction = { id: a.id, title: a.title, kind: a.kind, says: a.says, sets: setsOf(a.set) };
        const c = cond(a.when);
        if (c) action.condition = c;
        if (a.otherwise) action.otherwise = a.otherwise;
        return action;
      }),
      checks: (inc.checks ?? []).map((c) => {
        const check: SheetCheck = { id: c.id, signal: c.signal, label: c.label, weight: c.weight, redFlag: c.redFlag === true, rule: describeRule(c, scenario) };
        if (c.redFlag && c.why) check.why = c.why;
        return check;
      }),
    };
    for (const p of inc.panels) if (p.redHerring) sheet.redHerrings.push(`${p.title} (panel)${p.note ? `: ${p.note}` : ''}`);
  }
  return sheet;
}

// ---------------------------------------------------------------------------------------------
// The facilitator's verdicts

/** A beat's key within its signal: own beats by id, story-shape beats "story/id", path beats "path/id". */
export function beatKey(b: BeatResult): string {
  return b.story ? `story/${b.id}` : b.source === 'path' ? `path/${b.id}` : b.id;
}

/** Per reviewed signal, the keys of the beats the facilitator counts as hit. Signals left out were not reviewed. */
export type Judgement = Partial<Record<SignalId, readonly string[]>>;

/** The scorer's own verdicts as a judgement: what the review starts from. */
export function scorerJudgement(debrief: Debrief, signals: readonly SignalId[]): Judgement {
  const out: Judgement = {};
  for (const s of debrief.signals) if (signals.includes(s.id)) out[s.id] = s.beats.filter((b) => b.hit).map(beatKey);
  return out;
}

/**
 * A signal's score and level from its beats as judged, by the scorer's own steps in its order:
 * the combination of beats and red flags, the floor of an answered signal, the cap on an answer
 * only imagined where a story is expected, the salad cap.
 */
export function judgedVerdict(
  s: SignalResult,
  beats: readonly BeatResult[],
  answered: boolean,
  cfg: ScoringConfig,
  credit: number = cfg.hypotheticalCredit,
  storyExpected = false,
): { score: number; level: Level } {
  let verdict = capImagined(answeredFloor(combine(beats, s.redFlags, cfg, credit), answered, cfg), beats, storyExpected, cfg);
  if (s.salad) verdict = capAtWeak(verdict, cfg);
  return verdict;
}

function judgeSignal(s: SignalResult, hits: ReadonlySet<string>, answered: boolean, cfg: ScoringConfig, credit: number, storyExpected: boolean): SignalResult {
  const beats = s.beats.map((b): BeatResult => {
    const { facilitator: _previous, ...beat } = b;
    const judged = hits.has(beatKey(b));
    if (b.hit) return { ...beat, facilitator: judged ? 'accepted' : 'rejected' };
    return judged ? { ...beat, facilitator: 'awarded' } : beat;
  });
  // the beats as the facilitator judged them: an awarded beat counts in full, a rejected one not at all
  const asJudged = beats.map((b): BeatResult => {
    if (b.facilitator === 'rejected') return { ...b, hit: false };
    if (b.facilitator === 'awarded') return { ...b, hit: true, hypothetical: false };
    return b;
  });
  const verdict = judgedVerdict(s, asJudged, answered, cfg, credit, storyExpected);
  // a signal the round never asked about stays so unless the facilitator heard something of it
  const label = s.notReached !== undefined && verdict.score === 0 ? s.label : LEVEL_LABELS[verdict.level];
  // the verdict is in rubric points, as the scorer's was before the debrief showed it
  return { ...s, beats, facilitator: { score: displayScore(verdict.score, verdict.level, cfg.levelThresholds), level: verdict.level, label } };
}

export interface JudgeOptions {
  /**
   * The signals the round asked for and got a claim on (finish.ts answeredSignals): the scorer
   * holds them at weak with no beat, and so does the review. Default none, as for a story scored
   * on its own.
   */
  answered?: Iterable<SignalId>;
  /** Credit for a hypothetical hit; default the rubric's, as the scorer uses in a round. */
  credit?: number;
  /** The round expects stories (a behavioral round): an answer only imagined is weak at most. */
  storyExpected?: boolean;
}

/**
 * The debrief with the facilitator's verdicts beside the scorer's: each reviewed beat marked
 * accepted, rejected or awarded, each reviewed signal given the score and level its judged beats
 * earn by the scorer's rule (same combination, answered floor, red flags and salad cap), so
 * confirming every verdict gives back the scorer's score and level. The scorer's hit, score and
 * level are kept as they were. `cfg` is the rubric's scoring; a round's thresholds apply.
 */
export function applyJudgement(debrief: Debrief, judgement: Judgement, rubricCfg: ScoringConfig, opts: JudgeOptions = {}): Debrief {
  const cfg = roundScoring(rubricCfg);
  const answered = new Set(opts.answered ?? []);
  const credit = opts.credit ?? cfg.hypotheticalCredit;
  const signals = debrief.signals.map((s) => {
    const hits = judgement[s.id];
    return hits === undefined ? s : judgeSignal(s, new Set(hits), answered.has(s.id), cfg, credit, opts.storyExpected === true);
  });
  return { ...debrief, signals, facilitated: true };
}
