import type { Action, ActionValueSpec, BeatRef, Condition, FollowUp, Panel, Phase, Probe, Scenario, StateValue } from '../scenario/types.js';
import type { Match } from '../scoring/types.js';
import { answersAlternatives, clauseAt, comesFirst, makesDecision, performs, presupposesDecision, readAction, readClauses, storyShape, VALUE_UNITS, type ActionValue, type Clause } from '../language/index.js';
import { actionWords, closestAction, matchGrammar, namesFlag, scenarioVerbs, withValue, type ActionWords, type GrammarMatch } from './vocabulary.js';
import { analyze, compilePattern, findMatches, hitBeats, mergeLexicon } from './scorer.js';
import type { CompiledPattern, CompiledRubric } from './scorer.js';
import { clockAfterStart, formatClock, formatDuration, parseClock, renderRamps, seededIndex } from './simclock.js';
import type { Effect, IncidentRun, PhaseRun, Question, RoundCommand, RoundInput, RoundState, StepResult } from './state.js';
import { ROUND_COMMANDS } from './state.js';
import type { TranscriptEntry } from './transcript.js';
import { evaluateChecks } from './path.js';
import { fillValues, resolveValue, withShown } from './values.js';

// The round as a state machine: step(ctx, state, input, now) → { state, effects }.
// No I/O and no clock of its own: `now` comes from the caller, so a journal of
// (input, now) pairs replays to the same state.

const MINUTE = 60_000;
const DEFAULT_MAX_FOLLOW_UPS = 2;

/** A scenario and rubric made ready for play: trigger patterns compiled once. */
export interface RoundContext {
  scenario: Scenario;
  rubric: CompiledRubric;
  panels: { panel: Panel; patterns: CompiledPattern[] }[];
  actions: { action: Action; patterns: CompiledPattern[] }[];
  /** Each action's verb, object and flags in the scenario's own words. */
  vocabulary: ActionWords[];
  /** Verbs of the scenario's world, for reading its imperatives. */
  verbs: Set<string>;
  /** Actions that take a value, by id: for {value ACTION} in what the system and interviewer say. */
  values: Map<string, ActionValueSpec>;
}

export function prepareRound(scenario: Scenario, rubric: CompiledRubric): RoundContext {
  const lexicon = mergeLexicon(rubric.lexicon, scenario.concepts ?? {});
  const incident = scenario.incident;
  return {
    scenario,
    rubric,
    panels: (incident?.panels ?? []).map((panel) => ({ panel, patterns: panel.ask.map((p) => compilePattern(p, lexicon)) })),
    actions: (incident?.actions ?? []).map((action) => ({ action, patterns: action.do.map((p) => compilePattern(p, lexicon)) })),
    vocabulary: actionWords(scenario),
    verbs: scenarioVerbs(scenario),
    values: new Map((incident?.actions ?? []).flatMap((a) => (a.value ? [[a.id, a.value] as const] : []))),
  };
}

export interface RoundOptions {
  seed: number;
  /** Overrides the scenario's minutes. */
  minutes?: number;
  untimed?: boolean;
}

/** The initial state, before the `start` input opens the round. */
export function createRound(ctx: RoundContext, opts: RoundOptions): RoundState {
  const { scenario } = ctx;
  if (scenario.phases.length === 0) throw new Error(`scenario ${scenario.id} has no phases`);
  const minutes = opts.minutes ?? scenario.minutes;
  const state: RoundState = {
    version: 1,
    scenarioId: scenario.id,
    kind: scenario.kind,
    seed: opts.seed >>> 0,
    budgetMs: opts.untimed ? null : Math.round(minutes * MINUTE),
    status: 'new',
    startedAt: 0,
    lastAtMs: 0,
    warned: { half: false, five: false },
    phase: newPhaseRun(ctx, 0, 0, opts.seed >>> 0, []),
    done: [],
    transcript: [],
    turns: 0,
  };
  if (!opts.untimed && opts.minutes !== undefined && opts.minutes !== scenario.minutes) state.phaseScale = opts.minutes / scenario.minutes;
  if (scenario.incident) {
    const startAt = parseClock(scenario.incident.start);
    state.incident = {
      startAt,
      now: startAt,
      state: { ...scenario.incident.state },
      revealed: [],
      did: [],
      fired: [],
      fallbackIndex: 0,
      path: [],
    };
  }
  return state;
}

/** Turns one typed line into an engine input; unknown slash commands are reported, not played. */
export function parseInput(line: string): RoundInput | { type: 'unknown'; command: string } {
  const text = line.trim();
  // a lone "/" is a command left unfinished, not an answer
  const m = /^\/([a-z]*)\s*$/i.exec(text);
  if (m) {
    const name = m[1]!.toLowerCase();
    if ((ROUND_COMMANDS as readonly string[]).includes(name)) return { type: 'command', command: name as RoundCommand };
    return { type: 'unknown', command: name };
  }
  return { type: 'turn', text: line };
}

/** A phase's budget in this round: the scenario's minutes, scaled when the round was given --minutes. */
export function phaseBudgetMs(s: RoundState, def: Phase): number {
  return def.minutes * (s.phaseScale ?? 1) * MINUTE;
}

function phaseDef(ctx: RoundContext, s: RoundState): Phase {
  return ctx.scenario.phases[s.phase.index]!;
}

function resolvePrompt(ctx: RoundContext, phase: Phase, seed: number, used: string[]): string {
  if (phase.prompt) return phase.prompt;
  if (phase.fromBank) {
    const bank = ctx.rubric.spec.signals.find((sig) => sig.id === phase.fromBank)?.prompts ?? [];
    const fresh = bank.filter((p) => !used.includes(p));
    const pool = fresh.length > 0 ? fresh : bank;
    if (pool.length > 0) return pool[seededIndex(seed, phase.id, pool.length)]!;
  }
  return phase.title;
}

function newPhaseRun(ctx: RoundContext, index: number, atMs: number, seed: number, used: string[]): PhaseRun {
  const def = ctx.scenario.phases[index]!;
  return {
    index,
    id: def.id,
    startedAtMs: atMs,
    answers: [],
    prompt: resolvePrompt(ctx, def, seed, used),
    question: { kind: 'prompt', ref: def.id, targets: [...(def.targets ?? [])], followUpsAsked: 0 },
    nextProbe: 0,
    probesAsked: [],
    followUpsAsked: [],
  };
}

/** Per-step working set: the mutable copy of the state, the effects so far, and lazy text analysis. */
class Step {
  readonly effects: Effect[] = [];
  private hitsCache: { key: string; hits: Set<string> } | undefined;

  constructor(
    readonly ctx: RoundContext,
    readonly s: RoundState,
    readonly atMs: number,
  ) {}

  get inc(): IncidentRun | undefined {
    return this.s.incident;
  }

  /** A line of the scenario with {value ACTION} as the value that action applied. */
  fill(text: string): string {
    return this.ctx.values.size === 0 ? text : fillValues(text, this.inc?.values, this.ctx.values);
  }

  say(role: TranscriptEntry['role'], kind: TranscriptEntry['kind'], text: string, extra: Partial<TranscriptEntry> = {}): void {
    // what the candidate typed is never filled in: only the round's own lines carry {value ...}
    const entry: TranscriptEntry = { role, text: role === 'candidate' ? text : this.fill(text), kind, phase: this.s.phase.id, atMs: this.atMs };
    if (this.inc) entry.clock = formatClock(this.inc.now);
    Object.assign(entry, extra);
    this.s.transcript.push(entry);
    this.effects.push({ type: 'entry', entry });
  }

  /** Beats hit by all the candidate's text in the current phase. */
  hits(): Set<string> {
    const key = this.s.phase.answers.join('\n\n');
    if (this.hitsCache?.key !== key) this.hitsCache = { key, hits: hitBeats(analyze(key), this.ctx.rubric) };
    return this.hitsCache.hits;
  }

  holds(c: Condition | undefined): boolean {
    if (!c) return true;
    const inc = this.inc;
    if (c.hit && !c.hit.every((b) => this.hits().has(b))) return false;
    if (c.missed && !c.missed.every((b) => !this.hits().has(b))) return false;
    if (c.revealed && !c.revealed.every((p) => inc?.revealed.includes(p))) return false;
    if (c.notRevealed && c.notRevealed.some((p) => inc?.revealed.includes(p))) return false;
    if (c.did && !c.did.every((a) => inc?.did.includes(a))) return false;
    if (c.notDid && c.notDid.some((a) => inc?.did.includes(a))) return false;
    if (c.state && !Object.entries(c.state).every(([k, v]) => inc?.state[k] === v)) return false;
    if (c.after !== undefined && (!inc || inc.now < clockAfterStart(c.after, inc.startAt))) return false;
    if (c.before !== undefined && (!inc || inc.now >= clockAfterStart(c.before, inc.startAt))) return false;
    if (c.turn !== undefined && this.s.phase.answers.length < c.turn) return false;
    if (c.shape) {
      const shape = storyShape(this.s.phase.answers.join('\n\n'));
      if (c.shape.kind && shape.kind !== c.shape.kind) return false;
      if (c.shape.outcome && shape.outcome !== c.shape.outcome) return false;
    }
    return true;
  }

  /**
   * Whether a question still listens to what was said: one that takes a call for granted needs a
   * call in the last turn, and an either-or question already answered in this phase is not asked.
   */
  listens(question: string): boolean {
    const answers = this.s.phase.answers;
    if (presupposesDecision(question) && !makesDecision(answers[answers.length - 1] ?? '')) return false;
    return !answersAlternatives(question, answers.join('\n\n'));
  }
}

export function step(ctx: RoundContext, prev: RoundState, input: RoundInput, now: number): StepResult {
  if (prev.status === 'over') return { state: prev, effects: [] };
  // transcript entries are never changed once said: the new state shares them, so a step costs the
  // same on the thousandth turn as on the first
  const { transcript, ...rest } = prev;
  const s: RoundState = { ...structuredClone(rest), transcript: transcript.slice() };
  if (s.status === 'new') {
    const opened = openRound(ctx, s, now);
    if (input.type === 'start') return { state: s, effects: opened };
    const rest = play(ctx, s, input, now);
    return { state: s, effects: [...opened, ...rest] };
  }
  if (input.type === 'start') return { state: prev, effects: [] };
  return { state: s, effects: play(ctx, s, input, now) };
}

function openRound(ctx: RoundContext, s: RoundState, now: number): Effect[] {
  s.status = 'playing';
  s.startedAt = now;
  s.lastAtMs = 0;
  const st = new Step(ctx, s, 0);
  const incident = ctx.scenario.incident;
  if (incident && st.inc) {
    const day = incident.day ? ` ${incident.day}` : '';
    const sev = incident.page.severity ? ` [${incident.page.severity}]` : '';
    st.say('system', 'page', `${formatClock(st.inc.now)}${day}: page from ${incident.page.source}${sev}\n${incident.page.title}\n${incident.page.text}`, {
      title: incident.page.title,
    });
    fireEvents(st);
    st.say('system', 'notice', turnCost(st).trim(), { ref: 'clock' });
  }
  announcePhase(st);
  return st.effects;
}

function announcePhase(st: Step): void {
  const def = phaseDef(st.ctx, st.s);
  st.effects.push({ type: 'phase', id: def.id, title: def.title, index: st.s.phase.index });
  st.say('interviewer', 'prompt', st.s.phase.prompt, { ref: def.id });
}

function play(ctx: RoundContext, s: RoundState, input: RoundInput, now: number): Effect[] {
  const atMs = Math.max(s.lastAtMs, now - s.startedAt);
  s.lastAtMs = atMs;
  const st = new Step(ctx, s, atMs);
  const timeUp = s.budgetMs !== null && atMs >= s.budgetMs;
  if (!timeUp) warnings(st);

  if (input.type === 'tick' || input.type === 'close') {
    if (timeUp) wrap(st, 'time');
    else if (input.type === 'close') wrap(st, 'end');
    return st.effects;
  }
  if (input.type === 'command' || input.type === 'turn') {
    s.inputs = (s.inputs ?? 0) + 1;
    if (s.inputs > MAX_INPUTS) {
      st.say('system', 'notice', `This round has reached its limit of ${MAX_INPUTS.toLocaleString('en')} turns (answers and commands); the interviewer wraps up here.`, { ref: 'turn-limit' });
      wrap(st, 'end');
      return st.effects;
    }
  }
  if (input.type === 'command') {
    st.say('candidate', 'command', `/${input.command}`);
    command(st, input.command);
    if (timeUp && s.status !== 'over') wrap(st, 'time');
    return st.effects;
  }
  if (input.type === 'turn') turn(st, input.text, timeUp);
  return st.effects;
}

/** A round is a conversation, not a stream: far more than any real round, and a bound on its cost. */
export const MAX_INPUTS = 1000;

type Warning = 'half' | 'five' | 'one';

const WARNING_TEXT: Record<Warning, (left: string) => string> = {
  half: (left) => `Half time: ${left} left in the round.`,
  five: (left) => `Five minutes left (${left}).`,
  one: (left) => `One minute left (${left}).`,
};
const WARNING_REF: Record<Warning, string> = { half: 'half-time', five: 'five-minutes', one: 'one-minute' };

/**
 * The warnings a round of this budget gets, each at its time: half time for rounds over ten
 * minutes, five minutes left for rounds over five, one minute left for rounds of ten or less.
 */
function warningTimes(budgetMs: number): { which: Warning; atMs: number }[] {
  const out: { which: Warning; atMs: number }[] = [];
  if (budgetMs > 10 * MINUTE) out.push({ which: 'half', atMs: budgetMs / 2 });
  if (budgetMs > 5 * MINUTE) out.push({ which: 'five', atMs: budgetMs - 5 * MINUTE });
  if (budgetMs <= 10 * MINUTE && budgetMs > MINUTE) out.push({ which: 'one', atMs: budgetMs - MINUTE });
  return out;
}

/**
 * When the engine next needs to hear the clock (ms since the round started): the next warning
 * not yet given, else the end of the round. Null when untimed. Lets the edge wake an idle prompt.
 */
export function nextTimerMs(s: RoundState): number | null {
  if (s.budgetMs === null) return null;
  const pending = warningTimes(s.budgetMs).filter((w) => !s.warned[w.which]).map((w) => w.atMs);
  return Math.min(...pending, s.budgetMs);
}

function warnings(st: Step): void {
  const { s } = st;
  if (s.budgetMs === null) return;
  const remaining = s.budgetMs - st.atMs;
  for (const w of warningTimes(s.budgetMs)) {
    if (s.warned[w.which] || st.atMs < w.atMs) continue;
    s.warned[w.which] = true;
    st.effects.push({ type: 'warning', which: w.which, remainingMs: remaining });
    st.say('system', 'notice', WARNING_TEXT[w.which](formatDuration(remaining)), { ref: WARNING_REF[w.which] });
  }
  // a round too short for a half-time warning still passes half time
  if (st.atMs >= s.budgetMs / 2) s.warned.half = true;
}

function turn(st: Step, text: string, timeUp: boolean): void {
  const { s, ctx } = st;
  const def = phaseDef(ctx, s);
  const investigate = def.mode === 'investigate' && st.inc !== undefined;
  st.say('candidate', 'answer', text);
  s.turns++;
  s.phase.answers.push(text);
  (s.phase.answered ??= []).push(s.phase.question.kind === 'probe' ? s.phase.question.ref : null);

  let matched = true;
  // An ask that finds nothing gets the system's fallback at once. A turn that answers the
  // interviewer's question is not an ask: the system stays quiet unless it matched something.
  // A question is an ask even then ("is the consumer lag ok?"): it gets the fallback, and the
  // interviewer's question stays pending rather than counting as answered.
  let answered = false;
  let asideAsk = false;
  const answering = s.phase.question.kind !== 'prompt';
  if (investigate) {
    const reply = investigateTurn(st, text);
    matched = reply.matched;
    if (!matched) {
      asideAsk = answering && text.includes('?');
      if ((!answering || asideAsk) && !reply.replied) fallback(st, text);
      answered = true;
    }
    // Answering the interviewer's own question takes a minute of talking; looking or acting takes longer.
    advanceClock(st, matched, answering);
  }
  if (timeUp) {
    wrap(st, 'time');
    return;
  }
  const phaseSpent = s.budgetMs !== null && st.atMs - s.phase.startedAtMs >= phaseBudgetMs(s, def);

  if (investigate) {
    const ended =
      (def.endWhen !== undefined && Object.keys(def.endWhen).length > 0 && st.holds(def.endWhen)) ||
      (def.maxTurns !== undefined && s.phase.answers.length >= def.maxTurns) ||
      phaseSpent;
    if (ended) {
      if (!matched && !answered) fallback(st, text);
      if (phaseSpent) st.say('system', 'notice', `That is the time for ${def.title}; moving on.`, { ref: 'phase-time' });
      nextPhase(st);
      return;
    }
    if (asideAsk) return;
    const asked = investigateQuestion(st, def);
    if (!matched && !answered && !asked) fallback(st, text);
    return;
  }

  if (phaseSpent) {
    st.say('system', 'notice', `That is the time for ${def.title}; moving on.`, { ref: 'phase-time' });
    nextPhase(st);
    return;
  }
  if (askFollowUp(st, def)) return;
  if (askProbe(st, def)) return;
  nextPhase(st);
}

/**
 * After an investigate turn: a follow-up to the probe just answered, else the next inline probe
 * that holds, else a scenario follow-up whose condition holds. At most one question per turn, and
 * never a rubric beat's probe for the opening prompt: an investigation is not an essay question.
 */
function investigateQuestion(st: Step, def: Phase): boolean {
  const q = st.s.phase.question;
  if (q.kind !== 'prompt') {
    if (askFollowUp(st, def)) return true;
    st.s.phase.question = { kind: 'prompt', ref: def.id, targets: [...(def.targets ?? [])], followUpsAsked: 0 };
  }
  const probe = (def.probes ?? []).find((p) => !st.s.phase.probesAsked.includes(p.id) && st.holds(p.when) && st.listens(p.say));
  if (probe) {
    ask(st, probe);
    return true;
  }
  const asked = st.s.phase.followUpsAsked;
  const f = (def.followUps ?? []).find(
    (f) => !f.fallback && f.when !== undefined && Object.keys(f.when).length > 0 && (f.repeat || !asked.includes(f.id)) && st.holds(f.when) && st.listens(f.say),
  );
  if (!f) return false;
  asked.push(f.id);
  st.say('interviewer', 'followup', f.say, { ref: f.id });
  return true;
}

function ask(st: Step, probe: Probe): void {
  st.s.phase.probesAsked.push(probe.id);
  st.s.phase.question = { kind: 'probe', ref: probe.id, targets: [...(probe.targets ?? [])], followUpsAsked: 0 };
  st.say('interviewer', 'probe', probe.say, { ref: probe.id });
}

function askProbe(st: Step, def: Phase): boolean {
  const probes = def.probes ?? [];
  while (st.s.phase.nextProbe < probes.length) {
    const probe = probes[st.s.phase.nextProbe++]!;
    if (!st.holds(probe.when) || !st.listens(probe.say)) continue;
    ask(st, probe);
    return true;
  }
  return false;
}

function beatWeight(st: Step, ref: BeatRef): number {
  return st.ctx.rubric.beat(ref)?.spec.weight ?? 0;
}

/** Missed target beats of a question, most important first (authoring order on ties). */
function missedTargets(st: Step, q: Question): BeatRef[] {
  const hits = st.hits();
  return q.targets
    .map((ref, i) => ({ ref, i, w: beatWeight(st, ref) }))
    .filter((t) => !hits.has(t.ref))
    .sort((a, b) => b.w - a.w || a.i - b.i)
    .map((t) => t.ref);
}

interface Chosen {
  id: string;
  say: string;
  /** The beats it is aimed at: a scenario follow-up's `when.missed`, or the rubric probe's beat. */
  aimed: BeatRef[];
}

const chosen = (f: FollowUp): Chosen => ({ id: f.id, say: f.say, aimed: f.when?.missed ?? [] });

function chooseFollowUp(st: Step, def: Phase): Chosen | undefined {
  const q = st.s.phase.question;
  if (q.followUpsAsked >= (def.maxFollowUps ?? DEFAULT_MAX_FOLLOW_UPS)) return undefined;
  const asked = st.s.phase.followUpsAsked;
  const all = def.followUps ?? [];
  // A beat already followed up for this question is not asked about again, in other words or
  // through the rubric's probe: the interviewer moves on to the next missed target.
  const aimed = q.aimed ?? [];
  const fresh = (f: FollowUp) => !(f.when?.missed ?? []).some((b) => aimed.includes(b));
  const usable = (f: FollowUp) => (f.repeat || !asked.includes(f.id)) && fresh(f) && st.holds(f.when) && st.listens(f.say);
  const missed = missedTargets(st, q);
  // A probe whose targets were all hit is answered: nothing more to ask about it, fallback included.
  if (q.kind === 'probe' && q.targets.length > 0 && missed.length === 0) return undefined;
  for (const ref of missed) {
    if (aimed.includes(ref)) continue;
    const own = all.find((f) => !f.fallback && f.when?.missed?.includes(ref) && usable(f));
    if (own) return chosen(own);
    const beat = st.ctx.rubric.beat(ref);
    const id = `beat:${ref}`;
    if (beat?.spec.probe && !asked.includes(id) && st.listens(beat.spec.probe)) return { id, say: beat.spec.probe, aimed: [ref] };
  }
  // Scenario follow-ups with other conditions (a hit worth digging into, a state of the system).
  // One aimed at missed beats belongs to a question that targets them (the loop above): asked
  // after any other question it would be off the point, or jump ahead of the probe it belongs to.
  const other = all.find(
    (f) => !f.fallback && f.when !== undefined && Object.keys(f.when).length > 0 && !f.when.missed?.length && usable(f),
  );
  if (other) return chosen(other);
  // The fallback: only while this question still misses a target and nothing else applies.
  if (missed.length > 0) {
    const fallback = all.find((f) => f.fallback && usable(f));
    if (fallback) return chosen(fallback);
  }
  return undefined;
}

function askFollowUp(st: Step, def: Phase): boolean {
  const f = chooseFollowUp(st, def);
  if (!f) return false;
  const q = st.s.phase.question;
  st.s.phase.followUpsAsked.push(f.id);
  q.followUpsAsked++;
  if (f.aimed.length > 0) q.aimed = [...(q.aimed ?? []), ...f.aimed.filter((b) => !q.aimed?.includes(b))];
  st.say('interviewer', 'followup', f.say, { ref: f.id });
  return true;
}

function nextPhase(st: Step): void {
  const { s, ctx } = st;
  s.phase.endedAtMs = st.atMs;
  s.done.push(s.phase);
  const index = s.phase.index + 1;
  if (index >= ctx.scenario.phases.length) {
    wrap(st, 'done', true);
    return;
  }
  s.phase = newPhaseRun(ctx, index, st.atMs, s.seed, s.done.map((p) => p.prompt));
  announcePhase(st);
}

function wrap(st: Step, reason: 'done' | 'time' | 'end', phaseClosed = false): void {
  const { s, ctx } = st;
  if (!phaseClosed) {
    s.phase.endedAtMs = st.atMs;
    s.done.push(s.phase);
  }
  if (reason === 'time') st.say('system', 'notice', 'Time is up.', { ref: 'time-up' });
  // A closing line that fits where the round got to: the simulated clock and state at the end.
  const closing = (ctx.scenario.wrapUps ?? []).find((w) => st.holds(w.when))?.text ?? ctx.scenario.wrapUp;
  if (closing) st.say('interviewer', 'wrapup', closing);
  s.status = 'over';
  s.overReason = reason;
  st.effects.push({ type: 'over', reason });
}

// ---- incident play ----

/** At most this many panels open per turn; the rest are offered by name. */
const MAX_REVEALS = 3;
/** At most this many "did you mean" lines for the parts of a played turn that matched nothing. */
const MAX_SUGGESTIONS = 2;

interface TurnReply {
  /** A panel was shown or an action done (or tried). */
  matched: boolean;
  /** The system said something else in reply: a "did you mean". */
  replied: boolean;
}

/** One thing the candidate committed to in a turn: an action to do or a board to show, where it was said. */
type Act =
  | { kind: 'action'; at: number; first: boolean; clause: Clause; action: Action; typed?: GrammarMatch; value?: ActionValue }
  | { kind: 'panel'; at: number; first: boolean; panel: Panel };

/**
 * Answers one investigate turn. The turn is read into clauses first: an action is done only by a
 * clause that performs it (not a question, a musing, a refusal, a condition or an explanation),
 * and a panel opens only for a clause that asks (or acts on nothing the round knows). Everything
 * the turn commits to is then played in the order it was said: "check consumer lag, then cut
 * retention" looks before it cuts, and "…, but I will roll back first" rolls back first.
 */
function investigateTurn(st: Step, text: string): TurnReply {
  const inc = st.inc!;
  const doc = analyze(text);
  const clauses = readClauses(text, { verbs: st.ctx.verbs });
  const frameOf = (m: Match): Clause | undefined => clauseAt(clauses, m.start);
  const acted = new Set<Clause>();
  const acts: Act[] = [];
  // per action, the acts kept: its first, and one naming another value (a conflict to say); a
  // turn that says the same thing a thousand times is one act, not a thousand
  const byAction = new Map<string, (Act & { kind: 'action' })[]>();
  const planned: string[] = [];
  const readings = new Map(clauses.filter(performs).map((c) => [c, readAction(c)]));
  const take = (clause: Clause, action: Action, typed?: GrammarMatch) => {
    acted.add(clause);
    const value = typed?.value ?? readings.get(clause)?.value;
    const kept = byAction.get(action.id) ?? [];
    if (kept.length >= 2 || (kept.length === 1 && (value?.number === undefined || kept[0]!.value?.number === value.number))) return;
    const act: Act & { kind: 'action' } = { kind: 'action', at: clause.start, first: comesFirst(clause), clause, action };
    if (typed) act.typed = typed;
    if (value) act.value = value;
    acts.push(act);
    byAction.set(action.id, [...kept, act]);
    if (kept.length === 0) planned.push(action.id);
  };
  const grammar = (clause: Clause) => {
    const reading = readings.get(clause);
    // an action this turn already commits to counts as done for what follows it
    return reading ? matchGrammar(reading, st.ctx.vocabulary, planned.length > 0 ? [...inc.did, ...planned] : inc.did) : undefined;
  };
  // A flag named on the boards says exactly what changes: "set auth.partner.fail_open to false".
  for (const [clause, reading] of readings) {
    if (!reading || !namesFlag(reading, st.ctx.vocabulary)) continue;
    const g = grammar(clause);
    if (g) take(clause, g.words.action, g);
  }
  // A phrasing that matches, unless the clause's own verb names a different kind of action the
  // scenario has: "merge the open incidents" is not "open an incident".
  const disagrees = (clause: Clause, action: Action) => {
    const reading = readings.get(clause);
    const own = st.ctx.vocabulary.find((w) => w.action.id === action.id);
    const specific = reading?.classes.filter((c) => c !== 'set') ?? [];
    if (!own || own.classes.length === 0 || specific.length === 0 || specific.some((c) => own.classes.includes(c))) return false;
    const g = grammar(clause);
    return g !== undefined && g.words.action.id !== action.id && specific.some((c) => g.words.classes.includes(c));
  };
  for (const { action, patterns } of st.ctx.actions) {
    const clause = patterns
      .flatMap((p) => findMatches(doc, p))
      .map(frameOf)
      .find((c) => c !== undefined && performs(c) && !acted.has(c) && !disagrees(c, action));
    if (clause) take(clause, action);
  }
  // A verb and an object in the scenario's own words: "cap new authorisations at 800 per second".
  const uncaught: Clause[] = [];
  for (const clause of readings.keys()) {
    if (acted.has(clause)) continue;
    const g = grammar(clause);
    if (g) take(clause, g.words.action, g);
    else uncaught.push(clause);
  }
  const reveals: { panel: Panel; at: number; clause: Clause }[] = [];
  for (const { panel, patterns } of st.ctx.panels) {
    const hit = patterns
      .flatMap((p) => findMatches(doc, p))
      .map((x) => ({ x, c: frameOf(x) }))
      .filter(({ c }) => c !== undefined && (c.mood === 'ask' || (c.mood === 'act' && c.polarity === 'done' && !acted.has(c))))
      .sort((a, b) => a.x.start - b.x.start)[0];
    if (hit) reveals.push({ panel, at: hit.x.start, clause: hit.c! });
  }
  reveals.sort((a, b) => a.at - b.at);
  for (const r of reveals.slice(0, MAX_REVEALS)) acts.push({ kind: 'panel', at: r.at, first: comesFirst(r.clause), panel: r.panel });
  // in the order said (an act said to come first, first); at one place, actions in the
  // scenario's order, then boards
  acts.sort((a, b) => Number(b.first) - Number(a.first) || a.at - b.at);
  playActs(st, acts, text);
  const more = reveals.slice(MAX_REVEALS);
  if (more.length > 0) {
    st.say('system', 'notice', `also: ${more.map((r) => r.panel.title).join(', ')}, /panels`, { ref: 'more-panels' });
  }
  const matched = acts.length > 0;
  const shown = new Set(reveals.map((r) => r.clause));
  const missed = uncaught.filter((c) => !shown.has(c));
  if (!matched && uncaught.length > 0) {
    const near = closestAction(uncaught.flatMap((c) => c.words.map((w) => w.norm)), st.ctx.vocabulary);
    const say = near ? `I didn't catch an action. Did you mean: ${lowerFirst(near.title)}?` : "I didn't catch an action. /hint lists what you can do.";
    pathStep(inc, { kind: 'unmatched', said: text, result: say });
    st.say('system', 'fallback', say, { ref: 'did-you-mean' });
    return { matched, replied: true };
  }
  // the rest of the turn was played: a commitment in it that named nothing the round knows is
  // said back, so it is not lost in silence; only one led by a verb of the scenario's world ("fail
  // over the ..."), since a noun shared by chance ("ack the page") is no sign of a missed action
  const suggested = new Set<string>();
  const seen = new Set<string>();
  for (const clause of matched ? missed : []) {
    // the same words said again are the same miss; and a turn of thousands of clauses is not read
    // for more than a few
    const key = clause.words.map((w) => w.norm).join(' ');
    if (suggested.size >= MAX_SUGGESTIONS || seen.size >= MAX_SUGGESTIONS * 4) break;
    if (seen.has(key)) continue;
    seen.add(key);
    if (clause.verb === undefined || !st.ctx.verbs.has(clause.verb)) continue;
    const near = closestAction(clause.words.map((w) => w.norm), st.ctx.vocabulary);
    if (!near || inc.did.includes(near.id) || suggested.has(near.id)) continue;
    suggested.add(near.id);
    const say = `I didn't catch an action in "${clause.text.trim()}". Did you mean: ${lowerFirst(near.title)}?`;
    pathStep(inc, { kind: 'unmatched', said: clause.text, result: say });
    st.say('system', 'fallback', say, { ref: 'did-you-mean' });
  }
  return { matched, replied: false };
}

/**
 * Plays a turn's acts in order. Two that pull the system opposite ways (one sets what the other
 * unsets, or the same setting to two values) are not both played: the first said is taken, and
 * the interviewer says which and why.
 */
function playActs(st: Step, acts: readonly Act[], text: string): void {
  const setBy = new Map<string, { value: StateValue; act: Act & { kind: 'action' } }>();
  const valued = new Map<string, Act & { kind: 'action' }>();
  const done = new Set<string>();
  for (const act of acts) {
    if (act.kind === 'panel') {
      reveal(st, act.panel, text);
      continue;
    }
    const { action } = act;
    const spec = action.value;
    const resolved = spec ? resolveValue(spec, act.value) : undefined;
    if (done.has(action.id)) {
      // the same action again in one turn: a second value for it is a conflict, the same one is nothing new
      const first = valued.get(action.id);
      if (first && resolved?.ok && first.value?.number !== undefined && act.value?.number !== undefined) {
        const before = resolveValue(spec!, first.value);
        if (before.ok && before.amount !== resolved.amount) {
          conflict(st, first, act, `you gave ${spec!.name} two values (${before.shown} and ${resolved.shown}); I applied the first, ${before.shown}`);
        }
      }
      continue;
    }
    const sets = { ...(action.set ?? {}), ...(resolved?.ok ? (resolved.case.set ?? {}) : {}) };
    const clash = Object.entries(sets)
      .map(([k, v]) => ({ k, v, prior: setBy.get(k) }))
      .find(({ v, prior }) => prior !== undefined && prior.value !== v && prior.act.action.id !== action.id);
    if (clash && st.holds(action.when)) {
      conflict(st, clash.prior!.act, act, `they pull the system opposite ways, so I took the first you said: ${lowerFirst(clash.prior!.act.action.title)}`);
      continue;
    }
    done.add(action.id);
    if (act.value) valued.set(action.id, act);
    const applied = doAction(st, action, text, act.typed, act.value);
    if (applied) for (const [k, v] of Object.entries(sets)) setBy.set(k, { value: v, act });
  }
}

function conflict(st: Step, taken: Act & { kind: 'action' }, dropped: Act & { kind: 'action' }, why: string): void {
  const said = (a: Act & { kind: 'action' }) => `"${a.clause.text.trim()}"`;
  const say = `You said ${said(taken)} and ${said(dropped)}: ${why}. Say the other on its own if you mean it.`;
  pathStep(st.inc!, { kind: 'refused', ref: dropped.action.id, actionKind: dropped.action.kind, said: dropped.clause.text, result: say });
  st.say('interviewer', 'notice', say, { ref: 'conflict' });
}

const lowerFirst = (s: string): string => (/^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s);

function reveal(st: Step, panel: Panel, text: string): void {
  const inc = st.inc!;
  const view = panel.views.find((v) => st.holds(v.when)) ?? panel.views[panel.views.length - 1];
  const result = view ? st.fill(renderRamps(view.text, inc.now, inc.startAt)) : '(no data)';
  if (!inc.revealed.includes(panel.id)) inc.revealed.push(panel.id);
  pathStep(inc, { kind: 'asked', ref: panel.id, said: text, result });
  st.say('system', 'panel', result, { ref: panel.id, title: panel.title });
}

/** Does an action; true when it changed the system (not refused, not a value it cannot model). */
function doAction(st: Step, action: Action, text: string, typed?: GrammarMatch, value?: ActionValue): boolean {
  const inc = st.inc!;
  if (!st.holds(action.when)) {
    pathStep(inc, { kind: 'refused', ref: action.id, actionKind: action.kind, said: text, result: action.otherwise ?? '' });
    if (action.otherwise) st.say('system', 'action', action.otherwise, { ref: action.id, title: action.title });
    return false;
  }
  const first = !inc.did.includes(action.id);
  if (action.value) return doValued(st, action, action.value, text, value, first);
  const said = first ? action.says : (action.again ?? action.says);
  // the value typed on a flag is the value applied: "max_new_rps to 600" sets 600
  const says = typed ? withValue(said, typed.words, typed.value) : said;
  Object.assign(inc.state, action.set ?? {});
  const flag = typed?.words.flags[0];
  if (flag && typed?.value?.number !== undefined && typed.words.defaultValue) inc.state[flag] = typed.value.number;
  if (first) {
    inc.did.push(action.id);
    pathStep(inc, { kind: 'did', ref: action.id, actionKind: action.kind, said: text, result: says });
  }
  st.say('system', 'action', says, { ref: action.id, title: action.title });
  // a value named for an action that takes none is not silently dropped: say what was done instead
  const named = value ?? typed?.value;
  if (named?.led && named.number !== undefined && !mentions(says, named)) {
    st.say('system', 'notice', `This round has no setting for the ${typedText(named)} you named here: what happened is what the line above says.`, { ref: 'value-not-modelled' });
  }
  return true;
}

/** An action that takes a value: the candidate's (or the runbook's, when they named none), and its case. */
function doValued(st: Step, action: Action, spec: ActionValueSpec, text: string, value: ActionValue | undefined, first: boolean): boolean {
  const inc = st.inc!;
  const r = resolveValue(spec, value);
  if (!r.ok) {
    const say = `${action.title} to ${r.shown}: ${r.why}, so nothing was changed. ${r.next}`;
    pathStep(inc, { kind: 'refused', ref: action.id, actionKind: action.kind, said: text, result: say });
    st.say('system', 'action', say, { ref: action.id, title: action.title });
    return false;
  }
  const same = !first && spec.state !== undefined && inc.state[spec.state] === r.amount;
  const again = !first && (same || (spec.state === undefined && (inc.values?.[action.id] ?? '') === r.shown));
  const says = withShown(again ? (r.case.again ?? action.again ?? r.case.says ?? action.says) : (r.case.says ?? action.says), r.shown);
  if (!again) {
    Object.assign(inc.state, action.set ?? {}, r.case.set ?? {});
    if (spec.state) inc.state[spec.state] = r.amount;
    (inc.values ??= {})[action.id] = r.shown;
    if (first) inc.did.push(action.id);
    pathStep(inc, { kind: 'did', ref: action.id, actionKind: action.kind, said: text, result: says });
  }
  st.say('system', 'action', says, { ref: action.id, title: action.title });
  return !again;
}

/** Whether a reply already shows the number named ("800" in "max_new_rps set to 800"). */
function mentions(says: string, v: ActionValue): boolean {
  const n = v.number!;
  return [String(n), n.toLocaleString('en-GB')].some((t) => new RegExp(`(?<![\\d.,])${t.replace(/[.,]/g, '\\$&')}(?![\\d])`).test(says));
}

/** A value as the candidate named it, with its unit: "24 h", "800/s", "a day". */
function typedText(v: ActionValue): string {
  if (!v.unit || !/^[\d,.]+k?$/.test(v.text)) return v.text;
  const short = VALUE_UNITS[v.unit].short;
  return /^[/%]/.test(short) ? `${v.text}${short}` : `${v.text} ${short}`;
}

function fallback(st: Step, text: string): void {
  const inc = st.inc!;
  const fallbacks = st.ctx.scenario.incident?.fallbacks ?? [];
  const say = fallbacks.length > 0 ? fallbacks[inc.fallbackIndex % fallbacks.length]! : 'Nothing on the dashboards answers that.';
  inc.fallbackIndex++;
  pathStep(inc, { kind: 'unmatched', said: text, result: say });
  st.say('system', 'fallback', say, { ref: 'fallback' });
}

function pathStep(inc: IncidentRun, p: Omit<IncidentRun['path'][number], 'seq' | 'at'> & { at?: number }): void {
  inc.path.push({ seq: inc.path.length, at: p.at ?? inc.now, ...p } as IncidentRun['path'][number]);
}

/** Simulated minutes an answer to the interviewer's question takes when it looks at nothing and changes nothing. */
const ANSWER_MINUTES = 1;

/**
 * Moves the simulated clock after an investigate turn: minutesPerTurn when the turn looked at a
 * panel or did (or tried) an action, minutesPerMiss (default the same) when it found nothing.
 */
function advanceClock(st: Step, matched: boolean, answering: boolean): void {
  const inc = st.inc!;
  const incident = st.ctx.scenario.incident!;
  inc.now += matched ? incident.minutesPerTurn : answering ? ANSWER_MINUTES : (incident.minutesPerMiss ?? incident.minutesPerTurn);
  fireEvents(st);
}

/** Fires, in clock order, the events the simulated clock has passed. */
function fireEvents(st: Step): void {
  const inc = st.inc!;
  const events = (st.ctx.scenario.incident?.events ?? [])
    .map((e, i) => ({ e, i, at: clockAfterStart(e.at, inc.startAt) }))
    .filter(({ e, at }) => at <= inc.now && !inc.fired.includes(e.id))
    .sort((a, b) => a.at - b.at || a.i - b.i);
  for (const { e, at } of events) {
    inc.fired.push(e.id);
    const clockNow = inc.now;
    inc.now = at; // judge and stamp the event at its own time
    const holds = st.holds(e.when);
    if (holds) {
      Object.assign(inc.state, e.set ?? {});
      pathStep(inc, { kind: 'event', ref: e.id, result: e.says });
      st.say('system', 'event', e.says, { ref: e.id });
    }
    inc.now = clockNow;
  }
}

// ---- commands ----

function command(st: Step, cmd: RoundCommand): void {
  switch (cmd) {
    case 'time':
      st.say('system', 'notice', timeReport(st), { ref: 'time' });
      return;
    case 'hint':
      st.say('interviewer', 'notice', hint(st), { ref: 'hint' });
      return;
    case 'panels':
      st.say('system', 'notice', panelsReport(st), { ref: 'panels' });
      return;
    case 'help':
      st.say('system', 'notice', `Commands: ${ROUND_COMMANDS.map((c) => `/${c}`).join(' ')}`, { ref: 'help' });
      return;
    case 'skip':
      st.say('system', 'notice', `Skipping ${phaseDef(st.ctx, st.s).title}.`, { ref: 'skip' });
      nextPhase(st);
      return;
    case 'end':
      wrap(st, 'end');
      return;
  }
}

function timeReport(st: Step): string {
  const { s, ctx } = st;
  const def = phaseDef(ctx, s);
  const n = ctx.scenario.phases.length;
  const where = `Phase ${s.phase.index + 1} of ${n}: ${def.title}`;
  const clock = st.inc ? ` Simulated clock: ${formatClock(st.inc.now)}${ctx.scenario.incident?.day ? ` ${ctx.scenario.incident.day}` : ''}.` : '';
  if (s.budgetMs === null) return `Untimed round, ${formatDuration(st.atMs)} so far. ${where}.${clock}${turnCost(st)}`;
  const budget = phaseBudgetMs(s, def);
  const phaseLeft = budget - (st.atMs - s.phase.startedAtMs);
  return `${formatDuration(s.budgetMs - st.atMs)} left in the round. ${where} (${formatDuration(Math.max(0, phaseLeft))} of its ${formatDuration(budget)} left).${clock}${turnCost(st)}`;
}

/** What a turn costs on the simulated clock, said at the page and again by /time. */
function turnCost(st: Step): string {
  const incident = st.ctx.scenario.incident;
  if (!incident || !st.inc) return '';
  const per = incident.minutesPerTurn;
  const miss = incident.minutesPerMiss ?? per;
  const unit = (n: number) => `${n} minute${n === 1 ? '' : 's'}`;
  const looked = `A turn that looks at a board or changes something moves the simulated clock ${unit(per)}`;
  const idle = miss === per ? '' : `, one that finds nothing ${unit(miss)}`;
  return ` ${looked}${idle}; answering the interviewer's question takes ${unit(ANSWER_MINUTES)}.`;
}

function hint(st: Step): string {
  const { ctx, s } = st;
  const def = phaseDef(ctx, s);
  if (def.mode === 'investigate' && st.inc) {
    const open = evaluateChecks(ctx.scenario, st.inc)
      .filter((f) => f.beat && !f.beat.hit)
      .sort((a, b) => b.beat!.weight - a.beat!.weight)[0];
    if (open?.beat) return open.beat.tip;
  }
  const q = s.phase.question;
  const missed = missedTargets(st, q.targets.length > 0 ? q : { ...q, targets: def.targets ?? [] });
  for (const ref of missed) {
    const beat = ctx.rubric.beat(ref);
    if (beat?.spec.tip) return beat.spec.tip;
  }
  return 'You have covered what this question is after. Add detail, or /skip to move on.';
}

function panelsReport(st: Step): string {
  const inc = st.inc;
  const panels = st.ctx.scenario.incident?.panels ?? [];
  if (!inc || panels.length === 0) return 'There are no dashboards in this round.';
  const title = (id: string) => panels.find((p) => p.id === id)?.title ?? id;
  const firstSeen = (id: string) => inc.path.find((p) => p.kind === 'asked' && p.ref === id)?.at;
  const asked =
    inc.revealed.length > 0
      ? inc.revealed.map((id) => `  ${formatClock(firstSeen(id) ?? inc.now)}  ${title(id)}`).join('\n')
      : '  nothing yet';
  return `Asked for so far:\n${asked}\nDashboards you have:\n${panels.map((p) => `  - ${p.title}`).join('\n')}`;
}
