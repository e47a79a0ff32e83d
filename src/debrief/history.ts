import { SIGNAL_IDS, type SignalId } from '../rubric/types.js';
import type { ScenarioKind } from '../scenario/types.js';
import type { Debrief } from './types.js';
import type { TranscriptEntry } from '../round/transcript.js';
import { sanitize } from './sanitize.js';
import { displayWidth, padEnd, wrap } from './text.js';

// Progress across saved rounds: pure functions over session records (read by the caller).

/** How a complete round ended: played through ('done'), out of time ('time'), or stopped early ('end'). */
export type RoundEnding = 'done' | 'time' | 'end';

/** The parts of a saved round that history looks at. */
export interface PastRound {
  id: string;
  scenario: { id: string; kind: ScenarioKind; title: string; signals?: SignalId[] };
  startedAt: string;
  status: 'complete' | 'interrupted';
  /** How a complete round ended, when known. */
  ended?: RoundEnding;
  debrief?: Debrief | null;
  /** Not finished because another mockloop is playing it right now. */
  playing?: boolean;
}

export interface HistorySession {
  id: string;
  startedAt: string;
  scenario: { id: string; kind: ScenarioKind; title: string };
  status: 'complete' | 'interrupted';
  /** How a complete round ended, when known; 'end' is a round stopped early (/end, or the answers ran out). */
  ended?: RoundEnding;
  /** A complete round stopped before its last phase was played. */
  endedEarly?: true;
  scored: boolean;
  /** Being played right now in another mockloop (status stays "interrupted": it has no record yet). */
  playing?: true;
  /** Scored, but the candidate gave no answer (e.g. ended at once with /end): left out of trends and retakes. */
  noAnswers?: boolean;
  /** Level, label and score for each signal the round targeted. */
  signals: Partial<Record<SignalId, { level: number; label: string; score: number }>>;
}

export interface Retake {
  scenario: string;
  previous: string;
  latest: string;
  /** "signal-id/beat-id" hit in the latest attempt but not the previous one. */
  gained: string[];
  lost: string[];
}

export interface History {
  sessions: HistorySession[];
  /** Each signal's scores over the scored rounds that targeted it and had answers, oldest first. */
  trends: Partial<Record<SignalId, number[]>>;
  retakes: Retake[];
}

export function targetsOf(round: PastRound): SignalId[] {
  const t = round.debrief?.targets ?? round.scenario.signals;
  if (t && t.length > 0) return t;
  // an old or hand-made record without targets: the signals that said anything
  return (round.debrief?.signals ?? []).filter((s) => s.level > 0 || s.beats.some((b) => b.hit)).map((s) => s.id);
}

/**
 * How a saved round ended: as recorded, or, for a record saved before that was kept, as its
 * transcript shows it (the candidate's last word was /end, the turn limit, or time up).
 */
export function roundEnding(record: { status: string; ended?: RoundEnding; transcript?: readonly Pick<TranscriptEntry, 'role' | 'kind' | 'text' | 'ref'>[] }): RoundEnding | undefined {
  if (record.status !== 'complete') return undefined;
  if (record.ended) return record.ended;
  const transcript = record.transcript ?? [];
  if (transcript.some((e) => e.role === 'system' && e.ref === 'time-up')) return 'time';
  if (transcript.some((e) => e.role === 'system' && e.ref === 'turn-limit')) return 'end';
  const last = [...transcript].reverse().find((e) => e.role === 'candidate');
  if (last?.kind === 'command' && last.text.trim() === '/end') return 'end';
  return undefined;
}

const chronological = (a: PastRound, b: PastRound) =>
  a.startedAt < b.startedAt ? -1 : a.startedAt > b.startedAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** A scored round in which the candidate typed no answer at all: its zeros say nothing about progress. */
export function hasNoAnswers(round: PastRound): boolean {
  // words counts what the candidate typed (slash commands such as /end are not answers)
  return round.debrief ? round.debrief.overall.words === 0 : false;
}

/** Beat refs ("signal/beat") the debrief shows as hit. */
export function hitBeats(debrief: Debrief): Set<string> {
  const refs = new Set<string>();
  for (const s of debrief.signals) for (const b of s.beats) if (b.hit) refs.add(`${s.id}/${b.id}`);
  return refs;
}

/** For each scenario scored more than once: beats gained and lost, latest against the attempt before. */
export function retakeDiffs(rounds: readonly PastRound[]): Retake[] {
  const byScenario = new Map<string, PastRound[]>();
  for (const r of [...rounds].sort(chronological)) {
    if (!r.debrief || hasNoAnswers(r)) continue;
    byScenario.set(r.scenario.id, [...(byScenario.get(r.scenario.id) ?? []), r]);
  }
  const out: Retake[] = [];
  for (const [scenario, attempts] of byScenario) {
    if (attempts.length < 2) continue;
    const previous = attempts[attempts.length - 2]!;
    const latest = attempts[attempts.length - 1]!;
    const before = hitBeats(previous.debrief!);
    const after = hitBeats(latest.debrief!);
    out.push({
      scenario,
      previous: previous.id,
      latest: latest.id,
      gained: [...after].filter((r) => !before.has(r)).sort(),
      lost: [...before].filter((r) => !after.has(r)).sort(),
    });
  }
  return out.sort((a, b) => (a.scenario < b.scenario ? -1 : 1));
}

export function buildHistory(rounds: readonly PastRound[], options: { signal?: SignalId } = {}): History {
  const sorted = [...rounds].sort(chronological);
  const relevant = options.signal ? sorted.filter((r) => targetsOf(r).includes(options.signal!)) : sorted;
  const sessions: HistorySession[] = relevant.map((r) => {
    const signals: HistorySession['signals'] = {};
    for (const id of targetsOf(r)) {
      if (options.signal && id !== options.signal) continue;
      const s = r.debrief?.signals.find((x) => x.id === id);
      // a signal the round ended before asking about says nothing of the candidate
      if (s && s.notReached === undefined) signals[id] = { level: s.level, label: s.label, score: s.score };
    }
    const session: HistorySession = {
      id: r.id,
      startedAt: r.startedAt,
      scenario: { id: r.scenario.id, kind: r.scenario.kind, title: r.scenario.title },
      status: r.status,
      scored: Boolean(r.debrief),
      signals,
    };
    if (r.status === 'complete' && r.ended) session.ended = r.ended;
    if (session.ended === 'end') session.endedEarly = true;
    if (hasNoAnswers(r)) session.noAnswers = true;
    if (r.playing) session.playing = true;
    return session;
  });
  const trends: History['trends'] = {};
  for (const id of SIGNAL_IDS) {
    if (options.signal && id !== options.signal) continue;
    const scores = sessions.flatMap((s) => (s.signals[id] && !s.noAnswers ? [s.signals[id]!.score] : []));
    if (scores.length > 0) trends[id] = scores;
  }
  const retakes = retakeDiffs(relevant);
  if (options.signal) {
    const prefix = `${options.signal}/`;
    for (const r of retakes) {
      r.gained = r.gained.filter((g) => g.startsWith(prefix));
      r.lost = r.lost.filter((g) => g.startsWith(prefix));
    }
  }
  return { sessions, trends, retakes };
}

const SPARKS = '▁▂▃▄▅▆▇█';

/** Per retake, how many beats gained (and lost) are listed before "… and N more". */
const RETAKE_LINES = 8;

/**
 * What to type to name each round: its id's random suffix ("eb41") when that alone is unique,
 * else the whole id. `mockloop debrief` and `resume` accept either.
 */
/** A saved round's id ends in a random 4-hex suffix ("…-payment-auth-3am-eb41"): the short ref. */
export function idSuffix(id: string): string | undefined {
  return /-([0-9a-f]{4})$/.exec(id)?.[1];
}

export function shortRefs(ids: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const id of ids) {
    const s = idSuffix(id);
    if (s) counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  return ids.map((id) => {
    const s = idSuffix(id);
    // a suffix that also starts some id ("2026") would be read as that prefix
    return s && counts.get(s) === 1 && !ids.some((other) => other.startsWith(s)) ? s : id;
  });
}

/** One block per score on an absolute 0–100 scale, so rounds compare across time. */
export function sparkline(scores: readonly number[]): string {
  return scores.map((s) => SPARKS[Math.max(0, Math.min(7, Math.floor(Math.max(0, s) / 12.5)))]).join('');
}

export interface HistoryTextOptions {
  width?: number;
  /** How a round's start time is shown (the caller picks the time zone). */
  formatDate?: (iso: string) => string;
  /** Beat labels for the retake lines, by "signal/beat" ref. */
  beatLabels?: ReadonlyMap<string, string>;
}

export function beatLabels(rounds: readonly PastRound[]): Map<string, string> {
  const labels = new Map<string, string>();
  for (const r of rounds) for (const s of r.debrief?.signals ?? []) for (const b of s.beats) labels.set(`${s.id}/${b.id}`, sanitize(b.label));
  return labels;
}

export function renderHistoryText(history: History, options: HistoryTextOptions = {}): string {
  const width = options.width ?? 80;
  const date = options.formatDate ?? ((iso: string) => iso.slice(0, 16).replace('T', ' '));
  const out: string[] = [];
  if (history.sessions.length === 0) return 'No saved rounds yet. Play one with: mockloop run <scenario>\n';
  out.push(`Past rounds (${history.sessions.length}): mockloop debrief <ref> re-prints one`);
  const refs = shortRefs(history.sessions.map((s) => s.id));
  const refWidth = refs.reduce((w, r) => Math.max(w, displayWidth(sanitize(r))), 3);
  out.push(`  ${padEnd('ref', refWidth)}  ${padEnd('started', 16)}  scenario`);
  // folded, not spread: a history can hold more rounds than a call has arguments
  const idWidth = Math.min(28, history.sessions.reduce((w, s) => Math.max(w, displayWidth(sanitize(s.scenario.id))), -Infinity));
  history.sessions.forEach((s, i) => {
    const ref = sanitize(refs[i]!);
    const status = s.playing ? 'being played now' : s.endedEarly ? 'ended early' : s.status;
    const note = s.status === 'interrupted' ? '' : s.noAnswers ? ' (no answers)' : '';
    out.push(`  ${padEnd(ref, refWidth)}  ${date(s.startedAt)}  ${padEnd(sanitize(s.scenario.id), idWidth)}  ${status}${note}`);
    if (s.status === 'interrupted' && !s.scored && !s.playing) out.push(...wrap(`resume: mockloop resume ${ref} · score as is: mockloop debrief ${ref}`, width, '      '));
    if (s.noAnswers) return;
    const levels = Object.entries(s.signals).map(([id, v]) => `${id} ${v.label} ${v.score}`);
    if (levels.length > 0) out.push(...wrap(levels.join(' · '), width, '      '));
  });
  const trends = Object.entries(history.trends);
  if (trends.length > 0) {
    out.push('', 'Trends (score per scored round with answers, oldest first)');
    const w = trends.reduce((n, [id]) => Math.max(n, id.length), 0);
    for (const [id, scores] of trends) {
      const first = scores[0]!;
      const last = scores[scores.length - 1]!;
      const change = scores.length > 1 ? `  ${first} → ${last}` : `  ${last}`;
      out.push(`  ${padEnd(id, w)}  ${sparkline(scores)}${change}`);
    }
  }
  if (history.retakes.length > 0) {
    out.push('', 'Retakes (latest attempt against the one before)');
    const label = (ref: string) => options.beatLabels?.get(ref) ?? ref;
    for (const r of history.retakes) {
      out.push(`  ${sanitize(r.scenario)}`);
      if (r.gained.length + r.lost.length === 0) out.push('    same beats hit as last time');
      for (const g of r.gained.slice(0, RETAKE_LINES)) out.push(...wrap(`${label(g)} (${g})`, width, '    + '));
      if (r.gained.length > RETAKE_LINES) out.push(`    + … and ${r.gained.length - RETAKE_LINES} more beats hit (mockloop history --json lists them)`);
      for (const l of r.lost.slice(0, RETAKE_LINES)) out.push(...wrap(`${label(l)} (${l})`, width, '    − '));
      if (r.lost.length > RETAKE_LINES) out.push(`    − … and ${r.lost.length - RETAKE_LINES} more beats missed (mockloop history --json lists them)`);
    }
  }
  return `${out.join('\n')}\n`;
}

/** What `drill` practises when no signal is named, and why, in words the candidate sees. */
export interface DrillPick {
  signal: SignalId;
  reason: 'weakest' | 'least-recent';
  why: string;
}

/** Each signal's latest standing: its score and level in the latest scored round that targeted it. */
export function signalStandings(rounds: readonly PastRound[]): Map<SignalId, { score: number; level: number; label: string; at: string }> {
  const out = new Map<SignalId, { score: number; level: number; label: string; at: string }>();
  for (const r of [...rounds].sort(chronological)) {
    if (!r.debrief || hasNoAnswers(r)) continue;
    for (const id of targetsOf(r)) {
      const s = r.debrief.signals.find((x) => x.id === id);
      if (s && s.notReached === undefined) out.set(id, { score: s.score, level: s.level, label: s.label, at: r.startedAt });
    }
  }
  return out;
}

/** Below this level a signal is weak enough to drill before revisiting an old one. */
const SOLID_LEVEL = 3;

/**
 * From history: the weakest signal (lowest latest score, while it is below solid); once every
 * practised signal is solid, the one practised least recently, never-practised first (the spaced
 * repetition loop). Undefined with no scored history: the caller picks at random.
 */
export function pickDrill(rounds: readonly PastRound[], signals: readonly SignalId[] = SIGNAL_IDS): DrillPick | undefined {
  const standings = signalStandings(rounds);
  if (standings.size === 0) return undefined;
  const known = signals.filter((id) => standings.has(id));
  const weakest = [...known].sort((a, b) => standings.get(a)!.score - standings.get(b)!.score || signals.indexOf(a) - signals.indexOf(b))[0];
  const w = weakest ? standings.get(weakest) : undefined;
  if (weakest && w && w.level < SOLID_LEVEL) {
    return { signal: weakest, reason: 'weakest', why: `your weakest signal: ${w.label} (${w.score}/100) in your latest round that targeted it, on ${w.at.slice(0, 10)}` };
  }
  const never = signals.find((id) => !standings.has(id));
  if (never) return { signal: never, reason: 'least-recent', why: 'every signal you have practised is solid or better, and this one you have not practised yet' };
  const oldest = [...known].sort((a, b) => (standings.get(a)!.at < standings.get(b)!.at ? -1 : standings.get(a)!.at > standings.get(b)!.at ? 1 : 0))[0]!;
  const o = standings.get(oldest)!;
  return { signal: oldest, reason: 'least-recent', why: `every signal is solid or better; this is the one you practised least recently (${o.label}, ${o.score}/100, on ${o.at.slice(0, 10)})` };
}
