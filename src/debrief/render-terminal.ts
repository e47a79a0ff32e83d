import { Chalk, type ChalkInstance } from 'chalk';
import type { Debrief } from './types.js';
import { debriefView, MILESTONES, nextCommand, type ReportView, type SignalView } from './view.js';
import { displayWidth, formatDuration, padEnd, padStart, scoreBar, truncate, wrap } from './text.js';
import { sanitize } from './sanitize.js';
import { inlineName } from './model.js';
import { reviewMarks, VERDICT_TEXT, verdictLine, type SignalMarks } from './render-facilitator.js';
import { summaryLines } from './render-summary.js';

export interface TerminalOptions {
  /** Decided at the edge (see io/colour.ts); false prints plain text. */
  colour?: boolean;
  /** Columns to wrap at; default 80. */
  width?: number;
  /** The round's title, shown as the heading. */
  title?: string;
  /** The saved round's id, so the note on hidden missed beats can name the command that lists them. */
  sessionId?: string;
  /** The saved round's short ref (as history shows it), for the commands that show more. */
  ref?: string;
  /** Every beat with its quote, the time per phase and the investigation (default: the summary). */
  full?: boolean;
  /** The summary plus the time per phase and the investigation timeline. */
  timeline?: boolean;
}

/** Missed beats shown per signal; the rest are counted on one line (Markdown and JSON list them all). */
export const MISSES_SHOWN = 3;

export const SYMBOLS = { hit: '✓', hypothetical: '~', miss: '✗', flag: '⚑' } as const;

interface Ctx {
  c: ChalkInstance;
  width: number;
  /** A facilitated round: the facilitator's verdicts per reviewed signal. */
  marks?: Map<string, SignalMarks>;
  /** The saved round's id, when known (not for `score`). */
  sessionId?: string;
}

/** Where the missed beats the terminal leaves out are listed. */
export function allMissesHint(sessionId: string | undefined): string {
  return sessionId ? `mockloop debrief ${sanitize(sessionId)} --format md lists them all` : '--format md lists them all';
}

function levelColour(c: ChalkInstance, level: number): ChalkInstance {
  return level >= 3 ? c.green : level === 2 ? c.yellow : c.red;
}

function signalLines(s: SignalView, { c, width, marks: all, sessionId }: Ctx): string[] {
  const out: string[] = [];
  const marks = all?.get(s.id);
  const bar = scoreBar(s.score);
  // label, score and bar in fixed columns at the right so the bars line up down the page
  const rightWidth = 9 + 1 + 3 + 2 + 10;
  const colourRight = `${levelColour(c, s.level)(padEnd(s.label, 9))} ${padStart(String(s.score), 3)}  ${levelColour(c, s.level)(bar.filled)}${c.dim(bar.empty)}`;
  // a signal the round did not aim at sits under its own heading (reportLines), so its name is bare
  const name = s.name + (s.targeted || !marks ? '' : ' (not targeted)');
  const gap = width - displayWidth(name) - rightWidth;
  if (gap >= 2) out.push(c.bold(name) + ' '.repeat(gap) + colourRight);
  else out.push(c.bold(truncate(name, width)), `  ${colourRight}`);
  if (marks) out.push(...wrap(verdictLine(s, marks), width, '  ').map((l) => c.cyan(l)));

  const quote = (text: string) => wrap(`“${text}”`, width, '      ').map((l) => c.italic(l));
  const flagLines = () =>
    s.flags.flatMap((f) => [
      ...wrap(f.label + (f.fromPath ? ' (from what you did in the round)' : ''), width, `  ${SYMBOLS.flag} `).map((l, i) => (i === 0 ? `  ${c.magenta(SYMBOLS.flag)}${l.slice(3)}` : l)),
      ...(f.evidence ? quote(f.evidence) : []),
      ...(f.why ? wrap(`why it counts against: ${f.why}`, width, '      ').map((l) => c.dim(l)) : []),
    ]);

  // a signal the round did not aim at: what was hit in passing, on a line or two, and any red flag
  if (!s.targeted && !marks) {
    // the story beats (numbers, outcome, takeaway, ownership) are the same in every signal: left out here
    const own = s.hits.filter((h) => !h.story);
    if (own.length > 0) {
      const hits = own.map((h) => (h.hypothetical ? `${h.label} (hypothetical)` : h.label)).join(' · ');
      out.push(...wrap(`${SYMBOLS.hit} ${hits}`, width, '  ', '    ').map((l) => c.dim(l)));
    }
    out.push(...flagLines());
    return out;
  }

  for (const h of s.hits) {
    const sym = h.hypothetical ? SYMBOLS.hypothetical : SYMBOLS.hit;
    const notes = [
      h.fromPath ? '(from what you did in the round)' : '',
      h.hypothetical ? '(only as a hypothetical: partial credit)' : '',
      h.quotedAbove ? '(same sentence as above)' : '',
      marks?.hits.has(h.label) ? `(${VERDICT_TEXT[marks.hits.get(h.label)!]})` : '',
    ]
      .filter(Boolean)
      .join(' ');
    const lines = wrap(`${h.label}${notes ? ` ${notes}` : ''}`, width, `  ${sym} `);
    out.push(...lines.map((l, i) => (i === 0 ? `  ${(h.hypothetical ? c.yellow : c.green)(sym)}${l.slice(3)}` : l)));
    if (h.evidence) out.push(...quote(h.evidence));
  }
  // never asked about: say so rather than list what was not said
  if (s.notReached !== undefined && s.hits.length === 0 && s.flags.length === 0) {
    out.push(...wrap(`not asked: the round ended before ${s.notReached}`, width, '  · '));
    return out;
  }
  // nothing hit and nothing against it: one line with where to start
  if (s.hits.length === 0 && s.flags.length === 0 && s.misses.length > 1 && !s.misses.some((m) => marks?.misses.has(m.label))) {
    const top = s.misses[0]!;
    const lines = wrap(`none of its ${s.misses.length} beats hit; start with: ${top.tip || top.label}`, width, `  ${SYMBOLS.miss} `);
    out.push(...lines.map((l, i) => (i === 0 ? `  ${c.red(SYMBOLS.miss)}${l.slice(3)}` : l)));
    return out;
  }
  // the heaviest few misses, plus any a facilitator gave a verdict on
  const shown = s.misses.filter((m, i) => i < MISSES_SHOWN || marks?.misses.has(m.label));
  for (const m of shown) {
    const verdict = marks?.misses.get(m.label);
    const lines = wrap(m.label + (m.fromPath ? ' (in what you did)' : '') + (verdict ? ` (${VERDICT_TEXT[verdict]})` : ''), width, `  ${SYMBOLS.miss} `);
    out.push(...lines.map((l, i) => (i === 0 ? `  ${c.red(SYMBOLS.miss)}${l.slice(3)}` : l)));
    if (m.tip) out.push(...wrap(`tip: ${m.tip}`, width, '      ').map((l) => c.dim(l)));
  }
  const hidden = s.misses.length - shown.length;
  if (hidden > 0) {
    const text = `… and ${hidden} more missed beat${hidden === 1 ? '' : 's'} (${allMissesHint(sessionId)})`;
    out.push(...wrap(text, width, '  ', '    ').map((l) => c.dim(l)));
  }
  out.push(...flagLines());
  if (s.hits.length + s.misses.length + s.flags.length === 0) out.push(c.dim('  (no beats in the rubric for this signal)'));
  return out;
}

/** Overall line, signal sections and the folded line: shared by the debrief and `score`. */
export function reportLines(view: ReportView, ctx: Ctx): string[] {
  const { c, width } = ctx;
  const out: string[] = [];
  out.push(`${c.bold('Overall')}  ${levelColour(c, view.overall.level)(view.overall.label)}  ${view.overall.score}/100`);
  out.push(...wrap(view.overall.line, width));
  if (view.salad.length > 0) {
    const which = view.salad.length === view.signals.length ? (view.signals.length === 1 ? '' : ' on every signal') : ` on ${view.salad.map(inlineName).join(', ')}`;
    out.push(...wrap(`Reads as a list of terms rather than a story: level capped${which}. Say what you did, in sentences.`, width, '! ').map((l) => c.yellow(l)));
  }
  let aside = false;
  for (const s of view.signals) {
    if (!s.targeted && !ctx.marks && !aside) {
      aside = true;
      out.push('', c.bold('Heard in passing (not targeted)'));
    }
    out.push('', ...signalLines(s, ctx));
  }
  if (view.folded.length > 0) {
    out.push('', ...wrap(`${view.foldedLead}: ${view.folded.join(', ')}.`, width).map((l) => c.dim(l)));
  }
  return out;
}

export function legend(c: ChalkInstance, width: number): string {
  const text = `${SYMBOLS.hit} hit · ${SYMBOLS.hypothetical} hypothetical only · ${SYMBOLS.miss} missed · ${SYMBOLS.flag} red flag`;
  return wrap(text, width).map((l) => c.dim(l)).join('\n');
}

export function makeChalk(colour: boolean | undefined): ChalkInstance {
  return new Chalk({ level: colour ? 1 : 0 });
}

export function renderTerminal(debrief: Debrief, options: TerminalOptions = {}): string {
  const c = makeChalk(options.colour);
  const width = Math.max(40, options.width ?? 80);
  const ctx: Ctx = { c, width };
  const named = options.ref ?? options.sessionId;
  if (named) ctx.sessionId = named;
  if (debrief.facilitated) ctx.marks = reviewMarks(debrief);
  const out: string[] = [];
  const title = options.title ? `Debrief: ${sanitize(options.title)}` : 'Debrief';
  out.push(c.bold(title), c.dim('─'.repeat(Math.min(width, displayWidth(title)))));
  // a facilitated round is shown whole: the review of each beat is the point of it
  if (!options.full && !debrief.facilitated) {
    const ref = options.ref ?? options.sessionId;
    out.push(...summaryLines(debrief, { c, width, ...(ref ? { ref } : {}), levelColour: (l) => levelColour(c, l), symbols: SYMBOLS }));
    if (options.timeline) out.push(...phaseLines(debrief, c, width), ...timelineLines(debrief, c, width));
    return `${out.join('\n')}\n`;
  }
  if (debrief.facilitated) {
    out.push(...wrap("Reviewed by a facilitator: each reviewed signal shows the scorer's level and the facilitator's, and each reviewed beat the facilitator's verdict.", width).map((l) => c.dim(l)));
  }
  out.push(...reportLines(debriefView(debrief), ctx));
  out.push(...phaseLines(debrief, c, width), ...timelineLines(debrief, c, width));
  if (debrief.milestones) {
    const parts = MILESTONES.map(([k, label]) => `${label} ${debrief.milestones?.[k] ?? c.red('never')}`);
    out.push('', ...wrap(parts.join(' · '), width));
  }

  if (debrief.next) {
    const signal = debrief.signals.find((s) => s.id === debrief.next?.signal);
    const name = signal ? sanitize(signal.name) : debrief.next.signal;
    out.push('', ...wrap(`Next: ${name}, with ${nextCommand(debrief.next)}`, width, '', '  ').map((l, i) => (i === 0 ? c.bold(l.slice(0, 5)) + l.slice(5) : l)));
    out.push(...wrap(sanitize(debrief.next.why), width, '  '));
  }
  out.push('', legend(c, width));
  return `${out.join('\n')}\n`;
}

function phaseLines(debrief: Debrief, c: ChalkInstance, width: number): string[] {
  if (debrief.phases.length === 0) return [];
  const out = ['', c.bold('Time per phase')];
  const nameWidth = Math.min(debrief.phases.reduce((n, p) => Math.max(n, displayWidth(sanitize(p.title))), 0), width - 32);
  for (const p of debrief.phases) {
    const budgetMs = p.budgetMinutes * 60_000;
    const over = p.spentMs - budgetMs;
    const note = p.spentMs === 0 ? c.dim('  not reached') : over > 0 ? c.yellow(`  over by ${formatDuration(over)}`) : '';
    out.push(`  ${padEnd(truncate(sanitize(p.title), nameWidth), nameWidth)}  ${padStart(formatDuration(p.spentMs), 6)} / ${padStart(formatDuration(budgetMs), 5)}${note}`);
  }
  return out;
}

function timelineLines(debrief: Debrief, c: ChalkInstance, width: number): string[] {
  if (!debrief.timeline || debrief.timeline.length === 0) return [];
  const out = ['', c.bold('Investigation (simulated clock)')];
  // one turn that revealed several panels is one entry: what was asked, then a line per result
  const groups: (typeof debrief.timeline)[] = [];
  for (const t of debrief.timeline) {
    const last = groups[groups.length - 1]?.[0];
    if (last && last.clock === t.clock && last.kind === t.kind && last.what === t.what) groups[groups.length - 1]!.push(t);
    else groups.push([t]);
  }
  for (const group of groups) {
    const t = group[0]!;
    const head = `  ${t.clock}  ${padEnd(t.kind === 'unmatched' ? 'no match' : t.kind, 8)} `;
    const indent = ' '.repeat(displayWidth(head));
    out.push(...wrap(t.kind === 'event' ? `[${sanitize(t.what)}]` : `“${sanitize(t.what)}”`, width, head));
    // a lone result is wrapped whole; several get a line each
    if (group.length === 1) out.push(...wrap(`→ ${sanitize(t.result)}`, width, indent, `${indent}  `).map((l) => c.dim(l)));
    else for (const g of group) out.push(c.dim(truncate(`${indent}→ ${sanitize(g.result)}`, width)));
  }
  return out;
}
